"""Node positions computed in Python, so the browser draws at once instead of simulating.

vis-network's own stabilisation stalls past ~1 000 nodes (see known-pitfalls.md), and
networkx's ``spring_layout`` took 80 s for 5 000 nodes here. Each connected component is laid
out on its own with Fruchterman–Reingold, the all-pairs repulsion replaced, above a size, by
repulsion from a seeded random sample of nodes (scaled up): O(n·m) per iteration instead of
O(n²), about a second for 5 000 nodes.

Components are then packed: the largest (or the one holding the focus) in the centre, the
others on rings around it, biggest first. Laying the whole graph out at once flung small
components to the far corners, so that fitting the view made the main cluster a speck.

Same graph, same seed, same positions: nodes are processed in sorted order and coordinates are
rounded to whole pixels.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from dataclasses import dataclass

import networkx as nx
import numpy as np

#: Up to this many nodes repulsion is exact.
EXACT_REPULSION_MAX = 300
REPULSION_SAMPLE = 150
#: Typical edge length on screen, in vis-network pixels.
EDGE_PIXELS = 110.0
#: Room around a component for node labels, in edge lengths (a label is wider than a node).
LABEL_MARGIN = 0.75
#: Space between packed components, in edge lengths.
COMPONENT_GAP = 0.35
#: Typical distance from a node to its nearest neighbour, in edge lengths: a wrapped label is
#: about 1.4 edge lengths wide, so closer nodes would print their names over each other.
NEIGHBOUR_SPACING = 1.5
#: Nearest-neighbour distances are measured on at most this many nodes (a seeded sample).
SPACING_SAMPLE = 400
#: Up to this many nodes per component, label boxes are pushed apart after the force layout
#: (all pairs: O(n²) per pass). Bigger maps label only some nodes at a time anyway.
SEPARATE_MAX = 400
SEPARATE_PASSES = 60
#: Up to this many nodes per component, the force layout is refined by stress majorization
#: (graph distances kept as drawn distances), which spreads hub-and-spoke clusters evenly
#: where the force layout packs the hubs into a knot. All pairs: O(n²) memory and time.
STRESS_MAX = 400
STRESS_PASSES = 80
#: A node's box (label below it) when the caller gives none, in pixels.
DEFAULT_BOX = (120.0, 50.0)


@dataclass(slots=True)
class _Piece:
    """One connected component: positions around its own centre (edge length 1) and its radius."""

    nodes: list[Hashable]
    pos: np.ndarray
    radius: float


def layout(G: nx.Graph, seed: int = 42, iterations: int | None = None, center: Hashable | None = None,
           boxes: Mapping[Hashable, tuple[float, float]] | None = None) -> dict[Hashable, tuple[int, int]]:
    """Pixel positions for every node of ``G`` (directions and parallel edges are ignored).

    ``center`` (a node of ``G``) is placed at the origin with its component around it; the other
    components are packed on rings around that one. Without it the largest component sits in
    the middle. ``boxes`` gives each node's width and height in pixels with its label, at zoom
    1; overlapping boxes are pushed apart.
    """
    nodes = sorted(G.nodes, key=str)
    if not nodes:
        return {}
    if center is not None and center not in G:
        center = None
    index = {node: i for i, node in enumerate(nodes)}
    neighbours: dict[int, set[int]] = {i: set() for i in range(len(nodes))}
    for u, v in G.edges():
        if u != v:
            a, b = index[u], index[v]
            neighbours[a].add(b)
            neighbours[b].add(a)
    components = _components(neighbours)
    if center is not None:
        c = index[center]
        components.sort(key=lambda comp: c not in comp)  # stable sort: the others keep their order
    size = np.array([(boxes or {}).get(node, DEFAULT_BOX) for node in nodes], dtype=float) / EDGE_PIXELS
    pieces = [_lay_out_component(comp, neighbours, seed, iterations, index[center] if center is not None else None, size)
              for comp in components]
    positions = _pack(pieces)
    return {nodes[i]: (int(round(x * EDGE_PIXELS)), int(round(y * EDGE_PIXELS))) for i, (x, y) in positions.items()}


def _components(neighbours: dict[int, set[int]]) -> list[list[int]]:
    """Connected components as sorted index lists, largest first, ties by their first node."""
    seen: set[int] = set()
    out: list[list[int]] = []
    for start in sorted(neighbours):
        if start in seen:
            continue
        stack, comp = [start], []
        seen.add(start)
        while stack:
            i = stack.pop()
            comp.append(i)
            for j in neighbours[i]:
                if j not in seen:
                    seen.add(j)
                    stack.append(j)
        out.append(sorted(comp))
    out.sort(key=lambda comp: (-len(comp), comp[0]))
    return out


def _lay_out_component(comp: list[int], neighbours: dict[int, set[int]], seed: int, iterations: int | None,
                       center: int | None, size: np.ndarray) -> _Piece:
    n = len(comp)
    if n == 1:
        return _Piece(list(comp), np.zeros((1, 2)), LABEL_MARGIN)
    if n == 2:
        half = NEIGHBOUR_SPACING / 2 + 0.1
        pos = np.array([[-half, 0.0], [half, 0.0]])
        if center in comp:
            pos -= pos[comp.index(center)]
        return _Piece(list(comp), pos, float(np.abs(pos[:, 0]).max()) + LABEL_MARGIN)
    local = {node: i for i, node in enumerate(comp)}
    pairs = sorted({(min(local[a], local[b]), max(local[a], local[b])) for a in comp for b in neighbours[a]})
    edges = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    pin = local[center] if center is not None and center in local else None
    rng = np.random.default_rng(seed)
    pos = _force_layout(n, edges, rng, iterations, pin)
    if n <= STRESS_MAX:
        pos = _stress_layout(pos, edges, pin)
    pos *= _spread_factor(pos, rng)
    if n <= SEPARATE_MAX:
        _separate(pos, size[comp], pin)
    origin = pos[pin].copy() if pin is not None else (pos.min(axis=0) + pos.max(axis=0)) / 2
    pos -= origin
    radius = float(np.max(np.hypot(pos[:, 0], pos[:, 1]))) + LABEL_MARGIN
    return _Piece(list(comp), pos, radius)


def _force_layout(n: int, edges: np.ndarray, rng: np.random.Generator, iterations: int | None,
                  pin: int | None) -> np.ndarray:
    side = float(np.sqrt(n))
    pos = rng.uniform(0.0, side, size=(n, 2))
    if pin is not None:
        pos[pin] = side / 2
    steps = iterations or (40 if n <= 6 else 120 if n <= EXACT_REPULSION_MAX else 60)
    temperature = side / 10.0 + 0.1
    cooling = temperature / (steps + 1)
    for _ in range(steps):
        disp = _repulsion(pos, rng)
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            dist = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 1e-3)
            pull = delta * dist[:, None]  # |f| = d² / k with k = 1
            np.add.at(disp, edges[:, 0], -pull)
            np.add.at(disp, edges[:, 1], pull)
        anchor = pos[pin] if pin is not None else pos.mean(axis=0)
        disp -= 0.05 * (pos - anchor)  # gravity: keeps long chains and leaves from drifting off
        if pin is not None:
            disp[pin] = 0.0  # the focus stays put; its neighbourhood arranges around it
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature -= cooling
    return pos


def _stress_layout(pos: np.ndarray, edges: np.ndarray, pin: int | None) -> np.ndarray:
    """Stress majorization from ``pos``: each node moves to where its distances to all others best
    match their graph distances (weights 1/d², so near neighbours count most)."""
    n = len(pos)
    dist = _hop_distances(n, edges)
    weight = np.zeros_like(dist)
    np.divide(1.0, dist ** 2, out=weight, where=dist > 0)
    total = weight.sum(axis=1)[:, None]
    for _ in range(STRESS_PASSES):
        delta = pos[:, None, :] - pos[None, :, :]
        norm = np.hypot(delta[..., 0], delta[..., 1])
        np.maximum(norm, 1e-9, out=norm)
        target = pos[None, :, :] + dist[..., None] * delta / norm[..., None]
        new = (weight[..., None] * target).sum(axis=1) / total
        if pin is not None:
            new[pin] = pos[pin]
        pos = new
    return pos


def _hop_distances(n: int, edges: np.ndarray) -> np.ndarray:
    """All-pairs hop counts of a connected graph by breadth-first search, as a dense matrix."""
    adjacency: list[list[int]] = [[] for _ in range(n)]
    for a, b in edges.tolist():
        adjacency[a].append(b)
        adjacency[b].append(a)
    dist = np.zeros((n, n))
    for source in range(n):
        seen = {source}
        frontier, depth = [source], 0
        while frontier:
            depth += 1
            nxt = []
            for i in frontier:
                for j in adjacency[i]:
                    if j not in seen:
                        seen.add(j)
                        dist[source, j] = depth
                        nxt.append(j)
            frontier = nxt
    return dist


def _separate(pos: np.ndarray, size: np.ndarray, pin: int | None) -> None:
    """Push overlapping label boxes apart, each pair along the axis where they overlap least."""
    half = size / 2
    n = len(pos)
    upper = np.triu(np.ones((n, n), dtype=bool), 1)
    for _ in range(SEPARATE_PASSES):
        dx = pos[:, None, 0] - pos[None, :, 0]
        dy = pos[:, None, 1] - pos[None, :, 1]
        ox = half[:, None, 0] + half[None, :, 0] - np.abs(dx)
        oy = half[:, None, 1] + half[None, :, 1] - np.abs(dy)
        hit = (ox > 0) & (oy > 0) & upper
        if not hit.any():
            return
        i, j = np.nonzero(hit)
        along_x = ox[i, j] / size[i, 0].clip(1e-6) < oy[i, j] / size[i, 1].clip(1e-6)
        # Coincident nodes have no direction: split them by index so the result is deterministic.
        sx = np.where(dx[i, j] != 0, np.sign(dx[i, j]), 1.0)
        sy = np.where(dy[i, j] != 0, np.sign(dy[i, j]), 1.0)
        push = np.zeros((len(i), 2))
        push[along_x, 0] = sx[along_x] * ox[i, j][along_x] * 0.5
        push[~along_x, 1] = sy[~along_x] * oy[i, j][~along_x] * 0.5
        move = np.zeros_like(pos)
        np.add.at(move, i, push)
        np.add.at(move, j, -push)
        if pin is not None:
            move[pin] = 0.0
        pos += move * 0.5


def _spread_factor(pos: np.ndarray, rng: np.random.Generator) -> float:
    """How much to enlarge a component so its median nearest-neighbour gap is NEIGHBOUR_SPACING."""
    n = len(pos)
    probe = pos if n <= SPACING_SAMPLE else pos[np.sort(rng.choice(n, size=SPACING_SAMPLE, replace=False))]
    d2 = ((probe[:, None, :] - pos[None, :, :]) ** 2).sum(axis=2)
    d2[d2 < 1e-12] = np.inf  # the node itself (and exact duplicates)
    nearest = float(np.median(np.sqrt(d2.min(axis=1))))
    if not np.isfinite(nearest) or nearest <= 0:
        return 1.0
    return float(np.clip(NEIGHBOUR_SPACING / nearest, 1.0, 4.0))


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


def _pack(pieces: list[_Piece]) -> dict[int, tuple[float, float]]:
    """The first piece at the origin; the rest on rectangular rings hugging it, evenly spread.

    Pieces are taken largest radius first; a ring is as thick as its largest piece and its
    pieces share the whole perimeter, so a few small components make a tidy frame instead of a
    clump on one side. Rectangles rather than circles: an elongated main cluster would leave a
    circle's sides empty, and screens are rectangles.
    """
    out: dict[int, tuple[float, float]] = {}
    main, rest = pieces[0], sorted(pieces[1:], key=lambda p: (-p.radius, p.nodes[0]))
    _place(main, 0.0, 0.0, out)
    extent = np.abs(main.pos).max(axis=0) + LABEL_MARGIN if len(main.pos) > 1 else np.array([main.radius] * 2)
    inner_x, inner_y = float(extent[0]) + COMPONENT_GAP, float(extent[1]) + COMPONENT_GAP
    i = 0
    while i < len(rest):
        thickness = rest[i].radius
        hx, hy = inner_x + thickness, inner_y + thickness
        budget = 4 * (hx + hy)
        members: list[_Piece] = []
        used = 0.0
        while i < len(rest):
            width = 2 * rest[i].radius + COMPONENT_GAP
            if members and used + width > budget:
                break
            members.append(rest[i])
            used += width
            i += 1
        slack = max(0.0, budget - used) / len(members)
        # Start at the top centre and go clockwise, so a lone satellite sits above the main cluster.
        arc = 0.0
        for piece in members:
            width = 2 * piece.radius + COMPONENT_GAP + slack
            x, y = _on_rectangle(hx, hy, arc + width / 2)
            arc += width
            _place(piece, x, y, out)
        inner_x, inner_y = hx + thickness + COMPONENT_GAP, hy + thickness + COMPONENT_GAP
    return out


def _on_rectangle(hx: float, hy: float, t: float) -> tuple[float, float]:
    """The point at arc length ``t`` clockwise from the top centre of a (2hx × 2hy) rectangle."""
    for length, start, step in ((hx, (0.0, -hy), (1.0, 0.0)), (2 * hy, (hx, -hy), (0.0, 1.0)),
                                (2 * hx, (hx, hy), (-1.0, 0.0)), (2 * hy, (-hx, hy), (0.0, -1.0)),
                                (hx, (-hx, -hy), (1.0, 0.0))):
        if t <= length:
            return start[0] + step[0] * t, start[1] + step[1] * t
        t -= length
    return 0.0, -hy


def _place(piece: _Piece, x: float, y: float, out: dict[int, tuple[float, float]]) -> None:
    for node, (px, py) in zip(piece.nodes, piece.pos):
        out[node] = (float(px) + x, float(py) + y)
