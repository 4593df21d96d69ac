"""Areas of control by period: who held a part of Syria then, and who usually struck it.

Read from ``lexicons/control_syria.toml`` (public knowledge of the front lines). The
actors extractor turns to it only when a report names no belligerent itself, or to add
the partner of a named belligerent in a joint campaign; either way the finding is marked
inferred, with the zone and how the report was placed in it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib.resources import files

from strikewatch.extract.weapons import WordIndex, Words, strip_article
from strikewatch.normalise import fold_for_match, fold_name

__all__ = [
    "Control",
    "Period",
    "Zone",
    "control_zones",
    "period_of",
    "publisher_zone",
    "usual_attackers",
    "zone_of",
]

# Clitics are peeled only before stems of four letters or more (weapons._bare_forms), so a
# zone name that begins with a three-letter word ("ريف حلب") is also indexed with them.
_SHORT_STEM_CLITICS = ("ب", "و", "ل")


@dataclass(frozen=True)
class Period:
    """A stretch of time in a zone: usual attackers by strike type, and joint partners."""

    start: date
    end: date
    attackers: dict[str, list[str]]
    joint: dict[str, list[str]]


@dataclass(frozen=True)
class Zone:
    """An area of control: its governorates, rough boxes and periods."""

    zone_id: str
    admin1: frozenset[str]
    boxes: tuple[tuple[float, float, float, float], ...]
    periods: tuple[Period, ...]


@dataclass(frozen=True)
class Control:
    """The zones, with indexes of the place names and governorate names that find them."""

    zones: dict[str, Zone]
    names: WordIndex  # value: zone id
    coarse: WordIndex


@lru_cache(maxsize=1)
def control_zones() -> Control:
    """The shipped areas of control, loaded once."""
    resource = files("strikewatch.extract") / "lexicons" / "control_syria.toml"
    data = tomllib.loads(resource.read_text(encoding="utf-8"))
    zones: dict[str, Zone] = {}
    names = WordIndex()
    coarse = WordIndex()
    for raw in data["zone"]:
        periods = tuple(
            Period(
                date.fromisoformat(p["from"]),
                date.fromisoformat(p["until"]),
                {k: list(v) for k, v in p.items() if k not in ("from", "until", "joint")},
                {k: list(v) for k, v in p.get("joint", {}).items()},
            )
            for p in raw["period"]
        )
        boxes = tuple((b[0], b[1], b[2], b[3]) for b in raw.get("boxes", []))
        admin1 = frozenset(fold_name(a) for a in raw.get("admin1", []))
        zones[raw["id"]] = Zone(raw["id"], admin1, boxes, periods)
        for name in raw["names"]:
            names.add(name, raw["id"])
            first, *rest = fold_for_match(name).split()
            if rest and len(strip_article(first)) == 3:
                for clitic in _SHORT_STEM_CLITICS:
                    names.add(f"{clitic}{name}", raw["id"])
        for name in raw.get("coarse", []):
            coarse.add(name, raw["id"])
    return Control(zones, names, coarse)


def zone_of(
    control: Control,
    words: Words,
    admin1: str | None,
    latitude: float | None,
    longitude: float | None,
) -> tuple[Zone | None, str]:
    """The area of control the report is about, and how it was recognised."""
    # A town named in the text is finer than the rough boxes and the governorate.
    for first, last, zone_id in control.names.find(words):
        place = " ".join(words.text[first:last])
        return control.zones[zone_id], f"place '{place}' in {zone_id}"
    named = next(control.coarse.find(words), None)
    if named is not None and admin1 and fold_name(admin1) not in control.zones[named[2]].admin1:
        # The place found lies in another governorate than the one the text names: a
        # homonym was likely resolved, and the text's own governorate is surer.
        place = " ".join(words.text[named[0] : named[1]])
        return control.zones[named[2]], f"governorate '{place}' in {named[2]} (not {admin1})"
    if latitude is not None and longitude is not None:
        for zone in control.zones.values():
            for south, west, north, east in zone.boxes:
                if south <= latitude <= north and west <= longitude <= east:
                    return zone, f"coordinates in {zone.zone_id}"
    if admin1:
        key = fold_name(admin1)
        for zone in control.zones.values():
            if key in zone.admin1:
                return zone, f"admin1 {admin1} in {zone.zone_id}"
    if named is not None:
        place = " ".join(words.text[named[0] : named[1]])
        return control.zones[named[2]], f"governorate '{place}' in {named[2]}"
    return None, ""


def publisher_zone(control: Control, publisher: Words) -> tuple[Zone | None, str]:
    """The zone of a place the publisher is named after ("مدينة تلدو", "Hama baladna").

    A local page named after its town reports from it. Only the place word goes into the
    reason: a publisher's name may be a person's.
    """
    for index in (control.names, control.coarse):
        for first, last, zone_id in index.find(publisher):
            place = " ".join(publisher.text[first:last])
            return control.zones[zone_id], f"publisher named after '{place}' in {zone_id}"
    return None, ""


def period_of(zone: Zone, event_date: date | None) -> Period | None:
    """The zone's period covering the date; an undated report gets the longest-lasting one.

    An archive spans years: a report with no date at all is likelier to come from a
    situation that lasted five years than from one that lasted two weeks.
    """
    if event_date is None:
        return max(zone.periods, key=lambda p: (p.end - p.start).days, default=None)
    return next((p for p in zone.periods if p.start <= event_date <= p.end), None)


def usual_attackers(period: Period, strike_type: list[str]) -> list[str]:
    """Who usually struck in that period with the first listed means that has an entry."""
    for kind in [*strike_type, "any"]:
        if kind in period.attackers:
            return list(period.attackers[kind])
    return []
