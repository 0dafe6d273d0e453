"""Where article graphs live: a small store-neutral protocol and the embedded Oxigraph store.

Every article is one named graph. A catalog (named graph ``jkg:catalog``) maps each source key
(the article URL if known, else its absolute path or ``file.jsonl:LINE``) to the graph written
for it, the text's sha256 and the extractor version, so ingest decides "unchanged → skip,
changed → replace" with one lookup::

    <graph> dcterms:source "source key" ; dcterms:identifier "sha256 of the text" ;
        owl:versionInfo "extractor version" .

Only standard properties without a domain are used there: the jk: properties (jk:sha256 ...)
have domain jk:Article, so RDFS inference would turn every catalogued graph into an article.

A batch that replaces articles goes through one SPARQL UPDATE request: Oxigraph runs a whole
request in one transaction, so a batch that fails anywhere leaves the store exactly as it was
(``extend`` cannot remove the graphs being replaced in the same transaction). A batch of new
articles is bulk-loaded (``bulk_extend``, ~3x cheaper than a transaction, see ``_extend``) and
catalogued afterwards in one transaction, so an article counts as stored only once its whole
graph is; readers never see a batch being written, as they wait on the store lock.
"""

from __future__ import annotations

import hashlib
import io
import re
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, Protocol, runtime_checkable

import pyoxigraph as ox

from judikg import EXTRACTOR_VERSION
from judikg.errors import InputError, QueryError, StoreError, StoreLockedError
from judikg.graph.bindings import place_values
from judikg.graph.lock import StoreLock
from judikg.graph.terms import Term, iri, std
from judikg.vocab import JKG

#: Serialisations a store can write, by the name the CLI uses.
FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}


def rdf_format(fmt: str) -> ox.RdfFormat:
    try:
        return FORMATS[fmt.lower().lstrip(".")]
    except KeyError:
        raise InputError(fmt, f"unknown RDF format; use one of {', '.join(FORMATS)}") from None


_HASH = std("dcterms", "identifier")
_VERSION = std("owl", "versionInfo")


def catalog_graph() -> ox.NamedNode:
    return iri(str(JKG["catalog"]))


@dataclass(frozen=True, slots=True)
class ArticleState:
    """What the store holds for one source key."""

    graph_iri: str
    sha256: str
    extractor_version: str


@dataclass(frozen=True, slots=True)
class ArticleGraph:
    """One article's named graph, ready to write (every quad in ``graph_iri``)."""

    graph_iri: str
    source_key: str
    sha256: str
    quads: Sequence[ox.Quad] = ()
    extractor_version: str = EXTRACTOR_VERSION
    #: The same graph as N-Quads lines instead of ``quads`` (what the ingest workers send):
    #: the store bulk-loads them without building a Quad object per quad (~1.8 ms an article).
    nquads: bytes = b""

    def all_quads(self) -> Sequence[ox.Quad]:
        """``quads``, or ``nquads`` parsed (only a replacing write needs Quad objects)."""
        if self.nquads:
            return list(ox.parse(self.nquads, ox.RdfFormat.N_QUADS))
        return self.quads


@dataclass(frozen=True, slots=True)
class WriteReport:
    articles: int
    quads: int
    removed_graphs: tuple[str, ...]  # graphs dropped because their source or IRI was rewritten
    seconds: float


#: SELECT gives pyoxigraph solutions (a remote store builds the same with
#: ``pyoxigraph.parse_query_results``), ASK a bool, CONSTRUCT/DESCRIBE a list of triples.
QueryResult = ox.QuerySolutions | bool | list[ox.Triple]


