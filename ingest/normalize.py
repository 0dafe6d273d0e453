"""Unicode clean-up of article text before anything reads it.

News sites mix scripts in ways a reader never sees: a Cyrillic «О» with a combining acute inside a
Kazakh Latin word (the only way some keyboards type the 2018 capital Ó), a Latin «c» typed inside
a Cyrillic word, non-breaking spaces, soft hyphens. Extraction matches names on exact letters, so
these are repaired here once. The function is total (any string in) and idempotent.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that look alike in Cyrillic and Latin; only these are ever swapped between scripts.
_CYR_TO_LAT: dict[str, str] = {
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x",
    "і": "i", "ј": "j", "ѕ": "s",
}  # fmt: skip
_LAT_TO_CYR: dict[str, str] = {lat: cyr for cyr, lat in _CYR_TO_LAT.items()}

_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\x85\u2028\u2029]")
# Every Unicode space separator except the plain space, plus tab: extraction splits on " ".
_ODD_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Invisible characters that only break words apart: soft hyphen, zero-width marks, BOM, bidi marks.
_INVISIBLE = re.compile(r"[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff\u202a-\u202e\u2066-\u2069]")
# C0/C1 controls other than the newline carry no text.
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
# A word: letters with their combining marks (and apostrophes used as letters in Uzbek Latin).
_WORD = re.compile(r"(?:[^\W\d_][\u0300-\u036f]*)+")


def _script(ch: str) -> str | None:
    code = ord(ch)
    if 0x0400 <= code <= 0x052F:
        return "Cyrl"
    if ch.isascii() and ch.isalpha() or 0x00C0 <= code <= 0x024F or 0x1E00 <= code <= 0x1EFF:
        return "Latn"
    return None


def _convertible(letters: list[tuple[int, str]], table: dict[str, str]) -> bool:
    """Can these letters of the minority script all be swapped for look-alikes?

    A leading run of two or more capitals is an acronym with a native suffix (``USAIDдин``,
    ``AACCнын``) and is left alone.
    """
    if not letters or any(ch not in table for _, ch in letters):
        return False
    positions = [i for i, _ in letters]
    contiguous = positions == list(range(positions[0], positions[0] + len(positions)))
    acronym = contiguous and positions[0] == 0 and len(letters) >= 2 and all(ch.isupper() for _, ch in letters)
    return not acronym


def _repair_word(word: str, line_script: str | None) -> str:
    cyr: list[tuple[int, str]] = []
    lat: list[tuple[int, str]] = []
    for i, ch in enumerate(word):
        script = _script(ch)
        if script == "Cyrl":
            cyr.append((i, ch))
        elif script == "Latn":
            lat.append((i, ch))
    if not cyr or not lat:
        return word
    to_latin = _convertible(cyr, _CYR_TO_LAT)
    to_cyrillic = _convertible(lat, _LAT_TO_CYR)
    if to_latin and to_cyrillic:
        to_latin, to_cyrillic = line_script != "Cyrl", line_script == "Cyrl"
    if to_latin:
        table, swap = _CYR_TO_LAT, cyr
    elif to_cyrillic:
        table, swap = _LAT_TO_CYR, lat
    else:
        return word
    chars = list(word)
    for i, ch in swap:
        chars[i] = table[ch]
    return "".join(chars)


# The letters _script() assigns to each script, as regex classes (the same ranges).
_CYRILLIC = re.compile("[\u0400-\u052f]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def _dominant_script(line: str) -> str | None:
    # counted by the regex engine: a generator over every character cost seconds per thousand articles
    cyr = len(line) - len(_CYRILLIC.sub("", line))
    lat = len(line) - len(_LATIN.sub("", line))
    if cyr == lat:
        return None
    return "Cyrl" if cyr > lat else "Latn"


def _is_mixed(word: str) -> bool:
    return _CYRILLIC.search(word) is not None and _LATIN.search(word) is not None


def repair_mixed_scripts(text: str) -> str:
    """Swap look-alike letters of the other script inside a word for the word's own script."""
    lines = text.split("\n")
    for n, line in enumerate(lines):
        # Only a word holding letters of both scripts changes, and a line holds such a word only
        # if it holds both scripts: most lines are skipped by two regex scans.
        if line.isascii() or not _is_mixed(line):
            continue
        mixed = [m for m in _WORD.finditer(line) if _is_mixed(m.group(0))]
        if not mixed:
            continue
        script = _dominant_script(line)
        parts: list[str] = []
        last = 0
        for m in mixed:
            parts.append(line[last : m.start()])
            parts.append(_repair_word(m.group(0), script))
            last = m.end()
        parts.append(line[last:])
        lines[n] = "".join(parts)
    return "\n".join(lines)


def normalize_text(text: str) -> str:
    """NFC text with \\n line ends, plain spaces, no invisible characters, one script per word."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _ODD_SPACES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROLS.sub("", text)
    # Decompose first so that a precomposed Cyrillic letter with an accent is seen as base + mark.
    decomposed = unicodedata.normalize("NFD", text)
    repaired = repair_mixed_scripts(decomposed)
    # NFC(NFD(x)) == NFC(x): when no word was repaired, compose the input, usually NFC already
    # (a quick check), instead of recomposing every decomposed й, ё, á (~0.4 ms a 4 KB article).
    text = unicodedata.normalize("NFC", text if repaired == decomposed else repaired)
    # NFC can itself produce characters the steps above remove (none today), so settle once more.
    return _INVISIBLE.sub("", text)
