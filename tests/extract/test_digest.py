"""Digest splitting: one span for a report, one per event for a round-up or a list."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.extract.digest import EventSpan, split_events
from strikewatch.extract.relevance import assess_relevance

ROUND_UP = (
    "حصاد الأحداث الميدانية ليوم الثلاثاء\n\n"
    "حلب: قصف مدفعي على قرية الزيتونة بالريف الغربي أدى إلى إصابة طفل بجروح.\n\n"
    "إدلب: غارات جوية على أطراف بلدة السنديان أسفرت عن مقتل رجلين.\n\n"
    "حماة: سقوط قذائف هاون على مدينة الرمان دون ورود أنباء عن إصابات.\n\n"
    "اللاذقية: اجتماع للمجلس المحلي لبحث مشاريع المياه."
)
NUMBERED = (
    "The ministry listed the strikes of the past day:\n"
    "1. An airstrike hit a bakery in the town of Sahl Akhdar, killing two civilians.\n"
    "2. Artillery shelling on the village of Ain Nour injured a woman.\n"
    "3. A drone targeted a car near the city of Qasr Jadid; no casualties were reported.\n"
)
ORDINARY = (
    "قصفت طائرات حربية صباح اليوم بلدة الياسمين بريف المدينة الجنوبي ما أدى إلى استشهاد"
    " امرأة وإصابة ثلاثة مدنيين.\n\n"
    "وقال مسعفون إن القصف استهدف منازل المدنيين في الحي الشرقي من البلدة.\n\n"
    "وكانت بلدة الزعتر القريبة قد تعرضت لقصف مماثل الأسبوع الماضي."
)
VICTIM_LIST = "أسماء ضحايا القصف على بلدة الريحان:\n" + "\n".join(
    f"{i}- اسم الضحية رقم {i}" for i in range(1, 8)
)


def _pieces(text: str, spans: list[EventSpan]) -> list[str]:
    return [text[s.start : s.end] for s in spans]


def test_round_up_splits_into_its_events() -> None:
    spans = split_events(ROUND_UP, language="ar")
    pieces = _pieces(ROUND_UP, spans)
    assert len(spans) == 3
    assert pieces[0].startswith("حلب:") and "الزيتونة" in pieces[0]
    assert "السنديان" in pieces[1] and "الرمان" in pieces[2]
    # The heading is shared context before the first event.
    assert all("حصاد" not in p for p in pieces)
    assert {s.reason for s in spans} == {"round-up paragraph"}


def test_non_event_paragraph_stays_with_the_event_before_it() -> None:
    pieces = _pieces(ROUND_UP, split_events(ROUND_UP, language="ar"))
    assert "اجتماع للمجلس" in pieces[-1]


def test_numbered_english_list_splits_per_item() -> None:
    spans = split_events(NUMBERED, language="en")
    pieces = _pieces(NUMBERED, spans)
    assert len(spans) == 3
    assert pieces[1].startswith("2.") and "Ain Nour" in pieces[1]
    assert all(s.reason == "list item" for s in spans)


def test_place_led_paragraphs_split_without_a_heading() -> None:
    text = (
        "درعا: قصف صاروخي على بلدة الصفصاف أدى إلى مقتل شاب.\n\n"
        "حمص: إصابة امرأة بقذيفة سقطت على حي الورود.\n\n"
        "دير الزور: غارة بطائرة مسيرة على قرية البيدر دون إصابات."
    )
    spans = split_events(text, language="ar")
    assert [s.reason for s in spans] == ["place-led paragraph"] * 3
    assert text[spans[1].start : spans[1].end].startswith("حمص:")


def test_a_list_of_months_is_a_tally_not_events() -> None:
    text = (
        "Artillery shelling on the village of Tal Warda killed two civilians on Monday, "
        "local sources said; the shells hit a house near the school.\n\n"
        "Attacks on the area this year, by month:\n"
        "• January: Four attacks on the town of Sahl Akhdar left six civilians dead.\n"
        "• February: Two attacks on the village of Ain Nour injured a woman.\n"
        "• آذار: ثلاث هجمات على بلدة الياسمين أسفرت عن مقتل رجل.\n"
    )
    assert [s.reason for s in split_events(text, language="en")] == ["one report"]
    # The same lines dated to the day are a chronology of events.
    dated = text.replace("January:", "January 3:").replace("February:", "February 9:")
    assert [s.reason for s in split_events(dated, language="en")][:2] == ["list item"] * 2


def test_ordinary_report_is_one_span_equal_to_the_core() -> None:
    relevance = assess_relevance(ORDINARY, language="ar")
    spans = split_events(ORDINARY, language="ar", core=relevance.core)
    assert spans == [EventSpan(relevance.core[0], relevance.core[1], "one report")]


def test_list_of_victims_is_one_event() -> None:
    assert len(split_events(VICTIM_LIST, language="ar")) == 1


def test_bullets_repeating_one_event_are_not_split() -> None:
    text = (
        "🔴 مقتل رجل بقصف على قرية الكرمة\n\n"
        "🔴 قتل رجل من أهالي قرية الكرمة صباح اليوم إثر قصف مدفعي استهدف منزله، وفق مصادر محلية."
    )
    assert len(split_events(text, language="ar")) == 1


def test_spans_stay_inside_the_given_core() -> None:
    page = "القائمة\nالرئيسية\nأخبار\n" + ROUND_UP + "\n\nاقرأ أيضاً\n\nخبر آخر عن قصف بلدة بعيدة"
    core = (page.index("حصاد"), page.index("\n\nاقرأ أيضاً"))
    spans = split_events(page, language="ar", core=core)
    assert len(spans) == 3
    assert all(core[0] <= s.start < s.end <= core[1] for s in spans)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["قصف", "بلدة الورد", "1- ", "\n", "\n\n", "حصاد", ": ", "killed", "in Town", "ـ", "."]
        )
        | st.text(max_size=12),
        max_size=40,
    )
)
def test_spans_are_ordered_and_inside_the_text(parts: list[str]) -> None:
    text = "".join(parts)
    relevance = assess_relevance(text, language=None)
    assert 0 <= relevance.core[0] <= relevance.core[1] <= len(text)
    spans = split_events(text, language=None, core=relevance.core)
    assert spans
    for before, after in pairwise(spans):
        assert before.end <= after.start
    assert all(relevance.core[0] <= s.start <= s.end <= relevance.core[1] for s in spans)
