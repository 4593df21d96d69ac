"""One settings object, read from STRIKEWATCH_* environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DATABASE_URL = "sqlite:///strikewatch.db"


def _archive_dir_for(database_url: str) -> Path:
    """Evidence archive beside a SQLite file, else in the working directory."""
    if database_url.startswith("sqlite:///") and database_url != "sqlite:///:memory:":
        db_path = Path(database_url.removeprefix("sqlite:///"))
        return db_path.with_name(db_path.stem + "-archive")
    return Path("strikewatch-archive")


@dataclass(frozen=True)
class Settings:
    """Where data lives and how the pipeline behaves."""

    database_url: str = DEFAULT_DATABASE_URL
    archive_dir: Path = field(default_factory=lambda: _archive_dir_for(DEFAULT_DATABASE_URL))
    batch_size: int = 1000
    link_engine: str = "duckdb"  # or "spark" (strikewatch[spark])

    @classmethod
    def from_env(cls, database_url: str | None = None) -> Settings:
        """Settings from arguments, then STRIKEWATCH_* variables, then defaults."""
        url = database_url or os.environ.get("STRIKEWATCH_DATABASE_URL") or DEFAULT_DATABASE_URL
        archive = os.environ.get("STRIKEWATCH_ARCHIVE_DIR")
        batch = int(os.environ.get("STRIKEWATCH_BATCH_SIZE", "1000"))
        return cls(
            database_url=url,
            archive_dir=Path(archive) if archive else _archive_dir_for(url),
            batch_size=batch,
            link_engine=os.environ.get("STRIKEWATCH_LINK_ENGINE", "duckdb"),
        )
