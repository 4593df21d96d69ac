"""Who struck: belligerents named in a report, or inferred from who holds the area struck.

Cues come from ``lexicons/actors_cues.toml``; areas of control and their usual attackers
by period from ``extract.control``. A name ("قسد", "the regime") counts as the striker
only when the words around it say so: the belligerent is who strikes, not who is hit,
who holds the area, or who reports it. Matching is word by word through
dictionaries (``weapons.WordIndex``), which keeps a report well under a millisecond.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib.resources import files
from typing import Any

from strikewatch.extract.control import (
    Control,
    control_zones,
    period_of,
    publisher_zone,
    usual_attackers,
    zone_of,
)
from strikewatch.extract.weapons import WordIndex, Words, split_words, strip_article
from strikewatch.normalise import fold_for_match

__all__ = ["BELLIGERENTS", "ActorFinding", "belligerent_family", "find_belligerents"]

# The interfaces.md vocabulary, in the order used to break ties.
BELLIGERENTS: tuple[str, ...] = (
    "us-led-coalition",
    "united-states",
    "france",
    "united-kingdom",
    "jordan",
    "russia",
    "syrian-regime",
    "iran",
    "israel",
    "turkey",
    "sdf",
    "ypg",
    "kurdish-forces",
    "sna",
    "hts",
    "isis",
    "tribal-forces",
    "unknown",
)
# Ids that are one actor for attribution: the Coalition and its members, the SDF and YPG.
_FAMILY = {
    "united-states": "us-led-coalition",
    "france": "us-led-coalition",
    "united-kingdom": "us-led-coalition",
    "jordan": "us-led-coalition",
    "ypg": "sdf",
    "kurdish-forces": "sdf",
}
# A cue that says who struck outweighs a bare mention; early mentions (headline, lead)
# outweigh the page chrome and "related news" that web captures trail behind.
_AGENT_WEIGHT = 3.0
_NAME_WEIGHT = 1.0
_LEAD_CHARS = 400
_LEAD_BONUS = 1.5
# A further belligerent is listed only with weight of its own beside the first.
_KEEP_RATIO = 0.35
_KEEP_MIN = 2.0
# A publisher's habit decides only when it is strong: measured on the development corpus,
# the publisher's most named belligerent was right 37 % of the time overall, 79 % when it
# held at least this share of the publisher's named reports.
_PRIOR_MIN_SHARE = 0.8


@dataclass(frozen=True)
class ActorFinding:
    """Who a report says struck, most likely first, with the cues and reasons."""

    belligerents: list[str]
    disputed: bool
    inferred: bool
    spans: list[tuple[int, int]]
    reasons: list[str]
    # The part of ``belligerents`` that came from areas of control, not from the text.
    context_belligerents: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Context:
    reach: int
    agent_before: frozenset[str]
    group_before: frozenset[str]
    target_before: frozenset[str]
    from_words: frozenset[str]
    skip: frozenset[str]
    agent_after: frozenset[str]
    target_after: frozenset[str]


@dataclass(frozen=True)
class _Cue:
    belligerent: str  # "" for a striker outside the vocabulary ([[unlisted]])
    agent: bool  # the term says by itself who struck
    until: date | None  # the term names this belligerent only in events up to this date
    striker_only: bool = False  # a bare mention of it names the hunted, not the striker


@dataclass(frozen=True)
class _Lexicon:
    cues: WordIndex  # value: the index of its _Cue in cue_list
    cue_list: tuple[_Cue, ...]
    context: _Context
    dispute_triggers: frozenset[str]
    dispute: re.Pattern[str]
    control: Control


def belligerent_family(belligerent: str) -> str:
    """The attribution family of a belligerent id (Coalition members → the Coalition)."""
    return _FAMILY.get(belligerent, belligerent)


def _load(name: str) -> dict[str, Any]:
    resource = files("strikewatch.extract") / "lexicons" / name
    return tomllib.loads(resource.read_text(encoding="utf-8"))


def _bare_set(words: list[str]) -> frozenset[str]:
    return frozenset(strip_article(fold_for_match(w)) for w in words)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = _load("actors_cues.toml")
    cues = WordIndex()
    cue_list: list[_Cue] = []
    for cue in [*data["cue"], *data["unlisted"]]:
        until = date.fromisoformat(cue["until"]) if "until" in cue else None
        cue_list.append(
            _Cue(
                cue.get("belligerent", ""),
                bool(cue.get("agent")),
                until,
                bool(cue.get("striker_only")),
            )
        )
        for term in cue["terms"]:
            cues.add(term, str(len(cue_list) - 1))
    ctx = data["context"]
    context = _Context(
        reach=int(ctx["reach"]),
        agent_before=_bare_set(ctx["agent_before"]),
        group_before=_bare_set(ctx["group_before"]),
        target_before=_bare_set(ctx["target_before"]),
        from_words=_bare_set(ctx["from_words"]),
        skip=_bare_set(ctx["skip"]),
        agent_after=_bare_set(ctx["agent_after"]),
        target_after=_bare_set(ctx["target_after"]),
    )
    dispute = data["dispute"]
    return _Lexicon(
        cues=cues,
        cue_list=tuple(cue_list),
        context=context,
        dispute_triggers=_bare_set(dispute["triggers"]),
        dispute=re.compile("|".join(fold_for_match(p) for p in dispute["patterns"])),
        control=control_zones(),
    )


def _role(ctx: _Context, words: Words, first: int, last: int) -> str:
    """Whether the name in words[first:last] struck ("agent"), was struck, or neither."""
    state = ""
    for i in range(first - 1, max(-1, first - 1 - ctx.reach), -1):
        forms = words.forms[i]
        if state == "target" and any(f in ctx.from_words for f in forms):
            return "agent"  # "shelling from positions of X"
        if state != "target" and any(f in ctx.agent_before for f in forms):
            return "agent"
        if any(f in ctx.target_before for f in forms):
            state = "target"
        elif any(f in ctx.group_before for f in forms):
            state = state or "group"
        elif not any(f in ctx.skip for f in forms):
            break
    if state:
        return "agent" if state == "group" else "target"
    for i in range(last, min(len(words.forms), last + 2)):
        if not ctx.agent_after.isdisjoint(words.forms[i]):
            return "agent"
        if not ctx.target_after.isdisjoint(words.forms[i]):
            return "target"
    return "neutral"


@dataclass
class _Mentions:
    scores: dict[str, float] = field(default_factory=dict)
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    targets: int = 0  # names read as the struck party or the area holder
    outdated: int = 0  # names past their cue's date
    unlisted: list[str] = field(default_factory=list)  # strikers outside the vocabulary


def _coordinated(words: Words, end: int, first: int) -> bool:
    """Whether the name at ``first`` is joined by "و"/"and" to the name ending at ``end``."""
    if first == end:
        return words.text[first].startswith("و")
    # A quote or hashtag splits the conjunction off: «قوات النظام و"قسد"».
    return first == end + 1 and words.text[end] in ("و", "and")


def _score_mentions(lex: _Lexicon, words: Words, event_date: date | None) -> _Mentions:
    """Weight and spans of each belligerent named, and the names that are not strikers."""
    found = _Mentions()
    scores, spans = found.scores, found.spans
    previous = (-1, "")  # end word and role of the last mention
    for first, last, value in lex.cues.find(words):
        cue = lex.cue_list[int(value)]
        belligerent = cue.belligerent
        if cue.until is not None and event_date is not None and event_date > cue.until:
            found.outdated += 1  # "القوات الحكومية" after the regime fell are not Assad's
            previous = (last, "")
            continue
        if cue.agent:
            role = "agent"
        elif previous[1] and _coordinated(words, previous[0], first):
            role = previous[1]  # "قوات النظام وروسيا": a coordinated name shares the role
        else:
            role = _role(lex.context, words, first, last)
        previous = (last, role)
        if role == "target" or (cue.striker_only and role != "agent"):
            found.targets += 1
            continue
        if not belligerent:
            if role == "agent":
                found.unlisted.append(" ".join(words.text[first:last]))
            continue
        start, end = words.spans[first][0], words.spans[last - 1][1]
        weight = _AGENT_WEIGHT if role == "agent" else _NAME_WEIGHT
        if start < _LEAD_CHARS:
            weight *= _LEAD_BONUS
        scores[belligerent] = scores.get(belligerent, 0.0) + weight
        spans.setdefault(belligerent, []).append((start, end))
    return found


def _rank(scores: dict[str, float]) -> list[str]:
    """Belligerents worth listing, strongest first; one id per family."""
    # Ties go by the vocabulary's order, which puts foreign air forces before local ones:
    # measured on the development corpus, that order is right more often.
    ranked = sorted(scores, key=lambda b: (-scores[b], BELLIGERENTS.index(b)))
    if not ranked:
        return []
    top = scores[ranked[0]]
    kept: list[str] = []
    families: set[str] = set()
    for belligerent in ranked:
        family = belligerent_family(belligerent)
        strong = scores[belligerent] >= max(_KEEP_MIN, _KEEP_RATIO * top)
        if (not kept or strong) and family not in families:
            kept.append(belligerent)
            families.add(family)
    return kept


def _is_disputed(lex: _Lexicon, words: Words, folded: str) -> bool:
    """Whether the text hedges, disputes or leaves open who struck."""
    # The triggers only gate the search: any form of a word may hold one (a few look-ups
    # in the report's index of forms, not a pass over its words).
    if words.starts.keys().isdisjoint(lex.dispute_triggers):
        return False
    return lex.dispute.search(folded) is not None


def find_belligerents(
    text: str,
    *,
    language: str | None,
    publisher: str | None = None,
    admin1: str | None = None,
    latitude: float | None = None,
    longitude: float | None = None,
    event_date: date | None = None,
    strike_type: list[str] | None = None,
    publisher_prior: dict[str, float] | None = None,
    joint_partners: bool = True,
) -> ActorFinding:
    """Who the report says struck, or (marked inferred) who usually strikes that area.

    ``publisher_prior`` maps belligerent ids to their share among the belligerents this
    publisher's other reports named; it decides only when neither the text nor the area
    does. ``joint_partners`` adds, as context, the partner of a named belligerent in a
    joint campaign of that area and period (Russia beside regime forces in Idlib).
    """
    del language  # cues are bilingual
    lex = _lexicon()
    words = split_words(text)
    folded = words.folded
    mentions = _score_mentions(lex, words, event_date)
    scores, spans_by = mentions.scores, mentions.spans
    explicit = _rank(scores)
    reasons = [f"named {b} ({scores[b]:.1f})" for b in explicit]
    if mentions.targets:
        reasons.append(f"{mentions.targets} name(s) read as the struck party or area holder")
    if mentions.outdated:
        reasons.append(
            f"{mentions.outdated} name(s) not read: the event is after the date they held"
        )
    # A striker the vocabulary has no id for (opposition factions, the post-2024 security
    # forces) leaves nothing to infer: who holds the area did not strike.
    inferable = not explicit and not mentions.unlisted
    if mentions.unlisted and not explicit:
        reasons.append(f"the text names a striker outside the vocabulary: '{mentions.unlisted[0]}'")
    zone, why = zone_of(lex.control, words, admin1, latitude, longitude)
    if zone is None and publisher:
        zone, why = publisher_zone(lex.control, split_words(publisher))
    period = period_of(zone, event_date) if zone is not None else None
    context: list[str] = []
    if inferable and period is not None:
        context = usual_attackers(period, strike_type or [])
        if context:
            reasons.append(f"inferred from control: {why}")
    if inferable and not context and publisher_prior:
        usual = max(publisher_prior, key=lambda b: publisher_prior[b])
        if publisher_prior[usual] >= _PRIOR_MIN_SHARE:
            context = [usual]
            reasons.append(f"inferred from the publisher's other reports ({usual})")
    if explicit and joint_partners and period is not None:
        families = {belligerent_family(b) for b in explicit}
        for partner in period.joint.get(belligerent_family(explicit[0]), []):
            if belligerent_family(partner) not in families:
                context.append(partner)
                reasons.append(f"{partner} joint with {explicit[0]}: {why}")
    disputed = _is_disputed(lex, words, folded)
    if disputed:
        reasons.append("the text disputes or hedges attribution")
    return ActorFinding(
        belligerents=explicit + context,
        disputed=disputed,
        inferred=bool(context),
        spans=sorted(s for b in explicit for s in spans_by[b]),
        reasons=reasons,
        context_belligerents=context,
    )
