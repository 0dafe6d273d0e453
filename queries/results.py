"""SELECT results as plain data, and their text formats (table rows, CSV, TSV, JSON, Markdown)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

Term = ox.NamedNode | ox.Literal | ox.BlankNode

FORMATS = ("table", "csv", "tsv", "json", "md")


@dataclass(frozen=True, slots=True)
class ResultTable:
    """Rows of RDF terms (None where a variable is unbound), in the query's column order."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Term | None, ...], ...]

    def __len__(self) -> int:
        return len(self.rows)

    def column(self, name: str) -> list[Term | None]:
        i = self.columns.index(name)
        return [row[i] for row in self.rows]

    def iris(self) -> set[str]:
        return {t.value for row in self.rows for t in row if isinstance(t, ox.NamedNode)}

    @classmethod
    def from_tsv(cls, data: bytes) -> ResultTable:
        """The table of SPARQL TSV results (how query workers send rows: parsed in Rust, not unpickled)."""
        solutions = ox.parse_query_results(data, format=ox.QueryResultsFormat.TSV)
        columns = tuple(v.value for v in solutions.variables)
        return cls(columns, tuple(tuple(solution) for solution in solutions))  # type: ignore[arg-type]


def term_json(term: Term) -> dict[str, str]:
    """One binding in the SPARQL 1.1 Query Results JSON format."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def term_from_json(binding: Mapping[str, str]) -> Term:
    kind = binding.get("type")
    value = binding.get("value", "")
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if "xml:lang" in binding:
        return ox.Literal(value, language=binding["xml:lang"])
    if "datatype" in binding:
        return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
    return ox.Literal(value)


def display(term: Term | None, labels: Mapping[str, str]) -> str:
    """How a cell reads for a person: the label of an IRI where known, the lexical form otherwise."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return labels.get(term.value, term.value)
    return term.value


def render(table: ResultTable, fmt: str, labels: Mapping[str, str]) -> str:
    """The table as text in one of FORMATS (``table`` is left to the CLI, which draws it with rich)."""
    if fmt == "json":
        return json.dumps(
            {
                "head": {"vars": list(table.columns)},
                "results": {
                    "bindings": [
                        {
                            col: {**term_json(term), **({"label": labels[term.value]} if isinstance(term, ox.NamedNode) and term.value in labels else {})}
                            for col, term in zip(table.columns, row)
                            if term is not None
                        }
                        for row in table.rows
                    ]
                },
            },
            ensure_ascii=False,
            indent=2,
        )
    cells = [[display(t, labels) for t in row] for row in table.rows]
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(table.columns)
        writer.writerows(cells)
        return buffer.getvalue()
    if fmt == "md":
        def esc(text: str) -> str:
            return text.replace("|", "\\|").replace("\n", " ")

        lines = ["| " + " | ".join(table.columns) + " |", "|" + "---|" * len(table.columns)]
        lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in cells]
        return "\n".join(lines) + "\n"
    raise ValueError(f"unknown format {fmt!r}")


def rows_as_text(table: ResultTable, labels: Mapping[str, str]) -> Sequence[Sequence[str]]:
    return [[display(t, labels) for t in row] for row in table.rows]
