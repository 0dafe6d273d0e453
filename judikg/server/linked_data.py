"""Linked Data: every entity IRI and the ontology, as HTML for people and RDF for machines.

``/id/…`` and ``/role/…`` answer with direct content negotiation (200 and ``Vary: Accept``),
not a 303 redirect: the persistent ``https://w3id.org/judikg/`` IRIs already redirect to the
server, and one round trip fewer matters to crawlers. ``?format=ttl|jsonld|nt|rdfxml|html``
overrides the Accept header (links to each format are on every page).

:func:`entity_page` is a library function so that static publishing writes the same pages.
Descriptions are the entity's outgoing triples plus its incoming ones (without reification and
mention bookkeeping), capped at :data:`INCOMING_CAP`: a hub such as a country would otherwise
list every article; a capped description says so in an ``X-Judikg-Truncated`` header, the page
in plain words, and points to the SPARQL endpoint for the rest.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from string import Template

import pyoxigraph as ox

from judikg.iris import BASE, GRAPH_NS, ID_NS
from judikg.queries.run import StoreTarget, labels
from judikg.server.conneg import negotiate
from judikg.server.responses import HttpError, Response
from judikg.server.sparql import FORMAT_ALIASES, GRAPH_TYPES, PREFIXES, serialize_graph

INCOMING_CAP = 2000
ROWS_CAP = 1000  # relation rows listed on one HTML page
HTML_TYPES = ("text/html", "application/xhtml+xml")
RDF_OFFERS = ("text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml")
LABEL_PROPS = ("rdfs:label", "skos:prefLabel", "skos:altLabel")
# Bookkeeping that would swamp a description: reified statements and mentions point at every
# entity they concern; the page lists the articles instead.
_HIDDEN_INCOMING = ("rdf:subject", "rdf:object", "jk:mentionOf", "jk:mentions", "org:member", "org:organization")
_PROLOGUE = "".join(f"PREFIX {p}: <{n}>\n" for p, n in PREFIXES.items())

Linker = Callable[[str], str]
#: (entity IRI, format name ttl|jsonld|nt) -> href of that serialisation, or None to leave the
#: link out (a static release has no ``?format=`` and only some serialisations per entity).
FormatLinker = Callable[[str, str], "str | None"]
#: IRIs the navigation bar points at, resolved through the page's ``link``: the site root
#: (the SPARQL page on a server, the landing page of a release) and the ontology page.
SITE_IRI = BASE
ONTOLOGY_PAGE_IRI = BASE + "ontology"
_FORMATS = (("ttl", "Turtle"), ("jsonld", "JSON-LD"), ("nt", "N-Triples"))


def local_link(iri: str, base: str = BASE) -> str:
    """Where a judikg IRI lives on this server (``/id/…``); other IRIs stay as they are."""
    return "/" + iri[len(base):] if iri.startswith(base) else iri


@dataclass(frozen=True, slots=True)
class Source:
    article: str
    title: str | None
    issued: str | None
    url: str | None


@dataclass(slots=True)
class Relation:
    predicate: str
    other: ox.NamedNode | ox.Literal | ox.BlankNode
    sources: list[Source] = field(default_factory=list)
    reference: bool = False  # stated in the reference data or the ontology rather than an article


@dataclass(slots=True)
class EntityView:
    iri: str
    labels: dict[str, list[str]]
    types: list[str]
    outgoing: list[Relation]
    incoming: list[Relation]
    posts: list[tuple[str, str, str, Source | None]]  # person, role, organisation, source
    mentioned_in: list[Source]
    truncated: bool
    names: dict[str, str]  # a label for every IRI shown


def _node(iri: str) -> str:
    try:
        return str(ox.NamedNode(iri))
    except ValueError:
        raise HttpError(404, f"{iri!r} is not a valid IRI") from None


def _select(store: object, sparql: str) -> list[tuple[ox.NamedNode | ox.Literal | ox.BlankNode | None, ...]]:
    solutions = store.query(_PROLOGUE + sparql)  # type: ignore[attr-defined]
    assert isinstance(solutions, ox.QuerySolutions)
    names = [v.value for v in solutions.variables]
    return [tuple(s[n] for n in names) for s in solutions]


_ARTICLE = """OPTIONAL { GRAPH ?g { ?article a jk:Article .
    OPTIONAL { ?article dcterms:title ?title } OPTIONAL { ?article dcterms:issued ?issued }
    OPTIONAL { ?article schema:url ?url } } }"""


def _source(article: object, title: object, issued: object, url: object) -> Source | None:
    if article is None:
        return None
    value = lambda t: t.value if t is not None else None  # noqa: E731
    return Source(article.value, value(title), value(issued), value(url))  # type: ignore[attr-defined]


def _relations(rows: Iterable[tuple[object, ...]]) -> list[Relation]:
    grouped: dict[tuple[str, str], Relation] = {}
    for p, other, g, article, title, issued, url in rows:
        key = (p.value, str(other))  # type: ignore[union-attr]
        rel = grouped.setdefault(key, Relation(p.value, other))  # type: ignore[union-attr, arg-type]
        src = _source(article, title, issued, url)
        if src is None:
            rel.reference = True
        elif src not in rel.sources:
            rel.sources.append(src)
    return list(grouped.values())


def entity_view(store: object, iri: str, lang: str = "en") -> EntityView | None:
    """Everything an entity page shows, or None when the store says nothing about ``iri``."""
    node = _node(iri)
    values = f"VALUES ?entity {{ {node} }}"
    label_rows = _select(store, f"SELECT ?label WHERE {{ {values} VALUES ?p {{ {' '.join(LABEL_PROPS)} }} ?entity ?p ?label }}")
    types = sorted({r[0].value for r in _select(store, f"SELECT DISTINCT ?t WHERE {{ {values} ?entity a ?t }}") if r[0] is not None})
    outgoing = _relations(_select(store, f"""SELECT ?p ?o ?g ?article ?title ?issued ?url WHERE {{ {values}
        GRAPH ?g {{ ?entity ?p ?o }} FILTER(?p NOT IN (rdf:type, {', '.join(LABEL_PROPS)}))
        {_ARTICLE} }} ORDER BY ?p ?o ?g LIMIT {ROWS_CAP + 1}"""))
    incoming_rows = _select(store, f"""SELECT ?p ?s ?g ?article ?title ?issued ?url WHERE {{ {values}
        GRAPH ?g {{ ?s ?p ?entity }} FILTER(?p NOT IN ({', '.join(_HIDDEN_INCOMING)}))
        {_ARTICLE} }} ORDER BY ?p ?s ?g LIMIT {ROWS_CAP + 1}""")
    incoming = _relations(incoming_rows)
    posts_rows = _select(store, f"""SELECT ?person ?role ?org ?article ?title ?issued ?url WHERE {{ {values}
        {{ GRAPH ?g {{ ?m org:member ?entity ; org:organization ?org ; org:role ?role }} BIND(?entity AS ?person) }}
        UNION {{ GRAPH ?g {{ ?m org:organization ?entity ; org:member ?person ; org:role ?role }} BIND(?entity AS ?org) }}
        {_ARTICLE} }} ORDER BY ?person ?role ?org ?article LIMIT {ROWS_CAP + 1}""")
    mention_rows = _select(store, f"""SELECT DISTINCT ?article ?title ?issued ?url WHERE {{ {values}
        GRAPH ?g {{ ?article jk:mentions ?entity }} {_ARTICLE} }} ORDER BY DESC(STR(?issued)) ?article LIMIT {ROWS_CAP + 1}""")
    if not (label_rows or types or outgoing or incoming or posts_rows or mention_rows):
        return None
    by_lang: dict[str, list[str]] = {}
    for (label,) in label_rows:
        if isinstance(label, ox.Literal) and label.value not in by_lang.get(label.language or "", []):
            by_lang.setdefault(label.language or "", []).append(label.value)
    posts = [(p.value, r.value, o.value, _source(a, t, i, u)) for p, r, o, a, t, i, u in posts_rows[:ROWS_CAP]]  # type: ignore[union-attr]
    mentioned = [s for s in (_source(*row) for row in mention_rows[:ROWS_CAP]) if s is not None]
    truncated = any(len(rows) > ROWS_CAP for rows in (incoming_rows, posts_rows, mention_rows))
    shown = {iri, *types}
    for rel in outgoing + incoming:
        shown.add(rel.predicate)
        if isinstance(rel.other, ox.NamedNode):
            shown.add(rel.other.value)
    for person, role, org_iri, _ in posts:
        shown.update((person, role, org_iri))
    names = labels(StoreTarget(store), shown, lang)
    return EntityView(iri, dict(sorted(by_lang.items())), types, outgoing, incoming, posts, mentioned, truncated, names)


def describe(store: object, iri: str) -> tuple[list[ox.Triple], bool]:
    """The entity's RDF description (sorted), and whether incoming triples were capped."""
    node = _node(iri)
    values = f"VALUES ?entity {{ {node} }}"
    out = store.query(f"CONSTRUCT {{ ?entity ?p ?o }} WHERE {{ {values} ?entity ?p ?o }}")  # type: ignore[attr-defined]
    triples = list(out)  # type: ignore[arg-type]
    incoming = _select(store, f"SELECT DISTINCT ?s ?p WHERE {{ {values} ?s ?p ?entity FILTER(?p NOT IN ({', '.join(_HIDDEN_INCOMING[:3])})) }} LIMIT {INCOMING_CAP + 1}")
    truncated = len(incoming) > INCOMING_CAP
    triples += [ox.Triple(s, p, node_term) for s, p in incoming[:INCOMING_CAP] for node_term in (ox.NamedNode(iri),)]  # type: ignore[arg-type]
    graph = article_graph_of(iri)
    if graph is not None:
        # An article's mentions, statements and memberships are fragments of its IRI: they go with it.
        fragments = store.query(  # type: ignore[attr-defined]
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {_node(graph)} {{ ?s ?p ?o "
            f"FILTER(STRSTARTS(STR(?s), {ox.Literal(iri + '#')})) }} }}"
        )
        triples += list(fragments)
    return sorted(set(triples), key=str), truncated


def article_graph_of(iri: str) -> str | None:
    """The named graph of an article IRI (``jkid:article/h`` → ``jkg:article/h``), else None."""
    prefix = ID_NS + "article/"
    return GRAPH_NS + iri[len(ID_NS):] if iri.startswith(prefix) and "#" not in iri else None


def _json_ld_script(triples: list[ox.Triple]) -> str:
    data = serialize_graph(triples, ox.RdfFormat.JSON_LD).decode("utf-8")
    # Inside <script>, "</script>" or "<!--" in a string would end or confuse the element;
    # \u003c is the same JSON string.
    return data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _template(name: str) -> Template:
    return Template(resources.files("judikg.server").joinpath("templates", name).read_text(encoding="utf-8"))


def _safe_href(url: str) -> str | None:
    return url if url.lower().startswith(("http://", "https://")) else None


class _Html:
    """Small helpers that escape every piece of text they are given."""

    def __init__(self, names: dict[str, str], link: Linker) -> None:
        self.names = names
        self.link = link

    def iri(self, value: str) -> str:
        label = self.names.get(value) or _short(value)
        return f'<a href="{html.escape(self.link(value))}" title="{html.escape(value)}">{html.escape(label)}</a>'

    def term(self, term: object) -> str:
        if isinstance(term, ox.NamedNode):
            return self.iri(term.value)
        if isinstance(term, ox.Literal):
            text = term.value if len(term.value) <= 400 else term.value[:400] + " …"
            tag = f' <span class="lang">@{html.escape(term.language)}</span>' if term.language else ""
            return f'<span class="literal">{html.escape(text)}</span>{tag}'
        return html.escape(str(term))

    def source(self, src: Source) -> str:
        title = src.title or _short(src.article)
        title = title if len(title) <= 140 else title[:140] + " …"
        parts = [f'<a href="{html.escape(self.link(src.article))}">{html.escape(title)}</a>']
        if src.issued:
            parts.append(f'<span class="date">{html.escape(src.issued)}</span>')
        href = _safe_href(src.url or "")
        if href:
            parts.append(f'<a class="url" rel="nofollow noopener" href="{html.escape(href)}">source</a>')
        return " ".join(parts)

    def sources(self, rel: Relation) -> str:
        items = [self.source(s) for s in rel.sources]
        if rel.reference:
            items.append('<span class="ref">reference data</span>')
        return "<ul class=\"sources\">" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def _short(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _format_links(h: _Html, iri: str, format_link: FormatLinker | None) -> str:
    """"Data: Turtle · JSON-LD · N-Triples", each through ``format_link`` (default ``?format=``)."""
    links = []
    for fmt, name in _FORMATS:
        href = format_link(iri, fmt) if format_link is not None else h.link(iri) + f"?format={fmt}"
        if href is not None:
            links.append(f'<a href="{html.escape(href)}">{name}</a>')
    return f'<p class="formats">Data: {" · ".join(links)}</p>' if links else ""


def _nav(h: _Html) -> str:
    return (f'<a href="{html.escape(h.link(SITE_IRI))}">SPARQL</a>'
            f'<a href="{html.escape(h.link(ONTOLOGY_PAGE_IRI))}">Ontology</a>')


def entity_page(store: object, iri: str, lang: str = "en", *, link: Linker | None = None,
                format_link: FormatLinker | None = None) -> str:
    """The HTML page of an entity: labels in every language, types, relations with their source
    articles, posts, the articles that mention it, and its description as embedded JSON-LD.

    ``link`` maps an IRI to the href used for it (default: this server's paths), including the
    navigation bar's :data:`SITE_IRI` and :data:`ONTOLOGY_PAGE_IRI`; ``format_link`` gives the
    hrefs of the entity's serialisations (default: ``link(iri)?format=ttl`` …; None hides one).
    Raises HttpError 404 when the store says nothing about ``iri``.
    """
    view = entity_view(store, iri, lang)
    if view is None:
        raise HttpError(404, f"nothing is known about {iri}; search entities with the named query `search` at /")
    triples, _ = describe(store, iri)
    h = _Html(view.names, link or local_link)
    title = view.names.get(iri) or _short(iri)
    body: list[str] = [f"<h1>{html.escape(title)}</h1>", f'<p class="iri"><code>{html.escape(iri)}</code></p>']
    formats = _format_links(h, iri, format_link)
    if formats:
        body.append(formats)
    if view.types:
        body.append("<h2>Types</h2><p>" + ", ".join(h.iri(t) for t in view.types) + "</p>")
    if view.labels:
        rows = "".join(
            f'<tr><th>{html.escape(tag or "—")}</th><td lang="{html.escape(tag)}">{"<br>".join(html.escape(v) for v in values)}</td></tr>'
            for tag, values in view.labels.items()
        )
        body.append(f'<h2>Names</h2><table class="labels">{rows}</table>')
    if view.truncated:
        body.append('<p class="note">This entity has more relations than one page lists; '
                    f'ask the <a href="{html.escape(h.link(SITE_IRI))}">SPARQL endpoint</a> for all of them.</p>')
    for heading, relations, forward in (("Relations", view.outgoing, True), ("Referenced by", view.incoming, False)):
        if not relations:
            continue
        rows = "".join(
            f"<tr><td>{h.iri(r.predicate)}</td><td>{h.term(r.other)}</td><td>{h.sources(r)}</td></tr>"
            if forward else
            f"<tr><td>{h.term(r.other)}</td><td>{h.iri(r.predicate)}</td><td>{h.sources(r)}</td></tr>"
            for r in relations[:ROWS_CAP]
        )
        head = "<tr><th>relation</th><th>value</th><th>stated in</th></tr>" if forward else "<tr><th>subject</th><th>relation</th><th>stated in</th></tr>"
        body.append(f"<h2>{heading}</h2><table>{head}{rows}</table>")
    if view.posts:
        rows = "".join(
            f"<tr><td>{h.iri(p)}</td><td>{h.iri(r)}</td><td>{h.iri(o)}</td><td>{h.source(s) if s else ''}</td></tr>"
            for p, r, o, s in view.posts
        )
        body.append(f"<h2>Posts</h2><table><tr><th>person</th><th>role</th><th>organisation</th><th>stated in</th></tr>{rows}</table>")
    if view.mentioned_in:
        items = "".join(f"<li>{h.source(s)}</li>" for s in view.mentioned_in)
        body.append(f"<h2>Mentioned in</h2><ul>{items}</ul>")
    return _template("page.html").substitute(
        title=html.escape(title), lang=html.escape(lang), body="\n".join(body), jsonld=_json_ld_script(triples),
        nav=_nav(h),
    )


def _wanted(accept: str | None, fmt: str | None) -> str:
    if fmt:
        media = "text/html" if fmt.lower() == "html" else FORMAT_ALIASES.get(fmt.lower())
        if media is None or (media not in RDF_OFFERS and media != "text/html"):
            raise HttpError(406, f"format={fmt!r} is not offered; use html, ttl, jsonld, nt or rdfxml")
        return media
    media = negotiate(accept, [*RDF_OFFERS, *HTML_TYPES])
    if media is None:
        raise HttpError(406, f"cannot answer in {accept!r}; entity pages come as {', '.join((*RDF_OFFERS, 'text/html'))}")
    return "text/html" if media in HTML_TYPES else media


def resource_response(store: object, iri: str, accept: str | None, fmt: str | None, lang: str = "en") -> Response:
    """An entity IRI answered in the negotiated representation (runs in a query worker)."""
    media = _wanted(accept, fmt)
    headers = (("Vary", "Accept"),)
    if media == "text/html":
        return Response(200, entity_page(store, iri, lang).encode("utf-8"), "text/html; charset=utf-8", headers)
    triples, truncated = describe(store, iri)
    if not triples:
        raise HttpError(404, f"nothing is known about {iri}")
    if truncated:
        headers += (("X-Judikg-Truncated", f"incoming links capped at {INCOMING_CAP}; query /sparql for all"),)
    body = serialize_graph(triples, GRAPH_TYPES[media])
    return Response(200, body, media + ("; charset=utf-8" if media.startswith("text/") or "json" in media else ""), headers)


def ontology_response(store: object, accept: str | None, fmt: str | None, lang: str = "en") -> Response:
    """The ontology (graph jkg:ontology) as RDF, or an HTML page of its classes, properties and roles."""
    media = _wanted(accept, fmt)
    graph = ox.NamedNode(GRAPH_NS + "ontology")
    triples = list(store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"))  # type: ignore[attr-defined]
    if not triples:
        raise HttpError(404, "the store holds no ontology graph; run `judikg ingest` once to load it")
    headers = (("Vary", "Accept"),)
    if media != "text/html":
        body = serialize_graph(triples, GRAPH_TYPES[media])
        return Response(200, body, media + ("; charset=utf-8" if media.startswith("text/") or "json" in media else ""), headers)
    return Response(200, ontology_page(triples, lang).encode("utf-8"), "text/html; charset=utf-8", headers)


def ontology_page(triples: list[ox.Triple], lang: str = "en", *, link: Linker | None = None,
                  format_link: FormatLinker | None = None) -> str:
    """Classes, properties and role concepts with their labels in every language and definitions.

    ``link`` and ``format_link`` as for :func:`entity_page` (the ontology's serialisations are
    asked for with :data:`ONTOLOGY_PAGE_IRI`; by default they are ``?format=`` on this page)."""
    rdf_type = PREFIXES["rdf"] + "type"
    kinds = {
        PREFIXES["owl"] + "Class": "Classes", PREFIXES["owl"] + "ObjectProperty": "Object properties",
        PREFIXES["owl"] + "DatatypeProperty": "Data properties", PREFIXES["skos"] + "Concept": "Roles",
    }
    by_subject: dict[str, list[ox.Triple]] = {}
    for t in triples:
        if isinstance(t.subject, ox.NamedNode):
            by_subject.setdefault(t.subject.value, []).append(t)
    names: dict[str, str] = {}
    for subject, ts in by_subject.items():
        preferred = [t.object.value for t in ts if isinstance(t.object, ox.Literal) and t.predicate.value.endswith(("#label", "#prefLabel")) and t.object.language == lang]
        if preferred:
            names[subject] = preferred[0]
    h = _Html(names, link or local_link)
    body = ["<h1>judikg ontology</h1>" + _format_links(h, ONTOLOGY_PAGE_IRI, format_link or (lambda _, fmt: f"?format={fmt}"))]
    for kind, heading in kinds.items():
        members = sorted(s for s, ts in by_subject.items() if any(t.predicate.value == rdf_type and t.object.value == kind for t in ts))
        if not members:
            continue
        body.append(f"<h2>{heading}</h2>")
        for subject in members:
            anchor = subject.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
            rows = "".join(
                f"<tr><td>{h.iri(t.predicate.value)}</td><td>{h.term(t.object)}</td></tr>"
                for t in sorted(by_subject[subject], key=lambda t: (t.predicate.value, str(t.object)))
                if t.predicate.value != rdf_type and not isinstance(t.object, ox.BlankNode)
            )
            body.append(f'<section id="{html.escape(anchor)}"><h3>{html.escape(names.get(subject, _short(subject)))} '
                        f'<code>{html.escape(_short(subject))}</code></h3><table>{rows}</table></section>')
    return _template("page.html").substitute(
        title="judikg ontology", lang=html.escape(lang), body="\n".join(body), jsonld=_json_ld_script(triples),
        nav=_nav(h),
    )
