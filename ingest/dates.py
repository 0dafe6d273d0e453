"""Dates in Kyrgyz, Kazakh (Cyrillic and both Latin alphabets), Russian, Uzbek and English text.

General date libraries miss most Turkic forms (``2024-жылдын 27-майында``, ``25-27 qazanda``) and
invent dates from durations (``2 мин``, ``2,5 жыл``). Here every date mention needs a month name
next to a number, a numeric date, or a four-digit year marked as a year (``2014-жылы``,
``в 2014 году``, ``in 2016``); relative words (``кечээ``, ``last week``) count only when the caller
gives a reference date. Matching runs on a length-preserving fold of the text (lower case,
Kazakh Latin letters without diacritics), so offsets are offsets into the caller's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from functools import cache, lru_cache

__all__ = ["DateMention", "find_dates", "parse_date"]


@dataclass(slots=True, unsafe_hash=True)  # built per mention: see judikg.ingest.model
class DateMention:
    """``text[start:end]`` names ``value`` (ISO, reduced precision allowed), up to ``end_value``."""

    start: int
    end: int
    value: str
    end_value: str | None
    precision: str  # "day", "month" or "year"


# ---------------------------------------------------------------- folding

_FOLD_MAP: dict[str, str] = {
    "á": "a", "ǵ": "g", "ń": "n", "ó": "o", "ú": "u", "ý": "y", "ı": "i",
    "ä": "a", "ğ": "g", "ñ": "n", "ş": "s", "ö": "o", "ü": "u", "ç": "c", "é": "e",
    "ё": "е", "–": "-", "—": "-", "‑": "-", "‒": "-", "ʻ": "'", "’": "'", "`": "'",
}  # fmt: skip
_FOLD_TABLE = str.maketrans(_FOLD_MAP)
# str.translate looks every character up in a dict (slow on non-ASCII text); most sentences
# hold none of these characters, and the regex skips to the few that are there.
_FOLD_CHARS = re.compile("[" + re.escape("".join(_FOLD_MAP)) + "]")


def _fold_char(m: re.Match[str]) -> str:
    return _FOLD_MAP[m.group()]


def _fold(text: str) -> str:
    """Lower-case and strip Latin diacritics, one character for one (offsets survive)."""
    low = text.lower()
    if len(low) != len(text):  # a letter such as «İ» lower-cases to two characters: keep it as is
        low = "".join([c if len(lc := c.lower()) != 1 else lc for c in text])
    return _FOLD_CHARS.sub(_fold_char, low)


# ---------------------------------------------------------------- month names

_TURKIC_CYR_SUFFIX = (
    r"(?:[ыіиуү]?н?(?:да|де|та|те|дан|ден|тан|тен|нан|нен|ға|ге|қа|ке|га|ка|на|не|"
    r"дың|дің|тың|тің|ның|нің|дын|дин|дун|дүн|тын|тин|тун|түн|нын|нин|нун|нүн|"
    r"дагы|дағы|дегі|тағы|тегі|даги)|[ыіиуү])?"
)
_TURKIC_LAT_SUFFIX = r"(?:[yiu]?n?(?:da|de|ta|te|dan|den|tan|ten|nan|nen|ga|ge|qa|ke|na|ne|dyn|din|tyn|tin|nyn|nin)|[yi])?"
_RU_ENDING = r"(?:[ьйяеюау]|ём|ем|ом)?"

# Per month: (Russian-derived Cyrillic stem, Kazakh Cyrillic, Kyrgyz native, Turkic Latin, English).
_MONTHS: dict[int, tuple[str, str, str, str, str]] = {
    1: ("январ", "қаңтар", "үчтүн\\s+айы", "qantar|yanvar", "january|jan"),
    2: ("феврал", "ақпан", "бирдин\\s+айы", "aqpan|fevral", "february|feb"),
    3: ("март", "наурыз", "жалган\\s+куран", "na[uy]ryz|mart", "march|mar"),
    4: ("апрел", "сәуір", "чын\\s+куран", "sa[uy]ir|aprel", "april|apr"),
    5: ("ма(?=[йяею])", "мамыр", "бугу", "mamyr|may", "may"),
    6: ("июн", "маусым", "кулжа", "ma[uy]sym|iyun", "june|jun"),
    7: ("июл", "шілде", "теке", "shilde|hilde|silde|iyul", "july|jul"),
    8: ("август", "тамыз", "баш\\s+оона", "tamyz|avgust", "august|aug"),
    9: ("сентябр", "қыркүйек", "аяк\\s+оона", "qyrku[iy]?ek|senty?abr", "september|sept|sep"),
    10: ("октябр", "қазан", "тогуздун\\s+айы", "qazan|okty?abr", "october|oct"),
    11: ("ноябр", "қараша", "жетинин\\s+айы", "qara(?:sh|s)a|noyabr", "november|nov"),
    12: ("декабр", "желтоқсан", "бештин\\s+айы", "jeltoqsan|dekabr", "december|dec"),
}


def _month_pattern(month: int) -> str:
    ru, kk, ky, turkic_latin, en = _MONTHS[month]
    return (
        f"(?:{ru}){_RU_ENDING}{_TURKIC_CYR_SUFFIX}"
        f"|(?:{kk}|{ky}){_TURKIC_CYR_SUFFIX}"
        f"|(?:{turkic_latin}){_TURKIC_LAT_SUFFIX}"
        f"|(?:{en})\\.?"
    )


_NOT_LETTER_BEFORE = r"(?<![^\W\d_])"
_NOT_LETTER_AFTER = r"(?![^\W\d_])"
_MONTH_RES: dict[int, re.Pattern[str]] = {}


@lru_cache(maxsize=4096)
def _month_of(token: str) -> int:
    if not _MONTH_RES:
        for month in _MONTHS:
            _MONTH_RES[month] = re.compile(_month_pattern(month))
    for month, pattern in _MONTH_RES.items():
        if pattern.fullmatch(token):
            return month
    raise ValueError(token)  # unreachable: the token was matched by the union of these


MON = (
    f"{_NOT_LETTER_BEFORE}(?P<mon>"
    + "|".join(f"(?:{_month_pattern(m)})" for m in _MONTHS)
    + f"){_NOT_LETTER_AFTER}"
)
YEAR = r"(?<![\d.,])(?P<year>(?:19|20)\d\d)(?![\d])"
# «2024-жылдын», «2023 жылғы», «2015 jyldan», «2014 года», «2014 г.», «2022 ж.»
YEAR_SUFFIX = (
    r"(?P<ysuf>\s*-?\s*(?:жыл[а-яәғқңөұүһі]*|jyl[a-z]*|ж\.|j\.|год[а-я]*|гг?\.|yil[a-z]*|йил[а-яўқғҳ]*)"
    r"(?![^\W\d_]))?"
)
DAY = r"(?<![\d.,:/])(?P<day>[0-3]?\d)(?![\d.,:/]\d)"
DAY_SUFFIX = r"(?:-?(?:го|ое|ого|ші|шы|чи|нчи|st|nd|rd|th)(?![^\W\d_]))?"
RANGE = r"(?:(?:\s*-\s*|\s+(?:по|to|until|till|through|and|и)\s+)(?P<day2>[0-3]?\d)(?!\d)" + DAY_SUFFIX + r")?"
DAY_MONTH_SEP = r"\s*-?\s*"

_PATTERNS: tuple[tuple[str, str], ...] = (
    ("ydm", YEAR + YEAR_SUFFIX + r"\s*,?\s*" + DAY + DAY_SUFFIX + RANGE + DAY_MONTH_SEP + MON),
    ("dmy", DAY + DAY_SUFFIX + RANGE + DAY_MONTH_SEP + MON + r"\s*,?\s*" + YEAR + YEAR_SUFFIX),
    ("mdy", MON + r"\s*" + DAY + DAY_SUFFIX + RANGE + r"\s*,?\s*" + YEAR + YEAR_SUFFIX),
    ("ym", YEAR + YEAR_SUFFIX + r"\s*,?\s*" + MON),
    ("my", MON + r"\s*,?\s*" + YEAR + YEAR_SUFFIX),
    ("md", MON + r"\s+" + DAY + DAY_SUFFIX + RANGE),
    ("dm", DAY + DAY_SUFFIX + RANGE + DAY_MONTH_SEP + MON),
    ("num_dmy", r"(?<![\d.,/])(?P<day>\d{1,2})(?P<sep>[./])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4}|\d\d)(?![\d]|[./]\d)"),
    ("num_ymd", r"(?<![\d.,/])(?P<year>(?:19|20)\d\d)(?P<sep>[-./])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?![\d]|[./]\d)"),
    ("y_marked", YEAR + YEAR_SUFFIX),
    ("y_prep", r"(?<![^\W\d_])(?:in|since|from|until|by|в|во|с|со|до|к)\s+" + YEAR + r"(?!\s*-\s*\d)"),
)

_RELATIVE: tuple[tuple[str, str], ...] = (
    ("these_days", r"these days|на днях|в эти дни|күні кеше|kuni keshe|жуырда|juyrda|жакында|shu kunlarda"),
    ("yesterday", r"yesterday|вчера|кеше|кечээ|keshe|kecha|кеча"),
    ("today", r"today|сегодня|бүгүн|бүгін|bugin|bugun|бугун"),
    ("tomorrow", r"tomorrow|завтра|ертең|эртең|erten|ertaga"),
    ("last_week", r"last week|на прошлой неделе|өткен аптада|өткөн аптада|өткөн жумада|otken aptada|o'tgan haftada"),
    ("this_year", r"this year|в этом году|в текущем году|биыл|быйыл|biyl|bu yil"),
    ("last_year", r"last year|в прошлом году|былтыр|өткен жылы|өткөн жылы|otken jyly|o'tgan yili"),
)

# ---------------------------------------------------------------- fast scanning
#
# Running the eighteen patterns over every sentence cost ~0.5 ms a call. Every pattern either
# starts at a digit that follows no digit (the numeric, day and year patterns) or at a month name
# (``mdy``, ``my``, ``md``), or is rare enough to be gated by a cheap necessary condition
# (``y_prep``, the relative words). So each call finds those start positions once and tries a
# pattern only there with ``Pattern.match`` — the same matches ``finditer`` would give, as a
# match can begin nowhere else — and skips a pattern whose necessary parts are absent.

_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
_NUMERIC_DATE = re.compile(r"\d[./]\d{1,2}[./]\d")
_YEAR_AFTER_PREPOSITION = re.compile(r"(?:in|since|from|until|by|в|во|с|со|до|к)\s+(?:19|20)\d\d")

_RELATIVE_KINDS = frozenset(name for name, _ in _RELATIVE)
_STARTS_AT = {"mdy": "month", "my": "month", "md": "month", "y_prep": "any"}
_NEEDS_MONTH = frozenset({"ydm", "dmy", "mdy", "ym", "my", "md", "dm"})
_NEEDS_YEAR = frozenset({"ydm", "dmy", "mdy", "ym", "my", "num_ymd", "y_marked", "y_prep"})


@dataclass(frozen=True, slots=True)
class _Rule:
    kind: str
    pattern: re.Pattern[str]
    starts_at: str  # "digit": a digit after a non-digit, "month": a month mention, "any": scan
    needs_month: bool
    needs_year: bool


@dataclass(frozen=True, slots=True)
class _Tables:
    rules: tuple[_Rule, ...]
    relative: tuple[tuple[str, re.Pattern[str]], ...]
    month_name: re.Pattern[str]  # where a month name (no case ending) starts
    month_start: re.Pattern[str]  # ``MON``: a month mention with its boundary and ending
    relative_word: re.Pattern[str]  # where a relative word starts
    relative_start: re.Pattern[str]  # a relative word with its boundaries


def _top_level_alternatives(pattern: str) -> list[str]:
    """``a|b(?:c|d)`` → ``["a", "b(?:c|d)"]``."""
    parts: list[str] = []
    current: list[str] = []
    depth, escaped = 0, False
    for c in pattern:
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(c)
    parts.append("".join(current))
    return parts


def _first_letter_trie(alternatives: list[str]) -> str:
    """One alternation grouped by first letter: the regex engine then tries a handful of branches
    at a letter instead of all ninety month names (eight times faster on a sentence)."""
    by_first: dict[str, list[str]] = {}
    for alternative in alternatives:
        if not alternative[:1].isalpha():
            raise ValueError(f"month name {alternative!r} must start with a literal letter")
        by_first.setdefault(alternative[0], []).append(alternative[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in by_first.items())


@cache
def _tables() -> _Tables:
    names = [alt for month in _MONTHS.values() for name in month for alt in _top_level_alternatives(name)]
    return _Tables(
        rules=tuple(
            _Rule(name, re.compile(pattern), _STARTS_AT.get(name, "digit"), name in _NEEDS_MONTH, name in _NEEDS_YEAR)
            for name, pattern in _PATTERNS
        ),
        relative=tuple(
            (name, re.compile(_NOT_LETTER_BEFORE + f"(?:{pattern})" + _NOT_LETTER_AFTER)) for name, pattern in _RELATIVE
        ),
        month_name=re.compile(_first_letter_trie(names)),
        month_start=re.compile(MON),
        relative_word=re.compile(_first_letter_trie([alt for _, p in _RELATIVE for alt in p.split("|")])),
        relative_start=re.compile(
            _NOT_LETTER_BEFORE + "(?:" + "|".join(p for _, p in _RELATIVE) + ")" + _NOT_LETTER_AFTER
        ),
    )


def _starts(folded: str, names: re.Pattern[str], full: re.Pattern[str]) -> list[int]:
    """Offsets where ``full`` matches, given that each of its matches begins with ``names``."""
    starts: list[int] = []
    pos = 0
    # search again one past each hit, not past its end: names may overlap («маусым» holds «ма»)
    while (hit := names.search(folded, pos)) is not None:
        at = hit.start()
        if full.match(folded, at):
            starts.append(at)
        pos = at + 1
    return starts


def _matches_at(pattern: re.Pattern[str], folded: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(folded)`` for a pattern whose matches can only begin at ``starts``."""
    end = 0
    for at in starts:
        if at < end:
            continue
        m = pattern.match(folded, at)
        if m is not None:
            yield m
            end = m.end()


