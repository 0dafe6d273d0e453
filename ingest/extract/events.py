"""Events (conferences, round tables, meetings, visits …): triggers, coreference, date, place,
organiser and participants.

Triggers are lexicon words (``lexicon/events.json``) with open suffix tails, so Turkic case and
possessive forms match (``конференциясынын``, ``онлайн-кездесуде``). All triggers of one type in
an article are one event unless an ordinal or a year near the trigger tells two apart; anaphoric
words («иш-чара», "the event", a ceremony) join the event named nearby. Date, place and
organiser are read in the sentences that mention the event; participants in
:mod:`judikg.ingest.extract.participants`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from judikg.ingest.extract.evidence import ORG_TYPES, Article, Cue, HitLike, cue_regex, lexicon
from judikg.ingest.model import Span

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN_RE = re.compile(r"(?<!\w)([IVXLC]{1,6})(?!\w)")
# A number is an ordinal only with an ordinal ending or a hyphen ("4th", "10-м", "4-изилдөөчүлүк",
# "9-конференциясы"): a bare number counts something ("delegations of 20 countries").
_DIGIT_ORDINAL_RE = re.compile(r"(?<![\w.])(\d{1,3})(?:st|nd|rd|th|-\w*)(?=[\s,]|$)", re.IGNORECASE)
_YEAR_RE = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
#: How far before a trigger an ordinal or an event name may stand ("IX ар жылдык конференциясы").
_ORDINAL_WINDOW = 48
#: Words an ordinal may stand before its trigger ("үчүнчү эл аралык конференция", "Third International Conference").
_ORDINAL_WORDS = 3
#: How many sentences ahead an event word with nothing named before it looks for its event.
_ANAPHORA_AHEAD = 1
#: How near a year must stand to a trigger to tell its event from another of the same type.
_YEAR_WINDOW = 60


def roman_value(numeral: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(numeral.upper()):
        v = _ROMAN.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total if 0 < total < 200 else None


@cache
def _ordinal_words() -> tuple[re.Pattern[str], dict[str, int]]:
    table: dict[str, list[str]] = lexicon("events")["ordinal_words"]
    groups, values = [], {}
    for n, pats in table.items():
        name = f"o{n}"
        groups.append(f"(?P<{name}>{'|'.join(pats)})")
        values[name] = int(n)
    return re.compile(rf"(?<!\w)(?:{'|'.join(groups)})(?!\w)", re.IGNORECASE), values


# Without one of these characters a window holds no number: only ordinal words can be there.
_NUMERAL_CHAR_RE = re.compile(r"[\dIVXLC]")


def ordinal_before(text: str, start: int, floor: int, words: Sequence[Cue] | None = None) -> int | None:
    """The ordinal written just before a trigger (``4-изилдөөчүлүк``, ``IX``, ``шестого``, ``4th``).

    ``words`` are the article's ordinal-word cues (``Article.cues("ordinals")``) when known,
    which spares a scan of the window."""
    lo = max(floor, start - _ORDINAL_WINDOW)
    if not words and words is not None and not _NUMERAL_CHAR_RE.search(text, lo, start):
        return None  # most triggers: nothing in the window can be an ordinal
    window = text[lo:start]
    parts = window.rsplit(None, _ORDINAL_WORDS)
    if len(parts) > _ORDINAL_WORDS:  # only the last few words: the first part is what to drop
        tail = window[len(parts[0]) :]
        cut = len(parts[0]) + len(tail) - len(tail.lstrip())
        lo, window = lo + cut, window[cut:]
    found: list[tuple[int, int]] = []
    if _NUMERAL_CHAR_RE.search(window):
        for m in _ROMAN_RE.finditer(window):
            v = roman_value(m.group(1))
            if v is not None:
                found.append((m.end(), v))
        for m in _DIGIT_ORDINAL_RE.finditer(window):
            v = int(m.group(1))
            if _date_word().match(window, m.end(1) + 1):
                continue  # "1-декабрында": a day of a month
            if 0 < v < 200:
                found.append((m.end(), v))
    if words is None:
        regex, values = _ordinal_words()
        for m in regex.finditer(window):
            name = m.lastgroup
            if name:
                found.append((m.end(), values[name]))
    else:
        found.extend((c.end - lo, int(c.label)) for c in words if lo <= c.start and c.end <= start)
    if not found:
        return None
    return max(found)[1]


@cache
def _date_word() -> re.Pattern[str]:
    return re.compile("|".join(lexicon("events")["date_words"]["patterns"]), re.IGNORECASE)


@dataclass(slots=True, init=False)
class Trigger:
    start: int
    end: int
    type: str
    slug: str
    sentence: int
    ordinal: int | None = None
    year: str | None = None
    anaphoric: bool = False  # "the event", «иш-чара»: names an event without saying which

    # __init__ written out (init=False): compiled, a dataclass keeps its generated, interpreted one
    def __init__(
        self, start: int, end: int, type: str, slug: str, sentence: int, ordinal: int | None = None,
        year: str | None = None, anaphoric: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.type = type
        self.slug = slug
        self.sentence = sentence
        self.ordinal = ordinal
        self.year = year
        self.anaphoric = anaphoric


@dataclass(slots=True)
class EventFinding:
    """One event of the article while its relations are being read."""

    type: str
    slug: str
    triggers: list[Trigger] = field(default_factory=list)
    ordinal: int | None = None
    date: str | None = None
    end_date: str | None = None
    locations: list[tuple[str, int]] = field(default_factory=list)  # (iri, sentence)
    organizers: list[tuple[str, int]] = field(default_factory=list)
    participants: list[tuple[str, int]] = field(default_factory=list)
    iri: str = ""

    @property
    def sentences(self) -> list[int]:
        return sorted({t.sentence for t in self.triggers})

    @property
    def mentions(self) -> tuple[Span, ...]:
        return tuple(Span(t.start, t.end, "") for t in self.triggers)


def find_triggers(art: Article, lexicon_name: str = "events") -> list[Trigger]:
    """Lexicon triggers outside any recognised name (``Conference of …`` inside an org name is not an event).

    For events, anaphoric words («иш-чара», "the event", a ceremony) are triggers too, marked
    ``anaphoric``: :func:`group_triggers` joins them to an event named nearby; and verbs
    ("met with", «жолугушту») name a meeting where no event word is in the sentence.
    """
    out: list[Trigger] = []
    for c in art.cues(lexicon_name):
        s = art.sentence_of(c.start)
        if not _inside_a_name(art, s, c.start, c.end):
            out.append(Trigger(c.start, c.end, c.label, c.slug, s))
    if lexicon_name != "events":
        return out
    # the specific triggers, sorted and not overlapping each other: one bisection tells whether
    # an anaphoric word or a verb overlaps one of them
    starts = [t.start for t in out]
    ends = [t.end for t in out]
    named = {t.sentence for t in out}

    def overlaps(start: int, end: int) -> bool:
        i = bisect_left(starts, end) - 1
        return i >= 0 and ends[i] > start

    extra: list[Trigger] = []
    for c in art.cues(f"{lexicon_name}.anaphora"):
        s = art.sentence_of(c.start)
        if not overlaps(c.start, c.end) and not _inside_a_name(art, s, c.start, c.end):
            extra.append(Trigger(c.start, c.end, c.label, c.slug, s, anaphoric=True))
    for c in art.cues(f"{lexicon_name}.verbs"):
        # "the conference met in Bishkek" tells of the conference
        s = art.sentence_of(c.start)
        if s not in named and not overlaps(c.start, c.end) and not _inside_a_name(art, s, c.start, c.end):
            extra.append(Trigger(c.start, c.end, c.label, c.slug, s))
    return sorted(out + extra, key=lambda t: t.start) if extra else out


def _inside_a_name(art: Article, sentence: int, start: int, end: int) -> bool:
    return any(h.start <= start and end <= h.end for h in art.hits_by_sentence[sentence])


def _sentence_year(art: Article, trigger: Trigger) -> str | None:
    """The year written near the trigger ("the 2014 conference", "конференция 2016-жылы"), if any
    (the written year alone: reading full dates for every trigger would cost more than it tells)."""
    s, e = art.sentences[trigger.sentence]
    lo, hi = max(s, trigger.start - _YEAR_WINDOW), min(e, trigger.end + _YEAR_WINDOW)
    text = art.text
    if hi < len(text) and text[hi].isdecimal():
        # the window cuts a number: a year may end at the cut that the whole text does not have
        found = [(m.start(), m.group(1)) for m in _YEAR_RE.finditer(text, lo, hi)]
    else:
        # the sentence's years are read once; a year lies in the window when it starts and ends there
        years = art.memo(("years", trigger.sentence), lambda: _years(text, s, e))
        i = bisect_left(years, (lo, ""))
        found = []
        for at, year in years[i:]:
            if at + len(year) > hi:
                break
            found.append((at, year))
    if not found:
        return None
    return min(found, key=lambda m: abs(m[0] - trigger.start))[1]


# _YEAR_RE without its leading lookbehind, which kept the regex engine from skipping ahead to a
# "1" or "2": the digit before is checked by hand.
_YEAR_START_RE = re.compile(r"(?:19|20)\d\d(?!\d)")


def _years(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, year) of every match of ``_YEAR_RE.finditer(text, start, end)``."""
    return [
        (m.start(), m.group())
        for m in _YEAR_START_RE.finditer(text, start, end)
        if not (m.start() and text[m.start() - 1].isdecimal())
    ]


