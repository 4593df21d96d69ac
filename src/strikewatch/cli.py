"""The ``strikewatch`` command: thin Typer commands over the library."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from strikewatch import __version__
from strikewatch.config import Settings
from strikewatch.errors import StrikewatchError
from strikewatch.ingest import ImportOptions, IngestSummary, importers, ingest_paths
from strikewatch.publish import export_reports
from strikewatch.store import Database, count_sources, open_database

app = typer.Typer(
    help="strikewatch: record civilian harm from air and artillery strikes, "
    "from every report to assessed incidents.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
export_app = typer.Typer(
    help="Export stored data (reports now; claims and incidents with the stages that make them).",
    no_args_is_help=True,
)
app.add_typer(export_app, name="export")

err = Console(stderr=True, highlight=False, soft_wrap=True)
MAX_SHOWN_PROBLEMS = 100


class ReportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"


class State:
    database_url: str | None = None


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"strikewatch {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="STRIKEWATCH_DATABASE_URL",
            show_envvar=True,
            help="Database URL: sqlite:///FILE (default sqlite:///strikewatch.db) or "
            "postgresql://USER@HOST/DB.",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=version_callback, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    State.database_url = db


def _database() -> Database:
    return open_database(Settings.from_env(State.database_url))


@contextmanager
def _interruptible() -> Iterator[None]:
    """Ctrl-C ends an import cleanly: finished batches stay stored, rerunning resumes."""
    try:
        yield
    except KeyboardInterrupt:
        err.print(
            "interrupted: finished batches are stored; run the same command again to resume",
            markup=False,
        )
        raise typer.Exit(130) from None


@contextmanager
def _progress(label: str) -> Iterator[Progress | None]:
    """A progress bar on a terminal; nothing when output is piped."""
    if not sys.stderr.isatty():
        yield None
        return
    columns = (
        SpinnerColumn(),
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        yield progress


def _print_summary(summary: IngestSummary) -> None:
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
    database = _database()
    with _interruptible(), _progress("ingesting") as progress:
        task = progress.add_task("ingest", total=None) if progress else None
        advance = (lambda n: progress.advance(task, n)) if progress and task is not None else None
        summary = ingest_paths(database, paths, fmt, options, progress=advance)
    _print_summary(summary)
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
    rows = count_sources(_database())
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


@contextmanager
def _output(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    tmp = path.with_name(path.name + ".partial")
    with tmp.open("w", encoding="utf-8", newline="") as out:
        yield out
    tmp.replace(path)  # a failed export never leaves a half-written file under the real name


@export_app.command("reports")
def export_reports_command(
    fmt: Annotated[
        ReportFormat, typer.Option("--format", help="jsonl or csv.")
    ] = ReportFormat.jsonl,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
) -> None:
    """Stored reports in the import format (jsonl) or csv. Private reports are not exported."""
    database = _database()
    with _output(output) as out:
        count = export_reports(database, fmt.value, out)
    if output is not None:
        err.print(f"{count} reports written to {output}", markup=False)


@app.command()
def demo(
    serve: Annotated[
        bool, typer.Option(help="Reserved: serving arrives with the web app.")
    ] = False,
) -> None:
    """Ingest the bundled, invented demo corpus and show what was stored."""
    from strikewatch.demo import demo_paths

    err.print(
        "strikewatch demo: every report in this corpus is INVENTED for demonstration; "
        "no real event, place figure or person is described.",
        markup=False,
    )
    database = _database()
    with _interruptible(), _progress("ingesting demo corpus") as progress:
        task = progress.add_task("demo", total=None) if progress else None
        advance = (lambda n: progress.advance(task, n)) if progress and task is not None else None
        summary = ingest_paths(database, demo_paths(), progress=advance)
    _print_summary(summary)
    sources()
    if not summary.ok:
        raise typer.Exit(1)


def main() -> None:
    """Entry point: one-line errors, exit status 1."""
    try:
        app()
    except StrikewatchError as exc:
        err.print(f"error: {exc}", markup=False)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print(
            "interrupted: finished batches are stored; run the same command again to resume",
            markup=False,
        )
        sys.exit(130)
