"""pyoxigraph terms for the vocabulary judikg writes, built once from the generated vocabulary.

IRIs come from :mod:`judikg.vocab` (generated from the ontology: a misspelt term raises) and
rdflib's standard namespaces; this module only turns them into pyoxigraph nodes and caches
them, because constructing a NamedNode validates the IRI and rdfize needs hundreds per article.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, Triple
from rdflib import Namespace
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

from judikg.errors import JudikgError
from judikg.vocab import JK, JKROLE

Term = NamedNode | BlankNode | Literal | Triple

#: Wikidata items (owl:sameAs targets). Not in judikg.vocab yet; move it there (with a "wd"
#: prefix in PREFIXES) when the vocabulary generator learns external namespaces.
WIKIDATA_ENTITY = Namespace("http://www.wikidata.org/entity/")

# Fixed namespaces, looked up by the prefix they carry in design.md; only names listed here can
# be asked for, so a typo fails loudly instead of minting a new IRI.
_STANDARD = {
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "prov": PROV,
    "org": ORG,
    "schema": SDO,
    "wd": WIKIDATA_ENTITY,
}

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class TermError(JudikgError):
    """A value cannot be written as the RDF term the model asks for (a bug upstream)."""


@lru_cache(maxsize=65536)  # bounded: entity IRIs are unbounded over a corpus
def iri(value: str) -> NamedNode:
    """A NamedNode for an IRI computed elsewhere (judikg.iris, extraction): cached, validated."""
    try:
        return NamedNode(str(value))
    except ValueError as exc:
        raise TermError(f"{value!r} is not a valid IRI: {exc}; mint IRIs with judikg.iris") from exc


@cache
def jk(name: str) -> NamedNode:
    """``jk:{name}``; raises for a name the ontology does not define."""
    try:
        return NamedNode(str(JK[name]))
    except (AttributeError, KeyError) as exc:
        raise TermError(f"jk:{name} is not defined in ontology/judikg.ttl; use a defined class or property") from exc


@cache
def role(name: str) -> NamedNode:
    """``jkrole:{name}`` from the SKOS role scheme; raises for an unknown role."""
    try:
        return NamedNode(str(JKROLE[name]))
    except (AttributeError, KeyError) as exc:
        raise TermError(f"jkrole:{name} is not in the role scheme of ontology/judikg.ttl") from exc


@cache
def std(prefix: str, name: str) -> NamedNode:
    """A term of a W3C / schema.org namespace, e.g. ``std("dcterms", "issued")``."""
    return NamedNode(str(_STANDARD[prefix][name]))


def date_literal(value: str) -> Literal:
    """An ISO date of reduced precision as xsd:date, xsd:gYearMonth or xsd:gYear."""
    match = _DATE.fullmatch(value.strip()) if value else None
    if match is None:
        raise TermError(f"{value!r} is not a date: expected YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = match.groups()
    if month is not None and not 1 <= int(month) <= 12 or day is not None and not 1 <= int(day) <= 31:
        raise TermError(f"{value!r} is not a date: month or day out of range")
    if day is not None:
        kind = "date"
    elif month is not None:
        kind = "gYearMonth"
    else:
        kind = "gYear"
    return Literal(match.group(0), datatype=std("xsd", kind))


def text_literal(value: str, lang: str | None) -> Literal:
    """A string, language-tagged when the language is known.

    Oxigraph stores language tags lower-cased (BCP-47 tags are case-insensitive), so
    ``kk-Latn`` reads back as ``kk-latn``; match tags in SPARQL with ``LANGMATCHES``.
    """
    return Literal(value, language=lang) if lang else Literal(value)


def term_key(term: Term | DefaultGraph | None) -> str:
    """A total, stable order over terms (their N-Triples form) for deterministic output."""
    return "" if term is None or isinstance(term, DefaultGraph) else str(term)


def quad_key(quad: Quad) -> tuple[str, str, str, str]:
    return (term_key(quad.graph_name), str(quad.subject), str(quad.predicate), str(quad.object))
