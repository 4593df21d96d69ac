"""One trained model, two engines: DuckDB and Spark (local[2]) score and cluster alike."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from strikewatch.link.cluster import cluster
from strikewatch.link.embedding import DIMENSIONS
from strikewatch.link.engines import DuckDBEngine, SparkEngine
from strikewatch.link.features import LinkClaim, to_table
from strikewatch.link.model import MATCH_THRESHOLD, Pair, predict, train

pytestmark = pytest.mark.spark

# Invented places (name, governorate, latitude, longitude).
PLACES = [
    ("Tell Demo", "Aleppo", 36.40, 37.10),
    ("Kafr Sample", "Idlib", 35.70, 36.60),
    ("Ain Example", "Ar-Raqqah", 36.20, 38.90),
    ("Deir Mock", "Deir ez-Zor", 35.10, 40.30),
    ("Jisr Invented", "Idlib", 35.90, 36.40),
    ("Hamlet Test", "Hama", 35.20, 36.70),
]
BELLIGERENTS = [["russia"], ["turkey"], ["united-states"], ["syrian-regime"]]
PUBLISHERS = ["monitor one", "outlet two", "page three", None]
GENERIC = ["shelling", "civilians", "injured", "killed", "houses", "morning", "aircraft"]


def synthetic_claims(strikes: int = 60, seed: int = 7) -> list[LinkClaim]:
    """About 200 claims: 1-6 reports a strike, jittered dates, counts and text vectors."""
    rng = np.random.default_rng(seed)
    claims: list[LinkClaim] = []
    start = date(2023, 1, 1)
    for strike in range(strikes):
        name, admin1, lat, lon = PLACES[strike % len(PLACES)]
        day = start + timedelta(days=int(rng.integers(0, 90)))
        topic = rng.normal(size=DIMENSIONS)
        deaths = int(rng.integers(1, 20))
        # Each strike has its own rare words (a quarter, a family) among generic ones, and
        # some name a victim or a village no gazetteer holds.
        own = [f"quarter{strike}", f"family{strike}", f"target{strike % 7}"]
        victim = [f"victim{strike}|family{strike}"] if strike % 3 == 0 else []
        village = [f"hamlet{strike % 11}"] if strike % 2 == 0 else []
        for _ in range(int(rng.integers(1, 7))):
            words = [str(w) for w in rng.choice(GENERIC, 4)] + own[: int(rng.integers(1, 4))]
            vector = topic + rng.normal(scale=0.8, size=DIMENSIONS)
            unit = np.asarray(vector / np.linalg.norm(vector), dtype=np.float32)
            precise = rng.random() < 0.8
            claims.append(
                LinkClaim(
                    claim_id=len(claims) + 1,
                    strike_date=day + timedelta(days=int(rng.integers(-1, 2))),
                    date_precision="day" if rng.random() < 0.9 else "month",
                    latitude=lat + float(rng.normal(scale=0.01)),
                    longitude=lon + float(rng.normal(scale=0.01)),
                    geo_precision="place" if precise else "admin1",
                    place=name if precise else admin1,
                    admin1=admin1,
                    belligerents=BELLIGERENTS[strike % len(BELLIGERENTS)]
                    if rng.random() < 0.7
                    else ["unknown"],
                    strike_type=["airstrike"],
                    deaths=max(0, deaths + int(rng.integers(-2, 3)))
                    if rng.random() < 0.8
                    else None,
                    embedding=unit,
                    words=words,
                    names=victim if rng.random() < 0.7 else [],
                    places=([name.lower()] if precise else []) + village,
                    publisher=PUBLISHERS[int(rng.integers(0, len(PUBLISHERS)))],
                )
            )
    return claims


def by_pair(pairs: list[Pair]) -> dict[tuple[int, int], Pair]:
    return {(min(p.claim_a, p.claim_b), max(p.claim_a, p.claim_b)): p for p in pairs}


def test_duckdb_and_spark_agree_on_one_trained_model() -> None:
    claims = synthetic_claims()
    assert 150 <= len(claims) <= 260
    table = to_table(claims)
    model = train(table)
    duck, spark = (
        predict(DuckDBEngine(), table, model),
        predict(SparkEngine("local[2]"), table, model),
    )
    assert np.array_equal(duck.vetoes.keys, spark.vetoes.keys) and len(duck.vetoes) > 0
    on_duckdb, on_spark = by_pair(duck.pairs), by_pair(spark.pairs)
    assert on_duckdb and set(on_spark) == set(on_duckdb)
    for key, pair in on_duckdb.items():
        assert on_spark[key].probability == pytest.approx(pair.probability, abs=1e-6), key
        assert on_spark[key].levels == pair.levels
    # The comparisons of words, names and places were exercised on both engines.
    levels = [level for p in on_duckdb.values() for level in p.levels.values()]
    for seen in ("words in common", "a named victim in common", "one name"):
        assert any(seen in level for level in levels), seen
    ids = [c.claim_id for c in claims]
    dates = {c.claim_id: c.day for c in claims}
    duck_groups = cluster(ids, on_duckdb.values(), MATCH_THRESHOLD, dates, vetoes=duck.vetoes)
    spark_groups = cluster(ids, on_spark.values(), MATCH_THRESHOLD, dates, vetoes=spark.vetoes)
    assert duck_groups == spark_groups
    assert len(duck_groups) < len(ids)  # some claims were linked
