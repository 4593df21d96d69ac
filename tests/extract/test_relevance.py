"""Relevance: harm or not, boilerplate or not, and where the report sits in the page."""

from __future__ import annotations

import re

import pytest

from strikewatch.extract.chrome import find_core, find_stamp
from strikewatch.extract.relevance import (
    assess_relevance,
    find_repeated_texts,
    fold_for_harm,
    harm_cues,
    repetition_counts,
)

FACEBOOK = (
    "Page name - قصف مدفعي على قرية...\nFacebook\u200ePage name\u200e's Post\n\n"
    "Page nameMarch 3, 2024 · Shared with Public"
    "قصف مدفعي على قرية الوردة أدى إلى مقتل رجل وإصابة طفلين بجروح."
    "All reactions:12 3 commentsLikeCommentMost relevant"
)
X_POST = (
    "Post\n\nPost\n\nRelief Team@relief_teamTwo civilians were killed when a drone struck"
    " a car near the village of Tal Warda.\n#Syria9:15 PM · Jun 4, 20241.2KViews"
)
NEWS = (
    "غارات جوية على ريف المدينة الشرقي\n\n"
    "استهدفت طائرات حربية صباح اليوم الأحد أطراف بلدة النخيل ما أدى إلى استشهاد امرأة"
    " وإصابة ثلاثة مدنيين، بحسب فرق الإسعاف.\n\n"
    "وأضاف المسعفون أن القصف ألحق أضرارا بالمنازل.\n\n"
    "مقالات ذات صلة\n\n"
    "مقتل شخصين بانفجار في مدينة أخرى\n\n"
    "افتتاح معرض للكتاب في العاصمة"
)
FRONT_PAGE = "\n\n".join(
    [
        "الخميس 2 أيار, 2030",
        "افتتاح مدرسة جديدة في المدينة بعد ترميمها بالكامل",
        "ارتفاع أسعار الخضار في الأسواق المحلية هذا الأسبوع",
        "مقتل شخص في حادث سير على الطريق الدولي مساء أمس",
        "وزير الزراعة يبحث خطة موسم القمح مع المزارعين",
        "فريق كرة القدم المحلي يفوز في مباراة الافتتاح",
        "مهرجان للتراث الشعبي يستقبل زواره لليوم الثالث",
        "حملة لتنظيف الحدائق العامة يشارك فيها متطوعون",
        "انقطاع الكهرباء عن أحياء عدة بسبب أعمال الصيانة",
    ]
)


def test_facebook_post_core_is_the_post_between_header_and_reactions() -> None:
    result = assess_relevance(FACEBOOK, language="ar")
    core = FACEBOOK[result.core[0] : result.core[1]]
    assert result.is_harm_report and not result.boilerplate
    assert core.startswith("قصف مدفعي على قرية الوردة")
    assert core.endswith("بجروح.")
    assert result.stamp is not None
    assert FACEBOOK[result.stamp[0] : result.stamp[1]].startswith("March 3, 2024")


def test_x_post_core_stops_at_the_time_stamp() -> None:
    start, end = find_core(X_POST)
    # An English post glued to its handle keeps its first word in the handle.
    assert X_POST[start:end].startswith("civilians were killed")
    assert X_POST[start:end].endswith("#Syria")
    stamp = find_stamp(X_POST)
    assert stamp is not None and X_POST[stamp[0] : stamp[1]] == "9:15 PM · Jun 4, 2024"


def test_x_handle_glued_to_arabic_text_ends_at_the_script_change() -> None:
    text = (
        "Post\n\nPost\n\nفريق الإسعاف@AidTeam1"
        "قصف على بلدة الورد أدى إلى جرح رجل3:00 PM · May 2, 2024"
    )
    start, end = find_core(text)
    assert text[start:end] == "قصف على بلدة الورد أدى إلى جرح رجل"


