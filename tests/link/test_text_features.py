"""What the linker reads from a claim's text and details: names, places, words."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import numpy as np
import pyarrow as pa

from strikewatch.link.bulk import link_claim
from strikewatch.link.cluster import cluster
from strikewatch.link.engines import DuckDBEngine
from strikewatch.link.features import NAME_BLOCK_MAX, LinkClaim, to_table
from strikewatch.link.model import (
    BLOCKING_KEY,
    MATCH_THRESHOLD,
    PROJECTION_KEY,
    VOCABULARY_KEY,
    _linker,
    fits,
    predict,
    quiet_splink,
    train,
)
from strikewatch.link.text_features import read
from strikewatch.link.words import Vocabulary, terms
from strikewatch.store.links import StoredClaim


def stored(**changes: Any) -> StoredClaim:
    values: dict[str, Any] = {
        "id": 1,
        "report_id": 1,
        "incident_id": None,
        "event_date": None,
        "date_precision": "unknown",
        "place": "Tell Demo",
        "latitude": 36.0,
        "longitude": 38.0,
        "geo_precision": "place",
        "belligerents": [],
        "strike_type": [],
        "civilian_deaths_min": None,
        "civilian_deaths_max": None,
        "civilian_injuries_min": None,
        "civilian_injuries_max": None,
        "details": {"unresolved_places": ["كفرتجربة", "ذاته"], "admin1": "Aleppo"},
        "kind": "social_post",
        "publisher": "Local Monitor",
        "is_harm_report": True,
    }
    values.update(changes)
    return StoredClaim(**values)


def test_link_claim_reads_names_places_and_words_from_the_span() -> None:
    text = "استشهد الطفل سامر خليل النجار بقصف على كفرتجربة"
    claim = link_claim(stored(), None, read(text))
    assert claim.names == ["سامر|نجار"]
    assert claim.places == ["telldemo", "كفرتجربه"]  # the stray word is dropped
    assert claim.words == terms(text)
    assert claim.publisher == "local monitor"


def test_a_claim_without_text_or_precise_place_has_none() -> None:
    claim = link_claim(stored(geo_precision="admin1", details={}), None)
    assert (claim.names, claim.places, claim.words) == ([], [], [])


def test_the_table_weighs_words_by_the_vocabulary_it_is_given() -> None:
    claims = [
        LinkClaim(i, None, "unknown", None, None, "unknown", None, None, words=words)
        for i, words in enumerate([["rare", "common"], ["common", "other"], ["common"]], 1)
    ]
    own = to_table(claims).column("wording").to_pylist()
    trained = Vocabulary(documents=1000, frequencies={"common": 900, "other": 2})
    given = to_table(claims, vocabulary=trained).column("wording").to_pylist()
    assert all(v is not None for v in own + given)
    assert not np.allclose(own[1], given[1])  # "other" is rare in the trained store


def synthetic(strikes: int = 40) -> list[LinkClaim]:
    rng = np.random.default_rng(3)
    claims: list[LinkClaim] = []
    for strike in range(strikes):
        day = date(2023, 1, 1) + timedelta(days=int(rng.integers(0, 60)))
        for _ in range(int(rng.integers(2, 5))):
            claims.append(
                LinkClaim(
                    claim_id=len(claims) + 1,
                    strike_date=day,
                    date_precision="day",
                    latitude=None,
                    longitude=None,
                    geo_precision="admin1",
                    place=None,
                    admin1=["Aleppo", "Idlib"][strike % 2],
                    belligerents=["russia"],
                    words=["shelling", "civilians", f"quarter{strike}", f"family{strike}"],
                    names=[f"victim{strike}|family{strike}"] if strike % 2 else [],
                )
            )
    return claims


def trained(claims: list[LinkClaim]) -> tuple[pa.Table, dict[str, Any]]:
    table = to_table(claims)
    return table, train(table, Vocabulary.count(c.words for c in claims))


def undated(claim_id: int, admin1: str, names: list[str], words: list[str]) -> LinkClaim:
    return LinkClaim(
        claim_id,
        None,
        "unknown",
        None,
        None,
        "admin1",
        None,
        admin1,
        belligerents=["russia"],
        names=names,
        words=words,
    )


def test_a_shared_victim_singles_out_an_undated_report() -> None:
    claims = synthetic()
    base = len(claims)
    claims += [
        undated(base + 1, "Aleppo", ["nour|invented"], ["shelling", "civilians"]),
        undated(base + 2, "Aleppo", ["nour|invented"], ["shelling", "civilians"]),
        undated(base + 3, "Aleppo", ["sami|other"], ["shelling", "civilians"]),
    ]
    table, model = trained(claims)
    assert fits(model) and model[VOCABULARY_KEY]["documents"] == len(claims)
    scored = predict(DuckDBEngine(), table, model)
    pairs = {(p.claim_a, p.claim_b): p for p in scored.pairs}
    named = pairs[(base + 1, base + 2)]
    assert named.levels["victims"].startswith("a named victim in common")
    other = pairs.get((base + 1, base + 3))
    assert other is None or other.probability < named.probability
    groups = cluster(
        [c.claim_id for c in claims], scored.pairs, MATCH_THRESHOLD, vetoes=scored.vetoes
    )
    assert [base + 1, base + 2] in groups


def compared_pairs(claims: list[LinkClaim]) -> set[tuple[int, int]]:
    table, model = trained(claims)
    with quiet_splink():
        linker = _linker(DuckDBEngine(), table, model)
        frame = linker.inference.predict(threshold_match_probability=0).as_pyarrow_table()
    left, right = frame.column("unique_id_l").to_pylist(), frame.column("unique_id_r").to_pylist()
    return set(zip(left, right, strict=True))


def test_reports_naming_one_victim_are_compared_whatever_their_dates_and_places() -> None:
    base = len(synthetic())

    def pair(names: list[str]) -> list[LinkClaim]:
        day = date(2024, 9, 1)
        far = LinkClaim(base + 2, day, "day", None, None, "admin1", None, "Daraa", names=names)
        return [undated(base + 1, "Aleppo", names, ["shelling"]), far]

    assert (base + 1, base + 2) in compared_pairs(synthetic() + pair(["nour|invented"]))
    assert (base + 1, base + 2) not in compared_pairs(synthetic() + pair([]))


def test_a_name_many_claims_share_does_not_bring_them_together() -> None:
    base = len(synthetic())
    day = date(2024, 9, 1)
    common = [
        LinkClaim(base + i, day + timedelta(days=40 * i), "day", None, None, "admin1", None,
                  ["Daraa", "Aleppo"][i % 2], names=["mohammad|common"])
        for i in range(1, NAME_BLOCK_MAX + 2)
    ]  # fmt: skip
    table = to_table(common)
    assert table.column("names").to_pylist()[0] == ["mohammad|common"]
    assert table.column("name_keys").null_count == len(common)
    compared = compared_pairs(synthetic() + common)
    assert (base + 1, base + 3) not in compared  # 80 days apart, only the name in common
    assert (base + 1, base + 3) in compared_pairs(synthetic() + common[:3])


def test_a_model_saved_without_these_comparisons_does_not_fit() -> None:
    assert not fits({"comparisons": [{"output_column_name": "when_day"}]})
    _, model = trained(synthetic())
    assert fits(model)
    # A model trained under other blocking rules reads columns that may be gone.
    old = dict(model)
    old[BLOCKING_KEY] = [rule.replace("area_week", "area_period") for rule in model[BLOCKING_KEY]]
    assert not fits(old)
    assert not fits({k: v for k, v in model.items() if k != BLOCKING_KEY})
    # Nor is a model saved before embeddings were projected (link/projection.py).
    assert not fits({k: v for k, v in model.items() if k != PROJECTION_KEY})
    # A model whose levels were re-cut (other thresholds, another order) is retrained.
    recut = json.loads(json.dumps(model))
    emb = next(c for c in recut["comparisons"] if c["output_column_name"] == "emb")
    emb["comparison_levels"].reverse()
    assert not fits(recut)


def test_claims_placed_only_by_one_unknown_village_are_of_the_same_place() -> None:
    day = date(2023, 1, 5)

    def bare(claim_id: int, places: list[str]) -> LinkClaim:
        # No point and no governorate: only a village name no gazetteer resolved.
        return LinkClaim(claim_id, day, "day", None, None, "unknown", None, None,
                         belligerents=["russia"], places=places)  # fmt: skip

    base = len(synthetic())
    claims = [*synthetic(), bare(base + 1, ["كفرتجربه"]), bare(base + 2, ["كفرتجربه"])]
    claims.append(bare(base + 3, ["عينمثال"]))
    table, model = trained(claims)
    scored = predict(DuckDBEngine(), table, model)
    levels = {(p.claim_a, p.claim_b): p.levels["where"] for p in scored.pairs}
    assert levels[(base + 1, base + 2)].startswith("same place")
    # Different unknown villages say nothing either way.
    other = [p for p in scored.pairs if {p.claim_a, p.claim_b} == {base + 1, base + 3}]
    assert all(p.levels["where"].startswith("place unknown") for p in other)
