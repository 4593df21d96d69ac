"""The public pages, server-rendered in English or Arabic (``?lang=ar``), readable without
JavaScript: home, map, timeline, incident list and page, methodology, data downloads."""

from __future__ import annotations

import io
import tomllib
from functools import lru_cache
from importlib.resources import files
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from strikewatch.assess.rubric import rubric
from strikewatch.assess.tally import ALLEGED, LIKELY, tally_incidents
from strikewatch.model import Grade
from strikewatch.publish.formats import FORMATS, SUFFIX, public_records, write_records
from strikewatch.web.api import decode_cursor, encode_cursor, parse_selection
from strikewatch.web.detail import incident_detail
from strikewatch.web.index import Selection, Snapshot, select_page
from strikewatch.web.state import WebState, web_state
from strikewatch.web.timeline import timeline_charts

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(files("strikewatch.web") / "templates"))
State = Annotated[WebState, Depends(web_state)]
GRADE_NAMES = [g.value for g in Grade]
EXPORT_NOTES = {
    "csv": "one row per incident (the incidents export shape)",
    "jsonl": "JSON Lines, one incident a line",
    "geojson": "GeoJSON points with every field as properties",
    "hxl": "CSV with HXL hashtags in the second row (humanitarian data exchange)",
    "acled": "ACLED-shaped columns (docs/api.md gives the mapping)",
    "ucdp": "UCDP-GED-shaped columns (docs/api.md gives the mapping)",
}


@lru_cache(maxsize=1)
def interface_strings() -> dict[str, dict[str, str]]:
    """The interface strings per language, English filling any gap."""
    raw: dict[str, dict[str, str]] = tomllib.loads(
        (files("strikewatch.web") / "strings.toml").read_text(encoding="utf-8")
    )
    return {lang: {**raw["en"], **table} for lang, table in raw.items()}


def render(request: Request, state: WebState, name: str, **context: Any) -> HTMLResponse:
    """A page in the request's language, with the demo banner when the store is the demo."""
    lang = "ar" if request.query_params.get("lang") == "ar" else "en"
    strings = interface_strings()[lang]

    def u(path: str) -> str:
        return path + ("?lang=ar" if lang == "ar" else "")

    query = dict(request.query_params.multi_items())
    query.pop("lang", None)
    if lang == "en":
        query["lang"] = "ar"
    other_url = request.url.path + ("?" + urlencode(query) if query else "")
    page = templates.TemplateResponse(
        request,
        name,
        {
            "t": strings,
            "lang": lang,
            "u": u,
            "other_url": other_url,
            "is_demo": state.index.snapshot.is_demo,
            **context,
        },
    )
    page.headers["Cache-Control"] = "no-cache"
    return page


def _belligerents(snapshot: Snapshot) -> list[str]:
    return sorted({b for i in snapshot.items for b in i["belligerents"]})


def headline(snapshot: Snapshot, selection: Selection) -> list[dict[str, Any]]:
    """Per belligerent: incidents, likely-killed range and alleged range."""
    incidents = snapshot.tally_incidents()
    likely = tally_incidents(incidents, grades=LIKELY, since=selection.since, until=selection.until)
    alleged = tally_incidents(
        incidents, grades=ALLEGED, since=selection.since, until=selection.until
    )
    rows: dict[str, dict[str, Any]] = {}
    for row in alleged.rows:
        rows[row.key["belligerent"]] = {
            "name": row.key["belligerent"],
            "incidents": row.incidents,
            "alleged_min": row.civilian_deaths_min,
            "alleged_max": row.civilian_deaths_max,
            "likely_incidents": 0,
            "likely_min": 0,
            "likely_max": 0,
        }
    for row in likely.rows:
        entry = rows.setdefault(
            row.key["belligerent"],
            {"name": row.key["belligerent"], "incidents": row.incidents, "alleged_min": 0},
        )
        entry["likely_incidents"] = row.incidents
        entry["likely_min"] = row.civilian_deaths_min
        entry["likely_max"] = row.civilian_deaths_max
    return sorted(rows.values(), key=lambda r: -int(r.get("alleged_max") or 0))


def _latest(snapshot: Snapshot, sort: str, n: int) -> list[dict[str, Any]]:
    return select_page(snapshot, Selection(), sort, n, None)[0]


