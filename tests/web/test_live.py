"""The live feed over real HTTP: a report ingested while a client listens reaches it."""

from __future__ import annotations

import json
import queue
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from strikewatch.ingest import ingest_paths
from tests.web.conftest import Server, invented_report

# Generous: the 2-second target is measured by benchmarks/live_latency.py on a quiet
# machine; here the event must come, whatever else the machine runs.
TIMEOUT_SECONDS = 60


def _listen(url: str, events: queue.Queue[dict[str, Any]], stop: threading.Event) -> None:
    timeout = httpx.Timeout(5, read=30)
    with (
        httpx.Client(timeout=timeout) as http,
        http.stream("GET", url + "/api/v1/events") as stream,
    ):
        events.put({"type": "connected"})
        for line in stream.iter_lines():
            if line.startswith("data: "):
                events.put(json.loads(line[6:]))
            if stop.is_set():
                return


def test_ingested_report_reaches_listeners(live_server: Server, tmp_path: Path) -> None:
    assert live_server.app.state.web.live.ready.wait(60), "pipeline never warmed up"
    events: queue.Queue[dict[str, Any]] = queue.Queue()
    stop = threading.Event()
    listener = threading.Thread(target=_listen, args=(live_server.url, events, stop), daemon=True)
    listener.start()
    assert events.get(timeout=10)["type"] == "connected"
    listing = live_server.url + "/api/v1/incidents?limit=500"
    httpx.get(listing)
    cached = httpx.get(listing)  # answered from the response cache
    assert cached.headers.get("x-cache") == "hit"
    before = {i["id"] for i in cached.json()["items"]}

    ingest_paths(live_server.database, [invented_report(tmp_path / "new.jsonl", "test-live-1")])
    ingested = time.monotonic()
    event = events.get(timeout=TIMEOUT_SECONDS)
    stop.set()
    print(f"event after {time.monotonic() - ingested:.2f}s")
    assert event["type"] in ("created", "updated")
    fresh = httpx.get(listing)
    # The new snapshot is not answered from the old one's cache.
    assert fresh.headers["etag"] != cached.headers["etag"]
    after = fresh.json()["items"]
    changed = {i["id"] for i in after} - before or {event["incident"]["id"]}
    assert event["incident"]["id"] in changed


def test_reconnecting_client_gets_missed_events(live_server: Server) -> None:
    hub = live_server.app.state.web.hub
    hub.publish({"type": "updated", "incident": {"id": "SW-test"}})
    with (
        httpx.Client(timeout=httpx.Timeout(5, read=5)) as http,
        http.stream(
            "GET", live_server.url + "/api/v1/events", headers={"Last-Event-ID": "0"}
        ) as stream,
    ):
        for line in stream.iter_lines():
            if line.startswith("data: "):
                assert json.loads(line[6:])["incident"]["id"] == "SW-test"
                return
    raise AssertionError("no replayed event")
