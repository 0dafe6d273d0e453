"""Virtuoso (Debian's virtuoso-opensource) as a remote SPARQL 1.1 store: `judikg push` into a real
`virtuoso-t` on 127.0.0.1, then every named query through SPARQLWrapper, checked as in
tests/test_queries_named.py (the shared cases of tests/named_query_cases.py) and against the
embedded store. Skipped when virtuoso-t is not installed; .ci/run installs it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import given
from hypothesis import strategies as st

from judikg.errors import EndpointError
from judikg.graph.remote import RemoteEndpoint, push, update_chunks
from judikg.graph.store import OxigraphStore
from judikg.queries.library import library
from judikg.queries.results import ResultTable
from judikg.queries.run import EndpointTarget, StoreTarget, labels, resolve_entity, run_named
from tests.named_query_cases import ALL_GAPS, CASES, ID, KNOWN_GAPS, ORG, rows
from tests.server_processes import build_seeds_store, virtuoso_server

GRAPHS = "https://w3id.org/judikg/graph/"
#: Named queries Virtuoso 7.2 answers wrongly, with the reason. The other quirks met had a portable
#: SPARQL 1.1 form that the embedded store runs as fast (see the comments in queries/*.rq).
VIRTUOSO_XFAIL: dict[str, str] = {
    "partners": (
        "Virtuoso 7.2 can return no rows when `?class rdfs:subClassOf* jk:Organization` (inside FILTER EXISTS) "
        "follows a grouped sub-SELECT that a VALUES-bound parameter restricts (for the KG Constitutional Court; "
        "the KZ Judicial Administration's partners come back right, hence not strict). The portable forms (the class "
        "closure unrolled to four levels, as in institutions-of-country) triple the embedded store's time for "
        "a hub institution (2 000 bench articles, Supreme Court of KZ: 30 -> 90-130 ms), so the query keeps its path"
    ),
}


@dataclass(frozen=True, slots=True)
class Pushed:
    url: str  # the server root; /sparql is the endpoint
    store: Path
    reports: tuple[dict[str, object], dict[str, object]]  # `judikg push --json` twice
    counts: tuple[int, int]  # judikg triples on the server after each push


def sparql_json(url: str, query: str) -> dict[str, object]:
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(f"{url}/sparql", data=body, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)  # type: ignore[no-any-return]


def count(url: str) -> int:
    """Triples in judikg's graphs (Virtuoso keeps system graphs of its own beside them)."""
    data = sparql_json(url, f'SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{GRAPHS}")) }}')
    return int(data["results"]["bindings"][0]["n"]["value"])  # type: ignore[index]


def local_triples(store_dir: Path) -> int:
    with OxigraphStore.open(store_dir, read_only=True) as store:
        return sum(1 for g in store.named_graphs() if not g.endswith("/catalog") for _ in store.quads(g))


