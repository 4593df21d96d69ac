"""A sentence's harm totals: its victim groups summed per field, repeats counted once.

The rules are described in :mod:`strikewatch.extract.harm`; :mod:`harm_sentence` finds
the groups and their harm, this module adds them up.
"""

from __future__ import annotations

from strikewatch.extract.harm_sentence import CIVILIAN_CLASSES, Group, Sentence
from strikewatch.extract.harm_words import bare_forms, victim_at
from strikewatch.extract.numbers import Range

__all__ = ["sentence_totals"]


def _repeated_lists(sentence: Sentence) -> set[int]:
    """Heads of victim lists that repeat an earlier list of the sentence word for word.

    A capture glues a headline to its body, or a post to its own copy, with no full
    stop between ("استشهاد عامل … ما أسفر عن استشهاد عامل"); "مقتل رجل … جثمان الرجل"
    names the same man again. The same victims with the same counts and harm are
    counted once ("طفل آخر", another child, differs from "طفل" by its words).
    """
    lists: dict[int, list[Group]] = {}
    for g in sentence.groups:
        lists.setdefault(g.head, []).append(g)
    seen: set[tuple[tuple[str, Range, str | None, bool, str], ...]] = set()
    repeated: set[int] = set()
    for head, groups in lists.items():
        signature = tuple(
            (g.victim, g.count, g.harm, g.subset, _noun_of(sentence, g)) for g in groups
        )
        if signature in seen and sentence.keys[head - 1] not in sentence.rules.another:
            repeated.add(head)
        seen.add(signature)
    return repeated


def _noun_of(sentence: Sentence, group: Group) -> str:
    """The group's last word without clitics or case ending: الرجل، رجلاً، رجل are one."""
    word = sentence.keys[group.end - 1]
    found = victim_at(sentence.keys, group.end - 1)
    if found is not None and found.kind == "other":
        return "other"  # آخرون / آخرين
    bare = bare_forms(word)[-1]
    if bare.endswith("ون"):
        bare = bare[:-2] + "ين"
    return bare[:-1] if len(bare) > 3 and bare.endswith("ا") else bare


def sentence_totals(sentence: Sentence) -> dict[str, tuple[Range, bool, list[Group]]]:
    """Per field: the sentence's sum, whether any part is vague, the groups used."""
    combatants = any(g.victim == "combatant" for g in sentence.groups)
    civilian = CIVILIAN_CLASSES | (
        {"person", "killed", "injured", "casualty"}
        if sentence.rules.unqualified_civilian and not combatants
        else set()
    )
    out: dict[str, tuple[Range, bool, list[Group]]] = {}
    tolls: dict[str, tuple[Range, bool, list[Group]]] = {}

    def add(name: str, count: Range, group: Group) -> None:
        into = tolls if group.toll else out
        total, vague, used = into.get(name, (Range(0, 0), False, []))
        into[name] = (total + count, vague or group.vague, [*used, group])

    # "حصيلة الضحايا إلى 7 شهداء": a plural noun beside a number is not more victims.
    numbered = {g.harm for g in sentence.groups if not g.plural}
    repeated = _repeated_lists(sentence)
    parent: Group | None = None
    # "أسرة كاملة (أب وأم وطفلان وجدة)": an unnumbered plural's breakdown gives
    # the numbers; the plural's own ceiling stays the total's (the parts may be a few).
    loose: Group | None = None
    ceilings: dict[str, int] = {}
    for g in sentence.groups:
        covered = g.harm in numbered or "both" in numbered
        skipped = g.harm in (None, "other") or g.broken_down  # the parts count instead
        if skipped or (g.plural and covered) or g.head in repeated:
            if not g.subset and not skipped and g.plural and g.head not in repeated:
                loose = g
            continue
        deaths = g.harm in ("death", "both")
        floor = sentence.rules.joint_floor if g.harm == "both" else g.count.low
        death_count = Range(min(floor, g.count.low), g.count.high)
        if deaths and g.victim == "child":
            add("children_killed", death_count, g)
        if deaths and g.victim == "woman":
            add("women_killed", death_count, g)
        if not g.subset:
            parent, loose = g, None
        elif loose is not None and loose.victim in civilian:
            pass  # the parts of an unnumbered plural of civilians
        elif parent is None or parent.victim in civilian or g.victim not in CIVILIAN_CLASSES:
            continue
        # Else "ثلاثة أشخاص (طفلان ومرتزق)": the civilians named within a total that
        # is not all civilian are counted, as the total itself is not.
        if g.victim in civilian:
            ceiling = loose.count.high if g.subset and loose is not None else None
            if deaths:
                add("civilian_deaths", death_count, g)
                if ceiling is not None:
                    ceilings["civilian_deaths"] = ceiling
            if g.harm in ("injury", "both"):
                low = 0 if g.harm == "both" else g.count.low
                add("civilian_injuries", Range(low, g.count.high), g)
                if ceiling is not None:
                    ceilings["civilian_injuries"] = ceiling
        elif g.victim == "combatant" and deaths:
            add("combatant_deaths", death_count, g)
    for name, ceiling in ceilings.items():
        total, _vague, used = out[name]
        if ceiling > total.high:
            out[name] = (Range(total.low, ceiling), True, used)
    # "استشهاد امرأة … قبل أن ترتفع الحصيلة إلى أربعة": the toll is the total.
    for name, toll in tolls.items():
        if name not in out or toll[0].high >= out[name][0].high:
            out[name] = toll
    return out
