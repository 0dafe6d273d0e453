"""Kazakh Latin (2018 acute and 2021 alphabets, informal romanisation) reaches the same entities
as Kazakh Cyrillic: the matching key, institutions and international bodies. Own sentences only."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judikg.ingest.extract import extract
from judikg.ingest.model import Document
from judikg.ingest.translit import fold, match_key, to_latin
from tests.text_documents import text_document

ID = "https://w3id.org/judikg/id/"


def _iris(text: str, lang: str) -> set[str]:
    return {e.iri.removeprefix(ID) for e in extract(_doc(text, lang)).entities}


# --- the matching key ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "variants",
    [
        ["Конституциялық", "Konstıtýsıalyq", "Konstıtýsııalyq", "Konstitutsiyalyq", "Konstitusiyalyq", "Konstitusialyq"],
        ["Азия", "Azııa", "Azıa", "Aziya", "Azia"],
        ["Венеция", "Venesıa", "Venetsiya", "Venesiya"],
        ["комиссиясы", "komıssııasy", "komissiyasy", "komissiasy"],
        ["Жоғарғы", "Joǵarǵy", "Joğarğy", "Zhogargy", "Jogargy"],
        ["қауымдастығы", "qaýymdastyǵy", "qauymdastyğy", "kauymdastygy"],
        ["Юстиция", "Iýstısıa", "Iustitsiya", "Yustitsiya"],
        ["Тәуелсіз", "Táýelsiz", "Täuelsız"],
    ],
)
def test_latin_spellings_of_one_word_share_the_matching_key(variants: list[str]) -> None:
    assert len({match_key(v) for v in variants}) == 1, {v: match_key(v) for v in variants}


def test_matching_key_keeps_english_plurals_and_distinct_words_apart() -> None:
    assert match_key("courts") == "courts"  # ts before no vowel is not ц
    assert match_key("Сот") != match_key("Соттар")
    assert match_key("Кеңес") != match_key("Кесе")


_KAZAKH = "абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_KAZAKH, min_size=1, max_size=14), st.sampled_from(["2018", "2021"]))
def test_official_latin_of_any_cyrillic_word_has_its_matching_key(word: str, alphabet: str) -> None:
    assert match_key(to_latin(word, alphabet)) == match_key(word)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_KAZAKH + "abcdefghijklmnopqrstuvwxyzáǵıńóúýäğñşöüūç -", max_size=20))
def test_matching_key_is_idempotent_and_no_looser_than_needed(text: str) -> None:
    key = match_key(text)
    assert match_key(key) == key
    assert len(key) <= len(fold(text))


# --- institutions and bodies in Kazakh Latin ----------------------------------------------

_COUNCIL = {
    "kk": "Қазақстан Республикасы Конституциялық Кеңесінің Төрағасы жиынды ашты.",
    "2018": "Qazaqstan Respýblıkasy Konstıtýsıalyq Keńesiniń Tóraǵasy jıyndy ashty.",
    "2018ii": "Qazaqstan Respýblıkasy Konstıtýsııalyq Keńesiniń Tóraǵasy jıyndy ashty.",
    "2021": "Qazaqstan Respublikasy Konstitutsiyalyq Keñesiniñ Törağasy jiyndy aştı.",
    "informal": "Qazaqstan Respublikasy Konstitusiyalyq Kenesinin Toragasy jiyndy ashty.",
}


@pytest.mark.parametrize("variant", sorted(_COUNCIL))
def test_constitutional_council_in_every_alphabet(variant: str) -> None:
    lang = "kk" if variant == "kk" else "kk-Latn"
    assert "org/kz/constitutional-council" in _iris(_COUNCIL[variant], lang)


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Ózbekstan Respýblıkasy Konstıtýsıalyq sotynyń ókilderi keldi.", "kk-Latn"),
        ("Özbekstan Respublikasy Konstitusiyalyq sotynyñ ökilderi keldi.", "kk-Latn"),
        ("Өзбекстан Республикасы Конституциялық сотының өкілдері келді.", "kk"),
    ],
)
def test_constitutional_court_of_another_state(text: str, lang: str) -> None:
    assert "org/uz/constitutional-court" in _iris(text, lang)


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Joǵarǵy sotynyń Konstıtýsıalyq palatasy otyrys ótkizdi.", "kk-Latn"),
        ("Joğarğy sotynyñ Konstitusiyalyq palatasy otyrys ötkizdi.", "kk-Latn"),
        ("Жоғарғы сотының Конституциялық палатасы отырыс өткізді.", "kk"),
    ],
)
def test_constitutional_chamber_of_the_supreme_court(text: str, lang: str) -> None:
    found = _iris(f"Astana. Qazaqstan. {text}", lang)
    assert any(i.endswith("/supreme-court/constitutional-chamber") for i in found), found


@pytest.mark.parametrize(
    "text,lang,iri",
    [
        ("Azııa konstıtýsıalyq sottary qaýymdastyǵy jınalysy ótti.", "kk-Latn", "org/aacc"),
        ("Aziya konstitusiyalyq sottary qauymdastyğy jiynalysy ötti.", "kk-Latn", "org/aacc"),
        ("Азия конституциялық соттары қауымдастығы жиналысы өтті.", "kk", "org/aacc"),
        ("Venesıa komıssııasy baıandama jasady.", "kk-Latn", "org/venice-commission"),
        ("Venetsiya komissiyasy bayandama jasady.", "kk-Latn", "org/venice-commission"),
        ("Венеция комиссиясы баяндама жасады.", "kk", "org/venice-commission"),
    ],
)
def test_international_bodies_in_kazakh_latin_and_cyrillic(text: str, lang: str, iri: str) -> None:
    assert iri in _iris(text, lang)


def _doc(text: str, lang: str) -> Document:
    return text_document(text, lang, "test.txt")
