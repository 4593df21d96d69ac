"""Live linking: new claims join an existing incident or open one, without re-clustering.

Only the incidents near the new claims in time (or at the same place) are scored
against them with the stored model, so a report is placed in well under a second;
``link_all`` later reconciles, and any incident it changes keeps its history.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import or_, select

from strikewatch.link.bulk import (
    DECLARATION_KINDS,
    LinkSummary,
    assign_records,
    cluster_facts,
    ensure_embeddings,
    link_all,
    link_claims,
    match_statements,
    write_groups,
)
from strikewatch.link.cluster import cluster, compatible
from strikewatch.link.engines import Engine
from strikewatch.link.features import to_table
from strikewatch.link.model import (
    MATCH_THRESHOLD,
    Pair,
    fits,
    predict,
    projection_of,
    vocabulary_of,
)
from strikewatch.link.vetoes import Vetoes
from strikewatch.store.database import Database
from strikewatch.store.links import (
    StoredClaim,
    current_link_model,
    linkable_claims,
    unlinked_claim_ids,
)
from strikewatch.store.schema import Claim, Incident

WINDOW = timedelta(days=3)


def _neighbour_claim_ids(database: Database, new: Sequence[StoredClaim]) -> list[int]:
    """Claims of active incidents within the date window of a new claim, or at its place."""
    days = [c.event_date for c in new if c.event_date is not None]
    places = sorted({c.place for c in new if c.place})
    conditions = []
    if days:
        conditions.append(Incident.date.between(min(days) - WINDOW, max(days) + WINDOW))
    if places:
        conditions.append(Incident.place.in_(places))
    if not conditions:
        return []
    with database.sessions() as session:
        return list(
            session.execute(
                select(Claim.id)
                .join(Incident, Claim.incident_id == Incident.id)
                .where(Incident.is_active.is_(True), Claim.is_current.is_(True), or_(*conditions))
            ).scalars()
        )


def _near_in_time(day: date | None, days: Sequence[date]) -> bool:
    return day is None or any(abs((day - d).days) <= WINDOW.days for d in days)


def link_new(database: Database, engine: Engine) -> LinkSummary:
    """Place every unlinked harm claim; trains and clusters everything when no model exists."""
    model_row = current_link_model(database)
    if model_row is None or not fits(model_row.settings):
        return link_all(database, engine)
    summary = LinkSummary(model_id=model_row.id)
    fresh = linkable_claims(database, claim_ids=unlinked_claim_ids(database))
    records = [c for c in fresh if c.details.get("imported_incident")]
    if records:
        summary.assigned = assign_records(database, records)
    fresh = [c for c in fresh if not c.details.get("imported_incident")]
    new = [c for c in fresh if c.kind not in DECLARATION_KINDS]
    summary.claims = len(new)
    if new:
        known = linkable_claims(database, claim_ids=_neighbour_claim_ids(database, new))
        days = [c.event_date for c in new if c.event_date is not None]
        known = [c for c in known if _near_in_time(c.event_date, days) or c.place]
        everyone = [*new, *known]
        ensure_embeddings(database, [c.id for c in everyone])
        table = to_table(
            link_claims(database, everyone),
            vocabulary=vocabulary_of(model_row.settings),
            projection=projection_of(model_row.settings),
        )
        new_ids = {c.id for c in new}
        scored = predict(engine, table, model_row.settings)
        pairs = [p for p in scored.pairs if p.claim_a in new_ids or p.claim_b in new_ids]
        summary.pairs = len(pairs)
        groups = _groups(new, known, pairs, scored.vetoes)
        write_groups(database, summary, groups, {c.id: c for c in everyone}, pairs, "live")
    # A statement may come before the reports of its strike: unmatched ones are tried again.
    match_statements(database, summary, new_only=True)
    return summary


def _groups(
    new: Sequence[StoredClaim],
    known: Sequence[StoredClaim],
    pairs: Sequence[Pair],
    vetoes: Vetoes,
) -> list[list[int]]:
    """New claims grouped among themselves, each group joined to its best incident."""
    new_ids = {c.id for c in new}
    incident_of = {c.id: c.incident_id for c in known}
    facts = cluster_facts([*new, *known])
    dates, points, places = facts.dates, facts.points, facts.places
    among_new = [p for p in pairs if p.claim_a in new_ids and p.claim_b in new_ids]
    new_groups = cluster(
        sorted(new_ids), among_new, MATCH_THRESHOLD, dates, points, vetoes, places=places
    )
    members: dict[int, list[int]] = defaultdict(list)
    for claim in known:
        if claim.incident_id is not None:
            members[claim.incident_id].append(claim.id)
    # Each group's candidate incidents, strongest link first; the first one whose dates
    # and places the group fits is joined (the same rules as bulk clustering).
    offers: dict[int, list[tuple[float, int]]] = defaultdict(list)
    group_of = {claim_id: i for i, g in enumerate(new_groups) for claim_id in g}
    for pair in pairs:
        if pair.probability < MATCH_THRESHOLD:
            continue
        for mine, other in ((pair.claim_a, pair.claim_b), (pair.claim_b, pair.claim_a)):
            incident = incident_of.get(other)
            if mine in new_ids and incident is not None:
                offers[group_of[mine]].append((pair.probability, incident))
    groups = []
    for index, group in enumerate(new_groups):
        chosen = next(
            (
                incident
                for _, incident in sorted(offers[index], key=lambda o: (-o[0], o[1]))
                if compatible(group, members[incident], dates, points, places)
                and not vetoes.between(group, members[incident])
            ),
            None,
        )
        groups.append(sorted([*members[chosen], *group]) if chosen is not None else group)
    return _merge_shared(groups)


def _merge_shared(groups: list[list[int]]) -> list[list[int]]:
    """Two new groups that joined the same incident become one group."""
    merged: dict[int, set[int]] = {}
    owner: dict[int, int] = {}
    for index, group in enumerate(groups):
        target = next((owner[c] for c in group if c in owner), index)
        merged.setdefault(target, set()).update(group)
        for claim_id in group:
            owner[claim_id] = target
    return [sorted(g) for g in merged.values()]
