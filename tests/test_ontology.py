"""The ontology, its shapes, JSON-LD context and generated artefacts agree with each other."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pyoxigraph
import pyshacl
import pytest
import rdflib
import rdflib.compare
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SH, SKOS, XSD

from judikg.ontology import (
    CONTEXT_PATH,
    ONTOLOGY_PATH,
    SHAPES_PATH,
    context_document,
    ontology_graph,
    shapes_graph,
)
from judikg.vocab import (
    CLASS_NAMES,
    DATATYPE_PROPERTY_NAMES,
    JK,
    JKG,
    JKID,
    JKROLE,
    OBJECT_PROPERTY_NAMES,
    PROPERTY_NAMES,
    ROLES,
)

REPO = Path(__file__).resolve().parents[1]
JK_NS = "https://w3id.org/judikg/ontology#"
JKROLE_NS = "https://w3id.org/judikg/role/"
LANGS = ("en", "ru", "ky", "kk")

REQUIRED_CLASSES = (
    "JudicialBody Court ConstitutionalCourt SupremeCourt CourtAdministration JudicialCouncil "
    "GovernmentBody LegalAidBody Association InternationalOrganization Person Event Conference "
    "RoundTable Meeting Visit Agreement Memorandum Country City Article Mention"
).split()
REQUIRED_PROPERTIES = (
    "party signatory signedAt participant organizer location date endDate memberOf partOf country "
    "mentions holdsPost mentionOf spans surface evidenceText evidenceStart evidenceEnd "
    "extractorVersion script sha256 sourcePath text ordinal"
).split()
REQUIRED_ROLES = (
    "chair deputy-chair head deputy-head secretary-general minister deputy-minister judge "
    "president vice-president member other"
).split()

# Terms of other vocabularies the ontology may point to, spelled as their specifications do.
ALLOWED_EXTERNAL = {
    str(ORG): {"Organization", "FormalOrganization", "Membership", "Role", "memberOf",
               "subOrganizationOf", "hasMembership", "member", "organization", "role"},
    str(SDO): {"Event", "Place", "Country", "City", "GovernmentOrganization", "NewsArticle",
               "Organization", "Person", "CreativeWork", "location", "organizer", "attendee",
               "endDate", "startDate", "mentions", "text", "name", "url"},
    str(PROV): {"Entity", "Agent", "wasDerivedFrom", "generatedAtTime"},
    str(FOAF): {"Person", "Organization", "Agent"},
    str(DCTERMS): {"date", "references", "title", "description", "creator", "license", "issued",
                   "language"},
    str(SKOS): {"Concept", "ConceptScheme", "prefLabel", "definition", "inScheme", "topConceptOf",
                "hasTopConcept"},
    str(XSD): {"date", "gYearMonth", "gYear", "integer", "string", "dateTime", "anyURI"},
    str(RDF): {"type", "Statement", "langString", "subject", "predicate", "object", "first", "rest", "nil"},
    str(RDFS): {"Datatype", "label", "comment", "subClassOf", "subPropertyOf", "domain", "range"},
    str(OWL): {"Ontology", "Class", "ObjectProperty", "DatatypeProperty", "FunctionalProperty",
               "AllDisjointClasses", "members", "disjointWith", "unionOf", "equivalentClass",
               "versionInfo", "versionIRI", "inverseOf"},
    "http://purl.org/vocab/vann/": {"preferredNamespacePrefix", "preferredNamespaceUri"},
}
ALLOWED_OTHER_IRIS = {"https://creativecommons.org/licenses/by/4.0/", "https://w3id.org/judikg/ontology",
                      "https://w3id.org/judikg/ontology/0.2.0"}

# Letters that exist in Kazakh but not in Kyrgyz, and letters Russian lacks.
KAZAKH_ONLY = set("әғқұіһӘҒҚҰІҺ")
NOT_RUSSIAN = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def ont() -> rdflib.Graph:
    return ontology_graph()


def jk_terms(graph: rdflib.Graph) -> set[URIRef]:
    return {
        s for s in graph.subjects()
        if isinstance(s, URIRef) and str(s).startswith(JK_NS)
    }


def texts(graph: rdflib.Graph, subject: URIRef, predicate: URIRef) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for value in graph.objects(subject, predicate):
        assert isinstance(value, Literal) and value.language, f"{subject} {predicate} {value!r} has no language tag"
        found.setdefault(value.language, []).append(str(value))
    return found


# --- parsing -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", [ONTOLOGY_PATH, SHAPES_PATH], ids=["ontology", "shapes"])
def test_turtle_parses_identically_in_rdflib_and_pyoxigraph(path: Path) -> None:
    rdflib_graph = rdflib.Graph().parse(path, format="turtle")
    ox_triples = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(rdflib_graph) > 100
    assert len(ox_triples) == len(rdflib_graph)
    # the same IRIs in both parsers: a relative or mistyped IRI would differ
    ox_iris = {str(t.subject.value) for t in ox_triples if isinstance(t.subject, pyoxigraph.NamedNode)}
    rdflib_iris = {str(s) for s in rdflib_graph.subjects() if isinstance(s, URIRef)}
    assert ox_iris == rdflib_iris


def test_loaders_are_cached_and_paths_are_package_files() -> None:
    assert ontology_graph() is ontology_graph()
    assert shapes_graph() is shapes_graph()
    for path in (ONTOLOGY_PATH, SHAPES_PATH, CONTEXT_PATH):
        assert path.is_file() and path.parent == REPO / "ontology"
    assert context_document()["@context"]["jk"] == JK_NS


def test_ontology_header() -> None:
    graph = ont()
    onto = URIRef("https://w3id.org/judikg/ontology")
    assert (onto, RDF.type, OWL.Ontology) in graph
    assert graph.value(onto, OWL.versionInfo) is not None
    assert graph.value(onto, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert graph.value(onto, DCTERMS.creator) is not None
    assert set(texts(graph, onto, DCTERMS.title)) >= set(LANGS)
    assert set(texts(graph, onto, DCTERMS.description)) >= set(LANGS)


# --- classes, properties, roles --------------------------------------------------------------


def test_required_classes_exist_with_exact_local_names() -> None:
    graph = ont()
    missing = [n for n in REQUIRED_CLASSES if (URIRef(JK_NS + n), RDF.type, OWL.Class) not in graph]
    assert missing == []
    assert set(REQUIRED_CLASSES) <= CLASS_NAMES


def superclasses(graph: rdflib.Graph, cls: URIRef) -> set[URIRef]:
    return set(graph.transitive_objects(cls, RDFS.subClassOf)) - {cls}


@pytest.mark.parametrize(
    ("cls", "expected"),
    [
        (JK.ConstitutionalCourt, {JK.Court, JK.JudicialBody, JK.Organization, ORG.Organization, FOAF.Organization}),
        (JK.SupremeCourt, {JK.Court, JK.JudicialBody, JK.Organization, SDO.GovernmentOrganization}),
        (JK.CourtAdministration, {JK.JudicialBody}),
        (JK.JudicialCouncil, {JK.JudicialBody}),
        (JK.GovernmentBody, {JK.Organization, SDO.GovernmentOrganization}),
        (JK.Association, {JK.Organization, ORG.FormalOrganization}),
        (JK.InternationalOrganization, {JK.Organization}),
        (JK.LegalAidBody, {JK.Organization}),
        (JK.Conference, {JK.Event, SDO.Event}),
        (JK.RoundTable, {JK.Event}),
        (JK.Meeting, {JK.Event}),
        (JK.Visit, {JK.Event}),
        (JK.Memorandum, {JK.Agreement}),
        (JK.Country, {JK.Place, SDO.Country, SDO.Place}),
        (JK.City, {JK.Place, SDO.City}),
        (JK.Article, {SDO.NewsArticle, PROV.Entity}),
        (JK.Person, {FOAF.Person}),
    ],
)
def test_class_hierarchy(cls: URIRef, expected: set[URIRef]) -> None:
    assert expected <= superclasses(ont(), cls)


def test_top_classes_are_disjoint() -> None:
    graph = ont()
    groups = [
        set(Collection(graph, graph.value(node, OWL.members)))
        for node in graph.subjects(RDF.type, OWL.AllDisjointClasses)
    ]
    assert {JK.Organization, JK.Person, JK.Event, JK.Agreement, JK.Place, JK.Article, JK.Mention} in groups


def class_expression(graph: rdflib.Graph, node: rdflib.term.Node) -> set[rdflib.term.Node]:
    """A named class or datatype as a one-element set, a union as the set of its members."""
    if isinstance(node, BNode):
        members = graph.value(node, OWL.unionOf)
        if members is None:
            equivalent = graph.value(node, OWL.equivalentClass)
            assert equivalent is not None, f"anonymous expression {node} is neither a union nor equivalent to one"
            return class_expression(graph, equivalent)
        return set(Collection(graph, members))
    return {node}


@pytest.mark.parametrize("name", REQUIRED_PROPERTIES)
def test_required_property_has_domain_and_range(name: str) -> None:
    graph = ont()
    prop = URIRef(JK_NS + name)
    kinds = set(graph.objects(prop, RDF.type))
    assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}, f"jk:{name} is not declared"
    assert graph.value(prop, RDFS.domain) is not None, f"jk:{name} has no rdfs:domain"
    assert graph.value(prop, RDFS.range) is not None, f"jk:{name} has no rdfs:range"
    assert name in PROPERTY_NAMES


@pytest.mark.parametrize(
    ("prop", "domain", "range_"),
    [
        (JK.party, {JK.Agreement}, {JK.Organization}),
        (JK.signatory, {JK.Agreement}, {JK.Person}),
        (JK.signedAt, {JK.Agreement}, {JK.Event}),
        (JK.participant, {JK.Event}, {JK.Organization, JK.Person, JK.Country}),
        (JK.memberOf, {JK.Organization, JK.Person, JK.Country}, {JK.Organization}),
        (JK.location, {JK.Event, JK.Agreement}, {JK.Place}),
        (JK.mentions, {JK.Article}, {JK.Organization, JK.Person, JK.Event, JK.Agreement, JK.Place}),
        (JK.holdsPost, {JK.Person}, {ORG.Membership}),
        (JK.mentionOf, {JK.Mention}, {JK.Organization, JK.Person, JK.Event, JK.Agreement, JK.Place}),
        (JK.spans, {JK.Mention}, {XSD.string}),
        (JK.surface, {JK.Mention}, {XSD.string}),
        (JK.evidenceText, {RDF.Statement, ORG.Membership}, {XSD.string}),
    ],
)
def test_domains_and_ranges(prop: URIRef, domain: set[URIRef], range_: set[URIRef]) -> None:
    graph = ont()
    assert class_expression(graph, graph.value(prop, RDFS.domain)) == domain
    assert class_expression(graph, graph.value(prop, RDFS.range)) == range_


@pytest.mark.parametrize("prop", [JK.date, JK.endDate])
def test_dates_allow_reduced_precision(prop: URIRef) -> None:
    graph = ont()
    datatype = graph.value(prop, RDFS.range)
    assert (datatype, RDF.type, RDFS.Datatype) in graph
    union = graph.value(datatype, OWL.equivalentClass)
    assert (union, RDF.type, RDFS.Datatype) in graph
    assert class_expression(graph, union) == {XSD.date, XSD.gYearMonth, XSD.gYear}


def test_every_jk_term_is_labelled_and_commented_in_four_languages() -> None:
    graph = ont()
    problems = []
    for term in sorted(jk_terms(graph)):
        for predicate in (RDFS.label, RDFS.comment):
            found = texts(graph, term, predicate)
            for lang in LANGS:
                if len(found.get(lang, [])) != 1:
                    problems.append(f"{term} {predicate}: {len(found.get(lang, []))} values in {lang}")
    assert problems == []


def check_scripts(term: URIRef, found: dict[str, list[str]]) -> list[str]:
    """Kyrgyz and Kazakh are distinct languages: catch text pasted into the wrong tag."""
    problems = []
    ky, kk, ru = found["ky"][0], found["kk"][0], found["ru"][0]
    if set(ky) & KAZAKH_ONLY:
        problems.append(f"{term}: ky text has Kazakh-only letters: {ky}")
    if set(ru) & NOT_RUSSIAN:
        problems.append(f"{term}: ru text has Kazakh/Kyrgyz letters: {ru}")
    for lang in ("ru", "ky", "kk"):
        if not re.search("[А-Яа-яЁё]", found[lang][0]):
            problems.append(f"{term}: {lang} text is not Cyrillic: {found[lang][0]}")
    return problems


def test_comments_are_written_in_the_language_they_are_tagged_with() -> None:
    graph = ont()
    problems = []
    for term in sorted(jk_terms(graph)):
        comments = texts(graph, term, RDFS.comment)
        problems += check_scripts(term, comments)
        if comments["ky"] == comments["kk"]:
            problems.append(f"{term}: identical ky and kk comments")
    for role in ROLES.values():
        problems += check_scripts(role, texts(graph, role, SKOS.definition))
    assert problems == []


def test_supreme_court_labels() -> None:
    labels = texts(ont(), JK.SupremeCourt, RDFS.label)
    assert labels == {"en": ["Supreme Court"], "ru": ["Верховный суд"], "ky": ["Жогорку сот"], "kk": ["Жоғарғы сот"]}


def test_role_scheme() -> None:
    graph = ont()
    scheme = URIRef(JKROLE_NS + "scheme")
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
    concepts = {s for s in graph.subjects(RDF.type, SKOS.Concept) if str(s).startswith(JKROLE_NS)}
    assert concepts == {URIRef(JKROLE_NS + r) for r in REQUIRED_ROLES}
    assert set(ROLES) == set(REQUIRED_ROLES)
    for name in REQUIRED_ROLES:
        concept = ROLES[name]
        assert concept == JKROLE[name] == URIRef(JKROLE_NS + name)
        assert (concept, SKOS.inScheme, scheme) in graph
        assert (concept, SKOS.topConceptOf, scheme) in graph
        assert (scheme, SKOS.hasTopConcept, concept) in graph
        for predicate in (SKOS.prefLabel, SKOS.definition):
            found = texts(graph, concept, predicate)
            assert {lang: len(found.get(lang, [])) for lang in LANGS} == dict.fromkeys(LANGS, 1), (concept, predicate)


# --- alignments are spelled right -------------------------------------------------------------


def test_every_external_term_is_a_real_term_of_its_vocabulary() -> None:
    unknown = []
    for triple in ont():
        for node in triple:
            if not isinstance(node, URIRef) or str(node).startswith((JK_NS, JKROLE_NS)):
                continue
            iri = str(node)
            if iri in ALLOWED_OTHER_IRIS:
                continue
            namespace = next((ns for ns in ALLOWED_EXTERNAL if iri.startswith(ns)), None)
            if namespace is None or iri[len(namespace):] not in ALLOWED_EXTERNAL[namespace]:
                unknown.append(iri)
    assert sorted(set(unknown)) == []


def test_allow_list_agrees_with_rdflib_closed_namespaces() -> None:
    # rdflib ships these vocabularies' term lists: a second, independent spelling check
    for namespace in (ORG, SDO, PROV, FOAF, DCTERMS, SKOS):
        for name in ALLOWED_EXTERNAL[str(namespace)]:
            assert name in namespace, f"{namespace}{name} is not a term of {namespace}"


def test_alignments_to_standard_vocabularies() -> None:
    graph = ont()
    expected = {
        (JK.Organization, RDFS.subClassOf, ORG.Organization),
        (JK.Organization, RDFS.subClassOf, FOAF.Organization),
        (JK.Event, RDFS.subClassOf, SDO.Event),
        (JK.Place, RDFS.subClassOf, SDO.Place),
        (JK.memberOf, RDFS.subPropertyOf, ORG.memberOf),
        (JK.partOf, RDFS.subPropertyOf, ORG.subOrganizationOf),
        (JK.location, RDFS.subPropertyOf, SDO.location),
        (JK.organizer, RDFS.subPropertyOf, SDO.organizer),
        (JK.participant, RDFS.subPropertyOf, SDO.attendee),
        (JK.date, RDFS.subPropertyOf, DCTERMS.date),
        (JK.mentions, RDFS.subPropertyOf, SDO.mentions),
        (JK.holdsPost, RDFS.subPropertyOf, ORG.hasMembership),
    }
    assert {t for t in expected if t not in graph} == set()


# --- shapes and context use the ontology's terms ----------------------------------------------


def defined_terms() -> set[str]:
    graph = ont()
    return {str(t) for t in jk_terms(graph)} | {str(r) for r in ROLES.values()} | {JKROLE_NS + "scheme"}


def test_shapes_use_only_defined_terms() -> None:
    shapes = shapes_graph()
    used = {str(n) for triple in shapes for n in triple if isinstance(n, URIRef) and str(n).startswith((JK_NS, JKROLE_NS))}
    # SPARQL constraints name terms inside strings
    for query in shapes.objects(None, SH.select):
        used |= {JK_NS + name for name in re.findall(r"\bjk:(\w+)", str(query))}
    assert used, "shapes mention no jk: term at all"
    assert sorted(used - defined_terms()) == []


def test_shapes_role_list_is_the_role_scheme() -> None:
    shapes = shapes_graph()
    role_lists = [
        set(Collection(shapes, node))
        for shape in shapes.subjects(SH.path, ORG.role)
        for node in shapes.objects(shape, SH["in"])
    ]
    assert role_lists == [set(ROLES.values())]


def test_one_top_class_lists_the_disjoint_classes_of_the_ontology() -> None:
    shapes, graph = shapes_graph(), ont()
    one_top = URIRef("https://w3id.org/judikg/shapes#OneTopClass")
    listed = {shapes.value(member, SH["class"]) for member in Collection(shapes, shapes.value(one_top, SH.xone))}
    disjoint = [set(Collection(graph, graph.value(node, OWL.members)))
                for node in graph.subjects(RDF.type, OWL.AllDisjointClasses)]
    assert listed in disjoint


def test_shapes_language_list_is_the_model_languages() -> None:
    from judikg.ingest.model import LANGUAGES

    shapes = shapes_graph()
    lists = [
        {str(x) for x in Collection(shapes, node)}
        for shape in shapes.subjects(SH.path, DCTERMS.language)
        for node in shapes.objects(shape, SH["in"])
    ]
    assert lists == [set(LANGUAGES)]


def expand_curie(value: str, context: dict[str, object]) -> str:
    prefix, _, local = value.partition(":")
    namespace = context.get(prefix)
    return namespace + local if isinstance(namespace, str) and local else value


def test_context_terms_match_the_ontology() -> None:
    context = context_document()["@context"]
    assert context["@version"] == 1.1
    for prefix in ("jk", "jkid", "jkrole", "org", "schema", "prov", "dcterms", "skos", "owl", "rdfs", "xsd", "foaf"):
        assert isinstance(context.get(prefix), str), f"prefix {prefix} missing"
    assert context["jkid"] == str(JKID)

    graph = ont()
    defined = defined_terms()
    problems = []
    for term, definition in context.items():
        if term.startswith("@"):
            continue
        iri = definition if isinstance(definition, str) else definition.get("@id", "")
        full = expand_curie(iri, context)
        if full.startswith(JK_NS) and full != JK_NS and full not in defined:
            problems.append(f"context term {term} -> {full} is not in the ontology")
    for name in sorted(CLASS_NAMES):
        if expand_curie(str(context.get(name, "")), context) != JK_NS + name:
            problems.append(f"class {name} has no context term")
    for name in sorted(PROPERTY_NAMES):
        definition = context.get(name)
        if not isinstance(definition, dict) or expand_curie(definition["@id"], context) != JK_NS + name:
            problems.append(f"property {name} has no context term")
            continue
        range_ = graph.value(JK[name], RDFS.range)
        if name in OBJECT_PROPERTY_NAMES:
            expected = {"@type": "@id"}
        elif range_ == RDF.langString:
            expected = {"@container": "@language"}
        elif str(range_).startswith(str(XSD)):
            expected = {"@type": "xsd:" + str(range_)[len(str(XSD)):]}
        else:  # a union datatype: each value carries its own @type
            expected = {}
        extra = {k: v for k, v in definition.items() if k != "@id"}
        if extra != expected:
            problems.append(f"property {name}: context says {extra}, ontology range needs {expected}")
    assert problems == []


def test_context_expands_a_document_to_the_design_model() -> None:
    from pyld import jsonld

    doc = {
        "@context": context_document()["@context"],
        "@graph": [
            {
                "id": "jkid:agreement/2024-abc",
                "type": "Memorandum",
                "party": ["jkid:org/aacc", "jkid:org/kz/supreme-court"],
                "date": {"@value": "2024-05", "@type": "xsd:gYearMonth"},
                "name": {"ru": "Меморандум"},
            },
            {"id": "jkid:article/0123456789abcdef#m3-9", "type": "Mention",
             "mentionOf": "jkid:org/aacc", "surface": ["AACC's", "AACC"], "spans": "3-9 20-24"},
            {"id": "jkid:article/0123456789abcdef#s1", "type": "Statement",
             "subject": "jkid:agreement/2024-abc", "predicate": "party", "object": "jkid:org/aacc"},
        ],
    }
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    got = rdflib.Graph().parse(data=nquads, format="nt")
    expected = rdflib.Graph().parse(
        format="turtle",
        data="""
        @prefix jk: <https://w3id.org/judikg/ontology#> .
        @prefix jkid: <https://w3id.org/judikg/id/> .
        @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        jkid:agreement\\/2024-abc a jk:Memorandum ; jk:party jkid:org\\/aacc , jkid:org\\/kz\\/supreme-court ;
            jk:date "2024-05"^^xsd:gYearMonth ; jk:name "Меморандум"@ru .
        <https://w3id.org/judikg/id/article/0123456789abcdef#m3-9> a jk:Mention ;
            jk:mentionOf jkid:org\\/aacc ; jk:surface "AACC's" , "AACC" ; jk:spans "3-9 20-24" .
        <https://w3id.org/judikg/id/article/0123456789abcdef#s1> a rdf:Statement ;
            rdf:subject jkid:agreement\\/2024-abc ; rdf:predicate jk:party ; rdf:object jkid:org\\/aacc .
        """,
    )
    assert rdflib.compare.isomorphic(got, expected), got.serialize(format="turtle")


# --- generated files -------------------------------------------------------------------------


@pytest.mark.parametrize("tool", ["tools/gen_vocab.py", "tools/gen_ontology_doc.py"])
def test_generated_file_is_current(tool: str) -> None:
    result = subprocess.run([sys.executable, tool, "--check"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("tool", ["tools/gen_vocab.py", "tools/gen_ontology_doc.py"])
def test_check_detects_a_stale_file(tool: str, tmp_path: Path) -> None:
    stale = tmp_path / "out"
    stale.write_text("stale\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, tool, "--check", "--output", str(stale)], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "stale" in result.stderr


def test_vocab_names_match_the_ontology() -> None:
    graph = ont()
    classes = {str(s)[len(JK_NS):] for s in graph.subjects(RDF.type, OWL.Class) if str(s).startswith(JK_NS)}
    objects = {str(s)[len(JK_NS):] for s in graph.subjects(RDF.type, OWL.ObjectProperty)}
    datatypes = {str(s)[len(JK_NS):] for s in graph.subjects(RDF.type, OWL.DatatypeProperty)}
    assert CLASS_NAMES == classes
    assert OBJECT_PROPERTY_NAMES == objects
    assert DATATYPE_PROPERTY_NAMES == datatypes
    assert PROPERTY_NAMES == objects | datatypes
    assert JK.SupremeCourt == URIRef(JK_NS + "SupremeCourt")
    assert str(JKG) == "https://w3id.org/judikg/graph/"
    assert JKID["country/kz"] == URIRef("https://w3id.org/judikg/id/country/kz")


@pytest.mark.parametrize("misspelt", ["SupremCourt", "participants", "Organisation"])
def test_vocab_rejects_misspelt_terms(misspelt: str) -> None:
    with pytest.raises(AttributeError):
        getattr(JK, misspelt)
    with pytest.raises(AttributeError):
        JKROLE["deputy_chair"]


# --- SHACL -------------------------------------------------------------------------------------

H = "0123456789abcdef"
ARTICLE = URIRef(f"https://w3id.org/judikg/id/article/{H}")
COURT = JKID["org/kg/supreme-court"]
AACC = JKID["org/aacc"]
KG = JKID["country/kg"]
SEOUL = JKID["city/seoul"]
KR = JKID["country/kr"]
EVENT = JKID["event/2024-05-conference-1a2b"]
AGREEMENT = JKID["agreement/2024-05-3c4d"]
PERSON = JKID["person/mergaliev-a"]
MENTION = URIRef(f"{ARTICLE}#m0-11")
STATEMENT = URIRef(f"{ARTICLE}#s1")
POST = URIRef(f"{ARTICLE}#p1")
TEXT = "Жогорку сот AACC менен меморандумга кол койду."


def good_graph() -> rdflib.Graph:
    """One article's named graph in the model of docs/design.md, built by hand."""
    g = rdflib.Graph()
    sentence = Literal(TEXT)
    g += [
        (ARTICLE, RDF.type, JK.Article),
        (ARTICLE, DCTERMS.title, Literal("Сот жаңылыктары", lang="ky")),
        (ARTICLE, DCTERMS.issued, Literal("2024-05-28", datatype=XSD.date)),
        (ARTICLE, DCTERMS.language, Literal("ky")),
        (ARTICLE, JK.script, Literal("Cyrl")),
        (ARTICLE, JK.sha256, Literal(H * 4)),
        (ARTICLE, JK.sourcePath, Literal("seeds/000_example.txt")),
        (ARTICLE, SDO.url, URIRef("https://example.org/news/1")),
        (ARTICLE, PROV.generatedAtTime, Literal("2024-06-01T00:00:00+00:00", datatype=XSD.dateTime)),
        (ARTICLE, JK.extractorVersion, Literal("0.1.0")),
        (ARTICLE, JK.text, Literal(TEXT)),
        (ARTICLE, JK.mentions, COURT),
        (ARTICLE, JK.mentions, AACC),
        (ARTICLE, JK.mentions, AGREEMENT),
        (COURT, RDF.type, JK.SupremeCourt),
        (COURT, RDFS.label, Literal("Жогорку сот", lang="ky")),
        (COURT, JK.country, KG),
        (COURT, JK.memberOf, AACC),
        (AACC, RDF.type, JK.Association),
        (KG, RDF.type, JK.Country),
        (KR, RDF.type, JK.Country),
        (SEOUL, RDF.type, JK.City),
        (SEOUL, JK.country, KR),
        (EVENT, RDF.type, JK.Conference),
        (EVENT, JK.date, Literal("2024-05", datatype=XSD.gYearMonth)),
        (EVENT, JK.endDate, Literal("2024-05-30", datatype=XSD.date)),
        (EVENT, JK.location, SEOUL),
        (EVENT, JK.participant, COURT),
        (EVENT, JK.participant, PERSON),
        (EVENT, JK.organizer, AACC),
        (EVENT, JK.ordinal, Literal(4)),
        (AGREEMENT, RDF.type, JK.Memorandum),
        (AGREEMENT, JK.party, COURT),
        (AGREEMENT, JK.party, AACC),
        (AGREEMENT, JK.signatory, PERSON),
        (AGREEMENT, JK.signedAt, EVENT),
        (AGREEMENT, JK.date, Literal("2024", datatype=XSD.gYear)),
        (PERSON, RDF.type, JK.Person),
        (PERSON, RDFS.label, Literal("А. Мергалиев", lang="ky")),
        (PERSON, JK.holdsPost, POST),
        (MENTION, RDF.type, JK.Mention),
        (MENTION, JK.mentionOf, COURT),
        (MENTION, JK.surface, Literal("Жогорку сот")),
        (MENTION, JK.spans, Literal("0-11")),
        (STATEMENT, RDF.type, RDF.Statement),
        (STATEMENT, RDF.subject, AGREEMENT),
        (STATEMENT, RDF.predicate, JK.party),
        (STATEMENT, RDF.object, AACC),
        (STATEMENT, PROV.wasDerivedFrom, ARTICLE),
        (STATEMENT, JK.evidenceText, sentence),
        (STATEMENT, JK.evidenceStart, Literal(0)),
        (STATEMENT, JK.evidenceEnd, Literal(len(TEXT))),
        (STATEMENT, JK.extractorVersion, Literal("0.1.0")),
        (POST, RDF.type, ORG.Membership),
        (POST, ORG.member, PERSON),
        (POST, ORG.organization, COURT),
        (POST, ORG.role, ROLES["chair"]),
    ]
    return g


