"""Query workers send rows as SPARQL TSV with a row cap: exact terms back, exact cap."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judikg.queries.results import ResultTable
from judikg.server.responses import HttpError
from judikg.server.sparql import capped_tsv

P = ox.NamedNode("http://example.org/p")


def store_of(objects: list[ox.Literal | ox.NamedNode | ox.BlankNode]) -> ox.Store:
    store = ox.Store()
    for i, obj in enumerate(objects):
        store.add(ox.Quad(ox.NamedNode(f"http://example.org/s{i:04d}"), P, obj))
    return store


def rows(store: ox.Store, max_rows: int) -> ResultTable:
    solutions = store.query("SELECT ?s ?o ?unbound WHERE { ?s ?p ?o } ORDER BY ?s")
    assert isinstance(solutions, ox.QuerySolutions)
    return ResultTable.from_tsv(capped_tsv(solutions, max_rows))


literals = st.builds(
    ox.Literal,
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    language=st.sampled_from([None, "en", "kk-latn", "ru"]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(literals, min_size=1, max_size=12))
def test_literals_round_trip_whatever_they_contain(objects: list[ox.Literal]) -> None:
    # Newlines, tabs and quotes inside literals are escaped in TSV: each row stays one line, so
    # the cap counts rows, and the terms come back unchanged.
    table = rows(store_of(objects), max_rows=len(objects))
    assert table.columns == ("s", "o", "unbound")
    assert [row[1] for row in table.rows] == objects
    assert all(row[2] is None for row in table.rows)


def test_typed_literals_iris_and_blank_nodes_survive() -> None:
    objects = [
        ox.Literal("2024-05", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYearMonth")),
        ox.Literal("7", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
        ox.NamedNode("https://w3id.org/judikg/id/org/kz/supreme-court"),
    ]
    table = rows(store_of(objects), max_rows=10)
    assert [row[1] for row in table.rows] == objects
    blank = rows(store_of([ox.BlankNode("b1")]), max_rows=1)
    assert isinstance(blank.rows[0][1], ox.BlankNode)


def test_the_cap_allows_exactly_max_rows_and_refuses_one_more() -> None:
    store = store_of([ox.Literal(f"line one\nline two {i}") for i in range(50)])
    assert len(rows(store, max_rows=50)) == 50
    with pytest.raises(HttpError) as refused:
        rows(store, max_rows=49)
    assert refused.value.status == 422
    assert "more than 49 rows" in str(refused.value)


def test_a_large_result_over_the_cap_is_refused() -> None:
    # Many 8 KB writer chunks: the cap is checked chunk by chunk.
    store = store_of([ox.Literal("x" * 200) for _ in range(5000)])
    with pytest.raises(HttpError):
        rows(store, max_rows=10)