@runtime_checkable
class Store(Protocol):
    """What ingest, queries, export, validate and stats need from an RDF store.

    Terms are pyoxigraph terms (a remote SPARQL store can produce them with
    ``pyoxigraph.parse_query_results``); graph names are IRI strings.
    """

    def article_state(self, source_key: str) -> ArticleState | None: ...

    def write_articles(self, batch: Sequence[ArticleGraph]) -> WriteReport: ...

    def has_graph(self, graph_iri: str) -> bool: ...

    def is_catalogued(self, graph_iri: str) -> bool: ...

    def drop_uncatalogued(self) -> list[str]: ...

    def named_graphs(self) -> list[str]: ...

    def remove_graph(self, graph_iri: str) -> bool: ...

    def load_reference(self, quads: Iterable[ox.Quad], version: str | None = None) -> bool: ...

    def query(
        self, sparql: str, *, bindings: Mapping[str, Term] | None = None, timeout: float | None = None
    ) -> QueryResult: ...

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]: ...

    def dump(self, fmt: str, out: BinaryIO, graph: str | None = None) -> None: ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...


def _triple_text(quad: ox.Quad) -> str:
    return f"{quad.subject} {quad.predicate} {quad.object} ."


def content_hash(quads: Iterable[ox.Quad]) -> str:
    """sha256 of the canonical (RDFC-1.0) sorted N-Quads: equal for equal content whatever the
    order and whatever labels a parser gave the blank nodes (the ontology has OWL lists)."""
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    digest = hashlib.sha256()
    for line in sorted(str(q) for q in dataset):
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def _checked_nquads(article: ArticleGraph, *, lines_only: bool) -> int:
    """The number of quads in ``article.nquads``, after checking each line ends in the article graph.

    Checked on the bytes at C level: every line must end with `` <graph> .``. That also fits a
    default-graph triple whose object is the graph IRI; with ``lines_only`` the caller rules
    that out after loading (an empty default graph must stay empty, ~0.7 ms an article cheaper
    than this regex scan of every line), otherwise each line is scanned for four terms.
    """
    text = article.nquads
    graph = str(iri(article.graph_iri)).encode("utf-8")
    lines = text.count(b"\n")
    if (
        not text.endswith(b"\n")
        or text.count(b" " + graph + b" .\n") != lines
        or (not lines_only and len(_QUAD_IN_GRAPH.findall(text)) != lines)
    ):
        raise StoreError(
            f"{article.source_key}: its N-Quads are not one quad a line, each in the article graph "
            f"{article.graph_iri} and ending with a newline; build them with judikg.graph.rdfize.article_nquads"
        )
    return lines


# One N-Quads line with four terms (subject, predicate, object, graph); the object alternatives
# cover IRIs, blank nodes and literals with escapes, a language tag or a datatype.
_QUAD_IN_GRAPH = re.compile(
    rb'^(?:<[^>\n]*>|_:\S+) <[^>\n]*> (?:<[^>\n]*>|_:\S+|"[^"\\\n]*(?:\\.[^"\\\n]*)*"(?:@[A-Za-z0-9-]+|\^\^<[^>\n]*>)?) '
    rb"<[^>\n]*> \.$",
    re.MULTILINE,
)


def _default_graph_empty(store: ox.Store) -> bool:
    return next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None


