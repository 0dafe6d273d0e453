"""Kyrgyz relation shapes on the full extractor (recogniser included): participation,
organisers, places, posts, signatories, and a meeting told only by «X Y-ни кабыл алды»."""

from __future__ import annotations

from judikg.ingest.extract import extract
from judikg.ingest.model import Document, Extraction
from judikg.iris import national_org_iri, person_iri

SC_KG = national_org_iri("kg", "supreme-court")
SC_KZ = national_org_iri("kz", "supreme-court")
CHAIR_KG = person_iri("bazarbekov", "z")
CHAIR_KZ = person_iri("mergaliev", "a")
_CHAIRS = (
    "Кыргыз Республикасынын Жогорку сотунун төрагасы Замирбек Базарбеков "
    "Казакстандын Жогорку сотунун төрагасы Асланбек Мергалиев"
)


def _extract(text: str, lang: str = "ky") -> Extraction:
    return extract(Document("t.txt", text, text, "0" * 64, lang, "Cyrl", published="2024-05-28"))


def _objects(ex: Extraction, predicate: str) -> set[str]:
    return {r.object for r in ex.relations if r.predicate == predicate}


def _events(ex: Extraction) -> list[str]:
    return [e.iri for e in ex.entities if e.type in ("Meeting", "Event", "Conference")]


def test_receiving_a_guest_is_a_meeting_of_host_and_guest() -> None:
    ex = _extract(f"Бүгүн {_CHAIRS}ди кабыл алды.")
    assert _objects(ex, "participant") == {CHAIR_KG, CHAIR_KZ}
    assert [e.type for e in ex.entities if e.iri in {r.subject for r in ex.relations if r.predicate == "participant"}] == ["Meeting"]


def test_receiving_without_an_accusative_object_is_no_meeting() -> None:
    # «кабыл алды» after a word not in the accusative (a decision adopted by the court) tells of no meeting
    ex = _extract("Кыргыз Республикасынын Жогорку соту жаңы токтом кабыл алды.")
    assert not _objects(ex, "participant")


def test_kazakh_receiving_a_guest_is_a_meeting() -> None:
    text = (
        "Бүгін Қазақстан Жоғарғы Сотының Төрағасы Асланбек Мерғалиев "
        "Қырғыз Республикасы Жоғарғы сотының төрағасы Замирбек Базарбековты қабылдады."
    )
    ex = _extract(text, "kk")
    assert len(_objects(ex, "participant")) == 2
