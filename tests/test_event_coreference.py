"""Event coreference and agreement parties: counted numbers are not ordinals, anaphoric words
(«иш-чара», «іс-шара», "the event", a ceremony) join the event named before them, and an
institution named as an event's owner is not a party of what was signed there."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from test_events import doc, events_of, hit, rel

from judikg.ingest.extract import extract_from_hits
from judikg.ingest.extract.events import ordinal_before
from judikg.iris import country_iri, national_org_iri, org_iri


def test_counted_number_and_day_of_month_are_not_ordinals() -> None:
    t = "делегации 20 стран на международной конференции"
    assert ordinal_before(t, t.index("конференции"), 0) is None
    t = "2023-жылдын 1-декабрында өткөн конференция"
    assert ordinal_before(t, t.index("конференция"), 0) is None
    t = "10-м совещании судей"
    assert ordinal_before(t, t.index("совещании"), 0) == 10
    t = "Үшінші халықаралық конференция"
    assert ordinal_before(t, t.index("конференция"), 0) == 3


@given(st.integers(0, 999), st.sampled_from(["стран", "countries", "елден", "judges"]))
def test_a_bare_count_never_splits_an_event(n: int, noun: str) -> None:
    text = f"Делегации {n} {noun} прибыли на конференцию. Конференция открылась 5 мая."
    ex = extract_from_hits(doc(text, "ru"), [], dates=[])
    assert len(events_of(ex)) == 1


def test_kyrgyz_anaphoric_event_word_joins_the_conference() -> None:
    text = "Бишкекте эл аралык конференция башталды. Иш-чарага беш өлкөнүн судьялары катышты."
    ex = extract_from_hits(doc(text, "ky"), [], dates=[])
    (conf,) = events_of(ex)
    assert conf.type == "Conference"
    assert {m.surface for m in conf.mentions} == {"конференция", "Иш-чарага"}


def test_anaphoric_word_alone_is_an_event_and_result_word_is_not() -> None:
    text = "Іс-шара Астанада өтті. Жиынға судьялар қатысты."
    ex = extract_from_hits(doc(text, "kk"), [], dates=[])
    (ev,) = events_of(ex)
    assert ev.type == "Event" and len(ev.mentions) == 2
    text = "Талкуунун жыйынтыгында чечим кабыл алынды."
    assert not events_of(extract_from_hits(doc(text, "ky"), [], dates=[]))


def test_ceremony_in_a_conference_sentence_is_part_of_it() -> None:
    text = "At the opening of the conference a ceremony was held. The event gathered 150 people."
    ex = extract_from_hits(doc(text, "en"), [], dates=[])
    (conf,) = events_of(ex)
    assert {m.surface for m in conf.mentions} == {"conference", "ceremony", "The event"}


def test_owner_of_the_event_is_not_a_party_but_institutions_after_it_are() -> None:
    cc_kz, cc_ru = national_org_iri("kz", "constitutional-court"), national_org_iri("ru", "constitutional-court")
    text = "Іс-шара Қазақстан Конституциялық Соты мен Ресей Конституциялық Соты арасында жасалған меморандум аясында өтті."
    hits = [
        hit(text, "Қазақстан Конституциялық Соты", cc_kz, "ConstitutionalCourt", "KZ"),
        hit(text, "Ресей Конституциялық Соты", cc_ru, "ConstitutionalCourt", "RU"),
    ]
    ex = extract_from_hits(doc(text, "kk"), hits, dates=[])
    assert {o for _, o in rel(ex, "party")} == {cc_kz, cc_ru}

    text = "The memorandum was signed by the Supreme Court and the Judicial Academy within the AACC conference."
    sc, acad = national_org_iri("kz", "supreme-court"), national_org_iri("kz", "judicial-academy")
    hits = [
        hit(text, "Supreme Court", sc, "SupremeCourt"),
        hit(text, "Judicial Academy", acad, "Court"),
        hit(text, "AACC", org_iri("aacc"), "Association"),
    ]
    ex = extract_from_hits(doc(text, "en"), hits, dates=[])
    assert {o for _, o in rel(ex, "party")} == {sc, acad}


def test_a_cited_declaration_has_no_parties() -> None:
    text = "Конституционный Суд Казахстана напомнил о Всеобщей декларации прав человека."
    cc = national_org_iri("kz", "constitutional-court")
    hits = [hit(text, "Конституционный Суд Казахстана", cc, "ConstitutionalCourt", "KZ"),
            hit(text, "Казахстана", country_iri("kz"), "Country", "KZ")]
    ex = extract_from_hits(doc(text, "ru"), hits, dates=[])
    assert not rel(ex, "party")


def test_an_event_word_with_nothing_named_before_joins_the_event_named_next() -> None:
    text = "Іс-шара жоспар бойынша өтті. Сапар барысында тараптар пікір алмасты."
    ex = extract_from_hits(doc(text, "kk"), [], dates=[])
    assert [(e.type, [m.surface for m in e.mentions]) for e in events_of(ex)] == [("Visit", ["Іс-шара", "Сапар"])]
    far = "Іс-шара жоспар бойынша өтті. Тараптар келісті. Сапар барысында тараптар пікір алмасты."
    assert len(events_of(extract_from_hits(doc(far, "kk"), [], dates=[]))) == 2
