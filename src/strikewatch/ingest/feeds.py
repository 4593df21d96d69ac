"""Placeholder until the feeds importer lands (being written in this same change)."""

from __future__ import annotations

from collections.abc import Iterator

from strikewatch.errors import InputProblem
from strikewatch.ingest.inputs import InputItem
from strikewatch.ingest.registry import ImportOptions
from strikewatch.model import ReportDraft


class _Pending:
    name = "feeds"
    version = "0"
    description = "not yet available"

    def sniff(self, item: InputItem) -> bool:
        return False

    def read(self, item: InputItem, options: ImportOptions) -> Iterator[ReportDraft | InputProblem]:
        return iter(())


IMPORTER = _Pending()
