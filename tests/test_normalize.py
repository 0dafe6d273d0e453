"""normalize_text: spaces, invisible characters, mixed-script repair; total and idempotent."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from judikg.ingest.normalize import normalize_text


def test_cyrillic_o_with_combining_acute_in_latin_kazakh_word_becomes_latin_o_acute() -> None:
    assert normalize_text("\u041e\u0301tken aptada") == "\u00d3tken aptada"
    assert normalize_text("Qazaqstan, \u041e\u0301zbekstan") == "Qazaqstan, \u00d3zbekstan"


def test_homoglyphs_repaired_toward_the_word_script() -> None:
    assert normalize_text("Cуд") == "Суд"  # Latin C inside a Cyrillic word
    assert normalize_text("Kazakhstаn") == "Kazakhstan"  # Cyrillic а inside a Latin word


def test_acronym_with_native_suffix_is_left_alone() -> None:
    assert normalize_text("USAIDдин AACCнын") == "USAIDдин AACCнын"


def test_cyrillic_stress_mark_in_cyrillic_word_kept() -> None:
    assert normalize_text("за\u0301мок") == unicodedata.normalize("NFC", "за\u0301мок")


def test_spaces_line_ends_and_invisible_characters() -> None:
    assert normalize_text("a\u00a0b\u202fc\r\nd\re\u2028f") == "a b c\nd\ne\nf"
    assert normalize_text("Жо\u00adғар\u200bғы\ufeff") == "Жоғарғы"


def test_nfc() -> None:
    assert normalize_text("и\u0306") == "й"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_total_and_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert "\r" not in once and "\u00a0" not in once
    assert unicodedata.is_normalized("NFC", once)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("аоесрхуіАОЕСРХУaoecpxyiAOECPXY\u0301 qazQAZжқЖҚ\n")))
def test_idempotent_on_mixed_script_soup(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


def _recomposed_always(text: str) -> str:
    """normalize_text before its fast path: every text decomposed, repaired and recomposed."""
    from judikg.ingest import normalize as n

    for pattern, by in ((n._LINE_BREAKS, "\n"), (n._ODD_SPACES, " "), (n._INVISIBLE, ""), (n._CONTROLS, "")):
        text = pattern.sub(by, text)
    text = unicodedata.normalize("NFC", n.repair_mixed_scripts(unicodedata.normalize("NFD", text)))
    return n._INVISIBLE.sub("", text)


@settings(max_examples=400, deadline=None)
@given(
    st.text()
    | st.text(alphabet=st.sampled_from("аоесйёӘәАОЕЙЁaoecáóǵÁÓAOE\u0301\u0306\u0308\u212b\u212a K ж\n"))
)
def test_composing_the_input_when_nothing_is_repaired_changes_no_output(text: str) -> None:
    assert normalize_text(text) == _recomposed_always(text)
