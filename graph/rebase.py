"""Re-rooting judikg data IRIs under another base, for a release hosted on another domain.

Only the data namespaces move: entities (``id/``) and named graphs (``graph/``). The vocabulary
(``ontology#``, ``role/``) is shared by every release and keeps its w3id IRIs, so the SHACL
shapes, the JSON-LD context terms and other publishers' data still mean the same thing.
A re-based IRI stays a pure function of the canonical key: ``{base}id/country/kz`` in every
release under that base.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from judikg import iris

#: Namespaces (relative to :data:`judikg.iris.BASE`) whose IRIs a re-base rewrites.
DATA_NAMESPACES: tuple[str, ...] = ("id/", "graph/")


def normalise_base(base: str) -> str:
    """``base`` validated as an absolute IRI ending in ``/`` (added when missing)."""
    # with_base validates the IRI shape and raises IriError (a JudikgError) naming the fix
    probe = iris.with_base(iris.ID_NS, base)
    return probe[: -len("id/")]


@dataclass(frozen=True, slots=True)
class Rebaser:
    """Rewrites judikg data IRIs from :data:`judikg.iris.BASE` to ``base``; identity for the default base."""

    base: str = iris.BASE

    @classmethod
    def to(cls, base: str | None) -> Rebaser:
        return cls(iris.BASE if base is None else normalise_base(base))

    @property
    def identity(self) -> bool:
        return self.base == iris.BASE

    def iri(self, value: str) -> str:
        if self.identity or not value.startswith(iris.BASE):
            return value
        rest = value[len(iris.BASE) :]
        if rest.startswith(DATA_NAMESPACES):
            return self.base + rest
        return value

    def namespace(self, name: str) -> str:
        """The re-based IRI of a data namespace, e.g. ``namespace("id/")``."""
        return self.iri(iris.BASE + name)

    def term(self, term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple:
        if self.identity:
            return term
        if isinstance(term, ox.NamedNode):
            moved = self.iri(term.value)
            return term if moved == term.value else ox.NamedNode(moved)
        if isinstance(term, ox.Triple):  # RDF 1.2 quoted triples: rewrite inside too
            return ox.Triple(self.term(term.subject), self.term(term.predicate), self.term(term.object))  # type: ignore[arg-type]
        return term  # literals keep their text; their datatypes are vocabulary, never data IRIs

    def quad(self, quad: ox.Quad) -> ox.Quad:
        if self.identity:
            return quad
        graph = quad.graph_name
        if isinstance(graph, ox.NamedNode):
            graph = self.term(graph)  # type: ignore[assignment]
        return ox.Quad(self.term(quad.subject), self.term(quad.predicate), self.term(quad.object), graph)  # type: ignore[arg-type]

    def quads(self, quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
        return (self.quad(q) for q in quads)


__all__ = ["DATA_NAMESPACES", "Rebaser", "normalise_base"]
