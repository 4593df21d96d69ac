"""Belligerent attribution on small invented Arabic and English sentences."""

from __future__ import annotations

import tomllib
from datetime import date
from importlib.resources import files
from typing import Any

import pytest

from strikewatch.extract.actors import (
    BELLIGERENTS,
    ActorFinding,
    belligerent_family,
    find_belligerents,
)

QUIET_DAY = date(2023, 5, 10)


def find(text: str, **kwargs: Any) -> ActorFinding:
    return find_belligerents(text, language=None, **kwargs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتل مدنيان بقصف الطيران الحربي الروسي على قرية في الريف", "russia"),
        ("Russian jets struck a market, killing three civilians", "russia"),
        ("أصيب طفل بغارة لطائرة مسيرة تركية على منزل في بلدة زراعية", "turkey"),
        ("A Turkish drone hit a car on the road between two villages", "turkey"),
        ("استشهد رجل بقصف مدفعي لقوات الأسد على أطراف البلدة", "syrian-regime"),
        ("Israeli strikes hit a building on the edge of the capital", "israel"),
        ("قُتل شاب خلال مداهمة نفذها التحالف الدولي في قرية شرقية", "us-led-coalition"),
        ("أصيبت امرأة بقذائف مصدرها قسد سقطت على سوق المدينة", "sdf"),
        ("جرح طفلان بقصف صاروخي لميليشيات PKK على مخيم للنازحين", "ypg"),
        ("قتلت امرأة بقذيفة أطلقتها الميليشيات الإيرانية على بلدة صغيرة", "iran"),
        ("The Jordanian air force bombed a farm near the border", "jordan"),
    ],
)
def test_a_plain_cue_names_the_striker(text: str, expected: str) -> None:
    finding = find(text, joint_partners=False)
    assert finding.belligerents[0] == expected
    assert not finding.inferred


def test_the_struck_party_is_not_the_striker() -> None:
    finding = find("قصف تركي بالمدفعية على مواقع قسد قرب الطريق الدولي")
    assert finding.belligerents == ["turkey"]
    assert "sdf" not in finding.belligerents


def test_positions_of_a_name_are_a_target_but_shelling_from_them_is_not() -> None:
    hit = find("استهدفت مسيرة مواقع النظام ليلا")
    assert "syrian-regime" not in hit.belligerents
    fired = find("سقطت قذائف مصدرها مواقع قوات النظام على بلدة سكنية")
    assert fired.belligerents[0] == "syrian-regime"


def test_english_targets_are_not_strikers() -> None:
    finding = find("Israeli warplanes struck positions of Iranian militias near an airport")
    assert finding.belligerents[0] == "israel"
    assert "iran" not in finding.belligerents


@pytest.mark.parametrize(
    "text",
    [
        "غارات إسرائيلية تستهدف مستودعات ذخيرة للميليشيات الإيرانية قرب مطار في الجنوب",
        "Israeli missiles hit arms depots of Iranian-backed militias near a southern airport",
        "Israel strikes a weapons warehouse of Iranian-backed militias outside the capital",
    ],
)
def test_the_owner_of_a_struck_depot_is_not_the_striker(text: str) -> None:
    finding = find(text)
    assert finding.belligerents == ["israel"]


def test_a_hunted_group_counts_only_where_the_words_say_it_struck() -> None:
    hunted = find("US forces killed two ISIS leaders in a drone strike on a farm near the river")
    assert hunted.belligerents == ["united-states"]
    clashes = find("اشتباكات بين فصائل محلية وهيئة تحرير الشام قرب بلدة جبلية")
    assert "hts" not in clashes.belligerents
    struck = find("قتل مدنيان بقصف صاروخي لهيئة تحرير الشام على حي سكني", joint_partners=False)
    assert struck.belligerents == ["hts"]
    assert find("An ISIS attack on a checkpoint killed two shepherds").belligerents == ["isis"]


@pytest.mark.parametrize(
    "text",
    [
        "نفذت قسد حملة مداهمات في قرية شرقية بمساندة من قوات التحالف الدولي، وقتل شاب",
        "قتل رجل خلال عملية إنزال مشتركة بين قوات التحالف الدولي وقسد في ريف بعيد",
        "نفذت قسد عملية أمنية بالتعاون مع التحالف الدولي وقتل مدني",
        "An SDF raid with the support of the Coalition killed a farmer in his home",
    ],
)
def test_a_force_that_supports_or_joins_the_raid_shares_the_attribution(text: str) -> None:
    finding = find(text, joint_partners=False)
    assert {"sdf", "us-led-coalition"} <= set(finding.belligerents)
    assert not finding.inferred


