"""Bytes → text for articles that arrive in any encoding a Central Asian news site has used.

Order of evidence: a byte-order mark, then strict UTF-8 (almost everything today), then UTF-16
without a BOM (recognised by its zero high bytes), then charset-normalizer restricted to the
few legacy encodings plausible for Kyrgyz, Kazakh, Russian and English text. Restricting the
candidates matters: unrestricted detection happily answers Greek or Turkish code pages for short
Cyrillic texts.
"""

from __future__ import annotations

import codecs
import unicodedata

from judikg.errors import InputError

#: Legacy encodings tried after UTF-8, in charset-normalizer's spelling. PT154 is the one
#: single-byte code page that holds the Kazakh and Kyrgyz letters (ә ғ қ ң ө ұ ү һ і).
LEGACY_ENCODINGS: tuple[str, ...] = (
    "cp1251",
    "koi8_r",
    "koi8_u",
    "mac_cyrillic",
    "iso8859_5",
    "cp866",
    "ptcp154",
    "latin_1",
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM begins with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_ALLOWED_CONTROLS = frozenset("\n\r\t\f\v")


def control_ratio(text: str) -> float:
    """Share of characters that are control characters other than line/tab breaks."""
    if not text:
        return 0.0
    bad = sum(
        1 for c in text if c not in _ALLOWED_CONTROLS and unicodedata.category(c) in ("Cc", "Cs", "Co")
    )
    return bad / len(text)


# Letters the project's languages are written in; a legacy decoding that yields mostly other
# letters (Serbian Ђ Ќ, Greek, box drawing) is a wrong guess, not an article.
_EXPECTED_LETTERS = frozenset(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіўҳ"
    "abcdefghijklmnopqrstuvwxyzáǵıńóúýäğñşöüçéèêëàâîïôûœæíìò"
)


def _plausible_letters(text: str) -> bool:
    letters = [c for c in text.lower() if c.isalpha()]
    return bool(letters) and sum(1 for c in letters if c in _EXPECTED_LETTERS) / len(letters) >= 0.9


def _looks_like_text(text: str) -> bool:
    if not text or control_ratio(text) > 0.0:
        return False
    letters = sum(1 for c in text if c.isalpha())
    return letters / len(text) >= 0.4


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: one of the byte lanes is mostly the high byte 0x00 or 0x04."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    # High bytes of Latin (0x00) and Cyrillic (0x04) characters dominate one lane.
    def high_share(lane: bytes) -> float:
        return sum(1 for b in lane if b in (0x00, 0x04)) / len(lane)

    for lane, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if high_share(lane) >= 0.9:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text):
                return text
    return None


def decode(data: bytes, source: str) -> str:
    """Decode an article's bytes; raise :class:`InputError` naming ``source`` when impossible."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    source,
                    f"starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"(byte {exc.start + len(bom)}); re-save the file as UTF-8",
                ) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    return _decode_legacy(data, source)


def _decode_legacy(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes  # imported lazily: it is slow to import

    for match in from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)):
        text = str(match)
        if control_ratio(text) == 0.0 and _plausible_letters(text):
            return text
    raise InputError(
        source,
        "is not UTF-8 and no plausible Cyrillic or Latin encoding decodes it; "
        "re-save the file as UTF-8",
    )


def looks_binary(data: bytes) -> bool:
    """True for bytes that are no text file: NUL bytes outside UTF-16/32, or many control bytes."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    sample = data[:65536]
    if b"\x00" in sample:
        return _utf16_without_bom(data) is None
    controls = sum(1 for b in sample if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D, 0x0B, 0x1B))
    return bool(sample) and controls / len(sample) > 0.01
