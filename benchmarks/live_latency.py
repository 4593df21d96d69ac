"""Benchmark: how long a newly ingested report takes to reach the live feed.

usage: python benchmarks/live_latency.py [--reports N] [--out DIR]

Builds a SQLite store of the demo corpus under DIR (default benchmarks/out/, ignored by
git), serves it on a free 127.0.0.1 port with the live pipeline watching for reports (as
``strikewatch serve`` does), listens to ``/api/v1/events`` and ingests N invented
reports (default 20) one at a time, each of a new strike or of one the store knows,
waiting for each one's event. Prints, per report and in summary (p50, p95, max), the
seconds from the end of the ingest to the event: extraction, live linking, assessment,
the new snapshot and the Server-Sent Event. Target (issues 4 and 6): within 2 seconds.
"""

from __future__ import annotations

import argparse
import json
import queue
import shutil
import socket
import statistics
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from strikewatch.config import Settings
from strikewatch.demo import demo_paths
from strikewatch.ingest import ingest_paths
from strikewatch.pipeline import process
from strikewatch.store.database import Database, open_database
from strikewatch.web import create_app

ROOT = Path(__file__).resolve().parent
# Invented villages and counts: no real event, place name of a real strike or person.
PLACES = ["كفرنبل", "معرة النعمان", "سراقب", "أريحا", "جسر الشغور", "الأتارب", "دارة عزة"]
WORDS = ["أربعة", "ثلاثة", "خمسة", "ستة", "سبعة"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _store(out: Path) -> Database:
    out.mkdir(parents=True, exist_ok=True)
    path = out / "live.db"
    for old in (path, path.with_suffix(".archive")):
        if old.is_dir():
            shutil.rmtree(old)
        elif old.exists():
            old.unlink()
    database = open_database(
        Settings(database_url=f"sqlite:///{path}", archive_dir=path.with_suffix(".archive"))
    )
    assert ingest_paths(database, demo_paths()).ok
    process(database)
    return database


def _report(path: Path, index: int) -> Path:
    place = PLACES[index % len(PLACES)]
    count = WORDS[index % len(WORDS)]
    report = {
        "id": f"bench-live-{index}",
        "kind": "social_post",
        "platform": "telegram",
        "publisher": "bench-channel (invented)",
        "language": "ar",
        "published_at": f"2023-05-{1 + index % 28:02d}T08:00:00+00:00",
        "text": f"عاجل: مقتل {count} مدنيين في غارة جوية على {place} صباح اليوم "
        f"(نص مخترع للقياس {index})",
    }
    path.write_text(json.dumps(report, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _listen(url: str, events: queue.Queue[dict[str, Any]], stop: threading.Event) -> None:
    with (
        httpx.Client(timeout=httpx.Timeout(5, read=60)) as http,
        http.stream("GET", url + "/api/v1/events") as stream,
    ):
        events.put({"type": "connected"})
        for line in stream.iter_lines():
            if line.startswith("data: "):
                events.put(json.loads(line[6:]))
            if stop.is_set():
                return


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=20)
    parser.add_argument("--out", type=Path, default=ROOT / "out")
    args = parser.parse_args()
    database = _store(args.out)
    app = create_app(database, watch=True)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    assert app.state.web.live.ready.wait(120), "the live pipeline never warmed up"
    url = f"http://127.0.0.1:{port}"
    events: queue.Queue[dict[str, Any]] = queue.Queue()
    stop = threading.Event()
    threading.Thread(target=_listen, args=(url, events, stop), daemon=True).start()
    assert events.get(timeout=10)["type"] == "connected"
    waits: list[float] = []
    for index in range(args.reports):
        ingest_paths(database, [_report(args.out / "live-report.jsonl", index)])
        ingested = time.monotonic()
        event = events.get(timeout=60)
        waits.append(time.monotonic() - ingested)
        print(f"report {index + 1:>3}: {event['type']:<8} after {waits[-1]:.2f} s", flush=True)
        while not events.empty():  # one ingest may move more than one incident
            events.get_nowait()
    stop.set()
    server.should_exit = True
    ordered = sorted(waits)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(
        f"{len(waits)} reports: p50 {statistics.median(waits):.2f} s, p95 {p95:.2f} s, "
        f"max {ordered[-1]:.2f} s (target 2 s)"
    )
    database.close()


if __name__ == "__main__":
    main()
