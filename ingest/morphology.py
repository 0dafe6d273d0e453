"""Inflection-aware stems for matching lexicon words against inflected tokens.

Kyrgyz and Kazakh (both scripts) use a stem + closed suffix-tail approach: a token matches a
lexicon stem when the rest of the token is a tail from the closed set *plural? possessive?
case?* (``сот+тар+ы+ның``, ``Республика+сы+нын``, ``ákimshilig+i+men``), allowing the
voicing of a final к/қ/п to г/ғ/б before a vowel (``министрлик`` → ``министрлигинин``). Tails
are written once in Cyrillic and put through :func:`fold`, so the same set serves the Latin
alphabets. Russian uses a deterministic ending strip for both lexicon and text keys, and
pymorphy3 lemmas (cached) when a caller wants a dictionary lemma. English strips plural and
possessive endings.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from judikg.ingest.extract.tokens import Memo, fold

TURKIC = frozenset({"ky", "kk", "kk-Latn", "uz"})

_PLURAL = ("лар", "лер", "лор", "лөр", "дар", "дер", "дор", "дөр", "тар", "тер", "тор", "төр")
_POSSESSIVE = ("ы", "и", "у", "ү", "і", "сы", "си", "су", "сү", "сі")
# Case endings after the 3rd-person possessive: the pronominal n appears.
_CASE_AFTER_POSSESSIVE = (
    "нын", "нин", "нун", "нүн", "ның", "нің",
    "на", "не", "но", "нө", "а", "е",
    "ны", "ни", "ну", "нү", "н", "ні",
    "нда", "нде", "ндо", "ндө",
    "ндан", "нден", "ндон", "ндөн", "нан", "нен",
    "мен", "менен",
    "ндагы", "ндеги", "ндогу", "ндөгү", "ндағы", "ндегі",
)
_CASE = (
    "нын", "нин", "нун", "нүн", "дын", "дин", "дун", "дүн", "тын", "тин", "тун", "түн",
    "ның", "нің", "дың", "дің", "тың", "тің",
    "га", "ге", "го", "гө", "ка", "ке", "ко", "кө", "ға", "қа", "а", "е", "о", "ө", "на", "не", "я",
    "ны", "ни", "ну", "нү", "ды", "ди", "ду", "дү", "ты", "ти", "ту", "тү", "ні", "ді", "ті", "н",
    "да", "де", "до", "дө", "та", "те", "то", "тө", "нда", "нде",
    "дан", "ден", "дон", "дөн", "тан", "тен", "тон", "төн", "нан", "нен", "ндан", "нден",
    "мен", "бен", "пен", "менен", "бенен", "пенен",
    "дагы", "деги", "догу", "дөгү", "тагы", "теги", "тогу", "төгү", "дағы", "дегі", "тағы", "тегі",
    "нан", "ша", "ше", "ча", "че", "ла", "ле",
)
_RUSSIAN_ENDINGS = (
    "а", "я", "ы", "и", "у", "ю", "е", "о", "ь", "й",
    "ом", "ем", "ой", "ей", "ою", "ею", "ам", "ям", "ами", "ями", "ах", "ях", "ов", "ев",
    "ий", "ый", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им",
    "ых", "их", "ую", "юю", "ья", "ье", "ью", "ии", "ия", "ию", "ией", "иям", "иях", "иями",
    "ие", "ьи", "ьей", "ьям", "ой", "ою", "ами",
)
_ENGLISH_ENDINGS = ("s", "es", "'s", "’s")
_VOICED = {"g": ("k", "q"), "b": ("p",)}
_MIN_STEM = 3


_GENITIVE = ("нын", "нин", "нун", "нүн", "дын", "дин", "дун", "дүн", "тын", "тин", "тун", "түн", "ның", "нің", "дың", "дің", "тың", "тің")


@lru_cache(maxsize=1)
def _genitive_endings() -> tuple[str, ...]:
    return tuple(sorted({fold[e] for e in _GENITIVE}))


def turkic_genitive(key: str) -> bool:
    """Whether a folded Kyrgyz/Kazakh word ends in the genitive (``Администрациясынын``,
    ``Соттың``, ``ákimshiliginiń``): the case of a possessor, such as a unit's parent body."""
    return len(key) > 4 and key.endswith(_genitive_endings())


_RUSSIAN_PLURAL = ("ов", "ев", "ых", "их", "ами", "ями", "ах", "ях")


def is_plural(key: str, lang: str) -> bool:
    """Whether a folded word is plainly plural: a Kyrgyz/Kazakh plural suffix before its case
    ending (``соттары``, ``sottaryna``), a Russian plural ending (``судов``, ``уполномоченных``).
    Other languages: never (no reliable ending)."""
    if lang in TURKIC:
        plurals = _folded_plurals()
        return any(key[cut:].startswith(plurals) for cut in _tail_cuts(key))
    if lang == "ru":
        return len(key) > 4 and key.endswith(_folded_russian_plurals())
    return False


def _tail_cuts(key: str) -> Iterator[int]:
    tails = turkic_tails()
    for cut in range(len(key) - 1, max(_MIN_STEM, len(key) - _max_tail()) - 1, -1):
        if key[cut:] in tails:
            yield cut


@lru_cache(maxsize=1)
def _folded_plurals() -> tuple[str, ...]:
    return tuple(sorted({fold[p] for p in _PLURAL}))


@lru_cache(maxsize=1)
def _folded_russian_plurals() -> tuple[str, ...]:
    return tuple(sorted({fold[p] for p in _RUSSIAN_PLURAL}))


