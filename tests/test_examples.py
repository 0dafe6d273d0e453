"""The sample articles in examples/articles/ and their gold annotations stay consistent.

Each gold file follows the shared gold format (mentions are exact substrings of the article,
relations join existing entities with the allowed types, roles and dates are well formed), so
users without the shared corpus can check extraction on the samples. The same checker is run
on the shared seed golds, when present, to show it encodes the same conventions.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

ARTICLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"

ORG_TYPES = frozenset(
    {
        "ConstitutionalCourt",
        "SupremeCourt",
        "Court",
        "CourtAdministration",
        "JudicialCouncil",
        "GovernmentBody",
        "LegalAidBody",
        "Association",
        "InternationalOrganization",
    }
)
ENTITY_TYPES = ORG_TYPES | {"Person", "Event", "Agreement", "Country", "City"}
# Countries act as participants and members where the text names only the state (seed convention).
ACTORS = ORG_TYPES | {"Country"}
RELATION_TYPES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "party": (frozenset({"Agreement"}), ACTORS),
    "signatory": (frozenset({"Agreement"}), frozenset({"Person"})),
    "signedAt": (frozenset({"Agreement"}), frozenset({"Event"})),
    "participant": (frozenset({"Event"}), ACTORS | {"Person"}),
    "organizer": (frozenset({"Event"}), ORG_TYPES),
    "location": (frozenset({"Event", "Agreement"}), frozenset({"City", "Country"})),
    "post": (frozenset({"Person"}), ORG_TYPES),
    "memberOf": (ACTORS, ORG_TYPES),
    "partOf": (ORG_TYPES, ORG_TYPES),
    "country": (ORG_TYPES, frozenset({"Country"})),
}
ROLES = frozenset(
    {
        "chair",
        "deputy-chair",
        "head",
        "deputy-head",
        "secretary-general",
        "minister",
        "deputy-minister",
        "judge",
        "president",
        "vice-president",
        "member",
        "other",
    }
)
LANGS = frozenset({"ky", "kk", "kk-Latn", "ru", "en", "uz"})
# Letters only one of the two Kazakh Latin alphabets uses.
KK_LATN_2018 = frozenset("áǵýńúÁǴÝŃÚ")
KK_LATN_2021 = frozenset("äğñşūÄĞÑŞŪ")

_ISO_PARTIAL = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
_ISO_FORMATS = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}


def is_iso_partial_date(value: object) -> bool:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming a real calendar date."""
    if not isinstance(value, str) or not _ISO_PARTIAL.fullmatch(value):
        return False
    try:
        dt.datetime.strptime(value, _ISO_FORMATS[len(value)])
    except ValueError:
        return False
    return True


