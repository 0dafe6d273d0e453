"""The DCAT 3 description of a release: the catalog, the dataset and one distribution per file.

Each distribution states its media type, byte size, SPDX SHA-256 checksum, licence, issued
date and version, measured from the file as written. The issued date is the only input that
varies between two releases of the same data; it is passed in, never read from the clock here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, FOAF, RDF, XSD

from judikg.graph.void import dataset_iri

DCAT_PATH = "dcat.ttl"
DCAT_NS = "http://www.w3.org/ns/dcat#"  # DCAT 3 terms (rdflib's DCAT namespace predates dcat:version)
SPDX_NS = "http://spdx.org/rdf/terms#"
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"
CC_BY_4 = "https://creativecommons.org/licenses/by/4.0/"


def _n(value: object) -> ox.NamedNode:
    return ox.NamedNode(str(value))


def _dcat(name: str) -> ox.NamedNode:
    return ox.NamedNode(DCAT_NS + name)


def _spdx(name: str) -> ox.NamedNode:
    return ox.NamedNode(SPDX_NS + name)


@dataclass(frozen=True, slots=True)
class ReleaseFile:
    """One file of a release as written: path relative to the release root (POSIX), size, SHA-256."""

    path: str
    media_type: str  # IANA type of the content, e.g. "text/turtle"
    title: str
    byte_size: int
    sha256: str
    conforms_to: str | None = None  # W3C format IRI for RDF serialisations
    compress_format: str | None = None  # IANA type of the compression, e.g. "application/gzip"

    @classmethod
    def measure(cls, root: Path, path: str, media_type: str, title: str, *, conforms_to: str | None = None,
                compress_format: str | None = None) -> ReleaseFile:
        data = (root / path).read_bytes()
        return cls(path, media_type, title, len(data), hashlib.sha256(data).hexdigest(), conforms_to, compress_format)


@dataclass(frozen=True, slots=True)
class DcatSettings:
    base: str
    title: str
    description: str
    license: str
    version: str
    issued: date
    sparql_endpoint: str | None = None


def distribution_iri(base: str, path: str) -> str:
    return f"{base}{DCAT_PATH}#dist-{path.replace('/', '-').replace('.', '-')}"


def dcat_triples(files: Sequence[ReleaseFile], settings: DcatSettings) -> list[ox.Triple]:
    """Catalog → dataset → distributions, sorted for byte-stable Turtle."""
    base = settings.base
    catalog = _n(f"{base}{DCAT_PATH}#catalog")
    dataset = _n(dataset_iri(base))
    a = _n(RDF.type)
    issued = ox.Literal(settings.issued.isoformat(), datatype=_n(XSD.date))
    version = ox.Literal(settings.version)
    licence = _n(settings.license)
    out: list[ox.Triple] = []

    def add(s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        out.append(ox.Triple(s, p, o))

    title, description = _n(DCTERMS.title), _n(DCTERMS.description)
    add(catalog, a, _dcat("Catalog"))
    add(catalog, title, ox.Literal(settings.title + " — release catalog", language="en"))
    add(catalog, _dcat("dataset"), dataset)
    add(catalog, _n(DCTERMS.issued), issued)
    add(catalog, _n(DCTERMS.license), licence)
    add(catalog, _n(FOAF.homepage), _n(base))
    add(dataset, a, _dcat("Dataset"))
    add(dataset, title, ox.Literal(settings.title, language="en"))
    add(dataset, description, ox.Literal(settings.description, language="en"))
    add(dataset, _n(DCTERMS.issued), issued)
    add(dataset, _dcat("version"), version)
    add(dataset, _n(DCTERMS.license), licence)
    add(dataset, _dcat("landingPage"), _n(base))
    for keyword in ("courts", "judiciary", "knowledge graph", "linked open data"):
        add(dataset, _dcat("keyword"), ox.Literal(keyword, language="en"))
    if settings.sparql_endpoint:
        service = _n(f"{base}{DCAT_PATH}#sparql")
        add(service, a, _dcat("DataService"))
        add(service, title, ox.Literal("SPARQL endpoint", language="en"))
        add(service, _dcat("endpointURL"), _n(settings.sparql_endpoint))
        add(service, _dcat("servesDataset"), dataset)
        add(service, _n(DCTERMS.conformsTo), _n("https://www.w3.org/TR/sparql11-protocol/"))
    for file in files:
        dist = _n(distribution_iri(base, file.path))
        url = _n(base + file.path)
        checksum = _n(distribution_iri(base, file.path) + "-sha256")
        add(dataset, _dcat("distribution"), dist)
        add(dist, a, _dcat("Distribution"))
        add(dist, title, ox.Literal(file.title, language="en"))
        add(dist, _dcat("downloadURL"), url)
        add(dist, _dcat("accessURL"), url)
        add(dist, _dcat("mediaType"), _n(IANA_MEDIA_TYPES + file.media_type))
        if file.compress_format:
            add(dist, _dcat("compressFormat"), _n(IANA_MEDIA_TYPES + file.compress_format))
        if file.conforms_to:
            add(dist, _n(DCTERMS.conformsTo), _n(file.conforms_to))
        add(dist, _dcat("byteSize"), ox.Literal(str(file.byte_size), datatype=_n(XSD.nonNegativeInteger)))
        add(dist, _spdx("checksum"), checksum)
        add(checksum, a, _spdx("Checksum"))
        add(checksum, _spdx("algorithm"), _spdx("checksumAlgorithm_sha256"))
        add(checksum, _spdx("checksumValue"), ox.Literal(file.sha256, datatype=_n(XSD.hexBinary)))
        add(dist, _n(DCTERMS.license), licence)
        add(dist, _n(DCTERMS.issued), issued)
        add(dist, _dcat("version"), version)
    return sorted(set(out), key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


__all__ = ["CC_BY_4", "DCAT_NS", "DCAT_PATH", "DcatSettings", "ReleaseFile", "SPDX_NS", "dcat_triples", "distribution_iri"]
