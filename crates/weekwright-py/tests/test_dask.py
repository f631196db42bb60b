"""A Dask job: partitions of 50 athletes on a local cluster of two worker processes, equal
to direct calls."""

import pytest

pytest.importorskip("dask")  # skipped only where the engine is not installed
distributed = pytest.importorskip("distributed")

import dask.bag  # noqa: E402
import jobs  # noqa: E402


def test_dask_partitions_equal_direct_calls(athletes, direct):
    # Worker processes start by spawning: a script doing this needs `if __name__ == "__main__":`.
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster):
        bag = dask.bag.from_sequence(athletes, partition_size=50)
        got = bag.map_partitions(jobs.plan_batch).compute()
    assert got == direct
