"""Civilian-harm ranges of an incident: the lowest and highest credible figures.

Rule (methodology.md): the minimum is the lowest figure a credible source gives for the
incident, the maximum the highest. One source's figure far above every other
(``outlier_factor`` times the next highest, by its lowest reading) is left out of the
maximum and named in the reasons: a single inflated count should not set the ceiling.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from strikewatch.assess.rubric import Rubric, rubric
from strikewatch.store.incident_claims import ClaimEvidence, public_name

Pair = tuple[int | None, int | None]


@dataclass(frozen=True)
class Ranges:
    values: dict[str, int | None]
    reasons: list[str] = field(default_factory=list)
    sources: dict[str, list[str]] = field(default_factory=dict)  # field -> report ids behind it


def _range(
    name: str,
    claims: Sequence[ClaimEvidence],
    pick: Callable[[ClaimEvidence], Pair],
    rules: Rubric,
) -> tuple[int | None, int | None, list[str], list[str]]:
    given = [(c, pick(c)) for c in claims if pick(c) != (None, None)]
    if not given:
        return None, None, [], []
    lows = [(low, c) for c, (low, _) in given if low is not None]
    # A figure given only as a maximum ("up to 5") sets no minimum but counts as a ceiling.
    highs = sorted(
        ((high if high is not None else low, c) for c, (low, high) in given),
        key=lambda pair: -(pair[0] or 0),
    )
    reasons: list[str] = []
    if len(highs) > 1 and (highs[1][0] or 0) > 0:
        top, runner = highs[0][0] or 0, highs[1][0] or 0
        # Judged by the figure's own floor: "dozens" (12-99) beside "3" is vague, not inflated.
        floor = pick(highs[0][1])[0] or 0
        same = sum(1 for h, _ in highs if h == top)
        if same == 1 and floor > rules.outlier_factor * runner:
            reasons.append(
                f"{name}: {top} from report {public_name(highs[0][1])} left out of the maximum "
                f"(more than {rules.outlier_factor:g} times the next highest, {runner})"
            )
            highs = highs[1:]
    low_value, low_claim = min(lows, key=lambda pair: pair[0] or 0) if lows else (None, None)
    high_value, high_claim = highs[0]
    if high_value is not None and low_value is not None and high_value < low_value:
        high_value = low_value
    sources = sorted({public_name(c) for c in (low_claim, high_claim) if c is not None})
    if len(given) > 1:
        reasons.append(
            f"{name}: {low_value}–{high_value} over {len(given)} reports "
            f"(lowest from {public_name(low_claim) if low_claim else 'none'}, "
            f"highest from {public_name(high_claim)})"
        )
    return low_value, high_value, reasons, sources


def harm_ranges(claims: Sequence[ClaimEvidence], rules: Rubric | None = None) -> Ranges:
    """Deaths, injuries, children and women killed as min–max with their reasons."""
    rules = rules or rubric()
    credible = [c for c in claims if c.kind in rules.credible_kinds] or list(claims)

    def detail(key: str) -> Callable[[ClaimEvidence], Pair]:
        return lambda c: (c.details.get(f"{key}_min"), c.details.get(f"{key}_max"))

    pickers: dict[str, Callable[[ClaimEvidence], Pair]] = {
        "civilian_deaths": lambda c: c.civilian_deaths,
        "civilian_injuries": lambda c: c.civilian_injuries,
        "children_killed": detail("children_killed"),
        "women_killed": detail("women_killed"),
    }
    values: dict[str, int | None] = {}
    reasons: list[str] = []
    sources: dict[str, list[str]] = {}
    for name, pick in pickers.items():
        low, high, why, behind = _range(name.replace("_", " "), credible, pick, rules)
        values[f"{name}_min"], values[f"{name}_max"] = low, high
        reasons.extend(why)
        if behind:
            sources[name] = behind
    return Ranges(values, reasons, sources)
