"""fold_for_match(): same length, letters folded, words with marks inside closed up."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from strikewatch.normalise import (
    _FOLD_PAIRS,
    _MARKED_WORD,
    _blank_sentence_dots,
    _close_up,
    fold_for_match,
    has_inner_marks,
    original_end,
)


def test_words_with_marks_inside_are_one_word_again() -> None:
    # Harakat and shadda inside a word used to split it ("قُتل" → "ق تل").
    assert fold_for_match("وقُتل 9 مدنيين جرّاء القصف").split() == [
        "وقتل",
        "9",
        "مدنيين",
        "جراء",
        "القصف",
    ]
    # Tatweel and a dot inserted to dodge platform filters.
    assert fold_for_match("مقـ.ـتل ثلاث أشـ.ـخاص").split() == ["مقتل", "ثلاث", "اشخاص"]
    # A dot that ends a sentence, or follows a Latin word, stays.
    assert fold_for_match("قتل. ثم") == "قتل. ثم"
    assert fold_for_match("Dr. Ali") == "dr. ali"


def test_original_end_moves_past_the_marks() -> None:
    text = "استشهاد مدني جرّاء القصف"
    folded = fold_for_match(text)
    start = folded.index("جراء")
    end = original_end(text, folded, start, start + len("جراء"))
    assert text[start:end] == "جرّاء"
    assert has_inner_marks(text) and not has_inner_marks("جراء القصف")


arabic = st.text(
    alphabet=st.sampled_from([*"قتلجراءمدني ", "\u064e", "\u0651", "\u0640", ".", "\u064b"]),
    max_size=40,
)


@given(arabic)
def test_folding_keeps_length_and_word_starts(text: str) -> None:
    folded = fold_for_match(text)
    assert len(folded) == len(text)
    # Every folded word starts where an original letter does.
    for i, char in enumerate(folded):
        if char.strip() and (i == 0 or not folded[i - 1].strip()) and char != ".":
            assert text[i] not in "\u064e\u0651\u0640"


def _walked_end(text: str, folded: str, start: int, end: int) -> int:
    # original_end without its shortcut for words that hold no mark.
    need = sum(not c.isspace() for c in folded[start:end])
    i = start
    while i < len(text) and need:
        if not (text[i] in "\u064b\u064e\u0651\u0640." or text[i].isspace()):
            need -= 1
        i += 1
    return i


@given(arabic)
def test_every_folded_words_end_maps_back_as_the_full_walk_does(text: str) -> None:
    folded = fold_for_match(text)
    for word in re.finditer(r"\S+", folded):
        start, end = word.span()
        assert original_end(text, folded, start, end) == _walked_end(text, folded, start, end)


def test_a_full_stop_without_its_space_ends_a_sentence() -> None:
    # Two long words, or a word-final ta marbuta before the next: a sentence boundary.
    for text, words in (
        ("قصفت روسيا.وأسفرت", ["قصفت", "روسيا", "واسفرت"]),
        ("في الرقة.الضحية", ["في", "الرقه", "الضحيه"]),
        ("غارة دقيقة..التحالف", ["غاره", "دقيقه", "التحالف"]),
    ):
        folded = fold_for_match(text)
        assert len(folded) == len(text) and folded.split() == words
    # A dot beside a short piece hides a word from filters and is closed up.
    assert fold_for_match("القص.ف").split() == ["القصف"]


def test_quranic_marks_inside_a_word_are_closed_up() -> None:
    assert fold_for_match("الشهي\u06dcد").split() == ["الشهيد"]


# The sentence-dot rule as first written, one regular expression with look-behinds: the
# faster scan over runs of dots must blank exactly the same dots.
_LETTER = "[\u0621-\u063f\u0641-\u064a]"
_LOOK_BEHIND_RULE = re.compile(
    f"(?<={_LETTER}{{5}})\\.+(?={_LETTER}{{5}})|(?<=[\u0629\u0649])\\.+(?={_LETTER}{{2}})"
)
dotted = st.text(alphabet=st.sampled_from([*"قتلاة ىa.", "\u0640"]), max_size=30)


@given(dotted)
def test_sentence_dots_follow_the_look_behind_rule(text: str) -> None:
    expected = _LOOK_BEHIND_RULE.sub(lambda m: " " * len(m.group()), text)
    assert _blank_sentence_dots(text) == expected


@given(st.text(alphabet=st.sampled_from([*"٠١٢٣٤٥٦٧٨٩۰۹أإآٱىةؤئکی٬،اب 7B"]), max_size=30))
def test_letter_folding_is_one_translation(text: str) -> None:
    # Folding letter by letter gives what one simultaneous translation would.
    assert fold_for_match(text) == text.translate(str.maketrans(dict(_FOLD_PAIRS))).lower()


# The marked-word pattern as first written, without possessive runs or its word-start check.
_PLAIN_MARKED_WORD = re.compile(
    f"{_LETTER}+(?:[\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f.]+{_LETTER}+)+"
)


@given(st.text(alphabet=st.sampled_from([*"قتلجراء a.", "\u064e", "\u0651", "\u0640", "\u200c"])))
def test_marked_words_match_the_plain_pattern(text: str) -> None:
    assert _MARKED_WORD.sub(_close_up, text) == _PLAIN_MARKED_WORD.sub(_close_up, text)
