#!/usr/bin/env bash
# The Python package's tests (crates/weekwright-py/tests), as .ci/run runs them after the Rust
# suite: a venv with the pinned requirements, the release binary the dicts are compared with,
# the wheel built by maturin and installed, then pytest (its summary line is what CI reads).
#
#   scripts/python-tests.sh [PYTEST ARGS...]     e.g. -k spark, or -x
#
# The venv is target/python-venv (WEEKWRIGHT_VENV to put it elsewhere), kept while
# requirements-test.txt is unchanged and made anew when it changes. Java for PySpark comes
# from Debian when it is missing. Each step's time goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
venv=${WEEKWRIGHT_VENV:-$root/target/python-venv}
requirements=crates/weekwright-py/requirements-test.txt
python=${PYTHON:-python3}

step_started=$SECONDS
step() {
    echo "python-tests: $1 ($((SECONDS - step_started)) s)" >&2
    step_started=$SECONDS
}

if ! command -v java >/dev/null; then
    apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null
    step "installed OpenJDK 17 for PySpark"
fi

if ! cmp -s "$requirements" "$venv/requirements-test.txt"; then
    rm -rf "$venv"
    "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
    cp "$requirements" "$venv/requirements-test.txt"
    step "made the venv $venv"
fi

cargo build --release --locked --quiet --bin weekwright
step "built target/release/weekwright"

wheels=$root/target/wheels
rm -rf "$wheels"
"$venv/bin/maturin" build --release --locked --quiet --manifest-path crates/weekwright-py/Cargo.toml --out "$wheels"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheels"/weekwright-*.whl
step "built and installed $(basename "$wheels"/weekwright-*.whl)"

export WEEKWRIGHT_BIN=$root/target/release/weekwright
export SPARK_LOCAL_IP=127.0.0.1
export PYSPARK_PYTHON=$venv/bin/python PYSPARK_DRIVER_PYTHON=$venv/bin/python
export RAY_USAGE_STATS_ENABLED=0
# pytest's summary is the last line (CI reads it); -p no:cacheprovider leaves no cache folder
# in the source tree.
exec "$venv/bin/python" -m pytest -p no:cacheprovider --durations=5 crates/weekwright-py/tests "$@"
