"""The named query library: headers, parameter binding as RDF terms, limits, hostile input."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from judikg.errors import QueryError
from judikg.graph.store import OxigraphStore
from judikg.queries.library import library, load_query, parse_query_file
from judikg.queries.run import StoreTarget, bind, inline_bindings, run_named

JK = "https://w3id.org/judikg/ontology#"


def test_library_has_the_named_queries_with_complete_headers() -> None:
    queries = library()
    assert len(queries) >= 15
    for query in queries.values():
        assert query.title and query.description and query.examples
        assert query.examples[0].startswith(f"judikg query {query.name}")


def test_a_header_without_an_example_is_refused() -> None:
    with pytest.raises(QueryError, match="example"):
        parse_query_file("x", "# title: t\n# description: d\nSELECT * WHERE { ?s ?p ?o }")


def test_unknown_query_and_unknown_parameter_are_clear_errors() -> None:
    with pytest.raises(QueryError, match="--list"):
        load_query("no-such-query")
    with pytest.raises(QueryError, match="has no parameter"):
        bind(library()["search"], {"txt": "x"}, StoreTarget(OxigraphStore.memory()))


def hostile_store() -> OxigraphStore:
    store = OxigraphStore.memory()
    node = ox.NamedNode("https://w3id.org/judikg/id/org/x")
    graph = ox.NamedNode("https://w3id.org/judikg/graph/article/0")
    store.raw.add(ox.Quad(node, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal('"} ; DROP ALL #', language="en"), graph))
    store.raw.add(ox.Quad(node, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(JK + "Court"), graph))
    return store


def test_a_hostile_parameter_is_only_a_string() -> None:
    store = hostile_store()
    table, _ = run_named(StoreTarget(store), library()["search"], {"text": '"} ; DROP ALL #'})
    assert [row[0].value for row in table.rows] == ["https://w3id.org/judikg/id/org/x"]
    assert len(list(store.quads())) == 2
    text = inline_bindings(library()["search"].text, {"text": ox.Literal('"} ; DROP ALL #')})
    assert 'VALUES' in text and '"\\"} ; DROP ALL #"' in text


def test_limit_keeps_the_first_rows_and_refuses_non_numbers() -> None:
    store = OxigraphStore.memory()
    query = parse_query_file(
        "q",
        "# title: t\n# description: d\n# param: limit limit 2  rows\n# example: judikg query q\n"
        "SELECT ?n WHERE { VALUES ?n { 1 2 3 4 } } ORDER BY ?n",
    )
    table, _ = run_named(StoreTarget(store), query, {})
    assert [row[0].value for row in table.rows] == ["1", "2"]
    table, _ = run_named(StoreTarget(store), query, {"limit": "3"})
    assert len(table.rows) == 3
    with pytest.raises(QueryError, match="whole number"):
        run_named(StoreTarget(store), query, {"limit": "3; DROP"})
