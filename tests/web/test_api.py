"""The JSON API against the processed demo corpus: filters, pages, errors, caching."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from strikewatch.assess.tally import LIKELY


def _all(client: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(100):
        query = {**params, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/v1/incidents", params=query)
        assert page.status_code == 200, page.text
        body = page.json()
        items += body["items"]
        cursor = body["next"]
        if cursor is None:
            return items
    raise AssertionError("pagination did not end")


def test_pages_cover_every_incident_once(client: httpx.Client) -> None:
    everything = client.get("/api/v1/incidents", params={"limit": 500}).json()
    assert everything["next"] is None
    assert len(everything["items"]) >= 40  # the demo holds 42 invented incidents
    paged = _all(client, limit=7)
    assert [i["id"] for i in paged] == [i["id"] for i in everything["items"]]


@pytest.mark.parametrize("sort", ["date", "-date", "deaths", "-deaths", "id", "-updated"])
def test_sorting_with_cursor_pages(client: httpx.Client, sort: str) -> None:
    items = _all(client, limit=5, sort=sort)
    assert len({i["id"] for i in items}) == len(items)
    if sort in ("date", "-date"):
        dates = [i["date"] for i in items if i["date"]]
        assert dates == sorted(dates, reverse=sort.startswith("-"))
    if sort == "-deaths":
        deaths = [i["civilian_deaths_max"] or -1 for i in items]
        assert deaths == sorted(deaths, reverse=True)


def test_filters_select_what_they_name(client: httpx.Client) -> None:
    everything = _all(client, limit=500)
    russia = _all(client, belligerent="russia")
    assert russia and all("russia" in i["belligerents"] for i in russia)
    assert len(russia) == sum("russia" in i["belligerents"] for i in everything)
    fair = _all(client, grade="fair")
    assert fair and all(i["grade"] == "fair" for i in fair)
    spring = _all(client, since="2023-03-01", until="2023-05-31")
    assert spring and all("2023-03-01" <= i["date"] <= "2023-05-31" for i in spring)
    box = _all(client, bbox="38,35,39,37")
    assert box and all(38 <= i["longitude"] <= 39 and 35 <= i["latitude"] <= 37 for i in box)
    assert len(box) < len(everything)


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 501}, "limit"),
        ({"limit": "many"}, "limit"),
        ({"since": "last tuesday"}, "since"),
        ({"grade": "excellent"}, "grade"),
        ({"bbox": "1,2,3"}, "bbox"),
        ({"sort": "place"}, "sort"),
        ({"cursor": "not-a-cursor"}, "cursor"),
    ],
)
def test_bad_parameters_are_named(
    client: httpx.Client, params: dict[str, Any], parameter: str
) -> None:
    answer = client.get("/api/v1/incidents", params=params)
    assert answer.status_code == 400
    assert answer.json()["error"] == "bad_parameter"
    assert answer.json()["parameter"] == parameter


def test_cursor_of_another_sort_is_refused(client: httpx.Client) -> None:
    cursor = client.get("/api/v1/incidents", params={"limit": 2, "sort": "id"}).json()["next"]
    answer = client.get("/api/v1/incidents", params={"cursor": cursor, "sort": "-date"})
    assert answer.status_code == 400 and answer.json()["parameter"] == "cursor"


def test_etag_gives_not_modified(client: httpx.Client) -> None:
    first = client.get("/api/v1/incidents", params={"limit": 3})
    assert first.headers["cache-control"].startswith("public, max-age=")
    again = client.get(
        "/api/v1/incidents", params={"limit": 3}, headers={"If-None-Match": first.headers["etag"]}
    )
    assert again.status_code == 304
    other = client.get("/api/v1/incidents", params={"limit": 4})
    assert other.headers["etag"] != first.headers["etag"]


@pytest.mark.parametrize(
    "path",
    ["/api/v1/incidents?limit=11&sort=-id", "/api/v1/tallies?by=belligerent", "/api/v1/map"],
)
def test_a_cached_answer_is_the_routes_answer(client: httpx.Client, path: str) -> None:
    first = client.get(path)
    again = client.get(path)
    assert first.status_code == again.status_code == 200
    assert again.headers.get("x-cache") == "hit"
    assert again.content == first.content
    for header in ("etag", "cache-control", "content-type", "content-length"):
        assert again.headers[header] == first.headers[header], header
    held = client.get(path, headers={"If-None-Match": first.headers["etag"]})
    assert held.status_code == 304 and held.headers["etag"] == first.headers["etag"]
    # Another query is another answer, rendered by the route.
    other = client.get(path + ("&" if "?" in path else "?") + "since=2000-01-01")
    assert other.status_code == 200 and other.headers.get("x-cache") is None


def test_errors_are_never_cached(client: httpx.Client) -> None:
    for _ in range(2):
        missing = client.get("/api/v1/incidents/SW-999999")
        assert missing.status_code == 404 and missing.headers.get("x-cache") is None
        assert missing.json()["error"] == "not_found"


def test_detail_has_ranges_reasons_and_sources(client: httpx.Client) -> None:
    item = _all(client, sort="-deaths", limit=1)[0]
    detail = client.get(f"/api/v1/incidents/{item['id']}").json()
    assert detail["id"] == item["id"] and detail["reasons"]
    deaths = detail["ranges"]["civilian_deaths"]
    assert (deaths["min"], deaths["max"]) == (
        item["civilian_deaths_min"],
        item["civilian_deaths_max"],
    )
    numbers = {s["n"] for s in detail["sources"]}
    assert set(deaths["sources"]) <= numbers and deaths["sources"]
    public = [s for s in detail["sources"] if not s["private"]]
    assert all(len(s["archive_sha256"]) == 64 and s["text"] for s in public)


def test_unknown_incident_is_404_json(client: httpx.Client) -> None:
    answer = client.get("/api/v1/incidents/SW-999999")
    assert answer.status_code == 404
    assert answer.json() == {
        "error": "not_found",
        "parameter": "incident_id",
        "detail": "no public incident 'SW-999999'",
    }


def test_tallies_equal_hand_sums(client: httpx.Client) -> None:
    items = _all(client, limit=500)
    tally = client.get("/api/v1/tallies", params={"by": "belligerent"}).json()
    assert tally["grades"] == list(LIKELY)
    for row in tally["rows"]:
        name = row["key"]["belligerent"]
        chosen = [i for i in items if i["grade"] in LIKELY and name in i["belligerents"]]
        assert row["incidents"] == len(chosen)
        assert row["civilian_deaths_min"] == sum(i["civilian_deaths_min"] or 0 for i in chosen)
    by_month = client.get("/api/v1/tallies", params={"by": "month,belligerent", "grades": "all"})
    assert by_month.status_code == 200 and by_month.json()["grades"] == []
    assert client.get("/api/v1/tallies", params={"by": "colour"}).json()["parameter"] == "by"


def test_map_points_and_openapi(client: httpx.Client) -> None:
    points = client.get("/api/v1/map").json()["items"]
    assert points and all({"id", "lat", "lon", "g", "lo", "hi"} <= set(p) for p in points)
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/v1/incidents", "/api/v1/incidents/{incident_id}", "/api/v1/tallies"} <= set(paths)


def test_sources_list_public_publishers_only(client: httpx.Client) -> None:
    sources = client.get("/api/v1/sources").json()["items"]
    assert sources and all(s["reports"] > 0 for s in sources)
    assert not [s for s in sources if "field_report" in s["kinds"] or s["platform"] == "intake"]
