"""Who took part in an event: the actors of the sentences that say so.

An event's *scope* is the sentences that mention it and the ones after them until another event
is named, so "The conference opened in Bishkek. Judges of Uzbekistan and Kazakhstan took part."
reads the second sentence for the conference. A scope sentence yields participants when it has
a participation cue (took part, met, attended, opened, spoke, joined …) and every person,
organisation and country it names is a participant, except:

* the event's organiser, its place, and an institution named as its owner ("the AACC congress");
* a country standing beside an institution name (the institution's country, not an actor);
* invitees: a sentence whose last cue is an invitation ("X was invited", «чакырылган») says
  nothing about who came, while "the invited guests took part" does;
* supporters ("with the support of", «колдоосунда»): the text names them, not as actors.

A sentence ending with a colon hands its cue to the list lines after it ("Guests took part:
– A, chair of B; – C, minister").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from judikg.ingest.extract.evidence import ORG_TYPES, Article, HitLike

if TYPE_CHECKING:
    from judikg.ingest.extract.events import EventFinding, Trigger

#: Languages that name an owner before its event and put the verb last.
HEAD_FINAL = frozenset({"ky", "kk", "kk-Latn", "uz"})
#: At most this many characters and words between an institution and the event it owns.
_OWNER_GAP = 60
_OWNER_WORDS = 4
_PUNCT_RE = re.compile(r"[,.;:!?«»\"“”()]")
#: A list line: a dash, bullet or number opens it.
_LIST_ITEM_RE = re.compile(r"\s*(?:[-\u2013\u2014•*·]|\d{1,2}[.)])\s")
#: How many sentences after a mention still speak of the event (when no other event is named).
_SCOPE_SENTENCES = 12
#: Events whose naming word alone tells who took part (a meeting of two sides, a visit).
_ENCOUNTER_SLUGS = frozenset({"meeting", "visit"})
#: How near a framework word ("within", «алкагында») must stand to an event it frames.
_FRAMEWORK_GAP = 40


def owns_event(art: Article, org: HitLike, triggers: Sequence[Trigger]) -> bool:
    """True when the institution is named as the owner of an event ("the AACC conference",
    «АКСТИнин конференциясынын», "conference of the AACC"): only a few words, no punctuation,
    no framework word and no other name between the name and the trigger. Kyrgyz and Kazakh
    name the owner before the event (genitive), so an institution after the trigger there is
    the next clause's subject."""
    for t in triggers:
        if org.end > t.start and art.doc.lang in HEAD_FINAL:
            continue
        lo, hi = (org.end, t.start) if org.end <= t.start else (t.end, org.start)
        if hi < lo:
            continue
        gap = art.text[lo:hi]
        if len(gap) > _OWNER_GAP or _PUNCT_RE.search(gap) or len(gap.split()) > _OWNER_WORDS:
            continue
        if art.cues("framework", lo, hi) or any(h.type in ORG_TYPES for h in art.hits_between(lo, hi)):
            continue
        return True
    return False


def is_frame(art: Article, t: Trigger) -> bool:
    """True when the trigger is the frame of what the sentence tells ("within the OTS meeting
    he met …", «жыйынынын алкагында жолугушту»): a framework word right after it in Kyrgyz
    and Kazakh, right before it in Russian and English."""
    s, e = art.sentences[t.sentence]
    if art.doc.lang in HEAD_FINAL:
        cues = art.cues("framework", t.end, min(e, t.end + _FRAMEWORK_GAP))
        return any(not _PUNCT_RE.search(art.text[t.end : c.start]) for c in cues)
    cues = art.cues("framework", max(s, t.start - _FRAMEWORK_GAP), t.start)
    return any(not _PUNCT_RE.search(art.text[c.end : t.start]) for c in cues)


def _sentence_events(art: Article, events: Sequence[EventFinding]) -> dict[int, list[EventFinding]]:
    """Which events each sentence speaks of: those it names (the framed one only when nothing
    else is named), else the ones the sentences before it named, for a few sentences; the
    sentence just before the first event named speaks of that event."""
    named: dict[int, list[EventFinding]] = {}
    for ev in events:
        for t in ev.triggers:
            named.setdefault(t.sentence, [])
            if ev not in named[t.sentence]:
                named[t.sentence].append(ev)
    framed: set[tuple[int, int]] = {
        (t.sentence, id(ev)) for ev in events for t in ev.triggers if is_frame(art, t)
    }
    out: dict[int, list[EventFinding]] = {}
    current: list[EventFinding] = []
    age = 0
    for s in range(len(art.sentences)):
        if s in named:
            evs = named[s]
            # Only a framing event named ("within the OTS meeting he met …"): what the sentence
            # tells happened inside it, so its actors are nobody's participants here.
            current, age = [ev for ev in evs if (s, id(ev)) not in framed], 0
        else:
            age += 1
            if age > _SCOPE_SENTENCES:
                current = []
        if current:
            out[s] = current
    # Before the first event is named, a sentence speaks of the event named right after it
    # ("The delegation included X and Y. The visit began …").
    first = min(named, default=None)
    if first is not None and first > 0:
        ahead = [ev for ev in named[first] if (first, id(ev)) not in framed]
        if ahead:
            out[first - 1] = ahead
    return out


