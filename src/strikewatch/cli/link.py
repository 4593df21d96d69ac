"""``strikewatch link train|run`` and ``strikewatch review list``."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from strikewatch.cli.app import app, err, interruptible, open_store

link_app = typer.Typer(help="Link claims into incidents (Splink).", no_args_is_help=True)
review_app = typer.Typer(help="Pairs of claims the linker is unsure about.", no_args_is_help=True)
app.add_typer(link_app, name="link")
app.add_typer(review_app, name="review")


def _relink(retrain: bool) -> None:
    from strikewatch.link import engine_named, link_all

    database = open_store()
    with interruptible():
        summary = link_all(
            database,
            engine_named(database.settings.link_engine),
            retrain=retrain,
            progress=lambda message: err.print(message, markup=False),
        )
    moved = summary.assigned
    err.print(
        f"{summary.claims} claims in {summary.incidents} incidents "
        f"({moved.incidents_created} new, {moved.incidents_updated} updated, "
        f"{moved.incidents_closed} merged away; {moved.claims_moved} claims moved); "
        f"{summary.queued_for_review} pairs queued for review; "
        f"{summary.declarations} declared-strike matches"
        + ("; model retrained" if summary.trained else ""),
        markup=False,
    )


@link_app.command("train")
def train_command() -> None:
    """Retrain the linkage model on every claim, then cluster everything again."""
    _relink(retrain=True)


@link_app.command("run")
def run_command() -> None:
    """Cluster every claim again with the current model (incidents keep their history)."""
    _relink(retrain=False)


@review_app.command("list")
def review_list(
    status: Annotated[str, typer.Option(help="open, same, different, or all.")] = "open",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines.")] = False,
    limit: Annotated[int, typer.Option(help="How many pairs to list.")] = 100,
) -> None:
    """Queued pairs, most probable first, with the comparisons behind each."""
    from strikewatch.link import review_items

    items = review_items(open_store(), status=None if status == "all" else status)[:limit]
    for item in items:
        if as_json:
            record = {
                "id": item.id,
                "claims": [item.claim_a_id, item.claim_b_id],
                "probability": round(item.probability, 4),
                "status": item.status,
                "reasons": item.reasons,
            }
            typer.echo(json.dumps(record, ensure_ascii=False))
        else:
            typer.echo(
                f"#{item.id}\tclaims {item.claim_a_id} & {item.claim_b_id}\t"
                f"p={item.probability:.3f}\t{item.status}\t" + "; ".join(item.reasons[:3])
            )
