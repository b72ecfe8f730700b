#!/usr/bin/env bash
# VOS layout speed and objective on random clustered maps of 100, 1,000 and
# 5,000 terms (see bench/layout_bench.c). Builds the benchmark against the
# libjkcore.a of an existing optimised build and prints a Markdown table.
#
# usage: bench/layout_bench.sh [BUILD_DIR]   (default: build)
# The build must be configured and built first, without sanitizers, e.g.
#   cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo && cmake --build build
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
lib=$build/libjkcore.a
if [[ ! -f $lib ]]; then
    echo "layout_bench: no $lib; build the project first (cmake --build $build)" >&2
    exit 2
fi
if grep -q '^JK_SANITIZE:BOOL=ON' "$build/CMakeCache.txt" 2>/dev/null; then
    echo "layout_bench: $build is a sanitizer build; timings would mean nothing" >&2
    exit 2
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# shellcheck disable=SC2046
gcc -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -O2 -I"$root/src" \
    "$root/bench/layout_bench.c" "$lib" \
    $(pkg-config --cflags --libs libpcre2-8 libutf8proc igraph libxml-2.0 cairo) -lm \
    -o "$out/layout_bench"

echo "# $(date -u +%Y-%m-%d) $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')," \
    "$(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
    "build type $(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build/CMakeCache.txt")," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$out/layout_bench"
