"""Place mentions in a text: gazetteer names found by word n-grams, and the words around them.

The text is folded once (strikewatch.normalise.fold_for_match keeps offsets) and
cut into words; each word's key (word_key) and its key without a one-letter Arabic
clitic (و ب ل ف ك) are looked up, and longer n-grams only after a word that starts a
multi-word name. No regex per place, so the cost does not grow with the gazetteer.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from strikewatch.gazetteer.lookup import LATIN_ARTICLES, Gazetteer, word_key
from strikewatch.gazetteer.place import Place
from strikewatch.model import GeoPrecision

__all__ = [
    "FILLERS",
    "TOKEN",
    "Lexicon",
    "Mention",
    "load_lexicon",
    "modifier_of",
    "scan_mentions",
    "unresolved_names",
    "word_keys",
]

TOKEN = re.compile(r"[^\W\d_]+")
_CLITICS = ("و", "ب", "ل", "ف", "ك")
# Words skipped between a modifier and the name it modifies ("ريف مدينة", "village of").
FILLERS = frozenset(word_key(w) for w in ("من", "في", "of", "the", "in", "al", "el"))


@dataclass(frozen=True)
class Lexicon:
    """The words around place names (mentions.toml), as lookup keys."""

    place: frozenset[str]
    area: frozenset[str]
    admin1: frozenset[str]
    countryside: frozenset[str]
    direction: frozenset[str]
    harm: frozenset[str]
    ambiguous: frozenset[str]
    prefixes: frozenset[str]
    not_names: frozenset[str]
    located: frozenset[GeoPrecision]


@dataclass
class Mention:
    """One gazetteer name found in a text: where, which entries, and how it was read."""

    start: int
    end: int
    token: int
    places: list[Place]
    modifier: str = ""
    choice: Place | None = None
    precision: GeoPrecision = GeoPrecision.UNKNOWN
    score: float = 0.0


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The shipped mention lexicon (loaded once)."""
    raw = tomllib.loads(
        (resources.files("strikewatch.gazetteer") / "data" / "mentions.toml").read_text("utf-8")
    )

    def words(table: str, key: str) -> frozenset[str]:
        return frozenset(word_key(w) for w in raw[table][key])

    return Lexicon(
        place=words("triggers", "place"),
        area=words("triggers", "area"),
        admin1=words("triggers", "admin1"),
        countryside=words("triggers", "countryside"),
        direction=words("triggers", "direction"),
        harm=words("harm", "words"),
        ambiguous=frozenset(raw["ambiguous"]["keys"]),
        prefixes=words("name_prefixes", "words"),
        not_names=words("not_names", "words")
        | words("harm", "words")
        | frozenset().union(*(words("triggers", k) for k in raw["triggers"])),
        located=frozenset(GeoPrecision(p) for p in raw["coordinates"]["for_precisions"]),
    )


@lru_cache(maxsize=1 << 16)  # words repeat across reports; keys are pure functions of them
def word_keys(token: str) -> tuple[str, str | None]:
    """The token's lookup key, and the key once a one-letter Arabic clitic is stripped."""
    key = word_key(token)
    if token[0] < "\u0600" or len(token) < 4:
        return key, None
    if token.startswith("لل"):
        return key, word_key(token[2:])
    if token[0] in _CLITICS:
        return key, word_key(token[1:])
    return key, None


def scan_mentions(
    text: str,
    spans: list[tuple[int, int]],
    keys: list[tuple[str, str | None]],
    gazetteer: Gazetteer,
    lexicon: Lexicon,
) -> list[Mention]:
    """Gives the longest gazetteer match starting at each word, left to right."""
    found: list[Mention] = []
    i, count = 0, len(spans)
    starts = gazetteer.starts_name
    while i < count:
        key, alt = keys[i]
        if not (starts(key) or starts(alt)):
            i += 1
            continue
        hit = _match_at(text, i, spans, keys, gazetteer, lexicon)
        if hit is None:
            i += 1
            continue
        length, places = hit
        found.append(Mention(spans[i][0], spans[i + length - 1][1], i, places))
        i += length
    return found


