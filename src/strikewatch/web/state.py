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

from strikewatch.store.database import Database
from strikewatch.web.index import IncidentIndex
from strikewatch.web.live import EventHub, LiveStore

CACHE_SIZE = 4096


@dataclass
class WebState:
    """The app's shared state (one per ``create_app``)."""

    database: Database
    index: IncidentIndex
    hub: EventHub
    live: LiveStore
    cache: OrderedDict[tuple[str, str], tuple[bytes, str]] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def key(self, request: Request) -> tuple[str, str]:
        """The cache key of a request: the snapshot version and the URL."""
        return (self.index.snapshot.version, request.url.path + "?" + request.url.query)

    def remember(self, key: tuple[str, str], body: bytes) -> tuple[bytes, str]:
        """Keep a rendered body under its key, with its ETag."""
        entry = (body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"')
        with self._lock:
            self.cache[key] = entry
            while len(self.cache) > CACHE_SIZE:
                self.cache.popitem(last=False)
        return entry

    def cached(
        self, request: Request, render: Callable[[], bytes], media_type: str, max_age: int
    ) -> Response:
        """A response built once per snapshot and URL, with an ETag and a 304 when it matches.

        The key holds the snapshot version, so a store change makes every entry stale.
        """
        key = self.key(request)
        entry = self.cache.get(key) or self.remember(key, render())
        return self.answer(request, entry, media_type, max_age)

    async def cached_io(
        self, request: Request, render: Callable[[], bytes], media_type: str, max_age: int
    ) -> Response:
        """As ``cached``, for a render that reads the store: a miss renders in a thread."""
        key = self.key(request)
        entry = self.cache.get(key)
        if entry is None:
            entry = self.remember(key, await asyncio.to_thread(render))
        return self.answer(request, entry, media_type, max_age)

    @staticmethod
    def answer(
        request: Request, entry: tuple[bytes, str], media_type: str, max_age: int
    ) -> Response:
        """The body, or 304 when the client holds this ETag already."""
        body, etag = entry
        headers = {"ETag": etag, "Cache-Control": f"public, max-age={max_age}"}
        if etag in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers=headers)
        return Response(body, media_type=media_type, headers=headers)


def web_state(request: Request) -> WebState:
    """The shared state of the app serving this request."""
    state: WebState = request.app.state.web
    return state
