"""The Atom feed of new and updated incidents (the SSE stream lives in api.py)."""

from __future__ import annotations

from typing import Annotated, Any
from xml.sax.saxutils import escape

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from strikewatch.web.index import Selection, select_page
from strikewatch.web.state import WebState, web_state

router = APIRouter(include_in_schema=False)
State = Annotated[WebState, Depends(web_state)]
ENTRIES = 50


def _deaths(item: dict[str, Any]) -> str:
    low, high = item["civilian_deaths_min"], item["civilian_deaths_max"]
    if low is None and high is None:
        return "no figure yet"
    return str(low) if low == high or high is None else f"{low or 0}–{high}"


def atom_feed(base: str, items: list[dict[str, Any]], is_demo: bool) -> str:
    """An Atom document of incidents, newest change first."""
    updated = max((i["updated_at"] or "" for i in items), default="1970-01-01T00:00:00+00:00")
    title = "strikewatch incidents" + (" (INVENTED DEMO DATA)" if is_demo else "")
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>{escape(title)}</title>",
        f'<link rel="self" href="{escape(base)}feed.atom"/>',
        f'<link href="{escape(base)}"/>',
        f"<id>{escape(base)}feed.atom</id>",
        f"<updated>{escape(_rfc3339(updated))}</updated>",
        "<author><name>strikewatch</name></author>",
    ]
    for item in items:
        url = f"{base}incidents/{item['id']}"
        summary = (
            f"{item['date'] or 'undated'} · {item['place'] or 'unknown place'} · "
            f"{', '.join(item['belligerents']) or 'belligerent unknown'} · "
            f"civilian deaths {_deaths(item)} · grade {item['grade'] or 'not yet graded'}"
        )
        parts += [
            "<entry>",
            f"<title>{escape(item['id'])}: {escape(summary)}</title>",
            f'<link href="{escape(url)}"/>',
            f"<id>{escape(url)}</id>",
            f"<updated>{escape(_rfc3339(item['updated_at'] or updated))}</updated>",
            f"<summary>{escape(summary)}</summary>",
            "</entry>",
        ]
    parts.append("</feed>")
    return "\n".join(parts) + "\n"


def _rfc3339(moment: str) -> str:
    """Atom wants a zone: store times without one are UTC."""
    has_zone = moment.endswith("Z") or "+" in moment[10:] or moment[10:].count("-") > 0
    return moment if has_zone else moment + "+00:00"


@router.get("/feed.atom")
def feed(request: Request, state: State) -> Response:
    snapshot = state.index.snapshot
    items = select_page(snapshot, Selection(), "-updated", ENTRIES, None)[0]
    base = str(request.base_url)
    return state.cached(
        request,
        lambda: atom_feed(base, items, snapshot.is_demo).encode("utf-8"),
        "application/atom+xml",
        30,
    )
