"""The place comparison: each pair of claims lands on the level its places say, in DuckDB."""

from __future__ import annotations

from typing import Any

import duckdb
import pytest

from strikewatch.link.comparisons import comparisons
from strikewatch.link.features import LinkClaim, to_table
from tests.link.link_claims import claim as _claim


def _where_level(left: LinkClaim, right: LinkClaim) -> str:
    built = [c.get_comparison("duckdb") for c in comparisons()]
    levels = next(c for c in built if c.output_column_name == "where").comparison_levels
    whens = " ".join(
        f"WHEN {level.sql_condition} THEN '{level.label_for_charts}'"
        for level in levels
        if level.sql_condition != "ELSE"
    )
    case = f"CASE {whens} ELSE 'elsewhere' END"
    table = to_table([left, right])
    columns = ", ".join(
        f"l.{name} AS {name}_l, r.{name} AS {name}_r" for name in table.schema.names
    )
    with duckdb.connect() as con:
        con.register("claims", table)
        pair = f"select {columns} from claims l, claims r where l.unique_id = 1 and r.unique_id = 2"
        return str(con.execute(f"select {case} from ({pair})").fetchall()[0][0])


# Villages 20 km apart: another claim names "the countryside of Tell Demo".
COUNTRYSIDE = {"geo_precision": "district", "latitude": 36.18, "longitude": 38.0}


@pytest.mark.parametrize(
    ("right", "level"),
    [
        ({}, "same place (within 3 km, or one name)"),
        ({"place": "Tell Other", "latitude": 36.05}, "within 12 km"),
        (COUNTRYSIDE, "around the same town"),
        (
            {**COUNTRYSIDE, "place": "Kafr Other", "places": ["kafrother"]},
            "other places of the same governorate",
        ),
        ({**COUNTRYSIDE, "place": "Kafr Other"}, "same governorate"),
        ({"geo_precision": "admin1", "place": "Aleppo"}, "same governorate"),
    ],
)
def test_place_levels(right: dict[str, Any], level: str) -> None:
    left = _claim(1, places=["telldemo"])
    assert _where_level(left, _claim(2, **right)) == level


def test_two_claims_round_the_same_town_meet_at_district_precision_too() -> None:
    left = _claim(1, **COUNTRYSIDE)
    assert _where_level(left, _claim(2, **COUNTRYSIDE)) == "around the same town"
