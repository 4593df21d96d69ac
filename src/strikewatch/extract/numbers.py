"""Quantities in report text: digits, Arabic and English number words, vague counts.

Every quantity is a :class:`Range`. Exact numbers are ``n..n``; everything else follows
a documented convention, kept as data in ``lexicons/numbers_vague.toml``:

====================================  ==========================================
phrase                                range
====================================  ==========================================
عشرات / tens (of)                     10..99 (ACLED codes "tens" as 10: the floor)
dozens (of)                           12..99 (ACLED: 12)
مئات / hundreds                       100..999 (ACLED: 100)
آلاف / thousands                      1000..9999
بضعة / بضع                            3..9 (the word's own grammar)
عدة / عدد من / several / a few        2..9
many / العديد من                      3..99
أكثر من N / more than N / over N      N+1 .. N+1 + N*0.5
لا يقل عن N / at least N              N .. N + N*0.5
نحو / حوالي / قرابة / about N         N ± max(1, N*0.2)
up to N / أقل من N                    1..N / 1..N-1
====================================  ==========================================

Number words are read by our own small grammar (units, ثلاثة عشر, خمسة وعشرون, مئة و…,
twenty-five, two hundred) from ``lexicons/numbers_words.toml``: ``arabic-itn`` is written
for whole ASR transcripts (phones, money, dates) and would need the text rewritten, while
a casualty count is a short phrase next to a noun; the grammar here costs a dict lookup
per word (measured on the development corpus: arabic-itn takes 1.8 ms per report on whole
texts, more than the whole harm extraction).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import NamedTuple

from strikewatch.normalise import fold_for_match, has_inner_marks, original_end

__all__ = ["QuantityMatch", "Range", "Word", "parse_quantity", "read_quantity", "words_of"]

# Arabic letters and other letters are separate words: handles glued to a
# post ("@SyriaCivilDefeمقتل") must not hide the Arabic word.
_ARABIC = "\u0621-\u064a\u0671-\u06d3"
_WORD = re.compile(rf"\d+|[{_ARABIC}]+|(?:(?![{_ARABIC}])[^\W\d_])+|[.!?؟؛;:\n,()]")
# Clitics that attach to the front of an Arabic number word (و, ف, ب, ل, and pairs).
_NUMBER_CLITICS = ("وب", "ول", "فب", "و", "ف", "ب", "ل")


@dataclass(frozen=True)
class Range:
    """A count as its lowest and highest plausible value (both inclusive)."""

    low: int
    high: int

    def __post_init__(self) -> None:
        if self.low < 0 or self.high < self.low:
            raise ValueError(f"not a count range: {self.low}..{self.high}")

    def __add__(self, other: Range) -> Range:
        return Range(self.low + other.low, self.high + other.high)

    @classmethod
    def exact(cls, value: int) -> Range:
        """The range holding just ``value``."""
        return cls(value, value)

    @property
    def is_exact(self) -> bool:
        """Whether the range is one number."""
        return self.low == self.high

    def overlaps(self, other: Range) -> bool:
        """Whether the two ranges share at least one value."""
        return self.low <= other.high and other.low <= self.high


class Word(NamedTuple):
    """One token of folded text: its lookup key and its offsets in the original."""

    key: str
    start: int
    end: int


@dataclass(frozen=True)
class QuantityMatch:
    """A quantity read from words[start:end]; ``vague`` when it is a convention."""

    range: Range
    start: int
    end: int
    vague: bool


@dataclass(frozen=True)
class _Lexicon:
    units: dict[str, int]
    teen_units: dict[str, int]
    teen_markers: frozenset[str]
    tens: dict[str, int]
    hundreds: dict[str, int]
    vague: dict[tuple[str, ...], Range]
    qualifiers: dict[tuple[str, ...], str]
    longest_phrase: int
    one_words: frozenset[str]
    open_spread: float
    approx_spread: float
    approx_min_step: int
    glue_clitics: frozenset[str]


def _fold_key(word: str) -> str:
    return fold_for_match(word).replace(" ", "").strip()


def _load_toml(name: str) -> dict[str, object]:
    path = resources.files("strikewatch.extract") / "lexicons" / name
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _table(data: dict[str, object], section: str) -> dict[str, int]:
    merged: dict[str, int] = {}
    for language in ("ar", "en"):
        block = data.get(language)
        if isinstance(block, dict) and isinstance(block.get(section), dict):
            merged.update({_fold_key(k): int(v) for k, v in block[section].items()})
    return merged


@cache
def _lexicon() -> _Lexicon:
    words = _load_toml("numbers_words.toml")
    vague_data = _load_toml("numbers_vague.toml")
    vague_table = vague_data["vague"]
    qualifier_table = vague_data["qualifiers"]
    spread = vague_data["spread"]
    assert isinstance(vague_table, dict) and isinstance(qualifier_table, dict)
    assert isinstance(spread, dict)
    vague = {
        tuple(_fold_key(w) for w in phrase.split()): Range(int(v[0]), int(v[1]))
        for phrase, v in vague_table.items()
    }
    qualifiers = {
        tuple(_fold_key(w) for w in phrase.split()): str(op)
        for phrase, op in qualifier_table.items()
    }
    return _Lexicon(
        units=_table(words, "units"),
        teen_units=_table(words, "teen_units"),
        teen_markers=frozenset(_table(words, "teen_markers")),
        tens=_table(words, "tens"),
        hundreds=_table(words, "hundreds"),
        vague=vague,
        qualifiers=qualifiers,
        longest_phrase=max(len(p) for p in [*vague, *qualifiers]),
        one_words=frozenset(),
        open_spread=float(spread["open_spread"]),
        approx_spread=float(spread["approx_spread"]),
        approx_min_step=int(spread["approx_min_step"]),
        glue_clitics=frozenset(_fold_key(w) for w in _glue_clitics(words)),
    )


def _glue_clitics(words: dict[str, object]) -> list[str]:
    glue = words.get("glue")
    clitics = glue.get("clitics") if isinstance(glue, dict) else None
    return [str(w) for w in clitics] if isinstance(clitics, list) else []


def words_of(text: str, *, folded: str | None = None) -> list[Word]:
    """The text's words, digit runs and clause punctuation, folded, with original offsets.

    ``folded`` is ``fold_for_match(text)`` when the caller has it already.
    """
    folded = fold_for_match(text) if folded is None else folded
    words = _glue_digits([Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(folded)])
    if has_inner_marks(text):
        # fold_for_match closed up words with marks inside (قُتل, جرّاء): their spans
        # end where the original word does.
        words = [Word(w.key, w.start, original_end(text, folded, w.start, w.end)) for w in words]
    return words


def _glue_digits(words: list[Word]) -> list[Word]:
    """The words with digits glued to a word's end joined to it: part of a name, no count.

    "درعا24", "Daraa24" (outlets) and reaction counters glued to a post's last word
    ("الوكيل31") are not counts; "و3" (a clitic before the number) still is.
    """
    clitics = _lexicon().glue_clitics
    out: list[Word] = []
    for word in words:
        last = out[-1] if out else None
        if (
            last is not None
            and word.key.isdecimal()
            and last.end == word.start
            and not last.key.isdecimal()
            and last.key.isalpha()
            and last.key not in clitics
        ):
            out[-1] = Word(last.key + word.key, last.start, word.end)
            continue
        out.append(word)
    return out


def _bare(word: str, table: dict[str, int] | frozenset[str]) -> str | None:
    """The word, or the word without a leading clitic, if it is in the table."""
    if word in table:
        return word
    for clitic in _NUMBER_CLITICS:
        bare = word[len(clitic) :]
        # Two-letter remainders (ست) would turn ordinary words (لست) into numbers.
        if word.startswith(clitic) and len(bare) > 2 and bare in table:
            return bare
    return None


def _conj_tens(keys: Sequence[str], i: int, lex: _Lexicon) -> int | None:
    """The tens value at keys[i] when written as "و" + tens or "and"/"-" + tens."""
    if i >= len(keys):
        return None
    key = keys[i]
    if key.startswith("و") and key[1:] in lex.tens:
        return lex.tens[key[1:]]
    return None


def _read_number(keys: Sequence[str], i: int, lex: _Lexicon) -> tuple[int, int] | None:
    """A number (value, end index) written with digits or number words at keys[i]."""
    key = keys[i]
    if key.isdecimal():
        return (int(key), i + 1) if len(key) <= 6 else None
    nxt = keys[i + 1] if i + 1 < len(keys) else ""
    teen = _bare(key, lex.teen_units)
    if teen is not None and nxt in lex.teen_markers:
        return lex.teen_units[teen] + 10, i + 2
    hundred = _bare(key, lex.hundreds)
    if hundred is not None:
        value, end = lex.hundreds[hundred], i + 1
        rest = _read_number(keys, end, lex) if nxt.startswith("و") or nxt == "and" else None
        if nxt == "and" and i + 2 < len(keys):
            rest = _read_number(keys, i + 2, lex)
        return (value + rest[0], rest[1]) if rest else (value, end)
    unit = _bare(key, lex.units)
    if unit is not None:
        value = lex.units[unit]
        if value < 10 and nxt in lex.teen_markers:
            return value + 10, i + 2
        tens = _conj_tens(keys, i + 1, lex)
        if tens is not None:
            return value + tens, i + 2
        if nxt in lex.hundreds and lex.hundreds[nxt] in (100, 1000):
            return value * lex.hundreds[nxt], i + 2
        if nxt == "dozen":
            return value * 12, i + 2
        return value, i + 1
    tens_key = _bare(key, lex.tens)
    if tens_key is not None:
        value = lex.tens[tens_key]
        if nxt in lex.units and lex.units[nxt] < 10:
            return value + lex.units[nxt], i + 2
        return value, i + 1
    return None


def _phrase_at(
    keys: Sequence[str], i: int, table: dict[tuple[str, ...], Range] | dict[tuple[str, ...], str]
) -> int:
    """The length of the longest phrase of the table starting at keys[i] (0 if none)."""
    for size in range(min(_lexicon().longest_phrase, len(keys) - i), 0, -1):
        if tuple(keys[i : i + size]) in table:
            return size
    return 0


def _qualify(op: str, value: int, lex: _Lexicon) -> Range:
    if op == "more":
        return Range(value + 1, value + 1 + int(value * lex.open_spread))
    if op == "least":
        return Range(value, value + int(value * lex.open_spread))
    if op == "approx":
        step = max(lex.approx_min_step, int(value * lex.approx_spread))
        return Range(max(0, value - step), value + step)
    if op == "less":
        return Range(min(1, value - 1), max(0, value - 1))
    return Range(min(1, value), value)  # "most": up to N


@cache
def _may_start(key: str) -> bool:
    """Whether a quantity can begin with this word (most words are ruled out here)."""
    lex = _lexicon()
    if key.isdecimal():
        return True
    heads = {p[0] for p in [*lex.vague, *lex.qualifiers]} | set(lex.one_words)
    return key in heads or any(
        _bare(key, table) is not None
        for table in (lex.units, lex.teen_units, lex.tens, lex.hundreds)
    )


def read_quantity(keys: Sequence[str], start: int) -> QuantityMatch | None:
    """The quantity written at keys[start] (folded words), with where it ends, or None."""
    if start >= len(keys) or not _may_start(keys[start]):
        return None
    lex = _lexicon()
    size = _phrase_at(keys, start, lex.qualifiers)
    if size:
        op = lex.qualifiers[tuple(keys[start : start + size])]
        inner = start + size
        # "من" may sit between a qualifier and its number: أكثر من / نحو من.
        if inner < len(keys) and keys[inner] == "من" and op != "more":
            inner += 1
        number = _read_number(keys, inner, lex) if inner < len(keys) else None
        if number is not None:
            return QuantityMatch(_qualify(op, number[0], lex), start, number[1], vague=True)
        vague = _read_vague(keys, inner, lex)
        if vague is not None:
            return QuantityMatch(vague.range, start, vague.end, vague=True)
        return None
    number = _read_number(keys, start, lex)
    if number is not None:
        return QuantityMatch(Range.exact(number[0]), start, number[1], vague=False)
    return _read_vague(keys, start, lex)


def _read_vague(keys: Sequence[str], start: int, lex: _Lexicon) -> QuantityMatch | None:
    size = _phrase_at(keys, start, lex.vague)
    if not size:
        return None
    return QuantityMatch(lex.vague[tuple(keys[start : start + size])], start, start + size, True)


def parse_quantity(text: str, *, language: str | None) -> Range | None:
    """The quantity that a short phrase states ("ثلاثة عشر" -> 13..13), or None.

    ``language`` is accepted for symmetry with the other extractors; Arabic and English
    words do not collide, so both vocabularies are always consulted.
    """
    del language
    keys = [w.key for w in words_of(text)]
    for i in range(len(keys)):
        found = read_quantity(keys, i)
        if found is not None:
            return found.range
    return None
