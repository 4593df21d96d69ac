"""``strikewatch process``: every stage over what is not yet processed, incrementally.

Extraction runs per report; the input-level signal (the same text captured under many
reports is page chrome, not a report) is computed over every stored report first, so a
report's claim does not depend on which chunk it was processed in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from strikewatch.assess import AssessSummary, assess_incidents
from strikewatch.extract import EXTRACTOR_VERSION, ReportInput, claims_for, repetition_key
from strikewatch.gazetteer import Gazetteer, place_from_row
from strikewatch.link import LinkSummary, engine_named, link_all, link_new
from strikewatch.model import ClaimDraft
from strikewatch.store.claims import count_pending, pending_reports, save_claims
from strikewatch.store.database import Database
from strikewatch.store.interrupts import deferred_interrupts
from strikewatch.store.places import user_places
from strikewatch.store.schema import Report
from strikewatch.store.text_keys import key_counts, key_new_reports

Progress = Callable[[int], None]
CHUNK = 500


@dataclass
class ProcessSummary:
    """What one ``process`` run did."""

    reports: int = 0
    claims: int = 0
    harm_claims: int = 0
    boilerplate: int = 0
    link: LinkSummary | None = None
    assessed: AssessSummary | None = None


def report_input(report: Report, repeated: Counter[str] | None = None) -> ReportInput:
    """The extraction view of a stored report."""
    return ReportInput(
        external_id=report.external_id,
        text=report.text,
        language=report.language,
        kind=report.kind,
        published_at=report.published_at,
        url=report.url,
        publisher=report.publisher,
        extra=dict(report.extra or {}),
        received=report.ingested_at.date() if report.ingested_at else None,
        repeated=max(1, repeated[report.text_key or repetition_key(report.text)])
        if repeated
        else 1,
    )


def gazetteer_for(database: Database) -> Gazetteer:
    """The shipped gazetteer plus the places analysts added to this store."""
    return Gazetteer.default(extra=[place_from_row(row) for row in user_places(database)])


def pending_count(database: Database, *, reprocess: bool = False) -> int:
    """How many reports a ``process`` run would read (for progress bars)."""
    return count_pending(database, reprocess=reprocess)


def process(
    database: Database,
    *,
    reprocess: bool = False,
    recluster: bool = False,
    retrain: bool = False,
    gazetteer: Gazetteer | None = None,
    progress: Progress | None = None,
) -> ProcessSummary:
    """Extract claims from every unprocessed report, then link them into incidents.

    New claims are placed live (attached to an incident or opening one); ``recluster``
    clusters every claim again (``retrain`` first retrains the linkage model).
    """
    summary = ProcessSummary()
    # The same text under many reports is captured chrome, not a report: every report is
    # keyed once, and repeats are counted by the index, not by reading every text again.
    key_new_reports(database, repetition_key)
    gazetteer = gazetteer or gazetteer_for(database)
    with deferred_interrupts() as checkpoint:
        for chunk in pending_reports(database, chunk=CHUNK, reprocess=reprocess):
            repeated = key_counts(database, [r.text_key or "" for r in chunk])
            extracted: list[tuple[int, list[ClaimDraft]]] = []
            for report in chunk:
                claims = claims_for(report_input(report, repeated), gazetteer=gazetteer)
                extracted.append((report.id, claims))
                summary.harm_claims += sum(c.is_harm_report for c in claims)
                summary.boilerplate += any(c.details.get("boilerplate") for c in claims)
            summary.claims += save_claims(database, extracted, EXTRACTOR_VERSION)
            summary.reports += len(chunk)
            if progress is not None:
                progress(len(chunk))
            checkpoint()  # Ctrl-C takes effect here, with this chunk's claims stored
    engine = engine_named(database.settings.link_engine)
    if recluster or retrain:
        summary.link = link_all(database, engine, retrain=retrain)
    else:
        summary.link = link_new(database, engine)
    summary.assessed = assess_incidents(database, summary.link.touched)
    return summary


def process_pending(database: Database, gazetteer: Gazetteer | None = None) -> bool:
    """Process new reports if there are any (what a watching server does each poll)."""
    if not pending_count(database):
        return False
    process(database, gazetteer=gazetteer)
    return True
