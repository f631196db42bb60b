#!/usr/bin/env bash
# Writes the output of every command on every example profile into DIR, one file a run
# (stdout, stderr and exit code), so that a refactor can be checked byte for byte:
#   scripts/golden.sh /tmp/before && (change) && scripts/golden.sh /tmp/after && diff -r /tmp/before /tmp/after
# bench's timings vary from run to run, so only its deterministic keys are kept.
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/golden.sh DIR}
mkdir -p "$out"
bin=${WEEKWRIGHT:-target/release/weekwright}
# Blocks to a race in 2027 must stay in the future whatever the real date.
export WEEKWRIGHT_TODAY=2026-11-30
run() {
    local name=$1
    shift
    "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err"
    echo "exit $?" >>"$out/$name.err"
}
profiles=(builtin profiles/*.yaml)
for p in "${profiles[@]}"; do
    base=$(basename "$p" .yaml)
    flag=()
    [[ $p == builtin ]] || flag=(--profile "$p")
    for f in yaml json table; do
        run "generate-$base.$f" generate "${flag[@]}" --format "$f" --top 5
        run "block-$base.$f" block "${flag[@]}" --format "$f" --start 2027-01-04 --race 2027-04-11 --seed 3
        run "score-$base.$f" score "${flag[@]/#--profile/--profile}" --week easy,intervals,easy,rest,tempo,easy,long --format "$f"
        run "score2-$base.$f" score "${flag[@]}" --week moderate,intervals,tempo,easy,moderate,rest,long --format "$f"
    done
    run "generate-$base.ics" generate "${flag[@]}" --format ics --start 2027-01-04
    run "block-$base.ics" block "${flag[@]}" --format ics --start 2027-01-04 --weeks 8
    run "block-$base.svg" block "${flag[@]}" --format svg --start 2027-01-04 --race 2027-04-11
    run "block-$base-v" -v block "${flag[@]}" --start 2027-01-04 --weeks 6
    run "generate-$base-v" -v generate "${flag[@]}"
done
for l in beginner intermediate advanced; do
    for g in 5k 10k half marathon general; do
        run "score-$l-$g" score --level "$l" --goal "$g" --week rest,recovery,easy:50,strides,hills,moderate,long_fast --format json
    done
done
for f in yaml json table; do
    run "catalog.$f" catalog --format "$f"
    "$bin" bench --threads 1 --sessions rest,easy,tempo,long,intervals --format json 2>/dev/null |
        grep -v -e seconds -e ns_per_week -e weeks_per_second >"$out/bench.$f"
done
for f in "$out"/*-v.err; do sed -E -i "s/in [0-9.]+ m?s/in T/g" "$f"; done
run schema schema
run man man
run completions-bash completions bash
run help --help
for c in generate score block bench catalog schema completions man; do run "help-$c" "$c" --help; done
# A few failures: the message and the exit code are part of the contract.
run bad-week score --week easy,intervals
run bad-profile generate --profile Cargo.toml
run impossible generate --profile /dev/stdin </dev/null
