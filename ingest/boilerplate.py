"""Blank out site chrome (navigation, counters, share buttons, credits) without moving offsets.

Only whole lines are blanked, and only lines that are *nothing but* chrome: a lexicon phrase, a
counter such as «52 рет» / «көрсетілді» (sites split them over two lines), a reading time, a
copyright or photo credit, a bare link. A sentence of the article that happens to contain
«Поделиться» or a number is never touched. Blanked characters become spaces and newlines stay,
so ``len(blank_boilerplate(t)) == len(t)`` and every offset into the result is an offset into ``t``.
"""

from __future__ import annotations

import re
from enum import Enum

from judikg.ingest.normalize import normalize_text


class LineKind(Enum):
    NAV = "nav"  # navigation: what follows starts the page's content (a title may follow)
    CHROME = "chrome"  # counters, share buttons, credits: skip, nothing follows from it


_WORD = re.compile(r"[^\W_]+")


def _key(line: str, *, normalized: bool = False) -> str:
    """Lower-case letters and digits of a line, words separated by one space."""
    folded = (line if normalized else normalize_text(line)).casefold()
    return " ".join(_WORD.findall(folded))


# Whole-line navigation labels, per language (compared after _key()).
_NAV: frozenset[str] = frozenset(
    {
        # ru
        "меню", "меню навигации", "навигация", "главная", "на главную", "назад", "вернуться назад",
        "все новости", "новости", "главная новости", "вернуться к списку", "к списку новостей",
        "поиск", "войти", "регистрация", "контакты", "о нас", "реклама", "проекты", "рубрики",
        # ky
        "артка", "башкы бет", "башкы", "жаңылыктар", "бардык жаңылыктар", "издөө", "байланыш",
        "менюну ачуу", "кирүү",
        # kk (Cyrillic and both Latin alphabets)
        "басты бет", "басты", "жаңалықтар", "барлық жаңалықтар", "соңғы жаңалықтар", "іздеу",
        "кері", "артқа", "жобалар", "жарнама", "редакциямен байланыс", "байланыс",
        "basty bet", "jańalyqtar", "barlyq jańalyqtar", "sońǵy jańalyqtar", "soñğy jañalyqtar",
        "jañalyqtar", "artqa", "keri", "jarnama", "jobalar",
        # en
        "menu", "main menu", "navigation", "home", "back", "go back", "news", "all news",
        "latest news", "news and events", "search", "contact us", "contacts", "advertising",
        "login", "log in", "sign in", "subscribe", "skip to content", "read more",
    }
)  # fmt: skip

# Whole-line chrome: share buttons, print links, tags labels, reading-time words, social names.
_CHROME: frozenset[str] = frozenset(
    {
        # share / print, every language
        "поделиться", "поделиться в соцсетях", "версия для печати", "печать", "распечатать",
        "бөлүшүү", "басып чыгаруу", "бөлісу", "басып шығару", "bólisý", "bölısu", "basyp shyǵarý",
        "share", "share this", "share on", "print", "print version", "printer friendly version",
        "tweet", "email", "e mail", "copy link", "скопировать ссылку",
        # counters and reading time split from their numbers
        "көрсетілді", "рет көрсетілді", "kórsetildi", "ret kórsetildi", "körsetıldı",
        "көрүлдү", "көрүүлөр", "каралды", "қаралды", "просмотров", "просмотры", "просмотр",
        "views", "view", "reads", "оқу үшін", "oqý úshin", "oqu üşın", "окуу үчүн",
        "мин оқу үшін", "мин окуу үчүн", "чтения", "мин чтения", "min read", "minute read",
        "minutes read", "время чтения", "reading time",
        # social networks (a line made only of these is a button row)
        "facebook", "twitter", "x", "telegram", "whatsapp", "vk", "вконтакте", "одноклассники",
        "instagram", "youtube", "linkedin", "ok", "tiktok", "viber",
        # labels that head chrome blocks
        "теги", "тегтер", "tags", "метки", "комментарии", "пікірлер", "пикир", "пикирлер",
        "comments", "похожие новости", "читайте также", "related news", "see also",
        "oqi otyryńyz", "оқи отырыңыз", "окуп көрүңүз",
        # scraper artefacts of empty fields
        "none", "null", "undefined", "nan",
    }
)  # fmt: skip

