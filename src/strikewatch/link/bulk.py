"""Bulk linking: embed, train (once, or on request), score, cluster, assign, queue doubts."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from strikewatch.link.assign import AssignSummary, Placement, assign
from strikewatch.link.cluster import cluster
from strikewatch.link.declared import match_declarations
from strikewatch.link.embedding import MODEL as EMBEDDING_MODEL
from strikewatch.link.embedding import embed, from_bytes, to_bytes
from strikewatch.link.engines import Engine
from strikewatch.link.features import PRECISE, LinkClaim, to_table
from strikewatch.link.model import (
    MATCH_THRESHOLD,
    REVIEW_THRESHOLD,
    Pair,
    fits,
    predict,
    projection_of,
    train,
    vocabulary_of,
)
from strikewatch.link.places import place_names
from strikewatch.link.projection import Projection
from strikewatch.link.review import queue_pairs
from strikewatch.link.text_features import TextFeatures, read, version
from strikewatch.link.words import Vocabulary
from strikewatch.normalise import fold_name
from strikewatch.store.database import Database
from strikewatch.store.links import (
    StoredClaim,
    claim_texts,
    claims_without_embedding,
    current_link_model,
    declared_claim_ids,
    linkable_claims,
    load_embeddings,
    load_text_features,
    save_embeddings,
    save_link_model,
    save_text_features,
)

Progress = Callable[[str], None]
DECLARATION_KINDS = frozenset({"military_statement"})


@dataclass
class LinkSummary:
    """What one linking run did."""

    claims: int = 0
    trained: bool = False
    model_id: int | None = None
    pairs: int = 0
    incidents: int = 0
    queued_for_review: int = 0
    declarations: int = 0
    declared_incidents: list[int] = field(default_factory=list)
    assigned: AssignSummary = field(default_factory=AssignSummary)

    @property
    def touched(self) -> list[int]:
        """Incidents this run created or changed (assessment reads them again)."""
        return sorted({*self.assigned.touched, *self.declared_incidents})


def ensure_embeddings(database: Database, claim_ids: Sequence[int]) -> None:
    """Compute and store the embedding of every named claim that has none."""
    for batch in claims_without_embedding(database, EMBEDDING_MODEL, claim_ids):
        vectors = embed([text for _, text in batch])
        save_embeddings(
            database,
            [(claim_id, to_bytes(v)) for (claim_id, _), v in zip(batch, vectors, strict=True)],
            EMBEDDING_MODEL,
        )


def _iso_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _clue(value: Any) -> int | None:
    weekday = value.get("weekday") if isinstance(value, dict) else None
    return weekday if isinstance(weekday, int) else None


def claim_places(claim: StoredClaim) -> list[str]:
    """The places a claim names: its precise place and those no gazetteer resolved."""
    unresolved = (claim.details or {}).get("unresolved_places") or ()
    return place_names(claim.place if claim.geo_precision in PRECISE else None, unresolved)


def link_claim(
    claim: StoredClaim, vector: bytes | None, text: TextFeatures | None = None
) -> LinkClaim:
    """The claim as the linker sees it; ``text``: what its span of the report says."""
    details = claim.details or {}
    text = text or TextFeatures()
    return LinkClaim(
        claim_id=claim.id,
        strike_date=claim.event_date,
        date_precision=claim.date_precision,
        latitude=claim.latitude,
        longitude=claim.longitude,
        geo_precision=claim.geo_precision,
        place=claim.place,
        admin1=details.get("admin1"),
        belligerents=claim.belligerents or [],
        strike_type=claim.strike_type or [],
        deaths=claim.civilian_deaths_max,
        kind=claim.kind,
        publisher=fold_name(claim.publisher) if claim.publisher else None,
        published=_iso_date(details.get("published")),
        clue=_clue(details.get("date_clue")),
        names=list(text.names),
        places=claim_places(claim),
        words=list(text.words),
        embedding=from_bytes(vector) if vector else None,
    )


def text_features(database: Database, claim_ids: Sequence[int]) -> dict[int, TextFeatures]:
    """Each claim's text features: stored ones, the others read from its span and stored."""
    rules = version()
    found = {
        claim_id: TextFeatures(tuple(names), tuple(words.split()))
        for claim_id, (names, words) in load_text_features(database, claim_ids, rules).items()
    }
    missing = [i for i in claim_ids if i not in found]
    for start in range(0, len(missing), 5000):
        texts = claim_texts(database, missing[start : start + 5000])
        read_now = {claim_id: read(text) for claim_id, text in texts.items()}
        save_text_features(
            database,
            [(i, list(f.names), " ".join(f.words)) for i, f in read_now.items()],
            rules,
        )
        found.update(read_now)
    return found


def link_claims(database: Database, claims: Sequence[StoredClaim]) -> list[LinkClaim]:
    """The claims as the linker sees them, with their stored embeddings and text features."""
    ids = [c.id for c in claims]
    vectors = load_embeddings(database, ids)
    features = text_features(database, ids)
    return [link_claim(c, vectors.get(c.id), features.get(c.id)) for c in claims]


