"""A self-describing Linked Open Data release of a store, for any static web host.

``publish(store, outdir, ...)`` writes::

    data/judikg.ttl  data/judikg.nt.gz      the merged graph (Turtle, gzipped N-Triples)
    data/judikg.trig data/judikg.nq.gz      the per-article named graphs with provenance
    data/judikg.jsonld                      the merged graph as JSON-LD with the project context
    ontology/judikg.ttl judikg.jsonld index.html shapes.ttl context.jsonld
    void.ttl  .well-known/void  dcat.ttl    VoID and DCAT 3 descriptions
    id/…/{key}.ttl  id/…/{key}.html         one document per entity (HTML when the renderer exists)
    .htaccess  nginx.conf  index.html       content negotiation snippets and a landing page

Everything is a pure function of the store's content, the options and the issued date: quads
are sorted (blank nodes canonicalised first), gzip streams carry no name or time, JSON keys keep
one order, so two releases of the same data differ only where the issued date is written
(dcat.ttl and index.html). The store's catalog and each article's ingest time
(``prov:generatedAtTime``) are bookkeeping of one machine and are left out — the release's own
date is its ``dcterms:issued`` —, and the ontology graph is published as the ontology, not mixed
into the data.
"""

from __future__ import annotations

import copy
import gzip
import html
import io
import json
import posixpath
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox

from judikg import __version__
from judikg.errors import InputError, QueryError
from judikg.graph.dcat import CC_BY_4, DCAT_PATH, DcatSettings, ReleaseFile, dcat_triples
from judikg.graph.export import export_prefixes
from judikg.graph.rebase import DATA_NAMESPACES, Rebaser
from judikg.graph.store import OxigraphStore, Store, catalog_graph
from judikg.graph.terms import quad_key
from judikg.graph.void import VOID_PATH, VoidCounts, VoidSettings, void_counts, void_triples
from judikg.iris import BASE, ONTOLOGY_GRAPH
from judikg.vocab import PROV

TITLE = "judikg: judicial institutions knowledge graph"
DESCRIPTION = (
    "Courts, judicial administrations, ministries of justice, judges' associations, their events, "
    "agreements and office holders, extracted from news articles in Kyrgyz, Kazakh, Russian and English, "
    "with per-article provenance."
)
FORMATS_NS = "http://www.w3.org/ns/formats/"
OWL_NS = "http://www.w3.org/2002/07/owl#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# (path, IANA media type, title, W3C format, compression)
_DATA_FILES: tuple[tuple[str, str, str, str, str | None], ...] = (
    ("data/judikg.ttl", "text/turtle", "Merged graph (Turtle)", "Turtle", None),
    ("data/judikg.nt.gz", "application/n-triples", "Merged graph (N-Triples, gzip)", "N-Triples", "application/gzip"),
    ("data/judikg.trig", "application/trig", "Per-article graphs with provenance (TriG)", "TriG", None),
    ("data/judikg.nq.gz", "application/n-quads", "Per-article graphs with provenance (N-Quads, gzip)", "N-Quads", "application/gzip"),
    ("data/judikg.jsonld", "application/ld+json", "Merged graph (JSON-LD, project context)", "JSON-LD", None),
)
_ONTOLOGY_FILES: tuple[tuple[str, str, str, str | None], ...] = (
    ("ontology/judikg.ttl", "text/turtle", "Ontology (Turtle)", "Turtle"),
    ("ontology/judikg.jsonld", "application/ld+json", "Ontology (JSON-LD)", "JSON-LD"),
    ("ontology/index.html", "text/html", "Ontology documentation (HTML)", None),
    ("ontology/shapes.ttl", "text/turtle", "SHACL shapes (Turtle)", "Turtle"),
    ("ontology/context.jsonld", "application/ld+json", "JSON-LD context", None),
)
_SAFE_PATH = re.compile(r"[A-Za-z0-9._~%-]+(/[A-Za-z0-9._~%-]+)*")

