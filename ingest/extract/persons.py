"""Person names: full names, initial(s) + surname, titles + name; inflected forms; coreference.

Names are found from general cues, never from a list of the people in the news: an initial
before a capitalised word (``А.Мерғалиев``, ``Э. Ж. Осконбаев``, ``L.Palma``), a run of
capitalised words holding a known given name, a given-name element (``-бек``, ``-баяр``), a
surname or patronymic suffix (``-ов``, ``-ева``, ``-ович``, ``-улы``), an East Asian surname
first (``Ким Жанг Вон``), or a title (``лорд``, ``Baroness``). The data lives in
``ingest/lexicon/names.json``. One IRI per person: ``person_iri(surname, given)`` keys the
surname with :func:`judikg.ingest.translit.name_key`, so transliterations meet, and a bare
surname or an initial form later in the article joins the full name with the same key.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from judikg.errors import ReferenceDataError
from judikg.ingest.extract.institutions import head_nouns
from judikg.ingest.extract.tokens import Memo, Scan, Token, fold, tokenize
from judikg.ingest.morphology import TURKIC, index_key, keys_memo, token_keys
from judikg.ingest.translit import name_key as _name_key


@lru_cache(maxsize=65536)
def name_key(word: str) -> str:
    return _name_key(word)


@dataclass(frozen=True, slots=True)
class NameData:
    given: frozenset[str]  # name keys
    given_elements: tuple[str, ...]  # folded endings
    surname_suffixes: tuple[str, ...]  # folded, longest first
    patronymic_suffixes: tuple[str, ...]
    particles: frozenset[str]
    east_asian: frozenset[str]
    titles: frozenset[str]
    not_names: frozenset[str]  # capitalised words that end a name run ("Park Hotel")
    name_heads: frozenset[str]  # keys of nouns that make a quoted name proper, any language (quotes mix scripts)
    strong_suffixes: tuple[str, ...]  # folded surname endings no common word shares, longest first
    acting_verbs: dict[str, tuple[str, ...]]  # language → regular expressions


@lru_cache(maxsize=1)
def name_data() -> NameData:
    try:
        raw = json.loads(resources.files("judikg.ingest").joinpath("lexicon/names.json").read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ReferenceDataError(f"ingest/lexicon/names.json cannot be read ({exc}): reinstall judikg or restore the file") from exc

    def folded(words: list[str]) -> tuple[str, ...]:
        return tuple(sorted({fold[w] for w in words}, key=lambda w: (-len(w), w)))

    return NameData(
        given=frozenset(name_key(w) for w in raw["given"]),
        given_elements=folded(raw["given_elements"]),
        surname_suffixes=folded(raw["surname_suffixes"]),
        patronymic_suffixes=folded(raw["patronymic_suffixes"]),
        particles=frozenset(fold[w] for w in raw["particles"]),
        east_asian=frozenset(name_key(w) for w in raw["east_asian_surnames"]),
        titles=frozenset(fold[w] for w in raw["titles"]),
        not_names=frozenset(fold[w] for w in raw.get("not_names", ())),
        name_heads=frozenset(
            key
            for lang, words in raw.get("name_heads", {}).items()
            if not lang.startswith("_")
            for w in words
            for key in (fold[w], index_key(fold[w], lang))
        ),
        strong_suffixes=folded(raw["strong_surname_suffixes"]),
        acting_verbs={lang: tuple(p) for lang, p in raw["acting_verbs"].items()},
    )


#: How a run of capitalised words is introduced: by nothing, by an honorific (``мырза``,
#: ``Dr``) that may precede a lone surname, or by a post title ("Chairman", «төрағасы») right
#: before it or after it behind a comma ("Anwar Usman, President of …"). A post title also
#: precedes institutions ("председатель Комиссии"), so it only vouches for two-word names or a
#: surname with a surname ending. ``CONTEXT_CUE``: a run no list vouches for, re-read because a
#: post title stands before it or a verb of acting next to it; two or three name-shaped words
#: there are a name even when no list knows them.
NO_CUE, TITLE_CUE, ROLE_CUE, CONTEXT_CUE = 0, 1, 2, 3


@lru_cache(maxsize=8)
def _role_regex(lang: str) -> re.Pattern[str]:
    """One word that is a post title in ``lang`` (the role lexicon's patterns, case-insensitive).
    A multi-word title ("chief justice") ends in a word that is itself a title."""
    from judikg.ingest.extract.evidence import lexicon

    pats: list[str] = []
    for entry in lexicon("roles")["roles"]:
        table = entry["patterns"]
        pats.extend(table.get(lang, ()) if lang in table else [x for ps in table.values() for x in ps])
    return re.compile("|".join(sorted(set(pats), key=lambda x: (-len(x), x))), re.IGNORECASE)


@lru_cache(maxsize=8)
def _role_words(lang: str) -> Memo[str, bool]:
    """Per language, whether a word as written is a post title (memo: articles repeat words)."""
    regex = _role_regex(lang)
    return Memo(lambda word: regex.fullmatch(word) is not None, 65_536)


def is_role_word(word: str, lang: str) -> bool:
    """``word`` (as written) is a post title in ``lang``: "President", «төрағасы», «председатель»."""
    return _role_words(lang)[word]


# After a name, what opens an apposition holding its title (spaces around it stripped):
# "Anwar Usman, President of …", "Фархад Абдуллаев – председатель …".
_APPOSITION_MARKS = frozenset({",", "(", "\u2013", "\u2014"})


@dataclass(slots=True, unsafe_hash=True, init=False)  # built per mention: see judikg.ingest.model
class PersonMention:
    first: int  # token span, end exclusive
    last: int
    start: int  # character span
    end: int
    surname: str  # the surname stem as written (uninflected when the ending was recognised)
    given: str | None  # given name or its initial
    full: str  # the name as a label ("Асламбек Мерғалиев")

    # __init__ written out (init=False): compiled, a dataclass keeps its generated, interpreted one
    def __init__(self, first: int, last: int, start: int, end: int, surname: str, given: str | None, full: str) -> None:
        self.first = first
        self.last = last
        self.start = start
        self.end = end
        self.surname = surname
        self.given = given
        self.full = full


def _is_given(key: str, data: NameData, lang: str = "") -> bool:
    return _is_given_key(key, lang)


@lru_cache(maxsize=65536)
def _is_given_key(key: str, lang: str) -> bool:
    data = name_data()
    # inflected given names too: "Кучкаром" (Russian instrumental), "Асламбектің"
    if any(name_key(k) in data.given for k in token_keys(key, lang)):
        return True
    return len(key) >= 5 and any(key.endswith(e) and len(key) > len(e) + 1 for e in data.given_elements)


def _suffix_stem(token: Token, lang: str, suffixes: tuple[str, ...]) -> str | None:
    """The form of ``token`` that ends in a name suffix, its case ending stripped (``Мерғалиевтің`` → ``мергалиев``)."""
    return _suffix_stem_key(token.key, lang, suffixes)


@lru_cache(maxsize=131072)
def _suffix_stem_key(token_key: str, lang: str, suffixes: tuple[str, ...]) -> str | None:
    keys = token_keys(token_key, lang)
    # stripped forms first: "Мерғалиевтің" ends in -ин as a whole, but its name is "Мерғалиев"
    for key in (*keys[1:], keys[0]):
        if len(key) >= 4 and any(key.endswith(s) and len(key) > len(s) + 1 for s in suffixes):
            return key
    return None


def _surname_form(token: Token, lang: str, data: NameData) -> str:
    """The written surname without its case ending, when the ending can be told."""
    stem = _suffix_stem(token, lang, data.surname_suffixes)
    if stem is None or stem == token.key:
        return token.text
    return token.text[: len(stem)] if fold[token.text[: len(stem)]] == stem else token.text


def find_persons(text: str, sc: Scan, blocked: Sequence[bool], lang: str) -> list[PersonMention]:
    """Person mentions; ``blocked[i]`` marks tokens already read as places or institutions.

    Every cue starts with a capital (an initial, a name, a title before a name), so only
    capitalised tokens are visited.
    """
    data = name_data()
    out: list[PersonMention] = []
    n = len(sc)
    words, folded, caps, starts, ends, joins = sc.words, sc.folded, sc.caps, sc.starts, sc.ends, sc.joins
    titles, particles = data.titles, data.particles
    # per-word shapes from a memo, combined with the blocked flags by C-level maps: most
    # capitalised tokens (sentence starts, places) are dismissed without a Python step
    # asked only next to a capitalised run: looked up there rather than mapped over every token
    role = _WordFlags(words, _role_words(lang))
    # Name-shaped words and initials are capitalised: only the capitalised tokens (a fifth of
    # an article's) are looked at, instead of maps over every token
    named = [False] * n
    initial_shaped = [False] * n
    starters: list[int] = []
    shape_of, initial_of = _shape_memo(lang), _INITIAL_SHAPED
    for i in range(n):
        if not caps[i]:
            continue
        word = words[i]
        shape = shape_of[word]
        # "Кеңесінің Төрағасы Қайрат", "Председатель Совета Кайрат Мами": a title or institution
        # word is no part of a name, unless a surname follows it (Kazakh given name Кеңес)
        named[i] = bool(shape) and not blocked[i] and (
            shape != _TITLED or (i + 1 < n and joins[i] and _surname_shaped(sc.token(i + 1), lang, data))
        )
        initial_shaped[i] = initial_of[word]
        if named[i] or initial_shaped[i]:
            starters.append(i)

    def initial_at(j: int) -> bool:
        return initial_shaped[j] and text[ends[j] : ends[j] + 1] == "."

    next_free = 0
    surnames: set[str] = set()  # name keys of the surnames read so far
    for i in starters:
        if i < next_free:
            continue
        # 1. initials: one or two single capitals each followed by "." then a capitalised word
        if initial_at(i):
            j = i
            while j < n and initial_at(j):
                between_next = text[ends[j] : starts[j + 1]] if j + 1 < n else ""
                if between_next not in (".", ". ", ".\u00a0"):
                    break
                j += 1
            if i < j <= i + 3 and j < n and named[j]:
                surname = sc.token(j)
                out.append(
                    PersonMention(i, j + 1, starts[i], ends[j], _surname_form(surname, lang, data), words[i], text[starts[i] : ends[j]])
                )
                next_free = j + 1
                continue
        # 2. runs of capitalised words (joined by spaces or hyphens)
        if not named[i]:
            continue
        j = i
        while j + 1 < n and joins[j] and j - i < 4 and (named[j + 1] or (folded[j + 1] in particles and not caps[j + 1])):
            j += 1
        while j > i and folded[j] in particles and not caps[j]:
            j -= 1
        if j + 1 < n and joins[j] and caps[j + 1] and folded[j + 1] in data.not_names:
            next_free = j + 2
            continue  # "Hanns Seidel Foundation", "Nelson Mandela University": an institution's name
        # list lookups first: most runs are sentence starts with no cue around them
        cue = NO_CUE
        if i > 0 and folded[i - 1] in titles:
            cue = TITLE_CUE
        elif i > 0 and role[i - 1] and text[ends[i - 1] : starts[i]] in _ROLE_GAPS:
            cue = ROLE_CUE
        elif i > 1 and blocked[i - 1] and _role_before_institution(sc, blocked, role, i):
            cue = ROLE_CUE
        elif j + 2 < n and (role[j + 1] or role[j + 2]) and _role_after(text, sc, role, j):
            cue = ROLE_CUE
        next_free = j + 1
        if j == i and not cue:
            continue  # one capitalised word without a title is no name (most are sentence starts)
        base = starts[i]
        relative = _RUNS[(text[base : ends[j]], cue, lang)]
        if relative is None and j - i < 4 and _acting_context(text, sc, i, j, lang):
            # a name no list knows, read from where it stands: after a post title ("төрағасы
            # Зүхтү Арслан"), or before a verb of acting ("Клер Бази Малори қатысты")
            if lang in ("ru", "en") and j - i == 2 and _sentence_start(text, starts[i]):
                base = starts[i + 1]  # "Today Gianni Buquicchio said": the first word is the sentence's
            relative = _RUNS[(text[base : ends[j]], CONTEXT_CUE, lang)]
            if relative is not None and name_key(relative.surname) in surnames and relative.given:
                # "Later Mahnke said": a surname the article already named, after a sentence's first word
                relative = None
                next_free = j
            elif relative is not None:
                i = bisect_left(starts, base)
        if relative is not None:
            surnames.add(name_key(relative.surname))
            mention = PersonMention(
                i + relative.first, i + relative.last, base + relative.start, base + relative.end, relative.surname, relative.given, relative.full
            )
            out.append(mention)
            next_free = mention.last
    return out


# Adjectives and relational forms that head geographic and institutional names after a post
# title ("Судьи Центральной Азии", «Борбордук Азия», "Judges of Southern …"): no given name has
# these endings unless the lexicon lists it (Юрий, Дмитрий are read as given names first).
_ADJECTIVAL_RE = re.compile(
    r"(?:ой|ый|ий|ая|ое|ого|ому|ых|ым|ую|ыми|ими|[лдт][ыіуү][кқ]\w*|[ldt][yıiuú][kq]\w*)$"
)


class _WordFlags:
    """``flags[k]``: a memoised predicate of token ``k``'s word, looked up when asked."""

    __slots__ = ("_words", "_memo")

    def __init__(self, words: Sequence[str], memo: Memo[str, bool]) -> None:
        self._words = words
        self._memo = memo

    def __getitem__(self, k: int) -> bool:
        return self._memo[self._words[k]]


def _role_before_institution(sc: Scan, blocked: Sequence[bool], role: _WordFlags, i: int) -> bool:
    """A post title, then the institution or country it is held in, then the name at token ``i``:
    «председатель Конституционного суда Индонезии Анвар Усман», "President of Indonesia Joko …"
    reads the same way in Russian and English word order. ``blocked`` tokens are the recognised
    institutions and places; at most eight of them, joined by spaces, may stand between.
    ``role[k]``: token ``k`` is a post title."""
    k, joins = i - 1, sc.joins
    while k >= 0 and blocked[k] and i - k <= 8 and joins[k]:
        k -= 1
    return 0 <= k < i - 1 and role[k] and joins[k]


#: What may stand between a post title and the name it introduces ("President Joko Widodo",
#: "its President, Kadir Özkaya").
_ROLE_GAPS = frozenset({" ", "\u00a0", ", "})


def _role_after(text: str, sc: Scan, role: _WordFlags, j: int) -> bool:
    """A post title follows token ``j`` in apposition: ", President of", ", Vice-President",
    "(председатель …)"; one word (an article, an adjective, "Vice") may come first. Token
    ``j + 2`` exists."""
    gap = text[sc.ends[j] : sc.starts[j + 1]]
    if gap.strip(" \t\u00a0") not in _APPOSITION_MARKS and gap != " - ":
        return False
    return role[j + 1] or (sc.joins[j + 1] and role[j + 2])


_DIGRAPH_INITIALS = frozenset({"Ch", "Sh", "Zh", "Kh", "Ts", "Yu", "Ya", "Ye", "Dj", "Dzh", "Sch"})


def _is_initial(word: str) -> bool:
    return (len(word) == 1 and word.isupper()) or word in _DIGRAPH_INITIALS


def _name_shaped(word: str) -> bool:
    """A word that may be part of a name: capitalised, not an abbreviation, not a title or a
    word that ends a name run ("Hotel")."""
    if len(word) < 2 or not word[0].isupper() or word[1].isupper():
        return False
    data = name_data()
    key = fold[word]
    return key not in data.titles and key not in data.not_names


_NAME_SHAPED: Memo[str, bool] = Memo(_name_shaped, 131_072)


@lru_cache(maxsize=1)
def _role_word() -> re.Pattern[str]:
    """One word that is a post title in any language (``Төрағасы``, ``Tóraǵasy``, ``Chairman``,
    ``Председателя``): the one-word patterns of ``lexicon/roles.json``."""
    from judikg.ingest.extract.evidence import lexicon as cue_lexicon

    patterns = sorted(
        {
            p
            for entry in cue_lexicon("roles")["roles"]
            for lang, pats in entry["patterns"].items()
            if not lang.startswith("_")
            for p in pats
            if " " not in p and "-" not in p
        }
    )
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_SLAVIC_SURNAME = ("ov", "ev", "ova", "eva")


def _title_word(word: str, lang: str) -> bool:
    """A post title or the noun of an institution name (in any of its inflected forms), and not
    a given name or a name particle."""
    data = name_data()
    key = fold[word]
    if key in data.particles or name_key(key) in data.given or key.endswith(_SLAVIC_SURNAME):
        return False  # Советов, Судова are surnames; a plural genitive (судов) is seldom capitalised
    if _IS_ROLE_WORD[word]:
        return True
    nouns = head_nouns()
    return any(k in nouns for k in token_keys(key, lang))


# A word's shape in a language: no name part, a name-shaped word, or a name-shaped title or
# institution word (a name part only before a surname).
_PLAIN, _NAMED, _TITLED = 0, 1, 2
_SHAPES: dict[str, Memo[str, int]] = {}


def _shape_memo(lang: str) -> Memo[str, int]:
    memo = _SHAPES.get(lang)
    if memo is None:

        def shape(word: str) -> int:
            if not _NAME_SHAPED[word]:
                return _PLAIN
            return _TITLED if _title_word(word, lang) else _NAMED

        memo = _SHAPES.setdefault(lang, Memo(shape, 131_072))
    return memo


def _strong_surname(token: Token, lang: str) -> bool:
    """The word ends in an unambiguous surname suffix, maybe under a case ending (``Әуезовпен``)."""
    return _suffix_stem_key(token.key, lang, name_data().strong_suffixes) is not None


_CASE_ENDINGS = (
    "ға", "ге", "қа", "ке", "га", "ка", "да", "де", "та", "те", "дан", "ден", "тан", "тен", "нан", "нен",
    "ның", "нің", "дың", "дің", "тың", "тің", "нын", "нин", "нун", "нүн", "дын", "дин", "дун", "дүн",
    "мен", "пен", "бен", "менен", "тын", "тин", "тун", "түн",
)


@lru_cache(maxsize=1)
def _case_endings() -> tuple[str, ...]:
    return tuple(sorted({fold[e] for e in _CASE_ENDINGS}))


def _case_marked(key: str, lang: str) -> bool:
    """A Kazakh or Kyrgyz word with a case ending of two letters or more (``Кездесуге``)."""
    return lang in TURKIC and len(key) > 5 and key.endswith(_case_endings())


# Adjective endings that no given name has: "Центральной Азии", "Орталық Азия" are places.
_ADJECTIVE_ENDINGS: dict[str, tuple[str, ...]] = {
    "ru": ("ой", "ый", "ая", "ое", "ые", "ых", "ого", "ему", "ому", "ыми", "ими", "ую", "ской", "ский"),
    "kk": ("лық", "лік", "дық", "тық"),
    "ky": ("лык", "лик", "дык", "тык"),
    "kk-Latn": ("lyq", "lik", "lık", "dyq", "tyq"),
}


def _adjective_shaped(word: str, lang: str) -> bool:
    return word.lower().endswith(_ADJECTIVE_ENDINGS.get(lang, ()))


def _acting_context(text: str, sc: Scan, first: int, last: int, lang: str) -> bool:
    """Tokens ``first..last`` stand after a post title ("төрағасы", "Chairman") or a verb of
    acting in Russian and English, or before a verb of acting ("қатысты", "signed", "отметил")."""
    if first > 0 and sc.joins[first - 1] and _IS_ROLE_WORD[sc.words[first - 1]]:
        return True
    verbs = _acting_memo(lang)
    # the verb after: one word or two ("қол қойды", "took part"), maybe behind a comma
    k = last + 1
    if k < len(sc) and text[sc.ends[last] : sc.starts[k]].strip() in ("", ","):
        if verbs[sc.words[k]] or (k + 1 < len(sc) and verbs[text[sc.starts[k] : sc.ends[k + 1]]]):
            return True
    if lang not in ("ru", "en") or first == 0:
        return False
    # the verb before (Russian, English): one word or two ("принял участие"), maybe then "by"
    k = first - 1
    if sc.words[k].lower() == "by" and k > 0:
        k -= 1
    if text[sc.ends[k] : sc.starts[first]].split() in ([], ["by"]):
        if verbs[sc.words[k]] or (k > 0 and verbs[text[sc.starts[k - 1] : sc.ends[k]]]):
            return True
    return False


_IS_ROLE_WORD: Memo[str, bool] = Memo(lambda word: _role_word().fullmatch(word) is not None, 65_536)
_ACTING: dict[str, Memo[str, bool]] = {}


def _acting_memo(lang: str) -> Memo[str, bool]:
    """Word (or two words) → whether it is a verb of acting in ``lang`` (every language's
    verbs for a language the lexicon lacks)."""
    memo = _ACTING.get(lang)
    if memo is None:
        table = name_data().acting_verbs
        verbs = table.get(lang) or [v for vs in table.values() for v in vs]
        pattern = re.compile("|".join(f"(?:{v})" for v in sorted(verbs, key=lambda p: (-len(p), p))), re.IGNORECASE)
        memo = _ACTING.setdefault(lang, Memo(lambda words: pattern.fullmatch(" ".join(words.split())) is not None, 65_536))
    return memo


def _sentence_start(text: str, at: int) -> bool:
    before = text[max(0, at - 4) : at].rstrip(" \t\u00a0«\"“„(")
    return not before or before[-1] in ".!?\n:;"


def _surname_shaped(token: Token, lang: str, data: NameData) -> bool:
    return token.capitalised and not token.upper and _suffix_stem(token, lang, data.surname_suffixes) is not None


def _read_run_text(key: tuple[str, int, str]) -> PersonMention | None:
    """:func:`_read_run` over a run given as its own text (offsets relative to it): the reading
    depends only on the run's words, what separates them, a title before and the language, so
    runs met before (names, capitalised phrases) are answered from a memo."""
    run_text, cue, lang = key
    tokens = tokenize(run_text)
    return _read_run(run_text, 0, tokens, lang, name_data(), cue)


_RUNS: Memo[tuple[str, int, str], PersonMention | None] = Memo(_read_run_text, 65_536)
_INITIAL_SHAPED: Memo[str, bool] = Memo(_is_initial, 131_072)


def _read_run(text: str, first: int, words: list[Token], lang: str, data: NameData, cue_kind: int) -> PersonMention | None:
    """A person in a run of consecutive capitalised tokens starting at token ``first``, or None.
    ``cue_kind`` says what introduces the run (``NO_CUE``, ``TITLE_CUE``, ``ROLE_CUE``,
    ``CONTEXT_CUE``)."""
    run = list(range(first, first + len(words)))
    # hyphenated given names ("Қасым-Жомарт") count as one word
    groups: list[list[Token]] = []
    for k, w in zip(run, words):
        if groups and text[groups[-1][-1].end : w.start] == "-":
            groups[-1].append(w)
        else:
            groups.append([w])
    # a capitalised post title in the run ("Chairman Emil …", "Chief Justice Bayasgalan …",
    # «Соттың Төрағасы Зүхтү Арслан») introduces the name: it and what precedes it (the
    # institution in Kazakh and Kyrgyz word order) are no part of the name
    roles = [idx for idx, g in enumerate(groups[:-1]) if _role_regex(lang).fullmatch(text[g[0].start : g[-1].end])]
    if roles:
        cut = roles[-1] + 1
        run = run[sum(len(g) for g in groups[:cut]) :]
        groups = groups[cut:]
        cue_kind = ROLE_CUE
    while len(groups) > 1 and _role_regex(lang).fullmatch(text[groups[-1][0].start : groups[-1][-1].end]):
        groups = groups[:-1]  # "… Aroha Tamihana Chairman": a title closes the name
    if len(groups) > 4:
        groups = groups[:4]
    # leading words that are no part of the name ("Төрағалары Асламбек Мерғалиев", "Chairman …"):
    # dropped while a given name follows
    def plain(g: list[Token]) -> bool:
        return not (
            _is_given(g[0].key, data, lang)
            or _suffix_stem(g[-1], lang, data.surname_suffixes)
            or _suffix_stem(g[-1], lang, data.patronymic_suffixes)
            or name_key(g[0].key) in data.east_asian
        )

    def cue(g: list[Token]) -> bool:
        return _is_given(g[0].key, data, lang) or name_key(g[0].key) in data.east_asian or _strong_surname(g[-1], lang)

    # a sentence-initial word with a case ending ("Кездесуге", "Kezdesýge") is no name part in
    # Kazakh or Kyrgyz: only the last word of a name takes the case
    while len(groups) > 2 and (plain(groups[0]) or _case_marked(groups[0][-1].key, lang)) and any(cue(g) for g in groups[1:]):
        run = run[len(groups[0]) :]
        groups = groups[1:]
        # a name read from its context keeps that context: the word dropped was the sentence's
        cue_kind = CONTEXT_CUE if cue_kind == CONTEXT_CUE else NO_CUE
    title_before = cue_kind in (TITLE_CUE, ROLE_CUE)
    if cue_kind == CONTEXT_CUE:
        while len(groups) > 2 and _case_marked(groups[0][-1].key, lang):
            run = run[len(groups[0]) :]
            groups = groups[1:]
    keys = [g[0].key for g in groups]
    patron = [idx for idx, g in enumerate(groups) if _suffix_stem(g[-1], lang, data.patronymic_suffixes)]
    given = [idx for idx, g in enumerate(groups) if _is_given(g[0].key, data, lang)]
    sur = [
        idx
        for idx, g in enumerate(groups)
        if idx not in patron and _suffix_stem(g[-1], lang, data.surname_suffixes)
    ]
    if cue_kind == ROLE_CUE and not given and not patron and name_key(keys[0]) not in data.east_asian:
        if any(_ADJECTIVAL_RE.search(g[-1].text.lower()) for idx, g in enumerate(groups) if idx not in sur):
            return None
    if len(groups) == 1:
        if not title_before or len(groups[0][0].key) < 3:
            return None
        if cue_kind == ROLE_CUE and not (sur or patron):
            return None  # "председатель Комиссии": a post title also heads institutions
        g = groups[0]
        return PersonMention(run[0], run[0] + len(g), g[0].start, g[-1].end, _surname_form(g[-1], lang, data), None, text[g[0].start : g[-1].end])
    # a surname-looking ending alone is not enough: Kazakh and Kyrgyz genitives end in -ын/-ин
    # too; an unambiguous one (-ов, -ева, -ұлы) after a name-shaped word is: "Мирсаид Әуезов"
    strong = len(groups) <= 3 and any(idx > 0 and _strong_surname(groups[idx][-1], lang) for idx in sur)
    loose = cue_kind == CONTEXT_CUE and 2 <= len(groups) <= 3 and not _adjective_shaped(groups[0][-1].text, lang)
    if not (given or patron or title_before or strong or loose or name_key(keys[0]) in data.east_asian):
        return None
    if (strong or loose) and not (given or patron or title_before):
        title_before = True  # the checks below ask for a cue; this run has one
    if not given and not patron and not title_before and name_key(keys[0]) not in data.east_asian and len(sur) < 1:
        return None
    if not given and not patron and not title_before and name_key(keys[0]) not in data.east_asian:
        # a surname-looking word alone next to capitalised words ("Президентов Совет") is weak:
        # require the other word to look like a given name by its shape (not a place or title)
        if len(groups) > 3:
            return None
    # surname: the word with a surname suffix; East Asian order puts it first; else the last word
    if sur == [0] and len(groups) == 2 and not given and not patron and keys[0].endswith(("in", "ina", "yn", "yna")):
        # -ин/-ина also ends given names (Марина, Катарина, Кристина): with no other clue the
        # name is in Western order, given name first
        sur = []
    if loose and not (given or patron or strong) and name_key(keys[0]) not in data.east_asian:
        # read from context alone: given name(s) first, as the press writes foreign names
        # ("Катаржина Вавернья": -ина is a first name here, not a surname)
        surname_group = groups[-1]
        given_group: list[Token] | None = groups[0]
    elif name_key(keys[0]) in data.east_asian and not sur:
        surname_group = groups[0]
        given_group = groups[1] if len(groups) > 1 else None
    elif sur:
        surname_group = groups[sur[0]]
        rest = [g for idx, g in enumerate(groups) if idx != sur[0] and idx not in patron]
        given_group = rest[0] if rest else None
    else:
        surname_group = groups[-1] if not patron else groups[0]
        rest = [g for g in groups if g is not surname_group and groups.index(g) not in patron]
        given_group = rest[0] if rest else None
    last_group = groups[-1]
    return PersonMention(
        run[0],
        run[0] + sum(len(g) for g in groups),
        groups[0][0].start,
        last_group[-1].end,
        _surname_form(surname_group[-1], lang, data) if len(surname_group) == 1 else text[surname_group[0].start : surname_group[-1].end],
        given_group[0].text if given_group else None,
        text[groups[0][0].start : last_group[-1].end],
    )


def bare_surnames(
    sc: Scan, blocked: Sequence[bool], known: dict[str, tuple[str, str | None, str]], lang: str
) -> list[tuple[int, str]]:
    """Later single-word mentions (``Mahnke``, ``Мерғалиевтің``) of surnames the article already named:
    ``(token index, surname key)``. ``known`` maps a surname key to (surname, given, label)."""
    out: list[tuple[int, str]] = []
    if not known:
        return out
    keys_of = keys_memo(lang)
    folded, ups = sc.folded, sc.ups
    caps = sc.caps
    for i in range(len(sc)):
        if not caps[i] or blocked[i] or ups[i] or len(folded[i]) < 4:
            continue
        for key in keys_of[folded[i]]:
            nk = name_key(key)
            if nk in known:
                out.append((i, nk))
                break
    return out
