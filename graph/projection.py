"""The single projection of the RDF graph onto networkx, shared by maps, analytics and paths.

One pass over the quads (measured: iterating pyoxigraph quads is about twice as fast as a
SPARQL query for this) collects types, names, dates, article metadata, posts and evidence; a
second step joins them into a ``networkx.MultiDiGraph``:

* nodes are entities (organisations, people, events, agreements, countries, cities): never
  articles, mentions, reified statements or memberships, which become edge evidence instead;
* an edge ``s -> o`` keyed by relation stands for every asserted ``s jk:rel o`` between two
  entities, whatever the predicate (so new ontology properties need no code here); a post
  (``org:Membership``) becomes ``person -post-> organisation`` with its role;
* each edge lists the article graphs that assert it, its evidence sentences and its date (the
  date of the event or agreement it involves); ``weight`` is the number of supporting articles.

Article metadata (title, date, url, language) lives once in ``G.graph["articles"]``, keyed by
article graph IRI, so that thousands of edges citing one article do not copy it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Any, NamedTuple

import networkx as nx

from judikg.errors import QueryError, StoreError
from judikg.graph.labels import local_name, name_key, normalize_lang, pick_label

# Project namespaces as stated in docs/design.md. These move to judikg.vocab (generated from the
# ontology) once it lands; until then they are kept in this one place.
JK = "https://w3id.org/judikg/ontology#"
JKID = "https://w3id.org/judikg/id/"
JKG = "https://w3id.org/judikg/graph/"
REFERENCE_GRAPH = JKG + "reference"
ONTOLOGY_GRAPH = JKG + "ontology"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"
SCHEMA_HTTP = "http://schema.org/"

RDF_TYPE = RDF + "type"
LABEL_PREDICATES = frozenset({RDFS + "label", SKOS + "prefLabel"})
ALIAS_PREDICATES = frozenset({SKOS + "altLabel", JK + "alias"})
#: Links between two entities that are bookkeeping, not relationships worth drawing.
NON_RELATION_PREDICATES = frozenset(
    {RDF_TYPE, OWL + "sameAs", JK + "mentions", JK + "holdsPost", RDFS + "seeAlso", PROV + "wasDerivedFrom"}
)

#: Categories drawn differently; every entity falls in exactly one.
CATEGORIES: tuple[str, ...] = ("institution", "person", "event", "agreement", "country", "city")

# Class local names -> category, used when the store holds no ontology to walk rdfs:subClassOf.
_CATEGORY_OF_CLASS: dict[str, str | None] = {
    "Person": "person",
    "Event": "event", "Conference": "event", "Congress": "event", "Forum": "event", "Meeting": "event",
    "RoundTable": "event", "Seminar": "event", "Visit": "event", "Summit": "event", "Session": "event",
    "Workshop": "event", "Training": "event", "BilateralMeeting": "event", "OnlineMeeting": "event",
    "Agreement": "agreement", "Memorandum": "agreement", "MemorandumOfUnderstanding": "agreement",
    "CooperationAgreement": "agreement", "Protocol": "agreement", "Resolution": "agreement",
    "Declaration": "agreement", "Treaty": "agreement", "Roadmap": "agreement",
    "Country": "country", "City": "city", "Place": "city",
    # Not entities: evidence and bookkeeping, folded into edges or ignored.
    "Article": None, "Mention": None, "Statement": None, "Membership": None, "Post": None,
    "Class": None, "Property": None, "ObjectProperty": None, "DatatypeProperty": None,
    "Ontology": None, "Concept": None, "ConceptScheme": None, "NodeShape": None, "Dataset": None,
    "Role": None, "Restriction": None,
}
# IRI path segment under jkid: -> category, for entities referenced but never typed.
_CATEGORY_OF_PATH: dict[str, str] = {
    "org": "institution", "person": "person", "event": "event", "agreement": "agreement",
    "country": "country", "city": "city",
}
_DEFAULT_CLASS = {
    "institution": "Organization", "person": "Person", "event": "Event", "agreement": "Agreement",
    "country": "Country", "city": "City",
}


class Lit(NamedTuple):
    value: str
    lang: str


Term = str | Lit  # IRIs as str, blank nodes as "_:id" strings, literals as Lit


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """What a reader needs to find an article again."""

    graph: str
    iri: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    lang: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return asdict(self)


# --------------------------------------------------------------------------- reading quads


def _term(term: Any) -> Term | None:
    """pyoxigraph or rdflib term -> plain value; ``None`` for the default graph."""
    if term is None:
        return None
    kind = type(term).__name__
    if kind in ("NamedNode", "URIRef"):
        return str(term.value) if kind == "NamedNode" else str(term)
    if kind == "BlankNode":
        return "_:" + str(term.value)
    if kind == "BNode":
        return "_:" + str(term)
    if kind == "Literal":
        if hasattr(term, "value") and not hasattr(term, "toPython"):  # pyoxigraph
            return Lit(str(term.value), normalize_lang(term.language))
        return Lit(str(term), normalize_lang(term.language))
    if kind == "DefaultGraph":
        return None
    if kind in ("Graph", "Dataset", "ConjunctiveGraph"):  # rdflib yields the graph object
        ident = term.identifier
        return None if "DEFAULT" in str(ident) else _term(ident)
    if isinstance(term, str):
        return term
    raise StoreError(f"unexpected RDF term {term!r} ({kind}) while reading quads: pass a pyoxigraph Store or a judikg Store")


def iter_quads(source: Any) -> Iterator[tuple[Term, str, Term, str | None]]:
    """Quads of a judikg ``Store`` (``quads()``), a pyoxigraph ``Store`` or any iterable of quads."""
    if hasattr(source, "quads_for_pattern"):
        raw: Iterable[Any] = source.quads_for_pattern(None, None, None, None)
    elif hasattr(source, "quads") and callable(source.quads):
        raw = source.quads()
    else:
        raw = source
    for quad in raw:
        if hasattr(quad, "graph_name"):
            s, p, o, g = quad.subject, quad.predicate, quad.object, quad.graph_name
        else:
            s, p, o, g = quad
        yield _term(s), _term(p), _term(o), _term(g)  # type: ignore[misc]


# --------------------------------------------------------------------------- the projection


@dataclass(slots=True)
class _Collected:
    types: dict[str, Counter[str]]
    ref_types: dict[str, set[str]]
    subclass: dict[str, set[str]]
    labels: dict[str, dict[str, Counter[str]]]
    ref_labels: dict[str, dict[str, str]]
    aliases: dict[str, set[str]]
    surfaces: dict[str, set[str]]
    literals: dict[str, dict[str, list[Lit]]]  # subject -> local name -> values
    links: dict[tuple[str, str, str], set[str]]  # (s, p, o) -> graphs
    statements: dict[str, dict[str, Any]]
    memberships: dict[str, dict[str, Any]]
    seen_in: dict[str, set[str]]  # entity -> graphs that mention or describe it
    mention_of: dict[str, str]


def _collect(quads: Iterable[tuple[Term, str, Term, str | None]]) -> _Collected:
    c = _Collected(
        types=defaultdict(Counter), ref_types=defaultdict(set), subclass=defaultdict(set),
        labels=defaultdict(lambda: defaultdict(Counter)), ref_labels=defaultdict(dict),
        aliases=defaultdict(set), surfaces=defaultdict(set), literals=defaultdict(lambda: defaultdict(list)),
        links=defaultdict(set), statements=defaultdict(dict), memberships=defaultdict(dict),
        seen_in=defaultdict(set), mention_of={},
    )
    rdf_sub, rdf_pred, rdf_obj = RDF + "subject", RDF + "predicate", RDF + "object"
    for s, p, o, g in quads:
        if not isinstance(s, str):
            continue
        g = g or ""
        if p == RDF_TYPE:
            if isinstance(o, str):
                c.types[s][o] += 1
                if g == REFERENCE_GRAPH:
                    c.ref_types[s].add(o)
                elif g and g != ONTOLOGY_GRAPH:
                    c.seen_in[s].add(g)
        elif p == RDFS + "subClassOf":
            if isinstance(o, str):
                c.subclass[s].add(o)
        elif isinstance(o, Lit):
            if p in LABEL_PREDICATES:
                if g == REFERENCE_GRAPH:
                    c.ref_labels[s].setdefault(o.lang, o.value)
                c.labels[s][o.lang][o.value] += 1
            elif p in ALIAS_PREDICATES:
                c.aliases[s].add(o.value)
            elif p == JK + "surface":
                c.surfaces[s].add(o.value)
            elif p == JK + "evidenceText":
                c.statements[s]["text"] = o.value
                c.memberships[s]["text"] = o.value
            else:
                c.literals[s][local_name(p)].append(o)
        elif p == JK + "mentionOf":
            c.mention_of[s] = o
            if g:
                c.seen_in[o].add(g)
        elif p == JK + "mentions":
            if g:
                c.seen_in[o].add(g)
        elif p in (rdf_sub, rdf_pred, rdf_obj):
            c.statements[s][p[len(RDF):]] = o
            c.statements[s]["graph"] = g
        elif p.startswith(ORG) and p[len(ORG):] in ("member", "organization", "role"):
            c.memberships[s][p[len(ORG):]] = o
            c.memberships[s].setdefault("graphs", set()).add(g)
        elif p in (SCHEMA + "url", SCHEMA_HTTP + "url"):
            c.literals[s]["url"].append(Lit(o, ""))
        else:
            c.links[(s, p, o)].add(g)
    # Surfaces belong to the entity a mention points at.
    for mention, entity in c.mention_of.items():
        if mention in c.surfaces:
            c.surfaces[entity] |= c.surfaces.pop(mention)
    return c


def _category_resolver(subclass: dict[str, set[str]]) -> tuple[Any, Any]:
    """Functions class IRI -> category (or None: not an entity) and class IRI -> depth."""
    cache: dict[str, tuple[str | None, bool]] = {}

    def ancestors(cls: str) -> list[str]:
        seen, order, queue = {cls}, [cls], [cls]
        while queue:
            nxt = []
            for item in queue:
                for parent in sorted(subclass.get(item, ())):
                    if parent not in seen:
                        seen.add(parent)
                        order.append(parent)
                        nxt.append(parent)
            queue = nxt
        return order

    def category(cls: str) -> str | None:
        if cls not in cache:
            found: tuple[str | None, bool] = ("institution", False)
            for anc in ancestors(cls):
                name = local_name(anc)
                if name in _CATEGORY_OF_CLASS:
                    found = (_CATEGORY_OF_CLASS[name], True)
                    break
            cache[cls] = found
        return cache[cls][0]

    def depth(cls: str) -> int:
        return len(ancestors(cls))

    return category, depth


def _path_category(iri: str) -> str | None:
    if not iri.startswith(JKID):
        return None
    return _CATEGORY_OF_PATH.get(iri[len(JKID):].split("/", 1)[0])


def _first(values: list[Lit] | None) -> str | None:
    return min(v.value for v in values) if values else None


def _best_labels(c: _Collected, iri: str) -> dict[str, str]:
    labels: dict[str, str] = {}
    for lang, counts in c.labels.get(iri, {}).items():
        # Most frequent spelling wins; ties go to the shortest, then alphabetical, for stable output.
        labels[lang] = min(counts, key=lambda v: (-counts[v], len(v), v))
    labels.update(c.ref_labels.get(iri, {}))  # curated names beat what articles wrote
    return dict(sorted(labels.items()))


def project(source: Any) -> nx.MultiDiGraph:
    """Project a store (judikg ``Store``, pyoxigraph ``Store`` or iterable of quads) onto networkx.

    Node attributes: ``iri``, ``cls`` (most specific class local name), ``category`` (one of
    :data:`CATEGORIES`), ``labels`` {lang: name}, ``aliases``, ``country`` (IRI or None),
    ``country_code``, ``date``, ``end_date``, ``posts`` [{role, organization}] for people,
    ``members`` [{role, person}] for organisations, ``articles`` (sorted graph IRIs).
    Edge attributes (key = relation, or ``post:role``): ``relation``, ``role``, ``date``,
    ``first_seen``, ``articles``, ``evidence`` [(graph, sentence)], ``weight``.
    """
    c = _collect(iter_quads(source))
    category_of, depth_of = _category_resolver(c.subclass)

    articles: dict[str, ArticleRef] = {}
    nodes: dict[str, dict[str, Any]] = {}
    for iri, counts in c.types.items():
        if any(local_name(t) == "Article" for t in counts):
            graphs = sorted(g for g in c.seen_in.get(iri, ()) if g != REFERENCE_GRAPH) or [iri]
            lit = c.literals.get(iri, {})
            titles = sorted(lit.get("title", []))
            ref = ArticleRef(
                graph=graphs[0], iri=iri, title=titles[0].value if titles else None,
                date=_first(lit.get("issued")) or _first(lit.get("date")), url=_first(lit.get("url")),
                lang=_first(lit.get("language")),
            )
            for graph in graphs:
                articles[graph] = ref
            continue
        entity_types = [t for t in counts if category_of(t) is not None]
        if not entity_types or any(local_name(t) in ("Mention", "Statement", "Membership") for t in counts):
            continue
        preferred = [t for t in entity_types if t in c.ref_types.get(iri, ())] or entity_types
        # The most specific class wins; then the most often asserted; then alphabetical.
        cls = min(preferred, key=lambda t: (-depth_of(t), -counts[t], t))
        nodes[iri] = {"iri": iri, "cls": local_name(cls), "category": category_of(cls)}

    def ensure_node(iri: str) -> bool:
        if iri in nodes:
            return True
        cat = _path_category(iri)
        if cat is None:
            return False
        nodes[iri] = {"iri": iri, "cls": _DEFAULT_CLASS[cat], "category": cat}
        return True

    edges: dict[tuple[str, str, str], dict[str, Any]] = {}

    def add_edge(s: str, o: str, relation: str, graphs: Iterable[str], role: str | None = None) -> dict[str, Any]:
        key = relation if role is None else f"{relation}:{role}"
        edge = edges.setdefault((s, o, key), {"relation": relation, "role": role, "graphs": set(), "evidence": set()})
        edge["graphs"] |= {g for g in graphs if g}
        return edge

    for (s, p, o), graphs in c.links.items():
        if p in NON_RELATION_PREDICATES or not isinstance(o, str) or s.startswith("_:") or o.startswith("_:"):
            continue
        if s in nodes and ensure_node(o):
            add_edge(s, o, local_name(p), graphs)

    posts: dict[str, list[dict[str, str]]] = defaultdict(list)
    members: dict[str, list[dict[str, str]]] = defaultdict(list)
    for m, info in c.memberships.items():
        person, org = info.get("member"), info.get("organization")
        if not isinstance(person, str) or not isinstance(org, str) or not ensure_node(person) or not ensure_node(org):
            continue
        role = local_name(info["role"]) if isinstance(info.get("role"), str) else "member"
        edge = add_edge(person, org, "post", info.get("graphs", ()), role)
        if info.get("text"):
            edge["evidence"].add((min(info.get("graphs") or {""}), info["text"]))
        posts[person].append({"role": role, "organization": org})
        members[org].append({"role": role, "person": person})

    for st in c.statements.values():
        s, p, o, text = st.get("subject"), st.get("predicate"), st.get("object"), st.get("text")
        if not (isinstance(s, str) and isinstance(p, str) and text):
            continue
        if s in c.memberships:  # evidence for a post
            info = c.memberships[s]
            person, org = info.get("member"), info.get("organization")
            role = local_name(info["role"]) if isinstance(info.get("role"), str) else "member"
            target = edges.get((person, org, f"post:{role}")) if isinstance(person, str) and isinstance(org, str) else None
        else:
            target = edges.get((s, o, local_name(p))) if isinstance(o, str) else None
        if target is not None:
            target["evidence"].add((st.get("graph") or "", text))

    G = nx.MultiDiGraph()
    G.graph["articles"] = {g: articles[g] for g in sorted(articles)}
    for iri in sorted(nodes):
        node = nodes[iri]
        lit = c.literals.get(iri, {})
        labels = _best_labels(c, iri)
        node.update(
            labels=labels,
            aliases=sorted(c.aliases.get(iri, set()) | {v for counts in c.labels.get(iri, {}).values() for v in counts}),
            surfaces=sorted(c.surfaces.get(iri, ())),
            country=None,
            country_code=None,
            date=_first(lit.get("date")) or _first(lit.get("startDate")),
            end_date=_first(lit.get("endDate")),
            posts=sorted(posts.get(iri, []), key=lambda d: (d["organization"], d["role"])),
            members=sorted(members.get(iri, []), key=lambda d: (d["person"], d["role"])),
            articles=tuple(sorted(g for g in c.seen_in.get(iri, ()) if g in articles)),
        )
        if node["category"] == "country":
            node["country"] = iri
            node["country_code"] = local_name(iri).upper()
        G.add_node(iri, **node)

    for (s, o, key) in sorted(edges):
        edge = edges[(s, o, key)]
        if edge["relation"] == "country" and G.nodes[o]["category"] == "country":
            G.nodes[s]["country"] = G.nodes[s]["country"] or o
            G.nodes[s]["country_code"] = G.nodes[s]["country_code"] or local_name(o).upper()
    for (s, o, key) in sorted(edges):
        edge = edges[(s, o, key)]
        supporting = tuple(sorted(g for g in edge["graphs"] if g in articles))
        dated = [articles[g].date for g in supporting if articles[g].date]
        date = None
        for end in (s, o):
            if G.nodes[end]["category"] in ("event", "agreement") and G.nodes[end]["date"]:
                date = G.nodes[end]["date"]
                break
        G.add_edge(
            s, o, key=key, relation=edge["relation"], role=edge["role"], date=date,
            first_seen=min(dated) if dated else None, articles=supporting,
            evidence=tuple(sorted(edge["evidence"])), weight=max(1, len(supporting)),
            reference=not supporting,
        )
    # Reference data lists every country and city of the world; only what articles speak of
    # (mentioned, or at the end of an article-backed relation) belongs in the network.
    spoken = {n for n, attrs in G.nodes(data=True) if attrs["articles"]}
    spoken |= {end for s, o, attrs in G.edges(data=True) if attrs["articles"] for end in (s, o)}
    G.remove_nodes_from([n for n in list(G) if n not in spoken])
    return G


# --------------------------------------------------------------------------- lookups


def article_refs(G: nx.Graph, graphs: Iterable[str]) -> list[ArticleRef]:
    """Article metadata for graph IRIs, newest first (undated last), then by title."""
    table: dict[str, ArticleRef] = G.graph.get("articles", {})
    refs = [table[g] for g in graphs if g in table]
    return sorted(refs, key=lambda a: (a.date is None, _neg(a.date or ""), a.title or "", a.graph))


def _neg(date: str) -> str:
    # Sort ISO dates descending inside an ascending sort key.
    return "".join(chr(0x10FFFF - ord(ch)) for ch in date)


def display_name(attrs: dict[str, Any], lang: str) -> str:
    """A node's name for a reader of ``lang``; events and agreements without a name get class + date."""
    name = pick_label(attrs.get("labels", {}), lang)
    event_like = attrs.get("category") in ("event", "agreement")
    # An event or agreement "named" by a lower-case word is the common noun an article used for it
    # ("конференция", "memorandýmǵa"), not a name: class and date tell a reader more.
    if name and not (event_like and name[:1].islower()):
        return name
    from judikg.graph.labels import humanize_class

    if event_like:
        return f"{humanize_class(attrs.get('cls', 'Event'))} {attrs.get('date') or ''}".strip()
    return name or local_name(attrs.get("iri", "?"))


