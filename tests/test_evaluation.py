"""The scorer: matching rule, counts, report aggregation, on hand-made and real gold files."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judikg.errors import InputError
from judikg.evaluation import Counts, evaluate_dirs, score, type_family

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

TEXT = "Председатель Верховного Суда Казахстана Асламбек Мергалиев подписал меморандум в Сеуле."
GOLD = {
    "id": "t1",
    "lang": "ru",
    "published": "2024-05-28",
    "entities": [
        {"key": "sc", "type": "SupremeCourt", "mentions": ["Верховного Суда Казахстана"], "country": "KZ"},
        {"key": "kz", "type": "Country", "mentions": ["Казахстана"]},
        {"key": "merg", "type": "Person", "mentions": ["Асламбек Мергалиев"]},
        {"key": "mou", "type": "Agreement", "mentions": ["меморандум"]},
        {"key": "seoul", "type": "City", "mentions": ["Сеуле"]},
    ],
    "relations": [
        {"type": "post", "subject": "merg", "object": "sc", "role": "chair"},
        {"type": "country", "subject": "sc", "object": "kz"},
        {"type": "signatory", "subject": "mou", "object": "merg"},
        {"type": "location", "subject": "mou", "object": "seoul"},
    ],
}


def test_gold_against_itself_is_perfect() -> None:
    s = score(GOLD, GOLD, TEXT)
    assert s.entity_total.f1 == 1.0 and s.relation_total.f1 == 1.0 and s.published_ok


def test_overlap_and_family_match_with_other_keys() -> None:
    pred = {
        "published": "2024-05-28",
        "entities": [
            {"key": "a", "type": "SupremeCourt", "mentions": ["Верховного Суда"]},  # partial span
            {"key": "b", "type": "Person", "mentions": ["Мергалиев"]},
            {"key": "c", "type": "Memorandum", "mentions": ["меморандум"]},  # subclass → Agreement
            {"key": "d", "type": "Country", "mentions": ["Сеуле"]},  # wrong family: no match
        ],
        "relations": [
            {"type": "post", "subject": "b", "object": "a", "role": "chair"},
            {"type": "signatory", "subject": "c", "object": "b"},
            {"type": "location", "subject": "c", "object": "d"},
        ],
    }
    s = score(pred, GOLD, TEXT)
    assert s.entity_total.tp == 3 and s.entity_total.fp == 1 and s.entity_total.fn == 2
    assert s.relation_total.tp == 2 and s.relation_total.fp == 1 and s.relation_total.fn == 2
    assert s.entities["Agreement"].tp == 1


def test_post_role_must_match() -> None:
    pred = copy.deepcopy(GOLD)
    pred["relations"][0]["role"] = "judge"
    s = score(pred, GOLD, TEXT)
    assert s.relations["post"].tp == 0 and s.relations["post"].fp == 1 and s.relations["post"].fn == 1


def test_matching_is_one_to_one() -> None:
    pred = {
        "entities": [
            {"key": "x1", "type": "Person", "mentions": ["Асламбек Мергалиев"]},
            {"key": "x2", "type": "Person", "mentions": ["Мергалиев"]},
        ]
    }
    s = score(pred, GOLD, TEXT)
    assert s.entities["Person"].tp == 1 and s.entities["Person"].fp == 1


def test_published_date_wrong_and_missing_mentions() -> None:
    pred = {"published": "2024-05", "entities": [{"key": "q", "type": "City", "mentions": ["Бишкек"]}]}
    s = score(pred, GOLD, TEXT)
    assert not s.published_ok
    assert s.entities["City"].tp == 0 and s.entities["City"].fp == 1


def test_type_family() -> None:
    assert type_family("RoundTable") == "Event" and type_family("Memorandum") == "Agreement"
    assert type_family("SupremeCourt") == "SupremeCourt"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(range(len(GOLD["entities"]))), unique=True))
def test_dropping_entities_lowers_recall_exactly(dropped: list[int]) -> None:
    pred = copy.deepcopy(GOLD)
    keep_keys = {e["key"] for i, e in enumerate(GOLD["entities"]) if i not in dropped}
    pred["entities"] = [e for e in pred["entities"] if e["key"] in keep_keys]
    s = score(pred, GOLD, TEXT)
    assert s.entity_total.tp == len(keep_keys)
    assert s.entity_total.fn == len(dropped)
    assert s.entity_total.fp == 0
    survivors = [r for r in GOLD["relations"] if r["subject"] in keep_keys and r["object"] in keep_keys]
    assert s.relation_total.tp == len(survivors)


@given(st.integers(0, 50), st.integers(0, 50), st.integers(0, 50))
def test_counts_f1_bounds(tp: int, fp: int, fn: int) -> None:
    c = Counts(tp, fp, fn)
    assert 0.0 <= c.f1 <= 1.0
    assert min(c.precision, c.recall) - 1e-9 <= c.f1 <= max(c.precision, c.recall) + 1e-9


def test_evaluate_dirs_on_temp_files(tmp_path: Path) -> None:
    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    gold_dir.mkdir()
    pred_dir.mkdir()
    (gold_dir / "t1.txt").write_text(TEXT, encoding="utf-8")
    (gold_dir / "t1.gold.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    (gold_dir / "t2.txt").write_text(TEXT, encoding="utf-8")
    (gold_dir / "t2.gold.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    (pred_dir / "t1.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    report = evaluate_dirs(pred_dir, [gold_dir])
    assert len(report.articles) == 2
    assert report.entity_micro().recall == pytest.approx(0.5)
    assert report.entity_micro().precision == 1.0
    data = report.to_json()
    assert data["by_language"]["ru"]["articles"] == 2
    assert any(p["kind"] == "miss" for p in data["problems"])
    json.dumps(data)  # serialisable


def test_evaluate_dirs_rejects_non_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a folder"):
        evaluate_dirs(tmp_path, [tmp_path / "nope"])


def test_real_gold_scores_perfect_against_itself(tmp_path: Path) -> None:
    if not SHARED.exists():
        pytest.skip("../shared not found: the shared test corpus sits beside the clone in CI")
    dirs = [SHARED / "seeds", SHARED / "corpus" / "dev"]
    for d in dirs:
        for g in d.glob("*.gold.json"):
            (tmp_path / (g.name[: -len(".gold.json")] + ".json")).write_bytes(g.read_bytes())
    report = evaluate_dirs(tmp_path, dirs)
    assert len(report.articles) == 24
    assert report.entity_micro().f1 == 1.0
    assert report.relation_micro().f1 == 1.0
    assert report.published_accuracy() == 1.0
