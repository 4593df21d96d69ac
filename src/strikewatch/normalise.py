"""Text normalisation shared by every extractor: digits, Arabic letter variants, spacing.

Extractors match on normalised text but report spans in the original, so every function
here that changes text keeps its length (``fold_for_match``) or says it does not.
"""

from __future__ import annotations

import re
import unicodedata

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
# Harakat, tatweel and the zero-width marks that social posts carry.
_STRIP = re.compile("[\u064b-\u065f\u0670\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"\s+")
_LATIN_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath"})


def ascii_digits(text: str) -> str:
    """The text with Arabic-Indic digits as ASCII digits (same length)."""
    return text.translate(_DIGITS)


def fold_for_match(text: str) -> str:
    """Digits to ASCII, hamza/ta marbuta/alef maqsura folded, lower case: same length.

    Diacritics and tatweel are replaced by spaces rather than removed so that offsets
    found in the folded text point at the same characters in the original.
    """
    folded = text.translate(_DIGITS).translate(_LETTERS)
    folded = _STRIP.sub(" ", folded)
    return folded.lower()


def fold_name(text: str) -> str:
    """A place or actor name reduced for lookup: no diacritics, no article, one spacing.

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
