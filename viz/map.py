"""Interactive relationship maps: one self-contained, offline HTML file per view.

pyvis holds the network model and its vis-network options; the page is written here because
pyvis's own templates fetch assets from CDNs even in its "local"/"in_line" modes and pass
tooltips through innerHTML (known-pitfalls.md). vis-network's JS and CSS are read from the
installed pyvis wheel and inlined; graph data travels as escaped JSON (:mod:`judikg.viz.escape`)
and the page writes text only through ``textContent``. Positions come from
:mod:`judikg.viz.layout` (components packed around the main one) and physics stays off, so the
page draws at once and the same graph looks the same every time. The page fits the view to the
graph and keeps label text at a readable size on screen whatever the zoom (see map.js).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from judikg.errors import InputError, QueryError
from judikg.graph.labels import UI_LANGUAGES, humanize_class, pick_label
from judikg.graph.projection import article_refs, display_name
from judikg.viz.analytics import degree_scores
from judikg.viz.escape import html_text, json_for_script, safe_url
from judikg.viz.layout import layout
from judikg.viz.style import node_style
from judikg.viz.views import Selection, fold_institutions, select, select_dates
from judikg.viz.wrap import wrap_label

VIEWS = ("full", "institutions")
DEFAULT_MAX_NODES = 1000
#: Above this many edges labels move into tooltips: drawing thousands of labels stalls the canvas.
EDGE_LABELS_MAX = 1500
#: Up to this many links every link is labelled; above it only the strongest are, the rest on
#: hover or when one of their ends is selected (labels on every link of a dense map hide it).
EDGE_LABELS_ALL_MAX = 12
EDGE_LABELS_STRONG = 8
#: Node labels drawn at the initial zoom on big maps (the most central first); zooming in shows more.
NODE_LABELS_START = 60
TOOLTIP_ARTICLES = 5
DETAIL_ARTICLES = 50
VIS_VERSION = "vis-9.1.2"
_MARKER = re.compile(r"\{\{([A-Z_]+)\}\}")


@dataclass(frozen=True, slots=True)
class MapOptions:
    selection: Selection = field(default_factory=Selection)
    lang: str = "en"
    view: str = "full"
    max_nodes: int = DEFAULT_MAX_NODES
    title: str | None = None


@dataclass(slots=True)
class MapResult:
    html: str
    nodes: int  # drawn, aggregates included
    edges: int
    selected_nodes: int  # before aggregation
    aggregated_nodes: int
    aggregates: int
    view: str
    lang: str
    path: str | None = None

    def summary(self) -> str:
        where = f"wrote {self.path}: " if self.path else ""
        agg = (f"; the {self.aggregated_nodes} least central grouped into {self.aggregates} aggregate nodes"
               if self.aggregates else "")
        return f"{where}{self.nodes} nodes, {self.edges} edges ({self.view} view, labels in {self.lang}){agg}"

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("path", "nodes", "edges", "selected_nodes", "aggregated_nodes",
                                              "aggregates", "view", "lang")}


# --------------------------------------------------------------------------- assets


@cache
def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS as shipped inside the pyvis wheel (never fetched)."""
    try:
        lib = resources.files("pyvis") / "templates" / "lib" / VIS_VERSION
        js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
        css = (lib / "vis-network.css").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise InputError("pyvis", f"vis-network assets not found in the installed pyvis ({exc}); reinstall pyvis==0.3.2") from exc
    # A closing tag inside an inlined script would end it early; the shipped build has none, but make sure.
    return js.replace("</script", "<\\/script"), css.replace("</style", "<\\/style")


@cache
def _own_asset(name: str) -> str:
    return (resources.files("judikg.viz") / "templates" / name).read_text(encoding="utf-8")


# --------------------------------------------------------------------------- views


def prepare_view(G: nx.MultiDiGraph, view: str, selection: Selection) -> nx.Graph:
    """Dates first (they decide which articles count), then the fold, then country/type/focus."""
    if view not in VIEWS:
        raise QueryError(f"unknown view {view!r}: use one of {', '.join(VIEWS)}")
    H: nx.Graph = select_dates(G, selection.since, selection.until)
    if view == "institutions":
        H = fold_institutions(H)
    return select(H, selection)


