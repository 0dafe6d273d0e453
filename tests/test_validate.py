"""graph.validate: pySHACL over the store (in parts) or one graph, with a sorted report of results."""

from __future__ import annotations

from dataclasses import replace

import pyoxigraph as ox
import pytest
from rdflib.namespace import RDF
from store_samples import INGESTED_AT, sample

from judikg.errors import InputError
from judikg.graph.rdfize import article_quads, article_source_key
from judikg.graph.reference_graph import reference_quads
from judikg.graph.store import ArticleGraph, OxigraphStore
from judikg.graph.mention_spans import format_spans, parse_spans
from judikg.graph.validate import SPANS_CHECK, validate
from judikg.iris import article_graph_iri
from judikg.vocab import JK, JKID


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


# --- the store in parts: the report equals that of the union validated as one graph -----------------

def union_report(store: OxigraphStore) -> list[object]:
    from judikg.graph.store import catalog_graph
    from judikg.graph.validate import validate_triples
    from judikg.iris import ONTOLOGY_GRAPH

    skipped = {catalog_graph(), ox.NamedNode(ONTOLOGY_GRAPH)}
    return validate_triples({q.triple for q in store.quads() if q.graph_name not in skipped}).results


def many_articles(store: OxigraphStore, count: int) -> list[str]:
    graphs = []
    for i in range(count):
        doc, extraction = sample(i, text_suffix=f" {i}")
        graph = article_graph_iri(doc.sha256)
        quads = article_quads(doc, extraction, ingested_at=INGESTED_AT, extractor_version="0.1.0")
        store.write_articles([ArticleGraph(graph, article_source_key(doc), doc.sha256, quads)])
        graphs.append(graph)
    return graphs


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parts of 3 articles and 40 shared triples, so that a small store spans many pySHACL calls."""
    import judikg.graph.validate as module

    monkeypatch.setattr(module, "BATCH_ARTICLES", 3)
    monkeypatch.setattr(module, "BATCH_ENTITY_TRIPLES", 40)


def test_one_bad_article_among_many_reports_exactly_its_problems(small_parts: None) -> None:
    store = OxigraphStore.memory()
    store.load_reference(reference_quads())
    graphs = many_articles(store, 9)
    bad_graph = graphs[4]
    bad_article = bad_graph.replace("/graph/", "/id/")
    mention = next(q for q in store.quads(bad_graph) if q.predicate == ox.NamedNode(str(JK.spans)))
    (start, end), *rest = parse_spans(mention.object.value)
    store.raw.remove(mention)  # the first span's end moves one character: it no longer fits a surface
    store.raw.add(ox.Quad(mention.subject, mention.predicate, ox.Literal(format_spans([(start, end + 1), *rest])),
                          mention.graph_name))
    statement = next(q for q in store.quads(bad_graph) if q.predicate == ox.NamedNode(str(RDF.object)))
    store.raw.remove(statement)  # a reified statement whose triple is not asserted
    store.raw.add(ox.Quad(statement.subject, statement.predicate, ox.NamedNode(str(JKID["org/venice-commission"])),
                          statement.graph_name))
    report = validate(store)
    assert not report.conforms
    offenders = {r.value if r.focus_node in (str(JK.Mention), str(RDF.Statement)) else r.focus_node for r in report.results}
    assert offenders == {mention.subject.value, statement.subject.value}, report.text
    assert all(o.startswith(bad_article + "#") for o in offenders)
    assert {r.component for r in report.results} == {"SPARQLConstraintComponent", SPANS_CHECK}
    assert any(r.focus_node == mention.subject.value and r.path == str(JK.spans)
               and r.value == f"{start}-{end + 1}" for r in report.results), report.text
    assert report.results == union_report(store)
    assert validate(store, graphs[0]).conforms and not validate(store, bad_graph).conforms


def test_conflicts_between_graphs_are_found_as_in_the_union(small_parts: None) -> None:
    """Entities described by several graphs: what one graph says about a node another points to
    (its types), and what several graphs say about one node (counts), reach the part validating it."""
    store = OxigraphStore.memory()
    store.load_reference(reference_quads())
    graphs = many_articles(store, 7)
    court = next(q.subject for q in store.quads(graphs[0]) if q.object == ox.NamedNode(str(JK.SupremeCourt)))
    other = ox.NamedNode("https://w3id.org/judikg/graph/other")
    store.raw.extend([
        # another graph says the court is a person: every graph pointing to it as an organization is wrong
        ox.Quad(court, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(JK.Person)), other),
        # and gives the court a second country (jk:country has sh:maxCount 1 on organizations)
        ox.Quad(court, ox.NamedNode(str(JK.country)), ox.NamedNode(str(JKID["country/kg"])), other),
    ])
    report = validate(store)
    assert not report.conforms
    assert any(r.focus_node == court.value and r.path == str(JK.country) and r.component == "MaxCountConstraintComponent"
               for r in report.results), report.text
    assert any(r.path == str(JK.party) and r.value == court.value for r in report.results), report.text
    assert report.results == union_report(store)
