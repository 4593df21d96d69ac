"""Text normalisation shared by every extractor: digits, Arabic letter variants, spacing.

Extractors match on normalised text but report spans in the original, so every function
here that changes text keeps its length (``fold_for_match``) or says it does not.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Arabic-Indic (U+0660…) and Eastern Arabic-Indic/Persian (U+06F0…) digits to ASCII.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Letter variants folded one-for-one, so offsets in the folded text equal the original's.
_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ک": "ك",
        "ی": "ي",
        "٫": ".",
        "٬": ",",
        "،": ",",
    }
)
# Harakat, Quranic annotation marks, tatweel and the zero-width marks that posts carry.
_STRIP = re.compile(
    "[\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069]"
)
# Digits and letter variants as (variant, folded) pairs; no folded letter is a variant.
_FOLD_PAIRS: tuple[tuple[str, str], ...] = tuple(
    (chr(k), chr(v) if isinstance(v, int) else str(v))
    for k, v in {**_DIGITS, **_LETTERS}.items()
    if v is not None
)
_SPACES = re.compile(r"\s+")
_LATIN_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath"})


def ascii_digits(text: str) -> str:
    """The text with Arabic-Indic digits as ASCII digits (same length)."""
    return text.translate(_DIGITS)


# An Arabic word with marks inside it: harakat, shadda, tatweel, zero-width marks, or a
# dot posts insert to slip past filters ("قُتل", "جرّاء", "مقـ.ـتل", "القص.ف").
_LETTER = "[\u0621-\u063f\u0641-\u064a]"  # Arabic letters, tatweel (U+0640) left out
_MARKS = "\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f"
# Possessive runs, tried only where a word starts: letters and marks are disjoint, so this
# matches what the plain pattern does without retrying every letter of every word.
_MARKED_WORD = re.compile(f"(?<!{_LETTER}){_LETTER}++(?:[{_MARKS}.]++{_LETTER}++)+")
_INNER_MARKS = re.compile(f"[{_MARKS}.]")
# A cheap test for texts that have such a word (most have dots, few between letters).
_ANY_MARKED = re.compile(f"[{_MARKS}]|{_LETTER}\\.{_LETTER}")
# A full stop between two words of five letters or more, or after a word-final ة/ى, ends
# a sentence that lacks its space ("وروسيا.عزاؤنا", "الرقة.الضحية", "دقيقة..التحالف"): it
# becomes a space. Dots with a short piece beside them hide a word from filters ("قص.ف",
# "الش..هيد") and are closed up.
# Found as runs of dots checked on each side: a pattern that starts with a look-behind is
# tried at every position of the text, which cost more than the rest of the folding.
_DOT_RUN = re.compile(r"\.+")
_FIVE_LETTERS = re.compile(f"{_LETTER}{{5}}")
_TWO_LETTERS = re.compile(f"{_LETTER}{{2}}")
_WORD_FINAL = frozenset("\u0629\u0649")


def _close_up(match: re.Match[str]) -> str:
    # The letters close up and the spaces go to the word's end: the word is one token
    # again, it starts where it did, and the text keeps its length (its end moves left by
    # the marks it had).
    letters = _INNER_MARKS.sub("", match.group())
    return letters + " " * (len(match.group()) - len(letters))


def _blank_sentence_dots(text: str) -> str:
    pieces: list[str] = []
    last = 0
    for run in _DOT_RUN.finditer(text):
        start, end = run.span()
        if (
            start >= 5
            and _FIVE_LETTERS.fullmatch(text, start - 5, start)
            and _FIVE_LETTERS.match(text, end)
        ) or (start and text[start - 1] in _WORD_FINAL and _TWO_LETTERS.match(text, end)):
            pieces += [text[last:start], " " * (end - start)]
            last = end
    return "".join([*pieces, text[last:]]) if pieces else text


def original_end(text: str, folded: str, start: int, end: int) -> int:
    """Where a match at ``start:end`` of ``folded = fold_for_match(text)`` ends in ``text``.

    A closed-up word is shorter than the original it stands for (and padded after it):
    the end moves past the marks the original has inside the match.
    """
    if end > start and not text[end - 1].isspace() and not _INNER_MARKS.search(text, start, end):
        return end  # no mark inside: the word was not closed up (most words of such a text)
    need = sum(not c.isspace() for c in folded[start:end])
    i = start
    while i < len(text) and need:
        if not (_INNER_MARKS.match(text[i]) or text[i].isspace()):
            need -= 1
        i += 1
    return i


def has_inner_marks(text: str) -> bool:
    """Whether ``fold_for_match`` closes up any word of the text."""
    folded = text.translate(_LETTERS)
    return _ANY_MARKED.search(folded) is not None and _MARKED_WORD.search(folded) is not None


@lru_cache(maxsize=32)
def fold_for_match(text: str) -> str:
    """Digits to ASCII, hamza/ta marbuta/alef maqsura folded, lower case: same length.

    Marks inside an Arabic word are taken out and the word closed up, padded with spaces
    after it; other diacritics and tatweel become spaces. Either way offsets found in the
    folded text point at the same characters in the original, up to a word's end.
    """
    if "." in text:
        text = _blank_sentence_dots(text)
    folded = text
    # One replace per letter present: str.translate looks every character up in a dict,
    # ten times slower on Arabic text.
    for variant, folded_to in _FOLD_PAIRS:
        if variant in folded:
            folded = folded.replace(variant, folded_to)
    if _ANY_MARKED.search(folded):
        folded = _MARKED_WORD.sub(_close_up, folded)
    folded = _STRIP.sub(" ", folded)
    return folded.lower()


@lru_cache(maxsize=1 << 16)
def fold_name(text: str) -> str:
    """A place or actor name reduced for lookup: no diacritics, no article, one spacing.

    Kept for recent names: the linker folds the same few governorates and places for
    every claim.

    NFKD removes Latin accents (Kafr Nubl ~ Kafr Nūbl); Arabic letter variants fold;
    a leading al-/el-/ال on each word is dropped; punctuation becomes space.
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _STRIP.sub("", text.translate(_DIGITS).translate(_LETTERS)).lower()
    text = re.sub(r"[\-‐‑–—'’ʿʾ`\".,()\[\]/]", " ", text)
    words = text.split()
    kept = [
        word.removeprefix("ال") if word.startswith("ال") and len(word) > 3 else word
        for i, word in enumerate(words)
        # Transliterated articles (al-, el-, ash-, ar-…) only before another word.
        if not (word in _LATIN_ARTICLES and i + 1 < len(words))
    ]
    return " ".join(kept)


def squeeze_spaces(text: str) -> str:
    """Runs of whitespace as one space, trimmed (changes length)."""
    return _SPACES.sub(" ", text).strip()
