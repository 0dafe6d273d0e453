"""The shortcuts the event passes take for speed give what the plain reading gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from judikg.ingest.extract.events import _YEAR_RE, _years, ordinal_before

# digits (ASCII and another script's), the year starts, a letter, separators
_DIGITS_AND_GAPS = st.text(alphabet="0129\u0663 a-.", max_size=40)


@given(_DIGITS_AND_GAPS, st.integers(0, 45), st.integers(0, 45))
def test_sentence_years_match_the_lookbehind_regex(text: str, start: int, end: int) -> None:
    expected = [(m.start(), m.group(1)) for m in _YEAR_RE.finditer(text, start, end)]
    assert _years(text, start, end) == expected


def test_years_next_to_other_digits_are_not_years() -> None:
    assert _years("12019 2020 20211 x1999", 0, 22) == [(6, "2020"), (18, "1999")]
    # a year may start where the search starts even after a digit: the lookbehind sees it
    assert _years("12019", 1, 5) == []


@given(st.text(alphabet="IVX 4-th.a\u0436", max_size=60), st.integers(0, 60))
def test_ordinal_shortcut_agrees_with_scanning_the_window(text: str, start: int) -> None:
    start = min(start, len(text))
    # no ordinal-word cues in the window: the shortcut may answer without reading it
    assert ordinal_before(text, start, 0, []) == _scan_numerals_only(text, start)


def _scan_numerals_only(text: str, start: int) -> int | None:
    # ordinal words are Cyrillic/Latin words none of which this alphabet can spell, so reading
    # the window for them finds nothing: the answer comes from numerals alone
    return ordinal_before(text, start, 0, None)
