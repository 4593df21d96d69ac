"""An incident's page and API detail: its values, reasons, ranges and the sources behind them.

A private report shows as "a private field report" with no text, publisher, address, id
or hash: its figures still count in the incident, but nothing identifies who sent it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from strikewatch.model import Visibility
from strikewatch.publish.formats import PRIVATE_LABEL
from strikewatch.store.database import Database
from strikewatch.store.schema import Claim, Incident, Report
from strikewatch.web.index import RANGES, Snapshot

RTL_LANGUAGES = frozenset({"ar", "fa", "ku", "ckb", "he", "ur"})


def _claim_values(claim: Claim) -> dict[str, Any]:
    return {
        "event_date": claim.event_date.isoformat() if claim.event_date else None,
        "date_precision": claim.date_precision,
        "place": claim.place,
        "geo_precision": claim.geo_precision,
        "belligerents": [str(b) for b in claim.belligerents or []],
        "strike_type": [str(s) for s in claim.strike_type or []],
        "civilian_deaths_min": claim.civilian_deaths_min,
        "civilian_deaths_max": claim.civilian_deaths_max,
        "civilian_injuries_min": claim.civilian_injuries_min,
        "civilian_injuries_max": claim.civilian_injuries_max,
        "children_killed_min": _detail_int(claim, "children_killed", 0),
        "children_killed_max": _detail_int(claim, "children_killed", 1),
        "women_killed_min": _detail_int(claim, "women_killed", 0),
        "women_killed_max": _detail_int(claim, "women_killed", 1),
    }


def _detail_int(claim: Claim, name: str, end: int) -> int | None:
    """A figure extraction keeps only in the claim's details (children, women killed)."""
    value = (claim.details or {}).get(f"{name}_{('min', 'max')[end]}")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _source(report: Report, claim: Claim, n: int) -> dict[str, Any]:
    values = _claim_values(claim)
    if report.visibility != str(Visibility.PUBLIC):
        return {
            "n": n,
            "private": True,
            "label": PRIVATE_LABEL,
            "kind": "field_report",
            "report_id": None,
            "platform": None,
            "publisher": None,
            "published_at": None,
            "language": None,
            "direction": "ltr",
            "url": None,
            "archive_sha256": None,
            "text": None,
            "is_harm_report": claim.is_harm_report,
            "claim": values,
        }
    language = report.language
    return {
        "n": n,
        "private": False,
        "label": report.publisher or report.platform or report.kind,
        "kind": report.kind,
        "report_id": report.external_id,
        "platform": report.platform,
        "publisher": report.publisher,
        "published_at": report.published_at,
        "language": language,
        "direction": "rtl" if (language or "").split("-")[0] in RTL_LANGUAGES else "ltr",
        "url": report.url,
        "archive_sha256": report.evidence_sha256,
        "text": report.text,
        "is_harm_report": claim.is_harm_report,
        "claim": values,
    }


def incident_detail(database: Database, snapshot: Snapshot, public_id: str) -> dict[str, Any]:
    """The incident with its reasons, ranges and sources; KeyError when it is not public."""
    summary = snapshot.by_id[public_id]
    with database.sessions() as session:
        incident = session.execute(
            select(Incident).where(Incident.public_id == public_id)
        ).scalar_one()
        rows = session.execute(
            select(Claim, Report)
            .join(Report, Claim.report_id == Report.id)
            .where(
                Claim.incident_id == incident.id,
                Claim.is_current.is_(True),
                Report.is_current.is_(True),
            )
            .order_by(Report.id, Claim.ordinal)
        ).all()
        sources = [_source(report, claim, n) for n, (claim, report) in enumerate(rows, 1)]
        support = dict(incident.support or {})
    ranges = {}
    for name in RANGES:
        low, high = summary[f"{name}_min"], summary[f"{name}_max"]
        behind = [
            s["n"]
            for s in sources
            if s["claim"][f"{name}_min"] is not None or s["claim"][f"{name}_max"] is not None
        ]
        ranges[name] = {"min": low, "max": high, "sources": behind}
    return {
        **summary,
        "reasons": snapshot.reasons.get(public_id, []),
        "support": {k: v for k, v in support.items() if k != "publishers"},
        "ranges": ranges,
        "sources": sources,
    }
