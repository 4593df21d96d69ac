"""Clusters of claims from scored pairs: connected components at a threshold.

A component whose dates spread wider than a strike's reports plausibly do (chaining
through claims without a date, or a run of strikes on one town on successive days) is
split at its weakest links, so one incident never swallows a week of strikes. Two groups
that each name precise places none of which lie near the other's are not joined either:
reports naming only a governorate would otherwise chain the strikes on several of its
towns into one incident. The same holds for the place names groups give, resolved or not
(``places``): two groups that each name places, none in common and no two of their
precise points near, tell of strikes on different villages, unless every dated claim of
both is of one day: casualty recorders count one day's raid on neighbouring villages as
one incident (on the development corpus, letting such groups meet raised pairwise F1
0.540 -> 0.555 and B-cubed 0.670 -> 0.681; letting them meet across points more than
MAX_PLACE_KM apart too lost 0.024 of pairwise F1).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date

from strikewatch.gazetteer import distance_km
from strikewatch.link.model import VETO_PROBABILITY, Pair
from strikewatch.link.vetoes import Vetoes

MAX_DATE_SPREAD_DAYS = 2
# Reports of one strike name places this close at most (a town and its outskirts, or
# neighbouring villages hit in one raid).
MAX_PLACE_KM = 12.0


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


def _dated(group: Sequence[int], dates: Mapping[int, date | None] | None) -> bool:
    return dates is not None and any(dates.get(i) is not None for i in group)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return distance_km(a[0], a[1], b[0], b[1])


def _apart(
    group_a: Sequence[int], group_b: Sequence[int], points: Mapping[int, tuple[float, float]]
) -> bool:
    """Whether both groups name precise places and none of one's lies near the other's."""
    here = {points[i] for i in group_a if i in points}
    there = {points[i] for i in group_b if i in points}
    if not here or not there:
        return False
    return all(_km(a, b) > MAX_PLACE_KM for a in here for b in there)


def _named_apart(
    group_a: Sequence[int],
    group_b: Sequence[int],
    places: Mapping[int, Collection[str]],
    points: Mapping[int, tuple[float, float]] | None,
) -> bool:
    """Whether both groups name places, none in common, and no precise points are near."""
    here = {name for i in group_a for name in places.get(i, ())}
    there = {name for i in group_b for name in places.get(i, ())}
    if not here or not there or here & there:
        return False
    near = points is not None and any(
        _km(points[a], points[b]) <= MAX_PLACE_KM
        for a in group_a
        if a in points
        for b in group_b
        if b in points
    )
    return not near


def compatible(
    group_a: Sequence[int],
    group_b: Sequence[int],
    dates: Mapping[int, date | None] | None,
    points: Mapping[int, tuple[float, float]] | None,
    places: Mapping[int, Collection[str]] | None = None,
) -> bool:
    """Whether two groups may be one incident: dates close enough and places not apart
    (names alone do not keep apart two groups of one day)."""
    spread = _spread([*group_a, *group_b], dates) if dates is not None else None
    if spread is not None and spread > MAX_DATE_SPREAD_DAYS:
        return False
    if points and _apart(group_a, group_b, points):
        return False
    same_day = spread == 0 and _dated(group_a, dates) and _dated(group_b, dates)
    return same_day or not (places and _named_apart(group_a, group_b, places, points))


def cluster(
    claim_ids: Iterable[int],
    pairs: Iterable[Pair],
    threshold: float,
    dates: Mapping[int, date | None] | None = None,
    points: Mapping[int, tuple[float, float]] | None = None,
    vetoes: Vetoes | None = None,
    places: Mapping[int, Collection[str]] | None = None,
) -> list[list[int]]:
    """Groups of claim ids (each sorted, groups ordered by their smallest id).

    Edges are added strongest first; an edge that would join two groups into one whose
    dates spread more than MAX_DATE_SPREAD_DAYS, or two groups whose precise ``points``
    all lie more than MAX_PLACE_KM apart, or two groups naming ``places`` none of which
    they share (and no points near), or two groups with a pair in ``vetoes`` (by default
    the given pairs below VETO_PROBABILITY), is left out.
    """
    components = _Components(claim_ids)
    members: dict[int, list[int]] = {i: [i] for i in components.parent}
    pairs = list(pairs)
    if vetoes is None:
        unlikely = [p for p in pairs if p.probability < VETO_PROBABILITY]
        vetoes = Vetoes((p.claim_a for p in unlikely), (p.claim_b for p in unlikely))
    strong = sorted(
        (p for p in pairs if p.probability >= threshold),
        key=lambda p: (-p.probability, p.claim_a, p.claim_b),
    )
    for pair in strong:
        root_a, root_b = components.find(pair.claim_a), components.find(pair.claim_b)
        if root_a == root_b:
            continue
        joined = members[root_a] + members[root_b]
        if not compatible(members[root_a], members[root_b], dates, points, places):
            continue
        if vetoes.between(members[root_a], members[root_b]):
            continue
        components.union(root_a, root_b)
        root = components.find(root_a)
        members[root] = joined
    return components.groups()
