"""Composition of national institutions: [country phrase] + institution type + optional sub-unit → one IRI.

The type and unit words are data (``ingest/lexicon/institution_types.json``); this module only
knows word order. Kyrgyz and Kazakh put the country (genitive or bare) before the type and the
unit after it (``Кыргыз Республикасынын Конституциялык сотунун аппараты``); Russian puts the
unit first and the country last, in the genitive (``Аппарат Конституционного суда Кыргызской
Республики``, ``Верховного Суда РК``); English does either (``Kazakhstan Constitutional
Council``, ``Secretariat of the Constitutional Court of Korea``). A coordinated country phrase
(``Қазақстан мен Моңғолия Жоғарғы Соттары``, ``Constitutional Courts of Indonesia, Turkey, and
Korea``) yields one institution per country over the same span.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from judikg import iris
from judikg.errors import ReferenceDataError
from judikg.ingest.extract.gazetteer import Match, PhraseTrie, Place
from judikg.ingest.extract.tokens import Scan, fold
from judikg.ingest.morphology import index_key, is_plural, turkic_genitive

COURT_CLASSES = frozenset({"ConstitutionalCourt", "SupremeCourt", "Court", "CourtAdministration", "JudicialCouncil"})
TURKIC_ORDER = frozenset({"ky", "kk", "kk-Latn", "uz"})


@dataclass(frozen=True, slots=True)
class Head:
    """A type or unit word group from the lexicon."""

    kind: str  # "type" | "unit"
    slug: str
    cls: str | None
    generic: bool = False
    parent_type: str | None = None
    en: str = ""


# Lexicon languages whose heads are matched in a text of a given language. Kazakh Cyrillic
# heads fold to the same keys as Kazakh Latin text, so one list serves both alphabets.
_HEAD_LANGS: Mapping[str, tuple[str, ...]] = {
    "ky": ("ky",),
    "kk": ("kk", "kk-Latn"),
    "kk-Latn": ("kk", "kk-Latn"),
    "ru": ("ru",),
    "en": ("en",),
    "uz": ("uz", "ru", "en"),
}


@dataclass(frozen=True, slots=True)
class Lexicon:
    tries: Mapping[str, PhraseTrie[Head]]  # text language → heads to match
    coordinators: frozenset[str]  # folded
    of_words: frozenset[str]  # folded English linkers ("of", "in", "the")
    type_class: Mapping[str, str]  # type slug → class
    type_en: Mapping[str, str]
    home_country: Mapping[str, str]  # text language → country of last resort for unqualified types
    focus_countries: tuple[str, ...]  # prior order for shared aliases
    programmes: Mapping[str, frozenset[str]]  # text language → index keys of project/initiative words
    city_qualifiers: Mapping[str, frozenset[str]]  # text language → index keys of words a city before them qualifies
    offices: Mapping[str, frozenset[str]]  # text language → index keys of "office" words


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    try:
        raw = json.loads(resources.files("judikg.ingest").joinpath("lexicon/institution_types.json").read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ReferenceDataError(
            f"ingest/lexicon/institution_types.json cannot be read ({exc}): reinstall judikg or restore the file"
        ) from exc
    tries: dict[str, PhraseTrie[Head]] = {lang: PhraseTrie(russian_stems=lang == "ru") for lang in _HEAD_LANGS}
    type_class: dict[str, str] = {}
    type_en: dict[str, str] = {}
    for kind, group in (("type", raw["types"]), ("unit", raw["units"])):
        for entry in group:
            en_names = entry["heads"].get("en") or [entry["slug"].replace("-", " ").title()]
            head = Head(kind, entry["slug"], entry.get("class"), bool(entry.get("generic")), entry.get("parent_type"), en_names[0])
            if kind == "type" and not head.generic:
                type_class.setdefault(head.slug, head.cls or "GovernmentBody")
                type_en.setdefault(head.slug, head.en)
            for lang, phrases in entry["heads"].items():
                for text_lang, head_langs in _HEAD_LANGS.items():
                    if lang in head_langs:
                        for phrase in phrases:
                            # Latin spellings of ц (s in both official alphabets, ts
                            # informally) meet through the trie's key, translit.match_key
                            tries[text_lang].add(phrase, lang, head)
    coordinators = frozenset(fold[w] for words in raw["coordinators"].values() for w in words)
    of_words = frozenset(fold[w] for words in raw["of"].values() for w in words for w in w.split()) | {"the"}
    home = {k: v for k, v in raw.get("home_country", {}).items() if not k.startswith("_")}
    programmes = _word_keys(raw.get("programmes", {}))
    return Lexicon(
        tries,
        coordinators,
        of_words,
        type_class,
        type_en,
        home,
        tuple(raw.get("focus_countries", {}).get("order", ())),
        programmes,
        _word_keys(raw.get("city_qualifiers", {})),
        _word_keys(raw.get("offices", {})),
    )


def _word_keys(words: Mapping[str, list[str]]) -> dict[str, frozenset[str]]:
    """Text language → index keys of single lexicon words written in the languages it reads."""
    return {
        text_lang: frozenset(index_key(fold[w], lang) for lang in head_langs for w in words.get(lang, ()))
        for text_lang, head_langs in _HEAD_LANGS.items()
    }


def heads_for(lang: str) -> PhraseTrie[Head]:
    lex = lexicon()
    return lex.tries.get(lang) or lex.tries["en"]


@lru_cache(maxsize=1)
def head_nouns() -> frozenset[str]:
    """Index keys of the noun that ends each institution head, in every language (``Кеңес``,
    ``сот``, ``Council``, ``Ministry``; Russian by stem): words that name an institution and so
    are never part of a person's name, whichever language the text borrows them from."""
    raw = json.loads(resources.files("judikg.ingest").joinpath("lexicon/institution_types.json").read_text("utf-8"))
    keys: set[str] = set()
    for group in (raw["types"], raw["units"]):
        for entry in group:
            for lang, phrases in entry["heads"].items():
                for phrase in phrases:
                    words = phrase.split()
                    last = fold[words[-1]] if words else ""
                    # abbreviations (МИД, ТИМ) are matched as written, and may spell a name (Tim)
                    if len(last) >= 3 and last.isalpha() and not words[-1].isupper():
                        keys.add(index_key(last, lang))
    return frozenset(keys)


