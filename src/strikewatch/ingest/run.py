"""Run an import: archive the collected file, read it, store reports in batches.

Each batch is one transaction, so an interrupted import keeps every finished batch and
a second run of the same command stores only what is missing (dedupe makes it a no-op
for the rest).
"""

from __future__ import annotations

import getpass
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import update

from strikewatch.errors import FormatError, InputProblem
from strikewatch.ingest.inputs import InputItem, expand
from strikewatch.ingest.language import detect_languages
from strikewatch.ingest.registry import Importer, ImportOptions, detect, get_importer
from strikewatch.model import ReportDraft, ReportKind
from strikewatch.store.archive import EvidenceArchive
from strikewatch.store.database import Database
from strikewatch.store.interrupts import deferred_interrupts
from strikewatch.store.reports import BatchResult, Outcome, PreparedReport, ReportWriter
from strikewatch.store.schema import CollectedFile, CustodyEvent, ImportProblem, ImportRun

Progress = Callable[[int], None]
KEEP_PROBLEMS = 1000  # problems kept in memory for display; all are stored in the database


@dataclass
class FileSummary:
    """What one import of one file did."""

    label: str
    importer: str | None
    stored: int = 0
    duplicates: int = 0
    new_versions: int = 0
    rejected: int = 0
    warnings: int = 0
    skipped: bool = False
    problems: list[InputProblem] = field(default_factory=list)

    def count(self, problem: InputProblem) -> None:
        if problem.severity == "error":
            self.rejected += 1
        else:
            self.warnings += 1
        if len(self.problems) < KEEP_PROBLEMS:
            self.problems.append(problem)


@dataclass
class IngestSummary:
    files: list[FileSummary] = field(default_factory=list)

    def total(self, name: str) -> int:
        return sum(int(getattr(f, name)) for f in self.files)

    @property
    def ok(self) -> bool:
        return self.total("rejected") == 0


def normalise_published_at(draft: ReportDraft, label: str) -> InputProblem | None:
    """Keep an ISO 8601 ``published_at``; move anything else to ``extra`` with a warning."""
    value = draft.published_at
    if value is None:
        return None
    value = value.strip()
    try:
        if len(value) == 10:
            date.fromisoformat(value)
        else:
            datetime.fromisoformat(value)
    except ValueError:
        draft.extra["published_at_raw"] = value
        draft.published_at = None
        return InputProblem(
            label,
            draft.position,
            "not an ISO 8601 date; kept as published_at_raw for the date extractor",
            field="published_at",
            severity="warning",
        )
    draft.published_at = value
    return None


def _language(value: str | None) -> str | None:
    if value is None or not value.strip() or value.strip().lower() in {"und", "unknown"}:
        return None
    return value.strip().lower()


