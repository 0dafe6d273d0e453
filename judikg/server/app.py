"""The WSGI application behind `judikg serve`, and a threaded stdlib server to run it.

Routes: ``/`` query page · ``/sparql`` SPARQL 1.1 Protocol (read-only) · ``/queries`` the named
queries as JSON · ``/queries/NAME?param=value`` a named query with bound parameters ·
``/id/…`` and ``/role/…`` Linked Data · ``/ontology`` the ontology.

The stdlib server (wsgiref + ThreadingMixIn) is enough: the HTTP process only parses requests
and copies bytes, while every query runs in a killable worker process (:mod:`workers`), so no
third-party server is needed; the same ``JudikgApp`` runs under any WSGI server.
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from judikg.errors import JudikgError, QueryError
from judikg.iris import BASE
from judikg.queries.results import FORMATS as TABLE_FORMATS
from judikg.queries.results import ResultTable, render
from judikg.server.conneg import negotiate
from judikg.server.responses import HttpError, Response, text
from judikg.server.sparql import Limits, RawRequest, parse_request, service_description
from judikg.server.workers import WorkerPool

LANGUAGES = ("en", "ru", "ky", "kk")
CORS = (
    ("Access-Control-Allow-Origin", "*"),
    ("Access-Control-Expose-Headers", "Content-Type, Retry-After, X-Result-Cap, X-Judikg-Truncated"),
)
PREFLIGHT = (
    ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
    ("Access-Control-Allow-Headers", "Accept, Content-Type"),
    ("Access-Control-Max-Age", "86400"),
)
StartResponse = Callable[[str, list[tuple[str, str]]], Any]


@dataclass(frozen=True, slots=True)
class ServerConfig:
    store: Path
    host: str = "127.0.0.1"
    port: int = 7878
    base: str = BASE
    timeout: float = 30.0
    max_rows: int = 10_000
    max_query_bytes: int = 64 * 1024
    workers: int = 2


class PoolTarget:
    """Named queries' SELECTs, run in the worker pool (so they obey the timeout and the cap)."""

    def __init__(self, pool: WorkerPool, max_rows: int) -> None:
        self.pool = pool
        self.max_rows = max_rows

    def select(self, sparql: str, bindings: dict[str, Any] | None = None) -> ResultTable:
        return ResultTable.from_tsv(self.pool.run("select", sparql, dict(bindings or {}), self.max_rows))


