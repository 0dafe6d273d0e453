"""Read articles from files, folders, glob patterns and stdin into Documents.

One bad input never stops a batch: :func:`read_paths` yields an :class:`InputError` in place of
the article it could not read and goes on. Folders are walked recursively in sorted order so
that a run is reproducible; annotation sidecars (``NAME.gold.json``) are skipped and
``NAME.meta.json`` supplies url/lang/title/published hints for ``NAME.txt`` or ``NAME.html``.

Reading is split in two so that it can run on worker processes: :func:`list_inputs` only walks
folders and expands patterns (cheap, in input order), :func:`read_file` reads one listed file
(decoding, normalisation, language, date: the costly part). ``read_paths`` is the two together.
"""

from __future__ import annotations

import glob
import json
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from judikg.errors import InputError
from judikg.ingest.model import Document
from judikg.ingest.readers import HTML, JSON, JSONL, MEDIA_TYPES, TEXT, iter_json, iter_jsonl, read_html, read_text

__all__ = ["read_paths", "read_bytes", "read_file", "list_inputs", "FileToRead", "MAX_BYTES"]

MAX_BYTES = 10 * 1024 * 1024
STDIN = "<stdin>"
_SIDECARS = (".gold.json", ".meta.json")
_GLOB_CHARS = frozenset("*?[")
# Markdown is read when named explicitly; in a folder it is more often a README than an article.
_NOT_WALKED = frozenset({".md"})


def read_bytes(
    data: bytes, source: str, *, media_type: str | None = None, hints: Mapping[str, Any] | None = None
) -> Document:
    """One article from bytes; ``media_type`` defaults to the suffix of ``source``, else sniffed."""
    media_type = media_type or _media_type_of(source) or _sniff(data)
    if media_type == HTML:
        return read_html(data, source, hints)
    if media_type in (JSON, JSONL):
        results = list(iter_jsonl(data, source, hints) if media_type == JSONL else iter_json(data, source, hints))
        if len(results) != 1:
            raise InputError(source, f"holds {len(results)} JSON articles; read it with read_paths() to get each one")
        if isinstance(results[0], InputError):
            raise results[0]
        return results[0]
    return read_text(data, source, hints)


@dataclass(frozen=True, slots=True)
class FileToRead:
    """A file :func:`list_inputs` found: ``explicit`` when named on the command line (then an
    unsupported suffix is an error, not something to pass over)."""

    path: str
    explicit: bool


def read_paths(
    paths: Sequence[str | Path], *, stdin: BinaryIO | None = None, max_bytes: int = MAX_BYTES
) -> Iterator[Document | InputError]:
    """Documents from files, folders (recursive), glob patterns and "-" (stdin), in a stable order."""
    for item in list_inputs(paths, stdin=stdin, max_bytes=max_bytes):
        if isinstance(item, FileToRead):
            yield from read_file(item, max_bytes=max_bytes)
        else:
            yield item


def list_inputs(
    paths: Sequence[str | Path], *, stdin: BinaryIO | None = None, max_bytes: int = MAX_BYTES
) -> Iterator[FileToRead | Document | InputError]:
    """What :func:`read_paths` reads, in its order, without reading files: each file to read,
    what cannot be read (missing path, pattern matching nothing), and stdin's articles (a
    stream is read where it is open)."""
    for given in paths:
        spec = str(given)
        if spec == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(max_bytes + 1)
            if len(data) > max_bytes:
                yield _too_large(STDIN, max_bytes)
                continue
            yield from _read_data(data, STDIN, _sniff(data), None)
            continue
        if _GLOB_CHARS & set(spec) and not Path(spec).exists():
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                yield InputError(spec, "matches no file; check the pattern (quote it so the shell leaves it alone)")
                continue
            for match in matches:
                yield from _list_path(Path(match), explicit=False)
            continue
        yield from _list_path(Path(spec), explicit=True)


