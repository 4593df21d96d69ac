"""Place resolution on small invented Arabic and English sentences."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import strikewatch.extract.places as places_module
from strikewatch.extract.places import PlaceFinding, find_place
from strikewatch.gazetteer import Gazetteer, Place
from strikewatch.model import GeoPrecision


def _at(text: str, finding: PlaceFinding) -> str:
    assert finding.span is not None
    return text[finding.span[0] : finding.span[1]]


def test_town_after_city_word_gives_its_point() -> None:
    text = "غارة جوية على مدينة منبج أدت إلى مقتل طفلين"
    found = find_place(text, language="ar")
    assert found.place == "Manbij"
    assert found.geo_precision is GeoPrecision.PLACE
    assert found.latitude is not None and abs(found.latitude - 36.53) < 0.05
    assert _at(text, found) == "منبج"


def test_countryside_of_a_town_is_district_precision() -> None:
    text = "مقتل ثلاثة مدنيين بقصف مدفعي استهدف قرية الزهيرات بريف منبج الشرقي"
    found = find_place(text, language="ar")
    assert found.place == "Manbij"
    assert found.geo_precision is GeoPrecision.DISTRICT
    assert found.unresolved == ["الزهيرات"]
    assert "الزهيرات" in found.mentions
    assert "countryside" in found.reason


def test_countryside_of_the_city_of_a_town_is_still_countryside() -> None:
    # "بريف مدينة منبج": the settlement word between does not make it the town itself.
    text = "قصف مدفعي على قرية #الزهيرات_الكبيرة بريف مدينة منبج أدى إلى مقتل طفلين"
    found = find_place(text, language="ar")
    assert found.place == "Manbij"
    assert found.geo_precision is GeoPrecision.DISTRICT


def test_direction_from_a_town_is_not_the_town() -> None:
    # An unknown village west of the town of Manbij: never Manbij's point as the place.
    text = "استهدف القصف قرية الزهيرات غرب مدينة منبج ما أدى إلى مقتل مدنيين"
    found = find_place(text, language="ar")
    assert found.place == "Manbij"
    assert found.geo_precision is GeoPrecision.DISTRICT
    assert found.unresolved == ["الزهيرات"]


def test_reef_is_countryside_in_english_too() -> None:
    found = find_place("Shelling killed two civilians in Reef Manbij on Monday", language="en")
    assert found.place == "Manbij"
    assert found.geo_precision is GeoPrecision.DISTRICT


def test_countryside_of_a_governorate_gives_no_point_by_default() -> None:
    found = find_place("قصف مدفعي بريف إدلب الجنوبي يوقع جرحى", language="ar")
    assert found.place == "Idlib"
    assert found.admin1 == "Idlib"
    assert found.geo_precision is GeoPrecision.ADMIN1
    assert found.latitude is None and found.longitude is None


def test_unknown_village_near_a_known_town_is_not_given_the_towns_point_as_place() -> None:
    text = "A drone strike killed two civilians in the village of Umm Zaidan near Manbij."
    found = find_place(text, language="en")
    assert found.unresolved == ["Umm Zaidan"]
    assert found.geo_precision is GeoPrecision.DISTRICT
    assert found.place == "Manbij"


def test_menu_of_cities_does_not_beat_the_report_sentence() -> None:
    text = "الرئيسية حلب دمشق حمص اللاذقية أخبار محلية قصف مدفعي على بلدة سرمين أدى إلى مقتل طفل"
    found = find_place(text, language="ar")
    assert found.place is not None and found.place.startswith("Sarm")
    assert found.admin1 == "Idlib"
    assert {"حلب", "دمشق", "سرمين"} <= set(found.mentions)


def test_english_name_and_countryside() -> None:
    found = find_place("Shelling hit Sarmin in Idlib countryside, killing a woman.", language="en")
    assert found.place is not None and found.place.startswith("Sarm")
    assert found.geo_precision is GeoPrecision.PLACE


def test_ordinary_words_that_are_also_place_names_are_not_mentions() -> None:
    found = find_place("قال المتحدث عنه إن الحديث حول السجن لم ينته", language="ar")
    assert found.mentions == []
    assert found.geo_precision is GeoPrecision.UNKNOWN


def test_nothing_to_find() -> None:
    found = find_place("No place is named in this sentence.", language="en")
    assert found.place is None
    assert found.span is None
    assert found.geo_precision is GeoPrecision.UNKNOWN


def test_unknown_village_alone_is_recorded_unresolved() -> None:
    found = find_place("سقوط قذائف على قرية كفرمثال وإصابة امرأة", language="ar")
    assert found.place is None
    assert found.unresolved == ["كفرمثال"]
    assert found.reason == "no place mention resolved"


def test_homonym_is_settled_by_the_governorate_named() -> None:
    north = Place(
        "Tall Mithal", "تل مثال", "Aleppo", None, 36.4, 37.1, GeoPrecision.PLACE, "SY", "user"
    )
    south = Place(
        "Tall Mithal", "تل مثال", "Daraa", None, 32.7, 36.1, GeoPrecision.PLACE, "SY", "user"
    )
    gazetteer = Gazetteer.default([north, south])
    in_daraa = find_place("قصف على بلدة تل مثال في ريف درعا", language="ar", gazetteer=gazetteer)
    in_aleppo = find_place("قصف على بلدة تل مثال بريف حلب", language="ar", gazetteer=gazetteer)
    assert (in_daraa.latitude, in_aleppo.latitude) == (32.7, 36.4)


def test_user_village_resolves_to_place_precision() -> None:
    mine = Place(
        "Mazraat Mithal", "مزرعة مثال", "Raqqa", None, 35.95, 39.1, GeoPrecision.PLACE, "SY", "user"
    )
    gazetteer = Gazetteer.default([mine])
    found = find_place(
        "استشهاد مدني بغارة على قرية مزرعة مثال بريف الرقة", language="ar", gazetteer=gazetteer
    )
    assert found.place == "Mazraat Mithal"
    assert found.geo_precision is GeoPrecision.PLACE
    assert found.unresolved == []


def test_located_decides_which_precisions_carry_coordinates() -> None:
    text = "غارة جوية على مدينة منبج"
    assert find_place(text, language="ar", located=frozenset()).latitude is None
    with_admin1 = find_place("قصف بريف إدلب", language="ar", located=frozenset(GeoPrecision))
    assert with_admin1.latitude is not None


def test_a_foreign_homonym_loses_to_the_reports_country() -> None:
    text = "قصف على حي في حلب قرب محطة بغداد أدى لمقتل مدنيين"
    found = find_place(text, language="ar")
    assert found.admin1 == "Aleppo"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويةىءأإآ ِ ٌّ İ,.-abcXYZ0123456789٣", max_size=80))
def test_any_text_gives_a_well_formed_finding(text: str) -> None:
    found = find_place(text, language=None)
    if found.span is not None:
        start, end = found.span
        assert 0 <= start < end <= len(text)
    assert (found.latitude is None) == (found.longitude is None)


def test_a_clitic_before_a_two_word_name_still_finds_the_name() -> None:
    # "بريف دمشق" is the governorate Rif Dimashq, not Damascus city's governorate.
    found = find_place("سقطت قذيفة على بلدة مثالية بريف دمشق وأصيب رجل", language="ar")
    assert found.admin1 == "Rif Dimashq"
    assert found.geo_precision is GeoPrecision.ADMIN1


def test_a_clitic_before_a_short_word_is_still_no_name() -> None:
    # و + a short ordinary word stays a word: no single-word match on what is left.
    found = find_place("وصلت ورقة إلى المكتب", language="ar")
    assert found.mentions == []


def _homonym_gazetteer() -> Gazetteer:
    # An invented village known only in Aleppo governorate.
    north = Place(
        "Tall Mithal", "تل مثال", "Aleppo", None, 36.4, 37.1, GeoPrecision.PLACE, "SY", "user"
    )
    return Gazetteer.default([north])


def test_a_name_placed_in_a_governorate_where_it_is_unknown_gives_no_far_point() -> None:
    gazetteer = _homonym_gazetteer()
    for text in (
        "قصف على قرية تل مثال بريف درعا أدى لمقتل مدني",
        "Shelling hit the village of Tall Mithal, Daraa, killing a man",
    ):
        found = find_place(text, language=None, gazetteer=gazetteer)
        assert found.admin1 == "Daraa"
        assert found.latitude is None
        assert any("Mithal" in name or "مثال" in name for name in found.unresolved)
        assert "not used" in found.reason


def test_a_homonym_once_placed_elsewhere_is_that_homonym_at_every_mention() -> None:
    # The headline names the village alone; the body places it in Daraa.
    found = find_place(
        "مقتل مدنيين في قرية كفر مخترع في تل مثال. وقالت مصادر إن قرية كفر مخترع "
        "في منطقة تل مثال بريف درعا الغربي تعرضت لقصف",
        language="ar",
        gazetteer=_homonym_gazetteer(),
    )
    assert found.place != "Tall Mithal" and found.admin1 != "Aleppo"
    assert found.latitude is None


def test_a_name_placed_in_its_own_governorate_keeps_its_point() -> None:
    found = find_place(
        "قصف على قرية تل مثال بريف حلب أدى لمقتل مدني",
        language="ar",
        gazetteer=_homonym_gazetteer(),
    )
    assert (found.place, found.geo_precision, found.latitude) == (
        "Tall Mithal",
        GeoPrecision.PLACE,
        36.4,
    )


def test_a_direction_from_a_city_may_cross_into_the_next_governorate() -> None:
    # Qarah lies in Rif Dimashq, north of Damascus city (another governorate).
    found = find_place("غارة على بلدة قارة شمال دمشق وسقوط ضحايا", language="ar")
    assert found.admin1 == "Rif Dimashq"
    assert found.geo_precision is GeoPrecision.PLACE


def test_unknown_village_in_the_countryside_of_a_governorate_beats_a_later_town() -> None:
    for text in (
        "استشهد طفل بقصف مدفعي على قرية كفرمثال بريف حماة الغربي، فيما شهدت مدينة سرمين هدوءاً",
        "A child was killed when shelling hit the village of Kafr Mithal in rural Hama; "
        "the town of Sarmin was quiet.",
    ):
        found = find_place(text, language=None)
        assert found.admin1 == "Hama", text
        assert found.latitude is None
        assert "not in the gazetteer" in found.reason


def test_unknown_neighbourhood_of_a_known_city_is_the_city() -> None:
    for text in (
        "قتل مدنيان بقصف مدفعي على حي المثال في مدينة إدلب",
        "Two civilians were killed when shells hit the neighbourhood of Al-Mithal in Idlib",
    ):
        found = find_place(text, language=None)
        assert found.place == "Idlib"
        assert found.geo_precision is GeoPrecision.PLACE
        assert found.latitude is not None
        assert "neighbourhood of Idlib" in found.reason


def test_the_countryside_of_a_town_names_the_town_but_gives_no_point() -> None:
    found = find_place("قصف مدفعي على ريف منبج الشرقي يوقع جرحى", language="ar")
    assert (found.place, found.admin1) == ("Manbij", "Aleppo")
    assert found.geo_precision is GeoPrecision.DISTRICT
    assert found.latitude is None and found.longitude is None
    assert "no point" in found.reason


def test_the_town_word_before_a_district_name_is_the_town() -> None:
    # كوباني is known as its district's name; "مدينة كوباني" is the town, at its point.
    found = find_place("غارة بطائرة مسيرة على مدينة كوباني أدت لمقتل مدني", language="ar")
    assert found.geo_precision is GeoPrecision.PLACE
    assert found.latitude is not None


def test_the_village_already_named_is_no_new_name() -> None:
    # "القرية" refers back; the word after it is not a village name to list.
    found = find_place("سقطت قذائف على القرية ما أدى لإصابة امرأة", language="ar")
    assert found.unresolved == []


def test_function_and_time_words_after_a_village_word_are_not_names() -> None:
    for text in (
        "سقطت قذائف على قرية خلال الليل",
        "قصف على بلدة صباح اليوم",
        "The shelling hit a village. Meanwhile, the town According to witnesses",
    ):
        assert find_place(text, language=None).unresolved == [], text


def test_a_camp_that_shelters_families_is_not_a_camp_named_for_the_verb() -> None:
    # "مخيم يؤوي عائلات نازحة في دارة عزة": the town is the place, at place precision.
    found = find_place("غارة على مخيم يؤوي عائلات نازحة في دارة عزة بريف حلب", language="ar")
    assert found.unresolved == []
    assert found.place == "Dārat ‘Izzah" and found.geo_precision == GeoPrecision.PLACE
    assert found.latitude is not None


def test_an_unresolved_name_keeps_its_article_and_first_word() -> None:
    text = "Shelling hit the village of Al-Mithaliya and the village of Tal Mithal"
    assert find_place(text, language="en").unresolved == ["Al-Mithaliya", "Tal Mithal"]
    found = find_place("قصف على قرية الشيخ مثال", language="ar")
    assert found.unresolved == ["الشيخ مثال"]


def test_where_the_shells_came_from_is_not_the_strike_place() -> None:
    text = "قصفت قوات النظام المتمركزة في مدينة سراقب قرية كفرمثال بريف إدلب ما أدى لمقتل طفل"
    found = find_place(text, language="ar")
    assert found.place != "Saraqib"
    assert found.admin1 == "Idlib"
    assert found.latitude is None


def test_where_a_victim_hails_from_is_not_the_strike_place() -> None:
    text = "ينحدر الشاب من مدينة دمشق، وقد قتل بغارة جوية على مدينة سرمين"
    found = find_place(text, language="ar")
    assert found.place is not None and found.place.startswith("Sarm")
    english = "The man, originally from Damascus, was killed in an airstrike on Sarmin"
    found = find_place(english, language="en")
    assert found.place is not None and found.place.startswith("Sarm")


def test_an_english_settlement_word_after_a_name_is_not_the_next_names() -> None:
    # "village" belongs to the unknown village before it, not to Idlib after "in".
    found = find_place("A child was killed in Kafrmithal village in Idlib suburbs", language="en")
    assert found.admin1 == "Idlib"
    assert found.geo_precision is not GeoPrecision.PLACE


def test_the_town_a_village_belongs_to_is_read_as_its_countryside() -> None:
    found = find_place("قصف على قرية كفرمثال التابعة لمدينة منبج وإصابة طفل", language="ar")
    assert (found.place, found.geo_precision) == ("Manbij", GeoPrecision.DISTRICT)
    assert found.latitude is None


def test_a_clitic_before_a_short_governorate_name_is_stripped() -> None:
    found = find_place("غارات روسية بإدلب توقع ضحايا مدنيين", language="ar")
    assert found.admin1 == "Idlib"
    assert found.mentions == ["بإدلب"]


def test_a_listed_ordinary_word_is_not_clitic_and_name() -> None:
    # فرقة (a military division) is not ف + الرقة.
    found = find_place("أعلنت الفرقة أن فرقة أخرى وصلت", language="ar")
    assert found.mentions == []


def test_a_gate_without_the_article_is_not_the_town_of_al_bab() -> None:
    assert find_place("قصف قرب باب المنزل", language="ar").mentions == []
    found = find_place("قصف مدفعي على مدينة الباب يقتل مدنياً", language="ar")
    assert found.place == "Al Bāb"


def test_an_unknown_village_in_a_named_highland_takes_the_highlands_centre() -> None:
    found = find_place("استشهد رجل بقصف على قرية كفرمثال في جبل الزاوية جنوبي إدلب", language="ar")
    assert found.place == "Jabal al-Zawiya"
    assert found.geo_precision is GeoPrecision.DISTRICT
    assert found.latitude is not None  # a named area keeps its centre
    assert found.admin1 == "Idlib"


def test_a_hashtag_name_is_listed_with_spaces() -> None:
    found = find_place("قصف مدفعي على بلدة #بيت_مثال في ريف دمشق", language="ar")
    assert found.unresolved == ["بيت مثال"]


def test_a_district_named_as_a_whole_gives_no_point() -> None:
    # كوباني alone is known as the Kobani district: an area tens of kilometres across.
    found = find_place("قصف تركي على ريف كوباني وقرى كوباني يوقع جرحى", language="ar")
    assert found.place == "Ayn al-Arab"
    assert found.geo_precision is GeoPrecision.DISTRICT
    assert found.latitude is None
    found = find_place("قصف تركي يطال كوباني ويوقع جرحى", language="ar")
    assert found.latitude is None


def test_a_place_abroad_is_not_the_point_of_a_report_at_home() -> None:
    text = "BAGHDAD (Agency) - A drone strike killed two civilians in Sarmin near Idlib, Syria"
    found = find_place(text, language="en")
    assert found.admin1 == "Idlib"


def test_a_place_name_that_is_also_a_given_name_needs_a_place_word() -> None:
    # جاسم is a town in Daraa and a common given name.
    found = find_place("قال جاسم الأحمد إن القصف استهدف قرية كفرمثال بريف الرقة", language="ar")
    assert found.admin1 == "Raqqa"
    assert "جاسم" not in found.mentions
    for text in ("قصف على مدينة جاسم يوقع جرحى", "سقوط قذائف على جاسم بريف درعا الشمالي"):
        assert find_place(text, language="ar").admin1 == "Daraa", text


def test_a_background_place_alone_gives_only_its_governorate() -> None:
    found = find_place("قصفت القوات المتمركزة في مدينة منبج قرى مجاورة وأصيب مدنيان", language="ar")
    assert found.admin1 == "Aleppo"
    assert found.geo_precision is GeoPrecision.ADMIN1
    assert found.latitude is None
    assert "background" in found.reason


def _with_bare_towns(monkeypatch: pytest.MonkeyPatch) -> None:
    # The switch is off by default (mentions.toml); these tests turn it on.
    lexicon = replace(places_module.load_lexicon(), bare_town_population=20_000)
    monkeypatch.setattr(places_module, "load_lexicon", lambda: lexicon)


def test_a_big_town_named_alone_keeps_its_point_by_default() -> None:
    found = find_place("قصف مدفعي على منبج يوقع جرحى", language="ar")
    assert (found.geo_precision, found.latitude is None) == (GeoPrecision.PLACE, False)


def test_a_big_town_named_alone_stands_for_its_area(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_bare_towns(monkeypatch)
    for text in ("قصف مدفعي على منبج يوقع جرحى", "Shelling on Manbij wounded two civilians"):
        found = find_place(text, language=None)
        assert found.place == "Manbij", text
        assert found.geo_precision is GeoPrecision.DISTRICT
        assert found.latitude is None
        assert "named alone" in found.reason
    town = find_place("Shelling on the city of Manbij wounded two civilians", language="en")
    assert town.geo_precision is GeoPrecision.PLACE and town.latitude is not None


def test_a_small_town_named_alone_keeps_its_point(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_bare_towns(monkeypatch)
    mine = Place(
        "Kafr Mithal",
        "كفرمثال",
        "Idlib",
        None,
        35.7,
        36.5,
        GeoPrecision.PLACE,
        "SY",
        "user",
        (),
        800,
    )
    found = find_place(
        "قصف مدفعي على كفرمثال يوقع جرحى", language="ar", gazetteer=Gazetteer.default([mine])
    )
    assert (found.place, found.geo_precision, found.latitude) == (
        "Kafr Mithal",
        GeoPrecision.PLACE,
        35.7,
    )


def test_an_explicit_located_gives_the_area_round_a_place_its_point() -> None:
    text = "قصف مدفعي على ريف منبج الشرقي يوقع جرحى"
    found = find_place(text, language="ar", located=frozenset({GeoPrecision.DISTRICT}))
    assert found.geo_precision is GeoPrecision.DISTRICT
    assert found.latitude is not None
