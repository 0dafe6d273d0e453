"""What every relation pass reads: the article, its recognised hits, sentences, and cue lexicons.

The relation passes (events, agreements, posts, relations) all look at the same things — which
hits sit in which sentence, which cue words occur where — so this module computes them once per
article in :class:`Article`, and compiles the lexicon files once per process.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from functools import partial as partial_function
from importlib import resources
from typing import Any, NamedTuple, Protocol

from judikg.errors import ReferenceDataError
from judikg.ingest.extract.tokens import Memo, Scan
from judikg.ingest.extract.tokens import scan as scan_tokens
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


def _ordered(patterns: Sequence[str]) -> list[str]:
    # Longest first so that "deputy chair" is tried before "chair" inside one alternation.
    return sorted(set(patterns), key=lambda p: (-len(p), p))


def _alternation(patterns: Sequence[str]) -> str:
    return "|".join(_ordered(patterns))


def _patterns(table: Mapping[str, Sequence[str]], lang: str) -> list[str]:
    # An unknown language uses every language's cues (language identification can fail, and cue
    # words rarely collide across scripts).
    return list(table.get(lang, ())) if lang in table else [p for ps in table.values() for p in ps]


@cache
def cue_regex(name: str, section: str, lang: str) -> re.Pattern[str] | None:
    """One compiled regex for the cue list ``section`` of lexicon ``name`` in ``lang`` (for
    callers outside an :class:`Article`; the passes read :meth:`Article.cues`)."""
    pats = _patterns(lexicon(name)[section], lang)
    if not pats:
        return None
    return re.compile(rf"(?<!\w)(?:{_alternation(pats)})(?!\w)", re.IGNORECASE)


#: What a cue scan runs where a cue may begin: (kind index, ``match`` of a regex holding only
#: those of the kind's patterns that may begin with the characters there), in kind order.
Plan = tuple[tuple[int, Callable[..., "re.Match[str] | None"]], ...]

#: Cue kinds every article is scanned for: kind name -> (lexicon, section, shape). ``typed``
#: sections are ``{"types": [{"type", "slug", "patterns"}]}`` (events, agreements), ``roles``
#: is the role list, ``ordinals`` the ordinal words, ``plain`` a per-language pattern list.
CUE_KINDS: dict[str, tuple[str, str | None, str]] = {
    "events": ("events", None, "typed"),
    "events.anaphora": ("events", "anaphora", "typed"),
    "events.verbs": ("events", "verbs", "typed"),
    "agreements": ("agreements", None, "typed"),
    "roles": ("roles", "roles", "roles"),
    "ordinals": ("events", "ordinal_words", "ordinals"),
    "organizer": ("events", "organizer_cues", "plain"),
    "participation": ("events", "participation_cues", "plain"),
    "invitation": ("events", "invitation_cues", "plain"),
    "framework": ("events", "framework_cues", "plain"),
    "support": ("events", "support_cues", "plain"),
    "member": ("roles", "member_cues", "plain"),
    "member_state": ("roles", "member_state_cues", "plain"),
    "signing": ("agreements", "signing_cues", "plain"),
    "between": ("agreements", "between_cues", "plain"),
}


@dataclass(frozen=True, slots=True)
class _Kind:
    """One cue kind of one language: its regex (anchored at a word start by the caller) and,
    per named group ``g0, g1 …``, the label and slug of the lexicon entry it stands for."""

    name: str
    regex: re.Pattern[str]
    entries: tuple[tuple[str, str], ...]
    by_group: Mapping[str, tuple[str, str]]  # "g0" -> entries[0] …


def _kind_entries(name: str, lang: str) -> list[tuple[str, str, list[str]]]:
    """(label, slug, patterns) per lexicon entry of a cue kind."""
    lex_name, section, shape = CUE_KINDS[name]
    data = lexicon(lex_name)
    if shape == "typed":
        types = data["types"] if section is None else data.get(section, {"types": []})["types"]
        return [(e["type"], e.get("slug", e["type"].lower()), _patterns(e["patterns"], lang)) for e in types]
    if shape == "roles":
        return [(e["role"], "", _patterns(e["patterns"], lang)) for e in data["roles"]]
    if shape == "ordinals":
        return [(n, "", list(pats)) for n, pats in data["ordinal_words"].items()]
    return [("", "", _patterns(data[section or ""], lang))]


#: How many leading characters of a cue the scanner looks up before the kind's own regex runs.
_PREFIX = 6


def _prefixes(items: list[Any], k: int = _PREFIX) -> set[str]:
    """Literal prefixes (at most ``k`` characters) one of which starts every match of the parsed
    pattern ``items``; ``""`` among them means "cannot tell" (any word start)."""
    from re import _constants as c  # type: ignore[attr-defined]

    if k == 0 or not items:
        return {""}
    op, av = items[0]
    rest = items[1:]
    if op is c.LITERAL:
        return {chr(av) + p for p in _prefixes(rest, k - 1)}
    if op is c.IN:
        chars: list[str] = []
        for iop, iav in av:
            if iop is c.LITERAL:
                chars.append(chr(iav))
            elif iop is c.RANGE and iav[1] - iav[0] < 16:
                chars.extend(chr(x) for x in range(iav[0], iav[1] + 1))
            else:
                return {""}
        tails = _prefixes(rest, k - 1)
        return {ch + p for ch in chars for p in tails}
    if op is c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            out |= _prefixes(list(branch) + rest, k)
        return out
    if op is c.SUBPATTERN:
        return _prefixes(list(av[3]) + rest, k)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        if av[0] >= 1:
            return _prefixes(list(av[2]), k)  # the prefix ends after one repetition
        if av[1] == 1:
            return _prefixes(list(av[2]) + rest, k) | _prefixes(rest, k)
        return {""}
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return _prefixes(rest, k)  # zero-width: what follows decides
    return {""}


#: A word's plan when the word alone cannot tell: it begins some cue prefix that runs on past
#: it ("4" of "4th", "board" of "board of"), so the text after it decides.
_AT_TEXT: Plan = ((-1, re.compile("(?!)").match),)
#: A word's plan when a combining mark inside it starts another word (see :meth:`CueScanner._starts`).
_MARKED: Plan = ((-2, re.compile("(?!)").match),)


@dataclass(frozen=True, slots=True)
class CueScanner:
    """Every cue kind of one language, found in one pass over the recogniser's tokens.

    At each word start the scanner needs the longest known prefix of a cue there (at most six
    characters folded by :func:`_caseless`, spaces and hyphens included). Each prefix has its plan,
    made once per process: the kinds having a lexicon pattern that may begin so, each with a regex
    of only those patterns, in lexicon order (the first to match wins, as in the kind's full regex, which tried
    hundreds of case-insensitive alternatives one by one). Within a kind, matches do not overlap
    (leftmost first), as ``finditer`` of that kind alone would give them.

    Which plan a word start gets is a function of the word alone unless the word is a proper
    beginning of some prefix, so it is memoised per word (``by_word``, a dict lookup on a string
    whose hash the tokeniser already computed); only such short words look at the text after
    them, the next six characters, memoised too ("of the", "the co"). A regex finder over the
    whole text, and a slice and set lookup per word, cost more.
    """

    kinds: tuple[_Kind, ...]
    longest: int  # length of the longest prefix (the window read after a word that begins one)
    any_prefix: Plan  # kinds whose cues start with no tellable letters: tried everywhere
    by_word: Memo[str, Plan | None]  # a token -> its plan, _AT_TEXT or None (no cue begins so)
    by_window: Memo[str, Plan | None]  # the text at a word start ("the co", "of the") -> its plan

    def scan(self, text: str, tokens: Scan | None = None) -> dict[str, list[Cue]]:
        """Cues per kind name; ``tokens`` is the text's token scan (made here when not given)."""
        kinds = self.kinds
        lists: list[list[Cue]] = [[] for _ in kinds]
        last_end = [0] * len(kinds)
        # per kind: the (label, slug) of each named group, or the only one when there is one
        single = [k.entries[0] if len(k.entries) == 1 else None for k in kinds]
        by_group = [k.by_group for k in kinds]
        make = tuple.__new__  # Cue(...) would add a Python call per cue
        if self.any_prefix:
            starts: Iterable[tuple[int, Plan]] = self._every_start(text)
        else:
            starts = self._starts(text, tokens if tokens is not None else scan_tokens(text))
        for pos, plan in starts:
            for i, match in plan:
                if pos < last_end[i]:
                    continue
                km = match(text, pos)
                if km is None:
                    continue
                end = km.end()
                entry = single[i] or by_group[i].get(km.lastgroup) or kinds[i].entries[_entry_index(km)]  # type: ignore[arg-type]
                lists[i].append(make(Cue, (pos, end, entry[0], entry[1])))
                last_end[i] = end
        return {k.name: found for k, found in zip(kinds, lists)}

    def _starts(self, text: str, tokens: Scan) -> list[tuple[int, Plan]]:
        """Word starts where some cue may begin, in order, with what to run there."""
        by_word, starts = self.by_word, tokens.starts
        out: list[tuple[int, Plan]] = []
        for i, word in enumerate(tokens.words):
            plan = by_word[word]
            if plan is None:
                continue
            at = starts[i]
            if plan is _MARKED:
                # a combining mark inside the token ("Ó" + U+0301 + "x"): for ``(?<!\w)`` a word
                # begins after it, while the token runs on across it
                for j in [0] + [m.end() for m in _AFTER_MARK_RE.finditer(word)]:
                    self._add(out, text, at + j, _AT_TEXT)
            else:
                self._add(out, text, at, plan)
        return out

    def _every_start(self, text: str) -> list[tuple[int, Plan]]:
        """Every word start, for when some kind's cues begin with no tellable letters: those kinds
        run everywhere, the others where their prefixes say."""
        longest, by_window, everywhere = self.longest, self.by_window, self.any_prefix
        out: list[tuple[int, Plan]] = []
        for m in _WORD_START_RE.finditer(text):
            at = m.start()
            found = by_window[text[at : at + longest]]
            out.append((at, everywhere if found is None else everywhere + found))  # kinds are disjoint
        return out

    def _add(self, out: list[tuple[int, Plan]], text: str, at: int, plan: Plan) -> None:
        """Append what to run at ``at`` unless ``at`` is inside a word."""
        if at > 0:
            before = text[at - 1]
            if before.isalnum() or before == "_":
                return  # inside a word ("2024ж", "a_b"): no cue begins there
        if plan is _AT_TEXT:
            found = self.by_window[text[at : at + self.longest]]
            if found is None:
                return
            plan = found
        out.append((at, plan))


