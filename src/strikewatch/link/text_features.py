"""What the linker reads from a claim's text, computed once per claim and stored.

Victim names (link/names.py) and words (link/words.py) take about a millisecond a
claim to read: a million claims would spend twenty minutes on them at every bulk run.
Claims never change once extracted (a re-extraction makes new ones), so each claim's
features are stored under VERSION and read back; changing the rules or the name lexicon
changes VERSION, and the features are read again from the texts.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from strikewatch.link.names import victim_names
from strikewatch.link.words import terms

# Raise when names.py or words.py read texts differently (names.toml is hashed in).
RULES = 1


@dataclass(frozen=True)
class TextFeatures:
    """A claim's victim-name keys and its words, in text order."""

    names: tuple[str, ...] = ()
    words: tuple[str, ...] = ()


def read(text: str) -> TextFeatures:
    """The features of one claim's span text."""
    if not text:
        return TextFeatures()
    return TextFeatures(tuple(victim_names(text)), tuple(terms(text)))


@lru_cache(maxsize=1)
def version() -> str:
    """The rules' version: RULES and a hash of the name lexicon."""
    lexicon = files("strikewatch.link").joinpath("names.toml").read_bytes()
    return f"{RULES}-{hashlib.sha256(lexicon).hexdigest()[:16]}"
