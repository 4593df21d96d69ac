"""Projection: embeddings reduced to their main directions, trained and saved with the model."""

from __future__ import annotations

import json

import numpy as np

from strikewatch.link.features import LinkClaim, to_table
from strikewatch.link.model import PROJECTION_KEY, projection_of, train
from strikewatch.link.projection import MIN_CLAIMS, Projection


def low_rank(n: int, seed: int = 3) -> list[np.ndarray]:
    """Unit vectors of 512 numbers that vary along 12 directions only, plus a little noise."""
    rng = np.random.default_rng(seed)
    directions = rng.normal(size=(12, 512))
    rows = rng.normal(size=(n, 12)) @ directions + rng.normal(scale=0.01, size=(n, 512))
    rows += directions[0] * 3  # a component every text shares
    return [(r / np.linalg.norm(r)).astype(np.float32) for r in rows]


def unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v)


def test_a_few_main_directions_keep_the_cosines_of_vectors_that_vary_along_them() -> None:
    vectors = low_rank(MIN_CLAIMS)
    projection = Projection.fit(vectors, dimensions=16)
    assert projection.basis is not None and projection.basis.shape == (16, 512)
    reduced = projection.apply(vectors)
    for a, b in [(0, 1), (2, 3), (10, 500)]:
        before = float(vectors[a] @ vectors[b])
        left, right = reduced[a], reduced[b]
        assert left is not None and right is not None
        assert abs(float(unit(left) @ unit(right)) - before) < 0.02


def test_too_few_claims_keep_their_whole_vectors() -> None:
    vectors = low_rank(MIN_CLAIMS - 1)
    projection = Projection.fit(vectors, dimensions=16)
    assert projection.basis is None and projection.size(512) == 512
    assert projection.apply(vectors) == vectors
    assert Projection.from_json(projection.to_json()).basis is None


def test_the_fit_is_reproducible_and_survives_saving() -> None:
    vectors = low_rank(MIN_CLAIMS)
    first, again = Projection.fit(vectors, 16), Projection.fit(list(vectors), 16)
    assert first.basis is not None and again.basis is not None
    assert np.array_equal(first.basis, again.basis)  # signs fixed, same sample
    restored = Projection.from_json(json.loads(json.dumps(first.to_json())))
    assert restored.basis is not None and np.array_equal(restored.basis, first.basis)


def test_claims_without_an_embedding_stay_without() -> None:
    vectors: list[np.ndarray | None] = list(low_rank(MIN_CLAIMS))
    projection = Projection.fit(vectors, dimensions=16)
    reduced = projection.apply([None, vectors[0], np.zeros(512, dtype=np.float32)])
    assert reduced[0] is None and reduced[2] is None
    assert reduced[1] is not None and reduced[1].shape == (16,)


def test_the_model_keeps_the_projection_its_table_was_made_with() -> None:
    vectors = low_rank(MIN_CLAIMS)
    claims = [
        LinkClaim(i + 1, None, "unknown", None, None, "admin1", None, "Idlib", embedding=v)
        for i, v in enumerate(vectors)
    ]
    projection = Projection.fit([c.embedding for c in claims])
    table = to_table(claims, projection=projection)
    assert table.schema.field("emb").type.list_size == projection.size(512) == 256
    model = train(table, projection=projection)
    saved = projection_of(json.loads(json.dumps(model)))
    assert saved.basis is not None and np.array_equal(saved.basis, projection.basis)
    assert model[PROJECTION_KEY]["dimensions"] == projection.basis.shape[0]
