"""A victim phrase: where it ends, which class of victim it names, and how many.

Read by :mod:`harm_sentence` for each victim noun it finds; the rules are described in
:mod:`strikewatch.extract.harm`.
"""

from __future__ import annotations

from collections.abc import Mapping

from strikewatch.extract.harm_words import (
    HARM_CLASSES,
    Rules,
    Victim,
    armed_group_at,
    bare_forms,
    is_harmful,
    victim_at,
)
from strikewatch.extract.numbers import Range

__all__ = [
    "CIVILIAN_CLASSES",
    "describes_victim_before",
    "grammatical_count",
    "of_armed_party",
    "refine",
    "victim_class",
]

CIVILIAN_CLASSES = frozenset({"civilian", "child", "woman"})
# Words between an English determiner and its noun: "a 10-year-old boy", "a young man".
_AGE_WORDS = frozenset({"year", "years", "old", "month", "months", "young", "elderly", "little"})


def describes_victim_before(keys: list[str], rules: Rules, cues: Mapping[int, str], i: int) -> bool:
    """Whether keys[i] is a kin noun of someone killed ("ابنة الشهيد", "والد الشهيدة")
    that no cue makes a victim: "الطفلة ريم ابنة الشهيد" is one girl, "والد الشهيدة يروي"
    a father who speaks; "استشهاد زوجة الشهيد" still counts the wife."""
    if i + 1 >= len(keys) or keys[i] not in rules.kin_of:
        return False
    of_the_dead = keys[i + 1].startswith("ال") and is_harmful(keys[i + 1])
    return of_the_dead and i - 1 not in cues


def grammatical_count(
    keys: list[str], rules: Rules, cues: Mapping[int, str], victim: Victim, i: int
) -> tuple[Range | None, bool]:
    """How many a victim noun at keys[i] names by its number, and whether by convention."""
    if victim.number == "du":
        return Range.exact(2), False
    if victim.number == "sg":
        # A headline may start with a bare noun: "Child killed in …".
        back = i - 1
        while back > 0 and (keys[back] in _AGE_WORDS or keys[back].isdecimal()):
            back -= 1
        # "a young man", "kills civilian" (a headline's object), "Child killed …".
        determined = (
            i == 0
            or keys[back] in rules.determiners
            or keys[i - 1] in rules.determiners
            or i - 1 in cues
        )
        if keys[i].isascii() and not determined:
            return None, False
        return Range.exact(1), False
    if victim.kind in HARM_CLASSES and keys[i].isascii():
        return None, False  # "were injured", "the dead": a cue, not a count
    if victim.kind == "other" and not rules.count_others:
        return None, False
    return rules.plural, True


def of_armed_party(keys: list[str], end: int, rules: Rules, noun: int) -> bool:
    """Whether the victim noun at keys[noun], ending at end, is followed by an armed party
    it belongs to: "من قسد" after any, the party's name itself after a killed noun
    ("قتلى قوات النظام"), not after "ضحايا" (whose genitive names the attacker)."""
    if end + 1 < len(keys) and keys[end] == "من" and armed_group_at(keys, end + 1):
        return True
    if end >= len(keys) or keys[noun].isascii():
        return False
    return rules.victims_of.isdisjoint(bare_forms(keys[noun])) and bool(armed_group_at(keys, end))


def refine(keys: list[str], end: int) -> int:
    """Where a victim phrase ends, taking a following "مدنيين"/"civilians" along."""
    if end < len(keys) and not keys[end].isascii():
        # "طفل آخر", "مدنيين آخرين": "other" after a noun describes it, no new victim.
        other = victim_at(keys, end)
        if other is not None and other.kind == "other" and not keys[end].startswith("و"):
            return end + other.size
    if end + 1 < len(keys) and keys[end].isascii():
        # "women SDF fighters", "female fighters": the second noun says who they were.
        later = victim_at(keys, end + 1)
        if later is not None and later.kind == "combatant":
            return end + 1 + later.size
    # "الشهيد المصور الصحفي": nouns that follow without "و" describe the same person.
    while end < len(keys):
        nxt = victim_at(keys, end)
        wanted = nxt is not None and nxt.kind in CIVILIAN_CLASSES | {"combatant"}
        if nxt is None or not wanted or keys[end].startswith("و"):
            break
        end += nxt.size
    return end


def victim_class(keys: list[str], victim: Victim, start: int, end: int, rules: Rules) -> str:
    """The victim class, using an adjective that follows a harm noun (شهداء مدنيين)."""
    refined = victim_at(keys, end - 1) if end > 0 and keys[end - 1] else None
    vague_kind = victim.kind in HARM_CLASSES | {"person", "other"}
    if refined is not None and refined.kind == "combatant":
        return "combatant"  # "women fighters", "مدنيين مسلحين" are combatants
    if victim.kind in HARM_CLASSES and of_armed_party(keys, end, rules, start):
        return "combatant"  # "قتلى وجرحى من قسد", "قتلى قسد": the party's own dead
    if vague_kind and refined is not None and refined.kind in CIVILIAN_CLASSES:
        return refined.kind
    return victim.kind
