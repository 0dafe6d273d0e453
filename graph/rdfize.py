"""Document + Extraction → the quads of the article's named graph (the model in docs/design.md).

Pure and deterministic: the same inputs give the same sorted list of quads, the ingest time is
injected, and node IRIs inside the article (mentions ``#m{start}-{end}``, statements ``#s{n}``,
memberships ``#p{n}``, from judikg.iris) are numbered from 0 over relations in sorted order, never in arrival order.

An article names an entity through one jk:Mention node holding all its spans (``jk:spans
"120-158 402-417"``) and its distinct surface forms, not one node per span: mention quads were
~70 % of an article's quads and the store write is the floor of ingest (docs/design.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path, PurePath

from pyoxigraph import Quad, RdfFormat, parse

from judikg.graph.mention_spans import format_spans
from judikg.graph.terms import TermError, date_literal, iri, jk, role, std, text_literal
from judikg.ingest.model import Document, Entity, Extraction, Relation
from judikg.iris import article_graph_iri, article_iri, country_iri, membership_iri, mention_iri, statement_iri

#: Relation predicates whose object is a date, not an entity.
DATE_PREDICATES = frozenset({"date", "endDate"})
#: The relation predicate that states a post (person, role, organisation).
POST = "post"

_JSONL_LINE = re.compile(r"(.+):(\d+)")


def article_source_key(doc: Document) -> str:
    """The key under which the store remembers an article: its URL if known, else where it was read.

    Paths are made absolute so that the same file ingested from two working directories is one
    source; a JSONL record keeps its ``:LINE``. Standard input has no name that survives a run,
    so its articles are keyed by content.
    """
    if doc.url:
        return doc.url
    source = doc.source
    if source.startswith("<"):
        return f"{source}#{doc.sha256[:16]}"
    match = _JSONL_LINE.fullmatch(source)
    if match and not Path(source).exists():
        return f"{Path(match.group(1)).resolve()}:{match.group(2)}"
    return str(Path(source).resolve())


# Terms are handled in their N-Triples form: quads are collected as N-Quads lines and parsed
# once at the end. pyoxigraph's Quad() costs ~4 µs when the object is a literal (measured), its
# N-Quads parser ~1.5 µs a quad, and plain strings sort and deduplicate faster than Quad objects.


@lru_cache(maxsize=4096)
def _t(prefix: str, name: str) -> str:
    """A vocabulary term, e.g. ``_t("jk", "Article")`` or ``_t("dcterms", "title")``."""
    return str(jk(name) if prefix == "jk" else std(prefix, name))


@lru_cache(maxsize=65536)
def _iri(value: str) -> str:
    return str(iri(value))  # validated once: a bad IRI from extraction raises TermError here


def _literal(value: str, lang: str | None = None) -> str:
    return str(text_literal(value, lang))  # pyoxigraph escapes quotes, backslashes, newlines


def _integer(value: int) -> str:
    return f'"{int(value)}"^^{_t("xsd", "integer")}'


def _maybe_date(value: str | None) -> str | None:
    # A malformed date is left out rather than stored mistyped: one bad date must not stop
    # the batch, and a missing jk:date is what SHACL and the evaluation already report.
    if not value:
        return None
    try:
        return str(date_literal(value))
    except TermError:
        return None


def _maybe_iri(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return _iri(value)
    except TermError:
        return None


def _date_time(moment: datetime) -> str:
    if moment.tzinfo is None:  # an injected naive time is taken as UTC, never as local time
        moment = moment.replace(tzinfo=timezone.utc)
    return f'"{moment.isoformat()}"^^{_t("xsd", "dateTime")}'


def article_quads(
    doc: Document, extraction: Extraction, *, ingested_at: datetime, extractor_version: str
) -> list[Quad]:
    """Every quad of the article's named graph, sorted."""
    nquads = article_nquads(doc, extraction, ingested_at=ingested_at, extractor_version=extractor_version)
    return list(parse(nquads, RdfFormat.N_QUADS))