def test_news_core_leaves_out_the_related_articles() -> None:
    result = assess_relevance(NEWS, language="ar")
    core = NEWS[result.core[0] : result.core[1]]
    assert result.is_harm_report
    assert "النخيل" in core
    assert "مقالات ذات صلة" not in core and "مدينة أخرى" not in core


@pytest.mark.parametrize(
    "text",
    [
        "Post | Log in | Sign up | This post is unavailable.",
        "Sorry, this page isn't available right now. Please try reloading. Go to Feed",
        "Sign Up | Log In | Messenger | Privacy Policy | Cookies | Terms | Help",
        "تسجيل الدخول\n\nإنشاء حساب جديد\n\nسياسة الخصوصية",
        "Facebook",
        "   ",
    ],
)
def test_platform_chrome_is_boilerplate(text: str) -> None:
    result = assess_relevance(text, language=None)
    assert result.boilerplate
    assert not result.is_harm_report


def test_front_page_of_headlines_is_boilerplate() -> None:
    result = assess_relevance(FRONT_PAGE, language="ar")
    assert result.boilerplate
    assert "front page" in result.reason


def test_numbered_list_of_victims_is_not_a_front_page() -> None:
    names = "\n".join(f"{i}- اسم الضحية رقم {i} من أبناء البلدة" for i in range(1, 10))
    text = f"أسماء ضحايا القصف على بلدة الريحان أمس\n{names}"
    result = assess_relevance(text, language="ar")
    assert result.is_harm_report and not result.boilerplate


def test_short_harm_headline_is_a_report_not_boilerplate() -> None:
    result = assess_relevance("Three civilians killed in shelling on a market", language="en")
    assert result.is_harm_report and not result.boilerplate


def test_text_without_harm_is_not_a_harm_report_but_kept() -> None:
    text = (
        "افتتحت البلدية اليوم حديقة عامة جديدة في وسط المدينة بحضور عدد من الأهالي،"
        " وقالت إن العمل على حديقة ثانية سيبدأ الشهر المقبل."
    )
    result = assess_relevance(text, language="ar")
    assert not result.is_harm_report
    assert not result.boilerplate


def test_obfuscated_arabic_words_are_recognised() -> None:
    text = "استـ.شهاد شاب جراء الغـ.ارات على أطراف البلدة، وعد*وان جديد على الأهالي"
    kinds = {kind for _, _, kind in harm_cues(text)}
    assert kinds == {"strike", "harm"}
    assert assess_relevance(text, language="ar").is_harm_report


def test_harm_cue_offsets_point_at_the_original_word() -> None:
    text = "بعد الظهر تمّ استـ.شهاد رجل"
    cues = harm_cues(text)
    assert cues
    start, end, kind = cues[0]
    assert kind == "harm"
    assert text[start:end] == "استـ.شهاد"


def test_fold_for_harm_maps_back_across_removed_marks() -> None:
    folded = fold_for_harm("قـ ـصف X")
    assert folded.folded == "قصف x"
    at = folded.folded.index("x")
    assert folded.original_spans([(at, at + 1)]) == [(len("قـ ـصف "), len("قـ ـصف X"))]


def test_spans_map_back_across_several_removed_marks() -> None:
    text = "\u200fقـ.ـصف على البلدة\u200f ثم استـ*ـهداف جديد\u200e وقـ ـصف آخر"
    folded = fold_for_harm(text)
    assert len(folded.folded_starts) > 3  # several pieces were removed
    spans = [m.span() for m in re.finditer(r"\w+", folded.folded)]
    words = [text[a:b] for a, b in folded.original_spans(spans)]
    assert words == ["قـ.ـصف", "على", "البلدة", "ثم", "استـ*ـهداف", "جديد", "وقـ ـصف", "آخر"]


def test_repeated_texts_are_found_despite_counters() -> None:
    texts = [
        "PostLog inSign upPost817Views",
        "PostLog inSign upPost35Views",
        "قصف على قرية التوت أدى إلى إصابة رجل",
        "PostLog inSign upPost1.2KViews",
    ]
    assert find_repeated_texts(texts) == {0, 1, 3}
    assert find_repeated_texts(texts, min_count=4) == set()
    assert repetition_counts(texts) == [3, 3, 1, 3]


