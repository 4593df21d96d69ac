"""Stage 1: read every kind of report, archive its original, store it."""

from strikewatch.ingest.registry import ImportOptions, get_importer, importers
from strikewatch.ingest.run import FileSummary, IngestSummary, ingest_paths

__all__ = [
    "FileSummary",
    "ImportOptions",
    "IngestSummary",
    "get_importer",
    "importers",
    "ingest_paths",
]
