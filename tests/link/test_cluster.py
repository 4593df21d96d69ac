"""cluster(): connected components, split by the date-spread rule and the veto."""

from __future__ import annotations

from datetime import date, timedelta

import networkx as nx  # type: ignore[import-untyped]  # no stubs installed
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.link.cluster import MAX_DATE_SPREAD_DAYS, MAX_PLACE_KM, cluster
from strikewatch.link.model import VETO_PROBABILITY, Pair
from strikewatch.link.vetoes import Vetoes

THRESHOLD = 0.5


def pair(a: int, b: int, probability: float) -> Pair:
    return Pair(a, b, probability)


@st.composite
def graphs(draw: st.DrawFn) -> tuple[list[int], list[Pair]]:
    ids = sorted(draw(st.sets(st.integers(1, 60), min_size=1, max_size=25)))
    edges = draw(
        st.lists(
            st.tuples(
                st.sampled_from(ids),
                st.sampled_from(ids),
                # Never below the veto: only the threshold decides here.
                st.floats(VETO_PROBABILITY, 1.0),
            ),
            max_size=60,
        )
    )
    pairs = {}
    for a, b, p in edges:
        if a != b:
            pairs[(min(a, b), max(a, b))] = pair(min(a, b), max(a, b), p)
    return ids, list(pairs.values())


@settings(max_examples=150, deadline=None)
@given(graphs())
def test_cluster_is_connected_components_without_dates_or_veto(
    graph: tuple[list[int], list[Pair]],
) -> None:
    ids, pairs = graph
    reference = nx.Graph()
    reference.add_nodes_from(ids)
    reference.add_edges_from((p.claim_a, p.claim_b) for p in pairs if p.probability >= THRESHOLD)
    expected = sorted((sorted(c) for c in nx.connected_components(reference)), key=lambda g: g[0])
    assert cluster(ids, pairs, THRESHOLD) == expected
    # Dates that all fall on one day change nothing either.
    same_day = dict.fromkeys(ids, date(2023, 5, 1))
    assert cluster(ids, pairs, THRESHOLD, same_day) == expected


def test_date_spread_keeps_apart_strikes_on_successive_days() -> None:
    first = date(2023, 3, 1)
    # A chain 1-2-3-4-5, one day apart each: joined, it would span four days.
    dates = {i: first + timedelta(days=i - 1) for i in range(1, 6)}
    pairs = [pair(1, 2, 0.99), pair(2, 3, 0.98), pair(3, 4, 0.6), pair(4, 5, 0.97)]
    groups = cluster(range(1, 6), pairs, THRESHOLD, dates)
    for group in groups:
        days = [dates[i] for i in group]
        assert (max(days) - min(days)).days <= MAX_DATE_SPREAD_DAYS
    # The weakest link (3-4) is the one left out.
    assert groups == [[1, 2, 3], [4, 5]]
    # Without dates the chain is one component.
    assert cluster(range(1, 6), pairs, THRESHOLD) == [[1, 2, 3, 4, 5]]


def test_undated_claims_do_not_count_towards_the_spread() -> None:
    dates: dict[int, date | None] = {1: date(2023, 3, 1), 2: None, 3: date(2023, 3, 2)}
    assert cluster([1, 2, 3], [pair(1, 2, 0.9), pair(2, 3, 0.9)], THRESHOLD, dates) == [[1, 2, 3]]


def test_veto_keeps_apart_groups_with_a_very_unlikely_pair() -> None:
    # 1-2 and 3-4 are strong; 2-3 is strong too, but 1-4 plainly disagree.
    pairs = [pair(1, 2, 0.99), pair(3, 4, 0.99), pair(2, 3, 0.9)]
    assert cluster([1, 2, 3, 4], pairs, THRESHOLD) == [[1, 2, 3, 4]]
    vetoed = [*pairs, pair(1, 4, VETO_PROBABILITY / 2)]
    assert cluster([1, 2, 3, 4], vetoed, THRESHOLD) == [[1, 2], [3, 4]]
    # A pair just at the veto probability does not veto.
    kept = [*pairs, pair(4, 1, VETO_PROBABILITY)]
    assert cluster([1, 2, 3, 4], kept, THRESHOLD) == [[1, 2, 3, 4]]


def test_groups_at_far_apart_places_are_not_chained() -> None:
    # 1 and 2 name one town, 3 and 4 a town 30 km away; 5 names only the governorate and
    # links strongly to both. It joins the first group it meets, never both.
    town, other = (36.00, 36.60), (36.27, 36.60)  # ~30 km apart on a meridian
    points = {1: town, 2: town, 3: other, 4: other}
    pairs = [pair(1, 2, 0.99), pair(3, 4, 0.99), pair(1, 5, 0.95), pair(3, 5, 0.9)]
    assert cluster(range(1, 6), pairs, THRESHOLD) == [[1, 2, 3, 4, 5]]
    assert cluster(range(1, 6), pairs, THRESHOLD, None, points) == [[1, 2, 5], [3, 4]]
    # Places closer than MAX_PLACE_KM (a town and its outskirts) do not keep groups apart.
    near = (town[0] + (MAX_PLACE_KM - 2) / 111.2, town[1])
    close = {1: town, 2: town, 3: near, 4: near}
    assert cluster(range(1, 6), pairs, THRESHOLD, None, close) == [[1, 2, 3, 4, 5]]


