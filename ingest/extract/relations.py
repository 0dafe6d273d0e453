"""Relations between recognised entities that need no event or agreement: memberOf, partOf,
country — and the merge of hits into one :class:`Entity` per IRI.

* ``partOf`` comes from ``Hit.parent`` (the recogniser composes sub-units with their parent),
  stated only when the parent is itself mentioned in the article.
* ``country`` links an organisation to its country only where the mention names the country
  (``Hit.country``), and only to a country the article mentions.
* ``memberOf`` is read from sentences with a membership cue ("member of", «член», «мүчөсү»,
  «мүшесі»): every other actor of the sentence is a member of the association or international
  organisation named nearest to the cue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from judikg.ingest.extract.evidence import ORG_TYPES, Article, Cue, HitLike
from judikg.ingest.model import Entity, Relation, Span

#: Types that can be the object of memberOf.
_BODY_TYPES = frozenset({"Association", "InternationalOrganization"})
#: Types of bodies whose parent comes from the reference data.
_REFERENCE_BODY_TYPES = _BODY_TYPES | {"Court"}


@dataclass(slots=True, unsafe_hash=True, init=False)  # built per mention: see judikg.ingest.model
class Fact:
    """A relation before its evidence span is cut: sentence index instead of a Span."""

    subject: str
    predicate: str
    object: str
    sentence: int
    role: str | None = None

    # __init__ written out (init=False): compiled, a dataclass keeps its generated, interpreted one
    def __init__(self, subject: str, predicate: str, object: str, sentence: int, role: str | None = None) -> None:
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.sentence = sentence
        self.role = role


def structural_facts(art: Article) -> list[Fact]:
    """partOf and country, one per (subject, object), from the first sentence that shows it."""
    mentioned = {h.iri for h in art.hits}
    facts: dict[tuple[str, str, str], Fact] = {}
    for s, hits in enumerate(art.hits_by_sentence):
        for h in hits:
            # a body's parent from the reference data is stated only where the text writes them
            # together ("Venice Commission of the Council of Europe", «Венецианская комиссия
            # Совета Европы», «Европа Кеңешинин Венеция комиссиясы»); a composed sub-unit's
            # parent is named in its own phrase, so anywhere in the article will do
            if h.parent and h.type in _REFERENCE_BODY_TYPES and not any(
                o.iri == h.parent and written_together(art.text, h, o) for o in hits
            ):
                continue
            if h.parent and h.parent in mentioned and h.parent != h.iri:
                key = (h.iri, "partOf", h.parent)
                if key not in facts:
                    facts[key] = Fact(h.iri, "partOf", h.parent, s)
            if h.country and h.type in ORG_TYPES:
                country = art.country_iris.get(h.country.upper())
                if country and (h.iri, "country", country) not in facts:
                    facts[(h.iri, "country", country)] = Fact(h.iri, "country", country, s)
    return list(facts.values())


_OF_RE = re.compile(r"\s*(?:of(?: the)?\s+)?")


def written_together(text: str, child: HitLike, parent: HitLike) -> bool:
    """The parent right after the child ("X of the Y", «X Y-genitive»), right before it («Y-нин
    X»), or inside its phrase ("OSCE Programme Office")."""
    if parent.start < child.end and child.start < parent.end:
        return True
    if child.end <= parent.start:
        return _OF_RE.fullmatch(text, child.end, parent.start) is not None
    if parent.end <= child.start:
        return not text[parent.end : child.start].strip()
    return False


def membership_facts(
    art: Article,
    titles: frozenset[tuple[int, str]] = frozenset(),
    event_sentences: frozenset[int] = frozenset(),
) -> list[Fact]:
    """memberOf from sentences with a membership cue (see the module docstring).

    A cue is skipped when it is a person's title ("member of the Venice Commission R. Deskoski",
    «комиссиясынын мүчөсү Ренат») or the generic "member states" compound. Without an
    association in the sentence, the one named in the two sentences before is meant ("Later
    Russia and Turkey joined in"), except in sentences naming an event ("judges joined online").
    ``titles`` (sentence, institution) pairs are institutions of a person's title, not members.
    """
    out: dict[tuple[str, str], Fact] = {}
    last_body: tuple[int, HitLike] | None = None
    member_cues = art.cues_by_sentence("member")
    for s, hits in enumerate(art.hits_by_sentence):
        bodies = [h for h in hits if h.type in _BODY_TYPES and not art.is_nested(h)]
        cues = [c for c in member_cues.get(s, ()) if not _title_or_generic(art, c, hits)]
        if cues:
            cue = cues[0]
            body: HitLike | None = None
            if bodies:
                body = min(bodies, key=lambda h: (min(abs(h.start - cue.end), abs(cue.start - h.end)), h.start))
            elif last_body is not None and s - last_body[0] <= 2 and s not in event_sentences:
                body = last_body[1]
            if body is not None:
                for h in hits:
                    if h.iri == body.iri or h.type in ("Person", "City") or art.is_nested(h):
                        continue
                    if (s, h.iri) in titles:
                        continue
                    if h.type == "Country" or h.type in ORG_TYPES:
                        out.setdefault((h.iri, body.iri), Fact(h.iri, "memberOf", body.iri, s))
        if bodies:
            last_body = (s, bodies[-1])
    return list(out.values())


#: Characters between a member cue and a person that make the cue the person's title.
_TITLE_GAP = 3


#: Characters between a member cue and an institution it qualifies ("members of the parliament").
_MEMBERS_OF_GAP = 8
#: A Kazakh or Kyrgyz genitive: «сотунун мүчөсү» is a member of the court, «соту мүчө болду»
#: the court became a member.
_GENITIVE_END_RE = re.compile(r"(?:[ндт][ыиуүі][нң]|[ndt][yıiuú][nńñ])$", re.IGNORECASE)


def _title_or_generic(art: Article, cue: Cue, hits: list[HitLike]) -> bool:
    if any(h.type == "Person" and 0 <= h.start - cue.end <= _TITLE_GAP for h in hits):
        return True
    # "members of parliament", «члены Верховного суда», «парламенттин мүчөлөрү»: people who sit
    # in an institution that is no association, not states or courts joining a body
    if any(
        h.type in ORG_TYPES and h.type not in _BODY_TYPES
        and (
            0 <= h.start - cue.end <= _MEMBERS_OF_GAP
            or (0 <= cue.start - h.end <= _TITLE_GAP and _GENITIVE_END_RE.search(art.text, h.start, h.end))
        )
        for h in hits
    ):
        return True
    lo, hi = max(0, cue.start - 20), min(len(art.text), cue.end + 20)
    return any(g.start <= cue.start < g.end or cue.start <= g.start < cue.end for g in art.cues("member_state", lo, hi))


def to_relations(art: Article, facts: Iterable[Fact]) -> list[Relation]:
    """Facts with their evidence sentences, deduplicated, in a deterministic order."""
    seen: set[tuple[str, str, str, str | None]] = set()
    out: list[Relation] = []
    for f in facts:
        key = (f.subject, f.predicate, f.object, f.role)
        if key in seen or f.subject == f.object:
            continue
        seen.add(key)
        out.append(Relation(f.subject, f.predicate, f.object, art.evidence(f.sentence), f.role))
    out.sort(key=lambda r: (r.predicate, r.subject, r.object, r.role or "", r.evidence.start))
    return out


def hit_entities(hits: Iterable[HitLike], text: str, person_country: dict[str, str]) -> list[Entity]:
    """One Entity per IRI with every mention of it; country where some mention names it."""
    by_iri: dict[str, list[HitLike]] = {}
    for h in hits:
        group = by_iri.get(h.iri)
        if group is None:
            by_iri[h.iri] = [h]
        else:
            group.append(h)
    out: list[Entity] = []
    for iri, group in by_iri.items():
        if len(group) > 1:
            group.sort(key=lambda h: (h.start, h.end))
        labels: dict[str, str] = {}
        for h in group:
            if h.labels:
                for lang, label in h.labels.items():
                    labels.setdefault(lang, label)
        country = next((h.country.upper() for h in group if h.country), None)
        if group[0].type == "Person":
            country = person_country.get(iri, country)
        # spans deduplicated by offsets (hashing the tuple is cheaper than hashing a Span)
        spans = dict.fromkeys([(h.start, h.end) for h in group])
        mentions = tuple(Span(s, e, text[s:e]) for s, e in spans)
        out.append(Entity(iri=iri, type=group[0].type, labels=labels, mentions=mentions, country=country))
    return out