def _longest_plan(by_prefix: dict[str, Plan], shortest: int, longest: int, low: str, at: int) -> Plan | None:
    """The plan of the longest prefix at ``low[at:]`` (lower-cased text), None without one."""
    for k in range(longest, shortest - 1, -1):
        plan = by_prefix.get(low[at : at + k])
        if plan is not None:
            return plan
    return None


def _window_plan(by_prefix: dict[str, Plan], shortest: int, longest: int, window: str) -> Plan | None:
    """The plan of the longest prefix beginning ``window``, the text at a word start."""
    return _longest_plan(by_prefix, shortest, longest, _caseless(window), 0)


def _word_plan(
    by_prefix: dict[str, Plan], partial: frozenset[str], shortest: int, longest: int, word: str
) -> Plan | None:
    """What to run where ``word`` begins a word (see :class:`CueScanner`)."""
    if _AFTER_MARK_RE.search(word) is not None:
        return _MARKED
    low = _caseless(word)
    if low in partial:
        return _AT_TEXT
    return _longest_plan(by_prefix, shortest, longest, low[:longest], 0)


_AFTER_MARK_RE = re.compile(r"[\u0300-\u036f](?=\w)")
_WORD_START_RE = re.compile(r"(?<!\w)\w")


def _entry_index(m: re.Match[str]) -> int:
    group = m.lastgroup
    if group is not None and group[0] == "g":
        return int(group[1:])
    # a lexicon pattern with a capturing group of its own hides which entry matched
    return next(int(name[1:]) for name, value in m.groupdict().items() if name[0] == "g" and value is not None)


