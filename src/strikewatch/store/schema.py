"""SQLAlchemy models: the ground floor every stage stores into.

Design rules that later stages rely on:
- originals are immutable and content-addressed (``evidence``, ``collected_files``);
- reports are versioned: an edit is a new row that ``supersedes`` the old one;
- claims and incidents are versioned too, and every change leaves a snapshot in
  ``record_versions``, so an analyst's correction never overwrites history;
- a field reporter's identity is a sealed blob the server cannot open.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

JSONType = JSON().with_variant(JSONB(), "postgresql")

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSONType, list[Any]: JSONType}


class Source(Base):
    """A publisher on a platform: an X account, a Telegram channel, a feed, an NGO list."""

    __tablename__ = "sources"
    __table_args__ = (UniqueConstraint("platform", "publisher"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(64))
    publisher: Mapped[str] = mapped_column(String(512))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CollectedFile(Base):
    """A file as collected, archived byte for byte under its SHA-256."""

    __tablename__ = "collected_files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    archive_path: Mapped[str] = mapped_column(String(256))
    first_seen_as: Mapped[str] = mapped_column(Text)
    collected_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Evidence(Base):
    """The original bytes of one report (a JSON line, a feed entry, a page)."""

    __tablename__ = "evidence"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(128))
    # False when the format allows no byte-exact slice: then ``data`` serialises the
    # parsed record and the collected file holds the exact bytes.
    exact: Mapped[bool] = mapped_column(Boolean, default=True)


class ImportRun(Base):
    """One ``ingest`` of one file: who, when, with which importer, and what came of it."""

    __tablename__ = "import_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(16), default="running")
    importer: Mapped[str] = mapped_column(String(64))
    importer_version: Mapped[str] = mapped_column(String(32))
    collector: Mapped[str] = mapped_column(String(128))
    path: Mapped[str] = mapped_column(Text)
    file_sha256: Mapped[str | None] = mapped_column(ForeignKey("collected_files.sha256"))
    stored: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    new_versions: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)


class ImportProblem(Base):
    """A record an import rejected or doubted, with where and why."""

    __tablename__ = "import_problems"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("import_runs.id"), index=True)
    file: Mapped[str] = mapped_column(Text)
    position: Mapped[str] = mapped_column(String(256))
    field: Mapped[str | None] = mapped_column(String(128))
    reason: Mapped[str] = mapped_column(Text)
    severity: Mapped[str] = mapped_column(String(16))


class FieldReporter(Base):
    """A person in the field network, known to the server only by pseudonym.

    ``identity_sealed`` is sealed to the vault's public key (libsodium sealed box):
    the server stores it and cannot open it.
    """

    __tablename__ = "field_reporters"

    id: Mapped[int] = mapped_column(primary_key=True)
    pseudonym: Mapped[str] = mapped_column(String(64), unique=True)
    identity_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Report(Base):
    """One version of one report. An edit adds a row; nothing is overwritten."""

    __tablename__ = "reports"
    __table_args__ = (
        UniqueConstraint("source_id", "external_id", "version"),
        Index("ix_reports_current", "source_id", "external_id", "is_current"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    external_id: Mapped[str] = mapped_column(String(512))
    version: Mapped[int] = mapped_column(Integer, default=1)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id"))
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    content_sha256: Mapped[str] = mapped_column(String(64))
    evidence_sha256: Mapped[str] = mapped_column(ForeignKey("evidence.sha256"))
    kind: Mapped[str] = mapped_column(String(32))
    platform: Mapped[str | None] = mapped_column(String(64))
    publisher: Mapped[str | None] = mapped_column(String(512))
    published_at: Mapped[str | None] = mapped_column(String(64))
    language: Mapped[str | None] = mapped_column(String(16))
    language_detected: Mapped[bool] = mapped_column(Boolean, default=False)
    url: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)
    visibility: Mapped[str] = mapped_column(String(16), default="public", index=True)
    field_reporter_id: Mapped[int | None] = mapped_column(ForeignKey("field_reporters.id"))
    import_run_id: Mapped[int | None] = mapped_column(ForeignKey("import_runs.id"))
    origin_file_sha256: Mapped[str | None] = mapped_column(String(64))
    origin_position: Mapped[str | None] = mapped_column(String(256))
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    processed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    # The text as extraction compares it for repeats (page chrome captured many times);
    # "" for an empty text, null until processing first reads the report.
    text_key: Mapped[str | None] = mapped_column(String(32), index=True)


class CustodyEvent(Base):
    """A handling of evidence after collection (Berkeley Protocol chain of custody)."""

    __tablename__ = "custody_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    action: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(128))
    report_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id"), index=True)
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    import_run_id: Mapped[int | None] = mapped_column(ForeignKey("import_runs.id"))
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Incident(Base):
    """A strike that harmed civilians, as all its reports together allege it."""

    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    date: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str] = mapped_column(String(16), default="unknown")
    place: Mapped[str | None] = mapped_column(String(256))
    place_ar: Mapped[str | None] = mapped_column(String(256))
    admin1: Mapped[str | None] = mapped_column(String(128))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[str] = mapped_column(String(16), default="unknown")
    belligerents: Mapped[list[Any]] = mapped_column(default=list)
    attribution: Mapped[str | None] = mapped_column(String(16))
    strike_type: Mapped[list[Any]] = mapped_column(default=list)
    grade: Mapped[str | None] = mapped_column(String(16))
    rubric_version: Mapped[str | None] = mapped_column(String(32))
    civilian_deaths_min: Mapped[int | None] = mapped_column(Integer)
    civilian_deaths_max: Mapped[int | None] = mapped_column(Integer)
    civilian_injuries_min: Mapped[int | None] = mapped_column(Integer)
    civilian_injuries_max: Mapped[int | None] = mapped_column(Integer)
    children_killed_min: Mapped[int | None] = mapped_column(Integer)
    children_killed_max: Mapped[int | None] = mapped_column(Integer)
    women_killed_min: Mapped[int | None] = mapped_column(Integer)
    women_killed_max: Mapped[int | None] = mapped_column(Integer)
    reasons: Mapped[list[Any]] = mapped_column(default=list)
    # Who the attribution rests on: "declared strike", "likely strike", "contested strike",
    # "single source claim" (Airwars' strike status), kept apart from the grade.
    strike_status: Mapped[str | None] = mapped_column(String(32))
    # How many of the incident's claims back each summary value: {"date": [agree, of], ...}.
    support: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # False once every claim has left it (merged into another incident); kept for history.
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Claim(Base):
    """What one report (or one span of a digest) alleges about one strike."""

    __tablename__ = "claims"
    __table_args__ = (UniqueConstraint("report_id", "ordinal", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer, default=0)  # n-th event of a digest
    version: Mapped[int] = mapped_column(Integer, default=1)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"), index=True)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    is_harm_report: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str | None] = mapped_column(String(16))
    event_date: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str] = mapped_column(String(16), default="unknown")
    place: Mapped[str | None] = mapped_column(String(256))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[str] = mapped_column(String(16), default="unknown")
    belligerents: Mapped[list[Any]] = mapped_column(default=list)
    strike_type: Mapped[list[Any]] = mapped_column(default=list)
    civilian_deaths_min: Mapped[int | None] = mapped_column(Integer)
    civilian_deaths_max: Mapped[int | None] = mapped_column(Integer)
    civilian_injuries_min: Mapped[int | None] = mapped_column(Integer)
    civilian_injuries_max: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    extractor_version: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RecordVersion(Base):
    """A snapshot of a claim or incident before a change: who changed it, when and why."""

    __tablename__ = "record_versions"
    __table_args__ = (Index("ix_record_versions_entity", "entity", "entity_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column()
    changed_by: Mapped[str] = mapped_column(String(128))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    reason: Mapped[str | None] = mapped_column(Text)


class LinkModel(Base):
    """A trained linkage model (Splink settings with m and u), reused until retrained."""

    __tablename__ = "link_models"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    engine: Mapped[str] = mapped_column(String(16))
    settings: Mapped[dict[str, Any]] = mapped_column()
    trained_on: Mapped[int] = mapped_column(Integer)  # claims in the training data
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)


class LinkEvent(Base):
    """A claim put into (or moved to) an incident: by what, with what probability, why."""

    __tablename__ = "link_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"), index=True)
    from_incident_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"))
    to_incident_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"), index=True)
    method: Mapped[str] = mapped_column(String(16))  # bulk, live, analyst
    probability: Mapped[float | None] = mapped_column(Float)
    reasons: Mapped[list[Any]] = mapped_column(default=list)


class ReviewItem(Base):
    """A pair of claims the model is unsure about, waiting for an analyst."""

    __tablename__ = "review_queue"
    __table_args__ = (UniqueConstraint("claim_a_id", "claim_b_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    claim_a_id: Mapped[int] = mapped_column(ForeignKey("claims.id"))
    claim_b_id: Mapped[int] = mapped_column(ForeignKey("claims.id"))
    probability: Mapped[float] = mapped_column(Float)
    reasons: Mapped[list[Any]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    decided_by: Mapped[str | None] = mapped_column(String(128))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Declaration(Base):
    """A belligerent's own statement of a strike, matched to an incident (declared strike)."""

    __tablename__ = "declarations"
    __table_args__ = (UniqueConstraint("claim_id", "incident_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"), index=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    belligerent: Mapped[str | None] = mapped_column(String(32))
    probability: Mapped[float] = mapped_column(Float)
    reasons: Mapped[list[Any]] = mapped_column(default=list)
    # Did the statement admit civilian harm in this strike (makes the incident confirmed)?
    admits_civilian_harm: Mapped[bool] = mapped_column(Boolean, default=False)


class ClaimEmbedding(Base):
    """A claim's multilingual sentence embedding, computed once and reused by the linker."""

    __tablename__ = "claim_embeddings"

    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"), primary_key=True)
    model: Mapped[str] = mapped_column(String(64))
    vector: Mapped[bytes] = mapped_column(LargeBinary)  # float32, little-endian


class ClaimTextFeatures(Base):
    """What the linker read from a claim's text (victim names, words), under a rules version."""

    __tablename__ = "claim_text_features"

    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"), primary_key=True)
    version: Mapped[str] = mapped_column(String(64))
    names: Mapped[list[Any]] = mapped_column(default=list)
    words: Mapped[str] = mapped_column(Text, default="")  # space-separated, in text order


class UserPlace(Base):
    """A place an analyst added to the gazetteer (villages are in no package)."""

    __tablename__ = "gazetteer_places"
    __table_args__ = (UniqueConstraint("name", "admin1", "country"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(256))
    name_ar: Mapped[str | None] = mapped_column(String(256))
    admin1: Mapped[str | None] = mapped_column(String(128))
    admin2: Mapped[str | None] = mapped_column(String(128))
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    precision: Mapped[str] = mapped_column(String(16), default="place")
    country: Mapped[str] = mapped_column(String(2))
    alternate_names: Mapped[list[Any]] = mapped_column(default=list)
    added_by: Mapped[str] = mapped_column(String(128))
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