def validate(graph: rdflib.Graph) -> tuple[bool, set[tuple[str, str]]]:
    """(conforms, {(path, or "focus"/"value" and the node, constraint component)}) as judikg validates:
    data materialised with the ontology's RDFS closure, pySHACL without inference."""
    from judikg.graph.validate import validate_graph

    report = validate_graph(graph)
    results = set()
    for r in report.results:
        results.add((r.path if r.path is not None else f"focus {r.focus_node}", r.component))
        if r.value is not None:
            results.add((f"value {r.value}", r.component))
    return report.conforms, results


def validate_with_pyshacl_inference(graph: rdflib.Graph) -> tuple[bool, set[tuple[str, str]]]:
    """The same, the way shapes.ttl documents for any SHACL user: pySHACL's own RDFS inference."""
    conforms, report, _ = pyshacl.validate(
        graph, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="rdfs"
    )
    results = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        path, value = report.value(result, SH.resultPath), report.value(result, SH.value)
        component = str(report.value(result, SH.sourceConstraintComponent)).rsplit("#", 1)[-1]
        results.add((str(path) if path is not None else f"focus {report.value(result, SH.focusNode)}", component))
        if value is not None:
            results.add((f"value {value}", component))
    return conforms, results


def test_hand_built_article_graph_conforms() -> None:
    conforms, results = validate(good_graph())
    assert conforms, results


