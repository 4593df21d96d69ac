"""The victims a report names, as keys two reports of one strike share.

Syrian reports often name the dead: "استشهد الطفل ...", numbered lists of names, "a man
named as ...". Two reports naming the same person are almost surely about the same
strike, whatever else they say. A name is kept only where a cue (a victim word, a list
number, "named as") introduces it and only with two or more words (a given name alone is
no key); it is compared as its first and last words, folded, so "Yusuf Jamal al-Hasan"
and "Yusuf Muhammad Jamal al-Hasan" meet. The names themselves are never logged.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from strikewatch.normalise import fold_for_match, fold_name

# A name is at most this many words (given name, father, grandfather, family, and a
# compound such as "عبد الله" counted as one): longer runs are sentences, not names.
MAX_WORDS = 6
# A numbered list ("1- ... 2- ...") is read as a list of names only with this many items:
# one stray "2-" is a score or a date.
MIN_LIST_ITEMS = 2

_AR_WORD = re.compile(r"[\u0621-\u064a]+")
_AR_TOKEN = re.compile(r"[\u0621-\u064a]+|\S")
_QUOTES = frozenset("\"'“”«»„‘’")
_LIST_ITEM = re.compile(r"(?<![\d/.:-])\d{1,2}\s*[-.)ـ]\s*(?=[\u0621-\u064a])")
_EN_END = re.compile(r"[,.;:()\n]")
# "Omar", "Abu-Khalil", "al-Hassan" (an article before a capital).
_EN_NAME = re.compile(r"(?:[a-z]{1,3}-)?[A-Z][a-z’']+(?:-[A-Za-z][a-z’']+)*")


@dataclass(frozen=True)
class _Lexicon:
    cues_ar: frozenset[str]
    skip_ar: frozenset[str]
    stop_ar: frozenset[str]
    joiners_ar: frozenset[str]
    lineage_ar: frozenset[str]
    given_ar: frozenset[str]
    common_given_ar: frozenset[str]
    strong_cues_ar: frozenset[str]
    cues_en: tuple[re.Pattern[str], ...]
    particles_en: frozenset[str]
    stop_en: frozenset[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = tomllib.loads(files("strikewatch.link").joinpath("names.toml").read_text("utf-8"))

    def words(name: str) -> frozenset[str]:
        # Folded as the text is, so the lexicon may be written with hamzas and ة.
        return frozenset(fold_for_match(str(w)).strip() for w in data[name])

    cues = sorted(data["cues_en"], key=len, reverse=True)
    return _Lexicon(
        cues_ar=words("cues_ar"),
        skip_ar=words("skip_ar"),
        stop_ar=words("stop_ar"),
        joiners_ar=words("joiners_ar"),
        lineage_ar=words("lineage_ar"),
        given_ar=words("given_names_ar"),
        common_given_ar=words("common_given_ar"),
        strong_cues_ar=words("strong_cues_ar"),
        cues_en=tuple(re.compile(rf"\b{re.escape(c)}\s*:?\s+", re.IGNORECASE) for c in cues),
        particles_en=words("particles_en"),
        stop_en=words("stop_en"),
    )


def _is_stop(word: str, lexicon: _Lexicon) -> bool:
    # "الشمالي" ends a name as "شمالي" does.
    return word in lexicon.stop_ar or (word.startswith("ال") and word[2:] in lexicon.stop_ar)


def _arabic_name(tokens: Sequence[str], start: int, lexicon: _Lexicon) -> list[str]:
    """The name's words from ``tokens[start]`` on (compounds joined), or [] if none."""
    units: list[str] = []
    i = start
    while i < len(tokens) and len(units) < MAX_WORDS:
        word = tokens[i]
        if not _AR_WORD.fullmatch(word) or _is_stop(word, lexicon):
            break
        if word in lexicon.lineage_ar and len(units) >= 2:
            break
        if word in lexicon.joiners_ar and i + 1 < len(tokens) and _AR_WORD.fullmatch(tokens[i + 1]):
            units.append(word + tokens[i + 1])
            i += 2
            continue
        if word not in lexicon.lineage_ar:
            units.append(word)
        i += 1
    # A name starts with a given name: "الطفل الصغير" is a description, not a name.
    if len(units) < 2 or units[0].startswith("ال"):
        return []
    return units


