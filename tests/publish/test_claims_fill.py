"""fill_from_incident(): what a claim takes from its incident, and when it may not."""

from __future__ import annotations

from datetime import date
from typing import Any

from strikewatch.publish.claims_export import fill_from_incident
from strikewatch.store.schema import Incident


def incident(support: dict[str, list[int]]) -> Incident:
    # 2024-03-02 was a Saturday.
    return Incident(date=date(2024, 3, 2), date_precision="day", support=support)


def undated() -> dict[str, Any]:
    return {"event_date": None, "date_precision": "unknown", "belligerents": ["russia"]}


def test_a_date_backed_by_two_reports_is_taken() -> None:
    record = undated()
    assert fill_from_incident(record, incident({"date": [2, 2]})) == [
        "event_date",
        "date_precision",
    ]
    assert record["event_date"] == "2024-03-02" and record["date_precision"] == "day"


def test_one_report_or_a_split_vote_is_not_enough() -> None:
    for support in ([1, 1], [2, 3]):
        record = undated()
        assert "event_date" not in fill_from_incident(record, incident({"date": support}))
        assert record["event_date"] is None


def test_the_reports_own_weekday_is_the_second_voice() -> None:
    saturday = {"date_clue": {"weekday": 5, "expression": "Saturday"}}
    record = undated()
    assert "event_date" in fill_from_incident(record, incident({"date": [1, 1]}), saturday)
    assert record["event_date"] == "2024-03-02"
    # A weekday that does not fit the incident's date lends no support.
    sunday = {"date_clue": {"weekday": 6, "expression": "Sunday"}}
    record = undated()
    assert "event_date" not in fill_from_incident(record, incident({"date": [1, 1]}), sunday)
    # Nor does it outvote a split.
    record = undated()
    assert "event_date" not in fill_from_incident(record, incident({"date": [1, 2]}), saturday)
