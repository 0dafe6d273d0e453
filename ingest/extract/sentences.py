"""Sentence spans over ``Document.text``: newlines and ``. ! ?`` with care for initials and abbreviations."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

# A candidate boundary: terminal punctuation (with closing quotes/brackets) followed by space,
# or a line break. Whether a dot really ends the sentence is decided in code below.
# Written to start with one character class (a fast first-character scan in ``re``); the same
# matches as ``[.!?…]+[»"”’)\]]*(?=\s)|\n``.
_TERMINALS = ".!?\u2026"
#: The characters a boundary starts with (found by ``str.find`` in :func:`_candidates`).
_BOUNDARY_FIRST = _TERMINALS + "\n"
_BOUNDARY_RE = re.compile(rf"[{_BOUNDARY_FIRST}](?:(?<=\n)|[{_TERMINALS}]*[»\"”’)\]]*(?=\s))")

# Lower-cased abbreviations whose dot does not end a sentence (city, year, article, named-after,
# Mr/Dr …). Country abbreviations such as "РК." are deliberately absent: they do end sentences.
_NO_BREAK_AFTER = frozenset(
    {
        "г", "гг", "ст", "им", "ул", "обл", "р", "т", "д", "п", "пп", "см", "тыс", "млн", "млрд",
        "ж", "жж", "б", "mr", "mrs", "ms", "dr", "st", "no", "nos", "prof", "vs", "etc", "inc", "jr",
        "sr", "art", "gen", "рис", "проф", "акад", "док", "мырза",
    }
)


def _word_before(text: str, at: int) -> str:
    """The last word (a run of word characters) ending before ``at``, looking back at most 20 characters
    (a backward scan: a regex anchored at the window's end retries every start in it)."""
    lo = max(0, at - 20)
    space = text.rfind(" ", lo, at)
    word = text[space + 1 if space >= 0 else lo : at]
    if word.isalnum():  # the common case: a plain word right before the dot
        return word
    end = at
    while end > lo and not (text[end - 1].isalnum() or text[end - 1] == "_"):
        end -= 1
    start = end
    while start > lo and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    return text[start:end]


def _is_break(text: str, punct_start: int) -> bool:
    """Whether the dot at ``punct_start`` ends a sentence (``! ? …`` and line breaks always do)."""
    word = _word_before(text, punct_start)
    if not word:
        return True
    # A single capital letter before the dot is an initial ("А.Мерғалиев", "К. Мами").
    if len(word) == 1 and word.isupper():
        return False
    if word.lower() in _NO_BREAK_AFTER:
        return False
    # The next word starting in lower case means the sentence goes on ("т.е. суд", "2 мин. оқу").
    rest = text[punct_start + 1 : punct_start + 4].lstrip()
    return not (rest[:1].islower())


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` covering the non-blank text, in order; ``end`` exclusive.

    The recogniser and the relation passes both ask for one article's sentences: the last few
    answers are kept (a str caches its hash, so a repeat costs one dict lookup).
    """
    return list(_sentences(text))


@lru_cache(maxsize=4)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    cuts: list[int] = []
    match = _BOUNDARY_RE.match
    last_end = 0
    for at in _candidates(text):
        if at < last_end:
            continue
        m = match(text, at)
        if m is None:
            continue
        last_end = m.end()
        if text[at] == "." and not _is_break(text, at):
            continue
        cuts.append(last_end)
    cuts.append(len(text))
    spans: list[tuple[int, int]] = []
    start = 0
    for end in cuts:
        piece = text[start:end]
        body = piece.strip()  # spans hold no surrounding blanks
        if body:
            first = start + len(piece) - len(piece.lstrip())
            spans.append((first, first + len(body)))
        start = end
    return tuple(spans)


def _candidates(text: str) -> list[int]:
    """Offsets of the characters a boundary starts with, in order: ``str.find`` per character
    (a C memchr) instead of ``finditer``'s per-character class test over the whole text; matching
    the boundary regex at each of them, skipping those inside the previous match, gives exactly
    the matches of ``finditer``."""
    found: list[int] = []
    for ch in _BOUNDARY_FIRST:
        at = text.find(ch)
        while at >= 0:
            found.append(at)
            at = text.find(ch, at + 1)
    found.sort()
    return found



def sentence_index(starts: list[int], offset: int) -> int:
    """Index of the sentence holding character ``offset``, given the sentences' start offsets in
    order (the previous sentence when the offset falls in a gap)."""
    return max(0, bisect_right(starts, offset) - 1)
