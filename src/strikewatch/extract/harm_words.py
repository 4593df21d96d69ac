"""The harm vocabulary as loaded for :mod:`strikewatch.extract.harm`: lookups by word.

Victim nouns, harm cues and rule settings live in ``lexicons/harm_lexicon.toml`` and
``lexicons/harm_rules.toml``; this module folds them once and answers per-word questions
(is it a cue, which victim noun starts here) from caches, since report vocabulary repeats.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from strikewatch.extract.numbers import Range
from strikewatch.normalise import fold_for_match

__all__ = [
    "HARM_CLASSES",
    "Rules",
    "Victim",
    "armed_group_at",
    "bare_forms",
    "cue_of",
    "is_harmful",
    "prefilter",
    "rules",
    "victim_at",
]

_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "وب", "ول", "و", "ف", "ب", "ل")
# Victim classes that name the harm itself (a martyr, the wounded, casualties).
HARM_CLASSES = frozenset({"killed", "injured", "casualty"})


@dataclass(frozen=True)
class Victim:
    kind: str  # civilian, child, woman, person, combatant, killed, injured, casualty, other
    number: str  # sg, du, pl
    size: int  # words the noun takes


@dataclass(frozen=True)
class Rules:
    victims: dict[tuple[str, ...], tuple[str, str]]
    cues: dict[str, str]
    subset: frozenset[str]
    fillers: frozenset[str]
    not_a_count: frozenset[str]
    determiners: frozenset[str]
    one_of: frozenset[str]
    one_after_noun: frozenset[str]
    tally: re.Pattern[str]
    rising: re.Pattern[str]
    strike: re.Pattern[str]
    not_victim_after: frozenset[str]
    kin_of: frozenset[str]
    armed_groups: frozenset[tuple[str, ...]]  # each name's folded words
    victims_of: frozenset[str]  # victim nouns whose genitive names the attacker
    hedges: frozenset[str]
    hedge_that: frozenset[str]
    toll_nouns: frozenset[str]
    toll_to: frozenset[str]
    lose: frozenset[str]
    joint_between: str
    another: frozenset[str]
    life: frozenset[str]
    zero: re.Pattern[str]
    background: re.Pattern[str]
    background_after: re.Pattern[str]
    damage_only: re.Pattern[str]
    plural: Range
    joint_floor: int
    unqualified_civilian: bool
    count_others: bool


def _fold(word: str) -> str:
    return " ".join(fold_for_match(word).split())


def _load(name: str) -> dict[str, Any]:
    path = resources.files("strikewatch.extract") / "lexicons" / name
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _alternation(phrases: list[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, _fold(p).split())) for p in phrases)


@cache
def rules() -> Rules:
    lex = _load("harm_lexicon.toml")
    settings = _load("harm_rules.toml")
    victims = {
        tuple(_fold(w).split()): (kind, number)
        for kind, table in lex["victims"].items()
        for number, entries in table.items()
        for w in entries
    }
    kin = lex["kin"]
    for kind in ("civilian", "child", "woman"):
        for number, stems in kin[kind].items():
            for stem in stems:
                for suffix in kin["suffixes"]:
                    victims.setdefault((_fold(stem + suffix),), (kind, number))
    cues = {_fold(w): kind for kind, entries in lex["cues"].items() for w in entries}
    words = lex["words"]
    zero = _alternation(lex["zero"]["phrases"])
    return Rules(
        victims=victims,
        cues=cues,
        subset=frozenset(_fold(w) for w in words["subset"]),
        fillers=frozenset(_fold(w) for w in words["fillers"]),
        not_a_count=frozenset(_fold(w) for w in words["not_a_count"]),
        determiners=frozenset(words["determiners_en"]),
        one_of=frozenset(_fold(w) for w in words["one_of"]),
        one_after_noun=frozenset(_fold(w) for w in words["one_after_noun"]),
        tally=re.compile(_alternation(words["tally"])),
        rising=re.compile(_alternation(words["rising"])),
        strike=re.compile(_alternation(words["strike"])),
        not_victim_after=frozenset(_fold(w) for w in words["not_victim_after"]),
        kin_of=frozenset(_fold(w) for w in words["kin_of"]),
        armed_groups=frozenset(tuple(_fold(w).split()) for w in words["armed_groups"]),
        victims_of=frozenset(_fold(w) for w in words["victims_of"]),
        hedges=frozenset(_fold(w) for w in words["hedges"]),
        hedge_that=frozenset(_fold(w) for w in words["hedge_that"]),
        # With each clitic and article a word may carry: "الحصيلة", "والعدد" (bare_forms).
        toll_nouns=frozenset(
            prefix + noun
            for noun in (_fold(w) for w in words["toll_nouns"])
            for prefix in ("", *_PREFIXES)
        ),
        toll_to=frozenset(_fold(w) for w in words["toll_to"]),
        lose=frozenset(_fold(w) for w in words["lose"]),
        joint_between=_fold(words["joint_between"]),
        another=frozenset(_fold(w) for w in words["another"]),
        life=frozenset(_fold(w) for w in words["life"]),
        zero=re.compile(zero),
        background=re.compile(_alternation(lex["background"]["sentence"])),
        background_after=re.compile(_alternation(lex["background"]["after"])),
        damage_only=re.compile(_alternation(lex["zero"]["damage_only"])),
        plural=Range(*settings["unnumbered_plural"]),
        joint_floor=int(settings["joint_deaths_floor"]),
        unqualified_civilian=bool(settings["unqualified_civilian"]),
        count_others=bool(settings["count_unnumbered_others"]),
    )


@cache
def bare_forms(key: str) -> tuple[str, ...]:
    """The key and the key without each Arabic clitic prefix it may carry."""
    forms = [key]
    for prefix in _PREFIXES:
        if key.startswith(prefix) and len(key) - len(prefix) >= 2:
            forms.append(key[len(prefix) :])
    return tuple(forms)


def armed_group_at(keys: list[str], i: int) -> int:
    """How many words an armed party's name at keys[i] takes ("داعش", "حزب الله"), or 0."""
    groups = rules().armed_groups
    for size in (3, 2, 1):
        if i + size <= len(keys):
            rest = tuple(keys[i + 1 : i + size])
            if any((form, *rest) in groups for form in bare_forms(keys[i])):
                return size
    return 0