def _aggregate(H: nx.Graph, max_nodes: int) -> tuple[nx.Graph, dict[str, float], int]:
    """Keep the ``max_nodes`` most central nodes; group the rest by category and country."""
    scores = degree_scores(H)
    if H.number_of_nodes() <= max_nodes:
        return H, scores, 0
    ranked = sorted(H.nodes, key=lambda n: (-scores.get(n, 0.0), str(n)))
    keep = set(ranked[:max_nodes])
    if H.graph.get("focus") in H:
        keep.add(H.graph["focus"])
    dropped = [n for n in H if n not in keep]
    by_country = len({(H.nodes[n]["category"], H.nodes[n].get("country_code")) for n in dropped}) <= max(8, max_nodes // 10)
    group_of: dict[Any, str] = {}
    A = nx.MultiDiGraph() if H.is_directed() else nx.Graph()
    A.graph.update(H.graph)
    for node in sorted(H.nodes, key=str):
        if node in keep:
            A.add_node(node, **H.nodes[node])
            continue
        attrs = H.nodes[node]
        code = attrs.get("country_code") if by_country else None
        group = f"aggregate:{attrs['category']}:{code or '-'}"
        group_of[node] = group
        if group not in A:
            A.add_node(group, iri=group, cls="Aggregate", category="aggregate", labels={}, members=0,
                       member_category=attrs["category"], country_code=code, articles=())
        A.nodes[group]["members"] += 1
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for u, v, attrs in H.edges(data=True):
        a, b = group_of.get(u, u), group_of.get(v, v)
        if a == b:
            continue
        if a in keep and b in keep:
            if A.is_multigraph():
                A.add_edge(a, b, **attrs)
            else:
                A.add_edge(a, b, **attrs)
            continue
        key = (a, b) if A.is_directed() else tuple(sorted((a, b), key=str))
        item = seen.setdefault(key, {"relation": "aggregate", "weight": 0, "links_count": 0, "articles": ()})
        item["weight"] += attrs.get("weight", 1)
        item["links_count"] += 1
    for (a, b), attrs in sorted(seen.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))):
        A.add_edge(a, b, **attrs)
    for group in {g for g in group_of.values()}:
        scores[group] = float(A.nodes[group]["members"])
    return A, scores, len(group_of)


# --------------------------------------------------------------------------- text


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _country_name(G: nx.Graph, full: nx.Graph, code: str | None, lang: str) -> str | None:
    if not code:
        return None
    for graph in (G, full):
        for node in graph:
            attrs = graph.nodes[node]
            if attrs.get("category") == "country" and attrs.get("country_code") == code:
                return pick_label(attrs.get("labels", {}), lang, code)
    return code


def _relation_text(attrs: dict[str, Any]) -> str:
    rel = attrs.get("relation", "")
    if rel == "post":
        return f"post: {attrs.get('role') or 'member'}"
    return humanize_class(rel).lower() if rel else ""


def _link_text(G: nx.Graph, item: dict[str, Any], lang: str) -> str:
    date = f", {item['date']}" if item.get("date") else ""
    if item["kind"] == "agreement":
        return f"signed {humanize_class(G.nodes[item['via']]['cls']).lower()}{date}" if item["via"] in G else f"signed agreement{date}"
    if item["kind"] == "event":
        name = display_name(G.nodes[item["via"]], lang) if item["via"] in G else "an event"
        return f"met at {name}{'' if item.get('date') and name.endswith(item['date']) else date}"
    return humanize_class(item["kind"]).lower() + date


# --------------------------------------------------------------------------- payload


class _Articles:
    """Article metadata stored once in the page, referenced by index."""

    def __init__(self, full: nx.Graph) -> None:
        self.full = full
        self.index: dict[str, int] = {}
        self.rows: list[dict[str, Any]] = []

    def refs(self, graphs: tuple[str, ...] | list[str], limit: int) -> list[int]:
        out = []
        for ref in article_refs(self.full, graphs)[:limit]:
            if ref.graph not in self.index:
                self.index[ref.graph] = len(self.rows)
                self.rows.append({"title": ref.title or ref.iri, "date": ref.date, "url": safe_url(ref.url),
                                  "lang": ref.lang, "iri": ref.iri})
            out.append(self.index[ref.graph])
        return out


