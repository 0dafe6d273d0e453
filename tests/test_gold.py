"""Gold-format export read back from the article's named graph."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Store
from test_events import doc, hit

from judikg.errors import StoreError
from judikg.evaluation import score
from judikg.graph.gold import entity_key, extract_to_gold, graph_to_gold, output_stem
from judikg.graph.rdfize import article_quads
from judikg.ingest.extract import extract_from_hits
from judikg.iris import article_graph_iri, city_iri, country_iri, national_org_iri, person_iri

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TEXT = "Председатель Верховного Суда Казахстана Асламбек Мергалиев подписал меморандум в Сеуле."
SC = national_org_iri("kz", "supreme-court")


def _gold() -> dict:
    d = doc(TEXT, "ru")
    hits = [
        hit(TEXT, "Верховного Суда Казахстана", SC, "SupremeCourt", "KZ"),
        hit(TEXT, "Казахстана", country_iri("kz"), "Country", "KZ"),
        hit(TEXT, "Асламбек Мергалиев", person_iri("mergaliev", "a"), "Person"),
        hit(TEXT, "Сеуле", city_iri("seoul"), "City"),
    ]
    ex = extract_from_hits(d, hits, dates=[])
    quads = article_quads(d, ex, ingested_at=datetime(2024, 1, 1, tzinfo=timezone.utc), extractor_version="t")
    store = Store()
    store.extend(quads)
    return graph_to_gold(store.quads_for_pattern(None, None, None, NamedNode(article_graph_iri(d.sha256))), "t")


def test_graph_to_gold_shape_and_relations() -> None:
    gold = _gold()
    assert gold["id"] == "t" and gold["lang"] == "ru" and gold["published"] == "2024-05-28"
    by_key = {e["key"]: e for e in gold["entities"]}
    assert by_key[entity_key(SC)]["country"] == "KZ"
    assert by_key["person.mergaliev-a"]["country"] == "KZ"
    (agreement,) = [e for e in gold["entities"] if e["type"] == "Agreement"]  # Memorandum → Agreement family
    assert agreement["mentions"] == ["меморандум"]
    rels = {(r["type"], r["subject"], r["object"], r.get("role")) for r in gold["relations"]}
    assert ("post", "person.mergaliev-a", entity_key(SC), "chair") in rels
    assert ("country", entity_key(SC), "country.kz", None) in rels
    assert ("signatory", agreement["key"], "person.mergaliev-a", None) in rels
    assert ("location", agreement["key"], "city.seoul", None) in rels
    assert score(gold, gold, TEXT).relation_total.f1 == 1.0


def test_export_is_deterministic() -> None:
    assert json.dumps(_gold(), ensure_ascii=False) == json.dumps(_gold(), ensure_ascii=False)


def test_graph_without_article_is_refused() -> None:
    with pytest.raises(StoreError, match="jk:Article"):
        graph_to_gold([])


def test_output_stem() -> None:
    assert output_stem("a/b/a001.txt") == "a001"
    assert output_stem("x/feed.jsonl:3") == "feed-3"
    assert output_stem("<stdin>") == "stdin"


def test_extract_to_gold_on_seeds_and_bad_input(tmp_path: Path) -> None:
    if not SHARED.exists():
        pytest.skip("../shared not found: the shared test corpus sits beside the clone in CI")
    failures = []
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    written = extract_to_gold([*seeds, tmp_path / "missing.txt"], tmp_path / "out", on_error=failures.append)
    assert [p.stem for p in written] == [p.stem for p in seeds]
    assert len(failures) == 1 and "missing.txt" in failures[0].source
    data = json.loads(written[0].read_text(encoding="utf-8"))
    assert data["lang"] == "ky" and data["entities"]
