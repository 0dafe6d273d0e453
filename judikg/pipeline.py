"""Ingest orchestration: read → extract → RDF → store, in batches, optionally on several processes.

This is the one place where the stages are wired together; each stage stays pure or owns its
own effects (reading files in ``ingest.read``, writing in ``graph``). Progress is reported through
a callback so the library never touches the terminal.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import BinaryIO


from judikg import EXTRACTOR_VERSION
from judikg.errors import InputError
from judikg.graph.rdfize import article_nquads, article_source_key
from judikg.graph.reference_graph import reference_quads
from judikg.graph.store import ArticleGraph, OxigraphStore, Store
from judikg.ingest.extract import extract
from judikg.ingest.model import Document
from judikg.ingest.read import read_paths
from judikg.iris import article_graph_iri

#: Articles written per store transaction: large enough to amortise the commit, small enough
#: that memory stays flat whatever the corpus size.
BATCH_SIZE = 200

ProgressCallback = Callable[[int], None]


@dataclass(slots=True)
class ArticleOutcome:
    source: str
    status: str  # "added" | "replaced" | "unchanged" | "duplicate"
    graph: str
    lang: str
    published: str | None
    title: str | None


@dataclass(slots=True)
class IngestReport:
    store: str
    outcomes: list[ArticleOutcome] = field(default_factory=list)
    failures: list[InputError] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        rate = len(self.outcomes) / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{self.count('added')} added, {self.count('replaced')} replaced, "
            f"{self.count('unchanged') + self.count('duplicate')} unchanged, {len(self.failures)} failed "
            f"in {self.seconds:.1f} s ({rate:.{0 if rate >= 10 else 1}f} articles/s) → {self.store}"
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "store": self.store,
            "added": self.count("added"),
            "replaced": self.count("replaced"),
            "unchanged": self.count("unchanged") + self.count("duplicate"),
            "failed": len(self.failures),
            "seconds": round(self.seconds, 3),
            "articles": [
                {
                    "source": o.source,
                    "status": o.status,
                    "graph": o.graph,
                    "lang": o.lang,
                    "published": o.published,
                    "title": o.title,
                }
                for o in self.outcomes
            ],
            "failures": [{"source": f.source, "reason": f.reason} for f in self.failures],
        }


#: Articles sent to a worker process at a time: enough to amortise the round trip.
CHUNK_SIZE = 8
#: Chunks in flight per worker: keeps every worker busy while the parent writes, and bounds
#: memory (``Pool.imap`` would read the whole corpus ahead into its task queue).
CHUNKS_AHEAD = 3


def _article_graph(doc: Document, nquads: bytes) -> ArticleGraph:
    return ArticleGraph(
        graph_iri=article_graph_iri(doc.sha256), source_key=article_source_key(doc), sha256=doc.sha256, nquads=nquads
    )


@dataclass(frozen=True, slots=True)
class _Failed:
    """An article extraction could not handle: the batch goes on without it."""

    doc: Document
    reason: str


def _nquads(doc: Document, ingested_at: datetime) -> bytes | str:
    """The article's quads as N-Quads, or why extraction failed on it (a bug must cost one article, not the batch)."""
    try:
        return article_nquads(doc, extract(doc), ingested_at=ingested_at, extractor_version=EXTRACTOR_VERSION)
    except Exception as exc:  # noqa: BLE001 - reported per article, never swallowed
        return f"extraction failed ({type(exc).__name__}: {exc}); please report this judikg bug with the file"


def _quads_of_chunk(docs: list[Document], ingested_at: datetime) -> list[bytes | str]:
    """Worker side: each article's quads as N-Quads bytes, which the store loads as they are
    (pickling pyoxigraph terms costs ~10x more, parsing them back into Quads ~1.8 ms an article)."""
    return [_nquads(doc, ingested_at) for doc in docs]


def _chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for doc in docs:
        chunk.append(doc)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _warm_up() -> None:
    """Load lexicons and reference data before forking, so workers share them instead of each
    loading its own copy."""
    extract(Document(source="<warm-up>", original="", text="Supreme Court.", sha256="0" * 64, lang="en", script="Latn"))


