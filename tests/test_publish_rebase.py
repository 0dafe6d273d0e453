"""Re-basing release IRIs: data namespaces move, vocabulary and foreign IRIs stay, every key keeps one IRI."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from judikg import iris
from judikg.graph.rebase import Rebaser, normalise_base
from judikg.iris import IriError

NEW = "https://data.example.org/courts/"
keys = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True)


@given(keys)
def test_entity_and_graph_iris_move_and_come_back(key: str) -> None:
    rebaser = Rebaser.to(NEW)
    for original in (iris.city_iri(key), iris.org_iri(key), iris.REFERENCE_GRAPH, iris.GRAPH_NS + "article/" + key):
        moved = rebaser.iri(original)
        assert moved.startswith(NEW) and moved[len(NEW):] == original[len(iris.BASE):]
        assert rebaser.iri(moved) == moved  # already re-based IRIs are left alone
        assert Rebaser.to(iris.BASE).iri(original) == original


@given(st.sampled_from([iris.ONTOLOGY_NS + "Court", iris.ROLE_NS + "chair", "http://www.wikidata.org/entity/Q813",
                        "https://w3id.org/other/id/x", "https://w3id.org/judikg/identity"]))
def test_vocabulary_and_foreign_iris_stay(value: str) -> None:
    assert Rebaser.to(NEW).iri(value) == value


def test_quads_move_subject_object_and_graph_but_not_literals() -> None:
    kz = iris.country_iri("kz")
    quad = ox.Quad(ox.NamedNode(kz), ox.NamedNode(iris.ONTOLOGY_NS + "country"), ox.Literal(kz), ox.NamedNode(iris.REFERENCE_GRAPH))
    moved = Rebaser.to(NEW).quad(quad)
    assert moved.subject == ox.NamedNode(NEW + "id/country/kz")
    assert moved.predicate == quad.predicate and moved.object == ox.Literal(kz)
    assert moved.graph_name == ox.NamedNode(NEW + "graph/reference")


@pytest.mark.parametrize("base", ["https://data.example.org/courts", "https://data.example.org/courts/"])
def test_a_missing_trailing_slash_is_added(base: str) -> None:
    assert normalise_base(base) == NEW


@pytest.mark.parametrize("base", ["data.example.org/courts/", "not an iri", ""])
def test_relative_or_malformed_bases_are_refused(base: str) -> None:
    with pytest.raises(IriError, match="absolute IRI"):
        normalise_base(base)
