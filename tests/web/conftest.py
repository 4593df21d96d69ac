"""Web fixtures: the demo corpus processed once per session, the app, a real server."""

from __future__ import annotations

import json
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from strikewatch.config import Settings
from strikewatch.demo import demo_paths
from strikewatch.ingest import ingest_paths
from strikewatch.pipeline import process
from strikewatch.store.database import Database, open_database
from strikewatch.web import create_app

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def _open(path: Path) -> Database:
    return open_database(
        Settings(database_url=f"sqlite:///{path}", archive_dir=path.with_suffix(".archive"))
    )


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store holding the demo corpus, ingested and processed once per session."""
    path = tmp_path_factory.mktemp("web") / "demo.db"
    database = _open(path)
    summary = ingest_paths(database, demo_paths())
    assert summary.ok
    process(database)
    database.close()
    return path


@pytest.fixture(scope="session")
def demo_db(demo_file: Path) -> Iterator[Database]:
    database = _open(demo_file)
    yield database
    database.close()


@pytest.fixture
def store_copy(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the demo store, for tests that add reports to it."""
    target = tmp_path / "copy.db"
    with sqlite3.connect(demo_file) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    database = _open(target)
    yield database
    database.close()


@dataclass
class Server:
    url: str
    database: Database
    app: FastAPI


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def serving(database: Database, *, watch: bool) -> Iterator[Server]:
    """A real uvicorn server in a thread on a free loopback port."""
    port = _free_port()
    app = create_app(database, watch=watch)
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        log_level="warning",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    try:
        yield Server(f"http://127.0.0.1:{port}", database, app)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def site(demo_db: Database) -> Iterator[Server]:
    """The site over the demo store (read-only: not watching for new reports)."""
    with serving(demo_db, watch=False) as server:
        yield server


@pytest.fixture(scope="session")
def client(site: Server) -> Iterator[httpx.Client]:
    """Real HTTP to the demo site."""
    with httpx.Client(base_url=site.url, timeout=30) as http:
        yield http


@pytest.fixture
def live_server(store_copy: Database) -> Iterator[Server]:
    """A server over a copy of the demo that processes newly ingested reports."""
    with serving(store_copy, watch=True) as server:
        yield server


def invented_report(path: Path, report_id: str) -> Path:
    """A JSON Lines file with one invented Arabic report of a new strike."""
    report = {
        "id": report_id,
        "kind": "social_post",
        "platform": "telegram",
        "publisher": "test-channel (invented)",
        "language": "ar",
        "published_at": "2023-05-02T08:00:00+00:00",
        "text": "عاجل: مقتل أربعة مدنيين بينهم طفلان في غارة جوية على بلدة كفرنبل جنوب إدلب "
        "صباح اليوم (نص مخترع للاختبار)",
    }
    path.write_text(json.dumps(report, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
