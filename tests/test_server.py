"""`judikg serve` as a real process on 127.0.0.1: SPARQL 1.1 Protocol, limits, errors, CORS, Linked Data."""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pyoxigraph as ox
import pytest
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from judikg.graph.store import OxigraphStore
from judikg.pipeline import ingest
from judikg.server.conneg import negotiate
from judikg.server.linked_data import entity_page
from judikg.server.sparql import is_update
from tests.server_processes import build_seeds_store, judikg_server

ID = "https://w3id.org/judikg/id/"
COURT = ID + "org/kz/supreme-court"
COURT_EN = "Supreme Court of Kazakhstan"  # its English label, composed by the extractor (ingest/extract/labels.py)
SD = "http://www.w3.org/ns/sparql-service-description#"
# A query that cannot finish within the test timeout: a triple cross product of the whole store.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = build_seeds_store(tmp_path_factory.mktemp("serve"))
    with judikg_server(store, "--timeout", "2", "--max-rows", "200", "--max-query-bytes", "4000", "--workers", "2") as url:
        yield url


def call(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
         method: str | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def sparql(server: str, query: str, accept: str = "application/sparql-results+json", *, how: str = "form") -> tuple[int, dict[str, str], bytes]:
    if how == "get":
        return call(f"{server}sparql?{urllib.parse.urlencode({'query': query})}", headers={"Accept": accept})
    if how == "direct":
        return call(f"{server}sparql", data=query.encode(), headers={"Accept": accept, "Content-Type": "application/sparql-query"})
    return call(f"{server}sparql", data=urllib.parse.urlencode({"query": query}).encode(),
                headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})


COURTS = f"SELECT DISTINCT ?court WHERE {{ ?court a <https://w3id.org/judikg/ontology#SupremeCourt> ; <https://w3id.org/judikg/ontology#country> <{ID}country/kz> }}"


@pytest.mark.parametrize("how", ["get", "form", "direct"])
def test_select_by_get_form_and_direct_post(server: str, how: str) -> None:
    status, headers, body = sparql(server, COURTS, how=how)
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    data = json.loads(body)
    assert [b["court"]["value"] for b in data["results"]["bindings"]] == [COURT]
    assert headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("accept, check", [
    ("application/sparql-results+xml", lambda b: b"<uri>" + COURT.encode() + b"</uri>" in b),
    ("text/csv", lambda b: b.decode().splitlines() == ["court", COURT]),
    ("text/tab-separated-values", lambda b: b.decode().splitlines() == ["?court", f"<{COURT}>"]),
])
def test_select_result_formats(server: str, accept: str, check: object) -> None:
    status, headers, body = sparql(server, COURTS, accept)
    assert status == 200 and headers["Content-Type"].startswith(accept)
    assert check(body)  # type: ignore[operator]


@pytest.mark.parametrize("accept, fmt", [
    ("text/turtle", ox.RdfFormat.TURTLE), ("application/ld+json", ox.RdfFormat.JSON_LD), ("application/n-triples", ox.RdfFormat.N_TRIPLES),
])
def test_construct_formats(server: str, accept: str, fmt: ox.RdfFormat) -> None:
    status, headers, body = sparql(server, f"DESCRIBE <{COURT}>", accept)
    assert status == 200 and headers["Content-Type"].startswith(accept)
    triples = [q.triple for q in ox.parse(body, format=fmt)]
    assert ox.Triple(ox.NamedNode(COURT), ox.NamedNode("https://w3id.org/judikg/ontology#country"), ox.NamedNode(ID + "country/kz")) in triples


def test_sparqlwrapper_client(server: str) -> None:
    client = SPARQLWrapper(f"{server}sparql", agent="judikg-tests")
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    client.setQuery("ASK { ?s a <https://w3id.org/judikg/ontology#Article> }")
    assert client.query().convert()["boolean"] is True


def test_service_description(server: str) -> None:
    status, headers, body = call(f"{server}sparql", headers={"Accept": "text/turtle"})
    assert status == 200
    triples = list(ox.parse(body, format=ox.RdfFormat.TURTLE))
    assert any(t.object == ox.NamedNode(SD + "Service") for t in triples)
    assert any(t.predicate == ox.NamedNode(SD + "endpoint") and t.object.value.endswith("/sparql") for t in triples)


@pytest.mark.parametrize("query, status, phrase", [
    ("SELECT ?x WHERE { ?x ", 400, "malformed SPARQL"),
    ("INSERT DATA { <http://a> <http://b> <http://c> }", 403, "read-only"),
    ("PREFIX x: <http://x/>\n# comment\nDROP ALL", 403, "read-only"),
    ("SELECT * WHERE { ?s ?p ?o } # " + "x" * 5000, 413, "4000 bytes"),
    ("SELECT * WHERE { ?s ?p ?o }", 422, "more than 200 rows"),
])
def test_bad_queries_get_clear_4xx(server: str, query: str, status: int, phrase: str) -> None:
    got, headers, body = sparql(server, query)
    assert got == status and phrase in body.decode()
    assert sparql(server, COURTS)[0] == 200  # still serving


