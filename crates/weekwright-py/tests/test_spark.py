"""A PySpark job: mapInPandas over 200 athletes on local[2], equal to direct calls."""

import pytest

pytest.importorskip("pyspark")  # skipped only where the engine is not installed
pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

import jobs  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402


def test_spark_map_in_pandas_equals_direct_calls(athletes, direct):
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("weekwright-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    try:
        spark.sparkContext.setLogLevel("ERROR")
        # Four partitions of 50 athletes: a task plans a batch, as a real job would.
        rows = spark.sparkContext.parallelize(list(enumerate(athletes)), 4)
        table = spark.createDataFrame(rows, "id long, profile string")

        def plan_frames(frames):
            for frame in frames:
                yield pd.DataFrame({"id": frame["id"], "result": jobs.plan_batch(frame["profile"].tolist())})

        got = table.mapInPandas(plan_frames, "id long, result string").orderBy("id").collect()
    finally:
        spark.stop()
    assert [r.id for r in got] == list(range(len(athletes)))
    assert [r.result for r in got] == direct
