#!/usr/bin/env bash
# Accuracy of the Indonesian stemmer (src/stem.h) on two word lists:
#  - bench/stem_words.tsv: words from corpus/ with the root a careful reader
#    gives, checked by hand;
#  - derived forms that hunspell-id's own affix rules build for a fixed sample
#    of 500 roots (bench/gen_derived.py --roots 500 --seed 1).
# Each list is run with the project lists (stopwords/roots-extra-id.txt and
# stem-exceptions-id.txt) and without them (rules and dictionary alone).
# Builds bench/stem_eval.c against the libjkcore.a of an existing build.
#
# usage: bench/stem_accuracy.sh [BUILD_DIR]   (default: $BUILD, else build)
# The build must be configured and built first, e.g.
#   cmake -S . -B build && cmake --build build
# DICTIONARY=/path/id_ID.dic overrides /usr/share/hunspell/id_ID.dic.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-${BUILD:-$root/build}}
dic=${DICTIONARY:-/usr/share/hunspell/id_ID.dic}
lib=$build/libjkcore.a
if [[ ! -f $lib ]]; then
    echo "stem_accuracy: no $lib; build the project first (cmake --build $build)" >&2
    exit 2
fi
if [[ ! -f $dic ]]; then
    echo "stem_accuracy: no $dic; install hunspell-id (apt-get install hunspell-id)" >&2
    exit 2
fi

flags=()
# A sanitizer build's library needs the sanitizer runtime at link time.
if grep -q '^JK_SANITIZE:BOOL=ON' "$build/CMakeCache.txt" 2>/dev/null; then
    flags+=(-fsanitize=address,undefined)
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# shellcheck disable=SC2046
cc -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -O1 "${flags[@]}" -I"$root/src" \
    "$root/bench/stem_eval.c" "$lib" \
    $(pkg-config --cflags --libs libpcre2-8 libutf8proc igraph libxml-2.0 cairo) -lm \
    -o "$out/stem_eval"
python3 "$root/bench/gen_derived.py" --dic "$dic" --aff "${dic%.dic}.aff" \
    --roots 500 --seed 1 >"$out/derived.tsv"

echo "# $(date -u +%Y-%m-%d) $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "## with the project lists"
"$out/stem_eval" "$dic" "$root/stopwords" "$root/bench/stem_words.tsv" "$out/derived.tsv"
echo "## rules and dictionary alone"
"$out/stem_eval" "$dic" - "$root/bench/stem_words.tsv"
"$out/stem_eval" "$dic" - "$out/derived.tsv" | sed -e 1d -e '/^  errors/,$d'
