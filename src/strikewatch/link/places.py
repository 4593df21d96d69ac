"""The places a claim names, as keys two reports of one strike share.

A claim's place is resolved in the gazetteer when it can be; villages no gazetteer holds
are still kept by the extractor (``details.unresolved_places``), and two reports that
spell such a village alike most likely tell of one strike there, while two that name
different villages of one governorate most likely tell of two. The extractor's list may
hold stray words: those in ``places.toml`` and names too short to be a village are
dropped.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from strikewatch.normalise import fold_name

# An Arabic name shorter than this (after its article) is a particle, not a village.
MIN_ARABIC_LETTERS = 3
_LATIN = re.compile("[A-Za-z]")


@dataclass(frozen=True)
class _Lexicon:
    noise: frozenset[str]
    min_latin_letters: int


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = tomllib.loads(files("strikewatch.link").joinpath("places.toml").read_text("utf-8"))
    return _Lexicon(
        noise=frozenset(fold_name(str(w)) for w in data["noise"]),
        min_latin_letters=int(data["min_latin_letters"]),
    )


def _key(raw: str, lexicon: _Lexicon) -> str | None:
    """The folded name, or None for a stray word ("ذاته", "Al", "SOHR")."""
    name = fold_name(raw)
    words = name.split()
    if not words or all(w in lexicon.noise for w in words):
        return None
    letters = sum(len(w) for w in words)
    # Without spaces: reports write one village "كفر نوران" and "كفرنوران".
    key = "".join(words)
    if _LATIN.search(name):
        acronym = raw.strip().isupper()
        return key if letters >= lexicon.min_latin_letters and not acronym else None
    return key if letters >= MIN_ARABIC_LETTERS else None


def place_names(place: str | None, unresolved: Iterable[object] = ()) -> list[str]:
    """Sorted folded names: the claim's resolved place (if any) and its unresolved ones."""
    lexicon = _lexicon()
    raw = [place] if place else []
    raw += [name for name in unresolved if isinstance(name, str)]
    return sorted({key for name in raw if (key := _key(name, lexicon))})