def placements(groups: Sequence[Sequence[int]], pairs: Sequence[Pair]) -> dict[int, Placement]:
    """For each claim, its strongest link inside its group, in words."""
    group_of = {claim_id: i for i, g in enumerate(groups) for claim_id in g}
    best: dict[int, Pair] = {}
    for pair in pairs:
        if group_of.get(pair.claim_a) != group_of.get(pair.claim_b):
            continue
        for claim_id in (pair.claim_a, pair.claim_b):
            if claim_id not in best or pair.probability > best[claim_id].probability:
                best[claim_id] = pair
    found = {}
    for claim_id, pair in best.items():
        other = pair.claim_b if pair.claim_a == claim_id else pair.claim_a
        found[claim_id] = Placement(
            pair.probability,
            [f"matched claim {other} with probability {pair.probability:.3f}"]
            + [f"{name}: {level}" for name, level in pair.levels.items()],
        )
    return found


def assign_records(database: Database, records: Sequence[StoredClaim]) -> AssignSummary:
    """Published incident records: each is its own incident, never merged with others."""
    return assign(
        database,
        [[c.id] for c in records],
        {c.id: c for c in records},
        {c.id: Placement(None, ["a published incident record"]) for c in records},
        method="imported",
    )


def link_all(
    database: Database,
    engine: Engine,
    *,
    retrain: bool = False,
    progress: Progress | None = None,
) -> LinkSummary:
    """Cluster every current harm claim into incidents (bulk mode)."""
    summary = LinkSummary()
    stored = linkable_claims(database)
    imported = [c for c in stored if c.details.get("imported_incident")]
    stored = [c for c in stored if not c.details.get("imported_incident")]
    if imported:
        summary.assigned = assign_records(database, imported)
    witnesses = [c for c in stored if c.kind not in DECLARATION_KINDS]
    summary.claims = len(witnesses)
    if not witnesses:
        return summary
    say = progress or (lambda _message: None)
    say(f"embedding {len(stored)} claims")
    ensure_embeddings(database, [c.id for c in stored])
    claims = link_claims(database, witnesses)
    model_row = None if retrain else current_link_model(database)
    model: dict[str, Any]
    if model_row is None or not fits(model_row.settings):
        say("training the linkage model")
        vocabulary = Vocabulary.count(c.words for c in claims)
        projection = Projection.fit([c.embedding for c in claims])
        table = to_table(claims, vocabulary=vocabulary, projection=projection)
        model = train(table, vocabulary, projection)
        summary.model_id = save_link_model(database, engine.name, model, len(witnesses))
        summary.trained = True
    else:
        model, summary.model_id = model_row.settings, model_row.id
        table = to_table(claims, vocabulary=vocabulary_of(model), projection=projection_of(model))
    del claims  # their embeddings and words are in the table now: gigabytes at a million
    say("scoring pairs")
    scored = predict(engine, table, model)
    pairs = scored.pairs
    summary.pairs = len(pairs)
    facts = cluster_facts(witnesses)
    groups = cluster(
        [c.id for c in witnesses],
        pairs,
        MATCH_THRESHOLD,
        facts.dates,
        facts.points,
        scored.vetoes,
        places=facts.places,
    )
    say(f"writing {len(groups)} incidents")
    write_groups(database, summary, groups, {c.id: c for c in stored}, pairs, "bulk")
    match_statements(database, summary)
    return summary


@dataclass(frozen=True)
class ClusterFacts:
    """What clustering checks a join against: each claim's day, precise point, place names."""

    dates: dict[int, date | None]
    points: dict[int, tuple[float, float]]
    places: dict[int, list[str]]


def cluster_facts(claims: Sequence[StoredClaim]) -> ClusterFacts:
    """The facts of these claims (link_claim reads the same place names)."""
    return ClusterFacts(
        dates={c.id: c.event_date if c.date_precision == "day" else None for c in claims},
        points={
            c.id: (c.latitude, c.longitude)
            for c in claims
            if c.geo_precision in PRECISE and c.latitude is not None and c.longitude is not None
        },
        places={c.id: names for c in claims if (names := claim_places(c))},
    )


def write_groups(
    database: Database,
    summary: LinkSummary,
    groups: Sequence[Sequence[int]],
    claims: Mapping[int, StoredClaim],
    pairs: Sequence[Pair],
    method: str,
) -> None:
    """Store the groups as incidents and queue the doubtful pairs (bulk and live alike)."""
    assigned = assign(database, groups, claims, placements(groups, pairs), method=method)
    assigned.touched = sorted({*assigned.touched, *summary.assigned.touched})
    summary.assigned = assigned
    summary.incidents = len(groups)
    summary.queued_for_review = queue_pairs(database, pairs, groups, REVIEW_THRESHOLD)


def match_statements(database: Database, summary: LinkSummary, *, new_only: bool = False) -> None:
    """Match belligerents' statements to incidents (``new_only``: those not matched yet)."""
    # Statements declare strikes without alleging harm: read them whatever their claim says.
    statements = linkable_claims(database, kinds=DECLARATION_KINDS, harm_only=False)
    if new_only:
        matched = declared_claim_ids(database)
        statements = [c for c in statements if c.id not in matched]
    summary.declared_incidents = match_declarations(database, statements)
    summary.declarations = len(summary.declared_incidents)