def test_update_requests_are_refused(server: str) -> None:
    form = call(f"{server}sparql", data=b"update=DROP+ALL", headers={"Content-Type": "application/x-www-form-urlencoded"})
    direct = call(f"{server}sparql", data=b"DROP ALL", headers={"Content-Type": "application/sparql-update"})
    assert form[0] == direct[0] == 403 and b"read-only" in form[2]
    assert call(f"{server}sparql", data=b"x", method="PUT")[0] == 405
    assert sparql(server, "ASK { ?s a <https://w3id.org/judikg/ontology#Article> }")[2].find(b"true") > 0


def test_unknown_accept_is_406(server: str) -> None:
    assert sparql(server, COURTS, "image/png")[0] == 406
    assert sparql(server, COURTS, "text/turtle")[0] == 406  # a SELECT has no Turtle form
    assert sparql(server, f"DESCRIBE <{COURT}>", "text/csv")[0] == 406


def test_timeout_is_an_error_and_the_server_recovers(server: str) -> None:
    started = time.monotonic()
    status, _, body = sparql(server, SLOW)
    assert status == 504 and b"timed out after 2 s" in body
    assert time.monotonic() - started < 15
    for _ in range(3):  # the killed worker was replaced
        assert sparql(server, COURTS)[0] == 200


def test_cors_preflight(server: str) -> None:
    status, headers, _ = call(f"{server}sparql", method="OPTIONS",
                              headers={"Origin": "https://example.org", "Access-Control-Request-Method": "POST"})
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]


def test_entity_html_page(server: str) -> None:
    status, headers, body = call(f"{server}id/org/kz/supreme-court", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    page = body.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/html") and "Accept" in headers["Vary"]
    assert COURT_EN in page and 'lang="kk"' in page  # labels in every language
    assert "/id/article/02e03790339d75b1" in page  # the article that states it
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert script is not None
    assert any(t.subject == ox.NamedNode(COURT) for t in ox.parse(script.group(1).encode(), format=ox.RdfFormat.JSON_LD))


@pytest.mark.parametrize("accept, fmt", [("text/turtle", ox.RdfFormat.TURTLE), ("application/ld+json", ox.RdfFormat.JSON_LD),
                                         ("application/n-triples", ox.RdfFormat.N_TRIPLES)])
def test_entity_machine_formats(server: str, accept: str, fmt: ox.RdfFormat) -> None:
    status, _, body = call(f"{server}id/org/kz/supreme-court", headers={"Accept": accept})
    assert status == 200
    triples = [q.triple for q in ox.parse(body, format=fmt)]
    assert ox.Triple(ox.NamedNode(COURT), ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                     ox.NamedNode("https://w3id.org/judikg/ontology#SupremeCourt")) in triples


def test_unknown_entity_and_path(server: str) -> None:
    assert call(f"{server}id/org/nowhere", headers={"Accept": "text/turtle"})[0] == 404
    assert call(f"{server}nothing-here")[0] == 404


def test_ontology_served(server: str) -> None:
    status, _, body = call(f"{server}ontology", headers={"Accept": "text/turtle"})
    assert status == 200
    assert ox.NamedNode("https://w3id.org/judikg/ontology#SupremeCourt") in {t.subject for t in ox.parse(body, format=ox.RdfFormat.TURTLE)}
    status, _, body = call(f"{server}ontology", headers={"Accept": "text/html"})
    assert status == 200 and b'id="SupremeCourt"' in body


def test_query_page_and_named_queries(server: str) -> None:
    status, _, body = call(server)
    assert status == 200 and b"<textarea" in body
    assert not re.search(rb'(src|href)="https?://', body), "the query page works offline"
    queries = json.loads(call(f"{server}queries")[2])
    assert len(queries) >= 15 and all(q["text"] and q["title"] for q in queries)
    status, _, body = call(f"{server}queries/institutions-of-country?country=KZ&format=csv")
    assert status == 200 and COURT not in body.decode() and COURT_EN in body.decode()


def test_accept_negotiation() -> None:
    assert negotiate("text/html,application/xhtml+xml,*/*;q=0.8", ["text/turtle", "text/html"]) == "text/html"
    assert negotiate("*/*", ["text/turtle", "text/html"]) == "text/turtle"
    assert negotiate("text/csv;q=0, */*", ["text/csv", "application/json"]) == "application/json"
    assert negotiate("image/*", ["text/csv"]) is None
    assert is_update("prefix a: <http://a#>\n# c\n insert data {}") and not is_update("SELECT * { ?s ?p ?o }")


HOSTILE = '</script><img src=x onerror=alert(1)>'


def test_entity_page_escapes_untrusted_text(tmp_path: Path) -> None:
    # An article whose headline and body carry markup: the page must show it as text only.
    article = tmp_path / "hostile.txt"
    article.write_text(f"{HOSTILE} Supreme Court of Kazakhstan\n\n2024-05-28\n\nThe Supreme Court of Kazakhstan met in Astana {HOSTILE}.\n", encoding="utf-8")
    with OxigraphStore.memory() as store:
        ingest([article], store, now=datetime(2024, 6, 1, tzinfo=timezone.utc))
        articles = store.query("SELECT ?a WHERE { ?a a <https://w3id.org/judikg/ontology#Article> }")
        iri = next(iter(articles))[0].value  # type: ignore[index]
        page = entity_page(store, iri)
    assert "<img" not in page and page.count("</script>") == 1  # only the JSON-LD element's own end tag
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