def _node_payload(G: nx.Graph, full: nx.Graph, node: Any, pos: tuple[int, int], score: float, lang: str,
                  articles: _Articles) -> tuple[dict[str, Any], dict[str, Any]]:
    attrs = G.nodes[node]
    style = node_style(attrs["cls"], attrs["category"])
    if attrs["category"] == "aggregate":
        kind = attrs["member_category"]
        where = f" ({attrs['country_code']})" if attrs.get("country_code") else ""
        label = f"+{attrs['members']} {kind}{'' if attrs['members'] == 1 else 's'}{where}"
        title = f"{label}\nLess central entities grouped to keep the map readable.\nNarrow it with --focus, --country or --type, or raise --max-nodes."
        vis = {"id": str(node), "label": label, "x": pos[0], "y": pos[1], "shape": style.shape, "color": style.color,
               "value": score, "title": title, "cls": "Aggregate", "country": attrs.get("country_code") or ""}
        return vis, {"name": label, "cls": "Aggregate", "names": {}, "articles": [], "aggregate": attrs["members"]}
    name = display_name(attrs, lang)
    code = attrs.get("country_code")
    label = wrap_label(name, "" if not code or attrs["category"] == "country" else f"· {code}")
    country = _country_name(G, full, code, lang) if attrs["category"] != "country" else None
    posts = [f"{p['role']} — {display_name(full.nodes[p['organization']], lang) if p['organization'] in full else p['organization']}"
             for p in attrs.get("posts", [])]
    holders = [f"{m['role']} — {display_name(full.nodes[m['person']], lang) if m['person'] in full else m['person']}"
               for m in attrs.get("members", [])]
    dates = " – ".join(d for d in (attrs.get("date"), attrs.get("end_date")) if d)
    refs = article_refs(full, attrs.get("articles", ()))
    lines = [name, " · ".join(x for x in (humanize_class(attrs["cls"]), country) if x)]
    lines += [f"{tag}: {text}" for tag, text in attrs.get("labels", {}).items() if text != name]
    if dates:
        lines.append(f"date: {dates}")
    lines += [f"post: {p}" for p in posts[:5]] + [f"holder: {h}" for h in holders[:5]]
    if refs:
        lines.append(f"articles ({len(refs)}):")
        lines += [f"  {r.date or '—'}  {_short(r.title or r.iri, 70)}" for r in refs[:TOOLTIP_ARTICLES]]
    lines.append("click for links")
    vis = {"id": str(node), "label": label, "x": pos[0], "y": pos[1], "shape": style.shape,
           "color": style.color, "value": score, "title": "\n".join(lines), "cls": attrs["cls"], "country": code or ""}
    detail = {
        "name": name, "iri": attrs.get("iri", str(node)), "cls": humanize_class(attrs["cls"]), "country": country,
        "names": attrs.get("labels", {}), "date": dates or None, "posts": posts, "holders": holders,
        "articles": articles.refs(attrs.get("articles", ()), DETAIL_ARTICLES), "articles_total": len(refs),
        "search": sorted({*attrs.get("labels", {}).values(), *attrs.get("aliases", ()), str(node)}),
    }
    return vis, detail


def _edge_payload(G: nx.Graph, full: nx.Graph, u: Any, v: Any, attrs: dict[str, Any], lang: str, directed: bool,
                  with_labels: bool, articles: _Articles, n: int) -> tuple[dict[str, Any], dict[str, Any]]:
    if "links" in attrs:  # institutions view
        texts = [_link_text(full, it, lang) for it in reversed(attrs["links"])]
        label = texts[0] + (f" (+{len(texts) - 1})" if len(texts) > 1 else "")
    elif attrs.get("relation") == "aggregate":
        texts = [f"{attrs['links_count']} links"]
        label = texts[0]
    else:
        texts = [_relation_text(attrs) + (f", {attrs['date']}" if attrs.get("date") else "")]
        label = texts[0]
    refs = article_refs(full, attrs.get("articles", ()))
    lines = [*texts[:8]] + ([f"… and {len(texts) - 8} more"] if len(texts) > 8 else [])
    if attrs.get("first_seen"):
        lines.append(f"first reported {attrs['first_seen']}")
    if refs:
        lines.append(f"articles ({len(refs)}):")
        lines += [f"  {r.date or '—'}  {_short(r.title or r.iri, 70)}" for r in refs[:TOOLTIP_ARTICLES]]
    evidence = [_short(text, 300) for _, text in attrs.get("evidence", ())][:5]
    vis: dict[str, Any] = {"id": n, "from": str(u), "to": str(v), "value": attrs.get("weight", 1), "title": "\n".join(lines)}
    if with_labels:
        vis["text"] = _short(label, 48)  # map.js shows it when the link is hovered, selected or strong
    if directed:
        vis["arrows"] = "to"
    if attrs.get("reference"):
        vis["dashes"] = True
    detail = {"texts": texts, "articles": articles.refs(attrs.get("articles", ()), DETAIL_ARTICLES),
              "articles_total": len(refs), "evidence": evidence,
              "from": display_name(G.nodes[u], lang) if G.nodes[u].get("labels") or G.nodes[u].get("category") != "aggregate" else str(u),
              "to": display_name(G.nodes[v], lang) if G.nodes[v].get("category") != "aggregate" else str(v)}
    return vis, detail


