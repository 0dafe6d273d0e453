"""graph.validate: pySHACL over the store or one graph, with a sorted report of results."""

from __future__ import annotations

from dataclasses import replace

import pytest
from store_samples import INGESTED_AT, sample

from judikg.errors import InputError
from judikg.graph.rdfize import article_quads, article_source_key
from judikg.graph.store import ArticleGraph, OxigraphStore
from judikg.graph.validate import validate
from judikg.iris import article_graph_iri
from judikg.vocab import JK


def write(store: OxigraphStore, i: int, *, ordinal: int | None = 4) -> str:
    doc, extraction = sample(i)
    entities = tuple(replace(e, ordinal=ordinal) if e.type == "Visit" else e for e in extraction.entities)
    extraction = replace(extraction, entities=entities)
    graph = article_graph_iri(doc.sha256)
    store.write_articles([ArticleGraph(graph, article_source_key(doc), doc.sha256,
                                       article_quads(doc, extraction, ingested_at=INGESTED_AT, extractor_version="0.1.0"))])
    return graph


def test_a_well_formed_article_conforms() -> None:
    store = OxigraphStore.memory()
    graph = write(store, 1)
    report = validate(store, graph)
    assert report.conforms, report.text
    assert report.to_dict()["violations"] == 0


def test_violations_are_reported_with_focus_path_and_value() -> None:
    store = OxigraphStore.memory()
    good = write(store, 0)
    bad = write(store, 2, ordinal=0)  # jk:ordinal must be ≥ 1
    report = validate(store)
    assert not report.conforms
    hits = [r for r in report.results if r.path == str(JK.ordinal)]
    assert hits and hits[0].severity == "Violation" and hits[0].value == "0" and hits[0].message
    assert "Constraint Violation" in report.text
    as_dict = report.to_dict()
    assert as_dict["conforms"] is False and as_dict["violations"] >= 1
    # one graph at a time: the fault is in the bad article only
    assert validate(store, good).conforms is True
    assert validate(store, bad).conforms is False
    assert report.results == validate(store).results  # sorted, reproducible


def test_unknown_graph_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no such graph"):
        validate(OxigraphStore.memory(), "https://w3id.org/judikg/graph/article/none")
