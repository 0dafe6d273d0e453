"""One reader per input format, all ending in the same Document assembly.

Each reader turns bytes (or one JSON record) into the article's plain text plus whatever the
format states about it (HTML metadata, JSON fields); :func:`assemble` then normalises, hashes,
blanks boilerplate and fills language, title and date, taking stated values before guessed ones.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from typing import Any

from judikg.errors import InputError
from judikg.ingest.boilerplate import blank_boilerplate
from judikg.ingest.dates import parse_date
from judikg.ingest.encoding import decode, looks_binary
from judikg.ingest.html_text import extract as extract_html
from judikg.ingest.langid import detect
from judikg.ingest.model import LANGUAGES, Document
from judikg.ingest.normalize import normalize_text
from judikg.ingest.published import published_date, title_of

TEXT = "text/plain"
HTML = "text/html"
JSON = "application/json"
JSONL = "application/x-ndjson"

#: Input formats by file suffix (lower case).
MEDIA_TYPES: dict[str, str] = {
    ".txt": TEXT,
    ".text": TEXT,
    ".md": TEXT,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".json": JSON,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
}

_SCRIPT_OF = {"ky": "Cyrl", "kk": "Cyrl", "ru": "Cyrl", "kk-Latn": "Latn", "en": "Latn"}
_LANG_BY_FOLD = {lang.casefold(): lang for lang in LANGUAGES}


def _hint(hints: Mapping[str, Any] | None, key: str) -> str | None:
    value = hints.get(key) if hints else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def assemble(
    original: str,
    plain: str,
    source: str,
    media_type: str,
    hints: Mapping[str, Any] | None = None,
    *,
    stated_title: str | None = None,
    stated_published: str | None = None,
) -> Document:
    """The Document for an article's plain text; ``hints`` (sidecar or JSON fields) win."""
    text_norm = normalize_text(plain)
    if not any(ch.isalpha() for ch in text_norm):
        raise InputError(source, "contains no readable text (no letters); check that it is an article")
    text = blank_boilerplate(text_norm)
    hinted_lang = _LANG_BY_FOLD.get((_hint(hints, "lang") or "").casefold())
    detected = detect(text)
    lang = hinted_lang or detected[0]
    script = _SCRIPT_OF.get(lang, detected[1])
    title = _hint(hints, "title") or stated_title or title_of(text_norm)
    hinted_date = _hint(hints, "published")
    published = (parse_date(hinted_date) if hinted_date else None) or stated_published
    if published is None:
        published = published_date(text, lang)
    return Document(
        source=source,
        original=original,
        text=text,
        sha256=hashlib.sha256(text_norm.encode("utf-8")).hexdigest(),
        lang=lang,
        script=script,
        title=normalize_text(title) if title else None,
        published=published,
        url=_hint(hints, "url"),
        media_type=media_type,
    )


def _decode_checked(data: bytes, source: str) -> str:
    if not data.strip():
        raise InputError(source, "is empty; give a file that holds an article's text")
    if looks_binary(data):
        raise InputError(source, "is a binary file, not text; convert it to .txt, .html or .json first")
    return decode(data, source)


def read_text(data: bytes, source: str, hints: Mapping[str, Any] | None = None) -> Document:
    original = _decode_checked(data, source)
    return assemble(original, original, source, TEXT, hints)


def read_html(data: bytes, source: str, hints: Mapping[str, Any] | None = None) -> Document:
    original = _decode_checked(data, source)
    page = extract_html(original, source)
    return assemble(
        original, page.text, source, HTML, hints, stated_title=page.title, stated_published=page.published
    )


def read_record(record: Any, original: str, source: str, hints: Mapping[str, Any] | None = None) -> Document:
    """One JSON article: an object with a "text" field (and optional url, lang, title, published)."""
    if not isinstance(record, dict):
        raise InputError(source, f'holds a JSON {type(record).__name__}, not an object; give {{"text": "..."}}')
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(
            source, 'has no "text" field with the article; give each article as {"text": "...", "url": "..."}'
        )
    merged: dict[str, Any] = dict(hints or {})
    for key in ("url", "lang", "title", "published"):
        if isinstance(record.get(key), str):
            merged[key] = record[key]
    if "published" not in merged and isinstance(record.get("date"), str):
        merged["published"] = record["date"]
    return assemble(original, text, source, JSON, merged)


def iter_json(data: bytes, source: str, hints: Mapping[str, Any] | None = None) -> Iterator[Document | InputError]:
    """A JSON file: one article object, or a list of them (sources "file.json:N")."""
    try:
        original = _decode_checked(data, source)
        parsed = json.loads(original)
    except InputError as error:
        yield error
        return
    except json.JSONDecodeError as exc:
        yield InputError(source, f"is not valid JSON ({exc.msg} at line {exc.lineno}); fix or re-export the file")
        return
    records = parsed if isinstance(parsed, list) else [parsed]
    for n, record in enumerate(records, start=1):
        item_source = f"{source}:{n}" if isinstance(parsed, list) else source
        try:
            yield read_record(record, json.dumps(record, ensure_ascii=False), item_source, hints)
        except InputError as error:
            yield error


def iter_jsonl(data: bytes, source: str, hints: Mapping[str, Any] | None = None) -> Iterator[Document | InputError]:
    """JSON Lines: one article object per line; a bad line is reported as "file.jsonl:LINE"."""
    try:
        text = _decode_checked(data, source)
    except InputError as error:
        yield error
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        line_source = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(line_source, f"is not a valid JSON object ({exc.msg}); fix this line, the others are read")
            continue
        try:
            yield read_record(record, line, line_source, hints)
        except InputError as error:
            yield error
