"""Node positions computed in Python, so the browser draws at once instead of simulating.

vis-network's own stabilisation stalls past ~1 000 nodes (see known-pitfalls.md), and
networkx's ``spring_layout`` took 80 s for 5 000 nodes here. This is Fruchterman–Reingold with
the all-pairs repulsion replaced, above a size, by repulsion from a seeded random sample of
nodes (scaled up): O(n·m) per iteration instead of O(n²), about a second for 5 000 nodes.
A weak pull to the centre keeps separate components on screen. Same graph, same seed, same
positions: nodes are processed in sorted order and coordinates are rounded to whole pixels.
"""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx
import numpy as np

#: Up to this many nodes repulsion is exact.
EXACT_REPULSION_MAX = 300
REPULSION_SAMPLE = 150
#: Typical edge length on screen, in vis-network pixels.
EDGE_PIXELS = 110.0


def layout(G: nx.Graph, seed: int = 42, iterations: int | None = None) -> dict[Hashable, tuple[int, int]]:
    """Pixel positions for every node of ``G`` (directions and parallel edges are ignored)."""
    nodes = sorted(G.nodes, key=str)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0, 0)}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = sorted({(min(index[u], index[v]), max(index[u], index[v])) for u, v in G.edges() if u != v})
    edges = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    side = float(np.sqrt(n))
    pos = rng.uniform(0.0, side, size=(n, 2))
    steps = iterations or (120 if n <= EXACT_REPULSION_MAX else 60)
    temperature = side / 10.0
    cooling = temperature / (steps + 1)
    for _ in range(steps):
        disp = _repulsion(pos, rng)
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            dist = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 1e-3)
            pull = delta * dist[:, None]  # |f| = d² / k with k = 1
            np.add.at(disp, edges[:, 0], -pull)
            np.add.at(disp, edges[:, 1], pull)
        disp -= 0.05 * (pos - pos.mean(axis=0))  # gravity: keeps components together
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature -= cooling
    pos -= pos.mean(axis=0)
    pos *= EDGE_PIXELS
    return {node: (int(round(pos[i, 0])), int(round(pos[i, 1]))) for node, i in index.items()}


def _repulsion(pos: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    n = len(pos)
    if n <= EXACT_REPULSION_MAX:
        others, scale = pos, 1.0
    else:
        others, scale = pos[rng.choice(n, size=REPULSION_SAMPLE, replace=False)], n / REPULSION_SAMPLE
    dx = pos[:, 0:1] - others[None, :, 0]
    dy = pos[:, 1:2] - others[None, :, 1]
    inv = 1.0 / np.maximum(dx * dx + dy * dy, 1e-4)  # |f| = k² / d
    return scale * np.stack(((dx * inv).sum(axis=1), (dy * inv).sum(axis=1)), axis=1)