PageRenderer = Callable[..., str]  # (store, iri, lang, *, link, format_link) -> HTML, as judikg.server.linked_data.entity_page
#: Where the pages' navigation bar points in a release (judikg.server.linked_data's SITE_IRI and
#: ONTOLOGY_PAGE_IRI), as paths from the release root.
_SITE_PAGES = {BASE: "index.html", BASE + "ontology": "ontology/index.html"}


@dataclass(slots=True)
class PublishReport:
    outdir: str
    base: str
    files: list[ReleaseFile] = field(default_factory=list)
    counts: VoidCounts = field(default_factory=VoidCounts)
    quads: int = 0
    entity_documents: int = 0
    entity_pages: int = 0
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "outdir": self.outdir,
            "base": self.base,
            "quads": self.quads,
            **self.counts.to_dict(),
            "entity_documents": self.entity_documents,
            "entity_pages": self.entity_pages,
            "files": [{"path": f.path, "bytes": f.byte_size, "sha256": f.sha256} for f in self.files],
            "warnings": list(self.warnings),
            "seconds": round(self.seconds, 3),
        }


# -- data ------------------------------------------------------------------------------------


def release_quads(store: Store, rebaser: Rebaser) -> list[ox.Quad]:
    """The store's data graphs (no catalog, no ontology), re-based, blank nodes canonical, sorted."""
    ontology = ox.NamedNode(ONTOLOGY_GRAPH)
    quads = [q for q in _published(store) if q.graph_name != ontology]
    if not rebaser.identity:
        quads = [rebaser.quad(q) for q in quads]
    return _canonical(quads)


def _published(store: Store) -> Iterable[ox.Quad]:
    """The store's quads less what only one machine knows: the catalog and ingest times."""
    catalog = catalog_graph()
    ingest_time = ox.NamedNode(str(PROV.generatedAtTime))
    return (q for q in store.quads() if q.graph_name != catalog and q.predicate != ingest_time)


def _page_store(store: Store) -> OxigraphStore:
    """An in-memory copy of what the release publishes, so the entity pages say what the dumps say."""
    copy_ = OxigraphStore.memory()
    copy_.raw.extend(_published(store))
    return copy_


def _canonical(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    quads = list(quads)
    if any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object)):
        # parsers label blank nodes at random: RDFC-1.0 gives labels that depend on content only
        dataset = ox.Dataset(quads)
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        quads = list(dataset)
    return sorted(set(quads), key=quad_key)


def merged_triples(quads: Iterable[ox.Quad]) -> list[ox.Triple]:
    return sorted({q.triple for q in quads}, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def release_prefixes(rebaser: Rebaser) -> dict[str, str]:
    return {name: rebaser.iri(ns) for name, ns in export_prefixes().items()}


def release_context(rebaser: Rebaser) -> dict[str, object]:
    """The project JSON-LD context with the data namespaces (jkid, jkg) re-based."""
    from judikg.ontology import context_document

    document = copy.deepcopy(context_document())
    context = document["@context"]
    assert isinstance(context, dict)
    for name, value in list(context.items()):
        if isinstance(value, str):
            context[name] = rebaser.iri(value)
    return document


def jsonld_document(triples: Sequence[ox.Triple], context: dict[str, object]) -> bytes:
    """JSON-LD with ``context``: pyoxigraph's expanded output with IRIs shortened to prefixed names.

    Only prefix definitions are used to shorten (never terms with type coercions), so the
    document expands back to exactly the same triples.
    """
    inner = context["@context"]
    assert isinstance(inner, dict)
    prefixes = sorted(
        ((k, v) for k, v in inner.items() if isinstance(v, str) and not k.startswith("@") and v.endswith(("/", "#"))),
        key=lambda kv: (-len(kv[1]), kv[0]),
    )

    memo: dict[str, str] = {}  # predicates and classes repeat on every node

    def shorten(value: str) -> str:
        short = memo.get(value)
        if short is None:
            short = value
            for name, ns in prefixes:
                rest = value[len(ns) :]
                if value.startswith(ns) and rest and not rest.startswith("//"):
                    short = f"{name}:{rest}"
                    break
            if len(memo) < 65536:
                memo[value] = short
        return short

    def walk(node: object) -> object:
        if isinstance(node, list):
            return [walk(x) for x in node]
        if not isinstance(node, dict):
            return node
        out: dict[str, object] = {}
        for key, value in node.items():
            if key in ("@id", "@type") and isinstance(value, str) and not value.startswith("_:"):
                out[key] = shorten(value)
            elif key == "@type" and isinstance(value, list):
                out[key] = [shorten(v) if isinstance(v, str) else v for v in value]
            elif key.startswith("@"):
                out[key] = walk(value)
            else:
                out[shorten(key)] = walk(value)
        return out

    nodes = json.loads(ox.serialize(list(triples), format=ox.RdfFormat.JSON_LD) or b"[]")
    lines = [json.dumps(walk(n), ensure_ascii=False, separators=(",", ":")) for n in nodes]
    head = json.dumps({"@context": inner}, ensure_ascii=False, indent=1)[:-2]  # drop the closing "\n}"
    return (head + ',\n "@graph": [\n' + ",\n".join(lines) + "\n]}\n").encode("utf-8")


def _gzip(data: bytes) -> bytes:
    # mtime=0 and no file name: the stream depends on the content only
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=6) as gz:
        gz.write(data)
    return buffer.getvalue()


