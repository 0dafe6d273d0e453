"""Documents made from a test's own sentence, and the persons the recogniser finds in one."""

from __future__ import annotations

from judikg.ingest.extract.recognize import recognize
from judikg.ingest.model import Document


def text_document(text: str, lang: str, source: str = "<test>") -> Document:
    return Document(source, text, text, "0" * 64, lang, "Latn" if lang in ("en", "kk-Latn") else "Cyrl")


def recognised_persons(text: str, lang: str) -> dict[str, set[str]]:
    """Person IRI keys (``mami-k``) with the surface forms the recogniser read for each."""
    out: dict[str, set[str]] = {}
    for hit in recognize(text_document(text, lang)):
        if hit.type == "Person":
            out.setdefault(hit.iri.rsplit("/", 1)[1], set()).add(text[hit.start : hit.end])
    return out
