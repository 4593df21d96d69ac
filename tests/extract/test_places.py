"""Place resolution on small invented Arabic and English sentences."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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
