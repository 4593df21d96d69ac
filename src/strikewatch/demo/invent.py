"""The invented strikes of the demo corpus and the plan of who reports each, when.

Every figure here is drawn from a seeded random generator: nothing describes a real
event. Town names and coordinates (vocabulary.toml) are real so the gazetteer has work.
"""

from __future__ import annotations

import random
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import cache
from importlib.resources import files
from typing import Any

SYRIA = timezone(timedelta(hours=3))  # local time of every publisher in the demo
RIVAL = {  # who the other side blames when an attribution is disputed
    "russia": "syrian-regime",
    "syrian-regime": "russia",
    "turkey": "sdf",
    "sdf": "turkey",
    "us-led-coalition": "russia",
}
PERIOD_HOURS = {
    "fajr": (4, 5),
    "morning": (8, 11),
    "noon": (12, 15),
    "evening": (17, 20),
    "night": (21, 23),
}
# Where each telling of a strike is published, and how often.
CHANNELS = {"fb": 27, "web": 10, "x": 19, "tg": 19, "rss": 8, "atom": 8, "enweb": 5, "field": 3}


@cache
def vocabulary() -> dict[str, Any]:
    """The demo's towns, names and phrases (vocabulary.toml)."""
    text = (files("strikewatch.demo") / "vocabulary.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@dataclass
class Strike:
    """One invented strike: the truth every report about it is written from."""

    id: str
    day: date
    hour: int
    period: str
    town: dict[str, Any]
    belligerent: str
    rival: str | None
    strike_type: str
    target: str
    deaths: tuple[int, int]
    injuries: tuple[int, int]
    children: int
    women: int
    fighters: int
    reports: dict[str, list[str]] = field(default_factory=dict)

    @property
    def place(self) -> str:
        return str(self.town["en"][0])

    @property
    def place_ar(self) -> str:
        return str(self.town["ar"][0])

    def add_report(self, file: str, report_id: str) -> None:
        ids = self.reports.setdefault(file, [])
        if report_id not in ids:
            ids.append(report_id)


@dataclass
class Telling:
    """One report of one strike: where, when, and what figures it gives."""

    strike: Strike
    channel: str
    published: datetime
    deaths: int
    injuries: int
    actor: str | None  # the belligerent this report names (None: does not say)
    says_who: bool  # whether it says how many of the dead were children and women
    text: str = ""
    title: str = ""
    language: str = "ar"
    repost_of: Telling | None = None


def invent_strikes(rng: random.Random) -> list[Strike]:
    """About three dozen strikes across 2023; three of them on one busy day."""
    towns: list[dict[str, Any]] = vocabulary()["towns"]
    order = list(range(len(towns))) + rng.sample(range(len(towns)), 6)
    rng.shuffle(order)
    day = date(2023, 2, 2)
    strikes: list[Strike] = []
    for i, town_index in enumerate(order):
        if i not in (21, 22):  # strikes 21-23 share a day: the digest post reports them
            day += timedelta(days=rng.randint(4, 12))
        town = towns[town_index]
        belligerent = rng.choice(town["suspects"])
        size = rng.choices(["none", "small", "medium", "large", "mass"], [3, 16, 10, 5, 2])[0]
        low, spread = {
            "none": (0, 0),
            "small": (rng.randint(1, 3), rng.choice([0, 0, 1])),
            "medium": (rng.randint(4, 8), rng.choice([0, 1, 2])),
            "large": (rng.randint(9, 15), rng.choice([1, 2, 4])),
            "mass": (rng.randint(20, 28), rng.choice([3, 5, 8])),
        }[size]
        hurt = rng.choice([2, 3, 5, 7, 11]) if size in ("none", "small") else rng.randint(6, 40)
        period = rng.choice(list(PERIOD_HOURS))
        contested = i % 7 == 3 and belligerent in RIVAL
        strikes.append(
            Strike(
                id=f"DEMO-{i + 1:03d}",
                day=day,
                hour=rng.randint(*PERIOD_HOURS[period]),
                period=period,
                town=town,
                belligerent=belligerent,
                rival=RIVAL[belligerent] if contested else None,
                strike_type=rng.choice(vocabulary()["weapons"][belligerent]),
                target=rng.choice(list(vocabulary()["target_ar"])),
                deaths=(low, low + spread),
                injuries=(hurt, hurt + rng.choice([0, 1, 3])),
                children=min(low, rng.choice([0, 0, 1, 2, 3])),
                women=min(max(low - 3, 0), rng.choice([0, 1, 2])),
                fighters=rng.choice([0, 0, 0, 0, 1, 2]),  # combatants: never in civilian counts
            )
        )
    return strikes


def plan_tellings(strike: Strike, rng: random.Random) -> list[Telling]:
    """2-10 reports of one strike, days apart, with tolls that rise as news comes in."""
    count = rng.choice([2, 3, 4, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10])
    first_lag = 1 if strike.period == "night" else 0
    lags = [first_lag] + [
        max(first_lag, rng.choice([0, 0, 1, 1, 1, 2, 3, 4, 6])) for _ in range(count - 1)
    ]
    times = sorted(published_after(strike, lag, rng) for lag in lags)
    others = rng.choices(list(CHANNELS), list(CHANNELS.values()), k=count - 1)
    channels = [rng.choice(["fb", "x", "tg"]), *others]  # news breaks on social media
    (dead_low, dead_high), (hurt_low, hurt_high) = strike.deaths, strike.injuries
    tellings: list[Telling] = []
    for j, (published, channel) in enumerate(zip(times, channels, strict=True)):
        share = j / (count - 1)
        actor: str | None = strike.belligerent
        if strike.rival and j % 3 == 2:
            actor = strike.rival
        elif rng.random() < 0.1:
            actor = None
        deaths = round(dead_low + share * (dead_high - dead_low))
        injuries = round(hurt_low + share * (hurt_high - hurt_low))
        says_who = rng.random() < 0.7
        tellings.append(Telling(strike, channel, published, deaths, injuries, actor, says_who))
    return tellings


def published_after(strike: Strike, lag: int, rng: random.Random) -> datetime:
    """A local publication time ``lag`` days after the strike, never before it."""
    day = strike.day + timedelta(days=lag)
    hour = min(strike.hour + rng.randint(1, 3), 23) if lag == 0 else rng.randint(6, 22)
    return datetime(day.year, day.month, day.day, hour, rng.randrange(60), tzinfo=SYRIA)
