"""The one-pass cue scanner finds exactly what a separate scan per cue kind would find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from judikg.ingest.extract.evidence import CUE_KINDS, Article, _alternation, _kind_entries, cue_scanner
from judikg.ingest.model import Document

LANGS = ("en", "ru", "ky", "kk", "kk-Latn")

# Words that start cues of several kinds, and near misses sharing their first letters.
_WORDS = {
    "en": ["conference", "the event", "event", "took part", "met", "member of", "memorandum", "signed",
           "chairman", "4th", "third", "con", "the", "participants", "between", "within", "invited"],
    "ru": ["конференции", "Конституционного", "приняли участие", "встретился", "мероприятие", "членом",
           "меморандум", "подписали", "Председатель", "между", "в рамках", "кон", "четвёртой", "приглашены"],
    "ky": ["конференциясына", "катышты", "иш-чара", "мүчөсү", "меморандумга", "кол коюшту", "төрагасы",
           "алкагында", "жолугушту", "үчүнчү", "сот", "чакырылган", "ортосунда"],
    "kk": ["конференциясы", "қатысты", "іс-шара", "мүшесі", "меморандумға", "қол қойды", "төрағасы",
           "аясында", "кездесті", "үшінші", "сот", "арасында"],
    "kk-Latn": ["konferensııasy", "qatysty", "is-shara", "múshesi", "memorandýmǵa", "qol qoıdy", "tóraǵasy",
                "aıasynda", "kezdesti", "ýshinshi", "sot", "arasynda", "baıandama", "semınar"],
}
_GLUE = [" ", ", ", ". ", "\n", "-", "«", "» ", " (", ") ", "x", "2024 ", " İ "]


def _reference(lang: str, kind: str, text: str) -> list[tuple[int, int, str, str]]:
    """What one ``finditer`` of the kind's own regex finds (the behaviour before the scanner)."""
    out = []
    entries = [(label, slug, pats) for label, slug, pats in _kind_entries(kind, lang) if pats]
    if not entries:
        return out
    regex = re.compile(
        r"(?<!\w)(?:" + "|".join(f"(?P<g{i}>{_alternation(p)})" for i, (_, _, p) in enumerate(entries)) + r")(?!\w)",
        re.IGNORECASE,
    )
    for m in regex.finditer(text):
        i = int(m.lastgroup[1:]) if m.lastgroup else 0
        out.append((m.start(), m.end(), entries[i][0], entries[i][1]))
    return out


@settings(max_examples=150, deadline=None)
@given(
    lang=st.sampled_from(LANGS),
    parts=st.lists(st.tuples(st.integers(0, 40), st.sampled_from(_GLUE), st.booleans()), max_size=14),
)
def test_scanner_equals_one_scan_per_kind(lang: str, parts: list[tuple[int, str, bool]]) -> None:
    words = _WORDS[lang]
    text = "".join(
        (words[i % len(words)].upper() if upper else words[i % len(words)]) + glue for i, glue, upper in parts
    )
    found = cue_scanner(lang).scan(text)
    for kind in CUE_KINDS:
        got = [(c.start, c.end, c.label, c.slug) for c in found.get(kind, [])]
        assert got == _reference(lang, kind, text), (kind, text)


_MARKED = ["O\u0301tan", "2024ж", "a_b", "x\u0301konferensııasy", "\u0301", "İ"]


@settings(max_examples=150, deadline=None)
@given(
    lang=st.sampled_from(LANGS),
    parts=st.lists(st.tuples(st.integers(0, 40), st.sampled_from(_GLUE + _MARKED), st.booleans()), max_size=14),
)
def test_cues_from_the_token_scan_equal_one_scan_per_kind(lang: str, parts: list[tuple[int, str, bool]]) -> None:
    """Given the recogniser's token starts (words glued to digits, underscores and combining
    marks included), the scanner finds what each kind's own regex finds."""
    from judikg.ingest.extract.tokens import scan

    words = _WORDS[lang] + _MARKED
    text = "".join(
        (words[i % len(words)].upper() if upper else words[i % len(words)]) + glue for i, glue, upper in parts
    )
    found = cue_scanner(lang).scan(text, scan(text))
    for kind in CUE_KINDS:
        got = [(c.start, c.end, c.label, c.slug) for c in found.get(kind, [])]
        assert got == _reference(lang, kind, text), (kind, text)


