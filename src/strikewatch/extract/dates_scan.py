"""Date mentions found in a text: full dates, day-month, month-year, relative words, weekdays.

A mention is not yet a date: relative words and weekdays need an anchor (the
publication date), and a day-month needs a year. ``dates.py`` resolves them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from strikewatch.extract.dates_lang import (
    ARABIC_LETTERS,
    LATIN_LETTERS,
    DateVocabulary,
    WordKind,
    date_vocabulary,
)


class MentionKind(StrEnum):
    FULL = "full"  # day, month and year
    DAY_MONTH = "day_month"  # no year
    MONTH_YEAR = "month_year"  # no day
    RELATIVE = "relative"  # today, yesterday, فجر اليوم …
    WEEKDAY = "weekday"  # Tuesday, الثلاثاء الماضي …


@dataclass(frozen=True)
class DateMention:
    """One date expression in the folded text, with what it says and where."""

    start: int
    end: int
    kind: MentionKind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset: int | None = None  # days relative to the anchor
    past: bool = False  # "last Tuesday": strictly before the anchor

    def full_date(self) -> date | None:
        """The calendar date when day, month and year are all known and valid."""
        if self.year is None or self.month is None or self.day is None:
            return None
        try:
            return date(self.year, self.month, self.day)
        except ValueError:
            return None


@dataclass(frozen=True)
class DateScan:
    """What a text holds about time: its date mentions, years, and fresh-news words."""

    mentions: list[DateMention]
    years: list[int]
    fresh: bool


# 12/3/2023, 2023-03-12, 12.3.23 (spaces around the separator occur: "03/ 11 / 2022").
_NUMERIC = re.compile(r"(\d{1,4})\s?([-/.])\s?(\d{1,2})\s?\2\s?(\d{2,4})")
# A day number glued to these is a time, a fraction or part of another number.
_NOT_DAY_EDGE = frozenset(":/-0123456789")
_DIGITS = frozenset("0123456789")
_NUM = "num"
_ORDINALS = frozenset({"st", "nd", "rd", "th"})


@dataclass(frozen=True)
class _Item:
    """A date word or phrase of the text, or a number (kind "num")."""

    start: int
    end: int
    kind: WordKind | str
    value: int


def _items(folded: str, vocab: DateVocabulary) -> list[_Item]:
    """The text's date words and numbers, in order (other words are left out)."""
    items: list[_Item] = []
    by_text = vocab.by_text
    size = len(folded)
    for m in vocab.trigger.finditer(folded):
        digits = m.group("d")
        if digits is not None:
            start, end = m.span()
            items.append(_Item(start, end, _NUM, int(digits) if end - start < 6 else -1))
            continue
        end = m.end()
        if end < size and (folded[end] in ARABIC_LETTERS or folded[end] in LATIN_LETTERS):
            continue  # the start of a longer word: "mayor", "آباء"
        phrase = by_text.get(" ".join((m.group("en") or m.group("ar")).split()))
        if phrase is not None:
            items.append(_Item(m.start(), end, phrase.kind, phrase.value))
    return items


def _joined(folded: str, left: _Item, right: _Item) -> bool:
    return date_vocabulary().gap.fullmatch(folded, left.end, right.start) is not None


def _glued(folded: str, start: int, end: int) -> bool:
    """Whether a number touches a time, a fraction or another number ("14:30", "3.5")."""
    before = folded[start - 1] if start else " "
    after = folded[end : end + 2]
    # A label's colon ("تاريخ النشر:30.12.2021") and a slash before a month name
    # ("20/ تشرين الثاني") are not glue; a clock's colon and a fraction's slash are.
    if before == ":" and not (start > 1 and folded[start - 2] in _DIGITS):
        before = " "
    if after[:1] == "/" and not folded[end + 1 : end + 3].strip()[:1].isdigit():
        after = " "
    if before in _NOT_DAY_EDGE or (after and after[0] in _NOT_DAY_EDGE):
        return True
    # A full stop only glues when a digit is on its other side: "killed on March 5." is fine.
    return (before == "." and start > 1 and folded[start - 2] in _DIGITS) or (
        after[:1] == "." and after[1:2] in _DIGITS and after[1:2] != ""
    )


def _is_day(folded: str, item: _Item) -> bool:
    if item.kind != _NUM or not 1 <= item.value <= 31 or item.end - item.start > 2:
        return False
    if _glued(folded, item.start, item.end):
        return False
    after = folded[item.end : item.end + 2]
    # "News 7March 4, 2023": a number glued to a Latin word is a name's tail, not a day.
    return not (after[:1].isascii() and after[:1].isalpha() and after not in _ORDINALS)


def _is_year(item: _Item) -> bool:
    return item.kind == _NUM and 1900 <= item.value <= 2099 and item.end - item.start == 4


def _numeric(folded: str, taken: list[tuple[int, int]], day_first: bool) -> list[DateMention]:
    found = []
    for m in _NUMERIC.finditer(folded):
        start, end = m.span()
        if _glued(folded, start, end):
            continue
        a, b, c = int(m[1]), int(m[3]), int(m[4])
        if len(m[1]) == 4:  # 2023-03-12
            year, month, day = a, b, c
        elif len(m[1]) <= 2 and len(m[4]) in (2, 4):
            year = c + 2000 if c < 100 else c
            if a > 12 or (day_first and b <= 12):
                day, month = a, b
            else:
                day, month = b, a
        else:
            continue
        mention = DateMention(start, end, MentionKind.FULL, year, month, day)
        if mention.full_date() is not None:
            found.append(mention)
            taken.append((start, end))
    return found


