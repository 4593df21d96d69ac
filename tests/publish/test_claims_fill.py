"""fill_from_incident(): what a claim takes from its incident, and when it may not."""

from __future__ import annotations

from datetime import date
from typing import Any

from strikewatch.publish.claims_export import fill_from_incident
from strikewatch.store.schema import Incident

PUBLISHED = {"published": "2024-03-03", "admin1": "Idlib"}


def incident(support: dict[str, list[int]], **values: Any) -> Incident:
    fields: dict[str, Any] = {"date": date(2024, 3, 2), "date_precision": "day"}
    return Incident(**{**fields, **values}, support=support)


def undated() -> dict[str, Any]:
    return {"event_date": None, "date_precision": "unknown", "belligerents": ["russia"]}


def test_a_date_backed_by_two_reports_is_taken() -> None:
    record = undated()
    assert fill_from_incident(record, incident({"date": [2, 2]}), PUBLISHED) == [
        "event_date",
        "date_precision",
    ]
    assert record["event_date"] == "2024-03-02" and record["date_precision"] == "day"


def test_one_report_or_a_split_vote_is_not_enough() -> None:
    for support in ([1, 1], [2, 3]):
        record = undated()
        filled = fill_from_incident(record, incident({"date": support}), PUBLISHED)
        assert "event_date" not in filled
        assert record["event_date"] is None


def test_a_report_with_no_publication_date_takes_no_date() -> None:
    # Only the linker's choice would place it in time; a fitting weekday does not either.
    saturday = {"date_clue": {"weekday": 5, "expression": "Saturday"}, "published": None}
    for details in ({}, saturday, {"published": "not a day"}):
        record = undated()
        assert "event_date" not in fill_from_incident(record, incident({"date": [3, 3]}), details)
        assert record["event_date"] is None


def test_no_date_after_the_report_was_published() -> None:
    record = undated()
    later = incident({"date": [2, 2]}, date=date(2024, 3, 9))
    assert "event_date" not in fill_from_incident(record, later, PUBLISHED)
    # A day's grace for time zones.
    next_day = incident({"date": [2, 2]}, date=date(2024, 3, 4))
    assert "event_date" in fill_from_incident(undated(), next_day, PUBLISHED)


def placeless(precision: str = "admin1") -> dict[str, Any]:
    return {**undated(), "latitude": None, "longitude": None, "geo_precision": precision}


def struck_town(admin1: str = "Idlib") -> Incident:
    return incident(
        {"place": [2, 2]},
        latitude=35.93,
        longitude=36.63,
        geo_precision="place",
        place="Invented Town",
        admin1=admin1,
    )


def test_a_point_is_taken_within_the_governorate_the_report_names() -> None:
    record = placeless()
    filled = fill_from_incident(record, struck_town(), PUBLISHED)
    assert {"latitude", "longitude", "place"} <= set(filled)
    assert record["latitude"] == 35.93


def test_no_point_from_another_governorate_or_for_a_towns_countryside() -> None:
    record = placeless()
    assert "latitude" not in fill_from_incident(record, struck_town("Aleppo"), PUBLISHED)
    assert record["latitude"] is None
    countryside = placeless("district")
    assert "latitude" not in fill_from_incident(countryside, struck_town(), PUBLISHED)
    assert countryside["latitude"] is None
