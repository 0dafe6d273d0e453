"""Persons' names back in the nominative: «В. Лебедевым» → «В. Лебедев», «Мерғалиевтің» →
«Мерғалиев», ``Toqaevqa`` → ``Toqaev``.

The recogniser labels a person by the fullest form the article uses, which may be inflected.
Russian words are read by pymorphy3 and put in the nominative only when no reading of them is
nominative already (``Осмонова`` stays: it is a nominative surname as well as a genitive).
Kazakh and Kyrgyz surnames (-ов/-ев/-ин …) lose a case suffix after the surname ending.
"""

from __future__ import annotations

import re
from functools import lru_cache

_SURNAME = r"(?:ов|ев|ёв|ин|ын|ова|ева|ина|ына|ov|ev|in|yn|ova|eva|ina|yna)"
# Turkic case endings after a surname (genitive, accusative, dative, locative, ablative,
# instrumental), Cyrillic and Kazakh Latin.
_CASE = (
    r"(?:[нтд][ыіиуү][нң]|[нтд][ыіиуү]|[гкқғ][аеоө]|[дт][аеоө]н?|н[аео]н|мен|бен|пен|менен"
    r"|[ntd][yi]ń|[ntd][yi]|[gkqǵ][ae]|[dt][ae]n?|n[ae]n|men|ben|pen)"
)
_TURKIC_INFLECTED = re.compile(rf"^(\w*{_SURNAME}){_CASE}$", re.IGNORECASE)
_PATRONYMIC = re.compile(r"(?:овна|евна|ична|ovna|evna)$", re.IGNORECASE)


def nominative_name(name: str, lang: str) -> str:
    """``name`` with its inflected words in the nominative (see the module docstring)."""
    if lang == "ru":
        return " ".join(_russian_nominative(w) for w in name.split(" "))
    if lang in ("kk", "ky", "kk-Latn"):
        return " ".join(_turkic_nominative(w) for w in name.split(" "))
    return name


def _turkic_nominative(word: str) -> str:
    if _PATRONYMIC.search(word):
        return word
    m = _TURKIC_INFLECTED.match(word)
    return m.group(1) if m else word


@lru_cache(maxsize=4096)
def _russian_nominative(word: str) -> str:
    core = word.rstrip(".,")
    if len(core) < 3 or not core[:1].isupper() or not any("а" <= c <= "я" for c in core.lower()):
        return word
    from judikg.ingest.extract.russian_cases import analyzer

    parses = analyzer().parse(core)
    if not parses or any("nomn" in p.tag for p in parses):
        return word
    best = next((p for p in parses if {"Surn"} & p.tag.grammemes or {"Name"} & p.tag.grammemes), parses[0])
    inflected = best.inflect({"nomn"})
    if inflected is None:
        return word
    nominative = inflected.word
    return word.replace(core, core[:1] + nominative[1:])
