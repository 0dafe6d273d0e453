"""Writing a generated file, or checking that the file on disk is current (``--check``)."""

from __future__ import annotations

import sys
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
