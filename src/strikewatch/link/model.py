"""The linkage model: Splink (Fellegi–Sunter) settings, training and scoring.

One settings definition serves every engine (DuckDB by default, Spark for clusters):
the engine only supplies Splink's database API. Priors for every m probability make an
untrained or thinly trained model usable: EM moves them where the data allows.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa
from numpy.typing import NDArray

from strikewatch.link.engines import Engine
from strikewatch.link.vetoes import Vetoes

LINK_MODEL_VERSION = "1"
# Pairs at or above MATCH_THRESHOLD are one incident; between REVIEW_THRESHOLD and it, an
# analyst looks. Splink's probabilities are computed against the chance that two random
# claims match; among claims of the same days and places the real chance is far higher,
# so the thresholds were set on the development corpus rather than at the textbook 0.9:
# with the place and weekday rules, 0.035-0.1 give the same pairwise and B-cubed F1
# (0.46 / 0.61-0.62) while lower values join more of a strike's reports, so its grade and
# toll rest on more sources; 0.25 lost 0.04 of F1. 0.05 is the middle of the flat range.
MATCH_THRESHOLD = 0.05
REVIEW_THRESHOLD = 0.025
# Two groups are not joined when any scored pair between them is this unlikely: one strong
# link must not chain two strikes whose other reports plainly disagree.
VETO_PROBABILITY = 0.01
# Low enough that the pairs which veto a merge are scored too; of the pairs scored, only
# those at or above REVIEW_THRESHOLD are kept whole, the vetoes as ids (link/vetoes.py).
PREDICT_THRESHOLD = 0.001

BLOCKING_RULES: list[Any] = [
    "l.strike_date = r.strike_date and l.admin1 = r.admin1",
    # Reports a day apart (a night strike, a toll the next morning) in one governorate.
    "l.next_day = r.strike_date and l.admin1 = r.admin1",
    "l.strike_date = r.next_day and l.admin1 = r.admin1",
    "l.week = r.week and l.place_key = r.place_key",
    "l.week_shifted = r.week_shifted and l.place_key = r.place_key",
    # Claims without a day of their own still meet others of their place and month.
    "l.period = r.period and l.place_key = r.place_key",
    "l.strike_date = r.strike_date and l.place_key is null and r.place_key is null",
    # A claim without a day of its own meets the claims of its governorate and month; one
    # without even a month, those of its governorate. Keys are null for the others, so the
    # joins stay as small as the undated claims are few (both directions: Splink compares
    # each pair once, lower id on the left).
    "l.undated_area_period = r.area_period",
    "l.area_period = r.undated_area_period",
    "l.place_key = r.place_key and (l.period is null or r.period is null)",
    "l.no_period_admin1 = r.admin1",
    "l.admin1 = r.no_period_admin1",
]
# Training reads a sample: the parameters settle long before a million claims.
TRAINING_SAMPLE = 100_000
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
    import splink.comparison_library as cl

    def custom_level(sql: str, label: str, m: float, *, null: bool = False) -> dict[str, Any]:
        spec: dict[str, Any] = {"sql_condition": _sides(sql), "label_for_charts": label}
        spec["is_null_level"] = null
        if not null:
            spec["m_probability"] = m
        return spec

    where = cl.CustomComparison(
        output_column_name="where",
        comparison_description="place: same place, distance, same governorate",
        comparison_levels=[
            custom_level(_WHERE_NULL, "place unknown", 0, null=True),
            custom_level(
                "l.place_key = r.place_key OR (l.lat IS NOT NULL AND r.lat IS NOT NULL AND "
                + _km(3)
                + ")",
                "same place (within 3 km)",
                0.7,
            ),
            custom_level(
                "l.lat IS NOT NULL AND r.lat IS NOT NULL AND " + _km(12), "within 12 km", 0.12
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
    return [
        # The strike day, or for a report that gives none its publication day: a report
        # published the day after another's strike is likely about it.
        cl.AbsoluteDateDifferenceAtThresholds(
            "when_day",
            input_is_string=False,
            metrics=["day", "day", "day"],
            thresholds=[1, 3, 7],
        ).configure(m_probabilities=[0.6, 0.25, 0.08, 0.04, 0.03]),
        where,
        cl.ArrayIntersectAtSizes("belligerent", [1]).configure(m_probabilities=[0.92, 0.08]),
        cl.ArrayIntersectAtSizes("strike_type", [1]).configure(m_probabilities=[0.85, 0.15]),
        deaths,
        cl.CosineSimilarityAtThresholds("emb", [0.8, 0.65, 0.5]).configure(
            m_probabilities=[0.35, 0.35, 0.2, 0.1]
        ),
        clue,
    ]


def _sides(sql: str) -> str:
    """``l.x``/``r.x`` written as Splink's ``x_l``/``x_r`` column names."""
    import re

    if sql == "ELSE":
        return sql
    return re.sub(r"\b([lr])\.(\w+)", lambda m: f"{m.group(2)}_{m.group(1)}", sql)


