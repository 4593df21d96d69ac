"""schemathesis against /openapi.json over real HTTP: every documented answer holds."""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.web.conftest import Server

MAX_EXAMPLES = 15


def test_api_conforms_to_its_schema(site: Server) -> None:
    schema = schemathesis.openapi.from_url(site.url + "/openapi.json")
    operations: list[Any] = []
    for result in schema.get_all_operations():
        operation = result.ok()  # type: ignore[union-attr]  # a broken schema fails here
        if operation.path != "/api/v1/events":  # a stream that never ends by design
            operations.append(operation)
    assert len(operations) >= 4
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: schemathesis.Case[Any]) -> None:
            # A cursor is opaque: any string fits its schema, only ours are accepted.
            lenient: list[Any] = (
                [positive_data_acceptance] if "cursor" in (case.query or {}) else []
            )
            # An estimate computes for seconds, queued one at a time (latency is measured
            # by benchmarks/api_load.py, not here).
            case.call_and_validate(excluded_checks=lenient, timeout=120)

        check()


def test_schema_documents_the_error_shape(site: Server) -> None:
    schema = schemathesis.openapi.from_url(site.url + "/openapi.json")
    document = schema.raw_schema
    listing = document["paths"]["/api/v1/incidents"]["get"]["responses"]
    assert "400" in listing and "ErrorOut" in str(listing["400"])
