"""Regions written after place names ("X بريف Y", "X, Idlib") and the homonyms they expose.

A name the text places in a governorate is looked for there first; when the gazetteer
knows it only far from there, it is another place of the same name that the gazetteer
lacks, and its far namesake's point must not be used.
"""

from __future__ import annotations

from itertools import pairwise

from strikewatch.gazetteer import Gazetteer
from strikewatch.gazetteer.lookup import distance_km
from strikewatch.gazetteer.mentions import Lexicon, Mention
from strikewatch.model import GeoPrecision

__all__ = ["keep_in_region", "set_regions"]

_COUNTRY = GeoPrecision.COUNTRY


def set_regions(mentions: list[Mention], gap: int) -> None:
    """Sets each mention's anchor: a regional name right after it ("X بريف Y", "X, Idlib")."""
    for here, after in pairwise(mentions):
        if after.token - (here.token + here.words) > gap:
            continue
        # A countryside, governorate, direction or area, not a list of villages "X وY".
        if not after.modifier and all(p.precision is GeoPrecision.PLACE for p in after.places):
            continue
        regions = {p.admin1 or p.name for p in after.places if p.precision is not _COUNTRY}
        if len(regions) == 1:
            here.region, here.anchor = regions.pop(), after


def keep_in_region(mention: Mention, gazetteer: Gazetteer, lexicon: Lexicon) -> bool:
    """Keeps a mention's entries in its anchor's region; False when it names no such place
    near there (a homonym the gazetteer lacks)."""
    region, anchor = mention.region, mention.anchor
    if region is None or anchor is None:
        return True
    inside = [p for p in mention.places if (p.admin1 or p.name) == region]
    if inside:
        mention.places = inside
        return True
    if any(p.precision is not GeoPrecision.PLACE for p in mention.places):
        return True
    if any(gazetteer.within(p, region, lexicon.homonym_km) for p in mention.places):
        return True
    # "X شمال دمشق": the anchor is a point, and X may lie in the next governorate.
    return anchor.modifier in ("direction", "area") and any(
        distance_km(p.latitude, p.longitude, a.latitude, a.longitude) <= lexicon.direction_km
        for p in mention.places
        for a in anchor.places
        if a.precision is GeoPrecision.PLACE
    )
