"""The N-Quads ingest path: workers' bytes go to the store without Quad objects, and the
byte-level checks that replaced Python loops agree with the plain readings."""

from __future__ import annotations

from datetime import datetime, timezone

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from judikg.errors import StoreError
from judikg.graph.rdfize import article_nquads, article_quads
from judikg.graph.store import ArticleGraph, OxigraphStore, catalog_graph
from judikg.ingest.encoding import _utf16_without_bom, looks_binary
from judikg.ingest.extract import extract
from judikg.ingest.model import Document
from judikg.iris import article_graph_iri

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)


def _doc(text: str, n: int) -> Document:
    sha = f"{n:02x}" * 32
    return Document(source=f"/tmp/a{n}.txt", original=text, text=text, sha256=sha, lang="en", script="Latn")


def _graph(doc: Document) -> ArticleGraph:
    nquads = article_nquads(doc, extract(doc), ingested_at=NOW, extractor_version="t")
    return ArticleGraph(graph_iri=article_graph_iri(doc.sha256), source_key=doc.source, sha256=doc.sha256, nquads=nquads)


def test_article_nquads_are_article_quads_as_sorted_lines() -> None:
    doc = _doc('The Supreme Court of Kyrgyzstan met the "Constitutional Court".\nSecond line.', 1)
    extraction = extract(doc)
    nquads = article_nquads(doc, extraction, ingested_at=NOW, extractor_version="t")
    quads = article_quads(doc, extraction, ingested_at=NOW, extractor_version="t")
    lines = nquads.decode("utf-8").splitlines()
    assert lines == sorted(lines) and nquads.endswith(b"\n")
    assert [str(q) + " ." for q in quads] == lines
    assert {q.graph_name for q in quads} == {ox.NamedNode(article_graph_iri(doc.sha256))}


def test_nquads_batch_is_stored_in_article_graphs_and_catalogued() -> None:
    docs = [_doc(f"Supreme Court of Kazakhstan, meeting {n}.", n) for n in range(3)]
    with OxigraphStore.memory() as store, OxigraphStore.memory() as by_quads:
        report = store.write_articles([_graph(d) for d in docs])
        # the store keeps typed values natively (a dateTime's +00:00 comes back as Z), so the
        # reference is the same articles written as Quad objects
        by_quads.write_articles([ArticleGraph(g.graph_iri, g.source_key, g.sha256, quads=g.all_quads())
                                 for g in map(_graph, docs)])
        for doc in docs:
            graph = article_graph_iri(doc.sha256)
            assert {str(q) for q in store.quads(graph)} == {str(q) for q in by_quads.quads(graph)}
            assert store.is_catalogued(graph)
        assert report.quads == sum(len(list(store.quads(article_graph_iri(d.sha256)))) for d in docs)
        assert not list(store.raw.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        # the same source with new content replaces its graph (the transactional path)
        changed = _doc("Constitutional Court of Kyrgyzstan.", 9)
        changed = Document(source=docs[0].source, original=changed.text, text=changed.text,
                           sha256=changed.sha256, lang="en", script="Latn")
        store.write_articles([_graph(changed)])
        assert not store.has_graph(article_graph_iri(docs[0].sha256))
        assert store.article_state(docs[0].source).sha256 == changed.sha256  # type: ignore[union-attr]


@pytest.mark.parametrize("default_graph_used", [False, True])
@pytest.mark.parametrize(
    ("line", "why"),
    [
        (b"<http://x/s> <http://x/p> <http://x/o> <http://x/other> .\n", "article graph"),
        (b"<http://x/s> <http://x/p> <GRAPH> .\n", "article graph|default graph"),  # a triple, object = graph
        (b"<http://x/s> <http://x/p> <http://x/o> <GRAPH> .", "article graph"),  # no final newline
        (b"\n", "article graph"),  # an empty line
    ],
)
def test_nquads_outside_the_article_graph_are_refused(line: bytes, why: str, default_graph_used: bool) -> None:
    doc = _doc("Supreme Court.", 4)
    good = _graph(doc)
    graph = f"<{good.graph_iri}>".encode()
    bad = ArticleGraph(good.graph_iri, good.source_key, good.sha256, nquads=good.nquads + line.replace(b"<GRAPH>", graph))
    kept = ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/b"), ox.Literal("c"))
    with OxigraphStore.memory() as store:
        if default_graph_used:  # then the lines themselves are scanned for four terms
            store.raw.add(kept)
        with pytest.raises(StoreError, match=why):
            store.write_articles([bad])
        assert not store.has_graph(good.graph_iri)
        assert not list(store.raw.quads_for_pattern(None, None, None, catalog_graph()))
        expected = [kept] if default_graph_used else []
        assert list(store.raw.quads_for_pattern(None, None, None, ox.DefaultGraph())) == expected


def test_literal_with_escapes_and_datatypes_passes_the_line_check() -> None:
    graph = article_graph_iri("e" * 64)
    literal = ox.Literal('say "hi" \\ back\nslash\ttab <x> .')
    lines = [
        ox.Quad(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"), literal, ox.NamedNode(graph)),
        ox.Quad(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"), ox.Literal("1", datatype=ox.NamedNode(
            "http://www.w3.org/2001/XMLSchema#integer")), ox.NamedNode(graph)),
        ox.Quad(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"), ox.Literal("сот", language="ky"),
                ox.NamedNode(graph)),
    ]
    nquads = "".join(f"{q} .\n" for q in lines).encode("utf-8")
    with OxigraphStore.memory() as store:
        store.write_articles([ArticleGraph(graph, "k", "e" * 64, nquads=nquads)])
        assert {str(q) for q in store.quads(graph)} == {str(q) for q in lines}


def test_quads_and_nquads_together_are_refused() -> None:
    good = _graph(_doc("Supreme Court.", 5))
    both = ArticleGraph(good.graph_iri, good.source_key, good.sha256, quads=good.all_quads(), nquads=good.nquads)
    with OxigraphStore.memory() as store, pytest.raises(StoreError, match="not both"):
        store.write_articles([both])


def _plain_looks_binary_controls(sample: bytes) -> int:
    return sum(1 for b in sample if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D, 0x0B, 0x1B))


def _plain_utf16(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    for lane, encoding in ((data[1::2], "utf-16-le"), (data[0::2], "utf-16-be")):
        if sum(1 for b in lane if b in (0, 4)) / len(lane) >= 0.9:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            from judikg.ingest.encoding import _looks_like_text

            if _looks_like_text(text):
                return text
    return None


_BYTES = st.one_of(
    st.binary(max_size=300),
    st.lists(st.sampled_from([0, 1, 4, 9, 10, 0x1B, 0x1F, 0x20, 0x41, 0x30, 0xD0]), max_size=300).map(bytes),
    st.text(max_size=100).map(lambda t: t.encode("utf-16-le")),
    st.text(max_size=100).map(lambda t: t.encode("utf-16-be")),
)


@given(_BYTES)
def test_byte_level_checks_agree_with_the_plain_loops(data: bytes) -> None:
    assert _utf16_without_bom(data) == _plain_utf16(data)
    sample = data[:65536]
    if b"\x00" not in sample and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        assert looks_binary(data) == (bool(sample) and _plain_looks_binary_controls(sample) / len(sample) > 0.01)
