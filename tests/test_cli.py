"""The command line, run as a user runs it: Typer's runner and real subprocesses."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from strikewatch.cli import app

runner = CliRunner()


def write_reports(path: Path) -> Path:
    rows = [
        {
            "id": "t1",
            "text": "استهداف سوق شعبي بقذائف المدفعية",
            "platform": "telegram",
            "publisher": "قناة تجريبية",
            "kind": "social_post",
        },
        {
            "id": "t2",
            "text": "Drone strike on a car, two civilians injured",
            "platform": "x",
            "publisher": "@invented",
            "kind": "social_post",
            "published_at": "2024-02-03",
        },
        {
            "id": "t3",
            "text": "A field report, not for publication",
            "kind": "field_report",
            "visibility": "private",
        },
    ]
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    return path


def test_ingest_sources_and_export(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'sw.db'}"
    source = write_reports(tmp_path / "in.jsonl")
    result = runner.invoke(app, ["--db", db, "ingest", str(source)])
    assert result.exit_code == 0, result.output
    assert "3 stored" in result.output

    listed = runner.invoke(app, ["--db", db, "sources", "--json"])
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert {(r["platform"], r["publisher"], r["reports"]) for r in rows} == {
        ("telegram", "قناة تجريبية", 1),
        ("x", "@invented", 1),
        ("field_report", "", 1),
    }

    exported = tmp_path / "out.jsonl"
    result = runner.invoke(
        app, ["--db", db, "export", "reports", "--format", "jsonl", "--output", str(exported)]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    # Private reports never leave through an export.
    assert [r["id"] for r in records] == ["t1", "t2"]
    assert records[0]["text"] == "استهداف سوق شعبي بقذائف المدفعية"
    assert len(records[0]["original_sha256"]) == 64

    result = runner.invoke(app, ["--db", db, "export", "reports", "--format", "csv"])
    table = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["id"] for r in table] == ["t1", "t2"] and table[1]["published_at"] == "2024-02-03"


def test_export_reimports_as_duplicates(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'a.db'}"
    runner.invoke(app, ["--db", db, "ingest", str(write_reports(tmp_path / "in.jsonl"))])
    exported = tmp_path / "out.jsonl"
    runner.invoke(app, ["--db", db, "export", "reports", "--output", str(exported)])
    again = runner.invoke(app, ["--db", db, "ingest", str(exported)])
    assert again.exit_code == 0
    assert "0 stored" in again.output and "2 already stored" in again.output


def test_rejected_records_give_nonzero_exit_and_named_lines(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "text": "ok"}\n{"id": "2"\n', encoding="utf-8")
    result = runner.invoke(app, ["--db", f"sqlite:///{tmp_path / 'sw.db'}", "ingest", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}: line 2" in result.output and "1 stored" in result.output


def test_unknown_format_and_missing_path_are_one_line_errors(tmp_path: Path) -> None:
    env = {**os.environ, "STRIKEWATCH_DATABASE_URL": f"sqlite:///{tmp_path / 'sw.db'}"}
    done = subprocess.run(
        [sys.executable, "-m", "strikewatch", "ingest", "--format", "nope", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "error: unknown format 'nope'; known: reports, x-archive, telegram, feeds, html, csv-list"
    ]
    missing = subprocess.run(
        [sys.executable, "-m", "strikewatch", "ingest", str(tmp_path / "absent.jsonl")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert missing.returncode == 1 and "no such file or folder" in missing.stderr


def test_bad_database_url_is_a_clear_error(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "strikewatch",
            "--db",
            f"sqlite:///{tmp_path}/no/such/dir/x.db",
            "sources",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("error: cannot open sqlite:///") and "missing" in done.stderr


def test_piped_output_has_no_progress_bar(tmp_path: Path) -> None:
    source = write_reports(tmp_path / "in.jsonl")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "strikewatch",
            "--db",
            f"sqlite:///{tmp_path / 'sw.db'}",
            "ingest",
            str(source),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "\r" not in done.stderr and "\x1b[" not in done.stderr
    assert done.stderr.strip().endswith("0 rejected, 0 warnings")


def test_database_url_from_environment(tmp_path: Path) -> None:
    db_file = tmp_path / "env.db"
    env = {**os.environ, "STRIKEWATCH_DATABASE_URL": f"sqlite:///{db_file}"}
    subprocess.run(
        [sys.executable, "-m", "strikewatch", "ingest", str(write_reports(tmp_path / "in.jsonl"))],
        env=env,
        check=True,
        capture_output=True,
    )
    assert db_file.exists() and (tmp_path / "env-archive").is_dir()
