"""Harm: civilian and combatant deaths and injuries as ranges, from invented sentences."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strikewatch.extract.harm import HarmFinding, Range, find_harm
from strikewatch.normalise import fold_for_match


def deaths(text: str, language: str | None = None) -> Range | None:
    return find_harm(text, language=language).civilian_deaths


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("استشهاد مدني بقصف على قرية صغيرة", Range(1, 1)),
        ("مقتل طفلين بقصف مدفعي على الحي", Range(2, 2)),
        ("سقوط شهيدين في غارة على السوق", Range(2, 2)),
        ("مقتل امرأة وطفلين بقصف صاروخي", Range(3, 3)),
        ("استشهد 4 مدنيين جراء غارة جوية", Range(4, 4)),
        ("استشهد ٦ أشخاص في القصف", Range(6, 6)),
        ("قتل ثلاثة عشر شخصا بالغارة", Range(13, 13)),
        ("مقتل عشرات المدنيين في القصف", Range(10, 99)),
        ("مقتل أكثر من 10 مدنيين", Range(11, 16)),
        ("مقتل مواطنَين اثنين", Range(2, 2)),
        # The article drops the alif of امرأة (المرأة); plain duals of kin nouns.
        ("استشهاد المرأة ونجلها بقصف على الحي", Range(2, 2)),
        ("مقتل رجل وابنتين له في غارة على المزرعة", Range(3, 3)),
        ("مقتل شقيقتين بقذيفة سقطت على منزلهما", Range(2, 2)),
        ("استشهاد ابنين لعائلة نازحة في القصف", Range(2, 2)),
        ("Three civilians were killed in the shelling.", Range(3, 3)),
        ("The strike killed a woman and her two children.", Range(3, 3)),
        ("At least 5 people were killed.", Range(5, 7)),
        ("Dozens of civilians were killed.", Range(12, 99)),
        ("Child killed in a drone strike near the school.", Range(1, 1)),
    ],
)
def test_civilian_deaths(text: str, expected: Range) -> None:
    assert deaths(text) == expected


def test_killed_and_injured_kept_apart() -> None:
    found = find_harm("استشهد 3 مدنيين وأصيب 8 آخرون بجروح في القصف", language="ar")
    assert found.civilian_deaths == Range(3, 3)
    assert found.civilian_injuries == Range(8, 8)
    english = find_harm("Two civilians were killed and six injured.", language="en")
    assert (english.civilian_deaths, english.civilian_injuries) == (Range(2, 2), Range(6, 6))


def test_children_and_women_are_part_of_the_total() -> None:
    found = find_harm("استشهد 7 مدنيين بينهم ثلاثة أطفال وامرأة", language="ar")
    assert found.civilian_deaths == Range(7, 7)
    assert found.children_killed == Range(3, 3)
    assert found.women_killed == Range(1, 1)
    english = find_harm("The raid killed five civilians, including two children.", language="en")
    assert (english.civilian_deaths, english.children_killed) == (Range(5, 5), Range(2, 2))


def test_combatants_are_kept_apart() -> None:
    found = find_harm("مقتل 4 عناصر من الفصيل بقصف على مقر عسكري", language="ar")
    assert found.civilian_deaths is None
    assert found.combatant_deaths == Range(4, 4)
    mixed = find_harm("The strike killed two fighters and a civilian.", language="en")
    assert (mixed.civilian_deaths, mixed.combatant_deaths) == (Range(1, 1), Range(2, 2))


def test_unqualified_victims_count_as_civilians_without_combatant_words() -> None:
    assert deaths("مقتل 3 أشخاص بقصف على منزل في القرية") == Range(3, 3)
    assert deaths("Four people were killed when a shell hit a house.") == Range(4, 4)


def test_joint_killed_and_injured_count_is_split_unknown() -> None:
    found = find_harm("مقتل وإصابة 5 أشخاص بقصف على السوق", language="ar")
    assert found.civilian_deaths == Range(0, 5)
    assert found.civilian_injuries == Range(0, 5)


def test_others_injured_without_number_follows_the_plural_convention() -> None:
    found = find_harm("استشهاد طفل وإصابة آخرين بقصف مدفعي", language="ar")
    assert found.civilian_deaths == Range(1, 1)
    assert found.civilian_injuries == Range(2, 9)


def test_rising_toll_replaces_the_first_count() -> None:
    text = "استشهد 3 مدنيين بغارة على البلدة. وارتفعت حصيلة الضحايا إلى 7 شهداء مساء اليوم."
    assert deaths(text) == Range(7, 7)


def test_the_count_a_toll_rose_to_is_read_however_far_its_noun() -> None:
    # The toll noun and its count are many words apart; "ضحايا" is what is counted.
    text = (
        "ارتفعت حصيلة ضحايا الغارات الجوية التي استهدفت الأحياء السكنية في البلدة "
        "القديمة عصر اليوم الأحد، إلى 12 مدنياً بينهم 5 أطفال وامرأتان، وأصيب 30 آخرون"
    )
    found = find_harm(text, language="ar")
    assert found.civilian_deaths == Range(12, 12)
    assert (found.children_killed, found.women_killed) == (Range(5, 5), Range(2, 2))
    assert found.civilian_injuries == Range(30, 30)
    assert deaths("ارتفع عدد الشهداء إلى 4 مدنيين") == Range(4, 4)
    assert deaths("The death toll rose to 9 civilians, including 3 children") == Range(9, 9)
    # Without a count after "إلى", the plural noun still counts by convention.
    assert deaths("ارتفعت حصيلة الشهداء في البلدة") is not None


def test_a_toll_of_the_injured_is_no_death_toll() -> None:
    text = "ارتفعت حصيلة مصابي القصف على القرية إلى 14 شخصاً وقتل مدنيان اثنان"
    found = find_harm(text, language="ar")
    assert (found.civilian_deaths, found.civilian_injuries) == (Range(2, 2), Range(14, 14))
    injured = find_harm("ارتفاع حصيلة جرحى القصف المدفعي على القرية إلى 6 أطفال", language="ar")
    assert injured.civilian_deaths is None and injured.civilian_injuries == Range(6, 6)


def test_a_toll_in_the_same_sentence_replaces_the_first_count() -> None:
    text = "أدى القصف إلى استشهاد امرأة، قبل أن ترتفع حصيلة الضحايا إلى أربعة من أسرة واحدة"
    assert deaths(text) == Range(4, 4)


def test_a_regional_day_toll_is_a_tally() -> None:
    assert deaths("وارتفع عدد ضحايا القصف في المنطقة خلال 24 ساعة إلى 20 مدنيا") is None


def test_no_casualties_is_zero() -> None:
    found = find_harm("سقطت قذيفة على الحي دون وقوع إصابات", language="ar")
    assert (found.civilian_deaths, found.civilian_injuries) == (Range(0, 0), Range(0, 0))
    assert deaths("The shell caused material damage only.") == Range(0, 0)


def test_ages_years_and_adjectives_are_not_counts() -> None:
    assert deaths("استشهاد طفل يبلغ من العمر 10 سنوات") == Range(1, 1)
    assert deaths("A 10-year-old boy was killed on 3 May 2021.") == Range(1, 1)
    # الدفاع المدني is the civil defence, not a civilian victim.
    found = find_harm("قال الدفاع المدني إن القصف أدى إلى مقتل طفل", language="ar")
    assert found.civilian_deaths == Range(1, 1)


def test_yearly_tallies_are_not_this_incident() -> None:
    assert deaths("قتل 250 مدنيا منذ بداية العام في المحافظة") is None


def test_the_parts_of_an_unnumbered_plural_give_its_count() -> None:
    text = "ارتكب الطيران مجزرة راح ضحيتها أسرة كاملة (أب وأم وطفلان وجدة) في الحي الشرقي"
    found = find_harm(text, language="ar")
    # Five are named; the plural's ceiling stays, as its parts may be only some of them.
    assert found.civilian_deaths == Range(5, 9)
    assert found.children_killed == Range(2, 2)
    found = find_harm("استشهد مدنيون بينهم 3 أطفال في القصف", language="ar")
    assert (found.civilian_deaths, found.children_killed) == (Range(3, 9), Range(3, 3))
    assert deaths("استشهد 5 مدنيين بينهم 3 أطفال") == Range(5, 5)


def test_children_of_another_sentence_never_outnumber_the_dead() -> None:
    text = "استشهد مدني بقصف مدفعي على البلدة. وفي حادثة أخرى قتل 4 أطفال برصاص مجهولين"
    found = find_harm(text, language="ar")
    assert (found.civilian_deaths, found.children_killed) == (Range(1, 1), None)
    assert "children_killed" not in found.spans
    assert any(r.startswith("children_killed 4..4 left out") for r in found.reasons)
    # From the same sentence as the total, they stay.
    found = find_harm("استشهد 5 مدنيين بينهم 3 أطفال بقصف على البلدة", language="ar")
    assert found.children_killed == Range(3, 3)


def test_a_count_of_someones_kin_in_english() -> None:
    found = find_harm("The strike killed a man and three of his children.", language="en")
    assert (found.civilian_deaths, found.children_killed) == (Range(4, 4), Range(3, 3))


def test_the_dead_of_an_armed_party_are_combatants() -> None:
    found = find_harm("ارتفع عدد قتلى قوات النظام في الهجوم إلى 12", language="ar")
    assert (found.civilian_deaths, found.combatant_deaths) == (None, Range(12, 12))
    found = find_harm("قال مرصد محلي إن عدد قتلى قسد في الهجوم ارتفع إلى 31 قتيلاً", language="ar")
    assert (found.civilian_deaths, found.combatant_deaths) == (None, Range(31, 31))
    # "ضحايا X" are X's victims, not its dead.
    assert deaths("ارتفع عدد ضحايا النظام في البلدة إلى 7 مدنيين") == Range(7, 7)
    assert deaths("مقتل 5 مدنيين من قبل قوات النظام") == Range(5, 5)


def test_a_toll_far_from_its_noun_still_counts() -> None:
    assert deaths("ارتفع عدد الضحايا في القصف على القرية إلى 12") == Range(12, 12)
    # "إلى 3 مشافي" counts hospitals, not victims.
    found = find_harm("أصيب عدد من المدنيين ونقلوا إلى 3 مشافي", language="ar")
    assert found.civilian_injuries is not None and found.civilian_injuries.low == 2


def test_a_misspelt_no_casualties_is_zero() -> None:
    text = "Rockets fell on a warehouse outside the town; no causalities, the monitor said."
    assert deaths(text) == Range(0, 0)
    assert deaths("This is the fifth attack since early 2023, which killed 9 people.") is None


def test_a_campaigns_toll_is_a_tally() -> None:
    text = (
        "قصفت الطائرات القرية في إطار الحملة المستمرة منذ أسابيع والتي أودت بحياة 40 مدنياً."
        " وأدى القصف إلى إصابة امرأتين"
    )
    found = find_harm(text, language="ar")
    assert (found.civilian_deaths, found.civilian_injuries) == (None, Range(2, 2))


def test_a_months_line_of_a_tally_is_not_this_incident() -> None:
    text = (
        "A drone strike on a house in the village of Tal Warda killed two civilians.\n\n"
        "Drone attacks this year, by month:\n"
        "• January: Four attacks left six civilians dead. In addition, 12 others were injured.\n"
        "• شباط: ثلاث هجمات أسفرت عن مقتل 9 مدنيين"
    )
    found = find_harm(text, language="en")
    assert found.civilian_deaths == Range(2, 2)
    assert found.civilian_injuries is None
    # A dated line of a chronology is an event, not a tally.
    assert deaths("• March 4: a drone killed three civilians in a car") == Range(3, 3)


def test_spans_point_at_the_phrases_used() -> None:
    text = "قصف على القرية. استشهد 4 مدنيين جراء الغارة"
    found = find_harm(text, language="ar")
    assert found.civilian_deaths == Range(4, 4)
    (start, end), *_ = found.spans["civilian_deaths"]
    assert text[start:end] == "4 مدنيين"
    assert any("civilian_deaths" in reason for reason in found.reasons)


def test_text_without_harm_gives_nothing() -> None:
    found = find_harm("Shelling hit the outskirts of the town this morning.", language="en")
    assert found == HarmFinding(None, None, None, None, None, {}, [])


@given(st.text(max_size=120))
def test_arbitrary_text_never_crashes(text: str) -> None:
    found = find_harm(text, language=None)
    for value in (found.civilian_deaths, found.civilian_injuries, found.combatant_deaths):
        assert value is None or 0 <= value.low <= value.high


def test_harm_noun_with_civilian_adjective_keeps_its_harm() -> None:
    found = find_harm("شهيد مدني وسبعة جرحى جراء قصف على السوق", language="ar")
    assert (found.civilian_deaths, found.civilian_injuries) == (Range(1, 1), Range(7, 7))


def test_killed_and_wounded_nouns_together_are_a_joint_count() -> None:
    found = find_harm("20 قتيلا وجريحا بغارات على المدينة", language="ar")
    assert (found.civilian_deaths, found.civilian_injuries) == (Range(0, 20), Range(0, 20))


def test_a_handle_glued_to_the_post_does_not_hide_the_first_word() -> None:
    assert deaths("@SomeMonitorمقتل مدني بقصف مدفعي على القرية") == Range(1, 1)


def test_arrests_are_not_casualties() -> None:
    assert deaths("مقتل شاب واعتقال اثنين آخرين خلال المداهمة") == Range(1, 1)
    assert deaths("One man was killed and three others were arrested in the raid.") == Range(1, 1)


def test_whole_family_is_a_plural_count() -> None:
    assert deaths("استشهاد عائلة كاملة جراء قصف على المنزل") == Range(2, 9)


def test_women_fighters_are_combatants() -> None:
    found = find_harm("Three women fighters were killed in a drone strike.", language="en")
    assert (found.civilian_deaths, found.combatant_deaths) == (None, Range(3, 3))


def test_a_list_repeated_in_one_sentence_is_counted_once() -> None:
    # A headline glued to its body with no full stop names the same victims twice.
    text = "استشهد مزارع وأصيب 4 آخرون بقصف على الحقل ما أدى إلى استشهاد مزارع وإصابة 4 آخرين"
    found = find_harm(text, language="ar")
    assert (found.civilian_deaths, found.civilian_injuries) == (Range(1, 1), Range(4, 4))
    # "the man" after "a man" is the same man.
    assert deaths("مقتل رجل بقصف على المنزل وانتشلت الفرق جثمان الرجل") == Range(1, 1)
    english = "A farmer was killed in the strike on the field a farmer was killed"
    assert deaths(english) == Range(1, 1)


def test_another_victim_is_not_a_repeat_and_not_a_second_one() -> None:
    # "طفل آخر" is one more child, not a child and an "other".
    assert deaths("استشهاد طفل بقصف على القرية واستشهاد طفل آخر بقصف على البلدة") == Range(2, 2)
    assert deaths("قُتل ثلاثة أطفال وأمهم وطفل آخر بالقصف") == Range(5, 5)
    assert deaths("A child was killed and another child was killed later.") == Range(2, 2)


def test_one_of_the_wounded_takes_the_harm_of_its_cue() -> None:
    found = find_harm("أسفر القصف عن استشهاد سائق الشاحنة وأحد الجرحى", language="ar")
    assert (found.civilian_deaths, found.civilian_injuries) == (Range(2, 2), None)


def test_possessive_kin_and_their_duals_are_victims() -> None:
    found = find_harm("مقتل رجل وإصابة زوجته وطفليهما بقصف على المنزل", language="ar")
    assert (found.civilian_deaths, found.civilian_injuries) == (Range(1, 1), Range(3, 3))
    assert deaths("استشهاد امرأة وابنتيها بقصف مدفعي") == Range(3, 3)
    found = find_harm("قُتل شخصان مسلحان في الاشتباك", language="ar")
    assert (found.civilian_deaths, found.combatant_deaths) == (None, Range(2, 2))


def test_a_life_lost_is_a_death_and_the_missing_are_not() -> None:
    assert deaths("فقدان أربعة أشخاص لحياتهم بقصف على البلدة") == Range(4, 4)
    assert deaths("أدى القصف إلى فقدان مدني حياته") == Range(1, 1)
    assert deaths("فقدان ثلاثة أشخاص بعد القصف على البلدة") is None


def test_fell_victim_is_a_death_cue() -> None:
    text = "ارتكبت القوات مجزرة راح ضحيتها 6 مدنيين من عائلة واحدة وإصابة شقيقهم بجروح"
    found = find_harm(text, language="ar")
    assert (found.civilian_deaths, found.civilian_injuries) == (Range(6, 6), Range(1, 1))


def test_a_breakdown_in_brackets_a_few_words_on_is_part_of_the_total() -> None:
    found = find_harm("إصابة 5 مدنيين من أسرة واحدة (3 أطفال ورجل وامرأة) بقصف", language="ar")
    assert found.civilian_injuries == Range(5, 5)
    text = "أدى القصف لمقتل 4 من أفراد العائلة (امرأة وابنيها وابنتها)"
    found = find_harm(text, language="ar")
    assert (found.civilian_deaths, found.women_killed) == (Range(4, 4), Range(2, 2))


def test_between_killed_and_injured_is_a_joint_count() -> None:
    found = find_harm("مجزرة راح ضحيتها 14 مدنياً بين قتيل وجريح في السوق", language="ar")
    assert (found.civilian_deaths, found.civilian_injuries) == (Range(0, 14), Range(0, 14))
    assert deaths("سقوط 9 بين شهيد وجريح بقصف على الحي") == Range(0, 9)
    # A verbal noun may stand for the killed: "between killing and a wounded".
    found = find_harm("قصف على قرية الدمية خلف 11 مدنياً بين قتل وجريح", language="ar")
    assert (found.civilian_deaths, found.civilian_injuries) == (Range(0, 11), Range(0, 11))


def test_killed_and_a_counted_injured_noun_are_two_counts() -> None:
    # "20 قتيلا وجريحا" is joint; "3 قتلى وجريحان" is three dead and two injured.
    found = find_harm("أفادت الوكالة بسقوط 3 قتلى وجريحان بقصف على قرية الدمية", language="ar")
    assert (found.civilian_deaths, found.civilian_injuries) == (Range(3, 3), Range(2, 2))


def test_a_toll_noun_with_its_article_still_gives_the_toll() -> None:
    assert deaths("استشهد طفل بقصف على قرية الدمية لترتفع الحصيلة إلى 4") == Range(4, 4)
    # A bare count right after "العدد إلى" is the toll too.
    assert deaths("توفي شاب متأثراً بجراحه وبهذا يرتفع العدد إلى 5 موثقين بالاسم") == Range(5, 5)


def test_a_daughter_named_by_a_possessive_is_a_victim() -> None:
    assert deaths("مقتل رجل وبنته بقصف على قرية الدمية") == Range(2, 2)


def test_between_counted_parts_is_a_breakdown_not_more_victims() -> None:
    # "3 people: a martyr and two injured" is one dead and two injured, not four dead.
    found = find_harm(
        "ارتفع عدد ضحايا القصف على قرية الدمية لـ 3 أشخاص بين شهيد وإصابتين", language="ar"
    )
    assert (found.civilian_deaths, found.civilian_injuries) == (Range(1, 1), Range(2, 2))
    found = find_harm("سقط 6 مدنيين بين شهيدين و4 جرحى بقصف مدفعي", language="ar")
    assert (found.civilian_deaths, found.civilian_injuries) == (Range(2, 2), Range(4, 4))


def test_civilians_named_within_a_mixed_total_are_counted() -> None:
    found = find_harm("قُتل أربعة أشخاص (طفلان ومسلحان) بالقصف", language="ar")
    assert (found.civilian_deaths, found.children_killed) == (Range(2, 2), Range(2, 2))
    english = find_harm(
        "Five people were killed, including a woman and four fighters.", language="en"
    )
    assert english.civilian_deaths == Range(1, 1)


def test_digits_glued_to_a_word_are_part_of_a_name() -> None:
    assert deaths("أفاد مراسل شبكة البلدة24 بمقتل شاب بالقصف") == Range(1, 1)
    assert deaths("Reporter of Town24 said a man was killed in the strike") == Range(1, 1)
    # A clitic before the number is no name: "و3" is "and 3".
    assert deaths("استشهد طفلان و3 نساء بالقصف") == Range(5, 5)


def test_no_casualties_holds_only_where_nobody_is_counted() -> None:
    # Material damage beside stated injuries says nothing of deaths.
    found = find_harm("أصيب 4 مدنيين بقصف على السوق وخلف أضراراً مادية", language="ar")
    assert (found.civilian_deaths, found.civilian_injuries) == (None, Range(4, 4))
    # A round-up's other strike "without casualties" does not zero this one.
    text = "Two civilians were injured in the town. Another strike hit a field, no casualties."
    found = find_harm(text, language="en")
    assert (found.civilian_deaths, found.civilian_injuries) == (None, Range(2, 2))
    # The statement's own words count nobody; the rest of its sentence still counts.
    text = "قصف على القرية أسفر عن مقتل طفل، بينما سقطت قذيفة أخرى دون وقوع إصابات"
    assert deaths(text) == Range(1, 1)


def test_martyrdom_is_a_death_cue() -> None:
    text = "The bombing resulted in the martyrdom of four civilians, the injury of five others."
    found = find_harm(text, language="en")
    assert (found.civilian_deaths, found.civilian_injuries) == (Range(4, 4), Range(5, 5))


def test_an_earlier_event_told_as_background_is_not_counted() -> None:
    text = (
        "فقد ثلاثة أطفال حياتهم بقصف على البلدة، وذلك بعد أقل من يوم من مقتل ستة مدنيين"
        " في قرية مجاورة"
    )
    assert deaths(text) == Range(3, 3)
    assert deaths("يأتي هذا بعد غارات أسفرت عن مقتل خمسة مدنيين في المدينة") is None
    # The words before the marker still count: the child died of this strike.
    assert deaths("توفي طفل بعد ساعات من إصابته بقصف على الحي") == Range(1, 1)
    assert deaths("A similar attack killed nine people in the city.") is None
    assert deaths("A drone strike killed four farmers near the town last week.") is None
    assert deaths("مقتل 9 أشخاص في حوادث متفرقة بالمحافظة") is None


def test_what_shelling_habitually_causes_is_not_this_strikes_toll() -> None:
    text = (
        "أصيبت خمس نساء بقصف على المدينة (نص مخترع). ويتكرر القصف على المنطقة ما يتسبب"
        " عادة بسقوط ضحايا"
    )
    found = find_harm(text, language="ar")
    assert (found.civilian_deaths, found.civilian_injuries) == (None, Range(5, 5))
    assert deaths("قصف مدفعي على القرية ما تسبب بمقتل ثلاثة مدنيين") == Range(3, 3)
    assert deaths(
        "Shelling killed two civilians; the area is hit daily, which often kills civilians."
    ) == Range(2, 2)


def test_one_after_a_noun_describes_it() -> None:
    assert deaths("مقتل 4 أطفال من عائلة واحدة بالقصف على المنزل") == Range(4, 4)
    assert deaths("استشهاد طفل واحد بالقصف") == Range(1, 1)
    found = find_harm("قتل واحد وأصيب اثنان بالقصف", language="ar")
    assert (found.civilian_deaths, found.civilian_injuries) == (Range(1, 1), Range(2, 2))


def test_they_are_names_those_just_counted() -> None:
    found = find_harm("قتل مدنيان هما أب وابنه في القصف المدفعي، وأصيب ثالث", language="ar")
    assert found.civilian_deaths == Range(2, 2)
    assert deaths("قضى 3 مدنيين، هم رجل وزوجته وطفلاهما") == Range(3, 3)


def test_a_survivor_is_no_victim() -> None:
    assert deaths("أدت الغارة إلى مقتل مسعف ونجاة آخر") == Range(1, 1)
    assert deaths("One farmer was killed and another survived.") == Range(1, 1)


def test_a_harm_word_glued_to_a_hashtag_is_read() -> None:
    found = find_harm("#البلدةوفاة السيدة جراء إصابتها بالقصف", language="ar")
    assert found.civilian_deaths == Range(1, 1)
    found = find_harm("#عاجلإصابة طفلين بقصف على الحي", language="ar")
    assert found.civilian_injuries == Range(2, 2)


def test_members_of_an_armed_group_are_combatants() -> None:
    # "Two of the organisation's cells", "dead and wounded from ISIS": the group they
    # belong to says they fought.
    cells = find_harm("مقتل 2 من خلايا التنظيم بعد حصار منزل في القرية", language="ar")
    assert (cells.civilian_deaths, cells.combatant_deaths) == (None, Range(2, 2))
    named = find_harm("مقتل 5 من داعش بغارة على موقع في البادية", language="ar")
    assert (named.civilian_deaths, named.combatant_deaths) == (None, Range(5, 5))
    # Without the party the same words count civilians; with it, none.
    assert find_harm("قتلى وجرحى بقصف تركي على مقر", language="ar").civilian_deaths
    assert find_harm("قتلى وجرحى من قسد بقصف تركي على مقر", language="ar").civilian_deaths is None
    assert find_harm("سقوط قتلى من قسد بقصف تركي", language="ar").combatant_deaths is not None
    # The family a victim belongs to is no armed group.
    family = find_harm("مقتل 3 من عائلة واحدة بقصف على منزلهم", language="ar")
    assert (family.civilian_deaths, family.combatant_deaths) == (Range(3, 3), None)


def test_a_hedged_membership_still_names_combatants() -> None:
    # "Two killed, likely members of the organisation."
    found = find_harm("مقتل اثنين يرجح أنهما من عناصر التنظيم في اشتباك", language="ar")
    assert (found.civilian_deaths, found.combatant_deaths) == (None, Range(2, 2))
    civilians = find_harm("مقتل اثنين يرجح أنهما من المدنيين في القصف", language="ar")
    assert civilians.civilian_deaths == Range(2, 2)


def test_a_relative_of_an_earlier_martyr_is_not_another_victim() -> None:
    # "The girl, daughter of the martyr X, died of her wounds": the father died before.
    found = find_harm(
        "وفاة الطفلة ريم ابنة الشهيد سالم متأثرة بجراحها بعد قصف على البلدة", language="ar"
    )
    assert (found.civilian_deaths, found.children_killed) == (Range(1, 1), Range(1, 1))
    # A father who speaks of his martyred daughter is no victim; a killed wife is.
    father = find_harm("والد الشهيدة سلمى يروي كيف استشهدت ابنته بقصف على المنزل", language="ar")
    assert father.civilian_deaths == Range(1, 1)
    wife = find_harm("استشهاد زوجة الشهيد سالم بقصف على المنزل", language="ar")
    assert (wife.civilian_deaths, wife.women_killed) == (Range(1, 1), Range(1, 1))


def test_a_martyr_named_by_his_trade_is_one_victim() -> None:
    found = find_harm("دفن الشهيد المصور الصحفي سامر الذي قتل بغارة جوية", language="ar")
    assert found.civilian_deaths == Range(1, 1)


def test_fighters_killed_and_injured_together_are_combatants() -> None:
    found = find_harm("سقوط 5 عناصر بين قتيل وجريح بقصف على مقر", language="ar")
    assert (found.civilian_deaths, found.civilian_injuries) == (None, None)
    assert found.combatant_deaths == Range(0, 5)


def test_a_slice_of_the_whole_reports_folding_reads_like_the_span_alone() -> None:
    # The claim builder hands the finders its slice of the report's folding: the counts,
    # spans and reasons must be those of the span folded on its own.
    page = "القائمة الرئيسية\nقُتل ثلاثة مدنيين بقـ.ـصف على بلدة الوردة وأصيب طفلان.\nشارك"
    start, end = page.index("قُتل"), page.index("\nشارك")
    span = page[start:end]
    sliced = fold_for_match(page)[start:end]
    assert sliced != fold_for_match(page)  # a real slice, not the whole text
    assert find_harm(span, language="ar", folded=sliced) == find_harm(span, language="ar")
    assert find_harm(span, language="ar").civilian_deaths == Range(3, 3)
