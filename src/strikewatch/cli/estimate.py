"""``strikewatch estimate``: incidents no chosen list documented (multiple systems estimation)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from strikewatch.cli.app import app, err, open_store
from strikewatch.cli.assess import _date, _list


@app.command("estimate")
def estimate_command(
    lists: Annotated[
        str | None,
        typer.Option(
            help="Comma-separated sources (publishers) to treat as lists; default: the "
            "--top sources with most incidents."
        ),
    ] = None,
    top: Annotated[int, typer.Option(help="How many sources when --lists is absent.")] = 4,
    since: Annotated[str | None, typer.Option(help="First day, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last day, YYYY-MM-DD.")] = None,
    method: Annotated[
        str, typer.Option(help="loglinear, lcmcr, or both (comma-separated).")
    ] = "loglinear,lcmcr",
    seed: Annotated[int, typer.Option(help="Seed of the LCMCR sampler.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Estimate incidents that none of the chosen sources documented, with intervals."""
    from strikewatch.assess import capture_histories, estimate, incident_memberships

    memberships = incident_memberships(
        open_store(), since=_date(since, "--since"), until=_date(until, "--until")
    )
    chosen = _list(lists) if lists else None
    histories = capture_histories(memberships, chosen, top)
    if histories.observed == 0:
        raise typer.BadParameter(
            "no incident is documented by the chosen lists", param_hint="--lists"
        )
    results = estimate(histories, methods=_list(method), seed=seed)
    if as_json:
        typer.echo(
            json.dumps(
                {"lists": list(histories.lists), "results": [r.__dict__ for r in results]},
                ensure_ascii=False,
                indent=1,
                default=str,
            )
        )
        return
    typer.echo(f"lists: {', '.join(histories.lists)}; incidents documented: {histories.observed}")
    for result in results:
        typer.echo(
            f"{result.method}: about {result.total:.0f} incidents in all "
            f"(95% interval {result.lower:.0f}–{result.upper:.0f}); "
            f"{result.undocumented:.0f} undocumented by these lists; model: {result.model}"
        )
        for line in result.assumptions:
            typer.echo(f"  assumes: {line}")
        for line in result.warnings:
            err.print(f"  warning: {line}", markup=False)
