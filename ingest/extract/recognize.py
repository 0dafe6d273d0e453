"""Recognise and link mentions of institutions, countries, cities, international bodies and persons.

``recognize(doc)`` tokenises the article once, matches the reference data (countries, cities,
international bodies) and the institution lexicon through inflection-aware keys, composes
national institutions from country + type + sub-unit, reads person names, and links every
mention to a canonical IRI that is the same across articles, languages and scripts.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from judikg import iris
from judikg.ingest.extract.gazetteer import Match, Place, longest_non_overlapping, reference_trie
from judikg.ingest.extract.institutions import TURKIC_ORDER, Composed, Head, compose, heads_for, lexicon
from judikg.ingest.extract.persons import bare_surnames, find_persons, name_data, name_key
from judikg.ingest.extract.sentences import sentences
from judikg.ingest.extract.tokens import Scan, fold, scan
from judikg.ingest.model import Document
from judikg.ingest.morphology import keys_memo
from judikg.ingest.translit import to_latin

_EMPTY: Mapping[str, str] = MappingProxyType({})


@dataclass(slots=True, unsafe_hash=True, init=False)  # built per mention: see judikg.ingest.model
class Hit:
    """One mention of an entity, linked to its canonical IRI.

    ``__init__`` is written out (``init=False``): compiled, a dataclass keeps the generated one,
    which runs interpreted, and hits are built by the dozen per article.
    """

    start: int  # offsets into Document.text; surface = text[start:end]
    end: int
    iri: str
    type: str  # ontology class local name
    country: str | None  # ISO alpha-2 when this mention names the entity with its country
    parent: str | None = None  # IRI of the parent organisation of a sub-unit (partOf)
    labels: Mapping[str, str] = field(default_factory=lambda: _EMPTY, compare=False, hash=False)  # BCP-47 → name, for entities outside the reference data
    sentence: int = 0  # index into sentences(text)
    gov: str | None = None  # left to the relation passes

    def __init__(
        self, start: int, end: int, iri: str, type: str, country: str | None, parent: str | None = None,
        labels: Mapping[str, str] = _EMPTY, sentence: int = 0, gov: str | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.iri = iri
        self.type = type
        self.country = country
        self.parent = parent
        self.labels = labels
        self.sentence = sentence
        self.gov = gov


# A hit before its sentence is known: start, end, iri, type, country, parent, labels (Hit's
# first fields); each Hit is built once, at the end.
_Raw = tuple[int, int, str, str, "str | None", "str | None", Mapping[str, str]]


def recognize(doc: Document) -> list[Hit]:
    """Every recognised mention in ``doc``, sorted by (start, end); coordinated phrases give several hits on one span."""
    return recognize_scanned(doc)[0]


def recognize_scanned(doc: Document) -> tuple[list[Hit], Scan]:
    """:func:`recognize` and the token scan it read (the relation passes reuse its word starts)."""
    text, lang = doc.text, doc.lang
    sc = scan(text)
    keys_of = keys_memo(lang)
    keys = [keys_of[f] for f in sc.folded]
    spans = sentences(text)

    found = reference_trie(lang).find(sc, keys, lang)
    places = _resolve_ambiguous(longest_non_overlapping(found), found, lang)
    dominant = _dominant_country(places)
    heads = heads_for(lang).find(sc, keys, lang)
    composed = compose(text, sc, keys, places, lang, dominant, heads)

    hits: list[_Raw] = _programme_hits(text, sc, keys, places, lang) + _office_hits(text, sc, keys, places, lang)
    blocked = _quoted_proper_names(text, sc, keys, lang)
    modifiers = _city_modifiers(sc, keys, places, heads, lang)
    for m in places:
        inside_a_name = blocked[m.first] or m.first in modifiers
        for k in range(m.first, m.last):
            blocked[k] = True
        if m.payload.adjective or inside_a_name:
            continue
        if m.payload.type == "City" and _dateline(text, sc, m):
            continue  # a dateline says where the news was filed, not a place in the story
        hits.append(_place_hit(m, sc))
    for c in composed:
        for k in range(c.first, c.last):
            blocked[k] = True
        hits.append(_institution_hit(c, sc, text, lang))
    for head in heads:  # institution words that did not compose are still no person's name
        for k in range(head.first, head.last):
            blocked[k] = True
    hits.extend(_person_hits(text, sc, blocked, lang))

    starts = [s for s, _ in spans]
    unique = {(h[0], h[1], h[2]): h for h in hits}
    out: list[Hit] = []
    for key in sorted(unique):
        start, end, iri, type_name, country, parent, labels = unique[key]
        # sentence_index inlined: one call less per hit
        out.append(Hit(start, end, iri, type_name, country, parent, labels, max(0, bisect_right(starts, start) - 1)))
    return out, sc


# After a dateline city: a comma, dot or dash, then the date ("Бишкек, 18.02.22", "Ташкент. 3
# сентября", "Astana, June 10").
_DATELINE_TAIL = re.compile(r"\s*[,.\u2013\u2014-]\s*(?:[^\W\d_]+\.?\s+)?\d")


def _dateline(text: str, sc: Scan, m: Match[Place]) -> bool:
    """A city that heads a line before the date, or is written all in capitals ("АСТАНА —")."""
    if all(sc.ups[k] and len(sc.words[k]) > 3 for k in range(m.first, m.last)):
        return True
    start, end = sc.starts[m.first], sc.ends[m.last - 1]
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and _DATELINE_TAIL.match(text, end) is not None


def _resolve_ambiguous(chosen: list[Match[Place]], found: list[Match[Place]], lang: str) -> list[Match[Place]]:
    """Pick one reading for a shared alias ("РК"): a country the article names unambiguously,
    else the state whose language the text is in, else the first of the covered states
    (lexicon ``focus_countries``); otherwise drop the mention."""
    if not any(m.payload.ambiguous for m in chosen):
        return chosen
    readings_at: dict[tuple[int, int], list[Place]] = {}
    for m in found:
        readings_at.setdefault((m.first, m.last), []).append(m.payload)
    # countries the article names outright, most named first ("RK" in a text naming Kazakhstan
    # six times and Korea twice is Kazakhstan)
    counts = Counter(m.payload.country for m in chosen if not m.payload.ambiguous and m.payload.type == "Country")
    home = lexicon().home_country.get(lang)
    out: list[Match[Place]] = []
    for m in chosen:
        if not m.payload.ambiguous:
            out.append(m)
            continue
        readings = [r for r in readings_at[(m.first, m.last)] if r.ambiguous]
        focus = lexicon().focus_countries
        pick = (
            max((r for r in readings if r.country in counts), key=lambda r: counts[r.country], default=None)
            or next((r for r in readings if r.country == home), None)
            or min(
                (r for r in readings if r.country in focus),
                key=lambda r: focus.index(r.country or ""),
                default=None,
            )
        )
        if pick is not None:
            out.append(Match(m.first, m.last, pick))
    return out


# A name in quotes right after a position: «Укук булагы», "Spotlight", “…”.
_QUOTED_AFTER = re.compile(r"\s*[«\"“„]([^«»\"“”„\n]{2,80})[»\"”“]")
_QUOTED = re.compile(r"[«\"“„]([^«»\"“”„\n]{2,80})[»\"”“]")


def _programme_hits(text: str, sc: Scan, keys: list[tuple[str, ...]], places: list[Match[Place]], lang: str) -> list[_Raw]:
    """Projects and initiatives of an international body, named in quotes next to a programme
    word: "USAIDдин «Укук булагы» долбоору", "проект ПРООН «…»", "the OSCE "…" project". Later
    mentions of the same quoted name with a programme word join it."""
    heads = lexicon().programmes.get(lang) or lexicon().programmes["en"]
    n = len(sc)

    def head_at(i: int) -> bool:
        return 0 <= i < n and any(k in heads for k in keys[i])

    def around(q: re.Match[str], owner_first: int | None) -> tuple[int, int] | None:
        """The span quote + programme word (after the quote, or before the owner/quote)."""
        after = bisect_left(sc.starts, q.end())
        if head_at(after) and not text[q.end() : sc.starts[after]].strip():
            # the owner belongs to the name ("USAIDдин «…» долбоору"): its own hit nests inside
            return (sc.starts[owner_first] if owner_first is not None else q.start(1) - 1), sc.ends[after]
        # the programme word before the owner ("проекта ПРООН «…»") or before the quote ("проекта «…»")
        nxt = owner_first if owner_first is not None else bisect_left(sc.starts, q.start(1))
        next_start = sc.starts[owner_first] if owner_first is not None else q.start(1) - 1
        if head_at(nxt - 1) and not text[sc.ends[nxt - 1] : next_start].strip():
            return sc.starts[nxt - 1], q.end()
        return None

    named: dict[str, tuple[str, str]] = {}  # folded name → (programme IRI, owner IRI)
    read: set[int] = set()  # quotes already read with their owner
    out: list[_Raw] = []
    for m in places:
        if m.payload.type in ("Country", "City") or m.payload.adjective:
            continue
        q = _QUOTED_AFTER.match(text, sc.ends[m.last - 1])
        span = around(q, m.first) if q is not None else None
        if q is None or span is None:
            continue
        name = " ".join(q.group(1).split())
        iri, owner = named.setdefault(fold[name], (_programme_iri(name), m.payload.iri))
        out.append(_programme_hit(span, iri, owner, text, name, lang))
        read.add(q.start(1))
    if named:
        for q in _QUOTED.finditer(text):
            if q.start(1) in read:
                continue
            known = named.get(fold[" ".join(q.group(1).split())])
            span = around(q, None) if known is not None else None
            if known is not None and span is not None:
                out.append(_programme_hit(span, known[0], known[1], text, " ".join(q.group(1).split()), lang))
    return out


def _programme_iri(name: str) -> str:
    return iris.org_iri("project-" + iris.slug(name))


def _programme_hit(span: tuple[int, int], iri: str, owner: str, text: str, name: str, lang: str) -> _Raw:
    labels = {lang: text[span[0] : span[1]], "en": f"{name if name.isascii() else to_latin(name)} project"}
    return (span[0], span[1], iri, "InternationalOrganization", None, owner, MappingProxyType(labels))


def _office_hits(text: str, sc: Scan, keys: list[tuple[str, ...]], places: list[Match[Place]], lang: str) -> list[_Raw]:
    """An international body's office: "ЕККУнун Программалык кеңсеси", "OSCE Programme Office",
    "Офис программ ОБСЕ". One IRI per body ({body}-office) in every language, partOf the body."""
    words = lexicon().offices.get(lang) or lexicon().offices["en"]
    n = len(sc)
    out: list[_Raw] = []

    def office_at(i: int) -> bool:
        return 0 <= i < n and not words.isdisjoint(keys[i])

    for m in places:
        if m.payload.type != "InternationalOrganization" or m.payload.adjective:
            continue
        span: tuple[int, int] | None = None
        for k in (m.last, m.last + 1):  # right after the body, or after one modifier word
            if office_at(k) and all(sc.joins[j] for j in range(m.last - 1, k)):
                span = sc.starts[m.first], sc.ends[k]
                break
        if span is None:
            for k in (m.first - 1, m.first - 2):  # "Офис (программ) ОБСЕ"
                if office_at(k) and all(sc.joins[j] for j in range(k, m.first)):
                    span = sc.starts[k], sc.ends[m.last - 1]
                    break
        if span is None:
            continue
        key = m.payload.iri.rsplit("/", 1)[1]
        labels = {lang: text[span[0] : span[1]], "en": f"Office of {key.upper()}"}
        out.append((span[0], span[1], iris.org_iri(key + "-office"), "InternationalOrganization", None, m.payload.iri, MappingProxyType(labels)))
    return out


def _city_modifiers(sc: Scan, keys: list[tuple[str, ...]], places: list[Match[Place]], heads: list[Match[Head]], lang: str) -> set[int]:
    """First tokens of cities that qualify the word right after them, and so are no mention of
    the city: a region or district word ("Талас облусу", "Almaty Region"), or in Kyrgyz and
    Kazakh a court or institution word ("Astana sot ákimshiligi", "Астана және Алматы соттары":
    the courts of those cities). A city coordinated before such a city qualifies the word too."""
    lex = lexicon()
    qualified = lex.city_qualifiers.get(lang) or lex.city_qualifiers["en"]
    head_starts = {h.first for h in heads} if lang in TURKIC_ORDER else set()
    coordinators = lex.coordinators
    out: set[int] = set()
    for m in reversed(places):  # right to left, so a coordinated city sees its partner's verdict
        if m.payload.type != "City":
            continue
        after = m.last
        if after in head_starts or (after < len(sc) and sc.joins[after - 1] and not qualified.isdisjoint(keys[after])):
            out.add(m.first)
        elif after < len(sc) and sc.folded[after] in coordinators and after + 1 in out:
            out.add(m.first)
    return out


def _quoted_proper_names(text: str, sc: Scan, keys: list[tuple[str, ...]], lang: str) -> list[bool]:
    """Tokens inside quotes that name an institution or venue («Ыйык Кирилл жана Мефодий»
    университети, "Park Hotel X"): the person or place written there is part of that name."""
    blocked = [False] * len(sc)
    heads = name_data().name_heads
    for q in _QUOTED.finditer(text):
        first, last = bisect_left(sc.starts, q.start(1)), bisect_left(sc.starts, q.end(1))
        after = bisect_left(sc.starts, q.end())
        cues = list(range(first, last))
        if after < len(sc) and not text[q.end() : sc.starts[after]].strip():
            cues.append(after)
        if any(k in heads for i in cues for k in keys[i]):
            for k in range(first, last):
                blocked[k] = True
    return blocked


def _dominant_country(places: list[Match[Place]]) -> str | None:
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for m in places:
        if m.payload.type == "Country" and m.payload.country:
            counts[m.payload.country] += 1
            first_seen.setdefault(m.payload.country, m.first)
    if not counts:
        return None
    return min(counts, key=lambda cc: (-counts[cc], first_seen[cc]))


def _place_hit(m: Match[Place], sc: Scan) -> _Raw:
    p = m.payload
    # a city's or body's country is reference knowledge, not stated by this mention
    country = p.country if p.type == "Country" else None
    return (sc.starts[m.first], sc.ends[m.last - 1], p.iri, p.type, country, p.parent, _EMPTY)


def _institution_hit(c: Composed, sc: Scan, text: str, lang: str) -> _Raw:
    # Only the article's own words: the labels in every language are composed from the IRI by
    # labels.label_entities, which would overwrite any written here.
    cc = c.inferred_country or ""
    start, end = sc.starts[c.first], sc.ends[c.last - 1]
    labels = MappingProxyType({lang: text[start:end]})
    if c.unit is None:
        return (start, end, _org_iri(cc, c.slug), c.cls, c.country, None, labels)
    return (start, end, _org_iri(cc, c.slug, c.unit), c.unit_cls or "CourtAdministration", c.country, _org_iri(cc, c.slug), labels)


def _person_hits(text: str, sc: Scan, blocked: list[bool], lang: str) -> list[_Raw]:
    mentions = find_persons(text, sc, blocked, lang)
    # one given name per surname key: the fullest form the article uses (full name over initial)
    clusters: dict[str, tuple[str, str | None, str]] = {}
    for m in sorted(mentions, key=lambda m: -len(m.given or "")):
        key = name_key(m.surname)
        if not key:
            continue
        known = clusters.get(key)
        if known is None:
            clusters[key] = (m.surname, m.given, m.full)
        elif known[1] and m.given and name_key(known[1])[:1] != name_key(m.given)[:1]:
            continue  # another person with the same surname: kept apart by the initial
    out: list[_Raw] = []
    person_blocked = list(blocked)
    for m in mentions:
        key = name_key(m.surname)
        if not key:
            continue
        surname, given, full = clusters[key]
        if m.given and given and name_key(m.given)[:1] != name_key(given)[:1]:
            surname, given, full = m.surname, m.given, m.full
        for k in range(m.first, m.last):
            person_blocked[k] = True
        out.append(_person_hit(m.start, m.end, surname, given, full, lang))
    for i, key in bare_surnames(sc, person_blocked, clusters, lang):
        surname, given, full = clusters[key]
        out.append(_person_hit(sc.starts[i], sc.ends[i], surname, given, full, lang))
    return out


def _person_hit(start: int, end: int, surname: str, given: str | None, full: str, lang: str) -> _Raw:
    labels = {lang: full}
    if lang not in ("en",):
        labels["en"] = _latin_name(full) if not full.isascii() else full
    return (start, end, _person_iri(surname, given), "Person", None, None, MappingProxyType(labels))


@lru_cache(maxsize=16384)  # a person is named in many articles
def _latin_name(full: str) -> str:
    return to_latin(full)


@lru_cache(maxsize=4096)
def _org_iri(cc: str, slug: str, unit: str | None = None) -> str:
    return iris.national_org_iri(cc, slug, unit)


@lru_cache(maxsize=16384)
def _person_iri(surname: str, given: str | None) -> str:
    return iris.person_iri(surname, given)
