# Shared by bench/run.sh and bench/scale.sh (sourced from the project root, after SIZES and
# RUNS are set): where things are, the built program, and the median of numbers on stdin.
SHARED=${SHARED:-../shared}
BUILD=${BUILD:-build}
WORK=${WORK:-/tmp/jk-bench}
PY=/usr/bin/python3
JK="$PWD/$BUILD/jaringkata"
[ -x "$JK" ] || { echo "build first: make build" >&2; exit 1; }
mkdir -p "$WORK"

# corpus_dir N: the folder of N generated documents (with its planted topics, N.truth.tsv
# beside it), generated the first time any script asks for it
corpus_dir() {
    local n=$1 dir="$WORK/corpus-$1"
    [ -d "$dir" ] || $PY "$SHARED/bench/gen_corpus.py" "$dir" "$n" --truth "$dir.truth.tsv" >/dev/null
    echo "$dir"
}

# median of numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
