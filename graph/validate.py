"""SHACL validation of the store (or one graph) with pySHACL, as a report with severities.

The data graph is the union of the store's graphs (the catalog left out: it is bookkeeping),
handed to rdflib as N-Triples written by pyoxigraph; shapes are ontology/shapes.ttl, the
ontology is mixed in for RDFS inference so that a jk:SupremeCourt is also a jk:Court.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDF, SH

from judikg.errors import InputError
from judikg.graph.store import Store, catalog_graph


@dataclass(frozen=True, slots=True)
class ValidationResult:
    severity: str  # "Violation" | "Warning" | "Info"
    focus_node: str
    path: str | None
    value: str | None
    message: str


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


def data_graph(store: Store, graph: str | None = None) -> rdflib.Graph:
    """The triples to validate as an rdflib graph (union of graphs, or one graph)."""
    if graph is not None and not store.has_graph(graph):
        raise InputError(graph, "no such graph in the store; list the graphs with `judikg stats --json`")
    catalog = catalog_graph()
    triples = {q.triple for q in store.quads(graph) if graph is not None or q.graph_name != catalog}
    data = rdflib.Graph()
    if triples:
        data.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    return data


def _text(term: rdflib.term.Node | None) -> str | None:
    return None if term is None else str(term)


def validate(store: Store, graph: str | None = None) -> ValidationReport:
    """Validate the store (or one named graph) against ontology/shapes.ttl; never raises on data."""
    from pyshacl import validate as shacl_validate

    from judikg.ontology import ontology_graph, shapes_graph

    conforms, results_graph, text = shacl_validate(
        data_graph(store, graph),
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph(),
        inference="rdfs",
        abort_on_first=False,
        allow_warnings=True,
        advanced=True,
    )
    results: list[ValidationResult] = []
    for node in results_graph.subjects(RDF.type, SH.ValidationResult):
        severity = results_graph.value(node, SH.resultSeverity)
        results.append(
            ValidationResult(
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
                focus_node=str(results_graph.value(node, SH.focusNode)),
                path=_text(results_graph.value(node, SH.resultPath)),
                value=_text(results_graph.value(node, SH.value)),
                message=str(results_graph.value(node, SH.resultMessage) or ""),
            )
        )
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    results.sort(key=lambda r: (order.get(r.severity, 3), r.focus_node, r.path or "", r.value or "", r.message))
    return ValidationReport(conforms=bool(conforms), results=results, text=str(text))
