"""What the linker compares: one row per harm claim, as an Arrow table Splink can read.

Coordinates are only given where a claim names a town or a point: a district or
governorate centroid would make two different villages of one district look close.
Dates are only given at day precision, for the same reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
import pyarrow as pa

from strikewatch.gazetteer import Gazetteer
from strikewatch.link.embedding import DIMENSIONS, Vectors
from strikewatch.link.projection import Projection
from strikewatch.link.words import DIMENSIONS as WORDING_DIMENSIONS
from strikewatch.link.words import Vocabulary
from strikewatch.model import GeoPrecision
from strikewatch.normalise import fold_name

# Belligerents that count as one actor for linking (as casualty recorders count them).
FAMILY = {
    "sdf": "kurdish",
    "ypg": "kurdish",
    "kurdish-forces": "kurdish",
    "united-states": "us-led-coalition",
    "france": "us-led-coalition",
    "united-kingdom": "us-led-coalition",
    "jordan": "us-led-coalition",
}
PRECISE = frozenset({"exact", "place"})
TOWN = PRECISE | {"district"}
# A victim's name singles out a strike across any dates and places only while few claims
# share it: reports of one strike naming someone are a handful (at most a few dozen for a
# massacre); a key in more claims than this is a common name ("محمد|احمد"), and blocking on
# it would compare thousands of claims with each other at a million claims. Such names are
# still compared on pairs other rules bring together.
NAME_BLOCK_MAX = 30


def families(belligerents: Iterable[str]) -> list[str]:
    """Sorted belligerent families, without 'unknown'."""
    return sorted({FAMILY.get(b, b) for b in belligerents} - {"unknown"})


@dataclass(frozen=True)
class LinkClaim:
    """A claim as the linker sees it."""

    claim_id: int
    strike_date: date | None
    date_precision: str
    latitude: float | None
    longitude: float | None
    geo_precision: str
    place: str | None
    admin1: str | None
    belligerents: Sequence[str] = ()
    strike_type: Sequence[str] = ()
    deaths: int | None = None
    kind: str = "other"
    publisher: str | None = None  # the account or outlet (its template is not evidence)
    published: date | None = None  # when the report appeared: dates a claim that has no date
    clue: int | None = None  # an undated report's weekday: "on Saturday"
    names: Sequence[str] = ()  # the victims it names, as keys (link/names.py)
    places: Sequence[str] = ()  # the places it names, resolved or not (link/places.py)
    words: Sequence[str] = field(default=(), compare=False)  # its words (link/words.py)
    embedding: Vectors | None = field(default=None, compare=False)

    @property
    def day(self) -> date | None:
        return self.strike_date if self.date_precision == "day" else None

    @property
    def weekday(self) -> int | None:
        """The strike's weekday, from its day or, for an undated claim, its clue."""
        return self.day.weekday() if self.day is not None else self.clue

    @property
    def precise(self) -> bool:
        return self.geo_precision in PRECISE and self.latitude is not None


def _week(day: date | None, shift: int = 0) -> int | None:
    # Two week grids, one shifted by half a week, so a pair a day apart always shares one.
    return (day.toordinal() + shift) // 7 if day else None


def _area(claim: LinkClaim, gazetteer: Gazetteer) -> tuple[float | None, float | None]:
    """A point for the claim's area: its own (any precision), else its governorate's centre."""
    if claim.latitude is not None and claim.longitude is not None:
        return claim.latitude, claim.longitude
    if claim.admin1:
        for place in gazetteer.lookup(claim.admin1):
            if place.precision == GeoPrecision.ADMIN1:
                return place.latitude, place.longitude
    return None, None


def _key(admin1: str | None, period: int | None) -> str | None:
    return f"{fold_name(admin1)}|{period}" if admin1 and period is not None else None


def _when(claim: LinkClaim) -> date | None:
    return claim.strike_date or claim.published


def _month(claim: LinkClaim) -> int | None:
    when = claim.strike_date or claim.published
    return when.year * 12 + when.month if when else None


def _vectors(rows: Sequence[Vectors | None], dimensions: int) -> pa.Array:
    """Unit-length float arrays (compared by inner product, link/similarity.py); null where
    none or zero."""
    if not any(row is not None for row in rows):
        # Nothing to compare (no texts): no need to hold zeros for every claim.
        return pa.nulls(len(rows), pa.list_(pa.float32(), dimensions))
    vectors = np.zeros((len(rows), dimensions), dtype=np.float32)
    missing = []
    for i, row in enumerate(rows):
        ok = row is not None and bool(row.any())
        if ok:
            vectors[i] = row
        missing.append(not ok)
    norms = np.sqrt(np.einsum("ij,ij->i", vectors, vectors))[:, None]  # 5x np.linalg.norm
    vectors /= np.where(norms > 0, norms, 1)
    return pa.FixedSizeListArray.from_arrays(
        pa.array(vectors.reshape(-1), type=pa.float32()),
        dimensions,
        mask=pa.array(missing, pa.bool_()),
    )


