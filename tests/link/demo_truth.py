"""The demo corpus' ground truth, keyed as stored reports are: (input file, external id)."""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import select, true

from strikewatch.demo import demo_paths
from strikewatch.store.database import Database
from strikewatch.store.schema import Claim, Report

Key = tuple[str, str]


def _root() -> Path:
    return demo_paths()[0].parent


def _file_key(path: Path) -> str:
    relative = path.relative_to(_root()).as_posix()
    return "pages" if relative.startswith("pages/") else relative


@cache
def file_by_sha256() -> dict[str, str]:
    return {
        hashlib.sha256(p.read_bytes()).hexdigest(): _file_key(p)
        for p in _root().rglob("*")
        if p.is_file()
    }


@cache
def strikes() -> dict[str, dict[str, object]]:
    lines = (_root().parent / "truth" / "strikes.jsonl").read_text(encoding="utf-8")
    return {d["id"]: d for d in map(json.loads, lines.splitlines())}


@cache
def strikes_of() -> dict[Key, frozenset[str]]:
    """The invented strikes each report tells (several for the digest)."""
    found: dict[Key, set[str]] = {}
    for strike in strikes().values():
        reports = strike["reports"]
        assert isinstance(reports, dict)
        for file, ids in reports.items():
            for external_id in ids:
                found.setdefault((file, external_id), set()).add(str(strike["id"]))
    return {k: frozenset(v) for k, v in found.items()}


@dataclass(frozen=True)
class StoredClaimRow:
    claim_id: int
    key: Key
    kind: str
    incident_id: int | None


def current_claims(database: Database, *, harm_only: bool = True) -> list[StoredClaimRow]:
    """Every current (harm) claim of a current report, with its report's truth key."""
    files = file_by_sha256()
    with database.sessions() as session:
        rows = session.execute(
            select(
                Claim.id,
                Report.origin_file_sha256,
                Report.external_id,
                Report.kind,
                Claim.incident_id,
            )
            .join(Report, Claim.report_id == Report.id)
            .where(
                Claim.is_current.is_(True),
                Report.is_current.is_(True),
                Claim.is_harm_report.is_(True) if harm_only else true(),
            )
            .order_by(Claim.id)
        ).all()
    return [
        StoredClaimRow(claim_id, (files.get(sha or "", "?"), external_id), kind, incident_id)
        for claim_id, sha, external_id, kind, incident_id in rows
    ]


def scored_items(claims: Sequence[StoredClaimRow]) -> list[tuple[str, int]]:
    """(true strike, incident) of each witness claim of exactly one strike, in an incident."""
    items = []
    for claim in claims:
        told = strikes_of().get(claim.key)
        if not told or len(told) != 1 or claim.kind == "military_statement":
            continue  # noise, the digest, and declarations are not witnesses of one strike
        if claim.incident_id is not None:
            items.append((next(iter(told)), claim.incident_id))
    return items


def pairwise_f1(items: Sequence[tuple[str, int]]) -> float:
    tp = fp = fn = 0
    for (truth_a, found_a), (truth_b, found_b) in itertools.combinations(items, 2):
        same_truth, same_found = truth_a == truth_b, found_a == found_b
        tp += same_truth and same_found
        fp += same_found and not same_truth
        fn += same_truth and not same_found
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return 2 * precision * recall / max(1e-9, precision + recall)


def bcubed_f1(items: Sequence[tuple[str, int]]) -> float:
    precision = recall = 0.0
    for truth, found in items:
        same_found = [t for t, f in items if f == found]
        same_truth = [f for t, f in items if t == truth]
        both = sum(1 for t in same_found if t == truth)
        precision += both / len(same_found)
        recall += both / len(same_truth)
    precision, recall = precision / len(items), recall / len(items)
    return 2 * precision * recall / (precision + recall)