def settings() -> Any:
    """Splink settings for deduplicating claims into incidents."""
    from splink import SettingsCreator

    return SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=BLOCKING_RULES,
        comparisons=comparisons(),
        probability_two_random_records_match=1e-4,
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=False,
        additional_columns_to_retain=[],
    )


LevelTable = dict[str, list[tuple[float, str]]]


@dataclass(frozen=True)
class Pair:
    """A scored pair of claims and the match weight of each comparison.

    The weights are kept as numbers and put in words only when asked (``levels``): a
    million claims make tens of millions of pairs, and most are never described.
    """

    claim_a: int
    claim_b: int
    probability: float
    weights: tuple[float, ...] = ()
    table: LevelTable | None = field(default=None, compare=False, repr=False)

    @property
    def levels(self) -> dict[str, str]:
        """Each comparison's level in words, with its match weight."""
        if self.table is None:
            return {}
        return {
            name: f"{_label(levels, weight)} ({weight:+.1f})"
            for (name, levels), weight in zip(self.table.items(), self.weights, strict=True)
        }


@contextmanager
def quiet_splink() -> Iterator[None]:
    """Splink logs every EM iteration at INFO; the CLI has its own progress."""
    logger = logging.getLogger("splink")
    previous = logger.level
    # Its warnings too: EM cannot train a level a store has no pairs at (an undated report
    # naming its weekday), and the level then keeps its prior, as designed.
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(previous)


def for_dialect(model: dict[str, Any], dialect: str) -> dict[str, Any]:
    """The trained model with its SQL written for ``dialect``, its parameters unchanged.

    Splink saves a model's SQL in the dialect it was trained on (DuckDB's ``epoch``,
    ``list_intersect``), which Spark cannot run: the comparisons are rebuilt for the
    engine and the trained m and u probabilities copied over, level by level.
    """
    if model.get("sql_dialect", dialect) == dialect:
        return model
    fresh: dict[str, Any] = settings().create_settings_dict(dialect)
    for built, trained in zip(fresh["comparisons"], model["comparisons"], strict=True):
        levels = zip(built["comparison_levels"], trained["comparison_levels"], strict=True)
        for level, learnt in levels:
            for key in ("m_probability", "u_probability"):
                if key in learnt:
                    level[key] = learnt[key]
    fresh["probability_two_random_records_match"] = model["probability_two_random_records_match"]
    fresh["sql_dialect"] = dialect
    return fresh


def _linker(engine: Engine, table: pa.Table, model: Any) -> Any:
    from splink import Linker

    db_api = engine.db_api()
    if isinstance(model, dict):
        model = for_dialect(model, db_api.sql_dialect.sql_dialect_str)
    # Splink logs every EM iteration at INFO; strikewatch reports progress itself.
    return Linker(db_api.register(engine.frame(db_api, table)), model, log_level=logging.ERROR)


