"""End-to-end ingest into the embedded on-disk store, and memory against corpus size.

    python -m bench.ingest_speed [--articles 3000] [--workers 1] [--stages 300]

Writes ~4 KB synthetic articles as files, runs the same pipeline as `judikg ingest`, and reports
articles/s, CPU per article in this process and in the workers, and RSS (current and peak)
after each third of the corpus: it must stay flat, memory does not grow with corpus size beyond
the store itself. ``--stages N`` first times each stage alone on N articles in this process
(read, extract, N-Quads, store write). Issue 3 target: >= 100 articles/s.

Measured 2026-11 on the 2-core dev machine, 3000 articles, back to back with the code before
reading moved to the workers (base 93a36f1, same extractor), machine loaded by others (load 5-7,
so wall rates are not comparable, CPU per article is): 2 workers, parent 18.0/25.4/27.3 ->
13.2/14.1/14.8 ms a third, workers 9.8/11.2/11.0 -> 14.4/14.1/12.3 ms (reading moved there);
1 worker 28.2/40.0/39.0 -> 20.5/22.8/28.7 ms. Stages alone (--stages 300): read 3.3, extract
9.3, N-Quads 3.5, store write 9.5 ms. The store is the floor: a bulk load adds files RocksDB
compacts into the store, ~12-14 ms CPU an article once it holds 6000-9000 (batches of 400).
Parent RSS grows ~75 MB a 1000 articles with 2 workers (allocator fragmentation: ~12-25 MB with
MALLOC_MMAP_THRESHOLD_=65536 in the environment), ~8 MB with 1 worker.

After one jk:Mention per (article, entity) instead of one per span (623 -> 243 quads an article;
measured 2026-11, load ~3, 3000 articles, 2 workers): parent 13.2/14.1/14.8 -> 4.9/6.4/7.6 ms a
third, workers 9.7/10.7/10.5 ms; stages alone: read 2.6, extract 8.7, N-Quads 1.7, store write
3.2 ms; 131/86/62 articles/s a third, 84/s end to end (wall rates fall as the store grows and
with the others' load, CPU per article does much less).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import synthetic_texts
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
        marks: list[tuple[int, float, float, float, int]] = []  # articles, wall, own CPU, RSS, Python blocks
        done = 0

        def on_article(count: int) -> None:
            nonlocal done
            done += count
            if len(marks) < 3 and done >= (len(marks) + 1) * args.articles / 3:
                marks.append((done, time.perf_counter(), cpu_seconds()[0], current_rss_mb(), sys.getallocatedblocks()))

        started, own_started = time.perf_counter(), cpu_seconds()[0]
        report = ingest_into([corpus], store, workers=args.workers, on_article=on_article, batch_size=batch_size)
        seconds = time.perf_counter() - started
        previous = (0, started, own_started)
        for k, (count, wall, own, rss, _) in enumerate(marks):
            n, dt = count - previous[0], wall - previous[1]
            print(
                f"part {k + 1}/3: {n} articles in {dt:.2f} s = {n / max(dt, 1e-9):.0f} articles/s; RSS {rss:.0f} MB; "
                f"CPU per article {1000 * (own - previous[2]) / max(n, 1):.1f} ms in this process",
                flush=True,
            )
            previous = (count, wall, own)
        total = report.count("added")
        own_total, children = (c - b for c, b in zip(cpu_seconds(), (own_started, 0.0)))
        size = sum(f.stat().st_size for f in store.rglob("*") if f.is_file()) / 2**20
        print(
            f"ingest: {total} articles in {seconds:.2f} s = {total / seconds:.0f} articles/s end to end "
            f"with {args.workers} worker(s); store {size:.0f} MB on disk; CPU per article "
            f"{1000 * own_total / max(total, 1):.1f} ms in this process"
            + (f", {1000 * children / max(total, 1):.1f} ms in workers" if args.workers > 1 else "")
        )
        workers_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        first, last = marks[0], marks[-1]
        print(
            f"memory: RSS {first[3]:.0f} MB after the first third, {last[3]:.0f} MB after all "
            f"({last[3] - first[3]:+.0f} MB for {last[0] - first[0]} more articles); peak RSS "
            f"{rss_mb():.0f} MB in this process" + (f", {workers_peak:.0f} MB in the largest worker" if args.workers > 1 else "")
            # Python objects still held: flat means any RSS growth is native memory
            + f"; Python heap blocks {first[4]} -> {last[4]} ({last[4] - first[4]:+d})"
        )


if __name__ == "__main__":
    main()