def resolve_entity(G: nx.Graph, query: str) -> str:
    """The node a user means by an IRI, a ``jkid:`` name, an IRI tail or a name in any language.

    Exact name matches (labels, aliases, surface forms as written in articles, in any script)
    win over partial ones; several equally good matches are an error listing them, since
    guessing would draw the wrong institution.
    """
    found = resolve_entities(G, query)
    if len(found) == 1:
        return found[0]
    shown = ", ".join(f"{display_name(G.nodes[n], 'en')} <{n}>" for n in found[:8])
    more = f" and {len(found) - 8} more" if len(found) > 8 else ""
    raise QueryError(f"{query!r} matches {len(found)} entities: {shown}{more}; pass one IRI instead")


def resolve_entities(G: nx.Graph, query: str) -> list[str]:
    """Every node equally well named by ``query`` (see :func:`resolve_entity`), sorted; at least
    one, or :class:`QueryError`. A map can centre on all of them where a path needs one."""
    text = query.strip()
    if text in G:
        return [text]
    if text.startswith("jkid:") and JKID + text[5:] in G:
        return [JKID + text[5:]]
    if JKID + text.strip("/") in G:
        return [JKID + text.strip("/")]
    key = name_key(text)
    if not key:
        raise QueryError(f"empty entity name {query!r}: give an IRI or a name, e.g. 'Supreme Court of Kazakhstan'")
    exact: list[str] = []
    partial: list[str] = []
    for node, attrs in G.nodes(data=True):
        names = [*attrs.get("labels", {}).values(), *attrs.get("aliases", ()), *attrs.get("surfaces", ()), local_name(node)]
        keys = {name_key(n) for n in names}
        if key in keys:
            exact.append(node)
        elif any(key in k for k in keys):
            partial.append(node)
    if not exact and not partial:
        partial = _token_matches(G, key)
    for found in (exact, partial):
        if found:
            return sorted(found)
    raise QueryError(f"no entity named {query!r} in the graph: check the spelling, or list names with 'judikg analyze'")