class DateLike:
    """The fields of ``judikg.ingest.dates.DateMention`` used here (duck-typed)."""

    start: int
    end: int
    value: str
    end_value: str | None


def group_triggers(art: Article, triggers: list[Trigger]) -> list[EventFinding]:
    """Coreference: one event per type, split only where ordinals or years differ; anaphoric
    triggers join the event named in their sentence, else the one named last before them."""
    events: list[EventFinding] = []
    owner: dict[int, EventFinding] = {}
    # the years of each event's triggers, kept as they join (rebuilding them per trigger and
    # event made this loop quadratic in the triggers of a type)
    years_of: dict[int, set[str]] = {}
    for t in triggers:
        floor = art.sentences[t.sentence][0]
        words = art.cues("ordinals", max(floor, t.start - _ORDINAL_WINDOW), t.start)
        t.ordinal = ordinal_before(art.text, t.start, floor, words)
        if t.anaphoric:
            continue
        t.year = _sentence_year(art, t)
        target = None
        for ev in events:
            if ev.type != t.type or ev.slug != t.slug:  # a session is not the meeting beside it
                continue
            if t.ordinal is not None and ev.ordinal is not None and t.ordinal != ev.ordinal:
                continue
            years = years_of[id(ev)]
            if t.year and years and t.year not in years and t.ordinal is None:
                continue
            target = ev
            break
        if target is None:
            target = EventFinding(t.type, t.slug)
            events.append(target)
            years_of[id(target)] = set()
        target.triggers.append(t)
        if t.year:
            years_of[id(target)].add(t.year)
        owner[t.start] = target
        if target.ordinal is None:
            target.ordinal = t.ordinal
    from judikg.ingest.extract.participants import is_frame

    frames = {
        t.start: _stem(art.text, t) for t in triggers if t.anaphoric and is_frame(art, t)
    }
    _join_anaphora(triggers, events, owner, frames, art.text)
    for ev in events:
        ev.triggers.sort(key=lambda x: x.start)
    return events


