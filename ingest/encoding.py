"""Bytes → text for articles that arrive in any encoding a Central Asian news site has used.

Order of evidence: a byte-order mark, then strict UTF-8 (almost everything today), then UTF-16
without a BOM (recognised by its zero high bytes), then charset-normalizer restricted to the
few legacy encodings plausible for Kyrgyz, Kazakh, Russian and English text. Restricting the
candidates matters: unrestricted detection happily answers Greek or Turkish code pages for short
Cyrillic texts.
"""

from __future__ import annotations

import codecs
import re
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


def _expected_letter_share(text: str) -> float:
    """Share of letters in the expected alphabets; 0 when letters are under a third of the text."""
    visible = [c for c in text.lower() if not c.isspace()]
    letters = [c for c in visible if c.isalpha()]
    if not letters or len(letters) < len(visible) / 3:
        return 0.0
    return sum(1 for c in letters if c in _EXPECTED_LETTERS) / len(letters)


_TOKEN_EDGES = "\"'«»“”„()[]{}.,;:!?—–-…•*/"


def _well_formed_word_share(text: str) -> float:
    """Share of words shaped like words: letters only inside, lower/Title/short UPPER case.

    A wrong code page scatters symbols inside words (``╣М╣ЙР``) or swaps case (``йШПЦШГ``,
    KOI8-R read as cp1251), which the letter share alone does not see.
    """
    words = [w.strip(_TOKEN_EDGES) for w in text.split()]
    words = [w for w in words if any(c.isalpha() for c in w)]
    if not words:
        return 0.0
    good = 0
    for word in words:
        inner_ok = all(c.isalpha() or c.isdigit() or c in "-'’ʻ." for c in word)
        letters = "".join(c for c in word if c.isalpha())
        case_ok = (
            letters.islower()
            or (letters[:1].isupper() and (len(letters) == 1 or letters[1:].islower()))
            or (letters.isupper() and len(letters) <= 10)
        )
        good += inner_ok and case_ok
    return good / len(words)


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
    # High bytes of Latin (0x00) and Cyrillic (0x04) characters dominate one lane. Counted
    # with bytes.count (C level): a Python loop over every byte cost ~0.3 ms an article.
    def high_share(lane: bytes) -> float:
        return (lane.count(0x00) + lane.count(0x04)) / len(lane)

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
    # Before UTF-8: ASCII and Cyrillic in UTF-16 are also valid (if odd) UTF-8.
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    _reject_damaged_utf8(data, source, first_bad)
    return _decode_legacy(data, source)


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _reject_damaged_utf8(data: bytes, source: str, first_bad: int) -> None:
    """A UTF-8 file with a few broken bytes is damaged, not in another encoding: say so."""
    valid = len(_UTF8_MULTIBYTE.findall(data))
    invalid = data.decode("utf-8", errors="replace").count("\ufffd")
    if valid >= 3 and valid > 4 * invalid:
        raise InputError(
            source,
            f"is UTF-8 with {invalid} invalid byte sequence(s) (first at byte {first_bad}); "
            "repair or re-download the file",
        )


def _decode_legacy(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes  # imported lazily: it is slow to import

    candidates = [str(match) for match in from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS))]
    # charset-normalizer drops short texts it finds "chaotic" (Kyrgyz in PT154 among them),
    # so every plausible code page is tried as well, after its own ranking.
    for encoding in LEGACY_ENCODINGS:
        try:
            candidates.append(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    best: tuple[float, str] | None = None
    for text in candidates:
        if control_ratio(text) > 0.0:
            continue
        score = _expected_letter_share(text) * _well_formed_word_share(text)
        # Equal scores: keep charset-normalizer's order (it weighs letter sequences).
        if score >= 0.8 and (best is None or score > best[0]):
            best = (score, text)
    if best is not None:
        return best[1]
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
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return bool(sample) and controls / len(sample) > 0.01


#: Control bytes that do not occur in text files (tab, line breaks and ESC do).
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B))
