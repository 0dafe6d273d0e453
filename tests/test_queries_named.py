"""Every named query on the seeds graph, through SPARQLWrapper, on `judikg serve` and on `oxigraph serve`
(loaded with `judikg push`); contents asserted against what the seed articles state (their gold files).

The cases (parameters and checks) live in tests/named_query_cases.py, shared with tests/test_virtuoso.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from judikg.graph.remote import RemoteEndpoint, push
from judikg.graph.store import OxigraphStore
from judikg.queries.library import library
from judikg.queries.results import ResultTable
from judikg.queries.run import EndpointTarget, StoreTarget, resolve_entity, run_named
from tests.named_query_cases import ALL_GAPS, ARTICLE_003, ARTICLE_004, CASES, ID, KNOWN_GAPS, ORG, column, rows
from tests.server_processes import build_seeds_store, judikg_server, oxigraph_server


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_seeds_store(tmp_path_factory.mktemp("named"))


@pytest.fixture(scope="module")
def targets(seeds_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    remote_dir = tmp_path_factory.mktemp("oxigraph-remote")
    with judikg_server(seeds_store) as judikg_url, oxigraph_server(remote_dir) as oxigraph_url:
        with OxigraphStore.open(seeds_store, read_only=True) as store:
            report = push(store, RemoteEndpoint.guess(f"{oxigraph_url}/query"))
            assert report.verified and report.graphs == 7  # 5 articles, reference, ontology
            yield {
                "embedded": StoreTarget(store),
                "judikg-serve": EndpointTarget(f"{judikg_url}sparql"),
                "oxigraph-serve": EndpointTarget(f"{oxigraph_url}/query"),
            }


SERVERS = ("embedded", "judikg-serve", "oxigraph-serve")


def test_every_named_query_has_a_case() -> None:
    assert set(CASES) == set(library())
    assert len(library()) >= 15


@pytest.mark.parametrize("server", SERVERS)
@pytest.mark.parametrize("name", sorted(CASES))
def test_named_query_contents(name: str, server: str, targets: dict[str, object], request: pytest.FixtureRequest) -> None:
    if name in ALL_GAPS:
        reason = next(gap[3] for gap in KNOWN_GAPS.values() if gap[0] == name)
        request.applymarker(pytest.mark.xfail(reason=reason, strict=False))
    params, check = CASES[name]
    table, labels = run_named(targets[server], library()[name], params)  # type: ignore[arg-type]
    check(table)
    entities = {i for i in table.iris() if not i.startswith(ID + "article/")}  # articles have titles, not labels
    if entities:
        assert set(labels) & entities, "the labels of result IRIs are looked up on the same server"


@pytest.mark.parametrize("gap", sorted(KNOWN_GAPS))
def test_gold_facts_the_extractor_still_misses(gap: str, targets: dict[str, object], request: pytest.FixtureRequest) -> None:
    name, params, check, reason = KNOWN_GAPS[gap]
    request.applymarker(pytest.mark.xfail(reason=reason, strict=False))
    table, _ = run_named(targets["embedded"], library()[name], params)  # type: ignore[arg-type]
    check(table)


@pytest.mark.parametrize("name", sorted(CASES))
def test_servers_agree_with_the_embedded_store(name: str, targets: dict[str, object]) -> None:
    params, _ = CASES[name]
    results = {s: run_named(targets[s], library()[name], params)[0] for s in SERVERS}  # type: ignore[arg-type]
    expected = sorted(map(str, results["embedded"].rows))
    for server in SERVERS[1:]:
        assert results[server].columns == results["embedded"].columns
        assert sorted(map(str, results[server].rows)) == expected, server


@pytest.mark.parametrize("server", SERVERS)
def test_entity_names_resolve_in_any_script(server: str, targets: dict[str, object]) -> None:
    # 004 (Kazakh Latin) and 001 (Kazakh Cyrillic) name the same Judicial Administration; 004 makes
    # it a party, beside IACA, to a memorandum.
    for name in ("Sot ákimshiligi", "Сот әкімшілігі"):
        assert resolve_entity(targets[server], name).value == ORG + "kz/judicial-administration", name  # type: ignore[arg-type]
        table, _ = run_named(targets[server], library()["partners"], {"institution": name})  # type: ignore[arg-type]
        assert (ORG + "iaca", "agreement") in rows(table, "partner", "through")


@pytest.mark.parametrize("server", ("judikg-serve", "oxigraph-serve"))
def test_parameters_are_terms_not_syntax(server: str, targets: dict[str, object]) -> None:
    table, _ = run_named(targets[server], library()["search"], {"text": '"} ; DROP ALL #'})  # type: ignore[arg-type]
    assert len(table) == 0
    again, _ = run_named(targets[server], library()["articles"], {})  # type: ignore[arg-type]
    assert len(again) == 5
    assert isinstance(ox.Literal("x"), ox.Literal)


@pytest.mark.parametrize("server", SERVERS)
def test_timeline_window_keeps_dates_at_their_own_precision(server: str, targets: dict[str, object]) -> None:
    timeline = library()["country-timeline"]

    def window(**bounds: str) -> ResultTable:
        return run_named(targets[server], timeline, {"country": "KZ", **bounds})[0]  # type: ignore[arg-type]

    whole, year, late, early = window(), window(**{"from": "2023", "to": "2023"}), window(**{"from": "2023-08"}), window(to="2023-07")
    # 004's round table (July 2023) is early, 003's conference (1 December 2023) late.
    round_table = (ORG + "kz/supreme-court", "event", ARTICLE_004)
    conference = (ID + "country/kz", "event", ARTICLE_003)
    assert round_table in rows(early, "actor", "kind", "article") and round_table not in rows(late, "actor", "kind", "article")
    assert conference in rows(late, "actor", "kind", "article") and conference not in rows(early, "actor", "kind", "article")
    assert {round_table, conference} <= rows(year, "actor", "kind", "article")  # a year keeps its months and days
    assert all(d is not None and d[:7] >= "2023-08" for d in column(late, "date"))
    assert all(d is not None and d[:7] <= "2023-07" for d in column(early, "date"))
    # A window leaves out undated items; the two halves make up the whole dated timeline.
    dated = {str(r) for r in whole.rows if r[0] is not None}
    assert dated and {*map(str, late.rows), *map(str, early.rows)} == dated
    assert len(whole) > len(dated)
