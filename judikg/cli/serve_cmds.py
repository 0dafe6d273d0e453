"""The `serve` and `push` commands: share the graph over HTTP, or load it into another SPARQL store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from judikg.cli import app
from judikg.cli.console import err, print_json, run
from judikg.cli.options import JsonOpt, StoreOpt


@app.command(
    epilog=(
        "Examples: judikg serve --store judikg-data  |  judikg serve --port 0 --timeout 10 --max-rows 5000  |  "
        "curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' http://127.0.0.1:7878/sparql"
    )
)
def serve(
    store: StoreOpt = Path("judikg-data"),
    host: Annotated[str, typer.Option("--host", help="Interface to listen on (127.0.0.1 keeps it local).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", help="TCP port; 0 picks a free one (printed on stderr).")] = 7878,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds a query may run before it is killed (HTTP 504).")] = 30.0,
    max_rows: Annotated[int, typer.Option("--max-rows", help="Largest result served; bigger ones get HTTP 422, never truncated.")] = 10_000,
    max_query_bytes: Annotated[int, typer.Option("--max-query-bytes", help="Largest query text accepted (HTTP 413 above).")] = 64 * 1024,
    workers: Annotated[int, typer.Option("--workers", "-w", help="Query worker processes (queries run in parallel up to this).")] = 2,
    base: Annotated[str, typer.Option("--base", help="IRI base whose /id/… and /role/… paths this server answers.")] = "https://w3id.org/judikg/",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No access log on stderr.")] = False,
) -> None:
    """Serve the store read-only: SPARQL 1.1 Protocol at /sparql, a query page at /, Linked Data at /id/….

    The store is opened read-only by every worker, so `judikg ingest` into the same store waits
    until the server stops. Updates are refused (403); timeouts answer 504; results over
    --max-rows answer 422.
    """
    from judikg.server.app import ServerConfig, serve as run_server

    config = ServerConfig(store=store, host=host, port=port, base=base, timeout=timeout, max_rows=max_rows,
                          max_query_bytes=max_query_bytes, workers=workers)

    def ready(url: str) -> None:
        err.print(f"judikg serve: listening on {url} (SPARQL at {url}sparql, store {store}, {workers} workers); Ctrl-C stops")
        sys.stderr.flush()

    run(run_server, config, on_ready=ready, log=not quiet)