class Ingestor:
    """Imports paths into one database and evidence archive."""

    def __init__(
        self, database: Database, *, collector: str | None = None, progress: Progress | None = None
    ) -> None:
        self.database = database
        self.archive = EvidenceArchive(database.settings.archive_dir)
        self.collector = collector or collector_name()
        self.progress = progress
        self.batch_size = database.settings.batch_size

    def ingest(
        self, paths: Iterable[Path], fmt: str | None = None, options: ImportOptions | None = None
    ) -> IngestSummary:
        """Import every path; problems are reported in the summary, never raised."""
        options = options or ImportOptions()
        if options.kind is not None and options.kind not in {k.value for k in ReportKind}:
            raise FormatError(
                f"unknown kind {options.kind!r}; one of " + ", ".join(k.value for k in ReportKind)
            )
        forced = get_importer(fmt) if fmt else None
        summary = IngestSummary()
        for path in paths:
            explicit_file = path.is_file()
            try:
                items = list(expand(path))
            except FormatError as exc:
                failed = FileSummary(str(path), None)
                failed.count(InputProblem(str(path), "", str(exc).removeprefix(f"{path}: ")))
                summary.files.append(failed)
                continue
            for item in items:
                summary.files.append(self._ingest_item(item, forced, options, explicit_file))
        return summary

    def _choose(
        self, item: InputItem, forced: Importer | None, explicit_file: bool
    ) -> Importer | None:
        if forced is not None and ((explicit_file and item.member is None) or forced.sniff(item)):
            return forced
        return detect(item) if forced is None else None

    def _ingest_item(
        self, item: InputItem, forced: Importer | None, options: ImportOptions, explicit_file: bool
    ) -> FileSummary:
        try:
            importer = self._choose(item, forced, explicit_file)
        except OSError as exc:
            failed = FileSummary(item.label, None)
            failed.count(InputProblem(item.label, "", f"cannot read: {exc.strerror or exc}"))
            return failed
        if importer is None:
            summary = FileSummary(item.label, None, skipped=not explicit_file)
            if explicit_file:
                summary.count(
                    InputProblem(
                        item.label, "", "no known format recognised; name one with --format"
                    )
                )
            return summary
        summary = FileSummary(item.label, importer.name)
        file_sha = self._collect(item.collected)
        run_id = self._start_run(importer, item, file_sha)
        writer = ReportWriter(
            self.database, run_id=run_id, file_label=item.label, file_sha256=file_sha
        )
        status = "interrupted"
        try:
            with deferred_interrupts() as checkpoint:
                for batch, problems in _batches(
                    importer.read(item, options), self.batch_size, item.label
                ):
                    for problem in problems:
                        summary.count(problem)
                    result = writer.write(self._prepare(batch)) if batch else BatchResult()
                    for problem in result.problems:
                        summary.count(problem)
                    self._tally(summary, result)
                    self._record_problems(run_id, [*problems, *result.problems])
                    if self.progress is not None:
                        self.progress(len(batch) + sum(p.severity == "error" for p in problems))
                    checkpoint()  # Ctrl-C takes effect here, with this batch stored
            status = "completed"
            summary.problems.sort(key=_position_order)
        except OSError as exc:
            status = "failed"
            summary.count(InputProblem(item.label, "", f"read failed: {exc.strerror or exc}"))
        finally:
            self._finish_run(run_id, summary, status)
        return summary

    @staticmethod
    def _tally(summary: FileSummary, result: BatchResult) -> None:
        for outcome in result.outcomes:
            if outcome is Outcome.STORED:
                summary.stored += 1
            elif outcome is Outcome.DUPLICATE:
                summary.duplicates += 1
            elif outcome is Outcome.NEW_VERSION:
                summary.new_versions += 1

    @staticmethod
    def _prepare(batch: list[ReportDraft]) -> list[PreparedReport]:
        given = [_language(d.language) for d in batch]
        missing = [i for i, lang in enumerate(given) if lang is None]
        detected = detect_languages([batch[i].text for i in missing]) if missing else []
        found = dict(zip(missing, detected, strict=True))
        return [
            PreparedReport(d, given[i] if given[i] else found.get(i), given[i] is None)
            for i, d in enumerate(batch)
        ]

    def _collect(self, path: Path) -> str:
        archived = self.archive.store_file(path)
        with self.database.session() as session:
            session.execute(
                self.database.dialect.insert_ignoring_duplicates(CollectedFile),
                [
                    {
                        "sha256": archived.sha256,
                        "size": archived.size,
                        "archive_path": archived.relative_path,
                        "first_seen_as": str(path),
                        "collected_at": datetime.now(UTC),
                    }
                ],
            )
        return archived.sha256

    def _start_run(self, importer: Importer, item: InputItem, file_sha: str) -> int:
        with self.database.session() as session:
            run = ImportRun(
                importer=importer.name,
                importer_version=importer.version,
                collector=self.collector,
                path=item.label,
                file_sha256=file_sha,
            )
            session.add(run)
            session.flush()
            session.add(
                CustodyEvent(
                    action="collected",
                    actor=self.collector,
                    file_sha256=file_sha,
                    import_run_id=run.id,
                    details={"path": item.label, "importer": importer.name},
                )
            )
            return run.id

    def _record_problems(self, run_id: int, problems: list[InputProblem]) -> None:
        if not problems:
            return
        with self.database.session() as session:
            session.add_all(
                ImportProblem(
                    run_id=run_id,
                    file=p.file,
                    position=p.position,
                    field=p.field,
                    reason=p.reason,
                    severity=p.severity,
                )
                for p in problems
            )

    def _finish_run(self, run_id: int, summary: FileSummary, status: str) -> None:
        with self.database.session() as session:
            session.execute(
                update(ImportRun)
                .where(ImportRun.id == run_id)
                .values(
                    status=status,
                    finished_at=datetime.now(UTC),
                    stored=summary.stored,
                    duplicates=summary.duplicates,
                    new_versions=summary.new_versions,
                    rejected=summary.rejected,
                    warnings=summary.warnings,
                )
            )


def _batches(
    records: Iterator[ReportDraft | InputProblem], size: int, label: str
) -> Iterator[tuple[list[ReportDraft], list[InputProblem]]]:
    batch: list[ReportDraft] = []
    problems: list[InputProblem] = []
    for record in records:
        if isinstance(record, InputProblem):
            problems.append(record)
            continue
        warning = normalise_published_at(record, label)
        if warning is not None:
            problems.append(warning)
        batch.append(record)
        if len(batch) >= size:
            yield batch, problems
            batch, problems = [], []
    if batch or problems:
        yield batch, problems


def _position_order(problem: InputProblem) -> tuple[str, list[int | str]]:
    """Sort 'line 10' after 'line 9'."""
    parts = re.split(r"(\d+)", problem.position)
    return problem.file, [int(p) if p.isdigit() else p for p in parts]


def collector_name() -> str:
    """Who runs this import: the operating-system user, marked as the command line."""
    try:
        return f"{getpass.getuser()} (cli)"
    except (KeyError, OSError):
        return "unknown (cli)"


def ingest_paths(
    database: Database,
    paths: Iterable[Path],
    fmt: str | None = None,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
) -> IngestSummary:
    """Import files, folders or zips; the library entry behind ``strikewatch ingest``."""
    return Ingestor(database, progress=progress).ingest(paths, fmt, options)