@dataclass(slots=True, unsafe_hash=True, init=False)  # built per mention: see judikg.ingest.model
class Composed:
    """One institution reading of a stretch of tokens (before IRIs are minted)."""

    first: int  # token span of the whole phrase, end exclusive
    last: int
    slug: str
    cls: str
    country: str | None  # stated with the phrase; None when inferred from the article
    inferred_country: str | None  # the country the IRI uses
    unit: str | None = None
    unit_cls: str | None = None
    parent_first: int | None = None  # token span of the parent mention for a unit
    parent_last: int | None = None
    generic: bool = False

    # __init__ written out (init=False): compiled, a dataclass keeps its generated, interpreted one
    def __init__(
        self, first: int, last: int, slug: str, cls: str, country: str | None, inferred_country: str | None,
        unit: str | None = None, unit_cls: str | None = None, parent_first: int | None = None,
        parent_last: int | None = None, generic: bool = False,
    ) -> None:
        self.first = first
        self.last = last
        self.slug = slug
        self.cls = cls
        self.country = country
        self.inferred_country = inferred_country
        self.unit = unit
        self.unit_cls = unit_cls
        self.parent_first = parent_first
        self.parent_last = parent_last
        self.generic = generic


def _country_at(places: Mapping[int, Match[Place]], i: int) -> Match[Place] | None:
    m = places.get(i)
    return m if m is not None and m.payload.type == "Country" else None


def _countries_left(
    first: int, places_by_end: Mapping[int, Match[Place]], sc: Scan, coordinators: frozenset[str]
) -> tuple[int, list[str]]:
    """Countries ending right before token ``first`` (with coordination), and where they start."""
    found: list[str] = []
    start = first
    m = places_by_end.get(start)
    while m is not None and m.payload.type == "Country" and m.payload.country:
        found.append(m.payload.country)
        start = m.first
        if start >= 2 and sc.folded[start - 1] in coordinators:
            m = places_by_end.get(start - 1)
            if m is not None and m.payload.type == "Country":
                continue
        m = None
    found.reverse()
    return start, found


def _countries_right(
    last: int,
    places_by_start: Mapping[int, Match[Place]],
    sc: Scan,
    text: str,
    lex: Lexicon,
    lang: str,
) -> tuple[int, list[str]]:
    """Countries following token ``last`` (Russian genitive, English "of X, Y and Z")."""
    i = last
    if lang == "en":
        if i < len(sc) and sc.folded[i] in ("of", "in"):
            i += 1
            if i < len(sc) and sc.folded[i] == "the":
                i += 1
        else:
            return last, []
    found: list[str] = []
    end = last
    while i < len(sc):
        m = _country_at(places_by_start, i)
        if m is None or m.payload.adjective or not m.payload.country:
            break
        found.append(m.payload.country)
        end = i = m.last
        # continue through ", X", "and X", ", and X", "и X", "and the X"
        j = i
        if j < len(sc) and text[sc.ends[j - 1] : sc.starts[j]].strip() == ",":
            pass
        elif j < len(sc) and sc.folded[j] in lex.coordinators:
            j += 1
        else:
            break
        if j < len(sc) and sc.folded[j] in lex.coordinators:
            j += 1
        if j < len(sc) and sc.folded[j] == "the":
            j += 1
        i = j
    return end, found


