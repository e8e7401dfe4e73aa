#!/usr/bin/env bash
# Runs every libFuzzer target built in BUILD_DIR (fuzz_*) for SECONDS each, seeded from
# fuzz/corpus/<name without fuzz_>/. New inputs go to a scratch directory so the committed
# corpus stays small; a crash leaves its input in fuzz/crashes/ and makes the script fail.
# usage: fuzz/run.sh BUILD_DIR SECONDS
set -u
build=${1:?usage: fuzz/run.sh BUILD_DIR SECONDS}
seconds=${2:-30}
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$here/crashes"
failed=0
ran=0
for bin in "$build"/fuzz_*; do
    [ -x "$bin" ] && [ -f "$bin" ] || continue
    name=$(basename "$bin")
    seeds="$here/corpus/${name#fuzz_}"
    mkdir -p "$scratch/$name"
    [ -d "$seeds" ] || seeds=""
    echo "== $name: ${seconds}s"
    if ! "$bin" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
        -artifact_prefix="$here/crashes/$name-" -print_final_stats=1 \
        "$scratch/$name" $seeds >"$scratch/$name.log" 2>&1; then
        echo "FAIL: $name crashed; see fuzz/crashes/ and the log below" >&2
        tail -40 "$scratch/$name.log" >&2
        failed=$((failed + 1))
    else
        grep -E '^stat::number_of_executed_units' "$scratch/$name.log" || true
    fi
    ran=$((ran + 1))
done
if [ "$ran" -eq 0 ]; then
    echo "no fuzz_* binaries in $build (run make fuzz first)" >&2
    exit 1
fi
echo "fuzz: $((ran - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
