"""Publication dates: from the report's own field, its address, or its page chrome.

The publication date is the anchor every relative expression ("yesterday", فجر اليوم)
is resolved against, and the latest date a strike can have.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

from strikewatch.extract.dates_lang import date_vocabulary
from strikewatch.extract.dates_scan import DateMention, MentionKind, scan_text
from strikewatch.normalise import fold_for_match

# X/Twitter ids are snowflakes: milliseconds since this epoch, shifted left 22 bits.
_TWITTER_EPOCH_MS = 1288834974657
# Ids below this predate snowflakes (late 2010); they carry no time.
_FIRST_SNOWFLAKE = 1 << 42
# "https://x.com/name/status/…", "mobile.twitter.com/i/web/status/…" (not "fox.com/…").
_X_HOST = re.compile(r"(?:^|[/.])(?:twitter|x)\.com/", re.IGNORECASE)
_STATUS_ID = re.compile(
    r"(?:^|[/.])(?:twitter|x)\.com/(?:[^/?#]+/)+status(?:es)?/(\d{15,20})", re.IGNORECASE
)
# Syria has kept UTC+3 since 2022 (UTC+2/+3 before): a post's local date, not UTC's.
_SYRIA = timezone(timedelta(hours=3))
_URL_DATES = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?:/|$|[-_])"),
    re.compile(r"(?<![\d])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
    re.compile(r"[/_\-](?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:[/_\-.]|$)"),
    # A slug that ends with the day it reports: "...-report-23-11-2021.html".
    re.compile(r"[/_\-](?P<d>[0-3]?\d)-(?P<m>[01]?\d)-(?P<y>(?:19|20)\d\d)(?:[/_.?#]|$)"),
)
# Page chrome around a post: "March 12, 2023 · Shared with Public", "9:05 AM · Mar 4, 2023",
# "12 مارس 2023 · تمت المشاركة مع العامة".
_CHROME_AFTER = re.compile(
    r"^\s*(?:at\s+\d{1,2}:\d\d\s*(?:am|pm)?\s*)?[·•]|^\s*[,،|\-]?\s*\d{1,2}:\d\d", re.IGNORECASE
)
_CHROME_BEFORE = re.compile(r"\d{1,2}:\d\d\s*(?:am|pm|ص|م)?\s*[·•]?\s*$", re.IGNORECASE)
_CHROME_WORDS = re.compile(r"shared with|تمت المشاركه|verified account", re.IGNORECASE)
# Chrome dates sit at the top of a capture; deeper dates belong to the story.
_HEAD_CHARS = 400
# How far before a date its by-line label may begin ("توقيت النشر 17:41 29 أبريل 2023").
_LABEL_CHARS = 30
# A date above this many headline lines in a row is a site's "today" over its ticker (the
# development corpus: tickers of 14 lines; an article's header at most 5 short lines).
_TICKER_HEADLINES, _HEADLINE_MIN_WORDS, _HEADLINE_MAX_CHARS = 6, 4, 140
# A line that starts a list item ("1- ", "2)", "• ", "- ") is the report's own list.
_LIST_ITEM = re.compile(r"(?:\d{1,3}\s*[-_.)ـ]|[-•▪●◾■*])")


def snowflake_date(status_id: int) -> date | None:
    """The local (Syrian) posting date encoded in an X/Twitter status id."""
    if status_id < _FIRST_SNOWFLAKE:
        return None
    millis = (status_id >> 22) + _TWITTER_EPOCH_MS
    return datetime.fromtimestamp(millis / 1000, tz=UTC).astimezone(_SYRIA).date()


def _valid(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


# An archive service's copy: its stamp is when the page was captured (a bound on the strike,
# never its day, nor the publication's); the address it copied comes after the stamp.
_ARCHIVE_COPY = re.compile(
    r"^(?:https?://)?(?:web\.)?archive\.org/web/[0-9*]+[a-z_]*/(?P<original>.*)$"
    r"|^(?:https?://)?archive\.(?:ph|is|today|li|vn|md)/(?:[0-9.]+-[0-9]+/)?(?P<copied>.*)$",
    re.IGNORECASE,
)


def _original_address(url: str) -> str:
    """The address an archive service copied, or the address itself."""
    copy = _ARCHIVE_COPY.match(url)
    if copy is None:
        return url
    return copy["original"] if copy["original"] is not None else copy["copied"]


def date_from_url(url: str | None) -> date | None:
    """The posting date an address carries: X status ids, or /2023/03/12/-style paths."""
    if not url:
        return None
    url = _original_address(url)
    status = _STATUS_ID.search(url)
    if status:
        return snowflake_date(int(status.group(1)))
    for pattern in _URL_DATES:
        m = pattern.search(url)
        if m and (found := _valid(m["y"], m["m"], m["d"])):
            return found
    return None


_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/([01]?\d)/")


def month_from_url(url: str | None) -> date | None:
    """The last day of the month an address names (/2023/01/slug), when it names no day."""
    if not url:
        return None
    m = _URL_MONTH.search(_original_address(url))
    if m is None or not 1 <= int(m.group(2)) <= 12:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    return first_of_next - timedelta(days=1)


def parse_published_at(value: str | None) -> date | None:
    """The date in a ``published_at`` value: ISO date or date-time, or a written date."""
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    for mention in scan_text(fold_for_match(text)).mentions:
        if mention.kind is MentionKind.FULL and (found := mention.full_date()):
            return found
    return None


def date_from_chrome(folded: str, mentions: list[DateMention]) -> date | None:
    """A publication stamp in the page chrome, e.g. 'March 12, 2023 · Shared with Public'.

    A full date counts as a stamp when a clock time or a '·' sits beside it, or when a
    'Shared with Public' line follows, and only near the top of the capture: stamps of
    other posts lower on the page are not this report's. A by-line label that opens its
    line ("تاريخ النشر:", "Published on") makes the date after it the stamp wherever it is.
    """
    label = date_vocabulary().published_label
    for mention in mentions:
        if mention.kind is not MentionKind.FULL:
            continue
        found = mention.full_date()
        if found is None:
            continue
        by_line = label.search(folded, max(0, mention.start - _LABEL_CHARS), mention.start)
        if by_line is not None and _starts_line(folded, by_line.start()):
            return found
        if mention.start > _HEAD_CHARS and not _CHROME_WORDS.search(
            folded, mention.end, mention.end + 40
        ):
            continue
        after = folded[mention.end : mention.end + 40]
        before = folded[max(0, mention.start - 20) : mention.start]
        if (
            _CHROME_AFTER.search(after)
            or _CHROME_BEFORE.search(before)
            or _CHROME_WORDS.search(after)
            or (
                _alone_on_line(folded, mention.start, mention.end)
                and _heads_report(folded, mention.end)
            )
        ):
            return found
    return None


def is_page_furniture(folded: str, mention: DateMention) -> bool:
    """Whether a date alone on its line heads a ticker of headlines or ends the page.

    Such a date is the capture's day or another article's, neither this report's.
    """
    return _alone_on_line(folded, mention.start, mention.end) and not _heads_report(
        folded, mention.end
    )


def _heads_report(folded: str, end: int) -> bool:
    """Whether a date alone on its line stands over a report, not over a list of headlines.

    Sites print today's date above their ticker of headlines, and a sidebar prints each
    item's date after its headline; captures that caught only those chrome parts carry the
    capture day, not the report's (on the development corpus, a year or more later).
    """
    line_end = folded.find("\n", end)
    if line_end < 0 or not folded[line_end:].strip():
        return False  # the page ends with the date: a sidebar item's stamp
    run = 0
    for line in folded[line_end:].split("\n"):
        line = line.strip()
        if not line:
            continue
        if len(line.split()) < _HEADLINE_MIN_WORDS or len(line) > _HEADLINE_MAX_CHARS:
            break
        if line.endswith((".", ":", "،")) or _LIST_ITEM.match(line):
            break  # a sentence, or a list (of victims, of places) that is the report
        run += 1
        if run >= _TICKER_HEADLINES:
            return False
    return True


def _starts_line(folded: str, at: int) -> bool:
    """Whether only spacing or separators stand between the line's start and ``at``.

    A by-line label opens its line; "the report published on 5 March" inside a sentence
    dates that report, not this page.
    """
    line_start = folded.rfind("\n", 0, at) + 1
    return not folded[line_start:at].strip(" \t|-·•")


def _alone_on_line(folded: str, start: int, end: int) -> bool:
    """Whether a date is the whole of its line (a by-line stamp), give or take a weekday."""
    line_start = folded.rfind("\n", 0, start) + 1
    line_end = folded.find("\n", end)
    line_end = len(folded) if line_end < 0 else line_end
    rest = (folded[line_start:start] + folded[end:line_end]).strip(" ,،|-·\t")
    return len(rest) <= 12


def publication_date(
    text: str,
    *,
    url: str | None = None,
    report_id: str | None = None,
    folded: str | None = None,
    mentions: list[DateMention] | None = None,
) -> tuple[date | None, str]:
    """The publication date and where it came from ('url', 'status id', 'page chrome')."""
    from_url = date_from_url(url)
    if from_url:
        return from_url, "url"
    # A bare numeric id is only read as a snowflake when the report comes from X.
    if report_id and report_id.isdigit() and url and _X_HOST.search(url):
        found = snowflake_date(int(report_id))
        if found:
            return found, "status id"
    if folded is None:
        folded = fold_for_match(text)
    if mentions is None:
        mentions = scan_text(folded).mentions
    from_chrome = date_from_chrome(folded, mentions)
    if from_chrome:
        return from_chrome, "page chrome"
    return None, ""


# How far before a heading's date its weekday may stand ("ليوم الاثنين 25-07-2022").
_HEADING_WEEKDAY_CHARS = 12


def heading_date(heading: str) -> date | None:
    """The day a digest's heading gives all its events ("حصاد … ليوم الاثنين 25-07-2022").

    Only a full date whose weekday is written beside it and agrees with it, and only when
    the heading names no other day: a daily round-up says which day it sums up, while a
    weekly one ("1-7 March 2023") or a heading that quotes an older date does not.
    """
    folded = fold_for_match(heading)
    mentions = scan_text(folded).mentions
    days = {found for m in mentions if m.kind is MentionKind.FULL and (found := m.full_date())}
    if len(days) != 1:
        return None
    (day,) = days
    if any(
        m.kind is MentionKind.DAY_MONTH and (m.month, m.day) != (day.month, day.day)
        for m in mentions
    ):
        return None  # "from Monday 20 February to Monday 27 February 2023"
    for mention in mentions:
        if mention.kind is not MentionKind.FULL or mention.full_date() != day:
            continue
        if mention.weekday == day.weekday() or any(
            other.kind is MentionKind.WEEKDAY
            and other.weekday == day.weekday()
            and 0 <= mention.start - other.end <= _HEADING_WEEKDAY_CHARS
            for other in mentions
        ):
            return day
    return None
