"""The shared vocabulary of every stage: reports, their kinds, visibility, grades."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class ReportKind(StrEnum):
    """What sort of document a report is (interfaces.md)."""

    SOCIAL_POST = "social_post"
    NEWS_ARTICLE = "news_article"
    NGO_REPORT = "ngo_report"
    MILITARY_STATEMENT = "military_statement"
    FIELD_REPORT = "field_report"
    WEB_PAGE = "web_page"
    CASUALTY_LIST = "casualty_list"
    OTHER = "other"


class Visibility(StrEnum):
    """Who may see a report. Private reports never reach public pages or exports."""

    PUBLIC = "public"
    PRIVATE = "private"


class Grade(StrEnum):
    """Airwars' grading scale (methodology.md)."""

    CONFIRMED = "confirmed"
    FAIR = "fair"
    WEAK = "weak"
    CONTESTED = "contested"
    DISCOUNTED = "discounted"


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    UNKNOWN = "unknown"


class GeoPrecision(StrEnum):
    EXACT = "exact"
    PLACE = "place"
    DISTRICT = "district"
    ADMIN1 = "admin1"
    COUNTRY = "country"
    UNKNOWN = "unknown"


@dataclass
class ReportDraft:
    """A report as an importer read it, before it is stored.

    ``original`` is the record's bytes as collected (a JSON line, a CSV row, a feed
    entry, a whole HTML page); ``original_exact`` is False where the format allows no
    byte-exact slice and ``original`` is a faithful serialisation of the parsed record
    (the whole collected file is always archived byte for byte as well).
    """

    external_id: str
    text: str
    original: bytes
    position: str
    kind: ReportKind = ReportKind.OTHER
    platform: str | None = None
    publisher: str | None = None
    published_at: str | None = None
    language: str | None = None
    url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    original_exact: bool = True
    original_media_type: str = "application/octet-stream"
    # The publisher's id of the version this one edits (Telegram/X edits), if known.
    edit_of: str | None = None
    edited_at: str | None = None
    visibility: Visibility = Visibility.PUBLIC

    @property
    def original_sha256(self) -> str:
        return hashlib.sha256(self.original).hexdigest()

    def content_sha256(self) -> str:
        """Hash of what the report says, so an unchanged re-export is recognised.

        The original bytes can differ between two exports of the same post (key order,
        view counts); the text, publisher, date, address and kind cannot.
        """
        digest = hashlib.sha256()
        for part in (self.text, self.publisher, self.published_at, self.url, self.kind):
            digest.update((part or "").encode("utf-8"))
            digest.update(b"\x1f")
        if "incident" in self.extra:
            # A published incident record's values are its content, whatever its text says.
            digest.update(json.dumps(self.extra["incident"], sort_keys=True).encode("utf-8"))
        return digest.hexdigest()

    def source_key(self) -> tuple[str, str]:
        """The source a report belongs to: platform (or kind) and publisher."""
        return (self.platform or str(self.kind), self.publisher or "")


@dataclass
class ClaimDraft:
    """What one report (or one span of a digest) alleges, as extraction read it.

    ``details`` keeps what the export columns do not: spans of each cue, children and
    women killed, combatant deaths, targets, whether attribution was inferred or disputed,
    unresolved place names, and the reasons behind each value.
    """

    ordinal: int = 0
    span_start: int | None = None
    span_end: int | None = None
    is_harm_report: bool = False
    language: str | None = None
    event_date: str | None = None  # ISO date
    date_precision: DatePrecision = DatePrecision.UNKNOWN
    place: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: GeoPrecision = GeoPrecision.UNKNOWN
    belligerents: list[str] = field(default_factory=list)
    strike_type: list[str] = field(default_factory=list)
    civilian_deaths_min: int | None = None
    civilian_deaths_max: int | None = None
    civilian_injuries_min: int | None = None
    civilian_injuries_max: int | None = None
    details: dict[str, Any] = field(default_factory=dict)
