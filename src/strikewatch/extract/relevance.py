"""Is a capture a harm report, is it a report at all, and where is the report in the page.

``assess_relevance`` reads one text; ``find_repeated_texts`` reads a whole batch, because
a site's front page or a platform's login wall captured for many different reports is
recognised best by its repetition (see its docstring for the cost).
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from strikewatch.extract.chrome import chrome_lexicon, find_core, find_stamp
from strikewatch.extract.trie import trie_pattern
from strikewatch.normalise import fold_for_match

__all__ = [
    "HarmText",
    "Relevance",
    "assess_relevance",
    "find_repeated_texts",
    "fold_for_harm",
    "harm_cues",
    "has_harm",
    "repetition_counts",
    "repetition_key",
]

# Marks that carry no letter (harakat, tatweel, Quranic annotation marks that posts
# slip into words, zero-width and direction marks): removed.
_SILENT = "\u064b-\u065f\u0670\u0640\u06d6-\u06ed\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"
_ARABIC = "\u0621-\u064a"
# Posts obfuscate words against platform filters (استـ.شهاد، عد*وان، الغـ.ارات، اسـ ـتـ ـهـ ـداف):
# punctuation between two Arabic letters, or spaces between tatweels, is removed with them.
_REMOVABLE = re.compile(
    rf"[{_SILENT}]+"
    rf"|(?<=[{_ARABIC}\u0640])[.,*_|/\-،]+(?=[{_ARABIC}\u0640])"
    r"|(?<=\u0640) +(?=\u0640)"
)
_LETTER = re.compile(r"[^\W\d_]")
_BLOCKS = re.compile(r"[^\n]+")
# Numbers in folded (lower-case) text, with the counters' "1.2k" form.
_DIGITS = re.compile(r"\d+(?:[.,]\d+)?(?:[km](?=[a-z]|\b))?")
_NOT_WORD = re.compile(r"[\W_]+")
_WORDS = re.compile(r"\w+")
# A numbered or bulleted list item: "1-", "2)", "٣.", "- ", "• ".
_LIST_ITEM = re.compile(r"\s*(?:\d{1,3}\s*[-_.)ـ]|[-•*▪●◾■])")
# Front pages and headline lists: many short blocks, none a long paragraph.
FRONT_PAGE_MIN_HEADLINES = 8
HEADLINE_MAX_CHARS = 140
# A capture with fewer letters than this outside platform chrome holds no report.
MIN_REPORT_LETTERS = 40


@dataclass(frozen=True)
class Relevance:
    """Whether a text alleges harm, whether it holds a report at all, and where it is."""

    is_harm_report: bool  # does the text allege a strike or harm at all
    boilerplate: bool  # the capture holds no report: login wall, error page, front page
    core: tuple[int, int]  # offsets of the report proper inside the page chrome
    reason: str
    # Offsets of the platform's own date stamp ("July 25, 2025 · Shared with Public",
    # "1:46 PM · Nov 27, 2024"), which lies outside the core but dates the report.
    stamp: tuple[int, int] | None = None


@dataclass(frozen=True)
class HarmText:
    """A text folded for harm matching, with the way back to original offsets."""

    folded: str
    # Parallel lists: folded offset where each kept piece starts, and its original offset.
    folded_starts: tuple[int, ...]
    original_starts: tuple[int, ...]

    def original_spans(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Original offsets of folded spans given in order (one walk, no search per span).

        A span's end is mapped from its last character, so removed marks right after it
        stay outside.
        """
        if len(self.folded_starts) == 1:
            return spans  # nothing was removed (most texts)
        starts, originals = self.folded_starts, self.original_starts
        out = []
        i, last = 0, len(starts) - 1
        for a, b in spans:
            while i < last and starts[i + 1] <= a:
                i += 1
            j = i
            while j < last and starts[j + 1] <= b - 1:
                j += 1
            out.append((originals[i] + a - starts[i], originals[j] + b - starts[j]))
        return out


@lru_cache(maxsize=16)
def fold_for_harm(text: str) -> HarmText:
    """The text folded as ``fold_for_match`` does, with silent and obfuscating marks removed.

    Kept for the last few texts: relevance, digests and harm read one report in turn.
    """
    pieces: list[str] = []
    folded_starts = [0]
    original_starts = [0]
    kept = 0
    last = 0
    for mark in _REMOVABLE.finditer(text):
        pieces.append(text[last : mark.start()])
        kept += mark.start() - last
        last = mark.end()
        folded_starts.append(kept)
        original_starts.append(last)
    pieces.append(text[last:])
    return HarmText(fold_for_match("".join(pieces)), tuple(folded_starts), tuple(original_starts))


@lru_cache(maxsize=1)
def _harm_patterns() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    """Compiled (strike, harm) patterns from lexicons/relevance_harm.toml, one per script.

    The scripts share no letter, so their matches never overlap and two scans find what
    one alternation would; the Arabic trie alone lets the regex engine skip to a possible
    first letter, which an alternation with English's word edge does not (a quarter
    faster over the development corpus).
    """
    source = resources.files("strikewatch.extract") / "lexicons" / "relevance_harm.toml"
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    compiled = []
    for group in ("strike", "harm"):
        arabic = {fold_for_harm(word).folded for word in data["ar"][group]}
        english = {word.lower() for word in data["en"][group]}
        parts = [trie_pattern(arabic)] if arabic else []
        parts += [rf"(?=[a-z])\b{trie_pattern(english)}"] if english else []
        compiled.append(tuple(re.compile(part) for part in parts))
    return compiled[0], compiled[1]