def _article_graphs(
    docs: Iterable[Document], workers: int, ingested_at: datetime
) -> Iterator[ArticleGraph | _Failed]:
    """Each document's graph, in input order; extraction on ``workers`` processes when > 1."""
    if workers <= 1:
        for doc in docs:
            nquads = _nquads(doc, ingested_at)
            yield _Failed(doc, nquads) if isinstance(nquads, str) else _article_graph(doc, nquads)
        return
    _warm_up()
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers) as pool:
        pending: deque[tuple[list[Document], AsyncResult[list[bytes | str]]]] = deque()
        for chunk in _chunks(docs, CHUNK_SIZE):
            pending.append((chunk, pool.apply_async(_quads_of_chunk, (chunk, ingested_at))))
            if len(pending) >= workers * CHUNKS_AHEAD:
                yield from _parsed(*pending.popleft())
        while pending:
            yield from _parsed(*pending.popleft())


def _parsed(chunk: list[Document], result: AsyncResult[list[bytes | str]]) -> Iterator[ArticleGraph | _Failed]:
    for doc, nquads in zip(chunk, result.get(), strict=True):
        if isinstance(nquads, str):
            yield _Failed(doc, nquads)
        else:
            yield _article_graph(doc, nquads)


def ingest(
    paths: Sequence[str | Path],
    store: Store,
    *,
    workers: int = 1,
    stdin: BinaryIO | None = None,
    now: datetime | None = None,
    on_article: ProgressCallback | None = None,
    store_name: str = "",
) -> IngestReport:
    """Read, extract and store every article under ``paths``; bad input never stops the batch.

    An article whose content and extractor version are already stored is skipped; a changed
    article replaces the graph stored for its source; two files with the same content are one
    article. ``now`` is the ingest time recorded in every graph (injected so tests can pin it).
    """
    started = time.perf_counter()
    ingested_at = now or datetime.now(timezone.utc)
    report = IngestReport(store=store_name)
    store.load_reference(reference_quads())
    seen_graphs: set[str] = set()

    def fresh_documents() -> Iterator[Document]:
        for item in read_paths(paths, stdin=stdin):
            if isinstance(item, InputError):
                report.failures.append(item)
                if on_article:
                    on_article(1)
                continue
            graph = article_graph_iri(item.sha256)
            state = store.article_state(article_source_key(item))
            # a stored graph nobody catalogued was left by an interrupted bulk write: rewrite it
            if graph in seen_graphs or (state is None and store.has_graph(graph) and store.is_catalogued(graph)):
                report.outcomes.append(_outcome(item, "duplicate", graph))
                if on_article:
                    on_article(1)
                continue
            if state is not None and state.sha256 == item.sha256 and state.extractor_version == EXTRACTOR_VERSION:
                report.outcomes.append(_outcome(item, "unchanged", graph))
                seen_graphs.add(graph)
                if on_article:
                    on_article(1)
                continue
            seen_graphs.add(graph)
            report.outcomes.append(_outcome(item, "added" if state is None else "replaced", graph))
            yield item

    batch: list[ArticleGraph] = []
    for article in _article_graphs(fresh_documents(), workers, ingested_at):
        if isinstance(article, _Failed):
            graph = article_graph_iri(article.doc.sha256)
            report.outcomes = [o for o in report.outcomes if not (o.graph == graph and o.source == article.doc.source)]
            report.failures.append(InputError(article.doc.source, article.reason))
            seen_graphs.discard(graph)
            if on_article:
                on_article(1)
            continue
        batch.append(article)
        if len(batch) >= BATCH_SIZE:
            store.write_articles(batch)
            if on_article:
                on_article(len(batch))
            batch = []
    if batch:
        store.write_articles(batch)
        if on_article:
            on_article(len(batch))
    report.seconds = time.perf_counter() - started
    return report


def ingest_into(
    paths: Sequence[str | Path],
    store_dir: Path,
    *,
    workers: int = 1,
    stdin: BinaryIO | None = None,
    now: datetime | None = None,
    on_article: ProgressCallback | None = None,
    lock_timeout: float = 30.0,
) -> IngestReport:
    """:func:`ingest` into the embedded on-disk store at ``store_dir`` (created if missing)."""
    with OxigraphStore.open(store_dir, lock_timeout=lock_timeout) as store:
        return ingest(
            paths,
            store,
            workers=workers,
            stdin=stdin,
            now=now,
            on_article=on_article,
            store_name=str(store_dir),
        )


def _outcome(doc: Document, status: str, graph: str) -> ArticleOutcome:
    return ArticleOutcome(
        source=doc.source, status=status, graph=graph, lang=doc.lang, published=doc.published, title=doc.title
    )