def test_text_repeated_across_the_batch_is_boilerplate_unless_it_reports_harm() -> None:
    wall = "Log in or sign up to see more. Forgot password? Create new account"
    assert not assess_relevance(wall, language="en", repeated=1).reason.startswith("same text")
    repeated = assess_relevance(wall, language="en", repeated=2)
    assert repeated.boilerplate and "2 reports" in repeated.reason
    # A harm report forwarded verbatim by three channels is a repost, still a report.
    text = "قصف على قرية التوت أدى إلى إصابة رجل"
    copies = assess_relevance(text, language="ar", repeated=3)
    assert copies.is_harm_report and not copies.boilerplate


def test_leading_menu_is_skipped_but_a_short_harm_line_is_not() -> None:
    page = "الرئيسية\nأخبار\nرياضة\nمنوعات\nقصف مدفعي على بلدة التين يصيب ثلاثة مدنيين بجروح"
    result = assess_relevance(page, language="ar")
    assert page[result.core[0] : result.core[1]].startswith("قصف مدفعي")
    post = "عاجل\nقصف على\nبلدة التين\nالآن\nوإصابة ثلاثة مدنيين بجروح بعضها خطيرة"
    assert assess_relevance(post, language="ar").core[0] == 0


def test_comment_counter_above_the_article_does_not_end_it() -> None:
    page = (
        "12/03/2031\n\nأخبار محلية\n\n0 Comments\n\n"
        "شنت طائرات حربية غارات على أطراف قرية السرو ما أدى إلى مقتل راعٍ وإصابة ابنه."
        "\n\nComments\n\nتعليق من زائر عن موضوع آخر"
    )
    result = assess_relevance(page, language="ar")
    core = page[result.core[0] : result.core[1]]
    assert "قرية السرو" in core
    assert "تعليق من زائر" not in core


def test_trailing_related_headlines_without_a_marker_are_cut() -> None:
    page = (
        "Shelling hits a village market\n\n"
        "Artillery shells fell on the market of the village of Bir Tawil on Monday morning,"
        " killing a vendor and wounding four shoppers, local medics said in a statement.\n\n"
        "Drone strike kills two men near a northern border crossing\n\n"
        "Government announces a new plan for rebuilding damaged schools\n\n"
        "Heavy rain floods several displacement camps in the west"
    )
    core = find_core(page, report_marks=[c[0] for c in harm_cues(page)])
    assert page[core[0] : core[1]].endswith("in a statement.")


def test_short_lines_of_victims_names_are_kept() -> None:
    post = (
        "Shelling on the village of Bir Tawil killed three people from one family this"
        " morning, according to relatives who spoke to local reporters at the hospital:\n"
        "Ahmad Said Karim\nLayla Said Karim\nOmar Said Karim"
    )
    core = find_core(post, report_marks=[c[0] for c in harm_cues(post)])
    assert post[core[0] : core[1]].endswith("Omar Said Karim")


@pytest.mark.parametrize(
    "text",
    [
        "طائرات حربية أغارت قبل قليل على موقع قرب البلدة الصغيرة",
        "غارتان جديدتان على محيط البلدة الشرقية",
        "الطيران يدمر مبنى في وسط المدينة",
        "تسليم الجثة الثانية لذويها في القرية",
        "حملة اعتقالات في حي الزيتون فجر اليوم",
        "مصرع راعٍ في البادية",
        "الجـۦـرحى في المشفى الوطني",  # a Quranic mark slipped into the word
        "The raid eliminated a commander near the town.",
    ],
)
def test_harm_words_in_other_forms_make_a_harm_report(text: str) -> None:
    assert assess_relevance(text, language=None).is_harm_report


def test_a_name_is_not_an_arrest() -> None:
    assert not assess_relevance(
        "افتتاح معرض أدهم للكتب في المدينة القديمة", language="ar"
    ).is_harm_report
