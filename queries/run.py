"""Running SPARQL SELECT queries on the embedded store or on a remote SPARQL 1.1 endpoint.

Both targets take parameters as RDF terms: the embedded store binds them natively (pyoxigraph
substitutions); a remote endpoint receives them as ``VALUES`` blocks built from serialised terms,
so user input never becomes query syntax.
"""

from __future__ import annotations

import json
import re
import time
import urllib.error
from collections.abc import Iterable, Mapping
from typing import Protocol

import pyoxigraph as ox

from judikg import __version__
from judikg.errors import EndpointError, QueryError
from judikg.iris import ID_NS
from judikg.graph.bindings import place_values, values_block  # noqa: F401 - values_block is part of this API
from judikg.queries.library import NamedQuery, Term, to_term
from judikg.queries.results import ResultTable, term_from_json

USER_AGENT = f"judikg/{__version__} (+https://w3id.org/judikg; SPARQLWrapper)"
LABEL_LANGUAGES = ("en", "ru", "kk", "kk-Latn", "ky", "uz")


class SparqlTarget(Protocol):
    """Where SELECT queries run: the embedded store or a remote endpoint."""

    def select(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> ResultTable: ...


def inline_bindings(sparql: str, bindings: Mapping[str, Term]) -> str:
    """The query with VALUES blocks opening its outermost WHERE clause and each sub-SELECT that
    projects a parameter (where Oxigraph and most engines join them first)."""
    return place_values(sparql, bindings)


class StoreTarget:
    """SELECT on a judikg store (anything with ``query(sparql, bindings=...)`` returning solutions)."""

    def __init__(self, store: object) -> None:
        self.store = store

    def select(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> ResultTable:
        solutions = self.store.query(sparql, bindings=dict(bindings or {}))  # type: ignore[attr-defined]
        if isinstance(solutions, ResultTable):
            return solutions
        if not isinstance(solutions, ox.QuerySolutions):
            raise QueryError("only SELECT queries return a table; use `judikg export` or the endpoint for graphs")
        variables = solutions.variables
        columns = tuple(v.value for v in variables)
        rows = tuple(tuple(solution[v] for v in variables) for solution in solutions)
        return ResultTable(columns, rows)


class EndpointTarget:
    """SELECT on a remote SPARQL 1.1 endpoint through SPARQLWrapper (POST, JSON, polite retries)."""

    def __init__(self, url: str, *, timeout: float = 60.0, retries: int = 3, max_wait: float = 60.0) -> None:
        self.url = url
        self.timeout = timeout
        self.retries = retries
        self.max_wait = max_wait

    def select(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> ResultTable:
        from SPARQLWrapper import JSON, POST, SPARQLWrapper

        client = SPARQLWrapper(self.url, agent=USER_AGENT)
        client.setMethod(POST)
        client.setReturnFormat(JSON)
        client.setTimeout(int(self.timeout))
        client.setQuery(inline_bindings(sparql, bindings or {}))
        for attempt in range(self.retries + 1):
            try:
                response = client.query()
                data = json.loads(response.response.read().decode("utf-8"))
                break
            except urllib.error.HTTPError as error:
                if error.code in (429, 503) and attempt < self.retries:
                    time.sleep(self._retry_after(error.headers.get("Retry-After"), attempt))
                    continue
                raise EndpointError(f"{self.url} answered HTTP {error.code}: {error.reason}") from None
            except urllib.error.URLError as error:
                raise EndpointError(f"{self.url} cannot be reached: {error.reason}; check the URL and that the server runs") from None
            except json.JSONDecodeError:
                raise EndpointError(f"{self.url} did not answer with SPARQL JSON results: is it a SPARQL query endpoint?") from None
            except Exception as error:  # SPARQLWrapper wraps HTTP errors in its own classes
                code = _status_of(error)
                if code in (429, 503) and attempt < self.retries:
                    time.sleep(self._retry_after(None, attempt))
                    continue
                raise EndpointError(f"{self.url} refused the query: {error}") from None
        columns = tuple(data.get("head", {}).get("vars", []))
        rows = tuple(
            tuple(term_from_json(b[c]) if c in b else None for c in columns)
            for b in data.get("results", {}).get("bindings", [])
        )
        return ResultTable(columns, rows)

    def _retry_after(self, header: str | None, attempt: int) -> float:
        if header and header.strip().isdigit():
            return min(float(header.strip()), self.max_wait)
        return min(2.0**attempt, self.max_wait)


def _status_of(error: Exception) -> int | None:
    match = re.search(r"\b(429|503)\b", str(error))
    return int(match.group(1)) if match else None


def resolve_entity(target: SparqlTarget, name: str) -> ox.NamedNode:
    """The entity a name denotes, in any language or script: exact label first, then containment.

    Only entities (IRIs under ``jkid:``) are candidates: the ontology labels its classes in the
    same languages, and a generic name such as «Сот әкімшілігі» is a class's exact label."""
    exact = """
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    PREFIX jk: <https://w3id.org/judikg/ontology#>
    SELECT ?entity (COUNT(DISTINCT ?article) AS ?n) WHERE {
      VALUES ?p { rdfs:label skos:prefLabel skos:altLabel }
      ?entity ?p ?label .
      FILTER(LCASE(STR(?label)) = LCASE(STR(?name)) && STRSTARTS(STR(?entity), ?entities))
      OPTIONAL { ?article jk:mentions ?entity }
    } GROUP BY ?entity ORDER BY DESC(?n) ?entity LIMIT 5"""
    bindings: dict[str, Term] = {"name": ox.Literal(name), "entities": ox.Literal(ID_NS)}
    table = target.select(exact, bindings)
    if not table.rows:
        table = target.select(exact.replace("LCASE(STR(?label)) = LCASE(STR(?name))", "CONTAINS(LCASE(STR(?label)), LCASE(STR(?name)))"), bindings)
    if not table.rows:
        raise QueryError(f"no entity is named {name!r}; try `judikg query search --param text=...` or give its IRI")
    entity = table.rows[0][0]
    assert isinstance(entity, ox.NamedNode)
    return entity


def labels(target: SparqlTarget, iris: Iterable[str], lang: str = "en") -> dict[str, str]:
    """A label per IRI in ``lang``, falling back to English, Russian, Kazakh, Kyrgyz, then any."""
    iris = sorted(set(iris))
    if not iris:
        return {}
    # Tags compare case-insensitively (BCP 47): pyoxigraph and Virtuoso both give "kk-latn".
    lang = lang.lower()
    preference = [lang] + [tag.lower() for tag in LABEL_LANGUAGES if tag.lower() != lang]
    found: dict[str, dict[tuple[int, int], str]] = {}
    for start in range(0, len(iris), 500):
        chunk = " ".join(str(ox.NamedNode(i)) for i in iris[start : start + 500])
        table = target.select(
            f"""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?s ?p ?label WHERE {{ VALUES ?s {{ {chunk} }} VALUES ?p {{ skos:prefLabel rdfs:label }} ?s ?p ?label }}"""
        )
        for s, p, label in table.rows:
            if s is None or label is None or not isinstance(label, ox.Literal):
                continue
            tag = (label.language or "").lower()
            rank = preference.index(tag) if tag in preference else len(preference)
            primary = 0 if p is not None and p.value.endswith("prefLabel") else 1
            found.setdefault(s.value, {}).setdefault((rank, primary), label.value)
    return {iri: options[min(options)] for iri, options in found.items()}


def bind(query: NamedQuery, raw: Mapping[str, str], target: SparqlTarget) -> dict[str, Term]:
    """RDF terms for the query's parameters from ``name=value`` strings, defaults filling the gaps."""
    for name in raw:
        query.param(name)  # raises for an unknown parameter
    bindings: dict[str, Term] = {}
    for param in query.params:
        value = raw.get(param.name, param.default)
        if value is None:
            raise QueryError(f"query {query.name!r} needs --param {param.name}=… ({param.help})")
        if param.kind == "limit":
            row_limit(query, raw)  # validated here, applied to the rows by run_named
            continue
        bindings[param.name] = to_term(param, value, lambda name: resolve_entity(target, name))
    return bindings


def row_limit(query: NamedQuery, raw: Mapping[str, str]) -> int | None:
    """How many rows a ``limit`` parameter keeps (None: the query has none)."""
    for param in query.params:
        if param.kind == "limit":
            value = raw.get(param.name, param.default)
            try:
                limit = int(value) if value is not None else None
            except ValueError:
                raise QueryError(f"parameter {param.name}={value!r} is not a whole number") from None
            if limit is not None and limit < 0:
                raise QueryError(f"parameter {param.name}={value!r} must not be negative")
            return limit
    return None


def run_named(
    target: SparqlTarget, query: NamedQuery, raw: Mapping[str, str] | None = None, *, lang: str = "en"
) -> tuple[ResultTable, dict[str, str]]:
    """Run a named (or file) query with its parameters bound; returns the rows and their labels."""
    table = target.select(query.text, bind(query, raw or {}, target))
    limit = row_limit(query, raw or {})
    if limit is not None:
        table = ResultTable(table.columns, table.rows[:limit])
    return table, labels(target, table.iris(), lang)
