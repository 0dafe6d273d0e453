"""An article's named graph → the gold annotation JSON of ``corpus/GOLD_FORMAT.md``.

The export reads the graph, not the extraction, so what is scored is what the store holds.
Keys are derived from entity IRIs (``org/kz/supreme-court`` → ``org.kz.supreme-court``), so
they are deterministic and the same entity has the same key in every article. Types are mapped
to the gold type family (``Conference``, ``RoundTable`` … → ``Event``; ``Memorandum`` … →
``Agreement``).

:func:`extract_to_gold` runs read → extract → rdfize into an in-memory Oxigraph store (the
user's store is never touched) and writes ``DIR/<stem>.json`` per article.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypedDict

from pyoxigraph import Literal, NamedNode, Quad, Store

from judikg.errors import InputError, StoreError
from judikg.evaluation import type_family
from judikg.graph.mention_spans import parse_spans
from judikg.iris import ID_NS, ONTOLOGY_NS, ROLE_NS, article_graph_iri

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_DCT = "http://purl.org/dc/terms/"
_SCHEMA = "http://schema.org/"
_ORG = "http://www.w3.org/ns/org#"
#: Fixed so that exported files do not change from run to run.
_EXPORT_TIME = datetime(2000, 1, 1, tzinfo=timezone.utc)
#: Relation predicates exported as gold relations (dates are entity fields, not relations).
GOLD_RELATIONS = frozenset(
    {"party", "signatory", "signedAt", "participant", "organizer", "location", "memberOf", "partOf", "country"}
)


class GoldEntity(TypedDict, total=False):
    key: str
    type: str
    name_en: str | None
    mentions: list[str]
    country: str | None
    date: str | None


class GoldRelation(TypedDict, total=False):
    type: str
    subject: str
    object: str
    role: str


class GoldArticle(TypedDict):
    id: str
    url: str | None
    lang: str | None
    published: str | None
    title: str | None
    entities: list[GoldEntity]
    relations: list[GoldRelation]


def entity_key(iri: str) -> str:
    """Short deterministic key of an entity IRI (its path under ``jkid:`` with dots)."""
    local = iri[len(ID_NS) :] if iri.startswith(ID_NS) else iri.rsplit("/", 1)[-1]
    return local.replace("/", ".").replace("#", ".")


def _local(iri: str, ns: str) -> str | None:
    return iri[len(ns) :] if iri.startswith(ns) else None


def _value(term: Any) -> str:
    return term.value if isinstance(term, (NamedNode, Literal)) else str(term)


def graph_to_gold(quads: Iterable[Quad], stem: str | None = None) -> GoldArticle:
    """The gold-format dict of one article's named graph (``quads`` of that graph only)."""
    props: dict[str, dict[str, list[Any]]] = {}
    for q in quads:
        props.setdefault(_value(q.subject), {}).setdefault(_value(q.predicate), []).append(q.object)

    def first(node: str, pred: str) -> Any | None:
        values = props.get(node, {}).get(pred)
        return values[0] if values else None

    article = next(
        (n for n, p in props.items() if any(_value(o) == ONTOLOGY_NS + "Article" for o in p.get(_RDF + "type", []))),
        None,
    )
    if article is None:
        raise StoreError("the graph holds no jk:Article node: export one article's named graph at a time")
    source = first(article, ONTOLOGY_NS + "sourcePath")
    issued = first(article, _DCT + "issued")
    title = first(article, _DCT + "title")
    url = first(article, _SCHEMA + "url")
    lang = first(article, _DCT + "language")

    # The text at each span is the surface standing there: sorted by span, in reading order.
    text_term = first(article, ONTOLOGY_NS + "text")
    text = _value(text_term) if text_term is not None else ""
    mentions: dict[str, list[tuple[int, int, str]]] = {}
    for node, p in props.items():
        of, spans = p.get(ONTOLOGY_NS + "mentionOf"), p.get(ONTOLOGY_NS + "spans")
        if of and spans:
            surfaces = {_value(o) for o in p.get(ONTOLOGY_NS + "surface", [])}
            mentions.setdefault(_value(of[0]), []).extend(_surfaces_in_order(text, _value(spans[0]), surfaces))

    entities: list[GoldEntity] = []
    keys: dict[str, str] = {}
    for obj in props.get(article, {}).get(ONTOLOGY_NS + "mentions", []):
        iri = _value(obj)
        types = [t for t in (_local(_value(o), ONTOLOGY_NS) for o in props.get(iri, {}).get(_RDF + "type", [])) if t]
        if not types:
            continue
        type_name = sorted(types)[0]
        surfaces = list(dict.fromkeys(s for _, _, s in sorted(mentions.get(iri, []))))
        labels = {getattr(o, "language", None): o.value for o in props.get(iri, {}).get(_RDFS + "label", [])}
        country_term = first(iri, ONTOLOGY_NS + "country")
        country = _value(country_term).rsplit("/", 1)[-1].upper() if country_term is not None else None
        if type_name == "Country" and country is None:
            country = iri.rsplit("/", 1)[-1].upper()
        entry: GoldEntity = {
            "key": entity_key(iri),
            "type": type_family(type_name),
            "name_en": labels.get("en") or (surfaces[0] if surfaces else None),
            "mentions": surfaces,
            "country": country,
        }
        if entry["type"] in ("Event", "Agreement"):
            date = first(iri, ONTOLOGY_NS + "date")
            entry["date"] = _value(date) if date is not None else None
        keys[iri] = entry["key"]
        entities.append(entry)
    entities.sort(key=lambda e: e["key"])

    relations: dict[tuple[str, str, str, str], GoldRelation] = {}
    for node, p in props.items():
        node_types = {_value(o) for o in p.get(_RDF + "type", [])}
        if _RDF + "Statement" in node_types:
            pred = _local(_value(p[_RDF + "predicate"][0]), ONTOLOGY_NS)
            s, o = _value(p[_RDF + "subject"][0]), _value(p[_RDF + "object"][0])
            if pred in GOLD_RELATIONS and s in keys and o in keys:
                relations[(pred, keys[s], keys[o], "")] = {"type": pred, "subject": keys[s], "object": keys[o]}
        elif _ORG + "Membership" in node_types:
            s, o = _value(p[_ORG + "member"][0]), _value(p[_ORG + "organization"][0])
            role = _local(_value(p[_ORG + "role"][0]), ROLE_NS) or "other"
            if s in keys and o in keys:
                relations[("post", keys[s], keys[o], role)] = {
                    "type": "post", "subject": keys[s], "object": keys[o], "role": role,
                }
    return {
        "id": stem or (Path(_value(source)).stem if source is not None else entity_key(article)),
        "url": _value(url) if url is not None else None,
        "lang": _value(lang) if lang is not None else None,
        "published": _value(issued) if issued is not None else None,
        "title": _value(title) if title is not None else None,
        "entities": entities,
        "relations": [relations[k] for k in sorted(relations)],
    }