def _named(folded: str, items: list[_Item], at: int, used: set[int]) -> DateMention | None:
    """A date built around the month name at ``items[at]``, if a day or a year is beside it."""
    month = items[at]
    first, last = at, at
    day = weekday = year = None
    j = at - 1
    if j >= 0 and items[j].kind == WordKind.ORDINAL:
        j -= 1
    if (
        j >= 0
        and j not in used
        and _is_day(folded, items[j])
        and _joined(folded, items[j], items[j + 1])
    ):
        day, first = items[j].value, j
    elif (
        at + 1 < len(items)
        and _is_day(folded, items[at + 1])
        and _joined(folded, month, items[at + 1])
    ):
        day, last = items[at + 1].value, at + 1
        if last + 1 < len(items) and items[last + 1].kind == WordKind.ORDINAL:
            last += 1
    k = last + 1
    if (
        k < len(items)
        and items[k].kind == WordKind.MONTH
        and items[k].value == month.value
        and _joined(folded, items[k - 1], items[k])
    ):
        # The month in both calendars' names: "2 كانون الأول/ديسمبر 2023".
        last, k = k, k + 1
    if k < len(items) and _is_year(items[k]) and _joined(folded, items[k - 1], items[k]):
        year, last = items[k].value, k
    if day is None and year is None:
        return None
    w = first - 1
    if w >= 0 and items[w].kind == WordKind.WEEKDAY and _joined(folded, items[w], items[w + 1]):
        weekday, first = items[w].value, w
    used.update(range(first, last + 1))
    kind = (
        MentionKind.MONTH_YEAR
        if day is None
        else (MentionKind.FULL if year is not None else MentionKind.DAY_MONTH)
    )
    return DateMention(
        items[first].start, items[last].end, kind, year, month.value, day, weekday=weekday
    )


def scan_text(folded: str, *, day_first: bool = True) -> DateScan:
    """Every date mention in text folded by ``fold_for_match``, in text order."""
    vocab = date_vocabulary()
    taken: list[tuple[int, int]] = []
    mentions = _numeric(folded, taken, day_first) if any(c in folded for c in "/-.") else []
    items = _items(folded, vocab)
    used = {i for i, item in enumerate(items) if any(s <= item.start < e for s, e in taken)}
    for at, item in enumerate(items):
        if item.kind == WordKind.MONTH and at not in used:
            named = _named(folded, items, at, used)
            if named is not None:
                mentions.append(named)
    mentions.extend(_relative_and_weekdays(folded, items, used))
    mentions.sort(key=lambda mention: mention.start)
    years = [item.value for item in items if _is_year(item)]
    fresh = any(item.kind in (WordKind.FRESH, WordKind.RELATIVE) for item in items)
    return DateScan(mentions, years, fresh)


def _relative_and_weekdays(folded: str, items: list[_Item], used: set[int]) -> list[DateMention]:
    found = []
    for at, item in enumerate(items):
        if at in used:
            continue
        nxt = items[at + 1] if at + 1 < len(items) else None
        joined_next = nxt is not None and _joined(folded, item, nxt)
        if item.kind == WordKind.RELATIVE:
            end, weekday = item.end, None
            if (
                nxt is not None
                and nxt.kind == WordKind.WEEKDAY
                and joined_next
                and at + 1 not in used
            ):
                end, weekday = nxt.end, nxt.value
                used.add(at + 1)
            found.append(
                DateMention(
                    item.start, end, MentionKind.RELATIVE, weekday=weekday, offset=item.value
                )
            )
        elif item.kind == WordKind.WEEKDAY:
            prev = items[at - 1] if at else None
            start, end, past, weekday = item.start, item.end, False, item.value
            if prev is not None and prev.kind == WordKind.PAST and _joined(folded, prev, item):
                start, past = prev.start, True
            elif nxt is not None and nxt.kind == WordKind.PAST and joined_next:
                end, past = nxt.end, True
            elif (
                nxt is not None
                and nxt.kind == WordKind.WEEKDAY
                and nxt.value == (item.value + 1) % 7
                and joined_next
            ):
                # A night across two days ("ليلة الجمعة - السبت"): the first day, unless
                # the text says "after midnight" of it.
                end = nxt.end
                used.add(at + 1)
                if _after_midnight(folded, item.start):
                    weekday = nxt.value
            found.append(DateMention(start, end, MentionKind.WEEKDAY, weekday=weekday, past=past))
    return found


# How far before a night's weekdays "after midnight" may stand ("بعد منتصف ليل الجمعة").
_MIDNIGHT_CHARS = 20


def _after_midnight(folded: str, start: int) -> bool:
    """Whether "after midnight" words stand just before the night named at ``start``."""
    window = folded[max(0, start - _MIDNIGHT_CHARS) : start]
    return date_vocabulary().after_midnight.search(window) is not None
