"""Word tokens of an article with their cross-script matching keys, computed once per document.

Every matcher (gazetteer, institution composition, persons) walks the same token list, so the
text is scanned by one precompiled regex and each token is folded once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from judikg.ingest.translit import fold as _translit_fold

# Letters with any combining marks (seed texts write Ó as O + U+0301), or a run of digits.
# Hyphens and dots separate tokens: "Буэнос-Айрес" is two tokens, joined again by the matchers.
_TOKEN_RE = re.compile(r"[^\W\d_][^\W_\u2010-\u2015]*(?:[\u0300-\u036f][^\W_]*)*|\d+")


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower-case ASCII key of ``word`` shared by every script and alphabet (cached per word)."""
    return _translit_fold(word)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str  # fold(text)

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()

    @property
    def upper(self) -> bool:
        """All-capital abbreviation head (``РК``, ``КРнын``, ``AQSh``): its first two letters are capitals."""
        return len(self.text) >= 2 and self.text[0].isupper() and self.text[1].isupper()


def tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    append = out.append
    for m in _TOKEN_RE.finditer(text):
        word = m.group()
        start = m.start()
        append(Token(start, start + len(word), word, fold(word)))
    return out


def gap(text: str, left: Token, right: Token) -> str:
    """The characters between two tokens (``" "``, ``"-"``, ``", "`` …)."""
    return text[left.end : right.start]
