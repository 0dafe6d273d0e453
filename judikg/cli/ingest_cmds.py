"""Commands that build and inspect the store: ingest, stats, export, validate."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from judikg.cli import app
from judikg.cli.console import err, out, print_json, progress, run
from judikg.cli.options import JsonOpt, QuietOpt, StoreOpt
from judikg.errors import InputError

EXPORT_FORMATS = ("ttl", "nt", "nq", "trig", "jsonld", "xml")


@app.command(
    epilog="Example: judikg ingest examples/articles --workers 2",
)
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, folders (recursive), glob patterns, or - for stdin.", show_default=False),
    ],
    store: StoreOpt = Path("judikg-data"),
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Reading and extraction processes.")] = 1,
    batch_size: Annotated[
        int | None,
        typer.Option(
            "--batch-size",
            min=1,
            help="Articles a store write (default 1000): larger loads are faster, each article holds ~0.25 MB while loaded.",
            show_default=False,
        ),
    ] = None,
    lock_timeout: Annotated[
        float, typer.Option("--lock-timeout", min=0, help="Seconds to wait for another process using the store.")
    ] = 30.0,
    json_out: JsonOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Read articles (txt, html, json, jsonl), extract entities and relations, store one graph per article.

    An unchanged article is skipped, a changed one replaces its graph. A file that cannot be
    read is reported on one line and the batch goes on; the exit code is then 2.
    """
    from judikg.pipeline import ingest_into

    stdin = sys.stdin.buffer if "-" in paths else None
    sizing = {"batch_size": batch_size} if batch_size else {}
    with progress("ingesting", total=None, quiet=quiet or json_out) as advance:
        report = run(
            ingest_into, paths, store, workers=workers, stdin=stdin, on_article=advance, lock_timeout=lock_timeout,
            **sizing,
        )
    for failure in report.failures:
        err.print(f"[red]skipped[/red] {failure}", markup=True, highlight=False)
    if json_out:
        print_json(report.to_dict())
    elif not quiet:
        err.print(report.summary())
    if not report.ok:
        raise typer.Exit(InputError.exit_code)


@app.command(epilog="Example: judikg stats --store judikg-data --json")
def stats(store: StoreOpt = Path("judikg-data"), json_out: JsonOpt = False) -> None:
    """Count articles, quads, entities by class and articles by language."""
    from judikg.graph.stats import stats as compute
    from judikg.graph.store import OxigraphStore

    with run(OxigraphStore.open, store, read_only=True) as st:
        result = run(compute, st)
    if json_out:
        print_json(result.to_dict())
        return
    data = result.to_dict()
    out.print(f"store {store}: {data['articles']} articles, {data['quads']} quads")
    for title, key in (("entities by class", "by_class"), ("articles by language", "by_language")):
        table = Table(title=title, title_justify="left")
        table.add_column(title.split()[-1])
        table.add_column("count", justify="right")
        for name, count in data[key].items():
            table.add_row(str(name), str(count))
        out.print(table)


@app.command(
    epilog="Example: judikg export --format ttl -o kg.ttl   |   judikg export --format trig --graph ARTICLE-GRAPH-IRI",
)
def export(
    store: StoreOpt = Path("judikg-data"),
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of {', '.join(EXPORT_FORMATS)}.")] = "ttl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write; stdout if omitted.")] = None,
    graph: Annotated[str | None, typer.Option("--graph", help="Export only this article graph (IRI).")] = None,
) -> None:
    """Write the graph in a standard RDF format (triple formats merge all graphs; nq/trig/jsonld keep them)."""
    from judikg.graph.export import export as write
    from judikg.graph.store import OxigraphStore

    with run(OxigraphStore.open, store, read_only=True) as st:
        if output is None:
            run(write, st, sys.stdout.buffer, fmt, graph)
            sys.stdout.buffer.flush()
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            run(write, st, output, fmt, graph)
            err.print(f"wrote {output} ({output.stat().st_size} bytes, {fmt})")


@app.command(epilog="Example: judikg validate || echo 'see the report above'")
def validate(
    store: StoreOpt = Path("judikg-data"),
    graph: Annotated[str | None, typer.Option("--graph", help="Validate only this article graph (IRI).")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Check the store against the SHACL shapes; exit 1 with a readable report when it does not conform."""
    from judikg.graph.store import OxigraphStore
    from judikg.graph.validate import validate as check

    with run(OxigraphStore.open, store, read_only=True) as st:
        report = run(check, st, graph)
    if json_out:
        print_json(report.to_dict())
    elif report.conforms:
        out.print("conforms: the store satisfies every SHACL shape")
    else:
        out.print(report.text)
    if not report.conforms:
        raise typer.Exit(1)


__all__ = ["ingest", "stats", "export", "validate"]
