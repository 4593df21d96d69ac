"""Quantities: digits, number words, vague counts and qualifiers as ranges."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strikewatch.extract.numbers import Range, parse_quantity, read_quantity, words_of


@pytest.mark.parametrize(
    ("phrase", "low", "high"),
    [
        ("7", 7, 7),
        ("١٢", 12, 12),
        ("ثلاثة", 3, 3),
        ("ثلاثة عشر", 13, 13),
        ("اثنا عشر", 12, 12),
        ("أحد عشر", 11, 11),
        ("خمسة وعشرين", 25, 25),
        ("مئة وخمسة", 105, 105),
        ("عشرين", 20, 20),
        ("twenty-five", 25, 25),
        ("two hundred", 200, 200),
        ("a dozen", 12, 12),
        ("three", 3, 3),
    ],
)
def test_exact_numbers(phrase: str, low: int, high: int) -> None:
    assert parse_quantity(phrase, language=None) == Range(low, high)


@pytest.mark.parametrize(
    ("phrase", "low", "high"),
    [
        ("عشرات", 10, 99),
        ("dozens of", 12, 99),
        ("مئات", 100, 999),
        ("بضعة", 3, 9),
        ("several", 2, 9),
        ("عدد من", 2, 9),
        ("أكثر من 10", 11, 16),
        ("more than 10", 11, 16),
        ("at least 5", 5, 7),
        ("ما لا يقل عن 4", 4, 6),
        ("نحو 20", 16, 24),
        ("حوالي ٣", 2, 4),
        ("up to 6", 1, 6),
    ],
)
def test_vague_counts_are_ranges(phrase: str, low: int, high: int) -> None:
    found = parse_quantity(phrase, language=None)
    assert found == Range(low, high)
    assert not found.is_exact


def test_words_that_are_not_numbers() -> None:
    # الأحد is Sunday; لست is "I am not", not ل + ست (six).
    assert parse_quantity("يوم الأحد", language="ar") is None
    assert parse_quantity("لست أدري", language="ar") is None
    assert parse_quantity("no count here", language="en") is None


def test_read_quantity_reports_where_it_ends() -> None:
    keys = [w.key for w in words_of("استشهد ثلاثة عشر مدنيا")]
    found = read_quantity(keys, 1)
    assert found is not None
    assert (found.range, found.start, found.end, found.vague) == (Range(13, 13), 1, 3, False)


def test_words_keep_original_offsets_through_diacritics() -> None:
    text = "مقتل مواطنَين اثنين"
    words = words_of(text)
    assert [w.key for w in words] == ["مقتل", "مواطنين", "اثنين"]
    assert text[words[1].start : words[1].end] == "مواطنَين"


def test_range_sum_and_overlap() -> None:
    assert Range(1, 2) + Range(3, 9) == Range(4, 11)
    assert Range(2, 9).overlaps(Range(9, 12))
    assert not Range(2, 9).overlaps(Range(10, 12))
    with pytest.raises(ValueError):
        Range(3, 2)


@given(st.integers(min_value=0, max_value=99999))
def test_any_digit_run_reads_as_itself(value: int) -> None:
    assert parse_quantity(str(value), language=None) == Range.exact(value)


@given(st.text(max_size=60))
def test_arbitrary_text_never_crashes(text: str) -> None:
    found = parse_quantity(text, language=None)
    assert found is None or 0 <= found.low <= found.high


def test_digits_glued_to_a_word_join_it() -> None:
    assert [w.key for w in words_of("شبكة البلدة24 و3 نساء")] == [
        "شبكه",
        "البلده24",
        "و",
        "3",
        "نساء",
    ]
    assert [w.key for w in words_of("Town24 reports 5")] == ["town24", "reports", "5"]
