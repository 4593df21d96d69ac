"""train(): u probabilities are the share of random pairs at each level, read from a
sample large enough to say so (not from Splink's early-stopping probe of a few rows)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from itertools import combinations

import numpy as np
import pytest

from strikewatch.link.features import LinkClaim, to_table
from strikewatch.link.model import train
from strikewatch.link.words import Vocabulary

TYPES = ("airstrike", "drone", "artillery", "missile", "ground")


def _claims(seed: int, n: int = 2400) -> list[LinkClaim]:
    """Claims of invented strikes: most name one strike type, some name several."""
    rng = np.random.default_rng(seed)
    claims = []
    for i in range(n):
        many = rng.random() < 0.06
        kinds = list(TYPES) if many else [TYPES[int(rng.integers(0, len(TYPES)))]]
        claims.append(
            LinkClaim(
                claim_id=i + 1,
                strike_date=date(2023, 1, 1) + timedelta(days=int(rng.integers(0, 300))),
                date_precision="day",
                latitude=None,
                longitude=None,
                geo_precision="admin1",
                place=None,
                admin1=("Aleppo", "Idlib", "Hama")[int(rng.integers(0, 3))],
                belligerents=["russia"],
                strike_type=kinds,
                words=["shelling", f"word{int(rng.integers(0, 50))}"],
            )
        )
    return claims


def _share_in_common(claims: list[LinkClaim]) -> float:
    """The exact share of all pairs of claims naming a strike type in common."""
    counts = Counter(frozenset(c.strike_type) for c in claims)
    kinds = list(counts)
    common = sum(counts[a] * (counts[a] - 1) / 2 for a in kinds)  # pairs of one kind
    common += sum(counts[a] * counts[b] for a, b in combinations(kinds, 2) if a & b)
    n = len(claims)
    return common / (n * (n - 1) / 2)


def _u_in_common(claims: list[LinkClaim]) -> float:
    model = train(to_table(claims), Vocabulary.count(c.words for c in claims))
    (strike_type,) = [c for c in model["comparisons"] if c["output_column_name"] == "strike_type"]
    return float(
        next(
            level["u_probability"]
            for level in strike_type["comparison_levels"]
            if level.get("label_for_charts") == "a strike type in common"
        )
    )


@pytest.mark.parametrize("seed", [0, 2])
def test_u_is_the_share_of_random_pairs_at_the_level(seed: int) -> None:
    # A million sampled pairs give the share within 0.02; the probe missed it by 0.05.
    claims = _claims(seed)
    assert abs(_u_in_common(claims) - _share_in_common(claims)) < 0.02
