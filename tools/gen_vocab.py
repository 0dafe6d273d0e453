"""Generate ``judikg/vocab.py`` (Python names for the ontology's terms) from ``ontology/judikg.ttl``.

Usage::

    python tools/gen_vocab.py           # rewrite judikg/vocab.py
    python tools/gen_vocab.py --check   # exit 1 if judikg/vocab.py is stale

The output depends only on the ontology file: terms are sorted, nothing is stamped with a time.
"""

from __future__ import annotations

import keyword
import sys
from dataclasses import dataclass
from pathlib import Path

import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from generated import generator_main  # tools/ is on sys.path when a tool runs as a script

REPO = Path(__file__).resolve().parents[1]
ONTOLOGY_FILE = REPO / "ontology" / "judikg.ttl"
OUTPUT_FILE = REPO / "judikg" / "vocab.py"

JK_NS = "https://w3id.org/judikg/ontology#"
JKROLE_NS = "https://w3id.org/judikg/role/"
JKID_NS = "https://w3id.org/judikg/id/"
JKG_NS = "https://w3id.org/judikg/graph/"
WD_NS = "http://www.wikidata.org/entity/"
ONTOLOGY_IRI = "https://w3id.org/judikg/ontology"
COMMAND = "python tools/gen_vocab.py"


@dataclass(frozen=True, slots=True)
class Term:
    """One term of the ontology as the generators see it."""

    name: str  # local name
    iri: str
    kind: str  # "class", "object property", "datatype property", "datatype", "role", "scheme"
    label_en: str


@dataclass(frozen=True, slots=True)
class Terms:
    """The ontology's own terms, each list sorted by local name."""

    classes: tuple[Term, ...]
    object_properties: tuple[Term, ...]
    datatype_properties: tuple[Term, ...]
    datatypes: tuple[Term, ...]
    roles: tuple[Term, ...]
    scheme: Term


def _english(graph: rdflib.Graph, subject: rdflib.URIRef, predicate: rdflib.URIRef) -> str:
    for value in graph.objects(subject, predicate):
        if isinstance(value, rdflib.Literal) and value.language == "en":
            return str(value)
    return ""


def _local(iri: str, namespace: str) -> str:
    return iri[len(namespace) :]


def collect_terms(graph: rdflib.Graph) -> Terms:
    """Sort the ontology's jk: and jkrole: terms into kinds (raises ValueError on a stray term)."""

    def of_type(rdf_type: rdflib.URIRef, kind: str, label_predicate: rdflib.URIRef) -> tuple[Term, ...]:
        found = [
            Term(_local(str(s), JK_NS), str(s), kind, _english(graph, s, label_predicate))
            for s in graph.subjects(RDF.type, rdf_type)
            if isinstance(s, rdflib.URIRef) and str(s).startswith(JK_NS)
        ]
        return tuple(sorted(found, key=lambda t: t.name))

    classes = of_type(OWL.Class, "class", RDFS.label)
    object_properties = of_type(OWL.ObjectProperty, "object property", RDFS.label)
    datatype_properties = of_type(OWL.DatatypeProperty, "datatype property", RDFS.label)
    datatypes = of_type(RDFS.Datatype, "datatype", RDFS.label)
    roles = tuple(
        sorted(
            (
                Term(_local(str(s), JKROLE_NS), str(s), "role", _english(graph, s, SKOS.prefLabel))
                for s in graph.subjects(RDF.type, SKOS.Concept)
                if isinstance(s, rdflib.URIRef) and str(s).startswith(JKROLE_NS)
            ),
            key=lambda t: t.name,
        )
    )
    scheme_iri = rdflib.URIRef(JKROLE_NS + "scheme")
    if (scheme_iri, RDF.type, SKOS.ConceptScheme) not in graph:
        raise ValueError(f"{ONTOLOGY_FILE}: the role scheme {scheme_iri} is not declared")
    scheme = Term("scheme", str(scheme_iri), "scheme", _english(graph, scheme_iri, RDFS.label))

    declared = {t.iri for group in (classes, object_properties, datatype_properties, datatypes, roles) for t in group}
    declared.add(str(scheme_iri))
    used = {
        str(node)
        for triple in graph
        for node in triple
        if isinstance(node, rdflib.URIRef) and str(node).startswith((JK_NS, JKROLE_NS))
    }
    undeclared = sorted(used - declared)
    if undeclared:
        raise ValueError(
            f"{ONTOLOGY_FILE}: terms used but not declared with a type: {', '.join(undeclared)}; "
            "declare each as owl:Class, owl:ObjectProperty, owl:DatatypeProperty, rdfs:Datatype or skos:Concept"
        )
    for term in (*classes, *object_properties, *datatype_properties, *datatypes):
        if not term.name.isidentifier() or keyword.iskeyword(term.name):
            raise ValueError(f"{ONTOLOGY_FILE}: {term.iri} is not usable as a Python name; rename it")
    return Terms(classes, object_properties, datatype_properties, datatypes, roles, scheme)


