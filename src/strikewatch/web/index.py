"""The public incidents held in memory: what lists, maps, tallies and feeds read.

Reading every public incident once, and again only when the store changes (a cheap
``max(updated_at)``/``count`` poll), keeps list and map requests off the database: a
list request filters a few thousand small dicts instead of running a query.
"""

from __future__ import annotations

import bisect
import gc
import hashlib
import json
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import func, select

from strikewatch.assess.tally import TallyIncident
from strikewatch.model import Visibility
from strikewatch.publish.formats import PrivateNames, private_names
from strikewatch.store.database import Database
from strikewatch.store.schema import Claim, Incident, Report
from strikewatch.web.columns import Columns

RANGES = ("civilian_deaths", "civilian_injuries", "children_killed", "women_killed")
SORTS = ("date", "-date", "deaths", "-deaths", "id", "-id", "updated", "-updated")


def incident_summary(incident: Incident) -> dict[str, Any]:
    """An incident as lists and the API show it (no reasons: those are on its page)."""
    record: dict[str, Any] = {
        "id": incident.public_id,
        "version": incident.version,
        "date": incident.date.isoformat() if incident.date else None,
        "date_precision": incident.date_precision,
        "place": incident.place,
        "place_ar": incident.place_ar,
        "admin1": incident.admin1,
        "latitude": incident.latitude,
        "longitude": incident.longitude,
        "geo_precision": incident.geo_precision,
        "belligerents": [str(b) for b in incident.belligerents or []],
        "attribution": incident.attribution,
        "strike_type": [str(s) for s in incident.strike_type or []],
        "grade": incident.grade,
        "strike_status": incident.strike_status,
        "rubric_version": incident.rubric_version,
        "updated_at": _iso(incident.updated_at),
    }
    for name in RANGES:
        record[f"{name}_min"] = getattr(incident, f"{name}_min")
        record[f"{name}_max"] = getattr(incident, f"{name}_max")
    return record


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


@dataclass(frozen=True)
class Snapshot:
    """Every public incident at one moment, sorted by id, with a version tag."""

    items: list[dict[str, Any]]
    by_id: dict[str, dict[str, Any]]
    reasons: dict[str, list[str]]
    version: str
    private: PrivateNames
    is_demo: bool
    sorted_views: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    _memo: dict[str, Any] = field(default_factory=dict)

    def columns(self) -> Columns:
        """The incidents as numpy columns (built once)."""
        if "columns" not in self._memo:
            self._memo["columns"] = Columns(self.items)
        found: Columns = self._memo["columns"]
        return found

    def order(self, sort: str) -> NDArray[np.int64]:
        """Item indices in the order ``sort`` asks for (built once per sort)."""
        key = "order " + sort
        if key not in self._memo:
            self._memo[key] = np.array([n for _, _, n in self.sort_keys(sort)], dtype=np.int64)
        found: NDArray[np.int64] = self._memo[key]
        return found

    def sort_keys(self, sort: str) -> list[tuple[Any, ...]]:
        """(key, id, item index) triples in the order ``sort`` asks for, computed once."""
        if sort not in self.sorted_views:
            self.sorted_views[sort] = sorted(
                (_sort_key(item, sort), item["id"], n) for n, item in enumerate(self.items)
            )
        return self.sorted_views[sort]

    def tally_incidents(self) -> list[TallyIncident]:
        """The snapshot as the tally reads it."""
        return [
            TallyIncident(
                i["id"],
                date.fromisoformat(i["date"]) if i["date"] else None,
                i["belligerents"],
                i["admin1"],
                i["grade"],
                (i["civilian_deaths_min"], i["civilian_deaths_max"]),
                (i["civilian_injuries_min"], i["civilian_injuries_max"]),
            )
            for i in self.items
        ]


def _sort_key(item: dict[str, Any], sort: str) -> Any:
    """A comparable key; descending sorts negate or invert so one ascending order serves."""
    name = sort.lstrip("-")
    descending = sort.startswith("-")
    if name == "deaths":
        value = item["civilian_deaths_max"] if item["civilian_deaths_max"] is not None else -1
        return -value if descending else value
    raw = {"date": item["date"], "id": item["id"], "updated": item["updated_at"]}[name] or ""
    if descending:
        # Invert each character so an ascending sort of the result is descending.
        return (*(-ord(c) for c in raw), 1)
    return raw


