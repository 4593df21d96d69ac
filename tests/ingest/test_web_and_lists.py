"""Feeds, saved HTML pages and CSV lists, end to end through the runner."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from strikewatch.ingest import ImportOptions, ingest_paths
from strikewatch.ingest.inputs import InputItem
from strikewatch.ingest.lists import IMPORTER as LISTS
from strikewatch.store.database import Database
from strikewatch.store.schema import Evidence, Report

FIXTURES = Path(__file__).parent / "fixtures"


def stored(database: Database) -> list[Report]:
    with database.sessions() as session:
        return list(session.execute(select(Report).order_by(Report.id)).scalars())


def test_rss_and_atom_feeds(database: Database) -> None:
    summary = ingest_paths(
        database,
        [FIXTURES / "feeds" / "invented_news.xml", FIXTURES / "feeds" / "invented_atom_ar.xml"],
    )
    assert summary.ok and summary.total("stored") == 3
    bakery, drone, arabic = stored(database)
    assert bakery.external_id == "wire-0001" and bakery.publisher == "Invented Wire (test fixture)"
    assert bakery.text == (
        "Strike hits bakery in invented town\n\nAt least five civilians were "
        "killed on Sunday night, residents said."
    )  # share bar dropped
    assert bakery.published_at == "2023-06-12T14:05:00+03:00" and bakery.kind == "news_article"
    assert drone.external_id == "https://wire.example.org/2023/06/13/drone"  # no guid: link
    assert arabic.language == "ar" and arabic.language_detected is False
    assert "عشرات الجرحى" in arabic.text and arabic.published_at == "2023-06-12T09:30:00+03:00"
    with database.sessions() as session:
        original = session.get_one(Evidence, bakery.evidence_sha256)
    assert original.exact and original.data.startswith(b"<item>") and b"wire-0001" in original.data
    again = ingest_paths(database, [FIXTURES / "feeds" / "invented_news.xml"])
    assert again.total("duplicates") == 2 and again.total("stored") == 0


def test_truncated_feed_keeps_what_it_can(sqlite_database: Database) -> None:
    summary = ingest_paths(sqlite_database, [FIXTURES / "feeds" / "truncated.xml"], fmt="feeds")
    problems = summary.files[0].problems
    assert problems and problems[0].file.endswith("truncated.xml")
    assert summary.total("stored") + summary.total("rejected") >= 1


def test_arabic_article_main_text_without_chrome(database: Database) -> None:
    summary = ingest_paths(database, [FIXTURES / "html" / "article_ar.html"])
    assert summary.ok and summary.files[0].importer == "html"
    [page] = stored(database)
    assert page.text.startswith(
        "قصف مدفعي على سوق شعبي في بلدة تجريبية\nقُتل ثلاثة مدنيين بينهم طفل"
    )
    for chrome in ("Cookie", "الرئيسية", "مشاركة", "اقرأ أيضاً", "جميع الحقوق"):
        assert chrome not in page.text
    assert page.external_id == page.url == "https://ar.example.org/2023/06/12/market"
    assert page.published_at == "2023-06-12T11:20:00+03:00" and page.language == "ar"
    assert page.publisher == "موقع الأخبار التجريبي" and page.kind == "news_article"
    with database.sessions() as session:
        original = session.get_one(Evidence, page.evidence_sha256)
    assert original.data == (FIXTURES / "html" / "article_ar.html").read_bytes()


def test_english_page_date_from_json_ld_and_densest_block(sqlite_database: Database) -> None:
    ingest_paths(sqlite_database, [FIXTURES / "html" / "article_en.html"])
    [page] = stored(sqlite_database)
    assert page.text.startswith("An airstrike hit a farmhouse") and "Share" not in page.text
    assert "Home | World" not in page.text
    assert page.published_at == "2023-06-11T18:00:00Z" and page.language == "en"
    assert page.external_id.startswith("sha256:") and page.extra["title"].startswith("Airstrike")


def test_page_in_windows_1256(sqlite_database: Database) -> None:
    path = FIXTURES / "html" / "no_charset_cp1256.html"
    summary = ingest_paths(sqlite_database, [path])
    [problem] = summary.files[0].problems
    assert problem.file == str(path) and "cp1256" in problem.reason.lower().replace(
        "windows-", "cp"
    )
    fixed = ingest_paths(sqlite_database, [path], options=ImportOptions(encoding="cp1256"))
    assert fixed.ok and "قُتل ثلاثة مدنيين" in stored(sqlite_database)[0].text


def test_ngo_list_with_arabic_headers(database: Database) -> None:
    path = FIXTURES / "lists" / "ngo_list_ar.csv"
    summary = ingest_paths(
        database,
        [path],
        options=ImportOptions(source_name="منظمة توثيق تجريبية", kind="ngo_report"),
    )
    assert summary.ok and summary.total("stored") == 3
    rows = stored(database)
    assert [r.external_id for r in rows] == ["1", "2", "3"]
    assert rows[0].text == 'قتل بقصف مدفعي على السوق، "قائمة تجريبية"'
    assert rows[1].text == "طفل قتل في القصف نفسه\n(سطر ثان في الخلية)"
    assert rows[1].origin_position == "row 2 (line 3)"
    assert rows[0].extra["الاسم"] == "اسم مخترع أول" and rows[0].published_at == "2023-06-12"
    assert rows[0].publisher == "منظمة توثيق تجريبية" and rows[0].kind == "ngo_report"
    with database.sessions() as session:
        raw = session.get_one(Evidence, rows[1].evidence_sha256).data
    assert raw == path.read_bytes().split(b"\n", 2)[2].rsplit(b"\n3,", 1)[0]


def test_acled_style_list_with_ragged_row(sqlite_database: Database) -> None:
    summary = ingest_paths(sqlite_database, [FIXTURES / "lists" / "acled_style.csv"])
    [problem] = summary.files[0].problems
    assert (
        problem.position == "row 3 (line 4)"
        and "9 columns where the header has 11" in problem.reason
    )
    rows = stored(sqlite_database)
    assert [r.external_id for r in rows] == ["SYR0001", "SYR0002", "SYR0004"]
    assert rows[0].extra["fatalities"] == "3" and rows[0].extra["admin1"] == "Idleb"
    assert rows[0].kind == "casualty_list" and rows[0].publisher == "acled_style"


def test_map_option_and_its_errors(sqlite_database: Database, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Ref;Narrative;When\nA-1;Invented narrative;2023-01-02\n", encoding="utf-8")
    unmapped = ingest_paths(sqlite_database, [path])
    assert "--map text=COLUMN" in unmapped.files[0].problems[0].reason
    wrong = ingest_paths(
        sqlite_database, [path], options=ImportOptions(column_map={"text": "Story"})
    )
    assert "--map text=Story: no such column" in wrong.files[0].problems[0].reason
    mapped = ingest_paths(
        sqlite_database,
        [path],
        options=ImportOptions(
            column_map={"text": "Narrative", "id": "Ref", "published_at": "When"}
        ),
    )
    assert mapped.ok
    [row] = stored(sqlite_database)
    assert (row.external_id, row.text, row.published_at) == (
        "A-1",
        "Invented narrative",
        "2023-01-02",
    )


def test_empty_list_file(sqlite_database: Database) -> None:
    summary = ingest_paths(sqlite_database, [FIXTURES / "lists" / "empty.csv"], fmt="csv-list")
    assert [p.reason for p in summary.files[0].problems] == ["empty file"]


def test_list_sniffing(tmp_path: Path) -> None:
    path = tmp_path / "noext"
    path.write_text("id,text,date\n1,a,2023-01-01\n", encoding="utf-8")
    assert LISTS.sniff(InputItem(str(path), path))
    path.write_text('{"id": "1", "text": "a"}\n', encoding="utf-8")
    assert not LISTS.sniff(InputItem(str(path), path))


cells = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"), max_size=25
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(cells, cells), min_size=1, max_size=5))
def test_any_cell_values_round_trip(rows: list[tuple[str, str]]) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["text", "note"])
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "list.csv"
        path.write_text(buffer.getvalue(), encoding="utf-8")
        read = list(LISTS.read(InputItem(str(path), path), ImportOptions()))
    texts = [(d.text, d.extra["note"]) for d in read if not hasattr(d, "reason")]
    assert texts == rows


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=400))
def test_garbage_never_raises(raw: bytes) -> None:
    from strikewatch.ingest.feeds import IMPORTER as FEEDS
    from strikewatch.ingest.html import IMPORTER as HTML

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x"
        for prefix, importer in ((b"<rss>", FEEDS), (b"<html>", HTML), (b"a,b,text\n", LISTS)):
            path.write_bytes(prefix + raw)
            list(importer.read(InputItem(str(path), path), ImportOptions()))
