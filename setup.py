"""Compiles the extraction core with mypyc when it can; everything else is in pyproject.toml.

Extraction is pure, fully typed Python. mypyc turns the modules it spends its time in into C
extensions that run it in ~1.3x fewer instructions with identical output (docs/design.md,
"Compiled extraction"). The
sources stay installed beside them: ``judikg.ingest.compiled`` runs them instead whenever a
compiled module no longer matches its source, or when ``JUDIKG_PURE_PYTHON=1``.

``JUDIKG_COMPILE`` chooses at install time:
  unset or ``auto``  compile; if that fails (no C compiler, say), warn and install pure Python
  ``1``              compile or fail the install (CI: a broken build must not pass unnoticed;
                     tests/test_compiled.py then also requires the compiled modules to be in use)
  ``0``              pure Python, no compile (~2 minutes faster to install); removes modules an
                     earlier build compiled in place
"""

from __future__ import annotations

import ast
import glob
import hashlib
import os
import shutil
import tomllib
from importlib.machinery import EXTENSION_SUFFIXES
from collections.abc import Iterable
from pathlib import Path

from setuptools import Distribution, Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent

#: Paths (relative to the repository) of the modules to compile. Package ``__init__`` files stay
#: Python so that importing a package never needs the compiled library, and so does the public data
#: model (ingest/model.py): compiled frozen dataclasses cannot be unpickled (their generated
#: ``__setstate__`` assigns fields), and documents cross process boundaries in ``ingest --workers``.
COMPILED = [
    "ingest/dates.py",
    "ingest/translit.py",
    "ingest/morphology.py",
    *sorted(p for p in glob.glob("ingest/extract/*.py", root_dir=ROOT) if not p.endswith("__init__.py")),
]
#: The compiled-only module that records which sources were compiled (read by judikg.ingest.compiled).
MANIFEST_MODULE = "judikg.ingest._compiled_sources"
#: mypyc's shared library for all compiled modules: one group, so calls between them stay C calls.
GROUP = "judikg.ingest._compiled"
#: Where the sources are laid out as the installed package tree: mypyc names a module after its
#: path, and the repository's top-level folders map to judikg.* only through package-dir.
STAGE = ROOT / "build" / "mypyc-src"


def _package_dirs() -> dict[str, str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["setuptools"]["package-dir"]


def _module_of(path: str, package_dirs: dict[str, str]) -> str:
    """``ingest/extract/tokens.py`` -> ``judikg.ingest.extract.tokens``."""
    folder, rest = path.split("/", 1)
    package = next(pkg for pkg, d in package_dirs.items() if d == folder)
    return f"{package}.{rest[:-3].replace('/', '.')}"


def _staged_file(name: str) -> Path | None:
    base = STAGE / name.replace(".", "/")
    return next((f for f in (base.with_suffix(".py"), base / "__init__.py") if f.is_file()), None)


def _imported(name: str, file: Path) -> set[str]:
    """The judikg modules ``file`` (module ``name``) imports anywhere in its body, with their packages."""
    package = name if file.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)  # "from judikg import iris"
    with_packages = {".".join(m.split(".")[:k]) for m in found for k in range(1, m.count(".") + 2)}
    return {m for m in with_packages if m.split(".")[0] == "judikg" and _staged_file(m)}


