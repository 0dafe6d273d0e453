"""Generated maps opened in real headless Chromium with the network cut off."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import networkx as nx

from judikg.graph.projection import project
from judikg.viz.map import MapOptions, write_map
from map_browser import browser_missing, chromium, open_map
from judikg.viz.views import Selection
from viz_sample_graph import AACC, XSS_TITLE, sample_store

pytestmark = pytest.mark.browser

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="module")
def driver():
    missing = browser_missing()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the browser tests: {missing}")
        pytest.skip(missing)
    with chromium() as d:
        yield d


def _check(report, nodes: int, edges: int) -> None:
    assert report.console_errors == []
    assert report.requests == [] and report.failed_requests == []
    assert report.seconds_to_ready < 30
    assert (report.nodes, report.edges) == (nodes, edges)
    assert report.pixel_stddev > 5, "the network area looks blank"
    assert report.xss is None and report.alert is None


@pytest.mark.parametrize("view", ["full", "institutions"])
def test_hand_made_graph_draws_offline_and_stays_inert(driver, tmp_path, view):
    G = project(sample_store())
    result = write_map(G, tmp_path / f"{view}.html", MapOptions(view=view, lang="ky"))
    _check(open_map(driver, tmp_path / f"{view}.html"), result.nodes, result.edges)


def test_hostile_title_shows_as_text_in_the_details_panel(driver, tmp_path):
    G = project(sample_store())
    write_map(G, tmp_path / "m.html")
    open_map(driver, tmp_path / "m.html")
    text = driver.execute_script(
        "var d = window.judikgMap.data; var id = d.edges.find(e => d.edgeDetails[e.id].articles.length).id;"
        "window.judikgMap.network.selectEdges([id]);"
        "window.judikgMap.network.body.emitter.emit('click', {nodes: [], edges: [id]});"
        "return document.getElementById('details').textContent;")
    assert XSS_TITLE in text or "Court news" in text
    assert driver.execute_script("return document.querySelectorAll('#details img, #details script').length") == 0
    assert driver.execute_script("return window.__xss === undefined")


def test_aggregated_map_draws(driver, tmp_path):
    G = project(sample_store())
    result = write_map(G, tmp_path / "agg.html", MapOptions(max_nodes=4))
    assert result.aggregates
    _check(open_map(driver, tmp_path / "agg.html"), result.nodes, result.edges)


def test_seeds_map_from_real_ingest(driver, tmp_path):
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared not found: the shared test corpus sits beside the clone in CI")
    from judikg.graph.store import OxigraphStore
    from judikg.pipeline import ingest_into

    store = tmp_path / "store"
    report = ingest_into([str(SHARED / "seeds")], store)
    assert report.ok
    with OxigraphStore.open(store, read_only=True) as st:
        G = project(st.raw)
    assert G.number_of_nodes() > 10
    for view in ("full", "institutions"):
        result = write_map(G, tmp_path / f"seeds-{view}.html", MapOptions(view=view, lang="ru"))
        _check(open_map(driver, tmp_path / f"seeds-{view}.html"), result.nodes, result.edges)


_VIEW_JS = """
var m = window.judikgMap, n = m.network, c = document.getElementById('network');
var ids = arguments[0], pos = n.getPositions(ids), xs = [], ys = [];
ids.forEach(function (id) { var p = n.canvasToDOM(pos[id]); xs.push(p.x); ys.push(p.y); });
var fonts = m.nodes.get().filter(function (x) { return x.label; }).map(function (x) {
  return n.body.nodes[x.id].options.font.size * n.getScale(); });
return {width: c.clientWidth, height: c.clientHeight, x0: Math.min.apply(null, xs), x1: Math.max.apply(null, xs),
        y0: Math.min.apply(null, ys), y1: Math.max.apply(null, ys), fonts: fonts, selected: n.getSelectedNodes()};
"""


def _main_component(result_html_path: Path, driver) -> list[str]:
    nodes, edges = driver.execute_script(
        "var d = window.judikgMap.data; return [d.nodes.map(n => n.id), d.edges.map(e => [e.from, e.to])];")
    g = nx.Graph()
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    return sorted(max(nx.connected_components(g), key=len))


def test_initial_view_fits_the_main_cluster_with_readable_labels(driver, tmp_path):
    """Small components packed around the main one: it fills the canvas and labels are legible."""
    from judikg.graph.store import OxigraphStore
    from judikg.pipeline import ingest_into

    examples = Path(__file__).resolve().parents[1] / "examples" / "articles"
    report = ingest_into([str(examples)], tmp_path / "store")
    assert report.ok
    with OxigraphStore.open(tmp_path / "store", read_only=True) as st:
        G = project(st.raw)
    for view in ("institutions", "full"):
        result = write_map(G, tmp_path / f"{view}.html", MapOptions(view=view))
        _check(open_map(driver, tmp_path / f"{view}.html"), result.nodes, result.edges)
        main = _main_component(tmp_path / f"{view}.html", driver)
        assert len(main) < result.nodes, "the examples graph has several components: the test needs them"
        box = driver.execute_script(_VIEW_JS, main)
        assert (box["x1"] - box["x0"]) / box["width"] > 0.3, box
        assert 0 <= box["x0"] and box["x1"] <= box["width"] and 0 <= box["y0"] and box["y1"] <= box["height"]
        assert len(box["fonts"]) >= 8, "too few labels shown at the initial zoom"
        assert min(box["fonts"]) >= 10, f"labels {min(box['fonts']):.1f} px on screen"


def test_focus_is_centred_selected_and_labelled(driver, tmp_path):
    G = project(sample_store())
    result = write_map(G, tmp_path / "focus.html", MapOptions(selection=Selection(focus="AACC", depth=2)))
    _check(open_map(driver, tmp_path / "focus.html"), result.nodes, result.edges)
    box = driver.execute_script(_VIEW_JS, [AACC])
    assert box["selected"] == [AACC]
    assert abs(box["x0"] - box["width"] / 2) < 0.1 * box["width"]
    assert abs(box["y0"] - box["height"] / 2) < 0.15 * box["height"]
    assert driver.execute_script("return window.judikgMap.nodes.get(arguments[0]).label", AACC)
    assert "Association of Asian Constitutional Courts" in driver.execute_script("return document.getElementById('details').textContent")