def _match_at(
    text: str,
    i: int,
    spans: list[tuple[int, int]],
    keys: list[tuple[str, str | None]],
    gazetteer: Gazetteer,
    lexicon: Lexicon,
) -> tuple[int, list[Place]] | None:
    """Gives (words used, places) for the longest name starting at word i, or None."""
    start = spans[i][0]
    latin = text[start] < "\u0600"
    # English names are capitalised; a lower-case word is an ordinary word.
    if latin and not text[start].isupper():
        return None
    token = text[start : spans[i][1]]
    for n, first in enumerate(keys[i]):
        if first is None:
            continue
        # و/ب/ل… + a short word is mostly a word of its own (ورقة, فرقة, لبنان): as one
        # word, strip the clitic only before the article or from a long word; a longer
        # name after it (بريف دمشق) is specific enough either way.
        single = n == 0 or len(token) >= 6 or token[1:3] == "ال"
        best: tuple[int, list[Place]] | None = None
        places = gazetteer.lookup_key(first)
        if single and places and _single_word_name(first, i, keys, lexicon, latin):
            best = (1, places)
        if first in gazetteer.first_words:
            parts, used = [first], 1
            j = i + 1
            while j < len(spans) and used < gazetteer.max_words + 2:
                if spans[j][0] - spans[j - 1][1] > 2:
                    break  # a name does not run across punctuation or a line break
                word = keys[j][0]
                used += 1
                j += 1
                if latin and word in LATIN_ARTICLES:
                    continue
                parts.append(word)
                places = gazetteer.lookup_key(" ".join(parts))
                if places:
                    best = (used, places)
        if best is not None:
            return best
    return None


def _single_word_name(
    key: str, i: int, keys: list[tuple[str, str | None]], lexicon: Lexicon, latin: bool
) -> bool:
    """Tells whether one word may be a mention: unambiguous, or after "قرية"/"village"."""
    if len(key) < (4 if latin else 3) or key in lexicon.not_names:
        return False
    if key not in lexicon.ambiguous:
        return True
    return i > 0 and any(k in lexicon.place for k in keys[i - 1] if k)


def _previous(
    i: int, spans: list[tuple[int, int]], keys: list[tuple[str, str | None]]
) -> list[str]:
    """Gives the keys of up to two meaningful words before word i, nearest first."""
    out: list[str] = []
    words = 0
    j = i - 1
    while j >= 0 and words < 2 and spans[i][0] - spans[j][1] < 40:
        key, alt = keys[j]
        j -= 1
        if key in FILLERS:
            continue
        words += 1
        out.append(key)
        if alt:  # the word without its clitic (بريف → ريف) counts as the same word
            out.append(alt)
    return out


def modifier_of(
    mention: Mention,
    spans: list[tuple[int, int]],
    keys: list[tuple[str, str | None]],
    lexicon: Lexicon,
) -> str:
    """Gives what the words around a mention say of it: countryside, place, area…"""
    before = _previous(mention.token, spans, keys)
    after_index = next(
        (j for j in range(mention.token, len(spans)) if spans[j][0] >= mention.end), None
    )
    after = keys[after_index][0] if after_index is not None else ""
    # A direction outranks a settlement word: "غرب مدينة X" is west of the town, not it.
    for kind, words in (
        ("countryside", lexicon.countryside),
        ("admin1", lexicon.admin1),
        ("direction", lexicon.direction),
        ("place", lexicon.place),
        ("area", lexicon.area),
    ):
        if any(word in words for word in before):
            return kind
    if after in lexicon.countryside:
        return "countryside"
    if after in lexicon.admin1:
        return "admin1"
    return ""


def unresolved_names(
    text: str,
    spans: list[tuple[int, int]],
    keys: list[tuple[str, str | None]],
    mentions: list[Mention],
    lexicon: Lexicon,
) -> list[tuple[int, str]]:
    """Gives (word index, name) for names after "قرية"/"village" that the gazetteer lacks."""
    taken: set[int] = set()
    for mention in mentions:
        j = mention.token
        while j < len(spans) and spans[j][0] < mention.end:
            taken.add(j)
            j += 1
    out: list[tuple[int, str]] = []
    for i, (key, alt) in enumerate(keys[:-1]):
        if i in taken or (key not in lexicon.place and alt not in lexicon.place):
            continue
        j = i + 1
        if keys[j][0] in FILLERS and j + 1 < len(keys):
            j += 1
        name_key, name_alt = keys[j]
        if j in taken or spans[j][0] - spans[j - 1][1] > 3:
            continue
        if text[spans[j][0]] < "\u0600" and not text[spans[j][0]].isupper():
            continue
        if len(name_key) < 2 or any(k in lexicon.not_names for k in (name_key, name_alt) if k):
            continue
        end = spans[j][1]
        if name_key in lexicon.prefixes and j + 1 < len(spans) and spans[j + 1][0] - end <= 2:
            end = spans[j + 1][1]
        out.append((j, text[spans[j][0] : end]))
    return out
