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
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path
from typing import BinaryIO

from judikg import EXTRACTOR_VERSION
from judikg.errors import InputError
from judikg.graph.rdfize import article_nquads, article_source_key
from judikg.graph.reference_graph import reference_quads
from judikg.graph.store import ArticleGraph, OxigraphStore, Store, WriteReport
from judikg.heap import release_free_memory
from judikg.ingest.extract import extract
from judikg.ingest.model import Document
from judikg.ingest.read import FileToRead, list_inputs, read_bytes, read_file
from judikg.iris import article_graph_iri

#: Articles written per bulk load. Each load adds files that RocksDB compacts into what the store
#: holds, so fewer, larger loads cost less CPU an article: measured on 8000 4 KB articles (~60 KB of
#: N-Quads each), store CPU 2.98 ms an article with 400, 1.70 with 1000; one load of 1000 holds
#: ~170 MB beside its 60 MB of text. Memory stays flat whatever the corpus size either way.
BATCH_SIZE = 1000
#: ... or this many bytes of N-Quads, whichever comes first (a 4 KB article gives ~60 KB).
BATCH_BYTES = 64 * 2**20

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


#: Files read by a worker process at a time, and articles extracted by one at a time: enough to
#: amortise the round trip (a 4 KB article is read in ~2 ms and extracted in ~7).
READ_CHUNK_SIZE = 16
CHUNK_SIZE = 8
#: Tasks of each kind in flight per worker: keeps every worker busy while the parent writes, and
#: bounds memory (``Pool.imap`` would read the whole corpus ahead into its task queue).
CHUNKS_AHEAD = 3


def _article_graph(doc: Document, nquads: bytes) -> ArticleGraph:
    return ArticleGraph(
        graph_iri=article_graph_iri(doc.sha256), source_key=article_source_key(doc), sha256=doc.sha256, nquads=nquads
    )


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


def _read(file: FileToRead) -> list[Document | InputError]:
    """The file's articles, or why reading failed on it (a bug must cost one file, not the batch)."""
    try:
        return read_file(file)
    except Exception as exc:  # noqa: BLE001 - reported per file, never swallowed
        return [InputError(file.path, f"reading failed ({type(exc).__name__}: {exc}); please report this judikg bug with the file")]


def _read_chunk(files: list[FileToRead]) -> list[Document | InputError]:
    """Worker side: the articles of each file, in order (reading costs ~2 ms a 4 KB article:
    decoding, normalisation, language and date; the parent only lists the files). InputError
    pickles with its source and reason, so errors travel back as they are."""
    return [item for file in files for item in _read(file)]


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
    """Load lexicons, reference data and the readers' tables before forking, so workers share
    them instead of each loading its own copy."""
    read_bytes(b"<html><body><p>Supreme Court.</p></body></html>", "<warm-up>.html")
    doc = read_bytes("Supreme Court\n28.05.2024\nThe Supreme Court met.".encode(), "<warm-up>.txt")
    extract(doc)


def _documents(
    paths: Sequence[str | Path], stdin: BinaryIO | None, pool: Pool | None, workers: int
) -> Iterator[Document | InputError]:
    """What :func:`read_paths` yields, in its order; files are read on the pool when there is one."""
    items = list_inputs(paths, stdin=stdin)
    if pool is None:
        for item in items:
            yield from _read(item) if isinstance(item, FileToRead) else (item,)
        return
    # Each entry: what is already known (an error, stdin's articles) or a read task's result.
    pending: deque[list[Document | InputError] | AsyncResult[list[Document | InputError]]] = deque()
    group: list[FileToRead] = []
    for item in items:
        if isinstance(item, FileToRead):
            group.append(item)
            if len(group) < READ_CHUNK_SIZE:
                continue
            pending.append(pool.apply_async(_read_chunk, (group,)))
            group = []
        else:
            if group:
                pending.append(pool.apply_async(_read_chunk, (group,)))
                group = []
            pending.append([item])
        while len(pending) >= workers * CHUNKS_AHEAD:
            yield from _ready(pending.popleft())
    if group:
        pending.append(pool.apply_async(_read_chunk, (group,)))
    while pending:
        yield from _ready(pending.popleft())


def _ready(
    entry: list[Document | InputError] | AsyncResult[list[Document | InputError]],
) -> list[Document | InputError]:
    return entry if isinstance(entry, list) else entry.get()


def _extracted(
    docs: Iterable[Document], pool: Pool | None, workers: int, ingested_at: datetime
) -> Iterator[tuple[Document, bytes | str]]:
    """Each document with its graph as N-Quads (or why extraction failed), in input order;
    extraction on the pool when there is one."""
    if pool is None:
        for doc in docs:
            yield doc, _nquads(doc, ingested_at)
        return
    pending: deque[tuple[list[Document], AsyncResult[list[bytes | str]]]] = deque()
    for chunk in _chunks(docs, CHUNK_SIZE):
        pending.append((chunk, pool.apply_async(_quads_of_chunk, (chunk, ingested_at))))
        if len(pending) >= workers * CHUNKS_AHEAD:
            chunk, result = pending.popleft()
            yield from zip(chunk, result.get(), strict=True)
    while pending:
        chunk, result = pending.popleft()
        yield from zip(chunk, result.get(), strict=True)


