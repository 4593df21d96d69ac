"""A gazetteer entry and the CSV format that curated and user-added places use.

Columns (header required, UTF-8, one place per row):

``name``            English name (required)
``name_ar``         Arabic name (optional)
``admin1``          governorate / province, English (optional)
``admin2``          district, English (optional)
``latitude``        decimal degrees, -90…90 (required)
``longitude``       decimal degrees, -180…180 (required)
``precision``       what a hit on this row means: ``place`` (town, village, neighbourhood),
                    ``district``, ``admin1``, ``country`` (optional, default ``place``)
``country``         ISO 3166 alpha-2 code, e.g. ``SY`` (required)
``alternate_names`` other spellings, Arabic or Latin, separated by ``|`` (optional)
``population``      integer (optional)
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from strikewatch.errors import InputProblem
from strikewatch.model import GeoPrecision

COLUMNS = (
    "name",
    "name_ar",
    "admin1",
    "admin2",
    "latitude",
    "longitude",
    "precision",
    "country",
    "alternate_names",
    "population",
)
_REQUIRED = ("name", "latitude", "longitude", "country")
_ROW_PRECISIONS = {
    GeoPrecision.PLACE,
    GeoPrecision.DISTRICT,
    GeoPrecision.ADMIN1,
    GeoPrecision.COUNTRY,
}


@dataclass(frozen=True)
class Place:
    """One named place: where it is and what a match on its name is worth."""

    name: str
    name_ar: str | None
    admin1: str | None
    admin2: str | None
    latitude: float
    longitude: float
    precision: GeoPrecision
    country: str
    source: str
    alternate_names: tuple[str, ...] = ()
    population: int | None = None

    def names(self) -> Iterator[str]:
        """Every spelling of the place: English, Arabic and alternates."""
        yield self.name
        if self.name_ar:
            yield self.name_ar
        yield from self.alternate_names


def read_places_csv(path: str | Path, *, source: str = "user") -> Iterator[Place | InputProblem]:
    """Gives each row of a places CSV as a Place, or an InputProblem naming line and field."""
    path = Path(path)
    label = str(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in _REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            yield InputProblem(label, "line 1", "missing column", field=missing[0])
            return
        for row in reader:
            yield _row_to_place(row, label, f"line {reader.line_num}", source)


def _row_to_place(row: dict[str, str], label: str, where: str, source: str) -> Place | InputProblem:
    def cell(name: str) -> str:
        return (row.get(name) or "").strip()

    for name in _REQUIRED:
        if not cell(name):
            return InputProblem(label, where, "value required", field=name)
    coordinates: list[float] = []
    for name, limit in (("latitude", 90.0), ("longitude", 180.0)):
        try:
            value = float(cell(name))
        except ValueError:
            return InputProblem(label, where, "not a number", field=name)
        if not -limit <= value <= limit:
            return InputProblem(label, where, f"outside -{limit:g}…{limit:g}", field=name)
        coordinates.append(value)
    try:
        precision = GeoPrecision(cell("precision") or "place")
    except ValueError:
        precision = GeoPrecision.UNKNOWN
    if precision not in _ROW_PRECISIONS:
        return InputProblem(
            label, where, "expected place, district, admin1 or country", "precision"
        )
    population: int | None = None
    if cell("population"):
        try:
            population = int(cell("population"))
        except ValueError:
            return InputProblem(label, where, "not an integer", field="population")
    country = cell("country").upper()
    if len(country) != 2 or not country.isalpha():
        return InputProblem(label, where, "expected a two-letter ISO code", field="country")
    alternates = tuple(a.strip() for a in cell("alternate_names").split("|") if a.strip())
    return Place(
        name=cell("name"),
        name_ar=cell("name_ar") or None,
        admin1=cell("admin1") or None,
        admin2=cell("admin2") or None,
        latitude=coordinates[0],
        longitude=coordinates[1],
        precision=precision,
        country=country,
        source=source,
        alternate_names=alternates,
        population=population,
    )


def place_from_row(row: dict[str, object], *, source: str = "user") -> Place:
    """A Place from a stored row (the keys of COLUMNS)."""
    alternates = row.get("alternate_names") or ()
    if isinstance(alternates, str):
        names = tuple(a for a in alternates.split("|") if a)
    elif isinstance(alternates, list | tuple):
        names = tuple(str(a) for a in alternates)
    else:
        names = ()
    return Place(
        name=str(row["name"]),
        name_ar=str(row["name_ar"]) if row.get("name_ar") else None,
        admin1=str(row["admin1"]) if row.get("admin1") else None,
        admin2=str(row["admin2"]) if row.get("admin2") else None,
        latitude=float(str(row["latitude"])),
        longitude=float(str(row["longitude"])),
        precision=GeoPrecision(str(row.get("precision") or "place")),
        country=str(row.get("country") or "SY"),
        source=source,
        alternate_names=names,
    )
