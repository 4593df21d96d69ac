"""Cosine levels: each pair lands in the band its cosine says, on DuckDB's real SQL."""

from __future__ import annotations

import duckdb
import numpy as np
import pyarrow as pa
import pytest

from strikewatch.link.similarity import cosine_levels

THRESHOLDS = (0.8, 0.65, 0.5)
LABELS = ("high", "middle", "low", "none")


def _unit_pair(cosine: float, dimensions: int = 8) -> tuple[list[float], list[float]]:
    left = np.zeros(dimensions, dtype=np.float32)
    right = np.zeros(dimensions, dtype=np.float32)
    left[0] = 1.0
    right[0], right[1] = cosine, np.sqrt(1 - cosine**2)
    return left.tolist(), right.tolist()


def _band(sql_case: str, left: list[float], right: list[float]) -> str:
    table = pa.table(
        {
            "v_l": pa.array([left], pa.list_(pa.float32(), len(left))),
            "v_r": pa.array([right], pa.list_(pa.float32(), len(right))),
        }
    )
    with duckdb.connect() as con:
        con.register("pairs", table)
        return str(con.execute(f"select {sql_case} from pairs").fetchall()[0][0])


@pytest.mark.parametrize(
    ("cosine", "label"),
    [(0.95, "high"), (0.8, "high"), (0.7, "middle"), (0.55, "low"), (0.3, "none"), (-0.4, "none")],
)
def test_each_cosine_falls_in_its_band(cosine: float, label: str) -> None:
    levels = cosine_levels("v", THRESHOLDS, (0.4, 0.3, 0.2, 0.1), LABELS)
    built = [level.get_comparison_level("duckdb") for level in levels]
    # The least similar band is tried first: most candidate pairs stop there.
    assert built[0].sql_condition.endswith("< 0.5") and built[-1].sql_condition == "ELSE"
    whens = " ".join(f"WHEN {b.sql_condition} THEN '{b.label_for_charts}'" for b in built[:-1])
    case = f"CASE {whens} ELSE '{built[-1].label_for_charts}' END"
    assert _band(case, *_unit_pair(cosine)) == label


def test_the_spark_sql_is_a_dot_product_too() -> None:
    level = cosine_levels("v", THRESHOLDS, (0.4, 0.3, 0.2, 0.1), LABELS)[1]
    assert "zip_with(`v_l`, `v_r`" in level.get_comparison_level("spark").sql_condition


def test_bands_must_be_described_one_for_one() -> None:
    with pytest.raises(ValueError, match="descending"):
        cosine_levels("v", (0.5, 0.8), (0.3, 0.2, 0.1), ("a", "b", "c"))
    with pytest.raises(ValueError, match="one m probability"):
        cosine_levels("v", THRESHOLDS, (0.4, 0.3), LABELS)
