"""Network figures researchers cite: centralities, communities, and evidenced paths.

Measured on the undirected, weight-summed shape of a view (``simple_undirected``). Exact
betweenness is O(n·m) and unusable past ~2 000 nodes here (store-measurements.md), so above
:data:`EXACT_BETWEENNESS_MAX` nodes it is estimated from a seeded sample of sources and the
report says so. Everything is seeded: the same graph gives the same figures.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from itertools import islice
from typing import Any

import networkx as nx

from judikg.errors import QueryError
from judikg.graph.projection import article_refs, display_name, resolve_entity
from judikg.viz.views import simple_undirected

EXACT_BETWEENNESS_MAX = 1500
BETWEENNESS_SAMPLE = 300
SEED = 42


@dataclass(frozen=True, slots=True)
class NodeMetrics:
    iri: str
    name: str
    cls: str
    country: str | None
    degree: int
    degree_centrality: float
    betweenness: float
    eigenvector: float
    community: int


@dataclass(slots=True)
class Analysis:
    nodes: list[NodeMetrics]
    communities: list[list[str]]  # largest first; index = NodeMetrics.community
    n_nodes: int
    n_edges: int
    betweenness_approximate: bool
    betweenness_sample: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "nodes": self.n_nodes,
            "edges": self.n_edges,
            "betweenness": {"approximate": self.betweenness_approximate, "sample": self.betweenness_sample},
            "communities": self.communities,
            "metrics": [asdict(m) for m in self.nodes],
        }

    def summary(self) -> str:
        approx = f", betweenness sampled from {self.betweenness_sample} sources" if self.betweenness_approximate else ""
        return f"{self.n_nodes} nodes, {self.n_edges} edges, {len(self.communities)} communities{approx}"


def degree_scores(G: nx.Graph) -> dict[Any, float]:
    """Weighted degree (article-backed links), the cheap centrality used to size and rank map nodes."""
    S = simple_undirected(G)
    return {n: float(d) for n, d in S.degree(weight="weight")}


def _eigenvector(S: nx.Graph) -> dict[Any, float]:
    if S.number_of_edges() == 0:
        return {n: 0.0 for n in S}
    try:
        return nx.eigenvector_centrality(S, max_iter=2000, tol=1e-8, weight="weight")
    except nx.PowerIterationFailedConvergence:
        return nx.eigenvector_centrality_numpy(S, weight="weight")


def analyze(G: nx.Graph, lang: str = "en") -> Analysis:
    """Degree, betweenness and eigenvector centrality plus Louvain communities of ``G``."""
    S = simple_undirected(G)
    n = S.number_of_nodes()
    approximate = n > EXACT_BETWEENNESS_MAX
    sample = min(BETWEENNESS_SAMPLE, n) if approximate else None
    betweenness = nx.betweenness_centrality(S, k=sample, normalized=True, seed=SEED) if n else {}
    eigen = _eigenvector(S)
    degree_c = nx.degree_centrality(S) if n > 1 else {node: 0.0 for node in S}
    communities = [sorted(c, key=str) for c in nx.community.louvain_communities(S, weight="weight", seed=SEED)] if n else []
    communities.sort(key=lambda c: (-len(c), str(c[0])))
    community_of = {node: i for i, members in enumerate(communities) for node in members}
    rows = [
        NodeMetrics(
            iri=str(node), name=display_name(G.nodes[node], lang), cls=G.nodes[node].get("cls", ""),
            country=G.nodes[node].get("country_code"), degree=S.degree(node),
            degree_centrality=round(degree_c.get(node, 0.0), 6), betweenness=round(betweenness.get(node, 0.0), 6),
            eigenvector=round(eigen.get(node, 0.0), 6), community=community_of.get(node, -1),
        )
        for node in S
    ]
    rows.sort(key=lambda m: (-m.eigenvector, -m.betweenness, -m.degree, m.iri))
    return Analysis(rows, [[str(x) for x in c] for c in communities], n, S.number_of_edges(), approximate, sample)


# --------------------------------------------------------------------------- paths


@dataclass(slots=True)
class HopLink:
    relation: str
    role: str | None
    source: str  # the edge's direction as stated in the graph
    target: str
    date: str | None
    articles: list[dict[str, str | None]]
    evidence: list[str]


@dataclass(slots=True)
class Hop:
    source: str
    source_name: str
    target: str
    target_name: str
    links: list[HopLink] = field(default_factory=list)


@dataclass(slots=True)
class PathReport:
    source: str
    target: str
    hops: list[Hop]

    @property
    def found(self) -> bool:
        return bool(self.hops) or self.source == self.target

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "found": self.found, "length": len(self.hops),
                "hops": [asdict(h) for h in self.hops]}


def find_path(G: nx.MultiDiGraph, a: str, b: str, lang: str = "en", candidates: int = 50) -> PathReport:
    """How ``a`` and ``b`` (IRIs or names) are connected: a shortest chain of relations, each hop
    with every relation between its two ends and the articles that state it.

    Among equally short chains the one backed by most articles wins (ties: alphabetical), so
    the answer leans on the best-evidenced route rather than an arbitrary one.
    """
    source, target = resolve_entity(G, a), resolve_entity(G, b)
    # Sharing a country or a city is not a working relationship: such hubs would make every
    # pair of institutions two hops apart, so they may only be endpoints.
    S = simple_undirected(G)
    S = S.subgraph([n for n in S if n in (source, target) or G.nodes[n].get("category") not in ("country", "city")])
    try:
        paths = list(islice(nx.all_shortest_paths(S, source, target), candidates))
    except nx.NetworkXNoPath:
        return PathReport(source, target, [])
    if not paths:
        return PathReport(source, target, [])

    def support(path: list[str]) -> tuple[int, list[str]]:
        return (-sum(S.edges[u, v]["weight"] for u, v in zip(path, path[1:])), [str(x) for x in path])

    best = min(paths, key=support)
    hops = []
    for u, v in zip(best, best[1:]):
        hop = Hop(u, display_name(G.nodes[u], lang), v, display_name(G.nodes[v], lang))
        for s, o in ((u, v), (v, u)):
            for key, attrs in sorted(G.get_edge_data(s, o, default={}).items()):
                hop.links.append(HopLink(
                    relation=attrs["relation"], role=attrs.get("role"), source=s, target=o, date=attrs.get("date"),
                    articles=[r.to_dict() for r in article_refs(G, attrs["articles"])],
                    evidence=[text for _, text in attrs.get("evidence", ())],
                ))
        hops.append(hop)
    return PathReport(source, target, hops)


def require_path(report: PathReport) -> PathReport:
    """Raise when there is no connection, for callers that treat that as a failure."""
    if not report.found:
        raise QueryError(f"no chain of relations links <{report.source}> and <{report.target}> in this graph")
    return report
