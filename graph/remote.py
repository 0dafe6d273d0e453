"""Pushing the store's named graphs into any SPARQL 1.1 store, and checking the queries can see them.

Each named graph is replaced whole — Graph Store Protocol ``PUT ?graph=G`` with N-Triples, or,
where the store has no Graph Store endpoint, one SPARQL Update request ``DROP SILENT GRAPH G ;
INSERT { GRAPH G { … } } WHERE {}`` — so pushing twice leaves the remote store as pushing once.
The local catalog graph (source paths of ingested files) is bookkeeping and stays local.

The named-graph trap: judikg keeps every article in its own named graph, and its named queries
match most patterns without ``GRAPH`` — they expect the default graph to be the union of all
named graphs, as the embedded store gives it. Stores differ: Virtuoso, GraphDB/RDF4J and
Blazegraph (quads mode) query the union by default; Oxigraph needs ``serve
--union-default-graph``; Fuseki/TDB2 needs ``tdb2:unionDefaultGraph true``; Stardog
``query.all.graphs=true``. Rewriting every query with ``FROM`` clauses would not scale to one
graph per article, and copying the data into the default graph would double it and make
removals unsafe, so :func:`push` *verifies* instead: after loading it asks the query endpoint
for a pushed triple without ``GRAPH``; if the triple is visible only inside ``GRAPH``, it fails
with the setting to change.
"""

from __future__ import annotations

import http.client
import json
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field

import pyoxigraph as ox

from judikg.errors import EndpointError
from judikg.graph.store import Store, catalog_graph

#: The User-Agent sent with every request (public endpoints refuse anonymous clients).
USER_AGENT = "judikg-push (+https://w3id.org/judikg)"
UNION_DEFAULT_GRAPH_FIX = (
    "the store answers queries from its default graph only, and judikg's named queries need the union "
    "of all named graphs there. Enable it: Oxigraph `oxigraph serve --union-default-graph`; Fuseki/TDB2 "
    "`tdb2:unionDefaultGraph true` in the dataset config (or `--set tdb:unionDefaultGraph=true`); Stardog "
    "`query.all.graphs=true`; Virtuoso, GraphDB and Blazegraph query the union by default"
)


@dataclass(frozen=True, slots=True)
class RemoteEndpoint:
    """The URLs of one remote dataset: query (required), update and Graph Store (optional)."""

    query_url: str
    update_url: str | None = None
    gsp_url: str | None = None

    @classmethod
    def guess(cls, query_url: str, *, update_url: str | None = None, gsp_url: str | None = None) -> RemoteEndpoint:
        """Fill in the update and Graph Store URLs from the query URL's usual neighbours.

        Oxigraph: ``/query`` ``/update`` ``/store``; Fuseki: ``/ds/query`` (or ``/ds/sparql``)
        ``/ds/update`` ``/ds/data``; Virtuoso: ``/sparql`` for both, ``/sparql-graph-crud``.
        """
        parsed = urllib.parse.urlsplit(query_url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise EndpointError(f"{query_url!r} is not an http(s) URL of a SPARQL query endpoint")
        path = parsed.path.rstrip("/")
        head, _, last = path.rpartition("/")
        root = urllib.parse.urlunsplit((parsed.scheme, parsed.netloc, head, "", ""))
        if last == "query":
            update, gsp = root + "/update", root + "/store"
        elif last == "sparql" and not head:
            # Virtuoso: one /sparql at the server root answers queries and updates (Fuseki's
            # endpoints always sit under a dataset path, /ds/sparql).
            update, gsp = query_url, root + "/sparql-graph-crud"
        elif last == "sparql":
            update, gsp = root + "/update", root + "/data"
        else:
            update, gsp = query_url, None
        return cls(query_url, update_url or update, gsp_url or gsp)


@dataclass(slots=True)
class PushReport:
    endpoint: str
    graphs: int = 0
    triples: int = 0
    method: str = ""  # "graph-store" or "update"
    seconds: float = 0.0
    verified: bool = False
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.graphs} graphs ({self.triples} triples) pushed to {self.endpoint} by "
            f"{'Graph Store Protocol PUT' if self.method == 'graph-store' else 'SPARQL Update'} in {self.seconds:.1f} s; "
            f"{'visible to queries' if self.verified else 'not verified'}"
        )

    def to_dict(self) -> dict[str, object]:
        return {"endpoint": self.endpoint, "graphs": self.graphs, "triples": self.triples, "method": self.method,
                "seconds": round(self.seconds, 3), "verified": self.verified, "skipped": self.skipped}


