"""What every relation pass reads: the article, its recognised hits, sentences, and cue lexicons.

The relation passes (events, agreements, posts, relations) all look at the same things — which
hits sit in which sentence, which cue words occur where — so this module computes them once per
article in :class:`Article`, and compiles the lexicon files once per process.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Protocol

from judikg.errors import ReferenceDataError
from judikg.ingest.model import Document, Span

#: Hit types that are places, not actors.
PLACE_TYPES = frozenset({"Country", "City"})
#: Hit types that are organisations (can be parties, organisers, post objects).
ORG_TYPES = frozenset(
    {
        "ConstitutionalCourt", "SupremeCourt", "Court", "CourtAdministration", "JudicialCouncil",
        "GovernmentBody", "LegalAidBody", "Association", "InternationalOrganization", "Organization",
    }
)


class HitLike(Protocol):
    """The fields of ``judikg.ingest.extract.recognize.Hit`` the relation passes rely on."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def iri(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def country(self) -> str | None: ...
    @property
    def parent(self) -> str | None: ...
    @property
    def labels(self) -> Mapping[str, str]: ...


# ---------------------------------------------------------------- lexicons

@cache
def lexicon(name: str) -> dict[str, Any]:
    """The parsed ``judikg.ingest/lexicon/{name}.json`` (read once per process)."""
    try:
        raw = resources.files("judikg.ingest").joinpath("lexicon", f"{name}.json").read_text("utf-8")
        data = json.loads(raw)
    except (OSError, json.JSONDecodeError) as error:
        raise ReferenceDataError(
            f"lexicon {name}.json cannot be read ({error}); reinstall judikg or fix the JSON file"
        ) from error
    if not isinstance(data, dict):
        raise ReferenceDataError(f"lexicon {name}.json must hold a JSON object")
    return data


LANGS = ("en", "ru", "ky", "kk", "kk-Latn")


def _alternation(patterns: Sequence[str]) -> str:
    # Longest first so that "deputy chair" is tried before "chair" inside one alternation.
    return "|".join(sorted(set(patterns), key=lambda p: (-len(p), p)))


@cache
def cue_regex(name: str, section: str, lang: str) -> re.Pattern[str] | None:
    """One compiled regex for the cue list ``section`` of lexicon ``name`` in ``lang``.

    An unknown language uses every language's cues (language identification can fail, and
    cue words rarely collide across scripts).
    """
    table: Mapping[str, Sequence[str]] = lexicon(name)[section]
    pats = list(table.get(lang, ())) if lang in table else [p for ps in table.values() for p in ps]
    if not pats:
        return None
    return re.compile(rf"(?<!\w)(?:{_alternation(pats)})(?!\w)", re.IGNORECASE)


@cache
def typed_regex(
    name: str, lang: str, section: str | None = None
) -> tuple[re.Pattern[str], tuple[tuple[str, str], ...]] | None:
    """A regex whose named groups ``t0, t1 …`` tell which entry of ``lexicon(name)['types']``
    (or of ``lexicon(name)[section]['types']``) matched.

    Returns the regex and, per group, ``(type, slug)``; earlier entries win on equal starts.
    """
    groups: list[str] = []
    meta: list[tuple[str, str]] = []
    data = lexicon(name) if section is None else lexicon(name).get(section, {"types": []})
    for entry in data["types"]:
        table = entry["patterns"]
        pats = list(table.get(lang, ())) if lang in table else [p for ps in table.values() for p in ps]
        if pats:
            groups.append(f"(?P<t{len(meta)}>{_alternation(pats)})")
            meta.append((entry["type"], entry.get("slug", entry["type"].lower())))
    if not groups:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(groups)})(?!\w)", re.IGNORECASE), tuple(meta)


@cache
def role_regex(lang: str) -> tuple[re.Pattern[str], tuple[str, ...]] | None:
    """Post titles as one regex with a group per role (``r0, r1 …``) in lexicon order."""
    groups: list[str] = []
    roles: list[str] = []
    for entry in lexicon("roles")["roles"]:
        table = entry["patterns"]
        pats = list(table.get(lang, ())) if lang in table else [p for ps in table.values() for p in ps]
        if pats:
            groups.append(f"(?P<r{len(roles)}>{_alternation(pats)})")
            roles.append(entry["role"])
    if not groups:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(groups)})(?!\w)", re.IGNORECASE), tuple(roles)


def lexicon_lang(lang: str) -> str:
    """The lexicon column for a document language (unknown ones use all columns)."""
    return lang if lang in LANGS else "*"


# ---------------------------------------------------------------- the article

@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    label: str = ""  # type or role the cue stands for, when it has one


@dataclass(slots=True)
class Article:
    """One document with its hits sorted and placed in sentences, shared by all passes."""

    doc: Document
    hits: list[HitLike]
    sentences: list[tuple[int, int]]
    lang: str = field(init=False)
    _starts: list[int] = field(init=False, repr=False)
    hits_by_sentence: list[list[HitLike]] = field(init=False, repr=False)
    country_iris: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.lang = lexicon_lang(self.doc.lang)
        self.hits = sorted(self.hits, key=lambda h: (h.start, -h.end, h.iri))
        if not self.sentences:
            self.sentences = [(0, len(self.doc.text))]
        self._starts = [s for s, _ in self.sentences]
        self.hits_by_sentence = [[] for _ in self.sentences]
        for h in self.hits:
            self.hits_by_sentence[self.sentence_of(h.start)].append(h)
        self.country_iris = {}
        for h in self.hits:
            if h.type == "Country" and h.country:
                self.country_iris.setdefault(h.country.upper(), h.iri)

    @property
    def text(self) -> str:
        return self.doc.text

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    def evidence(self, index: int) -> Span:
        start, end = self.sentences[index]
        return Span(start, end, self.doc.text[start:end])

    def evidence_around(self, first: int, last: int) -> Span:
        """The sentences ``first..last`` as one evidence span (a relation read across two sentences)."""
        lo, hi = min(first, last), max(first, last)
        start, end = self.sentences[lo][0], self.sentences[hi][1]
        return Span(start, end, self.doc.text[start:end])

    def hits_between(self, start: int, end: int) -> list[HitLike]:
        """Hits lying wholly inside ``[start, end)``."""
        i = bisect_left([h.start for h in self.hits], start)
        out = []
        for h in self.hits[i:]:
            if h.start >= end:
                break
            if h.end <= end:
                out.append(h)
        return out

    def cues(self, regex: re.Pattern[str] | None, start: int = 0, end: int | None = None) -> list[Cue]:
        if regex is None:
            return []
        stop = len(self.doc.text) if end is None else end
        return [Cue(m.start(), m.end()) for m in regex.finditer(self.doc.text, start, stop)]


def maximal(hits: Sequence[HitLike]) -> list[HitLike]:
    """Hits not nested inside another hit of the list (the most specific unit named)."""
    out: list[HitLike] = []
    for h in hits:
        if any(o is not h and o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start)
               for o in hits):
            continue
        out.append(h)
    return out


def is_nested(hit: HitLike, hits: Sequence[HitLike]) -> bool:
    """True when ``hit`` lies inside a longer hit (e.g. a country inside 'Supreme Court of X')."""
    return any(o is not hit and o.start <= hit.start and hit.end <= o.end and (o.end - o.start) > (hit.end - hit.start)
               for o in hits)