def _label_box(label: str) -> tuple[float, float]:
    """Width and height in pixels of a node with its label under it, at zoom 1 (13 px text)."""
    lines = label.split("\n")
    return max(len(line) for line in lines) * 7.4 + 12, len(lines) * 16 + 30


def _rank_nodes(nodes: list[dict[str, Any]], focus: Any, also: list[str]) -> None:
    """Give each node its centrality rank (0 = most central; map.js labels big maps in this
    order) and make the focus stand out: thick dark border, halo, largest size."""
    focused = {str(focus), *also} if focus is not None else set()
    order = sorted(nodes, key=lambda vis: (vis["id"] != str(focus), vis["id"] not in focused, -vis["value"], vis["id"]))
    top = max((vis["value"] for vis in nodes), default=1.0)
    for rank, vis in enumerate(order):
        vis["rank"] = rank
    for vis in order[: len(focused)]:
        vis.update({"value": top, "borderWidth": 4, "shadow": {"enabled": True, "size": 12, "x": 0, "y": 0},
                    "color": {"background": vis["color"], "border": "#212121",
                              "highlight": {"background": vis["color"], "border": "#000000"}}})


def _label_strong_edges(edges: list[dict[str, Any]]) -> None:
    """Show the label of every link on a sparse map, of the strongest few on a dense one."""
    texted = [e for e in edges if "text" in e]
    if len(texted) > EDGE_LABELS_ALL_MAX:
        texted = sorted((e for e in texted if e["value"] >= 2), key=lambda e: (-e["value"], e["id"]))[:EDGE_LABELS_STRONG]
    for e in texted:
        e["label"] = e["text"]


