"""Whether extraction runs compiled, and the guard that keeps compiled modules true to their sources.

setup.py compiles the modules extraction spends its time in with mypyc and records each one's
source SHA-256 in ``judikg.ingest._compiled_sources``, a module that exists only compiled. Python
imports a compiled module in preference to the ``.py`` beside it, so an editable install whose
sources were edited after installing would silently run the old code. :func:`activate` (called by
``judikg.ingest`` before any of those modules loads) compares the records with the sources and, if
any differ or ``JUDIKG_PURE_PYTHON=1`` is set, has every compiled module imported from its source:
all or none, because compiled modules call one another directly, not through ``sys.modules``.

This module itself is never compiled.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

__all__ = ["PURE_ENV", "SourceFinder", "Status", "activate", "decide", "stale_sources", "status"]

#: Set to 1 to run the Python sources even where compiled modules are installed.
PURE_ENV = "JUDIKG_PURE_PYTHON"
_MANIFEST = "judikg.ingest._compiled_sources"


@dataclass(frozen=True)
class Status:
    """How extraction runs in this process."""

    compiled: tuple[str, ...]  # the modules running compiled (empty: pure Python)
    reason: str  # why they are not compiled, or "" when they are

    @property
    def summary(self) -> str:
        if self.compiled:
            return f"compiled (mypyc, {len(self.compiled)} modules)"
        return f"pure Python ({self.reason})"


_status = Status((), "not checked yet")


def stale_sources(records: Mapping[str, tuple[str, str]], package_dir: Path) -> list[str]:
    """Modules whose source under ``package_dir`` is missing or no longer has the recorded hash."""
    stale = []
    for name, (relative, digest) in records.items():
        try:
            current = hashlib.sha256((package_dir / relative).read_bytes()).hexdigest()
        except OSError:
            current = ""
        if current != digest:
            stale.append(name)
    return stale


class SourceFinder(importlib.abc.MetaPathFinder):
    """Finds the listed modules as their ``.py`` sources, ahead of the compiled files."""

    def __init__(self, files: Mapping[str, Path]) -> None:
        self._files = dict(files)

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        file = self._files.get(fullname)
        return None if file is None else importlib.util.spec_from_file_location(fullname, file)


def decide(records: Mapping[str, tuple[str, str]], package_dir: Path, environ: Mapping[str, str]) -> Status:
    """Whether the compiled modules in ``records`` (name -> (source path, SHA-256)) may run."""
    if environ.get(PURE_ENV, "").strip() not in {"", "0"}:
        return Status((), f"{PURE_ENV} is set")
    if stale := stale_sources(records, package_dir):
        return Status((), f"{len(stale)} source(s) changed since compiling, e.g. {package_dir / records[stale[0]][0]}")
    return Status(tuple(sorted(records)), "")


def activate(package_dir: Path) -> Status:
    """Decide, once per process, whether the compiled modules run; see the module docstring."""
    global _status
    try:
        from judikg.ingest._compiled_sources import SOURCES  # type: ignore[import-not-found]
    except ImportError:
        _status = Status((), "not compiled at install: see setup.py")
        return _status
    records: dict[str, tuple[str, str]] = SOURCES
    _status = decide(records, package_dir, os.environ)
    if not _status.compiled:
        if PURE_ENV not in _status.reason:
            warnings.warn(
                f"judikg: {_status.reason}; running the Python sources instead of the stale compiled "
                "modules (same results, ~1.3x slower). Reinstall (pip install -e .) to compile them again.",
                RuntimeWarning,
                stacklevel=2,
            )
        sys.meta_path.insert(0, SourceFinder({name: package_dir / rel for name, (rel, _) in records.items()}))
    return _status


def status() -> Status:
    """How extraction runs in this process (after ``judikg.ingest`` was imported)."""
    return _status
