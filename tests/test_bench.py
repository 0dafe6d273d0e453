"""The benchmark scripts run on a tiny corpus, so that they cannot rot between measurements."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def bench(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_extract_speed_reports_throughput_and_cpu() -> None:
    out = bench("bench.extract_speed", "--articles", "4", "--size", "2048")
    match = re.search(r"extraction: 4 articles of (\d+) chars .* = (\d+) articles/s .* CPU [\d.]+ s = (\d+) articles", out)
    assert match, out
    assert 1500 <= int(match[1]) <= 2100 and int(match[2]) > 0 and int(match[3]) > 0
    assert re.search(r"; extraction (compiled \(mypyc, \d+ modules\)|pure Python \(.+\))$", out.strip()), out


def test_ingest_speed_reports_each_third_and_the_total_with_workers() -> None:
    out = bench("bench.ingest_speed", "--articles", "3", "--workers", "2", "--size", "1024")
    parts = re.findall(r"part (\d)/3: (\d+) articles .* RSS (\d+) MB; CPU per article [\d.]+ ms in this process", out)
    assert [(p[0], p[1]) for p in parts] == [("1", "1"), ("2", "1"), ("3", "1")], out
    assert re.search(
        r"ingest: 3 articles in [\d.]+ s = \d+ articles/s end to end with 2 worker\(s\); .* ms in this process, [\d.]+ ms in workers", out
    ), out
    assert re.search(r"memory: RSS \d+ MB after the first third, \d+ MB after all .* Python heap blocks \d+ -> \d+", out), out
