"""Strike dates: relative words, month names, numeric dates, anchors and their limits.

Every sentence here is invented for the test.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.extract.dates import DateFinding, find_event_date, find_publication_date
from strikewatch.extract.dates_anchor import parse_published_at, snowflake_date
from strikewatch.model import DatePrecision

# A Thursday.
PUBLISHED = "2023-03-02"


def event(text: str, published_at: str | None = PUBLISHED, **kwargs: str) -> DateFinding:
    language = kwargs.pop("language", "ar")
    return find_event_date(text, language=language, published_at=published_at, **kwargs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("استهدف قصف مدفعي قرية زراعية فجر اليوم", date(2023, 3, 2)),
        ("قتل مدني بغارة جوية ليلة أمس على أطراف البلدة", date(2023, 3, 1)),
        ("أصيب طفلان بقصف صاروخي أمس الأول", date(2023, 2, 28)),
        ("أصيب طفلان بقصف صاروخي أول أمس", date(2023, 2, 28)),
        ("أصيب طفلان بقصف صاروخي يوم أمس الأول", date(2023, 2, 28)),
        ("أصيب طفلان بقصف صاروخي يوم أول أمس", date(2023, 2, 28)),
        ("غارة جوية استهدفت سوقاً شعبياً الثلاثاء الماضي", date(2023, 2, 28)),
        ("قصفت المدفعية البلدة صباح الأحد", date(2023, 2, 26)),
        ("قصف مدفعي اليوم الخميس على القرية", date(2023, 3, 2)),
        ("وأمس استهدفت طائرة مسيرة سيارة مدنية", date(2023, 3, 1)),
    ],
)
def test_arabic_relative_expressions(text: str, expected: date) -> None:
    found = event(text)
    assert found.event_date == expected
    assert found.precision is DatePrecision.DAY
    assert found.anchor == date(2023, 3, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two civilians were killed in an airstrike yesterday.", date(2023, 3, 1)),
        ("Shelling hit the village on Sunday night, killing a farmer.", date(2023, 2, 26)),
        ("A drone strike last Tuesday wounded three people.", date(2023, 2, 28)),
        ("A drone struck a car this morning, killing its driver.", date(2023, 3, 2)),
    ],
)
def test_english_relative_expressions(text: str, expected: date) -> None:
    assert event(text, language="en").event_date == expected


def test_last_weekday_on_the_same_weekday_is_a_week_back() -> None:
    # Published on a Thursday: "last Thursday" is the week before, "Thursday" is today.
    assert event("قصف الخميس الماضي", language="ar").event_date == date(2023, 2, 23)
    assert event("Shelling on Thursday", language="en").event_date == date(2023, 3, 2)


@pytest.mark.parametrize(
    ("month", "number"),
    [
        ("كانون الثاني", 1),
        ("شباط", 2),
        ("آذار", 3),
        ("نيسان", 4),
        ("أيار", 5),
        ("حزيران", 6),
        ("تموز", 7),
        ("آب", 8),
        ("أيلول", 9),
        ("تشرين الأول", 10),
        ("تشرين الثاني", 11),
        ("كانون الأول", 12),
        ("يناير", 1),
        ("فبراير", 2),
        ("أبريل", 4),
        ("يونيو", 6),
        ("أغسطس", 8),
        ("ديسمبر", 12),
    ],
)
def test_arabic_month_names(month: str, number: int) -> None:
    found = event(f"قتل شخصان بقصف جوي يوم 5 {month} 2021", published_at=None)
    assert found.event_date == date(2021, number, 5)


@pytest.mark.parametrize(
    "text",
    [
        "An airstrike on 12 March 2022 killed four civilians.",
        "An airstrike on March 12, 2022 killed four civilians.",
        "An airstrike on the 12th of March, 2022 killed four civilians.",
        "An airstrike on Mar. 12, 2022 killed four civilians.",
    ],
)
def test_english_month_names(text: str) -> None:
    assert event(text, published_at=None, language="en").event_date == date(2022, 3, 12)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("قصف مدفعي بتاريخ 12/3/2023 على القرية", "ar", date(2023, 3, 12)),
        ("قصف مدفعي بتاريخ ١٢/٣/٢٠٢٣ على القرية", "ar", date(2023, 3, 12)),
        ("قصف مدفعي بتاريخ 12.3.2023 على القرية", "ar", date(2023, 3, 12)),
        ("قصف مدفعي بتاريخ 2023-03-12 على القرية", "ar", date(2023, 3, 12)),
        ("Shelling on 3/4/2023 killed two.", "en", date(2023, 3, 4)),
        ("Shelling on 25/4/2023 killed two.", "en", date(2023, 4, 25)),
    ],
)
def test_numeric_dates(text: str, language: str, expected: date) -> None:
    assert event(text, published_at=None, language=language).event_date == expected


def test_day_month_takes_the_year_of_the_anchor_never_a_later_date() -> None:
    # 20 March is after the 2 March publication: it must be last year's.
    assert event("قصف مدفعي في 20 آذار").event_date == date(2022, 3, 20)
    assert event("قصف مدفعي في 25 شباط").event_date == date(2023, 2, 25)


def test_a_full_date_after_publication_is_never_returned() -> None:
    found = event("قصف مدفعي بتاريخ 12/4/2023 على القرية")
    assert found.event_date is not None
    assert found.event_date <= date(2023, 3, 2)


def test_a_date_tied_to_harm_beats_a_background_date() -> None:
    text = (
        "وقعت الأطراف اتفاقاً لوقف إطلاق النار في 5 آذار 2020 ولم يصمد طويلاً.\n"
        + "وفي سياق آخر، قتل ثلاثة مدنيين بقصف مدفعي استهدف منازلهم يوم 27 شباط 2023."
    )
    found = event(text)
    assert found.event_date == date(2023, 2, 27)
    assert found.span is not None
    assert text[found.span[0] : found.span[1]].startswith("27 شباط")


def test_fresh_report_without_a_date_falls_back_to_publication() -> None:
    found = event("عاجل: قصف مدفعي يستهدف أطراف البلدة ووقوع إصابات")
    assert found.event_date == date(2023, 3, 2)
    assert found.span is None
    assert "publication" in found.reason


def test_undated_report_without_news_cues_is_only_vouched_for_the_week() -> None:
    found = event("صورة من الحي القديم في المدينة")
    assert found.event_date == date(2023, 3, 2)
    assert found.precision is DatePrecision.WEEK


def test_today_with_the_next_weekday_keeps_the_stamp_day() -> None:
    # Stamped Thursday (UTC) but "today, Friday" locally: never a date after the stamp.
    assert event("قصف مدفعي اليوم الجمعة").event_date == date(2023, 3, 2)
    # A weekday further off is resolved backwards: "today, Monday" → Monday 27 February.
    assert event("قصف مدفعي اليوم الاثنين").event_date == date(2023, 2, 27)


def test_a_count_before_a_month_is_not_a_day() -> None:
    found = event("Shelling killed 12 in March 2023", published_at=None, language="en")
    assert found.event_date is None


def test_nothing_to_go_on_is_unknown() -> None:
    found = event("قصف مدفعي على أطراف البلدة", published_at=None)
    assert found.event_date is None
    assert found.precision is DatePrecision.UNKNOWN
    # A relative word is useless without an anchor.
    assert event("قصف مدفعي فجر اليوم", published_at=None).event_date is None


def test_weekday_beside_a_day_month_chooses_among_the_years_the_text_names() -> None:
    text = "تقرير عن عام 2020 وعام 2021: قتل مدني بقصف مدفعي يوم الخميس 2 كانون الأول"
    # 2 December was a Wednesday in 2020 and a Thursday in 2021.
    assert event(text, published_at=None).event_date == date(2021, 12, 2)


def test_a_yearless_weekday_date_is_read_as_recent_to_when_the_report_was_collected() -> None:
    text = "قتل مدنيان بغارة جوية يوم السبت 5 آذار"
    # 5 March was a Saturday in 2016 and 2022: the year is the latest such before the
    # report was collected, whenever it is processed again.
    found = find_event_date(text, language="ar", published_at=None, received=date(2022, 6, 1))
    assert found.event_date == date(2022, 3, 5)
    earlier = find_event_date(text, language="ar", published_at=None, received=date(2021, 6, 1))
    assert earlier.event_date == date(2016, 3, 5)
    # Collected in February 2022, it cannot tell of March 2022.
    before = find_event_date(text, language="ar", published_at=None, received=date(2022, 2, 1))
    assert before.event_date == date(2016, 3, 5)


def test_span_points_into_the_original_text() -> None:
    text = "أُصيبَ مدنيٌّ بقصفٍ مدفعيٍّ ليلة أمس"
    found = event(text)
    assert found.span is not None
    assert text[found.span[0] : found.span[1]] == "أمس"


def _snowflake(moment: datetime) -> int:
    return (int(moment.timestamp() * 1000) - 1288834974657) << 22


def test_x_status_id_gives_the_local_posting_date() -> None:
    # 22:30 UTC is already the next day in Syria (UTC+3).
    status = _snowflake(datetime(2023, 3, 12, 22, 30, tzinfo=UTC))
    assert snowflake_date(status) == date(2023, 3, 13)
    url = f"https://x.com/some_account/status/{status}"
    assert find_publication_date("نص", url=url) == date(2023, 3, 13)
    found = event("قصف مدفعي أمس على القرية", published_at=None, url=url)
    assert found.event_date == date(2023, 3, 12)
    assert find_publication_date("", url=f"https://mobile.twitter.com/i/web/status/{status}") == (
        date(2023, 3, 13)
    )
    assert find_publication_date("", url=f"https://www.fox.com/news/status/{status}") is None


def test_news_address_with_a_date() -> None:
    url = "https://news.example.org/2023/03/12/shelling-report/"
    assert find_publication_date("", url=url) == date(2023, 3, 12)
    assert find_publication_date("", url="https://news.example.org/item/12345") is None


def test_facebook_chrome_stamp_is_the_publication_date() -> None:
    text = "صفحة الأخبارMarch 12, 2023 · Shared with Publicقصف مدفعي فجر اليوم على القرية"
    assert find_publication_date(text) == date(2023, 3, 12)
    assert event(text, published_at=None).event_date == date(2023, 3, 12)
    arabic = "صفحة الأخبار\n12 مارس 2023 · تمت المشاركة مع العامة\nقصف مدفعي أمس"
    assert find_publication_date(arabic) == date(2023, 3, 12)


def test_a_page_name_glued_to_the_stamp_does_not_hide_it() -> None:
    # Facebook captures run the page's Latin name into the date: "Aleppo NowDecember 6".
    text = "Aleppo Now - حلب الآن\nAleppo NowDecember 6, 2024 · Shared with Publicقصف مدفعي"
    assert find_publication_date(text) == date(2024, 12, 6)
    # A month name inside an ordinary Latin word is still no date.
    assert find_publication_date("the summary 6, 2024 · Shared with Public") is None


def test_an_undated_report_keeps_the_weekday_it_names() -> None:
    found = event("On Saturday, a drone strike on a farm injured three women", published_at=None)
    assert found.event_date is None and found.clue is not None
    assert found.clue.weekday == 5 and found.clue.expression == "Saturday"
    assert found.clue.fits(date(2024, 3, 2)) and not found.clue.fits(date(2024, 3, 3))
    arabic = event("أصيب مدنيان مساء أمس الخميس في قصف مدفعي على القرية", published_at=None)
    assert arabic.clue is not None and arabic.clue.weekday == 3
    # With a publication date the weekday is resolved to a day: no clue is needed.
    dated = event(
        "On Saturday, a drone strike on a farm injured three women", published_at="2024-03-04"
    )
    assert dated.event_date == date(2024, 3, 2) and dated.clue is None
    # A day and month without a year is no clue (it was most often the wrong day).
    assert event("A child was killed on Oct 27 in shelling", published_at=None).clue is None


def test_dates_in_reader_comments_are_ignored() -> None:
    text = (
        "صفحة الأخبارMarch 12, 2023 · Shared with Publicقصف مدفعي على القرية"
        + "All reactions:12 comments Most relevant قارئ: تذكرت قصف 5 شباط 2023 المؤلم"
    )
    assert event(text, published_at=None).event_date == date(2023, 3, 12)


def test_raw_published_at_values() -> None:
    assert parse_published_at("1 مايو 2025") == date(2025, 5, 1)
    assert parse_published_at("2025-05-01T10:46:29.000Z") == date(2025, 5, 1)
    assert parse_published_at("May 1, 2025") == date(2025, 5, 1)
    assert parse_published_at("") is None
    assert parse_published_at("منذ 3 أيام") is None


def test_a_scraped_year_yields_to_the_page_stamp() -> None:
    # A scraper that read "February 22" added its own year; the page shows the real one.
    text = "صفحة الأخبارFebruary 22, 2025 · Shared with Publicقصف مدفعي فجر اليوم"
    found = event(text, published_at="22 فبراير 2026")
    assert found.event_date == date(2025, 2, 22)
    # A day off too: the scraper read the page in its own time zone.
    found = event(text, published_at="23 فبراير 2026")
    assert found.event_date == date(2025, 2, 22)
    # Days apart is no scraper's slip: the given date stands.
    assert event(text, published_at="27 فبراير 2026").anchor == date(2026, 2, 27)


def test_numbers_that_are_not_days() -> None:
    # A clock time and a count beside a month name are not a day of that month.
    assert event("قصف عند الساعة 14:30 آذار", published_at=None).event_date is None
    assert event("Mayor Ali said the shelling killed 3", published_at=None).event_date is None


_PIECES = st.sampled_from(
    [
        "قصف",
        "اليوم",
        "أمس",
        "الثلاثاء",
        "الماضي",
        "12",
        "/",
        "3",
        "2023",
        "آذار",
        "تشرين الأول",
        "March",
        "yesterday",
        " ",
        "\n",
        "·",
        "Shared with Public",
        "٢٠٢٢",
        "-",
        "31",
        "02",
        "غارة",
        "last",
        "Sunday",
        ":",
        "فجر",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    pieces=st.lists(_PIECES, max_size=30),
    published=st.one_of(st.none(), st.dates(date(2015, 1, 1), date(2030, 12, 31))),
)
def test_never_after_publication_and_spans_valid(pieces: list[str], published: date | None) -> None:
    text = " ".join(pieces)
    found = event(text, published_at=published.isoformat() if published else None)
    if published is not None and found.event_date is not None:
        assert found.event_date <= published
    if found.span is not None:
        assert 0 <= found.span[0] < found.span[1] <= len(text)
    assert (found.event_date is None) == (found.precision is DatePrecision.UNKNOWN)