def compose(
    text: str,
    sc: Scan,
    keys: list[tuple[str, ...]],
    places: Sequence[Match[Place]],
    lang: str,
    dominant: str | None,
    head_matches: Sequence[Match[Head]] | None = None,
) -> list[Composed]:
    """Institutions in the text; ``head_matches`` lets a caller that already matched the heads pass them."""
    lex = lexicon()
    dominant = dominant or lex.home_country.get(lang)
    if head_matches is None:
        head_matches = heads_for(lang).find(sc, keys, lang)
    heads = _select_heads(head_matches, places)
    by_end = {m.last: m for m in places}
    by_start = {m.first: m for m in places}
    types = [h for h in heads if h.payload.kind == "type"]
    units = [h for h in heads if h.payload.kind == "unit"]

    out: list[Composed] = []
    # 1. types with their stated countries
    stated: list[tuple[int, str, str]] = []  # (token, slug, cc) of qualified mentions
    pending: list[tuple[Match[Head], int, int]] = []
    for t in types:
        start, left = _countries_left(t.first, by_end, sc, lex.coordinators)
        right: list[str] = []
        end = t.last
        if lang not in TURKIC_ORDER or not left:
            end, right = _countries_right(t.last, by_start, sc, text, lex, lang)
        countries = left + [c for c in right if c not in left]
        head = t.payload
        if countries:
            first = start if left else t.first
            for cc in countries:
                out.append(Composed(first, max(end, t.last), head.slug, head.cls or "GovernmentBody", cc, cc, generic=head.generic))
                stated.append((t.first, head.slug, cc))
        else:
            pending.append((t, t.first, t.last))
    # 2. unqualified types: the nearest earlier qualified mention of the type, else a later one, else the article's country
    for t, first, last in pending:
        head = t.payload
        if _kind_not_body(t, sc, lang):
            continue
        inferred = _nearest(stated, head.slug, first) or dominant
        if inferred is None:
            continue
        out.append(Composed(first, last, head.slug, head.cls or "GovernmentBody", None, inferred, generic=head.generic))
    out.sort(key=lambda c: (c.first, c.last, c.slug))
    # 3. generic heads ("constitutional justice bodies") are the article's body of that class in that country
    specific = {(c.cls, c.inferred_country): c.slug for c in out if not c.generic}
    out = [
        _replace_slug(c, specific.get((c.cls, c.inferred_country), c.slug)) if c.generic else c for c in out
    ]
    # 4. units attach to the institution next to them
    composed_units: list[Composed] = []
    seen_units: dict[str, Composed] = {}
    # a unit named alone takes the institution of the same unit named in full, earlier or later
    for u in units:
        for p in _unit_parents(u, out, sc, lex, lang)[:1]:
            seen_units.setdefault(u.payload.slug, Composed(p.first, u.last, p.slug, p.cls, p.country, p.inferred_country, u.payload.slug, u.payload.cls or ("CourtAdministration" if p.cls in COURT_CLASSES else p.cls), p.first, p.last))
    for u in units:
        head = u.payload
        parents = _unit_parents(u, out, sc, lex, lang)
        if not parents:
            earlier = seen_units.get(head.slug)
            if earlier is not None:
                composed_units.append(
                    Composed(u.first, u.last, earlier.slug, earlier.cls, None, earlier.inferred_country, earlier.unit, earlier.unit_cls, earlier.parent_first, earlier.parent_last)
                )
                continue
            if head.parent_type and dominant:
                parent_cls = lex.type_class.get(head.parent_type, "GovernmentBody")
                c = Composed(u.first, u.last, head.parent_type, parent_cls, None, dominant, head.slug, head.cls or "CourtAdministration")
                composed_units.append(c)
                seen_units[head.slug] = c
            continue
        for p in parents:
            unit_cls = head.cls or ("CourtAdministration" if p.cls in COURT_CLASSES else p.cls)
            first, last = min(p.first, u.first), max(p.last, u.last)
            unit = _unit_slug(head.slug, p.last, u.first, sc) if lang in TURKIC_ORDER else head.slug
            c = Composed(first, last, p.slug, p.cls, p.country, p.inferred_country, unit, unit_cls, p.first, p.last)
            composed_units.append(c)
            seen_units[head.slug] = c
    return sorted(out + composed_units, key=lambda c: (c.first, c.last, c.slug, c.unit or ""))


