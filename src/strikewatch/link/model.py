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
from functools import lru_cache
from typing import Any

import numpy as np
import pyarrow as pa
from numpy.typing import NDArray

from strikewatch.link.comparisons import comparisons
from strikewatch.link.engines import DuckDBEngine, Engine
from strikewatch.link.projection import Projection
from strikewatch.link.vetoes import Vetoes, sorted_unique
from strikewatch.link.words import Vocabulary

LINK_MODEL_VERSION = "2"
# Where a saved model keeps the word frequencies it was trained with (link/words.py), so
# that bulk and live linking weigh words alike until the model is retrained.
VOCABULARY_KEY = "strikewatch_vocabulary"
# The blocking rules a model was trained with: a model saved under other rules reads
# columns that may be gone or mean something else, and is retrained.
BLOCKING_KEY = "strikewatch_blocking"
# The embeddings' main directions a model compares them along (link/projection.py).
PROJECTION_KEY = "strikewatch_projection"
_OWN_KEYS = (VOCABULARY_KEY, BLOCKING_KEY, PROJECTION_KEY)
# Pairs at or above MATCH_THRESHOLD are one incident; between REVIEW_THRESHOLD and it, an
# analyst looks. Splink's probabilities are computed against the chance that two random
# claims match; among claims of the same days and places the real chance is far higher,
# so the thresholds were set on the development corpus rather than at the textbook 0.9:
# with the place and weekday rules, 0.035-0.1 give the same pairwise and B-cubed F1
# (0.46 / 0.61-0.62) while lower values join more of a strike's reports, so its grade and
# toll rest on more sources; 0.25 lost 0.04 of F1. 0.05 is the middle of the flat range.
# Swept again with the victims, words and place-name comparisons and rules: 0.02-0.05
# give pairwise F1 0.51, B-cubed 0.64-0.645; 0.1 loses 0.01; a veto at 0.003 instead of
# 0.01 loses 0.01 of pairwise F1. Swept once more when u came from all sampled pairs
# (2026-12-04; pairwise F1, B-cubed, grade agreement, range overlap): 0.1 gives 0.567 /
# 0.693 / 0.393 / 0.561, 0.05 0.567 / 0.689 / 0.418 / 0.575, 0.04 0.567 / 0.688 / 0.433 /
# 0.582, 0.03 0.568 / 0.689 / 0.438 / 0.592, 0.02 0.568 / 0.687 / 0.449 / 0.590. Lower
# joins more of a strike's reports at no cost in F1, but more claims then take a date or
# point from an incident that is partly another strike's (place precision with incident
# values 0.763 at 0.05, 0.751 at 0.03 and 0.02). Below 0.03 the threshold nears the veto
# (0.01) that keeps two strikes apart; the review band stays half the threshold.
MATCH_THRESHOLD = 0.03
REVIEW_THRESHOLD = 0.015
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
    # A claim that names no governorate meets the claims of its day wherever they are.
    "l.strike_date = r.strike_date and (l.admin1 is null or r.admin1 is null)",
    # A claim without a day of its own meets the claims of its governorate in the week it
    # was published and the week before; one without even a publication date, those of
    # its governorate. Keys are null for the others, so the joins stay as small as the
    # undated claims are few (both directions: Splink compares each pair once, lower id on
    # the left). A month, as before, cost twice the pairs at scale (benchmarks/link_scale).
    "l.undated_area_week = r.area_week",
    "l.area_week = r.undated_area_week",
    "l.undated_area_last_week = r.area_week",
    "l.area_week = r.undated_area_last_week",
    "l.place_key = r.place_key and (l.period is null or r.period is null)",
    "l.no_period_admin1 = r.admin1",
    "l.admin1 = r.no_period_admin1",
]
# The chance that two random claims are of one strike, before training estimates it.
PRIOR = 1e-4
# Training reads a sample of whole days: the parameters settle long before a million
# claims, and EM's time grows with the pairs of each day it reads (100,000 claims took
# 60-80 s for each EM pass on two cores).
TRAINING_SAMPLE = 25_000


