"""Killable query processes: the only way to enforce a real timeout on pyoxigraph.

pyoxigraph cannot cancel a running query and holds no Python-visible checkpoint, so a thread
that times out keeps burning a core (and memory) until the query ends by itself. Each worker
here is a separate process that opens the store read-only (a shared lock: readers share it,
``judikg ingest`` waits for it); a job still running at the deadline gets its process killed
and replaced, and the request is answered 504. Processes are started with ``spawn`` because
forking a threaded HTTP server (and RocksDB's threads) is unsafe.

Jobs are names of functions in :data:`JOBS` called as ``fn(store, *args)``; they return
picklable values or raise :class:`HttpError`, which travels back with its status.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from judikg.errors import StoreError
from judikg.server.responses import HttpError

_CONTEXT = multiprocessing.get_context("spawn")


def _jobs() -> dict[str, Callable[..., Any]]:
    # Imported in the worker only: the parent never evaluates queries itself.
    from judikg.server import linked_data, sparql

    return {
        "sparql": sparql.evaluate,
        "select": sparql.select_rows,
        "resource": linked_data.resource_response,
        "ontology": linked_data.ontology_response,
    }


def _worker_main(conn: Connection, store_path: str) -> None:
    from judikg.errors import JudikgError
    from judikg.graph.store import OxigraphStore

    try:
        store = OxigraphStore.open(store_path, read_only=True, lock_timeout=30.0)
    except JudikgError as error:
        conn.send(("failed", str(error)))
        return
    jobs = _jobs()
    conn.send(("ready", None))
    with store:
        while True:
            try:
                name, args = conn.recv()
            except (EOFError, OSError):
                return  # the parent went away
            try:
                conn.send(("ok", jobs[name](store, *args)))
            except HttpError as error:
                conn.send(("http", error))
            except JudikgError as error:
                conn.send(("http", HttpError(400, str(error))))
            except Exception as error:  # a bug: report it, keep serving
                conn.send(("http", HttpError(500, f"internal error: {type(error).__name__}: {error}")))


class _Worker:
    def __init__(self, store_path: Path) -> None:
        self.conn, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(
            target=_worker_main, args=(child, str(store_path)), name="judikg-query-worker", daemon=True
        )
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float) -> None:
        if self.ready:
            return
        if not self.conn.poll(timeout):
            self.kill()
            raise StoreError(f"a query worker did not open the store within {timeout:g} s")
        try:
            status, message = self.conn.recv()
        except (EOFError, OSError):
            raise StoreError("a query worker died while opening the store") from None
        if status != "ready":
            raise StoreError(str(message))
        self.ready = True

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """``size`` worker processes; :meth:`run` gives a job to an idle one, with a deadline."""

    def __init__(self, store_path: Path, *, size: int = 2, timeout: float = 30.0, queue_wait: float = 10.0,
                 startup_timeout: float = 60.0) -> None:
        if size < 1:
            raise StoreError(f"--workers {size}: at least one query worker is needed")
        self.store_path = store_path
        self.size = size
        self.timeout = timeout
        self.queue_wait = queue_wait
        self.startup_timeout = startup_timeout
        self.kills = 0
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()

    def start(self) -> WorkerPool:
        workers = [self._spawn() for _ in range(self.size)]
        try:
            for worker in workers:
                worker.wait_ready(self.startup_timeout)
        except StoreError:
            self.close()
            raise
        for worker in workers:
            self._idle.put(worker)
        return self

    def _spawn(self) -> _Worker:
        worker = _Worker(self.store_path)
        with self._lock:
            self._all.add(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)

    def run(self, job: str, *args: Any, timeout: float | None = None) -> Any:
        """The job's result; HttpError 503 when every worker stays busy, 504 past the deadline."""
        limit = self.timeout if timeout is None else timeout
        try:
            worker = self._idle.get(timeout=self.queue_wait)
        except queue.Empty:
            raise HttpError(
                503, f"all {self.size} query workers are busy; retry shortly", (("Retry-After", "2"),)
            ) from None
        try:
            worker.wait_ready(self.startup_timeout)
            worker.conn.send((job, args))
            if not worker.conn.poll(limit):
                self._retire(worker)
                self.kills += 1
                worker = self._spawn()  # the replacement starts while the client reads the error
                raise HttpError(
                    504,
                    f"query timed out after {limit:g} s and was stopped (its process was killed); "
                    "narrow it (LIMIT, more specific patterns) or start the server with a larger --timeout",
                )
            status, value = worker.conn.recv()
        except (EOFError, OSError, StoreError) as error:
            self._retire(worker)
            worker = self._spawn()
            raise HttpError(500, f"the query worker failed ({error}); it was restarted") from None
        finally:
            self._idle.put(worker)
        if status == "http":
            raise value
        return value

    def close(self) -> None:
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.kill()

    def __enter__(self) -> WorkerPool:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
