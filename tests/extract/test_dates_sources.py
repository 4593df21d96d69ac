"""Where a date comes from: written forms, periods, digest headings and page stamps.

Every sentence here is invented for the test.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.extract import ReportInput, claims_for
from strikewatch.extract.dates import DateFinding, find_event_date, find_publication_date
from strikewatch.extract.dates_anchor import heading_date
from strikewatch.model import DatePrecision

# A Thursday.
PUBLISHED = "2023-03-02"


def event(text: str, published_at: str | None = PUBLISHED, **kwargs: str) -> DateFinding:
    language = kwargs.pop("language", "ar")
    return find_event_date(text, language=language, published_at=published_at, **kwargs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قصف مدفعي على القرية يوم الجمعة 17 / شباط / 2023", date(2023, 2, 17)),
        ("قصف مدفعي على القرية يوم الجمعة 17/ شباط/ 2023", date(2023, 2, 17)),
        ("قصف مدفعي على القرية يوم 17/شباط/2023", date(2023, 2, 17)),
        # The month in both calendars, as Arabic news writes it.
        ("قتل مدنيان بغارة جوية في 17 شباط/فبراير 2023", date(2023, 2, 17)),
        ("قتل مدنيان بغارة جوية في 17 فبراير/ شباط 2023", date(2023, 2, 17)),
    ],
)
def test_slashes_join_the_parts_of_a_written_date(text: str, expected: date) -> None:
    found = event(text, published_at=None)
    assert found.event_date == expected
    assert found.span is not None and "2023" in text[found.span[0] : found.span[1]]


def test_a_slash_between_numbers_is_still_no_day() -> None:
    # "1/2" is a fraction, not the first of the month named after it.
    assert event("أصيب نصف السكان 1/2 آذار", published_at=None).event_date is None


def test_a_label_colon_does_not_glue_a_numeric_date() -> None:
    text = "تاريخ النشر:27.02.2023 | 21:40\nقتل مدني بقصف مدفعي على أطراف البلدة"
    found = event(text, published_at=None)
    assert found.event_date == date(2023, 2, 27)
    # A clock's colon still glues: 14:30 is no day.
    assert event("قصف عند الساعة 14:30 آذار", published_at=None).event_date is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("قتل ثلاثة مدنيين منذ 5 شباط 2023 في قصف متكرر على البلدة اليوم", "ar"),
        ("ومنذ بدء التصعيد في 5 شباط 2023 قتل عشرات المدنيين بقصف اليوم", "ar"),
        ("Shelling has killed ten civilians since 5 February 2023, and two today.", "en"),
    ],
)
def test_a_date_that_opens_a_period_is_not_the_strike(text: str, language: str) -> None:
    found = event(text, language=language)
    # "Today" (the publication day) dates the report, not the start of the period.
    assert found.event_date == date(2023, 3, 2)


def test_the_date_that_closes_a_period_stays_a_candidate() -> None:
    text = "وثقت فرق الإنقاذ منذ بداية العام حتى يوم أمس الأربعاء 1 آذار مقتل مدنيين بالقصف"
    assert event(text).event_date == date(2023, 3, 1)
    english = "Since January, shelling has killed 40 people until 1 March, when a drone struck."
    assert event(english, language="en").event_date == date(2023, 3, 1)


def test_a_period_start_alone_is_not_read_as_the_day() -> None:
    # Nothing else dates the report, and no publication date: say nothing.
    text = "قتل عشرات المدنيين بالقصف منذ 5 شباط 2023 في البلدة"
    assert event(text, published_at=None).event_date is None


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("حصاد الأحداث الميدانية ليوم الاثنين 27-02-2023\n\n", date(2023, 2, 27)),
        ("حصيلة ليوم الاثنين 27 / شباط / 2023\n\n", date(2023, 2, 27)),
        ("Daily round-up for Monday, 27 February 2023\n\n", date(2023, 2, 27)),
        # The weekday must agree with the date: 27 February 2023 was a Monday.
        ("حصاد الأحداث الميدانية ليوم الثلاثاء 27-02-2023\n\n", None),
        # No weekday, or a range: not a single day's round-up.
        ("حصاد الأحداث الميدانية 27-02-2023\n\n", None),
        ("Weekly round-up, Monday 20 February to Monday 27 February 2023\n\n", None),
    ],
)
def test_heading_date_of_a_daily_round_up(heading: str, expected: date | None) -> None:
    assert heading_date(heading) == expected


def test_an_event_under_a_heading_is_read_against_its_day() -> None:
    found = event("حلب: قصف مدفعي أمس على قرية الزيتونة", heading_date=date(2023, 2, 27))
    assert found.event_date == date(2023, 2, 26)
    assert "digest heading" in found.reason
    plain = event("حلب: اجتماع للمجلس المحلي", published_at=None, heading_date=date(2023, 2, 27))
    assert plain.event_date == date(2023, 2, 27) and plain.precision is DatePrecision.DAY
    # A heading dated after the publication is not believed.
    later = event("حلب: قصف مدفعي على القرية", heading_date=date(2023, 3, 9))
    assert later.event_date == date(2023, 3, 2) and "digest heading" not in later.reason


ROUND_UP = (
    "حصاد الأحداث الميدانية ليوم الاثنين 27-02-2023\n\n"
    "حلب: قصف مدفعي على قرية الزيتونة بالريف الغربي أدى إلى إصابة طفل بجروح.\n\n"
    "إدلب: غارات جوية على أطراف بلدة السنديان أسفرت عن مقتل رجلين.\n\n"
    "حماة: سقوط قذائف هاون على مدينة الرمان دون ورود أنباء عن إصابات.\n\n"
    "اللاذقية: اجتماع للمجلس المحلي لبحث مشاريع المياه."
)


def test_claims_of_a_round_up_take_the_day_of_its_heading() -> None:
    claims = claims_for(ReportInput(external_id="r1", text=ROUND_UP, language="ar"))
    assert len(claims) == 3
    assert {c.event_date for c in claims} == {"2023-02-27"}
    assert all(c.date_precision is DatePrecision.DAY for c in claims)
    assert all("digest heading" in c.details["reasons"]["date"] for c in claims)


TICKER = "\n\n".join(
    [
        "السبت 4 آذار, 2023",
        "وزير الزراعة يفتتح معرضاً للمنتجات المحلية في العاصمة",
        "ارتفاع أسعار الخضار في الأسواق مع بداية الموسم الجديد",
        "فريق المدينة يفوز بالمباراة النهائية لكأس الدوري المحلي",
        "افتتاح مدرسة جديدة في الحي الشمالي بعد ترميمها بالكامل",
        "انقطاع الكهرباء عن عدة أحياء بسبب أعمال الصيانة الدورية",
        "مهرجان ثقافي يجمع فرقاً شعبية من مختلف المحافظات السورية",
        "قتل مدني وأصيب آخران بقصف مدفعي على أطراف قرية الزيتونة",
    ]
)


def test_a_date_over_a_ticker_of_headlines_is_the_capture_day() -> None:
    # Sites print today's date above their headlines: not the report's date, nor its strike's.
    assert find_publication_date(TICKER) is None
    found = event(TICKER, published_at=None)
    assert found.event_date is None and found.clue is None


def test_a_date_that_ends_the_page_is_a_sidebar_item() -> None:
    text = "أخبار ذات صلة\n\nافتتاح معرض للكتاب في المدينة\n\n4 آذار 2023"
    assert find_publication_date(text) is None


def test_a_date_over_the_report_itself_is_its_stamp() -> None:
    text = (
        "4 آذار 2023\n\n"
        "قتل مدني وأصيب آخران بقصف مدفعي على أطراف قرية الزيتونة اليوم.\n\n"
        "وقال مسعفون إن القصف استهدف منازل المدنيين."
    )
    assert find_publication_date(text) == date(2023, 3, 4)
    english = (
        "4 March 2023\n\nAleppo, Agency - Shelling killed a farmer in the village today.\n\nMore."
    )
    assert find_publication_date(english) == date(2023, 3, 4)


def test_a_by_line_label_makes_a_deep_date_the_stamp() -> None:
    menu = "\n".join(["الرئيسية", "أخبار", "رياضة", "اقتصاد", "منوعات", "فيديو"] * 12)
    text = f"{menu}\n\nتاريخ النشر: 04.03.2023\n\nقتل مدني بقصف مدفعي على القرية"
    assert text.index("تاريخ النشر") > 400
    assert find_publication_date(text) == date(2023, 3, 4)
    found = event(text, published_at=None)
    assert found.event_date == date(2023, 3, 4)
    assert found.anchor == date(2023, 3, 4) and "page chrome" in found.reason
    english = f"{menu}\n\nPublished on 4 March 2023\n\nShelling killed a farmer yesterday."
    assert find_publication_date(english) == date(2023, 3, 4)
    # Without the label, a date that deep in the page is the story's, not a stamp.
    assert find_publication_date(text.replace("تاريخ النشر: ", "")) is None


def test_claims_name_where_their_anchor_came_from() -> None:
    text = "4 March 2023\n\nAleppo, Agency - Shelling killed a farmer in the village.\n\nMore."
    (claim,) = claims_for(ReportInput(external_id="r2", text=text, language="en"))
    assert claim.event_date == "2023-03-04"
    # The stamp was found on the page, not given with the report: the reason says so.
    assert "page chrome 2023-03-04" in claim.details["reasons"]["date"]
    given = ReportInput(external_id="r3", text=text, language="en", published_at="2023-03-05")
    (claim,) = claims_for(given)
    assert "publication 2023-03-05" in claim.details["reasons"]["date"]


def test_a_slug_that_ends_with_its_day_dates_the_page() -> None:
    url = "https://news.example.org/reports/daily-bulletin-27-02-2023.html?ref=feed"
    assert find_publication_date("", url=url) == date(2023, 2, 27)
    assert find_publication_date("", url="https://news.example.org/r/bulletin-7-2-2023") == (
        date(2023, 2, 7)
    )
    # A count and a year in a slug are no date; nor is a day that does not exist.
    assert find_publication_date("", url="https://news.example.org/r/12-killed-2023") is None
    assert find_publication_date("", url="https://news.example.org/r/31-02-2023") is None


def test_an_archive_copy_is_dated_by_the_address_it_copied_not_its_capture() -> None:
    capture = "https://web.archive.org/web/20230415/https://news.example.org/item/123"
    assert find_publication_date("", url=capture) is None
    copied = "https://web.archive.org/web/20230415101010/https://news.example.org/2023/03/12/a"
    assert find_publication_date("", url=copied) == date(2023, 3, 12)
    today = "https://archive.ph/2023.04.15-101010/https://news.example.org/item-12-03-2023"
    assert find_publication_date("", url=today) == date(2023, 3, 12)
    assert find_publication_date("", url="https://archive.ph/20230415/x") is None


def test_a_weekday_that_opens_an_and_sentence_is_an_earlier_event() -> None:
    text = "أصيب مزارع بقصف مدفعي على أطراف القرية السبت.\nوأمس الجمعة، أصيب طفل بقصف مجاور"
    found = event(text, published_at=None)
    assert found.clue is not None and found.clue.weekday == 5
    # Alone, it is still the only day the report names.
    alone = event("وأمس الجمعة، أصيب طفل بقصف على قرية مجاورة", published_at=None)
    assert alone.clue is not None and alone.clue.weekday == 4


@pytest.mark.parametrize(
    ("text", "language", "weekday"),
    [
        ("قصف مدفعي بعد منتصف ليل الجمعة – السبت على القرية", "ar", 5),
        ("قصف مدفعي ليلة الجمعة – السبت على القرية", "ar", 4),
        ("Shelling after midnight on Friday-Saturday hit the village", "en", 5),
        ("Shelling on the night of Friday-Saturday hit the village", "en", 4),
    ],
)
def test_a_night_across_two_days(text: str, language: str, weekday: int) -> None:
    # The night's first day, or its second when the text says "after midnight".
    found = event(text, published_at=None, language=language)
    assert found.clue is not None and found.clue.weekday == weekday
    dated = event(text, language=language)
    assert dated.event_date is not None and dated.event_date.weekday() == weekday


def test_names_that_hold_date_words_date_nothing() -> None:
    footer = "Video of shelling on the village\nHow it worksNFL Sunday Ticket© 2024 Google LLC"
    found = event(footer, published_at=None, language="en")
    assert found.clue is None and found.event_date is None
    # The weekday alone is still read.
    plain = footer.replace("NFL Sunday Ticket", " on Sunday")
    assert event(plain, published_at=None, language="en").clue is not None


_PIECES = st.sampled_from(
    [
        "حصاد",
        "ليوم",
        "الاثنين",
        "الثلاثاء",
        "27",
        "28",
        "-",
        "/",
        "02",
        "2023",
        "شباط",
        "فبراير",
        "منذ",
        "حتى",
        "بعد منتصف",
        "ليلة",
        "أمس",
        "Monday",
        "since",
        "\n",
        "تاريخ النشر:",
        "قصف",
        " ",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    pieces=st.lists(_PIECES, max_size=25),
    heading=st.one_of(st.none(), st.dates(date(2015, 1, 1), date(2030, 12, 31))),
)
def test_heading_and_period_rules_keep_their_bounds(
    pieces: list[str], heading: date | None
) -> None:
    text = " ".join(pieces)
    found = event(text, published_at=None, heading_date=heading)
    if heading is not None and found.event_date is not None:
        assert found.event_date <= heading
    if found.span is not None:
        assert 0 <= found.span[0] < found.span[1] <= len(text)
    day = heading_date(text)
    if day is not None:
        # Only a day whose weekday the heading writes beside it.
        names = {0: ("الاثنين", "Monday"), 1: ("الثلاثاء",)}[day.weekday()]
        assert any(name in text for name in names)


def test_a_date_over_the_report_s_own_list_is_its_stamp() -> None:
    # A list of victims is the report, not a ticker, however many lines it has.
    victims = "\n".join(f"{i}- الشهيد الطفل فلان بن فلان الفلاني" for i in range(1, 9))
    text = f"4 آذار 2023\n\n{victims}\n\nقضوا بقصف مدفعي على القرية."
    assert find_publication_date(text) == date(2023, 3, 4)


def test_a_label_inside_a_sentence_is_no_by_line() -> None:
    menu = "\n".join(["الرئيسية", "أخبار", "رياضة", "اقتصاد", "منوعات", "فيديو"] * 12)
    text = f"{menu}\n\nقال التقرير الذي نشر في 4 آذار 2023 إن القصف قتل مدنيين"
    assert find_publication_date(text) is None
    english = f"{menu}\n\nThe report, published on 4 March 2023, counted the dead."
    assert find_publication_date(english) is None


def test_since_with_a_span_of_time_opens_no_period() -> None:
    # "منذ ساعات" is "hours ago": the date after it is still the strike's.
    text = "قتل مدنيان منذ ساعات في قصف على البلدة يوم 27 شباط 2023"
    assert event(text).event_date == date(2023, 2, 27)
    assert event(text.replace("منذ ساعات", "منذ بدء التصعيد")).event_date == date(2023, 3, 2)