class _Http:
    """Keep-alive HTTP with polite retries on 429/503 (honouring Retry-After)."""

    def __init__(self, *, timeout: float = 120.0, retries: int = 4, max_wait: float = 60.0) -> None:
        self.timeout = timeout
        self.retries = retries
        self.max_wait = max_wait
        self._connections: dict[tuple[str, str], http.client.HTTPConnection] = {}

    def request(self, method: str, url: str, body: bytes, headers: dict[str, str]) -> tuple[int, str]:
        parsed = urllib.parse.urlsplit(url)
        target = parsed.path + (f"?{parsed.query}" if parsed.query else "")
        headers = {"User-Agent": USER_AGENT, **headers}
        for attempt in range(self.retries + 1):
            connection = self._connection(parsed.scheme, parsed.netloc)
            try:
                connection.request(method, target, body=body, headers=headers)
                response = connection.getresponse()
                text = response.read().decode("utf-8", errors="replace")
            except (OSError, http.client.HTTPException) as error:
                self._connections.pop((parsed.scheme, parsed.netloc), None)
                connection.close()
                if attempt < self.retries and isinstance(error, (http.client.RemoteDisconnected, ConnectionResetError)):
                    continue  # a server closing an idle keep-alive connection
                raise EndpointError(f"{url} cannot be reached: {error}; check the URL and that the server runs") from None
            if response.status in (429, 503) and attempt < self.retries:
                time.sleep(self._wait(response.getheader("Retry-After"), attempt))
                continue
            if response.getheader("Connection", "").lower() == "close" or response.version == 10:
                self._connections.pop((parsed.scheme, parsed.netloc), None)
                connection.close()
            return response.status, text
        raise EndpointError(f"{url} stayed busy (429/503) after {self.retries} retries; try again later")

    def _connection(self, scheme: str, netloc: str) -> http.client.HTTPConnection:
        key = (scheme, netloc)
        if key not in self._connections:
            kind = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
            self._connections[key] = kind(netloc, timeout=self.timeout)
        return self._connections[key]

    def _wait(self, header: str | None, attempt: int) -> float:
        if header and header.strip().isdigit():
            return min(float(header.strip()), self.max_wait)
        return min(2.0**attempt, self.max_wait)

    def close(self) -> None:
        for connection in self._connections.values():
            connection.close()
        self._connections.clear()


def _ntriples(triples: list[ox.Triple]) -> bytes:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)


#: First-PUT answers after which the pusher uses SPARQL Update instead: no Graph Store endpoint
#: at that URL (400/404/405/415/501), or one that asks for credentials the update endpoint may not
#: (401/403: Virtuoso's /sparql-graph-crud without `GRANT SPARQL_UPDATE TO "SPARQL"`, or its
#: /sparql-graph-crud-auth). A refused update then fails with its own message.
_NO_GRAPH_STORE = frozenset({400, 401, 403, 404, 405, 415, 501})


class _Pusher:
    def __init__(self, endpoint: RemoteEndpoint, http: _Http) -> None:
        self.endpoint = endpoint
        self.http = http
        self.method: str | None = None if endpoint.gsp_url else "update"

    def put(self, graph: str, triples: list[ox.Triple]) -> None:
        body = _ntriples(triples)
        if self.method in (None, "graph-store"):
            assert self.endpoint.gsp_url is not None
            url = f"{self.endpoint.gsp_url}?{urllib.parse.urlencode({'graph': graph})}"
            status, text = self.http.request("PUT", url, body, {"Content-Type": "application/n-triples"})
            if 200 <= status < 300:
                self.method = "graph-store"
                return
            if self.method == "graph-store" or status not in _NO_GRAPH_STORE:
                raise EndpointError(f"{url} refused PUT of graph {graph}: HTTP {status} {text.strip()[:300]}")
            self.method = "update"  # no Graph Store endpoint there, or not for us: SPARQL Update from now on
        self._update(graph, triples)

    def _update(self, graph: str, triples: list[ox.Triple]) -> None:
        url = self.endpoint.update_url or self.endpoint.query_url
        node = str(ox.NamedNode(graph))
        # INSERT … WHERE {} rather than INSERT DATA: the same insertion (blank nodes fresh), but
        # Virtuoso refuses blank nodes in INSERT DATA ("not allowed in a constant clause"). Large
        # graphs go in several requests (Virtuoso's parser runs out of stack near 5 000 triples),
        # the first one dropping the old graph; a failure part-way is repaired by pushing again.
        for number, chunk in enumerate(update_chunks(triples)):
            drop = f"DROP SILENT GRAPH {node} ;\n" if number == 0 else ""
            request = f"{drop}INSERT {{ GRAPH {node} {{\n".encode() + _ntriples(chunk) + b"} } WHERE {}\n"
            status, text = self.http.request("POST", url, request, {"Content-Type": "application/sparql-update"})
            if not 200 <= status < 300:
                hint = " (the endpoint is read-only, or needs --update URL of a writable one)" if status in (401, 403, 405) else ""
                raise EndpointError(f"{url} refused the update for graph {graph}: HTTP {status}{hint} {text.strip()[:300]}")


