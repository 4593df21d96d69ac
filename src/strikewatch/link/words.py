"""The words of a report, weighed by how rare they are in the store (TF-IDF).

Two reports of one strike share its particular words: the village and the quarter, the
family, the school or the market that was hit. Words every report uses ("قصف", "مدنيين",
"airstrike") say little. Each claim keeps its TERMS_KEPT heaviest words, weighed by
term frequency times inverse document frequency, hashed into a short dense vector
(DIMENSIONS numbers, each word adding its weight, with a sign from its hash, to one of
them) and scaled to unit length, so that the linker compares two claims by the cosine of
these vectors as it compares embeddings, on every engine. The document frequencies are
counted over the claims a model is trained on and saved with it, so bulk and live
linking weigh words alike.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from strikewatch.normalise import fold_for_match

# Words kept per claim. Measured on the development corpus (cosine of the kept words
# against the full vectors, as a ranking of true against false candidate pairs): 20 words
# lose a little, 40 and 60 rank the same; 40 keeps the comparison cheap.
TERMS_KEPT = 40
# Hashing 40 words into 256 numbers adds noise of about 1/16 to a cosine: measured on the
# development corpus, pairs above 0.35 are as precise as with exact cosines, below 0.2 the
# noise shows (so the model's levels start at 0.25). 512 numbers would halve the noise at
# twice the memory; a sparse exact cosine in SQL was ten times slower to compare.
DIMENSIONS = 256
# A word in no more claims than this counts as rare as a word seen once: a trained
# vocabulary keeps only words seen more often, so it stays small however big the store.
RARE_DOCUMENTS = 1
# Arabic words shorter than this (after their article) are particles; Latin ones too.
MIN_LETTERS = 3

_WORD = re.compile(r"[\u0621-\u064a]+|[a-z]+")
# Clitics before the article ("والقرية", "بالمدينة", "للأطفال"), then the article.
_ARABIC_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال")


def _stem(word: str) -> str:
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_LETTERS:
            return word[len(prefix) :]
    return word


def terms(text: str) -> list[str]:
    """The text's words, folded, without articles, numbers or short particles."""
    return [
        stem
        for word in _WORD.findall(fold_for_match(text))
        if len(stem := _stem(word)) >= MIN_LETTERS
    ]


@lru_cache(maxsize=1 << 18)
def _slot(word: str) -> tuple[int, float]:
    # A stable hash (Python's own changes between runs): where the word goes, and its sign.
    value = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
    return value % DIMENSIONS, 1.0 if (value >> 32) & 1 else -1.0


@lru_cache(maxsize=256)
def _tf(count: int) -> float:
    return 1 + math.log(count)


@dataclass(frozen=True)
class Vocabulary:
    """How many claims use each word, out of how many claims."""

    documents: int = 0
    frequencies: Mapping[str, int] = field(default_factory=dict)
    # Each word's inverse document frequency, and an unseen word's: computed once.
    _idf: dict[str, float] = field(init=False, repr=False, compare=False)
    _rare_idf: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        documents = self.documents + 1  # the claim being weighed is one more document
        log_documents = math.log(documents)
        idf = {w: log_documents - math.log(n) for w, n in self.frequencies.items()}
        object.__setattr__(self, "_idf", idf)
        object.__setattr__(self, "_rare_idf", log_documents - math.log(RARE_DOCUMENTS))

    @classmethod
    def count(cls, documents: Iterable[Sequence[str]]) -> Vocabulary:
        """The vocabulary of these claims' words (words in RARE_DOCUMENTS or fewer left out)."""
        counts: Counter[str] = Counter()
        total = 0
        for words in documents:
            total += 1
            counts.update(set(words))
        return cls(total, {w: n for w, n in counts.items() if n > RARE_DOCUMENTS})

    def weigh(self, words: Sequence[str]) -> list[tuple[str, float]]:
        """The TERMS_KEPT heaviest words and their TF-IDF weights, scaled to unit length."""
        if not words or not self.documents:
            return []
        idf, rare = self._idf, self._rare_idf
        weights = {w: _tf(n) * idf.get(w, rare) for w, n in Counter(words).items()}
        kept = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:TERMS_KEPT]
        kept = [(w, x) for w, x in kept if x > 0]
        norm = math.sqrt(sum(x * x for _, x in kept))
        return [(w, x / norm) for w, x in kept] if norm else []

    def vector(self, words: Sequence[str]) -> npt.NDArray[np.float32] | None:
        """The weighed words hashed into DIMENSIONS numbers, unit length (None: no words)."""
        weighed = self.weigh(words)
        if not weighed:
            return None
        # Summed in Python: a few dozen additions cost less than as many numpy scalar ones.
        out = [0.0] * DIMENSIONS
        for word, weight in weighed:
            index, sign = _slot(word)
            out[index] += sign * weight
        norm = math.hypot(*out)
        return np.array(out, dtype=np.float32) / np.float32(norm) if norm else None

    def to_json(self) -> dict[str, Any]:
        return {"documents": self.documents, "frequencies": dict(self.frequencies)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Vocabulary:
        if not data:
            return cls()
        return cls(int(data["documents"]), {str(k): int(v) for k, v in data["frequencies"].items()})