@cache
def cue_scanner(lang: str) -> CueScanner:
    """The :class:`CueScanner` of a lexicon language (compiled once per process)."""
    from re import _parser as parser  # type: ignore[attr-defined]

    kinds: list[_Kind] = []
    #: per kind: its patterns (entry index, pattern) in the order its regex tries them, and each
    #: pattern's prefixes as case-insensitive matching compares them (:func:`_caseless`)
    items: list[list[tuple[int, str, frozenset[str]]]] = []
    by_prefix: dict[str, set[int]] = {}
    any_prefix: list[int] = []
    for name in CUE_KINDS:
        groups: list[str] = []
        entries: list[tuple[str, str]] = []
        prefixes: set[str] = set()
        kind_items: list[tuple[int, str, frozenset[str]]] = []
        for label, slug, pats in _kind_entries(name, lang):
            if not pats:
                continue
            ordered = _ordered(pats)
            groups.append(f"(?P<g{len(entries)}>{'|'.join(ordered)})")
            for pattern in ordered:
                own = _prefixes(list(parser.parse(pattern, re.IGNORECASE)))
                prefixes |= own
                kind_items.append((len(entries), pattern, frozenset(_caseless(p) for p in own)))
            entries.append((label, slug))
        if not groups:
            continue
        index = len(kinds)
        regex = re.compile(rf"(?:{'|'.join(groups)})(?!\w)", re.IGNORECASE)
        kinds.append(_Kind(name, regex, tuple(entries), {f"g{j}": e for j, e in enumerate(entries)}))
        items.append(kind_items)
        if "" in prefixes:
            any_prefix.append(index)
            continue
        # keyed as case-insensitive matching compares letters: "BAIANDAMA" must find the plan of
        # "baıand", which lower() alone would keep apart
        for p in {_caseless(p) for p in prefixes}:
            by_prefix.setdefault(p, set()).add(index)
    def plan(prefix: str) -> Plan:
        """Each kind having a prefix of ``prefix``, with a regex of its patterns that may begin so:
        those with a prefix that agrees with it as far as both go (a longer one may still match
        where case-insensitive letters differ after lowering, "ı" for "I")."""
        out = []
        here = prefix  # already caseless: by_prefix is keyed so
        for i in sorted({i for n in range(1, len(prefix) + 1) for i in by_prefix.get(prefix[:n], ())}):
            chosen = [
                (entry, pattern)
                for entry, pattern, ps in items[i]
                if any(here.startswith(p) or p.startswith(here) for p in ps)
            ]
            if chosen:
                out.append((i, _subset_regex(chosen)))
        return tuple(out)

    plans = {p: plan(p) for p in by_prefix}
    partial = frozenset(p[:j] for p in by_prefix for j in range(1, len(p)))
    shortest, longest = min(map(len, by_prefix), default=1), max(map(len, by_prefix), default=0)
    return CueScanner(
        kinds=tuple(kinds),
        longest=longest,
        any_prefix=tuple((i, kinds[i].regex.match) for i in any_prefix),
        by_word=Memo(partial_function(_word_plan, plans, partial, shortest, longest), 65_536),
        by_window=Memo(partial_function(_window_plan, plans, shortest, longest), 65_536),
    )