def _write(root: Path, path: str, data: bytes) -> None:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


# -- the release -----------------------------------------------------------------------------


def publish(
    store: Store,
    outdir: Path,
    *,
    base: str | None = None,
    version: str | None = None,
    license: str = CC_BY_4,
    issued: date | None = None,
    sparql_endpoint: str | None = None,
    lang: str = "en",
    pages: bool = True,
    renderer: PageRenderer | None = None,
) -> PublishReport:
    """Write a release of ``store`` into ``outdir`` (absent or empty). See the module docstring.

    ``issued`` defaults to today (UTC) and is the only value that may differ between two
    releases of the same data; ``sparql_endpoint`` defaults to ``{base}sparql``. ``renderer``
    defaults to ``judikg.server.linked_data.entity_page`` (what ``judikg serve`` shows); ``pages=False``
    writes the Turtle entity documents only.
    """
    started = time.perf_counter()
    rebaser = Rebaser.to(base)
    root = Path(outdir)
    _check_outdir(root)
    issued = issued or date.today()
    version = version or __version__
    endpoint = sparql_endpoint or rebaser.base + "sparql"
    report = PublishReport(outdir=str(root), base=rebaser.base)

    quads = release_quads(store, rebaser)
    triples = merged_triples(quads)
    report.quads = len(quads)
    prefixes = release_prefixes(rebaser)
    context = release_context(rebaser)
    try:
        _write(root, "data/judikg.ttl", ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes) or b"")
        _write(root, "data/judikg.nt.gz", _gzip(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""))
        _write(root, "data/judikg.trig", ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=prefixes) or b"")
        _write(root, "data/judikg.nq.gz", _gzip(ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""))
        _write(root, "data/judikg.jsonld", jsonld_document(triples, context))
        _write_ontology(root, context)

        uri_space = rebaser.namespace("id/")
        report.counts = void_counts(triples, uri_space)
        settings = VoidSettings(
            base=rebaser.base,
            uri_space=uri_space,
            title=TITLE,
            license=license,
            sparql_endpoint=endpoint,
            dumps=[rebaser.base + path for path, *_ in _DATA_FILES],
            features=sorted({FORMATS_NS + fmt for *_, fmt, _ in _DATA_FILES}),
        )
        void_bytes = ox.serialize(void_triples(report.counts, settings), format=ox.RdfFormat.TURTLE, prefixes=_DESCRIPTION_PREFIXES) or b""
        _write(root, VOID_PATH, void_bytes)
        _write(root, ".well-known/void", void_bytes)  # where VoID harvesters look first

        render = None if not pages else renderer or _default_renderer()
        page_store = _page_store(store) if render is not None else store
        report.entity_documents, report.entity_pages = _write_entities(root, page_store, rebaser, triples, prefixes, render, lang, report)
        _write(root, ".htaccess", htaccess(rebaser.base).encode("utf-8"))
        _write(root, "nginx.conf", nginx_conf(rebaser.base).encode("utf-8"))

        files = [
            ReleaseFile.measure(root, path, media, title, conforms_to=FORMATS_NS + fmt, compress_format=gz)
            for path, media, title, fmt, gz in _DATA_FILES
        ]
        files += [
            ReleaseFile.measure(root, path, media, title, conforms_to=FORMATS_NS + fmt if fmt else None)
            for path, media, title, fmt in _ONTOLOGY_FILES
        ]
        files.append(ReleaseFile.measure(root, VOID_PATH, "text/turtle", "VoID description (Turtle)", conforms_to=FORMATS_NS + "Turtle"))
        dcat = DcatSettings(rebaser.base, TITLE, DESCRIPTION, license, version, issued, endpoint)
        _write(root, DCAT_PATH, ox.serialize(dcat_triples(files, dcat), format=ox.RdfFormat.TURTLE, prefixes=_DESCRIPTION_PREFIXES) or b"")
        _write(root, "index.html", landing_page(files, report, dcat).encode("utf-8"))
    except OSError as exc:
        raise InputError(str(root), f"cannot write the release: {exc}; check the path, permissions and free space") from exc
    report.files = files
    report.seconds = time.perf_counter() - started
    return report


