"""training_sample(): what a large store trains on keeps each day's claims together."""

from __future__ import annotations

from datetime import date, timedelta

import pyarrow as pa

from strikewatch.link.model import training_sample


def _table(days: int, per_day: int, undated: int) -> pa.Table:
    start = date(2024, 1, 1)
    dates: list[date | None] = [
        start + timedelta(days=d) for d in range(days) for _ in range(per_day)
    ]
    dates += [None] * undated
    return pa.table(
        {
            "claim_id": pa.array(range(len(dates)), pa.int64()),
            "strike_date": pa.array(dates, pa.date32()),
        }
    )


def test_a_small_store_trains_on_every_claim() -> None:
    table = _table(10, 5, 3)
    assert training_sample(table, size=100) is table


def test_a_sample_takes_whole_days_and_a_share_of_the_undated() -> None:
    table = _table(200, 10, 1000)  # 3,000 claims
    sample = training_sample(table, size=300)
    per_day: dict[date, int] = {}
    undated = 0
    for day in sample.column("strike_date").to_pylist():
        if day is None:
            undated += 1
        else:
            per_day[day] = per_day.get(day, 0) + 1
    assert set(per_day.values()) == {10}  # every chosen day whole
    assert len(per_day) == 20  # a tenth of the days
    assert undated == 100  # a tenth of the undated
    assert sample.num_rows == 300
    # The same store gives the same sample: a retrained model is reproducible.
    assert training_sample(table, size=300).equals(sample)
