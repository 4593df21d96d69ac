"""What the linker reads and keeps: linkable claims, embeddings, trained models."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, select, true, update

from strikewatch.store.database import Database
from strikewatch.store.schema import (
    Claim,
    ClaimEmbedding,
    ClaimTextFeatures,
    Declaration,
    LinkModel,
    Report,
)


@dataclass(frozen=True)
class StoredClaim:
    """A current claim of a current report, with what the linker needs of its report."""

    id: int
    report_id: int
    incident_id: int | None
    event_date: date | None
    date_precision: str
    place: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: str
    belligerents: list[str]
    strike_type: list[str]
    civilian_deaths_min: int | None
    civilian_deaths_max: int | None
    civilian_injuries_min: int | None
    civilian_injuries_max: int | None
    details: dict[str, Any]
    kind: str
    publisher: str | None
    is_harm_report: bool


_COLUMNS = (
    Claim.id,
    Claim.report_id,
    Claim.incident_id,
    Claim.event_date,
    Claim.date_precision,
    Claim.place,
    Claim.latitude,
    Claim.longitude,
    Claim.geo_precision,
    Claim.belligerents,
    Claim.strike_type,
    Claim.civilian_deaths_min,
    Claim.civilian_deaths_max,
    Claim.civilian_injuries_min,
    Claim.civilian_injuries_max,
    Claim.details,
    Report.kind,
    Report.publisher,
    Claim.is_harm_report,
)


def linkable_claims(
    database: Database,
    *,
    claim_ids: Sequence[int] | None = None,
    chunk: int = 5000,
    harm_only: bool = True,
    kinds: Collection[str] | None = None,
) -> list[StoredClaim]:
    """Current harm claims of current reports (those named, or all), in id order.

    ``harm_only=False`` with ``kinds`` gives a belligerent's strike statements, which
    declare strikes without alleging harm.
    """
    found: list[StoredClaim] = []
    last_id = 0
    with database.sessions() as session:
        while True:
            stmt = (
                select(*_COLUMNS)
                .join(Report, Claim.report_id == Report.id)
                .where(
                    Claim.is_current.is_(True),
                    Report.is_current.is_(True),
                    Claim.is_harm_report.is_(True) if harm_only else true(),
                    Claim.id > last_id,
                )
                .order_by(Claim.id)
                .limit(chunk)
            )
            if kinds is not None:
                stmt = stmt.where(Report.kind.in_(sorted(kinds)))
            if claim_ids is not None:
                stmt = stmt.where(Claim.id.in_(list(claim_ids)))
            rows = [StoredClaim(*row) for row in session.execute(stmt)]
            if not rows:
                return found
            found.extend(rows)
            last_id = rows[-1].id


def unlinked_claim_ids(database: Database) -> list[int]:
    """Current harm claims not yet in an incident."""
    with database.sessions() as session:
        return list(
            session.execute(
                select(Claim.id)
                .join(Report, Claim.report_id == Report.id)
                .where(
                    Claim.is_current.is_(True),
                    Report.is_current.is_(True),
                    Claim.is_harm_report.is_(True),
                    Claim.incident_id.is_(None),
                )
                .order_by(Claim.id)
            ).scalars()
        )


def claims_without_embedding(
    database: Database, model: str, claim_ids: Sequence[int], chunk: int = 500
) -> Iterator[list[tuple[int, str]]]:
    """(claim id, the text of its span) for the named claims with no stored embedding."""
    for start in range(0, len(claim_ids), chunk):
        wanted = list(claim_ids[start : start + chunk])
        with database.sessions() as session:
            done = set(
                session.execute(
                    select(ClaimEmbedding.claim_id).where(
                        ClaimEmbedding.claim_id.in_(wanted), ClaimEmbedding.model == model
                    )
                ).scalars()
            )
            missing = [i for i in wanted if i not in done]
            if not missing:
                continue
            rows = session.execute(
                select(Claim.id, Claim.span_start, Claim.span_end, Report.text)
                .join(Report, Claim.report_id == Report.id)
                .where(Claim.id.in_(missing))
            )
            yield [(claim_id, text[s or 0 : e]) for claim_id, s, e, text in rows]


def claim_texts(database: Database, claim_ids: Sequence[int]) -> dict[int, str]:
    """The text of each named claim's span in its report."""
    found: dict[int, str] = {}
    with database.sessions() as session:
        for start in range(0, len(claim_ids), 500):
            rows = session.execute(
                select(Claim.id, Claim.span_start, Claim.span_end, Report.text)
                .join(Report, Claim.report_id == Report.id)
                .where(Claim.id.in_(list(claim_ids[start : start + 500])))
            )
            found.update((i, text[s or 0 : e]) for i, s, e, text in rows)
    return found


