"""``GET /api/v1/estimates``: multiple systems estimates over the public sources, as JSON.

Each public source (publisher) is a list and each public incident a record, as in
``strikewatch estimate``. An estimate costs from a fraction of a second (log-linear) to
a few seconds (LCMCR), so results are kept per (parameters, snapshot version) and at
most one is computed at a time: a burst of estimate requests cannot starve the lists.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import math
from collections import OrderedDict
from collections.abc import Sequence
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from strikewatch.assess import (
    CaptureHistories,
    Estimate,
    capture_histories,
    estimate,
    incident_memberships,
)
from strikewatch.store.database import Database
from strikewatch.web.api import MAX_AGE, BadParameterError, Since, State, Until, dumps, parse_list
from strikewatch.web.models import ErrorOut

Memberships = dict[int, set[str]]

router = APIRouter(prefix="/api/v1", tags=["api"])
MAX_LISTS = 8  # beyond this the log-linear model search takes seconds per request
MAX_ITERATIONS = 20_000  # the library's default: what `strikewatch estimate` runs
MIN_ITERATIONS = 1_000
KEPT_RESULTS = 64
METHODS = {"loglinear": ("loglinear",), "lcmcr": ("lcmcr",), "both": ("loglinear", "lcmcr")}
# Two or more names, none blank: the schema promises only what can be estimated from.
NAME = r"\s*[^,\s][^,]*"
LISTS_PATTERN = f"^{NAME}(,{NAME}){{1,{MAX_LISTS - 1}}}$"
LISTS_HINT = f"lists must name 2 to {MAX_LISTS} different sources, comma-separated"
# Clearer than a regular expression when a parameter does not match its pattern.
PATTERN_HINTS = {"lists": LISTS_HINT}


class EstimateOut(BaseModel):
    """One method's estimate; ``null`` where the data do not bound a value."""

    method: str = Field(description="loglinear or lcmcr")
    observed: int = Field(description="Incidents documented by at least one chosen list.")
    total: float | None = Field(description="Estimated incidents in all, documented or not.")
    lower: float | None
    upper: float | None = Field(description="null when the data do not bound it from above.")
    undocumented: float | None = Field(description="Estimated incidents no chosen list holds.")
    model: str
    assumptions: list[str]
    warnings: list[str]


class EstimatesOut(BaseModel):
    """Estimates of incidents that none of the chosen lists documented."""

    lists: list[str] = Field(description="The sources (publishers) used as lists.")
    since: str | None
    until: str | None
    iterations: int = Field(description="LCMCR iterations kept per chain after burn-in.")
    seed: int
    results: list[EstimateOut]


@dataclasses.dataclass(frozen=True)
class EstimateRequest:
    """What an estimate depends on, besides the store: its cache key."""

    lists: tuple[str, ...]
    top: int
    since: date | None
    until: date | None
    methods: tuple[str, ...]
    iterations: int
    seed: int


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def estimate_record(result: Estimate) -> dict[str, Any]:
    """An estimate as JSON allows it: NaN and infinity become null."""
    record = dataclasses.asdict(result)
    for name in ("total", "lower", "upper", "undocumented"):
        record[name] = _finite(record[name])
    return record


def run_methods(
    histories: CaptureHistories, methods: Sequence[str], iterations: int, seed: int
) -> list[Estimate]:
    """Give one estimate per method, as ``assess.estimate`` does, with LCMCR's iterations."""
    if "lcmcr" in methods and len(histories.lists) < 3 and "loglinear" not in methods:
        return []
    return estimate(histories, methods=methods, seed=seed, iterations=iterations)


def _nothing_documented(wanted: EstimateRequest, detail: str) -> BadParameterError:
    # Nothing was malformed: the store holds no such records, as with an unknown incident.
    parameter = "lists" if wanted.lists else ("since" if wanted.since else "until")
    if not wanted.lists and not (wanted.since or wanted.until):
        parameter = "top"
    return BadParameterError(parameter, detail, status=404)


def choose_histories(memberships: Memberships, wanted: EstimateRequest) -> CaptureHistories:
    """Give the capture histories a request asks for, or say which parameter finds nothing."""
    if wanted.lists:
        documented = {p for members in memberships.values() for p in members}
        missing = [name for name in wanted.lists if name not in documented]
        if missing:
            raise _nothing_documented(
                wanted, f"no public source {missing[0]!r} documents an incident in the period"
            )
        if len(wanted.lists) < 2:
            raise BadParameterError("lists", LISTS_HINT)
    histories_lists = list(wanted.lists) or None
    if histories_lists is None:
        available = {p for members in memberships.values() for p in members}
        if len(available) < 2:
            raise _nothing_documented(
                wanted,
                f"{len(available)} public sources document incidents in the period; "
                "an estimate needs at least 2",
            )
    histories = capture_histories(memberships, histories_lists, wanted.top)
    if wanted.methods == ("lcmcr",) and len(histories.lists) < 3:
        detail = "LCMCR needs at least 3 lists; method=loglinear works with 2"
        if wanted.lists:
            raise BadParameterError("lists", detail)
        raise _nothing_documented(wanted, f"only 2 public sources in the period: {detail}")
    return histories


