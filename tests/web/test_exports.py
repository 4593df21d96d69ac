"""Downloads: every format carries the methodology version and a hash of its content."""

from __future__ import annotations

import csv
import io
import json

import httpx
import pytest

from strikewatch.assess.rubric import rubric
from strikewatch.publish.formats import FORMATS, SUFFIX, dataset_hash, export_incidents_as
from strikewatch.store.database import Database

META = ("methodology_version", "dataset_sha256")


def _jsonl(client: httpx.Client) -> list[dict[str, object]]:
    text = client.get("/exports/incidents.jsonl").text
    return [json.loads(line) for line in text.splitlines()]


def test_hash_is_the_hash_of_the_records(client: httpx.Client) -> None:
    rows = _jsonl(client)
    assert len(rows) >= 40
    records = [{k: v for k, v in r.items() if k not in META} for r in rows]
    assert {r["dataset_sha256"] for r in rows} == {dataset_hash(records)}
    assert {r["methodology_version"] for r in rows} == {rubric().version}


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_carries_version_and_the_same_hash(client: httpx.Client, fmt: str) -> None:
    answer = client.get(f"/exports/incidents.{SUFFIX[fmt]}")
    assert answer.status_code == 200
    expected = _jsonl(client)[0]["dataset_sha256"]
    assert answer.headers["x-dataset-sha256"] == expected
    assert answer.headers["x-methodology-version"] == rubric().version
    assert expected in answer.text


def test_hxl_has_hashtags_in_its_second_row(client: httpx.Client) -> None:
    rows = list(csv.reader(io.StringIO(client.get("/exports/incidents.hxl.csv").text)))
    assert rows[0][0] == "id" and rows[1][0] == "#event+id"
    assert "#affected+killed+min" in rows[1] and "#geo+lat" in rows[1]
    assert all(tag.startswith("#") for tag in rows[1])


def test_acled_and_ucdp_shapes(client: httpx.Client) -> None:
    acled = list(csv.DictReader(io.StringIO(client.get("/exports/incidents.acled.csv").text)))
    assert acled[0]["event_type"] == "Explosions/Remote violence"
    assert all(r["fatalities"].isdigit() for r in acled)
    ucdp = list(csv.DictReader(io.StringIO(client.get("/exports/incidents.ucdp.csv").text)))
    assert {r["type_of_violence"] for r in ucdp} == {"3"}
    assert all(int(r["low"]) <= int(r["high"]) for r in ucdp)


def test_geojson_keeps_metadata_beside_features(client: httpx.Client) -> None:
    collection = client.get("/exports/incidents.geojson").json()
    assert collection["metadata"]["methodology_version"] == rubric().version
    located = [f for f in collection["features"] if f["geometry"]]
    assert located and all(len(f["geometry"]["coordinates"]) == 2 for f in located)


def test_library_export_matches_the_download(client: httpx.Client, demo_db: Database) -> None:
    out = io.StringIO()
    info = export_incidents_as(demo_db, "hxl", out)
    assert info.count == len(_jsonl(client))
    assert (
        info.dataset_sha256 == client.get("/exports/incidents.hxl.csv").headers["x-dataset-sha256"]
    )
    with pytest.raises(ValueError, match="unknown incidents export format"):
        export_incidents_as(demo_db, "xlsx", io.StringIO())