def read_snapshot(database: Database) -> Snapshot:
    """Every active incident that at least one public report stands behind."""
    with database.sessions() as session:
        public = set(
            session.execute(
                select(Claim.incident_id)
                .join(Report, Claim.report_id == Report.id)
                .where(
                    Claim.is_current.is_(True),
                    Report.is_current.is_(True),
                    Report.visibility == str(Visibility.PUBLIC),
                    Claim.incident_id.is_not(None),
                )
                .distinct()
            ).scalars()
        )
        incidents = session.execute(
            select(Incident).where(Incident.is_active.is_(True)).order_by(Incident.id)
        ).scalars()
        chosen = [i for i in incidents if i.id in public]
        demo = session.execute(
            select(Report.id).where(Report.extra["demo"].is_not(None)).limit(1)
        ).first()
    private = private_names(database)
    items = [incident_summary(i) for i in chosen]
    reasons = {i.public_id: [private.redact(str(r)) for r in i.reasons or []] for i in chosen}
    digest = hashlib.sha256(json.dumps([items, reasons], default=str).encode()).hexdigest()
    return Snapshot(
        items, {i["id"]: i for i in items}, reasons, digest[:20], private, demo is not None
    )


def store_marker(database: Database) -> tuple[Any, ...]:
    """What changes whenever an incident or report does (cheap to read every half second)."""
    with database.sessions() as session:
        row = session.execute(select(func.max(Incident.updated_at), func.count(Incident.id))).one()
        reports = session.execute(select(func.max(Report.id))).scalar()
    return (row[0], row[1], reports)


class IncidentIndex:
    """The current snapshot, re-read when the store's marker moves."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self._lock = threading.Lock()
        # The marker first, then the snapshot: a change in between is seen by the next poll.
        self._marker: tuple[Any, ...] | None = store_marker(database)
        self.snapshot = _warmed(read_snapshot(database))
        self.listeners: list[Callable[[Snapshot, Snapshot], None]] = []
        _settle_heap()

    def refresh(self) -> bool:
        """Re-read the incidents if the store changed; whether the snapshot changed."""
        marker = store_marker(self.database)
        with self._lock:
            if marker == self._marker:
                return False
            old = self.snapshot
            self.snapshot = _warmed(read_snapshot(self.database))
            self._marker = marker
        for listener in self.listeners:
            listener(old, self.snapshot)
        changed = old.version != self.snapshot.version
        del old
        _settle_heap()
        return changed


def _warmed(snapshot: Snapshot) -> Snapshot:
    """The snapshot with its columns and sort orders built, before any request needs them."""
    snapshot.columns()
    for sort in SORTS:
        snapshot.order(sort)
    return snapshot


def _settle_heap() -> None:
    """Move the snapshot out of the collector's sight.

    A snapshot of 10,000 incidents is some 300,000 objects that live until the store
    changes; every full collection would walk them all, a pause of tens of milliseconds
    for whichever requests are waiting. Frozen objects are skipped by the collector but
    still freed by reference counting when the next snapshot replaces them (a snapshot
    holds no cycles). Only the young generations are collected first, so that cycles
    made while reading are not frozen: a full collection here would pause a live site on
    every store change.
    """
    gc.collect(1)
    gc.freeze()


@dataclass(frozen=True)
class Selection:
    """Which incidents a list asks for."""

    belligerents: Sequence[str] = ()
    grades: Sequence[str] = ()
    since: date | None = None
    until: date | None = None
    bbox: tuple[float, float, float, float] | None = None

    def mask(self, columns: Columns) -> NDArray[np.bool_]:
        """Which of the columns' incidents the selection admits."""
        return columns.mask(self.belligerents, self.grades, self.since, self.until, self.bbox)

    def admits(self, item: dict[str, Any]) -> bool:
        """Whether an incident is in the selection."""
        if self.belligerents and not set(self.belligerents) & set(item["belligerents"]):
            return False
        if self.grades and (item["grade"] or "ungraded") not in self.grades:
            return False
        if self.since and (item["date"] is None or item["date"] < self.since.isoformat()):
            return False
        if self.until and (item["date"] is None or item["date"] > self.until.isoformat()):
            return False
        if self.bbox is not None:
            lat, lon = item["latitude"], item["longitude"]
            if lat is None or lon is None:
                return False
            west, south, east, north = self.bbox
            if not (west <= lon <= east and south <= lat <= north):
                return False
        return True


def select_page(
    snapshot: Snapshot,
    selection: Selection,
    sort: str,
    limit: int,
    after: tuple[Any, str] | None,
) -> tuple[list[dict[str, Any]], tuple[Any, str] | None]:
    """One page of the selection in ``sort`` order after a cursor; the page and next cursor."""
    keys = snapshot.sort_keys(sort)
    start = 0
    if after is not None:
        start = bisect.bisect_right(keys, (after[0], after[1], len(snapshot.items) + 1))
    admitted = selection.mask(snapshot.columns())[snapshot.order(sort)[start:]]
    hits = np.flatnonzero(admitted)[: limit + 1]
    page = [snapshot.items[keys[start + h][2]] for h in hits[:limit]]
    if len(hits) <= limit:
        return page, None
    key, public_id, _ = keys[start + hits[limit - 1]]
    return page, (key, public_id)
