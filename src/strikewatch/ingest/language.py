"""Language identification for reports that do not say their language."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

# The languages of this conflict's reporting; lingua is only asked to choose among these,
# which makes it both faster and more accurate than an open guess.
LANGUAGES = ("ARABIC", "ENGLISH", "FRENCH", "TURKISH", "PERSIAN", "HEBREW", "RUSSIAN", "GERMAN")
MIN_LETTERS = 3


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in LANGUAGES]
    # Low-accuracy mode loads trigram models only: 30 MB and 0.03 s instead of 300 MB and
    # 0.5 s, and reports are long enough (and their scripts distinct enough) not to need more.
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def _letters(text: str) -> int:
    return sum(1 for ch in text[:200] if ch.isalpha())


def detect_languages(texts: Sequence[str]) -> list[str | None]:
    """ISO 639-1 codes for each text (None where there is too little text to tell)."""
    wanted = [i for i, t in enumerate(texts) if _letters(t) >= MIN_LETTERS]
    codes: list[str | None] = [None] * len(texts)
    if not wanted:
        return codes
    # The first 1,000 characters settle the language; page chrome further on only adds cost.
    found = _detector().detect_languages_in_parallel_of([texts[i][:1000] for i in wanted])
    for i, language in zip(wanted, found, strict=True):
        codes[i] = language.iso_code_639_1.name.lower() if language is not None else None
    return codes