class Estimator:
    """Estimates kept per (request, snapshot version), computed one at a time."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self._busy = asyncio.Lock()
        self._memberships: OrderedDict[tuple[str, date | None, date | None], Memberships] = (
            OrderedDict()
        )
        self._kept: OrderedDict[tuple[str, EstimateRequest], dict[str, Any]] = OrderedDict()

    def memberships(self, version: str, since: date | None, until: date | None) -> Memberships:
        """Give the period's memberships, read once per snapshot version."""
        key = (version, since, until)
        if key not in self._memberships:
            self._memberships[key] = incident_memberships(self.database, since=since, until=until)
            _trim(self._memberships, KEPT_RESULTS)
        return self._memberships[key]

    async def answer(self, version: str, wanted: EstimateRequest) -> dict[str, Any]:
        """Give the JSON answer to a request over the store at ``version``."""
        key = (version, wanted)
        # Waiters queue here, in the event loop, not in the thread pool the detail pages
        # need; a second request for the same estimate then finds it kept.
        async with self._busy:
            if key not in self._kept:
                self._kept[key] = await asyncio.to_thread(self.compute, version, wanted)
                _trim(self._kept, KEPT_RESULTS)
            self._kept.move_to_end(key)
            return self._kept[key]

    def compute(self, version: str, wanted: EstimateRequest) -> dict[str, Any]:
        """Give the JSON answer, computed (blocking: seconds for LCMCR)."""
        histories = choose_histories(self.memberships(version, wanted.since, wanted.until), wanted)
        results = run_methods(histories, wanted.methods, wanted.iterations, wanted.seed)
        return {
            "lists": list(histories.lists),
            "since": wanted.since.isoformat() if wanted.since else None,
            "until": wanted.until.isoformat() if wanted.until else None,
            "iterations": wanted.iterations,
            "seed": wanted.seed,
            "results": [estimate_record(r) for r in results],
        }


# What ``GET /api/v1/estimates`` with no parameters asks for.
DEFAULT_REQUEST = EstimateRequest((), 4, None, None, METHODS["both"], MAX_ITERATIONS, 0)


async def warm(estimates: Estimator, version: str) -> None:
    """Compute the default estimate ahead of its first request (seconds of LCMCR)."""
    # Too few sources: the request itself will say so.
    with contextlib.suppress(BadParameterError):
        await estimates.answer(version, DEFAULT_REQUEST)


def _trim(kept: OrderedDict[Any, Any], size: int) -> None:
    while len(kept) > size:
        kept.popitem(last=False)


def estimator(request: Request) -> Estimator:
    """The estimator of the app serving this request."""
    found: Estimator = request.app.state.estimates
    return found


Lists = Annotated[
    str | None,
    Query(
        description=f"Comma-separated sources (publishers), 2 to {MAX_LISTS}; "
        "default: the `top` sources with most incidents.",
        pattern=LISTS_PATTERN,
    ),
]


@router.get(
    "/estimates",
    response_model=EstimatesOut,
    responses={400: {"model": ErrorOut}, 404: {"model": ErrorOut}},
)
async def get_estimates(
    request: Request,
    state: State,
    estimates: Annotated[Estimator, Depends(estimator)],
    lists: Lists = None,
    top: Annotated[
        int,
        Query(
            ge=3,
            le=MAX_LISTS,
            description="How many sources when `lists` is absent (name 2 in `lists` for the "
            "two-list estimate).",
        ),
    ] = 4,
    since: Since = None,
    until: Until = None,
    method: Annotated[
        Literal["loglinear", "lcmcr", "both"], Query(description="Which estimator to run.")
    ] = "both",
    iterations: Annotated[
        int,
        Query(
            ge=MIN_ITERATIONS,
            le=MAX_ITERATIONS,
            description=f"LCMCR iterations kept after a burn-in of a quarter as many "
            f"(at most {MAX_ITERATIONS}, the default).",
        ),
    ] = MAX_ITERATIONS,
    seed: Annotated[int, Query(ge=0, le=2**31 - 1, description="Seed of the LCMCR sampler.")] = 0,
) -> Response:
    """Incidents no chosen source documented: multiple systems estimates with intervals."""
    names = tuple(dict.fromkeys(parse_list("lists", lists)))
    wanted = EstimateRequest(names, top, since, until, METHODS[method], iterations, seed)
    for _ in range(2):
        version = state.index.snapshot.version
        body = await estimates.answer(version, wanted)
        # The answer is kept under the version current now: it must be that version's.
        if version == state.index.snapshot.version:
            break
    return state.cached(request, lambda: dumps(body), "application/json", MAX_AGE)
