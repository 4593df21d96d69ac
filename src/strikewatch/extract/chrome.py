"""Page chrome around a report: platform headers, time stamps, menus and related links.

Web and social captures keep what the page printed around the report: Facebook's
"Month D, YYYY · Shared with Public" header and "All reactions:" footer, X's
"Post … name@handle" header and "1:46 PM · Nov 27, 2024 … Views" stamp, a news site's
menu of city names and its "related news" list of other incidents. Extractors that read
the chrome pick up the wrong places, dates and counts, so this module finds the report
proper (the core) and the platform's own date stamp.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from strikewatch.extract.trie import trie_pattern

__all__ = ["Chrome", "chrome_lexicon", "find_core", "find_stamp", "is_menu_line"]

# A Facebook header stamp; the page name is glued before the month, so no \b at the start.
_FB_STAMP = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December) \d{1,2}(?:, \d{4})?(?: at \d{1,2}:\d{2}\s?[AP]M)?\s*·\s*"
    r"(?:Shared with Public|Public)",
)
# X's stamp below the post; the view count is glued after the year.
_X_STAMP = re.compile(
    r"\d{1,2}:\d{2}\s?[AP]M\s?·\s?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r" \d{1,2}, \d{4}"
)
# X's header: "Post" twice (or "PostLog inSign upPost"), then the display name and handle.
# Handles are ASCII: the post's text (often Arabic) is glued right after the handle.
_X_HEADER = re.compile(
    r"\A\s*Post(?:\s*Log in\s*Sign up)?\s*Post\s*[^\n@]{0,80}@[A-Za-z0-9_]{1,30}"
)
_LINES = re.compile(r"[^\n]+")
# A sentence end or clause mark: menus and headline lists have none of these inside.
_SENTENCE = re.compile(r"[.!?؟،,:؛]\s")
_WORDS = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?؟…:]$")
_ITEM = re.compile(r"(?:\d{1,3}\s*[-_.)ـ]|[-–•▪●■])")


@dataclass(frozen=True)
class Chrome:
    """The chrome lexicon, compiled: boilerplate phrases and start/end markers."""

    boilerplate: re.Pattern[str]
    start_inline: re.Pattern[str]
    end_inline: re.Pattern[str]
    # The same markers for a text lower-cased first: a case-blind search of Arabic text
    # costs several times a lower() and a plain search.
    start_lower: re.Pattern[str]
    end_lower: re.Pattern[str]
    end_line: frozenset[str]
    end_prefix: tuple[str, ...]


def _alternation(phrases: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    # A trie of the lower-cased phrases: at each position one branch per character is
    # tried, not every phrase (the 75 boilerplate phrases scanned 0.28 ms a report flat).
    return re.compile(trie_pattern({p.lower() for p in phrases}), flags)


@lru_cache(maxsize=1)
def chrome_lexicon() -> Chrome:
    """The compiled chrome lexicon from lexicons/chrome_markers.toml (loaded once)."""
    source = resources.files("strikewatch.extract") / "lexicons" / "chrome_markers.toml"
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    return Chrome(
        boilerplate=_alternation(data["boilerplate"]["phrases"]),
        start_inline=_alternation(data["start"]["inline"]),
        end_inline=_alternation(data["end"]["inline"]),
        start_lower=_alternation(data["start"]["inline"], 0),
        end_lower=_alternation(data["end"]["inline"], 0),
        end_line=frozenset(_line_key(p) for p in data["end"]["line"]),
        end_prefix=tuple(_line_key(p) for p in data["end"]["line_prefix"]),
    )


def _line_key(line: str) -> str:
    """A line reduced for comparison with the end-of-report markers."""
    key = line.lower().replace("ـ", "").strip(" :|-–—>»›.\u200e\u200f0123456789")
    return " ".join(key.split())


def find_stamp(text: str) -> tuple[int, int] | None:
    """Offsets of the platform's own date stamp (Facebook header, X footer), if shown."""
    found = _FB_STAMP.search(text) or _X_STAMP.search(text)
    return (found.start(), found.end()) if found else None


def is_menu_line(line: str) -> bool:
    """True for a short line with no sentence inside: a menu item, a tag, a byline."""
    stripped = line.strip()
    return len(stripped) <= 30 and not _SENTENCE.search(stripped + " ")


