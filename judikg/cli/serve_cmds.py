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


@app.command(
    epilog=(
        "Examples: oxigraph serve --location remote-db --union-default-graph &  judikg push --endpoint http://127.0.0.1:7878/query  |  "
        "judikg push --endpoint http://localhost:3030/ds/sparql --gsp http://localhost:3030/ds/data"
    )
)
def push(
    endpoint: Annotated[str, typer.Option("--endpoint", "-e", help="SPARQL query endpoint URL of the remote store.")],
    store: StoreOpt = Path("judikg-data"),
    gsp: Annotated[str | None, typer.Option("--gsp", help="Graph Store Protocol URL (guessed from --endpoint).")] = None,
    update: Annotated[str | None, typer.Option("--update", help="SPARQL Update URL, used when there is no Graph Store endpoint (guessed).")] = None,
    verify: Annotated[bool, typer.Option("--verify/--no-verify", help="Check afterwards that queries see the pushed named graphs.")] = True,
    json_out: JsonOpt = False,
) -> None:
    """Load every named graph of the store into any SPARQL 1.1 store, replacing each graph whole.

    Uses the Graph Store Protocol (PUT per graph), falling back to SPARQL Update; pushing twice
    changes nothing. Afterwards a pushed triple must be visible without GRAPH, as judikg's named
    queries expect; if not, the command fails and says which store setting to change.
    """
    from judikg.graph.remote import RemoteEndpoint, push as push_graphs
    from judikg.graph.store import OxigraphStore

    target = run(RemoteEndpoint.guess, endpoint, update_url=update, gsp_url=gsp)

    def execute():  # type: ignore[no-untyped-def]
        with OxigraphStore.open(store, read_only=True) as st:
            return push_graphs(st, target, verify=verify)

    report = run(execute)
    if json_out:
        print_json(report.to_dict())
    else:
        err.print(report.summary())