def article_nquads(
    doc: Document, extraction: Extraction, *, ingested_at: datetime, extractor_version: str
) -> bytes:
    """The quads of :func:`article_quads` as sorted N-Quads, one quad a line, each ending ``\\n``.

    What a worker process sends and the store bulk-loads: parsing into Quad objects only to
    serialise them again cost ~1.8 ms an article.
    """
    graph = _iri(article_graph_iri(doc.sha256))
    article = _iri(article_iri(doc.sha256))
    lines: set[str] = set()

    def add(s: str, p: str, o: str) -> None:
        lines.add(f"{s} {p} {o} {graph} .")

    rdf_type = _t("rdf", "type")
    version = _literal(extractor_version)
    add(article, rdf_type, _t("jk", "Article"))
    if doc.title:
        add(article, _t("dcterms", "title"), _literal(doc.title, doc.lang))
    issued = _maybe_date(doc.published)
    if issued is not None:
        add(article, _t("dcterms", "issued"), issued)
    add(article, _t("dcterms", "language"), _literal(doc.lang))
    add(article, _t("jk", "script"), _literal(doc.script))
    add(article, _t("jk", "sha256"), _literal(doc.sha256))
    # the file name only: where the file sat on one machine says nothing to a reader of the graph
    # and would make two stores of the same articles differ (the catalog keeps the full path)
    add(article, _t("jk", "sourcePath"), _literal(PurePath(doc.source).name or doc.source))
    url = _maybe_iri(doc.url)
    if url is not None:
        add(article, _t("schema", "url"), url)
    add(article, _t("prov", "generatedAtTime"), _date_time(ingested_at))
    add(article, _t("jk", "extractorVersion"), version)
    add(article, _t("jk", "text"), _literal(doc.text))

    for entity in extraction.entities:
        _entity_quads(entity, doc, article, add)
    _mention_quads(doc.sha256, extraction, add)

    def evidence(node: str, relation: Relation) -> None:
        add(node, _t("prov", "wasDerivedFrom"), article)
        add(node, _t("jk", "evidenceText"), _literal(relation.evidence.surface))
        add(node, _t("jk", "evidenceStart"), _integer(relation.evidence.start))
        add(node, _t("jk", "evidenceEnd"), _integer(relation.evidence.end))
        add(node, _t("jk", "extractorVersion"), version)

    statements = posts = 0
    for relation in _sorted_relations(extraction.relations):
        subject = _iri(relation.subject)
        if relation.predicate == POST:
            membership = f"<{membership_iri(doc.sha256, posts)}>"  # article IRI + "#p{n}": valid by construction
            posts += 1
            add(membership, rdf_type, _t("org", "Membership"))
            add(membership, _t("org", "member"), subject)
            add(membership, _t("org", "organization"), _iri(relation.object))
            add(membership, _t("org", "role"), str(role(relation.role or "other")))
            add(subject, _t("jk", "holdsPost"), membership)
            evidence(membership, relation)
            continue
        predicate = _t("jk", relation.predicate)
        obj = _maybe_date(relation.object) if relation.predicate in DATE_PREDICATES else _iri(relation.object)
        if obj is None:
            continue
        add(subject, predicate, obj)
        statement = f"<{statement_iri(doc.sha256, statements)}>"
        statements += 1
        add(statement, rdf_type, _t("rdf", "Statement"))
        add(statement, _t("rdf", "subject"), subject)
        add(statement, _t("rdf", "predicate"), predicate)
        add(statement, _t("rdf", "object"), obj)
        evidence(statement, relation)
    return "".join(line + "\n" for line in sorted(lines)).encode("utf-8")


def _entity_quads(
    entity: Entity,
    doc: Document,
    article: str,
    add: Callable[[str, str, str], None],
) -> None:
    node = _iri(entity.iri)
    add(article, _t("jk", "mentions"), node)
    add(node, _t("rdf", "type"), _t("jk", entity.type))
    for lang in sorted(entity.labels):
        if entity.labels[lang]:
            add(node, _t("rdfs", "label"), _literal(entity.labels[lang], lang))
    if entity.name:
        add(node, _t("jk", "name"), _literal(entity.name, doc.lang))
    if entity.country:
        add(node, _t("jk", "country"), _iri(country_iri(entity.country)))
    for prop, value in (("date", entity.date), ("endDate", entity.end_date)):
        literal = _maybe_date(value)
        if literal is not None:
            add(node, _t("jk", prop), literal)
    if entity.ordinal is not None:
        add(node, _t("jk", "ordinal"), _integer(entity.ordinal))


def _mention_quads(sha256: str, extraction: Extraction, add: Callable[[str, str, str], None]) -> None:
    """One jk:Mention per entity the article names: its spans and its distinct surfaces.

    Two records of one entity IRI (should extraction ever give them) share the node.
    """
    spans: dict[str, set[tuple[int, int]]] = {}
    surfaces: dict[str, set[str]] = {}
    for entity in extraction.entities:
        for span in entity.mentions:
            spans.setdefault(entity.iri, set()).add((span.start, span.end))
            surfaces.setdefault(entity.iri, set()).add(span.surface)
    names = _mention_iris(sha256, {entity_iri: min(found) for entity_iri, found in spans.items()})
    rdf_type, mention_class = _t("rdf", "type"), _t("jk", "Mention")
    mention_of, spans_property, surface = _t("jk", "mentionOf"), _t("jk", "spans"), _t("jk", "surface")
    for entity_iri, found in spans.items():
        mention = f"<{names[entity_iri]}>"
        add(mention, rdf_type, mention_class)
        add(mention, mention_of, _iri(entity_iri))
        add(mention, spans_property, _literal(format_spans(found)))
        for text in surfaces[entity_iri]:
            add(mention, surface, _literal(text))


def _mention_iris(sha256: str, first_spans: dict[str, tuple[int, int]]) -> dict[str, str]:
    """``#m{start}-{end}`` of each entity's first span; jk:mentionOf is functional, so when two
    entities' first spans coincide the later ones (by IRI) get ``-2``, ``-3`` ... instead of
    sharing one node."""
    claims: dict[tuple[int, int], list[str]] = {}
    for entity_iri in sorted(first_spans):
        claims.setdefault(first_spans[entity_iri], []).append(entity_iri)
    names: dict[str, str] = {}
    for (start, end), entities in claims.items():
        for n, entity_iri in enumerate(entities, start=1):
            suffix = "" if n == 1 else f"-{n}"
            names[entity_iri] = mention_iri(sha256, start, end) + suffix
    return names


def _sorted_relations(relations: tuple[Relation, ...]) -> list[Relation]:
    unique = {
        (r.subject, r.predicate, r.object, r.role or "", r.evidence.start, r.evidence.end): r for r in relations
    }
    return [unique[key] for key in sorted(unique)]
