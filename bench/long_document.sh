#!/usr/bin/env bash
# Long single documents: time and peak memory of a map whose input holds one
# document of N MB on one line (the hostile-corpus case of tests/e2e_hostile.sh),
# beside two of the bundled documents. Prints a Markdown table.
#
# usage: bench/long_document.sh [SIZES_MB] [RUNS]      e.g. bench/long_document.sh "10 100" 3
# env:   BUILD (default build), WORK (default /tmp/jk-bench)
# needs: /usr/bin/time, python3 (standard library only)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${1:-"10 100"}
RUNS=${2:-3}
# shellcheck source=bench/common.sh
source bench/common.sh

printf '\nOne document of N MB on one line, %s threads, median of %s:\n\n' "$(nproc)" "$RUNS"
printf '| line MB | wall s | peak MB | peak / line |\n|---|---|---|---|\n'
for mb in $SIZES; do
    dir="$WORK/long-$mb"
    if [ ! -d "$dir" ]; then
        mkdir -p "$dir.tmp"
        $PY tests/long_line.py "$dir.tmp/one-line.txt" "$mb" # the line of tests/e2e_hostile.sh
        cp corpus/azqiya-ntb-kujawsko-pomorskie.md corpus/aesthetica-jakarta-beijing.md "$dir.tmp/"
        mv "$dir.tmp" "$dir"
    fi
    : >"$WORK/long.times"
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %M" -o "$WORK/long.one" "$JK" map "$dir" -o "$WORK/long-$mb-out" -q \
            2>/dev/null
        cat "$WORK/long.one" >>"$WORK/long.times"
    done
    wall=$(cut -d' ' -f1 "$WORK/long.times" | median)
    peak=$(cut -d' ' -f2 "$WORK/long.times" | median | awk '{printf "%.0f", $1/1024}')
    printf '| %s | %s | %s | %.1f |\n' "$mb" "$wall" "$peak" "$(echo "$peak / $mb" | bc -l)"
done
