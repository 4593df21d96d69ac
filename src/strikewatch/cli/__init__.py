"""The ``strikewatch`` command: thin Typer commands over the library."""

from __future__ import annotations

import sys

from strikewatch.cli import export, ingest, process  # noqa: F401  (they register commands)
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
