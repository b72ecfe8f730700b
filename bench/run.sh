#!/usr/bin/env bash
# Side-by-side benchmark of jaringkata and the Python peer (../shared/bench/baseline.py:
# scikit-learn + igraph + leidenalg) on synthetic corpora with planted topics.
# Prints one table row per corpus size and tool: median wall time, peak memory,
# terms, edges, clusters, planted-topic NMI, and the peer/jaringkata ratios; then rows
# for `wc -w` over the same files, the time of one pass over the text and nothing else:
# piped through one `cat` (as earlier tables), and as two `wc -w` processes reading the
# files themselves (both cores, as jaringkata uses them; no pipe).
# The tools take turns: each round runs every one once, so a slow spell of the
# machine falls on all of them alike instead of on whichever ran then.
#
# usage: bench/run.sh [SIZES] [RUNS]      e.g. bench/run.sh "2000 20000" 3
# env:   SHARED (default ../shared), BUILD (default build), WORK (default /tmp/jk-bench)
# needs: Debian python3-sklearn python3-igraph python3-leidenalg python3-networkx, /usr/bin/time
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${1:-"2000 20000"}
RUNS=${2:-3}
# shellcheck source=bench/common.sh
source bench/common.sh

# one_run NAME CMD...: one timed run, its "seconds peak_KB" added to $WORK/NAME.times
one_run() {
    local name=$1
    shift
    /usr/bin/time -f "%e %M" -o "$WORK/$name.one" "$@" >/dev/null 2>"$WORK/$name.err"
    cat "$WORK/$name.one" >>"$WORK/$name.times"
}

# medians NAME: "median_seconds median_peak_MB" of NAME's runs
medians() {
    echo "$(cut -d' ' -f1 "$WORK/$1.times" | median) $(cut -d' ' -f2 "$WORK/$1.times" | median | awk '{printf "%.0f", $1/1024}')"
}

# terms.tsv in eval_planted's columns (id, label, occurrences, cluster) from jaringkata's terms.csv
jk_terms_tsv() {
    $PY - "$1/terms.csv" "$1/planted.tsv" <<'PYEOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write("id\tlabel\toccurrences\tcluster\n")
    for r in rows:
        f.write(f"{r['id']}\t{r['label']}\t{r['occurrences']}\t{r['cluster']}\n")
PYEOF
}

graph_size() { # nodes edges clusters of a GraphML file
    $PY -c "import networkx as nx, sys; g = nx.read_graphml(sys.argv[1]); \
print(g.number_of_nodes(), g.number_of_edges(), len({d['cluster'] for _, d in g.nodes(data=True)}))" "$1"
}

# ratio A B: A / B with two decimals, or "n/a" when B is 0 (a tiny corpus timed as 0.00 s)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "n/a" }'; }

nmi() { $PY "$SHARED/bench/eval_planted.py" "$1" "$2" "$3" | sed -n 's/.*NMI=\([0-9.]*\).*/\1/p'; }

printf '| docs | MB | tool | wall s (median of %s) | peak MB | terms | edges | clusters | NMI | peer/tool time | peer/tool memory |\n' "$RUNS"
printf '|---|---|---|---|---|---|---|---|---|---|---|\n'
for n in $SIZES; do
    corpus=$(corpus_dir "$n")
    mb=$(du -sm --apparent-size "$corpus" | cut -f1)
    same=(--keep 100 --no-nested --max-doc-share 1 --layout none --formats graphml,csv)
    for name in peer jk-same jk-full wc wc2; do : >"$WORK/$name-$n.times"; done
    for _ in $(seq "$RUNS"); do # one round: every tool once, in turn
        one_run "peer-$n" $PY "$SHARED/bench/baseline.py" "$corpus" "$WORK/peer-$n" --min-count 5 --max-terms 1000
        # "same": the peer's selection and outputs (no relevance cut, no layout); "full":
        # jaringkata's defaults (relevance, nested rule, VOS layout, every format)
        one_run "jk-same-$n" "$JK" map "$corpus" -o "$WORK/jk-same-$n" -q --min-occurrences 5 --max-terms 1000 "${same[@]}"
        one_run "jk-full-$n" "$JK" map "$corpus" -o "$WORK/jk-full-$n" -q --min-occurrences 5 --max-terms 1000
        # one pass of the simplest tokenizing over the same files, for scale (no map at all)
        one_run "wc-$n" sh -c 'find "$1" -type f -name "*.txt" -print0 | xargs -0 cat | wc -w' sh "$corpus"
        one_run "wc2-$n" sh -c 'find "$1" -type f -name "*.txt" -print0 | xargs -0 -P 2 -n 500 wc -w >/dev/null' sh "$corpus"
    done
    read -r pt pm < <(medians "peer-$n")
    read -r pn pe pk < <(graph_size "$WORK/peer-$n/network.graphml")
    pnmi=$(nmi "$corpus" "$corpus.truth.tsv" "$WORK/peer-$n/terms.tsv")
    printf '| %s | %s | peer (Python) | %s | %s | %s | %s | %s | %s | 1 | 1 |\n' "$n" "$mb" "$pt" "$pm" "$pn" "$pe" "$pk" "$pnmi"
    for mode in same full; do
        out="$WORK/jk-$mode-$n"
        read -r jt jm < <(medians "jk-$mode-$n")
        read -r jn je jkk < <(graph_size "$out/network.graphml")
        jk_terms_tsv "$out"
        jnmi=$(nmi "$corpus" "$corpus.truth.tsv" "$out/planted.tsv")
        printf '| %s | %s | jaringkata (%s) | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$mb" "$mode" "$jt" "$jm" "$jn" "$je" "$jkk" "$jnmi" \
            "$(ratio "$pt" "$jt")" "$(ratio "$pm" "$jm")"
    done
    read -r wt wm < <(medians "wc-$n")
    printf '| %s | %s | `wc -w` (reading and counting words only) | %s | %s | | | | | %s | |\n' "$n" "$mb" "$wt" "$wm" \
        "$(ratio "$pt" "$wt")"
    read -r wt wm < <(medians "wc2-$n")
    printf '| %s | %s | `wc -w`, two processes reading the files | %s | %s | | | | | %s | |\n' "$n" "$mb" "$wt" "$wm" \
        "$(ratio "$pt" "$wt")"
done