def _cued_sentences(art: Article) -> dict[int, int]:
    """Sentences with a participation cue, and list lines after a cued sentence ending with a
    colon; each maps to where its cue is (the offset the invitation rule compares with)."""
    out: dict[int, int] = {}
    last_cue = {s: cues[-1].start for s, cues in art.cues_by_sentence("participation").items()}
    for s, at in sorted(last_cue.items()):
        out[s] = at
        start, end = art.sentences[s]
        if not art.text[start:end].rstrip().endswith(":"):
            continue
        for nxt in range(s + 1, len(art.sentences)):  # list lines after the colon
            if nxt in last_cue or not _LIST_ITEM_RE.match(art.text, art.sentences[nxt][0]):
                break
            out[nxt] = at
    return out


def _excluded_by_cue(art: Article, s: int, cue_at: int, hits: Sequence[HitLike]) -> set[int]:
    """Indices of hits an invitation or a support phrase removes from the sentence's actors."""
    start, end = art.sentences[s]
    head_final = art.doc.lang in HEAD_FINAL
    out: set[int] = set()
    invites = art.cues("invitation", start, end)
    if invites and invites[-1].start > cue_at:
        if head_final:
            return set(range(len(hits)))  # the verb is last: the sentence says who was invited
        out |= {i for i, h in enumerate(hits) if h.start > invites[-1].start}
    for c in art.cues("support", start, end):
        # The supporter stands before the cue in Kyrgyz and Kazakh, after it in Russian and
        # English, up to the nearest punctuation.
        if head_final:
            m = None
            for m in _PUNCT_RE.finditer(art.text, start, c.start):
                pass
            lo, hi = (m.end() if m else start), c.start
        else:
            m = _PUNCT_RE.search(art.text, c.end, end)
            lo, hi = c.end, (m.start() if m else end)
        out |= {i for i, h in enumerate(hits) if lo <= h.start and h.end <= hi}
    return out


def assign_participants(
    art: Article, events: Sequence[EventFinding], titles: frozenset[tuple[int, str]] = frozenset()
) -> None:
    """Fill ``participants`` of every event (see the module docstring).

    ``titles`` holds (sentence, institution IRI) pairs where the institution is only part of a
    person's title ("Chairman of the Supreme Court X took part"): the person took part, the
    institution is not said to."""
    if not events:
        return
    about = _sentence_events(art, events)
    cued = _cued_sentences(art)
    for ev in events:
        if ev.slug not in _ENCOUNTER_SLUGS:
            continue
        for t in ev.triggers:
            # "X held a meeting with Y", «X менен жолугушуу», "the visit of X to Y": the word
            # naming a meeting or a visit says who took part, as a participation verb would.
            if not t.anaphoric and t.sentence not in cued:
                cued[t.sentence] = t.start
    for s, cue_at in sorted(cued.items()):
        evs = about.get(s)
        if not evs:
            continue
        hits = art.hits_by_sentence[s]
        dropped = _excluded_by_cue(art, s, cue_at, hits)
        for ev in evs:
            taken = {iri for iri, _ in ev.organizers} | {iri for iri, _ in ev.locations}
            taken |= {iri for iri, _ in ev.participants}
            triggers = [t for t in ev.triggers if t.sentence == s]
            for i, h in enumerate(hits):
                if i in dropped or h.iri in taken or h.type == "City" or (s, h.iri) in titles:
                    continue
                if h.type != "Person" and art.is_nested(h):
                    continue
                if h.type == "Country" and any(
                    o.type in ORG_TYPES and o.country and abs(o.start - h.end) <= 2 for o in hits
                ):
                    continue  # the country of a neighbouring institution name
                if h.type in ORG_TYPES and owns_event(art, h, triggers):
                    continue
                if h.type == "Person" or h.type == "Country" or h.type in ORG_TYPES:
                    taken.add(h.iri)
                    ev.participants.append((h.iri, s))
