"""Real servers for the serve/push/named-query tests: `judikg serve`, `oxigraph serve` and Virtuoso
(`virtuoso-t`) on 127.0.0.1.

All run as subprocesses, are waited for until they answer, and are always killed afterwards.
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


def _answers_ask(endpoint: str, process: subprocess.Popen[bytes], deadline: float) -> bool:
    """Whether the SPARQL endpoint answers ``ASK {}`` before the deadline (False once the process died)."""
    while True:
        try:
            with urllib.request.urlopen(f"{endpoint}?query=ASK%7B%7D", timeout=2):
                return True
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                return False
            time.sleep(0.1)


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
        if not _answers_ask(f"{url}/query", process, time.monotonic() + ready_within):
            raise AssertionError(f"oxigraph serve did not start: {process.stderr.read().decode(errors='replace') if process.stderr else ''}")
        yield url
    finally:
        _stop(process)


#: The SQL statement that lets anonymous SPARQL clients (Virtuoso's "SPARQL" user) write: `judikg
#: push` replaces graphs through /sparql-graph-crud or SPARQL Update on /sparql, both anonymous.
VIRTUOSO_GRANT = 'GRANT SPARQL_UPDATE TO "SPARQL";'


def virtuoso_ini(directory: Path, sql_port: int, http_port: int) -> str:
    """A virtuoso.ini whose every file sits in ``directory``: a fresh database, both ports on
    127.0.0.1, file access limited to that directory, no plugins or VAD packages (the /sparql
    and /sparql-graph-crud endpoints are built in), small buffers (a test store is tiny)."""
    d = directory
    return f"""[Database]
DatabaseFile = {d / "virtuoso.db"}
ErrorLogFile = {d / "virtuoso.log"}
LockFile = {d / "virtuoso.lck"}
TransactionFile = {d / "virtuoso.trx"}
xa_persistent_file = {d / "virtuoso.pxa"}
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d / "virtuoso-temp.db"}
TransactionFile = {d / "virtuoso-temp.trx"}
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
MaxClientConnections = 10
CheckpointInterval = 0
CaseMode = 2
DirsAllowed = {d}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d / "www"}
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


@contextlib.contextmanager
def virtuoso_server(directory: Path, *, ready_within: float = 60.0) -> Iterator[str]:
    """A throwaway Virtuoso (Debian's virtuoso-opensource) in ``directory``; yields its
    ``http://127.0.0.1:PORT`` (the SPARQL endpoint is ``/sparql``) once /sparql answers and
    anonymous SPARQL may update."""
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if binary is None or isql is None:
        pytest.skip("Virtuoso is not installed: apt-get install virtuoso-opensource (.ci/run installs it)")
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "www").mkdir(exist_ok=True)
    sql_port = free_port()
    http_port = free_port()
    while http_port == sql_port:
        http_port = free_port()
    config = directory / "virtuoso.ini"
    config.write_text(virtuoso_ini(directory.resolve(), sql_port, http_port), encoding="utf-8")
    log = directory / "virtuoso-t.out"
    with log.open("wb") as sink:
        process = subprocess.Popen([binary, "+foreground", "+configfile", str(config)], cwd=directory,
                                   stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{http_port}"

    def failed(what: str) -> AssertionError:
        return AssertionError(f"Virtuoso {what}: {log.read_text(errors='replace')[-2000:]}")

    try:
        deadline = time.monotonic() + ready_within
        if not _answers_ask(f"{url}/sparql", process, deadline):
            raise failed("did not start")
        # The HTTP listener comes up a moment before the SQL one: retry the grant briefly.
        while True:
            done = subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={VIRTUOSO_GRANT}"],
                                  capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)
            if done.returncode == 0 and "Error" not in done.stdout + done.stderr:
                break
            if process.poll() is not None or time.monotonic() > deadline:
                raise failed(f"refused {VIRTUOSO_GRANT} ({done.stdout}{done.stderr})")
            time.sleep(0.2)
        yield url
    finally:
        _stop(process)
