"""Extraction: ``extract(doc) -> Extraction``, pure (no I/O; lexicons and reference data are read
once per process and only read afterwards).

Stages: ``recognize`` finds the named entities (institutions, countries, cities, international
bodies, persons) linked to canonical IRIs; ``events``, ``agreements`` and ``posts`` read what the
article says about them; ``relations`` adds memberOf / partOf / country and merges mentions per
IRI. Every relation carries its evidence sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from judikg.ingest.model import Document, Extraction

if TYPE_CHECKING:
    from judikg.ingest.extract.tokens import Scan

__all__ = ["extract", "extract_from_hits"]


# The work is in .assemble, imported on first use: importing this package must not load the
# compiled extraction library (see setup.py), and the passes read their lexicons lazily anyway.


def extract(doc: Document) -> Extraction:
    """Entities and relations the article states (see the module docstring), with labels composed
    from the facts (:mod:`.labels`)."""
    from judikg.ingest.extract.assemble import extract as run

    return run(doc)


def extract_from_hits(
    doc: Document, hits: Sequence[Any], dates: Sequence[Any] | None = None, tokens: Scan | None = None
) -> Extraction:
    """The relation passes over already recognised hits (``recognize.Hit`` or anything shaped like
    it); ``tokens``, the recogniser's token scan of the text, spares the cue scan a tokenisation."""
    from judikg.ingest.extract.assemble import extract_from_hits as run

    return run(doc, hits, dates, tokens)
