"""Sentence spans over ``Document.text``: newlines and ``. ! ?`` with care for initials and abbreviations."""

from __future__ import annotations

import re
from bisect import bisect_right

# A candidate boundary: terminal punctuation (with closing quotes/brackets) followed by space,
# or a line break. Whether a dot really ends the sentence is decided in code below.
_BOUNDARY_RE = re.compile(r"[.!?…]+[»\"”’)\]]*(?=\s)|\n")

# Lower-cased abbreviations whose dot does not end a sentence (city, year, article, named-after,
# Mr/Dr …). Country abbreviations such as "РК." are deliberately absent: they do end sentences.
_NO_BREAK_AFTER = frozenset(
    {
        "г", "гг", "ст", "им", "ул", "обл", "р", "т", "д", "п", "пп", "см", "тыс", "млн", "млрд",
        "ж", "жж", "б", "mr", "mrs", "ms", "dr", "st", "no", "nos", "prof", "vs", "etc", "inc", "jr",
        "sr", "art", "gen", "рис", "проф", "акад", "док", "мырза",
    }
)
_WORD_BEFORE_RE = re.compile(r"(\w+)\W*$")


def _is_break(text: str, punct_start: int, punct: str) -> bool:
    if punct != ".":
        return True
    before = _WORD_BEFORE_RE.search(text, max(0, punct_start - 20), punct_start)
    if before is None:
        return True
    word = before.group(1)
    # A single capital letter before the dot is an initial ("А.Мерғалиев", "К. Мами").
    if len(word) == 1 and word.isupper():
        return False
    if word.lower() in _NO_BREAK_AFTER:
        return False
    # The next word starting in lower case means the sentence goes on ("т.е. суд", "2 мин. оқу").
    rest = text[punct_start + 1 : punct_start + 4].lstrip()
    return not (rest[:1].islower())


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` covering the non-blank text, in order; ``end`` exclusive."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY_RE.finditer(text):
        if m.group() != "\n" and not _is_break(text, m.start(), m.group()[0]):
            continue
        end = m.end()
        _append(text, spans, start, end)
        start = end
    _append(text, spans, start, len(text))
    return spans


def _append(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def sentence_index(starts: list[int], offset: int) -> int:
    """Index of the sentence holding character ``offset``, given the sentences' start offsets in
    order (the previous sentence when the offset falls in a gap)."""
    return max(0, bisect_right(starts, offset) - 1)