#: Letters of an anaphoric word compared to tell a repeated word («иш-чаралар…»): enough for the
#: stem, few enough that case endings do not differ.
_STEM_LETTERS = 6


def _stem(text: str, t: Trigger) -> str:
    return text[t.start : min(t.end, t.start + _STEM_LETTERS)].lower()


def _join_anaphora(
    triggers: list[Trigger],
    events: list[EventFinding],
    owner: dict[int, EventFinding],
    frames: dict[int, str] | None = None,
    text: str = "",
) -> None:
    """Each anaphoric trigger joins the event named nearest in its sentence, else the one named
    last before it, else the one named just after it; with none, or with an ordinal of its own,
    it starts an event (which later anaphora may then join: it counts as named before them).

    ``frames`` are starts of anaphoric triggers that frame what their sentence tells («иш-
    чаралардын алкагында …», "within the events …"): the event they start is background, so
    later anaphora («Жыйынды …») speak of what happened inside it, not of the frame, unless they
    repeat the frame's own word («юбилейлик иш-чараларга» after «иш-чаралардын алкагында»)."""
    frames = frames or {}
    framing: list[Trigger] = []  # anaphora that started a framing event, in order
    # triggers come sorted by start: the specific ones in order, searched by bisection
    specific = [t for t in triggers if not t.anaphoric]
    starts = [x.start for x in specific]
    in_sentence: dict[int, list[Trigger]] = {}
    for x in specific:
        in_sentence.setdefault(x.sentence, []).append(x)
    founded: list[Trigger] = []  # anaphora that started an event, in order (all before later ones)
    for t in triggers:
        if not t.anaphoric:
            continue
        target: EventFinding | None = None
        if t.ordinal is None:  # "the second gathering" is an event of its own
            same = in_sentence.get(t.sentence, []) + [x for x in founded if x.sentence == t.sentence]
            repeated = [f for f in framing if f.sentence != t.sentence and frames[f.start] == _stem(text, t)]
            if same:
                target = owner[min(same, key=lambda x: abs(x.start - t.start)).start]
            elif repeated:
                target = owner[repeated[-1].start]
            elif founded:
                target = owner[founded[-1].start]
            else:
                i = bisect_left(starts, t.start)
                if i > 0:
                    target = owner[specific[i - 1].start]
                else:
                    nxt = bisect_right(starts, t.start)
                    if nxt < len(specific) and specific[nxt].sentence - t.sentence <= _ANAPHORA_AHEAD:
                        # "The event was held … The visit began": named just after
                        target = owner[specific[nxt].start]
        if target is None:
            target = next((ev for ev in events if ev.type == t.type and ev.slug == t.slug and ev.ordinal == t.ordinal), None)
            if target is None:
                target = EventFinding(t.type, t.slug, ordinal=t.ordinal)
                events.append(target)
            (framing if t.start in frames else founded).append(t)
            owner[t.start] = target
        target.triggers.append(t)


