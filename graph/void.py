"""The VoID description of a release: counts, partitions, dumps, endpoint and the Wikidata linkset.

Every number is computed here from the very triples the release dumps, so a harvester's
statistics match the files. Partition and linkset nodes are hash IRIs inside ``void.ttl``
named from their class or property (never blank nodes), so two releases of one input write
identical bytes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, FOAF, OWL, RDF, SKOS, VOID, XSD

from judikg.graph.terms import WIKIDATA_ENTITY
from judikg.iris import short_hash, slug

#: Where the VoID document sits in a release (relative to its base).
VOID_PATH = "void.ttl"
WIKIDATA_SPARQL = "https://query.wikidata.org/sparql"
#: Predicates that link an entity to its Wikidata item (only verified links are written).
LINK_PREDICATES: tuple[str, ...] = (str(OWL.sameAs), str(SKOS.exactMatch))
_EXAMPLES = 3


def _n(value: object) -> ox.NamedNode:
    return ox.NamedNode(str(value))


def _count(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_n(XSD.integer))


def vocabulary_of(term_iri: str) -> str:
    """The namespace a term belongs to: everything up to its last ``#`` or ``/``."""
    cut = max(term_iri.rfind("#"), term_iri.rfind("/"))
    return term_iri[: cut + 1] if cut >= 0 else term_iri


def _local(term_iri: str) -> str:
    return term_iri[len(vocabulary_of(term_iri)) :] or "term"


@dataclass(slots=True)
class VoidCounts:
    """What :func:`void_counts` found; the VoID triples state exactly these numbers."""

    triples: int = 0
    entities: int = 0
    distinct_subjects: int = 0
    distinct_objects: int = 0
    classes: dict[str, int] = field(default_factory=dict)  # class IRI → distinct instances
    properties: dict[str, int] = field(default_factory=dict)  # property IRI → triples
    links: dict[str, int] = field(default_factory=dict)  # link predicate → triples to Wikidata
    examples: tuple[str, ...] = ()
    vocabularies: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "triples": self.triples,
            "entities": self.entities,
            "distinct_subjects": self.distinct_subjects,
            "distinct_objects": self.distinct_objects,
            "classes": len(self.classes),
            "properties": len(self.properties),
            "wikidata_links": sum(self.links.values()),
        }


def void_counts(triples: Iterable[ox.Triple], uri_space: str) -> VoidCounts:
    """Counts over a set of triples; ``uri_space`` is the entity namespace (``{base}id/``)."""
    rdf_type = str(RDF.type)
    wikidata = str(WIKIDATA_ENTITY)
    subjects: set[str] = set()
    objects: set[str] = set()
    per_class: dict[str, set[str]] = {}
    per_property: Counter[str] = Counter()
    links: Counter[str] = Counter({p: 0 for p in LINK_PREDICATES[:1]})  # owl:sameAs is always stated
    described: Counter[str] = Counter()
    total = 0
    for triple in triples:
        total += 1
        subject, predicate = str(triple.subject), triple.predicate.value
        subjects.add(subject)
        objects.add(str(triple.object))
        per_property[predicate] += 1
        if predicate == rdf_type:
            per_class.setdefault(triple.object.value, set()).add(subject)  # type: ignore[union-attr]
        if predicate in LINK_PREDICATES and isinstance(triple.object, ox.NamedNode) and triple.object.value.startswith(wikidata):
            links[predicate] += 1
        if isinstance(triple.subject, ox.NamedNode):
            described[triple.subject.value] += 1
    entities = sorted(s for s in described if s.startswith(uri_space))
    # Examples: the richest descriptions of non-article entities, ties broken by IRI.
    candidates = [s for s in entities if "#" not in s and not s.startswith(uri_space + "article/")]
    examples = tuple(sorted(candidates, key=lambda s: (-described[s], s))[:_EXAMPLES])
    vocabularies = {vocabulary_of(p) for p in per_property} | {vocabulary_of(c) for c in per_class}
    return VoidCounts(
        triples=total,
        entities=len(entities),
        distinct_subjects=len(subjects),
        distinct_objects=len(objects),
        classes={c: len(per_class[c]) for c in sorted(per_class)},
        properties=dict(sorted(per_property.items())),
        links=dict(sorted(links.items())),
        examples=examples,
        vocabularies=tuple(sorted(vocabularies)),
    )


@dataclass(frozen=True, slots=True)
class VoidSettings:
    base: str  # the release base, ending in "/"
    uri_space: str  # the entity namespace under it
    title: str
    license: str
    sparql_endpoint: str
    dumps: Sequence[str]  # absolute IRIs of the data dumps
    features: Sequence[str] = ()  # W3C format IRIs of the dumps


