"""The JSON API under /api/v1: incidents, one incident, tallies, map points, events."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import asdict
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import Response, StreamingResponse
from sqlalchemy import func, select

from strikewatch.assess.tally import DIMENSIONS, LIKELY, tally_incidents
from strikewatch.model import Grade, Visibility
from strikewatch.store.database import Database
from strikewatch.store.schema import Report, Source
from strikewatch.web.detail import incident_detail
from strikewatch.web.index import Selection, select_page
from strikewatch.web.models import (
    ErrorOut,
    IncidentDetailOut,
    IncidentPage,
    MapOut,
    SourcesOut,
    TallyOut,
)
from strikewatch.web.state import WebState, web_state

router = APIRouter(prefix="/api/v1", tags=["api"])
ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": ErrorOut}}
GRADES = frozenset([*(g.value for g in Grade), "ungraded"])
MAX_AGE = 10
State = Annotated[WebState, Depends(web_state)]


class BadParameterError(Exception):
    """A query or path parameter the API cannot use; answered with 400 (or 404)."""

    def __init__(self, parameter: str, detail: str, status: int = 400) -> None:
        super().__init__(detail)
        self.parameter = parameter
        self.detail = detail
        self.status = status


def dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def parse_list(name: str, value: str | None, allowed: frozenset[str] | None = None) -> list[str]:
    """A comma-separated parameter as a list, each entry checked against ``allowed``."""
    items = [v.strip() for v in (value or "").split(",") if v.strip()]
    if allowed is not None:
        bad = [v for v in items if v not in allowed]
        if bad:
            raise BadParameterError(
                name, f"unknown {name} {bad[0]!r}; one of {', '.join(sorted(allowed))}"
            )
    return items


def parse_date(name: str, value: str | date | None) -> date | None:
    """An ISO date parameter (YYYY-MM-DD)."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        message = f"{name} must be a date as YYYY-MM-DD, not {value!r}"
        raise BadParameterError(name, message) from None


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """west,south,east,north in degrees."""
    if not value:
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        message = "bbox must be four numbers: west,south,east,north"
        raise BadParameterError("bbox", message) from None
    # A box given corner-first the other way round still means the same box.
    return min(west, east), min(south, north), max(west, east), max(south, north)


def parse_selection(
    belligerent: str | None,
    grade: str | None,
    since: str | date | None,
    until: str | date | None,
    bbox: str | None,
) -> Selection:
    """The incidents a request selects, every parameter checked (until before since: none)."""
    start, end = parse_date("since", since), parse_date("until", until)
    return Selection(
        belligerents=tuple(parse_list("belligerent", belligerent)),
        grades=tuple(parse_list("grade", grade, GRADES)),
        since=start,
        until=end,
        bbox=parse_bbox(bbox),
    )


