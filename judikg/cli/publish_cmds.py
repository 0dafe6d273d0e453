"""Commands for open-data publishers: `publish` (a static Linked Open Data release) and `link wikidata`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from judikg.cli import app
from judikg.cli.console import err, out, print_json, run
from judikg.cli.options import JsonOpt, LangOpt, QuietOpt, StoreOpt
from judikg.errors import InputError

link_app = typer.Typer(
    name="link",
    help="Link reference entities to external datasets.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(link_app, name="link")


def _issued(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(value, "--issued must be a date YYYY-MM-DD") from None


@app.command(
    epilog=(
        "Examples: judikg publish release/ --store judikg-data  |  "
        "judikg publish release/ --base https://data.example.org/courts/ --version 2025.1 --issued 2025-03-14"
    )
)
def publish(
    outdir: Annotated[Path, typer.Argument(help="Directory to write the release into (absent or empty).", show_default=False)],
    store: StoreOpt = Path("judikg-data"),
    base: Annotated[str | None, typer.Option("--base", help="Base IRI the release is served under (entity and graph IRIs move there).")] = None,
    version: Annotated[str | None, typer.Option("--version", help="Release version (default: the judikg version).")] = None,
    license_iri: Annotated[str, typer.Option("--license", help="Licence IRI of the data.")] = "https://creativecommons.org/licenses/by/4.0/",
    issued: Annotated[str | None, typer.Option("--issued", help="Issued date YYYY-MM-DD (default: today).")] = None,
    sparql_endpoint: Annotated[str | None, typer.Option("--sparql-endpoint", help="SPARQL endpoint IRI for VoID/DCAT (default: BASE/sparql).")] = None,
    lang: LangOpt = "en",
    pages: Annotated[bool, typer.Option("--pages/--no-pages", help="Write an HTML page per entity (slow on big stores).")] = True,
    json_out: JsonOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Write a self-describing Linked Open Data release for any static web host.

    Dumps (Turtle, N-Triples.gz, TriG, N-Quads.gz, JSON-LD), the ontology and shapes, VoID and
    DCAT descriptions, one Turtle document and HTML page per entity, and .htaccess / nginx.conf
    snippets for content negotiation. Two releases of the same data differ only in --issued.
    """
    from judikg.graph.publish import publish as write_release
    from judikg.graph.store import OxigraphStore

    day = run(_issued, issued)
    with run(OxigraphStore.open, store, read_only=True) as st:
        report = run(
            write_release, st, outdir, base=base, version=version, license=license_iri, issued=day,
            sparql_endpoint=sparql_endpoint, lang=lang, pages=pages,
        )
    for warning in report.warnings:
        err.print(f"[yellow]warning:[/yellow] {warning}", markup=True, highlight=False)
    if json_out:
        print_json(report.to_dict())
    elif not quiet:
        c = report.counts
        err.print(
            f"release in {outdir}: {c.triples} triples, {c.entities} entities, {report.entity_documents} entity documents, "
            f"{report.entity_pages} pages, {sum(c.links.values())} Wikidata links in {report.seconds:.1f} s"
        )


@link_app.command(
    "wikidata",
    epilog=(
        "Examples: judikg link wikidata --kind City  |  "
        "judikg link wikidata --endpoint http://127.0.0.1:7878/query --key osh --accept"
    ),
)
def wikidata(
    endpoint: Annotated[str, typer.Option("--endpoint", help="Wikidata-shaped SPARQL endpoint.")] = "https://query.wikidata.org/sparql",
    keys: Annotated[list[str] | None, typer.Option("--key", "-k", help="Only this reference key (repeatable).")] = None,
    kinds: Annotated[list[str] | None, typer.Option("--kind", help="Only Country, City or Organization (repeatable).")] = None,
    recheck: Annotated[bool, typer.Option("--recheck", help="Also re-verify entities that already have an item.")] = False,
    accept: Annotated[bool, typer.Option("--accept", help="Record the verified candidates in the links file.")] = False,
    links_file: Annotated[Path | None, typer.Option("--links-file", help="Links file (default: the shipped ontology/reference/wikidata_links.json).")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Propose Wikidata items for reference entities without one: label, type (P31) and country (P17) checked.

    Only an entity with exactly one item passing every check is 'verified'; --accept (or
    answering yes on a terminal) records those in the links file. Nothing is guessed.
    """
    from judikg.graph.wikidata_link import propose, read_links, record_links
    from judikg.ontology.reference import load
    from judikg.queries.run import EndpointTarget

    for kind in kinds or []:
        if kind not in ("Country", "City", "Organization"):
            run(_bad_kind, kind)
    links = run(read_links, links_file)
    report = run(propose, EndpointTarget(endpoint), load(), links=links, keys=keys, kinds=kinds, recheck=recheck)
    if json_out:
        print_json(report.to_dict())
    else:
        table = Table("key", "status", "item", "reason", title=f"Wikidata candidates from {endpoint}", title_justify="left")
        for p in report.proposals:
            table.add_row(p.key, p.status, p.qid or "", p.reason)
        out.print(table)
    verified = report.by_status("verified")
    if not verified:
        return
    if not accept and not json_out and typer.get_text_stream("stdin").isatty():
        accept = typer.confirm(f"record {len(verified)} verified link(s)?", default=False, err=True)
    if accept:
        added = run(record_links, verified, links_file, source=endpoint)
        err.print(f"recorded {len(added)} link(s) in {links_file or 'ontology/reference/wikidata_links.json'}")


def _bad_kind(kind: str) -> None:
    raise InputError(kind, "--kind must be Country, City or Organization")
