"""``strikewatch tally``, ``verify``, ``explain ID`` and ``assess``."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from strikewatch.cli.app import app, err, open_store


class TallyFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def _list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date (YYYY-MM-DD)", param_hint=option
        ) from None


@app.command("tally")
def tally_command(
    by: Annotated[
        str,
        typer.Option(
            help="Comma-separated: belligerent, year, month, week, day, "
            "governorate, grade; '' for the total only."
        ),
    ] = "belligerent",
    grades: Annotated[
        str,
        typer.Option(
            help="Grades counted: confirmed,fair (likely: the default headline); "
            "'alleged' for every grade but discounted; 'all' for every incident."
        ),
    ] = "confirmed,fair",
    since: Annotated[str | None, typer.Option(help="First day, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last day, YYYY-MM-DD.")] = None,
    fmt: Annotated[TallyFormat, typer.Option("--format", help="table, csv or json.")] = (
        TallyFormat.table
    ),
) -> None:
    """Civilian harm tallies as ranges: sums of incident minimums and maximums."""
    from strikewatch.assess import ALLEGED, DIMENSIONS, tally

    dimensions = _list(by)
    unknown = [d for d in dimensions if d not in DIMENSIONS]
    if unknown:
        raise typer.BadParameter(f"unknown {', '.join(unknown)}", param_hint="--by")
    chosen = {"alleged": list(ALLEGED), "all": []}.get(grades, _list(grades))
    result = tally(
        open_store(),
        by=dimensions,
        grades=chosen,
        since=_date(since, "--since"),
        until=_date(until, "--until"),
    )
    rows: list[dict[str, Any]] = [
        {
            **row.key,
            "incidents": row.incidents,
            "civilian_deaths_min": row.civilian_deaths_min,
            "civilian_deaths_max": row.civilian_deaths_max,
            "civilian_injuries_min": row.civilian_injuries_min,
            "civilian_injuries_max": row.civilian_injuries_max,
            "incidents_without_figure": row.without_figure,
        }
        for row in [*result.rows, result.total]
    ]
    selection = (
        f"grades {'+'.join(result.grades) or 'all'}; {since or 'start'} to {until or 'end'}; "
        f"rubric {result.rubric_version}"
    )
    if fmt is TallyFormat.json:
        typer.echo(
            json.dumps(
                {"selection": selection, "by": dimensions, "rows": rows},
                ensure_ascii=False,
                indent=1,
            )
        )
        return
    columns = [*dimensions, *[k for k in rows[0] if k not in dimensions]] if rows else []
    if fmt is TallyFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=["total", *columns], extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        return
    table = Table(
        *(dimensions or ["selection"]),
        "incidents",
        "civilians killed",
        "civilians injured",
        title=f"Civilian harm ({selection})",
    )
    for row in rows:
        label = (
            [str(row.get(d, "")) for d in dimensions]
            if "total" not in row
            else (["total"] + [""] * (len(dimensions) - 1) if dimensions else ["total"])
        )
        table.add_row(
            *label,
            str(row["incidents"]),
            f"{row['civilian_deaths_min']}–{row['civilian_deaths_max']}",
            f"{row['civilian_injuries_min']}–{row['civilian_injuries_max']}",
        )
    Console().print(table)


@app.command("verify")
def verify_command() -> None:
    """Recompute every incident's figures, grade and the tallies, re-hash every original."""
    from strikewatch.assess import verify

    report = verify(open_store())
    for line in report.mismatches[:200]:
        err.print(f"mismatch: {line}", markup=False)
    err.print(
        f"checked {report.incidents} incidents, {report.evidence} originals, "
        f"{report.files} collected files: {len(report.mismatches)} mismatches",
        markup=False,
    )
    if not report.ok:
        raise typer.Exit(1)


@app.command("explain")
def explain_command(
    incident: Annotated[str, typer.Argument(help="Incident id, e.g. SW-000012.")],
) -> None:
    """Show each number of an incident with the reports behind it."""
    from strikewatch.assess import explain

    for line in explain(open_store(), incident):
        typer.echo(line)


@app.command("assess")
def assess_command() -> None:
    """Grade every incident again with the rubric in force (changes keep their history)."""
    from strikewatch.assess import assess_incidents

    summary = assess_incidents(open_store())
    err.print(f"assessed {summary.incidents} incidents, {summary.changed} changed", markup=False)
