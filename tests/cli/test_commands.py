"""The CLI as a user runs it: process, exports, link train, review list (Typer runner),
and once through a real ``python -m strikewatch`` subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from strikewatch.cli import app
from strikewatch.demo import demo_paths

runner = CliRunner()


def run(db: str, *args: str) -> Result:
    result = runner.invoke(app, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result


def json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A SQLite store holding the demo's reports JSON Lines file, processed by the CLI."""
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'sw.db'}"
    reports = next(p for p in demo_paths() if p.name == "reports.jsonl")
    run(url, "ingest", str(reports))
    result = run(url, "process")
    assert "processed 128 reports" in result.output
    assert "(linkage model trained)" in result.output
    yield url


def test_process_again_does_nothing(db: str) -> None:
    result = run(db, "process")
    assert "processed 0 reports" in result.output
    assert "0 new incidents" in result.output


def test_export_claims_jsonl_and_csv(db: str) -> None:
    records = json_lines(run(db, "export", "claims").stdout)
    assert records and all(r["claim_id"].startswith("claim-") for r in records)
    assert any(r["incident_id"] for r in records)
    rows = list(csv.DictReader(io.StringIO(run(db, "export", "claims", "--format", "csv").stdout)))
    assert [r["claim_id"] for r in rows] == [r["claim_id"] for r in records]
    assert "inferred_from_incident" in rows[0] and "span" not in rows[0]
    # --no-context: only the reports' own words, nothing filled in.
    own = json_lines(run(db, "export", "claims", "--no-context").stdout)
    assert [r["claim_id"] for r in own] == [r["claim_id"] for r in records]
    assert all("inferred_from_incident" not in r for r in own)
    assert any(r.get("inferred_from_incident") for r in records)


def test_export_incidents_in_three_formats(db: str, tmp_path: Path) -> None:
    records = json_lines(run(db, "export", "incidents").stdout)
    assert records and all(r["id"].startswith("SW-") and r["report_ids"] for r in records)
    rows = list(
        csv.DictReader(io.StringIO(run(db, "export", "incidents", "--format", "csv").stdout))
    )
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    target = tmp_path / "incidents.geojson"
    result = run(db, "export", "incidents", "--format", "geojson", "--output", str(target))
    assert f"{len(records)} incidents written" in result.output
    collection = json.loads(target.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == len(records)
    located = 0
    for feature in collection["features"]:
        assert feature["type"] == "Feature" and isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        if geometry is None:
            continue
        located += 1
        assert geometry["type"] == "Point"
        longitude, latitude = geometry["coordinates"]
        assert -90 <= latitude <= 90 and -180 <= longitude <= 180
    assert located > 0


def test_link_train_then_review_list(db: str) -> None:
    before = {r["id"] for r in json_lines(run(db, "export", "incidents").stdout)}
    result = run(db, "link", "train")
    assert "model retrained" in result.output
    after = {r["id"] for r in json_lines(run(db, "export", "incidents").stdout)}
    assert len(after & before) >= 0.8 * len(before)  # public ids survive a retrain
    items = json_lines(run(db, "review", "list", "--json").stdout)
    assert items
    for item in items:
        assert len(item["claims"]) == 2 and item["status"] == "open"
        assert 0 < item["probability"] < 1 and item["reasons"]
    assert [i["probability"] for i in items] == sorted(
        (i["probability"] for i in items), reverse=True
    )
    assert len(json_lines(run(db, "review", "list", "--json", "--limit", "1").stdout)) == 1


def test_real_subprocess(db: str, tmp_path: Path) -> None:
    target = tmp_path / "incidents.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "strikewatch", "--db", db, "export", "incidents", "-o", str(target)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "error"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "incidents written to" in done.stderr
    assert json_lines(target.read_text(encoding="utf-8"))
    bad = subprocess.run(
        [sys.executable, "-m", "strikewatch", "--db", db, "export", "incidents", "--format", "x"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert bad.returncode == 2 and "x" in bad.stderr
