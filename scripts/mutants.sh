#!/usr/bin/env bash
# Mutation testing of the model, the search and the block planner (issue 11): each mutant is
# a small change to a rule (a `<` made `<=`, a `+` made `-`, a function returning a default);
# the test suite should fail on it. Not part of CI: the whole of src/model, src/search and
# src/block is about 2,030 mutants. On two cores, with two jobs and nextest stopping at the
# first failing test, an idle machine tests about 10 a minute (measured: 105 in 10 minutes
# over src/search and src/block), 3 to 5 a minute while other builds run: a full run is
# several hours, spread over sessions with --iterate.
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
# Each mutant runs the unit tests and the integration tests under cargo-nextest, which stops
# at the first failure (its `mutants` profile in .config/nextest.toml runs the tests most
# likely to fail first), without the doc tests and two tests that exercise neither the model
# nor the search (10,000 history files; a thousand random profiles through batch). Each job
# works in its own copy of the tree, its target directory copied from this one's.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! cargo mutants --version >/dev/null 2>&1; then
    cargo install --locked cargo-mutants
fi
if ! cargo nextest --version >/dev/null 2>&1; then
    cargo install --locked cargo-nextest
fi
if [[ " $* " == *" --list "* ]]; then
    exec cargo mutants "$@"
fi
exec cargo mutants --jobs "${MUTANTS_JOBS:-2}" --copy-target=true --test-tool nextest --iterate "$@" -- \
    --profile mutants --lib --test integration \
    -E 'not (test(a_folder_of_10000_small_logs) | test(a_thousand_random_profiles))'
