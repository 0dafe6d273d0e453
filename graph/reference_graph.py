"""Canonical reference entities and the ontology as quads: ``jkg:reference`` and ``jkg:ontology``.

Articles only say what they state about an entity; names in every language, aliases, the
country and the verified Wikidata item live once in ``jkg:reference``, loaded from
``judikg.ontology.reference`` (the JSON files). The ontology itself goes to ``jkg:ontology`` so
that SPARQL over the union can read class labels and the role scheme.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from pyoxigraph import NamedNode, Quad, RdfFormat, parse

from judikg.errors import ReferenceDataError
from judikg.graph.terms import TermError, iri, jk, std, text_literal
from judikg.iris import ONTOLOGY_GRAPH, REFERENCE_GRAPH, country_iri

_QID = re.compile(r"Q[1-9]\d*")
_ALPHA2 = re.compile(r"[A-Za-z]{2}")


def _field(record: object, name: str) -> object:
    """Records may be dataclasses or plain dicts, depending on the loader's version."""
    if isinstance(record, Mapping):
        return record.get(name)
    return getattr(record, name, None)


def _country_node(value: str) -> NamedNode:
    return iri(country_iri(value) if _ALPHA2.fullmatch(value) else value)


def record_quads(record: object, graph: NamedNode) -> list[Quad]:
    """The description of one reference entity (country, city or organisation)."""
    key = _field(record, "key")
    try:
        node = iri(str(_field(record, "iri")))
        kind = jk(str(_field(record, "type")))
    except TermError as exc:
        raise ReferenceDataError(f"reference record {key!r}: {exc}; fix its iri or type in ontology/reference/") from exc
    out = [Quad(node, std("rdf", "type"), kind, graph)]
    labels = _field(record, "labels") or {}
    assert isinstance(labels, Mapping)
    for lang in sorted(labels):
        if labels[lang]:
            label = text_literal(str(labels[lang]), lang)
            out.append(Quad(node, std("skos", "prefLabel"), label, graph))
            out.append(Quad(node, std("rdfs", "label"), label, graph))
    aliases = _field(record, "aliases") or {}
    assert isinstance(aliases, Mapping)
    for lang in sorted(aliases):
        for alias in sorted(set(aliases[lang] or ())):
            if alias and alias != labels.get(lang):
                out.append(Quad(node, std("skos", "altLabel"), text_literal(str(alias), lang), graph))
    country = _field(record, "country")
    if country:
        out.append(Quad(node, jk("country"), _country_node(str(country)), graph))
    wikidata = _field(record, "wikidata")
    if wikidata:
        qid = str(wikidata).rsplit("/", 1)[-1]
        if not _QID.fullmatch(qid):
            raise ReferenceDataError(f"reference record {key!r}: wikidata {wikidata!r} is not an item id like Q813")
        out.append(Quad(node, std("owl", "sameAs"), std("wd", qid), graph))
    return out


def reference_entity_quads(records: Iterable[object]) -> list[Quad]:
    graph = iri(REFERENCE_GRAPH)
    quads = {q for record in records for q in record_quads(record, graph)}
    return sorted(quads, key=str)


def ontology_quads() -> list[Quad]:
    """ontology/judikg.ttl parsed by pyoxigraph into ``jkg:ontology``."""
    from judikg.ontology import ONTOLOGY_PATH

    try:
        graph = iri(ONTOLOGY_GRAPH)
        triples = parse(ONTOLOGY_PATH.read_bytes(), RdfFormat.TURTLE)
        return [Quad(t.subject, t.predicate, t.object, graph) for t in triples]
    except (OSError, SyntaxError) as exc:
        raise ReferenceDataError(f"{ONTOLOGY_PATH}: cannot read the ontology ({exc}); reinstall judikg") from exc


def reference_quads() -> list[Quad]:
    """Everything ``Store.load_reference`` loads: reference entities, then the ontology."""
    from judikg.ontology.reference import load

    reference = load()
    records = [*reference.countries, *reference.cities, *reference.organizations]
    return reference_entity_quads(records) + ontology_quads()
