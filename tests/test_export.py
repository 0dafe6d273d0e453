"""graph.export: six formats, parsed by independent parsers and round-tripped as graphs."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic
from store_samples import INGESTED_AT, sample

from judikg.errors import InputError
from judikg.graph.export import export
from judikg.graph.rdfize import article_quads, article_source_key
from judikg.graph.store import ArticleGraph, OxigraphStore, catalog_graph
from judikg.iris import REFERENCE_GRAPH, article_graph_iri
from judikg.vocab import XSD

RAPPER_SYNTAX = {"ttl": "turtle", "nt": "ntriples", "nq": "nquads", "trig": "trig", "xml": "rdfxml"}
RDFLIB_FORMAT = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "xml": "xml", "jsonld": "json-ld"}
OX_FORMAT = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS,
             "trig": ox.RdfFormat.TRIG, "xml": ox.RdfFormat.RDF_XML, "jsonld": ox.RdfFormat.JSON_LD}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphStore]:
    with OxigraphStore.open(tmp_path_factory.mktemp("export") / "store") as st:
        batch = []
        for i in range(5):  # kk, kk-Latn, ky, ru, en; xsd:date, gYearMonth and gYear
            doc, extraction = sample(i)
            batch.append(ArticleGraph(article_graph_iri(doc.sha256), article_source_key(doc), doc.sha256,
                                      article_quads(doc, extraction, ingested_at=INGESTED_AT, extractor_version="0.1.0")))
        st.write_articles(batch)
        node = ox.NamedNode("https://w3id.org/judikg/id/org/aacc")
        st.load_reference([ox.Quad(node, ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
                                   ox.Literal("Azııa Konstıtýsııalyq", language="kk-Latn"), ox.NamedNode(REFERENCE_GRAPH))])
        yield st


def expected_union(st: OxigraphStore) -> rdflib.Graph:
    triples = {q.triple for q in st.quads() if q.graph_name != catalog_graph()}
    return rdflib.Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")


def expected_graphs(st: OxigraphStore) -> dict[str, rdflib.Graph]:
    graphs: dict[str, rdflib.Graph] = {}
    for name in st.named_graphs():
        if name == catalog_graph().value:
            continue
        triples = [q.triple for q in st.quads(name)]
        graphs[name] = rdflib.Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    return graphs


def written(st: OxigraphStore, fmt: str, graph: str | None = None) -> bytes:
    out = io.BytesIO()
    export(st, out, fmt, graph)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["ttl", "nt", "xml"])
def test_triple_formats_round_trip_the_merged_union(store: OxigraphStore, fmt: str) -> None:
    data = written(store, fmt)
    parsed = rdflib.Graph().parse(data=data, format=RDFLIB_FORMAT[fmt])
    assert isomorphic(parsed, expected_union(store))
    assert len(list(ox.parse(data, OX_FORMAT[fmt]))) == len(parsed)
    text = data.decode("utf-8")
    assert "Жоғарғы" in text and "Joǵarǵy" in text and "Верховный" in text
    for kind in ("date", "gYearMonth", "gYear"):
        assert str(XSD[kind]) in text or f"xsd:{kind}" in text


@pytest.mark.parametrize("fmt", ["nq", "trig", "jsonld"])
def test_quad_formats_keep_every_named_graph(store: OxigraphStore, fmt: str) -> None:
    data = written(store, fmt)
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=RDFLIB_FORMAT[fmt])
    expected = expected_graphs(store)
    got = {str(g.identifier): g for g in dataset.graphs() if len(g)}
    assert sorted(got) == sorted(expected)
    for name, graph in expected.items():
        assert isomorphic(got[name], graph), name
    assert len(list(ox.parse(data, OX_FORMAT[fmt]))) == sum(len(g) for g in expected.values())


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (Debian raptor2-utils) is not installed")
@pytest.mark.parametrize("fmt", sorted(RAPPER_SYNTAX))
def test_rapper_accepts_every_format_it_reads(store: OxigraphStore, fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"kg.{fmt}"
    export(store, path, fmt)
    run = subprocess.run(["rapper", "-i", RAPPER_SYNTAX[fmt], "-c", str(path)], capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 0, run.stderr
    triples = len(expected_union(store)) if fmt in ("ttl", "nt", "xml") else sum(
        len(g) for g in expected_graphs(store).values())
    assert f"returned {triples} " in run.stderr


def test_output_is_deterministic(store: OxigraphStore) -> None:
    for fmt in ("ttl", "trig", "nq"):
        assert written(store, fmt) == written(store, fmt)


def test_one_graph_only(store: OxigraphStore) -> None:
    graph = next(g for g in store.named_graphs() if "/graph/article/" in g)
    quads = list(ox.parse(written(store, "nq", graph), ox.RdfFormat.N_QUADS))
    assert quads and {q.graph_name.value for q in quads} == {graph}
    with pytest.raises(InputError, match="no such graph"):
        written(store, "ttl", "https://w3id.org/judikg/graph/article/none")


def test_unknown_format_lists_the_valid_ones(store: OxigraphStore) -> None:
    with pytest.raises(InputError, match="ttl, nt, nq, trig, jsonld, xml"):
        written(store, "n3x")