def _nearest(items: Sequence[HitLike], at: int) -> HitLike | None:
    return min(items, key=lambda h: (min(abs(h.start - at), abs(h.end - at)), h.start), default=None)


#: How many of an event's first sentences are read for its date: news date an event where they
#: first name it, and reading dates is the costliest step of the passes.
_DATE_SENTENCES = 3


def assign_dates(art: Article, events: list[EventFinding]) -> None:
    """The date in the sentence of an event mention (nearest to the trigger), else none."""
    for ev in events:
        first = ev.sentences[:_DATE_SENTENCES]
        for t in ev.triggers:
            if t.sentence not in first:
                continue
            inside = art.dates_in(t.sentence)
            if inside:
                d = min(inside, key=lambda d: abs(d.start - t.start))
                ev.date, ev.end_date = d.value, d.end_value
                break


def assign_places(art: Article, events: list[EventFinding], all_triggers: list[Trigger]) -> None:
    """Each city in a trigger sentence goes to the nearest trigger; a country right after it
    ("Buenos Aires (Argentina)") goes along."""
    owner: dict[int, EventFinding] = {id(t): ev for ev in events for t in ev.triggers}
    by_sentence: dict[int, list[Trigger]] = {}
    for t in all_triggers:
        by_sentence.setdefault(t.sentence, []).append(t)
    genitive_first = art.doc.lang in ("ky", "kk", "kk-Latn", "uz")
    for sentence, triggers in sorted(by_sentence.items()):
        hits = art.hits_by_sentence[sentence]
        for i, h in enumerate(hits):
            if h.type != "City":
                continue
            t = min(triggers, key=lambda t: (min(abs(t.start - h.end), abs(h.start - t.end)), t.start))
            ev = owner[id(t)]
            known = {iri for iri, _ in ev.locations}
            if ev.locations and ev.locations[0][1] != sentence and h.iri not in known:
                continue  # places come from the first sentence that names one (or its city again)
            if h.iri not in known:
                ev.locations.append((h.iri, sentence))
            country = _country_beside(art, hits, i, genitive_first)
            if country is not None and country.iri not in known:
                ev.locations.append((country.iri, sentence))


