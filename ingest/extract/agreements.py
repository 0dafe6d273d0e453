"""Agreements (memoranda, cooperation agreements, protocols, declarations, resolutions): parties,
signatories, the event they were signed at, date and place.

One agreement per type per article (all its mentions together). Parties are the most specific
institutions named in the sentence that says the agreement was signed or is "between" them (or,
failing that, the first sentence mentioning it); signatories are the persons of that sentence
and the next ones that repeat the signing cue.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from judikg.ingest.extract.events import EventFinding, Trigger, find_triggers
from judikg.ingest.extract.evidence import ORG_TYPES, Article
from judikg.ingest.extract.participants import owns_event


@dataclass(slots=True)
class AgreementFinding:
    type: str
    slug: str
    triggers: list[Trigger] = field(default_factory=list)
    date: str | None = None
    parties: list[tuple[str, int]] = field(default_factory=list)
    signatories: list[tuple[str, int]] = field(default_factory=list)
    signed_at: list[tuple[EventFinding, int]] = field(default_factory=list)
    locations: list[tuple[str, int]] = field(default_factory=list)
    iri: str = ""

    @property
    def sentences(self) -> list[int]:
        return sorted({t.sentence for t in self.triggers})


def _group(triggers: list[Trigger]) -> list[AgreementFinding]:
    found: dict[str, AgreementFinding] = {}
    for t in triggers:
        found.setdefault(t.type, AgreementFinding(t.type, t.slug)).triggers.append(t)
    return list(found.values())


def _key_sentence(art: Article, ag: AgreementFinding) -> int | None:
    """The sentence that says who signed it: a 'between' or signing cue next to an institution,
    else none (a document only cited, such as a declaration, has no parties in the article)."""
    for kind in ("between", "signing"):
        for s in ag.sentences:
            start, end = art.sentences[s]
            if art.cues(kind, start, end) and any(h.type in ORG_TYPES for h in art.hits_by_sentence[s]):
                return s
    return None


def find_agreements(
    art: Article,
    events: Sequence[EventFinding],
    triggers: list[Trigger] | None = None,
) -> list[AgreementFinding]:
    if triggers is None:
        triggers = find_triggers(art, "agreements")
    if not triggers:
        return []
    agreements = _group(triggers)
    event_at: dict[int, list[EventFinding]] = {}
    for ev in events:
        for s in ev.sentences:
            event_at.setdefault(s, []).append(ev)
    for ag in agreements:
        key = _key_sentence(art, ag)
        if key is not None:
            event_triggers = [t for ev in event_at.get(key, []) for t in ev.triggers if t.sentence == key]
            for h in art.maximal(art.hits_by_sentence[key]):
                # An organisation named only as the owner of the event the signing happened at
                # ("within the AACC conference") is not a party.
                if h.type in ORG_TYPES and not owns_event(art, h, event_triggers):
                    ag.parties.append((h.iri, key))
        for s in sorted({*([key] if key is not None else []), *ag.sentences}):
            start, end = art.sentences[s]
            if not art.cues("signing", start, end):
                continue
            for h in art.hits_by_sentence[s]:
                if h.type == "Person" and (h.iri, s) not in ag.signatories:
                    ag.signatories.append((h.iri, s))
            for d in art.dates_in(s):
                if ag.date is None:
                    ag.date = d.value
            sentence_hits = art.hits_by_sentence[s]
            cities = [h for h in sentence_hits if h.type == "City" and not art.is_nested(h)]
            if cities and not ag.locations:
                ag.locations.append((cities[0].iri, s))
            if art.cues("framework", start, end):
                for ev in event_at.get(s, []):
                    if all(e is not ev for e, _ in ag.signed_at):
                        ag.signed_at.append((ev, s))
    return agreements
