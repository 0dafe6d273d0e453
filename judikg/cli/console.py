"""Terminal output shared by every command: stderr console, progress bars, error reporting."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from judikg.errors import JudikgError

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

T = TypeVar("T")


def fail(error: JudikgError) -> NoReturn:
    err.print(f"[red]error:[/red] {error}", markup=True)
    raise typer.Exit(error.exit_code)


def run(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Call a library function, turning judikg errors into one line on stderr and an exit code."""
    try:
        return fn(*args, **kwargs)
    except JudikgError as error:
        fail(error)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n")


@contextmanager
def progress(description: str, total: int | None, quiet: bool = False) -> Iterator[Callable[[int], None]]:
    """A rich progress bar on stderr; yields ``advance(n)``. Silent with --quiet or no TTY."""
    if quiet:
        yield lambda n=1: None
        return
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )
    with bar:
        task = bar.add_task(description, total=total)
        yield lambda n=1: bar.advance(task, n)
