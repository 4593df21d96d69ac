"""Claims from reports: every extractor run over a report, or over each event of a digest.

``claims_for`` is the stage's public entry: pure (no I/O beyond the shipped lexicons and
gazetteer, loaded once), so a Python user, the CLI and the live linker all call the same
function. Every value carries its reason in ``ClaimDraft.details`` so an analyst can see
why the claim says what it says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from strikewatch.extract.actors import find_belligerents
from strikewatch.extract.dates import find_event_date, find_publication_date
from strikewatch.extract.dates_anchor import heading_date
from strikewatch.extract.digest import EventSpan, split_events
from strikewatch.extract.harm import HarmFinding, find_harm
from strikewatch.extract.imported import imported_claim
from strikewatch.extract.numbers import Range
from strikewatch.extract.places import find_place
from strikewatch.extract.relevance import assess_relevance
from strikewatch.extract.weapons import find_strike_types, find_targets
from strikewatch.gazetteer import Gazetteer
from strikewatch.model import ClaimDraft
from strikewatch.normalise import fold_for_match

EXTRACTOR_VERSION = "1"


@dataclass(frozen=True)
class ReportInput:
    """What extraction needs of a stored report."""

    external_id: str
    text: str
    language: str | None = None
    kind: str | None = None
    published_at: str | None = None
    url: str | None = None
    publisher: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    received: date | None = None  # when it was collected (the store's ingest time)
    # Input-level knowledge: how many stored reports carry this same text (page chrome
    # captured instead of an article repeats across many reports).
    repeated: int = 1


def _bounds(value: Range | None) -> tuple[int | None, int | None]:
    return (value.low, value.high) if value is not None else (None, None)


def _harm_details(harm: HarmFinding) -> dict[str, Any]:
    details: dict[str, Any] = {}
    for name in ("children_killed", "women_killed", "combatant_deaths"):
        low, high = _bounds(getattr(harm, name))
        if low is not None:
            details[f"{name}_min"], details[f"{name}_max"] = low, high
    return details


def claims_for(report: ReportInput, *, gazetteer: Gazetteer | None = None) -> list[ClaimDraft]:
    """One claim per event the report describes (one for most reports), with reasons."""
    if isinstance(report.extra.get("incident"), dict):
        return [imported_claim(report.extra["incident"], report.language)]
    text = report.text
    published_at = report.published_at or report.extra.get("published_at_raw")
    relevance = assess_relevance(
        text, language=report.language, kind=report.kind, repeated=report.repeated
    )
    if relevance.boilerplate or not text.strip():
        return [
            ClaimDraft(
                language=report.language,
                details={"boilerplate": True, "reasons": {"relevance": relevance.reason}},
            )
        ]
    events = split_events(text, language=report.language, core=relevance.core)
    if len(events) == 1:
        # One event: its span is the core; the date may also sit in the page's chrome,
        # where find_event_date reads it (and names where it found it).
        events = [EventSpan(relevance.core[0], relevance.core[1], events[0].reason)]
        anchor = published_at
    else:
        # A digest's events are read alone: the page's stamp is found once, for all.
        published = find_publication_date(text, url=report.url, report_id=report.external_id)
        anchor = published_at or (published.isoformat() if published else None)
    # A daily round-up's heading names the day its events happened.
    day = heading_date(text[relevance.core[0] : events[0].start]) if len(events) > 1 else None
    claims = []
    for ordinal, event in enumerate(events):
        claim = _claim(report, event, ordinal, anchor, gazetteer, digest=len(events) > 1, day=day)
        claim.is_harm_report = relevance.is_harm_report
        claim.details["reasons"]["relevance"] = relevance.reason
        claim.details.update({"split": event.reason, "events": len(events)})
        claims.append(claim)
    return claims


def _claim(
    report: ReportInput,
    event: EventSpan,
    ordinal: int,
    anchor: str | None,
    gazetteer: Gazetteer | None,
    *,
    digest: bool,
    day: date | None = None,
) -> ClaimDraft:
    text, start, end = report.text, event.start, event.end
    span = text[start:end]
    language = report.language
    date = find_event_date(
        span if digest else text,
        language=language,
        published_at=anchor,
        url=report.url,
        report_id=report.external_id,
        heading_date=day,
        received=report.received,
    )
    # The whole report is folded already (relevance and dates read it). Its slice differs
    # from folding the span alone only where context counts (a run of dots at the span's
    # edge): on the development corpus in 4 reports of 3,246, with the same claims.
    whole = fold_for_match(text)
    folded = whole[start:end] if len(whole) == len(text) else None
    place = find_place(span, language=language, gazetteer=gazetteer, folded=folded)
    harm = find_harm(span, language=language, folded=folded)
    strike_type = find_strike_types(span, language=language)
    actors = find_belligerents(
        span,
        language=language,
        publisher=report.publisher,
        admin1=place.admin1,
        latitude=place.latitude,
        longitude=place.longitude,
        # Who holds an area changes over time: an undated report is placed by when it appeared.
        event_date=date.event_date or date.anchor,
        strike_type=strike_type,
    )
    deaths = _bounds(harm.civilian_deaths)
    injuries = _bounds(harm.civilian_injuries)
    details: dict[str, Any] = {
        "targets": find_targets(span, language=language),
        "attribution_disputed": actors.disputed,
        "attribution_inferred": actors.inferred,
        # Named by context (a joint campaign, who holds the area), not by the report's words.
        "context_belligerents": list(actors.context_belligerents),
        "place_mentions": place.mentions,
        "unresolved_places": place.unresolved,
        "admin1": place.admin1,
        "published": date.anchor.isoformat() if date.anchor else None,
        "date_clue": date.clue.as_details() if date.clue else None,
        "place_ar": place.place_ar,
        **_harm_details(harm),
        "reasons": {
            "date": date.reason,
            "place": place.reason,
            "belligerents": actors.reasons,
            "harm": harm.reasons,
        },
    }
    return ClaimDraft(
        ordinal=ordinal,
        span_start=start,
        span_end=end,
        language=language,
        event_date=date.event_date.isoformat() if date.event_date else None,
        date_precision=date.precision,
        place=place.place,
        latitude=place.latitude,
        longitude=place.longitude,
        geo_precision=place.geo_precision,
        belligerents=list(actors.belligerents),
        strike_type=strike_type,
        civilian_deaths_min=deaths[0],
        civilian_deaths_max=deaths[1],
        civilian_injuries_min=injuries[0],
        civilian_injuries_max=injuries[1],
        details=details,
    )
