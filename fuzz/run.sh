#!/bin/sh
# Runs one libFuzzer target for a bounded time, one process, one job:
#   fuzz/run.sh BUILD_DIR TARGET SECONDS
# The working corpus lives in BUILD_DIR/fuzz-corpus/TARGET (not committed),
# seeded from fuzz/seeds/TARGET; crashing inputs go to BUILD_DIR/fuzz-crashes/TARGET;
# the log is BUILD_DIR/fuzz-logs/TARGET.log. Exits non-zero on a finding.
set -eu
build=$1 target=$2 seconds=$3
here=$(cd "$(dirname "$0")" && pwd)
corpus=$build/fuzz-corpus/$target
crashes=$build/fuzz-crashes/$target
log=${FUZZ_LOGS:-$build/fuzz-logs}/$target.log
mkdir -p "$corpus" "$crashes" "$(dirname "$log")"
set -- -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$crashes/"
if [ -f "$here/dict/$target.dict" ]; then
    set -- "$@" -dict="$here/dict/$target.dict"
fi
seeds=
if [ -d "$here/seeds/$target" ]; then
    seeds=$here/seeds/$target
fi
echo "fuzz_$target: $seconds s, log in $log"
status=0
"$build/fuzz_$target" "$@" "$corpus" $seeds >"$log" 2>&1 || status=$?
grep -E '^Done [0-9]+ runs|^#[0-9]+.*DONE' "$log" | tail -n 2 || true
if [ "$status" != 0 ]; then
    echo "fuzz_$target: finding (exit $status), see $log and $crashes" >&2
    tail -n 30 "$log" >&2
fi
exit "$status"
