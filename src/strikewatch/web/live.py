"""The live side of the site: noticing store changes, processing new reports, and
fanning incident events out to Server-Sent Events listeners."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
from collections import deque
from collections.abc import AsyncIterator
from typing import Any

from strikewatch.store.database import Database
from strikewatch.web.index import IncidentIndex, Snapshot

log = logging.getLogger("strikewatch.web")
HEARTBEAT_SECONDS = 15.0
BACKLOG = 200


def incident_events(old: Snapshot, new: Snapshot) -> list[dict[str, Any]]:
    """What changed between two snapshots: incidents created or updated."""
    events = []
    for item in new.items:
        before = old.by_id.get(item["id"])
        if before is None:
            events.append({"type": "created", "incident": item})
        elif before != item:
            events.append({"type": "updated", "incident": item})
    return events


class EventHub:
    """Numbered incident events, a short backlog for reconnecting clients, and listeners."""

    def __init__(self) -> None:
        self.sequence = 0
        self.backlog: deque[tuple[int, dict[str, Any]]] = deque(maxlen=BACKLOG)
        self.listeners: set[asyncio.Queue[tuple[int, dict[str, Any]]]] = set()

    def publish(self, event: dict[str, Any]) -> None:
        """Number an event and hand it to every listener."""
        self.sequence += 1
        entry = (self.sequence, event)
        self.backlog.append(entry)
        for queue in self.listeners:
            queue.put_nowait(entry)

    async def stream(self, last_id: int | None) -> AsyncIterator[str]:
        """SSE text: missed events after ``last_id`` first, then each new one as it comes."""
        queue: asyncio.Queue[tuple[int, dict[str, Any]]] = asyncio.Queue()
        self.listeners.add(queue)
        try:
            yield "retry: 1000\n\n"
            if last_id is not None:
                for entry in [e for e in self.backlog if e[0] > last_id]:
                    yield _sse(*entry)
            while True:
                try:
                    entry = await asyncio.wait_for(queue.get(), HEARTBEAT_SECONDS)
                except TimeoutError:
                    # A comment line keeps proxies from closing an idle stream.
                    yield ": heartbeat\n\n"
                    continue
                yield _sse(*entry)
        finally:
            self.listeners.discard(queue)


def _sse(number: int, event: dict[str, Any]) -> str:
    data = json.dumps(event, ensure_ascii=False)
    return f"id: {number}\nevent: incident\ndata: {data}\n\n"


# How often the store is checked for new reports and changed incidents: both checks are
# one indexed query, and the wait is most of a new report's way to an open page.
POLL_SECONDS = 0.25


class LiveStore:
    """Polls the store, keeps the index current, publishes events, processes new reports."""

    def __init__(
        self,
        database: Database,
        index: IncidentIndex,
        hub: EventHub,
        *,
        watch: bool,
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        self.database = database
        self.index = index
        self.hub = hub
        self.watch = watch
        self.poll_seconds = poll_seconds
        self._tasks: list[asyncio.Task[None]] = []
        self._gazetteer: Any = None
        self._refreshing = asyncio.Lock()
        # Set once the linker's models are loaded: the first report is then as fast as any.
        self.ready = threading.Event()

    async def refresh(self) -> None:
        """Re-read the incidents if the store moved, and publish what changed."""
        async with self._refreshing:
            old = self.index.snapshot
            if await asyncio.to_thread(self.index.refresh):
                for event in incident_events(old, self.index.snapshot):
                    self.hub.publish(event)

    async def _poll(self) -> None:
        while True:
            try:
                await self.refresh()
            except Exception:  # a failed poll must not end the live feed
                log.exception("polling the store failed")
            await asyncio.sleep(self.poll_seconds)

    def _process_pending(self) -> bool:
        # Imported here: the pipeline pulls in the linker, which a read-only site never needs.
        from strikewatch.pipeline import gazetteer_for, process_pending

        if self._gazetteer is None:
            self._gazetteer = gazetteer_for(self.database)
        return process_pending(self.database, self._gazetteer)

    def _warm(self) -> None:
        from strikewatch.link.embedding import embed

        embed(["warm up"])
        self._process_pending()

    async def _watch(self) -> None:
        try:
            await asyncio.to_thread(self._warm)
        except Exception:  # the site serves on; processing is retried below
            log.exception("warming up the pipeline failed")
        self.ready.set()
        while True:
            try:
                if await asyncio.to_thread(self._process_pending):
                    await self.refresh()
            except Exception:  # a report that fails to process must not stop the site
                log.exception("processing new reports failed")
            await asyncio.sleep(self.poll_seconds)

    def start(self) -> None:
        """Start polling (and processing, with ``watch``) in the running event loop."""
        self._tasks.append(asyncio.create_task(self._poll()))
        if self.watch:
            self._tasks.append(asyncio.create_task(self._watch()))

    async def stop(self) -> None:
        """Cancel the background tasks and wait for them to end."""
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks.clear()
