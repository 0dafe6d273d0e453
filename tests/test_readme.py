"""The README's two fresh-machine commands stay true: CI runs the second, this test runs the first."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    commands = [line for block in blocks[:2] for line in block.splitlines() if line and not line.startswith("#")]
    assert len(commands) == 2, "the README must open with exactly two commands (demo, tests)"
    return commands


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()


def test_readme_demo_command_runs(tmp_path: Path) -> None:
    demo = readme_commands()[0]
    assert demo.endswith("./demo.sh"), "the README's first command runs demo.sh after setting up"
    work = tmp_path / "clone"
    work.mkdir()
    (work / "examples").symlink_to(ROOT / "examples")
    if (ROOT.parent / "shared").is_dir():
        (tmp_path / "shared").symlink_to(ROOT.parent / "shared")
    (work / "demo.sh").symlink_to(ROOT / "demo.sh")
    env = dict(os.environ)
    env.pop("JUDIKG_STORE", None)  # the demo relies on the default store directory
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    # demo.sh cds to its own folder; a copy (not the symlink) keeps the run inside tmp_path
    (work / "demo.sh").unlink()
    (work / "demo.sh").write_text((ROOT / "demo.sh").read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run(["bash", "demo.sh"], cwd=work, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    outputs = {p.name for p in (work / "out").iterdir()}
    assert {"judikg.trig", "map.html", "institutions.html", "analysis.json", "most-connected.md"} <= outputs
    if (ROOT.parent / "shared" / "seeds").is_dir():
        assert {"seeds-map.html", "dev-institutions.html"} <= outputs
    assert "outputs:" in result.stdout
    assert (work / "judikg-data").is_dir()


def test_every_package_folder_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    mapping = config["package-dir"]
    found = set()
    for package, folder in mapping.items():
        for init in (ROOT / folder).rglob("__init__.py"):
            relative = init.parent.relative_to(ROOT / folder)
            found.add(".".join([package, *relative.parts]))
    assert found <= listed, f"packages missing from pyproject.toml: {sorted(found - listed)}"
