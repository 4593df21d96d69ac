"""The generic reports JSON Lines importer, end to end through the runner."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from strikewatch.ingest import ImportOptions, ingest_paths
from strikewatch.ingest.reports_jsonl import IMPORTER, parse_line
from strikewatch.model import ReportDraft
from strikewatch.store.database import Database
from strikewatch.store.schema import Evidence, ImportProblem, ImportRun, Report

ARABIC = "قصف جوي على حي سكني في مدينة أريحا فجر اليوم أدى لمقتل ٣ مدنيين بينهم طفلين"


def write_lines(path: Path, records: list[dict[str, object] | str]) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            line = record if isinstance(record, str) else json.dumps(record, ensure_ascii=False)
            out.write(line + "\n")
    return path


def reports(database: Database) -> list[Report]:
    with database.sessions() as session:
        return list(session.execute(select(Report).order_by(Report.id)).scalars())


def test_stores_each_report_with_its_original_and_hash(database: Database, tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "in.jsonl",
        [
            {
                "id": "a1",
                "text": ARABIC,
                "kind": "social_post",
                "platform": "x",
                "publisher": "@invented_monitor",
                "published_at": "2023-06-11T05:40:00+03:00",
                "url": "https://x.com/invented_monitor/status/1",
                "likes": 12,
            },
            {
                "id": "e1",
                "text": "Coalition aircraft struck a house near the invented town.",
                "kind": "news_article",
            },
        ],
    )
    summary = ingest_paths(database, [path])
    assert summary.ok and summary.total("stored") == 2
    stored = reports(database)
    assert [r.external_id for r in stored] == ["a1", "e1"]
    assert stored[0].text == ARABIC  # Arabic kept exactly as published
    assert stored[0].extra == {"likes": 12}  # unknown fields are kept
    assert stored[0].language == "ar" and stored[0].language_detected
    assert stored[1].language == "en"
    raw_first_line = path.read_bytes().split(b"\n")[0]
    with database.sessions() as session:
        evidence = session.get(Evidence, stored[0].evidence_sha256)
        assert evidence is not None and evidence.data == raw_first_line
        run = session.execute(select(ImportRun)).scalar_one()
    assert run.status == "completed" and run.importer == "reports" and run.stored == 2
    assert stored[0].origin_position == "line 1"
    assert stored[0].origin_file_sha256 == run.file_sha256
    # The collected file is archived byte for byte under its hash.
    archived = database.settings.archive_dir / run.file_sha256[:2] / run.file_sha256
    assert archived.read_bytes() == path.read_bytes()


def test_reingesting_is_a_noop(database: Database, tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "in.jsonl", [{"id": str(i), "text": f"report {i}"} for i in range(120)]
    )
    first = ingest_paths(database, [path])
    second = ingest_paths(database, [path])
    assert first.total("stored") == 120
    assert second.total("stored") == 0 and second.total("duplicates") == 120
    assert len(reports(database)) == 120


def test_changed_text_under_same_id_is_a_new_version(database: Database, tmp_path: Path) -> None:
    ingest_paths(
        database,
        [
            write_lines(
                tmp_path / "a.jsonl", [{"id": "p1", "text": "مقتل مدنيين اثنين", "publisher": "@m"}]
            )
        ],
    )
    summary = ingest_paths(
        database,
        [
            write_lines(
                tmp_path / "b.jsonl",
                [{"id": "p1", "text": "ارتفاع الحصيلة إلى خمسة قتلى", "publisher": "@m"}],
            )
        ],
    )
    assert summary.total("new_versions") == 1
    old, new = reports(database)
    assert (old.version, old.is_current) == (1, False)
    assert (new.version, new.is_current, new.supersedes_id) == (2, True, old.id)
    assert old.text == "مقتل مدنيين اثنين"  # history is never overwritten


def test_bad_lines_are_reported_and_the_rest_stored(database: Database, tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "bad.jsonl",
        [
            {"id": "1", "text": "good one"},
            '{"id": "2", "text": "cut off',
            {"text": "no id"},
            {"id": "3"},
            {"id": "4", "text": 5},
            {"id": "5", "text": "bad kind", "kind": "rumour"},
            "[1, 2]",
            {"id": "1", "text": "same id, other text"},
            {"id": "6", "text": "good two", "published_at": "yesterday"},
        ],
    )
    summary = ingest_paths(database, [path])
    assert not summary.ok
    problems = {(p.position, p.field, p.severity) for p in summary.files[0].problems}
    assert ("line 2", None, "error") in problems
    assert ("line 3", "id", "error") in problems
    assert ("line 4", "text", "error") in problems
    assert ("line 5", "text", "error") in problems
    assert ("line 6", "kind", "error") in problems
    assert ("line 7", None, "error") in problems
    assert ("line 8", "id", "error") in problems
    assert ("line 9", "published_at", "warning") in problems
    assert all(p.file == str(path) for p in summary.files[0].problems)
    stored = reports(database)
    assert [r.external_id for r in stored] == ["1", "6"]
    assert stored[1].published_at is None
    assert stored[1].extra["published_at_raw"] == "yesterday"
    with database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(ImportProblem)) == 8


def test_wrong_encoding_names_line_and_suggests_encoding(
    sqlite_database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "cp1256.jsonl"
    good = json.dumps({"id": "u", "text": "utf-8 line"}) + "\n"
    bad = json.dumps(
        {"id": "w", "text": "غارة جوية على بلدة في ريف حلب الشرقي"}, ensure_ascii=False
    )
    path.write_bytes(good.encode() + bad.encode("cp1256") + b"\n")
    summary = ingest_paths(sqlite_database, [path])
    [problem] = summary.files[0].problems
    assert problem.position == "line 2" and "not valid utf-8" in problem.reason
    assert summary.total("stored") == 1
    # With the encoding named, the same line goes in, Arabic intact.
    again = ingest_paths(sqlite_database, [path], options=ImportOptions(encoding="cp1256"))
    assert again.total("stored") == 1
    assert reports(sqlite_database)[-1].text == "غارة جوية على بلدة في ريف حلب الشرقي"


def test_empty_file_stores_nothing_and_says_so(sqlite_database: Database, tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    summary = ingest_paths(sqlite_database, [path])
    assert not summary.ok
    assert "no known format" in summary.files[0].problems[0].reason
    forced = ingest_paths(sqlite_database, [path], fmt="reports")
    assert forced.ok and forced.total("stored") == 0


def test_detects_format_from_content_not_name(sqlite_database: Database, tmp_path: Path) -> None:
    path = write_lines(tmp_path / "export.txt", [{"id": "x", "text": "t"}])
    summary = ingest_paths(sqlite_database, [path])
    assert summary.files[0].importer == "reports" and summary.total("stored") == 1


def test_large_file_streams_in_batches(sqlite_database: Database, tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    filler = "ح" * 2000
    with path.open("w", encoding="utf-8") as out:
        for i in range(13_000):
            out.write(
                json.dumps({"id": f"r{i}", "text": f"{i} {filler}"}, ensure_ascii=False) + "\n"
            )
    assert path.stat().st_size > 50_000_000
    summary = ingest_paths(sqlite_database, [path])
    assert summary.ok and summary.total("stored") == 13_000
    with sqlite_database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Report)) == 13_000


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_parser_never_raises_on_garbage(raw: bytes) -> None:
    result = parse_line("f.jsonl", 1, raw, ImportOptions())
    assert isinstance(result, ReportDraft) or result.position == "line 1"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200), st.text(min_size=1, max_size=40).filter(str.strip))
def test_text_round_trips_exactly(text: str, report_id: str) -> None:
    raw = json.dumps({"id": report_id, "text": text}, ensure_ascii=False).encode()
    draft = parse_line("f.jsonl", 1, raw, ImportOptions())
    assert isinstance(draft, ReportDraft)
    assert draft.text == text and draft.external_id == report_id and draft.original == raw


def test_sniff_accepts_reports_only(tmp_path: Path) -> None:
    from strikewatch.ingest.inputs import InputItem

    good = write_lines(tmp_path / "a.jsonl", [{"id": "1", "text": "t"}])
    other = write_lines(tmp_path / "b.jsonl", [{"name": "x"}])
    assert IMPORTER.sniff(InputItem(str(good), good))
    assert not IMPORTER.sniff(InputItem(str(other), other))