def load_terms(path: Path = ONTOLOGY_FILE) -> Terms:
    graph = rdflib.Graph()
    graph.parse(path, format="turtle")
    return collect_terms(graph)


def _annotation(term: Term) -> str:
    return f"    {term.name}: URIRef  # {term.label_en}" if term.label_en else f"    {term.name}: URIRef"


def _frozenset(name: str, doc: str, values: list[str]) -> list[str]:
    lines = [f"#: {doc}", f"{name}: frozenset[str] = frozenset(", "    {"]
    lines += [f'        "{v}",' for v in sorted(values)]
    lines += ["    }", ")", ""]
    return lines


def render(terms: Terms) -> str:
    """The text of judikg/vocab.py for these terms."""
    out: list[str] = [
        '"""Python names for the terms of the judikg ontology.',
        "",
        f"GENERATED from ontology/judikg.ttl by `{COMMAND}`: do not edit by hand. Change the",
        "ontology and rerun the command; tests/test_ontology.py fails while this file is stale.",
        "",
        "``JK`` and ``JKROLE`` raise ``AttributeError`` on a term the ontology does not define,",
        "so a misspelt term fails at once instead of minting a stray IRI. Role names contain",
        'hyphens: use ``ROLES["deputy-chair"]`` or ``JKROLE["deputy-chair"]``.',
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from rdflib import Namespace, URIRef",
        "from rdflib.namespace import (",
        "    DCTERMS,",
        "    FOAF,",
        "    ORG,",
        "    OWL,",
        "    PROV,",
        "    RDF,",
        "    RDFS,",
        "    SDO,",
        "    SH,",
        "    SKOS,",
        "    XSD,",
        "    DefinedNamespace,",
        ")",
        "",
        "__all__ = [",
    ]
    exported = [
        "CLASS_NAMES", "DATATYPE_NAMES", "DATATYPE_PROPERTY_NAMES", "DCTERMS", "FOAF", "JK", "JKG",
        "JKID", "JKROLE", "OBJECT_PROPERTY_NAMES", "ONTOLOGY", "ORG", "OWL", "PREFIXES",
        "PROPERTY_NAMES", "PROV", "RDF", "RDFS", "ROLES", "ROLE_SCHEME", "SCHEMA", "SDO", "SH",
        "SKOS", "WD", "XSD",
    ]
    out += [f'    "{name}",' for name in sorted(exported)]
    out += ["]", "", "#: schema.org under the prefix the project uses (rdflib calls it SDO).", "SCHEMA = SDO", ""]

    out += ["", "class JK(DefinedNamespace):", '    """judikg ontology: classes, properties and datatypes."""', ""]
    out += ["    # classes"] + [_annotation(t) for t in terms.classes] + [""]
    out += ["    # object properties"] + [_annotation(t) for t in terms.object_properties] + [""]
    out += ["    # datatype properties"] + [_annotation(t) for t in terms.datatype_properties] + [""]
    out += ["    # datatypes"] + [_annotation(t) for t in terms.datatypes] + [""]
    out += [f'    _NS = Namespace("{JK_NS}")', "    _fail = True", "", ""]

    plain_roles = [t for t in terms.roles if t.name.isidentifier() and not keyword.iskeyword(t.name)]
    extra_roles = [t for t in terms.roles if t not in plain_roles]
    out += [
        "class JKROLE(DefinedNamespace):",
        '    """SKOS concepts of the role scheme (values of org:role in a post)."""',
        "",
        _annotation(terms.scheme),
    ]
    out += [_annotation(t) for t in plain_roles]
    out += ["", "    # names that are not Python identifiers: JKROLE[\"deputy-chair\"]", "    _extras = ["]
    out += [f'        "{t.name}",' for t in extra_roles]
    out += ["    ]", f'    _NS = Namespace("{JKROLE_NS}")', "    _fail = True", "", ""]

    out += [
        "#: Entities: articles, countries, cities, organisations, people, events, agreements.",
        f'JKID = Namespace("{JKID_NS}")',
        "#: Named graphs: one per article, plus reference and ontology graphs.",
        f'JKG = Namespace("{JKG_NS}")',
        "#: Wikidata items, targets of owl:sameAs from reference entities.",
        f'WD = Namespace("{WD_NS}")',
        "#: The ontology itself (owl:Ontology).",
        f'ONTOLOGY = URIRef("{ONTOLOGY_IRI}")',
        "#: The SKOS concept scheme of roles.",
        "ROLE_SCHEME = JKROLE.scheme",
        "",
        "#: Role concepts keyed by the role names extraction uses (ingest.model.Relation.role).",
        "ROLES: dict[str, URIRef] = {",
    ]
    out += [f'    "{t.name}": JKROLE["{t.name}"],' for t in terms.roles]
    out += ["}", ""]

    out += _frozenset("CLASS_NAMES", "Local names of the ontology's classes.", [t.name for t in terms.classes])
    out += _frozenset(
        "OBJECT_PROPERTY_NAMES", "Local names of properties whose values are IRIs.",
        [t.name for t in terms.object_properties],
    )
    out += _frozenset(
        "DATATYPE_PROPERTY_NAMES", "Local names of properties whose values are literals.",
        [t.name for t in terms.datatype_properties],
    )
    out += [
        "#: Local names of all the ontology's properties.",
        "PROPERTY_NAMES: frozenset[str] = OBJECT_PROPERTY_NAMES | DATATYPE_PROPERTY_NAMES",
        "",
    ]
    out += _frozenset("DATATYPE_NAMES", "Local names of the ontology's datatypes.", [t.name for t in terms.datatypes])

    prefixes = {
        "dcterms": "DCTERMS", "foaf": "FOAF", "jk": "JK", "jkg": "JKG", "jkid": "JKID",
        "jkrole": "JKROLE", "org": "ORG", "owl": "OWL", "prov": "PROV", "rdf": "RDF",
        "rdfs": "RDFS", "schema": "SCHEMA", "sh": "SH", "skos": "SKOS", "wd": "WD", "xsd": "XSD",
    }
    out += [
        "#: Prefixes for serialisations: ``for p, ns in PREFIXES.items(): graph.bind(p, ns)``.",
        "PREFIXES: dict[str, str] = {",
    ]
    out += [f'    "{p}": str({const}),' for p, const in sorted(prefixes.items())]
    out += ["}", ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    return generator_main(
        argv, description=__doc__.splitlines()[0], ontology=ONTOLOGY_FILE, output=OUTPUT_FILE,
        render=lambda path: render(load_terms(path)), tool="gen_vocab", command=COMMAND,
    )

if __name__ == "__main__":
    sys.exit(main())