def test_a_cell_belonging_to_a_group_is_the_struck_party() -> None:
    text = "قتل متزعم خلية إرهابية تابعة لتنظيم داعش بغارة لطائرة أمريكية"
    finding = find(text)
    assert finding.belligerents == ["united-states"]
    fired = find("سقطت قذائف تابعة لقوات النظام على بلدة", joint_partners=False)
    assert fired.belligerents == ["syrian-regime"]


def test_a_helicopter_belonging_to_a_force_names_it() -> None:
    finding = find("مداهمة بمساندة الطيران المروحي التابع للتحالف الدولي", joint_partners=False)
    assert finding.belligerents == ["us-led-coalition"]


def test_the_killed_and_wounded_are_not_strikers() -> None:
    finding = find("مقتل عناصر من قوات النظام وإصابة عناصر من قسد بانفجار مسيرة تركية")
    assert finding.belligerents == ["turkey"]
    struck = find("مقتل مدنيين بقصف قوات النظام على السوق", joint_partners=False)
    assert struck.belligerents == ["syrian-regime"]


def test_a_hedged_attribution_names_the_suspect_and_is_flagged() -> None:
    finding = find("غارة لطائرة مسيرة يرجح أنها تابعة للتحالف الدولي على سيارة")
    assert finding.belligerents == ["us-led-coalition"]
    assert finding.disputed


def test_government_forces_are_the_regime_only_until_it_fell() -> None:
    text = "قتل مدني بقصف مدفعي للقوات الحكومية على قرية"
    before = find(text, event_date=QUIET_DAY, joint_partners=False)
    assert before.belligerents == ["syrian-regime"]
    after = find(text, event_date=date(2025, 3, 1), joint_partners=False)
    assert after.belligerents == []
    assert any("not read" in reason for reason in after.reasons)
    english = find("Government forces shelled a village", event_date=date(2025, 3, 1))
    assert "syrian-regime" not in english.belligerents
    named = find("هجوم لقوات النظام البائد على حاجز", event_date=date(2025, 3, 1))
    assert named.belligerents == ["syrian-regime"]


def test_a_reporter_is_not_a_belligerent() -> None:
    finding = find("قال الدفاع المدني السوري إن فرقه انتشلت جثتين من تحت الأنقاض")
    assert finding.belligerents == []
    assert not finding.inferred


def test_joint_names_are_both_listed() -> None:
    finding = find("مقتل ثلاثة مدنيين بقصف مشترك من قبل قوات النظام وروسيا على قرية")
    assert set(finding.belligerents) == {"syrian-regime", "russia"}
    assert not finding.inferred


def test_a_quoted_coordinated_name_shares_the_role() -> None:
    finding = find('أصيبت امرأة بقصف مصدره قوات النظام و"قسد" على مخيم', joint_partners=False)
    assert set(finding.belligerents) == {"syrian-regime", "sdf"}
    struck = find('قصف تركي على مواقع قوات النظام و"قسد" قرب البلدة', joint_partners=False)
    assert struck.belligerents == ["turkey"]


def test_obfuscated_names_are_read_and_spans_point_at_the_original() -> None:
    text = "قصف لميليـ.ـشيا قـ.ـسد على مخيم للنازحين"
    finding = find(text)
    assert finding.belligerents[0] == "sdf"
    assert any(text[a:b] == "قـ.ـسد" for a, b in finding.spans)


def test_spans_cover_the_cue_words() -> None:
    text = "Civilians were killed when Russian warplanes bombed a bakery."
    finding = find(text)
    assert [text[a:b] for a, b in finding.spans] == ["Russian"]


def test_area_of_control_decides_only_when_no_one_is_named() -> None:
    text = "مقتل شاب بقصف مسيرة استهدفت دراجة نارية في ريف القامشلي"
    finding = find(text, event_date=QUIET_DAY, strike_type=["drone"])
    assert finding.belligerents == ["turkey"]
    assert finding.inferred
    assert finding.context_belligerents == ["turkey"]
    assert any("sdf-held-northeast" in reason for reason in finding.reasons)


def test_a_place_glued_to_page_chrome_still_places_the_report() -> None:
    text = "Shared with Publicمقتل شاب بقصف مسيرة في #القامشليThis content isn't available"
    finding = find(text, event_date=QUIET_DAY, strike_type=["drone"])
    assert finding.belligerents == ["turkey"]
    assert finding.inferred


def test_a_named_belligerent_overrides_the_area() -> None:
    text = "A Russian airstrike killed two farmers near Qamishli"
    finding = find(text, event_date=QUIET_DAY)
    assert finding.belligerents[0] == "russia"
    assert "turkey" not in finding.belligerents


def test_the_period_matters() -> None:
    text = "قتل مدنيان بقصف جوي على بلدة في جبل الزاوية"
    during = find(text, event_date=QUIET_DAY, strike_type=["airstrike"])
    assert during.belligerents[0] == "russia"
    after = find(text, event_date=date(2025, 6, 1), strike_type=["airstrike"])
    assert "russia" not in after.belligerents


