"""Generated maps opened in real headless Chromium with the network cut off."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from judikg.graph.projection import project
from judikg.viz.map import MapOptions, write_map
from map_browser import browser_missing, chromium, open_map
from viz_sample_graph import XSS_TITLE, sample_store

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
