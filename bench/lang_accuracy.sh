#!/usr/bin/env bash
# Accuracy of sentence language tagging on tests/data/lang/labelled.tsv.
# Builds bench/lang_eval.c against the libjkcore.a of an existing build and
# runs it with the project's stopword lists.
#
# usage: bench/lang_accuracy.sh [BUILD_DIR]   (default: build)
# The build must be configured and built first, e.g.
#   cmake -S . -B build && cmake --build build
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
lib=$build/libjkcore.a
if [[ ! -f $lib ]]; then
    echo "lang_accuracy: no $lib; build the project first (cmake --build $build)" >&2
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
    "$root/bench/lang_eval.c" "$lib" \
    $(pkg-config --cflags --libs libpcre2-8 libutf8proc igraph libxml-2.0 cairo) -lm \
    -o "$out/lang_eval"

echo "# $(date -u +%Y-%m-%d) $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
"$out/lang_eval" "$root/tests/data/lang/labelled.tsv" "$root/stopwords/id.txt" \
    "$root/stopwords/en.txt"