@lru_cache(maxsize=4)
def _platform_frame(text: str) -> tuple[int, int]:
    """The span between a platform's header and its footer (the whole text if none).

    It does not depend on the report marks, so it is kept for the few texts in hand:
    relevance and dates each find the core of the same report with marks of their own.
    """
    lexicon = chrome_lexicon()
    start, end = 0, len(text)
    lowered = text.lower()
    if len(lowered) == len(text):
        markers, start_inline, end_inline = lowered, lexicon.start_lower, lexicon.end_lower
    else:  # lower() lengthens a few letters (İ): offsets would move
        markers, start_inline, end_inline = text, lexicon.start_inline, lexicon.end_inline
    fb = _FB_STAMP.search(text)
    header = fb or start_inline.search(markers, 0, 1500)
    if header is not None:
        start = header.end()
    else:
        x_header = _X_HEADER.match(text)
        if x_header is not None:
            start = x_header.end()
    x_stamp = _X_STAMP.search(text, start)
    if x_stamp is not None:
        end = x_stamp.start()
    footer = end_inline.search(markers, start, end)
    if footer is not None and footer.start() > start:
        end = footer.start()
    return start, end


def find_core(text: str, *, report_marks: Sequence[int] | None = None) -> tuple[int, int]:
    """Offsets of the report proper inside the page chrome around it.

    The start moves past a platform header (Facebook's stamp, X's "Post … @handle")
    and past a leading run of menu lines; the end stops at a platform footer (reactions,
    X's stamp) or at a line that opens a related-links, share or comments block. Where
    nothing is recognised the core is the whole text, trimmed of whitespace.
    ``report_marks`` are sorted offsets of words that only a report holds (strike and
    harm words): a line holding one is never taken for a menu, and a related-links
    marker ends the core only after such a line.
    """
    lexicon = chrome_lexicon()
    start, end = _platform_frame(text)
    start = _skip_menu(text, start, end, report_marks)
    end = _cut_at_end_line(text, start, end, lexicon, report_marks)
    end = _cut_trailing_headlines(text, start, end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else (0, len(text.rstrip()))


def _marked(marks: Sequence[int] | None, start: int, end: int) -> bool:
    """Whether a report mark falls in [start, end)."""
    if marks is None:
        return False
    i = bisect_left(marks, start)
    return i < len(marks) and marks[i] < end


def _skip_menu(text: str, start: int, end: int, marks: Sequence[int] | None) -> int:
    """The start moved past a leading run of three or more menu lines."""
    run = 0
    for line in _LINES.finditer(text, start, end):
        content = line.group()
        if not content.strip():
            continue
        if _marked(marks, line.start(), line.end()):
            # A report line ends the run: past a menu of three or more, the report starts.
            return line.start() if run >= 3 else start
        if is_menu_line(content) and len(_WORDS.findall(content)) <= 4:
            run += 1
            continue
        return line.start() if run >= 3 else start
    return start


def _is_headline(line: str) -> bool:
    """A line that reads as a headline: a few words, no sentence end, not a list item."""
    words = len(_WORDS.findall(line))
    stripped = line.strip()
    if not 3 <= words <= 20 or "،" in stripped:
        # Arabic headlines carry no clause comma; a report's sentence often does.
        return False
    return not _SENTENCE_END.search(stripped) and not _ITEM.match(stripped)


def _cut_trailing_headlines(text: str, start: int, end: int) -> int:
    """The end moved back over a trailing list of headlines (related news with no marker).

    Needs three or more headline lines averaging 35 characters or more after a
    paragraph: lists of victims' names are shorter, and a post made only of short
    lines has no paragraph before them.
    """
    lines = [m for m in _LINES.finditer(text, start, end) if m.group().strip()]
    run = 0
    while run < len(lines) and _is_headline(lines[-1 - run].group()):
        run += 1
    if run < 3 or run == len(lines):
        return end
    trailing = lines[-run:]
    if sum(len(m.group().strip()) for m in trailing) < 35 * run:
        return end
    before = lines[:-run]
    if not any(len(_WORDS.findall(m.group())) > 20 for m in before):
        return end
    return trailing[0].start()


def _cut_at_end_line(
    text: str,
    start: int,
    end: int,
    lexicon: Chrome,
    marks: Sequence[int] | None,
) -> int:
    """The end moved back to the first marker line that follows some report text.

    With ``marks``, report text means a line holding a mark: a "0 Comments" or
    "Share" line above the article (under its title and date) does not end it.
    """
    seen_text = 0
    seen_report = marks is None
    for line in _LINES.finditer(text, start, end):
        content = line.group()
        if seen_report and seen_text >= 30:
            key = _line_key(content)
            if len(content) <= 40 and key in lexicon.end_line:
                return line.start()
            if key.startswith(lexicon.end_prefix):
                return line.start()
        seen_text += len(content.strip())
        seen_report = seen_report or _marked(marks, line.start(), line.end())
    return end