def test_coordinates_place_the_report_when_given() -> None:
    finding = find(
        "Two people were hurt by shelling", event_date=QUIET_DAY, latitude=37.05, longitude=41.2
    )
    assert finding.belligerents == ["turkey"]
    assert any("coordinates" in reason for reason in finding.reasons)


@pytest.mark.parametrize("publisher", ["أخبار مدينة سرمين", "Saraqib Media Office"])
def test_a_local_page_named_after_its_town_places_an_unplaced_report(publisher: str) -> None:
    text = "استشهد رجل بقصف مدفعي على الحي الشرقي"
    finding = find(text, event_date=QUIET_DAY, strike_type=["artillery"], publisher=publisher)
    assert finding.belligerents[0] == "syrian-regime"
    assert finding.inferred
    reason = next(r for r in finding.reasons if "publisher named after" in r)
    assert publisher not in reason  # only the place word, never the publisher's name
    assert find(text, event_date=QUIET_DAY, strike_type=["artillery"]).belligerents == []


def test_the_governorate_the_text_names_beats_a_place_resolved_elsewhere() -> None:
    text = "قتل شاب بقصف مسيرة على قرية صغيرة في الرقة"
    finding = find(text, event_date=QUIET_DAY, strike_type=["drone"], admin1="Daraa")
    assert finding.belligerents == ["turkey"]
    assert any("not Daraa" in reason for reason in finding.reasons)
    agreeing = find(text, event_date=QUIET_DAY, strike_type=["drone"], admin1="Raqqa")
    assert any("admin1 Raqqa" in reason for reason in agreeing.reasons)


def test_a_countryside_name_is_read_with_a_clitic_before_it() -> None:
    text = "قتل رجل بقصف مسيرة على سيارة بريف حلب الغربي"
    finding = find(text, event_date=QUIET_DAY, strike_type=["drone"])
    assert any("opposition-northwest" in reason for reason in finding.reasons)
    assert finding.belligerents[0] == "syrian-regime"


@pytest.mark.parametrize(
    "text",
    [
        "قتل شاب خلال مداهمة نفذتها قسد لمنزله في دير الزور",
        "An SDF raid killed a man in his home in Deir ez-Zor",
    ],
)
def test_an_sdf_raid_in_deir_ez_zor_brings_the_coalition_as_context(text: str) -> None:
    for day in (QUIET_DAY, date(2025, 6, 1)):
        finding = find(text, event_date=day)
        assert finding.belligerents == ["sdf", "us-led-coalition"]
        assert finding.context_belligerents == ["us-led-coalition"]


def test_regime_forces_in_the_northwest_bring_russia_as_context() -> None:
    text = "جرح طفل بقصف مدفعي لقوات النظام على أطراف سرمين"
    joint = find(text, event_date=QUIET_DAY)
    assert joint.belligerents == ["syrian-regime", "russia"]
    assert joint.context_belligerents == ["russia"]
    assert joint.inferred
    alone = find(text, event_date=QUIET_DAY, joint_partners=False)
    assert alone.belligerents == ["syrian-regime"]
    assert not alone.inferred


@pytest.mark.parametrize(
    "text",
    [
        "أصيب طفل بقصف مدفعي لقوات النظام على قرية غربي حلب",
        "قتل مزارع بقذائف قوات النظام على بلدة في ريف حلب",
    ],
)
def test_regime_forces_on_the_aleppo_front_bring_russia_as_context(text: str) -> None:
    finding = find(text, event_date=QUIET_DAY)
    assert finding.belligerents == ["syrian-regime", "russia"]
    assert finding.context_belligerents == ["russia"]
    later = find(text, event_date=date(2025, 6, 1))
    assert "russia" not in later.belligerents


@pytest.mark.parametrize(
    "text",
    [
        "أصيب طفل بقذائف أطلقتها فصائل المعارضة على بلدة في سهل الغاب",
        "نفذت قوى الأمن الداخلي عملية في قرية بريف إدلب وقتل رجل",
        "Rebels shelled a village in the Ghab plain, wounding a child",
    ],
)
def test_a_striker_outside_the_vocabulary_stops_inference(text: str) -> None:
    finding = find(text, event_date=QUIET_DAY, strike_type=["artillery"])
    assert finding.belligerents == []
    assert not finding.inferred
    assert any("outside the vocabulary" in reason for reason in finding.reasons)


def test_a_struck_opposition_does_not_stop_inference() -> None:
    text = "قتل طفل بقصف مدفعي على مواقع فصائل المعارضة قرب سهل الغاب"
    finding = find(text, event_date=QUIET_DAY, strike_type=["artillery"])
    assert finding.belligerents[0] == "syrian-regime"
    assert finding.inferred