def replace(subject: URIRef, predicate: URIRef, value: rdflib.term.Node) -> Callable[[rdflib.Graph], None]:
    def mutate(g: rdflib.Graph) -> None:
        g.set((subject, predicate, value))

    return mutate


def add(subject: URIRef, predicate: URIRef, value: rdflib.term.Node) -> Callable[[rdflib.Graph], None]:
    def mutate(g: rdflib.Graph) -> None:
        g.add((subject, predicate, value))

    return mutate


def swap_party_for_person(g: rdflib.Graph) -> None:
    g.remove((AGREEMENT, JK.party, COURT))
    g.add((AGREEMENT, JK.party, PERSON))


def remove(subject: URIRef, predicate: URIRef) -> Callable[[rdflib.Graph], None]:
    def mutate(g: rdflib.Graph) -> None:
        g.remove((subject, predicate, None))

    return mutate


BROKEN = [
    pytest.param(replace(MENTION, JK.spans, Literal("0-11,12-15")), (str(JK.spans), "PatternConstraintComponent"),
                 id="spans-not-space-separated"),
    pytest.param(replace(EVENT, JK.date, Literal("May 2024")), (str(JK.date), "NodeConstraintComponent"),
                 id="date-as-free-text"),
    pytest.param(swap_party_for_person, (str(JK.party), "NodeConstraintComponent"), id="party-is-a-person"),
    pytest.param(replace(POST, ORG.role, URIRef(JKROLE_NS + "boss")), (str(ORG.role), "InConstraintComponent"),
                 id="role-outside-scheme"),
    pytest.param(replace(MENTION, JK.surface, Literal("Жогорку")),
                 (str(JK.spans), "MentionSpansCheck"), id="surface-does-not-fit-spans"),
    pytest.param(replace(MENTION, JK.spans, Literal(0)), (str(JK.spans), "DatatypeConstraintComponent"),
                 id="spans-as-integer"),
    pytest.param(replace(STATEMENT, RDF.object, JKID["org/venice-commission"]),
                 (f"value {STATEMENT}", "SPARQLConstraintComponent"), id="reified-but-not-asserted"),
    pytest.param(replace(STATEMENT, PROV.wasDerivedFrom, COURT),
                 (str(PROV.wasDerivedFrom), "NodeConstraintComponent"), id="evidence-not-from-article"),
    pytest.param(add(COURT, RDFS.label, Literal("Supreme Court")),
                 (str(RDFS.label), "DatatypeConstraintComponent"), id="label-without-language"),
    pytest.param(replace(ARTICLE, JK.sha256, Literal("ABC")), (str(JK.sha256), "PatternConstraintComponent"),
                 id="bad-sha256"),
    pytest.param(replace(ARTICLE, DCTERMS.language, Literal("kz")), (str(DCTERMS.language), "InConstraintComponent"),
                 id="unknown-language"),
    pytest.param(replace(ARTICLE, DCTERMS.issued, Literal("2024-05-28T10:00:00", datatype=XSD.dateTime)),
                 (str(DCTERMS.issued), "NodeConstraintComponent"), id="issued-as-datetime"),
    pytest.param(replace(EVENT, JK.location, COURT), (str(JK.location), "NodeConstraintComponent"),
                 id="event-located-at-a-court"),
    pytest.param(replace(COURT, JK.country, SEOUL), (str(JK.country), "NodeConstraintComponent"),
                 id="country-is-a-city"),
    pytest.param(replace(POST, ORG.member, AACC), (str(ORG.member), "NodeConstraintComponent"),
                 id="post-held-by-an-organization"),
    pytest.param(add(MENTION, JK.spans, Literal("0-7")), (str(JK.spans), "MaxCountConstraintComponent"),
                 id="two-spans-values"),
    pytest.param(remove(MENTION, JK.spans), (str(JK.spans), "MinCountConstraintComponent"), id="no-spans"),
    pytest.param(remove(MENTION, JK.surface), (str(JK.surface), "MinCountConstraintComponent"), id="no-surface"),
    pytest.param(add(MENTION, JK.surface, Literal("сот")), (str(JK.surface), "MentionSpansCheck"),
                 id="surface-at-no-span"),
]