# ---------------------------------------------------------------- values


def _valid(year: int, month: int, day: int | None = None) -> bool:
    if not 1900 <= year <= 2100 or not 1 <= month <= 12:
        return False
    if day is None:
        return True
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _two_digit_year(yy: str) -> int:
    value = int(yy)
    return value if len(yy) == 4 else (2000 + value if value < 70 else 1900 + value)


@dataclass(slots=True, unsafe_hash=True)  # built per mention: see judikg.ingest.model
class _Candidate:
    start: int
    end: int
    year: int | None  # None: to be taken from context or the reference date
    month: int | None
    day: int | None
    day2: int | None
    precision: str


_ENGLISH_MONTH = re.compile("|".join(f"(?:{names[4]})\\.?" for names in _MONTHS.values()))


def _lowercase_english_month(m: re.Match[str], text: str, lang: str | None) -> bool:
    """English months are capitalised; «Article 15 may apply» names no date."""
    original = text[m.start("mon") : m.end("mon")]
    return original[:1].islower() and bool(_ENGLISH_MONTH.fullmatch(m["mon"])) and lang not in ("uz", "kk-Latn")


def _candidate(kind: str, m: re.Match[str], text: str, lang: str | None) -> _Candidate | None:
    groups = m.groupdict()
    start, end = m.span()
    if kind in ("y_marked", "y_prep"):
        if kind == "y_marked" and not groups.get("ysuf"):
            return None
        if kind == "y_prep":
            start = m.start("year")
        return _Candidate(start, end, int(groups["year"]), None, None, None, "year")
    if kind.startswith("num_"):
        day, month = int(groups["day"]), int(groups["month"])
        if kind == "num_dmy" and groups["sep"] == "/" and month > 12 and day <= 12 and lang == "en":
            day, month = month, day  # US order, only where it is the only reading
        return _Candidate(start, end, _two_digit_year(groups["year"]), month, day, None, "day")
    if _lowercase_english_month(m, text, lang):
        return None
    month = _month_of(groups["mon"])
    year = int(groups["year"]) if groups.get("year") else None
    if kind in ("ym", "my"):
        if kind == "ym" and not groups.get("ysuf"):
            return None
        return _Candidate(start, end, year, month, None, None, "month")
    day = int(groups["day"])
    day2 = int(groups["day2"]) if groups.get("day2") else None
    if day2 is not None and day2 <= day:
        return None
    return _Candidate(start, end, year, month, day, day2, "day")


