"""What the embedded store itself holds in memory as it grows, without judikg's pipeline around it.

    python -m bench.store_memory [--articles 9000] [--batch-size 1000] [--no-reads]

Bulk-loads synthetic article graphs (the bench articles' real N-Quads, renamed per copy so that
each is a new graph) into one open on-disk pyoxigraph store, and after each batch looks up every
new article the way ingest does (catalog pattern lookups), then prints the process's RSS. This is
the baseline ``bench.ingest_speed``'s memory line is compared with: whatever grows here grows with
the store (RocksDB's table readers and block cache as files are read), not with judikg's work.
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import datetime, timezone

import pyoxigraph as ox

from bench.corpus import synthetic_texts
from bench.ingest_speed import current_rss_mb
from judikg import EXTRACTOR_VERSION
from judikg.graph.rdfize import article_nquads
from judikg.heap import release_free_memory
from judikg.ingest.extract import extract
from judikg.ingest.read import read_bytes
from judikg.iris import article_graph_iri, article_iri

_DISTINCT = 300  # articles extracted; copies of them, renamed, fill the store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=9000)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--no-reads", action="store_true", help="bulk loads only, no lookups")
    args = parser.parse_args()
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    originals: list[tuple[bytes, bytes]] = []
    for i, text in enumerate(synthetic_texts(_DISTINCT, 4096)):
        doc = read_bytes(text.encode(), f"bench-{i}.txt")
        nquads = article_nquads(doc, extract(doc), ingested_at=now, extractor_version=EXTRACTOR_VERSION)
        originals.append((doc.sha256.encode(), nquads))
    source = ox.NamedNode("http://purl.org/dc/terms/source")
    rss: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = ox.Store(tmp)
        for k in range(0, args.articles, args.batch_size):
            numbers = range(k, min(k + args.batch_size, args.articles))
            # a new 64-hex name per copy: every copy is a new article graph with its own IRIs
            text = b"".join(
                originals[j % _DISTINCT][1].replace(originals[j % _DISTINCT][0], f"{j:064x}".encode()) for j in numbers
            )
            store.bulk_load(input=text, format=ox.RdfFormat.N_QUADS, lenient=True)
            del text
            if not args.no_reads:
                for j in numbers:
                    list(store.quads_for_pattern(None, source, ox.Literal(f"bench-{j}"), None))
                    list(store.quads_for_pattern(ox.NamedNode(article_iri(f"{j:064x}")), None, None, ox.NamedNode(article_graph_iri(f"{j:064x}"))))
            release_free_memory()
            rss.append(current_rss_mb())
        print(
            f"store alone, {args.articles} articles in batches of {args.batch_size}"
            f"{'' if args.no_reads else ' with lookups'}: RSS after each batch "
            + " ".join(f"{r:.0f}" for r in rss)
            + f" MB ({rss[-1] - rss[0]:+.0f} MB from the first batch to the last)"
        )


if __name__ == "__main__":
    main()
