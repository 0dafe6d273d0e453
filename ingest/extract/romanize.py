"""English spellings of names written in Cyrillic (Russian, Kazakh, Kyrgyz).

BGN/PCGN-like, the way English-language media spell Central Asian and Russian names: ж → zh,
х → kh, ц → ts, ч → ch, ш → sh, щ → shch, ю → yu, я → ya, ы/й → y, е → ye at the start of a
word and after a vowel (Ergali → Yergali, Мергалиев → Mergaliyev), ь/ъ dropped, Kazakh and
Kyrgyz letters folded to their nearest English letter, дж → j as English usage has it (ғ → g, қ → k, ң → ng, ө/ү/ұ → o/u/u,
і → i, ә → a, һ → h). This is not :func:`judikg.ingest.translit.to_latin`, which writes the
official *Kazakh* Latin alphabet (``Naıl Ahmetzakırov``) rather than English.

Korean names written in Cyrillic (a surname such as Ким, Пак, Чхве first, then given-name
syllables of at most four letters, so that Ким Александр stays BGN) follow the usual English
spelling of Korean names: the surname by its customary form (Lee, Park, Choi) and ж → j,
в → w in the given names (Ким Жанг Вон → Kim Jang Won).
"""

from __future__ import annotations

import re
from functools import lru_cache

_BASE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "ә": "a", "ғ": "g", "қ": "k", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
}
_VOWELS = frozenset("аеёиоуыэюяәөұүі")
# After these, е is iotated (ye), as at the start of a word.
_IOTATING = _VOWELS | {"ь", "ъ"}

#: Korean surnames as written in Cyrillic → their usual English spelling.
_KOREAN_SURNAMES = {
    "ким": "Kim", "ли": "Lee", "пак": "Park", "чхве": "Choi", "чой": "Choi", "чон": "Jeong",
    "кан": "Kang", "чо": "Cho", "юн": "Yoon", "лим": "Lim", "хан": "Han", "сео": "Seo",
    "ан": "Ahn", "шин": "Shin", "квон": "Kwon", "хван": "Hwang", "мун": "Moon",
}
# Given-name syllables: Cyrillic spellings of Korean sounds → their usual English letters.
_KOREAN_LETTERS = {"ж": "j", "дж": "j", "чж": "j", "в": "w", "чх": "ch", "ы": "eu", "ё": "yeo", "нг": "ng"}
_KOREAN_RE = re.compile("|".join(sorted(_KOREAN_LETTERS, key=len, reverse=True)))

#: Longest given-name syllable of a Korean name in Cyrillic (Жанг, Вон, Чжэ).
_KOREAN_SYLLABLE = 4

_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


def _word(word: str) -> str:
    out: list[str] = []
    lower = word.lower()
    for i, ch in enumerate(lower):
        prev = lower[i - 1] if i else ""
        if ch == "д" and lower[i + 1 : i + 2] == "ж":
            out.append("j")  # Джылдыз → Jyldyz, Джон → John: English usage, not BGN's dzh
        elif ch == "ж" and prev == "д":
            continue
        elif ch == "е" and (not prev or prev in _IOTATING):
            out.append("ye")
        elif ch == "и" and prev == "ь":
            out.append("yi")  # Ильин → Ilyin
        elif ch == "й" and prev == "и" and i == len(lower) - 1:
            out.append("y")  # -ий → -iy
        else:
            out.append(_BASE.get(ch, ch))
    return _recase(word, "".join(out))


def _recase(source: str, latin: str) -> str:
    if not latin:
        return latin
    if len(source) > 1 and source.isupper():
        return latin.upper()
    if source[:1].isupper():
        return latin[:1].upper() + latin[1:]
    return latin


@lru_cache(maxsize=16384)  # a person is named in many articles
def english_name(name: str) -> str:
    """The English spelling of a person's name written in Cyrillic (see the module docstring);
    characters other than Cyrillic letters (spaces, dots, hyphens, Latin) pass through."""
    words = name.split()
    korean = (
        len(words) >= 2
        and words[0].lower() in _KOREAN_SURNAMES
        and all(len(w) <= _KOREAN_SYLLABLE and _is_cyrillic(w) for w in words[1:])
    )
    if korean:
        return " ".join(_korean_word(w, first=i == 0) for i, w in enumerate(words))
    return _WORD_RE.sub(lambda m: _word(m.group(0)) if _is_cyrillic(m.group(0)) else m.group(0), name)


def _korean_word(word: str, first: bool) -> str:
    surname = _KOREAN_SURNAMES.get(word.lower()) if first else None
    if surname:
        return surname
    if not _is_cyrillic(word):
        return word
    lower = _KOREAN_RE.sub(lambda m: _KOREAN_LETTERS[m.group(0)], word.lower())
    return _recase(word, "".join(_BASE.get(ch, ch) for ch in lower))


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)
