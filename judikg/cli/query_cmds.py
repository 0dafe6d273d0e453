"""The `query` command: named researcher queries, .rq files or inline SPARQL, locally or remotely."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from judikg.cli import app
from judikg.cli.console import err, out, run
from judikg.cli.options import StoreOpt
from judikg.errors import QueryError


@app.command(
    epilog=(
        "Examples: judikg query --list  |  judikg query institutions-of-country --param country=KG  |  "
        "judikg query partners --param institution='Supreme Court of Kazakhstan' --format md  |  "
        "judikg query --sparql 'SELECT * WHERE { ?s ?p ?o } LIMIT 5' --endpoint http://127.0.0.1:7878/query"
    )
)
def query(
    name: Annotated[str | None, typer.Argument(help="A named query (see --list) or a .rq file.", show_default=False)] = None,
    sparql: Annotated[str | None, typer.Option("--sparql", help="Run this SPARQL SELECT text instead.")] = None,
    params: Annotated[list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE, repeatable; bound as RDF terms.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv, json or md.")] = "table",
    lang: Annotated[str, typer.Option("--lang", "-l", help="Label language: en, ru, ky, kk (with fallbacks).")] = "en",
    endpoint: Annotated[str | None, typer.Option("--endpoint", help="Run on this SPARQL 1.1 endpoint instead of the store.")] = None,
    store: StoreOpt = Path("judikg-data"),
    list_queries: Annotated[bool, typer.Option("--list", help="List the named queries and their parameters.")] = False,
) -> None:
    """Answer a research question in SPARQL: a named query, a .rq file or --sparql text.

    Entity parameters take an IRI or a name in any language or script; country parameters an
    ISO code. Results show labels in --lang; --format json gives SPARQL JSON results with labels.
    """
    from judikg.queries.library import NamedQuery, library, load_query
    from judikg.queries.results import FORMATS, render, rows_as_text
    from judikg.queries.run import EndpointTarget, StoreTarget, run_named

    if list_queries:
        table = Table("name", "title", "parameters", title="named queries", title_justify="left")
        for q in library().values():
            table.add_row(q.name, q.title, ", ".join(f"{p.name} ({p.kind}{'' if p.default is None else '=' + p.default})" for p in q.params))
        out.print(table)
        return
    if fmt not in FORMATS:
        run(_fail, f"unknown --format {fmt!r}; use one of {', '.join(FORMATS)}")
    if (name is None) == (sparql is None):
        run(_fail, "give a query name, a .rq file, or --sparql TEXT (one of them); `judikg query --list` shows the names")
    raw: dict[str, str] = {}
    for item in params or []:
        key, sep, value = item.partition("=")
        if not sep:
            run(_fail, f"--param {item!r}: write NAME=VALUE")
        raw[key.strip()] = value
    chosen = NamedQuery("sparql", "inline query", "", sparql) if sparql is not None else run(load_query, name)

    def execute() -> tuple[object, dict[str, str]]:
        if endpoint:
            return run_named(EndpointTarget(endpoint), chosen, raw, lang=lang)
        from judikg.graph.store import OxigraphStore

        with OxigraphStore.open(store, read_only=True) as st:
            return run_named(StoreTarget(st), chosen, raw, lang=lang)

    table, labels = run(execute)
    if fmt == "table":
        rich_table = Table(*table.columns, title=chosen.title, title_justify="left")
        for row in rows_as_text(table, labels):
            rich_table.add_row(*row)
        out.print(rich_table)
        err.print(f"{len(table)} rows")
    else:
        sys.stdout.write(render(table, fmt, labels))


def _fail(message: str) -> None:
    raise QueryError(message)