_SOCIAL = re.compile(
    r"(?:facebook|twitter|telegram|whatsapp|vk|вконтакте|одноклассники|instagram|youtube|"
    r"linkedin|ok|tiktok|viber|x)"
)
_NUMBER = r"\d[\d\s.,]*"
# «52 рет», «210 ret kórsetildi», «Просмотров: 1 234», «Views 52», «2 мин», «4 mın oqý úshin».
_COUNTER = re.compile(
    rf"(?:(?:просмотров|просмотры|views|көрүүлөр|көрүлдү|қаралды|каралды|хиты|hits)\s*{_NUMBER}"
    rf"|{_NUMBER}\s*(?:рет|ret|раз|раза|views?|просмотр\w*|көрүлдү|көрүү\w*|reads?)"
    rf"(?:\s+(?:көрсетілді|kórsetildi|korsetildi|körsetıldı|көрүлдү|көрүлгөн))?"
    rf"|{_NUMBER}\s*(?:мин|min|mın|мүн|минут\w*|minutes?|mins?)"
    rf"(?:\s+(?:оқу\s+үшін|oqý\s+úshin|oqu\s+üşın|окуу\s+үчүн|чтения|read|reading))?)"
)
_COPYRIGHT = re.compile(
    r"^\s*(?:©|\(c\)|copyright\b)|все права защищены|all rights reserved|барлық құқықтар қорғалған"
    r"|бардык укуктар корголгон|при (?:использовании|цитировании) материалов",
    re.IGNORECASE,
)
# «Фото: sud.gov.kz», «Photo: Kazinform», «Сүрөт: ...» — short credit lines only.
_CREDIT = re.compile(
    r"^\s*(?:фото|photo|foto|сүрөт|сурет|suret|видео|video|источник|булак|дереккөз|source)"
    r"\s*(?:[:：©]|by\b)",
    re.IGNORECASE,
)
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:kz|kg|ru|uz|com|org|net|gov|me)(?:/\S*)?")
_SYMBOLS_ONLY = re.compile(r"[\W_]*")


def classify_line(line: str, *, normalized: bool = False) -> LineKind | None:
    """What kind of chrome a single line is, or None for article text.

    ``normalized``: the line comes from :func:`~judikg.ingest.normalize.normalize_text` output,
    so it need not be normalised again (~40 us a line, a third of reading an article).
    """
    stripped = line.strip()
    if not stripped:
        return None
    if _SYMBOLS_ONLY.fullmatch(stripped):
        return LineKind.CHROME  # "+", "|", "•••"
    if len(stripped) > 120:
        return None
    key = _key(stripped, normalized=normalized)
    if key in _NAV:
        return LineKind.NAV
    if key in _CHROME:
        return LineKind.CHROME
    if _COUNTER.fullmatch(key):
        return LineKind.CHROME
    words = key.split()
    if words and all(_SOCIAL.fullmatch(w) for w in words):
        return LineKind.CHROME
    if len(stripped) <= 100 and (_COPYRIGHT.search(stripped) or _CREDIT.match(stripped)):
        return LineKind.CHROME
    # «Телеграм канал - https://t.me/...»: a link with at most a short label.
    if _URL.search(stripped):
        rest = _URL.sub(" ", stripped)
        if len(re.findall(r"[^\W\d_]+", rest)) <= 3:
            return LineKind.CHROME
    return None


def blank_boilerplate(text: str) -> str:
    """``text`` (normalised by :func:`~judikg.ingest.normalize.normalize_text`) with chrome lines
    replaced by spaces; same length, newlines kept."""
    out: list[str] = []
    for line in text.split("\n"):
        out.append(" " * len(line) if classify_line(line, normalized=True) is not None else line)
    return "\n".join(out)
