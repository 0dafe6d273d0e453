"""Event participants: scope across sentences, list lines after a colon, titles, invitations,
supporters, framing events and owners, in Kyrgyz, Kazakh, Russian and English."""

from __future__ import annotations

from test_events import doc, events_of, hit, rel

from judikg.ingest.extract import extract_from_hits
from judikg.iris import country_iri, national_org_iri, org_iri, person_iri

SC_KG = national_org_iri("kg", "supreme-court")


def _participants(ex) -> set[str]:  # type: ignore[no-untyped-def]
    return {o for _, o in rel(ex, "participant")}


def test_list_lines_after_a_colon_take_part_and_title_institutions_do_not() -> None:
    text = (
        "Конференцияга төмөнкү чакырылган коноктор катышты:\n"
        "– Асан Асанов – Жогорку соттун төрагасы;\n"
        "– Бакыт Бакиев – юстиция министри.\n"
        "Ал сөзүндө маселелерди белгиледи."
    )
    hits = [
        hit(text, "Асан Асанов", person_iri("asanov", "a"), "Person"),
        hit(text, "Жогорку соттун", SC_KG, "SupremeCourt"),
        hit(text, "Бакыт Бакиев", person_iri("bakiev", "b"), "Person"),
    ]
    ex = extract_from_hits(doc(text, "ky"), hits, dates=[])
    assert _participants(ex) == {person_iri("asanov", "a"), person_iri("bakiev", "b")}
    assert (person_iri("asanov", "a"), SC_KG) in {(r.subject, r.object) for r in ex.relations if r.predicate == "post"}


def test_invited_in_a_verb_final_sentence_are_not_participants() -> None:
    text = "Конференция башталды. Конференцияга Жогорку соттун өкүлдөрү чакырылган."
    ex = extract_from_hits(doc(text, "ky"), [hit(text, "Жогорку соттун", SC_KG, "SupremeCourt")], dates=[])
    assert not _participants(ex)


def test_countries_of_judges_in_a_later_sentence() -> None:
    text = "В Бишкеке открылась конференция. В ней приняли участие судьи из Казахстана, Узбекистана и Таджикистана."
    hits = [hit(text, name, country_iri(cc), "Country", cc.upper())
            for name, cc in (("Казахстана", "kz"), ("Узбекистана", "uz"), ("Таджикистана", "tj"))]
    ex = extract_from_hits(doc(text, "ru"), hits, dates=[])
    (conf,) = events_of(ex)
    assert rel(ex, "participant") == {(conf.iri, country_iri(cc)) for cc in ("kz", "uz", "tj")}


def test_kazakh_countries_before_the_verb() -> None:
    text = "Астанада халықаралық конференция өтті. Іс-шараға Қырғызстан, Әзірбайжан және Түркия елдерінің судьялары қатысты."
    hits = [hit(text, name, country_iri(cc), "Country", cc.upper())
            for name, cc in (("Қырғызстан", "kg"), ("Әзірбайжан", "az"), ("Түркия", "tr"))]
    ex = extract_from_hits(doc(text, "kk"), hits, dates=[])
    assert _participants(ex) == {country_iri(cc) for cc in ("kg", "az", "tr")}


def test_supporter_and_owner_are_not_participants() -> None:
    text = "The Fifth Congress of the AACC, held with the support of the OSCE, was attended by Kazakhstan."
    hits = [
        hit(text, "AACC", org_iri("aacc"), "Association"),
        hit(text, "OSCE", org_iri("osce"), "InternationalOrganization"),
        hit(text, "Kazakhstan", country_iri("kz"), "Country", "KZ"),
    ]
    ex = extract_from_hits(doc(text, "en"), hits, dates=[])
    assert _participants(ex) == {country_iri("kz")}


def test_a_framing_event_gets_no_participants_from_what_happened_within_it() -> None:
    text = "Асан Асанов Бакыт Бакиев менен форумдун алкагында жолугушту."
    hits = [hit(text, "Асан Асанов", person_iri("asanov", "a"), "Person"),
            hit(text, "Бакыт Бакиев", person_iri("bakiev", "b"), "Person")]
    ex = extract_from_hits(doc(text, "ky"), hits, dates=[])
    assert [e.type for e in events_of(ex)] == ["Forum"]
    assert not _participants(ex)