def _surfaces_in_order(text: str, spans: str, surfaces: set[str]) -> list[tuple[int, int, str]]:
    """``(start, end, surface)`` of a mention's surfaces, placed at their spans in ``text``.

    The text at a span is the surface standing there; a surface that stands at none of the spans
    (a graph validation reports) still counts, placed after every span.
    """
    placed = [(start, end, text[start:end]) for start, end in parse_spans(spans)]
    at_spans = {surface for _, _, surface in placed}
    placed = [p for p in placed if p[2] in surfaces]
    return placed + [(len(text), len(text), s) for s in sorted(surfaces - at_spans)]


def output_stem(source: str) -> str:
    """File stem for an article read from ``source`` (``a/b.txt`` → ``b``, ``x.jsonl:3`` → ``x-3``)."""
    name = Path(source).name
    if ":" in name and name.rsplit(":", 1)[1].isdigit():
        base, line = name.rsplit(":", 1)
        return f"{Path(base).stem}-{line}"
    return Path(name).stem if name not in ("", "<stdin>", "-") else "stdin"


def extract_to_gold(
    paths: Iterable[str | Path],
    outdir: str | Path,
    *,
    on_error: Callable[[InputError], None] | None = None,
    advance: Callable[[int], None] | None = None,
) -> list[Path]:
    """Read, extract and rdfize each article into an in-memory store; write ``outdir/<stem>.json``
    from its named graph. Unreadable inputs go to ``on_error`` and the batch goes on."""
    from judikg import EXTRACTOR_VERSION
    from judikg.graph.rdfize import article_quads
    from judikg.ingest.extract import extract
    from judikg.ingest.read import read_paths

    out = Path(outdir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(str(out), f"cannot create the output folder ({error}); pick a writable -o DIR") from error
    store = Store()  # in memory: the user's store is never opened
    written: list[Path] = []
    for item in read_paths([str(p) for p in paths]):
        if advance is not None:
            advance(1)
        if isinstance(item, InputError):
            if on_error is not None:
                on_error(item)
            continue
        extraction = extract(item)
        quads = article_quads(item, extraction, ingested_at=_EXPORT_TIME, extractor_version=EXTRACTOR_VERSION)
        store.extend(quads)
        graph = NamedNode(article_graph_iri(item.sha256))
        stem = output_stem(item.source)
        gold = graph_to_gold(store.quads_for_pattern(None, None, None, graph), stem)
        target = out / f"{stem}.json"
        target.write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(target)
    return written
