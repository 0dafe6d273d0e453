"""Generate ``docs/ontology.md`` (reference page of classes, properties and roles) from ``ontology/judikg.ttl``.

Usage::

    python tools/gen_ontology_doc.py           # rewrite docs/ontology.md
    python tools/gen_ontology_doc.py --check   # exit 1 if docs/ontology.md is stale

The page depends only on the ontology file: terms are sorted, nothing is stamped with a time.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_vocab import JK_NS, ONTOLOGY_FILE, ONTOLOGY_IRI, REPO, Term, collect_terms  # noqa: E402

from generated import generator_main  # tools/ is on sys.path when a tool runs as a script

OUTPUT_FILE = REPO / "docs" / "ontology.md"
COMMAND = "python tools/gen_ontology_doc.py"
LANGUAGES = ("en", "ru", "ky", "kk")

PREFIXES: dict[str, str] = {
    "jk": JK_NS,
    "jkrole": "https://w3id.org/judikg/role/",
    "jkid": "https://w3id.org/judikg/id/",
    "jkg": "https://w3id.org/judikg/graph/",
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def curie(node: rdflib.term.Node) -> str:
    text = str(node)
    # longest namespace first so jk: never shadows a longer judikg namespace
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if text.startswith(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return f"<{text}>"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _texts(graph: rdflib.Graph, subject: rdflib.URIRef, predicate: rdflib.URIRef) -> dict[str, str]:
    found: dict[str, str] = {}
    for value in graph.objects(subject, predicate):
        if isinstance(value, rdflib.Literal) and value.language:
            found.setdefault(value.language, str(value))
    return found


def describe(graph: rdflib.Graph, node: rdflib.term.Node) -> str:
    """A class or datatype expression in short form: a CURIE or a union of CURIEs."""
    if isinstance(node, rdflib.BNode):
        members = graph.value(node, OWL.unionOf)
        if members is None:
            equivalent = graph.value(node, OWL.equivalentClass)
            return describe(graph, equivalent) if equivalent is not None else "(anonymous)"
        items = list(Collection(graph, members))
        return " ∪ ".join(f"`{curie(item)}`" for item in items)
    return f"`{curie(node)}`"


def _described(graph: rdflib.Graph, nodes: Iterable[rdflib.term.Node]) -> str:
    # sorted by their rendering: blank-node ids differ from parse to parse
    return ", ".join(sorted(describe(graph, n) for n in nodes))


def _labels_row(graph: rdflib.Graph, term: Term, predicate: rdflib.URIRef) -> str:
    labels = _texts(graph, rdflib.URIRef(term.iri), predicate)
    return " | ".join(_cell(labels.get(lang, "—")) for lang in LANGUAGES)


def _class_tree(graph: rdflib.Graph, classes: tuple[Term, ...]) -> list[str]:
    own = {t.iri for t in classes}
    parents: dict[str, list[str]] = {
        t.iri: sorted(str(p) for p in graph.objects(rdflib.URIRef(t.iri), RDFS.subClassOf) if str(p) in own)
        for t in classes
    }
    children: dict[str, list[str]] = {t.iri: [] for t in classes}
    for child, ps in parents.items():
        for parent in ps:
            children[parent].append(child)
    lines: list[str] = []

    def walk(iri: str, depth: int) -> None:
        lines.append(f"{'  ' * depth}- `{curie(rdflib.URIRef(iri))}`")
        for child in sorted(children[iri]):
            walk(child, depth + 1)

    for root in sorted(iri for iri, ps in parents.items() if not ps):
        walk(root, 0)
    return lines


def render(graph: rdflib.Graph) -> str:
    terms = collect_terms(graph)
    ontology = rdflib.URIRef(ONTOLOGY_IRI)
    title = _texts(graph, ontology, rdflib.URIRef("http://purl.org/dc/terms/title")).get("en", "judikg ontology")
    description = _texts(graph, ontology, rdflib.URIRef("http://purl.org/dc/terms/description")).get("en", "")
    version = graph.value(ontology, OWL.versionInfo)
    licence = graph.value(ontology, rdflib.URIRef("http://purl.org/dc/terms/license"))

    out: list[str] = [
        f"<!-- GENERATED from ontology/judikg.ttl by `{COMMAND}`: do not edit by hand. -->",
        "",
        f"# {title}",
        "",
        description,
        "",
        f"- IRI: `{ONTOLOGY_IRI}` (version {version})",
        f"- Licence: <{licence}>",
        "- Files: `ontology/judikg.ttl` (this page's source), `ontology/shapes.ttl` (SHACL), "
        "`ontology/context.jsonld` (JSON-LD 1.1 context); Python names in `judikg.vocab`.",
        "",
        "## Namespaces",
        "",
        "| prefix | IRI |",
        "|---|---|",
    ]
    out += [f"| `{p}:` | `{iri}` |" for p, iri in PREFIXES.items()]

    out += ["", "## Class hierarchy", ""] + _class_tree(graph, terms.classes)

    out += ["", "## Classes", "", "| class | en | ru | ky | kk |", "|---|---|---|---|---|"]
    out += [f"| `jk:{t.name}` | {_labels_row(graph, t, RDFS.label)} |" for t in terms.classes]
    out += [""]
    for term in terms.classes:
        subject = rdflib.URIRef(term.iri)
        supers = _described(graph, graph.objects(subject, RDFS.subClassOf))
        comment = _texts(graph, subject, RDFS.comment).get("en", "")
        out += [f"### jk:{term.name}", "", _cell(comment), ""]
        if supers:
            out += [f"Subclass of {supers}.", ""]

    properties = sorted(terms.object_properties + terms.datatype_properties, key=lambda t: t.name)
    out += [
        "## Properties",
        "",
        "| property | kind | domain | range | sub-property of |",
        "|---|---|---|---|---|",
    ]
    for term in properties:
        subject = rdflib.URIRef(term.iri)
        domains = _described(graph, graph.objects(subject, RDFS.domain))
        ranges = _described(graph, graph.objects(subject, RDFS.range))
        supers = _described(graph, graph.objects(subject, RDFS.subPropertyOf))
        kind = "object" if term.kind == "object property" else "datatype"
        if (subject, RDF.type, OWL.FunctionalProperty) in graph:
            kind += ", functional"
        out.append(f"| `jk:{term.name}` | {kind} | {domains or '—'} | {ranges or '—'} | {supers or '—'} |")

    out += ["", "### Property labels and comments", "", "| property | en | ru | ky | kk |", "|---|---|---|---|---|"]
    out += [f"| `jk:{t.name}` | {_labels_row(graph, t, RDFS.label)} |" for t in properties]
    out += [""]
    for term in properties:
        comment = _texts(graph, rdflib.URIRef(term.iri), RDFS.comment).get("en", "")
        out.append(f"- `jk:{term.name}`: {_cell(comment)}")

    out += ["", "## Datatypes", ""]
    for term in terms.datatypes:
        subject = rdflib.URIRef(term.iri)
        equivalent = graph.value(subject, OWL.equivalentClass)
        union = describe(graph, equivalent) if equivalent is not None else "—"
        comment = _texts(graph, subject, RDFS.comment).get("en", "")
        out += [f"- `jk:{term.name}` = {union}: {_cell(comment)}"]

    scheme = rdflib.URIRef(terms.scheme.iri)
    out += [
        "",
        "## Role scheme",
        "",
        f"`{curie(scheme)}` ({_texts(graph, scheme, RDFS.label).get('en', '')}): "
        + _cell(_texts(graph, scheme, RDFS.comment).get("en", "")),
        "",
        "A post is an `org:Membership` with `org:member` (a `jk:Person`), `org:organization` and "
        "`org:role` (one concept below); the person points to it with `jk:holdsPost`.",
        "",
        "| concept | en | ru | ky | kk | definition |",
        "|---|---|---|---|---|---|",
    ]
    for term in terms.roles:
        definition = _texts(graph, rdflib.URIRef(term.iri), SKOS.definition).get("en", "")
        out.append(f"| `jkrole:{term.name}` | {_labels_row(graph, term, SKOS.prefLabel)} | {_cell(definition)} |")
    out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    def render_path(path: Path) -> str:
        graph = rdflib.Graph()
        graph.parse(path, format="turtle")
        return render(graph)

    return generator_main(
        argv, description=__doc__.splitlines()[0], ontology=ONTOLOGY_FILE, output=OUTPUT_FILE,
        render=render_path, tool="gen_ontology_doc", command=COMMAND,
    )

if __name__ == "__main__":
    sys.exit(main())