def train(engine: Engine, table: pa.Table) -> dict[str, Any]:
    """Trained model (Splink's JSON settings) from the claims in ``table``."""
    if table.num_rows > TRAINING_SAMPLE:
        rows = np.random.default_rng(7).choice(table.num_rows, TRAINING_SAMPLE, replace=False)
        table = table.take(pa.array(np.sort(rows)))
    with quiet_splink():
        linker = _linker(engine, table, settings())
        training = linker.training
        try:
            training.estimate_probability_two_random_records_match(
                ["l.strike_date = r.strike_date and l.place_key = r.place_key"], recall=0.7
            )
        except Exception as exc:  # too few deterministic matches: keep the prior
            logging.getLogger(__name__).debug("prior kept: %s", exc)
        training.estimate_u_using_random_sampling(max_pairs=5e5, seed=1)
        for rule in ("l.strike_date = r.strike_date", "l.week = r.week and l.admin1 = r.admin1"):
            try:
                training.estimate_parameters_using_expectation_maximisation(
                    rule, fix_u_probabilities=True
                )
            except Exception as exc:  # no pairs under this rule: keep the priors
                logging.getLogger(__name__).debug("EM under %s skipped: %s", rule, exc)
        model: dict[str, Any] = linker.misc.save_model_to_json()
    return model


def level_weights(model: dict[str, Any]) -> LevelTable:
    """Per comparison, each level's match weight (log2 m/u) and label; null levels weigh 0."""
    found: LevelTable = {}
    for comparison in model["comparisons"]:
        levels = []
        for level in comparison["comparison_levels"]:
            label = str(level.get("label_for_charts", ""))
            m, u = level.get("m_probability"), level.get("u_probability")
            if level.get("is_null_level") or not m or not u:
                weight = 0.0
            else:
                weight = math.log2(float(m) / float(u))
            levels.append((weight, label))
        found[comparison["output_column_name"]] = levels
    return found


def _label(levels: list[tuple[float, str]], weight: float | None) -> str:
    # Splink reports each comparison's match weight; the level is the one with that weight.
    if weight is None:
        return "unknown"
    return min(levels, key=lambda level: abs(level[0] - weight))[1]


@dataclass(frozen=True)
class Scored:
    """What scoring gives clustering: the pairs worth describing, and the vetoes."""

    pairs: list[Pair]  # at or above REVIEW_THRESHOLD, with each comparison's weight
    vetoes: Vetoes  # below VETO_PROBABILITY: only their ids are needed


def predict(engine: Engine, table: pa.Table, model: dict[str, Any]) -> Scored:
    """Every blocked pair at or above PREDICT_THRESHOLD, scored by ``model``."""
    with quiet_splink():
        linker = _linker(engine, table, model)
        frame = linker.inference.predict(
            threshold_match_probability=PREDICT_THRESHOLD, warning_mode="never"
        )
        scored = frame.as_pyarrow_table()
    levels = level_weights(model)

    def column(name: str) -> NDArray[Any]:
        return np.asarray(scored.column(name).fill_null(0).to_numpy())

    left, right = column("unique_id_l").astype(np.int64), column("unique_id_r").astype(np.int64)
    probability = column("match_probability").astype(np.float64)
    vetoed = probability < VETO_PROBABILITY
    vetoes = Vetoes.from_arrays(left[vetoed], right[vetoed])
    kept = np.flatnonzero(probability >= REVIEW_THRESHOLD)
    weights = np.column_stack([column(f"mw_{name}").astype(np.float64) for name in levels])
    pairs = [
        Pair(
            int(left[i]),
            int(right[i]),
            float(probability[i]),
            tuple(float(w) for w in weights[i]),
            levels,
        )
        for i in kept
    ]
    return Scored(pairs, vetoes)
