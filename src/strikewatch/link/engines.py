"""Where Splink runs: DuckDB in-process (default) or Spark for data beyond one machine.

The linkage model and its settings are the same on both; an engine only supplies
Splink's database API and turns the Arrow input table into the engine's own frame.
"""

from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from typing import Any, Protocol

import pyarrow as pa

from strikewatch.errors import ConfigError


class Engine(Protocol):
    name: str

    def db_api(self) -> Any:
        """A fresh Splink database API."""
        ...

    def frame(self, db_api: Any, table: pa.Table) -> Any:
        """The input table in the form this engine's API registers."""
        ...


# DuckDB may hold this share of the machine's memory, spilling the rest to a temporary
# directory: by default it takes 80 %, which with the claims Python holds beside it
# killed a million-claim run on 24 GiB rather than slowing it.
DUCKDB_MEMORY_SHARE = 0.4


@lru_cache(maxsize=1)
def _spill_directory() -> str:
    # One per process: live linking opens an engine for every placement.
    return tempfile.mkdtemp(prefix="strikewatch-duckdb-")


def _memory_bytes() -> int | None:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):
        return None


class DuckDBEngine:
    name = "duckdb"

    def db_api(self) -> Any:
        import duckdb
        from splink import DuckDBAPI

        config: dict[str, Any] = {"temp_directory": _spill_directory()}
        total = _memory_bytes()
        if total:
            config["memory_limit"] = f"{int(total * DUCKDB_MEMORY_SHARE) // 2**20}MB"
        return DuckDBAPI(connection=duckdb.connect(":memory:", config=config))

    def frame(self, db_api: Any, table: pa.Table) -> Any:
        return table


@lru_cache(maxsize=2)
def _spark_session(master: str) -> Any:
    from pyspark.sql import SparkSession
    from splink.backends.spark import similarity_jar_location

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    checkpoints = tempfile.mkdtemp(prefix="strikewatch-spark-")
    session = (
        SparkSession.builder.master(master)
        .appName("strikewatch-link")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.default.parallelism", "8")
        .config("spark.jars", similarity_jar_location())
        .getOrCreate()
    )
    session.sparkContext.setCheckpointDir(checkpoints)
    session.sparkContext.setLogLevel("ERROR")
    return session


class SparkEngine:
    name = "spark"

    def __init__(self, master: str = "local[2]") -> None:
        self.master = master

    def db_api(self) -> Any:
        try:
            from splink.backends.spark import SparkAPI
        except ImportError as exc:
            raise ConfigError(
                "the Spark link engine needs pyspark: install strikewatch[spark]"
            ) from exc
        api: Any = SparkAPI
        return api(spark_session=_spark_session(self.master))

    def frame(self, db_api: Any, table: pa.Table) -> Any:
        session = _spark_session(self.master)
        rows = table.to_pylist()
        from pyspark.sql.types import (
            ArrayType,
            BooleanType,
            DateType,
            DoubleType,
            FloatType,
            IntegerType,
            LongType,
            StringType,
            StructField,
            StructType,
        )

        kinds = {
            pa.int64(): LongType(),
            pa.int32(): IntegerType(),
            pa.float64(): DoubleType(),
            pa.date32(): DateType(),
            pa.string(): StringType(),
            pa.bool_(): BooleanType(),
        }
        fields = []
        for column in table.schema:
            if pa.types.is_list(column.type) or pa.types.is_fixed_size_list(column.type):
                floats = pa.types.is_floating(column.type.value_type)
                inner = FloatType() if floats else StringType()
                fields.append(StructField(column.name, ArrayType(inner), True))
            else:
                fields.append(StructField(column.name, kinds[column.type], True))
        return session.createDataFrame(rows, StructType(fields))


def engine_named(name: str) -> Engine:
    """The engine for a setting value (``duckdb`` or ``spark``)."""
    if name == "duckdb":
        return DuckDBEngine()
    if name == "spark":
        return SparkEngine()
    raise ConfigError(f"unknown link engine {name!r}: use duckdb or spark")
