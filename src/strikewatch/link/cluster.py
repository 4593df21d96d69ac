"""Clusters of claims from scored pairs: connected components at a threshold.

A component whose dates spread wider than a strike's reports plausibly do (chaining
through claims without a date, or a run of strikes on one town on successive days) is
split at its weakest links, so one incident never swallows a week of strikes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from strikewatch.link.model import Pair

MAX_DATE_SPREAD_DAYS = 2
# Two groups are not joined when any scored pair between them is this unlikely: one strong
# link must not chain two strikes whose other reports plainly disagree.
VETO_PROBABILITY = 0.01


class _Components:
    """Union–find over claim ids, with path halving."""

    def __init__(self, ids: Iterable[int]) -> None:
        self.parent = {i: i for i in ids}

    def find(self, item: int) -> int:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)

    def groups(self) -> list[list[int]]:
        found: dict[int, list[int]] = defaultdict(list)
        for item in self.parent:
            found[self.find(item)].append(item)
        return sorted((sorted(g) for g in found.values()), key=lambda g: g[0])


def _spread(group: Sequence[int], dates: Mapping[int, date | None]) -> int:
    days = [d for d in (dates.get(i) for i in group) if d is not None]
    return (max(days) - min(days)).days if days else 0


def _vetoed(
    group_a: Sequence[int], group_b: Sequence[int], scored: Mapping[tuple[int, int], float]
) -> bool:
    for a in group_a:
        for b in group_b:
            probability = scored.get((min(a, b), max(a, b)))
            if probability is not None and probability < VETO_PROBABILITY:
                return True
    return False


def cluster(
    claim_ids: Iterable[int],
    pairs: Iterable[Pair],
    threshold: float,
    dates: Mapping[int, date | None] | None = None,
) -> list[list[int]]:
    """Groups of claim ids (each sorted, groups ordered by their smallest id).

    Edges are added strongest first; an edge that would join two groups into one whose
    dates spread more than MAX_DATE_SPREAD_DAYS is left out.
    """
    components = _Components(claim_ids)
    members: dict[int, list[int]] = {i: [i] for i in components.parent}
    pairs = list(pairs)
    scored = {(min(p.claim_a, p.claim_b), max(p.claim_a, p.claim_b)): p.probability for p in pairs}
    strong = sorted(
        (p for p in pairs if p.probability >= threshold),
        key=lambda p: (-p.probability, p.claim_a, p.claim_b),
    )
    for pair in strong:
        root_a, root_b = components.find(pair.claim_a), components.find(pair.claim_b)
        if root_a == root_b:
            continue
        joined = members[root_a] + members[root_b]
        if dates is not None and _spread(joined, dates) > MAX_DATE_SPREAD_DAYS:
            continue
        if _vetoed(members[root_a], members[root_b], scored):
            continue
        components.union(root_a, root_b)
        root = components.find(root_a)
        members[root] = joined
    return components.groups()
