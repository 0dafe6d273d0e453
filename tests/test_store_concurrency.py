"""Several processes on one on-disk store: writers queue on the lock, nothing lost or doubled."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from judikg.graph.store import OxigraphStore

TESTS = Path(__file__).resolve().parent

WRITER = textwrap.dedent(
    """
    import sys, time
    from store_samples import INGESTED_AT, sample
    from judikg.graph.rdfize import article_quads, article_source_key
    from judikg.graph.store import ArticleGraph, OxigraphStore
    from judikg.iris import article_graph_iri
    from judikg.errors import StoreLockedError

    path, name, count, hold, timeout = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
    try:
        with OxigraphStore.open(path, lock_timeout=timeout) as store:
            print("opened", flush=True)
            for i in range(count):
                doc, extraction = sample(i, text_suffix=f" {name} {i}", source=f"/data/{name}/{i}.txt")
                quads = article_quads(doc, extraction, ingested_at=INGESTED_AT, extractor_version="0.1.0")
                store.write_articles([ArticleGraph(article_graph_iri(doc.sha256), article_source_key(doc), doc.sha256, quads)])
            time.sleep(hold)
    except StoreLockedError as exc:
        print("LOCKED", exc, flush=True)
        sys.exit(3)
    print("done", flush=True)
    """
)


def spawn(path: Path, name: str, count: int, *, hold: float = 0.0, timeout: float = 30.0) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), name, str(count), str(hold), str(timeout)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )


def wait_opened(proc: subprocess.Popen[str]) -> None:
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "opened", proc.stderr.read() if proc.stderr else ""


def test_concurrent_writers_queue_and_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "store"
    procs = [spawn(path, f"w{n}", 15) for n in range(3)]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out.strip().endswith("done")
    with OxigraphStore.open(path, read_only=True) as store:
        graphs = [g for g in store.named_graphs() if "/graph/article/" in g]
        assert len(graphs) == 45 == len(set(graphs))
        for n in range(3):
            for i in range(15):
                state = store.article_state(f"/data/w{n}/{i}.txt")
                assert state is not None and state.graph_iri in graphs
        # one catalog row set per article, none doubled
        rows = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?c { ?g <http://purl.org/dc/terms/source> ?k } }")
        assert int(next(iter(rows))["n"].value) == 45


def test_second_writer_waits_for_the_first_then_succeeds(tmp_path: Path) -> None:
    path = tmp_path / "store"
    first = spawn(path, "first", 2, hold=1.0)
    wait_opened(first)
    started = time.monotonic()
    second = spawn(path, "second", 2, timeout=30)
    out, err = second.communicate(timeout=60)
    assert second.returncode == 0, err
    assert first.wait(timeout=60) == 0
    assert time.monotonic() - started >= 0.5  # it had to wait for the first writer's hold


def test_second_writer_fails_clearly_after_its_timeout(tmp_path: Path) -> None:
    path = tmp_path / "store"
    first = spawn(path, "first", 1, hold=4.0)
    wait_opened(first)
    started = time.monotonic()
    second = spawn(path, "second", 1, timeout=0.5)
    out, _ = second.communicate(timeout=60)
    assert second.returncode == 3
    assert "LOCKED" in out and f"PID {first.pid}" in out and str(path) in out and "--lock-timeout" in out
    assert time.monotonic() - started < 3.5
    assert first.wait(timeout=60) == 0


def test_reader_waits_while_a_writer_holds_the_store(tmp_path: Path) -> None:
    # pyoxigraph 0.5 has no secondary mode and Store.read_only beside a writer is undefined
    # (measured: "Corruption ... .sst: No such file"), so readers queue behind writers.
    path = tmp_path / "store"
    OxigraphStore.open(path).close()
    writer = spawn(path, "w", 1, hold=3.0)
    wait_opened(writer)
    from judikg.errors import StoreLockedError

    with pytest.raises(StoreLockedError, match=f"PID {writer.pid}"):
        OxigraphStore.open(path, read_only=True, lock_timeout=0.3)
    with OxigraphStore.open(path, read_only=True, lock_timeout=30) as reader:
        assert len([g for g in reader.named_graphs() if "/graph/article/" in g]) == 1
    assert writer.wait(timeout=60) == 0