def push_command(url: str, store: Path, *options: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-m", "judikg", "push", "--endpoint", f"{url}/sparql", "--store", str(store), "--json", *options],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def pushed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pushed]:
    store = build_seeds_store(tmp_path_factory.mktemp("virtuoso-seeds"))
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as url:
        first = push_command(url, store)
        after_first = count(url)
        second = push_command(url, store)
        yield Pushed(url, store, (first, second), (after_first, count(url)))


@pytest.fixture(scope="module")
def targets(pushed: Pushed) -> Iterator[dict[str, object]]:
    with OxigraphStore.open(pushed.store, read_only=True) as store:
        yield {"embedded": StoreTarget(store), "virtuoso": EndpointTarget(f"{pushed.url}/sparql")}


def test_push_is_idempotent_and_complete(pushed: Pushed) -> None:
    first, second = pushed.reports
    assert first["method"] == "graph-store" and first["verified"] is True and first["graphs"] == 7  # 5 articles, reference, ontology
    assert second["triples"] == first["triples"] and pushed.counts[1] == pushed.counts[0]
    assert pushed.counts[0] == first["triples"] == local_triples(pushed.store)


def test_pushed_named_graphs_are_visible_without_graph(pushed: Pushed) -> None:
    # The named-graph trap: judikg's queries match without GRAPH and need the union of the named
    # graphs as default graph, which Virtuoso gives. A triple of one article graph, both ways:
    article = ID + "article/b19c026af07489d9"
    graph = GRAPHS + "article/b19c026af07489d9"
    pattern = f"<{article}> a <https://w3id.org/judikg/ontology#Article>"
    assert sparql_json(pushed.url, f"ASK {{ GRAPH <{graph}> {{ {pattern} }} }}")["boolean"] is True
    assert sparql_json(pushed.url, f"ASK {{ {pattern} }}")["boolean"] is True


def test_push_falls_back_to_update_where_the_graph_store_needs_auth(pushed: Pushed) -> None:
    # /sparql-graph-crud-auth asks for HTTP digest credentials (401): the pusher switches to SPARQL
    # Update on /sparql, which the anonymous SPARQL user may run (GRANT SPARQL_UPDATE).
    endpoint = RemoteEndpoint.guess(f"{pushed.url}/sparql", gsp_url=f"{pushed.url}/sparql-graph-crud-auth")
    with OxigraphStore.open(pushed.store, read_only=True) as store:
        report = push(store, endpoint)
    assert report.method == "update" and report.verified and report.graphs == 7
    assert count(pushed.url) == report.triples == pushed.counts[0]  # the graphs replaced, not doubled


def test_update_refused_names_the_fix(pushed: Pushed) -> None:
    endpoint = RemoteEndpoint(f"{pushed.url}/sparql", f"{pushed.url}/no-such-update", f"{pushed.url}/no-such-store")
    with OxigraphStore.open(pushed.store, read_only=True) as store, pytest.raises(EndpointError, match="refused the update"):
        push(store, endpoint, verify=False)


def test_every_named_query_has_a_case() -> None:
    assert set(CASES) == set(library())


@pytest.mark.parametrize("name", sorted(CASES))
def test_named_query_contents(name: str, targets: dict[str, object], request: pytest.FixtureRequest) -> None:
    if name in VIRTUOSO_XFAIL:
        request.applymarker(pytest.mark.xfail(reason=VIRTUOSO_XFAIL[name], strict=False))
    elif name in ALL_GAPS:
        reason = next(gap[3] for gap in KNOWN_GAPS.values() if gap[0] == name)
        request.applymarker(pytest.mark.xfail(reason=reason, strict=False))
    params, check = CASES[name]
    table, labels = run_named(targets["virtuoso"], library()[name], params)  # type: ignore[arg-type]
    check(table)
    entities = {i for i in table.iris() if not i.startswith(ID + "article/")}  # articles have titles, not labels
    if entities:
        assert set(labels) & entities, "the labels of result IRIs are looked up on the same server"


#: Every case, plus parameters that take other paths through the queries (timeline windows).
AGREEMENT = [(name, params) for name, (params, _) in sorted(CASES.items())] + [
    ("country-timeline", {"country": "KZ", "from": "2023", "to": "2023"}),
    ("country-timeline", {"country": "KZ", "from": "2023-08"}),
    ("country-timeline", {"country": "KZ", "to": "2023-07"}),
    ("partners", {"institution": ORG + "kz/judicial-administration"}),
]


@pytest.mark.parametrize(("name", "params"), AGREEMENT, ids=[f"{n}-{i}" for i, (n, _) in enumerate(AGREEMENT)])
def test_virtuoso_agrees_with_the_embedded_store(name: str, params: dict[str, str], targets: dict[str, object],
                                                 request: pytest.FixtureRequest) -> None:
    if name in VIRTUOSO_XFAIL:
        request.applymarker(pytest.mark.xfail(reason=VIRTUOSO_XFAIL[name], strict=False))
    results: dict[str, ResultTable] = {s: run_named(t, library()[name], params)[0] for s, t in targets.items()}  # type: ignore[arg-type]
    assert results["virtuoso"].columns == results["embedded"].columns
    assert sorted(map(str, results["virtuoso"].rows)) == sorted(map(str, results["embedded"].rows))
    assert len(results["embedded"]) > 0 or name in ALL_GAPS


def test_entity_names_resolve_in_any_script(targets: dict[str, object]) -> None:
    for name in ("Sot ákimshiligi", "Сот әкімшілігі"):  # 004 (Kazakh Latin) and 001 (Cyrillic)
        assert resolve_entity(targets["virtuoso"], name).value == ORG + "kz/judicial-administration", name  # type: ignore[arg-type]


def test_query_command_on_the_endpoint(pushed: Pushed) -> None:
    done = subprocess.run([sys.executable, "-m", "judikg", "query", "institutions-of-country", "--param", "country=KZ",
                           "--endpoint", f"{pushed.url}/sparql", "--format", "json", "--lang", "kk-Latn"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    found = {b["institution"]["value"] for b in json.loads(done.stdout)["results"]["bindings"]}
    assert ORG + "kz/supreme-court" in found


def test_unrolled_organization_classes_cover_the_ontology() -> None:
    # Queries that need "an organisation" unroll rdfs:subClassOf* to four levels (Virtuoso 7 drops
    # every row when a property path meets a bound parameter): the ontology must stay within them.
    ontology = rdflib.Graph().parse(Path(__file__).resolve().parents[1] / "ontology" / "judikg.ttl")
    organization = rdflib.URIRef("https://w3id.org/judikg/ontology#Organization")

    def depth(cls: rdflib.term.Node, seen: frozenset[rdflib.term.Node] = frozenset()) -> int:
        below = [c for c in ontology.subjects(rdflib.RDFS.subClassOf, cls) if c not in seen]
        return 1 + max((depth(c, seen | {cls}) for c in below), default=0) if below else 0

    assert 2 <= depth(organization) <= 4, "add a level to the unrolled class blocks of queries/*.rq"
    unrolled = [p for p in (Path(__file__).resolve().parents[1] / "queries").glob("*.rq") if "?c3 rdfs:subClassOf jk:Organization" in p.read_text()]
    assert {p.stem for p in unrolled} == {"institutions-of-country", "most-connected"}
    assert not any("subClassOf* jk:Organization" in p.read_text() for p in unrolled)


def test_virtuoso_labels_follow_the_language_asked_for(targets: dict[str, object]) -> None:
    # Language tags come back lower-cased ("kk-latn", from Virtuoso and from pyoxigraph alike):
    # a Kazakh Latin label is still the one chosen for --lang kk-Latn, on both stores.
    supreme = ORG + "kz/supreme-court"
    for target in targets.values():
        chosen = labels(target, [supreme], "kk-Latn")[supreme]  # type: ignore[arg-type]
        assert "Joǵarǵy" in chosen, chosen  # the 2018 Latin alphabet's ǵ
        assert labels(target, [supreme], "ru")[supreme] != chosen  # type: ignore[arg-type]


@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), max_size=60), st.integers(1, 8))
def test_update_chunks_keep_blank_nodes_together(edges: list[tuple[int, int]], size: int) -> None:
    # Node n < 6 is a blank node, others IRIs: a blank node split over two update requests would
    # become two nodes on the remote store.
    def node(n: int) -> ox.BlankNode | ox.NamedNode:
        return ox.BlankNode(f"b{n}") if n < 6 else ox.NamedNode(f"http://example.org/{n}")

    triples = [ox.Triple(node(s), ox.NamedNode("http://example.org/p"), node(o)) for s, o in edges]
    chunks = update_chunks(triples, size)
    assert sorted(map(str, (t for c in chunks for t in c))) == sorted(map(str, triples))
    home: dict[str, int] = {}
    for number, chunk in enumerate(chunks):
        blanks = {str(n) for t in chunk for n in (t.subject, t.object) if isinstance(n, ox.BlankNode)}
        for b in blanks:
            assert home.setdefault(b, number) == number, f"{b} in chunks {home[b]} and {number}"
        if len(chunk) > size:  # only a single blank-node component may exceed the size
            assert len(blanks) >= 1 and all(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode) for t in chunk)
