"""The Linked Open Data release: dumps parse (rapper, pyoxigraph, pyld), VoID counts are the real
counts, DCAT describes the files as written, SHACL conforms, and two releases of one input built
on two stores in different orders are byte-identical apart from the issued date."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import shutil
import subprocess
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from judikg.errors import InputError
from judikg.graph.publish import PublishReport, publish
from judikg.graph.store import OxigraphStore
from judikg.graph.void import dataset_iri, read_counts
from judikg.pipeline import ingest_into

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
NOW = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)
ISSUED = date(2025, 3, 14)
OTHER_ISSUED = date(2026, 1, 2)
BASE = "https://w3id.org/judikg/"
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
SPDX = "http://spdx.org/rdf/terms#"
RDF_FILES = {  # release path → (rapper parser, pyoxigraph format)
    "data/judikg.ttl": ("turtle", ox.RdfFormat.TURTLE),
    "data/judikg.nt.gz": ("ntriples", ox.RdfFormat.N_TRIPLES),
    "data/judikg.trig": ("trig", ox.RdfFormat.TRIG),
    "data/judikg.nq.gz": ("nquads", ox.RdfFormat.N_QUADS),
    "void.ttl": ("turtle", ox.RdfFormat.TURTLE),
    "dcat.ttl": ("turtle", ox.RdfFormat.TURTLE),
    "ontology/judikg.ttl": ("turtle", ox.RdfFormat.TURTLE),
    "ontology/shapes.ttl": ("turtle", ox.RdfFormat.TURTLE),
    "id/country/kz.ttl": ("turtle", ox.RdfFormat.TURTLE),
}


def article_files() -> list[Path]:
    files = [p for p in sorted((REPO / "examples" / "articles").iterdir()) if not p.name.endswith(".gold.json")]
    if SHARED.is_dir():
        files += [p for p in sorted((SHARED / "seeds").glob("*.txt"))]
    return files


def read(root: Path, path: str) -> bytes:
    data = (root / path).read_bytes()
    return gzip.decompress(data) if path.endswith(".gz") else data


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two on-disk stores of the same articles, ingested in opposite orders at different times."""
    files = article_files()
    first, second = tmp_path_factory.mktemp("store-a"), tmp_path_factory.mktemp("store-b")
    assert ingest_into(files, first, now=NOW).ok
    assert ingest_into(list(reversed(files)), second, now=NOW + timedelta(days=3, hours=5)).ok
    return first, second


@pytest.fixture(scope="module")
def releases(stores: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, PublishReport]:
    out = tmp_path_factory.mktemp("releases")
    with OxigraphStore.open(stores[0], read_only=True) as store:
        report = publish(store, out / "a", issued=ISSUED)
    with OxigraphStore.open(stores[1], read_only=True) as store:
        publish(store, out / "b", issued=OTHER_ISSUED)
    return out / "a", out / "b", report


@pytest.fixture(scope="module")
def release(releases: tuple[Path, Path, PublishReport]) -> Path:
    return releases[0]


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_stores_in_two_orders_give_byte_identical_releases_apart_from_the_issued_date(
    releases: tuple[Path, Path, PublishReport],
) -> None:
    a, b, report = tree(releases[0]), tree(releases[1]), releases[2]
    assert report.entity_documents > 300 and report.counts.triples > 5000
    assert sorted(a) == sorted(b)
    differing = sorted(p for p in a if a[p] != b[p])
    assert differing == ["dcat.ttl", "index.html"]
    for path in differing:  # and there only the date differs
        assert a[path] == b[path].replace(OTHER_ISSUED.isoformat().encode(), ISSUED.isoformat().encode())


