"""When a strike happened: the event date of a report, resolved against its publication date.

Rules, not a parser library: month names, weekdays and relative words come from
``lexicons/dates_*.toml`` (see ``dates_lang``); mentions are scanned on folded text
(``dates_scan``); the anchor comes from the report, its address or its page chrome
(``dates_anchor``). Measured on the development corpus this costs ~0.25 ms a report;
Duckling alone took ~7 ms a report on Arabic texts and dateparser's ``search_dates`` ~9 ms
on English ones, so neither fits the extraction budget. The hard part is choosing among
the dates of a page, not reading them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta

from strikewatch.extract.chrome import find_core
from strikewatch.extract.dates_anchor import (
    is_page_furniture,
    month_from_url,
    parse_published_at,
    publication_date,
)
from strikewatch.extract.dates_lang import date_vocabulary
from strikewatch.extract.dates_scan import DateMention, MentionKind, scan_text
from strikewatch.model import DatePrecision
from strikewatch.normalise import fold_for_match

__all__ = ["DateClue", "DateFinding", "find_event_date", "find_publication_date"]

# How much each kind of mention is trusted as the strike date, before context.
_BASE = {
    MentionKind.FULL: 3.0,
    MentionKind.DAY_MONTH: 2.8,
    MentionKind.RELATIVE: 2.6,
    MentionKind.WEEKDAY: 2.2,
}
# A harm word this close (characters) ties the date to the strike.
_HARM_NEAR, _HARM_NEAR_BONUS = 120, 2.0
_HARM_FAR, _HARM_FAR_BONUS = 400, 1.0
# Dates older than this before the anchor are usually background ("since 2019 …").
_STALE_DAYS, _STALE_PENALTY = 60, 2.5
# Dates in the page chrome around the report (menus, related news) rarely date the strike.
_OUTSIDE_CORE = 2.0
# A date that opens a period ("منذ 5 آذار", "since March 5") is a start, not a strike day:
# the penalty takes it below the thresholds unless nothing else in the report dates it.
_SINCE_CHARS, _SINCE_PENALTY = 40, 4.0
# A weekday that opens a sentence with "and" ("وأمس الخميس، …") adds an earlier event.
_ASIDE_PENALTY = 2.0
# Below these scores a date is more often page furniture or background than the strike
# (measured on the development corpus: ~20 % right without an anchor, ~0 % with a stale one).
_MIN_SCORE = 1.0
_MIN_SCORE_UNANCHORED = 4.5
# How far back a weekday may place a day-month that has no year and no anchor.
_WEEKDAY_YEARS = 7


@dataclass(frozen=True)
class DateClue:
    """The weekday an undated report gives its strike ("on Saturday", "أمس الخميس").

    It cannot be dated without a publication date, but it tells which of the dated
    incidents at the same place the report can be about. Day-months without a year are
    no clue: on the development corpus four in five were the publication day or an
    earlier event, not the strike.
    """

    weekday: int  # Monday = 0, as date.weekday()
    expression: str

    def fits(self, day: date) -> bool:
        """Whether ``day`` falls on the clue's weekday."""
        return day.weekday() == self.weekday

    def as_details(self) -> dict[str, int | str]:
        """The clue as a claim's details record it."""
        return {"weekday": self.weekday, "expression": self.expression}


@dataclass(frozen=True)
class DateFinding:
    """The strike date read from one report, with its precision and the evidence used."""

    event_date: date | None
    precision: DatePrecision
    span: tuple[int, int] | None
    anchor: date | None
    reason: str
    clue: DateClue | None = None  # only when the report has no date


@dataclass(frozen=True)
class _Candidate:
    when: date
    mention: DateMention
    score: float


def find_publication_date(
    text: str, *, url: str | None = None, report_id: str | None = None
) -> date | None:
    """The date a report was published, from its address (X status id, dated path) or chrome."""
    found, _ = publication_date(text, url=url, report_id=report_id)
    return found