def _vis_options(n_nodes: int, n_edges: int, directed: bool) -> dict[str, Any]:
    from pyvis.network import Network

    net = Network(directed=directed)
    # Positions are final (judikg.viz.layout): a physics pass would pull packed components together.
    net.toggle_physics(False)
    net.toggle_hide_edges_on_drag(n_edges > 2000)
    options = json.loads(net.options.to_json())
    options["edges"] = {
        "color": {"color": "#9aa5b1", "highlight": "#37474f", "hover": "#37474f", "inherit": False},
        "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.12} if n_edges <= EDGE_LABELS_MAX else {"enabled": False},
        "font": {"size": 11, "color": "#37474f", "strokeWidth": 4, "strokeColor": "#ffffff", "align": "horizontal"},
        "scaling": {"min": 1, "max": 8, "label": {"enabled": False}},  # label size is map.js's job
        "selectionWidth": 2,
    }
    # Font sizes here are the sizes at zoom 1; map.js rescales them so they stay legible on screen.
    options["nodes"] = {"font": {"size": 13, "face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
                        "scaling": {"min": 8, "max": 42, "label": {"enabled": False}}, "borderWidth": 1}
    options["interaction"].update({"hover": n_nodes <= 3000, "tooltipDelay": 120, "multiselect": True,
                                   "navigationButtons": False, "keyboard": {"enabled": True, "bindToWindow": False}})
    options["layout"] = {"improvedLayout": False, "randomSeed": 42}
    return options


def build_map(G: nx.MultiDiGraph, options: MapOptions | None = None) -> MapResult:
    """The HTML page for a projected graph (see :func:`judikg.graph.projection.project`)."""
    options = options or MapOptions()
    if options.lang not in UI_LANGUAGES:
        raise QueryError(f"unknown label language {options.lang!r}: use one of {', '.join(UI_LANGUAGES)}")
    if options.max_nodes < 1:
        raise QueryError(f"--max-nodes {options.max_nodes}: give a positive number, e.g. 1000")
    lang = options.lang
    H = prepare_view(G, options.view, options.selection)
    selected = H.number_of_nodes()
    D, scores, aggregated = _aggregate(H, options.max_nodes)
    focus = D.graph.get("focus") if D.graph.get("focus") in D else None
    directed = D.is_directed()
    articles = _Articles(G)
    nodes, node_details = [], {}
    for node in sorted(D.nodes, key=str):
        vis, detail = _node_payload(D, G, node, (0, 0), scores.get(node, 0.0), lang, articles)
        nodes.append(vis)
        node_details[vis["id"]] = detail
    positions = layout(D, center=focus, boxes={node: _label_box(vis["label"]) for node, vis in zip(sorted(D.nodes, key=str), nodes)})
    for node, vis in zip(sorted(D.nodes, key=str), nodes):
        vis["x"], vis["y"] = positions[node]
    _rank_nodes(nodes, focus, [str(n) for n in D.graph.get("focus_all", ()) if n in D])
    # A country "in" itself (articles name a country's own bodies) draws as a meaningless loop.
    edge_list = sorted(((u, v, a) for u, v, a in D.edges(data=True) if not (u == v and a.get("relation") == "country")), key=lambda e: (str(e[0]), str(e[1]), str(e[2].get("relation")), str(e[2].get("role"))))
    with_labels = len(edge_list) <= EDGE_LABELS_MAX
    edges, edge_details = [], []
    for n, (u, v, attrs) in enumerate(edge_list):
        vis, detail = _edge_payload(D, G, u, v, attrs, lang, directed, with_labels, articles, n)
        edges.append(vis)
        edge_details.append(detail)
    _label_strong_edges(edges)
    aggregates = sum(1 for n in D if D.nodes[n].get("category") == "aggregate")
    styles = {n: node_style(D.nodes[n]["cls"], D.nodes[n]["category"]) for n in D}
    legend = sorted({(vis["cls"], styles[n].shape, styles[n].color) for n, vis in zip(sorted(D.nodes, key=str), nodes)})
    notices = []
    if aggregated:
        notices.append(f"This map shows the {selected - aggregated} most central of {selected} entities; the other "
                       f"{aggregated} are grouped into {aggregates} grey hexagons by kind and country. "
                       "Narrow the map with --focus, --country, --type or dates, or raise --max-nodes.")
    if not with_labels:
        notices.append(f"{len(edge_list)} links: their labels are in the tooltips.")
    sel = options.selection
    focus_names = [display_name(G.nodes[n], lang) for n in H.graph.get("focus_all", ()) if n in G]
    filters = [f"focus: {' | '.join(focus_names)} (depth {sel.depth})" if focus_names else "",
               f"countries: {', '.join(sorted(c.upper() for c in sel.countries))}" if sel.countries else "",
               f"types: {', '.join(sel.types)}" if sel.types else "",
               f"from {sel.since}" if sel.since else "", f"until {sel.until}" if sel.until else ""]
    title = options.title or ("judikg — who cooperates with whom" if options.view == "institutions" else "judikg — relationship map")
    data = {
        "nodes": nodes, "edges": edges, "nodeDetails": node_details, "edgeDetails": edge_details,
        "articles": articles.rows, "options": _vis_options(len(nodes), len(edges), directed),
        "focus": str(focus) if focus is not None else None,
        "focusAll": [str(n) for n in D.graph.get("focus_all", ()) if n in D], "nodeLabelsStart": NODE_LABELS_START, "legend": [{"cls": c, "label": humanize_class(c), "shape": s, "color": col} for c, s, col in legend],
        "countries": sorted({vis["country"] for vis in nodes if vis["country"]}), "lang": lang,
    }
    js, css = _vis_assets()
    page = _own_asset("map.html")
    replacements = {
        "{{LANG}}": html_text(lang),
        "{{TITLE}}": html_text(title),
        "{{SUMMARY}}": html_text(f"{len(nodes)} nodes · {len(edges)} links · {options.view} view · "
                                 + " · ".join(f for f in filters if f)).rstrip(" ·"),
        "{{NOTICES}}": "".join(f'<p class="notice">{html_text(n)}</p>' for n in notices),
        "{{VIS_CSS}}": css,
        "{{MAP_CSS}}": _own_asset("map.css"),
        "{{DATA}}": json_for_script(data),
        "{{VIS_JS}}": js,
        "{{MAP_JS}}": _own_asset("map.js"),
    }
    # Split the template once: text inserted for one marker is never searched for the next.
    parts = _MARKER.split(page)
    page = "".join(replacements["{{" + part + "}}"] if i % 2 else part for i, part in enumerate(parts))
    return MapResult(page, len(nodes), len(edges), selected, aggregated, aggregates, options.view, lang)


def write_map(G: nx.MultiDiGraph, path: Path | str, options: MapOptions | None = None) -> MapResult:
    """Build the map and write it as UTF-8 (explicitly: pyvis relied on the platform encoding)."""
    result = build_map(G, options)
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(result.html, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise InputError(str(target), f"cannot write the map ({exc.strerror}); choose another -o path") from exc
    return replace(result, path=str(target))
