"""What every route shares: the store, the incident index, the event hub, a response cache."""

from __future__ import annotations

import asyncio
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from fastapi import Request
from fastapi.responses import Response
from starlette.types import Scope

from strikewatch.store.database import Database
from strikewatch.web.index import IncidentIndex
from strikewatch.web.live import EventHub, LiveStore

# Rendered answers kept per process, by size: every detail page of 10,000 incidents and
# the common list pages fit; the oldest go first.
CACHE_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class Cached:
    """A rendered answer: its body, ETag, media type and how long clients may keep it."""

    body: bytes
    etag: str
    media_type: str
    max_age: int

    def headers(self) -> dict[str, str]:
        """The caching headers every answer of this body carries."""
        return {"ETag": self.etag, "Cache-Control": f"public, max-age={self.max_age}"}


def cache_key(version: str, scope: Scope) -> tuple[str, str]:
    """The cache key of a request: the snapshot version and the URL as the client sent it.

    Read straight from the ASGI scope, so the routes and ``fastpath`` derive it alike.
    """
    return (version, scope["path"] + "?" + scope.get("query_string", b"").decode("latin-1"))


@dataclass
class WebState:
    """The app's shared state (one per ``create_app``)."""

    database: Database
    index: IncidentIndex
    hub: EventHub
    live: LiveStore
    cache: OrderedDict[tuple[str, str], Cached] = field(default_factory=OrderedDict)
    cached_bytes: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def key(self, request: Request) -> tuple[str, str]:
        """The cache key of a request: the snapshot version and the URL."""
        return cache_key(self.index.snapshot.version, request.scope)

    def remember(self, key: tuple[str, str], body: bytes, media_type: str, max_age: int) -> Cached:
        """Keep a rendered body under its key, with its ETag."""
        entry = Cached(body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"', media_type, max_age)
        with self._lock:
            previous = self.cache.pop(key, None)
            self.cached_bytes -= len(previous.body) if previous else 0
            self.cache[key] = entry
            self.cached_bytes += len(body)
            while self.cached_bytes > CACHE_BYTES and len(self.cache) > 1:
                _, dropped = self.cache.popitem(last=False)
                self.cached_bytes -= len(dropped.body)
        return entry

    def cached(
        self, request: Request, render: Callable[[], bytes], media_type: str, max_age: int
    ) -> Response:
        """A response built once per snapshot and URL, with an ETag and a 304 when it matches.

        The key holds the snapshot version, so a store change makes every entry stale.
        """
        key = self.key(request)
        entry = self.cache.get(key) or self.remember(key, render(), media_type, max_age)
        return self.answer(request, entry)

    async def cached_io(
        self, request: Request, render: Callable[[], bytes], media_type: str, max_age: int
    ) -> Response:
        """As ``cached``, for a render that reads the store: a miss renders in a thread."""
        key = self.key(request)
        entry = self.cache.get(key)
        if entry is None:
            body = await asyncio.to_thread(render)
            entry = self.remember(key, body, media_type, max_age)
        return self.answer(request, entry)

    @staticmethod
    def answer(request: Request, entry: Cached) -> Response:
        """The body, or 304 when the client holds this ETag already."""
        if entry.etag in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers=entry.headers())
        return Response(entry.body, media_type=entry.media_type, headers=entry.headers())


def web_state(request: Request) -> WebState:
    """The shared state of the app serving this request."""
    state: WebState = request.app.state.web
    return state