def _list_path(path: Path, *, explicit: bool) -> Iterator[FileToRead | InputError]:
    if path.is_dir():
        for file in _walk(path):
            if _is_article_file(file):
                yield FileToRead(str(file), explicit=False)
    elif path.exists():
        if explicit or _is_article_file(path):
            yield FileToRead(str(path), explicit=explicit)
    else:
        yield InputError(str(path), "does not exist; check the path")


def _is_article_file(path: Path) -> bool:
    """Whether a file met in a folder or pattern is an article, not a picture, stylesheet or
    annotation sidecar beside the articles."""
    return _media_type_of(str(path)) is not None and not _is_sidecar(path) and path.suffix.lower() not in _NOT_WALKED


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            yield Path(root) / name


def _is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(_SIDECARS)


def read_file(file: FileToRead | str | Path, *, max_bytes: int = MAX_BYTES) -> list[Document | InputError]:
    """The articles of one file (a JSON or JSONL file may hold several), or why it cannot be read.

    Never raises for bad input: each problem is an :class:`InputError` in the list, beside the
    articles that could be read. A bare path counts as named explicitly.
    """
    if not isinstance(file, FileToRead):
        file = FileToRead(str(file), explicit=True)
    path = Path(file.path)
    source = file.path
    media_type = _media_type_of(source)
    if not file.explicit and not _is_article_file(path):
        return []
    if media_type is None:
        suffixes = ", ".join(sorted(MEDIA_TYPES))
        return [InputError(source, f"has an unsupported suffix {path.suffix or '(none)'!r}; give one of {suffixes}")]
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return [_too_large(source, max_bytes)]
        data = path.read_bytes()
    except OSError as exc:
        return [InputError(source, f"cannot be read ({exc.strerror}); check its permissions")]
    hints, hint_error = _sidecar_hints(path)
    found: list[Document | InputError] = [hint_error] if hint_error is not None else []
    found.extend(_read_data(data, source, media_type, hints))
    return found


def _read_data(
    data: bytes, source: str, media_type: str, hints: Mapping[str, Any] | None
) -> Iterator[Document | InputError]:
    if media_type == JSONL:
        yield from iter_jsonl(data, source, hints)
    elif media_type == JSON:
        yield from iter_json(data, source, hints)
    else:
        try:
            yield read_bytes(data, source, media_type=media_type, hints=hints)
        except InputError as error:
            yield error


def _sidecar_hints(path: Path) -> tuple[dict[str, Any] | None, InputError | None]:
    """Hints from ``NAME.meta.json`` beside ``NAME.txt``; a broken sidecar is reported, not fatal."""
    meta = path.with_name(path.name[: -len(path.suffix)] + ".meta.json") if path.suffix else None
    if meta is None or _is_sidecar(path) or not meta.is_file():
        return None, None
    try:
        parsed = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, InputError(str(meta), f"is not a readable JSON object ({exc}); the article is read without it")
    if not isinstance(parsed, dict):
        return None, InputError(str(meta), "is not a JSON object; the article is read without it")
    return parsed, None


def _too_large(source: str, max_bytes: int) -> InputError:
    return InputError(
        source, f"is larger than {max_bytes // (1024 * 1024) or max_bytes} "
        f"{'MB' if max_bytes >= 1024 * 1024 else 'bytes'}; split it into articles (one per file or JSONL line)"
    )


def _media_type_of(source: str) -> str | None:
    return MEDIA_TYPES.get(Path(source).suffix.lower())


def _sniff(data: bytes) -> str:
    """Format of bytes without a file name (stdin): JSON, JSON Lines, HTML or plain text."""
    head = data.lstrip()[:2048].lower()
    if head.startswith(b"{") or head.startswith(b"["):
        try:
            json.loads(data)
            return JSON
        except (json.JSONDecodeError, UnicodeDecodeError):
            lines = [line.strip() for line in data.splitlines() if line.strip()]
            return JSONL if lines and all(line.startswith(b"{") for line in lines) else TEXT
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head or b"<p>" in head:
        return HTML
    return TEXT