def _stage() -> list[str]:
    """Copy every package's .py files to STAGE as the installed tree, write the manifest module
    there, and return the staged paths of the modules to compile (manifest included).

    The manifest records the SHA-256 of each compiled module and of every judikg module they
    import, directly or not: compiled code checks at run time the types those modules declare, so
    a changed field type in ingest/model.py makes the compiled modules as stale as a changed body.
    """
    package_dirs = _package_dirs()
    shutil.rmtree(STAGE, ignore_errors=True)
    for package, folder in package_dirs.items():
        for source in (ROOT / folder).rglob("*.py"):
            if "__pycache__" in source.parts:
                continue
            target = STAGE / package.replace(".", "/") / source.relative_to(ROOT / folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    compiled = [_module_of(path, package_dirs) for path in COMPILED]
    closure, todo = set(compiled), list(compiled)
    while todo:
        name = todo.pop()
        for found in _imported(name, _staged_file(name)) - closure:
            closure.add(found)
            todo.append(found)

    def digests(names: Iterable[str]) -> dict[str, str]:
        return {n: hashlib.sha256(_staged_file(n).read_bytes()).hexdigest() for n in sorted(names)}

    manifest = STAGE / (MANIFEST_MODULE.replace(".", "/") + ".py")
    manifest.write_text(
        '"""Written by setup.py: SHA-256 of the compiled modules\' sources and of the judikg modules they import."""\n\n'
        f"SOURCES: dict[str, str] = {digests(compiled)!r}\n"
        f"DEPENDENCIES: dict[str, str] = {digests(closure - set(compiled))!r}\n",
        encoding="utf-8",
    )
    return [*(str(_staged_file(n)) for n in compiled), str(manifest)]


class MypycBuildExt(build_ext):
    """build_ext that asks mypyc for its extensions when it is finalized, and falls back to pure
    Python in ``auto`` mode. (egg_info finalizes it too, so pip's metadata steps each run mypy's
    analysis, ~9 s apiece: moving the call into ``run`` would mean redoing setuptools' per-extension
    setup by hand.)"""

    def finalize_options(self) -> None:
        self._mode = os.environ.get("JUDIKG_COMPILE", "auto").strip().lower()
        extensions = []
        if self._mode not in {"0", "no", "false"}:
            try:
                extensions = _mypyc_extensions()
            except (Exception, SystemExit) as exc:  # no mypy, or mypy's errors (it exits)
                self._fall_back(exc)
        self.distribution.ext_modules = extensions
        super().finalize_options()

    def run(self) -> None:
        # setuptools clears inplace while it builds and copies into the sources afterwards
        if self.inplace or getattr(self, "editable_mode", False):
            _remove_in_place()  # an earlier build's modules, those no longer compiled among them
        if not self.extensions:
            return
        try:
            super().run()
        except Exception as exc:  # no C compiler, or it failed
            self._fall_back(exc)
            _remove_in_place()
            self.extensions = []
            self.distribution.ext_modules = []

    def _fall_back(self, exc: BaseException) -> None:
        if self._mode in {"1", "yes", "true", "require"}:
            raise exc
        self.warn(
            f"judikg: compiling the extraction modules failed ({type(exc).__name__}: {exc}); "
            "installed as pure Python, which gives the same results ~1.3x slower. "
            "Set JUDIKG_COMPILE=1 to see the full error."
        )


def _remove_in_place() -> None:
    """Delete the compiled modules an editable build left in the source folders: each would be
    imported before the ``.py`` beside it."""
    for folder in set(_package_dirs().values()):
        for file in (ROOT / folder).rglob("*"):
            suffix = next((s for s in EXTENSION_SUFFIXES if file.name.endswith(s)), None)
            if suffix is None:
                continue
            stem = file.name[: -len(suffix)]
            if file.with_name(stem + ".py").exists() or stem.startswith("_compiled"):
                file.unlink()


def _mypyc_extensions() -> list[Extension]:
    from mypyc.build import mypycify  # a build requirement; absent under --no-build-isolation

    old = os.getcwd()
    os.chdir(ROOT)  # mypyc writes its C under ./build and names modules from relative paths
    try:
        staged = [os.path.relpath(p, ROOT) for p in _stage()]
        # The build environment has none of the runtime dependencies: their types read as Any,
        # which is all compiled code sees of a foreign library anyway.
        options = [f"--config-file={os.devnull}", "--cache-dir=build/mypy-cache", "--ignore-missing-imports", "--follow-imports=silent"]
        extensions = mypycify([*options, *staged], group_name=GROUP, target_dir=os.path.join("build", "mypyc-c"))
    finally:
        os.chdir(old)
    for ext in extensions:  # pip may run the build from another directory
        ext.sources = [str(ROOT / s) for s in ext.sources]
        ext.include_dirs = [d if os.path.isabs(d) else str(ROOT / d) for d in ext.include_dirs]
    return extensions


class PlatformDistribution(Distribution):
    """Always a platform build, so that build_ext runs although no extension is declared up front."""

    def has_ext_modules(self) -> bool:
        return True


setup(cmdclass={"build_ext": MypycBuildExt}, distclass=PlatformDistribution)
