"""Python names for the terms of the judikg ontology.

GENERATED from ontology/judikg.ttl by `python tools/gen_vocab.py`: do not edit by hand. Change the
ontology and rerun the command; tests/test_ontology.py fails while this file is stale.

``JK`` and ``JKROLE`` raise ``AttributeError`` on a term the ontology does not define,
so a misspelt term fails at once instead of minting a stray IRI. Role names contain
hyphens: use ``ROLES["deputy-chair"]`` or ``JKROLE["deputy-chair"]``.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
    XSD,
    DefinedNamespace,
)

__all__ = [
    "CLASS_NAMES",
    "DATATYPE_NAMES",
    "DATATYPE_PROPERTY_NAMES",
    "DCTERMS",
    "FOAF",
    "JK",
    "JKG",
    "JKID",
    "JKROLE",
    "OBJECT_PROPERTY_NAMES",
    "ONTOLOGY",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROPERTY_NAMES",
    "PROV",
    "RDF",
    "RDFS",
    "ROLES",
    "ROLE_SCHEME",
    "SCHEMA",
    "SDO",
    "SH",
    "SKOS",
    "WD",
    "XSD",
]

#: schema.org under the prefix the project uses (rdflib calls it SDO).
SCHEMA = SDO


class JK(DefinedNamespace):
    """judikg ontology: classes, properties and datatypes."""

    # classes
    Agreement: URIRef  # Agreement
    Article: URIRef  # News article
    Association: URIRef  # Association
    City: URIRef  # City
    Conference: URIRef  # Conference
    Congress: URIRef  # Congress
    ConstitutionalCourt: URIRef  # Constitutional Court
    Country: URIRef  # Country
    Court: URIRef  # Court
    CourtAdministration: URIRef  # Court administration
    Declaration: URIRef  # Declaration
    Event: URIRef  # Event
    Forum: URIRef  # Forum
    GovernmentBody: URIRef  # Government body
    InternationalOrganization: URIRef  # International organization
    JudicialBody: URIRef  # Judicial body
    JudicialCouncil: URIRef  # Judicial council
    LegalAidBody: URIRef  # Legal aid body
    Meeting: URIRef  # Meeting
    Memorandum: URIRef  # Memorandum
    Mention: URIRef  # Mention
    Organization: URIRef  # Organization
    Person: URIRef  # Person
    Place: URIRef  # Place
    Protocol: URIRef  # Protocol
    Resolution: URIRef  # Resolution
    RoundTable: URIRef  # Round table
    SupremeCourt: URIRef  # Supreme Court
    Visit: URIRef  # Visit

    # object properties
    country: URIRef  # country
    holdsPost: URIRef  # holds post
    location: URIRef  # location
    memberOf: URIRef  # member of
    mentionOf: URIRef  # mention of
    mentions: URIRef  # mentions
    organizer: URIRef  # organizer
    partOf: URIRef  # part of
    participant: URIRef  # participant
    party: URIRef  # party
    signatory: URIRef  # signatory
    signedAt: URIRef  # signed at

    # datatype properties
    date: URIRef  # date
    endDate: URIRef  # end date
    evidenceEnd: URIRef  # evidence end offset
    evidenceStart: URIRef  # evidence start offset
    evidenceText: URIRef  # evidence text
    extractorVersion: URIRef  # extractor version
    name: URIRef  # name
    ordinal: URIRef  # ordinal number
    script: URIRef  # script
    sha256: URIRef  # SHA-256 digest
    sourcePath: URIRef  # source path
    spans: URIRef  # spans
    surface: URIRef  # surface form
    text: URIRef  # text

    # datatypes
    ReducedPrecisionDate: URIRef  # date of reduced precision

    _NS = Namespace("https://w3id.org/judikg/ontology#")
    _fail = True


class JKROLE(DefinedNamespace):
    """SKOS concepts of the role scheme (values of org:role in a post)."""

    scheme: URIRef  # Roles in judicial and government bodies
    chair: URIRef  # chair
    head: URIRef  # head
    judge: URIRef  # judge
    member: URIRef  # member
    minister: URIRef  # minister
    other: URIRef  # other post
    president: URIRef  # president

    # names that are not Python identifiers: JKROLE["deputy-chair"]
    _extras = [
        "deputy-chair",
        "deputy-head",
        "deputy-minister",
        "secretary-general",
        "vice-president",
    ]
    _NS = Namespace("https://w3id.org/judikg/role/")
    _fail = True


#: Entities: articles, countries, cities, organisations, people, events, agreements.
JKID = Namespace("https://w3id.org/judikg/id/")
#: Named graphs: one per article, plus reference and ontology graphs.
JKG = Namespace("https://w3id.org/judikg/graph/")
#: Wikidata items, targets of owl:sameAs from reference entities.
WD = Namespace("http://www.wikidata.org/entity/")
#: The ontology itself (owl:Ontology).
ONTOLOGY = URIRef("https://w3id.org/judikg/ontology")
#: The SKOS concept scheme of roles.
ROLE_SCHEME = JKROLE.scheme

#: Role concepts keyed by the role names extraction uses (ingest.model.Relation.role).
ROLES: dict[str, URIRef] = {
    "chair": JKROLE["chair"],
    "deputy-chair": JKROLE["deputy-chair"],
    "deputy-head": JKROLE["deputy-head"],
    "deputy-minister": JKROLE["deputy-minister"],
    "head": JKROLE["head"],
    "judge": JKROLE["judge"],
    "member": JKROLE["member"],
    "minister": JKROLE["minister"],
    "other": JKROLE["other"],
    "president": JKROLE["president"],
    "secretary-general": JKROLE["secretary-general"],
    "vice-president": JKROLE["vice-president"],
}

#: Local names of the ontology's classes.
CLASS_NAMES: frozenset[str] = frozenset(
    {
        "Agreement",
        "Article",
        "Association",
        "City",
        "Conference",
        "Congress",
        "ConstitutionalCourt",
        "Country",
        "Court",
        "CourtAdministration",
        "Declaration",
        "Event",
        "Forum",
        "GovernmentBody",
        "InternationalOrganization",
        "JudicialBody",
        "JudicialCouncil",
        "LegalAidBody",
        "Meeting",
        "Memorandum",
        "Mention",
        "Organization",
        "Person",
        "Place",
        "Protocol",
        "Resolution",
        "RoundTable",
        "SupremeCourt",
        "Visit",
    }
)

#: Local names of properties whose values are IRIs.
OBJECT_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "country",
        "holdsPost",
        "location",
        "memberOf",
        "mentionOf",
        "mentions",
        "organizer",
        "partOf",
        "participant",
        "party",
        "signatory",
        "signedAt",
    }
)

#: Local names of properties whose values are literals.
DATATYPE_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "date",
        "endDate",
        "evidenceEnd",
        "evidenceStart",
        "evidenceText",
        "extractorVersion",
        "name",
        "ordinal",
        "script",
        "sha256",
        "sourcePath",
        "spans",
        "surface",
        "text",
    }
)

#: Local names of all the ontology's properties.
PROPERTY_NAMES: frozenset[str] = OBJECT_PROPERTY_NAMES | DATATYPE_PROPERTY_NAMES

#: Local names of the ontology's datatypes.
DATATYPE_NAMES: frozenset[str] = frozenset(
    {
        "ReducedPrecisionDate",
    }
)

#: Prefixes for serialisations: ``for p, ns in PREFIXES.items(): graph.bind(p, ns)``.
PREFIXES: dict[str, str] = {
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "jk": str(JK),
    "jkg": str(JKG),
    "jkid": str(JKID),
    "jkrole": str(JKROLE),
    "org": str(ORG),
    "owl": str(OWL),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "schema": str(SCHEMA),
    "sh": str(SH),
    "skos": str(SKOS),
    "wd": str(WD),
    "xsd": str(XSD),
}
