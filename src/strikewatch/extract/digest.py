"""Where a report's events are: one span for an ordinary report, one per event for a digest.

Digests are daily round-ups ("حصاد الأحداث الميدانية"), a ministry's list of strikes by
place, or numbered and bulleted lists of incidents. Splitting is conservative: an
article that mentions a second place in passing stays one event, because a false split
hands the other extractors half a report. A text is split only on list items, or on
paragraphs under a round-up heading or in "Place: what happened" form, and only when
at least two of them each carry a strike or harm word and a place. A list of months
("• January: three attacks left …") is a statistic, not a chronology of events.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from strikewatch.extract.chrome import find_core
from strikewatch.extract.dates_lang import month_led
from strikewatch.extract.relevance import harm_cues
from strikewatch.normalise import fold_for_match

__all__ = ["EventSpan", "split_events"]

# A list item begins a line: "1-", "2)", "٣.", "1_", "- ", "• ", "🔴", "▪️" (not "*": posts
# wrap emphasis in asterisks).
_ITEM = re.compile(
    r"^[ \t\u200e\u200f]*(?:[0-9٠-٩]{1,3}\s*[-_.)ـ:]|[-•▪●◾■◽▫️⚫🔴🔸🔹🔻📍⭕✅]+)",
    re.MULTILINE,
)
# A paragraph in "Place: what happened" form ("ريف إدلب: …", "Idlib – …"). Not "|": sites
# print related headlines as "Topic | headline".
# Used with match() at a paragraph's start, so no "^" (it would only match at offset 0).
_PLACE_LED = re.compile(r"[ \t#]*[^\W\d_][^\s:|–]*(?:[ _][^\s:|–]+){0,2}\s*(?::|–)+\s*\S")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*")
_HASHTAG = re.compile(r"#[^\s#.,،:]{2,}")
_ENGLISH_NAME = re.compile(r"\b(?:in|on|near|at|of|targeting|targeted)\s+(?:the\s+)?[A-Z][a-z]")
MIN_EVENTS = 2


@dataclass(frozen=True)
class EventSpan:
    """Offsets of one event's text inside the report, and why it was cut there."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class _DigestCues:
    headings: re.Pattern[str]
    place: re.Pattern[str]


@lru_cache(maxsize=1)
def _cues() -> _DigestCues:
    """The digest lexicon from lexicons/relevance_digest.toml, compiled once."""
    source = resources.files("strikewatch.extract") / "lexicons" / "relevance_digest.toml"
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    headings = sorted({fold_for_match(h) for h in data["headings"]}, key=len, reverse=True)
    arabic = sorted({fold_for_match(w) for w in data["arabic_place_words"]}, key=len, reverse=True)
    english = sorted({w.lower() for w in data["english_place_words"]}, key=len, reverse=True)
    # Arabic place words take a preposition or conjunction glued in front (بريف، وبلدة).
    place = "|".join(
        [rf"(?<![^\W\d_])[وفبل]?(?:ال)?{re.escape(w)}\s+(\w+)" for w in arabic]
        + [rf"\b{re.escape(w)}\b(?: of)?\s*(\w*)" for w in english]
    )
    return _DigestCues(
        headings=re.compile("|".join(re.escape(h) for h in headings)),
        place=re.compile(place),
    )


def _place_key(piece: str) -> str | None:
    """A rough key of the place an event names (the word after a place word, a hashtag)."""
    folded = fold_for_match(piece)
    found = _cues().place.search(folded)
    if found is not None:
        return next((g for g in found.groups() if g), found.group())
    tag = _HASHTAG.search(folded)
    if tag is not None:
        return tag.group()
    named = _ENGLISH_NAME.search(piece)
    return piece[named.end() - 2 : named.end() + 12].split()[0].lower() if named else None


def _event_place(text: str, start: int, end: int) -> str | None:
    """The place key of text[start:end] when it tells of a strike or harm, else None."""
    # A month's tally ("• March: two attacks injured two people") sums many strikes.
    if month_led().match(fold_for_match(text[start : min(end, start + 40)]).lstrip()):
        return None
    if not harm_cues(text, start, end):
        return None
    return _place_key(text[start:end])


def _list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the numbered or bulleted items in text[start:end], each to the next item."""
    heads = [m.start() for m in _ITEM.finditer(text, start, end)]
    return [(h, heads[i + 1] if i + 1 < len(heads) else end) for i, h in enumerate(heads)]


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the paragraphs (runs of lines without a blank line) in text[start:end]."""
    found = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text, start, end)]
    if len(found) <= 1:
        # Captures that lost their blank lines: fall back to single lines.
        found = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text[start:end])]
        found = [(start + a, start + b) for a, b in found]
    return found


def _events_among(text: str, pieces: list[tuple[int, int]], end: int) -> list[tuple[int, int]]:
    """The event pieces, each extended over the non-event pieces that follow it.

    Empty unless the events name at least two different places: a post that repeats its
    headline as a bullet and then tells the story is one event, not two.
    """
    found = [(a, key) for a, b in pieces if (key := _event_place(text, a, b)) is not None]
    if len({key for _, key in found}) < MIN_EVENTS:
        return []
    starts = [a for a, _ in found]
    return [(s, starts[i + 1] if i + 1 < len(starts) else end) for i, s in enumerate(starts)]


def _core(text: str) -> tuple[int, int]:
    return find_core(text, report_marks=[cue[0] for cue in harm_cues(text)])


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_events(
    text: str, *, language: str | None, core: tuple[int, int] | None = None
) -> list[EventSpan]:
    """The event spans of a report: the core alone, or one span per event of a digest.

    ``core`` is the report proper (``assess_relevance(...).core``); it is found here
    when not given. Text before a digest's first event (its heading and date) is shared
    context, left outside every span: read it as ``text[core[0]:spans[0].start]``.
    """
    del language  # the cues are bilingual
    start, end = core if core is not None else _core(text)
    start, end = _trimmed(text, start, end)
    whole = [EventSpan(start, end, "one report")]
    if end - start < 80:
        return whole
    items = _events_among(text, _list_items(text, start, end), end)
    if len(items) >= MIN_EVENTS:
        return [EventSpan(*_trimmed(text, a, b), "list item") for a, b in items]
    paragraphs = _paragraphs(text, start, end)
    if len(paragraphs) <= MIN_EVENTS:
        return whole
    heading = _cues().headings.search(fold_for_match(text[start : min(end, start + 300)]))
    place_led = [p for p in paragraphs if _PLACE_LED.match(text, p[0], p[1])]
    if heading is None and len(place_led) < max(3, len(paragraphs) // 2):
        return whole
    pieces = paragraphs if heading is not None else place_led
    events = _events_among(text, pieces, end)
    # Under a heading, most paragraphs of a round-up are events; an article has context.
    if len(events) >= MIN_EVENTS and 2 * len(events) >= len(pieces):
        reason = "round-up paragraph" if heading is not None else "place-led paragraph"
        return [EventSpan(*_trimmed(text, a, b), reason) for a, b in events]
    return whole
