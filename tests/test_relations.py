"""Agreements, posts, memberOf, partOf, country, and the merge of mentions per IRI."""

from __future__ import annotations

from test_events import Hit, doc, hit, rel

from judikg.ingest.extract import extract_from_hits
from judikg.iris import city_iri, country_iri, national_org_iri, org_iri, person_iri

SC_KZ = national_org_iri("kz", "supreme-court")
CC_KG = national_org_iri("kg", "constitutional-court")
APP_KG = national_org_iri("kg", "constitutional-court", "apparatus")


def test_russian_post_role_before_org_then_name() -> None:
    text = "Председатель Верховного Суда РК К. Мами выступил."
    hits = [hit(text, "Верховного Суда РК", SC_KZ, "SupremeCourt", "KZ"), hit(text, "К. Мами", person_iri("mami", "k"), "Person")]
    ex = extract_from_hits(doc(text, "ru"), hits, dates=[])
    posts = {(r.subject, r.object, r.role) for r in ex.relations if r.predicate == "post"}
    assert posts == {(person_iri("mami", "k"), SC_KZ, "chair")}
    person = next(e for e in ex.entities if e.type == "Person")
    assert person.country == "KZ"


def test_kazakh_genitive_chain_post() -> None:
    text = "Қазақстан Республикасы Жоғарғы Сотының Төрағасы Асламбек Мерғалиев сөз сөйледі."
    hits = [
        hit(text, "Қазақстан Республикасы Жоғарғы Сотының", SC_KZ, "SupremeCourt", "KZ"),
        hit(text, "Қазақстан Республикасы", country_iri("kz"), "Country", "KZ"),
        hit(text, "Асламбек Мерғалиев", person_iri("mergaliev", "a"), "Person"),
    ]
    ex = extract_from_hits(doc(text, "kk"), hits, dates=[])
    assert {(r.object, r.role) for r in ex.relations if r.predicate == "post"} == {(SC_KZ, "chair")}
    assert (SC_KZ, country_iri("kz")) in rel(ex, "country")


def test_english_post_after_name_and_chained_kyrgyz_titles() -> None:
    text = "Igor Rogov, Chairman of the RK Constitutional Council, spoke."
    cc = national_org_iri("kz", "constitutional-council")
    hits = [hit(text, "Igor Rogov", person_iri("rogov", "i"), "Person"), hit(text, "RK Constitutional Council", cc, "ConstitutionalCourt", "KZ")]
    ex = extract_from_hits(doc(text, "en"), hits, dates=[])
    assert {(r.object, r.role) for r in ex.relations if r.predicate == "post"} == {(cc, "chair")}

    text = "Жогорку сотунун судьясы, Судьялар кеңешинин төрагасы Кыдык Джунушпаев келди."
    sc, cj = national_org_iri("kg", "supreme-court"), national_org_iri("kg", "council-of-judges")
    hits = [
        hit(text, "Жогорку сотунун", sc, "SupremeCourt"),
        hit(text, "Судьялар кеңешинин", cj, "JudicialCouncil"),
        hit(text, "Кыдык Джунушпаев", person_iri("dzhunushpaev", "k"), "Person"),
    ]
    ex = extract_from_hits(doc(text, "ky"), hits, dates=[])
    assert {(r.object, r.role) for r in ex.relations if r.predicate == "post"} == {(sc, "judge"), (cj, "chair")}


def test_most_specific_unit_and_part_of() -> None:
    text = "Кыргыз Республикасынын Конституциялык сотунун аппаратынын жетекчиси Каныбек Масалбеков келди."
    hits = [
        Hit(0, len("Кыргыз Республикасынын Конституциялык сотунун аппаратынын"), APP_KG, "CourtAdministration", "KG", CC_KG),
        hit(text, "Кыргыз Республикасынын Конституциялык сотунун", CC_KG, "ConstitutionalCourt", "KG"),
        hit(text, "Кыргыз Республикасынын", country_iri("kg"), "Country", "KG"),
        hit(text, "Каныбек Масалбеков", person_iri("masalbekov", "k"), "Person"),
    ]
    ex = extract_from_hits(doc(text, "ky"), hits, dates=[])
    assert {(r.object, r.role) for r in ex.relations if r.predicate == "post"} == {(APP_KG, "head")}
    assert (APP_KG, CC_KG) in rel(ex, "partOf")
    assert {s for s, _ in rel(ex, "country")} == {APP_KG, CC_KG}


