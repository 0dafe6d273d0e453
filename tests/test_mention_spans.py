"""graph.mention_spans: the jk:spans literal round-trips, and the span check finds every misfit."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judikg.errors import StoreError
from judikg.graph.mention_spans import SPANS_PATTERN, format_spans, is_spans, parse_spans, span_problems

PAIRS = st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 10**7)), min_size=1, max_size=30)


@given(PAIRS)
def test_spans_round_trip_sorted_and_distinct(pairs: list[tuple[int, int]]) -> None:
    value = format_spans(pairs)
    assert is_spans(value) and re.match(SPANS_PATTERN, value)
    assert parse_spans(value) == sorted(set(pairs))
    assert format_spans(reversed(pairs)) == value


@given(st.text(alphabet="0123456789- ,\n٣", max_size=20))
@settings(max_examples=300)
def test_parse_accepts_exactly_the_pattern(value: str) -> None:
    if re.fullmatch(r"[0-9]+-[0-9]+( [0-9]+-[0-9]+)*", value):
        assert parse_spans(value) == [(int(a), int(b)) for a, b in (s.split("-") for s in value.split(" "))]
    else:
        with pytest.raises(StoreError, match="jk:spans"):
            parse_spans(value)


@pytest.mark.parametrize("value", ["", "1-2 ", " 1-2", "1-2  3-4", "1-2,3-4", "1-2\n", "-1-2", "1-2-3", "١-٢"])
def test_malformed_values(value: str) -> None:
    assert not is_spans(value)
    with pytest.raises(StoreError, match="re-ingest"):
        parse_spans(value)


TEXT = "Жогорку Сотунун төрагасы Жогорку Сотко барды; Жогорку Сот жана AACC."


def spans_and_surfaces(words: list[str]) -> tuple[str, set[str]]:
    pairs = []
    for word in words:
        pairs += [(m.start(), m.end()) for m in re.finditer(rf"{re.escape(word)}(?!\w)", TEXT)]
    return format_spans(pairs), set(words)


def test_fitting_spans_have_no_problem() -> None:
    spans, surfaces = spans_and_surfaces(["Жогорку Сотунун", "Жогорку Сотко", "Жогорку Сот"])
    assert len(parse_spans(spans)) == 3
    assert span_problems(TEXT, spans, surfaces) == []


@given(st.integers(0, len(TEXT) - 1), st.integers(1, 20), st.integers(-2, 2), st.integers(-2, 2))
def test_a_moved_span_is_a_problem(start: int, length: int, move_start: int, move_end: int) -> None:
    end = min(start + length, len(TEXT))
    surface = TEXT[start:end]
    moved = (max(start + move_start, 0), max(end + move_end, 0))
    problems = span_problems(TEXT, f"{moved[0]}-{moved[1]}", {surface})
    fits = moved[0] < moved[1] <= len(TEXT) and TEXT[moved[0]:moved[1]] == surface
    assert (problems == []) == fits
    if not fits:
        assert {p.property for p in problems} == {"spans", "surface"}
        assert any(p.value == f"{moved[0]}-{moved[1]}" for p in problems)


def test_each_kind_of_misfit_names_its_value() -> None:
    spans, surfaces = spans_and_surfaces(["Жогорку Сотко", "AACC"])
    assert [(p.property, p.value) for p in span_problems(TEXT, spans, surfaces | {"Жогорку"})] == [
        ("surface", "Жогорку")]
    descending = " ".join(reversed(spans.split(" ")))
    assert [p.property for p in span_problems(TEXT, descending, surfaces)] == ["spans"]
    assert "after" in span_problems(TEXT, descending, surfaces)[0].message
    past = span_problems(TEXT, f"{len(TEXT) - 2}-{len(TEXT) + 1}", {"C."})
    assert past[0].value == f"{len(TEXT) - 2}-{len(TEXT) + 1}" and "past the article" in past[0].message
    assert span_problems(TEXT, "1-2,3-4", {"x"}) == []  # the shapes' sh:pattern reports this one
