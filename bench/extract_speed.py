"""Extraction throughput on one core for ~4 KB articles (store writes excluded).

    python -m bench.extract_speed [--articles 2000] [--size 4096]

Issue 3 target: >= 300 articles/s.
"""

from __future__ import annotations

import argparse
import time

from bench.corpus import synthetic_texts
from judikg.ingest import compiled
from judikg.ingest.extract import extract
from judikg.ingest.read import read_bytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--size", type=int, default=4096)
    args = parser.parse_args()
    docs = [
        read_bytes(text.encode(), f"bench-{i}.txt") for i, text in enumerate(synthetic_texts(args.articles, args.size))
    ]
    # Lexicons, tries and cue tables load lazily, some per language: warm up on one article of
    # each language so that the timing holds extraction only.
    for doc in {d.lang: d for d in reversed(docs)}.values():
        extract(doc)
    started, cpu_started = time.perf_counter(), time.process_time()
    entities = relations = 0
    for doc in docs:
        result = extract(doc)
        entities += len(result.entities)
        relations += len(result.relations)
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    chars = sum(len(d.text) for d in docs) / len(docs)
    print(
        f"extraction: {len(docs)} articles of {chars:.0f} chars in {seconds:.2f} s = "
        f"{len(docs) / seconds:.0f} articles/s on one core "
        f"({entities / len(docs):.1f} entities, {relations / len(docs):.1f} relations per article); "
        # on a shared machine wall time counts other processes' turns; CPU time does not
        f"CPU {cpu:.2f} s = {len(docs) / cpu:.0f} articles per CPU-second; "
        f"extraction {compiled.status().summary}"
    )


if __name__ == "__main__":
    main()
