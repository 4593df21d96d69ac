"""``strikewatch gazetteer add|import|unresolved`` with a temporary SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from strikewatch.cli import app

runner = CliRunner()

# An invented report about an invented village the shipped gazetteer does not know.
REPORT = {
    "id": "gaz-1",
    "kind": "social_post",
    "platform": "telegram",
    "publisher": "قناة تجريبية",
    "published_at": "2024-03-04",
    "text": "مقتل 3 مدنيين بغارة جوية روسية على قرية تل الزعرور في ريف إدلب الجنوبي "
    "يوم 3 آذار 2024",
}


def invoke(db: str, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--db", db, *args])
    return result.exit_code, result.stdout, result.output


def test_unresolved_then_add_resolves_on_reprocess(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'sw.db'}"
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(REPORT, ensure_ascii=False) + "\n", encoding="utf-8")
    for command in (["ingest", str(source)], ["process"]):
        code, _, said = invoke(db, *command)
        assert code == 0, said
    code, out, _ = invoke(db, "gazetteer", "unresolved", "--json")
    assert code == 0
    assert {"name": "تل الزعرور", "claims": 1} in [json.loads(x) for x in out.splitlines()]

    code, _, said = invoke(
        db,
        "gazetteer",
        "add",
        "Tell Zaarour",
        "--name-ar",
        "تل الزعرور",
        "--latitude",
        "35.61",
        "--longitude",
        "36.62",
        "--admin1",
        "Idlib",
    )
    assert code == 0 and "added: Tell Zaarour" in said and "--reprocess" in said
    code, _, said = invoke(
        db,
        "gazetteer",
        "add",
        "Tell Zaarour",
        "--latitude",
        "35.61",
        "--longitude",
        "36.62",
        "--admin1",
        "Idlib",
    )
    assert code == 0 and "already known" in said
    code, _, said = invoke(db, "process", "--reprocess")
    assert code == 0, said
    code, out, _ = invoke(db, "gazetteer", "unresolved")
    assert code == 0 and "تل الزعرور" not in out
    claim = json.loads(invoke(db, "export", "claims", "--no-context")[1].splitlines()[0])
    assert claim["place"] == "Tell Zaarour" and claim["geo_precision"] == "place"
    assert (claim["latitude"], claim["longitude"]) == (35.61, 36.62)


def test_add_rejects_a_bad_precision(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'sw.db'}"
    code, _, said = invoke(
        db, "gazetteer", "add", "X", "--latitude", "1", "--longitude", "2", "--precision", "exact"
    )
    assert code == 2 and "--precision" in said


def test_import_reports_the_bad_line_and_keeps_good_rows(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'sw.db'}"
    places = tmp_path / "places.csv"
    places.write_text(
        "name,name_ar,admin1,latitude,longitude,country,precision\n"
        "Tell Demo One,تل التجربة,Aleppo,36.1,37.2,SY,place\n"
        "Tell Demo Two,,Aleppo,north,37.3,SY,place\n"
        "Kafr Demo,كفر التجربة,Idlib,35.7,36.6,sy,\n",
        encoding="utf-8",
    )
    code, _, said = invoke(db, "gazetteer", "import", str(places))
    assert code == 1
    assert "line 3" in said and "latitude" in said
    assert "2 places added" in said and "1 rejected" in said
    # The good rows were stored: importing again finds them known.
    code, _, said = invoke(db, "gazetteer", "import", str(places))
    assert code == 1 and "0 places added, 2 already known" in said
