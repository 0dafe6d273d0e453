"""Russian name phrases in another case through pymorphy3: «Верховный суд» → «Верховного суда»,
«Республика Корея» → «Республики Корея», «Южная Корея» → «Южной Кореи».

A name phrase inflects up to and including its first noun (the adjectives before it agree with
it); what follows is already a genitive or a fixed name (``Министерство юстиции``,
``Ассоциация по судебному администрированию``) and stays. Abbreviations (``ААКС``, ``США``)
and Latin words do not inflect.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from judikg.ingest.extract.turkic_suffixes import is_abbreviation


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """The Russian pymorphy3 analyser, made once per process."""
    import pymorphy3  # type: ignore[import-untyped]

    return pymorphy3.MorphAnalyzer(lang="ru")


def _is_russian(word: str) -> bool:
    return any("а" <= c <= "я" or c == "ё" for c in word.lower())


def _nominative_parse(word: str) -> Any | None:
    for p in analyzer().parse(word):
        if "nomn" in p.tag and p.tag.POS in ("NOUN", "ADJF", "PRTF"):
            return p
    return None


def _recase(source: str, word: str) -> str:
    if source[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


@lru_cache(maxsize=4096)
def inflect_phrase(phrase: str, case: str) -> str:
    """``phrase`` (a nominative name) in ``case`` (pymorphy3 grammeme: gent, datv, ablt, loct).

    Words pymorphy3 cannot read as a nominative noun or adjective stop the inflection: the
    phrase then keeps its remaining words as written.
    """
    words = phrase.split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        core = word.strip("«»\"'()")
        if not core or is_abbreviation(core) or not _is_russian(core):
            out.extend(words[i:])
            break
        p = _nominative_parse(core)
        if p is None:
            out.extend(words[i:])
            break
        grammemes = {case}
        if "plur" in p.tag:
            grammemes.add("plur")
        inflected = p.inflect(grammemes)
        out.append(word.replace(core, _recase(core, inflected.word)) if inflected else word)
        if p.tag.POS == "NOUN":
            out.extend(words[i + 1 :])
            break
    return " ".join(out)


@lru_cache(maxsize=256)
def gender(noun_phrase: str) -> str:
    """Grammatical gender of the phrase's first noun: ``masc``, ``femn`` or ``neut`` (``masc`` when unknown)."""
    for word in noun_phrase.split(" "):
        p = _nominative_parse(word)
        if p is not None and p.tag.POS == "NOUN":
            return str(p.tag.gender or "masc") if p.tag.gender in ("masc", "femn", "neut") else "masc"
    return "masc"
