"""The extraction of one article assembled from its passes: recognition, then events, agreements,
posts and relations over the recognised hits, then labels (see :mod:`judikg.ingest.extract`).

Kept out of the package ``__init__`` so that it is compiled with the passes it calls (package
``__init__`` files stay Python): run interpreted, this glue cost more than some passes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from judikg.iris import ID_NS, agreement_iri, event_iri
from judikg.ingest.extract.agreements import find_agreements
from judikg.ingest.extract.events import find_events, find_triggers
from judikg.ingest.extract.evidence import Article
from judikg.ingest.extract.labels import label_entities
from judikg.ingest.extract.posts import find_posts
from judikg.ingest.extract.recognize import recognize_scanned
from judikg.ingest.extract.relations import Fact, hit_entities, membership_facts, structural_facts, to_relations
from judikg.ingest.extract.sentences import sentences
from judikg.ingest.extract.tokens import Scan
from judikg.ingest.model import Document, Entity, Extraction, Relation, Span


def extract(doc: Document) -> Extraction:
    """Entities and relations the article states, with labels composed from the facts (:mod:`.labels`)."""
    hits, tokens = recognize_scanned(doc)
    return label_entities(doc, extract_from_hits(doc, hits, tokens=tokens))


def extract_from_hits(
    doc: Document, hits: Sequence[Any], dates: Sequence[Any] | None = None, tokens: Scan | None = None
) -> Extraction:
    """The relation passes over already recognised hits (``recognize.Hit`` or anything shaped like
    it); ``tokens``, the recogniser's token scan of the text, spares the cue scan a tokenisation."""
    art = Article(doc, list(hits), sentences(doc.text), None if dates is None else list(dates), tokens)
    event_triggers = find_triggers(art)
    agreement_triggers = find_triggers(art, "agreements")
    posts, person_country = find_posts(art)
    # An institution in a person's title is where they work, not an actor of the sentence;
    # "representatives of X" (role other) and members do speak for X.
    titles = frozenset((p.sentence, p.organization) for p in posts if p.role not in ("other", "member"))
    events = find_events(art, event_triggers, titles)
    agreements = find_agreements(art, events, agreement_triggers, posts)

    event_sentences = frozenset(t.sentence for t in event_triggers)
    facts: list[Fact] = structural_facts(art) + membership_facts(art, titles, event_sentences)
    facts += [Fact(p.person, "post", p.organization, p.sentence, p.role) for p in posts]

    entities: list[Entity] = hit_entities(art.hits, doc.text, person_country)
    published_year = doc.published[:4] if doc.published else None
    for ev in events:
        ev.iri = event_iri(ev.date or published_year, ev.slug, _event_key(ev))
        for iri, s in ev.locations:
            facts.append(Fact(ev.iri, "location", iri, s))
        for iri, s in ev.organizers:
            facts.append(Fact(ev.iri, "organizer", iri, s))
        for iri, s in ev.participants:
            facts.append(Fact(ev.iri, "participant", iri, s))
        entities.append(_trigger_entity(doc, ev.iri, ev.type, ev.triggers, ev.date, ev.end_date, ev.ordinal))
    for ag in agreements:
        parties = sorted({iri for iri, _ in ag.parties})
        ag.iri = agreement_iri(ag.date or published_year, ag.slug, parties)
        for iri, s in ag.parties:
            facts.append(Fact(ag.iri, "party", iri, s))
        for iri, s in ag.signatories:
            facts.append(Fact(ag.iri, "signatory", iri, s))
        for ev, s in ag.signed_at:
            facts.append(Fact(ag.iri, "signedAt", ev.iri, s))
        for iri, s in ag.locations:
            facts.append(Fact(ag.iri, "location", iri, s))
        entities.append(_trigger_entity(doc, ag.iri, ag.type, ag.triggers, ag.date, None, None))

    entities = _merge(entities)
    relations: list[Relation] = to_relations(art, facts)
    return Extraction(entities=tuple(entities), relations=tuple(relations))


def _trigger_entity(
    doc: Document, iri: str, type_name: str, triggers: Sequence[Any], date: str | None,
    end_date: str | None, ordinal: int | None,
) -> Entity:
    mentions = tuple(Span(t.start, t.end, doc.text[t.start : t.end]) for t in triggers)
    label = mentions[0].surface if mentions else type_name
    return Entity(
        iri=iri, type=type_name, labels={doc.lang: label}, mentions=mentions,
        date=date, end_date=end_date, ordinal=ordinal,
    )


def _merge(entities: list[Entity]) -> list[Entity]:
    """One Entity per IRI (two events of one article can mint one IRI), sorted by first mention."""
    by_iri: dict[str, Entity] = {}
    for e in entities:
        old = by_iri.get(e.iri)
        if old is None:
            by_iri[e.iri] = e
            continue
        mentions = tuple(sorted(set(old.mentions) | set(e.mentions), key=lambda m: (m.start, m.end)))
        by_iri[e.iri] = Entity(
            iri=old.iri, type=old.type, labels={**e.labels, **old.labels}, mentions=mentions,
            country=old.country or e.country, date=old.date or e.date, end_date=old.end_date or e.end_date,
            name=old.name or e.name, ordinal=old.ordinal or e.ordinal,
        )
    return sorted(by_iri.values(), key=lambda e: (e.mentions[0].start if e.mentions else -1, e.iri))


def _event_key(ev: Any) -> str:
    """What tells this event from others of its kind and date, as every report of it would say.

    A day and a city identify an event whoever reports it: organisers and ordinals are often named
    by one article and not another (a Kyrgyz report names the organiser, a Russian one of the same
    conference does not), so they only separate events whose date or place is vague.
    """
    cities = sorted(iri for iri, _ in ev.locations if iri.startswith(ID_NS + "city/"))
    place = cities[0] if cities else (ev.locations[0][0] if ev.locations else "")
    if ev.date and len(ev.date) == 10 and place:
        return place
    return "|".join([str(ev.ordinal or ""), place, ev.organizers[0][0] if ev.organizers else ""])
