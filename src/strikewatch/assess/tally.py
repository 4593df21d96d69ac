"""Tallies: sums of incident minimums and maximums over a selection, always as ranges.

Methodology: a tally is the sum of incident minimums and the sum of incident maximums
over a selection (belligerent, period, place, grades). The headline ("civilians likely
killed") counts confirmed and fair incidents; "alleged" counts every graded incident
except discounted ones. An incident alleged against two belligerents counts in each
belligerent's row; the total row counts it once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from strikewatch.assess.rubric import rubric
from strikewatch.store.database import Database
from strikewatch.store.schema import Incident

LIKELY = ("confirmed", "fair")
ALLEGED = ("confirmed", "fair", "weak", "contested")
DIMENSIONS = ("belligerent", "year", "month", "week", "day", "governorate", "grade")


@dataclass(frozen=True)
class TallyIncident:
    """What a tally needs of an incident."""

    id: str
    date: date | None
    belligerents: Sequence[str]
    admin1: str | None
    grade: str | None
    deaths: tuple[int | None, int | None]
    injuries: tuple[int | None, int | None]


@dataclass
class TallyRow:
    key: dict[str, str]
    incidents: int = 0
    without_figure: int = 0
    civilian_deaths_min: int = 0
    civilian_deaths_max: int = 0
    civilian_injuries_min: int = 0
    civilian_injuries_max: int = 0

    def add(self, incident: TallyIncident) -> None:
        self.incidents += 1
        low, high = incident.deaths
        if low is None and high is None:
            self.without_figure += 1
        self.civilian_deaths_min += low or 0
        self.civilian_deaths_max += high if high is not None else (low or 0)
        i_low, i_high = incident.injuries
        self.civilian_injuries_min += i_low or 0
        self.civilian_injuries_max += i_high if i_high is not None else (i_low or 0)


@dataclass
class Tally:
    by: tuple[str, ...]
    grades: tuple[str, ...]
    since: date | None
    until: date | None
    rubric_version: str
    rows: list[TallyRow] = field(default_factory=list)
    total: TallyRow = field(default_factory=lambda: TallyRow({"total": "all"}))


def _keys(incident: TallyIncident, dimension: str) -> list[str]:
    when = incident.date
    if dimension == "belligerent":
        return list(incident.belligerents) or ["unknown"]
    if dimension == "governorate":
        return [incident.admin1 or "unknown"]
    if dimension == "grade":
        return [incident.grade or "ungraded"]
    if when is None:
        return ["undated"]
    if dimension == "year":
        return [str(when.year)]
    if dimension == "month":
        return [f"{when.year}-{when.month:02d}"]
    if dimension == "week":
        iso = when.isocalendar()
        return [f"{iso.year}-W{iso.week:02d}"]
    return [when.isoformat()]


def _combinations(incident: TallyIncident, by: Sequence[str]) -> Iterator[dict[str, str]]:
    keys: list[dict[str, str]] = [{}]
    for dimension in by:
        keys = [{**k, dimension: v} for k in keys for v in _keys(incident, dimension)]
    yield from keys


def tally_incidents(
    incidents: Iterable[TallyIncident],
    *,
    by: Sequence[str] = ("belligerent",),
    grades: Sequence[str] = LIKELY,
    since: date | None = None,
    until: date | None = None,
) -> Tally:
    """The tally of a selection of incidents (pure: usable on any incident table)."""
    unknown = [d for d in by if d not in DIMENSIONS]
    if unknown:
        raise ValueError(f"cannot tally by {', '.join(unknown)}; one of {', '.join(DIMENSIONS)}")
    result = Tally(tuple(by), tuple(grades), since, until, rubric().version)
    rows: dict[tuple[tuple[str, str], ...], TallyRow] = {}
    for incident in incidents:
        if grades and (incident.grade or "") not in grades:
            continue
        if since and (incident.date is None or incident.date < since):
            continue
        if until and (incident.date is None or incident.date > until):
            continue
        result.total.add(incident)
        for key in _combinations(incident, by):
            token = tuple(sorted(key.items()))
            rows.setdefault(token, TallyRow(key)).add(incident)
    result.rows = sorted(rows.values(), key=lambda r: [r.key[d] for d in by])
    return result


def stored_incidents(database: Database) -> Iterator[TallyIncident]:
    """Every active incident of the store, as the tally reads it."""
    last = 0
    while True:
        with database.sessions() as session:
            chunk = list(
                session.execute(
                    select(Incident)
                    .where(Incident.is_active.is_(True), Incident.id > last)
                    .order_by(Incident.id)
                    .limit(5000)
                ).scalars()
            )
        if not chunk:
            return
        for incident in chunk:
            yield TallyIncident(
                incident.public_id,
                incident.date,
                list(incident.belligerents or []),
                incident.admin1,
                incident.grade,
                (incident.civilian_deaths_min, incident.civilian_deaths_max),
                (incident.civilian_injuries_min, incident.civilian_injuries_max),
            )
        last = chunk[-1].id


def tally(
    database: Database,
    *,
    by: Sequence[str] = ("belligerent",),
    grades: Sequence[str] = LIKELY,
    since: date | None = None,
    until: date | None = None,
) -> Tally:
    """The tally of the store's incidents."""
    return tally_incidents(
        stored_incidents(database), by=by, grades=grades, since=since, until=until
    )
