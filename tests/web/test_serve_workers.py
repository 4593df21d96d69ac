"""``strikewatch serve --workers N``: worker processes over one store, reports processed once."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
from typer.testing import CliRunner

import strikewatch.cli.serve  # noqa: F401  (registers the command until cli/__init__ does)
from strikewatch.cli import app
from strikewatch.ingest import ingest_paths
from strikewatch.pipeline import pending_count
from strikewatch.store.database import Database
from strikewatch.web.app import watch_reports
from tests.web.conftest import _free_port, invented_report
from tests.web.test_serve import LAUNCH


def test_serve_help_names_workers() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0 and "--workers" in result.output


def test_two_workers_answer_over_http(demo_file: Path) -> None:
    port = _free_port()
    command = [sys.executable, "-c", LAUNCH, "--db", f"sqlite:///{demo_file}", "serve"]
    server = subprocess.Popen(
        [*command, "--no-watch", "--workers", "2", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        answer = None
        for _ in range(300):
            try:
                answer = httpx.get(f"{base}/api/v1/incidents?limit=2")
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert answer is not None and answer.status_code == 200
        assert len(answer.json()["items"]) == 2
        # Every worker opened the same store: any of them gives the same incident.
        first = answer.json()["items"][0]["id"]
        etags = {httpx.get(f"{base}/api/v1/incidents/{first}").headers["etag"] for _ in range(6)}
        assert len(etags) == 1
    finally:
        server.terminate()
        server.wait(timeout=15)
    assert server.returncode is not None


def test_watch_reports_processes_what_was_ingested(store_copy: Database, tmp_path: Path) -> None:
    summary = ingest_paths(store_copy, [invented_report(tmp_path / "new.jsonl", "inv-w-1")])
    assert summary.ok and pending_count(store_copy) == 1
    stop = threading.Event()
    watcher = threading.Thread(target=watch_reports, args=(store_copy, stop, 0.1), daemon=True)
    watcher.start()
    try:
        deadline = time.monotonic() + 120
        while pending_count(store_copy) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert pending_count(store_copy) == 0
    finally:
        stop.set()
        watcher.join(timeout=30)
    assert not watcher.is_alive()
