"""Stage 2: turn reports into structured claims — when, where, who, what, how many."""

from strikewatch.extract.claims import EXTRACTOR_VERSION, ReportInput, claims_for
from strikewatch.extract.digest import EventSpan, split_events
from strikewatch.extract.relevance import (
    Relevance,
    assess_relevance,
    find_repeated_texts,
    repetition_key,
)

__all__ = [
    "EXTRACTOR_VERSION",
    "EventSpan",
    "Relevance",
    "ReportInput",
    "assess_relevance",
    "claims_for",
    "find_repeated_texts",
    "repetition_key",
    "split_events",
]
