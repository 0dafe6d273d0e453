"""Reading split for worker processes (list_inputs + read_file) and bounded in-flight ingest work."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

import judikg.pipeline as pipeline
from judikg.errors import InputError
from judikg.graph.store import OxigraphStore, catalog_graph
from judikg.ingest.model import Document
from judikg.ingest.read import FileToRead, list_inputs, read_file, read_paths

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
NOW = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)


def _key(item: Document | InputError) -> tuple[str, ...]:
    if isinstance(item, InputError):
        return ("error", item.source, item.reason)
    return (item.source, item.sha256, item.lang, item.title or "", item.published or "", item.text)


def test_listing_then_reading_each_file_is_read_paths(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("The Supreme Court of Mongolia met.", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text('{"text": "Supreme Court."}\nnot json\n', encoding="utf-8")
    (tmp_path / "c.txt").write_text("", encoding="utf-8")
    (tmp_path / "c.meta.json").write_text("[1", encoding="utf-8")
    (tmp_path / "d.png").write_bytes(b"\x89PNG")
    (tmp_path / "notes.md").write_text("# notes", encoding="utf-8")
    paths = [EXAMPLES, tmp_path, tmp_path / "missing.txt", str(tmp_path / "*.nothing"), tmp_path / "d.png"]
    listed = list(list_inputs(paths))
    files = [item for item in listed if isinstance(item, FileToRead)]
    mine = [f.path for f in files if f.path.startswith(str(tmp_path)) and not f.explicit]
    assert mine == [str(tmp_path / "a.jsonl"), str(tmp_path / "c.txt"), str(tmp_path / "sub" / "b.txt")]
    assert not any(f.path.endswith((".png", ".md", ".meta.json")) for f in files if not f.explicit)
    assert FileToRead(str(tmp_path / "d.png"), explicit=True) in files  # named: reported, not passed over
    split = [r for item in listed for r in (read_file(item) if isinstance(item, FileToRead) else [item])]
    assert [_key(r) for r in split] == [_key(r) for r in read_paths(paths)]
    reasons = {Path(r.source).name: r.reason for r in split if isinstance(r, InputError)}
    assert {"a.jsonl:2", "c.txt", "c.meta.json", "missing.txt", "*.nothing", "d.png"} <= set(reasons)


def test_read_file_takes_a_bare_path_as_named(tmp_path: Path) -> None:
    (tmp_path / "x.csv").write_text("a,b", encoding="utf-8")
    (error,) = read_file(tmp_path / "x.csv")
    assert isinstance(error, InputError) and "unsupported suffix" in error.reason
    assert read_file(FileToRead(str(tmp_path / "x.csv"), explicit=False)) == []


@pytest.mark.parametrize("workers", [1, 2])
def test_work_in_flight_is_bounded_whatever_the_corpus_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    """Files are listed only as fast as articles are stored: never the whole corpus ahead."""
    folder = tmp_path / "in"
    folder.mkdir()
    articles = 220
    for i in range(articles):
        (folder / f"a{i:04d}.json").write_text(json.dumps({"text": f"The Supreme Court of Mongolia, case {i}."}))
    listed = done = ahead = 0
    real = pipeline.list_inputs

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal listed, ahead
        for item in real(*args, **kwargs):
            listed += 1
            ahead = max(ahead, listed - done)
            yield item

    def progress(count: int) -> None:
        nonlocal done
        done += count

    monkeypatch.setattr(pipeline, "list_inputs", counted)
    batch = 4
    with OxigraphStore.open(tmp_path / "store") as store:
        report = pipeline.ingest([folder], store, workers=workers, on_article=progress, batch_size=batch)
    assert report.ok and report.count("added") == articles == done
    per_worker = pipeline.CHUNKS_AHEAD * (pipeline.READ_CHUNK_SIZE + pipeline.CHUNK_SIZE)
    bound = 2 * batch + 1 + (workers * per_worker if workers > 1 else 0)
    assert bound < articles  # the corpus is larger than what may be in flight
    assert ahead <= bound


def _store_content(path: Path) -> list[str]:
    with OxigraphStore.open(path, read_only=True) as store:
        graphs = [g for g in store.named_graphs() if "/graph/article/" in g] + [catalog_graph().value]
        return sorted(str(q) for g in graphs for q in store.quads(g))


def test_small_batches_through_the_writer_thread_store_what_one_batch_stores(tmp_path: Path) -> None:
    whole = pipeline.ingest_into([EXAMPLES], tmp_path / "whole", now=NOW)
    small = pipeline.ingest_into([EXAMPLES], tmp_path / "small", workers=2, now=NOW, batch_size=3)
    assert small.count("added") > 3 * 3  # several writes, one overlapping the next batch's gathering
    assert [(o.source, o.status) for o in whole.outcomes] == [(o.source, o.status) for o in small.outcomes]
    assert _store_content(tmp_path / "whole") == _store_content(tmp_path / "small")


def test_cli_batch_size_option(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "judikg", "ingest", str(EXAMPLES), "--store", "s", "--batch-size", "4", "--json"],
        cwd=tmp_path, capture_output=True, timeout=300, check=False,
    )
    assert result.returncode in (0, 2), result.stderr.decode()
    assert json.loads(result.stdout)["added"] > 4
    refused = subprocess.run(
        [sys.executable, "-m", "judikg", "ingest", str(EXAMPLES), "--store", "s", "--batch-size", "0"],
        cwd=tmp_path, capture_output=True, timeout=300, check=False,
    )
    assert refused.returncode == 2 and b"batch-size" in refused.stderr


@pytest.mark.parametrize("workers", [1, 2])
def test_a_reader_crash_costs_one_file_not_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    real = pipeline.read_file

    def fragile(file: FileToRead) -> list[Document | InputError]:
        if file.path.endswith("b.txt"):
            raise RuntimeError("simulated reader bug")
        return real(file)

    monkeypatch.setattr(pipeline, "read_file", fragile)
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("a", "Supreme Court of Kazakhstan."), ("b", "Court."), ("c", "Supreme Court of Mongolia.")):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    report = pipeline.ingest_into([folder], tmp_path / "store", workers=workers)
    assert report.count("added") == 2
    assert [Path(f.source).name for f in report.failures] == ["b.txt"]
    assert "simulated reader bug" in report.failures[0].reason


def test_unreadable_files_read_on_workers_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("The Supreme Court of Kazakhstan met in Astana.", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    (folder / "c.jsonl").write_text('{"text": "Supreme Court of Mongolia."}\n{broken\n', encoding="utf-8")
    report = pipeline.ingest_into([folder, tmp_path / "missing.txt"], tmp_path / "store", workers=2)
    assert report.count("added") == 2
    assert sorted(Path(f.source).name for f in report.failures) == ["b.txt", "c.jsonl:2", "missing.txt"]
    assert all(isinstance(f, InputError) and f.reason for f in report.failures)