def test_memorandum_parties_signatories_signed_at_event() -> None:
    text = (
        "Аппарат Конституционного суда КР и Секретариат Конституционного суда Кореи подписали меморандум в Сеуле. "
        "Меморандум подписали Каныбек Масалбеков и Ким Чан Вон в рамках конференции ААКС."
    )
    sec_kr = national_org_iri("kr", "constitutional-court", "secretariat")
    hits = [
        hit(text, "Аппарат Конституционного суда КР", APP_KG, "CourtAdministration", "KG"),
        hit(text, "Секретариат Конституционного суда Кореи", sec_kr, "CourtAdministration", "KR"),
        hit(text, "Сеуле", city_iri("seoul"), "City"),
        hit(text, "Каныбек Масалбеков", person_iri("masalbekov", "k"), "Person"),
        hit(text, "Ким Чан Вон", person_iri("kim", "c"), "Person"),
        hit(text, "ААКС", org_iri("aacc"), "Association"),
    ]
    ex = extract_from_hits(doc(text, "ru"), hits, dates=[])
    (mou,) = [e for e in ex.entities if e.type == "Memorandum"]
    assert len(mou.mentions) == 2
    assert {o for s, o in rel(ex, "party")} == {APP_KG, sec_kr}
    assert {o for s, o in rel(ex, "signatory")} == {person_iri("masalbekov", "k"), person_iri("kim", "c")}
    conf = next(e for e in ex.entities if e.type == "Conference")
    assert (mou.iri, conf.iri) in rel(ex, "signedAt")
    assert (mou.iri, city_iri("seoul")) in rel(ex, "location")


def test_member_of_association() -> None:
    text = "Kazakhstan has been a member of IACA since 2015."
    hits = [hit(text, "Kazakhstan", country_iri("kz"), "Country", "KZ"), hit(text, "IACA", org_iri("iaca"), "Association")]
    ex = extract_from_hits(doc(text, "en"), hits, dates=[])
    assert rel(ex, "memberOf") == {(country_iri("kz"), org_iri("iaca"))}


def test_mentions_merged_per_iri_and_output_deterministic() -> None:
    text = "Верховный Суд РК сообщил. Верховный Суд РК провёл встречу."
    hits = [hit(text, "Верховный Суд РК", SC_KZ, "SupremeCourt", "KZ", n) for n in (1, 0)]
    a = extract_from_hits(doc(text, "ru"), hits, dates=[])
    b = extract_from_hits(doc(text, "ru"), list(reversed(hits)), dates=[])
    assert a == b
    (court,) = [e for e in a.entities if e.iri == SC_KZ]
    assert [m.start for m in court.mentions] == [0, text.index("Верховный Суд РК", 1)]


def test_respective_posts_pair_coordinated_persons_with_coordinated_courts() -> None:
    # "The chairs of the Supreme Courts of Kyrgyzstan and Turkey, A and B": one court each, in order.
    text = "Кыргызстан жана Түркия Жогорку Сотторунун төрагалары Асан Асанов жана Мехмет Йылмаз жолугушту."
    span = "Кыргызстан жана Түркия Жогорку Сотторунун"
    sc_kg, sc_tr = national_org_iri("kg", "supreme-court"), national_org_iri("tr", "supreme-court")
    hits = [
        hit(text, span, sc_tr, "SupremeCourt", "TR"),
        hit(text, span, sc_kg, "SupremeCourt", "KG"),
        hit(text, "Кыргызстан", country_iri("kg"), "Country", "KG"),
        hit(text, "Түркия", country_iri("tr"), "Country", "TR"),
        hit(text, "Асан Асанов", person_iri("asanov", "a"), "Person"),
        hit(text, "Мехмет Йылмаз", person_iri("yilmaz", "m"), "Person"),
    ]
    ex = extract_from_hits(doc(text, "ky"), hits, dates=[])
    posts = {(r.subject, r.object, r.role) for r in ex.relations if r.predicate == "post"}
    assert posts == {(person_iri("asanov", "a"), sc_kg, "chair"), (person_iri("yilmaz", "m"), sc_tr, "chair")}


def test_respective_posts_need_lists_of_one_length() -> None:
    text = "Chairman of the Supreme Courts of Mongolia and Georgia John Smith spoke."
    span = "Supreme Courts of Mongolia and Georgia"
    sc_mn, sc_ge = national_org_iri("mn", "supreme-court"), national_org_iri("ge", "supreme-court")
    hits = [
        hit(text, span, sc_mn, "SupremeCourt", "MN"),
        hit(text, span, sc_ge, "SupremeCourt", "GE"),
        hit(text, "Mongolia", country_iri("mn"), "Country", "MN"),
        hit(text, "Georgia", country_iri("ge"), "Country", "GE"),
        hit(text, "John Smith", person_iri("smith", "j"), "Person"),
    ]
    ex = extract_from_hits(doc(text, "en"), hits, dates=[])
    posts = {(r.subject, r.object) for r in ex.relations if r.predicate == "post"}
    assert len(posts) == 1  # one person, two courts: no respective reading, the first pairing stays


def test_a_resolution_adopted_as_a_result_of_a_conference_was_adopted_at_it() -> None:
    for text, lang in [
        ("Форумдун жыйынтыгында катышуучулар резолюцияны кабыл алышты.", "ky"),
        ("По итогам форума участники приняли резолюцию.", "ru"),
        ("Following the forum, the participants adopted a resolution.", "en"),
    ]:
        ex = extract_from_hits(doc(text, lang), [], dates=[])
        (resolution,) = [e for e in ex.entities if e.type == "Resolution"]
        (forum,) = [e for e in ex.entities if e.type == "Forum"]
        assert rel(ex, "signedAt") == {(resolution.iri, forum.iri)}, lang
