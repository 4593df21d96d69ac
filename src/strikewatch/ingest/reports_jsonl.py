"""The generic reports JSON Lines format (interfaces.md, ``--format reports``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from strikewatch.errors import InputProblem
from strikewatch.ingest.decoding import DecodeError, decode, iter_lines, json_problem
from strikewatch.ingest.inputs import InputItem
from strikewatch.ingest.registry import ImportOptions
from strikewatch.model import ReportDraft, ReportKind, Visibility

KNOWN = {
    "id",
    "text",
    "kind",
    "platform",
    "publisher",
    "published_at",
    "language",
    "url",
    "visibility",
}
KINDS = {k.value for k in ReportKind}


class ReportsJsonl:
    name = "reports"
    version = "1"
    description = "reports JSON Lines: one report object per line (interfaces.md)"

    def sniff(self, item: InputItem) -> bool:
        head = item.head().lstrip(b"\xef\xbb\xbf \t\r\n")
        if not head.startswith(b"{"):
            return False
        first, newline, _ = head.partition(b"\n")
        if newline:  # a whole first line: it must be one report object
            try:
                record = json.loads(first)
            except (ValueError, UnicodeDecodeError):
                return False
            return isinstance(record, dict) and "id" in record and "text" in record
        return b'"id"' in first and b'"text"' in first and b'"messages"' not in first

    def read(self, item: InputItem, options: ImportOptions) -> Iterator[ReportDraft | InputProblem]:
        with item.open() as stream:
            for number, raw in iter_lines(stream):
                if not raw.strip():
                    continue
                yield parse_line(item.label, number, raw, options)


def _problem(label: str, number: int, reason: str, field: str | None = None) -> InputProblem:
    return InputProblem(label, f"line {number}", reason, field=field)


def parse_line(
    label: str, number: int, raw: bytes, options: ImportOptions
) -> ReportDraft | InputProblem:
    """One line to a draft, or the problem that stops it."""
    try:
        text = decode(raw, options.encoding)
    except DecodeError as exc:
        return _problem(label, number, str(exc))
    try:
        record: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        return _problem(label, number, json_problem(exc, text))
    if not isinstance(record, dict):
        return _problem(label, number, f"expected a JSON object, got {type(record).__name__}")
    for name in ("id", "text"):
        if name not in record or record[name] is None:
            return _problem(label, number, "required field missing", field=name)
    if isinstance(record["id"], int | float) and not isinstance(record["id"], bool):
        record["id"] = str(record["id"])  # numeric ids are common in exports; keep their digits
    for name in ("id", "text", *[k for k in KNOWN if k in record and record[k] is not None]):
        if not isinstance(record[name], str):
            return _problem(
                label, number, f"must be a string, got {type(record[name]).__name__}", field=name
            )
    if not record["id"].strip():
        return _problem(label, number, "must not be empty", field="id")
    kind = record.get("kind") or options.kind or ReportKind.OTHER.value
    if kind not in KINDS:
        return _problem(
            label, number, f"unknown kind {kind!r}; one of {', '.join(sorted(KINDS))}", field="kind"
        )
    visibility = record.get("visibility") or Visibility.PUBLIC.value
    if visibility not in {v.value for v in Visibility}:
        return _problem(label, number, "must be 'public' or 'private'", field="visibility")
    return ReportDraft(
        external_id=record["id"],
        text=record["text"],
        original=raw,
        position=f"line {number}",
        kind=ReportKind(kind),
        platform=record.get("platform"),
        publisher=record.get("publisher") or options.source_name,
        published_at=record.get("published_at"),
        language=record.get("language"),
        url=record.get("url"),
        extra={k: v for k, v in record.items() if k not in KNOWN},
        original_media_type="application/json",
        visibility=Visibility(visibility),
    )


IMPORTER = ReportsJsonl()
