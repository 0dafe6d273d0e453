"""Stem + suffix-tail morphology for Kyrgyz/Kazakh (both scripts), Russian endings, English plurals."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judikg.ingest.morphology import is_plural, matches_stem, russian_lemma, russian_stem, stem_variants, token_keys, turkic_genitive
from judikg.ingest.translit import fold

INFLECTED = [
    ("сотунун", "сот", "ky"),
    ("Соттарының", "Сот", "kk"),
    ("sottyń", "sot", "kk-Latn"),
    ("sottyñ", "sot", "kk-Latn"),
    ("министрлигинин", "министрлик", "ky"),  # к → г before a vowel
    ("шаарында", "шаар", "ky"),
    ("Aıresten", "Aıres", "kk-Latn"),
    ("Қазақстанның", "Қазақстан", "kk"),
    ("Республикасынын", "Республика", "ky"),
    ("ákimshiligimen", "ákimshilik", "kk-Latn"),
    ("Toqaevqa", "Toqaev", "kk-Latn"),
    ("Кыргызстандагы", "Кыргызстан", "ky"),
    ("USAIDдин", "USAID", "ky"),
    ("сотторунун", "сот", "ky"),
    ("Лондонда", "Лондон", "kk"),
    ("Кыргызской", "Кыргызская", "ru"),
    ("России", "Россия", "ru"),
    ("Москве", "Москва", "ru"),
    ("Courts", "Court", "en"),
]


@pytest.mark.parametrize(("form", "stem", "lang"), INFLECTED)
def test_inflected_forms_match_their_stem(form: str, stem: str, lang: str) -> None:
    assert matches_stem(form, stem, lang)


@pytest.mark.parametrize(
    ("form", "stem", "lang"),
    [("Кыргызстан", "Кыргыз", "ky"), ("сотрудник", "сот", "ky"), ("Моңғол", "Моңғолия", "kk"), ("Совет", "сот", "ru")],
)
def test_different_words_do_not_match(form: str, stem: str, lang: str) -> None:
    assert not matches_stem(form, stem, lang)


def test_cross_script_forms_share_a_variant() -> None:
    assert stem_variants("Жоғарғы", "kk") & stem_variants("Joǵarǵy", "kk-Latn")
    assert fold("sot") in stem_variants("Соттың", "kk")


def test_russian_stem_is_shared_by_case_forms() -> None:
    forms = ["Казахстан", "Казахстана", "Казахстане", "Казахстаном"]
    assert len({russian_stem(fold(f)) for f in forms}) == 1


def test_russian_lemma_by_pymorphy() -> None:
    assert russian_lemma("Мергалиевым") == "мергалиев"
    assert russian_lemma("Court") == "court"  # not Russian: unchanged


@settings(deadline=None)  # the first Russian word loads pymorphy3's dictionaries
@given(st.text(max_size=40), st.sampled_from(["ky", "kk", "kk-Latn", "ru", "en", "uz"]))
def test_never_crashes_and_keeps_the_token_first(word: str, lang: str) -> None:
    key = fold(word)
    keys = token_keys(key, lang)
    assert keys[0] == key
    assert all(len(k) <= len(key) for k in keys)
    stem_variants(word, lang)


def test_russian_token_keys_try_every_ending() -> None:
    # й and и fold alike: "Кореи" must also lose only its -и to meet "Корея"
    lexicon_key = russian_stem(fold("Корея"))
    assert lexicon_key in token_keys(fold("Кореи"), "ru")
    assert lexicon_key in token_keys(fold("Корее"), "ru")


def test_turkic_genitive() -> None:
    for word in ("Администрациясынын", "Соттың", "ákimshiliginiń", "министрликтин"):
        assert turkic_genitive(fold(word)), word
    for word in ("ákimshiligimen", "Соты", "сот", "Бишкекте"):
        assert not turkic_genitive(fold(word)), word


def test_is_plural_reads_the_number_ending() -> None:
    for word, lang in (("соттары", "ky"), ("sottaryna", "kk-Latn"), ("министрликтердин", "ky"), ("судов", "ru"), ("уполномоченных", "ru")):
        assert is_plural(fold(word), lang), word
    for word, lang in (("сотунун", "ky"), ("министрлиги", "ky"), ("суда", "ru"), ("Конституционного", "ru"), ("Courts", "en")):
        assert not is_plural(fold(word), lang), word


def test_russian_analyser_uses_the_c_dawg_reader() -> None:
    # pymorphy3[fast] (pyproject.toml) brings DAWG2; without it pymorphy3 falls back silently to
    # a pure-Python reader ~8x slower a word, ~10 % of extracting unseen Russian text.
    import pymorphy3.dawg

    assert pymorphy3.dawg.EXTENSION_AVAILABLE
