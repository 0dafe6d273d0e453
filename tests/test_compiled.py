"""The mypyc-compiled extraction modules: in use where they were built, identical to the Python
sources, and never run once their sources have changed (judikg.ingest.compiled, setup.py)."""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from judikg.ingest import compiled
from judikg import iris
from judikg.ingest.compiled import PURE_ENV, SourceFinder, decide, source_file, stale_sources
from judikg.ingest.extract import extract
from judikg.ingest.read import read_bytes

SHARED = Path(__file__).resolve().parents[2] / "shared"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"

# Canonical JSON of the extractions of the shared articles, the samples and 200 bench articles,
# printed by a child process so that it can run with the compiled modules or with the sources.
_FINGERPRINT = r"""
import dataclasses, json, sys
from pathlib import Path
from bench.corpus import synthetic_texts
from judikg.errors import InputError
from judikg.ingest import compiled
from judikg.ingest.extract import extract
from judikg.ingest.read import read_bytes, read_file

docs = [read_bytes(t.encode(), f"bench-{i}.txt") for i, t in enumerate(synthetic_texts(200, 4096))]
for root in map(Path, sys.argv[1:]):
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.name.endswith(".json") and not path.name.startswith("."):
            docs.extend(d for d in read_file(path) if not isinstance(d, InputError))
out = {d.source: dataclasses.asdict(extract(d)) for d in docs}
print(json.dumps({"status": compiled.status().summary, "articles": len(out), "extractions": out}, sort_keys=True, default=str))
"""


def _fingerprint(pure: bool) -> dict[str, object]:
    roots = [str(EXAMPLES)] + [str(SHARED / p) for p in ("seeds", "corpus/dev") if (SHARED / p).is_dir()]
    env = {**os.environ, PURE_ENV: "1" if pure else "0"}
    done = subprocess.run(
        [sys.executable, "-c", _FINGERPRINT, *roots],
        capture_output=True, text=True, env=env, cwd=Path(__file__).resolve().parents[1], check=True, timeout=300,
    )
    return json.loads(done.stdout)


def test_stale_sources_names_changed_and_missing_files(tmp_path: Path) -> None:
    (tmp_path / "kept.py").write_text("x = 1\n")
    (tmp_path / "edited.py").write_text("x = 2\n")
    digest = hashlib.sha256(b"x = 1\n").hexdigest()
    files = {"p.kept": tmp_path / "kept.py", "p.edited": tmp_path / "edited.py", "p.gone": tmp_path / "gone.py"}
    records = {"p.kept": digest, "p.edited": digest, "p.gone": digest, "p.unfindable": digest}
    assert stale_sources(records, files.get) == ["p.edited", "p.gone", "p.unfindable"]


