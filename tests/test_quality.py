"""Extraction mechanisms for unseen articles: each test reads sentences written for it (no
article text), in the languages the mechanism serves, and checks what the whole extractor says."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from judikg.ingest.extract import extract
from judikg.ingest.extract.persons import is_role_word
from judikg.ingest.extract.recognize import recognize
from judikg.iris import national_org_iri, org_iri, person_iri
from tests.text_documents import recognised_persons as _persons
from tests.text_documents import text_document as _doc


def _key(surname: str, given: str) -> str:
    """The IRI key of a person, folded as judikg folds names (Оспанова and Ospanov meet)."""
    return person_iri(surname, given).rsplit("/", 1)[1]


def _posts(text: str, lang: str) -> set[tuple[str, str, str | None]]:
    ex = extract(_doc(text, lang))
    return {(r.subject.rsplit("/", 1)[1], r.object, r.role) for r in ex.relations if r.predicate == "post"}


# ------------------------------------------------------------ persons named by their post title


def test_role_word_recognises_titles_in_every_language() -> None:
    assert is_role_word("President", "en") and is_role_word("Chairman", "en")
    assert is_role_word("председатель", "ru") and is_role_word("Төрағасы", "kk")
    assert is_role_word("төрагасы", "ky") and is_role_word("Tóraǵasy", "kk-Latn")
    assert is_role_word("Ambassador", "en") and is_role_word("послом", "ru")
    assert not is_role_word("посольство", "ru") and not is_role_word("Court", "en")


def test_name_in_apposition_before_a_post_title_is_a_person() -> None:
    """No given-name list holds these names: the title after the comma vouches for them."""
    text = "The forum was opened by Mirela Dobrescu, President of the Supreme Court of Moldova."
    assert _persons(text, "en") == {_key("Dobrescu", "Mirela"): {"Mirela Dobrescu"}}
    text = "Talks were held with Tomasz Wrobel, Vice-President of the court."
    assert set(_persons(text, "en")) == {_key("Wrobel", "Tomasz")}


def test_name_after_a_post_title_is_a_person() -> None:
    assert set(_persons("Yesterday Chief Justice Aroha Tamihana spoke first.", "en")) == {_key("Tamihana", "Aroha")}
    assert set(_persons("The delegation was led by its President, Aroha Tamihana.", "en")) == {_key("Tamihana", "Aroha")}
    # Kazakh and Kyrgyz: the title follows the institution and precedes the name
    # (a feminine surname keys with its masculine form, so only the stem is checked)
    for text, lang in (
        ("Жиынды Соттың Төрағасы Рахат Оспанова ашты.", "kk"),
        ("Жыйынды соттун төрагасы Рахат Оспанова ачты.", "ky"),
        ("Jıyndy Sottyń Tóraǵasy Rahat Ospanova ashty.", "kk-Latn"),
    ):
        found = _persons(text, lang)
        assert len(found) == 1 and next(iter(found)).startswith("ospanov"), (lang, found)
        assert next(iter(found.values())) == {text.split()[3] + " " + text.split()[4]}


def test_russian_title_then_institution_then_name() -> None:
    text = "Выступил председатель Конституционного суда Армении Арам Варданян."
    assert set(_persons(text, "ru")) == {_key("Vardanyan", "Aram")}


def test_capitalised_phrases_after_a_title_are_not_persons() -> None:
    assert _persons("Судьи Центральной Азии обсудили реформу.", "ru") == {}
    assert _persons("Председатель Комиссии выступил.", "ru") == {}
    # a single word after a title is a name only with a surname ending
    assert _persons("The Chairman Said nothing.", "en") == {}


def test_a_name_before_an_institution_word_is_the_institution() -> None:
    assert _persons("The Friedrich Naumann Foundation supported the seminar.", "en") == {}
    assert _persons("Students of the Nelson Mandela Institute attended.", "en") == {}


def test_titles_in_a_list_of_appositions_belong_to_the_name_before_them() -> None:
    """"A, title of X, and B, title of Y": X's title is A's, not B's."""
    text = (
        "It was opened by Mirela Dobrescu, President of the Supreme Court of Moldova, "
        "and Aroha Tamihana, Ambassador of the European Union to Moldova."
    )
    posts = _posts(text, "en")
    assert (_key("Dobrescu", "Mirela"), national_org_iri("md", "supreme-court"), "president") in posts
    assert (_key("Tamihana", "Aroha"), org_iri("eu"), "other") in posts
    assert not any(p == _key("Tamihana", "Aroha") and o == national_org_iri("md", "supreme-court") for p, o, _ in posts)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.sampled_from(["President", "Chairman", "Ambassador", "Aroha", "Tamihana", "Court", "Foundation", ",", "of", "the", "Судьи", "Центральной", "төрагасы"]),
        max_size=12,
    ),
    st.sampled_from(["en", "ru", "ky", "kk"]),
)
def test_person_spans_stay_inside_the_text_and_exclude_title_words(words: list[str], lang: str) -> None:
    text = " ".join(words)
    for h in recognize(_doc(text, lang)):
        assert 0 <= h.start < h.end <= len(text)
        if h.type == "Person":
            assert not any(is_role_word(w, lang) for w in text[h.start : h.end].split())