#: Triples per SPARQL Update request when a graph is pushed without the Graph Store Protocol.
UPDATE_CHUNK = 1000


def update_chunks(triples: list[ox.Triple], size: int = UPDATE_CHUNK) -> list[list[ox.Triple]]:
    """The triples in order, in groups of about ``size``; triples that share a blank node stay in
    one group, because a blank node written in two requests becomes two different nodes."""
    parent: dict[ox.BlankNode, ox.BlankNode] = {}

    def root(node: ox.BlankNode) -> ox.BlankNode:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for t in triples:
        blanks = [n for n in (t.subject, t.object) if isinstance(n, ox.BlankNode)]
        for other in blanks[1:]:
            parent[root(other)] = root(blanks[0])
    components: dict[object, list[ox.Triple]] = {}
    for index, t in enumerate(triples):
        blank = next((n for n in (t.subject, t.object) if isinstance(n, ox.BlankNode)), None)
        components.setdefault(root(blank) if blank is not None else index, []).append(t)
    chunks: list[list[ox.Triple]] = [[]]
    for component in components.values():
        if chunks[-1] and len(chunks[-1]) + len(component) > size:
            chunks.append([])
        chunks[-1].extend(component)
    return chunks


def ask(query_url: str, sparql: str, *, http: _Http | None = None) -> bool:
    """An ASK through the query endpoint (POST, SPARQL JSON results)."""
    client = http or _Http()
    status, text = client.request(
        "POST", query_url, urllib.parse.urlencode({"query": sparql}).encode(),
        {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"},
    )
    if status != 200:
        raise EndpointError(f"{query_url} refused an ASK query: HTTP {status} {text.strip()[:300]}")
    try:
        return bool(json.loads(text)["boolean"])
    except (ValueError, KeyError):
        raise EndpointError(f"{query_url} did not answer with SPARQL JSON results: is it a SPARQL query endpoint?") from None


def check_union_default_graph(query_url: str, graph: str, triple: ox.Triple, *, http: _Http | None = None) -> None:
    """Raise EndpointError unless ``triple`` (pushed into ``graph``) is visible without GRAPH."""
    pattern = f"{triple.subject} {triple.predicate} {triple.object}"
    if ask(query_url, f"ASK {{ {pattern} }}", http=http):
        return
    if ask(query_url, f"ASK {{ GRAPH {ox.NamedNode(graph)} {{ {pattern} }} }}", http=http):
        raise EndpointError(f"{query_url}: the pushed data sits in named graphs that queries cannot see: {UNION_DEFAULT_GRAPH_FIX}")
    raise EndpointError(
        f"{query_url}: a pushed triple of {graph} is not visible at all; check that the query, update and "
        "Graph Store URLs belong to the same dataset"
    )


def push(store: Store, endpoint: RemoteEndpoint, *, verify: bool = True,
         on_graph: Callable[[int], None] | None = None) -> PushReport:
    """Replace each of the store's named graphs (except the catalog) on the remote store, then
    verify that the named queries will see them. Idempotent: pushing again changes nothing."""
    started = time.perf_counter()
    report = PushReport(endpoint.query_url)
    client = _Http()
    pusher = _Pusher(endpoint, client)
    catalog = catalog_graph().value
    sample: tuple[str, ox.Triple] | None = None
    try:
        for graph in store.named_graphs():
            if graph == catalog:
                report.skipped.append(graph)
                continue
            triples = [q.triple for q in store.quads(graph)]
            pusher.put(graph, triples)
            report.graphs += 1
            report.triples += len(triples)
            if sample is None:
                for t in triples:  # blank nodes cannot be asked for across stores
                    if not isinstance(t.subject, ox.BlankNode) and not isinstance(t.object, ox.BlankNode):
                        sample = (graph, t)
                        break
            if on_graph:
                on_graph(1)
        report.method = pusher.method or "update"
        if verify and sample is not None:
            check_union_default_graph(endpoint.query_url, sample[0], sample[1], http=client)
            report.verified = True
    finally:
        client.close()
    report.seconds = time.perf_counter() - started
    return report
