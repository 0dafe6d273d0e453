"""bench/queries.py on a tiny synthetic graph, so that the query benchmark cannot rot."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from bench.queries import entity_centred
from judikg.queries.library import library

ROOT = Path(__file__).resolve().parents[1]


def test_bench_queries_prints_a_row_per_named_query_and_hub() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bench.queries", "--articles", "120", "--repeats", "1", "--timeout", "30", "--target", "1e9"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    rows = dict(re.findall(r"^\| ([a-z-]+(?: \(hub [^)]*\))?) \| (entity|global|hub) \| \d+ \| [\d.]+ \| [\d.]+ \|$", result.stdout, re.M))
    names = set(library())
    assert names <= set(rows), result.stdout
    for name in names:
        assert rows[name] == ("entity" if entity_centred(library()[name]) else "global")
    assert sum(kind == "hub" for kind in rows.values()) >= 3
    assert "120 articles" in result.stderr


def test_entity_centred_means_an_entity_or_country_parameter() -> None:
    queries = library()
    assert entity_centred(queries["partners"]) and entity_centred(queries["institutions-of-country"])
    assert not entity_centred(queries["most-connected"]) and not entity_centred(queries["search"])
