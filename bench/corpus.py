"""Synthetic benchmark articles of a given size, built from the bundled sample articles.

Each article concatenates paragraphs of the samples (same language) up to the target size and
varies a number in it, so every article is distinct content (a distinct graph) while keeping the
real mix of languages, scripts and entity density.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

from judikg.errors import InputError
from judikg.ingest.model import Document
from judikg.ingest.read import read_paths

SAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


def sample_documents() -> list[Document]:
    docs = [d for d in read_paths([SAMPLES]) if not isinstance(d, InputError)]
    if not docs:
        raise SystemExit(f"no sample articles under {SAMPLES}")
    return docs


def synthetic_texts(count: int, size: int = 4096) -> Iterator[str]:
    """``count`` distinct article texts of about ``size`` characters each."""
    docs = sample_documents()
    for i, doc in zip(range(count), itertools.cycle(docs)):
        body = doc.text.strip()
        parts = [f"{doc.title or ''}\n{i % 28 + 1:02d}.{i % 12 + 1:02d}.20{10 + i % 15}\n"]
        while sum(map(len, parts)) < size:
            parts.append(body + "\n")
        text = "".join(parts)[:size]
        yield text + f"\n#{i}"
