"""`judikg push` into a real `oxigraph serve`: Graph Store PUT, Update fallback, idempotence, the named-graph trap."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from judikg.errors import EndpointError
from judikg.graph.remote import RemoteEndpoint, push
from judikg.graph.store import OxigraphStore
from tests.server_processes import build_seeds_store, oxigraph_server


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_seeds_store(tmp_path_factory.mktemp("push"))


def count(url: str, pattern: str = "GRAPH ?g { ?s ?p ?o }") -> int:
    query = urllib.parse.urlencode({"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}"})
    request = urllib.request.Request(f"{url}/query?{query}", headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return int(json.load(response)["results"]["bindings"][0]["n"]["value"])


def local_triples(store_dir: Path) -> int:
    with OxigraphStore.open(store_dir, read_only=True) as store:
        return sum(1 for g in store.named_graphs() if not g.endswith("/catalog") for _ in store.quads(g))


def test_endpoint_urls_are_guessed() -> None:
    ox = RemoteEndpoint.guess("http://127.0.0.1:7878/query")
    assert (ox.update_url, ox.gsp_url) == ("http://127.0.0.1:7878/update", "http://127.0.0.1:7878/store")
    fuseki = RemoteEndpoint.guess("http://h:3030/ds/sparql")
    assert (fuseki.update_url, fuseki.gsp_url) == ("http://h:3030/ds/update", "http://h:3030/ds/data")
    assert RemoteEndpoint.guess("http://h/sparql", gsp_url="http://h/crud").gsp_url == "http://h/crud"
    with pytest.raises(EndpointError, match="not an http"):
        RemoteEndpoint.guess("ftp://h/sparql")


def test_push_by_graph_store_is_idempotent_and_visible(seeds_store: Path, tmp_path: Path) -> None:
    with oxigraph_server(tmp_path / "db") as url, OxigraphStore.open(seeds_store, read_only=True) as store:
        first = push(store, RemoteEndpoint.guess(f"{url}/query"))
        assert first.method == "graph-store" and first.verified and first.graphs == 7
        after_first = count(url)
        again = push(store, RemoteEndpoint.guess(f"{url}/query"))
        assert again.triples == first.triples and count(url) == after_first
    assert after_first == first.triples == local_triples(seeds_store)


def test_push_falls_back_to_update(seeds_store: Path, tmp_path: Path) -> None:
    with oxigraph_server(tmp_path / "db") as url, OxigraphStore.open(seeds_store, read_only=True) as store:
        # A Graph Store URL that does not exist: the pusher switches to SPARQL Update.
        endpoint = RemoteEndpoint(f"{url}/query", f"{url}/update", f"{url}/no-such-store")
        report = push(store, endpoint)
        push(store, endpoint)
        assert report.method == "update" and report.verified
        assert count(url) == report.triples


def test_named_graph_trap_fails_with_the_fix(seeds_store: Path, tmp_path: Path) -> None:
    with oxigraph_server(tmp_path / "db", union_default_graph=False) as url, OxigraphStore.open(seeds_store, read_only=True) as store:
        with pytest.raises(EndpointError, match="--union-default-graph"):
            push(store, RemoteEndpoint.guess(f"{url}/query"))
        assert count(url) > 0 and count(url, "?s ?p ?o") == 0  # loaded, but invisible without GRAPH


def test_push_command(seeds_store: Path, tmp_path: Path) -> None:
    with oxigraph_server(tmp_path / "db") as url:
        done = subprocess.run([sys.executable, "-m", "judikg", "push", "--endpoint", f"{url}/query", "--store", str(seeds_store), "--json"],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["verified"] is True
    refused = subprocess.run([sys.executable, "-m", "judikg", "push", "--endpoint", "http://127.0.0.1:9/query", "--store", str(seeds_store)],
                             capture_output=True, text=True, timeout=120)
    assert refused.returncode == 2 and "cannot be reached" in refused.stderr
