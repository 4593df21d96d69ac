"""Open incident exports for other data ecosystems: HXL, ACLED-shaped and UCDP-GED-shaped
CSV, beside JSON Lines, CSV and GeoJSON that carry the methodology version and a hash.

Every export here is redacted: a private report's id or publisher never appears, even
inside an incident's reasons (which name the reports behind each figure). Each export
carries ``methodology_version`` (the grading rubric in force) and ``dataset_sha256``: the
SHA-256 of the incident records as canonical JSON Lines (keys sorted, UTF-8, one record
a line, in id order), the same for every format of the same data, so a reader can check
that two files hold the same incidents. The column mappings are in docs/api.md.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from sqlalchemy import select

from strikewatch.assess.rubric import rubric
from strikewatch.model import Visibility
from strikewatch.publish.incidents_export import FIELDS, LISTS, incident_record
from strikewatch.store.database import Database
from strikewatch.store.incidents import iter_incidents
from strikewatch.store.schema import FieldReporter, Report

PRIVATE_LABEL = "a private field report"


@dataclass(frozen=True)
class PrivateNames:
    """The ids and publishers of private reports, which nothing public may name."""

    names: frozenset[str]
    pattern: re.Pattern[str] | None

    def redact(self, text: str) -> str:
        """The text with every private id or publisher replaced by a neutral label."""
        if self.pattern is None or not text:
            return text
        return self.pattern.sub(PRIVATE_LABEL, text)


def private_names(database: Database) -> PrivateNames:
    """Every name a private report or field reporter is known by in this store."""
    with database.sessions() as session:
        rows = session.execute(
            select(Report.external_id, Report.publisher).where(
                Report.visibility != str(Visibility.PUBLIC)
            )
        ).all()
        pseudonyms = session.execute(select(FieldReporter.pseudonym)).scalars().all()
    names = {n for row in rows for n in row if n} | {p for p in pseudonyms if p}
    if not names:
        return PrivateNames(frozenset(), None)
    # Longest first, so "reporter-11" is not half-replaced by "reporter-1".
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return PrivateNames(frozenset(names), re.compile(alternatives))


@dataclass(frozen=True)
class ExportInfo:
    """What an export wrote: format, how many incidents, version and content hash."""

    format: str
    count: int
    methodology_version: str
    dataset_sha256: str
    media_type: str


def public_records(database: Database) -> list[dict[str, Any]]:
    """Every incident with a public report, in the incidents export shape, redacted."""
    private = private_names(database)
    records = []
    for incident, report_ids in iter_incidents(database):
        record = incident_record(incident, report_ids)
        record["reasons"] = [private.redact(str(r)) for r in record["reasons"]]
        record["strike_status"] = incident.strike_status
        records.append(record)
    return records


def dataset_hash(records: Sequence[dict[str, Any]]) -> str:
    """The SHA-256 of the records as canonical JSON Lines (see the module docstring)."""
    digest = hashlib.sha256()
    for record in records:
        line = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest()


def _joined(value: Any) -> Any:
    return ";".join(map(str, value)) if isinstance(value, list) else value


def _write_jsonl(records: list[dict[str, Any]], meta: dict[str, str], out: TextIO) -> None:
    for record in records:
        out.write(json.dumps({**record, **meta}, ensure_ascii=False) + "\n")


def _write_csv(records: list[dict[str, Any]], meta: dict[str, str], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=[*FIELDS, "strike_status", *meta])
    writer.writeheader()
    for record in records:
        writer.writerow({k: _joined(v) if k in LISTS else v for k, v in record.items()} | meta)


def _write_geojson(records: list[dict[str, Any]], meta: dict[str, str], out: TextIO) -> None:
    # GeoJSON allows foreign members: the metadata sits beside "features".
    out.write('{"type": "FeatureCollection", "metadata": ' + json.dumps(meta) + ', "features": [\n')
    for n, record in enumerate(records):
        point = record["latitude"] is not None and record["longitude"] is not None
        feature = {
            "type": "Feature",
            "id": record["id"],
            "geometry": {"type": "Point", "coordinates": [record["longitude"], record["latitude"]]}
            if point
            else None,
            "properties": record,
        }
        out.write(("," if n else "") + json.dumps(feature, ensure_ascii=False) + "\n")
    out.write("]}\n")


Column = tuple[str, str, Callable[[dict[str, Any]], Any]]


def _table(columns: Sequence[Column], with_tags: bool) -> Callable[..., None]:
    def write(records: list[dict[str, Any]], meta: dict[str, str], out: TextIO) -> None:
        writer = csv.writer(out)
        writer.writerow([name for name, _, _ in columns])
        if with_tags:
            writer.writerow([tag for _, tag, _ in columns])
        for record in records:
            writer.writerow([_joined(value(record | meta)) for _, _, value in columns])

    return write


def _get(field: str) -> Callable[[dict[str, Any]], Any]:
    return lambda r: r.get(field)


# HXL hashtags (hxlstandard.org): +min/+max mark the two ends of each range.
HXL: tuple[Column, ...] = (
    ("id", "#event+id", _get("id")),
    ("date", "#date+occurred", _get("date")),
    ("date_precision", "#date+precision", _get("date_precision")),
    ("place", "#loc+name", _get("place")),
    ("place_ar", "#loc+name+i_ar", _get("place_ar")),
    ("admin1", "#adm1+name", _get("admin1")),
    ("latitude", "#geo+lat", _get("latitude")),
    ("longitude", "#geo+lon", _get("longitude")),
    ("geo_precision", "#geo+precision", _get("geo_precision")),
    ("belligerents", "#actor+name", _get("belligerents")),
    ("strike_type", "#event+type", _get("strike_type")),
    ("grade", "#status+grade", _get("grade")),
    ("strike_status", "#status+strike", _get("strike_status")),
    ("civilian_deaths_min", "#affected+killed+min", _get("civilian_deaths_min")),
    ("civilian_deaths_max", "#affected+killed+max", _get("civilian_deaths_max")),
    ("civilian_injuries_min", "#affected+injured+min", _get("civilian_injuries_min")),
    ("civilian_injuries_max", "#affected+injured+max", _get("civilian_injuries_max")),
    ("children_killed_min", "#affected+killed+children+min", _get("children_killed_min")),
    ("children_killed_max", "#affected+killed+children+max", _get("children_killed_max")),
    ("report_ids", "#meta+source", _get("report_ids")),
    ("methodology_version", "#meta+methodology", _get("methodology_version")),
    ("dataset_sha256", "#meta+hash", _get("dataset_sha256")),
)

ACLED_TIME = {"day": 1, "week": 2, "month": 3}
ACLED_GEO = {"exact": 1, "place": 1, "district": 2, "admin1": 3}
UCDP_DATE = {"day": 1, "week": 3, "month": 4}
UCDP_WHERE = {"exact": 1, "place": 2, "district": 3, "admin1": 4, "country": 6}


def _year(record: dict[str, Any]) -> str | None:
    return record["date"][:4] if record.get("date") else None


def _sub_event(record: dict[str, Any]) -> str:
    types = " ".join(record.get("strike_type") or [])
    if any(w in types for w in ("shell", "artillery", "missile", "rocket")):
        return "Shelling/artillery/missile attack"
    return "Air/drone strike"


ACLED: tuple[Column, ...] = (
    ("event_id_cnty", "", _get("id")),
    ("event_date", "", _get("date")),
    ("year", "", _year),
    ("time_precision", "", lambda r: ACLED_TIME.get(r["date_precision"], 3)),
    ("event_type", "", lambda r: "Explosions/Remote violence"),
    ("sub_event_type", "", _sub_event),
    ("actor1", "", _get("belligerents")),
    ("actor2", "", lambda r: "Civilians"),
    ("civilian_targeting", "", lambda r: ""),
    ("admin1", "", _get("admin1")),
    ("location", "", _get("place")),
    ("latitude", "", _get("latitude")),
    ("longitude", "", _get("longitude")),
    ("geo_precision", "", lambda r: ACLED_GEO.get(r["geo_precision"], 3)),
    ("source", "", _get("report_ids")),
    ("notes", "", lambda r: f"grade: {r.get('grade') or 'ungraded'}"),
    ("fatalities", "", lambda r: r.get("civilian_deaths_min") or 0),
    ("methodology_version", "", _get("methodology_version")),
    ("dataset_sha256", "", _get("dataset_sha256")),
)

UCDP: tuple[Column, ...] = (
    ("id", "", _get("id")),
    ("year", "", _year),
    ("type_of_violence", "", lambda r: 3),
    ("side_a", "", _get("belligerents")),
    ("side_b", "", lambda r: "Civilians"),
    ("source_original", "", _get("report_ids")),
    ("where_prec", "", lambda r: UCDP_WHERE.get(r["geo_precision"], 7)),
    ("where_coordinates", "", _get("place")),
    ("adm_1", "", _get("admin1")),
    ("latitude", "", _get("latitude")),
    ("longitude", "", _get("longitude")),
    ("date_prec", "", lambda r: UCDP_DATE.get(r["date_precision"], 5)),
    ("date_start", "", _get("date")),
    ("date_end", "", _get("date")),
    ("deaths_civilians", "", lambda r: r.get("civilian_deaths_min") or 0),
    ("best", "", lambda r: r.get("civilian_deaths_min") or 0),
    ("low", "", lambda r: r.get("civilian_deaths_min") or 0),
    ("high", "", lambda r: r.get("civilian_deaths_max") or r.get("civilian_deaths_min") or 0),
    ("methodology_version", "", _get("methodology_version")),
    ("dataset_sha256", "", _get("dataset_sha256")),
)

WRITERS: dict[str, tuple[Callable[..., None], str]] = {
    "jsonl": (_write_jsonl, "application/x-ndjson"),
    "csv": (_write_csv, "text/csv"),
    "geojson": (_write_geojson, "application/geo+json"),
    "hxl": (_table(HXL, with_tags=True), "text/csv"),
    "acled": (_table(ACLED, with_tags=False), "text/csv"),
    "ucdp": (_table(UCDP, with_tags=False), "text/csv"),
}
FORMATS = tuple(WRITERS)
SUFFIX = {"jsonl": "jsonl", "csv": "csv", "geojson": "geojson"} | {
    f: f"{f}.csv" for f in ("hxl", "acled", "ucdp")
}


def write_records(records: list[dict[str, Any]], fmt: str, out: TextIO) -> ExportInfo:
    """Write already-read public records in one format; what was written."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown incidents export format {fmt!r}; one of {', '.join(FORMATS)}")
    writer, media_type = WRITERS[fmt]
    meta = {"methodology_version": rubric().version, "dataset_sha256": dataset_hash(records)}
    writer(records, meta, out)
    return ExportInfo(
        fmt, len(records), meta["methodology_version"], meta["dataset_sha256"], media_type
    )


def export_incidents_as(database: Database, fmt: str, out: TextIO) -> ExportInfo:
    """Write every public incident in one of ``FORMATS``, redacted, with version and hash."""
    return write_records(public_records(database), fmt, out)


def export_incidents(database: Database, fmt: str, out: TextIO) -> int:
    """Write every incident with a public report in ``fmt``; returns how many."""
    return export_incidents_as(database, fmt, out).count