@cache
def cue_of(key: str) -> str | None:
    """The cue kind of a word (death, injury, both, other), with or without clitics."""
    cues = rules().cues
    return next((cues[f] for f in bare_forms(key) if f in cues), None)


@cache
def is_harmful(key: str) -> bool:
    """Whether the word is a harm cue or a noun that names victims by their harm."""
    victims = rules().victims
    return cue_of(key) is not None or any(
        victims.get((f,), ("", ""))[0] in HARM_CLASSES for f in bare_forms(key)
    )


@cache
def _victim_heads(key: str) -> tuple[str, ...]:
    """The forms of the word that begin a victim noun or phrase (usually none)."""
    heads = _heads()
    return tuple(f for f in bare_forms(key) if f in heads)


@cache
def _heads() -> frozenset[str]:
    return frozenset(phrase[0] for phrase in rules().victims)


@cache
def prefilter() -> re.Pattern[str]:
    """A pattern that any sentence stating harm matches (cue and harm-noun stems)."""
    stems = {w for w in rules().cues} | {
        p[0] for p, (kind, _) in rules().victims.items() if kind in HARM_CLASSES
    }
    # A stem inside another (قتل in مقتلهم) finds every sentence the longer one would.
    shortest = {w for w in stems if not any(o != w and o in w for o in stems)}
    return re.compile(_trie(sorted(shortest)))


def _trie(words: list[str]) -> str:
    """A regex for the words with shared beginnings factored out (fast to search)."""
    groups: dict[str, list[str]] = {}
    ends = False
    for word in words:
        if word:
            groups.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    parts = [re.escape(first) + _trie(rest) for first, rest in groups.items()]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 and not ends else "(?:" + "|".join(parts) + ")"
    return body + "?" if ends and body else body


def victim_at(keys: list[str], i: int) -> Victim | None:
    """The victim noun starting at keys[i] (longest phrase first), if any."""
    forms = _victim_heads(keys[i]) if i < len(keys) else ()
    if not forms:
        return None
    victims = rules().victims
    for size in (3, 2, 1):
        if i + size > len(keys):
            continue
        rest = tuple(keys[i + 1 : i + size])
        for form in forms:
            found = victims.get((form, *rest))
            if found is not None:
                return Victim(found[0], found[1], size)
    return None
