"""Stage 3: link claims of the same strike into incidents (Splink), in bulk and live."""

from strikewatch.link.bulk import LinkSummary, link_all
from strikewatch.link.engines import DuckDBEngine, Engine, SparkEngine, engine_named
from strikewatch.link.live import link_new
from strikewatch.link.model import MATCH_THRESHOLD, REVIEW_THRESHOLD
from strikewatch.link.review import ReviewEntry, review_items

__all__ = [
    "MATCH_THRESHOLD",
    "REVIEW_THRESHOLD",
    "DuckDBEngine",
    "Engine",
    "LinkSummary",
    "ReviewEntry",
    "SparkEngine",
    "engine_named",
    "link_all",
    "link_new",
    "review_items",
]
