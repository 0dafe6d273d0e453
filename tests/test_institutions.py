"""Composition of national institutions: country phrase + type (+ sub-unit) → one IRI in every language."""

from __future__ import annotations

from judikg import iris
from judikg.ingest.extract.recognize import Hit, recognize
from judikg.ingest.model import Document
from tests.text_documents import text_document as _doc


def _hits(text: str, lang: str, kind: str | None = None) -> list[Hit]:
    return [h for h in recognize(_doc(text, lang)) if kind is None or h.type == kind]


SC_KZ = iris.national_org_iri("KZ", "supreme-court")


def test_supreme_court_of_kazakhstan_is_one_node_in_every_language() -> None:
    phrases = [
        ("Жиынға Қазақстан Республикасы Жоғарғы Сотының өкілдері келді.", "kk"),
        ("Делегация Верховного Суда Республики Казахстан прибыла.", "ru"),
        ("The Supreme Court of Kazakhstan hosted the meeting.", "en"),
        ("Qazaqstan Respýblıkasy Joǵarǵy sottyń ókilderi keldi.", "kk-Latn"),
        ("Встреча в Верховном Суде Республики Казахстан прошла успешно.", "ru"),
    ]
    for text, lang in phrases:
        courts = _hits(text, lang, "SupremeCourt")
        assert [h.iri for h in courts] == [SC_KZ], (text, courts)
        assert courts[0].country == "KZ"


def test_apparatus_is_a_sub_unit_of_the_court() -> None:
    text = "Кыргыз Республикасынын Конституциялык сотунун аппараты меморандумга кол койду."
    (unit,) = _hits(text, "ky", "CourtAdministration")
    assert unit.iri == iris.national_org_iri("KG", "constitutional-court", "apparatus")
    assert unit.parent == iris.national_org_iri("KG", "constitutional-court")
    assert text[unit.start : unit.end].endswith("аппараты")


def test_russian_unit_before_type_and_country_after() -> None:
    text = "Решение Конституционной палаты Верховного суда Кыргызской Республики вступило в силу."
    (chamber,) = _hits(text, "ru", "ConstitutionalCourt")
    assert chamber.iri == iris.national_org_iri("KG", "supreme-court", "constitutional-chamber")
    assert chamber.parent == iris.national_org_iri("KG", "supreme-court")


def test_coordinated_countries_give_one_institution_each_on_one_span() -> None:
    text = "Қазақстан мен Моңғолия Жоғарғы Соттары кездесті."
    courts = _hits(text, "kk", "SupremeCourt")
    assert {h.iri for h in courts} == {SC_KZ, iris.national_org_iri("MN", "supreme-court")}
    assert len({(h.start, h.end) for h in courts}) == 1
    en = _hits("Constitutional Courts of Indonesia, Turkey, and Korea took part.", "en", "ConstitutionalCourt")
    assert {h.country for h in en} == {"ID", "TR", "KR"}


def test_unqualified_mention_takes_the_country_named_earlier() -> None:
    text = "Қазақстан Республикасы Жоғарғы Сотының төрағасы сөйледі. Жоғарғы Соттың судьялары қатысты."
    courts = _hits(text, "kk", "SupremeCourt")
    assert [h.iri for h in courts] == [SC_KZ, SC_KZ]
    assert [h.country for h in courts] == ["KZ", None]  # the second mention does not state the country


def test_shared_alias_follows_the_article() -> None:
    text = "Председатель Верховного Суда РК выступил в Астане, столице Казахстана."
    assert [h.iri for h in _hits(text, "ru", "SupremeCourt")] == [SC_KZ]


def test_head_words_are_language_bound() -> None:
    # Kazakh "бар" (there is) is not the English "Bar"
    assert _hits("Бұл жерде мүмкіндік бар.", "kk", "Association") == []


def _units(text: str, lang: str) -> list[tuple[str, str, str | None]]:
    doc = Document("<t>", text, text, "0" * 64, lang, "Cyrl")
    return [(text[h.start : h.end], h.iri.rsplit("/id/", 1)[1], h.parent and h.parent.rsplit("/id/", 1)[1]) for h in recognize(doc) if h.parent]


def test_a_described_department_keeps_its_description_and_parent() -> None:
    text = "Кыргыз Республикасынын Президентинин Администрациясынын сот жана укук маселелери боюнча бөлүмүнүн башчысы келди."
    [(surface, iri, parent)] = _units(text, "ky")
    assert surface.endswith("бөлүмүнүн") and parent == "org/kg/presidential-administration"
    assert iri == "org/kg/presidential-administration/department-sot-jana-ukuk-maseleleri-boiuncha"
    # two departments of one body are two bodies
    other = "Кыргыз Республикасынын Президентинин Администрациясынын кадр бөлүмү."
    assert _units(other, "ky")[0][1] == "org/kg/presidential-administration/department-kadr"


def test_a_long_description_needs_its_body_in_the_genitive() -> None:
    # "…ákimshiligimen …": the body is not the department's possessor
    text = "Қазақстан Сот әкімшілігімен ынтымақтастық туралы меморандумға қол қойылғанын және сот басқармасының моделі."
    assert _units(text, "kk") == []
