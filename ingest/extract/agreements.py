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
from judikg.ingest.extract.posts import PostFinding
from judikg.ingest.extract.tokens import fold
from judikg.ingest.morphology import is_plural


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


#: Posts whose holders sign for their institution ("the chairs of both courts signed").
_SIGNING_ROLES = frozenset({"chair", "president", "head", "minister", "secretary-general"})


def find_agreements(
    art: Article,
    events: Sequence[EventFinding],
    triggers: list[Trigger] | None = None,
    posts: Sequence[PostFinding] = (),
) -> list[AgreementFinding]:
    """Agreements with parties, signatories, date, place and the event they were signed at;
    ``posts`` (from :func:`.posts.find_posts`) name the chairs a sentence may sign through
    ("the chairs of both courts signed")."""
    if triggers is None:
        triggers = find_triggers(art, "agreements")
    if not triggers:
        return []
    agreements = _group(triggers)
    event_at: dict[int, list[EventFinding]] = {}
    for ev in events:
        for s in ev.sentences:
            event_at.setdefault(s, []).append(ev)
    mentioned = {s for ag in agreements for s in ag.sentences}
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
            _add_signatories(art, ag, s, posts)
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
        # "The document was signed by X and Y" right after the sentence naming the agreement:
        # a signing sentence that names no agreement of its own speaks of this one
        for s in ag.sentences:
            nxt = s + 1
            if nxt < len(art.sentences) and nxt not in mentioned and _signs(art, nxt):
                _add_signatories(art, ag, nxt, posts)
    return agreements


def _signs(art: Article, s: int) -> bool:
    """Sentence ``s`` has a signing cue that is no participation cue (Russian "приняли" signs a
    law but "приняли участие" takes part)."""
    start, end = art.sentences[s]
    taking_part = art.cues("participation", start, end)
    return any(
        not any(p.start < c.end and c.start < p.end for p in taking_part) for c in art.cues("signing", start, end)
    )


def _plural_title(art: Article, cue_start: int, cue_end: int) -> bool:
    word = art.text[cue_start:cue_end].split()[-1] if art.text[cue_start:cue_end].split() else ""
    if art.lang == "en":
        return word.lower().endswith(("s", "men"))
    return is_plural(fold[word], art.lang)


def _add_signatories(art: Article, ag: AgreementFinding, s: int, posts: Sequence[PostFinding]) -> None:
    """The persons of signing sentence ``s``; when it names none but speaks of chairs or heads
    ("the chairs of both courts signed", «екі соттың төрағалары қол қойды»), the holders of
    such posts in the parties (or, with no parties known, anywhere in the article)."""
    persons = [h.iri for h in art.hits_by_sentence[s] if h.type == "Person"]
    if not persons:
        start, end = art.sentences[s]
        # only a plural title signs for its holders ("the chairs signed"); "IACA president
        # announced that a memorandum was signed" names no signatory
        roles = {c.label for c in art.cues("roles", start, end) if _plural_title(art, c.start, c.end)} & _SIGNING_ROLES
        if roles:
            parties = {iri for iri, _ in ag.parties}
            persons = [p.person for p in posts if p.role in roles and (not parties or p.organization in parties)]
    for iri in persons:
        if all(known != iri for known, _ in ag.signatories):
            ag.signatories.append((iri, s))
