"""The `judikg` command line: a thin shell over the library.

Each command module parses options, calls one library function and formats its result.
Data goes to stdout; progress, logs and errors go to stderr. Exit codes: 0 ok, 1 the data
does not conform (validation, failed articles in a batch), 2 bad input or usage.
"""

from __future__ import annotations

from typing import Annotated

import typer

app = typer.Typer(
    name="judikg",
    help="Multilingual knowledge graph of judicial institutions, built from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)



def _print_version(value: bool) -> None:
    if value:
        from judikg import EXTRACTOR_VERSION, __version__
        from judikg.ingest import compiled

        typer.echo(f"judikg {__version__} (extractor {EXTRACTOR_VERSION}); extraction {compiled.status().summary}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True,
            help="Print the version and whether extraction runs compiled or as pure Python, then exit.",
        ),
    ] = False,
) -> None:
    # no docstring: it would replace the app's help text
    pass


# Command modules register themselves on `app` when imported; the order sets --help's order.
from judikg.cli import ingest_cmds  # noqa: E402,F401  ingest, stats, export, validate
from judikg.cli import query_cmds  # noqa: E402,F401  query
from judikg.cli import serve_cmds  # noqa: E402,F401  serve, push
from judikg.cli import map_cmds  # noqa: E402,F401  map, analyze, path
from judikg.cli import extract_cmds  # noqa: E402,F401  extract, evaluate
from judikg.cli import publish_cmds  # noqa: E402,F401  publish, link wikidata


def main() -> None:
    app()
