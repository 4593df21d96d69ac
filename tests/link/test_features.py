"""to_table(): the Splink input, and what it withholds at coarse precision."""

from __future__ import annotations

import itertools
from datetime import date

import numpy as np
import pyarrow as pa
import pytest

from strikewatch.link.embedding import DIMENSIONS
from strikewatch.link.features import families, to_table
from strikewatch.link.words import DIMENSIONS as WORDING_DIMENSIONS
from tests.link.link_claims import claim


def test_schema() -> None:
    table = to_table([claim(1)])
    assert table.schema.names == [
        "unique_id",
        "strike_date",
        "when_day",
        "next_day",
        "week",
        "week_shifted",
        "period",
        "lat",
        "lon",
        "area_lat",
        "area_lon",
        "area_week",
        "undated_area_week",
        "undated_area_last_week",
        "no_period_admin1",
        "place_key",
        "town_key",
        "admin1",
        "belligerent",
        "strike_type",
        "deaths",
        "wording",
        "publisher",
        "place_names",
        "names",
        "name_keys",
        "wd",
        "clued",
        "emb",
    ]
    types = {f.name: f.type for f in table.schema}
    assert types["unique_id"] == pa.int64()
    assert types["strike_date"] == pa.date32()
    assert types["lat"] == pa.float64() and types["deaths"] == pa.int32()
    assert types["emb"] == pa.list_(pa.float32(), DIMENSIONS)
    assert types["wording"] == pa.list_(pa.float32(), WORDING_DIMENSIONS)
    assert types["names"] == types["place_names"] == pa.list_(pa.string())
    row = table.to_pylist()[0]
    # Families, not members; "unknown" is no evidence.
    assert row["belligerent"] == ["us-led-coalition"]
    assert row["strike_type"] == ["airstrike"]
    assert row["period"] == 2023 * 12 + 4
    assert row["emb"] is None  # no embedding: null, not a zero vector
    assert row["wording"] is None and row["names"] is None  # no text: nothing to compare
    assert row["place_names"] is None


@pytest.mark.parametrize(
    ("precision", "given"),
    [("exact", True), ("place", True), ("district", False), ("admin1", False)],
)
def test_coordinates_only_at_exact_or_place_precision(precision: str, given: bool) -> None:
    row = to_table([claim(1, geo_precision=precision)]).to_pylist()[0]
    assert (row["lat"], row["lon"]) == ((36.0, 38.0) if given else (None, None))
    assert (row["place_key"] is not None) is given
    # The town named, also as "the countryside of X", is a key without a point.
    assert (row["town_key"] is not None) is (precision != "admin1")

    # The area point is kept at any precision: it only says "same region".
    assert (row["area_lat"], row["area_lon"]) == (36.0, 38.0)


def test_places_are_numbered_by_their_folded_name() -> None:
    rows = to_table(
        [
            claim(1, place="Tell Demo"),
            claim(2, place="tell  demo", geo_precision="district"),
            claim(3, place="Kafr Other"),
        ]
    ).to_pylist()
    assert rows[0]["town_key"] == rows[1]["town_key"] != rows[2]["town_key"]
    assert rows[0]["place_key"] == rows[0]["town_key"] and rows[1]["place_key"] is None


@pytest.mark.parametrize("precision", ["week", "month", "unknown"])
def test_dates_only_at_day_precision(precision: str) -> None:
    row = to_table([claim(1, date_precision=precision)]).to_pylist()[0]
    assert row["strike_date"] is None and row["week"] is None and row["week_shifted"] is None
    # The month still blocks claims of one place and month together.
    assert row["period"] == 2023 * 12 + 4
    # It meets its governorate's claims of its week and of the week before.
    assert row["undated_area_week"] == row["area_week"] is not None
    this_week = int(row["area_week"].split("|")[1])
    assert row["undated_area_last_week"] == row["area_week"].replace(
        f"|{this_week}", f"|{this_week - 1}"
    )
    dated = to_table([claim(1)]).to_pylist()[0]
    assert dated["strike_date"] == date(2023, 4, 5) and dated["week"] is not None
    # Blocking keys for undated claims are null for dated ones, so their joins stay small.
    assert dated["undated_area_week"] is None and dated["undated_area_last_week"] is None
    assert dated["area_week"] == row["area_week"]


def test_a_claim_without_any_month_meets_its_governorate() -> None:
    undated = claim(1, strike_date=None, date_precision="unknown", published=None)
    published = claim(2, strike_date=None, date_precision="unknown", published=date(2023, 4, 9))
    rows = to_table([undated, published, claim(3)]).to_pylist()
    assert rows[0]["period"] is None and rows[0]["no_period_admin1"] == rows[0]["admin1"]
    assert rows[1]["period"] == 2023 * 12 + 4 and rows[1]["no_period_admin1"] is None
    assert rows[2]["no_period_admin1"] is None


def test_days_apart_share_a_week_in_one_of_the_two_grids() -> None:
    start = date(2023, 1, 1).toordinal()
    claims = [claim(i, strike_date=date.fromordinal(start + i)) for i in range(30)]
    rows = to_table(claims).to_pylist()
    for a, b in itertools.pairwise(rows):
        assert a["week"] == b["week"] or a["week_shifted"] == b["week_shifted"]


def test_embedding_column_carries_the_vector() -> None:
    vector = np.zeros(DIMENSIONS, dtype=np.float32)
    vector[3] = 1.0
    rows = to_table([claim(1, embedding=vector), claim(2)]).to_pylist()
    assert rows[0]["emb"][3] == 1.0 and len(rows[0]["emb"]) == DIMENSIONS
    assert rows[1]["emb"] is None


def test_vectors_are_scaled_to_unit_length_for_the_inner_product() -> None:
    # link/similarity.py reads the cosine as the inner product of the two vectors.
    vector = np.zeros(DIMENSIONS, dtype=np.float32)
    vector[0], vector[1] = 3.0, 4.0
    row = to_table([claim(1, embedding=vector)]).to_pylist()[0]
    assert row["emb"][0] == pytest.approx(0.6) and row["emb"][1] == pytest.approx(0.8)
    assert float(np.linalg.norm(row["emb"])) == pytest.approx(1.0)


def test_families() -> None:
    assert families(["ypg", "sdf", "unknown"]) == ["kurdish"]
    assert families(["france", "russia"]) == ["russia", "us-led-coalition"]
    assert families(["unknown"]) == []


def test_when_day_falls_back_to_the_publication_day() -> None:
    dated = claim(1)
    undated = claim(2, date_precision="unknown", published=date(2023, 3, 4))
    rows = to_table([dated, undated]).to_pylist()
    assert rows[0]["when_day"] == rows[0]["strike_date"]
    assert rows[1]["strike_date"] is None and rows[1]["when_day"] == date(2023, 3, 4)


def test_weekday_comes_from_the_day_or_an_undated_claims_clue() -> None:
    dated = claim(1)  # 2023-04-05 was a Wednesday
    clued = claim(2, date_precision="unknown", strike_date=None, clue=5)
    bare = claim(3, date_precision="unknown", strike_date=None)
    rows = to_table([dated, clued, bare]).to_pylist()
    assert [r["wd"] for r in rows] == [2, 5, None]
    assert [r["clued"] for r in rows] == [False, True, False]
    # A clue never overrides the claim's own day.
    assert to_table([claim(4, clue=5)]).to_pylist()[0]["wd"] == 2
