"""Shared fixtures: a migrated store on every backend (SQLite and PostgreSQL).

PostgreSQL tests use a real server: ``scripts/pg_test_server.py`` reuses the URL in
STRIKEWATCH_TEST_POSTGRES_URL or starts a throwaway cluster; no database is mocked.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from strikewatch.config import Settings
from strikewatch.store.database import Database, engine_url, open_database

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def postgres_admin_url() -> str:
    url = os.environ.get("STRIKEWATCH_TEST_POSTGRES_URL")
    if url:
        return url
    from scripts.pg_test_server import ensure_server

    url = ensure_server()
    os.environ["STRIKEWATCH_TEST_POSTGRES_URL"] = url
    return url


def _fresh_postgres_database() -> tuple[str, str]:
    admin = postgres_admin_url()
    name = f"sw_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(engine_url(admin), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    base = admin.rsplit("/", 1)[0]
    return f"{base}/{name}", name


def _drop_postgres_database(name: str) -> None:
    engine = create_engine(engine_url(postgres_admin_url()), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'strikewatch.db'}"
        return
    url, name = _fresh_postgres_database()
    try:
        yield url
    finally:
        _drop_postgres_database(name)


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(database_url=database_url, archive_dir=tmp_path / "archive", batch_size=50)


@pytest.fixture
def database(settings: Settings) -> Iterator[Database]:
    """A migrated, empty store on each backend, with its own evidence archive."""
    db = open_database(settings)
    try:
        yield db
    finally:
        db.close()


@pytest.fixture
def sqlite_database(tmp_path: Path) -> Iterator[Database]:
    """SQLite only: for tests about one importer's parsing, not about the backends."""
    db = open_database(
        Settings(
            database_url=f"sqlite:///{tmp_path / 'sw.db'}",
            archive_dir=tmp_path / "archive",
            batch_size=50,
        )
    )
    try:
        yield db
    finally:
        db.close()


@pytest.fixture(scope="session")
def processed_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the demo corpus ingested and processed once (SQLite + archive)."""
    from strikewatch.demo import demo_paths
    from strikewatch.ingest import ingest_paths
    from strikewatch.pipeline import process

    folder = tmp_path_factory.mktemp("processed-demo")
    db = open_database(
        Settings(database_url=f"sqlite:///{folder / 'demo.db'}", archive_dir=folder / "archive")
    )
    try:
        ingest_paths(db, demo_paths())
        process(db)
    finally:
        db.close()
    return folder


@pytest.fixture
def demo_database(processed_demo: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the processed demo store, free to change."""
    import shutil

    shutil.copy(processed_demo / "demo.db", tmp_path / "demo.db")
    shutil.copytree(processed_demo / "archive", tmp_path / "archive")
    db = open_database(
        Settings(database_url=f"sqlite:///{tmp_path / 'demo.db'}", archive_dir=tmp_path / "archive")
    )
    try:
        yield db
    finally:
        db.close()