def find_event_date(
    text: str,
    *,
    language: str | None,
    published_at: str | None,
    url: str | None = None,
    report_id: str | None = None,
    heading_date: date | None = None,
    received: date | None = None,
) -> DateFinding:
    """The strike date of a report: the best-supported date not after its publication.

    ``received`` is when the report was collected; a yearless date with nothing else to
    give its year is read as recent to it (today when unknown), so the same stored report
    reads the same whenever it is processed again.

    ``heading_date`` is the day a digest's heading gives its events (``dates_anchor.
    heading_date``); an event of that digest is read against it rather than against the
    publication date, which may be a day or more later.
    """
    vocab = date_vocabulary()
    folded = _without_names(
        _without_comments(fold_for_match(text), vocab.comment_markers), vocab.not_dates
    )
    day_first = vocab.day_first.get((language or "ar").split("-")[0].lower(), True)
    scan = scan_text(folded, day_first=day_first)
    anchor, anchor_from = _anchor(text, folded, scan.mentions, published_at, url, report_id)
    if heading_date is not None and (anchor is None or heading_date <= anchor):
        anchor, anchor_from = heading_date, "digest heading"
    # Without a publication date, a month in the address still bounds the strike (a page
    # cannot report what has not happened) and gives day-months their year.
    url_month = month_from_url(url) if anchor is None else None
    harm = [m.start() for m in vocab.harm.finditer(folded)]
    context = _Context(
        core=find_core(text, report_marks=harm),
        anchor=anchor,
        bound=anchor or url_month,
        harm=harm,
        years=scan.years,
        length=len(folded),
        folded=folded,
        latest=received or date.today(),
    )
    candidates = [c for m in scan.mentions if (c := _resolve(m, context)) is not None]
    best = max(candidates, key=lambda c: (c.score, -c.mention.start), default=None)
    if best is not None and best.score >= (_MIN_SCORE if anchor else _MIN_SCORE_UNANCHORED):
        expression = text[best.mention.start : best.mention.end]
        where = f" relative to {anchor_from} {anchor.isoformat()}" if anchor else ""
        return DateFinding(
            best.when,
            DatePrecision.DAY,
            (best.mention.start, best.mention.end),
            anchor,
            f"{best.mention.kind.value} '{expression}'{where}",
        )
    if anchor is not None:
        # A report that dates nothing itself is news of its day when it reads like news
        # (اليوم, عاجل, a strike or harm word), or an event under a daily round-up's
        # heading; otherwise only the week is vouched for.
        fresh = scan.fresh or bool(harm) or anchor_from == "digest heading"
        return DateFinding(
            anchor,
            DatePrecision.DAY if fresh else DatePrecision.WEEK,
            None,
            anchor,
            f"no date in text; {'fresh report, ' if fresh else ''}"
            f"{anchor_from} date {anchor.isoformat()}",
        )
    clue = _clue(text, scan.mentions, context)
    if clue is not None:
        reason = f"no usable date; the report names its day: '{clue.expression}'"
        return DateFinding(None, DatePrecision.UNKNOWN, None, None, reason, clue)
    return DateFinding(None, DatePrecision.UNKNOWN, None, None, "no usable date")


def _clue(text: str, mentions: list[DateMention], context: _Context) -> DateClue | None:
    """The weekday an undated report gives its strike, if it names one.

    Chosen like a date: near words of harm, inside the report proper, early.
    """
    best: tuple[float, DateClue] | None = None
    for mention in mentions:
        if mention.weekday is None or mention.kind is MentionKind.MONTH_YEAR:
            continue
        if mention.kind is MentionKind.FULL and is_page_furniture(context.folded, mention):
            continue
        score = _BASE[mention.kind] + _placement(mention, context)
        if _opens_aside(context.folded, mention.start):
            score -= _ASIDE_PENALTY
        if best is None or score > best[0]:
            best = (score, DateClue(mention.weekday, text[mention.start : mention.end]))
    return best[1] if best is not None and best[0] >= _MIN_SCORE else None


def _opens_aside(folded: str, start: int) -> bool:
    """Whether a sentence opens with "and" on this date ("وأمس الخميس، قتل …").

    Reports add the area's earlier events this way after their own strike: on the
    development corpus four in five such weekdays were not the strike's.
    """
    if folded[start : start + 1] != "و":
        return False
    before = folded[max(0, start - 3) : start].rstrip(" \t")
    return not before or before[-1] in ".\n!?؟"


def _without_names(folded: str, names: re.Pattern[str] | None) -> str:
    """The folded text with names that hold date words ("NFL Sunday Ticket") blanked out."""
    if names is None:
        return folded
    return names.sub(lambda m: " " * len(m.group()), folded)


def _without_comments(folded: str, markers: tuple[str, ...]) -> str:
    """The folded text up to where a capture's reader comments begin (same offsets)."""
    cut = min((i for m in markers if (i := folded.find(m)) >= 0), default=-1)
    return folded if cut < 0 else folded[:cut]


@dataclass(frozen=True)
class _Context:
    core: tuple[int, int]  # the report proper inside page chrome (chrome.find_core)
    anchor: date | None  # publication date: what relative words are read against
    bound: date | None  # latest possible strike date (the anchor, or the address's month)
    harm: list[int]  # offsets of harm words
    years: list[int]  # years written in the text
    length: int
    folded: str
    latest: date  # when the report was collected: no yearless date is later


def _anchor(
    text: str,
    folded: str,
    mentions: list[DateMention],
    published_at: str | None,
    url: str | None,
    report_id: str | None,
) -> tuple[date | None, str]:
    """The date relative expressions are read against, and where it came from."""
    given = parse_published_at(published_at)
    found, found_from = publication_date(
        text, url=url, report_id=report_id, folded=folded, mentions=mentions
    )
    if given is None:
        return found, found_from
    if (
        found is not None
        and not _is_iso(published_at)
        and found.year != given.year
        and abs((_with_year(given, found.year) - found).days) <= 1
    ):
        # Scrapers that read "March 12" off a page add the year they ran in (and may
        # read it a day off, in their own time zone); the page's own full stamp, or the
        # address, knows better.
        return found, found_from
    return given, "publication"


