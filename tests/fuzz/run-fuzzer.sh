#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time over its seed corpus:
#   tests/fuzz/run-fuzzer.sh BUILD_DIR NAME SECONDS
# New inputs it finds go to a temporary directory (the committed corpus stays as it is); a
# crash leaves its input in BUILD_DIR/crashes/ and fails the test.
set -uo pipefail
build=$1 name=$2 seconds=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$build/crashes"
"$build/fuzz_$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix="$build/crashes/$name-" -print_final_stats=1 \
  "$work" "$root/tests/fuzz/corpus/$name" > "$work/log" 2>&1
status=$?
grep -E "stat::number_of_executed_units|ERROR|SUMMARY|Test unit written|INFO: seed corpus" "$work/log"
[ $status -eq 0 ] || tail -40 "$work/log"
exit $status