class _BackgroundWriter:
    """Writes one batch on a thread while the next is gathered.

    The bulk load releases the GIL (~7 ms of a 4 KB article's ~550 quads), so it overlaps with
    receiving, checking and (with one process) extracting the next batch. At most one batch is
    being written and one gathered: memory stays flat whatever the corpus size. A write error
    is raised on the calling thread at the next :meth:`submit` or at :meth:`finish`.
    """

    def __init__(self, store: Store, on_article: ProgressCallback | None) -> None:
        self._store = store
        self._on_article = on_article
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="judikg-store-writer")
        self._pending: tuple[Future[object], int] | None = None

    def submit(self, batch: list[ArticleGraph]) -> None:
        self.wait()
        self._pending = (self._executor.submit(self._write, batch), len(batch))

    def _write(self, batch: list[ArticleGraph]) -> WriteReport:
        try:
            return self._store.write_articles(batch)
        finally:
            # The writer owns the batch once submitted: free its N-Quads now, then hand the freed
            # pages back; without this the parent's RSS grows with the corpus (see judikg.heap).
            batch.clear()
            release_free_memory()

    def wait(self) -> None:
        if self._pending is None:
            return
        future, count = self._pending
        self._pending = None
        future.result()
        if self._on_article:
            self._on_article(count)

    def close(self) -> None:
        """Let a write under way finish (the store must not close under it), without raising."""
        self._executor.shutdown(wait=True)


def ingest(
    paths: Sequence[str | Path],
    store: Store,
    *,
    workers: int = 1,
    stdin: BinaryIO | None = None,
    now: datetime | None = None,
    on_article: ProgressCallback | None = None,
    store_name: str = "",
    batch_size: int = BATCH_SIZE,
) -> IngestReport:
    """Read, extract and store every article under ``paths``; bad input never stops the batch.

    An article whose content and extractor version are already stored is skipped; a changed
    article replaces the graph stored for its source; two files with the same content are one
    article. ``now`` is the ingest time recorded in every graph (injected so tests can pin it).
    With ``workers`` > 1, files are read and articles extracted on that many processes; the
    store is written on a thread of this one, ``batch_size`` articles (or :data:`BATCH_BYTES`) a write.
    """
    if batch_size < 1:
        raise InputError(str(batch_size), "is not a batch size; give at least 1 article a write")
    started = time.perf_counter()
    ingested_at = now or datetime.now(timezone.utc)
    report = IngestReport(store=store_name)
    store.load_reference(reference_quads())
    seen_graphs: set[str] = set()
    # outcomes of articles sent to extraction, until their graph comes back (or fails)
    in_flight: dict[tuple[str, str], ArticleOutcome] = {}
    dropped: set[int] = set()

    def progress(count: int) -> None:
        if on_article:
            on_article(count)

    def fresh_documents(items: Iterable[Document | InputError]) -> Iterator[Document]:
        for item in items:
            if isinstance(item, InputError):
                report.failures.append(item)
                progress(1)
                continue
            graph = article_graph_iri(item.sha256)
            state = store.article_state(article_source_key(item))
            # a stored graph nobody catalogued was left by an interrupted bulk write: rewrite it
            if graph in seen_graphs or (state is None and store.has_graph(graph) and store.is_catalogued(graph)):
                report.outcomes.append(_outcome(item, "duplicate", graph))
                progress(1)
                continue
            if state is not None and state.sha256 == item.sha256 and state.extractor_version == EXTRACTOR_VERSION:
                report.outcomes.append(_outcome(item, "unchanged", graph))
                seen_graphs.add(graph)
                progress(1)
                continue
            seen_graphs.add(graph)
            outcome = _outcome(item, "added" if state is None else "replaced", graph)
            report.outcomes.append(outcome)
            in_flight[(graph, item.source)] = outcome
            yield item

    pool: Pool | None = None
    writer = _BackgroundWriter(store, on_article)
    try:
        if workers > 1:
            _warm_up()
            pool = multiprocessing.get_context("fork").Pool(workers)
        documents = fresh_documents(_documents(paths, stdin, pool, workers))
        batch: list[ArticleGraph] = []
        batch_bytes = 0
        for doc, nquads in _extracted(documents, pool, workers, ingested_at):
            graph = article_graph_iri(doc.sha256)
            outcome = in_flight.pop((graph, doc.source))
            if isinstance(nquads, str):
                dropped.add(id(outcome))
                report.failures.append(InputError(doc.source, nquads))
                seen_graphs.discard(graph)
                progress(1)
                continue
            batch.append(_article_graph(doc, nquads))
            batch_bytes += len(nquads)
            if len(batch) >= batch_size or batch_bytes >= BATCH_BYTES:
                writer.submit(batch)
                batch, batch_bytes = [], 0
        if batch:
            writer.submit(batch)
        writer.wait()
    finally:
        writer.close()
        if pool is not None:
            pool.terminate()
            pool.join()
    if dropped:
        report.outcomes = [o for o in report.outcomes if id(o) not in dropped]
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
    batch_size: int = BATCH_SIZE,
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
            batch_size=batch_size,
        )


def _outcome(doc: Document, status: str, graph: str) -> ArticleOutcome:
    return ArticleOutcome(
        source=doc.source, status=status, graph=graph, lang=doc.lang, published=doc.published, title=doc.title
    )
