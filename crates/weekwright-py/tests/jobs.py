"""The job every engine runs in the tests, and the athletes it runs on.

Spark, Ray and Dask run these same functions on their workers (conftest.py puts this folder
on the workers' PYTHONPATH), and the tests compare what comes back with direct calls.
"""

import json
import pathlib

import yaml

import weekwright

PROFILES = pathlib.Path(__file__).resolve().parents[3] / "profiles"


def example_profiles():
    """The repository's example profiles, by file name, as dicts."""
    return {p.name: yaml.safe_load(p.read_text()) for p in sorted(PROFILES.glob("*.yaml"))}


def plan(profile_json):
    """One athlete's best week as JSON text, or the error that the call raised."""
    try:
        out = {"plan": weekwright.generate(json.loads(profile_json), top=1)}
    except ValueError as e:
        out = {"error": str(e), "type": type(e).__name__}
    return json.dumps(out)


def plan_batch(profiles):
    """What a task does: plan a batch of athletes (JSON texts), in order."""
    return [plan(p) for p in profiles]


def athletes(n=200):
    """`n` athletes as JSON texts: the example profiles with other names and volumes, and
    now and then one that no week fits or that is refused, so that error results travel
    through the engines too."""
    examples = example_profiles()
    # The advanced marathoner runs seven days: 100 ms a plan where the others take 1-25 ms.
    bases = [p for name, p in examples.items() if name != "advanced-marathon.yaml"]
    out = []
    for i in range(n):
        p = dict(bases[i % len(bases)])
        p["name"] = f"athlete {i}"
        p["weekly_minutes"] = p["weekly_minutes"] + (i * 7) % 60 - 30
        if i % 50 == 17:
            p.update(available_days=["mon", "wed"], hard_sessions=3, min_rest_days=5)
        if i % 100 == 42:
            p["weekly_minutes"] = 10
        out.append(json.dumps(p, default=str))
    return out


def chunks(items, size):
    """`items` in consecutive batches of `size`."""
    return [items[i : i + size] for i in range(0, len(items), size)]
