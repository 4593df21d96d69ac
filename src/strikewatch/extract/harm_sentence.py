"""One sentence of a report read for harm: victim groups, harm cues, and their totals.

The rules are described in :mod:`strikewatch.extract.harm`; this module holds the
sentence reader that applies them, so the public module stays small.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from strikewatch.extract.harm_phrase import (
    CIVILIAN_CLASSES,
    describes_victim_before,
    grammatical_count,
    refine,
    victim_class,
)
from strikewatch.extract.harm_words import (
    HARM_CLASSES,
    armed_group_at,
    bare_forms,
    cue_of,
    is_harmful,
    rules,
    victim_at,
)
from strikewatch.extract.numbers import Range, read_quantity

__all__ = ["CIVILIAN_CLASSES", "Group", "Sentence"]

_CONJUNCTIONS = frozenset({"و", "and", "or", "او", ",", "&"})
# How many words from a harm word a victim group may start.
_REACH = 12
_OWN_HARM = {"killed": "death", "injured": "injury", "casualty": "both"}
_PASSIVE = frozenset({"were", "was", "been", "are", "is"})
_JOINERS = _CONJUNCTIONS | {"a", "an", "one", "the", "her", "his", "their"}
# Victims a toll may name without saying who they were (a party's toll makes them its own).
_UNQUALIFIED = frozenset({"person", "killed", "injured", "casualty"})
_POSSESSIVES = frozenset({"his", "her", "their", "its"})


@dataclass
class Group:
    count: Range
    victim: str
    start: int
    end: int
    vague: bool
    harm: str | None = None
    subset: bool = False
    plural: bool = False  # an unnumbered plural noun, counted by convention
    own: str | None = None  # the harm the noun itself names (شهيد, جرحى), if any
    # Where the list of victims this group belongs to starts and ends (a girl and a man).
    head: int = 0
    tail: int = 0
    toll: bool = False  # the count a toll rose to ("… إلى 16"): it replaces, not adds
    broken_down: bool = False  # "3 أشخاص بين شهيد وإصابتين": its parts are counted instead


class Sentence:
    """Groups and cues of one sentence, with the harm of each group resolved."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        self.rules = rules()
        # "… إلى 16": a toll noun's count is given after "to"; the noun is then no count.
        self.toll_count = not self.rules.toll_nouns.isdisjoint(keys) and any(
            k in self.rules.toll_to and read_quantity(keys, n + 1) is not None
            for n, k in enumerate(keys[:-1])
        )
        self.cues = self._find_cues()
        self.groups: list[Group] = []
        self._find_groups()
        if self.toll_count and self._party_toll():
            # "عدد قتلى قسد في الهجوم ارتفع إلى 31 قتيلاً": the toll is the party's dead.
            for group in self.groups:
                if group.toll and group.victim in _UNQUALIFIED:
                    group.victim = "combatant"
        self._assign_harm()

    def _party_toll(self) -> bool:
        """Whether a toll noun counts an armed party's victims ("عدد قتلى قسد")."""
        keys = self.keys
        for i, key in enumerate(keys[:-1]):
            victim = victim_at(keys, i + 1) if key in self.rules.toll_nouns else None
            if victim is not None:
                end = i + 1 + victim.size
                if victim_class(keys, victim, i + 1, end, self.rules) == "combatant":
                    return True
        return False

    def _find_cues(self) -> dict[int, str]:
        cues = {i: c for i, key in enumerate(self.keys) if (c := cue_of(key)) is not None}
        for i in range(1, len(self.keys)):
            # "عدد الشهداء", "حصيلة جرحى القصف … إلى 10": the counted noun says which harm
            # the toll is of (حصيلة alone reads as deaths).
            if self.keys[i - 1] not in self.rules.toll_nouns:
                continue
            victim = victim_at(self.keys, i)
            if victim is not None:
                harm = _OWN_HARM.get(victim.kind)
                if harm is not None:
                    cues[i - 1] = cues[i] = harm
        for i, key in enumerate(self.keys):
            # "فقدان خمسة أشخاص لحياتهم": a loss of life is a death, not someone missing.
            if not self.rules.lose.isdisjoint(bare_forms(key)) and any(
                not self.rules.life.isdisjoint(bare_forms(k)) for k in self.keys[i + 1 : i + 6]
            ):
                cues[i] = "death"
        for i in sorted(cues):
            # "مقتل وإصابة", "killed or injured": one cue for a joint count.
            j = i + 1
            if j < len(self.keys) and self.keys[j] in _CONJUNCTIONS:
                j += 1
            pair = {cues[i], cues.get(j)}
            if pair == {"death", "injury"}:
                cues[i] = cues[j] = "both"
        return cues

    def _is_noun(self, i: int) -> bool:
        """Whether keys[i] is an Arabic word that is no cue, clitic or number (a noun)."""
        key = self.keys[i]
        return (
            key.isalpha()
            and not key.isascii()
            and i not in self.cues
            and key not in _CONJUNCTIONS
            and key not in self.rules.fillers
            and read_quantity(self.keys, i) is None
        )

    def _skip(self, i: int, step: int, limit: int = 2) -> int:
        """The index after stepping over up to ``limit`` filler words from i."""
        fillers = self.rules.fillers
        while limit and 0 <= i < len(self.keys) and self.keys[i] in fillers:
            i += step
            limit -= 1
        return i

    def _cue_before(self, start: int) -> bool:
        return self._skip(start - 1, -1, 1) in self.cues

    def _cue_after(self, end: int) -> bool:
        at = self._skip(end, 1)
        # A cue with a leading و opens the next clause (… وأصيب آخرون), not this one.
        return at in self.cues and (self.keys[at].isascii() or not self.keys[at].startswith("و"))

    def _count_at(self, i: int) -> tuple[Range, int, bool] | None:
        keys, rules = self.keys, self.rules
        if keys[i] in rules.one_of and i + 1 < len(keys):
            return Range.exact(1), i + 1, False
        partitive = i + 1 < len(keys) and keys[i + 1].startswith("ال")  # وأحد الجرحى
        if keys[i] in rules.one_after_noun and i > 0 and self._is_noun(i - 1) and not partitive:
            return None  # "عائلة واحدة", "طفل واحد": "one" describes the noun before it
        found = read_quantity(keys, i)
        if found is None or (found.end < len(keys) and keys[found.end] in rules.not_a_count):
            return None
        if not found.vague and 1900 <= found.range.low <= 2100:
            return None  # a year
        return found.range, found.end, found.vague

    def _find_groups(self) -> None:
        keys, rules = self.keys, self.rules
        subset = False
        opened = -1  # where the last breakdown (بينهم, a bracket) opened
        found: list[tuple[Group, bool, bool]] = []  # group, licensed, joined to previous
        # Victims are named near a harm word; far words of a long page line are skipped.
        near = bytearray(len(keys) + 1)
        anchors = [n for n, k in enumerate(keys) if is_harmful(k)]
        if self.toll_count:
            # "ارتفعت حصيلة الضحايا … إلى 16 مدنياً": the toll's count sits after "إلى".
            anchors += [n for n, k in enumerate(keys[:-1]) if k in rules.toll_to]
        for anchor in anchors:
            low, high = max(0, anchor - _REACH), min(len(keys), anchor + _REACH)
            near[low:high] = b"\x01" * (high - low)
        i = 0
        while i < len(keys):
            key = keys[i]
            if not near[i]:
                i += 1
                continue
            if key in rules.subset or (
                key in ("(", ":") and found and self._closes(found[-1][0], i)
            ):
                # "among them" only splits a group already counted in this sentence.
                subset, i = bool(found), i + 1
                opened = i
                continue
            if key == ")" or (i in self.cues and victim_at(keys, i) is None):
                subset = False
            candidate = self._group_at(i)
            if candidate is None:
                i += 1
                continue
            group, licensed = candidate
            group.toll = self.toll_count and i > 0 and keys[i - 1] in rules.toll_to
            last = found[-1][0] if found else None
            gap = keys[last.end : i] if last is not None else ["."]
            # "امرأة وطفلين", "two fighters and a civilian": one list of victims.
            joined = len(gap) <= 2 and (
                (not gap and key.startswith("و"))
                or (bool(gap) and gap[0] in _CONJUNCTIONS and set(gap) <= _JOINERS)
            )
            group.subset = subset
            # A breakdown right after its marker is licensed by the group it breaks down.
            licensed = licensed or (subset and i == opened and bool(found))
            found.append((group, licensed, joined))
            i = group.end
        # A chain of victims joined by و/and is licensed as a whole: "طفلين وامرأتين
        # ورجلين … قتلوا" needs the cue after the last of them.
        chain: list[tuple[Group, bool, bool]] = []
        for item in [*found, None]:
            if item is not None and (not chain or item[2]):
                chain.append(item)
                continue
            if chain and (any(lic for _, lic, _ in chain) or self._cue_within(chain[-1][0].end, 6)):
                for g, _, _ in chain:
                    g.head, g.tail = chain[0][0].start, chain[-1][0].end
                self.groups.extend(g for g, _, _ in chain)
            chain = [item] if item is not None else []

    def _between(self, end: int) -> str | None:
        """What "بين A وB" after keys[end] makes of the count before it, if A and B name
        the killed and the injured: "joint" when both are bare words ("20 مدنياً بين قتيل
        وجريح", "بين قتل وجريح": deaths 0..N, injuries 0..N), "breakdown" when either is
        counted ("3 أشخاص بين شهيد وإصابتين": the parts are counted, not the total).
        """
        keys = self.keys
        if end + 2 >= len(keys) or keys[end] != self.rules.joint_between:
            return None
        first = self._part(end + 1)
        after = first[2] + 1 if first else len(keys)
        if after < len(keys) and keys[after] in ("و", "and"):
            after += 1
        second = self._part(after) if after < len(keys) else None
        if first is None or second is None or {first[0], second[0]} != {"death", "injury"}:
            return None
        return "breakdown" if first[1] or second[1] else "joint"

    def _part(self, i: int) -> tuple[str, bool, int] | None:
        """The harm a word names at keys[i] (a victim noun or a cue), whether it is
        counted (a dual, a plural, a number before it), and where it ends."""
        counted = read_quantity(self.keys, i) is not None and not self.keys[i].startswith("و")
        at = i + 1 if counted else i
        victim = victim_at(self.keys, at) if at < len(self.keys) else None
        if victim is not None and victim.kind in ("killed", "injured"):
            return _OWN_HARM[victim.kind], counted or victim.number != "sg", at + victim.size - 1
        cue = cue_of(self.keys[at]) if at < len(self.keys) and not counted else None
        return (cue, False, at) if cue in ("death", "injury") else None

    def _closes(self, group: Group, i: int) -> bool:
        """Whether a bracket or colon at keys[i] opens the breakdown of the group before it.

        Right after the group, or a bracket a few words on: "5 مدنيين من أسرة واحدة (3
        أطفال ورجل وامرأة)" lists the five, not five more.
        """
        gap = i - group.end
        return gap == 0 or (self.keys[i] == "(" and gap <= 3 and group.end - 1 not in self.cues)

    def _passive_cue(self, end: int) -> int | None:
        """A cue a few words on after "were"/"was" ("two others in the town were injured")."""
        for at in range(end, min(end + 7, len(self.keys))):
            key = self.keys[at]
            if key in (",", "و", "and") or read_quantity(self.keys, at) is not None:
                return None
            if at in self.cues and self.keys[at - 1] in _PASSIVE:
                return at
        return None

    def _cue_within(self, end: int, distance: int) -> bool:
        return any(c in self.cues for c in range(end, end + distance))

    def _group_at(self, i: int) -> tuple[Group, bool] | None:
        """The group starting at keys[i] and whether a cue licenses it on its own."""
        keys, rules = self.keys, self.rules
        counted = self._count_at(i)
        if counted is not None:
            count, j, vague = counted
            k = j + 1 if j < len(keys) and keys[j] in ("من", "of") else j
            if k > j and k + 1 < len(keys) and keys[k] in _POSSESSIVES:
                k += 1  # "three of his children"
            if (
                j + 2 < len(keys)
                and keys[j] in rules.hedges
                and keys[j + 1] in rules.hedge_that
                and keys[j + 2] == "من"
            ):
                k = j + 3  # "اثنين يرجح أنهما من عناصر التنظيم": likely members of
            if k > j and (size := armed_group_at(keys, k)):
                # "مقتل 5 من داعش": of an armed party, so its fighters.
                return Group(count, "combatant", i, k + size, vague), True
            victim = victim_at(keys, k) or victim_at(keys, self._skip(k, 1, 1))
            if victim is not None:
                start = self._skip(k, 1, 1) if victim_at(keys, k) is None else k
                end = refine(self.keys, start + victim.size)
                kind = victim_class(self.keys, victim, start, end, rules)
                other = victim_at(keys, end) if end < len(keys) else None
                joined = other is not None and other.kind in HARM_CLASSES and other.number != "du"
                if kind in HARM_CLASSES and other is not None and joined:
                    # "20 قتيلا وجريحا": killed and injured together ("3 قتلى وجريحان": two).
                    kind, end = ("casualty" if other.kind != kind else kind), end + other.size
                between = self._between(end)
                if between == "joint" and kind == "combatant":
                    # "عدة عناصر بين قتيل وجريح": fighters killed and injured together.
                    return Group(count, kind, i, end + 3, vague, own="casualty"), True
                if between == "joint":
                    # "20 مدنياً بين قتيل وجريح": killed and injured together.
                    kind, end = "casualty", end + 3
                elif between == "breakdown":
                    # "3 أشخاص بين شهيد وإصابتين": the parts that follow are counted.
                    return Group(count, kind, i, end, vague, broken_down=True), True
                own = kind if kind in HARM_CLASSES else _OWN_HARM.get(victim.kind)
                if own == "injured" and (keys[k] == "the" or keys[start].startswith(("ال", "وال"))):
                    # "وأحد الجرحى", "one of the wounded": the cue says what befell them.
                    kind, own = "person", None
                return Group(count, kind, i, end, vague, own=own), True
            if self._between(j) == "joint":
                return Group(count, "casualty", i, j + 3, vague, own="casualty"), True
            # "يرتفع العدد إلى 5", "ارتفع عدد الضحايا في القرية إلى 12": a toll's bare
            # count after "to" (not "إلى 3 مشافي", a count of something else).
            toll = (
                i > 1
                and keys[i - 1] in rules.toll_to
                and (
                    keys[i - 2] in rules.toll_nouns
                    or (self.toll_count and not (j < len(keys) and self._is_noun(j)))
                )
            )
            if toll or self._cue_before(i) or self._cue_after(j):
                return Group(count, "person", i, j, vague), True
            return None
        victim = victim_at(keys, i)
        if victim is None or (
            i > 0 and not rules.not_victim_after.isdisjoint(bare_forms(keys[i - 1]))
        ):
            return None
        if describes_victim_before(keys, rules, self.cues, i):
            return None
        end = refine(self.keys, i + victim.size)
        if end < len(keys) and keys[end] == "s":
            return None  # "the child's family": a possessive, not a victim
        stated, vague = grammatical_count(keys, rules, self.cues, victim, i)
        if stated is None:
            return None
        count = stated
        if victim.number == "pl" and end < len(keys):
            # "مدنيين اثنين", "أطفالهما السبعة": the number follows the noun.
            word = keys[end]
            after = read_quantity([word[2:] if word.startswith("ال") else word], 0)
            if after is not None and not after.vague and after.range.high <= 10:
                count, vague, end = after.range, False, end + 1
        licensed = (
            victim.kind in HARM_CLASSES
            or any(self._skip(i - d, -1, 1) in self.cues for d in (1, 2, 3))
            or self._cue_after(end)
        )
        own = _OWN_HARM.get(victim.kind)
        kind = victim_class(self.keys, victim, i, end, rules)
        group = Group(count, kind, i, end, vague, plural=vague, own=own)
        return group, licensed

    def _assign_harm(self) -> None:
        cue_at = sorted(self.cues)
        previous: Group | None = None
        for group in self.groups:
            if group.own is not None:
                # شهيد مدني: the noun names the harm even when an adjective names the victim.
                group.harm = _OWN_HARM.get(group.own, group.own)
            elif group.head - 1 in self.cues:
                group.harm = self.cues[group.head - 1]
            elif self._cue_after(group.tail):
                # "a girl and a man were injured": the cue after the list covers all of it.
                group.harm = self.cues[self._skip(group.tail, 1)]
            elif (passive := self._passive_cue(group.tail)) is not None:
                group.harm = self.cues[passive]
            elif self._cue_before(group.start):
                group.harm = self.cues[self._skip(group.start - 1, -1, 1)]
            elif group.subset and previous is not None:
                group.harm = previous.harm
            else:
                # The nearest cue before the group, else the nearest after it.
                at = bisect_left(cue_at, group.start)
                later = bisect_left(cue_at, group.end)
                pick = cue_at[at - 1] if at else (cue_at[later] if later < len(cue_at) else None)
                group.harm = self.cues[pick] if pick is not None else None
            if group.victim == "other":
                group.victim = previous.victim if previous is not None else "person"
            previous = group
