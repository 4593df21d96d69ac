"""select_page(): the column masks admit exactly what Selection.admits does, page by page."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.publish.formats import PrivateNames
from strikewatch.web.index import SORTS, Selection, Snapshot, select_page

BELLIGERENTS = ["russia", "syrian-regime", "turkey", "israel"]
GRADES = ["fair", "weak", "contested", None]


def snapshot(count: int, seed: int) -> Snapshot:
    rng = random.Random(seed)
    items: list[dict[str, Any]] = []
    for n in range(1, count + 1):
        dated = rng.random() < 0.9
        placed = rng.random() < 0.8
        items.append(
            {
                "id": f"SW-{n:06d}",
                "date": (date(2020, 1, 1) + timedelta(days=rng.randrange(900))).isoformat()
                if dated
                else None,
                "grade": rng.choice(GRADES),
                "belligerents": rng.sample(BELLIGERENTS, rng.randrange(3)),
                "latitude": rng.uniform(32, 37) if placed else None,
                "longitude": rng.uniform(35, 42) if placed else None,
                "civilian_deaths_max": rng.choice([None, 0, 1, 3, 12]),
                "updated_at": f"2024-01-{rng.randrange(1, 28):02d}T00:00:00",
            }
        )
    return Snapshot(
        items, {i["id"]: i for i in items}, {}, "v", PrivateNames(frozenset(), None), False
    )


def reference(snap: Snapshot, selection: Selection, sort: str) -> list[str]:
    return [
        public_id for _, public_id, n in snap.sort_keys(sort) if selection.admits(snap.items[n])
    ]


selections = st.builds(
    Selection,
    belligerents=st.lists(st.sampled_from(BELLIGERENTS), max_size=2),
    grades=st.lists(st.sampled_from(["fair", "weak", "contested", "ungraded"]), max_size=2),
    since=st.none() | st.dates(date(2019, 6, 1), date(2022, 12, 31)),
    until=st.none() | st.dates(date(2019, 6, 1), date(2022, 12, 31)),
    bbox=st.none() | st.just((36.0, 33.0, 40.0, 36.0)),
)
SNAPSHOT = snapshot(300, 4)


@settings(max_examples=120, deadline=None)
@given(selections, st.sampled_from(SORTS), st.integers(1, 40))
def test_pages_follow_the_reference_filter(selection: Selection, sort: str, limit: int) -> None:
    expected = reference(SNAPSHOT, selection, sort)
    seen: list[str] = []
    after = None
    for _ in range(400):
        page, last = select_page(SNAPSHOT, selection, sort, limit, after)
        assert len(page) <= limit
        seen += [i["id"] for i in page]
        if last is None:
            break
        assert len(page) == limit and last[1] == page[-1]["id"]
        after = last
    assert seen == expected
