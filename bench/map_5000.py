"""Build a 5 000-node map from a synthetic judicial graph and time it in headless Chromium.

Run: python bench/map_5000.py [--nodes 5000]. Prints the time to project, lay out and write the
map, and the time headless Chromium (network cut off) takes to open it until drawn and settled.
The issue asks for under 15 s in the browser.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from map_browser import browser_missing, chromium, open_map  # noqa: E402

from judikg.graph.projection import JK, JKG, JKID, RDF, RDFS, project  # noqa: E402
from judikg.viz.map import MapOptions, write_map  # noqa: E402

COURTS = ("SupremeCourt", "ConstitutionalCourt", "Court", "CourtAdministration", "GovernmentBody", "Association")


def synthetic_quads(n_nodes: int, seed: int = 7) -> list[ox.Quad]:
    """Organisations, people, events and agreements in per-article graphs, ~n_nodes entities."""
    rng = random.Random(seed)
    countries = [f"c{i:02d}" for i in range(40)]
    orgs = [f"{JKID}org/{rng.choice(countries)}/{i}" for i in range(int(n_nodes * 0.35))]
    people = [f"{JKID}person/p{i}" for i in range(int(n_nodes * 0.25))]
    hubs = [(f"{JKID}event/e{i}", "Conference") for i in range(int(n_nodes * 0.22))]
    hubs += [(f"{JKID}agreement/a{i}", "Memorandum") for i in range(n_nodes - len(orgs) - len(people) - len(hubs) - 40)]
    T, L = ox.NamedNode(RDF + "type"), ox.NamedNode(RDFS + "label")
    quads: list[ox.Quad] = []
    for i, (hub, cls) in enumerate(hubs):
        g = ox.NamedNode(f"{JKG}article/{i:016x}")
        art = ox.NamedNode(f"{JKID}article/{i:016x}")
        quads += [ox.Quad(art, T, ox.NamedNode(JK + "Article"), g),
                  ox.Quad(art, ox.NamedNode("http://purl.org/dc/terms/title"), ox.Literal(f"News {i}", language="ru"), g),
                  ox.Quad(ox.NamedNode(hub), T, ox.NamedNode(JK + cls), g),
                  ox.Quad(ox.NamedNode(hub), ox.NamedNode(JK + "date"), ox.Literal(f"20{10 + i % 15}-0{1 + i % 9}"), g)]
        rel = "participant" if cls == "Conference" else "party"
        for org in rng.sample(orgs, 3):
            cc = org.split("/")[-2]
            quads += [ox.Quad(ox.NamedNode(org), T, ox.NamedNode(JK + rng.choice(COURTS)), g),
                      ox.Quad(ox.NamedNode(org), L, ox.Literal(f"Суд {org.rsplit('/', 1)[1]}", language="ru"), g),
                      ox.Quad(ox.NamedNode(org), ox.NamedNode(JK + "country"), ox.NamedNode(f"{JKID}country/{cc}"), g),
                      ox.Quad(ox.NamedNode(hub), ox.NamedNode(JK + rel), ox.NamedNode(org), g)]
        person = rng.choice(people)
        quads += [ox.Quad(ox.NamedNode(person), T, ox.NamedNode(JK + "Person"), g),
                  ox.Quad(ox.NamedNode(hub), ox.NamedNode(JK + rel), ox.NamedNode(person), g)]
    return quads


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=5000)
    args = parser.parse_args()
    store = ox.Store()
    store.extend(synthetic_quads(int(args.nodes * 1.075)))  # some sampled entities stay unused
    out = Path(tempfile.mkdtemp(prefix="judikg-bench-")) / "map.html"
    t0 = time.perf_counter()
    G = project(store)
    t1 = time.perf_counter()
    result = write_map(G, out, MapOptions(max_nodes=max(args.nodes, G.number_of_nodes())))
    t2 = time.perf_counter()
    print(f"graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges; projection {t1 - t0:.2f} s")
    print(f"map: {result.nodes} nodes, {result.edges} links drawn, {out.stat().st_size / 1e6:.1f} MB, built in {t2 - t1:.2f} s")
    missing = browser_missing()
    if missing:
        print(f"browser: skipped ({missing})")
        return 0
    with chromium() as driver:
        report = open_map(driver, out, timeout=120)
    print(f"chromium: drawn and settled in {report.seconds_to_ready:.2f} s; vis counts {report.nodes}/{report.edges}; "
          f"console errors {len(report.console_errors)}, requests {len(report.requests)}, pixel stddev {report.pixel_stddev:.1f}")
    ok = report.seconds_to_ready < 15 and report.nodes == result.nodes and not report.console_errors
    print("PASS: under 15 s" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
