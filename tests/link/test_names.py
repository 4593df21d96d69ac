"""victim_names(): the people a report names as victims, as keys (invented names only)."""

from __future__ import annotations

import pytest

from strikewatch.link.names import victim_names


def test_a_cue_introduces_a_name_kept_as_first_and_last_word() -> None:
    text = "استشهد الطفل سامر خليل النجار جراء قصف مدفعي على القرية"
    assert victim_names(text) == ["سامر|نجار"]


def test_a_middle_name_more_or_less_is_the_same_person() -> None:
    short = "نعت البلدة الشهيد يوسف جمال الحمدان الذي قضى بالقصف"
    long = "أسماء الضحايا: 1- يوسف محمد جمال الحمدان 2- رهف عادل القاضي"
    assert victim_names(short) == ["يوسف|حمدان"]
    assert victim_names(long) == ["رهف|قاضي", "يوسف|حمدان"]


def test_letter_variants_and_compounds_fold_alike() -> None:
    spaced = "قتل الشاب عبد الرحمن فوزي الأطرش بقصف"
    joined = "مقتل الشاب عبدالرحمن فوزي الاطرش"
    assert victim_names(spaced) == victim_names(joined) == ["عبدالرحمن|اطرش"]


def test_son_of_ends_the_name() -> None:
    text = "المصابون: ١- عبدالله كشتان ابن مصطفى ٢- ريم عماد سلوم"
    assert victim_names(text) == ["ريم|سلوم", "عبدالله|كشتان"]


@pytest.mark.parametrize(
    "text",
    [
        "استشهد الطفل الصغير متأثرا بجراحه",  # a description, not a name
        "أصيب المدني محمد علي بجروح",  # two common given names single out no one
        "وثق الدفاع المدني عبر صفحته القصف",  # "المدني" of an organisation
        "2- لقد تعرضت القرية لقصف عنيف",  # one stray list number
        "أفاد الناشط قاسم العبدالله بأن القصف استهدف السوق",  # a witness, not a victim
    ],
)
def test_no_name(text: str) -> None:
    assert victim_names(text) == []


def test_a_weak_cue_needs_a_known_given_name_unless_the_name_is_quoted() -> None:
    assert victim_names("أصيب المواطن جيلانو حسكي بجروح") == []
    assert victim_names('أصيب المواطن "جيلانو حسكي" بجروح') == ["جيلانو|حسكي"]
    assert victim_names("أصيب المواطن بسام حسكي بجروح") == ["بسام|حسكي"]


def test_english_names_after_named_as() -> None:
    text = "A man named as Omar Khaled al-Hassan, 30, was killed; a girl identified as Lina Saad."
    assert victim_names(text) == ["lina|saad", "omar|hassan"]


def test_common_first_and_last_names_keep_the_whole_name() -> None:
    assert victim_names("استشهد الشاب محمد فواز حسن في القصف") == ["محمد فواز حسن"]
    assert victim_names("الشهيد يوسف جمال الحسن") == ["يوسف جمال حسن"]
