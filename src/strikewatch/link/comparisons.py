"""What the linker compares two claims on: Splink comparisons, each level with a label.

Levels are listed strongest first; the labels are the words an analyst reads in a link's
reasons ("where: same place (within 3 km, or one name) (+4.9)").
"""

from __future__ import annotations

import re
from typing import Any

# Cosines of the weighed words (link/words.py): on the development corpus, candidate pairs
# above 0.5 were the same strike 9 times in 10, above 0.35 three in four, above 0.25 half
# the time; below that hashing noise blurs the measure.
WORDING_THRESHOLDS = (0.5, 0.35, 0.25)
# Cosines of the multilingual sentence embeddings (link/embedding.py).
TEXT_THRESHOLDS = (0.8, 0.65, 0.5)
SAME_PUBLISHER = "publisher_l IS NOT NULL AND publisher_l = publisher_r"
_WHERE_NULL = "l.area_lat IS NULL OR r.area_lat IS NULL"


def _km(threshold: float, lat: str = "lat", lon: str = "lon") -> str:
    # Haversine, written in SQL both DuckDB and Spark accept.
    return (
        f"(2 * 6371 * asin(sqrt(power(sin(radians(r.{lat} - l.{lat}) / 2), 2) + "
        f"cos(radians(l.{lat})) * cos(radians(r.{lat})) * "
        f"power(sin(radians(r.{lon} - l.{lon}) / 2), 2)))) <= {threshold}"
    )