# A Kazakh or Kyrgyz genitive ending: «Индонезиянын Бали аралында», «Түркияның Анкара қаласында».
_GENITIVE_END_RE = re.compile(r"(?:[ндт][ыиуүі][нң]|[ndt][yıiuú][nńñ])$", re.IGNORECASE)


def _country_beside(art: Article, hits: Sequence[HitLike], i: int, genitive_first: bool) -> HitLike | None:
    """The country written with the city ``hits[i]``: right after it ("Buenos Aires (Argentina)",
    "Bali, Indonesia") or, in Kazakh and Kyrgyz, right before it in the genitive."""
    h = hits[i]
    for nxt in hits[i + 1 :]:
        if nxt.type == "Country" and nxt.start - h.end <= 3 and not art.is_nested(nxt):
            return nxt
    if genitive_first:
        for prev in reversed(hits[:i]):
            if prev.end <= h.start:
                if (
                    prev.type == "Country" and h.start - prev.end <= 1 and not art.is_nested(prev)
                    and _GENITIVE_END_RE.search(art.text, prev.start, prev.end)
                ):
                    return prev
                break
    return None


#: Words and characters an organiser may stand from its cue ("X КУ тарабынан өткөрүлдү",
#: "организована Верховным Судом", "Конституционным Судом … в Астане 7-8 сентября проведена").
_ORGANIZER_WORDS = 5
_ORGANIZER_GAP = 60
_CLAUSE_RE = re.compile(r"[,;:()]|\s[–—-]\s")


# A place named in the locative: Turkic case endings, a Russian or English preposition before it.
_TURKIC_LOCATIVE_RE = re.compile(r"(?:н?[дт][аеэ]|n?[dt][ae])$", re.IGNORECASE)
_PREPOSITION_RE = re.compile(r"(?:^|\s)(?:в|во|in)\s+$", re.IGNORECASE)


def is_locative(art: Article, h: HitLike) -> bool:
    if art.doc.lang in ("ky", "kk", "kk-Latn", "uz"):
        return bool(_TURKIC_LOCATIVE_RE.search(art.text[h.start : h.end]))
    return bool(_PREPOSITION_RE.search(art.text[max(0, h.start - 4) : h.start]))


def assign_country_places(art: Article, events: list[EventFinding]) -> None:
    """An event no city is given for takes the country it is said to happen in («Кыргызстанда
    конференция башталды», "a seminar in Kazakhstan"): a country in the locative in a sentence
    naming it, not part of an institution's name."""
    for ev in events:
        if ev.locations:
            continue
        for sentence in ev.sentences:
            hits = art.hits_by_sentence[sentence]
            found = [h for h in hits if h.type == "Country" and not art.is_nested(h) and is_locative(art, h)]
            if found:
                ev.locations.append((found[0].iri, sentence))
                break


#: Events that happen where the event beside them happens when no place of their own is given,
#: and how many sentences apart the two may be named: a visit is made to attend what is named
#: around it; a meeting only shares the place of an event named in its own sentence.
_SIDE_EVENT_DISTANCE = {"visit": 2, "meeting": 0}


def inherit_places(events: list[EventFinding]) -> None:
    """A visit or a meeting with no place stated takes the place of the event named nearest to it
    (see ``_SIDE_EVENT_DISTANCE``): "a visit to attend the conference in Dushanbe", "a meeting
    on the sidelines of the Istanbul summit"."""
    placed = [ev for ev in events if ev.locations]
    for ev in events:
        reach = _SIDE_EVENT_DISTANCE.get(ev.slug)
        if ev.locations or reach is None:
            continue
        best: tuple[int, int, EventFinding] | None = None
        for other in placed:
            if other is ev:
                continue
            gap = min(abs(a.sentence - b.sentence) for a in ev.triggers for b in other.triggers)
            if gap <= reach and (best is None or gap < best[0]):
                best = (gap, other.triggers[0].start, other)
        if best is not None:
            ev.locations.extend(best[2].locations)


