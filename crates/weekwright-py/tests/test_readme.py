"""The README's Python examples run as written, and the Spark one prints what the README
says it prints."""

import os
import re
import subprocess
import sys

import pytest
from conftest import ROOT


def example(name):
    """The README's code block after `<!-- the NAME example -->`."""
    text = (ROOT / "README.md").read_text()
    found = re.search(rf"<!-- the {name} example -->\n```python\n(.*?)```\n", text, re.S)
    assert found, f"README.md has no code block after <!-- the {name} example -->"
    return found.group(1)


def test_the_readmes_usage_example_runs_as_written():
    # Its race is in March 2027: today is pinned before it.
    env = {**os.environ, "WEEKWRIGHT_TODAY": "2026-11-25"}
    done = subprocess.run([sys.executable, "-c", example("usage")], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr


def test_the_readmes_spark_example_runs_as_written(tmp_path):
    pytest.importorskip("pyspark")  # skipped only where the engine is not installed
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable, "PYSPARK_DRIVER_PYTHON": sys.executable}
    done = subprocess.run(
        [sys.executable, "-c", example("Spark")], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    # show() prints tables: the first athletes with their best week, then two with none.
    assert re.search(r"^\|0 +\|\d+\.\d+ *\|([a-z_]+,){6}[a-z_]+ *\|NULL *\|$", done.stdout, re.M), done.stdout
    assert re.search(r"^\|7 +\|no week fits profile 'athlete 7': its constraints collide *\|$", done.stdout, re.M), done.stdout
