"""``strikewatch export reports|claims|incidents``."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer

from strikewatch.cli.app import err, export_app, open_store, output_file
from strikewatch.publish import export_claims, export_incidents, export_reports
from strikewatch.store import Database

Output = Annotated[
    Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
]


class TableFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"


class IncidentFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"
    hxl = "hxl"
    acled = "acled"
    ucdp = "ucdp"


def _run(
    writer: Callable[[Database, str, TextIO], int], fmt: str, output: Path | None, noun: str
) -> None:
    database = open_store()
    with output_file(output) as out:
        count = writer(database, fmt, out)
    if output is not None:
        err.print(f"{count} {noun} written to {output}", markup=False)


@export_app.command("reports")
def export_reports_command(
    fmt: Annotated[TableFormat, typer.Option("--format", help="jsonl or csv.")] = TableFormat.jsonl,
    output: Output = None,
) -> None:
    """Stored reports in the import format (jsonl) or csv. Private reports are not exported."""
    _run(export_reports, fmt.value, output, "reports")


@export_app.command("claims")
def export_claims_command(
    fmt: Annotated[TableFormat, typer.Option("--format", help="jsonl or csv.")] = TableFormat.jsonl,
    output: Output = None,
    context: Annotated[
        bool,
        typer.Option(
            help="Fill what a report leaves unsaid (date, place, attribution, toll) from its "
            "incident, listed in inferred_from_incident; --no-context: only the report's words."
        ),
    ] = True,
) -> None:
    """Claims extracted from public reports, in report order (run `process` first)."""

    def write(database: Database, fmt: str, out: TextIO) -> int:
        return export_claims(database, fmt, out, context=context)

    _run(write, fmt.value, output, "claims")


@export_app.command("incidents")
def export_incidents_command(
    fmt: Annotated[
        IncidentFormat,
        typer.Option(
            "--format",
            help="jsonl, csv, geojson, hxl (HXL-tagged CSV), acled or ucdp (ACLED- and "
            "UCDP-GED-shaped CSV; mapping in docs/api.md).",
        ),
    ] = IncidentFormat.jsonl,
    output: Output = None,
) -> None:
    """Incidents with their public reports; every export carries the methodology version
    and a content hash (dataset_sha256)."""
    _run(export_incidents, fmt.value, output, "incidents")
