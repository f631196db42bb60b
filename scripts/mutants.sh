#!/usr/bin/env bash
# Mutation testing of the model, the search and the block planner (issue 11): each mutant is
# a small change to a rule (a `<` made `<=`, a `+` made `-`, a function returning a default);
# the test suite should fail on it. Not part of CI: a full run takes hours on two cores.
#
#   scripts/mutants.sh                 # every mutant of src/model, src/search, src/block
#   scripts/mutants.sh --shard 1/8     # one eighth of them (a sample)
#   scripts/mutants.sh -f src/block/weeks.rs
#
# Results go to mutants.out/ (caught.txt, missed.txt, timeout.txt, unviable.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! cargo mutants --version >/dev/null 2>&1; then
    cargo install --locked cargo-mutants
fi
exec cargo mutants --jobs "${MUTANTS_JOBS:-1}" "$@"
