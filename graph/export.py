"""Writing the store in standard RDF formats, deterministically.

Triple formats (ttl, nt, xml) merge every graph into one deduplicated set of triples; quad
formats (nq, trig, jsonld) keep the named graphs. Output is sorted (subject first, by N-Triples
form) and written by pyoxigraph's serialisers, which are one to two orders of magnitude faster
than rdflib's (see /work/shared/notes/store-measurements.md). The catalog graph is store
bookkeeping and is left out unless asked for by name.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from judikg.errors import InputError
from judikg.graph.store import FORMATS, Store, catalog_graph, rdf_format
from judikg.graph.terms import WIKIDATA_ENTITY, quad_key
from judikg.vocab import PREFIXES

#: Formats that keep named graphs.
QUAD_FORMATS = frozenset(name for name, fmt in FORMATS.items() if fmt.supports_datasets)


def export_prefixes() -> dict[str, str]:
    return {**PREFIXES, "wd": str(WIKIDATA_ENTITY)}


def export(store: Store, out: BinaryIO | Path, fmt: str, graph: str | None = None) -> None:
    """Write the whole store (or one named graph) to ``out`` in ``fmt`` (ttl, nt, nq, trig, jsonld, xml)."""
    rdf = rdf_format(fmt)
    if graph is not None and not store.has_graph(graph):
        raise InputError(graph, "no such graph in the store; list the graphs with `judikg stats --json`")
    catalog = catalog_graph()
    quads = (q for q in store.quads(graph) if graph is not None or q.graph_name != catalog)
    data: list[ox.Quad] | list[ox.Triple]
    if rdf.supports_datasets:
        data = sorted(set(quads), key=quad_key)
    else:
        data = sorted({q.triple for q in quads}, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    prefixes = export_prefixes() if rdf in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML) else None
    target: BinaryIO | str = str(out) if isinstance(out, Path) else out
    try:
        ox.serialize(data, target, rdf, prefixes=prefixes)
    except OSError as exc:
        raise InputError(str(out), f"cannot write the export: {exc}; check the path and free space") from exc
