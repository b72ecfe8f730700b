#!/usr/bin/env bash
# A long document counted by sentence: time, peak memory and the selection stage (where
# the co-occurrences are counted) of a map of one document of N MB of sentences beside 300
# short ones, at --unit sentence --counting full --min-occurrences 2, one clustering start
# and no layout (tens of thousands of terms). Prints a Markdown table.
#
# With MODE=words the document is one line of words drawn from the bundled tesis (its
# punctuation kept), alone, mapped with the default relevance cut: the case where a
# document's table of pairs once piled up in the map's (over 20 minutes at 100 MB).
#
# usage: bench/long_sentences.sh [SIZES_MB] [RUNS]      e.g. bench/long_sentences.sh "16 100" 1
# env:   BUILD (default build), WORK (default /tmp/jk-bench), MODE (sentences or words)
# needs: /usr/bin/time, python3 (standard library only)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${1:-"16"}
RUNS=${2:-1}
MODE=${MODE:-sentences}
# shellcheck source=bench/common.sh
source bench/common.sh

if [ "$MODE" = words ]; then
    printf '\nOne document of N MB of words, alone, --unit sentence, median of %s:\n\n' "$RUNS"
    keep=()
else
    printf '\nOne document of N MB of sentences and 300 short ones, --unit sentence, median of %s:\n\n' \
        "$RUNS"
    keep=(--keep 100)
fi
printf '| document MB | terms | links | selection s | wall s | peak MB |\n|---|---|---|---|---|---|\n'
for mb in $SIZES; do
    dir="$WORK/$MODE-$mb"
    [ -d "$dir" ] || $PY bench/gen_sentences.py corpus "$dir" "$mb" "$([ "$MODE" = words ] && echo words || echo 300)"
    out="$WORK/sentences-$mb-out"
    : >"$WORK/sentences.times"
    : >"$WORK/sentences.select"
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %M" -o "$WORK/sentences.one" "$JK" map "$dir" -o "$out" -q \
            --unit sentence --counting full --min-occurrences 2 "${keep[@]}" --starts 1 \
            --layout none --formats csv --timings 2>"$WORK/sentences.err"
        cat "$WORK/sentences.one" >>"$WORK/sentences.times"
        grep -m1 'timings:' "$WORK/sentences.err" | sed 's/.*selection \([0-9.]*\) s.*/\1/' \
            >>"$WORK/sentences.select"
    done
    wall=$(cut -d' ' -f1 "$WORK/sentences.times" | median)
    peak=$(cut -d' ' -f2 "$WORK/sentences.times" | median | awk '{printf "%.0f", $1/1024}')
    select=$(median <"$WORK/sentences.select")
    terms=$(($(wc -l <"$out/terms.csv") - 1))
    links=$(($(wc -l <"$out/links.csv") - 1))
    printf '| %s | %s | %s | %s | %s | %s |\n' "$mb" "$terms" "$links" "$select" "$wall" "$peak"
done