def assign_organizers(
    art: Article, events: list[EventFinding], titles: frozenset[tuple[int, str]] = frozenset()
) -> None:
    """The institution next to an organiser cue (organised by, at the initiative of, «уюштурган»,
    «бастамасымен») in a sentence naming the event: within a few words of the cue, in the same
    clause, with no other institution between. A cue inside a name («Жарык шооласы» демилгеси)
    and institutions of a person's title do not count. Institutions coordinated with it ("X and
    Y organised", «X совместно с Y», «X Y менен бирдикте») organise too; a sentence that names no
    event and opens with a pronoun ("It was organised by …", «Его организовали …», «Оны …
    ұйымдастырды») speaks of the event named in the sentence before."""
    trigger_sentences = {t.sentence for ev in events for t in ev.triggers}
    for ev in events:
        sentences = list(ev.sentences)
        for sentence in ev.sentences:
            nxt = sentence + 1
            if nxt < len(art.sentences) and nxt not in trigger_sentences and _PRONOUN_START_RE.match(art.text, art.sentences[nxt][0]):
                sentences.append(nxt)
        for sentence in sentences:
            s, e = art.sentences[sentence]
            hits = art.hits_by_sentence[sentence]
            orgs = [h for h in art.maximal(hits) if h.type in ORG_TYPES and (sentence, h.iri) not in titles]
            best: tuple[int, HitLike] | None = None
            for cue in art.cues("organizer", s, e):
                if any(h.start <= cue.start < h.end for h in hits):
                    continue
                for h in orgs:
                    lo, hi = (h.end, cue.start) if h.end <= cue.start else (cue.end, h.start)
                    if hi < lo or hi - lo > _ORGANIZER_GAP or len(art.text[lo:hi].split()) > _ORGANIZER_WORDS:
                        continue
                    if _CLAUSE_RE.search(art.text, lo, hi) or any(
                        o is not h and lo <= o.start < hi for o in orgs
                    ):
                        continue
                    if best is None or hi - lo < best[0]:
                        best = (hi - lo, h)
                if best is not None:
                    break
            if best is not None:
                for h in _coordinated(art, orgs, best[1]):
                    ev.organizers.append((h.iri, sentence))
                break


# A sentence opening with a pronoun standing for what was named before: "It was organised by",
# «Его организовали», «Её провела», «Оны … ұйымдастырды», «Аны … уюштурду».
_PRONOUN_START_RE = re.compile(r"\W*(?:it|this|его|её|ее|оны|аны|ony|any)(?!\w)", re.IGNORECASE)
# Between two coordinated institutions: "X and Y", "X, Y", «X и Y», «X жана Y», «X мен Y».
_AND_RE = re.compile(r"\s*(?:,\s*)?(?:and(?: the)?|и|жана|жәна|және|мен|пен|бен|men|pen|ben|jáne|jäne)?\s*", re.IGNORECASE)
# After the first of two: "X jointly with Y", «X совместно с Y».
_WITH_RE = re.compile(r"\s*(?:(?:jointly |together )?with(?: the)?|совместно с|вместе с|совместно со)\s*", re.IGNORECASE)
# After the second, in Kazakh and Kyrgyz: «X Y менен бирдикте», «X Y-мен бірлесіп».
_WITH_AFTER_RE = re.compile(r"-?\s*(?:менен|мен|пен|бен|менен бирге|men|pen|ben)\s+(?:бирдикте|биргеликте|бирге|бірлесіп|бірге|birlesip|birge)(?!\w)", re.IGNORECASE)


def _coordinated(art: Article, orgs: list[HitLike], first: HitLike) -> list[HitLike]:
    """``first`` and the institutions written in one coordination with it, in text order."""
    from judikg.ingest.extract.relations import written_together

    text = art.text
    # (start, end, hit): a parent written as part of the name before it («Венецианская комиссия
    # Совета Европы») is no separate member of the list, it extends that name
    items: list[tuple[int, int, HitLike]] = []
    for h in sorted(orgs, key=lambda h: h.start):
        if items and h is not first and items[-1][2].parent == h.iri and written_together(text, items[-1][2], h):
            items[-1] = (items[-1][0], h.end, items[-1][2])
        else:
            items.append((h.start, h.end, h))
    k = next(i for i, it in enumerate(items) if it[2] is first)
    lo = hi = k
    while hi + 1 < len(items) and _coordination(text, items[hi][1], items[hi + 1][0], items[hi + 1][1]):
        hi += 1
    while lo > 0 and _coordination(text, items[lo - 1][1], items[lo][0], items[lo][1]):
        lo -= 1
    return [it[2] for it in items[lo : hi + 1]]