def test_organiser_is_the_institution_next_to_the_cue_not_a_name_part_or_a_far_one() -> None:
    kawj = national_org_iri("kg", "association-of-women-judges")
    undp = org_iri("undp")
    text = "Иш-чара ПРООНдун «Жарык» демилгесинин колдоосунда Аялдар-судьялар ассоциациясы тарабынан өткөрүлдү."
    hits = [
        hit(text, "ПРООНдун «Жарык» демилгесинин", undp, "InternationalOrganization"),
        hit(text, "Аялдар-судьялар ассоциациясы", kawj, "Association"),
    ]
    ex = extract_from_hits(doc(text, "ky"), hits, dates=[])
    assert {o for _, o in rel(ex, "organizer")} == {kawj}
    assert undp not in _participants(ex)

    text = "The Constitutional Court of Mongolia held the Fifth Congress in Ulaanbaatar."
    cc_mn = national_org_iri("mn", "constitutional-court")
    ex = extract_from_hits(doc(text, "en"), [hit(text, "Constitutional Court of Mongolia", cc_mn, "ConstitutionalCourt", "MN")], dates=[])
    assert {o for _, o in rel(ex, "organizer")} == {cc_mn}


def test_country_in_the_locative_is_the_place_when_no_city_is_named() -> None:
    kg = country_iri("kg")
    text = "Бүгүн Кыргызстанда эл аралык конференция башталды."
    ex = extract_from_hits(doc(text, "ky"), [hit(text, "Кыргызстанда", kg, "Country", "KG")], dates=[])
    assert {o for _, o in rel(ex, "location")} == {kg}
    text = "A seminar in Kazakhstan gathered judges of Kyrgyzstan."
    hits = [hit(text, "Kazakhstan", country_iri("kz"), "Country", "KZ"), hit(text, "Kyrgyzstan", kg, "Country", "KG")]
    ex = extract_from_hits(doc(text, "en"), hits, dates=[])
    assert {o for _, o in rel(ex, "location")} == {country_iri("kz")}
    text = "Конференция судей Казахстана открылась."
    ex = extract_from_hits(doc(text, "ru"), [hit(text, "Казахстана", country_iri("kz"), "Country", "KZ")], dates=[])
    assert not rel(ex, "location")


def test_a_meeting_or_visit_word_names_its_sides_without_a_participation_verb() -> None:
    en = "President John Adams held a meeting with Peter Brown in the capital."
    hits = [hit(en, "John Adams", person_iri("adams", "j"), "Person"), hit(en, "Peter Brown", person_iri("brown", "p"), "Person")]
    assert _participants(extract_from_hits(doc(en, "en"), hits, dates=[])) == {
        person_iri("adams", "j"), person_iri("brown", "p")}
    ky = "Асан Асанов Бакыт Бакиев менен жолугушууда маселелерди талкуулады."
    hits = [hit(ky, "Асан Асанов", person_iri("asanov", "a"), "Person"), hit(ky, "Бакыт Бакиев", person_iri("bakiev", "b"), "Person")]
    assert _participants(extract_from_hits(doc(ky, "ky"), hits, dates=[])) == {
        person_iri("asanov", "a"), person_iri("bakiev", "b")}


def test_a_conference_word_alone_names_no_participants() -> None:
    text = "John Adams wrote about the conference in the capital."
    hits = [hit(text, "John Adams", person_iri("adams", "j"), "Person")]
    assert _participants(extract_from_hits(doc(text, "en"), hits, dates=[])) == set()


def test_the_sentence_before_the_first_event_speaks_of_it() -> None:
    text = "The delegation included John Adams and Peter Brown. The visit began on Monday. Judges met in Paris."
    hits = [hit(text, "John Adams", person_iri("adams", "j"), "Person"),
            hit(text, "Peter Brown", person_iri("brown", "p"), "Person")]
    ex = extract_from_hits(doc(text, "en"), hits, dates=[])
    visit = next(e.iri for e in events_of(ex) if e.type == "Visit")
    assert {o for s, o in rel(ex, "participant") if s == visit} == {person_iri("adams", "j"), person_iri("brown", "p")}