class OxigraphStore:
    """The embedded on-disk store (pyoxigraph / RocksDB), or an in-memory one for tests.

    Open it with :meth:`open` (on disk, locked) or :meth:`memory`. A writer holds the store's
    exclusive lock until :meth:`close`; read-only stores share a lock and exclude writers (see
    :mod:`judikg.graph.lock` for why readers cannot run beside a writer with pyoxigraph 0.5).
    """

    def __init__(self, store: ox.Store, *, path: Path | None = None, lock: StoreLock | None = None,
                 read_only: bool = False) -> None:
        self._store: ox.Store | None = store
        self.path = path
        self.read_only = read_only
        self._lock = lock

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False, lock_timeout: float = 10.0) -> OxigraphStore:
        path = Path(path).resolve()
        if read_only and not (path / "CURRENT").exists():
            raise StoreError(f"{path}: no store here; build one with `judikg ingest FILES --store {path}`")
        lock = StoreLock(path, exclusive=not read_only, timeout=lock_timeout).acquire()
        try:
            store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except OSError as exc:
            lock.release()
            if "lock" in str(exc).lower():
                raise StoreLockedError(
                    f"store {path} is open in another store object of this process; close it first"
                ) from exc
            raise StoreError(f"{path}: cannot open the store: {exc}") from exc
        except (RuntimeError, ValueError) as exc:
            lock.release()
            raise StoreError(
                f"{path}: cannot open the store ({exc}); if it was written by another tool, export and rebuild it"
            ) from exc
        opened = cls(store, path=path, lock=lock, read_only=read_only)
        if not read_only:
            opened.drop_uncatalogued()
        return opened

    @classmethod
    def memory(cls) -> OxigraphStore:
        return cls(ox.Store())

    def close(self) -> None:
        store, self._store = self._store, None
        if store is not None and not self.read_only and self.path is not None:
            store.flush()  # so that the next read-only open needs no WAL replay
        del store  # the last reference: RocksDB closes before the lock is released
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> OxigraphStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def raw(self) -> ox.Store:
        """The pyoxigraph store, for fast bulk reads (e.g. projection to networkx)."""
        if self._store is None:
            raise StoreError(f"store {self.path or '<memory>'} is closed")
        return self._store

    def _writable(self) -> ox.Store:
        if self.read_only:
            raise StoreError(f"store {self.path} is open read-only; open it without read_only to write")
        return self.raw

    # -- catalog ------------------------------------------------------------------------

    def article_state(self, source_key: str) -> ArticleState | None:
        states = self._states([source_key])
        return states.get(source_key)

    def _states(self, keys: Sequence[str]) -> dict[str, ArticleState]:
        # Index lookups, not SPARQL: ingest asks once an article, and a parsed and planned query
        # cost ~1 ms against ~20 us for these three patterns on the catalog graph.
        store = self.raw
        catalog = catalog_graph()
        source = std("dcterms", "source")
        states: dict[str, ArticleState] = {}
        for key in sorted(set(keys)):
            graphs = sorted(q.subject.value for q in store.quads_for_pattern(None, source, ox.Literal(key), catalog)
                            if isinstance(q.subject, ox.NamedNode))
            for graph in graphs:  # one graph a key; were there several, the last in IRI order wins
                node = ox.NamedNode(graph)
                sha = next(iter(store.quads_for_pattern(node, _HASH, None, catalog)), None)
                version = next(iter(store.quads_for_pattern(node, _VERSION, None, catalog)), None)
                if sha is not None and version is not None:
                    states[key] = ArticleState(graph, sha.object.value, version.object.value)
        return states

    # -- writing ------------------------------------------------------------------------

    def write_articles(self, batch: Sequence[ArticleGraph]) -> WriteReport:
        """Replace, in one transaction, each article's graph (by source key and by graph IRI)."""
        started = time.perf_counter()
        store = self._writable()
        if not batch:
            return WriteReport(0, 0, (), 0.0)
        old = self._states([a.source_key for a in batch])
        catalog = str(catalog_graph())
        removals: set[str] = set()
        quad_count = 0
        seen: dict[str, str] = {}
        default_empty = _default_graph_empty(store)
        for article in batch:
            graph = iri(article.graph_iri)
            if seen.setdefault(article.graph_iri, article.source_key) != article.source_key:
                raise StoreError(
                    f"{article.source_key}: graph {article.graph_iri} is also written for "
                    f"{seen[article.graph_iri]} in the same batch; write one article per graph"
                )
            removals.add(article.graph_iri)
            if article.source_key in old:
                removals.add(old[article.source_key].graph_iri)
            if article.nquads:
                if article.quads:
                    raise StoreError(
                        f"{article.source_key}: an ArticleGraph gives either quads or nquads, not both"
                    )
                quad_count += _checked_nquads(article, lines_only=default_empty)
                continue
            for quad in article.quads:
                if not isinstance(quad, ox.Quad):
                    raise StoreError(f"{article.source_key}: expected a pyoxigraph Quad, got {type(quad).__name__}")
                if quad.graph_name != graph and not isinstance(quad.graph_name, ox.DefaultGraph):
                    raise StoreError(
                        f"{article.source_key}: a quad is in {quad.graph_name}, not in the article graph {graph}"
                    )
                quad_count += 1
        replacing = [g for g in sorted(removals) if store.contains_named_graph(iri(g))]
        if not replacing and not old:
            self._extend(store, batch, what=f"a batch of {len(batch)} articles", default_empty=default_empty)
        else:
            ops = [self._drop_ops(g, catalog) for g in sorted(removals)]
            ops.append("INSERT DATA {\n" + "\n".join(self._insert_text(a, catalog) for a in batch) + "\n}")
            self._update(store, " ;\n".join(ops), what=f"a batch of {len(batch)} articles")
        replaced = tuple(sorted(g for g in removals if g in {o.graph_iri for o in old.values()}))
        return WriteReport(len(batch), quad_count, replaced, time.perf_counter() - started)

    @staticmethod
    def _insert_text(article: ArticleGraph, catalog: str) -> str:
        graph = iri(article.graph_iri)
        lines = [f"GRAPH {graph} {{", *(_triple_text(quad) for quad in article.all_quads()), "}"]
        lines.append(
            f"GRAPH {catalog} {{ {graph} {std('dcterms', 'source')} {ox.Literal(article.source_key)} ; "
            f"{_HASH} {ox.Literal(article.sha256)} ; {_VERSION} {ox.Literal(article.extractor_version)} . }}"
        )
        return "\n".join(lines)

    @staticmethod
    def _drop_ops(graph_iri: str, catalog: str) -> str:
        graph = iri(graph_iri)
        return f"DROP SILENT GRAPH {graph} ;\nDELETE WHERE {{ GRAPH {catalog} {{ {graph} ?p ?o }} }}"

    def _extend(self, store: ox.Store, batch: Sequence[ArticleGraph], *, what: str, default_empty: bool) -> None:
        """New articles only: their graphs by bulk load, then their catalog entries in one transaction.

        The transactional ``Store.extend`` costs ~12 ms of CPU for a 4 KB article's ~550 quads
        (20-24 k quads/s on disk), more than extracting it; ``bulk_extend`` ~3.5 ms (45-60 k
        quads/s), but it is not one transaction. The catalog is therefore written last and
        transactionally: an article is catalogued only once its whole graph is on disk. A run
        killed in between leaves uncatalogued graphs, which ingest rewrites on the next run.
        """
        catalog = catalog_graph()
        quads: list[ox.Quad] = []
        nquads: list[bytes] = []
        entries: list[ox.Quad] = []
        for article in batch:
            graph = iri(article.graph_iri)
            nquads.append(article.nquads)
            quads.extend(q if q.graph_name == graph else ox.Quad(q.subject, q.predicate, q.object, graph)
                         for q in article.quads)
            entries.append(ox.Quad(graph, std("dcterms", "source"), ox.Literal(article.source_key), catalog))
            entries.append(ox.Quad(graph, _HASH, ox.Literal(article.sha256), catalog))
            entries.append(ox.Quad(graph, _VERSION, ox.Literal(article.extractor_version), catalog))
        try:
            if quads:
                store.bulk_extend(quads)
            text = b"".join(nquads)
            if text:
                # One load per batch: each bulk load writes and ingests its own files. Lenient:
                # the loader skips validating IRIs and language tags again (~1.5-2 ms an article
                # of ~550 quads); rdfize.article_nquads builds every term through pyoxigraph's
                # validating constructors, and the lines' graph names are checked above.
                store.bulk_load(input=text, format=ox.RdfFormat.N_QUADS, lenient=True)
                if default_empty and not _default_graph_empty(store):
                    raise ValueError("a line of the N-Quads is a triple in the default graph, not a quad")
        except (SyntaxError, ValueError, RuntimeError, OSError) as exc:
            for article in batch:  # the bulk load is not a transaction: take back what it wrote
                store.remove_graph(iri(article.graph_iri))
            if default_empty:
                store.clear_graph(ox.DefaultGraph())
            raise StoreError(
                f"store {self.path or '<memory>'}: writing {what} failed; none of them is catalogued, "
                f"so the next ingest of the same files writes them again: {exc}"
            ) from exc
        try:
            store.extend(entries)
        except (ValueError, RuntimeError, OSError) as exc:
            raise StoreError(
                f"store {self.path or '<memory>'}: cataloguing {what} failed and nothing was catalogued; "
                f"the next ingest of the same files writes them again: {exc}"
            ) from exc

    def drop_uncatalogued(self) -> list[str]:
        """Remove article graphs no catalog entry vouches for: what a run killed during a bulk
        write left behind. Called whenever a writer opens the store, so a crash never leaves
        half an article for the next reader of a store that is written again."""
        store = self._writable()
        catalog = catalog_graph()
        catalogued = {q.subject for q in store.quads_for_pattern(None, None, None, catalog)}
        prefix = str(JKG) + "article/"
        orphans = [g for g in store.named_graphs()
                   if isinstance(g, ox.NamedNode) and g.value.startswith(prefix) and g not in catalogued]
        for graph in orphans:
            store.remove_graph(graph)
        return sorted(g.value for g in orphans)

    def is_catalogued(self, graph_iri: str) -> bool:
        """Whether some source is recorded for ``graph_iri`` (a graph left by an interrupted
        bulk write is not)."""
        return any(True for _ in self.raw.quads_for_pattern(iri(graph_iri), None, None, catalog_graph()))

    def _update(self, store: ox.Store, text: str, *, what: str) -> None:
        try:
            store.update(text)
        except (SyntaxError, ValueError, RuntimeError, OSError) as exc:
            raise StoreError(
                f"store {self.path or '<memory>'}: writing {what} failed and nothing was written: {exc}"
            ) from exc

    def remove_graph(self, graph_iri: str) -> bool:
        store = self._writable()
        if not self.has_graph(graph_iri):
            return False
        self._update(store, self._drop_ops(graph_iri, str(catalog_graph())), what=f"removal of {graph_iri}")
        return True

    def load_reference(self, quads: Iterable[ox.Quad], version: str | None = None) -> bool:
        """Replace the graphs the quads are in (jkg:reference, jkg:ontology) if their content changed.

        Returns whether anything was written. The content hash is kept in the catalog, so an
        unchanged reference costs one lookup per ingest.
        """
        store = self._writable()
        by_graph: dict[str, list[ox.Quad]] = {}
        for quad in quads:
            if isinstance(quad.graph_name, ox.DefaultGraph):
                raise StoreError("reference quads must be in a named graph (jkg:reference or jkg:ontology)")
            by_graph.setdefault(quad.graph_name.value, []).append(quad)
        catalog = str(catalog_graph())
        sha_p = _HASH
        ops: list[str] = []
        inserts: list[str] = []
        for graph_iri in sorted(by_graph):
            graph_quads = by_graph[graph_iri]
            digest = content_hash(graph_quads)
            stored = self.query(f"SELECT ?sha WHERE {{ GRAPH {catalog} {{ {iri(graph_iri)} {sha_p} ?sha }} }}")
            assert isinstance(stored, ox.QuerySolutions)
            if [row[0].value for row in stored] == [digest]:
                continue
            graph = iri(graph_iri)
            ops.append(self._drop_ops(graph_iri, catalog))
            body = "\n".join(_triple_text(q) for q in graph_quads)
            meta = f"{graph} {sha_p} {ox.Literal(digest)}"
            if version:
                meta += f" ; {_VERSION} {ox.Literal(version)}"
            inserts.append(f"GRAPH {graph} {{\n{body}\n}}\nGRAPH {catalog} {{ {meta} . }}")
        if not ops:
            return False
        ops.append("INSERT DATA {\n" + "\n".join(inserts) + "\n}")
        self._update(store, " ;\n".join(ops), what="the reference graphs")
        return True

    # -- reading ------------------------------------------------------------------------

    def has_graph(self, graph_iri: str) -> bool:
        return self.raw.contains_named_graph(iri(graph_iri))

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self.raw.named_graphs() if isinstance(g, ox.NamedNode))

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        return iter(self.raw.quads_for_pattern(None, None, None, iri(graph) if graph else None))

    def dump(self, fmt: str, out: BinaryIO, graph: str | None = None) -> None:
        """Raw, fast dump in store order; :func:`judikg.graph.export.export` sorts and merges."""
        rdf = rdf_format(fmt)
        if graph is not None:
            if not self.has_graph(graph):
                raise InputError(graph, "no such graph in the store; list them with `judikg stats --json`")
            self.raw.dump(out, rdf, from_graph=iri(graph))
        elif rdf.supports_datasets:
            self.raw.dump(out, rdf)
        else:
            ox.serialize(sorted({q.triple for q in self.quads()}, key=str), out, rdf)

    def query(
        self, sparql: str, *, bindings: Mapping[str, Term] | None = None, timeout: float | None = None
    ) -> QueryResult:
        """Run a SPARQL 1.1 query over the union of all graphs, with ``bindings`` as RDF terms.

        Bindings go through pyoxigraph's ``substitutions`` (SEP-0007, which also reaches
        sub-SELECTs projecting the variable); Oxigraph refuses to substitute a variable the
        SELECT does not project, so then they are bound by VALUES blocks of serialised terms
        opening the outer group and each sub-SELECT projecting them
        (:func:`judikg.graph.bindings.place_values`), which Oxigraph joins first. Without ``timeout`` SELECT results stream;
        with it, results are serialised as they are produced into a writer that checks the
        clock, and parsed back: a query still producing at the deadline raises
        :class:`QueryError`. pyoxigraph cannot cancel an evaluation, so a query that computes
        long before its first row (a big GROUP BY, ORDER BY) is only stopped after that row.
        (Running it on a thread instead left Rust evaluating at interpreter exit: an abort.)
        """
        store = self.raw
        subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        if timeout is None:
            return self._evaluate(store, sparql, subs, deadline=None)
        return self._evaluate(store, sparql, subs, deadline=(time.monotonic() + timeout, timeout))

    def _evaluate(
        self,
        store: ox.Store,
        sparql: str,
        subs: Mapping[ox.Variable, Term],
        *,
        deadline: tuple[float, float] | None,
    ) -> QueryResult:
        try:
            try:
                result = store.query(sparql, use_default_graph_as_union=True, substitutions=dict(subs) or None)
            except RuntimeError as exc:
                if not subs or "projection" not in str(exc):
                    raise
                values = place_values(sparql, {v.value: t for v, t in subs.items()})
                result = store.query(values, use_default_graph_as_union=True)
            if isinstance(result, ox.QueryBoolean):
                return bool(result)
            if isinstance(result, ox.QueryTriples):
                triples: list[ox.Triple] = []
                for triple in result:
                    triples.append(triple)
                    if deadline is not None:
                        _check(deadline, sparql)
                return triples
            if deadline is None:
                return result
            writer = _DeadlineWriter(deadline, sparql)
            result.serialize(writer, ox.QueryResultsFormat.JSON)
            return ox.parse_query_results(writer.getvalue(), ox.QueryResultsFormat.JSON)  # type: ignore[return-value]
        except QueryError:
            raise
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL: {exc}; check the query text") from exc
        except (RuntimeError, OSError, ValueError, TypeError) as exc:
            raise QueryError(f"query failed on store {self.path or '<memory>'}: {exc}") from exc


def _check(deadline: tuple[float, float], sparql: str) -> None:
    ends_at, timeout = deadline
    if time.monotonic() > ends_at:
        first = sparql.strip().splitlines()[0][:80] if sparql.strip() else ""
        raise QueryError(f"query timed out after {timeout:g} s ({first} …); narrow it or raise --timeout")


class _DeadlineWriter(io.BytesIO):
    """A buffer pyoxigraph serialises results into; a write after the deadline aborts the query."""

    def __init__(self, deadline: tuple[float, float], sparql: str) -> None:
        super().__init__()
        self._deadline = deadline
        self._sparql = sparql

    def write(self, data: bytes) -> int:  # type: ignore[override]
        _check(self._deadline, self._sparql)
        return super().write(data)
