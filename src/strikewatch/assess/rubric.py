"""The versioned grading rubric: which grade an incident earns from its evidence, and why.

Pure functions over an incident's claims and declared strikes; the rules' parameters
live in ``rubric.toml`` so the rule in force can be shown and changed without code.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from strikewatch.extract.relevance import repetition_key
from strikewatch.link.features import FAMILY
from strikewatch.model import Grade
from strikewatch.store.incident_claims import (
    PRIVATE_LABEL,
    ClaimEvidence,
    DeclarationEvidence,
    public_name,
    public_publisher,
)


@dataclass(frozen=True)
class Rubric:
    version: str
    credible_kinds: frozenset[str]
    fair_sources: int
    outlier_factor: float
    grades: dict[str, str]
    allied: tuple[frozenset[str], ...] = ()
    dispute_share: float = 0.3
    competing_share: float = 0.0


@lru_cache(maxsize=1)
def rubric() -> Rubric:
    """The rubric shipped in rubric.toml."""
    raw: dict[str, Any] = tomllib.loads(
        files("strikewatch.assess").joinpath("rubric.toml").read_text(encoding="utf-8")
    )
    return Rubric(
        version=str(raw["version"]),
        credible_kinds=frozenset(raw["credible_kinds"]),
        fair_sources=int(raw["fair_sources"]),
        outlier_factor=float(raw["outlier_factor"]),
        grades=dict(raw["grades"]),
        allied=tuple(frozenset(pair) for pair in raw.get("allied", [])),
        dispute_share=float(raw.get("dispute_share", 0.3)),
        competing_share=float(raw.get("competing_share", 0.0)),
    )


@dataclass(frozen=True)
class Assessment:
    """An incident's grade, strike status and the reasons for both."""

    grade: Grade
    strike_status: str
    independent_sources: int
    reasons: list[str]
    rubric_version: str


def _is_repost(claim: ClaimEvidence) -> bool:
    extra = claim.report_extra
    return bool(extra.get("retweet_of") or extra.get("forwarded_from"))


def independent_sources(claims: Sequence[ClaimEvidence], rules: Rubric) -> list[str]:
    """Publishers that count as independent sources (reposts and copies left out)."""
    seen_texts: set[str] = set()
    publishers: list[str] = []
    for claim in claims:
        if claim.kind not in rules.credible_kinds or _is_repost(claim):
            continue
        start, end = claim.span
        key = repetition_key(claim.text[start or 0 : end])
        publisher = claim.publisher or f"{claim.platform or claim.kind}:{claim.external_id}"
        if claim.visibility != "public":
            # Counted, never named: a private source's identity stays out of reasons.
            publisher = f"{PRIVATE_LABEL} ({claim.claim_id})"
        if key in seen_texts or publisher in publishers:
            continue
        seen_texts.add(key)
        publishers.append(publisher)
    return publishers


def named_families(claims: Sequence[ClaimEvidence]) -> dict[str, int]:
    """Belligerent families alleged by the incident's claims, with how many claims each.

    Context partners count: where regime forces and Russian aircraft both struck the same
    front, a strike the reports lay on one of them is competing attribution, as Airwars
    grades it ("Russia or the regime"). Attribution inferred only from who holds the area
    (no belligerent named in the report) does not count.
    """
    counts: dict[str, int] = {}
    for claim in claims:
        context = set(claim.details.get("context_belligerents") or [])
        if claim.details.get("attribution_inferred") and set(claim.belligerents) <= context:
            continue  # nothing named: only who holds the area
        for family in {FAMILY.get(b, b) for b in claim.belligerents}:
            if family != "unknown":
                counts[family] = counts.get(family, 0) + 1
    return counts


def competing_families(families: dict[str, int], rules: Rubric) -> tuple[set[str], list[str]]:
    """The families that compete for the attribution, and those too rarely alleged to.

    A family alleged by fewer than ``competing_share`` as many claims as the leading one
    is a minority reading (often a party named beside the strike, not as its author): it
    is reported in the reasons but does not contest the attribution.
    """
    if not families:
        return set(), []
    leading = max(families.values())
    minor = sorted(f for f, n in families.items() if n < rules.competing_share * leading)
    competing = set(families) - set(minor)
    for allies in rules.allied:
        if allies <= competing:
            competing -= allies
            competing.add(" and ".join(sorted(allies)))
    return competing, minor


def _only_combatants(claims: Sequence[ClaimEvidence]) -> bool:
    harmed = [c for c in claims if c.civilian_deaths[1] or c.civilian_injuries[1]]
    fighters = [c for c in claims if (c.details.get("combatant_deaths_max") or 0) > 0]
    return bool(fighters) and not harmed


def _published_grade(claims: Sequence[ClaimEvidence]) -> Assessment | None:
    """An incident made from a published record keeps the publisher's grade."""
    if len(claims) != 1 or not claims[0].details.get("imported_incident"):
        return None
    record = claims[0].details["imported_incident"]
    if record.get("grade") is None:
        return None
    publisher = public_publisher(claims[0])
    return Assessment(
        Grade(record["grade"]),
        str(record.get("strike_status") or ""),
        1,
        [f"grade as published by {publisher} (record {public_name(claims[0])})"],
        f"published:{publisher}"[:32],
    )


def assess(
    claims: Sequence[ClaimEvidence],
    declarations: Sequence[DeclarationEvidence] = (),
    rules: Rubric | None = None,
) -> Assessment:
    """Grade one incident from its claims and the declared strikes matched to it."""
    rules = rules or rubric()
    published = _published_grade(claims)
    if published is not None:
        return published
    sources = independent_sources(claims, rules)
    families = named_families(claims)
    competing, minor = competing_families(families, rules)
    doubts = [c for c in claims if c.details.get("attribution_disputed")]
    disputed = doubts if len(doubts) >= rules.dispute_share * len(claims) else []
    admitted = [d for d in declarations if d.admits_civilian_harm]
    named = [PRIVATE_LABEL if s.startswith(PRIVATE_LABEL) else s for s in sources[:5]]
    reasons = [f"{len(sources)} independent credible source(s): " + ", ".join(named)]
    if minor:
        reasons.append(
            "minority attribution, not competing: "
            + ", ".join(f"{f} ({families[f]} of {len(claims)} claims)" for f in minor)
        )
    if declarations:
        reasons.append(
            "declared strike by " + ", ".join(sorted({d.belligerent or "?" for d in declarations}))
        )
    if admitted:
        grade = Grade.CONFIRMED
        reasons.append("the belligerent's statement admits civilian harm")
    elif _only_combatants(claims):
        grade = Grade.DISCOUNTED
        reasons.append("the reports describe combatant deaths and no civilian harm")
    elif len(competing) > 1 or disputed:
        grade = Grade.CONTESTED
        if len(competing) > 1:
            reasons.append(
                "competing attributions: "
                + ", ".join(f"{f} ({n})" for f, n in sorted(families.items()) if f not in minor)
            )
        if disputed:
            reasons.append(f"{len(disputed)} report(s) dispute the attribution")
    elif len(sources) >= rules.fair_sources:
        grade = Grade.FAIR
        reasons.append(f"at least {rules.fair_sources} independent sources agree")
    else:
        grade = Grade.WEAK
        reasons.append("a single source")
    status = (
        "declared strike"
        if declarations
        else "contested strike"
        if grade is Grade.CONTESTED
        else "single source claim"
        if len(sources) < rules.fair_sources
        else "likely strike"
    )
    return Assessment(grade, status, len(sources), reasons, rules.version)
