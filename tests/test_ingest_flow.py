"""Reading split for worker processes (list_inputs + read_file) and bounded in-flight ingest work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import judikg.pipeline as pipeline
from judikg.errors import InputError
from judikg.graph.store import OxigraphStore
from judikg.ingest.model import Document
from judikg.ingest.read import FileToRead, list_inputs, read_file, read_paths

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


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
