"""What struck and what was hit: strike types and targets named in a report.

Words and phrases come from ``lexicons/weapons_cues.toml`` and are found word by word,
Arabic and English alike, by ``WordIndex`` over ``split_words``: dictionary look-ups
rather than large regular expressions, which keeps a report well under a millisecond.
``actors`` matches belligerent names with the same machinery.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib.resources import files

from strikewatch.normalise import fold_for_match

__all__ = [
    "STRIKE_TYPES",
    "WordIndex",
    "Words",
    "find_strike_types",
    "find_targets",
    "split_words",
    "strip_article",
]

STRIKE_TYPES: tuple[str, ...] = ("airstrike", "drone", "artillery", "missile", "ground", "unknown")
# Mentions in the headline and lead say more about the strike than the page around it.
_LEAD_CHARS = 400
_LEAD_BONUS = 2.0


# Obfuscated words ("قـ.ـسد", "التحـالف", dodging platform filters) are joined again.
_OBFUSCATION = re.compile("\u0640+(?:[.\\s\u00b7\u200c\u200d]*\u0640+)?")
# Letters and digits apart, underscores split: "#جبل_الزاوية", "حماة1:19"; Latin and
# Arabic script apart, as captures glue them ("Shared with Publicقصف", "#حلبThis").
_WORD = re.compile(r"[^\W\d_a-z\u00c0-\u024f]+|[a-z\u00c0-\u024f]+|\d+")
_CLITICS = frozenset("وفبلك")


@dataclass(frozen=True)
class Words:
    """A report's words, folded: each word's text, its bare forms, and its span."""

    folded: str
    text: list[str]
    forms: list[tuple[str, ...]]
    spans: list[tuple[int, int]]

    @cached_property
    def starts(self) -> dict[str, list[int]]:
        """Where each form occurs: indexes look up only the words that can start a term."""
        found: dict[str, list[int]] = {}
        for i, forms in enumerate(self.forms):
            for form in forms:
                found.setdefault(form, []).append(i)
        return found


def strip_article(word: str) -> str:
    """The word without a leading Arabic article ال (kept on short words)."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


@lru_cache(maxsize=65536)
def _bare_forms(word: str) -> tuple[str, ...]:
    # Clitics are tried, not stripped: "بريطاني" begins with ب but is not ب + ريطاني.
    # A clitic is peeled only before the article or a stem of four letters or more:
    # "فرقه" is not ف + الرقة; short names list their clitic forms ("لقسد") instead.
    forms = [word, strip_article(word)]
    for cut in (1, 2):
        rest = word[cut:]
        if word[cut - 1] not in _CLITICS or len(rest) < 3:
            break
        if rest.startswith("ال") or len(rest) >= 4:
            forms += [rest, strip_article(rest)]
    return tuple(dict.fromkeys(forms))


# The three extractors (who, how, what) read the same report in turn: split it once.
@lru_cache(maxsize=8)
def split_words(text: str) -> Words:
    """The text's words, folded for matching, with spans into the original text."""
    cuts: list[int] = []  # positions in the cleaned text where characters were removed
    removed: list[int] = []  # characters removed up to and including each cut
    if "\u0640" in text:
        parts: list[str] = []
        last = 0
        for match in _OBFUSCATION.finditer(text):
            parts.append(text[last : match.start()])
            cuts.append(match.start() - (removed[-1] if removed else 0))
            removed.append((removed[-1] if removed else 0) + match.end() - match.start())
            last = match.end()
        parts.append(text[last:])
        text = "".join(parts)
    # fold_for_match splits sentences whose full stop lacks its space ("وروسيا.وأسفرت").
    folded = fold_for_match(text)

    matches = list(_WORD.finditer(folded))
    words = [m.group() for m in matches]
    spans = [m.span() for m in matches]
    if cuts:
        spans = [
            (_original(cuts, removed, a), _original(cuts, removed, b - 1) + 1) for a, b in spans
        ]
    return Words(folded, words, [_bare_forms(w) for w in words], spans)


def _original(cuts: list[int], removed: list[int], pos: int) -> int:
    i = bisect_right(cuts, pos)
    return pos + (removed[i - 1] if i else 0)


class WordIndex:
    """Terms of one or more words, found in ``Words`` by dictionary look-up."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}

    def add(self, term: str, value: str) -> None:
        """Index a term (ordinary spelling; folded and stripped of its articles here)."""
        bare = tuple(strip_article(w) for w in _WORD.findall(fold_for_match(term)))
        entries = self._by_first.setdefault(bare[0], [])
        entries.append((bare[1:], value))
        entries.sort(key=lambda e: -len(e[0]))  # the longest term wins at one place

    def find(self, words: Words) -> Iterator[tuple[int, int, str]]:
        """(first word, end word, value) of each term, left to right, not overlapping."""
        starts = words.starts
        firsts = self._by_first
        # Only words with a form that starts some term are tried: a few in a report.
        candidates = sorted({i for form in starts.keys() & firsts.keys() for i in starts[form]})
        n, forms, done = len(words.forms), words.forms, 0
        for i in candidates:
            if i < done:
                continue  # inside the term found before
            hit = None
            for form in forms[i]:
                for rest, value in self._by_first.get(form, ()):
                    end = i + 1 + len(rest)
                    if end <= n and all(r in forms[i + 1 + k] for k, r in enumerate(rest)):
                        hit = (end, value)
                        break
                if hit:
                    break
            if hit:
                yield i, hit[0], hit[1]
                done = hit[0]


@lru_cache(maxsize=1)
def _indexes() -> tuple[WordIndex, WordIndex]:
    resource = files("strikewatch.extract") / "lexicons" / "weapons_cues.toml"
    data = tomllib.loads(resource.read_text(encoding="utf-8"))
    types, targets = WordIndex(), WordIndex()
    for index, section in ((types, "strike_type"), (targets, "target")):
        for value, terms in data[section].items():
            for term in terms:
                index.add(term, value)
    return types, targets


def _ranked(index: WordIndex, text: str) -> list[str]:
    """Values of the index found in the text, the most (and earliest) mentioned first."""
    words = split_words(text)
    weight: dict[str, float] = {}
    first: dict[str, int] = {}
    for start, _end, value in index.find(words):
        position = words.spans[start][0]
        bonus = _LEAD_BONUS if position < _LEAD_CHARS else 1.0
        weight[value] = weight.get(value, 0.0) + bonus
        first.setdefault(value, position)
    return sorted(weight, key=lambda v: (-weight[v], first[v]))


def find_strike_types(text: str, *, language: str | None) -> list[str]:
    """Strike types the report names (airstrike, drone, artillery, missile, ground).

    The most mentioned first; an empty list when the text names no means of attack
    (the caller records ``unknown``).
    """
    del language  # the lexicon is bilingual
    return _ranked(_indexes()[0], text)


def find_targets(text: str, *, language: str | None) -> list[str]:
    """Kinds of place or object the report says were hit (house, market, vehicle, …)."""
    del language
    return _ranked(_indexes()[1], text)
