"""Write reports in batches: dedupe, version edits, keep originals. Read them back."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import select, tuple_, update
from sqlalchemy.orm import Session

from strikewatch.errors import InputProblem
from strikewatch.model import ReportDraft, Visibility
from strikewatch.store.database import Database
from strikewatch.store.schema import Evidence, Report, Source


class Outcome(StrEnum):
    STORED = "stored"
    DUPLICATE = "duplicate"  # same source, id and content: a no-op
    NEW_VERSION = "new_version"  # same source and id, changed content: an edit
    REJECTED = "rejected"


@dataclass
class PreparedReport:
    """A draft plus what the ingest stage decided about it (language)."""

    draft: ReportDraft
    language: str | None
    language_detected: bool


@dataclass
class BatchResult:
    outcomes: list[Outcome] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)


@dataclass
class _Existing:
    """The current version of a stored report, and the content of all its versions."""

    id: int
    version: int
    content_sha256: str
    import_run_id: int | None
    origin_position: str | None
    known_contents: set[str] = field(default_factory=set)


class ReportWriter:
    """Stores batches of reports for one import run."""

    def __init__(
        self, database: Database, *, run_id: int, file_label: str, file_sha256: str | None
    ) -> None:
        self.database = database
        self.run_id = run_id
        self.file_label = file_label
        self.file_sha256 = file_sha256
        self._sources: dict[tuple[str, str], int] = {}
        # Ids already met in this file: a repeat is a duplicate or a conflict, not an edit.
        self._seen: dict[int, int] = {}

    def write(self, batch: Sequence[PreparedReport]) -> BatchResult:
        """Store one batch in one transaction; the outcome list follows the batch order."""
        result = BatchResult()
        with self.database.session() as session:
            source_ids = [self._source_id(session, p.draft.source_key()) for p in batch]
            existing = self._current_versions(session, batch, source_ids)
            evidence_rows: dict[str, dict[str, Any]] = {}
            report_rows: list[dict[str, Any]] = []
            superseded: list[int] = []
            for prepared, source_id in zip(batch, source_ids, strict=True):
                draft = prepared.draft
                key = (source_id, draft.external_id)
                content = draft.content_sha256()
                outcome, problem = self._check_repeat(key, content, draft, existing.get(key))
                if outcome is not None:
                    result.outcomes.append(outcome)
                    if problem is not None:
                        result.problems.append(problem)
                    continue
                previous = existing.get(key)
                if previous is not None and content in previous.known_contents:
                    # Same as the current version, or as an earlier one: a re-import of an
                    # older export must not turn history back.
                    result.outcomes.append(Outcome.DUPLICATE)
                    continue
                version = previous.version + 1 if previous else 1
                row = self._report_row(prepared, source_id, version, content)
                row["supersedes_id"] = previous.id if previous and previous.id > 0 else None
                evidence_rows[draft.original_sha256] = {
                    "sha256": draft.original_sha256,
                    "data": draft.original,
                    "size": len(draft.original),
                    "media_type": draft.original_media_type,
                    "exact": draft.original_exact,
                }
                if previous is not None and previous.id > 0:
                    superseded.append(previous.id)
                report_rows.append(row)
                result.outcomes.append(Outcome.NEW_VERSION if previous else Outcome.STORED)
                # Later records in the same batch must see this one as the current version.
                known = previous.known_contents if previous else set()
                existing[key] = _Existing(
                    -1, version, content, self.run_id, draft.position, known | {content}
                )
            if evidence_rows:
                session.execute(
                    self.database.dialect.insert_ignoring_duplicates(Evidence),
                    list(evidence_rows.values()),
                )
            if superseded:
                session.execute(
                    update(Report).where(Report.id.in_(superseded)).values(is_current=False)
                )
            if report_rows:
                self._insert_reports(session, report_rows)
        return result

    def _check_repeat(
        self, key: tuple[int, str], content: str, draft: ReportDraft, stored: _Existing | None
    ) -> tuple[Outcome | None, InputProblem | None]:
        """Decide about an id this file already had; (None, None) when it is new here.

        Only two machine integers per id are kept (hash of the key, 60 bits of the
        content hash), so memory stays flat however large the records are.
        """
        digest = hash(key)
        fingerprint = int(content[:15], 16)
        seen = self._seen.get(digest)
        if seen is None or draft.edit_of is not None:
            self._seen[digest] = fingerprint
            return None, None
        first = (
            stored.origin_position
            if stored is not None and stored.import_run_id == self.run_id
            else "an earlier record of this file"
        )
        if seen == fingerprint:
            return Outcome.DUPLICATE, InputProblem(
                self.file_label,
                draft.position,
                f"same record as {first}: stored once",
                field="id",
                severity="warning",
            )
        return Outcome.REJECTED, InputProblem(
            self.file_label,
            draft.position,
            f"duplicate id {draft.external_id!r} (first at {first}) with different "
            "content: rejected",
            field="id",
        )

    def _insert_reports(self, session: Session, rows: list[dict[str, Any]]) -> None:
        # Rows superseding a row of this same batch need that row's id: insert in order.
        pending = [r for r in rows if r["supersedes_id"] is not None or r["version"] == 1]
        chained = [r for r in rows if r["supersedes_id"] is None and r["version"] > 1]
        session.execute(Report.__table__.insert(), pending)  # type: ignore[attr-defined]
        for row in chained:
            prior = session.execute(
                select(Report.id).where(
                    Report.source_id == row["source_id"],
                    Report.external_id == row["external_id"],
                    Report.version == row["version"] - 1,
                )
            ).scalar_one()
            session.execute(update(Report).where(Report.id == prior).values(is_current=False))
            session.execute(
                Report.__table__.insert(),  # type: ignore[attr-defined]
                [{**row, "supersedes_id": prior}],
            )

    def _report_row(
        self, prepared: PreparedReport, source_id: int, version: int, content: str
    ) -> dict[str, Any]:
        draft = prepared.draft
        extra = dict(draft.extra)
        if draft.edited_at:
            extra.setdefault("edited_at", draft.edited_at)
        return {
            "source_id": source_id,
            "external_id": draft.external_id,
            "version": version,
            "is_current": True,
            "content_sha256": content,
            "evidence_sha256": draft.original_sha256,
            "kind": str(draft.kind),
            "platform": draft.platform,
            "publisher": draft.publisher,
            "published_at": draft.published_at,
            "language": prepared.language,
            "language_detected": prepared.language_detected,
            "url": draft.url,
            "text": draft.text,
            "extra": extra,
            "visibility": str(draft.visibility),
            "field_reporter_id": None,
            "import_run_id": self.run_id,
            "origin_file_sha256": self.file_sha256,
            "origin_position": draft.position,
        }

    def _source_id(self, session: Session, key: tuple[str, str]) -> int:
        cached = self._sources.get(key)
        if cached is not None:
            return cached
        platform, publisher = key
        stmt = self.database.dialect.insert_ignoring_duplicates(Source)
        session.execute(stmt, [{"platform": platform, "publisher": publisher}])
        source_id = session.execute(
            select(Source.id).where(Source.platform == platform, Source.publisher == publisher)
        ).scalar_one()
        self._sources[key] = source_id
        return source_id

    @staticmethod
    def _current_versions(
        session: Session, batch: Sequence[PreparedReport], source_ids: Sequence[int]
    ) -> dict[tuple[int, str], _Existing]:
        keys = {(s, p.draft.external_id) for s, p in zip(source_ids, batch, strict=True)}
        found: dict[tuple[int, str], _Existing] = {}
        if not keys:
            return found
        rows = session.execute(
            select(
                Report.source_id,
                Report.external_id,
                Report.id,
                Report.version,
                Report.content_sha256,
                Report.import_run_id,
                Report.origin_position,
                Report.is_current,
            ).where(tuple_(Report.source_id, Report.external_id).in_(list(keys)))
        )
        contents: dict[tuple[int, str], set[str]] = {}
        for row in rows:
            key = (row.source_id, row.external_id)
            contents.setdefault(key, set()).add(row.content_sha256)
            if row.is_current:
                found[key] = _Existing(
                    row.id,
                    row.version,
                    row.content_sha256,
                    row.import_run_id,
                    row.origin_position,
                )
        for key, existing in found.items():
            existing.known_contents = contents[key]
        return found


def iter_reports(
    database: Database,
    *,
    include_private: bool = False,
    current_only: bool = True,
    chunk: int = 2000,
) -> Iterator[Report]:
    """Stored reports in ingest order, a chunk at a time (memory stays flat)."""
    last_id = 0
    while True:
        with database.sessions() as session:
            stmt = select(Report).where(Report.id > last_id).order_by(Report.id).limit(chunk)
            if current_only:
                stmt = stmt.where(Report.is_current.is_(True))
            if not include_private:
                stmt = stmt.where(Report.visibility == str(Visibility.PUBLIC))
            rows = list(session.execute(stmt).scalars())
        if not rows:
            return
        yield from rows
        last_id = rows[-1].id