def test_gzip_streams_carry_no_name_or_time(release: Path) -> None:
    for path in ("data/judikg.nt.gz", "data/judikg.nq.gz"):
        header = (release / path).read_bytes()[:10]
        assert header[3] & 0x08 == 0, f"{path} stores a file name"
        assert header[4:8] == b"\0\0\0\0", f"{path} stores a modification time"


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (Debian raptor2-utils) is not installed")
@pytest.mark.parametrize("path", sorted(RDF_FILES))
def test_every_rdf_file_parses_with_rapper_and_oxigraph_to_the_same_count(release: Path, path: str) -> None:
    parser, fmt = RDF_FILES[path]
    data = read(release, path)
    done = subprocess.run(
        ["rapper", "-q", "-i", parser, "-o", "nquads" if parser in ("trig", "nquads") else "ntriples", "-", BASE],
        input=data, capture_output=True, check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert not done.stderr, done.stderr.decode()
    statements = [line for line in done.stdout.decode().splitlines() if line.strip()]
    assert len(statements) == len(list(ox.parse(data, fmt, base_iri=BASE))) > 0


def test_jsonld_expands_with_pyld_to_a_graph_isomorphic_to_the_turtle(release: Path) -> None:
    from pyld import jsonld

    document = json.loads(read(release, "data/judikg.jsonld"))
    assert document["@context"]["jk"] == "https://w3id.org/judikg/ontology#"  # the project context
    nquads = jsonld.to_rdf(jsonld.expand(document), {"format": "application/n-quads"})
    from_jsonld = rdflib.Graph().parse(data=nquads, format="nt")
    from_turtle = rdflib.Graph().parse(data=read(release, "data/judikg.ttl"), format="turtle")
    assert len(from_jsonld) == len(from_turtle)
    assert isomorphic(from_jsonld, from_turtle)


def test_ontology_jsonld_is_the_ontology(release: Path) -> None:
    from pyld import jsonld

    document = json.loads(read(release, "ontology/judikg.jsonld"))
    nquads = jsonld.to_rdf(jsonld.expand(document), {"format": "application/n-quads"})
    assert isomorphic(
        rdflib.Graph().parse(data=nquads, format="nt"),
        rdflib.Graph().parse(data=read(release, "ontology/judikg.ttl"), format="turtle"),
    )


def _select(store: ox.Store, query: str) -> list[ox.QuerySolution]:
    result = store.query(query)
    assert isinstance(result, ox.QuerySolutions)
    return list(result)


def test_void_counts_equal_counts_made_directly_on_the_dump(release: Path) -> None:
    data = ox.Store()
    data.load(read(release, "data/judikg.nt.gz"), ox.RdfFormat.N_TRIPLES)

    def count(query: str) -> int:
        return int(_select(data, query)[0][0].value)

    stated = read_counts(ox.parse(read(release, "void.ttl"), ox.RdfFormat.TURTLE), BASE)
    assert stated == {
        "triples": count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
        "entities": count(f'SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s ?p ?o FILTER(isIRI(?s) && STRSTARTS(STR(?s), "{BASE}id/")) }}'),
        "distinctSubjects": count("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }"),
        "distinctObjects": count("SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }"),
        "classes": count("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s a ?c }"),
        "properties": count("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }"),
    }
    void = ox.Store()
    void.load(read(release, "void.ttl"), ox.RdfFormat.TURTLE)
    partitions = {
        row["c"].value: int(row["n"].value)
        for row in _select(void, f"SELECT ?c ?n WHERE {{ ?d <{VOID}classPartition> [ <{VOID}class> ?c ; <{VOID}entities> ?n ] }}")
    }
    direct = {row["c"].value: int(row["n"].value) for row in _select(data, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c")}
    assert partitions == direct
    properties = {
        row["p"].value: int(row["n"].value)
        for row in _select(void, f"SELECT ?p ?n WHERE {{ ?d <{VOID}propertyPartition> [ <{VOID}property> ?p ; <{VOID}triples> ?n ] }}")
    }
    assert properties == {row["p"].value: int(row["n"].value) for row in _select(data, "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p")}
    links = _select(void, f"SELECT ?n WHERE {{ ?l a <{VOID}Linkset> ; <{VOID}linkPredicate> <http://www.w3.org/2002/07/owl#sameAs> ; <{VOID}triples> ?n }}")
    direct_links = count('SELECT (COUNT(*) AS ?n) WHERE { ?s <http://www.w3.org/2002/07/owl#sameAs> ?o FILTER(STRSTARTS(STR(?o), "http://www.wikidata.org/entity/")) }')
    assert [int(r["n"].value) for r in links] == [direct_links]
    assert direct_links >= 11  # the verified countries and cities of the reference data


def test_void_names_endpoint_dumps_uri_space_examples_and_vocabularies(release: Path) -> None:
    void = ox.Store()
    void.load(read(release, "void.ttl"), ox.RdfFormat.TURTLE)
    dataset = f"<{dataset_iri(BASE)}>"

    def objects(prop: str) -> list[str]:
        return sorted(r[0].value for r in _select(void, f"SELECT ?o WHERE {{ {dataset} <{VOID}{prop}> ?o }}"))

    assert objects("sparqlEndpoint") == [BASE + "sparql"]
    assert objects("uriSpace") == [BASE + "id/"]
    assert BASE + "data/judikg.nt.gz" in objects("dataDump")
    for dump in objects("dataDump"):
        assert (release / dump[len(BASE):]).is_file()
    examples = objects("exampleResource")
    assert len(examples) == 3
    for example in examples:
        assert (release / (example[len(BASE):] + ".ttl")).is_file()
    assert "https://w3id.org/judikg/ontology#" in objects("vocabulary")
    assert (release / ".well-known" / "void").read_bytes() == (release / "void.ttl").read_bytes()


def test_dcat_describes_each_file_as_written(release: Path) -> None:
    dcat = ox.Store()
    dcat.load(read(release, "dcat.ttl"), ox.RdfFormat.TURTLE)
    rows = _select(
        dcat,
        f"""SELECT ?url ?media ?size ?sum ?licence ?issued ?version WHERE {{
          ?ds a <{DCAT}Dataset> ; <{DCAT}distribution> ?d .
          ?d a <{DCAT}Distribution> ; <{DCAT}downloadURL> ?url ; <{DCAT}mediaType> ?media ; <{DCAT}byteSize> ?size ;
             <{SPDX}checksum> [ <{SPDX}algorithm> <{SPDX}checksumAlgorithm_sha256> ; <{SPDX}checksumValue> ?sum ] ;
             <http://purl.org/dc/terms/license> ?licence ; <http://purl.org/dc/terms/issued> ?issued ; <{DCAT}version> ?version }}""",
    )
    paths = sorted(r["url"].value[len(BASE):] for r in rows)
    assert {"data/judikg.ttl", "data/judikg.nt.gz", "data/judikg.trig", "data/judikg.nq.gz", "data/judikg.jsonld",
            "ontology/judikg.ttl", "ontology/judikg.jsonld", "ontology/index.html", "ontology/shapes.ttl", "void.ttl"} <= set(paths)
    assert len(paths) == len(set(paths))
    for row in rows:
        data = (release / row["url"].value[len(BASE):]).read_bytes()
        assert int(row["size"].value) == len(data)
        assert row["sum"].value == hashlib.sha256(data).hexdigest()
        assert row["licence"].value == "https://creativecommons.org/licenses/by/4.0/"
        assert row["issued"].value == ISSUED.isoformat()
        assert row["media"].value.startswith("https://www.iana.org/assignments/media-types/")
        assert row["version"].value


@pytest.mark.slow
def test_published_data_conforms_to_the_shapes(release: Path) -> None:
    """One article graph of the release per language, with the reference descriptions it points to.

    (pySHACL with RDFS inference took minutes on the whole release here; the smallest article per
    language and script covers the shapes of every kind of literal and node the release has.)
    """
    from judikg.graph.validate import validate

    quads = list(ox.parse(read(release, "data/judikg.nq.gz"), ox.RdfFormat.N_QUADS))
    reference = ox.NamedNode(BASE + "graph/reference")
    language = ox.NamedNode("http://purl.org/dc/terms/language")
    sizes = Counter(q.graph_name for q in quads)
    by_language: dict[str, ox.NamedNode] = {}
    for q in quads:  # the smallest article graph of each language (ties: the first, quads are sorted)
        if q.predicate == language and q.graph_name != reference:
            current = by_language.get(q.object.value)
            if current is None or sizes[q.graph_name] < sizes[current]:
                by_language[q.object.value] = q.graph_name
    chosen = set(by_language.values())
    assert {"ky", "kk", "ru", "en"} <= set(by_language)
    mentioned = {q.object for q in quads if q.graph_name in chosen and isinstance(q.object, ox.NamedNode)}
    kept = [q for q in quads if q.graph_name in chosen or (q.graph_name == reference and q.subject in mentioned)]
    store = OxigraphStore.memory()
    store.raw.extend(kept)
    report = validate(store)
    assert report.conforms, report.text[:2000]


def test_entity_documents_and_pages_link_to_files_of_the_release(release: Path) -> None:
    kz = ox.parse((release / "id/country/kz.ttl").read_bytes(), ox.RdfFormat.TURTLE)
    assert {t.subject.value for t in kz} == {BASE + "id/country/kz"}
    page = release / "id" / "country" / "kz.html"
    text = page.read_text(encoding="utf-8")
    assert "Kazakhstan" in text
    hrefs = re.findall(r'href="([^"#?]+\.html)', text)
    assert any(href.startswith("../article/") for href in hrefs)  # the articles that mention it
    for href in hrefs:
        assert (page.parent / href).resolve().is_file(), href
    ontology = (release / "ontology" / "index.html").read_text(encoding="utf-8")
    for anchor in re.findall(r'href="#([^"]+)"', ontology):
        assert f'id="{anchor}"' in ontology, anchor
    # Navigation and "Data:" links are release files too: a static host has no "/" of its own
    # and answers no ?format= (the Turtle link is the entity document beside the page).
    for where, html_text in ((page, text), (release / "ontology" / "index.html", ontology)):
        links = re.findall(r'href="([^"]*)"', html_text)
        assert not [h for h in links if h.startswith("/") or "?format=" in h], where
        local = [h for h in links if not h.startswith(("#", "http:", "https:"))]
        assert any(h.endswith("index.html") for h in local) and any(h.endswith(".ttl") for h in local), where
        for href in local:
            assert (where.parent / href.split("#")[0]).resolve().is_file(), (where, href)
    assert 'href="kz.ttl"' in text and "N-Triples" not in text


def test_content_negotiation_rules_point_at_files_the_release_has(release: Path) -> None:
    rules = re.findall(r"^RewriteRule \^\((id/\.\+)\)\$ \$1(\.\w+)", (release / ".htaccess").read_text(), re.MULTILINE)
    assert [ext for _, ext in rules] == [".ttl", ".html"]
    for entity in ("id/country/kz", "id/city/seoul"):
        assert re.fullmatch(rules[0][0], entity)
        assert (release / (entity + ".ttl")).is_file()
    nginx = (release / "nginx.conf").read_text()
    assert "location /judikg/id/" in nginx and "try_files $uri$judikg_ext" in nginx


def test_rebased_release_moves_data_iris_only(stores: tuple[Path, Path], tmp_path: Path) -> None:
    new = "https://data.example.org/courts/"
    with OxigraphStore.open(stores[0], read_only=True) as store:
        report = publish(store, tmp_path / "r", base=new, issued=ISSUED, pages=False)
    assert report.base == new
    turtle = read(tmp_path / "r", "data/judikg.ttl").decode()
    assert "w3id.org/judikg/id/" not in turtle and "w3id.org/judikg/graph/" not in turtle
    quads = list(ox.parse(read(tmp_path / "r", "data/judikg.nq.gz"), ox.RdfFormat.N_QUADS))
    graphs = {q.graph_name.value for q in quads}
    assert graphs and all(g.startswith(new + "graph/") for g in graphs)
    assert ox.Triple(ox.NamedNode(new + "id/country/kz"), ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                     ox.NamedNode("https://w3id.org/judikg/ontology#Country")) in {q.triple for q in quads}
    assert (tmp_path / "r" / "id" / "country" / "kz.ttl").is_file()
    assert not list((tmp_path / "r" / "id").rglob("*.html"))
    stated = read_counts(ox.parse(read(tmp_path / "r", "void.ttl"), ox.RdfFormat.TURTLE), new)
    assert stated["triples"] == report.counts.triples
    context = json.loads(read(tmp_path / "r", "ontology/context.jsonld"))["@context"]
    assert context["jkid"] == new + "id/" and context["jk"] == "https://w3id.org/judikg/ontology#"
    assert "location /courts/id/" in (tmp_path / "r" / "nginx.conf").read_text()


def test_refuses_a_directory_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text("x")
    with pytest.raises(InputError, match="absent or empty"):
        publish(OxigraphStore.memory(), tmp_path, issued=ISSUED)


def test_an_empty_store_still_gives_a_consistent_release(tmp_path: Path) -> None:
    report = publish(OxigraphStore.memory(), tmp_path / "empty", issued=ISSUED, pages=False)
    assert report.counts.triples == 0 and report.entity_documents == 0
    stated = read_counts(ox.parse(read(tmp_path / "empty", "void.ttl"), ox.RdfFormat.TURTLE), BASE)
    assert stated["triples"] == 0
    assert json.loads(read(tmp_path / "empty", "data/judikg.jsonld"))["@graph"] == []
    assert io.BytesIO(read(tmp_path / "empty", "data/judikg.nt.gz")).read() == b""


def test_cli_publish_writes_a_release_and_reports_json(stores: tuple[Path, Path], tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from judikg.cli import app

    out = tmp_path / "cli-release"
    result = CliRunner().invoke(
        app,
        ["publish", str(out), "--store", str(stores[0]), "--issued", "2025-03-14", "--version", "9.9",
         "--license", "https://creativecommons.org/publicdomain/zero/1.0/", "--no-pages", "--json"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["triples"] > 5000 and data["entity_documents"] > 300
    dcat = (out / "dcat.ttl").read_text(encoding="utf-8")
    assert '"9.9"' in dcat and "publicdomain/zero/1.0" in dcat and '"2025-03-14"' in dcat
    bad = CliRunner().invoke(app, ["publish", str(tmp_path / "x"), "--store", str(stores[0]), "--issued", "14/03/2025"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
