"""decode(): BOMs, UTF-8, UTF-16 without BOM and legacy Cyrillic code pages, on real re-encodings."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judikg.errors import InputError
from judikg.ingest.encoding import decode, looks_binary

RU = (
    "Председатель Верховного суда принял участие в работе международной конференции, "
    "посвящённой независимости судебной власти и доступу граждан к правосудию."
)
KY = "Кыргыз Республикасынын Жогорку соту менен өнөктөштүк жөнүндө меморандумга кол коюлду, деп билдирди басма сөз кызматы."
KK = "Қазақстан Республикасының Жоғарғы Соты мен сот әкімшілігі өзара ынтымақтастық туралы келісімге қол қойды."


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r", "koi8-u", "mac-cyrillic", "iso-8859-5", "cp866"])
def test_russian_in_legacy_code_pages(encoding: str) -> None:
    assert decode(RU.encode(encoding), "ru.txt") == RU


@pytest.mark.parametrize("text", [KY, KK])
def test_kyrgyz_and_kazakh_in_pt154(text: str) -> None:
    assert decode(text.encode("ptcp154"), "x.txt") == text


@pytest.mark.parametrize("text", [RU, KY, KK, "The Supreme Court met the delegation."])
@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32", "utf-16-le", "utf-16-be"])
def test_unicode_with_and_without_bom(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    assert not looks_binary(data)
    assert decode(data, "x.txt") == text


def test_bom_is_dropped() -> None:
    assert decode(codecs.BOM_UTF8 + "Суд".encode(), "x.txt") == "Суд"


def test_english_latin1() -> None:
    text = "Café of the Supreme Court — no, the café — opened its doors to the public."
    assert decode(text.replace("—", "-").encode("latin-1"), "en.txt") == text.replace("—", "-")


def test_broken_bom_and_garbage_raise_with_source() -> None:
    with pytest.raises(InputError) as caught:
        decode(codecs.BOM_UTF8 + b"\xff\xfe\xfa", "bad.txt")
    assert caught.value.source == "bad.txt" and "UTF-8" in caught.value.reason
    with pytest.raises(InputError) as caught:
        decode(b"\xb0\xb1\xb2\xb6\xb7\xbb" * 4, "garbage.txt")
    assert "re-save the file as UTF-8" in caught.value.reason
    with pytest.raises(InputError) as caught:
        decode("Сот жана судья".encode() + b"\xff" + "жыйын болду".encode(), "damaged.txt")
    assert "invalid byte" in caught.value.reason


def test_binary_detection() -> None:
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    assert looks_binary(bytes(range(1, 9)) * 50)
    assert not looks_binary(RU.encode("utf-8"))
    assert not looks_binary(RU.encode("cp1251"))


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=200))
def test_utf8_round_trip(text: str) -> None:
    assert decode(text.encode("utf-8"), "x.txt") == text