def test_a_cue_after_a_combining_mark_is_found() -> None:
    from judikg.ingest.extract.tokens import scan

    text = "Ó\u0301konferensııasy"  # a stray mark glued to the cue word: one token for the recogniser
    assert scan(text).starts == [0, len(text)]  # no token starts after the mark
    for tokens in (None, scan(text)):
        assert [c.start for c in cue_scanner("kk-Latn").scan(text, tokens)["events"]] == [2]


def test_cues_of_a_sentence_by_kind() -> None:
    text = "The judges met in Bishkek. They took part in the conference and signed a memorandum."
    doc = Document("t.txt", text, text, "0" * 64, "en", "Latn")
    art = Article(doc, [], [(0, 26), (27, len(text))])
    assert [text[c.start : c.end] for c in art.cues("participation", 27, len(text))] == ["took part"]
    assert [text[c.start : c.end] for c in art.cues("participation", 0, 26)] == ["met"]
    events = art.cues("events")
    assert [(text[c.start : c.end], c.label) for c in events] == [("conference", "Conference")]
    assert [c.label for c in art.cues("agreements")] == ["Memorandum"]
    assert art.cues("no-such-kind") == []


def test_unknown_language_scans_every_language() -> None:
    text = "Судьи приняли участие. Judges took part."
    kinds = cue_scanner("*").scan(text)
    assert len(kinds["participation"]) == 2


_ORDINAL_PIECES = ["IX", "4th", "10-м", "4-изилдөөчүлүк", "1-декабрында", "third", "шестого", "үчүнчү",
                   "20", "жылдык", "annual", "эл аралык", "  ", ", ", "XXL", "2024-жылы", "үшінші"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_ORDINAL_PIECES), max_size=8), st.sampled_from(LANGS))
def test_ordinal_from_article_cues_equals_window_scan(pieces: list[str], lang: str) -> None:
    from judikg.ingest.extract.events import ordinal_before

    text = " ".join(pieces) + " конференция conference"
    start = text.index(" конференция") + 1
    doc = Document("t.txt", text, text, "0" * 64, lang, "Cyrl")
    art = Article(doc, [], [(0, len(text))])
    words = art.cues("ordinals", max(0, start - 48), start)
    assert ordinal_before(text, start, 0, words) == ordinal_before(text, start, 0)


def test_patterns_cut_per_prefix_keep_case_insensitive_letters() -> None:
    """Each word start runs only the patterns its prefix allows; letters the regexes match
    case-insensitively but lower() keeps apart ("ı", "I", "i", "İ") still reach their patterns."""
    words = ["konferensııasy", "KONFERENSIIASY", "Konferensiiasy", "qatysty", "QATYSTY", "İs-shara", "is-shara",
             "baıandama", "Baiandama", "BAIANDAMA", "SEMINAR"]
    for lang in ("kk-Latn", "en", "ky"):
        text = " ".join(words) + ". " + ", ".join(w.upper() for w in words)
        found = cue_scanner(lang).scan(text)
        for kind in CUE_KINDS:
            assert [(c.start, c.end, c.label, c.slug) for c in found.get(kind, [])] == _reference(lang, kind, text), kind


def test_a_cue_written_only_with_dotless_i_is_found_in_upper_case() -> None:
    """The lexicon writes "baıandama" (a report) with "ı" alone; in capitals it is "BAIANDAMA",
    which lower() makes "baiandama" while the regex matches it case-insensitively."""
    scanner = cue_scanner("kk-Latn")
    for text in ("BAIANDAMA jasady", "Baiandama jasady", "baıandama jasady"):
        assert [(c.start, c.end) for c in scanner.scan(text)["participation"]] == [(0, 9)], text


def test_a_kind_tried_everywhere_keeps_the_other_kinds() -> None:
    """A kind whose cues begin with no tellable letters runs at every word start, and the kinds
    with prefixes still run where theirs begin."""
    from dataclasses import replace

    from judikg.ingest.extract.evidence import _Kind

    scanner = cue_scanner("en")
    numbers = _Kind("numbers", re.compile(r"(?P<g0>\d+)(?!\w)"), (("Number", "number"),), {"g0": ("Number", "number")})
    wider = replace(scanner, kinds=(*scanner.kinds, numbers), any_prefix=((len(scanner.kinds), numbers.regex.match),))
    text = "In 2024 judges of 12 courts took part in the conference in Astana."
    found, before = wider.scan(text), scanner.scan(text)
    assert [text[c.start : c.end] for c in found["numbers"]] == ["2024", "12"]
    assert {k: v for k, v in found.items() if k != "numbers"} == before
    assert [text[c.start : c.end] for c in found["participation"]] == ["took part"]
