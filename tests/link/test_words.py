"""words.py: terms, their TF-IDF weights and the hashed vectors the linker compares."""

from __future__ import annotations

import numpy as np

from strikewatch.link.words import DIMENSIONS, TERMS_KEPT, Vocabulary, terms

# Invented reports: shelling in general, and two reports of one strike on one village.
COMMON = [
    "قصف مدفعي يستهدف الأحياء السكنية وإصابة مدنيين",
    "قصف مدفعي يستهدف مدرسة وإصابة مدنيين بجروح",
    "إصابة مدنيين جراء قصف مدفعي يستهدف السوق",
    "قصف مدفعي يستهدف المزارع وإصابة مدنيين",
    "قصف صاروخي يستهدف الأحياء وإصابة مدنيين",
    "قصف مدفعي عنيف وإصابة مدنيين بجروح خطيرة",
]
ONE_STRIKE = [
    "قصف مدفعي يستهدف قرية كفرتجربة ومقتل عائلة الراعي",
    "مقتل عائلة الراعي في كفرتجربة بقصف",
]


def test_terms_fold_and_drop_articles_numbers_and_particles() -> None:
    assert terms("قصفٌ القرية والمدرسة في 3 أحياء") == ["قصف", "قريه", "مدرسه", "احياء"]
    assert terms("Shelling hit the market, 2 killed") == [
        "shelling",
        "hit",
        "the",
        "market",
        "killed",
    ]


def test_rare_words_weigh_more_than_common_ones() -> None:
    vocabulary = Vocabulary.count(terms(t) for t in COMMON + ONE_STRIKE)
    weights = dict(vocabulary.weigh(terms(ONE_STRIKE[0])))
    assert weights["كفرتجربه"] > weights["قصف"]
    assert abs(sum(w * w for w in weights.values()) - 1) < 1e-9


def test_two_reports_of_one_strike_are_closer_than_two_of_shelling_in_general() -> None:
    vocabulary = Vocabulary.count(terms(t) for t in COMMON + ONE_STRIKE)
    a, b = (vocabulary.vector(terms(t)) for t in ONE_STRIKE)
    c, d = (vocabulary.vector(terms(t)) for t in COMMON[:2])
    assert a is not None and b is not None and c is not None and d is not None
    assert a.shape == (DIMENSIONS,) and abs(float(np.linalg.norm(a)) - 1) < 1e-5
    assert float(a @ b) > float(c @ d)
    assert float(a @ b) > float(a @ c)


def test_no_words_no_vector() -> None:
    vocabulary = Vocabulary.count([terms(COMMON[0])])
    assert vocabulary.vector([]) is None
    assert Vocabulary().vector(terms(COMMON[0])) is None  # no vocabulary: nothing to weigh


def test_only_the_heaviest_words_are_kept() -> None:
    words = [f"كلمة{i}" for i in range(TERMS_KEPT + 10)]
    assert len(Vocabulary.count([words]).weigh(words)) == TERMS_KEPT


def test_the_vocabulary_survives_its_json_and_drops_words_seen_once() -> None:
    vocabulary = Vocabulary.count(terms(t) for t in COMMON + ONE_STRIKE)
    again = Vocabulary.from_json(vocabulary.to_json())
    assert again == vocabulary
    assert "قصف" in again.frequencies and "سوق" not in again.frequencies
    assert again.vector(terms(ONE_STRIKE[0])) is not None
    assert Vocabulary.from_json(None) == Vocabulary()
