"""graph.reference_graph: canonical entities into jkg:reference, the ontology into jkg:ontology."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from judikg.errors import ReferenceDataError
from judikg.graph.reference_graph import ontology_quads, record_quads, reference_quads
from judikg.graph.store import OxigraphStore
from judikg.iris import ONTOLOGY_GRAPH, REFERENCE_GRAPH
from judikg.vocab import JK, OWL, SKOS

RECORD = {
    "key": "aacc", "iri": "https://w3id.org/judikg/id/org/aacc", "type": "Association",
    "labels": {"en": "Association of Asian Constitutional Courts", "kk-Latn": "Azııa Konstıtýsııalyq Sottary"},
    "aliases": {"en": ["AACC"], "ru": ["ААКС"]}, "country": None, "wikidata": None,
}


def test_record_becomes_labels_aliases_and_type() -> None:
    quads = record_quads(RECORD, ox.NamedNode(REFERENCE_GRAPH))
    pairs = {(q.predicate.value, str(q.object)) for q in quads}
    assert (str(SKOS.prefLabel), '"Azııa Konstıtýsııalyq Sottary"@kk-latn') in pairs
    assert (str(SKOS.altLabel), '"ААКС"@ru') in pairs
    assert any(p.endswith("#type") and o == f"<{JK.Association}>" for p, o in pairs)
    assert not any(p == str(OWL.sameAs) for p, _ in pairs)  # no wikidata id, no link


def test_wikidata_link_only_for_a_valid_item() -> None:
    city = {**RECORD, "key": "seoul", "iri": "https://w3id.org/judikg/id/city/seoul", "type": "City",
            "country": "KR", "wikidata": "Q8684"}
    quads = record_quads(city, ox.NamedNode(REFERENCE_GRAPH))
    assert {str(q.object) for q in quads if q.predicate.value == str(OWL.sameAs)} == {
        "<http://www.wikidata.org/entity/Q8684>"}
    assert {str(q.object) for q in quads if q.predicate.value == str(JK.country)} == {
        "<https://w3id.org/judikg/id/country/kr>"}
    with pytest.raises(ReferenceDataError, match="Q813"):
        record_quads({**city, "wikidata": "Seoul"}, ox.NamedNode(REFERENCE_GRAPH))


def test_reference_and_ontology_load_once() -> None:
    quads = reference_quads()
    graphs = {q.graph_name.value for q in quads}
    assert graphs == {REFERENCE_GRAPH, ONTOLOGY_GRAPH}
    assert len(ontology_quads()) > 100
    store = OxigraphStore.memory()
    assert store.load_reference(quads, "test") is True
    assert store.load_reference(reference_quads(), "test") is False  # fresh parse, same content
    assert store.query(f"ASK {{ GRAPH <{ONTOLOGY_GRAPH}> {{ <{JK.SupremeCourt}> ?p ?o }} }}") is True
