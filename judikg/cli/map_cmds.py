"""Commands for relationship maps and network analytics: map, analyze, path."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from judikg.cli import app
from judikg.cli.console import err, out, print_json, run
from judikg.cli.options import JsonOpt, LangOpt, StoreOpt

ViewOpt = Annotated[str, typer.Option("--view", help="full: every entity; institutions: who cooperates with whom.")]
CountryOpt = Annotated[list[str] | None, typer.Option("--country", "-c", help="ISO country code; repeatable.")]
TypeOpt = Annotated[list[str] | None, typer.Option("--type", "-t", help="Class (SupremeCourt) or category (event); repeatable.")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="From this date: YYYY, YYYY-MM or YYYY-MM-DD.")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Up to this date: YYYY, YYYY-MM or YYYY-MM-DD.")]


def _project(store: Path) -> Any:
    from judikg.graph.projection import project
    from judikg.graph.store import OxigraphStore

    with run(OxigraphStore.open, store, read_only=True) as st:
        return run(project, st)


@app.command(
    "map",
    epilog="Example: judikg map -o map.html --view institutions --lang ru --since 2023   |   "
    "judikg map --focus 'Supreme Court of Kazakhstan' --depth 2",
)
def map_(
    store: StoreOpt = Path("judikg-data"),
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write (UTF-8, works offline).")] = Path("map.html"),
    focus: Annotated[str | None, typer.Option("--focus", help="IRI or name (any language or script) to centre on.")] = None,
    depth: Annotated[int, typer.Option("--depth", min=0, help="Hops around --focus.")] = 2,
    country: CountryOpt = None,
    type_: TypeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    lang: LangOpt = "en",
    view: ViewOpt = "full",
    max_nodes: Annotated[int, typer.Option("--max-nodes", min=1, help="Above this, the least central nodes are grouped.")] = 1000,
    json_out: JsonOpt = False,
) -> None:
    """Draw the graph as an interactive HTML map: nodes by class, sized by centrality, links with their articles."""
    from judikg.viz.map import MapOptions, write_map
    from judikg.viz.views import Selection

    selection = Selection(focus, depth, tuple(country or ()), tuple(type_ or ()), since, until)
    with err.status("projecting the graph"):
        graph = _project(store)
    with err.status("laying out and writing the map"):
        result = run(write_map, graph, output, MapOptions(selection, lang, view, max_nodes))
    if json_out:
        print_json(result.to_dict())
    else:
        err.print(result.summary())


@app.command(epilog="Example: judikg analyze --view institutions --top 20   |   judikg analyze --json > metrics.json")
def analyze(
    store: StoreOpt = Path("judikg-data"),
    view: ViewOpt = "full",
    country: CountryOpt = None,
    type_: TypeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    lang: LangOpt = "en",
    top: Annotated[int, typer.Option("--top", min=1, help="Rows in the table (JSON has all).")] = 25,
    json_out: JsonOpt = False,
) -> None:
    """Degree, betweenness (sampled when large) and eigenvector centrality, and Louvain communities."""
    from judikg.viz.analytics import analyze as compute
    from judikg.viz.map import prepare_view
    from judikg.viz.views import Selection

    graph = _project(store)
    view_graph = run(prepare_view, graph, view, Selection(None, 0, tuple(country or ()), tuple(type_ or ()), since, until))
    with err.status("computing centralities and communities"):
        report = run(compute, view_graph, lang)
    if json_out:
        print_json(report.to_dict())
        return
    table = Table(title=f"most central ({report.summary()})", title_justify="left")
    for col, justify in (("name", "left"), ("class", "left"), ("cc", "left"), ("degree", "right"),
                         ("betweenness", "right"), ("eigenvector", "right"), ("community", "right")):
        table.add_column(col, justify=justify)  # type: ignore[arg-type]
    for m in report.nodes[:top]:
        table.add_row(m.name, m.cls, m.country or "", str(m.degree), f"{m.betweenness:.4f}", f"{m.eigenvector:.4f}", str(m.community))
    out.print(table)


@app.command(epilog="Example: judikg path 'Supreme Court of Kazakhstan' 'Конституционный суд Кыргызской Республики'")
def path(
    a: Annotated[str, typer.Argument(help="IRI or name of the first institution or person.")],
    b: Annotated[str, typer.Argument(help="IRI or name of the second.")],
    store: StoreOpt = Path("judikg-data"),
    lang: LangOpt = "en",
    json_out: JsonOpt = False,
) -> None:
    """How two institutions or people are connected: every hop with the articles that evidence it.

    Exit code 1 when they are not connected at all.
    """
    from judikg.viz.analytics import find_path

    report = run(find_path, _project(store), a, b, lang)
    if json_out:
        print_json(report.to_dict())
    elif report.found:
        for i, hop in enumerate(report.hops, 1):
            out.print(f"[bold]{i}. {hop.source_name} — {hop.target_name}[/bold]", highlight=False)
            for link in hop.links:
                role = f" ({link.role})" if link.role else ""
                date = f", {link.date}" if link.date else ""
                arrow = "→" if link.source == hop.source else "←"
                out.print(f"   {arrow} {link.relation}{role}{date}", markup=False)
                for art in link.articles:
                    out.print(f"      {art['date'] or '—'}  {art['title'] or art['iri']}  {art['url'] or ''}".rstrip(), markup=False)
                for text in link.evidence[:2]:
                    out.print(f"      “{text}”", markup=False)
    if not report.found:
        err.print(f"not connected: no chain of relations links <{report.source}> and <{report.target}>")
        raise typer.Exit(1)
    if not json_out:
        err.print(f"{len(report.hops)} hops")


__all__ = ["map_", "analyze", "path"]
