"""The ingest/stats/export/validate commands end to end, as a user runs them (a real subprocess)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EXAMPLES = ROOT / "examples" / "articles"


def judikg(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "judikg", *args], cwd=cwd, input=stdin, capture_output=True, timeout=300
    )


def needs_seeds() -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared not found: the shared test corpus sits beside the clone in CI")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the five seed articles, ingested once by the real CLI."""
    needs_seeds()
    work = tmp_path_factory.mktemp("seeded")
    result = judikg("ingest", str(SEEDS), "--store", "store", "--json", cwd=work)
    assert result.returncode == 0, result.stderr.decode()
    (work / "first.json").write_bytes(result.stdout)
    return work


def test_seeds_are_stored_with_their_dates_and_languages(seeded: Path) -> None:
    report = json.loads((seeded / "first.json").read_text())
    assert report["added"] == 5 and report["failed"] == 0
    by_name = {Path(a["source"]).name[:3]: a for a in report["articles"]}
    expected = {}
    for gold_file in sorted(SEEDS.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        expected[gold_file.name[:3]] = (gold["lang"], gold["published"])
    assert {k: (a["lang"], a["published"]) for k, a in by_name.items()} == expected


def test_second_ingest_adds_nothing(seeded: Path) -> None:
    before = judikg("stats", "--store", "store", "--json", cwd=seeded)
    again = judikg("ingest", str(SEEDS), "--store", "store", "--json", cwd=seeded)
    after = judikg("stats", "--store", "store", "--json", cwd=seeded)
    assert again.returncode == 0
    report = json.loads(again.stdout)
    assert (report["added"], report["replaced"], report["unchanged"]) == (0, 0, 5)
    assert json.loads(before.stdout) == json.loads(after.stdout)


def test_stats_counts_articles_and_languages(seeded: Path) -> None:
    data = json.loads(judikg("stats", "--store", "store", "--json", cwd=seeded).stdout)
    assert data["articles"] == 5
    assert data["by_language"] == {"kk": 1, "kk-Latn": 1, "ky": 3}
    assert data["by_class"].get("Person", 0) >= 10


RAPPER_SYNTAX = {"ttl": "turtle", "nt": "ntriples", "nq": "nquads", "trig": "trig", "xml": "rdfxml"}
OX_FORMAT = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "xml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}


@pytest.mark.parametrize("fmt", sorted(OX_FORMAT))
def test_export_parses_with_independent_parsers(seeded: Path, fmt: str) -> None:
    target = seeded / "out" / f"kg.{fmt}"
    result = judikg("export", "--store", "store", "--format", fmt, "-o", str(target), cwd=seeded)
    assert result.returncode == 0, result.stderr.decode()
    quads = list(ox.parse(path=str(target), format=OX_FORMAT[fmt]))
    assert len(quads) > 1000
    if fmt in RAPPER_SYNTAX:
        if shutil.which("rapper") is None:
            pytest.skip("rapper not installed: apt-get install raptor2-utils (.ci/run does)")
        checked = subprocess.run(
            ["rapper", "-i", RAPPER_SYNTAX[fmt], "-c", str(target)], capture_output=True, text=True
        )
        assert checked.returncode == 0, checked.stderr
        assert f"returned {len(quads)} " in checked.stderr, checked.stderr


def test_export_to_stdout_and_of_one_graph(seeded: Path) -> None:
    everything = judikg("export", "--store", "store", "--format", "nq", cwd=seeded)
    graphs = {q.graph_name.value for q in ox.parse(everything.stdout, format=ox.RdfFormat.N_QUADS) if isinstance(q.graph_name, ox.NamedNode)}
    article_graphs = sorted(g for g in graphs if "/graph/article/" in g)
    assert len(article_graphs) == 5
    one = judikg("export", "--store", "store", "--format", "nq", "--graph", article_graphs[0], cwd=seeded)
    assert one.returncode == 0
    assert {q.graph_name.value for q in ox.parse(one.stdout, format=ox.RdfFormat.N_QUADS)} == {article_graphs[0]}


def test_unknown_export_format_is_a_clear_error(seeded: Path) -> None:
    result = judikg("export", "--store", "store", "--format", "docx", cwd=seeded)
    assert result.returncode == 2
    assert "docx" in result.stderr.decode() and "ttl" in result.stderr.decode()


def test_validate_conforms_on_seeds(seeded: Path) -> None:
    result = judikg("validate", "--store", "store", cwd=seeded)
    assert result.returncode == 0, result.stdout.decode()[:3000]
    assert "conforms" in result.stdout.decode()


def test_validate_exits_1_with_a_readable_report(tmp_path: Path) -> None:
    from judikg.graph.store import OxigraphStore

    store_dir = tmp_path / "store"
    assert judikg("ingest", str(EXAMPLES / "ru_2022_bali_wccj.txt"), "--store", str(store_dir), cwd=tmp_path).returncode == 0
    broken = ox.Quad(
        ox.NamedNode("https://w3id.org/judikg/id/person/broken-x"),
        ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
        ox.NamedNode("https://w3id.org/judikg/ontology#Mention"),
        ox.NamedNode("https://w3id.org/judikg/graph/broken"),
    )
    with OxigraphStore.open(store_dir) as store:
        store._store.add(broken)  # a hand-made defect: a mention without spans, surface or entity
    result = judikg("validate", "--store", str(store_dir), cwd=tmp_path)
    assert result.returncode == 1
    assert "broken-x" in result.stdout.decode()


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(EXAMPLES / "ru_2022_bali_wccj.txt", batch / "good.txt")
    (batch / "empty.txt").write_bytes(b"")
    (batch / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (batch / "lines.jsonl").write_text(
        json.dumps({"text": "The Supreme Court of Kazakhstan met the Supreme Court of Mongolia in Astana on 12 May 2024."})
        + "\n{not json\n",
        encoding="utf-8",
    )
    store = tmp_path / "store"
    result = judikg("ingest", str(batch), "--store", str(store), "--json", cwd=tmp_path)
    assert result.returncode == 2
    report = json.loads(result.stdout)
    failed = {Path(f["source"]).name for f in report["failures"]}
    assert failed == {"empty.txt", "binary.txt", "lines.jsonl:2"}
    assert report["added"] == 2
    errors = result.stderr.decode()
    for name in ("empty.txt", "binary.txt", "lines.jsonl:2"):
        assert name in errors
    # nothing already stored is lost when a later batch is all bad
    before = json.loads(judikg("stats", "--store", str(store), "--json", cwd=tmp_path).stdout)
    again = judikg("ingest", str(batch / "empty.txt"), "--store", str(store), cwd=tmp_path)
    assert again.returncode == 2
    assert json.loads(judikg("stats", "--store", str(store), "--json", cwd=tmp_path).stdout) == before


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"Supreme Court. " * (11 * 1024 * 1024 // 15 + 1))
    result = judikg("ingest", str(big), "--store", str(tmp_path / "store"), cwd=tmp_path)
    assert result.returncode == 2
    assert "big.txt" in result.stderr.decode() and "MB" in result.stderr.decode()


def test_stdin_and_changed_article_replaces_its_graph(tmp_path: Path) -> None:
    text = "Верховный суд Республики Казахстан и Верховный суд Монголии провели встречу в Астане 12 мая 2024 года."
    store = str(tmp_path / "store")
    first = judikg("ingest", "-", "--store", store, "--json", cwd=tmp_path, stdin=text.encode())
    assert first.returncode == 0, first.stderr.decode()
    assert json.loads(first.stdout)["added"] == 1
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    same = json.loads(judikg("ingest", str(article), "--store", store, "--json", cwd=tmp_path).stdout)
    assert (same["added"], same["unchanged"]) == (0, 1), "the same content from another source is one article"
    article.write_text(text.replace("12 мая", "13 мая"), encoding="utf-8")
    assert json.loads(judikg("ingest", str(article), "--store", store, "--json", cwd=tmp_path).stdout)["added"] == 1
    article.write_text(text.replace("12 мая", "14 мая"), encoding="utf-8")
    changed = json.loads(judikg("ingest", str(article), "--store", store, "--json", cwd=tmp_path).stdout)
    assert changed["replaced"] == 1
    stats = json.loads(judikg("stats", "--store", store, "--json", cwd=tmp_path).stdout)
    assert stats["articles"] == 2  # the stdin article and the new version of a.txt; the old version is gone


def test_every_command_has_help_with_an_example() -> None:
    from typer.main import get_command

    from judikg.cli import app

    group = get_command(app)
    assert group.commands, "no commands registered"
    for name, command in group.commands.items():
        if hasattr(command, "commands"):  # a sub-app such as `link`
            subcommands = command.commands.values()
        else:
            subcommands = [command]
        for sub in subcommands:
            assert sub.help, f"{name} has no help text"
            assert "Example" in (sub.epilog or "") or "Example" in sub.help, f"{name}: --help shows no example"


def test_ingest_into_a_served_store_names_the_server(tmp_path: Path) -> None:
    from server_processes import judikg_server

    store = tmp_path / "store"
    assert judikg("ingest", str(EXAMPLES / "ru_2022_bali_wccj.txt"), "--store", str(store), cwd=tmp_path).returncode == 0
    with judikg_server(store):
        result = judikg(
            "ingest", str(EXAMPLES / "ru_2023_baku_anniversary.txt"), "--store", str(store), "--lock-timeout", "1", cwd=tmp_path
        )
    assert result.returncode == 2
    message = result.stderr.decode()
    assert "judikg serve" in message and "stop the server" in message
    after = judikg("ingest", str(EXAMPLES / "ru_2023_baku_anniversary.txt"), "--store", str(store), "--json", cwd=tmp_path)
    assert json.loads(after.stdout)["added"] == 1
