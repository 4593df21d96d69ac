"""The bundled demo corpus: ingestible whole, labelled as invented, reproducible."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from scripts.make_demo_corpus import DEMO, generate
from sqlalchemy import select

from strikewatch.demo import demo_paths
from strikewatch.ingest import importers, ingest_paths
from strikewatch.store.database import Database
from strikewatch.store.schema import Report

DATA = DEMO / "data"
LABEL = "invented – no real event, figure or person"


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _reports(database: Database) -> list[Report]:
    with database.sessions() as session:
        return list(session.execute(select(Report)).scalars())


def test_demo_corpus_ingests_whole(sqlite_database: Database) -> None:
    summary = ingest_paths(sqlite_database, demo_paths())
    assert summary.ok, [str(p) for f in summary.files for p in f.problems]
    assert summary.total("rejected") == 0 and summary.total("warnings") == 0
    skipped = [Path(f.label).name for f in summary.files if f.importer is None]
    assert skipped == ["account.js"]  # read as the X archive's sibling, not as a report file
    assert {f.importer for f in summary.files if f.importer} == set(importers())
    assert 250 <= summary.total("stored") <= 400
    assert summary.total("new_versions") == 1  # the edited tweet


def test_truth_report_ids_exist_after_ingest(sqlite_database: Database) -> None:
    ingest_paths(sqlite_database, demo_paths())
    stored = {r.external_id for r in _reports(sqlite_database)}
    strikes = _jsonl(DEMO / "truth" / "strikes.jsonl")
    assert 30 <= len(strikes) <= 40
    told = [i for s in strikes for ids in s["reports"].values() for i in ids]
    noise = [row["id"] for row in _jsonl(DEMO / "truth" / "noise.jsonl")]
    assert set(told) | set(noise) <= stored
    assert not set(told) & set(noise)
    for strike in strikes:
        own = [i for file, ids in strike["reports"].items() if "ngo" not in file for i in ids]
        assert 2 <= len(own) <= 12, strike["id"]
        assert strike["civilian_deaths_min"] <= strike["civilian_deaths_max"]


def test_private_field_reports_stay_private(sqlite_database: Database) -> None:
    ingest_paths(sqlite_database, demo_paths())
    field = [r for r in _reports(sqlite_database) if r.kind == "field_report"]
    assert len(field) >= 3
    assert {r.visibility for r in field} == {"private"}
    assert all(re.fullmatch(r"field-reporter-\d\d", r.publisher or "") for r in field)
    assert {r.visibility for r in _reports(sqlite_database) if r.kind != "field_report"} == {
        "public"
    }


def test_generator_is_deterministic_and_shipped_files_are_current(tmp_path: Path) -> None:
    generate(tmp_path)
    made = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    shipped = sorted(
        p.relative_to(DEMO)
        for folder in ("data", "truth")
        for p in (DEMO / folder).rglob("*")
        if p.is_file()
    )
    assert made == shipped
    changed = [str(p) for p in made if (tmp_path / p).read_bytes() != (DEMO / p).read_bytes()]
    assert not changed, f"regenerate with scripts/make_demo_corpus.py: {changed}"


def test_every_record_and_publisher_says_it_is_invented() -> None:
    records = _jsonl(DATA / "reports.jsonl")
    assert all(r["demo"] == LABEL for r in records)
    for r in records:
        publisher = r.get("publisher", "")
        assert "demo" in publisher or re.fullmatch(r"field-reporter-\d\d", publisher), publisher
    tweets = json.loads((DATA / "x-archive" / "data" / "tweets.js").read_text().split("=", 1)[1])
    assert all(t["tweet"]["demo"] == LABEL for t in tweets)
    telegram = json.loads((DATA / "telegram" / "result.json").read_text(encoding="utf-8"))
    assert "demo" in telegram["name"]
    assert all(m["demo"] == LABEL for m in telegram["messages"] if m["type"] == "message")
    assert all(
        LABEL in line for line in (DATA / "ngo-casualty-list.csv").read_text().splitlines()[1:]
    )
    for feed in ("news-rss.xml", "news-atom.xml"):
        head = (DATA / feed).read_text(encoding="utf-8")[:400]
        assert re.search(r"<title>[^<]*INVENTED DEMO", head), feed
    pages = sorted((DATA / "pages").glob("*.html"))
    assert 3 <= len(pages) <= 6
    for page in pages:
        raw = page.read_bytes()
        charset = re.search(rb'charset="([\w-]+)"', raw)
        assert charset is not None
        assert re.search(r"<title>[^<]*INVENTED DEMO", raw.decode(charset.group(1).decode()))
    assert b'charset="windows-1256"' in b"".join(p.read_bytes() for p in pages)
    assert (DEMO / "README.md").read_text(encoding="utf-8").count("invented") >= 2


def test_corpus_gives_later_stages_real_work() -> None:
    text = "\n".join(
        (DATA / name).read_text(encoding="utf-8")
        for name in ("reports.jsonl", "telegram/result.json", "x-archive/data/tweets.js")
    )
    for phrase in ("فجر اليوم", "ليلة أمس", "الماضي", "عشرات", "حصاد الأحداث الميدانية"):
        assert phrase in text, phrase
    assert re.search("[٠-٩]", text) and re.search("حزيران|تموز|آب|أيلول|شباط|آذار", text)
    assert "Log in" in text and "cookies" in text  # walls the pipeline must reject
    assert '"RT @' in text and '"forwarded_from"' in text and '"edited"' in text
    assert '"initialTweetId"' in text and '"type": "hashtag"' in text
    english = (DATA / "news-rss.xml").read_text(encoding="utf-8")
    assert re.search(r"at least|dozens", english) and re.search(r"on \w+day", english)
    statements = [r for r in _jsonl(DATA / "reports.jsonl") if r["kind"] == "military_statement"]
    assert any("unintentionally killed" in r["text"] for r in statements)
    contested = [s for s in _jsonl(DEMO / "truth" / "strikes.jsonl") if len(s["belligerents"]) > 1]
    assert len(contested) >= 3
