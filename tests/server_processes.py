"""Real servers for the serve/push/named-query tests: `judikg serve` and `oxigraph serve` on 127.0.0.1.

Both run as subprocesses, are waited for until they answer, and are always killed afterwards.
The seeds graph is built by the real ingest; tests skip when ../shared is absent.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"


def build_seeds_store(directory: Path) -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared not found: the shared test corpus sits beside the clone in CI")
    from judikg.pipeline import ingest_into

    store = directory / "seeds-store"
    report = ingest_into([SEEDS], store)
    assert report.ok and report.count("added") == 5, report.summary()
    return store


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


@contextlib.contextmanager
def judikg_server(store: Path, *options: str, ready_within: float = 60.0) -> Iterator[str]:
    """`judikg serve --port 0` on the store; yields its base URL (``http://127.0.0.1:PORT/``)."""
    command = [sys.executable, "-m", "judikg", "serve", "--store", str(store), "--port", "0", "--quiet", *options]
    env = {**os.environ, "COLUMNS": "400"}  # rich must not wrap the line that names the URL
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env)
    try:
        assert process.stderr is not None
        selector = selectors.DefaultSelector()
        selector.register(process.stderr, selectors.EVENT_READ)
        deadline = time.monotonic() + ready_within
        seen = b""
        url = None
        while url is None:
            if time.monotonic() > deadline or process.poll() is not None:
                raise AssertionError(f"judikg serve did not start: {seen.decode(errors='replace')}")
            if selector.select(timeout=0.5):
                line = process.stderr.readline()
                seen += line
                if b"listening on " in line:
                    url = line.decode().split("listening on ", 1)[1].split()[0]
        selector.close()
        yield url
    finally:
        _stop(process)


@contextlib.contextmanager
def oxigraph_server(location: Path, *, union_default_graph: bool = True, ready_within: float = 30.0) -> Iterator[str]:
    """`oxigraph serve` (the PyPI package's CLI) on a free port; yields ``http://127.0.0.1:PORT``."""
    binary = shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the `oxigraph` CLI is missing: pip install 'oxigraph>=0.5,<0.6' (in the [test] extra)")
    port = free_port()
    command = [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    if union_default_graph:
        command.append("--union-default-graph")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + ready_within
        while True:
            try:
                with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"oxigraph serve did not start: {process.stderr.read().decode(errors='replace') if process.stderr else ''}") from None
                time.sleep(0.1)
        yield url
    finally:
        _stop(process)
