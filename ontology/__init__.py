"""The judikg ontology, its SHACL shapes and its JSON-LD context, shipped as package data.

``judikg.ttl`` is the one source of truth for classes, properties and the role scheme;
``judikg.vocab`` and ``docs/ontology.md`` are generated from it (``tools/gen_vocab.py``,
``tools/gen_ontology_doc.py``). Loaders parse on first use and cache the result, so importing
this module reads nothing.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import rdflib

from judikg.errors import ReferenceDataError

__all__ = [
    "CONTEXT_PATH",
    "ONTOLOGY_PATH",
    "SHAPES_PATH",
    "context_document",
    "ontology_graph",
    "shapes_graph",
]

_PACKAGE = files(__name__)

#: Turtle file holding the ontology (classes, properties, role scheme).
ONTOLOGY_PATH: Path = Path(str(_PACKAGE / "judikg.ttl"))
#: Turtle file holding the SHACL shapes the knowledge graph must conform to.
SHAPES_PATH: Path = Path(str(_PACKAGE / "shapes.ttl"))
#: JSON-LD 1.1 context mapping short terms to ontology IRIs.
CONTEXT_PATH: Path = Path(str(_PACKAGE / "context.jsonld"))


def _parse_turtle(path: Path) -> rdflib.Graph:
    graph = rdflib.Graph()
    try:
        graph.parse(path, format="turtle")
    except FileNotFoundError as exc:
        raise ReferenceDataError(
            f"{path}: file missing from the judikg.ontology package; reinstall judikg "
            "(pip install -e .) or restore the file from git"
        ) from exc
    except Exception as exc:  # rdflib raises parser-specific types with no common base
        raise ReferenceDataError(
            f"{path}: not valid Turtle ({exc}); fix the file or restore it from git"
        ) from exc
    return graph


@lru_cache(maxsize=1)
def ontology_graph() -> rdflib.Graph:
    """The ontology as an rdflib graph, parsed once. Callers must not modify it."""
    return _parse_turtle(ONTOLOGY_PATH)


@lru_cache(maxsize=1)
def shapes_graph() -> rdflib.Graph:
    """The SHACL shapes as an rdflib graph, parsed once. Callers must not modify it."""
    return _parse_turtle(SHAPES_PATH)


@lru_cache(maxsize=1)
def context_document() -> dict[str, object]:
    """The JSON-LD context file as a parsed JSON object (``{"@context": {...}}``)."""
    try:
        return json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ReferenceDataError(
            f"{CONTEXT_PATH}: file missing from the judikg.ontology package; reinstall judikg"
        ) from exc
    except ValueError as exc:
        raise ReferenceDataError(f"{CONTEXT_PATH}: not valid JSON ({exc}); fix the file") from exc
