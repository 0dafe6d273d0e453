"""SHACL validation of the store (or one graph) with pySHACL, as a report with severities.

Shapes are ontology/shapes.ttl. They are written against RDFS-entailed data (a jk:SupremeCourt
is also a jk:Court, the range of jk:party types its value): instead of running pySHACL's RDFS
inference (owlrl over data + ontology on every call, seconds per article), the RDFS closure of
the ontology is computed once and the data is materialised with it (rdfs2, rdfs3, rdfs7, rdfs9)
before pySHACL runs with ``inference="none"``.

The store is validated in parts so that time grows linearly with the number of articles. Every
triple of the union of the store's graphs (the catalog and the ontology copy left out) is
validated exactly once, in the part that owns its subject:

* article parts: the triples of ``BATCH_ARTICLES`` article graphs whose subject belongs to the
  article (the article itself and its ``#m``/``#s``/``#p`` nodes);
* entity parts: every other triple (entities described by articles, ``jkg:reference``, any other
  graph), deduplicated across graphs, grouped by subject.

Shapes look at a focus node's own triples and at the types of its values (``sh:class``,
``sh:node`` over types, datatypes), and the reified-statement check at the asserted triple; each
part therefore also carries the types (from the whole store) of the nodes its triples point to
and the asserted triples of its reified statements. A focus node validated in the part that
owns it sees what it would see in the union; nodes pulled into another part only by their
types can yield only type-based results it also yields in its own part. Results of all parts
are merged without duplicates and sorted, so the report equals that of the union.

One check is Python, not SHACL: that a jk:Mention's spans delimit its surfaces in the article's
text (SPARQL cannot iterate over the items of one jk:spans literal). It runs on the same parts,
after pySHACL, and reports like the shapes do (focus the mention, path the property at fault).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from itertools import chain

import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDF, RDFS, SH, XSD

from judikg.errors import InputError
from judikg.graph.mention_spans import span_problems
from judikg.graph.store import Store, catalog_graph
from judikg.iris import GRAPH_NS, ID_NS, ONTOLOGY_GRAPH, ONTOLOGY_NS

#: Article graphs per pySHACL call: large enough to share the per-call cost (shapes, SPARQL
#: parsing), small enough that a call's data stays a few tens of thousands of triples.
BATCH_ARTICLES = 50
#: Distinct entity triples per pySHACL call in the entity parts.
BATCH_ENTITY_TRIPLES = 20_000

_ARTICLE_GRAPH = GRAPH_NS + "article/"
_ARTICLE = ID_NS + "article/"
_TYPE = ox.NamedNode(str(RDF.type))
_SUBJECT = ox.NamedNode(str(RDF.subject))
_PREDICATE = ox.NamedNode(str(RDF.predicate))
_OBJECT = ox.NamedNode(str(RDF.object))
_XSD_STRING = str(XSD.string)
_LANG_STRING = str(RDF.langString)
_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
_TEXT, _SPANS, _SURFACE = (ONTOLOGY_NS + name for name in ("text", "spans", "surface"))
#: The ``component`` of a finding of :func:`span_results` (no SHACL constraint component makes it).
SPANS_CHECK = "MentionSpansCheck"


@dataclass(frozen=True, slots=True)
class ValidationResult:
    severity: str  # "Violation" | "Warning" | "Info"
    focus_node: str
    path: str | None
    value: str | None
    message: str
    component: str = ""  # local name of the constraint component, e.g. "MinCountConstraintComponent"

    def sort_key(self) -> tuple[int, str, str, str, str, str]:
        return (_SEVERITY_ORDER.get(self.severity, 3), self.focus_node, self.path or "", self.value or "",
                self.message, self.component)


@dataclass(slots=True)
class ValidationReport:
    conforms: bool
    results: list[ValidationResult] = field(default_factory=list)
    text: str = ""

    def count(self, severity: str) -> int:
        return sum(1 for r in self.results if r.severity == severity)

    def to_dict(self) -> dict[str, object]:
        return {
            "conforms": self.conforms,
            "violations": self.count("Violation"),
            "warnings": self.count("Warning"),
            "results": [asdict(r) for r in self.results],
        }


# --- RDFS closure of the ontology ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RdfsClosure:
    """What RDFS entailment derives from the ontology, precomputed per class and property.

    ``types[c]``: c and its superclasses; ``properties[p]``: p and its superproperties;
    ``domain[p]`` / ``range[p]``: the named classes (with their superclasses) that p and its
    superproperties give their subjects / IRI objects. Anonymous classes (unions) are left
    out: no shape names them.
    """

    types: dict[str, frozenset[str]]
    properties: dict[str, frozenset[str]]
    domain: dict[str, frozenset[str]]
    range: dict[str, frozenset[str]]

    def superclasses(self, cls: str) -> frozenset[str]:
        return self.types.get(cls) or frozenset((cls,))

    def entailed(self, triples: Iterable[ox.Triple]) -> set[ox.Triple]:
        """``triples`` with every triple rdfs2, rdfs3, rdfs7 and rdfs9 derive from them."""
        out: set[ox.Triple] = set()
        typed: dict[ox.NamedNode | ox.BlankNode, set[str]] = defaultdict(set)
        for t in triples:
            out.add(t)
            p = t.predicate.value
            if p == _TYPE.value:
                if isinstance(t.object, ox.NamedNode):
                    typed[t.subject].update(self.superclasses(t.object.value))
                continue
            for sup in self.properties.get(p, ()):
                if sup != p:
                    out.add(ox.Triple(t.subject, ox.NamedNode(sup), t.object))
            if p in self.domain:
                typed[t.subject].update(self.domain[p])
            if p in self.range and not isinstance(t.object, ox.Literal):
                typed[t.object].update(self.range[p])
        for node, classes in typed.items():
            out.update(ox.Triple(node, _TYPE, ox.NamedNode(c)) for c in classes)
        return out


def _transitive(edges: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    closed: dict[str, frozenset[str]] = {}
    for start in edges:
        seen, todo = {start}, [start]
        while todo:
            for nxt in edges.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        closed[start] = frozenset(seen)
    return closed


@lru_cache(maxsize=1)
def rdfs_closure() -> RdfsClosure:
    """The RDFS closure of ontology/judikg.ttl, computed once per process."""
    from judikg.ontology import ontology_graph

    onto = ontology_graph()

    def named_edges(predicate: rdflib.URIRef) -> dict[str, set[str]]:
        edges: dict[str, set[str]] = defaultdict(set)
        for s, o in onto.subject_objects(predicate):
            if isinstance(s, rdflib.URIRef) and isinstance(o, rdflib.URIRef):
                edges[str(s)].add(str(o))
        return edges

    types = _transitive(named_edges(RDFS.subClassOf))
    properties = _transitive(named_edges(RDFS.subPropertyOf))
    declared_domain, declared_range = named_edges(RDFS.domain), named_edges(RDFS.range)

    def classes_of(declared: dict[str, set[str]]) -> dict[str, frozenset[str]]:
        out: dict[str, frozenset[str]] = {}
        for prop in set(declared) | set(properties):
            classes = {c for sup in properties.get(prop, frozenset((prop,))) for c in declared.get(sup, ())}
            if classes:
                out[prop] = frozenset(x for c in classes for x in types.get(c, frozenset((c,))))
        return out

    return RdfsClosure(types, properties, classes_of(declared_domain), classes_of(declared_range))


# --- pyoxigraph terms to rdflib -------------------------------------------------------------------


class _Terms:
    """pyoxigraph → rdflib terms, memoised per validation (IRIs repeat thousands of times)."""

    def __init__(self) -> None:
        self._iris: dict[str, rdflib.URIRef] = {}

    def node(self, term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> rdflib.term.Node:
        if isinstance(term, ox.NamedNode):
            found = self._iris.get(term.value)
            if found is None:
                found = self._iris[term.value] = rdflib.URIRef(term.value)
            return found
        if isinstance(term, ox.BlankNode):
            return rdflib.BNode(term.value)
        if isinstance(term, ox.Literal):
            if term.language:
                return rdflib.Literal(term.value, lang=term.language)
            datatype = term.datatype.value
            # N-Triples readers give "x" (no datatype) for xsd:string; keep pySHACL's view of it
            return rdflib.Literal(term.value, datatype=None if datatype == _XSD_STRING else self.node(term.datatype))
        raise InputError(str(term), "RDF-star triple terms cannot be validated; remove them from the store")

    def graph(self, triples: Iterable[ox.Triple]) -> rdflib.Graph:
        data = rdflib.Graph()
        node = self.node
        data.addN((node(t.subject), node(t.predicate), node(t.object), data) for t in triples)
        return data


# --- running pySHACL --------------------------------------------------------------------------------


def _text(term: rdflib.term.Node | None) -> str | None:
    return None if term is None else str(term)


def _shacl(data: rdflib.Graph) -> tuple[bool, dict[ValidationResult, bool]]:
    """pySHACL on materialised data (no inference): each result as a plain record, mapped to
    whether a targeted shape (or one of its property shapes) produced it."""
    from pyshacl import validate as shacl_validate

    from judikg.ontology import shapes_graph

    conforms, results_graph, _ = shacl_validate(
        data,
        shacl_graph=shapes_graph(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
    )
    targeted = _targeted_shapes()
    results: dict[ValidationResult, bool] = {}
    for node in results_graph.subjects(RDF.type, SH.ValidationResult):
        severity = results_graph.value(node, SH.resultSeverity)
        component = results_graph.value(node, SH.sourceConstraintComponent)
        messages = sorted(str(m) for m in results_graph.objects(node, SH.resultMessage))
        result = ValidationResult(
            severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            focus_node=str(results_graph.value(node, SH.focusNode)),
            path=_text(results_graph.value(node, SH.resultPath)),
            value=_text(results_graph.value(node, SH.value)),
            message=messages[0] if messages else "",
            component=str(component).rsplit("#", 1)[-1] if component is not None else "",
        )
        results[result] = results.get(result, False) or results_graph.value(node, SH.sourceShape) in targeted
    return bool(conforms), results


def _validate_part(triples: Iterable[ox.Triple], terms: _Terms) -> tuple[bool, dict[ValidationResult, bool]]:
    return _shacl(terms.graph(rdfs_closure().entailed(triples)))


def span_results(triples: Iterable[ox.Triple]) -> set[ValidationResult]:
    """Violations where a mention's jk:spans do not delimit its jk:surface values in the jk:text of
    its article (the IRI before ``#``). A mention whose article text is not among ``triples`` is
    not checked: the part holding the article checks it."""
    texts: dict[str, str] = {}
    spans: dict[str, list[str]] = defaultdict(list)
    surfaces: dict[str, set[str]] = defaultdict(set)
    for t in triples:
        p, o = t.predicate.value, t.object
        if not isinstance(o, ox.Literal) or not isinstance(t.subject, ox.NamedNode):
            continue
        if p == _TEXT:
            texts[t.subject.value] = o.value
        elif p == _SPANS:
            spans[t.subject.value].append(o.value)
        elif p == _SURFACE:
            surfaces[t.subject.value].add(o.value)
    results: set[ValidationResult] = set()
    for mention, values in spans.items():
        text = texts.get(mention.split("#", 1)[0])
        if text is None or len(values) != 1:  # a second jk:spans is the shapes' sh:maxCount finding
            continue
        for problem in span_problems(text, values[0], surfaces.get(mention, set())):
            results.add(ValidationResult(
                severity="Violation", focus_node=mention, path=ONTOLOGY_NS + problem.property,
                value=problem.value, message=f"Mention {mention}: {problem.message}", component=SPANS_CHECK,
            ))
    return results


def report_text(conforms: bool, results: list[ValidationResult]) -> str:
    """A readable report in pySHACL's layout (one block per result)."""
    lines = ["Validation Report", f"Conforms: {conforms}"]
    if results:
        lines.append(f"Results ({len(results)}):")
    for r in results:
        kind = "Constraint Violation" if r.severity == "Violation" else f"Validation {r.severity}"
        lines.append(f"{kind} in {r.component or 'constraint'}:")
        lines.append(f"\tSeverity: sh:{r.severity}")
        lines.append(f"\tFocus Node: <{r.focus_node}>")
        if r.value is not None:
            lines.append(f"\tValue Node: {r.value}")
        if r.path is not None:
            lines.append(f"\tResult Path: <{r.path}>")
        lines.append(f"\tMessage: {r.message}")
    return "\n".join(lines) + "\n"


def _report(conforms: bool, results: set[ValidationResult]) -> ValidationReport:
    ordered = sorted(results, key=ValidationResult.sort_key)
    return ValidationReport(conforms=conforms, results=ordered, text=report_text(conforms, ordered))


def validate_triples(triples: Iterable[ox.Triple]) -> ValidationReport:
    """Validate one set of triples (taken as a whole) against the shapes and the span check."""
    triples = triples if isinstance(triples, (set, list, tuple)) else list(triples)
    conforms, results = _validate_part(triples, _Terms())
    spans = span_results(triples)
    return _report(conforms and not spans, set(results) | spans)


def validate_graph(data: rdflib.Graph) -> ValidationReport:
    """Validate an rdflib graph (taken as a whole) against the shapes, as :func:`validate` does."""
    nt = data.serialize(format="nt", encoding="utf-8")
    return validate_triples(ox.parse(nt, format=ox.RdfFormat.N_TRIPLES))


# --- the store, part by part --------------------------------------------------------------------


def data_graph(store: Store, graph: str | None = None) -> rdflib.Graph:
    """The triples validation reads, as an rdflib graph (one graph, or the union without the
    catalog and the ontology copy), before RDFS materialisation."""
    if graph is not None:
        return _Terms().graph(_graph_triples(store, graph))
    skipped = {catalog_graph(), ox.NamedNode(ONTOLOGY_GRAPH)}
    return _Terms().graph({q.triple for q in store.quads() if q.graph_name not in skipped})


def _graph_triples(store: Store, graph: str) -> set[ox.Triple]:
    if not store.has_graph(graph):
        raise InputError(graph, "no such graph in the store; list the graphs with `judikg stats --json`")
    return {q.triple for q in store.quads(graph)}


def _article_of(graph_name: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> str | None:
    """The article IRI owning a graph named ``jkg:article/{h}``, else None."""
    if isinstance(graph_name, ox.NamedNode) and graph_name.value.startswith(_ARTICLE_GRAPH):
        return _ARTICLE + graph_name.value[len(_ARTICLE_GRAPH):]
    return None


def _is_local(node: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple, article: str) -> bool:
    return isinstance(node, ox.NamedNode) and (node.value == article or node.value.startswith(article + "#"))


def _local_article(node: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str | None:
    """The article a node belongs to (``jkid:article/{h}`` or one of its fragments), else None."""
    if isinstance(node, ox.NamedNode) and node.value.startswith(_ARTICLE):
        return node.value.split("#", 1)[0]
    return None


@dataclass(slots=True)
class _StoreIndex:
    """What the parts share, read in one pass over the store."""

    articles: dict[str, ox.NamedNode]  # article IRI -> its graph
    shared: set[ox.Triple]  # triples whose subject no article graph owns, deduplicated
    # RDFS-entailed types, over the whole store, of every node that is not owned by the article
    # whose graph names it (entities, and article nodes that other graphs point to)
    types: dict[ox.NamedNode | ox.BlankNode, set[str]]

    def type_triples(self, node: ox.NamedNode | ox.BlankNode) -> Iterator[ox.Triple]:
        for cls in sorted(self.types.get(node, ())):
            yield ox.Triple(node, _TYPE, ox.NamedNode(cls))


def _index(store: Store) -> _StoreIndex:
    closure = rdfs_closure()
    skipped = {catalog_graph(), ox.NamedNode(ONTOLOGY_GRAPH)}
    index = _StoreIndex({}, set(), defaultdict(set))
    for quad in store.quads():
        graph = quad.graph_name
        if graph in skipped:
            continue
        subject, predicate, obj = quad.subject, quad.predicate.value, quad.object
        article = _article_of(graph)
        if article is not None:
            index.articles.setdefault(article, graph)  # type: ignore[arg-type]
        if article is None or not _is_local(subject, article):
            index.shared.add(quad.triple)
            if predicate == _TYPE.value:
                if isinstance(obj, ox.NamedNode):
                    index.types[subject].update(closure.superclasses(obj.value))  # type: ignore[index]
                continue
            if predicate in closure.domain:
                index.types[subject].update(closure.domain[predicate])  # type: ignore[index]
        # the range types a value from another graph or another owner: its part must know them
        if predicate in closure.range and not isinstance(obj, ox.Literal) and not (article and _is_local(obj, article)):
            index.types[obj].update(closure.range[predicate])  # type: ignore[index]
    return index


def _with_context(part: set[ox.Triple], index: _StoreIndex) -> set[ox.Triple]:
    """``part`` plus the asserted triples of its reified statements and the store-wide types of
    every node it points to, so that its own focus nodes see what they would in the union."""
    statements: dict[ox.NamedNode | ox.BlankNode, dict[str, object]] = defaultdict(dict)
    for t in part:
        if t.predicate in (_SUBJECT, _PREDICATE, _OBJECT):
            statements[t.subject][t.predicate.value] = t.object
    extra: set[ox.Triple] = set()
    for parts in statements.values():
        s, p, o = (parts.get(x.value) for x in (_SUBJECT, _PREDICATE, _OBJECT))
        if isinstance(s, (ox.NamedNode, ox.BlankNode)) and isinstance(p, ox.NamedNode) and o is not None:
            asserted = ox.Triple(s, p, o)  # type: ignore[arg-type]
            if asserted in index.shared:
                extra.add(asserted)
    nodes = {n for t in (*part, *extra) for n in (t.subject, t.object) if not isinstance(n, ox.Literal)}
    for node in nodes:
        extra.update(index.type_triples(node))  # type: ignore[arg-type]
    return part | extra


@lru_cache(maxsize=1)
def _anchors() -> frozenset[str]:
    """Nodes shapes target by name (sh:targetNode): whole-graph checks report offenders as values."""
    from judikg.ontology import shapes_graph

    return frozenset(str(n) for n in shapes_graph().objects(None, SH.targetNode))


@lru_cache(maxsize=1)
def _targeted_shapes() -> frozenset[rdflib.term.Node]:
    """Shapes with a target, and their property shapes: the shapes that pick focus nodes."""
    from judikg.ontology import shapes_graph

    shapes = shapes_graph()
    targeted = {s for p in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
                for s in shapes.subjects(p, None)}
    return frozenset(targeted | {p for s in targeted for p in shapes.objects(s, SH.property)})


def _owned_results(results: dict[ValidationResult, bool], owned: set[str]) -> set[ValidationResult]:
    """The results a part stands for. A node the part holds only for its types can be picked as
    a focus by a targeted shape with part of its description: those results come from the part
    owning the node. Results of value shapes (sh:node, sh:or …) on a node read only its types,
    which every part has in full; whole-graph checks report their offender as the value."""
    anchors = _anchors()
    kept = set()
    for result, from_target in results.items():
        if result.focus_node in anchors and result.focus_node not in owned:
            if result.value in owned:
                kept.add(result)
        elif result.focus_node in owned or not from_target:
            kept.add(result)
    return kept


def _batches(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _article_parts(store: Store, index: _StoreIndex) -> Iterator[set[ox.Triple]]:
    for batch in _batches(sorted(index.articles), BATCH_ARTICLES):
        part: set[ox.Triple] = set()
        for article in batch:
            part.update(q.triple for q in store.quads(index.articles[article].value) if _is_local(q.subject, article))
        yield part


def _entity_parts(index: _StoreIndex) -> Iterator[set[ox.Triple]]:
    """Shared triples grouped by subject; nodes that are only ever values come with their types."""
    by_subject: dict[ox.NamedNode | ox.BlankNode, list[ox.Triple]] = defaultdict(list)
    for t in index.shared:
        by_subject[t.subject].append(t)  # type: ignore[index]
    article_owned = set(index.articles)
    for node in index.types:
        if node not in by_subject and _local_article(node) not in article_owned:
            by_subject[node].extend(index.type_triples(node))
    part: set[ox.Triple] = set()
    for subject in sorted(by_subject, key=str):
        part.update(by_subject[subject])
        if len(part) >= BATCH_ENTITY_TRIPLES:
            yield part
            part = set()
    if part:
        yield part


def _validate_owned(part: set[ox.Triple], index: _StoreIndex, terms: _Terms) -> tuple[bool, set[ValidationResult]]:
    owned = {t.subject.value for t in part}
    _, results = _validate_part(_with_context(part, index), terms)
    mine = _owned_results(results, owned) | span_results(part)
    return not any(r.severity == "Violation" for r in mine), mine


def validate(store: Store, graph: str | None = None) -> ValidationReport:
    """Validate the store (or one named graph) against ontology/shapes.ttl; never raises on data.

    With ``graph`` the graph is validated on its own, as a standalone data graph.
    """
    terms = _Terms()
    if graph is not None:
        return validate_triples(_graph_triples(store, graph))
    index = _index(store)
    conforms, results = True, set()
    for part in chain(_article_parts(store, index), _entity_parts(index)):
        ok, found = _validate_owned(part, index, terms)
        conforms, results = conforms and ok, results | found
    return _report(conforms, results)