def test_groups_naming_different_villages_are_not_chained() -> None:
    # 1-2 name one village no gazetteer holds, 3-4 another; 5 names only the governorate.
    places = {1: ["kafrdemo"], 2: ["kafrdemo"], 3: ["ainsample"], 4: ["ainsample"]}
    pairs = [pair(1, 2, 0.99), pair(3, 4, 0.99), pair(1, 5, 0.95), pair(3, 5, 0.9)]
    assert cluster(range(1, 6), pairs, THRESHOLD) == [[1, 2, 3, 4, 5]]
    assert cluster(range(1, 6), pairs, THRESHOLD, places=places) == [[1, 2, 5], [3, 4]]
    # One name in common (a report naming both villages) lets them meet ...
    shared = {**places, 3: ["ainsample", "kafrdemo"]}
    assert cluster(range(1, 6), pairs, THRESHOLD, places=shared) == [[1, 2, 3, 4, 5]]
    # ... and so do precise points near each other, whatever the names.
    town = (36.0, 36.6)
    points = {1: town, 3: (town[0] + 0.01, town[1])}
    assert cluster(range(1, 6), pairs, THRESHOLD, None, points, places=places) == [[1, 2, 3, 4, 5]]


def test_groups_naming_different_villages_on_one_day_may_join() -> None:
    # Reports of one day's raid on several villages are one incident to casualty
    # recorders: the names alone keep apart only groups that are not all of one day.
    places = {1: ["kafrdemo"], 2: ["kafrdemo"], 3: ["ainsample"], 4: ["ainsample"]}
    pairs = [pair(1, 2, 0.99), pair(3, 4, 0.99), pair(1, 5, 0.95), pair(3, 5, 0.9)]
    day = date(2024, 12, 1)
    one_day = dict.fromkeys(range(1, 6), day)
    assert cluster(range(1, 6), pairs, THRESHOLD, one_day, places=places) == [[1, 2, 3, 4, 5]]
    two_days = {**one_day, 3: day + timedelta(days=1), 4: day + timedelta(days=1)}
    found = cluster(range(1, 6), pairs, THRESHOLD, two_days, places=places)
    assert found == [[1, 2, 5], [3, 4]]
    # Undated groups are kept apart by their names as before.
    undated = {**one_day, 3: None, 4: None}
    found = cluster(range(1, 6), pairs, THRESHOLD, undated, places=places)
    assert found == [[1, 2, 5], [3, 4]]


def test_output_order_is_deterministic() -> None:
    pairs = [pair(9, 3, 0.9), pair(7, 8, 0.8), pair(5, 1, 0.7), pair(2, 6, 0.2)]
    expected = [[1, 5], [2], [3, 9], [4], [6], [7, 8]]
    assert cluster([9, 8, 7, 6, 5, 4, 3, 2, 1], pairs, THRESHOLD) == expected
    assert cluster([1, 2, 3, 4, 5, 6, 7, 8, 9], list(reversed(pairs)), THRESHOLD) == expected


def test_vetoes_given_apart_from_the_pairs() -> None:
    # The scorer hands over the very unlikely pairs as ids only (link/vetoes.py).
    pairs = [pair(1, 2, 0.99), pair(3, 4, 0.99), pair(2, 3, 0.9)]
    assert cluster([1, 2, 3, 4], pairs, THRESHOLD, vetoes=Vetoes([4], [1])) == [[1, 2], [3, 4]]
    assert cluster([1, 2, 3, 4], pairs, THRESHOLD, vetoes=Vetoes()) == [[1, 2, 3, 4]]


def test_vetoes_hold_each_pair_once_whichever_side_it_was_given() -> None:
    left = np.array([4, 1, 7, 4, 2], dtype=np.int64)
    right = np.array([1, 4, 3, 1, 9], dtype=np.int64)
    vetoes = Vetoes.from_arrays(left, right)
    assert len(vetoes) == 3 and list(vetoes.keys) == sorted(vetoes.keys)
    assert (1, 4) in vetoes and (4, 1) in vetoes and (3, 7) in vetoes and (2, 9) in vetoes
    assert (1, 2) not in vetoes and (4, 7) not in vetoes
    assert len(Vetoes([5, 5], [6, 6])) == 1


@settings(max_examples=100, deadline=None)
@given(
    st.sets(st.tuples(st.integers(1, 2**31 - 1), st.integers(1, 2**31 - 1)), max_size=30),
    st.lists(st.integers(1, 2**31 - 1), min_size=1, max_size=5),
    st.lists(st.integers(1, 2**31 - 1), min_size=1, max_size=5),
)
def test_vetoes_between_is_set_membership(
    vetoed: set[tuple[int, int]], group_a: list[int], group_b: list[int]
) -> None:
    found = Vetoes((a for a, _ in vetoed), (b for _, b in vetoed))
    keys = {(min(a, b), max(a, b)) for a, b in vetoed}
    expected = any((min(a, b), max(a, b)) in keys for a in group_a for b in group_b)
    assert found.between(group_a, group_b) == expected
    assert len(found) == len(keys)
    assert all((b, a) in found for a, b in vetoed)
