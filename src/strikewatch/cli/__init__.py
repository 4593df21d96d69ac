"""The ``strikewatch`` command: thin Typer commands over the library."""

from __future__ import annotations

import sys

from strikewatch.cli import (  # noqa: F401  (importing them registers their commands)
    assess,
    estimate,
    export,
    gazetteer,
    ingest,
    link,
    process,
    serve,
)
from strikewatch.cli.app import INTERRUPTED, app, err
from strikewatch.errors import StrikewatchError

__all__ = ["app", "main"]


def main() -> None:
    """Entry point: one-line errors, exit status 1."""
    try:
        app()
    except StrikewatchError as exc:
        err.print(f"error: {exc}", markup=False)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print(INTERRUPTED, markup=False)
        sys.exit(130)
