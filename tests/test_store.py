"""graph.store: catalog lookups, one-transaction batches, locking, queries with bound terms."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from store_samples import INGESTED_AT, sample

from judikg.errors import InputError, QueryError, StoreError, StoreLockedError
from judikg.graph.rdfize import article_quads, article_source_key
from judikg.graph.store import ArticleGraph, OxigraphStore, Store, catalog_graph
from judikg.iris import REFERENCE_GRAPH, article_graph_iri
from judikg.vocab import JK, RDFS


def article_graph(i: int, *, suffix: str = "", source: str | None = None, version: str = "0.1.0") -> ArticleGraph:
    doc, extraction = sample(i, text_suffix=suffix, source=source)
    return ArticleGraph(
        graph_iri=article_graph_iri(doc.sha256),
        source_key=article_source_key(doc),
        sha256=doc.sha256,
        quads=article_quads(doc, extraction, ingested_at=INGESTED_AT, extractor_version=version),
        extractor_version=version,
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[OxigraphStore]:
    with OxigraphStore.open(tmp_path / "store") as st:
        yield st


def article_graphs(st: Store) -> list[str]:
    return [g for g in st.named_graphs() if "/graph/article/" in g]


def test_oxigraph_store_implements_the_protocol(store: OxigraphStore) -> None:
    assert isinstance(store, Store)


def test_write_then_lookup_by_source_key(store: OxigraphStore) -> None:
    batch = [article_graph(i) for i in range(5)]
    report = store.write_articles(batch)
    assert report.articles == 5 and report.quads == sum(len(a.quads) for a in batch)
    assert article_graphs(store) == sorted(a.graph_iri for a in batch)
    state = store.article_state(batch[2].source_key)
    assert state is not None
    assert (state.graph_iri, state.sha256, state.extractor_version) == (batch[2].graph_iri, batch[2].sha256, "0.1.0")
    assert store.article_state("/nowhere/else.txt") is None
    assert len(list(store.quads(batch[0].graph_iri))) == len(batch[0].quads)


def test_changed_article_replaces_the_graph_of_its_source(store: OxigraphStore) -> None:
    old = article_graph(0, source="/data/a.txt")
    store.write_articles([old, article_graph(1)])
    new = article_graph(0, suffix=" (updated)", source="/data/a.txt")
    report = store.write_articles([new])
    assert report.removed_graphs == (old.graph_iri,)
    assert not store.has_graph(old.graph_iri) and store.has_graph(new.graph_iri)
    assert store.article_state("/data/a.txt").sha256 == new.sha256  # type: ignore[union-attr]
    assert len(article_graphs(store)) == 2
    # rewriting the same graph (new extractor version) neither duplicates quads nor catalog rows
    again = article_graph(0, suffix=" (updated)", source="/data/a.txt", version="0.2.0")
    store.write_articles([again])
    assert len(list(store.quads(new.graph_iri))) == len(again.quads)
    assert store.article_state("/data/a.txt").extractor_version == "0.2.0"  # type: ignore[union-attr]
    rows = list(store.quads(str(catalog_graph().value)))
    assert len([q for q in rows if q.subject.value == new.graph_iri]) == 3


def test_failure_mid_batch_leaves_the_store_as_it_was(store: OxigraphStore) -> None:
    store.write_articles([article_graph(0), article_graph(1)])
    before = sorted(map(str, store.quads()))

    def exploding() -> Iterator[ox.Quad]:
        yield from article_graph(2).quads[:3]
        raise RuntimeError("extraction crashed half way")

    class Exploding(list):  # a Sequence whose iteration fails after a few quads
        def __iter__(self) -> Iterator[ox.Quad]:
            return exploding()

    replacing = article_graph(0, suffix=" v2", source=article_graph(0).source_key)
    third = article_graph(2)
    broken = ArticleGraph(third.graph_iri, third.source_key, third.sha256, Exploding())
    with pytest.raises(RuntimeError, match="half way"):
        store.write_articles([replacing, broken])
    assert sorted(map(str, store.quads())) == before

    not_a_quad = ArticleGraph(replacing.graph_iri, replacing.source_key, replacing.sha256,
                              [*replacing.quads, "<a> <b> <c> ."])  # type: ignore[list-item]
    with pytest.raises(StoreError, match="expected a pyoxigraph Quad"):
        store.write_articles([not_a_quad])
    assert sorted(map(str, store.quads())) == before


def test_a_failing_operation_inside_the_update_rolls_back_the_drops(store: OxigraphStore) -> None:
    # write_articles relies on Oxigraph running one UPDATE request as one transaction
    store.write_articles([article_graph(0)])
    graph = article_graphs(store)[0]
    before = sorted(map(str, store.quads()))
    with pytest.raises(StoreError, match="nothing was written"):
        store._update(store.raw, f"DROP GRAPH <{graph}> ; CREATE GRAPH <{REFERENCE_GRAPH}> ; "
                      f"CREATE GRAPH <{REFERENCE_GRAPH}>", what="a test")
    assert sorted(map(str, store.quads())) == before


def test_quads_outside_the_article_graph_are_refused(store: OxigraphStore) -> None:
    good = article_graph(0)
    stray = ox.Quad(ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p"),
                    ox.Literal("o"), ox.NamedNode("https://example.org/other-graph"))
    with pytest.raises(StoreError, match="not in the article graph"):
        store.write_articles([ArticleGraph(good.graph_iri, good.source_key, good.sha256, [*good.quads, stray])])
    assert store.named_graphs() == []


def test_remove_graph_drops_its_catalog_entry(store: OxigraphStore) -> None:
    a = article_graph(0)
    store.write_articles([a])
    assert store.remove_graph(a.graph_iri) is True
    assert store.remove_graph(a.graph_iri) is False
    assert store.article_state(a.source_key) is None and article_graphs(store) == []


def test_load_reference_writes_only_when_content_changed(store: OxigraphStore) -> None:
    graph = ox.NamedNode(REFERENCE_GRAPH)
    node, label = ox.NamedNode("https://w3id.org/judikg/id/org/aacc"), ox.NamedNode(str(RDFS.label))
    first = [ox.Quad(node, label, ox.Literal("AACC", language="en"), graph),
             ox.Quad(node, label, ox.BlankNode(), graph)]
    assert store.load_reference(first, "1") is True
    # same content, fresh blank node labels (as a new parse gives): nothing to do
    assert store.load_reference([first[0], ox.Quad(node, label, ox.BlankNode(), graph)], "1") is False
    second = [ox.Quad(node, label, ox.Literal("Азиатская ассоциация", language="ru"), graph)]
    assert store.load_reference(second) is True
    assert [q.object for q in store.quads(REFERENCE_GRAPH)] == [second[0].object]


def test_query_runs_over_the_union_with_bound_terms(store: OxigraphStore) -> None:
    store.write_articles([article_graph(i) for i in range(5)])
    people = store.query(f"SELECT DISTINCT ?e WHERE {{ ?e a ?cls }}", bindings={"cls": ox.NamedNode(str(JK.Person))})
    assert isinstance(people, ox.QuerySolutions)
    assert [r["e"].value for r in people] == ["https://w3id.org/judikg/id/person/mergaliev-a"]
    # a bound variable outside the projection goes through a VALUES block
    count = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?title }",
                        bindings={"p": ox.NamedNode("http://purl.org/dc/terms/title")})
    assert int(next(iter(count))["n"].value) == 5
    # a hostile string stays a literal: it cannot close the query
    hostile = ox.Literal('x" } } DROP ALL ; SELECT * { ?s ?p "')
    assert list(store.query("SELECT ?s WHERE { ?s ?p ?o }", bindings={"o": hostile})) == []
    assert store.query("ASK { ?s ?p ?o }") is True
    triples = store.query(f"CONSTRUCT {{ ?e a <{JK.Person}> }} WHERE {{ ?e a <{JK.Person}> }}")
    assert isinstance(triples, list) and len(triples) == 1


def test_query_errors_and_timeouts(store: OxigraphStore) -> None:
    with pytest.raises(QueryError, match="malformed SPARQL"):
        store.query("SELEC ?x WHERE { ?x ?y ?z }")
    store.write_articles([article_graph(i) for i in range(5)])
    # a cross product streams ~10^8 rows: stopped at the deadline, not after minutes
    slow = "SELECT ?a ?d ?g WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    started = time.monotonic()
    with pytest.raises(QueryError, match="timed out after 0.2 s"):
        store.query(slow, timeout=0.2)
    assert time.monotonic() - started < 2
    fast = store.query("SELECT ?s WHERE { ?s a ?c } LIMIT 3", timeout=5)
    assert isinstance(fast, ox.QuerySolutions) and len(list(fast)) == 3


def test_dump_formats_and_unknown_format(store: OxigraphStore) -> None:
    a = article_graph(0)
    store.write_articles([a])
    out = io.BytesIO()
    store.dump("nq", out)
    assert len(list(ox.parse(out.getvalue(), ox.RdfFormat.N_QUADS))) == len(list(store.quads()))
    out = io.BytesIO()
    store.dump("ttl", out, graph=a.graph_iri)
    assert len(list(ox.parse(out.getvalue(), ox.RdfFormat.TURTLE))) == len(a.quads)
    with pytest.raises(InputError, match="ttl, nt, nq, trig, jsonld, xml"):
        store.dump("rdfa", io.BytesIO())


def test_a_second_writer_waits_then_fails_clearly(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with OxigraphStore.open(path):
        with pytest.raises(StoreLockedError) as info:
            OxigraphStore.open(path, lock_timeout=0.3)
        message = str(info.value)
        assert str(path) in message and "PID" in message and "--lock-timeout" in message
        with pytest.raises(StoreLockedError):  # readers cannot open beside a writer either
            OxigraphStore.open(path, read_only=True, lock_timeout=0.2)
    with OxigraphStore.open(path, lock_timeout=0.3) as again:
        assert again.named_graphs() == []


def test_readers_share_and_refuse_to_write(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with OxigraphStore.open(path) as st:
        st.write_articles([article_graph(0)])
    with OxigraphStore.open(path, read_only=True) as r1, OxigraphStore.open(path, read_only=True) as r2:
        assert r1.named_graphs() == r2.named_graphs() and len(r1.named_graphs()) == 2
        with pytest.raises(StoreError, match="read-only"):
            r1.write_articles([article_graph(1)])
        with pytest.raises(StoreLockedError):
            OxigraphStore.open(path, lock_timeout=0.2)


def test_opening_a_missing_store_read_only_says_how_to_build_one(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="judikg ingest"):
        OxigraphStore.open(tmp_path / "absent", read_only=True)


def test_closed_store_raises(tmp_path: Path) -> None:
    st = OxigraphStore.open(tmp_path / "s")
    st.close()
    with pytest.raises(StoreError, match="closed"):
        st.named_graphs()


def test_a_batch_of_new_articles_is_atomic_too(store: OxigraphStore) -> None:
    # new-only batches take the Store.extend path: same all-or-nothing contract
    first, second = article_graph(0), article_graph(1)
    bad = ArticleGraph(second.graph_iri, second.source_key, second.sha256, [*second.quads, None])  # type: ignore[list-item]
    with pytest.raises(StoreError, match="expected a pyoxigraph Quad"):
        store.write_articles([first, bad])
    assert list(store.quads()) == []
    store.write_articles([first, second])
    assert len(article_graphs(store)) == 2


def test_a_writer_opening_the_store_drops_graphs_a_killed_bulk_write_left(tmp_path: Path) -> None:
    """A run killed between the bulk load and the catalog leaves uncatalogued graphs; the next
    writer removes them, so half-written articles never stay in the store."""
    from judikg.vocab import JKG

    with OxigraphStore.open(tmp_path / "s") as store:
        orphan = ox.NamedNode(str(JKG) + "article/deadbeefdeadbeef")
        store.raw.add(ox.Quad(ox.NamedNode("https://w3id.org/judikg/id/x"), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("half"), orphan))
        store.raw.add(ox.Quad(ox.NamedNode("https://w3id.org/judikg/id/y"), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("kept"), ox.NamedNode(str(JKG) + "reference")))
    with OxigraphStore.open(tmp_path / "s") as store:
        assert not store.has_graph(orphan.value)
        assert store.has_graph(str(JKG) + "reference")
