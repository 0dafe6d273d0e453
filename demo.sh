#!/usr/bin/env bash
# The judikg demo: ingest the bundled sample articles, print what the graph holds, and write the
# outputs a researcher or diplomat would open. With the shared gold corpus beside the clone
# (../shared, as in CI), it also maps the seed articles and the dev corpus.
set -euo pipefail
cd "$(dirname "$0")"
out=out
mkdir -p "$out"

judikg ingest examples/articles
judikg stats
judikg export --format trig -o "$out/judikg.trig"
judikg map -o "$out/map.html"
judikg map --view institutions -o "$out/institutions.html"
judikg analyze --top 10 --json > "$out/analysis.json"
judikg query most-connected --param limit=10 --format md > "$out/most-connected.md"

if [ -d ../shared/seeds ] && [ -d ../shared/corpus/dev ]; then
  judikg ingest ../shared/seeds --store "$out/seeds-kg" --quiet
  judikg map --store "$out/seeds-kg" -o "$out/seeds-map.html"
  judikg ingest ../shared/corpus/dev --store "$out/dev-kg" --quiet
  judikg map --store "$out/dev-kg" --view institutions -o "$out/dev-institutions.html"
fi

echo "store: judikg-data/   outputs: $(ls "$out" | tr '\n' ' ')(in $out/)"