def _coordination(text: str, a_end: int, b_start: int, b_end: int) -> bool:
    """Two institutions, the first ending at ``a_end``, the second at ``b_start:b_end``, are
    written as one coordination."""
    gap = text[a_end:b_start]
    if _WITH_RE.fullmatch(gap):
        return True
    if gap.strip():
        return _AND_RE.fullmatch(gap) is not None
    return _WITH_AFTER_RE.match(text, b_end) is not None  # «X Y менен бирдикте»


def find_events(
    art: Article,
    triggers: list[Trigger] | None = None,
    titles: frozenset[tuple[int, str]] = frozenset(),
) -> list[EventFinding]:
    """Every event the article mentions, with its date, places, organisers and participants."""
    if triggers is None:
        triggers = find_triggers(art)
    if not triggers:
        return []
    events = _read_events(art, triggers, titles)
    named = _kinds_naming_bodies(art)
    if named:
        # words that stand for a body named with them are no event: read again without them,
        # so that anaphoric words they had gathered («жиынына») form their own event
        bodies = [ev for ev in events if _names_a_body(ev, named)]
        if any(t.anaphoric for ev in bodies for t in ev.triggers):
            body_words = {id(t) for ev in bodies for t in ev.triggers if not t.anaphoric}
            events = _read_events(art, [t for t in triggers if id(t) not in body_words], titles)
    return [ev for ev in events if _stated(art, ev) and not (named and _names_a_body(ev, named))]


def _read_events(art: Article, triggers: list[Trigger], titles: frozenset[tuple[int, str]]) -> list[EventFinding]:
    from judikg.ingest.extract.participants import assign_participants

    events = group_triggers(art, triggers)
    assign_dates(art, events)
    assign_places(art, events, triggers)
    assign_country_places(art, events)
    inherit_places(events)
    assign_organizers(art, events, titles)
    assign_participants(art, events, titles)
    return events


def _kinds_naming_bodies(art: Article) -> frozenset[str]:
    """Event kinds whose word is part of a body's name in this article ("World Conference on
    Constitutional Justice", «Түркі әлемінің … конференциясы»)."""
    out: set[str] = set()
    for h in art.hits:
        if h.type in _BODY_TYPES:
            out.update(c.slug for c in art.cues("events", h.start, h.end) if c.end <= h.end)
    return frozenset(out)


_BODY_TYPES = frozenset({"Association", "InternationalOrganization"})


def _names_a_body(ev: EventFinding, named: frozenset[str]) -> bool:
    """The event word alone stands for the body it is the head of ("the Conference adopted its
    statute", «члены конференции»): an event of that kind with neither a day nor an ordinal of
    its own is taken for the body."""
    return (
        ev.slug in named and not ev.ordinal and not (ev.date and len(ev.date) == 10)
        and not all(t.anaphoric for t in ev.triggers)
    )


def _stated(art: Article, ev: EventFinding) -> bool:
    """The article tells of this event, not of a kind of event ("to hold round tables every
    year", «жаңа форум қалыптастыру»): it has a date, a place, an actor or an ordinal, or a
    sentence naming it says that it took place, that someone took part in it, or that something
    happened within it or was signed there."""
    if ev.date or ev.locations or ev.organizers or ev.participants or ev.ordinal:
        return True
    occurred = cue_regex("events", "occurred_cues", art.lang)
    text = art.text
    for s in ev.sentences:
        start, end = art.sentences[s]
        if occurred is None or occurred.search(text, start, end):
            return True
        if any(art.cues(kind, start, end) for kind in _HAPPENED_KINDS):
            return True
    return False


#: Cue kinds that, in an event's sentence, say the event happened.
_HAPPENED_KINDS = ("participation", "framework", "signing")
