"""The Typer application and what every command shares: the store, progress, output."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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

from strikewatch import __version__
from strikewatch.config import Settings
from strikewatch.store import Database, open_database

app = typer.Typer(
    help="strikewatch: record civilian harm from air and artillery strikes, "
    "from every report to assessed incidents.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
export_app = typer.Typer(help="Export stored reports, claims and incidents.", no_args_is_help=True)
app.add_typer(export_app, name="export")

err = Console(stderr=True, highlight=False, soft_wrap=True)


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


def open_store() -> Database:
    """The store named by --db / STRIKEWATCH_DATABASE_URL, migrated."""
    return open_database(Settings.from_env(State.database_url))


INTERRUPTED = "interrupted: finished batches are stored; run the same command again to resume"


@contextmanager
def interruptible() -> Iterator[None]:
    """Ctrl-C ends long work cleanly: finished batches stay stored, rerunning resumes."""
    try:
        yield
    except KeyboardInterrupt:
        err.print(INTERRUPTED, markup=False)
        raise typer.Exit(130) from None


@contextmanager
def progress_bar(label: str, total: int | None = None) -> Iterator[Callable[[int], None] | None]:
    """An advance function drawing a bar on a terminal; None when output is piped."""
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
        task = progress.add_task(label, total=total)
        yield lambda n: progress.advance(task, n)


@contextmanager
def output_file(path: Path | None) -> Iterator[TextIO]:
    """Standard output, or a file that appears under its name only when complete."""
    if path is None:
        yield sys.stdout
        return
    tmp = path.with_name(path.name + ".partial")
    with tmp.open("w", encoding="utf-8", newline="") as out:
        yield out
    tmp.replace(path)