def _after_cue(tokens: Sequence[str], i: int, lexicon: _Lexicon) -> tuple[int, bool]:
    """Where the name after the cue at ``tokens[i]`` starts (quotes and titles skipped),
    and whether it is quoted (a quoted name after a victim word is plainly a name)."""
    j, quoted = i + 1, False
    while j < len(tokens) and (tokens[j] in _QUOTES or tokens[j] in lexicon.skip_ar):
        quoted = quoted or tokens[j] in _QUOTES
        j += 1
    return j, quoted


def _plausible(units: Sequence[str], strong: bool, lexicon: _Lexicon) -> bool:
    """Whether the words read as one person's name, given how they were introduced."""
    if not strong and units[0] not in lexicon.given_ar:
        return False  # a list number or "المواطن" starts sentences as often as names
    # "محمد علي" alone names thousands of people.
    return not (len(units) == 2 and all(u in lexicon.common_given_ar for u in units))


def _arabic_names(text: str, lexicon: _Lexicon) -> Iterator[list[str]]:
    folded = fold_for_match(text)
    tokens = _AR_TOKEN.findall(folded)
    for i, token in enumerate(tokens):
        if token in lexicon.cues_ar:
            start, quoted = _after_cue(tokens, i, lexicon)
            name = _arabic_name(tokens, start, lexicon)
            if name and _plausible(name, quoted or token in lexicon.strong_cues_ar, lexicon):
                yield name
    items = list(_LIST_ITEM.finditer(folded))
    if len(items) >= MIN_LIST_ITEMS:
        for item in items:
            window = _AR_TOKEN.findall(folded[item.end() : item.end() + 120])
            name = _arabic_name(window, 0, lexicon)
            if name and _plausible(name, False, lexicon):
                yield name


def _english_names(text: str, lexicon: _Lexicon) -> Iterator[list[str]]:
    for cue in lexicon.cues_en:
        for match in cue.finditer(text):
            # The name runs to the first comma, stop or bracket ("named as Omar Ali, 30,").
            run = _EN_END.split(text[match.end() : match.end() + 80], maxsplit=1)[0]
            words: list[str] = []
            for value in run.split()[:MAX_WORDS]:
                plain = value.strip("\"“”‘’'")
                named = bool(_EN_NAME.fullmatch(plain)) and plain not in lexicon.stop_en
                if not (named or (words and plain.lower() in lexicon.particles_en)):
                    break
                words.append(plain)
            while words and words[-1].lower() in lexicon.particles_en:
                words.pop()
            if len(words) >= 2:
                yield words


@lru_cache(maxsize=1)
def _common_folded() -> frozenset[str]:
    return frozenset(fold_name(w) for w in _lexicon().common_given_ar)


def _key(words: Sequence[str], common: frozenset[str]) -> str | None:
    folded = [fold_name(w) for w in words]
    first, last = folded[0], folded[-1]
    if not first or not last or first == last:
        return None
    if first in common and last in common:
        # "محمد ... حسن": first and last are too common to stand for the whole name.
        return " ".join(folded)
    return f"{first}|{last}"


def victim_names(text: str) -> list[str]:
    """Sorted keys ("first|last", folded) of the people the text names as victims."""
    lexicon = _lexicon()
    common = _common_folded()
    found = {_key(words, common) for words in _arabic_names(text, lexicon)}
    if re.search("[A-Za-z]", text):
        found |= {_key(words, common) for words in _english_names(text, lexicon)}
    return sorted(k for k in found if k)
