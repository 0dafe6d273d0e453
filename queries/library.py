"""The named researcher queries (``queries/*.rq``): their headers, parameters and how they are bound.

Each ``.rq`` file starts with comment lines ``# title:``, ``# description:``, ``# param: NAME KIND
DEFAULT HELP`` (``-`` for no default) and ``# example:``. Parameters are bound as RDF terms —
never spliced into the query text — so a parameter holding ``"} ; DROP ALL #`` is only a string.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from judikg.errors import QueryError
from judikg.iris import country_iri

#: Parameter kinds: how a value typed on the command line becomes an RDF term. ``limit`` is not
#: bound in the query at all: SPARQL has no variable LIMIT, so the runner keeps the first N rows of
#: the ordered result instead of writing the number into the query text.
KINDS = ("country", "entity", "iri", "string", "integer", "relation", "date", "limit")
ONTOLOGY_NS = "https://w3id.org/judikg/ontology#"

_HEADER = re.compile(r"^#\s*(title|description|param|example):\s*(.*)$")


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    kind: str
    default: str | None
    help: str


@dataclass(frozen=True, slots=True)
class NamedQuery:
    name: str
    title: str
    description: str
    text: str
    params: tuple[Param, ...] = ()
    examples: tuple[str, ...] = field(default=())

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise QueryError(f"query {self.name!r} has no parameter {name!r} (its parameters: {known})")


def parse_query_file(name: str, text: str) -> NamedQuery:
    """Parse the header of one ``.rq`` file; raises QueryError naming what is missing."""
    fields: dict[str, str] = {}
    params: list[Param] = []
    examples: list[str] = []
    for line in text.splitlines():
        match = _HEADER.match(line.strip())
        if not match:
            if line.strip() and not line.lstrip().startswith("#"):
                break
            continue
        key, value = match.group(1), match.group(2).strip()
        if key == "param":
            parts = value.split(None, 3)
            if len(parts) < 3 or parts[1] not in KINDS:
                raise QueryError(f"{name}.rq: bad '# param:' line {value!r}: write '# param: NAME KIND DEFAULT HELP' with KIND one of {', '.join(KINDS)}")
            params.append(Param(parts[0], parts[1], None if parts[2] == "-" else parts[2], parts[3] if len(parts) > 3 else ""))
        elif key == "example":
            examples.append(value)
        else:
            fields[key] = value
    for required in ("title", "description"):
        if required not in fields:
            raise QueryError(f"{name}.rq: the header needs a '# {required}:' line")
    if not examples:
        raise QueryError(f"{name}.rq: the header needs a '# example:' line")
    return NamedQuery(name, fields["title"], fields["description"], text, tuple(params), tuple(examples))


@cache
def library() -> dict[str, NamedQuery]:
    """Every named query shipped with judikg, by name (the file stem)."""
    folder = resources.files("judikg.queries")
    queries: dict[str, NamedQuery] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            queries[name] = parse_query_file(name, entry.read_text(encoding="utf-8"))
    return queries


def load_query(ref: str) -> NamedQuery:
    """A named query, or a ``.rq`` file given by path (its header is optional then)."""
    queries = library()
    if ref in queries:
        return queries[ref]
    path = Path(ref)
    if path.suffix == ".rq" and path.is_file():
        text = path.read_text(encoding="utf-8")
        try:
            return parse_query_file(path.stem, text)
        except QueryError:
            return NamedQuery(path.stem, path.stem, "", text)
    raise QueryError(
        f"no named query or .rq file {ref!r}; `judikg query --list` shows the {len(queries)} named queries"
    )


Term = ox.NamedNode | ox.Literal | ox.BlankNode
EntityResolver = Callable[[str], ox.NamedNode]


def to_term(param: Param, value: str, resolve_entity: EntityResolver | None = None) -> Term:
    """Turn a command-line value into the RDF term the parameter's kind asks for."""
    kind = param.kind
    try:
        if kind == "country":
            if re.fullmatch(r"[A-Za-z]{2}", value):
                return ox.NamedNode(country_iri(value))
            return ox.NamedNode(value)
        if kind == "iri":
            return ox.NamedNode(value)
        if kind == "relation":
            return ox.NamedNode(value if ":" in value else ONTOLOGY_NS + value)
        if kind == "integer":
            return ox.Literal(str(int(value)), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
        if kind == "date":
            if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
                raise ValueError("not an ISO date")
            return ox.Literal(value)
        if kind == "entity":
            if re.match(r"^[a-z][a-z0-9+.-]*://", value):
                return ox.NamedNode(value)
            if resolve_entity is None:
                raise QueryError(f"parameter {param.name}: give an IRI (no store to look {value!r} up in)")
            return resolve_entity(value)
        return ox.Literal(value)
    except ValueError as error:
        raise QueryError(f"parameter {param.name}={value!r} is not a valid {kind}: {error}") from None
