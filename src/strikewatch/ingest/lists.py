"""CSV lists: NGO casualty lists and ACLED/UCDP-style incident tables, a report per row.

``--map FIELD=COLUMN`` says which column holds what; common headers are recognised
without it. Columns not mapped are kept with the report, under their header.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from typing import Any

from strikewatch.errors import InputProblem
from strikewatch.ingest.decoding import DecodeError, decode
from strikewatch.ingest.incident_fields import parse_incident_fields
from strikewatch.ingest.inputs import InputItem
from strikewatch.ingest.registry import ImportOptions
from strikewatch.model import ReportDraft, ReportKind

FIELDS = ("id", "text", "published_at", "publisher", "url", "language", "kind")
# Headers recognised without --map (compared case-insensitively), best first.
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "event_id_cnty", "event_id", "record_id", "number", "no", "الرقم", "رقم"),
    "text": ("text", "notes", "description", "summary", "details", "النص", "التفاصيل", "ملاحظات"),
    "published_at": ("published_at", "date", "event_date", "date_start", "التاريخ"),
    "url": ("url", "source_url", "link", "الرابط"),
    "language": ("language", "lang", "اللغة"),
    "publisher": ("publisher", "source", "المصدر"),
}
DELIMITERS = ",;\t|"


def choose_columns(header: list[str], mapping: dict[str, str]) -> tuple[dict[str, int], str | None]:
    """Field → column index, and an error when a mapped column is absent or no text found."""
    folded = {name.strip().lower(): i for i, name in enumerate(header)}
    chosen: dict[str, int] = {}
    for field, column in mapping.items():
        if column.strip().lower() not in folded:
            return {}, f"--map {field}={column}: no such column (columns: {', '.join(header)})"
        chosen[field] = folded[column.strip().lower()]
    for field, names in DEFAULT_COLUMNS.items():
        if field not in chosen:
            index = next((folded[n] for n in names if n in folded), None)
            if index is not None:
                chosen[field] = index
    if "text" not in chosen:
        return {}, (
            "no text column recognised; name one with --map text=COLUMN "
            f"(columns: {', '.join(header)})"
        )
    return chosen, None


def _dialect(sample: str) -> str:
    first = sample.split("\n", 1)[0]
    return max(DELIMITERS, key=first.count)


class CsvLists:
    name = "csv-list"
    version = "1"
    description = "CSV/TSV lists (NGO casualty lists, ACLED/UCDP-style tables); see --map"

    def sniff(self, item: InputItem) -> bool:
        head = item.head(4096)
        stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if not stripped or stripped[:1] in (b"{", b"[", b"<"):
            return False
        if item.suffix in (".csv", ".tsv"):
            return True
        first = stripped.split(b"\n", 1)[0]
        return any(first.count(d.encode()) >= 2 for d in DELIMITERS) and b"\n" in stripped

    def read(self, item: InputItem, options: ImportOptions) -> Iterator[ReportDraft | InputProblem]:
        # Rows are read one physical line at a time so each keeps its exact bytes; a quoted
        # field spanning lines joins the following lines until the quotes balance.
        with item.open() as stream:
            lines = _records(stream)
            try:
                first = next(lines)
            except StopIteration:
                yield InputProblem(item.label, "", "empty file")
                return
            try:
                header_text = decode(first[1], options.encoding)
            except DecodeError as exc:
                yield InputProblem(item.label, "line 1", str(exc))
                return
            delimiter = _dialect(header_text)
            header = next(csv.reader([header_text], delimiter=delimiter))
            columns, error = choose_columns(header, options.column_map)
            if error:
                yield InputProblem(item.label, "line 1", error, field="header")
                return
            for row_number, (line, raw) in enumerate(lines, start=1):
                yield self._row(item, options, header, columns, delimiter, row_number, line, raw)

    def _row(
        self,
        item: InputItem,
        options: ImportOptions,
        header: list[str],
        columns: dict[str, int],
        delimiter: str,
        row_number: int,
        line: int,
        raw: bytes,
    ) -> ReportDraft | InputProblem:
        position = f"row {row_number} (line {line})"
        try:
            text = decode(raw, options.encoding)
        except DecodeError as exc:
            return InputProblem(item.label, position, str(exc))
        try:
            values = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        except (csv.Error, StopIteration) as exc:
            return InputProblem(item.label, position, f"unreadable row: {exc}")
        if len(values) != len(header):
            return InputProblem(
                item.label, position, f"{len(values)} columns where the header has {len(header)}"
            )
        record = {field: values[i] for field, i in columns.items()}
        used = set(columns.values())
        extra: dict[str, Any] = {header[i]: v for i, v in enumerate(values) if i not in used}
        mapped = {f[9:]: v for f, v in record.items() if f.startswith("incident.")}
        if mapped:
            incident = parse_incident_fields(mapped, item.label, position)
            if isinstance(incident, InputProblem):
                return incident
            extra["incident"] = incident
        row_id = record.get("id", "").strip()
        if not row_id:
            # No id column: the row's values identify it, so a re-export dedupes.
            row_id = (
                "sha256:"
                + hashlib.sha256(json.dumps(values, ensure_ascii=False).encode()).hexdigest()
            )
        kind = record.get("kind") or options.kind or ReportKind.CASUALTY_LIST.value
        if kind not in ReportKind.__members__.values():
            return InputProblem(item.label, position, f"unknown kind {kind!r}", field="kind")
        return ReportDraft(
            external_id=row_id,
            text=record.get("text", ""),
            original=raw,
            original_media_type="text/csv",
            position=position,
            kind=ReportKind(kind),
            platform="list",
            publisher=record.get("publisher") or options.source_name or item.name.rsplit(".", 1)[0],
            published_at=record.get("published_at") or None,
            language=record.get("language") or None,
            url=record.get("url") or None,
            extra=extra,
        )


def _records(stream: Any) -> Iterator[tuple[int, bytes]]:
    """(first line number, raw bytes) of each CSV record; quoted newlines stay inside."""
    pending = b""
    start = 0
    for number, line in enumerate(stream, start=1):
        if not pending:
            start = number
        pending += line
        if pending.count(b'"') % 2 == 0:
            record = pending.rstrip(b"\r\n")
            pending = b""
            if record.strip():
                yield start, record
    if pending.strip():
        yield start, pending.rstrip(b"\r\n")


IMPORTER = CsvLists()
