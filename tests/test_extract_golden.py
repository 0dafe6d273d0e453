"""Extraction quality on the shared gold corpus (../shared/seeds + ../shared/corpus/dev), ratcheted.

Two measurements:
* the whole pipeline (read → extract → RDF → gold JSON from the graph), scored by the scorer;
* the relation passes alone, fed with the gold entities as hits, so that a drop in events,
  agreements, posts or relations shows apart from recogniser changes.

Floors are the measured figures rounded down to 0.01: raise them when extraction improves,
never lower them silently.

Known gaps (entity F1 0.949 meets its 0.90 target; relation F1 0.766 meets the issue-3 target
of 0.75 on the full pipeline, 0.819 with gold entities as hits):
* post / partOf / country (full pipeline 0.69 / 0.72 / 0.92, oracle 0.76 / 1.0 / 1.0): the gap
  is mostly recogniser-side — sub-units (departments, collegia, chambers) not composed with
  Hit.parent, bare «Жогорку соттун» without a country, "RK" read as Korea — plus titles split
  from the name by a clause or a parenthesis, and "elected X as chair of Y" («Х-ты … төрағасы
  етіп сайладық»), where the title follows the name with no comma.
* participant (0.73): actors of verb-less or future sentences ("leaders of X, Y will exchange
  views"), a second event of one type in one sentence ("two bilateral meetings with A and B …
  memoranda" gives one meeting and one memorandum), verbs of gathering other than meeting
  ("assembled in Jakarta"), and institutions in a person's title, which gold sometimes counts
  as participants too.
* location (0.76): earlier editions listed as "2014 in Johannesburg (South Africa), the second in
  2016 in Buenos Aires" (the second edition is an anaphoric «экинчиси», not a trigger); a
  meeting whose place is only that of an event named sentences away is left without one.
* memberOf (0.83): members named by a pronoun or a possessive ("it", «Елімиз» = our country).
* organizer (0.67): hosts written as the sentence subject far from the cue.
* Event dates are not scored by the gold format, so date errors do not show here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from judikg.evaluation import EvaluationReport, evaluate_dirs, score, type_family
from judikg.graph.gold import extract_to_gold
from judikg.ingest.extract import extract_from_hits
from judikg.ingest.model import Document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# Measured with the pipeline as committed (see the module docstring for the gaps).
FULL_ENTITY_F1 = 0.96
FULL_RELATION_F1 = 0.77
FULL_PUBLISHED_ACCURACY = 1.0
ORACLE_RELATION_F1 = 0.81
ORACLE_EVENT_F1 = 0.84
ORACLE_AGREEMENT_F1 = 0.94
#: Per relation type on the full pipeline, so that a gain in one type cannot hide a loss in another.
FULL_RELATION_FLOORS = {
    "participant": 0.73, "memberOf": 0.83, "organizer": 0.66, "location": 0.76, "party": 0.66, "post": 0.68,
    "signedAt": 0.74, "country": 0.92, "partOf": 0.72,
}


def _dirs() -> list[Path]:
    if not SHARED.exists():
        pytest.skip("../shared not found: the shared test corpus sits beside the clone in CI")
    return [SHARED / "seeds", SHARED / "corpus" / "dev"]


@pytest.fixture(scope="module")
def full_report(tmp_path_factory: pytest.TempPathFactory) -> EvaluationReport:
    dirs = _dirs()
    out = tmp_path_factory.mktemp("pred")
    texts = sorted(p for d in dirs for p in d.glob("*.txt"))
    extract_to_gold(texts, out)
    return evaluate_dirs(out, dirs)


def test_full_pipeline_floors(full_report: EvaluationReport) -> None:
    assert len(full_report.articles) == 24
    assert full_report.entity_micro().f1 >= FULL_ENTITY_F1, full_report.summary()
    assert full_report.relation_micro().f1 >= FULL_RELATION_F1, full_report.summary()
    assert full_report.published_accuracy() >= FULL_PUBLISHED_ACCURACY, full_report.summary()
    relations = full_report.relations()
    for predicate, floor in FULL_RELATION_FLOORS.items():
        assert relations[predicate].f1 >= floor, (predicate, relations[predicate].as_dict())


@dataclass(frozen=True, slots=True)
class _GoldHit:
    start: int
    end: int
    iri: str
    type: str
    country: str | None
    parent: str | None = None
    labels: Mapping[str, str] = field(default_factory=dict)
    sentence: int = 0


def _gold_hits(gold: dict, text: str) -> list[_GoldHit]:
    parents = {r["subject"]: r["object"] for r in gold["relations"] if r["type"] == "partOf"}
    hits = []
    for e in gold["entities"]:
        if e["type"] in ("Event", "Agreement"):
            continue  # these are what the passes under test must find
        for m in e["mentions"]:
            at = text.find(m)
            while at >= 0:
                hits.append(_GoldHit(at, at + len(m), e["key"], e["type"], e.get("country"), parents.get(e["key"])))
                at = text.find(m, at + 1)
    return hits


def test_relation_passes_on_gold_entities() -> None:
    report = EvaluationReport()
    for d in _dirs():
        for gold_path in sorted(d.glob("*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            text = gold_path.with_name(gold_path.name[: -len(".gold.json")] + ".txt").read_text(encoding="utf-8")
            lang = gold["lang"]
            doc = Document(gold_path.name, text, text, "0" * 64, lang, "Latn" if lang in ("en", "kk-Latn") else "Cyrl",
                           published=gold["published"])
            ex = extract_from_hits(doc, _gold_hits(gold, text))
            predicted = {
                "published": gold["published"],
                "entities": [
                    {"key": e.iri, "type": type_family(e.type), "mentions": [m.surface for m in e.mentions]}
                    for e in ex.entities
                ],
                "relations": [
                    {"type": r.predicate, "subject": r.subject, "object": r.object, "role": r.role}
                    for r in ex.relations
                ],
            }
            report.articles.append(score(predicted, gold, text))
    assert report.relation_micro().f1 >= ORACLE_RELATION_F1, report.summary()
    assert report.entities()["Event"].f1 >= ORACLE_EVENT_F1
    assert report.entities()["Agreement"].f1 >= ORACLE_AGREEMENT_F1
