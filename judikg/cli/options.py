"""Options shared by several commands, declared once so their names and help never drift."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

StoreOpt = Annotated[
    Path,
    typer.Option(
        "--store",
        "-s",
        envvar="JUDIKG_STORE",
        help="Directory of the embedded store (created by ingest).",
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")]
LangOpt = Annotated[
    str,
    typer.Option("--lang", "-l", help="Language of labels: en, ru, ky or kk (falls back to the others)."),
]
