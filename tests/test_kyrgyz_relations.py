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


def test_moderating_an_event_is_taking_part_in_it() -> None:
    ex = _extract(
        "Бишкекте конференция өттү. Конференцияны Кыргыз Республикасынын Жогорку соту уюштуруп, "
        "аны соттун төрагасы Замирбек Базарбеков алып барды."
    )
    assert _objects(ex, "participant") == {CHAIR_KG}
    assert _objects(ex, "organizer") == {SC_KG}


def test_a_gathering_after_a_framing_event_is_what_happened_within_it() -> None:
    # «иш-чаралардын алкагында» frames the founding; «Жыйынды» and «Жолугушууга» then speak of
    # the gathering held within it, and a repeated «иш-чаралар» speaks of the frame again
    text = (
        "2022-жылдын 27-апрелинде Анкарада юбилейлик иш-чаралардын алкагында жаңы бирлик негизделди. "
        "Жыйынды Кыргыз Республикасынын Жогорку соту уюштурду. "
        "Жолугушууга Замирбек Базарбеков катышты. "
        "Юбилейлик иш-чараларга Асланбек Мергалиев катышты."
    )
    ex = _extract(text)
    by_event: dict[str, set[str]] = {}
    for r in ex.relations:
        if r.predicate in ("participant", "organizer"):
            by_event.setdefault(r.subject, set()).add(r.object)
    assert {frozenset(v) for v in by_event.values()} == {frozenset({SC_KG, CHAIR_KG}), frozenset({CHAIR_KZ})}
