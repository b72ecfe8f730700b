#!/usr/bin/env bash
# Chapters beside whole theses: a folder of THESES "theses" (each 50 generated documents one
# after another, about 7,600 words) and, for each, a "chapter" file holding its first 15
# documents (about 2,200 words). Maps it with the defaults (chapters found inside their thesis
# and skipped) and with --keep-copies (every file counted, no sampling), and prints per run:
# wall time, peak memory, the reading stage's seconds, and how many files report.md marks as
# lying inside another (and how many of those are not chapters: false finds). Then times the
# search alone (bench/contain_find.c, built against BUILD's libjkcore.a) on the samples of
# 2,000 and 20,000 long files.
#
# usage: bench/contain.sh [THESES] [RUNS]      e.g. bench/contain.sh 400 3
# env:   SHARED (default ../shared), BUILD (default build), WORK (default /tmp/jk-bench)
# needs: /usr/bin/time, python3 (standard library only)
set -euo pipefail
cd "$(dirname "$0")/.."
THESES=${1:-400}
RUNS=${2:-3}
SIZES=20000
# shellcheck source=bench/common.sh
source bench/common.sh

src=$(corpus_dir 20000)
dir="$WORK/theses-$THESES"
if [ ! -d "$dir" ]; then
    $PY - "$src" "$dir.tmp" "$THESES" <<'PYEOF'
import os, sys
src, out, theses = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(out)
names = sorted(n for n in os.listdir(src) if n.endswith(".txt"))
if len(names) < 50 * theses:
    sys.exit(f"{src} has {len(names)} documents; {50 * theses} are needed")
for t in range(theses):
    parts = []
    for n in names[50 * t : 50 * t + 50]:
        with open(os.path.join(src, n), encoding="utf-8") as f:
            parts.append(f.read())
    with open(os.path.join(out, f"skripsi-{t:04d}.txt"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(parts))
    with open(os.path.join(out, f"skripsi-{t:04d}-bab.txt"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(parts[:15]))
PYEOF
    mv "$dir.tmp" "$dir"
fi
mb=$(du -sm --apparent-size "$dir" | cut -f1)
printf '| files | MB | run | wall s | peak MB | reading s | files inside another | of them not chapters |\n'
printf '|---|---|---|---|---|---|---|---|\n'
for _ in $(seq "$RUNS"); do
    for mode in default keep; do
        extra=()
        [ "$mode" = keep ] && extra=(--keep-copies)
        out="$WORK/theses-out-$mode"
        /usr/bin/time -f "%e %M" -o "$WORK/contain.time" "$JK" map "$dir" -o "$out" -q --layout none \
            --formats csv --timings "${extra[@]}" 2>"$WORK/contain.err" >/dev/null
        read -r wall peak <"$WORK/contain.time"
        reading=$(sed -n 's/.*timings: reading \([0-9.]*\) s.*/\1/p' "$WORK/contain.err")
        inside=$(grep -c "skipped: its text lies inside" "$out/report.md" || true)
        wrong=$(grep "skipped: its text lies inside" "$out/report.md" | grep -vc -- "-bab.txt |" || true)
        printf '| %s | %s | %s | %s | %.0f | %s | %s | %s |\n' "$((2 * THESES))" "$mb" "$mode" "$wall" \
            "$(echo "$peak / 1024" | bc -l)" "$reading" "$inside" "$wrong"
    done
done

printf '\n| long files | samples | found inside another | search s |\n|---|---|---|---|\n'
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
# shellcheck disable=SC2046
gcc -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -O2 -Isrc bench/contain_find.c "$BUILD/libjkcore.a" \
    $(pkg-config --cflags --libs libpcre2-8 libutf8proc igraph) -lm -o "$bin/contain_find"
for files in 2000 20000; do
    "$bin/contain_find" "$files"
done
