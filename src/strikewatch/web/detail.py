"""An incident's page and API detail: its values, reasons, ranges and the sources behind them.

A private report shows as "a private field report" with no text, publisher, address, id
or hash: its figures still count in the incident, but nothing identifies who sent it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, bindparam, select

from strikewatch.model import Visibility
from strikewatch.publish.formats import PRIVATE_LABEL
from strikewatch.store.database import Database
from strikewatch.store.schema import Claim, Incident, Report
from strikewatch.web.index import RANGES, Snapshot

RTL_LANGUAGES = frozenset({"ar", "fa", "ku", "ckb", "he", "ur"})


# Only the columns a page shows: a reporter's link, the origin file and the raw extras
# are never read here, so no change to this module can leak them by accident.
CLAIM_COLUMNS = (
    Claim.event_date,
    Claim.date_precision,
    Claim.place,
    Claim.geo_precision,
    Claim.belligerents,
    Claim.strike_type,
    Claim.civilian_deaths_min,
    Claim.civilian_deaths_max,
    Claim.civilian_injuries_min,
    Claim.civilian_injuries_max,
    Claim.details,
    Claim.is_harm_report,
)
REPORT_COLUMNS = (
    Report.visibility,
    Report.kind,
    Report.platform,
    Report.publisher,
    Report.external_id,
    Report.published_at,
    Report.language,
    Report.url,
    Report.evidence_sha256,
    Report.text,
)
# Built once: building a statement costs more than running it (~0.5 ms a page otherwise).
INCIDENT_SUPPORT = select(Incident.id, Incident.support).where(
    Incident.public_id == bindparam("public_id")
)
INCIDENT_SOURCES = (
    select(*CLAIM_COLUMNS, *REPORT_COLUMNS)
    .join(Report, Claim.report_id == Report.id)
    .where(
        Claim.incident_id == bindparam("incident_id"),
        Claim.is_current.is_(True),
        Report.is_current.is_(True),
    )
    .order_by(Report.id, Claim.ordinal)
)


def _claim_values(row: Row[Any]) -> dict[str, Any]:
    details = row.details or {}
    return {
        "event_date": row.event_date.isoformat() if row.event_date else None,
        "date_precision": row.date_precision,
        "place": row.place,
        "geo_precision": row.geo_precision,
        "belligerents": [str(b) for b in row.belligerents or []],
        "strike_type": [str(s) for s in row.strike_type or []],
        "civilian_deaths_min": row.civilian_deaths_min,
        "civilian_deaths_max": row.civilian_deaths_max,
        "civilian_injuries_min": row.civilian_injuries_min,
        "civilian_injuries_max": row.civilian_injuries_max,
        "children_killed_min": _detail_int(details, "children_killed_min"),
        "children_killed_max": _detail_int(details, "children_killed_max"),
        "women_killed_min": _detail_int(details, "women_killed_min"),
        "women_killed_max": _detail_int(details, "women_killed_max"),
    }


def _detail_int(details: dict[str, Any], name: str) -> int | None:
    """A figure extraction keeps only in the claim's details (children, women killed)."""
    value = details.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _source(row: Row[Any], n: int) -> dict[str, Any]:
    values = _claim_values(row)
    if row.visibility != str(Visibility.PUBLIC):
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
            "is_harm_report": row.is_harm_report,
            "claim": values,
        }
    language = row.language
    return {
        "n": n,
        "private": False,
        "label": row.publisher or row.platform or row.kind,
        "kind": row.kind,
        "report_id": row.external_id,
        "platform": row.platform,
        "publisher": row.publisher,
        "published_at": row.published_at,
        "language": language,
        "direction": "rtl" if (language or "").split("-")[0] in RTL_LANGUAGES else "ltr",
        "url": row.url,
        "archive_sha256": row.evidence_sha256,
        "text": row.text,
        "is_harm_report": row.is_harm_report,
        "claim": values,
    }


def incident_detail(database: Database, snapshot: Snapshot, public_id: str) -> dict[str, Any]:
    """The incident with its reasons, ranges and sources; KeyError when it is not public."""
    summary = snapshot.by_id[public_id]
    with database.engine.connect() as connection:
        incident = connection.execute(INCIDENT_SUPPORT, {"public_id": public_id}).one()
        rows = connection.execute(INCIDENT_SOURCES, {"incident_id": incident.id}).all()
    sources = [_source(row, n) for n, row in enumerate(rows, 1)]
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
