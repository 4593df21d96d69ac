"""A private report's text, publisher or id never reaches a page, an API answer or a file."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from strikewatch.publish.formats import PRIVATE_LABEL, private_names
from strikewatch.store.database import Database
from strikewatch.store.schema import Claim, Incident, Report


def _private(database: Database) -> tuple[list[str], list[str]]:
    """Names (ids, publishers) and texts of private reports, and their incidents' ids."""
    with database.sessions() as session:
        rows = session.execute(
            select(Report.external_id, Report.publisher, Report.text, Incident.public_id)
            .join(Claim, Claim.report_id == Report.id)
            .join(Incident, Claim.incident_id == Incident.id)
            .where(Report.visibility == "private")
        ).all()
    assert rows, "the demo corpus should hold private field reports linked to incidents"
    secrets = [s for r in rows for s in (r[0], r[1], r[2][:40]) if s]
    return secrets, sorted({r[3] for r in rows})


def test_redaction_replaces_longest_names_first() -> None:
    import re

    from strikewatch.publish.formats import PrivateNames

    names = PrivateNames(
        frozenset({"reporter-1", "reporter-11"}), re.compile("reporter-11|reporter-1")
    )
    assert names.redact("from reporter-11 and reporter-1") == (
        f"from {PRIVATE_LABEL} and {PRIVATE_LABEL}"
    )


def test_nothing_private_is_served(client: httpx.Client, demo_db: Database) -> None:
    secrets, incidents = _private(demo_db)
    assert private_names(demo_db).names
    paths = ["/", "/map", "/timeline", "/incidents", "/feed.atom", "/exports", "/api/v1/map"]
    paths += ["/api/v1/sources", "/?lang=ar", "/incidents?lang=ar&limit=500"]
    paths += ["/api/v1/incidents?limit=500", "/api/v1/tallies?by=belligerent,month&grades=all"]
    paths += [f"/exports/incidents.{s}" for s in ("csv", "jsonl", "geojson", "hxl.csv")]
    paths += [f"/exports/incidents.{s}" for s in ("acled.csv", "ucdp.csv")]
    for incident_id in incidents:
        paths += [f"/incidents/{incident_id}", f"/incidents/{incident_id}?lang=ar"]
        paths += [f"/api/v1/incidents/{incident_id}"]
    shown_private = 0
    for path in paths:
        body = client.get(path).text
        leaked = [s for s in secrets if s in body]
        assert not leaked, f"{path} shows private {leaked[:2]}"
        shown_private += PRIVATE_LABEL in body
    assert shown_private >= len(incidents)  # each of their pages says a private report exists