def _relative(kind: str, start: int, end: int, ref: date) -> DateMention:
    if kind in ("yesterday", "today", "tomorrow"):
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[kind]
        day = ref + timedelta(days=shift)
        return DateMention(start, end, day.isoformat(), None, "day")
    if kind == "last_week":
        week = ref - timedelta(days=7)
        return DateMention(start, end, _iso(week.year, week.month), None, "month")
    if kind == "these_days":
        return DateMention(start, end, _iso(ref.year, ref.month), None, "month")
    year = ref.year - 1 if kind == "last_year" else ref.year
    return DateMention(start, end, _iso(year), None, "year")


_REF = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@lru_cache(maxsize=1024)  # extraction asks once per sentence, always with the article's date
def _ref_date(ref: str | None) -> date | None:
    if not ref:
        return None
    match = _REF.match(ref)
    if not match:
        return None
    year, month, day = int(match[1]), int(match[2] or 1), int(match[3] or 1)
    return date(year, month, day) if _valid(year, month, day) else None


def find_dates(text: str, lang: str | None = None, ref: str | None = None) -> list[DateMention]:
    """Every date mention in ``text``, left to right, never overlapping.

    ``ref`` ("YYYY-MM-DD" or coarser) resolves relative words and supplies the year of a day
    and month without one when no earlier mention in the text states a year.
    """
    ref_day = _ref_date(ref)
    has_digit = _DIGIT.search(text) is not None
    if not has_digit and ref_day is None:
        return []  # every date without a reference date has a digit
    folded = _fold(text)
    # (start, end, kind, match): a candidate is read from its match only once it is not overlapped
    found: list[tuple[int, int, str, re.Match[str]]] = []
    tables = _tables()
    if has_digit:
        month_starts = _starts(folded, tables.month_name, tables.month_start)
        has_year = _YEAR_DIGITS.search(folded) is not None
        digit_starts: list[int] | None = None  # found only when a rule needs them
        for rule in tables.rules:
            if (rule.needs_month and not month_starts) or (rule.needs_year and not has_year):
                continue
            if rule.kind == "num_dmy" and not _NUMERIC_DATE.search(folded):
                continue
            if rule.starts_at == "any":
                if not _YEAR_AFTER_PREPOSITION.search(folded):
                    continue
                matches: Iterable[re.Match[str]] = rule.pattern.finditer(folded)
            else:
                if digit_starts is None:
                    digit_starts = [m.start() for m in _DIGIT_RUN.finditer(folded)]
                if rule.starts_at == "month":
                    # a day or year follows the month: no match starts after the last digit
                    starts = [at for at in month_starts if at < digit_starts[-1]]
                elif rule.needs_month:
                    # the month follows the day or year: no match starts after the last month
                    starts = [at for at in digit_starts if at < month_starts[-1]]
                else:
                    starts = digit_starts
                matches = _matches_at(rule.pattern, folded, starts)
            for m in matches:
                # a date after a preposition starts at its year («in 2016» → «2016»)
                found.append((m.start("year") if rule.kind == "y_prep" else m.start(), m.end(), rule.kind, m))
    if ref_day is not None:
        relative_starts = _starts(folded, tables.relative_word, tables.relative_start)
        if relative_starts:
            for kind, pattern in tables.relative:
                for m in _matches_at(pattern, folded, relative_starts):
                    found.append((m.start(), m.end(), kind, m))
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    mentions: list[DateMention] = []
    last_end = -1
    context_year: int | None = None
    for start, end, kind, m in found:
        if start < last_end or start == end:
            continue
        if kind in _RELATIVE_KINDS:
            assert ref_day is not None
            mentions.append(_relative(kind, start, end, ref_day))
            last_end = end
            continue
        candidate = _candidate(kind, m, text, lang)
        if candidate is None:
            continue
        mention = _resolve(candidate, context_year, ref_day)
        if mention is None:
            continue
        if candidate.year is not None:
            context_year = candidate.year
        mentions.append(mention)
        last_end = end
    return mentions