@router.get("/", response_class=HTMLResponse)
def home(
    request: Request, state: State, since: str | None = None, until: str | None = None
) -> HTMLResponse:
    snapshot = state.index.snapshot
    selection = parse_selection(None, None, since, until, None)
    return render(
        request,
        state,
        "home.html",
        headline=headline(snapshot, selection),
        latest=_latest(snapshot, "-date", 15),
        ticker=_latest(snapshot, "-updated", 8),
        since=since,
        until=until,
    )


@router.get("/partials/headline", response_class=HTMLResponse)
def headline_partial(
    request: Request, state: State, since: str | None = None, until: str | None = None
) -> HTMLResponse:
    selection = parse_selection(None, None, since, until, None)
    return render(
        request, state, "_headline.html", headline=headline(state.index.snapshot, selection)
    )


def _filters(
    belligerent: str | None, grade: list[str], since: str | None, until: str | None
) -> Selection:
    return parse_selection(belligerent or None, ",".join(grade) or None, since, until, None)


@router.get("/map", response_class=HTMLResponse)
def map_page(
    request: Request,
    state: State,
    belligerent: str | None = None,
    grade: Annotated[list[str], Query()] = [],  # noqa: B006 (FastAPI reads, never mutates)
    since: str | None = None,
    until: str | None = None,
) -> HTMLResponse:
    snapshot = state.index.snapshot
    selection = _filters(belligerent, grade, since, until)
    items = [i for i in snapshot.items if i["latitude"] is not None and selection.admits(i)]
    return render(
        request,
        state,
        "map.html",
        items=items,
        belligerents=_belligerents(snapshot),
        grades=[*GRADE_NAMES, "ungraded"],
        chosen_grades=grade,
        belligerent=belligerent,
        since=since,
        until=until,
    )


@router.get("/incidents", response_class=HTMLResponse)
def incidents_page(
    request: Request,
    state: State,
    belligerent: str | None = None,
    grade: str | None = None,
    since: str | None = None,
    until: str | None = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> HTMLResponse:
    snapshot = state.index.snapshot
    selection = _filters(belligerent, [grade] if grade else [], since, until)
    after = decode_cursor(cursor, "-date") if cursor else None
    items, last = select_page(snapshot, selection, "-date", limit, after)
    next_url = None
    if last is not None:
        query = {k: v for k, v in request.query_params.items() if k != "cursor"}
        query["cursor"] = encode_cursor("-date", last[0], last[1])
        next_url = "/incidents?" + urlencode(query)
    return render(
        request,
        state,
        "incidents.html",
        items=items,
        next_url=next_url,
        belligerents=_belligerents(snapshot),
        grades=[*GRADE_NAMES, "ungraded"],
        belligerent=belligerent,
        grade=grade,
        since=since,
        until=until,
    )


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident_page(request: Request, state: State, incident_id: str) -> HTMLResponse:
    snapshot = state.index.snapshot
    if incident_id not in snapshot.by_id:
        raise HTTPException(404, f"no public incident {incident_id}")
    detail = incident_detail(state.database, snapshot, incident_id)
    return render(request, state, "incident.html", i=detail)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, state: State, period: str = "month") -> HTMLResponse:
    if period not in ("day", "week", "month"):
        period = "month"
    charts = timeline_charts(state.index.snapshot.tally_incidents(), period)
    return render(request, state, "timeline.html", charts=charts, period=period)


@router.get("/methodology", response_class=HTMLResponse)
def methodology_page(request: Request, state: State) -> HTMLResponse:
    return render(request, state, "methodology.html", rubric=rubric())


@router.get("/exports", response_class=HTMLResponse)
def exports_page(request: Request, state: State) -> HTMLResponse:
    formats = [(f, SUFFIX[f], EXPORT_NOTES[f]) for f in FORMATS]
    return render(request, state, "exports.html", formats=formats)


@router.get("/exports/incidents.{suffix:path}")
def export_file(request: Request, state: State, suffix: str) -> Response:
    """An export of every public incident, with its version and hash in headers too."""
    by_suffix = {v: k for k, v in SUFFIX.items()}
    if suffix not in by_suffix:
        raise HTTPException(404, f"no export incidents.{suffix}")
    fmt = by_suffix[suffix]
    out = io.StringIO()
    info = write_records(public_records(state.database), fmt, out)
    return Response(
        out.getvalue().encode("utf-8"),
        media_type=info.media_type + ("; charset=utf-8" if "csv" in info.media_type else ""),
        headers={
            "Content-Disposition": f'attachment; filename="incidents.{suffix}"',
            "X-Methodology-Version": info.methodology_version,
            "X-Dataset-SHA256": info.dataset_sha256,
            "Cache-Control": "public, max-age=60",
        },
    )