def save_embeddings(database: Database, rows: Sequence[tuple[int, bytes]], model: str) -> None:
    with database.session() as session:
        session.execute(
            database.dialect.insert_ignoring_duplicates(ClaimEmbedding),
            [{"claim_id": i, "model": model, "vector": v} for i, v in rows],
        )


def load_embeddings(database: Database, claim_ids: Sequence[int]) -> dict[int, bytes]:
    found: dict[int, bytes] = {}
    with database.sessions() as session:
        for start in range(0, len(claim_ids), 5000):
            part = list(claim_ids[start : start + 5000])
            rows = session.execute(
                select(ClaimEmbedding.claim_id, ClaimEmbedding.vector).where(
                    ClaimEmbedding.claim_id.in_(part)
                )
            )
            found.update((claim_id, vector) for claim_id, vector in rows)
    return found


def load_text_features(
    database: Database, claim_ids: Sequence[int], version: str
) -> dict[int, tuple[list[str], str]]:
    """(victim-name keys, space-separated words) of the named claims stored under ``version``."""
    found: dict[int, tuple[list[str], str]] = {}
    with database.sessions() as session:
        for start in range(0, len(claim_ids), 5000):
            rows = session.execute(
                select(
                    ClaimTextFeatures.claim_id, ClaimTextFeatures.names, ClaimTextFeatures.words
                ).where(
                    ClaimTextFeatures.claim_id.in_(list(claim_ids[start : start + 5000])),
                    ClaimTextFeatures.version == version,
                )
            )
            found.update((claim_id, (list(names), words)) for claim_id, names, words in rows)
    return found


def save_text_features(
    database: Database, rows: Sequence[tuple[int, list[str], str]], version: str
) -> None:
    """Store each claim's features under ``version``, replacing any of an older version."""
    with database.session() as session:
        for start in range(0, len(rows), 5000):
            part = rows[start : start + 5000]
            session.execute(
                delete(ClaimTextFeatures).where(
                    ClaimTextFeatures.claim_id.in_([claim_id for claim_id, _, _ in part])
                )
            )
            # Two live runs may read one claim at once: the second one's rows are the same.
            session.execute(
                database.dialect.insert_ignoring_duplicates(ClaimTextFeatures),
                [
                    {"claim_id": i, "version": version, "names": names, "words": words}
                    for i, names, words in part
                ],
            )


def declared_claim_ids(database: Database) -> set[int]:
    """Claims of statements already matched to an incident as declared strikes."""
    with database.sessions() as session:
        return set(session.execute(select(Declaration.claim_id).distinct()).scalars())


def current_link_model(database: Database) -> LinkModel | None:
    with database.sessions() as session:
        return session.execute(
            select(LinkModel).where(LinkModel.is_current.is_(True)).order_by(LinkModel.id.desc())
        ).scalar()


def save_link_model(
    database: Database, engine: str, settings: dict[str, Any], trained_on: int
) -> int:
    """Store a trained model as the current one (earlier ones are kept)."""
    with database.session() as session:
        session.execute(update(LinkModel).values(is_current=False))
        model = LinkModel(engine=engine, settings=settings, trained_on=trained_on)
        session.add(model)
        session.flush()
        return model.id
