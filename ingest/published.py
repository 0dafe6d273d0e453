"""An article's title and publication date, read from the lines at the top of its text.

A page states its publication date on a line of its own near the top — «28.05.2024»,
«Қазақстан • 04 Сәуір, 2024», «Астана, 10 июня 2014 г.», «14:18 12.09.2025» — or as a news-agency
dateline before the first sentence («Бишкек, 18.02.22. /Кабар/. …»). A date inside a sentence
is when something happened, not when the article appeared, so it is never taken; neither is a
date without a year.
"""

from __future__ import annotations

import re

from judikg.ingest.boilerplate import LineKind, classify_line
from judikg.ingest.dates import DateMention, find_dates

#: How many non-empty lines at the top may hold the date line or the title.
HEADER_LINES = 12
#: Longest line taken as a title; longer first lines are the lead paragraph.
MAX_TITLE_CHARS = 260

_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_LABEL_WORD = re.compile(r"[^\W\d_]+")
# «Бишкек, 18.02.22. /Кабар/.», «Ташкент. 3 сентября. УзТАГ –», «ASTANA, June 10 (Kazinform) –»
_DATELINE_PLACE = re.compile(r"\s*[^\W\d_][\w\s.-]{0,30}?[.,]\s*$")
_DATELINE_AFTER = re.compile(r"\s*[.,]?\s*(?:/[^/\n]{1,40}/\.?|\([^)\n]{1,40}\)|[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w.]{1,20}\s*[-–—])")


_WRITTEN_YEAR = re.compile(r"(?:19|20)\d\d|\d{1,2}[./]\d{1,2}[./]\d\d")


def _has_written_year(mention: DateMention, line: str) -> bool:
    """The year is in the mention itself, not borrowed from context (no reference date is given)."""
    return mention.precision in ("day", "month") and bool(_WRITTEN_YEAR.search(line[mention.start : mention.end]))


def _date_of_line(line: str, lang: str | None) -> str | None:
    """The date a line states if it is a date line or starts with a dateline."""
    found = _line_date(line, lang)
    return found[0] if found else None


def _line_date(line: str, lang: str | None) -> tuple[str, bool] | None:
    """(date, True) for a line that is essentially a date (with a label, time or bullet);
    (date, False) for a dateline that goes on into the first sentence; else None."""
    mentions = find_dates(line, lang)
    if not mentions or not _has_written_year(mentions[0], line):
        return None
    mention = mentions[0]
    # A dateline: a place name before the date, an agency or a dash after it, then the text.
    if _DATELINE_PLACE.fullmatch(line[: mention.start]) and _DATELINE_AFTER.match(line[mention.end :]):
        return mention.value, False
    if len(mentions) != 1:
        return None
    rest = line[: mention.start] + " " + line[mention.end :]
    rest = _TIME.sub(" ", rest)
    words = _LABEL_WORD.findall(rest)
    if len(words) <= 3 and len(" ".join(words)) <= 40:
        return mention.value, True
    return None


def _header(text: str) -> list[str]:
    lines = [line.strip() for line in text.split("\n")]
    return [line for line in lines if line][:HEADER_LINES]


def published_date(text: str, lang: str) -> str | None:
    """The publication date stated by a date line near the top of ``text``, else None."""
    for line in _header(text):
        if classify_line(line) is not None:
            continue
        value = _date_of_line(line, lang)
        if value is not None:
            return value
    return None


def _title_like(line: str, next_blank: bool) -> bool:
    if not 8 <= len(line) <= MAX_TITLE_CHARS or not _LABEL_WORD.search(line):
        return False
    if line[-1] in ".!?…;:," and not line.endswith(".."):
        # A headline written as one sentence is set apart by a blank line; a lead paragraph is not.
        one_sentence = not re.search(r"[.!?…]\s+\S", line[:-1])
        return next_blank and one_sentence and len(line) <= 160
    return True


def title_of(text: str) -> str | None:
    """The headline: the first title-like line after any navigation, skipping chrome and dates.

    Works on raw or boilerplate-blanked text. A navigation line (menu, «Артка», «Back») starts
    the content again, so a site name above it is not taken for the title.
    """
    raw_lines = text.split("\n")
    title: str | None = None
    seen = 0
    for n, raw in enumerate(raw_lines):
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen > HEADER_LINES:
            break
        kind = classify_line(line)
        if kind is LineKind.NAV:
            title = None
            continue
        if kind is not None:
            continue
        dated = _line_date(line, None)
        if dated is not None and dated[1]:
            continue
        if dated is not None:
            break  # a dateline opens the first paragraph: no headline above it
        next_blank = n + 1 < len(raw_lines) and not raw_lines[n + 1].strip()
        if title is None and _title_like(line, next_blank):
            title = line.lstrip("|•·>»-–— ").strip()
            continue
        if len(line) < 8:
            continue  # a stray word between the headline and the text
        break  # the first paragraph of the article: the header is over
    return title