def test_the_syrian_russian_alliance_is_not_the_coalition() -> None:
    finding = find("غارة جوية نفذها التحالف السوري الروسي على قرية", joint_partners=False)
    assert finding.belligerents == ["russia"]


def test_government_shelling_named_as_such_is_the_regime_before_it_fell() -> None:
    finding = find("قتلى في قصف حكومي على بلدة", event_date=QUIET_DAY, joint_partners=False)
    assert finding.belligerents == ["syrian-regime"]


def test_a_present_tense_verb_after_a_name_makes_it_the_striker() -> None:
    finding = find("عاجل..التحالف الدولي ينفذ إنزالا جويا قرب مزرعة", joint_partners=False)
    assert finding.belligerents == ["us-led-coalition"]
    assert any("(4.5)" in reason for reason in finding.reasons)


def test_an_unattributed_drone_near_aleppo_after_the_fall_is_not_inferred() -> None:
    # Several air forces fly drones over Aleppo governorate after December 2024 (American
    # strikes on jihadist leaders, Turkish strikes on the SDF's lines): no one is inferred.
    text = "طيران مسير يستهدف سيارة على طريق قرب حلب"
    finding = find(text, event_date=date(2025, 9, 4), strike_type=["drone"])
    assert finding.belligerents == []
    assert not finding.inferred


def test_publisher_prior_is_the_last_resort() -> None:
    text = "ارتقاء شاب متأثرا بجراحه"
    finding = find(text, publisher_prior={"turkey": 0.8, "russia": 0.2})
    assert finding.belligerents == ["turkey"]
    assert finding.inferred
    assert find(text).belligerents == []


def test_a_weak_publisher_habit_is_ignored() -> None:
    finding = find("ارتقاء شاب متأثرا بجراحه", publisher_prior={"turkey": 0.5, "russia": 0.5})
    assert finding.belligerents == []
    assert not finding.inferred


@pytest.mark.parametrize(
    "text",
    [
        "غارة لطائرة مجهولة الهوية على سيارة في البادية",
        "An unidentified drone struck a motorcycle",
        "اتهمت قسد تركيا بقصف القرية بينما نفت أنقرة ذلك",
        "شنت طائرات حربية يرجح أنها أردنية غارات على مزرعة",
        "إنزال جوي ليلي يعتقد أنه من التحالف الدولي على مزرعة",
        "سقط صاروخ يعتقد أن مصدره قسد على الحي",
        "نفت القوات مسؤوليتها عن الغارة على المدرسة (نص مخترع)",
        "An aircraft thought to be Russian bombed a bakery (invented)",
        "Ankara denied responsibility for the strike on the market",
        "The two forces accused each other of shelling the camp",
    ],
)
def test_disputed_attribution_is_flagged(text: str) -> None:
    assert find(text).disputed


@pytest.mark.parametrize(
    "text",
    [
        "استشهد ثلاثة بقصف مدفعي تركي بينهم شهيد مجهول الهوية",
        "قتل اثنان يرجح أنهما من عناصر التنظيم في غارة أمريكية",
        "لم تعرف هوية الضحية بعد القصف الروسي",
        "A man believed to be a militia commander died in a drone strike (invented)",
        # An accusation names who struck; it is a dispute when the accused denies it.
        "The monitor accused regime forces of shelling the town",
        "قصف مدفعي تركي على القرية. وفي خبر آخر، تنفي البلدية شائعات عن الأسعار",
    ],
)
def test_an_unknown_or_suspected_victim_is_not_a_dispute(text: str) -> None:
    assert not find(text).disputed


def test_plain_reports_are_not_disputed() -> None:
    assert not find("قصف مدفعي تركي على قرية حدودية").disputed


def test_families_group_members() -> None:
    assert belligerent_family("united-states") == "us-led-coalition"
    assert belligerent_family("ypg") == "sdf"
    assert belligerent_family("russia") == "russia"


def test_lexicons_use_only_the_vocabulary() -> None:
    lexicons = files("strikewatch.extract") / "lexicons"
    cues = tomllib.loads((lexicons / "actors_cues.toml").read_text(encoding="utf-8"))
    assert {cue["belligerent"] for cue in cues["cue"]} <= set(BELLIGERENTS)
    control = tomllib.loads((lexicons / "control_syria.toml").read_text(encoding="utf-8"))
    named: set[str] = set()
    for zone in control["zone"]:
        for period in zone["period"]:
            assert date.fromisoformat(period["from"]) <= date.fromisoformat(period["until"])
            for key, value in period.items():
                if key == "joint":
                    named |= set(value) | {b for partners in value.values() for b in partners}
                elif key not in ("from", "until"):
                    named |= set(value)
    assert named <= set(BELLIGERENTS)