def _resolve(c: _Candidate, context_year: int | None, ref_day: date | None) -> DateMention | None:
    year = c.year or context_year or (ref_day.year if ref_day else None)
    if year is None:
        return None
    if c.precision == "year":
        return DateMention(c.start, c.end, _iso(year), None, "year") if _valid(year, 1) else None
    assert c.month is not None
    if c.precision == "month":
        return DateMention(c.start, c.end, _iso(year, c.month), None, "month") if _valid(year, c.month) else None
    if not _valid(year, c.month, c.day):
        return None
    end_value = None
    if c.day2 is not None:
        if not _valid(year, c.month, c.day2):
            return None
        end_value = _iso(year, c.month, c.day2)
    return DateMention(c.start, c.end, _iso(year, c.month, c.day), end_value, "day")


_ISO = re.compile(r"\s*((?:19|20)\d\d)(?:-(\d\d)(?:-(\d\d))?)?(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?\s*")


def parse_date(s: str, lang: str | None = None) -> str | None:
    """One date expression → "YYYY-MM-DD", "YYYY-MM" or "YYYY"; None when it holds no date."""
    iso = _ISO.fullmatch(s)
    if iso:
        year, month, day = int(iso[1]), iso[2], iso[3]
        if month is None:
            return _iso(year) if _valid(year, 1) else None
        if day is None:
            return _iso(year, int(month)) if _valid(year, int(month)) else None
        return _iso(year, int(month), int(day)) if _valid(year, int(month), int(day)) else None
    mentions = find_dates(s, lang)
    return mentions[0].value if mentions else None