def comparisons() -> list[Any]:
    """The comparisons, in the order reasons are reported."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    from strikewatch.link.similarity import cosine_levels

    def custom_level(sql: str, label: str, m: float, *, null: bool = False) -> dict[str, Any]:
        spec: dict[str, Any] = {"sql_condition": _sides(sql), "label_for_charts": label}
        spec["is_null_level"] = null
        if not null:
            spec["m_probability"] = m
        return spec

    where = cl.CustomComparison(
        output_column_name="where",
        comparison_description="place: same place, distance, other places, same governorate",
        comparison_levels=[
            # A claim placed by nothing but a village no gazetteer knows still meets another
            # naming that village: the place is unknown only when no name is shared.
            cll.And(
                cll.CustomLevel(_sides(_WHERE_NULL)),
                cll.Or(
                    cll.NullLevel("place_names"),
                    cll.Not(cll.ArrayIntersectLevel("place_names", 1)),
                ),
            ).configure(label_for_charts="place unknown", is_null_level=True),
            cll.Or(
                cll.CustomLevel(
                    _sides(
                        "l.place_key = r.place_key OR (l.lat IS NOT NULL AND r.lat IS NOT NULL "
                        "AND " + _km(3) + ")"
                    )
                ),
                # A village no gazetteer knows, spelt alike by both.
                cll.ArrayIntersectLevel("place_names", 1),
            ).configure(
                label_for_charts="same place (within 3 km, or one name)", m_probability=0.6
            ),
            custom_level(
                "l.lat IS NOT NULL AND r.lat IS NOT NULL AND " + _km(12), "within 12 km", 0.12
            ),
            custom_level("l.town_key = r.town_key", "around the same town", 0.1),
            # Both name their place, no name and no point in common: two villages of one
            # governorate (or a village and a town more than 12 km away).
            custom_level(
                "l.admin1 = r.admin1 AND l.place_names IS NOT NULL AND r.place_names IS NOT NULL",
                "other places of the same governorate",
                0.05,
            ),
            custom_level("l.admin1 = r.admin1", "same governorate", 0.13),
            custom_level(
                "l.area_lat IS NOT NULL AND r.area_lat IS NOT NULL AND "
                + _km(60, "area_lat", "area_lon"),
                "neighbouring areas (within 60 km)",
                0.05,
            ),
            custom_level("ELSE", "elsewhere", 0.02),
        ],
    )
    deaths = cl.CustomComparison(
        output_column_name="deaths",
        comparison_description="civilian deaths",
        comparison_levels=[
            custom_level("l.deaths IS NULL OR r.deaths IS NULL", "count unknown", 0, null=True),
            custom_level("l.deaths = r.deaths", "same count", 0.55),
            custom_level(
                "abs(l.deaths - r.deaths) <= greatest(2, 0.3 * greatest(l.deaths, r.deaths))",
                "close counts",
                0.35,
            ),
            custom_level("ELSE", "different counts", 0.1),
        ],
    )
    # An undated report's weekday ("on Saturday") against another claim's day or weekday:
    # a strike on another weekday is another strike.
    clue = cl.CustomComparison(
        output_column_name="weekday",
        comparison_description="an undated report's weekday",
        comparison_levels=[
            custom_level(
                "NOT (l.clued OR r.clued) OR l.wd IS NULL OR r.wd IS NULL",
                "no weekday to compare",
                0,
                null=True,
            ),
            custom_level("l.wd = r.wd", "same weekday", 0.8),
            custom_level("ELSE", "another weekday", 0.2),
        ],
    )
    # The victims both name: reports naming different people may still be of one strike
    # (each names those it knows of), so only a shared name is strong evidence.
    victims = cl.CustomComparison(
        output_column_name="victims",
        comparison_description="named victims",
        comparison_levels=[
            cll.NullLevel("names").configure(label_for_charts="no names to compare"),
            cll.ArrayIntersectLevel("names", 1).configure(
                label_for_charts="a named victim in common", m_probability=0.6
            ),
            cll.ElseLevel().configure(label_for_charts="different names", m_probability=0.4),
        ],
    )
    # The words both use, weighed by rarity (link/words.py). Reports of one publisher share
    # its template (hashtags, signature, set phrases) whatever strike they tell of: their
    # likeness is no evidence (on the development corpus, same-publisher pairs above each
    # cosine were the same strike far less often than pairs from different sources).
    wording = cl.CustomComparison(
        output_column_name="wording",
        comparison_description="the rare words both use (TF-IDF cosine)",
        comparison_levels=[
            cll.Or(cll.NullLevel("wording"), cll.CustomLevel(SAME_PUBLISHER)).configure(
                label_for_charts="no words to compare (or one publisher's)", is_null_level=True
            ),
            *cosine_levels(
                "wording",
                WORDING_THRESHOLDS,
                (0.25, 0.2, 0.15, 0.4),
                (
                    *(f"words in common (cosine >= {t})" for t in WORDING_THRESHOLDS),
                    "few words in common",
                ),
            ),
        ],
    )
    # The strike day, or for a report that gives none its publication day: a report
    # published the day after another's strike is likely about it.
    when = cl.CustomComparison(
        output_column_name="when_day",
        comparison_description="strike day (or publication day)",
        comparison_levels=[
            cll.NullLevel("when_day").configure(label_for_charts="day unknown"),
            cll.ExactMatchLevel("when_day").configure(
                label_for_charts="same day", m_probability=0.6
            ),
            *(
                cll.AbsoluteDateDifferenceLevel(
                    "when_day", input_is_string=False, threshold=days, metric="day"
                ).configure(label_for_charts=label, m_probability=m)
                for days, label, m in (
                    (1, "a day apart", 0.25),
                    (3, "2-3 days apart", 0.08),
                    (7, "4-7 days apart", 0.04),
                )
            ),
            cll.ElseLevel().configure(label_for_charts="over a week apart", m_probability=0.03),
        ],
    )
    return [
        when,
        where,
        _shared("belligerent", "a belligerent in common", "different belligerents", 0.92),
        _shared("strike_type", "a strike type in common", "different strike types", 0.85),
        deaths,
        cl.CustomComparison(
            output_column_name="emb",
            comparison_description="text similarity (multilingual sentence embeddings)",
            comparison_levels=[
                cll.NullLevel("emb").configure(label_for_charts="no text to compare"),
                *cosine_levels(
                    "emb",
                    TEXT_THRESHOLDS,
                    (0.35, 0.35, 0.2, 0.1),
                    (
                        *(f"similar texts (cosine >= {t})" for t in TEXT_THRESHOLDS),
                        "dissimilar texts",
                    ),
                ),
            ],
        ),
        clue,
        victims,
        wording,
    ]


def _sides(sql: str) -> str:
    """``l.x``/``r.x`` written as Splink's ``x_l``/``x_r`` column names."""
    if sql == "ELSE":
        return sql
    return re.sub(r"\b([lr])\.(\w+)", lambda m: f"{m.group(2)}_{m.group(1)}", sql)


def _shared(column: str, common: str, different: str, m: float) -> Any:
    """Two lists compared by whether they share an item (belligerents, strike types)."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    return cl.CustomComparison(
        output_column_name=column,
        comparison_description=column.replace("_", " "),
        comparison_levels=[
            cll.NullLevel(column).configure(label_for_charts=f"{column.replace('_', ' ')} unknown"),
            cll.ArrayIntersectLevel(column, 1).configure(label_for_charts=common, m_probability=m),
            cll.ElseLevel().configure(label_for_charts=different, m_probability=round(1 - m, 2)),
        ],
    )
