"""Whether extraction runs compiled, and the guard that keeps compiled modules true to their sources.

setup.py compiles the modules extraction spends its time in with mypyc and records the SHA-256 of
each one's source, and of every judikg module they import (compiled code checks the types those
declare), in ``judikg.ingest._compiled_sources``, a module that exists only compiled. Python
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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

__all__ = ["PURE_ENV", "SourceFinder", "Status", "activate", "decide", "pure_requested", "source_file", "stale_sources", "status"]

#: Set to 1 to run the Python sources even where compiled modules are installed.
PURE_ENV = "JUDIKG_PURE_PYTHON"


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


def source_file(name: str) -> Path | None:
    """The ``.py`` file of module ``name``, found as an import would find it but without importing
    the module or its packages (the packages of compiled modules must not load before the decision)."""
    spec: importlib.machinery.ModuleSpec | None = None
    parts = name.split(".")
    for depth in range(1, len(parts) + 1):
        prefix = ".".join(parts[:depth])
        search = spec.submodule_search_locations if spec is not None else None
        # a loaded package's own spec is cheapest; not the module's: mypyc gives a compiled module
        # imported by another one an origin beside the shared library, not its own
        loaded = sys.modules.get(prefix) if depth < len(parts) else None
        spec = loaded.__spec__ if loaded is not None else _find_spec(prefix, search)
        if spec is None:
            return None
    origin = spec.origin if spec is not None else None
    if origin is None:
        return None
    compiled_suffix = next((s for s in importlib.machinery.EXTENSION_SUFFIXES if origin.endswith(s)), None)
    return Path(origin[: -len(compiled_suffix)] + ".py") if compiled_suffix else Path(origin)


def _find_spec(name: str, search: Sequence[str] | None) -> importlib.machinery.ModuleSpec | None:
    """Ask the import system's finders (the editable-install finder among them), not ours."""
    for finder in sys.meta_path:
        if not isinstance(finder, SourceFinder) and hasattr(finder, "find_spec"):
            if (spec := finder.find_spec(name, search)) is not None:
                return spec
    return None


def stale_sources(records: Mapping[str, str], locate: Callable[[str], Path | None]) -> list[str]:
    """Modules whose source is missing or no longer has the recorded SHA-256."""
    stale = []
    for name, digest in records.items():
        file = locate(name)
        try:
            current = hashlib.sha256(file.read_bytes()).hexdigest() if file is not None else ""
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


def pure_requested(environ: Mapping[str, str]) -> bool:
    """``JUDIKG_PURE_PYTHON`` set to 1, yes, true or on (any case)."""
    return environ.get(PURE_ENV, "").strip().lower() in {"1", "yes", "true", "on"}


def decide(
    sources: Mapping[str, str],
    dependencies: Mapping[str, str],
    locate: Callable[[str], Path | None],
    environ: Mapping[str, str],
) -> Status:
    """Whether the compiled modules (``sources``: name -> SHA-256 of its source) may run, given the
    judikg modules they import (``dependencies``, likewise)."""
    if pure_requested(environ):
        return Status((), f"{PURE_ENV} is set")
    if stale := stale_sources({**sources, **dependencies}, locate):
        return Status((), f"{len(stale)} source(s) changed since compiling, e.g. {locate(stale[0]) or stale[0]}")
    return Status(tuple(sorted(sources)), "")


def activate() -> Status:
    """Decide, once per process, whether the compiled modules run; see the module docstring."""
    global _status
    try:
        from judikg.ingest import _compiled_sources as manifest  # type: ignore[attr-defined]
    except ImportError:
        _status = Status((), "not compiled at install: see setup.py")
        return _status
    # an earlier build's manifest recorded (path, digest) pairs and no dependencies: it reads as stale
    sources: dict[str, str] = manifest.SOURCES
    _status = decide(sources, getattr(manifest, "DEPENDENCIES", {}), source_file, os.environ)
    if not _status.compiled:
        files = {name: source_file(name) for name in sources}
        if not pure_requested(os.environ):
            warnings.warn(
                f"judikg: {_status.reason}; running the Python sources instead of the stale compiled "
                "modules (same results, ~1.3x slower). Reinstall judikg to compile them again.",
                RuntimeWarning,
                stacklevel=2,
            )
        sys.meta_path.insert(0, SourceFinder({name: file for name, file in files.items() if file is not None}))
    return _status


def status() -> Status:
    """How extraction runs in this process (after ``judikg.ingest`` was imported)."""
    return _status
