"""Commands that bring reports in and show what is stored: ingest, formats, sources."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from strikewatch.cli.app import app, err, interruptible, open_store, progress_bar
from strikewatch.errors import StrikewatchError
from strikewatch.ingest import ImportOptions, IngestSummary, importers, ingest_paths
from strikewatch.store import count_sources

MAX_SHOWN_PROBLEMS = 100


def print_summary(summary: IngestSummary) -> None:
    shown = 0
    for file in summary.files:
        for problem in file.problems:
            if shown < MAX_SHOWN_PROBLEMS:
                level = "error" if problem.severity == "error" else "warning"
                err.print(f"{level}: {problem}", markup=False)
            shown += 1
    if shown > MAX_SHOWN_PROBLEMS:
        err.print(
            f"… {shown - MAX_SHOWN_PROBLEMS} more problems not shown (all are stored "
            "with the import run)",
            markup=False,
        )
    for file in summary.files:
        if file.skipped:
            continue
        err.print(
            f"{file.label}: {file.importer or 'not imported'}: {file.stored} stored, "
            f"{file.new_versions} new versions, {file.duplicates} already stored, "
            f"{file.rejected} rejected, {file.warnings} warnings",
            markup=False,
        )
    skipped = [f for f in summary.files if f.skipped]
    if skipped:
        err.print(
            f"{len(skipped)} files in folders or zips matched no format and were skipped",
            markup=False,
        )


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders or zip files.")],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="Input format (detected from the content when absent): " + ", ".join(importers()),
        ),
    ] = None,
    encoding: Annotated[
        str, typer.Option(help="Text encoding of the input, or 'auto' to detect it.")
    ] = "utf-8",
    map_columns: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            help="CSV lists: FIELD=COLUMN, e.g. --map text=Description "
            "--map published_at=Date (repeatable).",
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            help="Publisher name for inputs that do not carry one (e.g. the NGO of a list)."
        ),
    ] = None,
    kind: Annotated[
        str | None, typer.Option(help="Report kind for every report of the input, e.g. ngo_report.")
    ] = None,
) -> None:
    """Archive and store reports (original bytes + SHA-256); re-ingesting is a no-op."""
    column_map: dict[str, str] = {}
    for item in map_columns or []:
        field, sep, column = item.partition("=")
        if not sep or not field or not column:
            raise StrikewatchError(f"--map {item!r}: expected FIELD=COLUMN")
        column_map[field.strip()] = column.strip()
    options = ImportOptions(encoding=encoding, column_map=column_map, source_name=source, kind=kind)
    database = open_store()
    with interruptible(), progress_bar("ingesting") as advance:
        summary = ingest_paths(database, paths, fmt, options, progress=advance)
    print_summary(summary)
    if not summary.ok:
        raise typer.Exit(1)


@app.command()
def formats() -> None:
    """List the input formats and what each reads."""
    for name, importer in importers().items():
        typer.echo(f"{name}\t{importer.description}")


@app.command()
def sources(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines.")] = False,
) -> None:
    """List sources (publisher on a platform) with their report counts."""
    rows = count_sources(open_store())
    if as_json:
        for row in rows:
            typer.echo(
                json.dumps(
                    {
                        "platform": row.platform,
                        "publisher": row.publisher,
                        "reports": row.reports,
                        "versions": row.versions,
                        "private": row.private,
                        "first_ingested": row.first_ingested.isoformat()
                        if row.first_ingested
                        else None,
                        "last_ingested": row.last_ingested.isoformat()
                        if row.last_ingested
                        else None,
                    },
                    ensure_ascii=False,
                )
            )
        return
    table = Table("platform", "publisher", "reports", "versions", "private", "last ingested")
    for row in rows:
        table.add_row(
            row.platform,
            row.publisher or "(none)",
            str(row.reports),
            str(row.versions),
            str(row.private),
            row.last_ingested.strftime("%Y-%m-%d %H:%M") if row.last_ingested else "",
        )
    Console().print(table)
