"""Where a date comes from: written forms, periods, digest headings and page stamps.

Every sentence here is invented for the test.
"""

from __future__ import annotations

from datetime import date

import pytest

from strikewatch.extract.dates import DateFinding, find_event_date

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
