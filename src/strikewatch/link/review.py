"""The review queue: pairs the model is unsure about, for an analyst to decide."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from strikewatch.link.model import MATCH_THRESHOLD, Pair
from strikewatch.store.database import Database
from strikewatch.store.schema import ReviewItem


def _doubtful(pair: Pair, group_of: dict[int, int], review_threshold: float) -> bool:
    apart = group_of.get(pair.claim_a) != group_of.get(pair.claim_b)
    # A middle-band pair left apart, or a strong pair the date rule kept apart.
    return apart and (pair.probability >= review_threshold)


def queue_pairs(
    database: Database,
    pairs: Sequence[Pair],
    groups: Sequence[Sequence[int]],
    review_threshold: float,
) -> int:
    """Add the doubtful pairs not yet queued; returns how many were added.

    One item per two groups left apart, their strongest pair: an analyst decides whether
    two incidents are one, not each of the dozens of report pairs between them.
    """
    group_of = {claim_id: i for i, g in enumerate(groups) for claim_id in g}
    strongest: dict[tuple[int, int], Pair] = {}
    for pair in pairs:
        if not _doubtful(pair, group_of, review_threshold):
            continue
        a, b = group_of.get(pair.claim_a, -pair.claim_a), group_of.get(pair.claim_b, -pair.claim_b)
        key = (min(a, b), max(a, b))
        if key not in strongest or pair.probability > strongest[key].probability:
            strongest[key] = pair
    rows = [
        {
            "claim_a_id": min(p.claim_a, p.claim_b),
            "claim_b_id": max(p.claim_a, p.claim_b),
            "probability": p.probability,
            "reasons": [
                "strong match kept apart by the date or place rule or a veto"
                if p.probability >= MATCH_THRESHOLD
                else "match probability in the review band"
            ]
            + [f"{name}: {level}" for name, level in p.levels.items()],
            "status": "open",
        }
        for p in strongest.values()
    ]
    if not rows:
        return 0
    with database.session() as session:
        count = select(func.count()).select_from(ReviewItem)
        before = session.scalar(count) or 0
        session.execute(database.dialect.insert_ignoring_duplicates(ReviewItem), rows)
        after = session.scalar(count) or 0
    return after - before


@dataclass(frozen=True)
class ReviewEntry:
    id: int
    claim_a_id: int
    claim_b_id: int
    probability: float
    reasons: list[str]
    status: str
    created_at: datetime


def review_items(database: Database, *, status: str | None = "open") -> list[ReviewEntry]:
    """Queued pairs, most probable first."""
    stmt = select(ReviewItem).order_by(ReviewItem.probability.desc(), ReviewItem.id)
    if status is not None:
        stmt = stmt.where(ReviewItem.status == status)
    with database.sessions() as session:
        return [
            ReviewEntry(
                r.id,
                r.claim_a_id,
                r.claim_b_id,
                r.probability,
                list(r.reasons or []),
                r.status,
                r.created_at,
            )
            for r in session.execute(stmt).scalars()
        ]