class JudikgApp:
    def __init__(self, config: ServerConfig, pool: WorkerPool) -> None:
        self.config = config
        self.pool = pool
        self.limits = Limits(config.max_query_bytes, config.max_rows)

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET").upper()
        try:
            response = self.handle(environ, method)
        except HttpError as error:
            response = error.response()
        except JudikgError as error:
            response = text(400, str(error))
        headers = [("Content-Type", response.content_type), ("Content-Length", str(len(response.body))), *CORS, *response.headers]
        start_response(response.status_line, headers)
        return [] if method == "HEAD" else [response.body]

    # -- routing ------------------------------------------------------------------------

    def handle(self, environ: dict[str, Any], method: str) -> Response:
        path = environ.get("PATH_INFO", "/").encode("latin-1").decode("utf-8", errors="replace")
        if method == "OPTIONS":
            return Response(204, b"", "text/plain", PREFLIGHT)
        query = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        if path == "/sparql":
            return self.sparql(environ, method)
        if method not in ("GET", "HEAD"):
            raise HttpError(405, f"{method} is not allowed on {path}; this server is read-only", (("Allow", "GET, HEAD, OPTIONS"),))
        accept = environ.get("HTTP_ACCEPT")
        lang = self.lang(query, environ.get("HTTP_ACCEPT_LANGUAGE"))
        fmt = query.get("format", [None])[0]
        if path in ("/", "/index.html"):
            return Response(200, _static("index.html"), "text/html; charset=utf-8")
        if path == "/queries":
            return self.query_list()
        if path.startswith("/queries/"):
            return self.named_query(path[len("/queries/"):], query, accept, lang)
        if path in ("/ontology", "/ontology/"):
            return self.pool.run("ontology", accept, fmt, lang)  # type: ignore[no-any-return]
        if path.startswith(("/id/", "/role/")) and len(path) > len("/id/"):
            return self.pool.run("resource", self.config.base + path[1:], accept, fmt, lang)  # type: ignore[no-any-return]
        raise HttpError(404, f"no page at {path}; try / (SPARQL), /sparql, /queries, /ontology or /id/…")

    @staticmethod
    def lang(query: dict[str, list[str]], accept_language: str | None) -> str:
        if query.get("lang") and query["lang"][0] in LANGUAGES:
            return query["lang"][0]
        header = ",".join(f"text/{part.strip()}" for part in (accept_language or "").split(",") if part.strip())
        chosen = negotiate(header, [f"text/{code}" for code in LANGUAGES]) if header else None
        return chosen.split("/", 1)[1] if chosen else "en"

    # -- SPARQL protocol ----------------------------------------------------------------

    def sparql(self, environ: dict[str, Any], method: str) -> Response:
        if method == "HEAD":
            method = "GET"
        length = _content_length(environ)
        body: bytes | None = None
        if method == "POST" and length <= self.limits.max_query_bytes:
            body = environ["wsgi.input"].read(length) if length else b""
        raw = RawRequest(method, environ.get("QUERY_STRING", ""), environ.get("CONTENT_TYPE", ""), body,
                         environ.get("HTTP_ACCEPT"), length)
        request = parse_request(raw, self.limits)
        if request is None:
            accept = environ.get("HTTP_ACCEPT")
            if negotiate(accept, ["text/turtle", "text/html"]) == "text/html" and "html" in (accept or ""):
                return Response(303, b"", "text/plain", (("Location", "/"),))
            return service_description(_endpoint_url(environ), accept)
        return self.pool.run("sparql", request)  # type: ignore[no-any-return]

    # -- named queries ------------------------------------------------------------------

    def query_list(self) -> Response:
        from judikg.queries.library import library

        data = [
            {"name": q.name, "title": q.title, "description": q.description, "examples": list(q.examples),
             "params": [{"name": p.name, "kind": p.kind, "default": p.default, "help": p.help} for p in q.params],
             "text": q.text}
            for q in library().values()
        ]
        return Response(200, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"), "application/json; charset=utf-8")

    def named_query(self, name: str, query: dict[str, list[str]], accept: str | None, lang: str) -> Response:
        from judikg.queries.library import library
        from judikg.queries.run import bind, labels

        named = library().get(name)
        if named is None:
            raise HttpError(404, f"no named query {name!r}; /queries lists them")
        fmt = query.get("format", [None])[0]
        offers = {"json": "application/sparql-results+json", "csv": "text/csv", "tsv": "text/tab-separated-values", "md": "text/markdown"}
        if fmt is None:
            media = negotiate(accept, [*offers.values(), "application/json"])
            if media is None:
                raise HttpError(406, f"cannot answer in {accept!r}; named queries come as {', '.join(offers.values())}")
            fmt = {v: k for k, v in offers.items()}.get(media, "json")
        if fmt not in TABLE_FORMATS or fmt == "table":
            raise HttpError(406, f"format={fmt!r}: use json, csv, tsv or md")
        raw = {k: v[0] for k, v in query.items() if k not in ("format", "lang")}
        target = PoolTarget(self.pool, self.config.max_rows)
        try:
            table = target.select(named.text, bind(named, raw, target))
            names = labels(target, table.iris(), lang)
        except HttpError:
            raise
        except QueryError as error:
            raise HttpError(400, str(error)) from None
        media = offers[fmt]
        return Response(200, render(table, fmt, names).encode("utf-8"), media + "; charset=utf-8", (("Vary", "Accept"),))


def _content_length(environ: dict[str, Any]) -> int:
    try:
        return max(0, int(environ.get("CONTENT_LENGTH") or 0))
    except ValueError:
        raise HttpError(400, "Content-Length is not a number") from None


def _endpoint_url(environ: dict[str, Any]) -> str:
    host = environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME', '127.0.0.1')}:{environ.get('SERVER_PORT', '80')}"
    return f"{environ.get('wsgi.url_scheme', 'http')}://{host}/sparql"


def _static(name: str) -> bytes:
    return resources.files("judikg.server").joinpath("templates", name).read_bytes()


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class _Handler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        sys.stderr.write(f"{self.address_string()} {format % args}\n")


def serve(config: ServerConfig, *, on_ready: Callable[[str], None] | None = None,
          log: bool = True) -> None:
    """Open the store read-only in ``config.workers`` processes and serve until interrupted."""
    pool = WorkerPool(config.store, size=config.workers, timeout=config.timeout).start()
    try:
        app = JudikgApp(config, pool)
        handler = _Handler if log else _SilentHandler
        with make_server(config.host, config.port, app, server_class=_ThreadingServer, handler_class=handler) as server:
            _stop_on_sigterm()
            url = f"http://{config.host}:{server.server_port}/"
            if on_ready:
                on_ready(url)
            try:
                server.serve_forever()
            except KeyboardInterrupt:
                pass
    finally:
        pool.close()


def _stop_on_sigterm() -> None:
    """SIGTERM (what process managers send) ends the server like Ctrl-C, so workers are reaped."""
    if threading.current_thread() is threading.main_thread():
        def stop(signum: int, frame: object) -> None:
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, stop)


class _SilentHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

