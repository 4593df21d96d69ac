"""``strikewatch serve``: the public site, API and live feed over the store."""

from __future__ import annotations

import os
import threading
from typing import Annotated

import typer

from strikewatch.cli.app import app, err, open_store

FACTORY = "strikewatch.web.app:app_from_env"


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    watch: Annotated[
        bool,
        typer.Option(
            help="Process newly ingested reports every quarter second, so they reach the site "
            "and its live feed; --no-watch serves the store as it is."
        ),
    ] = True,
    workers: Annotated[
        int,
        typer.Option(
            help="Worker processes answering requests (more cores, lower latency under "
            "load); reports are still processed once, by this process.",
        ),
    ] = 1,
) -> None:
    """Serve the public site, the API (/api/v1, /openapi.json) and the live feed."""
    import uvicorn

    from strikewatch.web import create_app

    if workers < 1:
        raise typer.BadParameter("at least one worker serves", param_hint="--workers")
    database = open_store()  # opened (and migrated) here, before any worker reads it
    err.print(f"strikewatch: serving on http://{host}:{port} (Ctrl-C to stop)", markup=False)
    if workers == 1:
        # An open live feed would otherwise hold shutdown until the browser tab closes.
        uvicorn.run(
            create_app(database, watch=watch),
            host=host,
            port=port,
            log_level="warning",
            timeout_graceful_shutdown=2,
        )
        return
    if database.settings.database_url.endswith(":memory:"):
        raise typer.BadParameter("workers cannot share an in-memory store", param_hint="--db")
    # Workers are fresh processes: they find the store through the environment.
    os.environ["STRIKEWATCH_DATABASE_URL"] = database.settings.database_url
    stop = threading.Event()
    if watch:
        from strikewatch.web.app import watch_reports

        threading.Thread(target=watch_reports, args=(database, stop), daemon=True).start()
    try:
        uvicorn.run(
            FACTORY,
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="warning",
            timeout_graceful_shutdown=2,
        )
    finally:
        stop.set()
