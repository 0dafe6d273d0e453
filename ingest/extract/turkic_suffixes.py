"""Kazakh and Kyrgyz genitive and 3rd-person possessive suffixes by vowel harmony.

Enough morphology to write "X's Y" in the nominative: ``Қазақстанның Жоғарғы соты``,
``Кыргызстандын Конституциялык сотунун аппараты``. The suffix is chosen from the word's last
sound (vowel, voiced or voiceless consonant) and its last vowel (back/front, and rounding in
Kyrgyz). An abbreviation (``АКСТИ``, ``ЕҚЫҰ``, ``АҚШ``) is read by its letters as written and
takes its suffix after a hyphen, as Kazakh and Kyrgyz spelling rules ask.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

TurkicLang = Literal["kk", "ky"]

_BACK = frozenset("аоұыяёАОҰЫЯЁ")
_FRONT = frozenset("әеөүіэиюЭӘЕӨҮІИЮ")
_VOWELS = frozenset("аоұыяёуәеөүіэию")
# Kyrgyz harmony has four vowel classes; Kazakh two. ю reads as у, я as а, ё as о.
_KY_CLASS = {
    "а": "ы", "ы": "ы", "я": "ы",
    "е": "и", "э": "и", "и": "и",
    "о": "у", "у": "у", "ё": "у", "ю": "у",
    "ө": "ү", "ү": "ү",
}
_KK_CLASS = {
    "а": "ы", "о": "ы", "ұ": "ы", "ы": "ы", "я": "ы", "ё": "ы", "у": "ы",
    "ә": "і", "е": "і", "ө": "і", "ү": "і", "і": "і", "э": "і", "и": "і", "ю": "і",
}
# In Kazakh у and и are also the glides [w] and [ij]: they decide harmony only without another vowel.
_KK_AMBIGUOUS = frozenset("уи")
_VOICELESS = frozenset("кқпстфхцчшщ")
_KY_VOICED = frozenset("бвгджзйлмнңр")
_KK_NASAL = frozenset("мнң")
_KK_VOICED = frozenset("жзлрйуи")  # after these Kazakh writes -дың/-дің
_MUTATION = {"к": "г", "қ": "ғ", "п": "б"}

def is_abbreviation(word: str) -> bool:
    """``АКСТИ``, ``ҚР``, ``AACC``: two or more letters, all capitals."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _reading(word: str) -> str:
    """The letters that decide the suffix, in lower case. An abbreviation is read as written
    (АҚШ-тың, ЕККУ-нун); one without a vowel letter takes back vowels (ҚР-дың)."""
    return word.lower()


def _harmony(reading: str, lang: TurkicLang) -> str:
    """The suffix vowel: Kyrgyz ы/и/у/ү, Kazakh ы/і."""
    vowels = [c for c in reading if c in _VOWELS]
    if lang == "ky":
        return _KY_CLASS[vowels[-1]] if vowels else "ы"
    definite = [c for c in vowels if c not in _KK_AMBIGUOUS]
    pick = definite or vowels
    return _KK_CLASS[pick[-1]] if pick else "ы"


def _last_letter(reading: str) -> str:
    letters = [c for c in reading if c.isalpha()]
    return letters[-1] if letters else ""


def _attach(word: str, suffix: str) -> str:
    return f"{word}-{suffix}" if is_abbreviation(word) else word + suffix


def genitive(word: str, lang: TurkicLang) -> str:
    """``Қазақстан`` → ``Қазақстанның`` (kk), ``Кыргызстан`` → ``Кыргызстандын`` (ky), ``соту`` → ``сотунун``."""
    if not word:
        return word
    reading = _reading(word)
    last = _last_letter(reading)
    v = _harmony(reading, lang)
    if lang == "ky":
        c = "н" if last in _VOWELS else "д" if last in _KY_VOICED else "т"
        return _attach(word, f"{c}{v}н")
    if last in _VOWELS - _KK_AMBIGUOUS or last in _KK_NASAL:
        c = "н"
    elif last in _KK_VOICED:
        c = "д"
    else:
        c = "т"
    return _attach(word, f"{c}{v}ң")


def possessive(word: str, lang: TurkicLang) -> str:
    """3rd-person possessive: ``сот`` → ``соты`` (kk) / ``соту`` (ky), ``хатшылық`` → ``хатшылығы``,
    ``Адвокатура`` → ``Адвокатурасы``."""
    if not word:
        return word
    reading = _reading(word)
    last = _last_letter(reading)
    v = _harmony(reading, lang)
    # A Kazakh word ending in у/и ends in a glide: it takes the consonant form (тауы).
    ends_in_vowel = last in _VOWELS and not (lang == "kk" and last in _KK_AMBIGUOUS)
    if ends_in_vowel:
        return _attach(word, "с" + v)
    if not is_abbreviation(word) and word[-1].lower() in _MUTATION:
        mutated = _MUTATION[word[-1].lower()]
        word = word[:-1] + (mutated.upper() if word[-1].isupper() else mutated)
    return _attach(word, v)


def looks_possessed(word: str, lang: TurkicLang) -> bool:
    """Whether a word already ends in a 3rd-person possessive (``министрлиги``, ``кызматы``, ``алқасы``)."""
    w = word.lower()
    if len(w) < 3:
        return False
    endings = "ыиуү" if lang == "ky" else "ыі"
    if w[-1] not in endings:
        return False
    # -сы/-си after a vowel, or the bare vowel after a consonant
    return w[-2] == "с" and w[-3] in _VOWELS or w[-2] not in _VOWELS


@lru_cache(maxsize=8192)  # names repeat across labels and articles
def possessed_phrase(phrase: str, lang: TurkicLang) -> str:
    """The head of a name phrase in the possessed form: ``Жогорку сот`` → ``Жогорку соту``.

    A compound that already ends in a possessive (``Юстиция министрлиги``, ``Сот әкімшілігі``)
    stays as it is; a single word always takes the suffix (``Акыйкатчы`` → ``Акыйкатчысы``).
    """
    words = phrase.split(" ")
    if len(words) > 1 and looks_possessed(words[-1], lang):
        return phrase
    words[-1] = possessive(words[-1], lang)
    return " ".join(words)


@lru_cache(maxsize=8192)  # names repeat across labels and articles
def genitive_phrase(phrase: str, lang: TurkicLang) -> str:
    """The genitive of a name phrase: only its last word inflects (``Оңтүстік Кореяның``)."""
    words = phrase.split(" ")
    words[-1] = genitive(words[-1], lang)
    return " ".join(words)


@lru_cache(maxsize=8192)  # names repeat across labels and articles
def kazakh_with(word: str) -> str:
    """The Kazakh conjunction 'and/with' after ``word``: мен after vowels and л р й у, бен after
    м н ң ж з, пен after voiceless consonants."""
    last = _last_letter(_reading(word))
    if last in _VOWELS or last in "лрйу":
        return "мен"
    if last in "мнңжз":
        return "бен"
    return "пен"