# ------------------------------------------------------------ posts


def test_possessive_title_is_held_in_the_institution_named_before() -> None:
    """"its President", «его председатель», «анын төрагасы»: the institution is the antecedent."""
    sc_md = national_org_iri("md", "supreme-court")
    dobrescu = _key("Dobrescu", "Mirela")
    for text, lang in (
        ("The Supreme Court of Moldova sent a delegation led by its President, Mirela Dobrescu.", "en"),
        ("Делегацию Верховного суда Молдовы возглавил его председатель Мирела Добреску.", "ru"),
        ("Молдова Республикасынын Жогорку сотунун делегациясын анын төрагасы Мирела Добреску жетектеди.", "ky"),
    ):
        posts = _posts(text, lang)
        assert {(o, r) for p, o, r in posts if p == dobrescu} == {(sc_md, "chair" if lang != "en" else "president")}, (lang, posts)


def test_a_title_qualified_by_one_word_still_joins_its_institution() -> None:
    undp = org_iri("undp")
    posts = _posts("БҰҰДБ-ның Қазақстандағы тұрақты өкілі Арна Ловен пікір білдірді.", "kk")
    assert (_key("Loven", "Arna"), undp, "other") in posts
    posts = _posts("Remarks came from Arna Loven, permanent representative of UNDP in Kazakhstan.", "en")
    assert (_key("Loven", "Arna"), undp, "other") in posts


def test_a_title_between_two_names_belongs_to_the_second_in_russian_order() -> None:
    """«X, почётный президент Y Z»: the title is Z's, not X's apposition."""
    text = "Конгресс открыли судья Арна Ловен, почётный председатель Венецианской комиссии Мирела Добреску."
    posts = _posts(text, "ru")
    venice = org_iri("venice-commission")
    assert (_key("Dobrescu", "Mirela"), venice, "chair") in posts
    assert not any(p == _key("Loven", "Arna") and o == venice for p, o, _ in posts)


def test_a_clause_between_two_titles_does_not_join_them() -> None:
    text = "Делегацию Конституционной палаты во главе с председателем Арной Ловен приняли в Душанбе."
    assert not any(r == "head" for _, _, r in _posts(text, "ru"))


# ------------------------------------------------------------ events


def _events(text: str, lang: str) -> list[str]:
    return sorted(e.type for e in extract(_doc(text, lang)).entities if e.iri.rsplit("/", 2)[-2] == "event")


def test_an_event_word_with_no_date_place_or_actor_is_no_event() -> None:
    """Plans and habits ("to hold round tables every year") name a kind of event, not one."""
    assert _events("Тараптар жыл сайын дөңгелек үстелдер өткізуді көздейді.", "kk") == []
    assert _events("The parties intend to hold seminars and round tables regularly.", "en") == []
    assert _events("Стороны договорились проводить семинары.", "ru") == []


def test_an_event_with_a_date_or_a_place_is_kept() -> None:
    assert _events("Astana hosted a round table on 5 May 2023 on judicial ethics.", "en") == ["RoundTable"]
    assert len(_events("В Бишкеке прошёл семинар для судей.", "ru")) == 1


def test_an_event_said_to_have_taken_place_is_kept_without_date_or_place() -> None:
    assert len(_events("Судьялар үчүн семинар өттү.", "ky")) == 1
    assert len(_events("Семинар для судей состоялся по плану.", "ru")) == 1
    assert len(_events("A seminar for judges was held as planned.", "en")) == 1