@lru_cache(maxsize=1)
def turkic_tails() -> frozenset[str]:
    """Every folded tail *plural? possessive? case?* (non-empty), built once."""
    tails: set[str] = set()
    for plural in ("", *_PLURAL):
        for poss in ("", *_POSSESSIVE):
            cases = _CASE_AFTER_POSSESSIVE if poss else _CASE
            for case in ("", *cases):
                tail = plural + poss + case
                if tail:
                    tails.add(fold[tail])
    tails.discard("")
    return frozenset(tails)


@lru_cache(maxsize=1)
def _max_tail() -> int:
    return max(map(len, turkic_tails()))


@lru_cache(maxsize=1)
def russian_endings() -> tuple[str, ...]:
    """Folded Russian inflection endings, longest first."""
    return tuple(sorted({fold[e] for e in _RUSSIAN_ENDINGS if fold[e]}, key=lambda e: (-len(e), e)))


@lru_cache(maxsize=1)
def _russian_endings_by_last() -> dict[str, tuple[str, ...]]:
    """:func:`russian_endings` grouped by their last letter, each group in the same order: a
    word is tried against the few endings that can end it rather than all forty."""
    groups: dict[str, list[str]] = {}
    for ending in russian_endings():
        groups.setdefault(ending[-1], []).append(ending)
    return {last: tuple(endings) for last, endings in groups.items()}


def russian_stem(key: str) -> str:
    """Deterministic stem of a folded Russian word: the longest listed ending stripped, ≥ 3 letters kept.

    Applied to lexicon and text alike, so ``Кыргызская``/``Кыргызской`` and ``Россия``/``России`` meet.
    """
    for ending in _russian_endings_by_last().get(key[-1:], ()):
        if key.endswith(ending) and len(key) - len(ending) >= _MIN_STEM:
            return key[: -len(ending)]
    return key


def _russian_strips(key: str) -> Iterator[str]:
    for ending in _russian_endings_by_last().get(key[-1:], ()):
        if key.endswith(ending) and len(key) - len(ending) >= _MIN_STEM:
            yield key[: -len(ending)]


def turkic_stems(key: str) -> Iterator[str]:
    """Candidate stems of a folded Kyrgyz/Kazakh token, longest first (the token itself excluded)."""
    tails = turkic_tails()
    for cut in range(len(key) - 1, max(_MIN_STEM, len(key) - _max_tail()) - 1, -1):
        if key[cut:] in tails:
            stem = key[:cut]
            yield stem
            for voiced in _VOICED.get(stem[-1], ()):
                yield stem[:-1] + voiced


def english_stems(key: str) -> Iterator[str]:
    for ending in _ENGLISH_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= _MIN_STEM:
            yield key[: -len(ending)]


def token_keys(key: str, lang: str) -> tuple[str, ...]:
    """Keys under which a folded text token may be found in a lexicon index built with :func:`index_key`.

    The token itself first, then stems in the article's language. Memoised: articles repeat words.
    """
    return keys_memo(lang)[key]


_KEYS_MEMOS: dict[str, Memo[str, tuple[str, ...]]] = {}


def keys_memo(lang: str) -> Memo[str, tuple[str, ...]]:
    """``keys_memo(lang)[key] == token_keys(key, lang)``, for loops over every token of an article."""
    memo = _KEYS_MEMOS.get(lang)
    if memo is None:
        memo = _KEYS_MEMOS.setdefault(lang, Memo(lambda key: _token_keys(key, lang), 65_536))
    return memo


def _token_keys(key: str, lang: str) -> tuple[str, ...]:
    keys = [key]
    if lang in TURKIC:
        keys.extend(turkic_stems(key))
        # Russian loan forms inside Kyrgyz/Kazakh text keep Russian stems too ("Республики").
    if lang == "ru":
        # every ending strip, longest first: folding merges й and и, so "Кореи" (korei) may end
        # in -ей or -и, and only the shorter strip meets the lexicon's "Корея" (kore)
        keys.extend(_russian_strips(key))
    elif lang == "en":
        keys.extend(english_stems(key))
    return tuple(dict.fromkeys(keys))


def index_key(key: str, lang: str) -> str:
    """The key under which a folded lexicon word in ``lang`` is indexed (Russian words by stem)."""
    return russian_stem(key) if lang == "ru" else key


def stem_variants(word: str, lang: str) -> frozenset[str]:
    """All folded forms ``word`` may reduce to in ``lang`` (itself, stems, Russian lemma)."""
    key = fold[word]
    variants = set(token_keys(key, lang))
    if lang == "ru":
        lemma = russian_lemma(word)
        if lemma:
            variants.add(fold[lemma])
    return frozenset(variants)


@lru_cache(maxsize=1)
def _morph():  # type: ignore[no-untyped-def]
    import pymorphy3  # type: ignore[import-untyped]

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=65536)
def russian_lemma(word: str) -> str:
    """Dictionary lemma of a Russian word by pymorphy3 (``Мергалиевым`` → ``мергалиев``); cached.

    Only for candidate tokens: pymorphy3 costs ~0.1 ms per uncached word.
    """
    if not any("а" <= c <= "я" or c == "ё" for c in word.lower()):
        return word.lower()
    parses = _morph().parse(word)
    return parses[0].normal_form if parses else word.lower()


def matches_stem(token: str, stem: str, lang: str) -> bool:
    """Whether the inflected ``token`` is a form of the lexicon word ``stem`` in ``lang``."""
    return index_key(fold[stem], lang) in token_keys(fold[token], lang)


def all_tails() -> frozenset[str]:  # for tests and diagnostics
    return turkic_tails()


__all__ = [
    "TURKIC",
    "index_key",
    "is_plural",
    "keys_memo",
    "matches_stem",
    "russian_lemma",
    "russian_stem",
    "stem_variants",
    "token_keys",
    "turkic_genitive",
    "turkic_stems",
    "turkic_tails",
]