def harm_cues(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Spans (original offsets) and kinds ("strike"/"harm") of harm words in text[start:end]."""
    piece = text[start:end]
    folded = fold_for_harm(piece)
    cues = []
    for kind, patterns in zip(("strike", "harm"), _harm_patterns(), strict=True):
        for pattern in patterns:
            spans = [m.span() for m in pattern.finditer(folded.folded)]
            cues += [(start + a, start + b, kind) for a, b in folded.original_spans(spans)]
    cues.sort()
    return cues


def has_harm(text: str) -> bool:
    """True when the text holds a strike or harm word."""
    folded = fold_for_harm(text).folded
    return any(p.search(folded) for patterns in _harm_patterns() for p in patterns)


def _chrome_evidence(text: str) -> tuple[int, int]:
    """Letters left once platform chrome phrases are taken out, and how many phrases differ."""
    pattern = chrome_lexicon().boilerplate
    phrases = {found.group().lower() for found in pattern.finditer(text)}
    return len(_LETTER.findall(pattern.sub(" ", text))), len(phrases)


def _is_front_page(text: str, start: int, end: int, marks: list[int]) -> bool:
    """Whether text[start:end] is a site's list of headlines on many topics, not a report.

    A headline is a block of 4 to 25 words; a front page has at least eight, no
    paragraph longer than a headline, no numbered list (a list of victims or of strikes
    is a report), fewer than half the headlines about harm, and does not open with two
    harm headlines in a row, as an article cut into short paragraphs does.
    """
    blocks = [b for b in _BLOCKS.finditer(text, start, end) if b.group().strip()]
    if any(len(b.group()) > HEADLINE_MAX_CHARS or _LIST_ITEM.match(b.group()) for b in blocks):
        return False
    headlines = [b for b in blocks if 4 <= len(_WORDS.findall(b.group())) <= 25]
    if len(headlines) < FRONT_PAGE_MIN_HEADLINES:
        return False
    harmful = [_count_marks(marks, b.start(), b.end()) > 0 for b in headlines]
    return sum(harmful) < 0.5 * len(headlines) and not (harmful[0] and harmful[1])


def _count_marks(marks: list[int], start: int, end: int) -> int:
    return bisect_left(marks, end) - bisect_left(marks, start)


def assess_relevance(
    text: str, *, language: str | None, kind: str | None = None, repeated: int = 1
) -> Relevance:
    """The relevance of one report: harm alleged, boilerplate, core span and stamp.

    ``repeated`` is how many reports of the same batch carry this text (from
    ``repetition_counts``); a text seen more than once with no harm in it is taken for a
    page captured instead of the report. A harm report repeated verbatim is a repost,
    not chrome: it stays a report (its copies are not independent sources; see assess).
    ``language`` and ``kind`` are accepted for the pipeline's uniform call and to let
    later rules differ by them; the cues used here are bilingual.
    """
    del language, kind  # the lexicons are bilingual; both are kept in the signature
    stamp = find_stamp(text)
    if not text.strip():
        return Relevance(False, True, (0, 0), "empty text", stamp)
    marks = [cue[0] for cue in harm_cues(text)]
    core = find_core(text, report_marks=marks)
    harmful = _count_marks(marks, core[0], core[1]) > 0
    if repeated >= 2 and not harmful:
        return Relevance(harmful, True, core, f"same text in {repeated} reports", stamp)
    if not harmful:
        if marks:
            # Harm words only in the chrome (a related-news list): no report of our own.
            return Relevance(False, False, core, "harm words only outside the core", stamp)
        letters, phrases = _chrome_evidence(text[core[0] : core[1]])
        if letters < MIN_REPORT_LETTERS or phrases >= 2:
            return Relevance(False, True, core, "platform chrome, no report text", stamp)
        if _is_front_page(text, core[0], core[1], marks):
            return Relevance(False, True, core, "list of headlines, no report", stamp)
        return Relevance(False, False, core, "no strike or harm words", stamp)
    if _is_front_page(text, core[0], core[1], marks):
        return Relevance(False, True, core, "site front page: headlines on many topics", stamp)
    return Relevance(True, False, core, "strike or harm words in the report", stamp)


def repetition_key(text: str) -> str:
    """A digest of the text that ignores digits, case, spacing and punctuation.

    View counts, "1y"/"49w" ages and dates differ between captures of the same login
    wall or front page; the words do not.
    """
    reduced = _NOT_WORD.sub(" ", _DIGITS.sub("", fold_for_match(text))).strip()
    return hashlib.blake2b(reduced.encode("utf-8"), digest_size=12).hexdigest()


def find_repeated_texts(texts: Iterable[str], min_count: int = 2) -> set[int]:
    """Indexes of texts whose repetition key occurs at least ``min_count`` times in the batch.

    Cost: one pass over the batch, linear in its total length (fold, strip digits and
    punctuation, hash: about 0.13 ms per report of 1,000 characters on one core); memory
    is one 12-byte digest per text, so a million reports need a few tens of megabytes.
    An incremental pipeline keeps the digests of what it has seen (a table column) and
    counts against them. Exact after normalisation: captures that differ in wording (a
    front page on two different days) are not joined. ``repetition_counts`` gives the
    counts themselves, as ``assess_relevance(repeated=...)`` takes them.
    """
    keys = [repetition_key(t) if t.strip() else "" for t in texts]
    counts = Counter(k for k in keys if k)
    return {i for i, k in enumerate(keys) if k and counts[k] >= min_count}


def repetition_counts(texts: Iterable[str]) -> list[int]:
    """For each text, how many texts of the batch share its repetition key (itself included)."""
    keys = [repetition_key(t) if t.strip() else "" for t in texts]
    counts = Counter(k for k in keys if k)
    return [counts[k] if k else 1 for k in keys]