def _locations(text: str, lang: str) -> set[str]:
    ex = extract(_doc(text, lang))
    return {r.object.split("/id/", 1)[1] for r in ex.relations if r.predicate == "location" and "/event/" in r.subject}


def test_the_country_written_with_the_city_is_a_place_too() -> None:
    # the city named first alone, then again with its country
    text = "Seminar in Tbilisi.\nThe seminar was held in Tbilisi, Georgia, on 3 May 2023."
    assert _locations(text, "en") == {"city/tbilisi", "country/ge"}
    # Kazakh and Kyrgyz write the country first, in the genitive
    assert _locations("2023-жылдын 3-майында Грузиянын Тбилиси шаарында семинар өттү.", "ky") == {"city/tbilisi", "country/ge"}
    assert _locations("2023 жылғы 3 мамырда Грузияның Тбилиси қаласында семинар өтті.", "kk") == {"city/tbilisi", "country/ge"}
    # a country in the genitive before a city that is not the event's place is no place
    assert "country/ge" not in _locations("Грузиянын делегациясы 2023-жылдын 3-майында Бишкекте семинарга катышты.", "ky")


# ------------------------------------------------------------ institutions


def test_kazakh_latin_writes_ts_as_s_in_institution_names() -> None:
    """Both official Latin alphabets write Cyrillic ц as s: the lexicon's Cyrillic heads meet them."""
    cc_kz = national_org_iri("kz", "constitutional-court")
    for text in (
        "Qazaqstan Respýblıkasynyń Konstıtýsııalyq Soty sheshim qabyldady.",  # 2018 alphabet
        "Qazaqstan Respublikasynyñ Konstitusiialyq Soty şeşım qabyldady.",  # 2021 alphabet
    ):
        assert cc_kz in {h.iri for h in recognize(_doc(text, "kk-Latn"))}, text
    council = national_org_iri("kz", "constitutional-council")
    assert council in {h.iri for h in recognize(_doc("Qazaqstan Konstıtýsııalyq Keńesi jumys istedi.", "kk-Latn"))}


def test_reference_bodies_and_cities_of_judicial_cooperation_news() -> None:
    def iris_in(text: str, lang: str) -> set[str]:
        return {h.iri.split("/id/", 1)[1] for h in recognize(_doc(text, lang))}

    assert "org/turkay" in iris_in("Judges of TÜRK-AY member courts gathered.", "en")
    assert "org/turkay" in iris_in("Түркі әлемінің конституциялық юрисдикциялары конференциясының отырысы болды.", "kk")
    assert "org/hanns-seidel-foundation" in iris_in("The Hanns Seidel Foundation funded a training.", "en")
    assert "org/sdc" in iris_in("Швейцарское агентство по развитию и сотрудничеству поддержало проект.", "ru")
    assert "org/undp" in iris_in("Біріккен Ұлттар Ұйымының Даму бағдарламасымен келісім жасалды.", "kk")
    assert "org/wccj" in iris_in("Конституциялык сот адилеттиги боюнча Бүткүл дүйнөлүк конференциянын жыйыны өттү.", "ky")
    assert {"city/cape-town", "city/rio-de-janeiro"} <= iris_in("Congresses met in Cape Town and in Rio de Janeiro.", "en")


# ------------------------------------------------------------ organisers


def _organizers(text: str, lang: str) -> set[str]:
    ex = extract(_doc(text, lang))
    return {r.object.split("/id/", 1)[1] for r in ex.relations if r.predicate == "organizer"}


def test_a_pronoun_sentence_after_the_event_names_its_organisers() -> None:
    text = "A seminar for judges took place in Tbilisi on 3 May 2023. It was organised by the Supreme Court of Georgia."
    assert _organizers(text, "en") == {"org/ge/supreme-court"}
    text = "3 мая 2023 года в Тбилиси прошёл семинар для судей. Его организовал Верховный суд Грузии."
    assert _organizers(text, "ru") == {"org/ge/supreme-court"}