def _kind_not_body(t: Match[Head], sc: Scan, lang: str) -> bool:
    """A lowercase plural head with no country names a kind of body, not one ("судей
    конституционных судов и уполномоченных по правам человека", "жоғары соттары")."""
    if sc.caps[t.first]:
        return False
    # Russian marks the number on the first word of the head, Kyrgyz/Kazakh on the last
    word = t.first if lang == "ru" else t.last - 1
    return is_plural(sc.folded[word], lang)


def _replace_slug(c: Composed, slug: str) -> Composed:
    return Composed(c.first, c.last, slug, c.cls, c.country, c.inferred_country, c.unit, c.unit_cls, c.parent_first, c.parent_last, False)


def _nearest(stated: Sequence[tuple[int, str, str]], slug: str, at: int) -> str | None:
    before = [cc for pos, s, cc in stated if s == slug and pos < at]
    if before:
        return before[-1]
    after = [cc for pos, s, cc in stated if s == slug and pos > at]
    return after[0] if after else None


_MAX_DESCRIBED_GAP = 10


def _unit_slug(head_slug: str, parent_last: int, unit_first: int, sc: Scan) -> str:
    """``department``, or ``department-{words}`` when words between the parent and the unit
    describe it (Kyrgyz/Kazakh order): two departments of one body stay two bodies."""
    if unit_first <= parent_last:
        return head_slug
    # the words as written: slugs fold them with translit.fold, stable across versions of the
    # looser matching key
    return head_slug + "-" + iris.slug(" ".join(sc.words[parent_last:unit_first]))


def _unit_parents(u: Match[Head], composed: Sequence[Composed], sc: Scan, lex: Lexicon, lang: str) -> list[Composed]:
    """Institutions a unit word belongs to: before it in Kyrgyz/Kazakh (up to a few modifier words
    between, "Жоғарғы Соттың қылмыстық істер жөніндегі сот алқасы"), after it in Russian/English."""
    if lang in TURKIC_ORDER:
        # the closest institution ending at most 4 tokens before the unit, or up to 10 when the
        # words between are a lowercase description in one phrase ("Администрациясынын соттор
        # жана прокуратура органдары менен өз ара аракеттенүү бөлүмү")
        best: list[Composed] = []
        for gap_size in range(0, _MAX_DESCRIBED_GAP + 1):
            ends_at = u.first - gap_size
            if ends_at < 0:
                break
            if gap_size > 4 and (sc.caps[ends_at] or not sc.joins[ends_at]):
                break
            cands = [c for c in composed if c.last == ends_at and c.unit is None]
            if cands and gap_size > 4 and not turkic_genitive(sc.folded[ends_at - 1]):
                break  # a long description only follows its body in the genitive (its possessor)
            if cands:
                longest = max(c.last - c.first for c in cands)
                best = [c for c in cands if c.last - c.first == longest]
                break
        return best
    # Russian: the genitive type right after; English: "of (the)" then the type
    i = u.last
    if lang == "en":
        if i < len(sc) and sc.folded[i] == "of":
            i += 1
            if i < len(sc) and sc.folded[i] == "the":
                i += 1
        else:
            return []
    cands = [c for c in composed if c.first == i and c.unit is None]
    if not cands:
        # the type may begin the institution phrase only after its country ("Секретариат Суда РК")
        cands = [c for c in composed if c.first <= i < c.last and c.unit is None]
    return cands


def _select_heads(matches: Sequence[Match[Head]], places: Sequence[Match[Place]]) -> list[Match[Head]]:
    """Longest head at each place; a head inside a reference name (an international body's
    full name contains "Constitutional Courts") belongs to that name."""
    covered: set[int] = set()
    for p in places:
        if p.payload.type != "Country" and p.last - p.first > 1:
            covered.update(range(p.first, p.last))
    chosen: list[Match[Head]] = []
    taken_until = -1
    for m in sorted(matches, key=lambda m: (m.first, -(m.last - m.first), m.payload.kind)):
        if m.first in covered:
            continue
        if m.first >= taken_until:
            chosen.append(m)
            taken_until = m.last
    return chosen
