"""The shapes of API responses, as the OpenAPI document describes them."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ErrorOut(BaseModel):
    """A 4xx answer: what was wrong, and with which parameter."""

    error: str = Field(description="bad_parameter or not_found")
    parameter: str | None = Field(description="The query or path parameter at fault.")
    detail: str


class IncidentOut(BaseModel):
    """An incident in a list: its summary values, ranges as min and max."""

    id: str
    version: int
    date: str | None
    date_precision: str
    place: str | None
    place_ar: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: str
    belligerents: list[str]
    attribution: str | None
    strike_type: list[str]
    grade: str | None
    strike_status: str | None
    rubric_version: str | None
    updated_at: str | None
    civilian_deaths_min: int | None
    civilian_deaths_max: int | None
    civilian_injuries_min: int | None
    civilian_injuries_max: int | None
    children_killed_min: int | None
    children_killed_max: int | None
    women_killed_min: int | None
    women_killed_max: int | None


class IncidentPage(BaseModel):
    """One page of incidents and the cursor of the next (null on the last page)."""

    items: list[IncidentOut]
    next: str | None


class ClaimOut(BaseModel):
    """What one source alleges about the incident."""

    event_date: str | None
    date_precision: str
    place: str | None
    geo_precision: str
    belligerents: list[str]
    strike_type: list[str]
    civilian_deaths_min: int | None
    civilian_deaths_max: int | None
    civilian_injuries_min: int | None
    civilian_injuries_max: int | None
    children_killed_min: int | None
    children_killed_max: int | None
    women_killed_min: int | None
    women_killed_max: int | None


class SourceOut(BaseModel):
    """A report behind the incident; a private one shows no text, publisher or id."""

    n: int
    private: bool
    label: str
    kind: str
    report_id: str | None
    platform: str | None
    publisher: str | None
    published_at: str | None
    language: str | None
    direction: str = Field(description="ltr or rtl: how the text reads")
    url: str | None
    archive_sha256: str | None
    text: str | None
    is_harm_report: bool
    claim: ClaimOut


class RangeOut(BaseModel):
    """One range of the incident and the sources (by ``n``) that give a figure for it."""

    min: int | None
    max: int | None
    sources: list[int]


class IncidentDetailOut(IncidentOut):
    """An incident with its grade's reasons, ranges and sources."""

    reasons: list[str]
    support: dict[str, Any]
    ranges: dict[str, RangeOut]
    sources: list[SourceOut]


class TallyRowOut(BaseModel):
    """Sums of incident minimums and maximums for one key."""

    key: dict[str, str]
    incidents: int
    without_figure: int
    civilian_deaths_min: int
    civilian_deaths_max: int
    civilian_injuries_min: int
    civilian_injuries_max: int


class TallyOut(BaseModel):
    """A tally over a selection, always as ranges."""

    by: list[str]
    grades: list[str]
    since: str | None
    until: str | None
    rubric_version: str
    rows: list[TallyRowOut]
    total: TallyRowOut


class MapPointOut(BaseModel):
    """An incident as the map draws it (short keys: the map loads thousands)."""

    id: str
    lat: float
    lon: float
    g: str | None = Field(description="grade")
    lo: int | None = Field(description="civilian deaths, minimum")
    hi: int | None = Field(description="civilian deaths, maximum")
    d: str | None = Field(description="date")
    b: list[str] = Field(description="belligerents")
    p: str | None = Field(description="place")


class MapOut(BaseModel):
    """Every public incident with coordinates."""

    version: str
    items: list[MapPointOut]


class SourceListedOut(BaseModel):
    """A publisher of public reports."""

    platform: str
    publisher: str
    reports: int
    kinds: list[str]


class SourcesOut(BaseModel):
    """Every publisher with public reports."""

    items: list[SourceListedOut]