_DESCRIPTION_PREFIXES = {
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dcterms": "http://purl.org/dc/terms/",
    "spdx": "http://spdx.org/rdf/terms#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
}


def _check_outdir(root: Path) -> None:
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise InputError(str(root), "the release directory must be absent or empty (stale pages would survive); choose a new one")


def _write_ontology(root: Path, context: dict[str, object]) -> None:
    from judikg.ontology import ONTOLOGY_PATH, SHAPES_PATH

    # The Turtle sources are published as written (comments kept); the JSON-LD is derived.
    _write(root, "ontology/judikg.ttl", ONTOLOGY_PATH.read_bytes())
    _write(root, "ontology/shapes.ttl", SHAPES_PATH.read_bytes())
    triples = merged_triples(_canonical(ox.Quad(t.subject, t.predicate, t.object) for t in ox.parse(ONTOLOGY_PATH.read_bytes(), ox.RdfFormat.TURTLE)))
    _write(root, "ontology/judikg.jsonld", jsonld_document(triples, context))
    _write(root, "ontology/context.jsonld", (json.dumps(context, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    from judikg.server.linked_data import ontology_page  # the page `judikg serve` shows at /ontology

    served = {"ttl": "judikg.ttl", "jsonld": "judikg.jsonld"}  # beside ontology/index.html
    _write(root, "ontology/index.html", ontology_page(triples, "en", link=_ontology_linker(triples),
                                                      format_link=lambda _, fmt: served.get(fmt)).encode("utf-8"))


def _ontology_linker(triples: Sequence[ox.Triple]) -> Callable[[str], str]:
    """hrefs on the static ontology page: terms the page has a section for are its anchors."""
    sectioned = {OWL_NS + "Class", OWL_NS + "ObjectProperty", OWL_NS + "DatatypeProperty", SKOS_NS + "Concept"}
    anchored = {t.subject.value for t in triples if t.predicate.value == RDF_TYPE and t.object.value in sectioned}

    def link(iri: str) -> str:
        if iri in _SITE_PAGES:
            return posixpath.relpath(_SITE_PAGES[iri], "ontology")
        return "#" + iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1] if iri in anchored else iri

    return link


# -- entity documents and pages ----------------------------------------------------------------


def _default_renderer() -> PageRenderer:
    from judikg.server.linked_data import entity_page  # the page `judikg serve` shows

    return entity_page


def entity_document_iri(iri: str) -> str:
    """The document an IRI is described in: itself, or the IRI before ``#`` for fragments."""
    return iri.split("#", 1)[0]


def _write_entities(
    root: Path,
    store: Store,
    rebaser: Rebaser,
    triples: Sequence[ox.Triple],
    prefixes: dict[str, str],
    render: PageRenderer | None,
    lang: str,
    report: PublishReport,
) -> tuple[int, int]:
    uri_space = rebaser.namespace("id/")
    documents: dict[str, list[ox.Triple]] = {}
    for triple in triples:  # sorted by subject, so each document's triples stay sorted
        if isinstance(triple.subject, ox.NamedNode) and triple.subject.value.startswith(uri_space):
            documents.setdefault(entity_document_iri(triple.subject.value), []).append(triple)
    paths: dict[str, str] = {}
    for doc_iri in sorted(documents):
        rel = doc_iri[len(rebaser.base) :]
        if _SAFE_PATH.fullmatch(rel) and ".." not in rel.split("/"):
            paths[doc_iri] = rel
        else:
            report.warnings.append(f"{doc_iri}: no entity document (the IRI is not a safe file path)")
    pages = 0
    for doc_iri, rel in paths.items():
        _write(root, rel + ".ttl", ox.serialize(documents[doc_iri], format=ox.RdfFormat.TURTLE, prefixes=prefixes) or b"")
        if render is None:
            continue
        # The renderer reads the store as ingested (original IRIs); links become relative file
        # paths so the pages browse on any static host, and shown IRIs are re-based afterwards.
        original = _original_iri(doc_iri, rebaser)
        try:
            page = render(store, original, lang, link=_relative_linker(rel, paths, rebaser),
                          format_link=_document_format_linker(original, rel))
        except QueryError as exc:  # one page the renderer refuses never stops the release
            report.warnings.append(f"{doc_iri}: no HTML page ({exc})")
            continue
        _write(root, rel + ".html", _rebase_text(page, rebaser).encode("utf-8"))
        pages += 1
    return len(documents), pages


def _original_iri(iri: str, rebaser: Rebaser) -> str:
    return BASE + iri[len(rebaser.base) :] if not rebaser.identity and iri.startswith(rebaser.base) else iri


def _rebase_text(text: str, rebaser: Rebaser) -> str:
    if rebaser.identity:
        return text
    for namespace in DATA_NAMESPACES:
        text = text.replace(BASE + namespace, rebaser.base + namespace)
    return text


def _document_format_linker(entity: str, page: str) -> Callable[[str, str], str | None]:
    """The page's "Data:" links: Turtle is the entity document written beside the page; a static
    host has no other serialisation of it (and no ``?format=``), so those links are left out."""

    def format_link(iri: str, fmt: str) -> str | None:
        return posixpath.basename(page) + ".ttl" if fmt == "ttl" and iri == entity else None

    return format_link


def _relative_linker(page: str, paths: dict[str, str], rebaser: Rebaser) -> Callable[[str], str]:
    """hrefs for a static page at ``page``: entity IRIs → relative ``….html``, others re-based."""
    here = posixpath.dirname(page) or "."

    def link(iri: str) -> str:
        if iri in _SITE_PAGES:  # the navigation bar: the release's landing and ontology pages
            return posixpath.relpath(_SITE_PAGES[iri], here)
        moved = rebaser.iri(iri)
        doc, sep, fragment = moved.partition("#")
        rel = paths.get(doc)
        if rel is None:
            return moved
        return posixpath.relpath(rel, here) + ".html" + (sep + fragment if sep else "")

    return link


# -- web server snippets and the landing page --------------------------------------------------


def htaccess(base: str) -> str:
    """Apache 2.4 rules (mod_rewrite, mod_headers): /id/… answers Turtle or HTML by Accept."""
    return f"""# judikg release for {base}
# Content negotiation on a static host: /id/x answers id/x.ttl to RDF clients, id/x.html otherwise.
Options -MultiViews
DirectoryIndex index.html
AddType text/turtle .ttl
AddType application/trig .trig
AddType application/ld+json .jsonld
AddType application/gzip .gz
<Files "void">
  ForceType text/turtle
</Files>
AddCharset utf-8 .ttl .trig .jsonld .html
<IfModule mod_headers.c>
  <FilesMatch "\\.(ttl|html)$">
    Header append Vary Accept
  </FilesMatch>
  Header set Access-Control-Allow-Origin "*"
</IfModule>
RewriteEngine On
RewriteCond %{{HTTP_ACCEPT}} (text/turtle|application/x-turtle) [NC]
RewriteCond %{{REQUEST_FILENAME}}.ttl -f
RewriteRule ^(id/.+)$ $1.ttl [END,T=text/turtle]
RewriteCond %{{REQUEST_FILENAME}}.html -f
RewriteRule ^(id/.+)$ $1.html [END]
RewriteCond %{{HTTP_ACCEPT}} text/turtle [NC]
RewriteRule ^ontology/?$ ontology/judikg.ttl [END,T=text/turtle]
RewriteRule ^ontology$ ontology/index.html [END]
"""


def nginx_conf(base: str) -> str:
    """nginx snippet: the ``map`` goes in ``http {{}}``, the locations in the release's ``server {{}}``."""
    path = urlsplit(base).path or "/"
    return f"""# judikg release for {base}
# In http {{ }}:
map $http_accept $judikg_ext {{
    default               .html;
    ~*text/turtle         .ttl;
    ~*application/x-turtle .ttl;
}}
# In the server {{ }}; its root must put the release directory at {path} (release in <root>{path}):
location {path}id/ {{
    types {{ text/turtle ttl; text/html html; }}
    add_header Vary Accept;
    add_header Access-Control-Allow-Origin *;
    try_files $uri$judikg_ext $uri.html $uri =404;
}}
location = {path}ontology {{
    add_header Vary Accept;
    if ($judikg_ext = .ttl) {{ rewrite ^ {path}ontology/judikg.ttl last; }}
    rewrite ^ {path}ontology/index.html last;
}}
location {path} {{
    types {{
        text/turtle ttl; application/trig trig; application/ld+json jsonld;
        application/gzip gz; text/html html;
    }}
    add_header Access-Control-Allow-Origin *;
}}
location = {path}.well-known/void {{ default_type text/turtle; }}
"""


def landing_page(files: Sequence[ReleaseFile], report: PublishReport, settings: DcatSettings) -> str:
    e = html.escape
    rows = "\n".join(
        f'<tr><td><a href="{e(f.path)}">{e(f.path)}</a></td><td>{e(f.title)}</td><td>{f.byte_size}</td>'
        f"<td><code>{f.sha256}</code></td></tr>"
        for f in files
    )
    counts = report.counts
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{e(settings.title)}</title>
<link rel="alternate" type="text/turtle" href="{VOID_PATH}"></head>
<body><h1>{e(settings.title)}</h1>
<p>{e(settings.description)}</p>
<p>Version {e(settings.version)}, issued {settings.issued.isoformat()}, licence <a href="{e(settings.license)}">{e(settings.license)}</a>.
{counts.triples} triples, {counts.entities} entities, {sum(counts.links.values())} links to Wikidata.</p>
<p>Descriptions: <a href="{VOID_PATH}">VoID</a>, <a href="{DCAT_PATH}">DCAT</a>; <a href="ontology/index.html">ontology</a>;
entities under <code>{e(report.base)}id/</code>.</p>
<table><thead><tr><th>file</th><th>content</th><th>bytes</th><th>SHA-256</th></tr></thead>
<tbody>
{rows}
</tbody></table></body></html>
"""


__all__ = [
    "PublishReport",
    "entity_document_iri",
    "htaccess",
    "jsonld_document",
    "landing_page",
    "merged_triples",
    "nginx_conf",
    "publish",
    "release_context",
    "release_prefixes",
    "release_quads",
]
