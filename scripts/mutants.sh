#!/usr/bin/env bash
# Mutation testing of the model, the search and the block planner (issue 11): each mutant is
# a small change to a rule (a `<` made `<=`, a `+` made `-`, a function returning a default);
# the test suite should fail on it. Not part of CI: the whole of src/model, src/search and
# src/block is 1,986 mutants. On two cores, with two jobs and nextest stopping at the first
# failing test, an idle machine tests 6 to 10 a minute (measured: 105 in 10 minutes over
# src/search and src/block; about 8 a minute over src/model/kernel), 2 to 4 a minute while
# other builds run: a full run is several hours, spread over sessions with --iterate.
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
# The survivors already examined are skipped too: scripts/mutants-examined.txt lists each by
# its name, killed by a test written since or explained (an equivalent mutant, or a rule whose
# mutant differs only when a value falls exactly on its threshold) in the notes of issue 11.
# A name whose line has since moved no longer matches, so that mutant is run again.
# MUTANTS_ALL=1 runs the listed ones as well.
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
examined=()
if [[ -z "${MUTANTS_ALL:-}" ]]; then
    while IFS= read -r name; do
        [[ -z "$name" || "$name" == \#* ]] && continue
        # The name as a regular expression matching itself alone.
        examined+=(--exclude-re "^$(printf '%s' "$name" | sed 's/[][\\.+*?(){}|^$]/\\&/g')\$")
    done < scripts/mutants-examined.txt
fi
exec cargo mutants --jobs "${MUTANTS_JOBS:-2}" --copy-target=true --test-tool nextest --iterate "${examined[@]}" "$@" -- \
    --profile mutants --lib --test integration \
    -E 'not (test(a_folder_of_10000_small_logs) | test(a_thousand_random_profiles))'