def _stem(token: str) -> str:
    # Cheap cross-language stemming: inflected forms share their first letters
    # (Казахстана / Kazakhstan's / Қазақстанның are caught by the script-specific names).
    return token[: max(4, len(token) - 3)]


def _token_matches(G: nx.Graph, key: str) -> list[str]:
    """Nodes whose names, together with their country's names, cover every word of ``key``.

    "Supreme Court of Kazakhstan" finds the node labelled "Supreme Court" in country KZ. The
    most specific candidates (fewest words beyond the query) win.
    """
    words = {_stem(w) for w in key.split() if len(w) >= 3}
    if not words:
        return []
    country_words: dict[str, set[str]] = {}
    for node, attrs in G.nodes(data=True):
        if attrs.get("category") == "country":
            names = [*attrs.get("labels", {}).values(), *attrs.get("aliases", ())]
            country_words[attrs.get("country_code") or ""] = {_stem(w) for n in names for w in name_key(n).split()}
    scored: list[tuple[int, str]] = []
    for node, attrs in G.nodes(data=True):
        names = [*attrs.get("labels", {}).values(), *attrs.get("aliases", ())]
        own = {_stem(w) for n in names for w in name_key(n).split() if len(w) >= 3}
        pool = own | country_words.get(attrs.get("country_code") or "", set())
        if words <= pool:
            scored.append((len(own - words), node))
    if not scored:
        return []
    best = min(score for score, _ in scored)
    return sorted(node for score, node in scored if score == best)
