"""Person names: initials, full names in several orders and scripts, inflection, coreference."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from judikg.ingest.extract.recognize import recognize
from judikg.ingest.translit import name_key
from tests.text_documents import recognised_persons as _persons
from tests.text_documents import text_document as _doc


def test_initial_and_full_name_are_one_person() -> None:
    text = "Төраға Асламбек Мерғалиев сөз сөйледі. А.Мерғалиев атап өтті."
    assert _persons(text, "kk") == {"mergaliev-a": {"Асламбек Мерғалиев", "А.Мерғалиев"}}


def test_transliterations_meet() -> None:
    assert name_key("Мерғалиев") == name_key("Mergaliyev") == name_key("Мергалиев")
    en = _persons("Chairman Aslambek Mergaliyev met the delegation.", "en")
    ru = _persons("Председатель Асламбек Мергалиевым встретился.", "ru")
    assert set(en) == {"mergaliev-a"}
    assert set(ru) == {"mergaliev-a"}


def test_initials_with_space_and_two_initials() -> None:
    found = _persons("Жыйынга К. Мами жана Э. Ж. Осконбаев катышты.", "ky")
    assert set(found) == {"mami-k", "oskonbaev-e"}


def test_surname_first_with_patronymic() -> None:
    found = _persons("Конокко Осконбаев Эмил Жолдошевич катышты.", "ky")
    assert set(found) == {"oskonbaev-e"}


def test_east_asian_surname_first() -> None:
    found = _persons("Катчысы Ким Жанг Вон кол койду.", "ky")
    assert found == {"kim-j": {"Ким Жанг Вон"}}


def test_bare_surname_later_links_to_full_name() -> None:
    found = _persons("Carsten Mahnke opened the meeting. Later Mahnke said more.", "en")
    assert found == {"mahnke-k": {"Carsten Mahnke", "Mahnke"}}  # name_key reads C as K


def test_inflected_full_name_keeps_the_surname() -> None:
    assert set(_persons("Асламбек Мерғалиевтің сөзі.", "kk")) == {"mergaliev-a"}


def test_capitalised_common_words_are_not_persons() -> None:
    assert _persons("Бұл Конституцияның нормалары. Негізгі Заңның күші.", "kk") == {}
    assert _persons("The Park Hotel hosted the Justice System forum.", "en") == {}


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="АБВКМаеиоуыңғқ. -\nA.Bab", max_size=60))
def test_never_crashes(text: str) -> None:
    for lang in ("kk", "en"):
        for h in recognize(_doc(text, lang)):
            assert 0 <= h.start < h.end <= len(text)