def _subset_regex(chosen: list[tuple[int, str]]) -> Callable[..., re.Match[str] | None]:
    """``match`` of a kind's regex cut down to the ``chosen`` (entry, pattern) pairs, in order."""
    groups: dict[int, list[str]] = {}
    for entry, pattern in chosen:
        groups.setdefault(entry, []).append(pattern)
    body = "|".join(f"(?P<g{entry}>{'|'.join(pats)})" for entry, pats in groups.items())
    return re.compile(rf"(?:{body})(?!\w)", re.IGNORECASE).match


def _caseless(text: str) -> str:
    """One letter for each class of letters case-insensitive matching treats as one ("ı", "I",
    "i", "İ" -> "i"; "ſ" -> "s"), so that prefixes compare as the regexes would; offsets kept."""
    if text.isascii():
        return text.lower()
    out = []
    for ch in text:
        folded = ch.upper().lower()
        out.append(folded if len(folded) == 1 else ch.lower()[:1])
    return "".join(out)


def lexicon_lang(lang: str) -> str:
    """The lexicon column for a document language (unknown ones use all columns)."""
    return lang if lang in LANGS else "*"


# ---------------------------------------------------------------- the article


class Cue(NamedTuple):
    """A cue word found in the text (a tuple: articles hold hundreds, built in the scan loop)."""

    start: int
    end: int
    label: str = ""  # type, role or ordinal value the cue stands for, when it has one
    slug: str = ""  # the type's slug, for event and agreement triggers


