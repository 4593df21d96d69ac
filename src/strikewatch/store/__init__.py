"""The ground floor: database, evidence archive, and the records every stage keeps."""

from strikewatch.store.archive import EvidenceArchive
from strikewatch.store.database import Database, open_database
from strikewatch.store.history import history, update_versioned
from strikewatch.store.reports import iter_reports
from strikewatch.store.sources import SourceCount, count_sources

__all__ = [
    "Database",
    "EvidenceArchive",
    "SourceCount",
    "count_sources",
    "history",
    "iter_reports",
    "open_database",
    "update_versioned",
]
