"""``/api/v1/estimates`` against the processed demo corpus: answers, errors, caching."""

from __future__ import annotations

import math

import httpx
import pytest

from strikewatch.assess import Estimate, capture_histories, estimate_loglinear, incident_memberships
from strikewatch.store.database import Database
from strikewatch.web.estimates import estimate_record

CHEAP: dict[str, str | int] = {
    "iterations": 1000
}  # LCMCR at its lowest allowed length: the tests only need a draw


def test_default_estimates_use_the_top_four_sources(client: httpx.Client) -> None:
    answer = client.get("/api/v1/estimates", params=CHEAP)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert len(body["lists"]) == 4
    assert [r["method"] for r in body["results"]] == ["loglinear", "lcmcr"]
    assert body["iterations"] == 1000 and body["seed"] == 0
    for result in body["results"]:
        assert result["observed"] > 0
        assert result["lower"] <= result["total"] <= (result["upper"] or math.inf)
        assert result["total"] >= result["observed"]
        assert result["assumptions"] and result["model"]


def test_loglinear_matches_the_library(client: httpx.Client, demo_db: Database) -> None:
    histories = capture_histories(incident_memberships(demo_db), None, 3)
    expected = estimate_loglinear(histories)
    body = client.get("/api/v1/estimates", params={"method": "loglinear", "top": 3}).json()
    assert body["lists"] == list(histories.lists)
    (result,) = body["results"]
    assert result["observed"] == expected.observed
    assert result["total"] == pytest.approx(expected.total)
    assert result["warnings"] == expected.warnings


def test_two_named_lists_give_chapman_and_say_lcmcr_was_not_run(
    client: httpx.Client, demo_db: Database
) -> None:
    first, second = capture_histories(incident_memberships(demo_db), None, 2).lists
    answer = client.get("/api/v1/estimates", params={"lists": f"{first},{second}", **CHEAP})
    assert answer.status_code == 200, answer.text
    (result,) = answer.json()["results"]
    assert result["model"].startswith("Chapman")
    assert any("LCMCR was not run" in w for w in result["warnings"])
    only_lcmcr = client.get(
        "/api/v1/estimates", params={"lists": f"{first},{second}", "method": "lcmcr"}
    )
    assert only_lcmcr.status_code == 400 and only_lcmcr.json()["parameter"] == "lists"


@pytest.mark.parametrize(
    ("params", "status", "parameter"),
    [
        ({"method": "bayes"}, 400, "method"),
        ({"since": "2023-02-30"}, 400, "since"),
        ({"until": "last week"}, 400, "until"),
        ({"lists": "only-one"}, 400, "lists"),
        ({"lists": "a,,b"}, 400, "lists"),
        ({"top": 2}, 400, "top"),
        ({"iterations": 10}, 400, "iterations"),
        ({"lists": "no such source (invented),nor this one"}, 404, "lists"),
        ({"since": "2031-01-01"}, 404, "since"),
    ],
)
def test_errors_name_the_parameter(
    client: httpx.Client, params: dict[str, str | int], status: int, parameter: str
) -> None:
    answer = client.get("/api/v1/estimates", params=params)
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert body["parameter"] == parameter
    assert parameter in body["detail"] or "source" in body["detail"]


def test_estimates_are_cached_with_an_etag(client: httpx.Client) -> None:
    params: dict[str, str | int] = {"method": "lcmcr", **CHEAP}
    first = client.get("/api/v1/estimates", params=params)
    again = client.get("/api/v1/estimates", params=params)
    assert first.headers["etag"] == again.headers["etag"]
    assert first.headers["cache-control"] == "public, max-age=10"
    unchanged = client.get(
        "/api/v1/estimates", params=params, headers={"If-None-Match": first.headers["etag"]}
    )
    assert unchanged.status_code == 304
    other_seed = client.get("/api/v1/estimates", params={**params, "seed": 7})
    assert other_seed.json()["seed"] == 7


def test_openapi_documents_estimates(client: httpx.Client) -> None:
    operation = client.get("/openapi.json").json()["paths"]["/api/v1/estimates"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"lists", "top", "since", "until", "method", "iterations", "seed"} <= names
    assert {"200", "400", "404"} <= set(operation["responses"])


def test_unbounded_values_become_null() -> None:
    unbounded = Estimate("loglinear", 12, math.nan, 12.0, math.inf, math.nan, "none", [], [])
    record = estimate_record(unbounded)
    assert record["total"] is None and record["upper"] is None and record["lower"] == 12.0