class _ArticleText(HTMLParser):
    """Collects the text inside <article>, which is where a news page keeps its story."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article" or self.depth:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


def html_article_text(source: str) -> str:
    parser = _ArticleText()
    parser.feed(source)
    return "".join(parser.parts)


@dataclass(frozen=True)
class Sample:
    name: str  # gold stem, e.g. "ky_2022_bali_wccj" or "en_2024_2025_news.L1"
    form: str  # "txt", "html" or "jsonl"
    text: str
    gold: dict


def load_samples(folder: Path) -> list[Sample]:
    samples: list[Sample] = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        stem = gold_path.name.removesuffix(".gold.json")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        line = re.fullmatch(r"(.+)\.L(\d+)", stem)
        if line:
            records = (folder / f"{line.group(1)}.jsonl").read_text(encoding="utf-8").splitlines()
            samples.append(Sample(stem, "jsonl", json.loads(records[int(line.group(2)) - 1])["text"], gold))
        elif (folder / f"{stem}.html").exists():
            text = html_article_text((folder / f"{stem}.html").read_text(encoding="utf-8"))
            samples.append(Sample(stem, "html", text, gold))
        else:
            samples.append(Sample(stem, "txt", (folder / f"{stem}.txt").read_text(encoding="utf-8"), gold))
    return samples


def gold_problems(sample: Sample) -> list[str]:
    """Every way a gold file departs from the format; empty when it conforms."""
    gold, text, problems = sample.gold, sample.text, []
    if gold.get("lang") not in LANGS:
        problems.append(f"lang {gold.get('lang')!r}")
    if gold.get("published") is not None and not is_iso_partial_date(gold["published"]):
        problems.append(f"published {gold['published']!r}")
    entities = {e["key"]: e for e in gold["entities"]}
    if len(entities) != len(gold["entities"]):
        problems.append("duplicate entity keys")
    for e in gold["entities"]:
        if e["type"] not in ENTITY_TYPES:
            problems.append(f"{e['key']}: type {e['type']!r}")
        if not e["mentions"]:
            problems.append(f"{e['key']}: no mentions")
        problems += [f"{e['key']}: mention {m!r} not in text" for m in e["mentions"] if not m or m not in text]
        country = e.get("country")
        if country is not None and not re.fullmatch(r"[A-Z]{2}", country):
            problems.append(f"{e['key']}: country {country!r}")
        if e["type"] in ("Event", "Agreement") and e.get("date") is not None and not is_iso_partial_date(e["date"]):
            problems.append(f"{e['key']}: date {e['date']!r}")
    for r in gold["relations"]:
        label = f"{r['type']} {r['subject']}->{r['object']}"
        if r["type"] not in RELATION_TYPES:
            problems.append(f"{label}: unknown relation type")
            continue
        subject, obj = entities.get(r["subject"]), entities.get(r["object"])
        if subject is None or obj is None:
            problems.append(f"{label}: endpoint missing")
            continue
        subject_types, object_types = RELATION_TYPES[r["type"]]
        if subject["type"] not in subject_types or obj["type"] not in object_types:
            problems.append(f"{label}: {subject['type']} -> {obj['type']} not allowed")
        if r["type"] == "post" and r.get("role") not in ROLES:
            problems.append(f"{label}: role {r.get('role')!r}")
        if r["type"] == "country" and subject.get("country") != obj.get("country"):
            problems.append(f"{label}: entity country {subject.get('country')!r} differs")
    return problems


SAMPLES = load_samples(ARTICLES)


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.name for s in SAMPLES])
def test_gold_is_consistent_with_its_article(sample: Sample) -> None:
    assert gold_problems(sample) == []


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.name for s in SAMPLES])
def test_gold_header_matches_article(sample: Sample) -> None:
    assert sample.gold["id"] == sample.name
    if sample.form == "txt":
        headline, date_line = sample.text.splitlines()[:2]
        assert sample.gold["title"] == headline
        assert date_line.strip(), "second line is the date line"
    elif sample.form == "html":
        assert sample.gold["title"] in sample.text
    assert 120 <= len(sample.text.split()) <= 400, "short news articles of 120-350 words of body"


def test_enough_articles_in_every_language_and_script() -> None:
    assert len(SAMPLES) >= 12
    langs = {s.gold["lang"] for s in SAMPLES}
    assert {"ky", "kk", "kk-Latn", "ru", "en"} <= langs
    latin = [s.text for s in SAMPLES if s.gold["lang"] == "kk-Latn"]
    assert any(KK_LATN_2018 & set(t) and not KK_LATN_2021 & set(t) for t in latin), "a 2018-alphabet article"
    assert any(KK_LATN_2021 & set(t) and not KK_LATN_2018 & set(t) for t in latin), "a 2021-alphabet article"


def test_html_and_jsonl_forms_exist() -> None:
    forms = {s.form for s in SAMPLES}
    assert {"txt", "html", "jsonl"} <= forms
    page = next(ARTICLES.glob("*.html")).read_text(encoding="utf-8")
    for tag in ("<nav", "<footer", "<script", "<article"):
        assert tag in page


def test_jsonl_records_have_the_documented_fields() -> None:
    for path in ARTICLES.glob("*.jsonl"):
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert len(records) >= 2
        for rec in records:
            assert set(rec) == {"text", "title", "url", "published", "lang"}
            assert rec["url"].startswith("https://example.org/")
            assert is_iso_partial_date(rec["published"]) and rec["lang"] in LANGS


def test_samples_link_across_languages() -> None:
    """The demo graph needs the same events and institutions reported in several languages."""
    by_event: dict[str, set[str]] = {}
    for s in SAMPLES:
        for e in s.gold["entities"]:
            if e["type"] in ("Event", "Agreement"):
                by_event.setdefault(e["name_en"], set()).add(s.gold["lang"])
    assert sum(len(langs) >= 2 for langs in by_event.values()) >= 2


def test_checker_flags_a_broken_gold() -> None:
    gold = {
        "id": "x",
        "lang": "ky",
        "published": "2024-13-01",
        "entities": [
            {"key": "a", "type": "Person", "mentions": ["Ким"], "country": None},
            {"key": "b", "type": "Court", "mentions": ["сот"], "country": "KG"},
        ],
        "relations": [
            {"type": "post", "subject": "a", "object": "b", "role": "boss"},
            {"type": "party", "subject": "a", "object": "b"},
            {"type": "location", "subject": "a", "object": "zz"},
        ],
    }
    problems = gold_problems(Sample("x", "txt", "Ким келди", gold))
    assert any("published" in p for p in problems)
    assert any("'сот' not in text" in p for p in problems)
    assert any("role 'boss'" in p for p in problems)
    assert any("Person -> Court not allowed" in p for p in problems)
    assert any("endpoint missing" in p for p in problems)


@given(st.dates(), st.sampled_from([4, 7, 10]))
def test_partial_dates_at_every_precision_are_valid(day: dt.date, precision: int) -> None:
    assert is_iso_partial_date(day.isoformat()[:precision])


@given(st.text(max_size=12))
def test_partial_date_check_accepts_only_calendar_dates(value: str) -> None:
    if is_iso_partial_date(value):
        dt.datetime.strptime(value, _ISO_FORMATS[len(value)])
        assert value.isascii()


def test_checker_accepts_the_shared_seed_golds() -> None:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared not found: the shared test corpus sits beside the clone in CI")
    for sample in load_samples(seeds):
        assert gold_problems(sample) == [], sample.name