def test_coordinated_institutions_organise_together() -> None:
    expected = {"org/ge/supreme-court", "org/venice-commission"}
    text = "On 3 May 2023 a seminar was organised jointly by the Supreme Court of Georgia and the Venice Commission in Tbilisi."
    assert _organizers(text, "en") == expected
    text = "3 мая 2023 года в Тбилиси семинар провела Венецианская комиссия совместно с Верховным судом Грузии."
    assert _organizers(text, "ru") == expected
    text = "2023-жылдын 3-майында Тбилисиде семинарды Венеция комиссиясы Грузиянын Жогорку соту менен бирдикте уюштурду."
    assert _organizers(text, "ky") == expected


def test_republic_of_a_country_names_the_country_in_every_language() -> None:
    for text, lang in (
        ("Индонезия Республикасынын Конституциялык соту чечим чыгарды.", "ky"),
        ("Индонезия Республикасының Конституциялық Соты шешім шығарды.", "kk"),
        ("Конституционный суд Республики Индонезия вынес решение.", "ru"),
        ("The Constitutional Court of the Republic of Indonesia ruled.", "en"),
    ):
        iris_found = {h.iri.split("/id/", 1)[1] for h in recognize(_doc(text, lang))}
        assert "org/id/constitutional-court" in iris_found, (lang, iris_found)


# ------------------------------------------------------------ partOf from the reference data


def _part_of(text: str, lang: str) -> set[tuple[str, str]]:
    ex = extract(_doc(text, lang))
    return {(r.subject.split("/id/", 1)[1], r.object.split("/id/", 1)[1]) for r in ex.relations if r.predicate == "partOf"}


def test_a_body_is_part_of_its_parent_where_the_text_writes_them_together() -> None:
    pair = ("org/venice-commission", "org/council-of-europe")
    assert pair in _part_of("Experts of the Venice Commission of the Council of Europe arrived.", "en")
    assert pair in _part_of("Прибыли эксперты Венецианской комиссии Совета Европы.", "ru")
    assert pair in _part_of("Европа Кеңешинин Венеция комиссиясынын эксперттери келди.", "ky")
    # both named, but apart: the text does not say one is part of the other
    apart = "The Venice Commission sent experts. The Council of Europe paid for the trip."
    assert pair not in _part_of(apart, "en")


def test_a_parent_inside_an_organisers_name_does_not_break_the_coordination() -> None:
    text = "3 мая 2023 года в Тбилиси прошёл семинар. Его провела Венецианская комиссия Совета Европы совместно с Верховным судом Грузии."
    assert _organizers(text, "ru") == {"org/venice-commission", "org/ge/supreme-court"}


def test_an_event_word_that_heads_a_body_named_in_the_article_stands_for_the_body() -> None:
    text = (
        "Judges of the World Conference on Constitutional Justice met in Tbilisi on 3 May 2023. "
        "The Conference now has 120 members."
    )
    assert "Conference" not in _events(text, "en")
    text = "Суды – члены Всемирной конференции по конституционному правосудию. Конференция объединяет 120 судов."
    assert "Conference" not in _events(text, "ru")


def test_a_dated_event_of_a_kind_that_heads_a_body_name_is_kept() -> None:
    text = "The World Conference on Constitutional Justice held a conference in Tbilisi on 3 May 2023."
    assert "Conference" in _events(text, "en")


# ------------------------------------------------------------ memberOf


def _members(text: str, lang: str) -> set[tuple[str, str]]:
    ex = extract(_doc(text, lang))
    return {(r.subject.split("/id/", 1)[1], r.object.split("/id/", 1)[1]) for r in ex.relations if r.predicate == "memberOf"}


def test_members_of_an_institution_are_people_not_a_membership() -> None:
    text = "The Venice Commission sent experts. Members of the Supreme Court of Georgia and of parliament took part."
    assert not any(o == "org/venice-commission" for _, o in _members(text, "en"))
    text = "Венеция комиссиясы эксперттерин жиберди. Грузиянын Жогорку сотунун мүчөлөрү катышты."
    assert not any(o == "org/venice-commission" for _, o in _members(text, "ky"))


def test_a_court_joining_a_body_is_still_a_member() -> None:
    assert ("org/ge/supreme-court", "org/venice-commission") in _members(
        "The Supreme Court of Georgia became a member of the Venice Commission.", "en"
    )
    assert ("country/ge", "org/venice-commission") in _members("Грузия Венеция комиссиясына мүчө болду.", "ky")
