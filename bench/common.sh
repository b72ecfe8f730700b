# Shared by bench/run.sh and bench/scale.sh (sourced from the project root, after SIZES and
# RUNS are set): where things are, the built program, and the median of numbers on stdin.
SHARED=${SHARED:-../shared}
BUILD=${BUILD:-build}
WORK=${WORK:-/tmp/jk-bench}
PY=/usr/bin/python3
JK="$PWD/$BUILD/jaringkata"
[ -x "$JK" ] || { echo "build first: make build" >&2; exit 1; }
mkdir -p "$WORK"

# median of numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