def _with_year(day: date, year: int) -> date:
    """The same day and month in another year (28 February for a 29th in a common year)."""
    return _try_date(year, day.month, day.day) or date(year, day.month, 28)


def _is_iso(value: str | None) -> bool:
    return value is not None and value[:4].isdigit()


def _resolve(mention: DateMention, context: _Context) -> _Candidate | None:
    """The mention as a dated, scored candidate, or None if it cannot be placed."""
    when = _calendar_date(mention, context)
    bound = context.bound
    if when is None or (bound is not None and when > bound):
        return None
    if mention.kind is MentionKind.MONTH_YEAR:
        # "in March 2020" was background far more often than the strike (0 of 40 on the
        # development corpus); its year still counts among the text's years.
        return None
    if mention.kind is MentionKind.FULL and is_page_furniture(context.folded, mention):
        return None
    score = _BASE[mention.kind] + _placement(mention, context)
    if bound is not None and (bound - when).days > _STALE_DAYS:
        score -= _STALE_PENALTY
    if _opens_period(context.folded, mention.start):
        score -= _SINCE_PENALTY
    if mention.weekday is not None and mention.kind in (MentionKind.FULL, MentionKind.DAY_MONTH):
        # A weekday that agrees with the date confirms it; one that disagrees casts doubt.
        score += 0.5 if when.weekday() == mention.weekday else -1.0
    return _Candidate(when, mention, score)


def _opens_period(folded: str, start: int) -> bool:
    """Whether a 'since' word governs the date at ``start`` (same clause, a few words back)."""
    window = folded[max(0, start - _SINCE_CHARS) : start]
    clause = max(window.rfind(mark) for mark in ".\n!?؟")
    words = list(date_vocabulary().since.finditer(window, clause + 1))
    # "منذ بداية العام حتى يوم أمس 28 آذار": the date after "until" ends the period.
    return bool(words) and words[-1].group("since") is not None


def _placement(mention: DateMention, context: _Context) -> float:
    """How much where a mention sits ties it to the strike (harm words, core, lead)."""
    score = 0.0
    at = bisect_left(context.harm, mention.start)
    nearest = min(
        (abs(context.harm[i] - mention.start) for i in (at - 1, at) if 0 <= i < len(context.harm)),
        default=context.length,
    )
    if nearest <= _HARM_NEAR:
        score += _HARM_NEAR_BONUS
    elif nearest <= _HARM_FAR:
        score += _HARM_FAR_BONUS
    if not context.core[0] <= mention.start < context.core[1]:
        score -= _OUTSIDE_CORE
    # Earlier in the text is more often the lead sentence.
    return score - 0.5 * mention.start / max(context.length, 1)


def _calendar_date(mention: DateMention, context: _Context) -> date | None:
    """The calendar date a mention stands for, given the anchor; None if unknowable."""
    kind = mention.kind
    if kind is MentionKind.FULL:
        return mention.full_date()
    if kind is MentionKind.MONTH_YEAR:
        return date(mention.year or 1, mention.month or 1, 1)
    if kind is MentionKind.DAY_MONTH:
        return _year_for(mention, context)
    anchor = context.anchor
    if anchor is None:
        return None
    if kind is MentionKind.RELATIVE:
        target = anchor + timedelta(days=mention.offset or 0)
        if mention.weekday is None or (target.weekday() + 1) % 7 == mention.weekday:
            # "today, Tuesday" stamped Monday: the stamp lags (UTC), the day is the same.
            return target
        return _weekday_on_or_before(target, mention.weekday, strictly=False)
    assert mention.weekday is not None
    return _weekday_on_or_before(anchor, mention.weekday, strictly=mention.past)


def _weekday_on_or_before(day: date, weekday: int, *, strictly: bool) -> date:
    back = (day.weekday() - weekday) % 7
    if back == 0 and strictly:
        back = 7
    return day - timedelta(days=back)


def _year_for(mention: DateMention, context: _Context) -> date | None:
    """The date of a day-month mention: the last such day on or before the bound.

    Without a bound, only a weekday written beside the date can give the year: the
    latest year the text names that agrees with it, or else the most recent agreeing
    year (reports reach the system while their news is recent, and within seven years a
    day, month and weekday seldom agree twice). A lone year elsewhere in the text is not
    trusted: on the development corpus it was more often background than the strike's.
    """
    month, day = mention.month or 1, mention.day or 1
    bound = context.bound
    if bound is not None:
        for year in (bound.year, bound.year - 1):
            when = _try_date(year, month, day)
            if when is not None and when <= bound:
                return when
        return None
    if mention.weekday is None:
        return None
    latest = context.latest
    recent = range(latest.year, latest.year - _WEEKDAY_YEARS, -1)
    for year in [*sorted(set(context.years), reverse=True), *recent]:
        when = _try_date(year, month, day)
        if when is not None and when.weekday() == mention.weekday and when <= latest:
            return when
    return None


def _try_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
