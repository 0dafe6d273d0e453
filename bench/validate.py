"""SHACL validation time: one article graph, the five seed articles, and a store of N articles.

    python -m bench.validate [--articles 1000] [--size 4096]

Articles are ingested into an in-memory store by the real pipeline (synthetic ~4 KB articles
from the bundled samples, see bench.corpus); the seeds come from ../shared/seeds when present.
Issue 2 targets: one article < 1 s, the seeds < 5 s, 1 000 articles < 60 s. The load average is
printed with each figure: on a shared 2-core machine wall time includes other processes' turns,
CPU time does not.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.corpus import synthetic_texts
from judikg.graph.store import OxigraphStore
from judikg.graph.validate import ValidationReport, validate
from judikg.pipeline import ingest

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(label: str, run: Callable[[], ValidationReport]) -> ValidationReport:
    load = os.getloadavg()[0]
    wall, used = time.perf_counter(), cpu()
    report = run()
    wall, used = time.perf_counter() - wall, cpu() - used
    print(f"{label}: {wall:.2f} s wall, {used:.2f} s CPU (load {load:.1f}); conforms={report.conforms}, "
          f"{report.count('Violation')} violations")
    return report


def store_of(paths: list[Path]) -> OxigraphStore:
    store = OxigraphStore.memory()
    ingest(paths, store)
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--size", type=int, default=4096)
    args = parser.parse_args()
    # the first call loads the shapes and the ontology closure: timed apart, as a CLI run pays it
    warm = store_of([Path(__file__).resolve().parents[1] / "examples" / "articles" / "ru_2022_bali_wccj.txt"])
    one = next(g for g in warm.named_graphs() if "/graph/article/" in g)
    timed("first call (loads shapes, ontology closure)", lambda: validate(warm, one))
    timed("one article graph", lambda: validate(warm, one))
    if SEEDS.is_dir():
        seeds = store_of([SEEDS])
        timed("5 seed articles, whole store", lambda: validate(seeds))
    else:
        print(f"seeds: {SEEDS} not found, skipped")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, text in enumerate(synthetic_texts(args.articles, args.size)):
            (folder / f"a{i:06d}.txt").write_text(text, encoding="utf-8")
        started = time.perf_counter()
        store = store_of([folder])
        quads = sum(1 for _ in store.quads())
        print(f"ingested {args.articles} synthetic articles ({quads} quads) in {time.perf_counter() - started:.1f} s")
    timed(f"{args.articles} articles, whole store", lambda: validate(store))


if __name__ == "__main__":
    main()
