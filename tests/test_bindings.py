"""graph.bindings.place_values: where the VALUES blocks go, and that parameters stay terms."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judikg.errors import QueryError
from judikg.graph.bindings import place_values, projected, values_block

EX = "https://example.org/"
P = ox.NamedNode(EX + "p")
G = ox.NamedNode(EX + "graph")


def blocks(sparql: str) -> list[tuple[int, str]]:
    """Every VALUES block of the query with the offset where it starts."""
    return [(m.start(), m.group(0)) for m in re.finditer(r"VALUES \([^)]*\) \{ \(.*?\) \}", sparql)]


def store_with(*pairs: tuple[str, ox.Literal]) -> ox.Store:
    store = ox.Store()
    for subject, text in pairs:
        store.add(ox.Quad(ox.NamedNode(EX + subject), P, text, G))
    return store


def subjects(store: ox.Store, sparql: str) -> list[str]:
    return sorted(s[0].value for s in store.query(sparql, use_default_graph_as_union=True))


def test_the_outer_group_gets_every_binding_first() -> None:
    query = "SELECT ?s WHERE { ?s <https://example.org/p> ?o }"
    text = place_values(query, {"o": ox.Literal("x"), "s": ox.NamedNode(EX + "a")})
    assert text.startswith('SELECT ?s WHERE { VALUES (?o ?s) { ("x" <https://example.org/a>) } ')
    assert text.endswith("?s <https://example.org/p> ?o }")


def test_a_sub_select_gets_the_bindings_it_projects_and_no_others() -> None:
    query = (
        "SELECT ?s ?n WHERE {\n"
        "  { SELECT ?s ?country WHERE { ?s <https://example.org/country> ?country } }\n"
        "  { SELECT (COUNT(?country) AS ?n) WHERE { ?x <https://example.org/country> ?country } }\n"
        "}"
    )
    text = place_values(query, {"country": ox.NamedNode(EX + "kz")})
    found = blocks(text)
    assert len(found) == 2  # the outer group and the first sub-SELECT; the COUNT one does not project ?country
    first_sub = text.index("SELECT ?s ?country WHERE {") + len("SELECT ?s ?country WHERE {")
    assert [at for at, _ in found] == [text.index("WHERE {") + len("WHERE { "), first_sub + 1]
    second_sub = text.index("SELECT (COUNT(?country) AS ?n) WHERE {")
    assert "VALUES" not in text[second_sub:]


def test_an_as_target_and_select_star_count_as_projected() -> None:
    assert projected(" ?a (COUNT(DISTINCT ?b) AS ?n) (SAMPLE(?c) AS ?d) ") == {"a", "n", "d"}
    assert projected(" DISTINCT * ") == {"*"}
    query = "SELECT ?s WHERE { { SELECT * WHERE { ?s ?p ?o } } { SELECT (?o AS ?k) WHERE { ?s ?p ?o } } }"
    text = place_values(query, {"o": ox.Literal("v")})
    assert len(blocks(text)) == 2  # outer + the SELECT * that uses ?o; the AS ?k one hides its ?o
    assert text.index("SELECT * WHERE { VALUES (?o)") > 0


def test_bindings_in_sub_selects_keep_the_meaning() -> None:
    store = store_with(("a", ox.Literal("kz")), ("b", ox.Literal("kg")), ("c", ox.Literal("kz")))
    query = (
        "SELECT ?s ?o WHERE { { SELECT DISTINCT ?s ?o WHERE { ?s <https://example.org/p> ?o } } } ORDER BY ?s"
    )
    bound = place_values(query, {"o": ox.Literal("kz")})
    native = store.query(query, use_default_graph_as_union=True, substitutions={ox.Variable("o"): ox.Literal("kz")})
    assert subjects(store, bound) == sorted(s[0].value for s in native) == [EX + "a", EX + "c"]


def test_braces_and_keywords_inside_strings_iris_and_comments_are_not_syntax() -> None:
    query = (
        "# SELECT ?o WHERE { a comment\n"
        'SELECT ?s WHERE { ?s <https://example.org/p> ?o . FILTER(?o != "{ SELECT ?o WHERE {") }'
    )
    text = place_values(query, {"o": ox.Literal("x")})
    assert len(blocks(text)) == 1
    assert text.startswith("# SELECT ?o WHERE { a comment\nSELECT ?s WHERE { VALUES (?o)")


def test_ask_and_construct_bind_in_their_where_group() -> None:
    ask = place_values("ASK { ?s ?p ?o }", {"o": ox.Literal("x")})
    assert ask.startswith('ASK { VALUES (?o) { ("x") }')
    construct = place_values("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"o": ox.Literal("x")})
    assert construct.startswith('CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?o) { ("x") }')
    store = store_with(("a", ox.Literal("x")), ("b", ox.Literal("y")))
    assert bool(store.query(ask, use_default_graph_as_union=True))
    assert len(list(store.query(construct, use_default_graph_as_union=True))) == 1


def test_no_bindings_leaves_the_query_alone_and_no_where_is_an_error() -> None:
    assert place_values("SELECT * WHERE { ?s ?p ?o }", {}) == "SELECT * WHERE { ?s ?p ?o }"
    with pytest.raises(QueryError, match="WHERE"):
        place_values("DESCRIBE <https://example.org/a>", {"o": ox.Literal("x")})


HOSTILE = [
    '"} ; DROP ALL #',
    '") } } INSERT DATA { <a> <b> <c> } #',
    '""" } VALUES ?s { <https://example.org/evil> } """',
    "'} ?s ?p ?o #\n",
    "\\\" } \\u0022",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_literal_stays_one_literal(text: str) -> None:
    store = store_with(("target", ox.Literal(text)), ("other", ox.Literal("x")), ("evil", ox.Literal("y")))
    query = "SELECT ?s WHERE { { SELECT ?s ?o WHERE { ?s <https://example.org/p> ?o } } }"
    bound = place_values(query, {"o": ox.Literal(text)})
    assert subjects(store, bound) == [EX + "target"]
    assert len(store) == 3


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=40), lang=st.sampled_from([None, "kk-Latn", "ky"]))
def test_any_text_binds_as_exactly_that_literal(text: str, lang: str | None) -> None:
    literal = ox.Literal(text, language=lang) if lang else ox.Literal(text)
    store = store_with(("target", literal), ("other", ox.Literal(text + "x")))
    bound = place_values("SELECT ?s WHERE { ?s <https://example.org/p> ?o }", {"o": literal})
    assert subjects(store, bound) == [EX + "target"]
    assert values_block({"o": literal}) in bound
