"""Open a store by URL: SQLite (embedded default) or PostgreSQL, migrated to head.

The two backends differ in a few statements only; each difference lives in a
``Dialect`` object chosen once from the URL, never in ``if`` branches elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, Insert, create_engine, event, insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from strikewatch.config import Settings
from strikewatch.errors import StoreError

MIGRATIONS = Path(__file__).with_name("migrations")


@dataclass(frozen=True)
class Dialect:
    """The statements that differ between backends."""

    name: str

    def insert_ignoring_duplicates(self, table: Any) -> Insert:
        """INSERT (run with a list of rows) that leaves existing rows with the same key."""
        if self.name == "postgresql":
            return postgresql.insert(table).on_conflict_do_nothing()
        if self.name == "sqlite":
            return sqlite.insert(table).on_conflict_do_nothing()
        return insert(table)


def engine_url(url: str) -> str:
    """The SQLAlchemy URL for a user-facing one (``postgresql://`` means psycopg 3)."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


class Database:
    """An open store: engine, session factory and the backend's dialect."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        url = engine_url(settings.database_url)
        try:
            self.engine: Engine = create_engine(url)
        except ModuleNotFoundError as exc:
            raise StoreError(
                f"cannot open {safe_url(settings.database_url)}: driver missing ({exc.name}); "
                "install strikewatch[postgres]"
            ) from exc
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _tune_sqlite)
        self.dialect = Dialect(self.engine.dialect.name)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session committed on success, rolled back on any error."""
        with self.sessions() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        with self.engine.begin() as connection:
            yield connection

    def close(self) -> None:
        self.engine.dispose()


def safe_url(url: str) -> str:
    """The URL with any password masked, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        user = credentials.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}" if ":" in credentials else url
    return url


def alembic_config(database: Database) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = database.engine
    return config


def migrate(database: Database) -> None:
    """Bring the schema to the newest migration (a no-op when it is there)."""
    try:
        command.upgrade(alembic_config(database), "head")
    except OperationalError as exc:
        raise StoreError(
            f"cannot open {safe_url(database.settings.database_url)}: {exc.orig}"
        ) from exc


def open_database(settings: Settings, *, migrate_schema: bool = True) -> Database:
    """Open (and by default migrate) the store the settings name."""
    if settings.database_url.startswith("sqlite:///"):
        path = Path(settings.database_url.removeprefix("sqlite:///"))
        if str(path) != ":memory:" and not path.parent.exists():
            raise StoreError(f"cannot open {settings.database_url}: folder {path.parent} missing")
    database = Database(settings)
    if migrate_schema:
        migrate(database)
    return database
