"""A Ray job: tasks of 50 athletes on a local two-CPU cluster, equal to direct calls."""

import pytest

ray = pytest.importorskip("ray")  # skipped only where the engine is not installed

import jobs  # noqa: E402


def test_ray_tasks_equal_direct_calls(athletes, direct):
    ray.init(num_cpus=2, include_dashboard=False, logging_level="ERROR", log_to_driver=False)
    try:
        plan = ray.remote(num_cpus=1)(jobs.plan_batch)
        # One plan costs 1-25 ms, a task about 1 ms of the engine's own: 50 athletes a task.
        refs = [plan.remote(batch) for batch in jobs.chunks(athletes, 50)]
        got = [line for batch in ray.get(refs) for line in batch]
    finally:
        ray.shutdown()
    assert got == direct
