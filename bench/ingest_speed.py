"""End-to-end ingest into the embedded on-disk store, and memory against corpus size.

    python -m bench.ingest_speed [--articles 3000] [--workers 1]

Writes ~4 KB synthetic articles as files, runs the same pipeline as `judikg ingest`, and reports
articles/s plus peak RSS after each third of the corpus (it must stay flat: memory does not grow
with corpus size beyond the store itself). Issue 3 target: >= 100 articles/s.

Measured 2026-11 on the 2-core dev machine, 3000 articles, N-Quads bytes from workers to a bulk
load (commits f261b55, 8e696d4) against the Quad-object path before them, run back to back:
1 worker 44 -> 54 articles/s, 2 workers 52 -> 65 articles/s; with 2 workers the parent spends
17-19 ms CPU an article (reading ~8 ms, bulk load + RocksDB compaction ~6-8 ms), the workers
8-9 ms (was 11-13): the parent is now the bottleneck.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from bench.corpus import synthetic_texts
from judikg.pipeline import ingest_into


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        thirds = [root / f"part{k}" for k in range(3)]
        for folder in thirds:
            folder.mkdir()
        for i, text in enumerate(synthetic_texts(args.articles, args.size)):
            (thirds[i * 3 // args.articles] / f"a{i:06d}.txt").write_text(text, encoding="utf-8")
        store = root / "store"
        total = 0
        started = time.perf_counter()
        for k, folder in enumerate(thirds):
            t0, (own0, children0) = time.perf_counter(), cpu_seconds()
            report = ingest_into([folder], store, workers=args.workers)
            seconds = time.perf_counter() - t0
            own, children = (a - b for a, b in zip(cpu_seconds(), (own0, children0)))
            added = max(report.count("added"), 1)
            total += report.count("added")
            print(
                f"part {k + 1}/3: {report.count('added')} articles in {seconds:.2f} s = "
                f"{report.count('added') / seconds:.0f} articles/s; peak RSS {rss_mb():.0f} MB; "
                f"CPU per article {1000 * own / added:.1f} ms in this process"
                + (f", {1000 * children / added:.1f} ms in workers" if args.workers > 1 else "")
            )
        seconds = time.perf_counter() - started
        size = sum(f.stat().st_size for f in store.rglob("*") if f.is_file()) / 2**20
        print(
            f"ingest: {total} articles in {seconds:.2f} s = {total / seconds:.0f} articles/s end to end "
            f"with {args.workers} worker(s); store {size:.0f} MB on disk"
        )


if __name__ == "__main__":
    main()
