#!/usr/bin/env bash
# Scale benchmark: whole-map time and peak memory as the corpus grows
# (20,000 / 50,000 / 200,000 generated documents, and the 200,000 again as one
# VOSviewer corpus file, one document a line), the throughput of the reading,
# cleaning, tokenizing and candidate stages next to `wc -w` on the same files,
# and two big maps (5,000 terms; every candidate of 5 occurrences or more that relevance
# keeps, about 25,000 terms). Prints Markdown tables.
#
# usage: bench/scale.sh [SIZES] [RUNS]      e.g. bench/scale.sh "20000 50000 200000" 1
# env:   SHARED (default ../shared), BUILD (default build), WORK (default /tmp/jk-bench),
#        COLD=1 adds a run over the largest folder right after dropping the page cache
#        (a first run over files just copied or downloaded; needs root: it writes
#        /proc/sys/vm/drop_caches, which slows every program on the machine for a moment),
#        and the time `cat` takes to read the same files once after dropping it again
# needs: /usr/bin/time, python3 (corpus generator, standard library only)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${1:-"20000 50000 200000"}
RUNS=${2:-1}
# shellcheck source=bench/common.sh
source bench/common.sh

corpus_file() { # the same documents as one VOSviewer corpus file, one document a line
    local dir=$1 file="$1.vos.txt"
    if [ ! -f "$file" ]; then
        $PY - "$dir" "$file.tmp" <<'PYEOF'
import os, sys
names = sorted(n for n in os.listdir(sys.argv[1]) if n.endswith(".txt"))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for n in names:
        text = open(os.path.join(sys.argv[1], n), encoding="utf-8").read()
        out.write(" ".join(text.split()) + "\n")
PYEOF
        mv "$file.tmp" "$file"
    fi
    echo "$file"
}

# run NAME ARGS...: RUNS runs of jaringkata map; prints "wall_s peak_MB read_s count_s"
run() {
    local name=$1
    shift
    : >"$WORK/$name.times"
    for _ in $(seq "$RUNS"); do
        if [ "${DROP_CACHE:-0}" = 1 ]; then
            sync
            echo 3 >/proc/sys/vm/drop_caches
        fi
        /usr/bin/time -f "%e %M" -o "$WORK/$name.one" "$JK" map "$@" -o "$WORK/$name" -q --timings \
            2>"$WORK/$name.err" >/dev/null
        t=$(sed -n 's/.*timings: reading \([0-9.]*\) s, counting \([0-9.]*\) s.*/\1 \2/p' "$WORK/$name.err")
        echo "$(cat "$WORK/$name.one") $t" >>"$WORK/$name.times"
    done
    local wall mem rd ct
    wall=$(cut -d' ' -f1 "$WORK/$name.times" | median)
    mem=$(cut -d' ' -f2 "$WORK/$name.times" | median | awk '{printf "%.0f", $1/1024}')
    rd=$(cut -d' ' -f3 "$WORK/$name.times" | median)
    ct=$(cut -d' ' -f4 "$WORK/$name.times" | median)
    echo "$wall $mem $rd $ct"
}

# wall seconds of wc -w over the files (median of RUNS): two processes reading the files
# themselves, as jaringkata uses both cores (tables before 2026-11-23 piped them through one cat)
wc_seconds() {
    : >"$WORK/wc.times"
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e" -o "$WORK/wc.one" sh -c 'find "$1" -type f -print0 | xargs -0 -P 2 -n 500 wc -w' sh "$1" >/dev/null
        cat "$WORK/wc.one" >>"$WORK/wc.times"
    done
    median <"$WORK/wc.times"
}

threads=$(nproc)
printf '\nWhole map (1,000 terms, every output), %s threads, median of %s:\n\n' "$threads" "$RUNS"
printf '| input | MB | wall s | peak MB | reading + counting s | extraction MB/s | wc -w MB/s (two processes) |\n'
printf '|---|---|---|---|---|---|---|\n'
for n in $SIZES; do
    dir=$(corpus_dir "$n")
    mb=$(du -sm --apparent-size "$dir" | cut -f1)
    read -r wall mem rd ct < <(run "scale-$n" "$dir" --min-occurrences 5 --max-terms 1000)
    wcs=$(wc_seconds "$dir")
    printf '| %s documents (files) | %s | %s | %s | %.2f | %.0f | %.0f |\n' "$n" "$mb" "$wall" "$mem" \
        "$(echo "$rd + $ct" | bc -l)" "$(echo "$mb / ($rd + $ct)" | bc -l)" "$(echo "$mb / $wcs" | bc -l)"
done
last=${SIZES##* }
if [ "${COLD:-0}" = 1 ]; then
    dir=$(corpus_dir "$last")
    mb=$(du -sm --apparent-size "$dir" | cut -f1)
    read -r wall mem rd ct < <(DROP_CACHE=1 run "scale-$last-cold" "$dir" --min-occurrences 5 --max-terms 1000)
    printf '| %s documents (files, page cache dropped first) | %s | %s | %s | %.2f | %.0f | |\n' "$last" "$mb" \
        "$wall" "$mem" "$(echo "$rd + $ct" | bc -l)" "$(echo "$mb / ($rd + $ct)" | bc -l)"
    # the floor the file system sets: only reading every file once, in name order, also cold
    sync
    echo 3 >/proc/sys/vm/drop_caches
    /usr/bin/time -f "%e" -o "$WORK/cat.one" sh -c 'cd "$1" && find . -type f | sort | xargs cat >/dev/null' sh "$dir"
    printf '| `cat` of the same %s files, page cache dropped first (reading only) | %s | %s | | | | |\n' \
        "$last" "$mb" "$(cat "$WORK/cat.one")"
fi
file=$(corpus_file "$(corpus_dir "$last")")
mb=$(du -m --apparent-size "$file" | cut -f1)
read -r wall mem rd ct < <(run "scale-$last-vos" "$file" --format vosviewer --min-occurrences 5 --max-terms 1000)
wcs=$(wc_seconds "$file")
printf '| %s documents (one VOSviewer corpus file) | %s | %s | %s | %.2f | %.0f | %.0f |\n' "$last" "$mb" "$wall" "$mem" \
    "$(echo "$rd + $ct" | bc -l)" "$(echo "$mb / ($rd + $ct)" | bc -l)" "$(echo "$mb / $wcs" | bc -l)"

printf '\nBig maps with clustering and VOS layout (Barnes-Hut), %s documents, CSV output only\n' "${SIZES%% *}"
printf '(every format would add gigabytes of files for their millions of links): 5,000 terms, and\n'
printf 'every candidate of 5 occurrences or more, of which relevance keeps 60 %% (no --max-terms):\n\n'
dir=$(corpus_dir "${SIZES%% *}")
printf '| options | terms | links | wall s | peak MB | stages |\n|---|---|---|---|---|---|\n'
big_map() { # NAME OPTIONS...
    local name=$1
    shift
    read -r wall mem rd ct < <(run "$name" "$dir" --min-occurrences 5 "$@" --formats csv)
    printf '| `%s` | %s | %s | %s | %s | %s |\n' "${*:---min-occurrences 5}" "$(tail -n +2 "$WORK/$name/terms.csv" | wc -l)" \
        "$(tail -n +2 "$WORK/$name/links.csv" | wc -l)" "$wall" "$mem" \
        "$(sed -n 's/.*timings: //p' "$WORK/$name.err")"
}
big_map scale-5000-terms --max-terms 5000 --keep 100
big_map scale-all-terms
