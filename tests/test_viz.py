"""Maps, views and analytics over the hand-made graph: offline, escaped, deterministic."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from judikg.errors import QueryError
from judikg.graph.projection import project
from judikg.viz.analytics import analyze, find_path
from judikg.viz.escape import json_for_script, safe_url
from judikg.viz.layout import layout
from judikg.viz.map import MapOptions, build_map, write_map
from judikg.viz.views import Selection, date_bounds, fold_institutions, select, select_dates
from judikg.viz.wrap import LINE_CHARS, MAX_LINES, wrap_label
from viz_sample_graph import (AACC, EVIL, KG_CC, KG_SC, KZ_CC, KZ_SC, MEET, MEMO, PERSON, XSS_LABEL, XSS_TITLE,
                              sample_store)


@pytest.fixture(scope="module")
def G():
    return project(sample_store())


def _data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)
    assert m
    return json.loads(m.group(1))


def test_map_is_offline_and_self_contained(G):
    html = build_map(G).html
    assert not re.search(r"<(script|img|link|iframe)[^>]*\s(src|href)\s*=", html, re.I)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html, re.I) and "@import" not in html
    assert "vis.Network" in html and not re.search(r"jsdelivr|cdnjs|unpkg|googleapis", html)


def test_hostile_text_cannot_leave_the_json_island(G):
    html = build_map(G).html
    assert html.count("</script>") == 3  # the data island, vis-network, the page script
    assert XSS_TITLE not in html and XSS_LABEL not in html
    data = _data(html)
    assert any(a["title"] == XSS_TITLE for a in data["articles"])
    assert data["nodeDetails"][EVIL]["name"] == XSS_LABEL  # kept as text, drawn as text
    assert ".innerHTML" not in html.split("<script>")[-1]


def test_same_graph_same_file(G, tmp_path):
    a = write_map(G, tmp_path / "a.html", MapOptions(view="institutions"))
    b = write_map(project(sample_store()), tmp_path / "b.html", MapOptions(view="institutions"))
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
    assert a.nodes == 9 and (tmp_path / "a.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_full_view_draws_every_entity_with_styles(G):
    data = _data(build_map(G, MapOptions(lang="ru")).html)
    assert len(data["nodes"]) == G.number_of_nodes() and len(data["edges"]) == G.number_of_edges()
    node = {n["id"]: n for n in data["nodes"]}
    assert node[KZ_SC]["label"] == "Верховный суд\nКазахстана · KZ"  # wrapped; the full name is in the tooltip
    assert node[MEMO]["shape"] == "square" and node[PERSON]["shape"] == "diamond"
    assert node[KG_CC]["value"] > node[KZ_SC]["value"]  # sized by centrality
    titles = {(e["from"], e["to"]): e for e in data["edges"]}
    assert titles[(MEMO, KG_CC)]["text"] == "party, 2024-05-27" and titles[(MEMO, KG_CC)]["value"] == 2
    assert "Кыргыз Республикасынын" in node[KG_CC]["title"]  # names in every language in the tooltip


def test_institutions_view_folds_events_and_agreements(G):
    H = fold_institutions(G)
    assert {H.nodes[n]["category"] for n in H} == {"institution", "country"}
    link = H.edges[KG_CC, KZ_CC]
    assert {it["kind"] for it in link["links"]} == {"agreement", "event"} and link["weight"] == 2
    data = _data(build_map(G, MapOptions(view="institutions")).html)
    labels = {e["text"] for e in data["edges"]}
    assert "met at AACC Congress, 2024-05 (+1)" in labels or "signed memorandum, 2024-05-27 (+1)" in labels
    assert any(t.startswith("signed memorandum, 2024-05-27") for d in data["edgeDetails"] for t in d["texts"])


def test_selections(G):
    assert set(select(G, Selection(focus="AACC", depth=1))) == {AACC, KZ_SC, "https://w3id.org/judikg/id/event/2024-05-conference-def456"}
    only_2023 = select_dates(G, "2023", "2023-12")
    assert MEET in only_2023 and MEMO not in only_2023 and KZ_CC not in only_2023  # 2024 events and news drop
    assert select_dates(G, "2024", None).edges[MEMO, KG_CC, "party"]["weight"] == 1  # the 2023 report no longer counts
    kz = select(G, Selection(countries=("kz",)))
    assert KZ_SC in kz and KG_SC not in kz and MEET in kz  # events stay when they touch the country
    assert set(select(G, Selection(types=("SupremeCourt",)))) == {KZ_SC, KG_SC}
    with pytest.raises(QueryError, match="YYYY-MM"):
        date_bounds("2024-13")


def test_big_graph_keeps_the_central_and_says_so(G):
    result = build_map(G, MapOptions(max_nodes=5))
    assert result.aggregated_nodes == G.number_of_nodes() - 5 and result.aggregates >= 1
    assert "most central of 14 entities" in result.html


def test_layout_is_deterministic_and_spread():
    g = nx.barabasi_albert_graph(400, 2, seed=3)
    a, b = layout(g), layout(g)
    assert a == b and len(set(a.values())) == 400


def test_small_components_are_packed_around_the_main_one():
    g = nx.barabasi_albert_graph(40, 2, seed=5)
    g.add_nodes_from(range(100, 112))  # isolated nodes
    g.add_edges_from((200 + i, 300 + i) for i in range(6))  # pairs
    pos = layout(g)
    assert pos == layout(g)
    main = [pos[n] for n in range(40)]
    mx = [x for x, _ in main]
    every = [x for x, _ in pos.values()]
    # the old single layout flung the 18 small components far out: the main cluster was ~5 % wide
    assert (max(mx) - min(mx)) / (max(every) - min(every)) > 0.4
    centre = (sum(mx) / 40, sum(y for _, y in main) / 40)
    assert max(abs(centre[0]), abs(centre[1])) < 150  # the main cluster is in the middle
    assert len(set(pos.values())) == len(pos)


def test_layout_puts_the_centre_node_at_the_origin():
    g = nx.path_graph(9)
    g.add_edge(20, 21)
    assert layout(g, center=6)[6] == (0, 0)
    assert layout(g, center=20)[20] == (0, 0)  # its component becomes the main one


@given(st.lists(st.text(alphabet="abcdeÇçЖғ ", min_size=1, max_size=30), min_size=1, max_size=6),
       st.sampled_from(["", "· KZ"]))
def test_wrapped_labels_are_short_and_keep_their_words(words, suffix):
    name = " ".join(words)
    label = wrap_label(name, suffix)
    lines = label.split("\n")
    assert len(lines) <= MAX_LINES
    assert all(len(line) <= LINE_CHARS + len(suffix) + 2 for line in lines)
    if suffix and name.split():
        assert label.endswith(suffix)
    if "…" not in label:
        assert " ".join(label.split()) == " ".join(f"{name} {suffix}".split())


def test_analytics(G):
    report = analyze(G)
    assert report.n_nodes == 14 and not report.betweenness_approximate
    assert sum(len(c) for c in report.communities) == 14
    top = report.nodes[0]
    assert top.eigenvector >= max(m.eigenvector for m in report.nodes)


def test_path_lists_articles_for_every_hop(G):
    report = find_path(G, "K. Dzhusupov", KZ_CC)
    assert report.found and report.hops[0].source == PERSON and report.hops[-1].target == KZ_CC
    assert all(link.articles for hop in report.hops for link in hop.links)
    assert all(hop.links for hop in report.hops)
    # countries are not a working relationship: the path never runs through one
    assert not any("/country/" in hop.target for hop in report.hops[:-1])


def test_escape_helpers():
    assert "<" not in json_for_script({"t": "</script><!--"}) and json.loads(json_for_script({"t": "</script>"}))["t"] == "</script>"
    assert safe_url("javascript:alert(1)") is None and safe_url("https://a.kg/x") == "https://a.kg/x"


def test_cli_map_analyze_path(tmp_path):
    from judikg.cli import app
    from judikg.graph.store import OxigraphStore

    store = tmp_path / "store"
    st = OxigraphStore.open(store)
    try:
        st.raw.extend(list(sample_store()))  # hand-made quads straight into the embedded store
    finally:
        st.close()
    runner = CliRunner()
    out = tmp_path / "m.html"
    res = runner.invoke(app, ["map", "-s", str(store), "-o", str(out), "--view", "institutions", "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["nodes"] == 9 and out.exists()
    res = runner.invoke(app, ["analyze", "-s", str(store), "--json"])
    assert res.exit_code == 0 and json.loads(res.stdout)["nodes"] == 14
    res = runner.invoke(app, ["path", "-s", str(store), "AACC", "Верховный суд Кыргызстана", "--json"])
    assert res.exit_code == 0 and json.loads(res.stdout)["found"]
    res = runner.invoke(app, ["map", "-s", str(store), "--focus", "Court of Atlantis", "-o", str(out)])
    assert res.exit_code == 2
