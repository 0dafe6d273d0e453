"""`judikg link wikidata` against a local `oxigraph serve-read-only` loaded with a small
Wikidata-shaped fixture (tests/fixtures/wikidata_fixture.ttl) — never the live service."""

from __future__ import annotations

import http.server
import json
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from judikg.cli import app
from judikg.errors import ReferenceDataError
from judikg.graph.wikidata_link import LINKS_FILE, Proposal, propose, read_links, record_links
from judikg.ontology.reference import load, reference_dir
from judikg.queries.run import USER_AGENT, EndpointTarget

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "wikidata_fixture.ttl"
VERIFIED = {"kg": "Q813", "kz": "Q232", "kr": "Q884", "mn": "Q711", "ge": "Q230", "ar": "Q414",
            "seoul": "Q8684", "tbilisi": "Q994", "buenos-aires": "Q1486", "astana": "Q1520", "bishkek": "Q9361"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if shutil.which("oxigraph") is None:
        pytest.skip("the oxigraph server (pip install oxigraph) is not installed")
    location = tmp_path_factory.mktemp("wikidata")
    subprocess.run(["oxigraph", "load", "--location", str(location), "--file", str(FIXTURE)], check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen(
        ["oxigraph", "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("oxigraph serve did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def by_key(proposals: list[Proposal]) -> dict[str, Proposal]:
    return {p.key: p for p in proposals}


def test_label_type_and_country_decide(endpoint: str) -> None:
    report = propose(EndpointTarget(endpoint), load(), keys=["osh", "talas", "almaty", "aacc", "naryn"])
    found = by_key(report.proposals)
    assert found["osh"].status == "verified" and found["osh"].qid == "Q999999001"
    assert found["osh"].country == "Q813"  # checked against Kyrgyzstan's verified item
    assert {m.qid: m.problem is None for m in found["osh"].matches} == {"Q999999001": True, "Q999999002": False}
    assert found["talas"].status == "rejected" and "P17" in found["talas"].reason
    assert found["almaty"].status == "ambiguous" and found["almaty"].qid is None
    assert found["aacc"].status == "verified" and found["aacc"].qid == "Q999999006"
    assert found["naryn"].status == "not-found"


def test_recheck_confirms_the_verified_items_of_the_reference_data(endpoint: str) -> None:
    report = propose(EndpointTarget(endpoint), load(), keys=sorted(VERIFIED), recheck=True)
    found = by_key(report.proposals)
    assert {k: (p.status, p.qid) for k, p in found.items()} == {k: ("confirmed", q) for k, q in VERIFIED.items()}


def test_already_linked_entities_are_not_proposed_again(endpoint: str) -> None:
    report = propose(EndpointTarget(endpoint), load(), keys=["kz", "astana", "osh"])
    assert [p.key for p in report.proposals] == ["osh"]


def test_accepted_links_are_recorded_sorted_and_merged(endpoint: str, tmp_path: Path) -> None:
    links_file = tmp_path / LINKS_FILE
    report = propose(EndpointTarget(endpoint), load(), keys=["osh", "talas", "aacc"])
    added = record_links(report.proposals, links_file, source=endpoint)
    assert [r.key for r in added] == ["aacc", "osh"]
    records = json.loads(links_file.read_text(encoding="utf-8"))
    assert [r["key"] for r in records] == ["aacc", "osh"]
    assert records[1] | {"source": None} == {
        "key": "osh", "iri": "https://w3id.org/judikg/id/city/osh", "wikidata": "Q999999001", "label": "Osh",
        "types": ["Q515"], "country": "Q813", "source": None,
    }
    assert record_links(report.proposals, links_file) == []  # idempotent
    again = propose(EndpointTarget(endpoint), load(), links=read_links(links_file), keys=["osh", "talas"])
    assert [p.key for p in again.proposals] == ["talas"]


def test_a_conflicting_link_is_refused(tmp_path: Path) -> None:
    links_file = tmp_path / LINKS_FILE
    links_file.write_text(json.dumps([{"key": "osh", "iri": "https://w3id.org/judikg/id/city/osh", "wikidata": "Q999999009", "label": "Osh"}]))
    proposal = Proposal("osh", "https://w3id.org/judikg/id/city/osh", "City", "Osh", "verified", "Q999999001", "",
                        matches=(), country="Q813")
    with pytest.raises(ReferenceDataError, match="already linked"):
        record_links([proposal], links_file)


def test_bad_links_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / LINKS_FILE
    path.write_text('[{"key": "osh", "iri": "x", "wikidata": "osh", "label": "Osh"}]')
    with pytest.raises(ReferenceDataError, match="not an item id"):
        read_links(path)
    path.write_text("{}")
    with pytest.raises(ReferenceDataError, match="JSON list"):
        read_links(path)


def test_the_shipped_links_file_holds_only_verified_ids() -> None:
    links = read_links(reference_dir() / LINKS_FILE)
    assert all(not link.wikidata.startswith("Q9999") for link in links.values())


def test_cli_proposes_and_records_with_accept(endpoint: str, tmp_path: Path) -> None:
    links_file = tmp_path / LINKS_FILE
    result = CliRunner().invoke(
        app, ["link", "wikidata", "--endpoint", endpoint, "--key", "osh", "--key", "almaty", "--accept", "--links-file", str(links_file), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["counts"] == {"verified": 1, "ambiguous": 1}
    assert [r["wikidata"] for r in json.loads(links_file.read_text())] == ["Q999999001"]


def test_cli_refuses_an_unknown_key_with_exit_code_2(endpoint: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["link", "wikidata", "--endpoint", endpoint, "--key", "atlantis", "--links-file", str(tmp_path / "l.json")])
    assert result.exit_code == 2
    assert "atlantis" in result.output


def test_requests_carry_the_judikg_user_agent(tmp_path: Path) -> None:
    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
            seen.append(self.headers.get("User-Agent", ""))
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            body = json.dumps({"head": {"vars": ["key", "item", "name", "type", "country"]}, "results": {"bindings": []}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        report = propose(EndpointTarget(f"http://127.0.0.1:{server.server_port}/sparql"), load(), keys=["osh"])
    finally:
        server.shutdown()
    assert report.proposals[0].status == "not-found"
    assert seen == [USER_AGENT] and "judikg" in USER_AGENT
