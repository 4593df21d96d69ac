"""The importer registry: one module per format, one line here to register it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from strikewatch.errors import FormatError, InputProblem
from strikewatch.ingest.inputs import InputItem
from strikewatch.model import ReportDraft


@dataclass(frozen=True)
class ImportOptions:
    """What a user can say about an input beyond its bytes."""

    encoding: str = "utf-8"  # "auto" lets charset detection decide
    column_map: dict[str, str] = field(default_factory=dict)  # CSV lists: field -> column
    source_name: str | None = None  # publisher for inputs that do not name one
    kind: str | None = None  # override the report kind (e.g. ngo_report for an NGO list)


class Importer(Protocol):
    """What every format module provides."""

    name: str
    version: str
    description: str

    def sniff(self, item: InputItem) -> bool:
        """True when the item's content (not just its name) looks like this format."""
        ...

    def read(self, item: InputItem, options: ImportOptions) -> Iterator[ReportDraft | InputProblem]:
        """Drafts for every valid record and a problem for every bad one; never raises
        on bad data."""
        ...


def _registry() -> dict[str, Importer]:
    from strikewatch.ingest import feeds, html, lists, reports_jsonl, telegram, x_archive

    importers: list[Importer] = [
        reports_jsonl.IMPORTER,
        x_archive.IMPORTER,
        telegram.IMPORTER,
        feeds.IMPORTER,
        html.IMPORTER,
        lists.IMPORTER,
    ]
    return {importer.name: importer for importer in importers}


def importers() -> dict[str, Importer]:
    """Every registered importer by name, in detection order."""
    return _registry()


def get_importer(name: str) -> Importer:
    registry = _registry()
    if name not in registry:
        raise FormatError(f"unknown format {name!r}; known: {', '.join(registry)}")
    return registry[name]


def detect(item: InputItem) -> Importer | None:
    """The first importer whose sniff accepts the item, or None."""
    for importer in _registry().values():
        if importer.sniff(item):
            return importer
    return None
