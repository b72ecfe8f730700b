#!/usr/bin/env bash
# Word and OpenDocument documents against the same text: the generated corpus of N documents
# as .txt files, as .docx, .odt and Word 97-2003 .doc files (tests/office_files.py: each line a
# paragraph, its second half in a formatted run of its own in a .docx, as Word splits text;
# deflated as Word and LibreOffice store it; in a .doc each line two pieces, Windows-1252 and
# UTF-16; in an .rtf each line a paragraph with an italic group). Maps each with the benchmark's settings and
# prints per format: median wall time, peak memory, the reading stage's seconds (--timings),
# and whether terms.csv and links.csv are byte for byte the .txt map's.
#
# usage: bench/office.sh [N] [RUNS]      e.g. bench/office.sh 20000 3
# env:   SHARED (default ../shared), BUILD (default build), WORK (default /tmp/jk-bench)
# needs: /usr/bin/time, python3 (standard library only)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}
RUNS=${2:-3}
# shellcheck source=bench/common.sh
source bench/common.sh

src=$(corpus_dir "$N")
for kind in docx odt doc rtf; do
    dir="$WORK/office-$N-$kind"
    [ -d "$dir" ] && continue
    $PY tests/office_files.py "$kind" "$src" "$dir.tmp"
    mv "$dir.tmp" "$dir"
done

settings=(-q --min-occurrences 5 --max-terms 1000 --keep 100 --no-nested --max-doc-share 1
    --layout none --formats graphml,csv --timings)
printf '| format | files MB | wall s (median of %s) | peak MB | reading s | same map as .txt |\n' "$RUNS"
printf '|---|---|---|---|---|---|\n'
for kind in txt docx odt doc rtf; do
    dir=$([ "$kind" = txt ] && echo "$src" || echo "$WORK/office-$N-$kind")
    mb=$(du -sm --apparent-size "$dir" | cut -f1)
    : >"$WORK/office.times"
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %M" -o "$WORK/office.one" "$JK" map "$dir" -o "$WORK/office-out-$kind" \
            "${settings[@]}" 2>"$WORK/office.err"
        read -r wall peak <"$WORK/office.one"
        reading=$(sed -n 's/.*timings: reading \([0-9.]*\) s.*/\1/p' "$WORK/office.err")
        echo "$wall $peak $reading" >>"$WORK/office.times"
    done
    same=yes
    if [ "$kind" != txt ]; then
        for f in terms.csv links.csv; do
            cmp -s "$WORK/office-out-txt/$f" "$WORK/office-out-$kind/$f" || same=no
        done
    fi
    printf '| %s | %s | %s | %s | %s | %s |\n' "$kind" "$mb" \
        "$(cut -d' ' -f1 "$WORK/office.times" | median)" \
        "$(cut -d' ' -f2 "$WORK/office.times" | median | awk '{printf "%.0f", $1/1024}')" \
        "$(cut -d' ' -f3 "$WORK/office.times" | median)" "$same"
done