@pytest.mark.parametrize(("mutate", "expected"), BROKEN)
def test_broken_graph_is_rejected_at_the_right_path(
    mutate: Callable[[rdflib.Graph], None], expected: tuple[str, str]
) -> None:
    graph = good_graph()
    mutate(graph)
    conforms, results = validate(graph)
    assert not conforms
    assert expected in results, results


@pytest.mark.slow
@pytest.mark.parametrize(("mutate", "expected"), [BROKEN[i] for i in (0, 2, 6, 13, 14)])
def test_materialised_closure_gives_the_verdicts_of_pyshacl_inference(
    mutate: Callable[[rdflib.Graph], None], expected: tuple[str, str]
) -> None:
    """judikg materialises the ontology's RDFS closure instead of running pySHACL's inference
    (owlrl, seconds per call): on graphs whose faults depend on inference, both agree exactly."""
    graph = good_graph()
    mutate(graph)
    fast = validate(graph)
    assert expected in fast[1]
    assert fast == validate_with_pyshacl_inference(graph)


@settings(max_examples=6, deadline=None)
@given(
    start=st.integers(min_value=0, max_value=len(TEXT) - 1),
    length=st.integers(min_value=1, max_value=len(TEXT)),
    shift=st.integers(min_value=-3, max_value=3),
)
def test_mention_spans_must_delimit_the_surface(start: int, length: int, shift: int) -> None:
    end = min(start + length, len(TEXT))
    graph = good_graph()
    graph.set((MENTION, JK.surface, Literal(TEXT[start:end])))
    graph.set((MENTION, JK.spans, Literal(f"{start}-{end + shift}")))
    conforms, results = validate(graph)
    assert conforms == (shift == 0), results


def test_shapes_spans_pattern_is_the_one_rdfize_writes() -> None:
    from judikg.graph.mention_spans import SPANS_PATTERN

    patterns = {str(o) for shape in shapes_graph().subjects(SH.path, JK.spans) for o in shapes_graph().objects(shape, SH.pattern)}
    assert patterns == {SPANS_PATTERN}
