"""Events: triggers with morphology, ordinals, coreference, places, organisers, participants."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from hypothesis import given
from hypothesis import strategies as st

from judikg.ingest.extract import extract_from_hits
from judikg.ingest.extract.events import ordinal_before, roman_value
from judikg.ingest.model import Document
from judikg.iris import city_iri, country_iri, national_org_iri, org_iri, person_iri


@dataclass(frozen=True, slots=True)
class Hit:  # the shape of judikg.ingest.extract.recognize.Hit
    start: int
    end: int
    iri: str
    type: str
    country: str | None = None
    parent: str | None = None
    labels: Mapping[str, str] = field(default_factory=dict)
    sentence: int = 0


def doc(text: str, lang: str, published: str | None = "2024-05-28") -> Document:
    return Document("t.txt", text, text, "0" * 64, lang, "Latn" if lang in ("en", "kk-Latn") else "Cyrl", published=published)


def hit(text: str, surface: str, iri: str, type_: str, country: str | None = None, nth: int = 0) -> Hit:
    at = -1
    for _ in range(nth + 1):
        at = text.index(surface, at + 1)
    return Hit(at, at + len(surface), iri, type_, country)


def events_of(ex):  # type: ignore[no-untyped-def]
    return [e for e in ex.entities if "/event/" in e.iri]


def rel(ex, predicate: str) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(r.subject, r.object) for r in ex.relations if r.predicate == predicate}


def test_inflected_kyrgyz_trigger_and_coreference() -> None:
    text = "Сеулда АКСТИнин 4-изилдөөчүлүк конференциясынын алкагында жолугушту. Конференция маанилүү болду."
    aacc = org_iri("aacc")
    hits = [hit(text, "Сеулда", city_iri("seoul"), "City"), hit(text, "АКСТИнин", aacc, "Association")]
    ex = extract_from_hits(doc(text, "ky"), hits, dates=[])
    conferences = [e for e in events_of(ex) if e.type == "Conference"]
    assert len(conferences) == 1
    conf = conferences[0]
    assert {m.surface for m in conf.mentions} == {"конференциясынын", "Конференция"}
    assert conf.ordinal == 4
    assert (conf.iri, city_iri("seoul")) in rel(ex, "location")


def test_two_ordinals_are_two_events() -> None:
    text = "The 3rd conference was held in Tbilisi. The 2nd conference took place earlier."
    ex = extract_from_hits(doc(text, "en"), [hit(text, "Tbilisi", city_iri("tbilisi"), "City")], dates=[])
    assert sorted(e.ordinal for e in events_of(ex)) == [2, 3]


def test_kazakh_online_meeting_participants_and_country_of_court_not_participant() -> None:
    text = "Қазақстан Жоғарғы Сотының Төрағасы Асламбек Мерғалиев онлайн-кездесуге қатысты."
    sc = national_org_iri("kz", "supreme-court")
    hits = [
        hit(text, "Қазақстан Жоғарғы Сотының", sc, "SupremeCourt", "KZ"),
        hit(text, "Қазақстан", country_iri("kz"), "Country", "KZ"),
        hit(text, "Асламбек Мерғалиев", person_iri("mergaliev", "a"), "Person"),
    ]
    ex = extract_from_hits(doc(text, "kk"), hits, dates=[])
    (meeting,) = events_of(ex)
    assert meeting.type == "Meeting" and meeting.mentions[0].surface == "онлайн-кездесуге"
    participants = rel(ex, "participant")
    assert (meeting.iri, person_iri("mergaliev", "a")) in participants
    assert (meeting.iri, country_iri("kz")) not in participants
    for r in ex.relations:  # every relation carries its sentence
        assert r.evidence.surface == text[r.evidence.start : r.evidence.end] and r.evidence.surface


def test_organiser_and_invited_are_not_participants() -> None:
    text = "The round table was organized by the Supreme Court. IACA invited the Court of Audit to its congress."
    sc = national_org_iri("kz", "supreme-court")
    hits = [hit(text, "Supreme Court", sc, "SupremeCourt"), hit(text, "IACA", org_iri("iaca"), "Association")]
    ex = extract_from_hits(doc(text, "en"), hits, dates=[])
    rt = next(e for e in events_of(ex) if e.type == "RoundTable")
    assert (rt.iri, sc) in rel(ex, "organizer")
    assert not rel(ex, "participant")


def test_kazakh_latin_round_table() -> None:
    text = "Joǵarǵy sottyń bastamasymen dóńgelek ústel ótti."
    ex = extract_from_hits(doc(text, "kk-Latn"), [], dates=[])
    assert [e.type for e in events_of(ex)] == ["RoundTable"]


def test_trigger_inside_a_name_is_not_an_event() -> None:
    text = "The Conference of Chief Justices met."
    cc = org_iri("conference-of-chief-justices")
    ex = extract_from_hits(doc(text, "en"), [hit(text, "Conference of Chief Justices", cc, "Association")], dates=[])
    assert all(e.type != "Conference" for e in events_of(ex))


def test_same_event_same_iri_across_articles() -> None:
    a = "Конференция прошла в Сеуле."
    b = "В Сеуле открылась конференция судей."
    ea = extract_from_hits(doc(a, "ru"), [hit(a, "Сеуле", city_iri("seoul"), "City")], dates=[])
    eb = extract_from_hits(doc(b, "ru"), [hit(b, "Сеуле", city_iri("seoul"), "City")], dates=[])
    assert events_of(ea)[0].iri == events_of(eb)[0].iri


def test_roman_and_word_ordinals() -> None:
    assert roman_value("IX") == 9 and roman_value("XIV") == 14 and roman_value("Q") is None
    t = "шестого съезда"
    assert ordinal_before(t, t.index("съезда"), 0) == 6
    t = "IX ар жылдык конференциясы"
    assert ordinal_before(t, t.index("конференциясы"), 0) == 9


@given(st.integers(1, 199))
def test_roman_round_trip(n: int) -> None:
    numerals = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out, rest = "", n
    for value, sym in numerals:
        while rest >= value:
            out, rest = out + sym, rest - value
    if len(out) <= 6:
        assert roman_value(out) == n


@given(st.text(max_size=300))
def test_extraction_accepts_any_text(text: str) -> None:
    ex = extract_from_hits(doc(text, "ky"), [], dates=[])
    for e in ex.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.surface


def test_a_visit_takes_the_place_of_the_event_it_was_made_for() -> None:
    text = "The delegation made a working visit. The conference opened in Tbilisi on Monday."
    ex = extract_from_hits(doc(text, "en"), [hit(text, "Tbilisi", city_iri("tbilisi"), "City")], dates=[])
    located = {s.rsplit("/", 1)[-1].split("-")[1]: o for s, o in rel(ex, "location")}
    assert located == {"visit": city_iri("tbilisi"), "conference": city_iri("tbilisi")}


def test_a_meeting_takes_a_place_only_from_its_own_sentence() -> None:
    text = "The conference opened in Tbilisi. Later the two chairs held a meeting."
    ex = extract_from_hits(doc(text, "en"), [hit(text, "Tbilisi", city_iri("tbilisi"), "City")], dates=[])
    assert [s for s, _ in rel(ex, "location") if "-meeting-" in s] == []
    text = "On the sidelines of the conference in Tbilisi the chairs held a meeting."
    ex = extract_from_hits(doc(text, "en"), [hit(text, "Tbilisi", city_iri("tbilisi"), "City")], dates=[])
    assert [o for s, o in rel(ex, "location") if "-meeting-" in s] == [city_iri("tbilisi")]


def test_a_verb_names_a_meeting_only_where_no_event_word_does() -> None:
    from judikg.iris import person_iri

    text = "Asan Asanov met with Peter Brown in Tbilisi."
    hits = [hit(text, "Asan Asanov", person_iri("asanov", "a"), "Person"),
            hit(text, "Peter Brown", person_iri("brown", "p"), "Person"),
            hit(text, "Tbilisi", city_iri("tbilisi"), "City")]
    ex = extract_from_hits(doc(text, "en"), hits, dates=[])
    assert [e.type for e in events_of(ex)] == ["Meeting"]
    assert {o for _, o in rel(ex, "participant")} == {person_iri("asanov", "a"), person_iri("brown", "p")}
    assert {o for _, o in rel(ex, "location")} == {city_iri("tbilisi")}
    text = "Судьялар конференцияда жолугушту."
    assert [e.type for e in events_of(extract_from_hits(doc(text, "ky"), [], dates=[]))] == ["Conference"]


def test_a_reception_says_who_took_part() -> None:
    from judikg.iris import person_iri

    text = "На конференции Асан Асанов принял Петра Брауна."
    hits = [hit(text, "Асан Асанов", person_iri("asanov", "a"), "Person"),
            hit(text, "Петра Брауна", person_iri("brown", "p"), "Person")]
    ex = extract_from_hits(doc(text, "ru"), hits, dates=[])
    assert {o for _, o in rel(ex, "participant")} == {person_iri("asanov", "a"), person_iri("brown", "p")}


def test_relative_event_dates_resolve_against_the_published_date() -> None:
    for text, lang in [("Кечээ Бишкекте конференция өттү.", "ky"), ("Вчера в Бишкеке прошла конференция.", "ru")]:
        (event,) = events_of(extract_from_hits(doc(text, lang, published="2024-05-28"), []))
        assert event.date == "2024-05-27", lang
        assert "/event/2024-05-27-conference-" in event.iri
    (event,) = events_of(extract_from_hits(doc("Yesterday a conference was held.", "en", published=None), []))
    assert event.date is None  # nothing to resolve against
