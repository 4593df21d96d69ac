"""X archive and Telegram Desktop exports, end to end through the runner."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from strikewatch.ingest import ImportOptions, ingest_paths
from strikewatch.ingest.inputs import InputItem
from strikewatch.ingest.telegram import IMPORTER as TELEGRAM
from strikewatch.ingest.telegram import flatten_text
from strikewatch.ingest.x_archive import IMPORTER as X_ARCHIVE
from strikewatch.ingest.x_archive import snowflake_time
from strikewatch.store.database import Database
from strikewatch.store.schema import Evidence, Report

FIXTURES = Path(__file__).parent / "fixtures"


def stored(database: Database) -> list[Report]:
    with database.sessions() as session:
        return list(session.execute(select(Report).order_by(Report.id)).scalars())


def zip_folder(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder.parent))
    return target


def test_x_archive_folder_with_edit_chain(database: Database) -> None:
    summary = ingest_paths(database, [FIXTURES / "x_archive"])
    assert summary.ok, [str(p) for f in summary.files for p in f.problems]
    [tweets] = [f for f in summary.files if f.importer == "x-archive"]
    assert (tweets.stored, tweets.new_versions) == (3, 1)
    assert [f.skipped for f in summary.files if f.importer is None] == [True]  # account.js
    rows = stored(database)
    first = rows[0]
    assert first.publisher == "@invented_monitor" and first.platform == "x"
    assert first.text.startswith("غارات جوية على بلدة تجريبية")
    assert "&amp;" not in first.text and " & " in first.text
    assert first.published_at == "2023-06-14T06:30:00+00:00" and first.language == "ar"
    assert first.url == "https://x.com/invented_monitor/status/1668866000000000001"
    edited = [r for r in rows if r.external_id == "1668900000000000002"]
    assert [(r.version, r.is_current) for r in edited] == [(1, False), (2, True)]
    assert "6 civilians" in edited[1].text and edited[1].supersedes_id == edited[0].id
    assert edited[0].extra["links"] == ["https://news.example.org/invented-market"]
    [retweet] = [r for r in rows if r.external_id == "1668920000000000004"]
    assert retweet.extra["retweet_of"] == "other_invented"
    assert retweet.published_at == snowflake_time("1668920000000000004")  # from the id
    assert retweet.language == "ar" and retweet.language_detected  # "und" → detected


def test_x_archive_zip_and_reimport_noop(sqlite_database: Database, tmp_path: Path) -> None:
    archive = zip_folder(FIXTURES / "x_archive" / "data", tmp_path / "archive.zip")
    first = ingest_paths(sqlite_database, [archive])
    assert first.total("stored") == 3 and first.total("new_versions") == 1
    again = ingest_paths(sqlite_database, [archive], fmt="x-archive")
    assert again.total("stored") == again.total("new_versions") == 0
    assert again.total("duplicates") == 4
    assert len(stored(sqlite_database)) == 4


def test_account_email_is_never_stored(sqlite_database: Database) -> None:
    ingest_paths(sqlite_database, [FIXTURES / "x_archive"])
    with sqlite_database.sessions() as session:
        blobs = [e.data for e in session.execute(select(Evidence)).scalars()]
    rows = stored(sqlite_database)
    everything = (
        b"".join(blobs)
        + json.dumps([[r.text, r.extra, r.publisher] for r in rows], ensure_ascii=False).encode()
    )
    assert b"invented@example.org" not in everything


def test_broken_x_archives_are_reported(sqlite_database: Database, tmp_path: Path) -> None:
    source = (FIXTURES / "x_archive" / "data" / "tweets.js").read_bytes()
    truncated = tmp_path / "tweets.js"
    truncated.write_bytes(source[: len(source) // 2])
    summary = ingest_paths(sqlite_database, [truncated])
    [problem] = summary.files[0].problems
    assert "invalid JSON" in problem.reason and "truncated" in problem.reason
    missing = tmp_path / "missing" / "tweets.js"
    missing.parent.mkdir()
    missing.write_text(
        'window.YTD.tweets.part0 = [{"tweet": {"full_text": "x"}}, '
        '{"tweet": {"id_str": "5", "full_text": "kept"}}]',
        encoding="utf-8",
    )
    summary = ingest_paths(sqlite_database, [missing])
    assert [(p.position, p.field) for p in summary.files[0].problems] == [("record 1", "id_str")]
    assert summary.total("stored") == 1


def test_telegram_export_and_later_edit(database: Database, tmp_path: Path) -> None:
    summary = ingest_paths(database, [FIXTURES / "telegram" / "result_a.json"])
    assert summary.ok and summary.total("stored") == 3  # the service message is no report
    rows = stored(database)
    first = rows[0]
    assert first.publisher == "قناة الرصد التجريبية" and first.platform == "telegram"
    assert first.text == (
        "قصف مدفعي على أطراف بلدة تجريبية صباح اليوم أدى لإصابة طفلين #حلب المصدر"
    )
    assert first.extra["links"] == ["https://news.example.org/invented"]
    assert first.published_at == "2023-06-11T04:10:00Z"
    assert first.extra["date_local"] == "2023-06-11T07:10:00"
    assert rows[1].extra["forwarded_from"] == "Another Invented Channel"
    assert rows[1].extra["media"] == [
        {"kind": "photo", "path": "photos/photo_1@11-06-2023_09-30-00.jpg"}
    ]
    assert rows[2].text == ""
    later = ingest_paths(database, [FIXTURES / "telegram" / "result_b.json"])
    assert (later.total("stored"), later.total("new_versions"), later.total("duplicates")) == (
        0,
        1,
        2,
    )
    versions = [r for r in stored(database) if r.external_id == "5"]
    assert [(r.version, r.is_current) for r in versions] == [(1, False), (2, True)]
    assert "لمقتل طفل" in versions[1].text and versions[1].extra["edited_at"]
    # Re-importing the older export does not turn history back.
    older = ingest_paths(database, [FIXTURES / "telegram" / "result_a.json"])
    assert older.total("new_versions") == 0 and older.total("duplicates") == 3


def test_broken_telegram_exports(sqlite_database: Database, tmp_path: Path) -> None:
    text = (FIXTURES / "telegram" / "result_a.json").read_text(encoding="utf-8")
    cut = tmp_path / "cut.json"
    cut.write_text(text[:-40], encoding="utf-8")
    summary = ingest_paths(sqlite_database, [cut], fmt="telegram")
    assert "truncated" in summary.files[0].problems[0].reason
    export = json.loads(text)
    del export["messages"][1]["id"]
    export["messages"][2]["text"] = 12
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    summary = ingest_paths(sqlite_database, [bad])
    assert [(p.position, p.field) for p in summary.files[0].problems] == [
        ("record 2", "id"),
        ("record 3", "text"),
    ]
    assert summary.total("stored") == 1


def test_sniffers_tell_formats_apart(tmp_path: Path) -> None:
    tweets = FIXTURES / "x_archive" / "data" / "tweets.js"
    account = FIXTURES / "x_archive" / "data" / "account.js"
    telegram = FIXTURES / "telegram" / "result_a.json"
    assert X_ARCHIVE.sniff(InputItem(str(tweets), tweets))
    assert not X_ARCHIVE.sniff(InputItem(str(account), account))
    assert not X_ARCHIVE.sniff(InputItem(str(telegram), telegram))
    assert TELEGRAM.sniff(InputItem(str(telegram), telegram))
    assert not TELEGRAM.sniff(InputItem(str(tweets), tweets))
    copy = tmp_path / "renamed.txt"
    shutil.copy(telegram, copy)
    assert TELEGRAM.sniff(InputItem(str(copy), copy))


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=30),
            st.builds(
                lambda kind, text: {"type": kind, "text": text},
                st.sampled_from(["hashtag", "bold", "link", "mention"]),
                st.text(max_size=20),
            ),
        ),
        max_size=8,
    )
)
def test_telegram_fragments_join_to_the_published_text(fragments: list[object]) -> None:
    text, _ = flatten_text(fragments)
    assert text == "".join(
        f if isinstance(f, str) else f["text"]  # type: ignore[index]
        for f in fragments
    )


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=400))
def test_garbage_never_raises(tmp_path_factory: object, raw: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "result.json"
        path.write_bytes(b"window.YTD.tweets.part0 = " + raw)
        item = InputItem(str(path), path)
        list(X_ARCHIVE.read(item, ImportOptions()))
        path.write_bytes(b'{"type": "public_channel", "messages": ' + raw)
        list(TELEGRAM.read(item, ImportOptions()))