def blocking_rules() -> list[Any]:
    """Which pairs are compared: BLOCKING_RULES, and any two claims naming one victim."""
    from splink import block_on

    # Two reports naming the same victim meet whatever their dates and places say (only
    # names few claims share: features.NAME_BLOCK_MAX).
    return [*BLOCKING_RULES, block_on("name_keys", arrays_to_explode=["name_keys"])]


def settings() -> Any:
    """Splink settings for deduplicating claims into incidents."""
    from splink import SettingsCreator

    return SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=blocking_rules(),
        comparisons=comparisons(),
        probability_two_random_records_match=PRIOR,
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


def vocabulary_of(model: dict[str, Any]) -> Vocabulary:
    """The word frequencies a saved model was trained with (empty for an older model)."""
    return Vocabulary.from_json(model.get(VOCABULARY_KEY))


def projection_of(model: dict[str, Any]) -> Projection:
    """The embedding directions a saved model compares along (none: whole vectors)."""
    return Projection.from_json(model.get(PROJECTION_KEY))


def fits(model: dict[str, Any]) -> bool:
    """Whether a saved model compares what this version compares (else: retrain it)."""
    return (
        _levels_of(model.get("comparisons", [])) == _wanted_levels()
        and VOCABULARY_KEY in model
        and PROJECTION_KEY in model
        and model.get(BLOCKING_KEY) == blocking_key()
    )


def _levels_of(comparisons: list[dict[str, Any]]) -> list[tuple[str, list[str]]]:
    # Each comparison's levels by label, in order: a model whose levels were reordered or
    # re-cut (other thresholds) must not be read against the new ones.
    return [
        (
            str(c.get("output_column_name")),
            [str(level.get("label_for_charts")) for level in c.get("comparison_levels", [])],
        )
        for c in comparisons
    ]


@lru_cache(maxsize=1)
def _wanted_levels() -> list[tuple[str, list[str]]]:
    return _levels_of(settings().create_settings_dict("duckdb")["comparisons"])


def blocking_key() -> list[str]:
    """What a model records of the blocking rules it was trained with."""
    return [*BLOCKING_RULES, "name_keys"]


def _linker(engine: Engine, table: pa.Table, model: Any) -> Any:
    from splink import Linker

    db_api = engine.db_api()
    saved = isinstance(model, dict)
    if saved:
        model = {k: v for k, v in model.items() if k not in _OWN_KEYS}
        model = for_dialect(model, db_api.sql_dialect.sql_dialect_str)
    # Splink logs every EM iteration at INFO; strikewatch reports progress itself. A saved
    # model was validated when it was trained: checking every level's SQL again took half
    # of a live placement's time.
    return Linker(
        db_api.register(engine.frame(db_api, table)),
        model,
        log_level=logging.ERROR,
        validate_settings=not saved,
    )