def encode_cursor(sort: str, key: Any, public_id: str) -> str:
    raw = dumps([sort, key, public_id])
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[Any, str]:
    """The (sort key, id) a cursor points after; it must come from the same sort."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        cursor_sort, key, public_id = json.loads(raw)
    except (ValueError, TypeError, binascii.Error):
        raise BadParameterError("cursor", "cursor is not one this API gave out") from None
    if cursor_sort != sort or not isinstance(public_id, str):
        raise BadParameterError("cursor", "cursor belongs to another sort order; start again")
    if isinstance(key, list):
        key = tuple(key)
    expected = int if sort.lstrip("-") == "deaths" else (tuple if sort.startswith("-") else str)
    if not isinstance(key, expected) or isinstance(key, bool):
        raise BadParameterError("cursor", "cursor is not one this API gave out")
    return key, public_id


def _one_or_more(words: str) -> str:
    return f"^({words})(,({words}))*$"


GRADE_WORDS = "|".join(sorted(GRADES))
NUMBER = r"-?[0-9]+(\.[0-9]+)?"
Belligerent = Annotated[
    str | None, Query(description="Comma-separated belligerents, e.g. russia,turkey.")
]
GradeParam = Annotated[
    str | None,
    Query(
        description="Comma-separated grades (confirmed, fair, weak, …, ungraded).",
        pattern=_one_or_more(GRADE_WORDS),
    ),
]
Since = Annotated[date | None, Query(description="First day, YYYY-MM-DD.")]
Until = Annotated[date | None, Query(description="Last day, YYYY-MM-DD.")]
Bbox = Annotated[
    str | None,
    Query(
        description="west,south,east,north in degrees.",
        pattern=f"^{NUMBER},{NUMBER},{NUMBER},{NUMBER}$",
    ),
]
Sort = Literal["date", "-date", "deaths", "-deaths", "id", "-id", "updated", "-updated"]


@router.get("/incidents", response_model=IncidentPage, responses=ERRORS)
async def list_incidents(
    request: Request,
    state: State,
    belligerent: Belligerent = None,
    grade: GradeParam = None,
    since: Since = None,
    until: Until = None,
    bbox: Bbox = None,
    sort: Annotated[Sort, Query(description="Order of the list; - for descending.")] = "-date",
    limit: Annotated[int, Query(ge=1, le=500, description="Page size, at most 500.")] = 100,
    cursor: Annotated[str | None, Query(description="The `next` of the previous page.")] = None,
) -> Response:
    """Public incidents, filtered and sorted, a page at a time."""
    selection = parse_selection(belligerent, grade, since, until, bbox)
    after = decode_cursor(cursor, sort) if cursor else None

    def render() -> bytes:
        page, last = select_page(state.index.snapshot, selection, sort, limit, after)
        following = encode_cursor(sort, last[0], last[1]) if last else None
        return dumps({"items": page, "next": following})

    return state.cached(request, render, "application/json", MAX_AGE)


@router.get(
    "/incidents/{incident_id}",
    response_model=IncidentDetailOut,
    responses={**ERRORS, 404: {"model": ErrorOut}},
)
async def get_incident(incident_id: str, request: Request, state: State) -> Response:
    """One incident with its reasons, ranges and public sources."""
    snapshot = state.index.snapshot
    if incident_id not in snapshot.by_id:
        raise BadParameterError("incident_id", f"no public incident {incident_id!r}", status=404)
    # Rendered on the event loop: two indexed reads take ~0.4 ms, less than handing the
    # work to a thread and waiting for the interpreter lock back under load.
    return state.cached(
        request,
        lambda: dumps(incident_detail(state.database, snapshot, incident_id)),
        "application/json",
        MAX_AGE,
    )


@router.get("/tallies", response_model=TallyOut, responses=ERRORS)
async def get_tallies(
    request: Request,
    state: State,
    by: Annotated[
        str,
        Query(
            description=f"One to three of {', '.join(DIMENSIONS)}, comma-separated.",
            pattern=f"^({'|'.join(DIMENSIONS)})(,({'|'.join(DIMENSIONS)})){{0,2}}$",
        ),
    ] = "belligerent",
    grades: Annotated[
        str,
        Query(
            description="Comma-separated grades; `all` for every grade.",
            pattern=f"^(all|({GRADE_WORDS})(,({GRADE_WORDS}))*)$",
        ),
    ] = ",".join(LIKELY),
    since: Since = None,
    until: Until = None,
) -> Response:
    """Sums of incident minimums and maximums per key: civilian deaths as ranges."""
    dimensions = list(dict.fromkeys(parse_list("by", by, frozenset(DIMENSIONS))))
    chosen = [] if grades.strip() == "all" else parse_list("grades", grades, GRADES)
    selection = parse_selection(None, None, since, until, None)

    def render() -> bytes:
        result = tally_incidents(
            state.index.snapshot.tally_incidents(),
            by=dimensions,
            grades=chosen,
            since=selection.since,
            until=selection.until,
        )
        return dumps(
            {
                "by": list(result.by),
                "grades": list(result.grades),
                "since": since.isoformat() if since else None,
                "until": until.isoformat() if until else None,
                "rubric_version": result.rubric_version,
                "rows": [asdict(r) for r in result.rows],
                "total": asdict(result.total),
            }
        )

    return state.cached(request, render, "application/json", MAX_AGE)


@router.get("/map", response_model=MapOut)
async def get_map(request: Request, state: State) -> Response:
    """Every public incident with coordinates, in the map's compact shape."""

    def render() -> bytes:
        snapshot = state.index.snapshot
        items = [
            {
                "id": i["id"],
                "lat": i["latitude"],
                "lon": i["longitude"],
                "g": i["grade"],
                "lo": i["civilian_deaths_min"],
                "hi": i["civilian_deaths_max"],
                "d": i["date"],
                "b": i["belligerents"],
                "p": i["place"],
            }
            for i in snapshot.items
            if i["latitude"] is not None and i["longitude"] is not None
        ]
        return dumps({"version": snapshot.version, "items": items})

    return state.cached(request, render, "application/json", MAX_AGE)


def public_sources(database: Database) -> list[dict[str, Any]]:
    """Each publisher with public reports: platform, name, how many reports, of which kinds."""
    with database.sessions() as session:
        rows = session.execute(
            select(Source.platform, Source.publisher, Report.kind, func.count(Report.id))
            .join(Report, Report.source_id == Source.id)
            .where(Report.visibility == str(Visibility.PUBLIC), Report.is_current.is_(True))
            .group_by(Source.platform, Source.publisher, Report.kind)
            .order_by(Source.platform, Source.publisher)
        ).all()
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for platform, publisher, kind, count in rows:
        entry = found.setdefault(
            (platform, publisher),
            {"platform": platform, "publisher": publisher, "reports": 0, "kinds": []},
        )
        entry["reports"] += count
        entry["kinds"].append(kind)
    return list(found.values())


@router.get("/sources", response_model=SourcesOut)
async def get_sources(request: Request, state: State) -> Response:
    """Publishers of public reports (a field reporter is never listed)."""
    return await state.cached_io(
        request, lambda: dumps({"items": public_sources(state.database)}), "application/json", 60
    )


@router.get(
    "/events",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}}},
)
async def events(
    state: State, last_event_id: Annotated[str | None, Header()] = None
) -> StreamingResponse:
    """Server-Sent Events: `incident` events ({"type": "created"|"updated", "incident"})."""
    last = int(last_event_id) if last_event_id and last_event_id.isdigit() else None
    return StreamingResponse(
        state.hub.stream(last),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
