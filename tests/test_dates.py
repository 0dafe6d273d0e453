"""Date mentions in five languages: forms, ranges, relative words, and no dates from durations."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judikg.ingest.dates import find_dates, parse_date

REF = "2023-07-09"


@pytest.mark.parametrize(
    ("text", "value", "end_value"),
    [
        ("28.05.2024", "2024-05-28", None),
        ("2024-05-28", "2024-05-28", None),
        ("04 Сәуір, 2024", "2024-04-04", None),
        ("09 Shilde, 2023", "2023-07-09", None),
        ("22 ноябрь 2018", "2018-11-22", None),
        ("27 мая 2024 года", "2024-05-27", None),
        ("10 июня 2014 г.", "2014-06-10", None),
        ("2024-жылдын 27-майында", "2024-05-27", None),
        ("2023 жылғы 25 қазанда", "2023-10-25", None),
        ("13–15 ноября 2018 года", "2018-11-13", "2018-11-15"),
        ("13-15 November 2018", "2018-11-13", "2018-11-15"),
        ("November 13-15, 2018", "2018-11-13", "2018-11-15"),
        ("2018-жылдын13-15-ноябрында", "2018-11-13", "2018-11-15"),
        ("May 2024", "2024-05", None),
        ("в мае 2024 года", "2024-05", None),
        ("2014-жылы", "2014", None),
        ("in 2016", "2016", None),
        ("16 сентябрьда 2022 жылы", "2022-09-16", None),
        ("08 Желтоқсан 2022", "2022-12-08", None),
        ("18.02.22", "2022-02-18", None),
        ("3 säuırde 2022", "2022-04-03", None),
        ("12 qyrkúıek 2020", "2020-09-12", None),
        ("5 jeltoqsan 2019", "2019-12-05", None),
        ("1 қаңтар 2020", "2020-01-01", None),
        ("7 naýryz 2021", "2021-03-07", None),
        ("5-мартта 2021-жылы", "2021-03-05", None),
        ("Thursday, August 18, 2022", "2022-08-18", None),
        ("2024-05-28T10:00:00+06:00", "2024-05-28", None),
    ],
)
def test_forms_without_reference(text: str, value: str, end_value: str | None) -> None:
    mentions = find_dates(text)
    assert len(mentions) == 1, mentions
    assert (mentions[0].value, mentions[0].end_value) == (value, end_value)
    assert parse_date(text) == value


def test_offsets_point_into_the_text() -> None:
    text = "Бүгүн, 2024-жылдын 27-майында Сеулда кол коюлду."
    (mention,) = find_dates(text)
    assert text[mention.start : mention.end] == "2024-жылдын 27-майында"
    assert mention.precision == "day"


def test_day_and_month_take_the_year_from_context_or_reference() -> None:
    assert find_dates("1-декабрында") == []
    assert [m.value for m in find_dates("1-декабрында", ref=REF)] == ["2023-12-01"]
    text = "2019-жылы сот ... 1-декабрында жыйын болду."
    assert [m.value for m in find_dates(text, ref=REF)] == ["2019", "2019-12-01"]
    (rng,) = find_dates("25-27 qazanda", ref=REF)
    assert (rng.value, rng.end_value) == ("2023-10-25", "2023-10-27")


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("yesterday", "2023-07-08", "day"),
        ("вчера", "2023-07-08", "day"),
        ("кеше", "2023-07-08", "day"),
        ("кечээ", "2023-07-08", "day"),
        ("last week", "2023-07", "month"),
        ("на прошлой неделе", "2023-07", "month"),
        ("өткен аптада", "2023-07", "month"),
        ("Ótken aptada", "2023-07", "month"),
        ("these days", "2023-07", "month"),
        ("bıyl", "2023", "year"),
        ("в прошлом году", "2022", "year"),
    ],
)
def test_relative_words_need_a_reference(text: str, value: str, precision: str) -> None:
    assert find_dates(text) == []
    (mention,) = find_dates(text, ref=REF)
    assert (mention.value, mention.precision) == (value, precision)


@pytest.mark.parametrize(
    "text",
    [
        "2 мин оқу үшін",
        "2,5 жыл ішінде",
        "25 жылдан астам тәжірибе",
        "60 елден 700-ге жуық адам",
        "Article 15 may apply",
        "4 mın oqý úshin",
        "Бөлмеде 12 адам болды",
        "31.02.2024",
        "IX ар жылдык конференция",
    ],
)
def test_no_dates_from_durations_counts_or_impossible_days(text: str) -> None:
    assert find_dates(text, ref=REF) == []


def test_a_sentence_with_several_dates() -> None:
    text = "Конференция 13–15 ноября 2018 года прошла в Тбилиси, а в 2019 году — в Баку."
    assert [m.value for m in find_dates(text)] == ["2018-11-13", "2019"]


_ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _valid_iso(value: str) -> bool:
    if not _ISO.fullmatch(value):
        return False
    parts = [int(p) for p in value.split("-")] + [1, 1]
    date(parts[0], parts[1], parts[2])
    return True


_DATEISH = st.lists(
    st.sampled_from(list("0123456789 .-–/,") + ["мая", "ноябрь", "qazanda", "May", "жылы", "2024", "года", "31", "Shilde", "кечээ"]),
    max_size=20,
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), _DATEISH.map(lambda parts: "".join(parts))), st.sampled_from([None, REF]))
def test_never_crashes_and_values_are_valid_iso(text: str, ref: str | None) -> None:
    for mention in find_dates(text, ref=ref):
        assert 0 <= mention.start < mention.end <= len(text)
        assert _valid_iso(mention.value)
        assert mention.end_value is None or (_valid_iso(mention.end_value) and mention.end_value > mention.value)
        assert mention.precision in ("day", "month", "year")
    value = parse_date(text)
    assert value is None or _valid_iso(value)
