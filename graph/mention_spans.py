"""The ``jk:spans`` literal of a jk:Mention: its syntax, and whether the spans fit the surfaces.

One jk:Mention stands for every place an article names one entity. Its spans are one string,
``"120-158 402-417"``: ``start-end`` offsets into the article's ``jk:text`` (Unicode code points
from 0, end exclusive), ascending, distinct, separated by single spaces. A string, not one node
or one pair of integers per span, because mention quads were most of an article's quads and the
store write is the floor of ingest (docs/design.md gives the figures).

rdfize writes it with :func:`format_spans`, the gold export and validation read it with
:func:`parse_spans`; :func:`span_problems` is the check SHACL cannot express (SPARQL has no way
to iterate over the items of one literal).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from judikg.errors import StoreError

_SPANS = re.compile(r"[0-9]+-[0-9]+( [0-9]+-[0-9]+)*")
#: The syntax of a jk:spans value as the ``sh:pattern`` of ontology/shapes.ttl states it.
SPANS_PATTERN = f"^{_SPANS.pattern}$"


def format_spans(spans: Iterable[tuple[int, int]]) -> str:
    """The jk:spans value of ``(start, end)`` pairs: each distinct pair once, ascending."""
    return " ".join(f"{start}-{end}" for start, end in sorted(set(spans)))


def is_spans(value: str) -> bool:
    """Whether ``value`` has the jk:spans syntax (order and overlap aside)."""
    return _SPANS.fullmatch(value) is not None


def parse_spans(value: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` pairs of a jk:spans value, in its order.

    Raises StoreError when ``value`` does not have the syntax: a graph this judikg wrote always has.
    """
    if not is_spans(value):
        raise StoreError(
            f"jk:spans {value!r} is not space-separated 'start-end' offsets; the graph was not written "
            "by this judikg: re-ingest its article (`judikg ingest`) or fix the value with a SPARQL UPDATE"
        )
    pairs = (item.split("-") for item in value.split(" "))
    return [(int(start), int(end)) for start, end in pairs]


@dataclass(frozen=True, slots=True)
class SpanProblem:
    """One way a mention's spans and surfaces disagree."""

    property: str  # local name of the jk: property at fault: "spans" or "surface"
    value: str  # the span ("120-158") or the surface form at fault
    message: str


def span_problems(text: str, spans: str, surfaces: Collection[str]) -> list[SpanProblem]:
    """Where the spans of one mention do not delimit its surfaces in the article's ``text``.

    Every span must lie inside the text, be non-empty, come after the previous one, and cover a
    text that is one of ``surfaces``; every surface must stand at one of the spans. A value
    without the jk:spans syntax gives no problem here: the shapes' ``sh:pattern`` reports it.
    """
    if not is_spans(spans):
        return []
    problems: list[SpanProblem] = []
    found: set[str] = set()
    previous: tuple[int, int] | None = None
    for start, end in parse_spans(spans):
        item = f"{start}-{end}"
        if previous is not None and (start, end) <= previous:
            problems.append(SpanProblem("spans", item, f"span {item} does not come after {previous[0]}-{previous[1]}: "
                                        "spans are distinct and ascending"))
        previous = (start, end)
        if not start < end <= len(text):
            problems.append(SpanProblem("spans", item, f"span {item} is empty or ends past the article's text "
                                        f"({len(text)} characters)"))
            continue
        words = text[start:end]
        found.add(words)
        if words not in surfaces:
            problems.append(SpanProblem("spans", item, f"the text at span {item} is {words!r}, none of its "
                                        "jk:surface values: the spans do not delimit the surfaces"))
    for surface in sorted(set(surfaces) - found):
        problems.append(SpanProblem("surface", surface, f"jk:surface {surface!r} stands at none of its spans"))
    return problems