def test_decide_runs_compiled_only_when_every_source_and_dependency_matches_and_not_told_otherwise(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("A = 1\n")
    (tmp_path / "model.py").write_text("name: str\n")
    files = {"p.a": tmp_path / "a.py", "p.model": tmp_path / "model.py"}
    sources = {"p.a": hashlib.sha256(b"A = 1\n").hexdigest()}
    dependencies = {"p.model": hashlib.sha256(b"name: str\n").hexdigest()}
    assert decide(sources, dependencies, files.get, {}).compiled == ("p.a",)
    for off in ("0", "no", "false", ""):
        assert decide(sources, dependencies, files.get, {PURE_ENV: off}).compiled == ("p.a",), off
    for on in ("1", "yes", "TRUE"):
        told = decide(sources, dependencies, files.get, {PURE_ENV: on})
        assert told.compiled == () and PURE_ENV in told.reason and told.summary.startswith("pure Python")
    # compiled code checks the types its imports declare: a changed field type makes it stale too
    (tmp_path / "model.py").write_text("name: str | None\n")
    stale = decide(sources, dependencies, files.get, {})
    assert stale.compiled == () and stale.reason.endswith(f"1 source(s) changed since compiling, e.g. {tmp_path / 'model.py'}")
    (tmp_path / "a.py").write_text("A = 2\n")
    assert decide(sources, dependencies, files.get, {}).reason.startswith("2 source(s) changed since compiling")


def test_source_file_finds_mapped_folders_and_compiled_modules_without_importing_them() -> None:
    root = Path(__file__).resolve().parents[1]
    assert source_file("judikg.iris") == Path(iris.__file__)
    assert source_file("judikg.ingest.extract.tokens").name == "tokens.py"
    assert source_file("judikg.ingest.extract.tokens").read_bytes() == (root / "ingest/extract/tokens.py").read_bytes()
    assert source_file("judikg.ontology.reference").read_bytes() == (root / "ontology/reference/__init__.py").read_bytes()
    assert source_file("judikg.no_such_module") is None
    import judikg.ingest.extract.recognize  # noqa: F401  loads compiled modules through one another

    assert source_file("judikg.ingest.extract.tokens").read_bytes() == (root / "ingest/extract/tokens.py").read_bytes()
    code = "import sys; from judikg.ingest.compiled import source_file as f; f('judikg.ingest.extract.recognize'); print('judikg.ingest.extract' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_source_finder_imports_the_py_file_ahead_of_other_finders(tmp_path: Path) -> None:
    source = tmp_path / "jk_finder_probe.py"
    source.write_text("WHERE = 'source'\n")
    finder = SourceFinder({"jk_finder_probe": source})
    sys.meta_path.insert(0, finder)
    try:
        import jk_finder_probe  # type: ignore[import-not-found]

        assert jk_finder_probe.WHERE == "source" and jk_finder_probe.__file__ == str(source)
        assert finder.find_spec("json") is None  # anything else goes to the usual finders
    finally:
        sys.meta_path.remove(finder)
        sys.modules.pop("jk_finder_probe", None)


def test_pure_python_env_runs_every_module_from_its_source() -> None:
    code = (
        "from judikg.ingest import compiled; import judikg.ingest.extract.tokens as t, judikg.ingest.model as m;"
        "print(compiled.status().summary); print(t.__file__); print(m.__file__)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, PURE_ENV: "1"}, check=True
    )
    summary, *files = done.stdout.splitlines()
    assert summary.startswith("pure Python") and all(f.endswith(".py") for f in files), done.stdout


def test_extraction_is_compiled_where_the_install_required_it() -> None:
    """CI installs with JUDIKG_COMPILE=1 (.ci/run): there, the compiled modules must be the ones running."""
    if os.environ.get("JUDIKG_COMPILE", "").strip() != "1":
        pytest.skip(f"JUDIKG_COMPILE=1 not set: this install may be pure Python ({compiled.status().summary})")
    import judikg.ingest.extract.tokens as tokens

    status = compiled.status()
    assert status.compiled, f"extraction is not compiled: {status.reason}"
    assert "judikg.ingest.extract.recognize" in status.compiled and "judikg.ingest.model" not in status.compiled
    assert not tokens.__file__.endswith(".py"), tokens.__file__
    for name in status.compiled:
        module = importlib.import_module(name)
        assert not module.__file__.endswith(".py"), module.__file__


def test_documents_and_extractions_survive_pickling() -> None:
    """ingest --workers sends documents between processes: the data model stays plain Python
    (setup.py), whatever the modules building it are."""
    doc = read_bytes("The Supreme Court of Kazakhstan met the Constitutional Court of Mongolia.".encode(), "a.txt")
    result = extract(doc)
    assert result.entities
    assert pickle.loads(pickle.dumps(doc)) == doc
    assert pickle.loads(pickle.dumps(result)) == result


@pytest.mark.slow
def test_compiled_and_pure_extraction_give_identical_output() -> None:
    if not compiled.status().compiled:
        pytest.skip(f"nothing to compare: extraction runs as {compiled.status().summary}")
    native, pure = _fingerprint(pure=False), _fingerprint(pure=True)
    assert native["status"] != pure["status"] and str(pure["status"]).startswith("pure Python")
    assert str(native["status"]).startswith("compiled"), native["status"]
    assert native["articles"] == pure["articles"] >= 214
    assert native["extractions"] == pure["extractions"]


def test_cli_version_says_how_extraction_runs() -> None:
    for pure in ("0", "1"):
        done = subprocess.run(
            [sys.executable, "-m", "judikg", "--version"],
            capture_output=True, text=True, env={**os.environ, PURE_ENV: pure}, check=True,
        )
        line = done.stdout.strip()
        assert line.startswith("judikg ") and "(extractor " in line, line
        if pure == "1":
            assert line.endswith(f"extraction pure Python ({PURE_ENV} is set)"), line
        else:
            assert line.endswith(f"extraction {compiled.status().summary}"), line
