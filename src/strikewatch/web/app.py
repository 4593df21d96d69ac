"""The web application: ``create_app(database)`` gives the public site, API and live feed."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from strikewatch import __version__
from strikewatch.store.database import Database
from strikewatch.web import api, estimates, feeds, public
from strikewatch.web.api import BadParameterError
from strikewatch.web.estimates import PATTERN_HINTS
from strikewatch.web.fastpath import CachedAnswers
from strikewatch.web.index import IncidentIndex
from strikewatch.web.live import POLL_SECONDS, EventHub, LiveStore
from strikewatch.web.state import WebState
from strikewatch.web.timing import ServerTiming

log = logging.getLogger("strikewatch.web")
DESCRIPTION = (
    "Public incidents of civilian harm from air and artillery strikes, as strikewatch records "
    "them: filters, cursor pagination, tallies as ranges, and a live event stream. Private "
    "field reports never appear: their figures count, their text and senders do not."
)


def _error(status: int, error: str, parameter: str | None, detail: str) -> JSONResponse:
    return JSONResponse(
        {"error": error, "parameter": parameter, "detail": detail}, status_code=status
    )


def create_app(
    database: Database, *, watch: bool = False, poll_seconds: float = POLL_SECONDS
) -> FastAPI:
    """The site over an open store; ``watch`` also processes newly ingested reports."""
    index = IncidentIndex(database)
    hub = EventHub()
    live = LiveStore(database, index, hub, watch=watch, poll_seconds=poll_seconds)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        live.start()
        warming = asyncio.create_task(estimates.warm(app.state.estimates, index.snapshot.version))
        try:
            yield
        finally:
            warming.cancel()
            await live.stop()

    app = FastAPI(
        title="strikewatch",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_url="/openapi.json",
    )
    app.state.web = WebState(database, index, hub, live)
    app.state.estimates = estimates.Estimator(database)

    @app.exception_handler(BadParameterError)
    async def bad_parameter(_: Request, exc: BadParameterError) -> JSONResponse:
        error = "not_found" if exc.status == 404 else "bad_parameter"
        return _error(exc.status, error, exc.parameter, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        location = [str(p) for p in first.get("loc", ())]
        parameter = location[-1] if location else None
        message = first.get("msg", "invalid")
        if first.get("type") == "string_pattern_mismatch" and parameter in PATTERN_HINTS:
            message = PATTERN_HINTS[parameter]
        return _error(400, "bad_parameter", parameter, f"{parameter}: {message}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(
            exc.status_code,
            "not_found" if exc.status_code == 404 else "error",
            None,
            str(exc.detail),
        )

    app.add_middleware(CachedAnswers)  # inside ServerTiming: its answers are timed too
    app.add_middleware(ServerTiming)
    app.include_router(api.router)
    app.include_router(estimates.router)
    app.include_router(feeds.router)
    app.include_router(public.router)
    app.mount(
        "/static", StaticFiles(directory=str(files("strikewatch.web") / "static")), name="static"
    )
    return app


def app_from_env() -> FastAPI:
    """The site over the store STRIKEWATCH_DATABASE_URL names, for ``uvicorn --factory``.

    Each worker process of ``strikewatch serve --workers N`` builds its app here. None
    processes reports: that runs once, in the serving parent (``watch_reports``); each
    worker notices the store change by its own poll and feeds its own live listeners.
    """
    from strikewatch.config import Settings
    from strikewatch.store.database import open_database

    return create_app(open_database(Settings.from_env()), watch=False)


def watch_reports(
    database: Database, stop: threading.Event, poll_seconds: float = POLL_SECONDS
) -> None:
    """Process newly ingested reports until ``stop`` is set (blocking: run it in a thread)."""
    # Imported here: the pipeline pulls in the linker, which a read-only site never needs.
    from strikewatch.link.embedding import embed
    from strikewatch.pipeline import gazetteer_for, process_pending

    gazetteer = None
    try:
        embed(["warm up"])  # so the first report is processed as fast as any
    except Exception:  # the site serves on; processing is tried below all the same
        log.exception("warming up the pipeline failed")
    while not stop.is_set():
        try:
            if gazetteer is None:
                gazetteer = gazetteer_for(database)
            process_pending(database, gazetteer)
        except Exception:  # a report that fails to process must not stop the site
            log.exception("processing new reports failed")
        stop.wait(poll_seconds)