@dataclass(slots=True)
class Article:
    """One document with its hits sorted and placed in sentences, shared by all passes."""

    doc: Document
    hits: list[HitLike]
    sentences: list[tuple[int, int]]
    #: date mentions to use instead of reading them (``DateMention``-shaped), None to read them
    given_dates: Sequence[Any] | None = None
    #: the recogniser's token scan of the text, None to tokenise for the cue scan
    tokens: Scan | None = None
    lang: str = field(init=False)
    _starts: list[int] = field(init=False, repr=False)
    _hit_starts: list[int] = field(init=False, repr=False)
    hits_by_sentence: list[list[HitLike]] = field(init=False, repr=False)
    country_iris: dict[str, str] = field(init=False, repr=False)
    _nested: set[int] = field(init=False, repr=False)
    _cues: dict[str, list[Cue]] | None = field(init=False, repr=False, default=None)
    _cue_starts: dict[str, list[int]] = field(init=False, repr=False, default_factory=dict)
    _dates: dict[int, list[Any]] = field(init=False, repr=False, default_factory=dict)
    _by_sentence: dict[str, dict[int, list[Cue]]] = field(init=False, repr=False, default_factory=dict)
    _memo: dict[Hashable, Any] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.lang = lexicon_lang(self.doc.lang)
        self.hits = sorted(self.hits, key=lambda h: (h.start, -h.end, h.iri))
        if not self.sentences:
            self.sentences = [(0, len(self.doc.text))]
        self._starts = [s for s, _ in self.sentences]
        self._hit_starts = [h.start for h in self.hits]
        self.hits_by_sentence = [[] for _ in self.sentences]
        starts, n = self._starts, len(self.sentences)
        s = 0
        for h in self.hits:  # hits are sorted: walk the sentences along instead of a search per hit
            while s + 1 < n and starts[s + 1] <= h.start:
                s += 1
            self.hits_by_sentence[s].append(h)
        self.country_iris = {}
        for h in self.hits:
            if h.type == "Country" and h.country:
                self.country_iris.setdefault(h.country.upper(), h.iri)
        self._nested = _nested_ids(self.hits)

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
        i = bisect_left(self._hit_starts, start)
        out = []
        for h in self.hits[i:]:
            if h.start >= end:
                break
            if h.end <= end:
                out.append(h)
        return out

    def is_nested(self, hit: HitLike) -> bool:
        """True when ``hit`` lies inside a longer hit (a country inside 'Supreme Court of X')."""
        return id(hit) in self._nested

    def maximal(self, hits: Sequence[HitLike]) -> list[HitLike]:
        """The hits of the list not nested inside another hit (the most specific unit named)."""
        return [h for h in hits if id(h) not in self._nested]

    def memo(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """``compute()``, run on the first request for ``key`` in this article and kept: what a
        pass reads of a sentence once rather than per trigger (its years, say)."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = compute()
            return value

    def dates_in(self, sentence: int) -> list[Any]:
        """Date mentions of one sentence (``judikg.ingest.dates.DateMention``), read on first
        request: only sentences naming an event or agreement are asked for, which keeps the date
        reader off most of the article. Relative dates ("yesterday", «өткен аптада») resolve
        against the article's published date."""
        found = self._dates.get(sentence)
        if found is None:
            start, end = self.sentences[sentence]
            if self.given_dates is not None:
                found = [d for d in self.given_dates if start <= d.start < end]
            else:
                found = _read_dates(self.doc, start, end)
            self._dates[sentence] = found
        return found

    def cues_by_sentence(self, kind: str) -> dict[int, list[Cue]]:
        """Cues of one kind grouped by the sentence they start in (sentences without one absent)."""
        grouped = self._by_sentence.get(kind)
        if grouped is None:
            grouped = {}
            for c in self.cues(kind):
                grouped.setdefault(self.sentence_of(c.start), []).append(c)
            self._by_sentence[kind] = grouped
        return grouped

    def cues(self, kind: str, start: int = 0, end: int | None = None) -> list[Cue]:
        """Cues of one kind (a key of :data:`CUE_KINDS`) starting in ``[start, end)``; the whole
        article is scanned for every kind once, on the first call."""
        if self._cues is None:
            self._cues = cue_scanner(self.lang).scan(self.doc.text, self.tokens)
            self._cue_starts = {k: [c.start for c in cs] for k, cs in self._cues.items()}
        found = self._cues.get(kind)
        if not found:
            return []
        starts = self._cue_starts[kind]
        lo = bisect_left(starts, start) if start else 0
        hi = len(found) if end is None else bisect_left(starts, end, lo)
        return found[lo:hi]


def _read_dates(doc: Document, start: int, end: int) -> list[Any]:
    from judikg.ingest.dates import DateMention, find_dates

    found = find_dates(doc.text[start:end], doc.lang, doc.published)
    # built directly: dataclasses.replace costs more than reading the sentence's dates
    return [DateMention(d.start + start, d.end + start, d.value, d.end_value, d.precision) for d in found]


def _nested_ids(hits: Sequence[HitLike]) -> set[int]:
    """ids of the hits inside a longer hit; ``hits`` sorted by (start, -end). A hit is nested
    when an earlier hit (so starting no later) with another span reaches at least as far."""
    out: set[int] = set()
    reach = -1  # furthest end among hits before the current run of equal spans
    run_span: tuple[int, int] | None = None
    run_reach = -1
    for h in hits:
        span = (h.start, h.end)
        if span != run_span:
            reach = max(reach, run_reach)
            run_span, run_reach = span, h.end
        if reach >= h.end:
            out.add(id(h))
    return out


def maximal(hits: Sequence[HitLike]) -> list[HitLike]:
    """Hits not nested inside another hit of the list (the most specific unit named)."""
    return [h for h in hits if not is_nested(h, hits)]


def is_nested(hit: HitLike, hits: Sequence[HitLike]) -> bool:
    """True when ``hit`` lies inside a longer hit of ``hits`` (e.g. a country inside 'Supreme Court of X')."""
    return any(o is not hit and o.start <= hit.start and hit.end <= o.end and (o.end - o.start) > (hit.end - hit.start)
               for o in hits)
