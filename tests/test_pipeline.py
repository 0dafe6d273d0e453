"""judikg.pipeline: worker processes give the same store as one process; interrupted bulk writes heal."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pyoxigraph as ox
import pytest

from judikg import EXTRACTOR_VERSION
from judikg.graph.rdfize import article_quads, article_source_key
from judikg.graph.store import OxigraphStore, catalog_graph
from judikg.ingest.extract import extract
from judikg.ingest.read import read_paths
from judikg.iris import article_graph_iri
from judikg.pipeline import CHUNK_SIZE, ingest_into

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
NOW = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)


def store_content(path: Path) -> list[str]:
    """Article graphs and the catalog (the ontology graph's blank nodes differ between stores)."""
    with OxigraphStore.open(path, read_only=True) as store:
        graphs = [g for g in store.named_graphs() if "/graph/article/" in g] + [catalog_graph().value]
        return sorted(str(q) for g in graphs for q in store.quads(g))


def test_two_workers_store_exactly_what_one_process_stores(tmp_path: Path) -> None:
    one = ingest_into([EXAMPLES], tmp_path / "one", workers=1, now=NOW)
    two = ingest_into([EXAMPLES], tmp_path / "two", workers=2, now=NOW)
    assert one.ok and two.ok
    assert one.count("added") > CHUNK_SIZE  # several chunks go through the pool
    assert [(o.source, o.status) for o in one.outcomes] == [(o.source, o.status) for o in two.outcomes]
    assert store_content(tmp_path / "one") == store_content(tmp_path / "two")


def test_second_run_with_workers_adds_nothing(tmp_path: Path) -> None:
    first = ingest_into([EXAMPLES], tmp_path / "store", workers=2, now=NOW)
    again = ingest_into([EXAMPLES], tmp_path / "store", workers=2, now=NOW)
    assert again.count("added") == again.count("replaced") == 0
    assert again.count("unchanged") + again.count("duplicate") == len(first.outcomes)


def test_a_graph_left_uncatalogued_by_an_interrupted_bulk_write_is_rewritten(tmp_path: Path) -> None:
    doc = next(d for d in read_paths([EXAMPLES]) if not isinstance(d, Exception))
    graph = article_graph_iri(doc.sha256)
    quads = article_quads(doc, extract(doc), ingested_at=NOW, extractor_version=EXTRACTOR_VERSION)
    with OxigraphStore.open(tmp_path / "store") as store:
        store.raw.bulk_extend(quads[:5])  # the run died after part of the bulk load, before cataloguing
        assert store.has_graph(graph) and not store.is_catalogued(graph)
    report = ingest_into([doc.source], tmp_path / "store", now=NOW)
    assert [o.status for o in report.outcomes] == ["added"]
    with OxigraphStore.open(tmp_path / "store") as store:
        assert store.is_catalogued(graph)
        assert store.article_state(article_source_key(doc)) is not None
        stored = {str(q) for q in store.quads(graph)}
        catalog = list(store.raw.quads_for_pattern(ox.NamedNode(graph), None, None, catalog_graph()))
    expected = ox.Store()  # the store writes literals in canonical form («…Z» for «…+00:00»)
    expected.extend(article_quads(doc, extract(doc), ingested_at=NOW, extractor_version=EXTRACTOR_VERSION))
    assert stored == {str(q) for q in expected}
    assert len(catalog) == 3


@pytest.mark.parametrize("workers", [1, 2])
def test_an_extractor_crash_costs_one_article_not_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    import judikg.pipeline as pipeline

    real = pipeline.extract

    def fragile(doc):  # type: ignore[no-untyped-def]
        if "BOOM" in doc.text:
            raise RuntimeError("simulated extractor bug")
        return real(doc)

    monkeypatch.setattr(pipeline, "extract", fragile)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("The Supreme Court of Kazakhstan met in Astana on 3 May 2024.", encoding="utf-8")
    (folder / "b.txt").write_text("BOOM. The Constitutional Court of Mongolia.", encoding="utf-8")
    (folder / "c.txt").write_text("The Supreme Court of Mongolia met in Ulaanbaatar on 4 May 2024.", encoding="utf-8")
    report = pipeline.ingest_into([folder], tmp_path / "store", workers=workers)
    assert report.count("added") == 2
    assert [Path(f.source).name for f in report.failures] == ["b.txt"]
    assert "simulated extractor bug" in report.failures[0].reason
