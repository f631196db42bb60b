#!/usr/bin/env bash
# Mutation testing of the model, the search and the block planner (issue 11): each mutant is
# a small change to a rule (a `<` made `<=`, a `+` made `-`, a function returning a default);
# the test suite should fail on it. Not part of CI: the whole of src/model, src/search and
# src/block is about 1,950 mutants, and on two cores each takes about a minute to build and
# test, so a full run is many hours.
#
#   scripts/mutants.sh                          # every mutant, going on where the last run stopped
#   scripts/mutants.sh -e 'src/block/**' -e 'src/search/**'   # src/model only
#   scripts/mutants.sh -f src/block/weeks.rs    # one file
#   scripts/mutants.sh --list | wc -l           # how many
#
# Results go to mutants.out/ (caught.txt, missed.txt, timeout.txt, unviable.txt). With
# --iterate, the mutants caught by an earlier run in mutants.out/ are skipped, so a run
# stopped at the end of a session goes on where it stopped.
#
# Each mutant runs the unit tests (first: most mutants fail there within a second) and the
# integration tests, without the doc tests and two tests that exercise neither the model
# nor the search (10,000 history files; a thousand random profiles through batch).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! cargo mutants --version >/dev/null 2>&1; then
    cargo install --locked cargo-mutants
fi
if [[ " $* " == *" --list "* ]]; then
    exec cargo mutants "$@"
fi
exec cargo mutants --jobs "${MUTANTS_JOBS:-1}" --iterate "$@" -- --lib --test integration -- \
    --skip a_folder_of_10000_small_logs --skip a_thousand_random_profiles
