"""Choosing one display name for an entity from its names in several languages.

Names are stored per BCP-47 tag; a reader asks for one of the interface languages (en, ru, ky,
kk) and gets the closest name that exists. Kazakh falls back to its Latin spelling before other
languages because a kk-Latn name is still Kazakh to a Kazakh reader; Kyrgyz and Kazakh fall back
to each other and to Russian, which their readers share, before English.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

#: Interface languages offered by the map and analytics commands.
UI_LANGUAGES: tuple[str, ...] = ("en", "ru", "ky", "kk")

FALLBACKS: dict[str, tuple[str, ...]] = {
    "en": ("en", "ru", "kk-Latn", "kk", "ky", "uz"),
    "ru": ("ru", "en", "ky", "kk", "kk-Latn", "uz"),
    "ky": ("ky", "ru", "kk", "en", "kk-Latn", "uz"),
    "kk": ("kk", "kk-Latn", "ru", "ky", "en", "uz"),
}


def normalize_lang(tag: str | None) -> str:
    """Canonical case of a BCP-47 tag (stores may lowercase it): ``kk-latn`` -> ``kk-Latn``."""
    if not tag:
        return ""
    parts = tag.replace("_", "-").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) == 2 and part.isalpha():
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


def fallback_chain(lang: str) -> tuple[str, ...]:
    """Languages to try, in order, for a reader of ``lang`` (unknown tags try themselves first)."""
    lang = normalize_lang(lang)
    if lang in FALLBACKS:
        return FALLBACKS[lang]
    return (lang, *FALLBACKS["en"])


def pick_label(labels: Mapping[str, str], lang: str, default: str = "") -> str:
    """The name to show a reader of ``lang``; any name at all before ``default``.

    >>> pick_label({"ru": "Верховный суд", "en": "Supreme Court"}, "ky")
    'Верховный суд'
    """
    for candidate in fallback_chain(lang):
        name = labels.get(candidate)
        if name:
            return name
    for tag in sorted(labels):  # a language outside the chain (or untagged): still a name
        if labels[tag]:
            return labels[tag]
    return default


_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[\"'«»“”„‘’`.,;:!?()\[\]{}]")


def name_key(text: str) -> str:
    """A comparison key for names typed by people: NFKC, casefolded, punctuation and spacing folded.

    Keeps letters of every script as they are (``Жоғарғы`` and ``Zhogargy`` stay different):
    matching across scripts relies on the store holding names in each script.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _PUNCT.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def local_name(iri: str) -> str:
    """The last segment of an IRI: ``…/role/deputy-chair`` -> ``deputy-chair``, ``…#Court`` -> ``Court``."""
    for sep in ("#", "/"):
        if sep in iri:
            tail = iri.rsplit(sep, 1)[1]
            if tail:
                return tail
    return iri


def humanize_class(name: str) -> str:
    """``ConstitutionalCourt`` -> ``Constitutional court`` for legends and fallback names."""
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+", name) or [name]
    text = " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words)
    return text[:1].upper() + text[1:]
