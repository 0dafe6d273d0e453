"""`judikg extract` and `judikg evaluate` through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from judikg.cli import app

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
runner = CliRunner()


def _shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared not found: the shared test corpus sits beside the clone in CI")
    return SHARED


def test_help_has_examples() -> None:
    for cmd in ("extract", "evaluate"):
        result = runner.invoke(app, [cmd, "--help"])
        assert result.exit_code == 0 and "Example: judikg " + cmd in result.output


def test_extract_writes_json_and_reports_bad_file(tmp_path: Path) -> None:
    seeds = sorted((_shared() / "seeds").glob("*.txt"))[:2]
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = runner.invoke(app, ["extract", *map(str, seeds), str(bad), "-o", str(tmp_path / "o"), "--json", "-q"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert len(data["written"]) == 2 and data["failed"][0]["source"].endswith("empty.txt")


def test_extract_unknown_format(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", "x.txt", "--format", "csv", "-o", str(tmp_path)])
    assert result.exit_code == 2 and "gold-json" in result.output


def test_evaluate_with_pred_dir_gold_against_itself(tmp_path: Path) -> None:
    dev = _shared() / "corpus" / "dev"
    for g in dev.glob("*.gold.json"):
        (tmp_path / g.name.replace(".gold.json", ".json")).write_bytes(g.read_bytes())
    result = runner.invoke(app, ["evaluate", str(dev), "--pred", str(tmp_path), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["articles"] == 19 and data["entity_micro"]["f1"] == 1.0 and data["relation_micro"]["f1"] == 1.0


def test_evaluate_extracts_by_itself_and_prints_tables() -> None:
    result = runner.invoke(app, ["evaluate", str(_shared() / "seeds")])
    assert result.exit_code == 0
    assert "extraction quality" in result.stdout and "published-date accuracy" in result.output


def test_evaluate_missing_folder() -> None:
    result = runner.invoke(app, ["evaluate", "/nonexistent-judikg-folder"])
    assert result.exit_code == 2 and "not a folder" in result.output
