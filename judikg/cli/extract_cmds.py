"""Commands for extraction quality: extract (gold-format JSON from the graph) and evaluate."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from judikg.cli import app
from judikg.cli.console import err, out, print_json, progress, run
from judikg.cli.options import JsonOpt, QuietOpt
from judikg.errors import InputError

FORMATS = ("gold-json",)


@app.command(epilog="Example: judikg extract ../shared/seeds/*.txt --format gold-json -o out/")
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(help="Article files, folders (recursive), glob patterns, or - for stdin.", show_default=False),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for one NAME.json per article.")] = Path(
        "extracted"
    ),
    fmt: Annotated[str, typer.Option("--format", "-f", help="Output format: gold-json (see GOLD_FORMAT.md).")] = (
        "gold-json"
    ),
    json_out: JsonOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Extract entities and relations and write them in the gold annotation format.

    Each article goes through the same path as ingest (read → extract → RDF) into an in-memory
    store that is thrown away; the JSON is read back from the article's named graph. A file that
    cannot be read is reported on one line and the rest goes on; the exit code is then 1.
    """
    from judikg.graph.gold import extract_to_gold

    if fmt not in FORMATS:
        run(_bad_format, fmt)
    failures: list[InputError] = []

    def on_error(error: InputError) -> None:
        failures.append(error)
        err.print(f"[red]error:[/red] {error}", markup=True)

    with progress("extracting", None, quiet) as advance:
        written = run(extract_to_gold, paths, output, on_error=on_error, advance=advance)
    if json_out:
        print_json(
            {
                "written": [str(p) for p in written],
                "failed": [{"source": f.source, "reason": f.reason} for f in failures],
            }
        )
    elif not quiet:
        err.print(f"{len(written)} articles written to {output}, {len(failures)} failed")
    if failures:
        raise typer.Exit(1)


def _bad_format(fmt: str) -> None:
    raise InputError("--format", f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")


@app.command(epilog="Example: judikg evaluate ../shared/seeds ../shared/corpus/dev --json")
def evaluate(
    dirs: Annotated[
        list[Path], typer.Argument(help="Folders of NAME.gold.json files beside their articles (NAME.txt/.html/.json, or NAME.jsonl for NAME.L<n>).", show_default=False)
    ],
    pred: Annotated[
        Path | None,
        typer.Option("--pred", "-p", help="Folder of NAME.json predictions; by default the .txt files are extracted."),
    ] = None,
    top: Annotated[int, typer.Option("--top", help="Rows in the misses / false-positives tables.")] = 10,
    json_out: JsonOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Score extraction against gold annotations: P/R/F1 per entity and relation type, micro-averaged.

    An entity matches when its type family is the same and a mention overlaps a gold mention
    (one-to-one); a relation matches when its type (and role) and both endpoints match.
    """
    from judikg.evaluation import article_of, evaluate_dirs, gold_files, problem_counts

    if pred is None:
        from judikg.graph.gold import extract_to_gold

        texts = sorted({str(article_of(g)[0]) for g in run(gold_files, dirs)})
        with tempfile.TemporaryDirectory(prefix="judikg-eval-") as tmp:
            with progress("extracting", len(texts), quiet) as advance:
                run(extract_to_gold, texts, tmp, on_error=lambda e: err.print(f"[red]error:[/red] {e}"), advance=advance)
            report = run(evaluate_dirs, tmp, dirs)
    else:
        report = run(evaluate_dirs, pred, dirs)

    if json_out:
        print_json(report.to_json())
        return
    table = Table(title="extraction quality", show_lines=False)
    for col in ("kind", "type", "tp", "fp", "fn", "P", "R", "F1"):
        table.add_column(col, justify="right" if col in ("tp", "fp", "fn", "P", "R", "F1") else "left")
    for kind, rows, micro in (
        ("entity", report.entities(), report.entity_micro()),
        ("relation", report.relations(), report.relation_micro()),
    ):
        for name, c in [*rows.items(), ("(micro)", micro)]:
            table.add_row(kind, name, str(c.tp), str(c.fp), str(c.fn), f"{c.precision:.2f}", f"{c.recall:.2f}", f"{c.f1:.2f}")
    out.print(table)
    lang_table = Table(title="per language")
    for col in ("lang", "articles", "entity F1", "relation F1", "published"):
        lang_table.add_column(col)
    for lang in report.languages:
        lang_table.add_row(
            lang,
            str(sum(a.lang == lang for a in report.articles)),
            f"{report.entity_micro(lang).f1:.2f}",
            f"{report.relation_micro(lang).f1:.2f}",
            f"{report.published_accuracy(lang):.2f}",
        )
    out.print(lang_table)
    for kind in ("miss", "false-positive"):
        counts = problem_counts(report, kind)
        if counts:
            t = Table(title=f"top {kind}es" if kind == "miss" else "top false positives")
            t.add_column("what")
            t.add_column("count", justify="right")
            for what, n in counts.most_common(top):
                t.add_row(what, str(n))
            out.print(t)
    if not quiet:
        err.print(report.summary())
