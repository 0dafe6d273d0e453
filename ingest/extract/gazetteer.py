"""Phrase matching over folded, inflection-aware token keys, and the matcher over reference data.

A :class:`PhraseTrie` stores lexicon phrases as sequences of index keys
(:func:`judikg.ingest.morphology.index_key`); an article is matched by walking the trie with
every key a token may stand for (:func:`judikg.ingest.morphology.token_keys`), so
``Қазақстан Республикасының``, ``Республики Казахстан`` and ``Qazaqstannyń`` reach their entries
without per-article regexes. Tries are built once per process (lazily) and only read afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product
from typing import Any, Generic, NamedTuple, TypeVar

from judikg.errors import ReferenceDataError
from judikg.ingest.extract.tokens import Memo, Scan, tokenize
from judikg.ingest.morphology import index_key, keys_memo

P = TypeVar("P")

# Case constraint a phrase word puts on the text token that matches it.
ANY, CAPITALISED, CAPITALS = 0, 1, 2

class Match(NamedTuple, Generic[P]):
    first: int  # token indices, end exclusive
    last: int
    payload: P


@dataclass(slots=True)
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    ends: list[tuple[tuple[int, ...] | None, Any]] = field(default_factory=list)
    # on the root's children: the weakest case constraint any phrase puts on its first word, so
    # that a lowercase "the" is not walked when every phrase starting with it is "The …"
    first_case: int = CAPITALS


class PhraseTrie(Generic[P]):
    """Phrases as key sequences; :meth:`find` yields every phrase occurrence in a token list."""

    def __init__(self, *, russian_stems: bool = True) -> None:
        self._root = _Node()
        self.size = 0
        # Only tries used on Russian text index Russian words by stem: elsewhere a stem such as
        # "mongol" (of Монголия) would match the Kazakh adjective Моңғол.
        self._russian_stems = russian_stems
        # text language → memo: folded token → the root children its keys reach (mostly none)
        self._first_nodes: dict[str, Memo[str, tuple[_Node, ...]]] = {}

    def add(self, phrase: str, lang: str, payload: P, *, proper: bool = False) -> None:
        """Add ``phrase`` written in ``lang``.

        ``proper``: capitalised words of the phrase must be capitalised in the text too (names
        of places and bodies, so that Russian ``того`` never reads as Togo). All-capital words
        of two letters or more (abbreviations) must always be in capitals.
        """
        words = tokenize(phrase)
        if not words:
            return
        cases: tuple[int, ...] | None = tuple(_case_of(w.text, proper) for w in words)
        if not any(cases):  # type: ignore[arg-type]
            cases = None  # no case constraint: skip the check at match time
        options = [_index_keys(w.key, lang if self._russian_stems else "") for w in words]
        for path in product(*options):
            first = self._root.children.setdefault(path[0], _Node())
            first.first_case = min(first.first_case, cases[0] if cases else ANY)
            node = self._root
            for key in path:
                node = node.children.setdefault(key, _Node())
            if all(existing != payload for _, existing in node.ends):
                node.ends.append((cases, payload))
        self.size += 1
        self._first_nodes.clear()  # built before any find in practice; kept correct regardless

    def find(self, sc: Scan, keys: list[tuple[str, ...]], lang: str) -> list[Match[P]]:
        """Every phrase occurrence in the scanned ``lang`` text; ``keys[i]`` are token ``i``'s
        matching keys (``keys_memo(lang)``). Only tokens whose keys start a phrase are walked,
        found through a per-word memo."""
        out: list[Match[P]] = []
        starts, caps, ups = self._starts(lang), sc.caps, sc.ups
        for i, folded in enumerate(sc.folded):
            for node in starts[folded]:
                need = node.first_case
                if need == ANY or (need == CAPITALISED and caps[i]) or ups[i]:
                    self._walk(node, i, i, sc, keys, out)
        return out

    def _starts(self, lang: str) -> Memo[str, tuple[_Node, ...]]:
        memo = self._first_nodes.get(lang)
        if memo is None:
            root = self._root.children
            keys_of = keys_memo(lang)

            def nodes(folded: str) -> tuple[_Node, ...]:
                return tuple(root[k] for k in keys_of[folded] if k in root)

            memo = self._first_nodes.setdefault(lang, Memo(nodes, 65_536))
        return memo

    def _walk(self, node: _Node, first: int, at: int, sc: Scan, keys: list[tuple[str, ...]], out: list[Match[P]]) -> None:
        joins = sc.joins
        while True:
            for cases, payload in node.ends:
                if cases is None or _cases_ok(cases, sc, first):
                    out.append(Match(first, at + 1, payload))
            children = node.children
            if not children or not joins[at]:
                return  # the last token never joins, so at + 1 is a token below
            at += 1
            following: _Node | None = None
            more: list[_Node] | None = None  # a second way on: recurse, in key order
            for key in keys[at]:
                child = children.get(key)
                if child is None:
                    continue
                if following is None:
                    following = child
                elif more is None:
                    more = [following, child]
                else:
                    more.append(child)
            if following is None:
                return
            if more is not None:
                for child in more:
                    self._walk(child, first, at, sc, keys, out)
                return
            node = following  # one way on (the common case): loop instead of recursing


def _index_keys(key: str, lang: str) -> tuple[str, ...]:
    # Russian phrase words are indexed both whole and by stem: Kyrgyz/Kazakh texts borrow
    # Russian names in the nominative ("Республика Корея") while Russian texts inflect them.
    stem = index_key(key, lang)
    return (key, stem) if stem != key else (key,)


def _case_of(word: str, proper: bool) -> int:
    letters = [c for c in word if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return CAPITALS
    if proper and letters and letters[0].isupper():
        return CAPITALISED
    return ANY


def _cases_ok(cases: tuple[int, ...], sc: Scan, first: int) -> bool:
    for offset, case in enumerate(cases):
        if case == CAPITALS and not sc.ups[first + offset]:
            return False
        if case == CAPITALISED and not sc.caps[first + offset]:
            return False
    return True


def longest_non_overlapping(matches: Iterable[Match[P]]) -> list[Match[P]]:
    """Leftmost-longest selection: earlier start first, then the longer phrase wins; on one span
    a name beats an adjective form (Kyrgyz ``Нигериянын`` strips to both ``Нигерия`` and the
    English adjective ``Nigerian``)."""
    chosen: list[Match[P]] = []
    taken_until = -1
    for m in sorted(matches, key=lambda m: (m.first, -(m.last - m.first), getattr(m.payload, "adjective", False))):
        if m.first >= taken_until:
            chosen.append(m)
            taken_until = m.last
    return chosen


# --------------------------------------------------------------------------------------------
# Reference data: countries, cities, international bodies.


@dataclass(frozen=True, slots=True)
class Place:
    """A reference entity as the matcher reports it."""

    iri: str
    type: str  # Country, City, InternationalOrganization, Association …
    country: str | None  # ISO alpha-2 (upper case) of a country, or of a city/body's state
    adjective: bool = False  # matched through an adjective form ("Kazakh", "казахстанских")
    ambiguous: bool = False  # an alias several entities share ("РК": Kazakhstan or Korea)
    parent: str | None = None  # IRI of the body it is part of (reference ``extra.part_of``)


def _field(record: Any, name: str, default: Any = None) -> Any:
    if isinstance(record, Mapping):
        return record.get(name, default)
    return getattr(record, name, default)


def _records() -> list[Any]:
    from judikg.ontology.reference import load

    data = load()
    if isinstance(data, Mapping):
        groups: Iterable[Any] = data.values()
    elif hasattr(data, "__dict__") or hasattr(data, "__slots__"):
        groups = [
            getattr(data, name)
            for name in ("countries", "cities", "organizations", "organisations")
            if hasattr(data, name)
        ]
    else:
        groups = [data]
    records: list[Any] = []
    for group in groups:
        if isinstance(group, Mapping):
            group = list(group.values())
        if isinstance(group, (list, tuple)):
            for item in group:
                if isinstance(item, (list, tuple)):
                    records.extend(item)
                else:
                    records.append(item)
    return records


def _phrases(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            yield from _phrases(v)


def _lang_of(tag: str) -> str:
    return "kk-Latn" if tag.lower().startswith("kk-latn") else tag.split("-")[0]


def reference_trie(lang: str) -> PhraseTrie[Place]:
    """Trie of every label, alias and adjective form of the reference entities, for texts in ``lang``."""
    return _reference_trie(lang == "ru")


_REPUBLIC_FORMS: dict[str, tuple[str, ...]] = {
    "en": ("Republic of {}",),
    "ru": ("Республика {}",),
    "ky": ("{} Республикасы",),
    "kk": ("{} Республикасы",),
    "kk-Latn": ("{} Respýblıkasy", "{} Respublikasy"),
}


@lru_cache(maxsize=2)
def _reference_trie(russian: bool) -> PhraseTrie[Place]:
    trie: PhraseTrie[Place] = PhraseTrie(russian_stems=russian)
    for record in _records():
        iri = _field(record, "iri")
        kind = _field(record, "type")
        if not iri or not kind:
            continue
        country = _field(record, "country")
        if kind == "Country" and not country:
            country = _field(record, "key") or _field(record, "code")
        cc = country.upper() if isinstance(country, str) and len(country) == 2 else None
        extra = _field(record, "extra") or {}
        parent = extra.get("part_of") if isinstance(extra, Mapping) else None
        place = Place(iri, kind, cc, parent=parent if isinstance(parent, str) else None)
        for field_name in ("labels", "aliases", "names", "forms"):
            for tag, value in (_field(record, field_name) or {}).items():
                for phrase in _phrases(value):
                    trie.add(phrase, _lang_of(tag), place, proper=True)
        if kind == "Country":
            # "Republic of X" names X in every language («Индонезия Республикасы», «Республика
            # Индонезия», "Republic of Indonesia"): official long forms are not listed per country
            for tag, label in (_field(record, "labels") or {}).items():
                for form in _REPUBLIC_FORMS.get(tag, ()):
                    trie.add(form.format(label), _lang_of(tag), place, proper=True)
        shared = Place(iri, kind, cc, ambiguous=True)
        for tag, value in (_field(record, "ambiguous_aliases") or {}).items():
            for phrase in _phrases(value):
                trie.add(phrase, _lang_of(tag), shared, proper=True)
        adjective = Place(iri, kind, cc, adjective=True)
        for field_name in ("adjectives", "demonyms"):
            for tag, value in (_field(record, field_name) or {}).items():
                for phrase in _phrases(value):
                    trie.add(phrase, _lang_of(tag), adjective, proper=False)
    if trie.size == 0:
        raise ReferenceDataError("reference data has no labels: check ontology/reference/*.json")
    return trie


@lru_cache(maxsize=1)
def country_iris() -> Mapping[str, str]:
    """ISO alpha-2 (upper case) → country IRI from the reference data."""
    out: dict[str, str] = {}
    for record in _records():
        if _field(record, "type") == "Country":
            cc = _field(record, "country") or _field(record, "key") or _field(record, "code")
            if isinstance(cc, str) and len(cc) == 2:
                out[cc.upper()] = _field(record, "iri")
    return out


__all__ = [
    "Match",
    "PhraseTrie",
    "Place",
    "country_iris",
    "longest_non_overlapping",
    "reference_trie",
]