def dataset_iri(base: str) -> str:
    """The IRI of the release's dataset (described by both void.ttl and dcat.ttl)."""
    return f"{base}{VOID_PATH}#dataset"


def void_triples(counts: VoidCounts, settings: VoidSettings) -> list[ox.Triple]:
    """The VoID description, sorted; one class/property partition per class/property."""
    doc = settings.base + VOID_PATH
    dataset = _n(dataset_iri(settings.base))
    wikidata = _n(doc + "#wikidata")
    a = _n(RDF.type)
    out: list[ox.Triple] = []

    def add(s: ox.NamedNode, p: object, o: ox.NamedNode | ox.Literal) -> None:
        out.append(ox.Triple(s, _n(p), o))

    out.append(ox.Triple(dataset, a, _n(VOID.Dataset)))
    add(dataset, DCTERMS.title, ox.Literal(settings.title, language="en"))
    add(dataset, DCTERMS.license, _n(settings.license))
    add(dataset, FOAF.homepage, _n(settings.base))
    add(dataset, VOID.triples, _count(counts.triples))
    add(dataset, VOID.entities, _count(counts.entities))
    add(dataset, VOID.distinctSubjects, _count(counts.distinct_subjects))
    add(dataset, VOID.distinctObjects, _count(counts.distinct_objects))
    add(dataset, VOID.classes, _count(len(counts.classes)))
    add(dataset, VOID.properties, _count(len(counts.properties)))
    add(dataset, VOID.uriSpace, ox.Literal(settings.uri_space))
    add(dataset, VOID.sparqlEndpoint, _n(settings.sparql_endpoint))
    for dump in settings.dumps:
        add(dataset, VOID.dataDump, _n(dump))
    for feature in settings.features:
        add(dataset, VOID.feature, _n(feature))
    for example in counts.examples:
        add(dataset, VOID.exampleResource, _n(example))
    for vocabulary in counts.vocabularies:
        add(dataset, VOID.vocabulary, _n(vocabulary))
    for cls, n in counts.classes.items():
        node = _n(f"{doc}#class-{slug(_local(cls))}-{short_hash(cls)}")
        add(dataset, VOID.classPartition, node)
        add(node, VOID["class"], _n(cls))
        add(node, VOID.entities, _count(n))
    for prop, n in counts.properties.items():
        node = _n(f"{doc}#property-{slug(_local(prop))}-{short_hash(prop)}")
        add(dataset, VOID.propertyPartition, node)
        add(node, VOID.property, _n(prop))
        add(node, VOID.triples, _count(n))
    out.append(ox.Triple(wikidata, a, _n(VOID.Dataset)))
    add(wikidata, DCTERMS.title, ox.Literal("Wikidata", language="en"))
    add(wikidata, FOAF.homepage, _n("https://www.wikidata.org/"))
    add(wikidata, VOID.uriSpace, ox.Literal(str(WIKIDATA_ENTITY)))
    add(wikidata, VOID.sparqlEndpoint, _n(WIKIDATA_SPARQL))
    for predicate, n in counts.links.items():
        linkset = _n(f"{doc}#links-wikidata-{_local(predicate)}")
        out.append(ox.Triple(linkset, a, _n(VOID.Linkset)))
        add(dataset, VOID.subset, linkset)
        add(linkset, VOID.subjectsTarget, dataset)
        add(linkset, VOID.objectsTarget, wikidata)
        add(linkset, VOID.target, dataset)
        add(linkset, VOID.target, wikidata)
        add(linkset, VOID.linkPredicate, _n(predicate))
        add(linkset, VOID.triples, _count(n))
    return sorted(set(out), key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def read_counts(triples: Iterable[ox.Triple], base: str) -> Mapping[str, int]:
    """The dataset-level numbers a VoID document states (for checks): property local name → value."""
    dataset = dataset_iri(base)
    found: dict[str, int] = {}
    for triple in triples:
        if str(triple.subject) == f"<{dataset}>" and isinstance(triple.object, ox.Literal) and triple.predicate.value.startswith(str(VOID)):
            if triple.object.datatype.value == str(XSD.integer):
                found[_local(triple.predicate.value)] = int(triple.object.value)
    return found


__all__ = [
    "LINK_PREDICATES",
    "VOID_PATH",
    "VoidCounts",
    "VoidSettings",
    "dataset_iri",
    "read_counts",
    "void_counts",
    "void_triples",
    "vocabulary_of",
]
