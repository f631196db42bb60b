"""Shared fixtures: the command line to compare with, and the athletes the engines plan."""

import json
import os
import pathlib
import subprocess

import pytest

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[2]

# Engine workers import jobs.py as the driver does: they inherit this environment.
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE), os.environ.get("PYTHONPATH")]))
os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")

import jobs  # noqa: E402  (after PYTHONPATH, which the workers need)


class Cli:
    """The release binary that the dicts must equal (scripts/python-tests.sh builds it)."""

    def __init__(self, path):
        self.path = path

    def run(self, *args, cwd=None, env=None):
        return subprocess.run(
            [str(self.path), *map(str, args)],
            capture_output=True,
            text=True,
            cwd=cwd,
            env={**os.environ, **(env or {})},
        )

    def json(self, *args, **kw):
        """The JSON the command prints with --format json; fails on another exit."""
        done = self.run(*args, "--format", "json", **kw)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    def error(self, *args, **kw):
        """The exit code and the message of a command that fails."""
        done = self.run(*args, **kw)
        assert done.returncode != 0, done.stdout[:200]
        return done.returncode, done.stderr


@pytest.fixture(scope="session")
def cli():
    path = pathlib.Path(os.environ.get("WEEKWRIGHT_BIN", ROOT / "target" / "release" / "weekwright"))
    if not path.exists():
        pytest.fail(f"{path} is missing: build it with `cargo build --release` (scripts/python-tests.sh does)")
    return Cli(path)


@pytest.fixture(scope="session")
def examples():
    return jobs.example_profiles()


@pytest.fixture(scope="session")
def athletes():
    return jobs.athletes(200)


@pytest.fixture(scope="session")
def direct(athletes):
    """The athletes' results from direct calls, in order: what every engine must give."""
    return jobs.plan_batch(athletes)
