"""Golden tests for the embedding wrapper (multilingual, unit length, zero for empty)."""

from __future__ import annotations

import numpy as np

from strikewatch.link.embedding import DIMENSIONS, embed, from_bytes, to_bytes

# Invented sentences: a strike report in Arabic, its English translation, and two
# sentences about something else entirely.
ARABIC = "قُتل خمسة مدنيين بينهم طفلان في غارة جوية على سوق قرية تل النخيل صباح اليوم"
ENGLISH = (
    "Five civilians including two children were killed in an airstrike on the market of "
    "Tell al-Nakhil village this morning"
)
OTHER_A = "The football club won its home match three goals to one on Saturday"
OTHER_B = "Bake the bread for twenty minutes until the crust is golden"


def test_translation_is_closer_than_unrelated_sentences() -> None:
    vectors = embed([ARABIC, ENGLISH, OTHER_A, OTHER_B])
    assert vectors.shape == (4, DIMENSIONS) and vectors.dtype == np.float32
    translation = float(vectors[0] @ vectors[1])
    unrelated = float(vectors[2] @ vectors[3])
    assert translation > unrelated + 0.2
    assert translation > float(vectors[0] @ vectors[2])
    assert translation > float(vectors[1] @ vectors[3])


def test_vectors_are_unit_length_and_empty_text_is_zero() -> None:
    vectors = embed([ENGLISH, "", "   \n", ARABIC])
    norms = np.linalg.norm(vectors, axis=1)
    assert np.allclose(norms[[0, 3]], 1.0, atol=1e-5)
    assert not vectors[1].any() and not vectors[2].any()


def test_only_the_lead_counts() -> None:
    # Text past MAX_CHARS does not change the vector.
    lead = ENGLISH + ". " + ENGLISH + ". " + ENGLISH + ". " + ENGLISH
    longer = embed([lead, lead + " " + OTHER_B * 10])
    assert np.allclose(longer[0], longer[1], atol=1e-6)


def test_bytes_round_trip() -> None:
    vector = embed([ARABIC])[0]
    data = to_bytes(vector)
    assert len(data) == DIMENSIONS * 4
    back = from_bytes(data)
    assert back.dtype == np.float32 and np.array_equal(back, vector)
