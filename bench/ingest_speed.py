"""End-to-end ingest into the embedded on-disk store, and memory against corpus size.

    python -m bench.ingest_speed [--articles 3000] [--workers 1] [--stages 300]

Writes ~4 KB synthetic articles as files, runs ONE ingest over them, as `judikg ingest` does, and
reports for each third (read off the progress callback) articles/s, CPU per article in this
process and RSS; then the total, CPU per article in the workers, and the memory line: RSS must not
grow with corpus size beyond the store itself (``bench.store_memory`` gives the store's own
baseline). ``--stages N`` first times each stage alone on N articles in this process (read,
extract, N-Quads, store write). Issue 3 target: >= 100 articles/s.

History, on the 2-core dev machine (wall rates move with this VM's moment; CPU per article less):
- per-span mentions (~623 quads an article), batches of 400, three runs (one per third): 72
  articles/s with 2 workers; parent 13-15 ms CPU an article, of which the store write 10-14 ms.
- one jk:Mention per (article, entity) (243 quads), batches of 1000, freed heap handed back after
  each write (judikg.heap), pymorphy3's C reader: 9000 articles, 2 workers, one run, another
  engineer's job on the machine: 119 articles/s, parent 6.9 ms and workers 9.6 ms CPU an article;
  RSS 211 MB after the first third, 163 MB after all.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from bench.corpus import synthetic_texts
from judikg.ingest import compiled
from judikg.pipeline import BATCH_SIZE, ingest_into


def rss_mb() -> float:
    """Peak RSS of this process."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    """RSS of this process now (Linux); the peak where /proc is missing."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return rss_mb()


def stage_figures(files: list[Path], store_dir: Path) -> str:
    """CPU ms an article of each stage alone, in this process: where the time goes."""
    from datetime import datetime, timezone

    from judikg import EXTRACTOR_VERSION
    from judikg.graph.rdfize import article_nquads
    from judikg.graph.store import OxigraphStore
    from judikg.ingest.extract import extract
    from judikg.ingest.model import Document
    from judikg.ingest.read import read_file
    from judikg.pipeline import _article_graph, _warm_up

    now = datetime.now(timezone.utc)
    _warm_up()  # lexicons and reference data load once, before any timing
    t0 = time.process_time()
    docs = [d for f in files for d in read_file(f) if isinstance(d, Document)]
    t1 = time.process_time()
    extractions = [extract(d) for d in docs]
    t2 = time.process_time()
    graphs = [
        _article_graph(d, article_nquads(d, x, ingested_at=now, extractor_version=EXTRACTOR_VERSION))
        for d, x in zip(docs, extractions, strict=True)
    ]
    t3 = time.process_time()
    with OxigraphStore.open(store_dir) as store:
        for k in range(0, len(graphs), BATCH_SIZE):
            store.write_articles(graphs[k : k + BATCH_SIZE])
    t4 = time.process_time()  # with the store's own threads (bulk load, compaction)
    n = max(len(docs), 1)
    return (
        f"stages on {len(docs)} articles, CPU ms an article: read {1000 * (t1 - t0) / n:.2f}, "
        f"extract {1000 * (t2 - t1) / n:.2f}, N-Quads {1000 * (t3 - t2) / n:.2f}, store write {1000 * (t4 - t3) / n:.2f}"
    )


def cpu_seconds() -> tuple[float, float]:
    """CPU seconds of this process and of its finished worker processes.

    On a shared machine wall time counts other processes' turns; CPU time per article does not,
    and says where the time goes: the parent reads and writes, the workers extract.
    """
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


class _Mark(NamedTuple):
    """Where the run stood when ``articles`` had been stored."""

    articles: int
    wall: float
    cpu: float  # this process's CPU seconds
    rss: float  # MB
    blocks: int  # Python heap blocks held

    @classmethod
    def now(cls, articles: int) -> _Mark:
        return cls(articles, time.perf_counter(), cpu_seconds()[0], current_rss_mb(), sys.getallocatedblocks())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--size", type=int, default=4096)
    parser.add_argument("--stages", type=int, default=0, help="first time each stage alone on this many articles")
    parser.add_argument(
        "--batch-size", type=int, default=0, help="articles a store write (default: judikg's, at most a third of the corpus)"
    )
    args = parser.parse_args()
    batch_size = args.batch_size or min(BATCH_SIZE, max(1, args.articles // 3))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        corpus = root / "articles"
        corpus.mkdir()
        for i, text in enumerate(synthetic_texts(args.articles, args.size)):
            (corpus / f"a{i:06d}.txt").write_text(text, encoding="utf-8")
        if args.stages:
            sample = sorted(corpus.iterdir())[: args.stages]
            print(stage_figures(sample, root / "stages-store"), flush=True)
        store = root / "store"
        # One run, as `judikg ingest` does; each third is read off the progress callback (the
        # store reports after each write, so a third ends at the first write that passes it).
        marks: list[_Mark] = []
        done = 0

        def on_article(count: int) -> None:
            nonlocal done
            done += count
            if len(marks) < 3 and done >= (len(marks) + 1) * args.articles / 3:
                marks.append(_Mark.now(done))

        start = _Mark.now(0)
        report = ingest_into([corpus], store, workers=args.workers, on_article=on_article, batch_size=batch_size)
        seconds = time.perf_counter() - start.wall
        for k, (previous, mark) in enumerate(zip([start, *marks], marks)):
            n, dt = mark.articles - previous.articles, mark.wall - previous.wall
            print(
                f"part {k + 1}/3: {n} articles in {dt:.2f} s = {n / max(dt, 1e-9):.0f} articles/s; RSS {mark.rss:.0f} MB; "
                f"CPU per article {1000 * (mark.cpu - previous.cpu) / max(n, 1):.1f} ms in this process",
                flush=True,
            )
        total = report.count("added")
        own, children = cpu_seconds()  # the pool is joined by now: its workers are counted
        size = sum(f.stat().st_size for f in store.rglob("*") if f.is_file()) / 2**20
        print(
            f"ingest: {total} articles in {seconds:.2f} s = {total / seconds:.0f} articles/s end to end "
            f"with {args.workers} worker(s); store {size:.0f} MB on disk; CPU per article "
            f"{1000 * (own - start.cpu) / max(total, 1):.1f} ms in this process"
            + (f", {1000 * children / max(total, 1):.1f} ms in workers" if args.workers > 1 else "")
            + f"; extraction {compiled.status().summary}"
        )
        workers_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        first, last = marks[0], marks[-1]
        print(
            f"memory: RSS {first.rss:.0f} MB after the first third, {last.rss:.0f} MB after all "
            f"({last.rss - first.rss:+.0f} MB for {last.articles - first.articles} more articles); peak RSS "
            f"{rss_mb():.0f} MB in this process" + (f", {workers_peak:.0f} MB in the largest worker" if args.workers > 1 else "")
            # Python objects still held: flat means any RSS growth is native memory
            + f"; Python heap blocks {first.blocks} -> {last.blocks} ({last.blocks - first.blocks:+d})"
        )


if __name__ == "__main__":
    main()
