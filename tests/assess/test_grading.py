"""The rubric: each grade from invented evidence, with its reasons; ranges and outliers."""

from __future__ import annotations

from datetime import date
from typing import Any

from strikewatch.assess import assess
from strikewatch.assess.ranges import harm_ranges
from strikewatch.model import Grade
from strikewatch.store.incident_claims import ClaimEvidence, DeclarationEvidence


def claim(
    n: int,
    publisher: str,
    *,
    text: str | None = None,
    who: list[str] | None = None,
    deaths: tuple[int | None, int | None] = (2, 2),
    kind: str = "social_post",
    extra: dict[str, Any] | None = None,
    **details: Any,
) -> ClaimEvidence:
    return ClaimEvidence(
        claim_id=n,
        report_id=n,
        external_id=f"r{n}",
        publisher=publisher,
        platform="facebook",
        kind=kind,
        visibility="public",
        url=None,
        published_at=None,
        report_extra=extra or {},
        text=text or f"invented report number {n} from {publisher} about a strike",
        span=(None, None),
        event_date=date(2023, 3, 1),
        date_precision="day",
        place="Ariha",
        latitude=35.8,
        longitude=36.6,
        geo_precision="place",
        belligerents=who if who is not None else ["russia"],
        strike_type=["airstrike"],
        civilian_deaths=deaths,
        civilian_injuries=(None, None),
        details=details,
    )


def test_two_independent_sources_make_fair() -> None:
    result = assess([claim(1, "Monitor A"), claim(2, "Monitor B")])
    assert result.grade is Grade.FAIR and result.strike_status == "likely strike"
    assert result.independent_sources == 2


def test_reposts_and_copies_are_not_second_sources() -> None:
    original = claim(1, "Monitor A", text="the same words copied word for word")
    copy = claim(2, "Monitor B", text="The same words, copied word for word!")
    repost = claim(3, "Monitor C", extra={"retweet_of": "monitor_a"})
    result = assess([original, copy, repost])
    assert result.grade is Grade.WEAK and result.independent_sources == 1
    assert result.strike_status == "single source claim"


def test_competing_attributions_make_contested() -> None:
    result = assess([claim(1, "A", who=["turkey"]), claim(2, "B", who=["sdf"])])
    assert result.grade is Grade.CONTESTED
    assert any("competing attributions" in r for r in result.reasons)
    disputed = assess([claim(1, "A"), claim(2, "B", attribution_disputed=True)])
    assert disputed.grade is Grade.CONTESTED


def test_attribution_inferred_from_the_area_does_not_compete() -> None:
    inferred = claim(
        2,
        "B",
        who=["syrian-regime"],
        attribution_inferred=True,
        context_belligerents=["syrian-regime"],
    )
    assert assess([claim(1, "A"), inferred]).grade is Grade.FAIR


def test_admission_of_harm_confirms_and_combatants_only_discounts() -> None:
    declared = DeclarationEvidence(9, "russia", 0.95, True, ["same day", "same place"])
    confirmed = assess([claim(1, "A")], [declared])
    assert confirmed.grade is Grade.CONFIRMED and confirmed.strike_status == "declared strike"
    fighters = [
        claim(1, "A", deaths=(0, 0), combatant_deaths_max=4),
        claim(2, "B", deaths=(None, None), combatant_deaths_max=5),
    ]
    assert assess(fighters).grade is Grade.DISCOUNTED


def test_ranges_take_lowest_and_highest_and_drop_a_lone_outlier() -> None:
    ranges = harm_ranges(
        [
            claim(1, "A", deaths=(3, 3)),
            claim(2, "B", deaths=(4, 6)),
            claim(3, "C", deaths=(40, 40)),
        ]
    )
    assert (ranges.values["civilian_deaths_min"], ranges.values["civilian_deaths_max"]) == (3, 6)
    assert any("40 from report r3 left out of the maximum" in r for r in ranges.reasons)
    agreed = harm_ranges([claim(1, "A", deaths=(3, 3)), claim(2, "B", deaths=(5, 20))])
    assert agreed.values["civilian_deaths_max"] == 20  # its floor, 5, is under 3 times 3
    assert agreed.sources["civilian_deaths"] == ["r1", "r2"]


def test_allied_operations_and_a_lone_doubt_do_not_contest() -> None:
    raid = [claim(1, "A", who=["sdf"]), claim(2, "B", who=["us-led-coalition", "sdf"])]
    assert assess(raid).grade is Grade.FAIR
    many = [claim(n, f"Monitor {letter}") for n, letter in enumerate("ABCD", start=1)]
    doubted = [*many, claim(5, "Monitor E", attribution_disputed=True)]
    assert assess(doubted).grade is Grade.FAIR  # one report in five doubts it
    assert assess([*doubted[:2], doubted[-1]]).grade is Grade.CONTESTED  # one in three


def test_joint_partner_competes_but_a_minority_reading_does_not() -> None:
    # Regime forces named, Russia added as their joint-campaign partner: "Russia or the regime".
    joint = claim(
        2,
        "B",
        who=["syrian-regime", "russia"],
        attribution_inferred=True,
        context_belligerents=["russia"],
    )
    result = assess([claim(1, "A", who=["syrian-regime"]), joint])
    assert result.grade is Grade.CONTESTED
    # Four reports blame Turkey; one also names regime forces: a minority reading.
    many = [claim(n, f"Monitor {c}", who=["turkey"]) for n, c in enumerate("ABCD", start=1)]
    aside = claim(5, "Monitor E", who=["turkey", "syrian-regime"])
    graded = assess([*many, aside])
    assert graded.grade is Grade.FAIR
    assert any(
        r.startswith("minority attribution, not competing: syrian-regime") for r in graded.reasons
    )
    # Two against three is a competing claim.
    split = [*many[:3], claim(6, "Monitor F", who=["syrian-regime"]), aside]
    assert assess(split).grade is Grade.CONTESTED