def _place_ids(claims: Sequence[LinkClaim]) -> tuple[list[int | None], list[int | None]]:
    """Each claim's place as a number, one per folded name: at a precise point, and as
    the town named at any precision from a point to a district.

    Numbers, not names: a million claims make millions of candidate pairs, and the
    engines copy and compare numbers faster than strings.
    """
    numbers: dict[str, int] = {}
    precise: list[int | None] = []
    towns: list[int | None] = []
    for claim in claims:
        if not claim.place or claim.geo_precision not in TOWN:
            precise.append(None)
            towns.append(None)
            continue
        number = numbers.setdefault(fold_name(claim.place), len(numbers))
        towns.append(number)
        precise.append(number if claim.precise else None)
    return precise, towns


def _name_keys(claims: Sequence[LinkClaim]) -> list[list[str] | None]:
    """Each claim's names that few enough claims share to block on (NAME_BLOCK_MAX)."""
    counts = Counter(name for c in claims for name in set(c.names))
    return [sorted(n for n in set(c.names) if counts[n] <= NAME_BLOCK_MAX) or None for c in claims]


def to_table(
    claims: Sequence[LinkClaim],
    gazetteer: Gazetteer | None = None,
    vocabulary: Vocabulary | None = None,
    projection: Projection | None = None,
) -> pa.Table:
    """The Splink input table (``unique_id`` is the claim id).

    Words are weighed by ``vocabulary`` (a trained model's), else by these claims' own;
    embeddings are reduced by ``projection`` (a trained model's), else kept whole.
    """
    gazetteer = gazetteer or Gazetteer.default()
    vocabulary = vocabulary or Vocabulary.count(c.words for c in claims)
    wording = _vectors([vocabulary.vector(c.words) for c in claims], WORDING_DIMENSIONS)
    areas = [_area(c, gazetteer) for c in claims]
    projection = projection or Projection()
    embedded = projection.apply([c.embedding for c in claims])
    embedding = _vectors(embedded, projection.size(DIMENSIONS))
    place_ids, town_ids = _place_ids(claims)
    return pa.table(
        {
            "unique_id": pa.array([c.claim_id for c in claims], pa.int64()),
            "strike_date": pa.array([c.day for c in claims], pa.date32()),
            "when_day": pa.array([c.day or c.published for c in claims], pa.date32()),
            "next_day": pa.array(
                [c.day + timedelta(days=1) if c.day else None for c in claims], pa.date32()
            ),
            "week": pa.array([_week(c.day) for c in claims], pa.int32()),
            "week_shifted": pa.array([_week(c.day, 3) for c in claims], pa.int32()),
            "period": pa.array([_month(c) for c in claims], pa.int32()),
            "lat": pa.array([c.latitude if c.precise else None for c in claims], pa.float64()),
            "lon": pa.array([c.longitude if c.precise else None for c in claims], pa.float64()),
            "area_lat": pa.array([a[0] for a in areas], pa.float64()),
            "area_lon": pa.array([a[1] for a in areas], pa.float64()),
            # An undated claim meets its governorate's claims of the week it was published
            # (or its week-precision date) and of the week before: a report tells of a
            # strike days after it, rarely weeks.
            "area_week": pa.array([_key(c.admin1, _week(_when(c))) for c in claims], pa.string()),
            "undated_area_week": pa.array(
                [_key(c.admin1, _week(_when(c))) if c.day is None else None for c in claims],
                pa.string(),
            ),
            "undated_area_last_week": pa.array(
                [_key(c.admin1, _week(_when(c), -7)) if c.day is None else None for c in claims],
                pa.string(),
            ),
            "no_period_admin1": pa.array(
                [fold_name(c.admin1) if c.admin1 and _month(c) is None else None for c in claims],
                pa.string(),
            ),
            "place_key": pa.array(place_ids, pa.int32()),
            # The town a claim names, also as its countryside ("ريف منبج"): no point, a key.
            "town_key": pa.array(town_ids, pa.int32()),
            "admin1": pa.array([fold_name(c.admin1) if c.admin1 else None for c in claims]),
            "belligerent": pa.array([families(c.belligerents) or None for c in claims]),
            "strike_type": pa.array(
                [sorted(set(c.strike_type) - {"unknown"}) or None for c in claims]
            ),
            "deaths": pa.array([c.deaths for c in claims], pa.int32()),
            "wording": wording,
            "publisher": pa.array([c.publisher for c in claims], pa.string()),
            "place_names": pa.array(
                [sorted(set(c.places)) or None for c in claims], pa.list_(pa.string())
            ),
            "names": pa.array(
                [sorted(set(c.names)) or None for c in claims], pa.list_(pa.string())
            ),
            "name_keys": pa.array(_name_keys(claims), pa.list_(pa.string())),
            # The weekday, flagged when it is an undated claim's clue.
            "wd": pa.array([c.weekday for c in claims], pa.int32()),
            "clued": pa.array([c.day is None and c.clue is not None for c in claims]),
            "emb": embedding,
        }
    )
