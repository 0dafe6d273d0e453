"""Word tokens of an article with their cross-script matching keys, computed once per document.

Every matcher (gazetteer, institution composition, persons) walks the same token list, so the
text is tokenised once and everything a matcher asks of a word (its folded key,
its case, its inflection-aware keys) is looked up once per distinct word in bounded memo tables
shared across articles: news repeat their vocabulary, so most words cost one dict lookup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from judikg.ingest.translit import match_key as _match_key

# Letters with any combining marks (seed texts write Ó as O + U+0301), or a run of digits.
# Hyphens and dots separate tokens: "Буэнос-Айрес" is two tokens, joined again by the matchers.
_TOKEN_RE = re.compile(r"[^\W\d_][^\W_]*(?:[\u0300-\u036f][^\W_]*)*|\d+")

# Punctuation that clings to words ("Court,", "«Жоғарғы", "(IACA)."): stripped before asking
# whether what is left is one plain word.
_CLINGING = ".,;:!?\"'«»“”„‘’()[]{}"

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


_word_shape: Memo[str, tuple[str, bool, bool]] = Memo(_shape, 131_072)


def _separator_joins(sep: str) -> bool:
    return 0 < len(sep) <= 3 and all(c in _JOINERS for c in sep)


_joins: Memo[str, bool] = Memo(_separator_joins, 4096)


@dataclass(frozen=True, slots=True)
class Scan:
    """A text's tokens as parallel columns (token ``i`` is ``words[i]`` at ``starts[i]:ends[i]``).

    Columns rather than one object per token: building ~500 objects per article cost more than
    all the matching done over them. When there is a token, ``starts`` holds one more entry, the
    text's length, so that ``starts[i]`` for the token after the last is where it would begin.
    """

    # lists, not Sequence: compiled code indexes a list directly, any other sequence through the
    # generic protocol, and the matchers index these columns more than anything else
    starts: list[int]
    ends: list[int]
    words: list[str]
    folded: list[str]  # fold(word)
    caps: list[bool]  # first letter is a capital
    ups: list[bool]  # all-capital abbreviation head: its first two letters are capitals
    joins: list[bool]  # joins[i]: tokens i and i + 1 are separated only by a space or hyphen; the last is False

    def __len__(self) -> int:
        return len(self.words)

    def token(self, i: int) -> Token:
        return Token(self.starts[i], self.ends[i], self.words[i], self.folded[i], self.caps[i], self.ups[i])


_EMPTY = Scan([], [], [], [], [], [], [])


#: A token inside a piece of text between spaces: (start, end) in the piece, the word, its key,
#: capitalised, upper (the :class:`Token` fields).
_PieceToken = tuple[int, int, str, str, bool, bool]


def _piece_tokens(piece: str) -> tuple[_PieceToken, ...]:
    """The tokens of a piece of text holding no space: most are one word, perhaps with
    punctuation clinging to it (``str.isalpha`` tells, in C); the rest meet the token regex."""
    if piece.isalpha():
        return ((0, len(piece), piece, *_word_shape[piece]),)
    core = piece.strip(_CLINGING)
    if not core:
        return ()
    if core.isalpha():
        lead = len(piece) - len(piece.lstrip(_CLINGING))
        return ((lead, lead + len(core), core, *_word_shape[core]),)
    return tuple((m.start(), m.end(), m.group(), *_word_shape[m.group()]) for m in _TOKEN_RE.finditer(piece))


_pieces: Memo[str, tuple[_PieceToken, ...]] = Memo(_piece_tokens, 32_768)
#: Pieces longer than this are tokenised without the memo (its entries stay small).
_MEMO_PIECE = 48


def scan(text: str) -> Scan:
    """The tokens of ``text``: the matches of :data:`_TOKEN_RE`, each joining the next when 1–3
    joiners (:data:`_JOINERS`) alone lie between them.

    The text is cut at spaces by ``str.split`` (a C loop, several times faster than any regex
    pass; a piece's offset is the sum of the lengths before it), and each piece's tokens come
    from a memo keyed by the piece: news repeat their words with the same punctuation, so most
    pieces cost one dict lookup. Line breaks stay inside pieces and are cut by the token regex.
    """
    starts: list[int] = []
    ends: list[int] = []
    words: list[str] = []
    folded: list[str] = []
    caps: list[bool] = []
    ups: list[bool] = []
    pos = 0
    for piece in text.split(" "):
        if piece:
            # a long piece (a URL, a text written without spaces) is not worth keeping
            found = _pieces[piece] if len(piece) <= _MEMO_PIECE else _piece_tokens(piece)
            for start, end, word, key, cap, up in found:
                starts.append(pos + start)
                ends.append(pos + end)
                words.append(word)
                folded.append(key)
                caps.append(cap)
                ups.append(up)
        pos += len(piece) + 1
    if not words:
        return _EMPTY
    joins = [False] * len(words)
    for i in range(len(words) - 1):
        end, nxt = ends[i], starts[i + 1]
        if nxt == end + 1:
            joins[i] = text[end] in _JOINERS
        elif end < nxt <= end + 3:
            joins[i] = _joins[text[end:nxt]]
    starts.append(len(text))
    return Scan(starts, ends, words, folded, caps, ups, joins)


def tokenize(text: str) -> list[Token]:
    """Token objects of a short text (lexicon phrases); articles go through :func:`scan`."""
    sc = scan(text)
    return [sc.token(i) for i in range(len(sc))]


def gap(text: str, sc: Scan, left: int, right: int) -> str:
    """The characters between tokens ``left`` and ``right`` (``" "``, ``"-"``, ``", "`` …)."""
    return text[sc.ends[left] : sc.starts[right]]
