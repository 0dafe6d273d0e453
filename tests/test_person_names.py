"""Person names on unseen text: title and institution words are never name parts; names unknown
to any list are read from their shape and context; signatories. Own sentences only."""

from __future__ import annotations

import pytest

from judikg.ingest.extract import extract
from judikg.ingest.model import Document

ID = "https://w3id.org/judikg/id/"


def _doc(text: str, lang: str) -> Document:
    return Document("test.txt", text, text, "0" * 64, lang, "Latn" if lang in ("en", "kk-Latn") else "Cyrl")


def _persons(text: str, lang: str) -> dict[str, list[str]]:
    """Person IRI (local part) → surfaces of its mentions."""
    return {
        e.iri.removeprefix(ID + "person/"): [m.surface for m in e.mentions]
        for e in extract(_doc(text, lang)).entities
        if e.type == "Person"
    }


# --- title and institution words are no name parts ---------------------------------------

_TITLED = [
    ("kk-Latn", "Búgin Keńesiniń Tóraǵasy Qaırat Mámı jıyndy ashty.", "Qaırat Mámı"),
    ("kk", "Бүгін Кеңесінің Төрағасы Қайрат Мәми жиынды ашты.", "Қайрат Мәми"),
    ("ky", "Бүгүн Кеңештин Төрагасы Кайрат Мами жыйынды ачты.", "Кайрат Мами"),
    ("ru", "Сегодня Председатель Совета Кайрат Мами открыл заседание.", "Кайрат Мами"),
    ("en", "Today Council Chairman Kairat Mami opened the meeting.", "Kairat Mami"),
]


@pytest.mark.parametrize("lang,text,name", _TITLED)
def test_title_words_before_a_name_stay_out_of_it(lang: str, text: str, name: str) -> None:
    found = _persons(text, lang)
    assert found == {"mami-k": [name]}, found


@pytest.mark.parametrize(
    "lang,text",
    [
        ("kk-Latn", "Keńesiniń Tóraǵasy Qaırat sóz sóıledi."),
        ("kk", "Кеңесінің Төрағасы Қайрат сөз сөйледі."),
        ("ky", "Кеңештин Төрагасы Кайрат сөз сүйлөдү."),
        ("ru", "Председатель Совета Кайрат выступил."),
    ],
)
def test_title_words_and_a_given_name_are_no_person(lang: str, text: str) -> None:
    assert _persons(text, lang) == {}


def test_a_surname_that_looks_like_an_institution_word_is_kept() -> None:
    assert "sovetov-i" in _persons("Судья Иван Советов выступил.", "ru")