def training_sample(table: pa.Table, size: int = TRAINING_SAMPLE) -> pa.Table:
    """At most about ``size`` claims to train on: whole days, and undated claims at random.

    Whole days keep each strike's reports together: a random tenth of the claims would
    keep only a hundredth of the pairs EM learns what a match looks like from.
    """
    if table.num_rows <= size:
        return table
    rng = np.random.default_rng(7)
    share = size / table.num_rows
    column = table.column("strike_date")
    dated = np.asarray(column.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
    days = np.asarray(column.cast(pa.int32()).fill_null(0).to_numpy(), dtype=np.int64)
    chosen = np.zeros(table.num_rows, dtype=bool)
    distinct = sorted_unique(days[dated])
    if distinct.size:
        keep = rng.choice(distinct, max(1, round(distinct.size * share)), replace=False)
        chosen[dated] = np.isin(days[dated], keep)
    undated = np.flatnonzero(~dated)
    if undated.size:
        chosen[rng.choice(undated, round(undated.size * share), replace=False)] = True
    return table.take(pa.array(np.flatnonzero(chosen)))


def train(
    table: pa.Table, vocabulary: Vocabulary | None = None, projection: Projection | None = None
) -> dict[str, Any]:
    """Trained model (Splink's JSON settings) from the claims in ``table``.

    Training always runs on DuckDB: it reads at most a sample of 25,000 claims, which any
    machine holds, and Spark's random sampling and EM gave other parameters from the same
    claims (2,000 synthetic claims: 5,017 kept pairs at precision 0.92 against DuckDB's
    3,392 at 1.00). One model scored on either engine gives the same pairs (tested).

    ``vocabulary`` and ``projection`` are those ``table`` was made with: they are saved
    with the model.
    """
    table = training_sample(table)
    with quiet_splink():
        linker = _linker(DuckDBEngine(), table, settings())
        training = linker.training
        try:
            training.estimate_probability_two_random_records_match(
                ["l.strike_date = r.strike_date and l.place_key = r.place_key"], recall=0.7
            )
        except Exception as exc:  # too few deterministic matches: keep the prior
            logging.getLogger(__name__).debug("prior kept: %s", exc)
        # A store whose claims name no precise place gives no deterministic match: Splink
        # then estimates a prior of 0, which zeroes every probability and leaves EM
        # nothing to learn from (it dropped comparisons from the saved model). Keep ours.
        estimated = linker._settings_obj._probability_two_random_records_match
        if not 0 < estimated < 1:
            linker._settings_obj._probability_two_random_records_match = PRIOR
        # Every sampled pair counts: Splink's early stop reads u from a probe of a hundredth
        # of them, a few rows, and put a level's u 0.2 off on the development corpus.
        training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1, min_count_per_level=None)
        for rule in ("l.strike_date = r.strike_date", "l.week = r.week and l.admin1 = r.admin1"):
            try:
                training.estimate_parameters_using_expectation_maximisation(
                    rule, fix_u_probabilities=True
                )
            except Exception as exc:  # no pairs under this rule: keep the priors
                logging.getLogger(__name__).debug("EM under %s skipped: %s", rule, exc)
        model: dict[str, Any] = linker.misc.save_model_to_json()
    model[VOCABULARY_KEY] = (vocabulary or Vocabulary()).to_json()
    model[PROJECTION_KEY] = (projection or Projection()).to_json()
    model[BLOCKING_KEY] = blocking_key()
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
    levels = level_weights(model)
    weight_columns = ", ".join(f"mw_{name}" for name in levels)
    with quiet_splink():
        linker = _linker(engine, table, model)
        frame = linker.inference.predict(
            threshold_match_probability=PREDICT_THRESHOLD, warning_mode="never"
        )
        # Only what clustering uses leaves the engine: the kept pairs with their weights,
        # the vetoes as ids. All scored pairs with every column came to several GB at a
        # million claims, held twice (in the engine and in Python).
        name = frame.physical_name
        scored = linker.misc.query_sql(
            f"select unique_id_l, unique_id_r, match_probability, {weight_columns} "
            f"from {name} where match_probability >= {REVIEW_THRESHOLD}"
        ).as_pyarrow_table()
        unlikely = linker.misc.query_sql(
            f"select unique_id_l, unique_id_r from {name} "
            f"where match_probability < {VETO_PROBABILITY}"
        ).as_pyarrow_table()
        frame.drop_table_from_database_and_remove_from_cache()

    def column(frame: pa.Table, name: str) -> NDArray[Any]:
        return np.asarray(frame.column(name).fill_null(0).to_numpy())

    vetoes = Vetoes.from_arrays(
        column(unlikely, "unique_id_l").astype(np.int64),
        column(unlikely, "unique_id_r").astype(np.int64),
    )
    del unlikely
    left = column(scored, "unique_id_l").astype(np.int64)
    right = column(scored, "unique_id_r").astype(np.int64)
    probability = column(scored, "match_probability").astype(np.float64)
    weights = np.column_stack([column(scored, f"mw_{name}").astype(np.float64) for name in levels])
    pairs = [
        Pair(
            int(left[i]),
            int(right[i]),
            float(probability[i]),
            tuple(float(w) for w in weights[i]),
            levels,
        )
        for i in range(len(left))
    ]
    return Scored(pairs, vetoes)
