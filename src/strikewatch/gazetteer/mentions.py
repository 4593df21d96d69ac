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
from typing import NamedTuple

from strikewatch.gazetteer.lookup import LATIN_ARTICLES, Gazetteer, word_key
from strikewatch.gazetteer.place import Place
from strikewatch.model import GeoPrecision
from strikewatch.normalise import fold_for_match

__all__ = [
    "FILLERS",
    "TOKEN",
    "Lexicon",
    "Mention",
    "Unknown",
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
_OF = frozenset(word_key(w) for w in ("of", "the", "al", "el"))


@dataclass(frozen=True)
class Lexicon:
    """The words around place names (mentions.toml), as lookup keys."""

    place: frozenset[str]
    neighbourhood: frozenset[str]
    area: frozenset[str]
    admin1: frozenset[str]
    countryside: frozenset[str]
    background: frozenset[str]
    direction: frozenset[str]
    harm: frozenset[str]
    ambiguous: frozenset[str]
    bare_ambiguous: frozenset[str]
    prefixes: frozenset[str]
    clitic_words: frozenset[str]
    introducers: frozenset[str]
    not_names: frozenset[str]
    located: frozenset[GeoPrecision]
    region_gap: int = 3
    homonym_km: float = 25.0
    direction_km: float = 100.0
    around_points: bool = False
    bare_town_population: int = 20_000


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
    words: int = 1
    # The governorate the words right after the name put it in ("X بريف Y", "X, Idlib").
    region: str | None = None
    anchor: Mention | None = None


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The shipped mention lexicon (loaded once)."""
    raw = tomllib.loads(
        (resources.files("strikewatch.gazetteer") / "data" / "mentions.toml").read_text("utf-8")
    )

    def words(table: str, key: str) -> frozenset[str]:
        # Folded here as the text is, so an entry written with ة or ى still matches.
        return frozenset(word_key(fold_for_match(w)) for w in raw[table][key])

    return Lexicon(
        place=words("triggers", "place") | words("triggers", "neighbourhood"),
        neighbourhood=words("triggers", "neighbourhood"),
        area=words("triggers", "area"),
        admin1=words("triggers", "admin1"),
        countryside=words("triggers", "countryside") | words("triggers", "parent"),
        background=words("background", "words"),
        direction=words("triggers", "direction"),
        harm=words("harm", "words"),
        ambiguous=frozenset(fold_for_match(k) for k in raw["ambiguous"]["keys"]),
        bare_ambiguous=words("ambiguous", "without_article"),
        prefixes=words("name_prefixes", "words"),
        clitic_words=words("clitic_words", "words"),
        introducers=frozenset().union(*(words("triggers", k) for k in raw["triggers"])),
        not_names=words("not_names", "words")
        | words("stop_words", "arabic")
        | words("stop_words", "english")
        | words("harm", "words")
        | frozenset().union(*(words("triggers", k) for k in raw["triggers"])),
        located=frozenset(GeoPrecision(p) for p in raw["coordinates"]["for_precisions"]),
        around_points=bool(raw["coordinates"]["around_a_place"]),
        bare_town_population=int(raw["coordinates"]["bare_town_population"]),
        region_gap=int(raw["regions"]["gap_words"]),
        homonym_km=float(raw["regions"]["homonym_km"]),
        direction_km=float(raw["regions"]["direction_km"]),
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
    names = gazetteer.name_starts
    done = 0
    for i, (key, alt) in enumerate(keys):
        if i < done or not (key in names or alt in names):
            continue
        hit = _match_at(text, i, spans, keys, gazetteer, lexicon)
        if hit is not None:
            length, places = hit
            found.append(Mention(spans[i][0], spans[i + length - 1][1], i, places, words=length))
            done = i + length
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
        # و/ب/ل… + a short word may be a word of its own (ورقة, فرقة): such words are
        # listed, and a short name that is also an ordinary word (سجن) keeps its clitic.
        single = (
            n == 0
            or len(token) >= 6
            or token[1:3] == "ال"
            or (first not in lexicon.ambiguous and keys[i][0] not in lexicon.clitic_words)
        )
        best: tuple[int, list[Place]] | None = None
        places = gazetteer.lookup_key(first)
        if (
            single
            and places
            and _single_word_name(first, i, keys, lexicon, latin)
            # باب (a gate) is an ordinary word; الباب is the town.
            and not (first in lexicon.bare_ambiguous and "ال" not in token[:3])
        ):
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
    """Tells whether one word may be a mention: unambiguous, or after a word that introduces
    a place ("قرية", "ريف", "شرق", "village")."""
    if len(key) < (4 if latin else 3) or key in lexicon.not_names:
        return False
    if key not in lexicon.ambiguous:
        return True
    if i > 0 and any(k in lexicon.introducers for k in keys[i - 1] if k):
        return True
    # "جاسم بريف درعا": a countryside or governorate word right after vouches for it too.
    after = [pair for pair in keys[i + 1 : i + 3] if pair[0] not in FILLERS][:1]
    return any(k in lexicon.countryside or k in lexicon.admin1 for pair in after for k in pair)


def _previous(
    i: int,
    spans: list[tuple[int, int]],
    keys: list[tuple[str, str | None]],
    skip: frozenset[str],
    limit: int = 2,
) -> list[str]:
    """Gives the keys of up to limit meaningful words before word i, nearest first."""
    out: list[str] = []
    words = 0
    j = i - 1
    while j >= 0 and words < limit and spans[i][0] - spans[j][1] < 40:
        key, alt = keys[j]
        j -= 1
        if key in skip:
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
    """Gives what the words around a mention say of it: countryside, place, area, background…"""
    before = _previous(mention.token, spans, keys, FILLERS)
    # A settlement word reaches its name only across "of"/"the": in "Kansafra village in
    # Idlib", "village" is Kansafra's, not Idlib's.
    close = _previous(mention.token, spans, keys, _OF, limit=1)
    after_index = next(
        (j for j in range(mention.token, len(spans)) if spans[j][0] >= mention.end), None
    )
    after = keys[after_index][0] if after_index is not None else ""
    # Where the shells came from, where someone hails from: not where the strike hit.
    if any(w in lexicon.background for w in _previous(mention.token, spans, keys, FILLERS, 3)):
        return "background"
    # A direction outranks a settlement word: "غرب مدينة X" is west of the town, not it.
    for kind, words, near in (
        ("countryside", lexicon.countryside, before),
        ("admin1", lexicon.admin1, before),
        ("direction", lexicon.direction, before),
        ("place", lexicon.place, close),
        ("area", lexicon.area, close),
    ):
        if any(word in words for word in near):
            return kind
    if after in lexicon.countryside:
        return "countryside"
    if after in lexicon.admin1:
        return "admin1"
    return ""


class Unknown(NamedTuple):
    """A settlement name the gazetteer lacks: after "قرية"/"village"/"حي", or a homonym."""

    token: int
    name: str
    words: int
    # "place" or "neighbourhood" (the word before it), "" for a name known only elsewhere.
    trigger: str


# What may stand between "قرية" and its name: spaces, a hashtag, quotes, not a full stop.
_JOINERS = frozenset(" \t\n#_\"'“”«»()")


def _joined(text: str, end: int, start: int, inside: bool = False) -> bool:
    """Tells whether only spaces, quotes or a hashtag (or, inside a name, a hyphen)
    separate two words."""
    allowed = _JOINERS | {"-", "‐"} if inside else _JOINERS
    return start - end <= 3 and all(c in allowed for c in text[end:start])


def _definite(token: str) -> bool:
    """Tells whether an Arabic word has the article (القرية, بالبلدة): a village already named."""
    if token[:1] in _CLITICS and len(token) > 4 and token[1:3] in ("ال", "لل"):
        return True
    return token.startswith(("ال", "لل"))


def unresolved_names(
    text: str,
    spans: list[tuple[int, int]],
    keys: list[tuple[str, str | None]],
    mentions: list[Mention],
    lexicon: Lexicon,
) -> list[Unknown]:
    """Gives the names after "قرية"/"village"/"حي" that the gazetteer lacks, left to right."""
    taken: set[int] = set()
    for mention in mentions:
        taken.update(range(mention.token, mention.token + mention.words))
    out: list[Unknown] = []
    for i, (key, alt) in enumerate(keys[:-1]):
        if i in taken or (key not in lexicon.place and alt not in lexicon.place):
            continue
        if _definite(text[spans[i][0] : spans[i][1]]):
            continue
        j = i + 1
        if keys[j][0] in _OF and j + 1 < len(keys):
            j += 1  # "village of X", not "village in Idlib"
        if j in taken or not _joined(text, spans[j - 1][1], spans[j][0]):
            continue
        latin = text[spans[j][0]] < "\u0600"
        last = j
        # "Al-Mujaibra", "تل X", "Jabal al-X": an article or a first word takes the next one.
        while (
            last + 1 < len(spans)
            and last - j < 2
            and (keys[last][0] in lexicon.prefixes or (latin and keys[last][0] in LATIN_ARTICLES))
            and _joined(text, spans[last][1], spans[last + 1][0], inside=True)
            and last + 1 not in taken
        ):
            last += 1
        head = next((n for n in range(j, last + 1) if keys[n][0] not in LATIN_ARTICLES), j)
        if head + 1 in taken and head == last and keys[head][0] in LATIN_ARTICLES:
            continue  # "Al-" before a known name ("Al-Hasakah") is part of it
        name_key, name_alt = keys[head]
        if latin and not text[spans[head][0]].isupper():
            continue
        if len(name_key) < 2 or any(k in lexicon.not_names for k in (name_key, name_alt) if k):
            continue
        trigger = "neighbourhood" if lexicon.neighbourhood & {key, alt} else "place"
        name = text[spans[j][0] : spans[last][1]].replace("_", " ")  # #بيت_جن is بيت جن
        out.append(Unknown(j, name, last - j + 1, trigger))
    return out
