"""Word tokens of an article with their cross-script matching keys, computed once per document.

Every matcher (gazetteer, institution composition, persons) walks the same token list, so the
text is split by one precompiled regex and everything a matcher asks of a word (its folded key,
its case, its inflection-aware keys) is looked up once per distinct word in bounded memo tables
shared across articles: news repeat their vocabulary, so most words cost one dict lookup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Generic, NamedTuple, TypeVar

from judikg.ingest.translit import match_key as _match_key

# Letters with any combining marks (seed texts write Ó as O + U+0301), or a run of digits.
# Hyphens and dots separate tokens: "Буэнос-Айрес" is two tokens, joined again by the matchers.
_TOKEN_RE = re.compile(r"[^\W\d_][^\W_]*(?:[\u0300-\u036f][^\W_]*)*|\d+")
# A coarser pass that finds the same stretches ~2× faster: word characters and combining marks.
# A stretch the fine pattern would cut further ("2024ж", "a_b") is re-split by _TOKEN_RE.
_ROUGH_RE = re.compile(r"((?:\w|[\u0300-\u036f])+)")

# What may stand between two words of one phrase: spaces and hyphens ("Буэнос-Айрес").
_JOINERS = frozenset(" \u00a0-\u2010\u2011\u2012\u2013")

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Memo(dict[K, V]):
    """Memo of a pure one-argument function, read as ``memo[arg]``; emptied at ``limit`` entries.

    A hit is one C-level dict lookup (cheaper than a ``functools.lru_cache`` call), a miss calls
    the function through ``__missing__``; the bound keeps a long batch's memory flat, and
    clearing only costs recomputation, never a different answer.
    """

    __slots__ = ("_fn", "_limit")

    def __init__(self, fn: Callable[[K], V], limit: int = 131_072) -> None:
        super().__init__()
        self._fn = fn
        self._limit = limit

    def __missing__(self, arg: K) -> V:
        if len(self) >= self._limit:
            self.clear()
        value = self[arg] = self._fn(arg)
        return value


#: Lower-case ASCII key of a word shared by every script, alphabet and common romanisation
#: (:func:`judikg.ingest.translit.match_key`, memoised).
fold: Memo[str, str] = Memo(_match_key, 131_072)


class Token(NamedTuple):
    start: int
    end: int
    text: str
    key: str  # fold(text): the matching key
    capitalised: bool  # first letter is a capital
    upper: bool  # all-capital abbreviation head (``РК``, ``КРнын``, ``AQSh``): its first two letters are capitals


def _shape(word: str) -> tuple[str, bool, bool]:
    first = word[0].isupper()
    return fold[word], first, first and len(word) >= 2 and word[1].isupper()


def _rough_shape(word: str) -> tuple[str, bool, bool] | None:
    """The shape of a rough stretch that is one fine token, else None (it needs re-splitting)."""
    return _shape(word) if _TOKEN_RE.fullmatch(word) is not None else None


_word_shape: Memo[str, tuple[str, bool, bool]] = Memo(_shape, 131_072)
_rough: Memo[str, tuple[str, bool, bool] | None] = Memo(_rough_shape, 131_072)


def _separator_joins(sep: str) -> bool:
    return 0 < len(sep) <= 3 and all(c in _JOINERS for c in sep)


_joins: Memo[str, bool] = Memo(_separator_joins, 4096)




@dataclass(frozen=True, slots=True)
class Scan:
    """A text's tokens as parallel columns (token ``i`` is ``words[i]`` at ``starts[i]:ends[i]``).

    Columns rather than one object per token: building ~500 objects per article cost more than
    all the matching done over them.
    """

    starts: Sequence[int]
    ends: Sequence[int]
    words: Sequence[str]
    folded: Sequence[str]  # fold(word)
    caps: Sequence[bool]  # first letter is a capital
    ups: Sequence[bool]  # all-capital abbreviation head: its first two letters are capitals
    joins: Sequence[bool]  # joins[i]: tokens i and i + 1 are separated only by a space or hyphen; the last is False

    def __len__(self) -> int:
        return len(self.words)

    def token(self, i: int) -> Token:
        return Token(self.starts[i], self.ends[i], self.words[i], self.folded[i], self.caps[i], self.ups[i])


_EMPTY = Scan([], [], [], (), (), (), [])


def scan(text: str) -> Scan:
    """Tokens of ``text`` with their join flags, in one regex pass and C-level maps over its parts."""
    parts = _ROUGH_RE.split(text)
    words = parts[1::2]
    if not words:
        return _EMPTY
    shapes = list(map(_rough.__getitem__, words))
    offsets = list(accumulate(map(len, parts), initial=0))  # offsets[k]: where parts[k] starts
    starts = offsets[1::2]
    ends = offsets[2::2]
    joins = list(map(_joins.__getitem__, parts[2::2]))
    joins[-1] = False
    if None in shapes:
        _split_further(words, starts, ends, joins, shapes)
        if not words:
            return _EMPTY
    folded, caps, ups = zip(*shapes)
    return Scan(starts, ends, words, folded, caps, ups, joins)


def _split_further(
    words: list[str],
    starts: list[int],
    ends: list[int],
    joins: list[bool],
    shapes: list[tuple[str, bool, bool] | None],
) -> None:
    """Replace, in place, the rough stretches the fine pattern cuts further ("5th", "a_b") by
    their pieces; pieces with nothing between them do not join. From the end, so that earlier
    indices stay valid."""
    for k in reversed([k for k, shape in enumerate(shapes) if shape is None]):
        word, pos = words[k], starts[k]
        found = list(_TOKEN_RE.finditer(word))
        piece_joins = [_joins[word[a.end() : b.start()]] for a, b in zip(found, found[1:])]
        if found:
            piece_joins.append(joins[k] if found[-1].end() == len(word) else False)
        if k > 0 and not (found and found[0].start() == 0):
            joins[k - 1] = False  # the previous token is followed by more than a joiner ("x _ y")
        words[k : k + 1] = [m.group() for m in found]
        starts[k : k + 1] = [pos + m.start() for m in found]
        ends[k : k + 1] = [pos + m.end() for m in found]
        joins[k : k + 1] = piece_joins
        shapes[k : k + 1] = [_word_shape[m.group()] for m in found]


def tokenize(text: str) -> list[Token]:
    """Token objects of a short text (lexicon phrases); articles go through :func:`scan`."""
    sc = scan(text)
    return [sc.token(i) for i in range(len(sc))]


def gap(text: str, sc: Scan, left: int, right: int) -> str:
    """The characters between tokens ``left`` and ``right`` (``" "``, ``"-"``, ``", "`` …)."""
    return text[sc.ends[left] : sc.starts[right]]
