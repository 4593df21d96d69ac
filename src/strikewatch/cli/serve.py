"""``strikewatch serve``: the public site, API and live feed over the store."""

from __future__ import annotations

from typing import Annotated

import typer

from strikewatch.cli.app import app, err, open_store


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    watch: Annotated[
        bool,
        typer.Option(
            help="Process newly ingested reports every half second, so they reach the site "
            "and its live feed; --no-watch serves the store as it is."
        ),
    ] = True,
) -> None:
    """Serve the public site, the API (/api/v1, /openapi.json) and the live feed."""
    import uvicorn

    from strikewatch.web import create_app

    database = open_store()
    err.print(f"strikewatch: serving on http://{host}:{port} (Ctrl-C to stop)", markup=False)
    # An open live feed would otherwise hold shutdown until the browser tab closes.
    uvicorn.run(
        create_app(database, watch=watch),
        host=host,
        port=port,
        log_level="warning",
        timeout_graceful_shutdown=2,
    )
