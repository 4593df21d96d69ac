"""``strikewatch process`` and ``strikewatch demo``."""

from __future__ import annotations

from typing import Annotated

import typer

from strikewatch.cli.app import app, err, interruptible, open_store, progress_bar
from strikewatch.cli.ingest import print_summary
from strikewatch.ingest import ingest_paths
from strikewatch.store import Database


def _process(
    database: Database, reprocess: bool, recluster: bool = False, retrain: bool = False
) -> None:
    # Imported here: extraction loads lexicons and the gazetteer, which `--help` need not.
    from strikewatch.pipeline import pending_count, process

    total = pending_count(database, reprocess=reprocess)
    with interruptible(), progress_bar("processing", total) as advance:
        summary = process(
            database, reprocess=reprocess, recluster=recluster, retrain=retrain, progress=advance
        )
    err.print(
        f"processed {summary.reports} reports: {summary.claims} claims "
        f"({summary.harm_claims} alleging harm), {summary.boilerplate} captures without a report",
        markup=False,
    )
    if summary.link is not None:
        link = summary.link
        err.print(
            f"linked {link.claims} claims: {link.assigned.incidents_created} new incidents, "
            f"{link.assigned.incidents_updated} updated, {link.queued_for_review} pairs for "
            f"review, {link.declarations} declared-strike matches"
            + (" (linkage model trained)" if link.trained else ""),
            markup=False,
        )


@app.command("process")
def process_command(
    reprocess: Annotated[
        bool,
        typer.Option(
            help="Extract again from every report (earlier claims are kept as old versions)."
        ),
    ] = False,
    recluster: Annotated[
        bool, typer.Option(help="Cluster every claim again instead of placing new ones live.")
    ] = False,
    retrain: Annotated[
        bool, typer.Option(help="Retrain the linkage model first (implies --recluster).")
    ] = False,
) -> None:
    """Extract claims from every report not yet processed, and link them into incidents."""
    _process(open_store(), reprocess, recluster, retrain)


@app.command()
def demo(
    serve: Annotated[
        bool,
        typer.Option(help="End by serving the site on --port (Ctrl-C stops it)."),
    ] = True,
    port: Annotated[int, typer.Option(help="Port for the site.")] = 8000,
) -> None:
    """Ingest, process and tally the bundled, INVENTED demo corpus, then serve it."""
    from strikewatch.demo import demo_paths

    err.print(
        "strikewatch demo: every report in this corpus is INVENTED for demonstration; "
        "no real event, figure or person is described.",
        markup=False,
    )
    database = open_store()
    with interruptible(), progress_bar("ingesting demo corpus") as advance:
        summary = ingest_paths(database, demo_paths(), progress=advance)
    print_summary(summary)
    if not summary.ok:
        raise typer.Exit(1)
    _process(database, reprocess=False)
    from strikewatch.cli.assess import tally_command

    tally_command(by="belligerent", grades="confirmed,fair", since=None, until=None)
    err.print(
        "every figure above is INVENTED demo data; try: strikewatch explain SW-000002, "
        "strikewatch tally --by month --grades alleged, strikewatch export incidents",
        markup=False,
    )
    if serve:
        from strikewatch.cli.serve import serve as serve_site

        serve_site(host="127.0.0.1", port=port, watch=True)
