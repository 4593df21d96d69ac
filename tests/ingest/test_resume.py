"""An interrupted import (Ctrl-C or kill) keeps what it stored and resumes without duplicates."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from strikewatch.store.database import engine_url
from strikewatch.store.schema import ImportRun, Report

LINES = 40_000


def make_input(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in range(LINES):
            out.write(
                json.dumps(
                    {"id": f"r{i}", "text": f"تقرير رقم {i} عن قصف مدفعي", "language": "ar"},
                    ensure_ascii=False,
                )
                + "\n"
            )
    return path


def stored_count(url: str) -> int:
    engine = create_engine(engine_url(url))
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM reports")).scalar_one())
    except Exception:  # the table may not exist yet while the first run migrates
        return 0
    finally:
        engine.dispose()


def start_ingest(url: str, path: Path, archive: Path, batch: int = 1000) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "STRIKEWATCH_ARCHIVE_DIR": str(archive),
        "STRIKEWATCH_BATCH_SIZE": str(batch),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "strikewatch", "--db", url, "ingest", str(path)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill"])
def test_interrupted_import_resumes_without_duplicates(
    database_url: str, tmp_path: Path, sig: signal.Signals
) -> None:
    path = make_input(tmp_path / "big.jsonl")
    archive = tmp_path / "archive"
    # Small batches: many commits, so the import is surely still running when the first
    # one is seen and the signal arrives (a fast machine finishes 40 big batches at once).
    process = start_ingest(database_url, path, archive, batch=50)
    deadline = time.monotonic() + 120
    while stored_count(database_url) == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(sig)
    _, first_stderr = process.communicate(timeout=60)
    partial = stored_count(database_url)
    assert 0 < partial < LINES, "the import should have been stopped part-way"
    if sig == signal.SIGINT:
        assert process.returncode == 130, first_stderr.decode(errors="replace")[-3000:]
        assert b"run the same command again" in first_stderr
    resumed = start_ingest(database_url, path, archive)
    _, stderr = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, stderr.decode()
    engine = create_engine(engine_url(database_url))
    with engine.connect() as connection:
        total = connection.execute(select(func.count()).select_from(Report)).scalar_one()
        distinct = connection.execute(
            select(func.count(func.distinct(Report.external_id)))
        ).scalar_one()
        versions = connection.execute(select(func.max(Report.version))).scalar_one()
        statuses = [
            row[0] for row in connection.execute(select(ImportRun.status).order_by(ImportRun.id))
        ]
    engine.dispose()
    assert total == distinct == LINES and versions == 1
    assert statuses[-1] == "completed"
    if sig == signal.SIGINT:
        assert statuses[0] == "interrupted"
