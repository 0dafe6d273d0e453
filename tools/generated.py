"""The command line every generator shares: render from the ontology, write, or check (``--check``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path


def write_or_check(output: Path, text: str, *, check: bool, tool: str, command: str) -> int:
    """0 when ``output`` holds ``text`` (written now unless checking), 1 when a check finds it stale."""
    current = output.read_text(encoding="utf-8") if output.exists() else None
    if check:
        if current != text:
            print(f"{tool}: {output} is stale; run `{command}`", file=sys.stderr)
            return 1
        return 0
    if current != text:
        output.write_text(text, encoding="utf-8")
        print(f"{tool}: wrote {output}", file=sys.stderr)
    return 0


def generator_main(
    argv: list[str] | None,
    *,
    description: str,
    ontology: Path,
    output: Path,
    render: Callable[[Path], str],
    tool: str,
    command: str,
) -> int:
    """Exit code 0 ok, 1 stale (with --check), 2 the ontology cannot be read or rendered."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="exit 1 if the output file is stale, write nothing")
    parser.add_argument("--ontology", type=Path, default=ontology, help="ontology Turtle file")
    parser.add_argument("--output", type=Path, default=output, help="file to write")
    args = parser.parse_args(argv)
    try:
        text = render(args.ontology)
    except (ValueError, OSError) as exc:
        print(f"{tool}: {exc}", file=sys.stderr)
        return 2
    return write_or_check(args.output, text, check=args.check, tool=tool, command=command)
