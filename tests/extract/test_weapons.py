"""Strike types, targets and the word splitter, on small invented sentences."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strikewatch.extract.weapons import (
    STRIKE_TYPES,
    WordIndex,
    find_strike_types,
    find_targets,
    split_words,
)
from strikewatch.normalise import fold_for_match


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتل ثلاثة مدنيين بغارة جوية على بلدة في الريف", "airstrike"),
        ("Warplanes bombed the outskirts of the town at dawn", "airstrike"),
        ("أصيب رجل باستهداف طائرة مسيرة لدراجته النارية", "drone"),
        ("A drone strike hit a car on the main road", "drone"),
        ("جرح طفلان بقصف مدفعي على أطراف القرية", "artillery"),
        ("Two women were killed by regime shelling", "artillery"),
        ("سقطت قذائف هاون على الحي السكني", "artillery"),
        ("قتل مزارع بصاروخ موجه استهدف جراره", "missile"),
        ("A ballistic missile landed near the camp", "missile"),
        ("قتل شاب برصاص قناص على خط التماس", "ground"),
        ("Three men died in clashes on the front line", "ground"),
    ],
)
def test_the_main_strike_type_comes_first(text: str, expected: str) -> None:
    found = find_strike_types(text, language=None)
    assert found[0] == expected
    assert set(found) <= set(STRIKE_TYPES)


def test_a_guided_missile_is_not_an_artillery_rocket() -> None:
    assert find_strike_types("صاروخ موجه", language="ar") == ["missile"]
    assert find_strike_types("سقط صاروخ على البلدة", language="ar") == ["artillery"]


def test_several_types_are_all_listed() -> None:
    found = find_strike_types("قصف مدفعي وغارات جوية على القرية", language="ar")
    assert set(found) == {"artillery", "airstrike"}


def test_no_means_of_attack_gives_an_empty_list() -> None:
    assert find_strike_types("اجتمع أهالي القرية في الساحة", language="ar") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("استهدفت الغارة منزلا سكنيا في البلدة", "house"),
        ("قصف على سوق شعبي وسط المدينة", "market"),
        ("The strike damaged a hospital and a school", "hospital"),
        ("أصيب أطفال داخل مدرسة القرية", "school"),
        ("استهدفت مسيرة سيارة مدنية على الطريق", "vehicle"),
        ("قتل راعي أغنام في أرض زراعية", "farm"),
        ("Shells fell on a camp for displaced families", "camp"),
    ],
)
def test_targets_are_found(text: str, expected: str) -> None:
    assert expected in find_targets(text, language=None)


def test_splitting_joins_obfuscated_words_and_keeps_original_spans() -> None:
    text = "قصف لميليـ.ـشيا قـ.ـسد بطـ ـيران التحـالف"
    words = split_words(text)
    assert words.text == ["قصف", "لميليشيا", "قسد", "بطيران", "التحالف"]
    assert [text[a:b] for a, b in words.spans][2:4] == ["قـ.ـسد", "بطـ ـيران"]


def test_hashtags_and_glued_digits_split() -> None:
    assert split_words("#جبل_الزاوية حماة1:19").text == ["جبل", "الزاويه", "حماه", "1", "19"]


def test_latin_and_arabic_scripts_split_where_a_capture_glued_them() -> None:
    words = split_words("Shared with Publicغارة على #حلبThis content")
    assert words.text == ["shared", "with", "public", "غاره", "علي", "حلب", "this", "content"]
    assert split_words("Türkiye drone").text == ["türkiye", "drone"]


def test_a_full_stop_without_its_space_splits_sentences_but_a_dot_inside_a_word_joins() -> None:
    words = split_words("غارات لطيران النظام وروسيا.وأسفرت عن ضحايا في القرية.الضحية")
    assert words.text[3:6] == ["وروسيا", "واسفرت", "عن"]
    assert words.text[-2:] == ["القريه", "الضحيه"]
    assert split_words("القص.ف الإسرا.ئيلي الشـ..هيد").text == ["القصف", "الاسراييلي", "الشهيد"]
    assert split_words("معلومات دقيقة..التحالف").text == ["معلومات", "دقيقه", "التحالف"]


def test_word_index_prefers_the_longest_term_and_peels_clitics() -> None:
    index = WordIndex()
    index.add("صاروخ", "short")
    index.add("صاروخ موجه", "long")
    found = list(index.find(split_words("وبالصاروخ الموجه ثم صاروخ")))
    assert [value for _, _, value in found] == ["long", "short"]


def test_short_stems_are_not_peeled_from_longer_words() -> None:
    index = WordIndex()
    index.add("الرقة", "raqqa")
    assert list(index.find(split_words("فرقه"))) == []
    assert len(list(index.find(split_words("بالرقة")))) == 1


_PIECES = st.sampled_from(["قصف", "قـ.ـسد", "التحـالف", " ", "،", "ـ", "x1", "Drone", "٣", "_"])


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_spans_lie_in_the_text_and_fold_to_the_word(text: str) -> None:
    words = split_words(text)
    for word, (start, end) in zip(words.text, words.spans, strict=True):
        assert 0 <= start < end <= len(text)
        piece = fold_for_match(text[start:end])
        assert piece.replace(" ", "").replace(".", "") == word
