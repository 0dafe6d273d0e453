"""Person names on unseen text: title and institution words are never name parts; names unknown
to any list are read from their shape and context; signatories. Own sentences only."""

from __future__ import annotations

import pytest

from judikg.ingest.extract import extract
from judikg.ingest.model import Document
from tests.text_documents import text_document

ID = "https://w3id.org/judikg/id/"


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


# --- names no list knows ------------------------------------------------------------------

_UNKNOWN = [
    # an unambiguous surname suffix after a name-shaped word, inflected or not
    ("kk-Latn", "Kezdesýge Mırsaıd Aúezov qatysty.", "auezov-m", "Mırsaıd Aúezov"),
    ("kk-Latn", "Sot tóraǵasy Mırsaıd Aúezovpen kezdesti.", "auezov-m", "Mırsaıd Aúezovpen"),
    ("kk", "Кездесуге Мирсаид Әуезов қатысты.", "auezov-m", "Мирсаид Әуезов"),
    ("kk", "Сот төрағасы Мирсаид Әуезовпен кездесті.", "auezov-m", "Мирсаид Әуезовпен"),
    ("kk", "Кездесуге Эльвира Әзімова қатысты.", "azimov-e", "Эльвира Әзімова"),
    ("ky", "Жыйынга Бакыт Осмоналиев катышты.", "osmonaliev-b", "Бакыт Осмоналиев"),
    ("ru", "Во встрече принял участие Мирсаид Ауэзов.", "auezov-m", "Мирсаид Ауэзов"),
    ("en", "Mirsaid Auezov took part in the meeting.", "auezov-m", "Mirsaid Auezov"),
    # no suffix: a verb of acting after the name, or a post title before it
    ("ky", "Жыйынга Зүхтү Арслан катышты.", "arslan-z", "Зүхтү Арслан"),
    ("kk", "Кездесуге Клер Бази Малори қатысты.", "malori-k", "Клер Бази Малори"),
    ("kk-Latn", "Kezdesýge Djannı Býkıkkıo qatysty.", "bukikio-j", "Djannı Býkıkkıo"),
    ("kk", "Комиссия төрағасы Джанни Букиккио баяндама жасады.", "bukikio-j", "Джанни Букиккио"),
    ("ru", "Меморандум подписал Джанни Букиккио.", "bukikio-j", "Джанни Букиккио"),
    ("en", "The report was presented by chairman Gianni Buquicchio.", "bukuikchio-g", "Gianni Buquicchio"),
]


@pytest.mark.parametrize("lang,text,key,surface", _UNKNOWN)
def test_names_no_list_knows(lang: str, text: str, key: str, surface: str) -> None:
    found = _persons(text, lang)
    assert surface in found.get(key, []), found


@pytest.mark.parametrize(
    "lang,text",
    [
        ("ru", "Судьи Центральной Азии обсудили реформу."),
        ("kk", "Судьялар Орталық Азия елдерінде кездесті."),
        ("kk", "Астана Опера театрында концерт өтті."),
        ("en", "The Supreme Court met on Monday."),
        ("ky", "Бишкек Шаардык Сотунда жыйын болду."),
    ],
)
def test_places_and_institutions_beside_a_verb_are_no_persons(lang: str, text: str) -> None:
    assert _persons(text, lang) == {}


def test_a_sentence_initial_word_before_a_name_and_verb_is_left_out() -> None:
    assert _persons("Today Gianni Buquicchio said the opinion was ready.", "en") == {"bukuikchio-g": ["Gianni Buquicchio"]}


# --- signatories --------------------------------------------------------------------------

_MEETING = {
    "kk": "Астанада Қазақстан Конституциялық Сотының Төрағасы Эльвира Әзімова мен Өзбекстан Конституциялық сотының төрағасы Мирсаид Әуезов кездесті. ",
    "kk-Latn": "Astanada Qazaqstan Konstıtýsıalyq Sotynyń Tóraǵasy Elvıra Ázimova men Ózbekstan Konstıtýsıalyq sotynyń tóraǵasy Mırsaıd Aúezov kezdesti. ",
    "ky": "Бишкекте Кыргызстандын Конституциялык сотунун төрагасы Эмил Осконбаев жана Өзбекстандын Конституциялык сотунун төрагасы Мирсаид Ауэзов жолугушту. ",
    "ru": "Председатель Конституционного суда Казахстана Эльвира Азимова встретилась с Председателем Конституционного суда Узбекистана Мирсаидом Ауэзовым. ",
    "en": "The Chairman of the Constitutional Court of Kazakhstan Elvira Azimova met the Chairman of the Constitutional Court of Uzbekistan Mirsaid Auezov in Tashkent. ",
}


def _signatories(text: str, lang: str) -> set[str]:
    return {
        r.object.removeprefix(ID + "person/")
        for r in extract(_doc(text, lang)).relations
        if r.predicate == "signatory"
    }


@pytest.mark.parametrize(
    "lang,signing,expected",
    [
        ("kk", "Меморандумға Эльвира Әзімова мен Мирсаид Әуезов қол қойды.", {"azimov-e", "auezov-m"}),
        ("kk-Latn", "Memorandýmǵa Elvıra Ázimova men Mırsaıd Aúezov qol qoıdy.", {"azimov-e", "auezov-m"}),
        ("ky", "Меморандумду Эмил Осконбаев жана Мирсаид Ауэзов кол коюшту.", {"oskonbaev-e", "auezov-m"}),
        ("ru", "Меморандум подписали Эльвира Азимова и Мирсаид Ауэзов.", {"azimov-e", "auezov-m"}),
        ("en", "The memorandum was signed by Elvira Azimova and Mirsaid Auezov.", {"azimova-e", "auezov-m"}),
        # the document named in one sentence, signed in the next
        ("ru", "Стороны заключили меморандум. Документ подписали Эльвира Азимова и Мирсаид Ауэзов.", {"azimov-e", "auezov-m"}),
        # the chairs sign, named before by their posts
        ("kk", "Екі соттың төрағалары ынтымақтастық туралы меморандумға қол қойды.", {"azimov-e", "auezov-m"}),
        ("en", "The chairs of both courts signed a memorandum of cooperation.", {"azimova-e", "auezov-m"}),
    ],
)
def test_signatories(lang: str, signing: str, expected: set[str]) -> None:
    assert _signatories(_MEETING[lang] + signing, lang) == expected


@pytest.mark.parametrize(
    "lang,text",
    [
        # one chair tells that a memorandum was signed: no signatory named
        ("en", "IACA President Luis Palma opened the meeting. The IACA president said a memorandum had been signed with the court."),
        # "приняли участие" takes part, it does not sign
        ("ru", "Суды подписали меморандум. В конференции приняли участие Эльвира Азимова и Мирсаид Ауэзов."),
    ],
)
def test_no_signatory_without_a_signing_subject(lang: str, text: str) -> None:
    assert _signatories(text, lang) == set()


def _doc(text: str, lang: str) -> Document:
    return text_document(text, lang, "test.txt")
