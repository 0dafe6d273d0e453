"""Views of the projected graph: date, country, class and focus selections, and the
"who cooperates with whom" fold where events and agreements become edges between institutions.

All functions take and return networkx graphs (never RDF); the input graph is not modified.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import networkx as nx

from judikg.errors import QueryError
from judikg.graph.projection import resolve_entities

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
#: An event with more represented institutions than this links each to its organisers only:
#: a 200-delegation congress would otherwise draw 20 000 "met at" edges.
PAIRWISE_MAX = 30
FOLDED_CATEGORIES = frozenset({"institution", "country"})


@dataclass(frozen=True, slots=True)
class Selection:
    """What part of the graph to show; empty fields select everything."""

    focus: str | None = None  # IRI or a name in any language
    depth: int = 2
    countries: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None


def date_bounds(value: str, *, what: str = "date") -> tuple[str, str]:
    """``2024-05`` -> (``2024-05-01``, ``2024-05-31``): a reduced-precision date as an interval."""
    m = _DATE.match(value.strip())
    if not m or (m.group(2) and not 1 <= int(m.group(2)) <= 12) or (m.group(3) and not 1 <= int(m.group(3)) <= 31):
        raise QueryError(f"{what} {value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-05")
    year, month, day = m.group(1), m.group(2), m.group(3)
    if day:
        return (f"{year}-{month}-{day}",) * 2  # type: ignore[return-value]
    if month:
        return f"{year}-{month}-01", f"{year}-{month}-31"
    return f"{year}-01-01", f"{year}-12-31"


def _in_range(date: str | None, lo: str, hi: str) -> bool:
    if not date:
        return False
    try:
        start, end = date_bounds(date)
    except QueryError:
        return False
    return end >= lo and start <= hi


def select_dates(G: nx.MultiDiGraph, since: str | None, until: str | None) -> nx.MultiDiGraph:
    """Keep what articles published in [since, until] support and events/agreements dated in it."""
    if not since and not until:
        return G
    lo = date_bounds(since, what="--since")[0] if since else "0000-01-01"
    hi = date_bounds(until, what="--until")[1] if until else "9999-12-31"
    articles = G.graph.get("articles", {})
    keep_articles = {g for g, ref in articles.items() if _in_range(ref.date, lo, hi)}
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    for node, attrs in G.nodes(data=True):
        if attrs["category"] in ("event", "agreement") and attrs.get("date") and not _in_range(attrs["date"], lo, hi):
            continue
        H.add_node(node, **attrs)
    for s, o, key, attrs in G.edges(keys=True, data=True):
        if s not in H or o not in H:
            continue
        supporting = tuple(g for g in attrs["articles"] if g in keep_articles)
        if attrs["articles"] and not supporting:
            continue
        H.add_edge(s, o, key=key, **{**attrs, "articles": supporting, "weight": max(1, len(supporting)),
                                      "evidence": tuple(e for e in attrs["evidence"] if e[0] in keep_articles)})
    for node in sorted(H):
        if H.degree(node) == 0 and not any(g in keep_articles for g in H.nodes[node].get("articles", ())):
            H.remove_node(node)
    return H


def _matches_type(attrs: dict[str, Any], wanted: set[str]) -> bool:
    return attrs.get("cls", "").casefold() in wanted or attrs.get("category", "") in wanted


def select(G: nx.Graph, selection: Selection) -> nx.Graph:
    """Country, class and focus selection (dates are applied before folding: see :func:`select_dates`)."""
    keep = set(G)
    # A name several entities answer to equally well ("Жоғарғы": every Supreme Court) centres
    # the map on all of them; the best connected is the centre.
    matches = resolve_entities(G, selection.focus) if selection.focus else []
    focus = max(matches, key=lambda n: (G.degree(n), str(n))) if matches else None
    if selection.countries:
        codes = {c.strip().upper() for c in selection.countries}
        own = {n for n in G if (G.nodes[n].get("country_code") or "") in codes}
        # Entities without a country (events, people, international bodies) stay when they touch one.
        near = {n for n in G if not G.nodes[n].get("country_code") and any(m in own for m in nx.all_neighbors(G, n))}
        keep &= own | near
    if selection.types:
        wanted = {t.strip().casefold().removesuffix("s") for t in selection.types} | {t.strip().casefold() for t in selection.types}
        keep &= {n for n in G if _matches_type(G.nodes[n], wanted)}
    keep.update(matches)
    H = G.subgraph(sorted(keep, key=str)).copy()
    if focus is not None:
        depth = max(0, selection.depth)
        undirected = H.to_undirected(as_view=True)
        reach: set[str] = set()
        for match in matches:
            reach.update(nx.single_source_shortest_path_length(undirected, match, cutoff=depth))
        H = H.subgraph(sorted(reach, key=str)).copy()
        H.graph["focus"] = focus
        H.graph["focus_all"] = tuple(matches)
    return H


def fold_institutions(G: nx.MultiDiGraph) -> nx.Graph:
    """Institutions and countries only; agreements, events and posts folded into their edges.

    Each edge holds ``links`` — one per agreement signed, event attended together or direct
    relation (memberOf, partOf, country) — with its date and supporting articles; ``weight``
    counts the distinct articles behind all links. People stand for the institutions where they
    hold a post, so a judge at a congress brings their court.
    """
    orgs_of: dict[str, set[str]] = defaultdict(set)
    for s, o, attrs in G.edges(data=True):
        if attrs["relation"] == "post" and G.nodes[o]["category"] in FOLDED_CATEGORIES:
            orgs_of[s].add(o)

    def represent(node: str) -> set[str]:
        if G.nodes[node]["category"] in FOLDED_CATEGORIES:
            return {node}
        if G.nodes[node]["category"] == "person":
            return set(orgs_of.get(node, ()))
        return set()

    H = nx.Graph()
    H.graph.update(G.graph)
    H.graph["view"] = "institutions"
    for node, attrs in G.nodes(data=True):
        if attrs["category"] in FOLDED_CATEGORIES:
            H.add_node(node, **attrs)

    def link(a: str, b: str, item: dict[str, Any]) -> None:
        if a == b:
            return
        if not H.has_edge(a, b):
            H.add_edge(a, b, links=[])
        H.edges[a, b]["links"].append(item)

    for hub, attrs in G.nodes(data=True):
        if attrs["category"] not in ("event", "agreement"):
            continue
        members: set[str] = set()
        organisers: set[str] = set()
        articles: set[str] = set()
        for _, other, e in G.out_edges(hub, data=True):
            if e["relation"] in ("party", "signatory", "participant", "organizer"):
                members |= represent(other)
                articles |= set(e["articles"])
                if e["relation"] == "organizer":
                    organisers |= represent(other)
        kind = "agreement" if attrs["category"] == "agreement" else "event"
        item = {"kind": kind, "via": hub, "date": attrs.get("date"), "articles": tuple(sorted(articles))}
        ordered = sorted(members)
        if len(ordered) > PAIRWISE_MAX and organisers:
            for org in sorted(organisers):
                for other in ordered:
                    link(org, other, item)
        else:
            for a, b in combinations(ordered, 2):
                link(a, b, item)
    for s, o, attrs in G.edges(data=True):
        if s in H and o in H:
            link(s, o, {"kind": attrs["relation"], "via": None, "date": attrs.get("date"), "articles": attrs["articles"],
                        "source": s, "target": o})
    for a, b, attrs in H.edges(data=True):
        attrs["links"].sort(key=lambda it: (it["date"] or "", it["kind"], it["via"] or "", it.get("source") or ""))
        supporting = {g for it in attrs["links"] for g in it["articles"]}
        attrs["articles"] = tuple(sorted(supporting))
        attrs["weight"] = max(1, len(supporting))
        dates = [it["date"] for it in attrs["links"] if it["date"]]
        attrs["date"] = max(dates) if dates else None
        attrs["relation"] = "+".join(sorted({it["kind"] for it in attrs["links"]}))
    return H


def simple_undirected(G: nx.Graph) -> nx.Graph:
    """Collapse directions and parallel edges, summing weights: the shape analytics measure."""
    S = nx.Graph()
    S.add_nodes_from(sorted(G.nodes, key=str))
    for u, v, attrs in sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        if u == v:
            continue
        w = attrs.get("weight", 1)
        if S.has_edge(u, v):
            S.edges[u, v]["weight"] += w
        else:
            S.add_edge(u, v, weight=w)
    return S
