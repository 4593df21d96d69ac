"""What every route shares: the store, the incident index, the event hub, a response cache."""

from __future__ import annotations

import hashlib
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

    def cached(
        self, request: Request, render: Callable[[], bytes], media_type: str, max_age: int
    ) -> Response:
        """A response built once per snapshot and URL, with an ETag and a 304 when it matches.

        The key holds the snapshot version, so a store change makes every entry stale.
        """
        version = self.index.snapshot.version
        key = (version, str(request.url.path) + "?" + str(request.url.query))
        hit = self.cache.get(key)
        if hit is None:
            body = render()
            etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
            hit = (body, etag)
            self.cache[key] = hit
            if len(self.cache) > CACHE_SIZE:
                self.cache.popitem(last=False)
        body, etag = hit
        headers = {"ETag": etag, "Cache-Control": f"public, max-age={max_age}"}
        if etag in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers=headers)
        return Response(body, media_type=media_type, headers=headers)


def web_state(request: Request) -> WebState:
    """The shared state of the app serving this request."""
    state: WebState = request.app.state.web
    return state
