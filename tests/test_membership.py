"""memberOf: a cue that is a person's title or the generic 'member states' compound names no
member; 'composition' cues list members; a later 'joined' sentence refers to the association
named just before."""

from __future__ import annotations

from test_events import doc, hit, rel

from judikg.ingest.extract import extract_from_hits
from judikg.iris import country_iri, national_org_iri, org_iri, person_iri

VENICE = org_iri("venice-commission")


def test_member_as_a_persons_title_is_not_membership() -> None:
    text = "Венеция комиссиясынын мүчөсү Ренат Дескоск жана Казакстан Жогорку сотунун төрагасы катышты."
    hits = [
        hit(text, "Венеция комиссиясынын", VENICE, "InternationalOrganization"),
        hit(text, "Ренат Дескоск", person_iri("deskoski", "r"), "Person"),
        hit(text, "Казакстан Жогорку сотунун", national_org_iri("kz", "supreme-court"), "SupremeCourt", "KZ"),
        hit(text, "Казакстан", country_iri("kz"), "Country", "KZ"),
    ]
    ex = extract_from_hits(doc(text, "ky"), hits, dates=[])
    assert not rel(ex, "memberOf")


def test_member_states_compound_names_no_member() -> None:
    text = "Делегация Узбекистана прибыла на совещание председателей верховных судов государств-членов ШОС."
    hits = [hit(text, "Узбекистана", country_iri("uz"), "Country", "UZ"), hit(text, "ШОС", org_iri("sco"), "InternationalOrganization")]
    ex = extract_from_hits(doc(text, "ru"), hits, dates=[])
    assert not rel(ex, "memberOf")


def test_composition_cue_lists_members() -> None:
    text = "ХСӘҚ құрамында 100-ден астам мемлекет, соның ішінде АҚШ, Канада және Жапония бар."
    hits = [hit(text, "ХСӘҚ", org_iri("iaca"), "Association")] + [
        hit(text, name, country_iri(cc), "Country", cc.upper()) for name, cc in (("АҚШ", "us"), ("Канада", "ca"), ("Жапония", "jp"))
    ]
    ex = extract_from_hits(doc(text, "kk"), hits, dates=[])
    assert rel(ex, "memberOf") == {(country_iri(cc), org_iri("iaca")) for cc in ("us", "ca", "jp")}


def test_joined_refers_to_the_association_named_before_but_not_in_an_event_sentence() -> None:
    text = "The AACC was established in 2010. Later Russia and Turkey joined in."
    hits = [hit(text, "AACC", org_iri("aacc"), "Association"), hit(text, "Russia", country_iri("ru"), "Country", "RU"),
            hit(text, "Turkey", country_iri("tr"), "Country", "TR")]
    ex = extract_from_hits(doc(text, "en"), hits, dates=[])
    assert rel(ex, "memberOf") == {(country_iri("ru"), org_iri("aacc")), (country_iri("tr"), org_iri("aacc"))}
    text = "The AACC opened its congress. Judges of Russia joined the congress online."
    hits = [hit(text, "AACC", org_iri("aacc"), "Association"), hit(text, "Russia", country_iri("ru"), "Country", "RU")]
    ex = extract_from_hits(doc(text, "en"), hits, dates=[])
    assert not rel(ex, "memberOf")
