#!/usr/bin/env bash
# End-to-end test of the web page (index.html) in Debian's headless Chromium:
# the page's script runs and draws every term, screenshots are not blank and
# show the cluster and year colours, and hostile labels and titles run no code.
# Pages come from test_export_html (built beside the executable; it writes
# demo, circle and hostile pages when JK_HTML_DUMP_DIR is set) and from
# `jaringkata map` once the map command writes index.html.
# usage: e2e_html.sh JARINGKATA SOURCE_DIR
set -euo pipefail
bin=$1 src=$2
browser=$(command -v chromium || true)
if [ -z "$browser" ]; then
    echo "SKIP: chromium not installed (make test installs it when run as root)"
    exit 0
fi
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
    echo "FAIL: $*"
    # Chromium's own complaints, without the harmless D-Bus noise of a container
    grep -v -e dbus -e 'unexpected operator' -e 'bytes written' "$tmp/chromium.log" 2>/dev/null | tail -n 20
    exit 1
}

# chrome URL ARGS...: one headless run with a fresh profile and no network chatter.
chrome() {
    local url=$1
    shift
    timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --disable-dev-shm-usage --user-data-dir="$(mktemp -d -p "$tmp")" \
        --virtual-time-budget=5000 "$@" "$url" 2>>"$tmp/chromium.log"
}
dom() { chrome "file://$1" --dump-dom >"$2" || fail "chromium could not load $1"; }
shot() {
    rm -f "$2"
    chrome "file://$1" --screenshot="$2" --window-size=1200,900 >/dev/null || true
    [ -s "$2" ] || fail "chromium wrote no screenshot of $1"
}
body_attr() { sed -n "s/.*<body[^>]*data-$1=\"\([0-9]*\)\".*/\1/p" "$2" | head -n 1; }
status_line() { sed -n 's/.*<div id="status"[^>]*>\([^<]*\)<.*/\1/p' "$1" | head -n 1; }
# palette.c's cluster colours, RRGGBB in lower case, cluster 1 first: the page
# must draw with exactly these (they reach it through the data block).
palette() { sed -n 's/^ *{0x\(..\), 0x\(..\), 0x\(..\)}.*/\1\2\3/p' "$src/src/palette.c" | tr A-F a-f; }
# colour_args N: --colour for each of clusters 1..N.
colour_args() { palette | head -n "$1" | sed 's/^/--colour /'; }
# check_swatches DOM N: the legend's swatch of each cluster 1..N shows its palette.c colour.
check_swatches() {
    local c=0 hex want
    for hex in $(palette | head -n "$2"); do
        c=$((c + 1))
        want=$(printf 'rgb(%d, %d, %d)' "0x${hex:0:2}" "0x${hex:2:2}" "0x${hex:4:2}")
        grep -q "id=\"cluster-$c\"><span class=\"swatch\" style=\"background: $want;\"" "$1" ||
            fail "the swatch of cluster $c is not palette.c's $want"
    done
}
# Term rows of the page's data block (each starts a line with '["').
term_rows() { grep -c '^\["' "$1" || true; }
link_rows() { grep -c '^\[[0-9]' "$1" || true; }

# check_drawn PAGE DOM TERMS: the script ran and drew TERMS terms and the strongest links.
check_drawn() {
    local nodes links want_links
    nodes=$(body_attr drawn-nodes "$2")
    links=$(body_attr drawn-links "$2")
    [ -n "$nodes" ] || fail "$1: no data-drawn-nodes: the page's script did not run"
    [ "$nodes" = "$3" ] || fail "$1: drew $nodes terms, want $3"
    want_links=$(link_rows "$1")
    [ "$want_links" -gt 1000 ] && want_links=1000
    [ "$links" = "$want_links" ] || fail "$1: drew $links links, want $want_links"
    status_line "$2" | grep -q "^$3 terms, $links links, [0-9]* clusters$" ||
        fail "$1: status line is '$(status_line "$2")'"
}

# 1. Pages written by the unit test binary.
pages=$tmp/pages
mkdir -p "$pages"
tester=$(dirname "$bin")/test_export_html
[ -x "$tester" ] || fail "$tester is missing: build every target before running the tests"
JK_HTML_DUMP_DIR=$pages "$tester" >"$tmp/tester.log" 2>&1 || { cat "$tmp/tester.log"; fail "test_export_html failed"; }

dom "$pages/demo.html" "$tmp/demo.dom"
check_drawn "$pages/demo.html" "$tmp/demo.dom" "$(term_rows "$pages/demo.html")"
status_line "$tmp/demo.dom" | grep -q ' 9 clusters$' || fail "demo page does not count 9 clusters"
[ "$(palette | wc -l)" -ge 9 ] || fail "cannot read the cluster colours of src/palette.c"
check_swatches "$tmp/demo.dom" 9
shot "$pages/demo.html" "$tmp/demo.png"
# the circles of all 9 clusters, each in its palette.c colour
# shellcheck disable=SC2046 # one word per argument
$py "$src/tests/png_check.py" "$tmp/demo.png" $(colour_args 9) || fail "screenshot of the demo page"
shot "$pages/demo.html#year" "$tmp/year.png"
# Viridis' first colour: the term with the earliest average year
$py "$src/tests/png_check.py" "$tmp/year.png" --colour 440154 || fail "screenshot of the year overlay"

dom "$pages/circle.html" "$tmp/circle.dom"
check_drawn "$pages/circle.html" "$tmp/circle.dom" "$(term_rows "$pages/circle.html")"
grep -q 'terms sit on a circle' "$tmp/circle.dom" || fail "circle page does not say it has no layout"

# Hostile labels and title: opened with a search for "<img" so the info panel shows one.
dom "$pages/hostile.html#q=%3Cimg" "$tmp/hostile.dom"
check_drawn "$pages/hostile.html" "$tmp/hostile.dom" "$(term_rows "$pages/hostile.html")"
title=$(sed -n 's/.*<title>\(.*\)<\/title>.*/\1/p' "$tmp/hostile.dom")
[ "$title" != PWNED ] || fail "a hostile label or title ran code: the title is PWNED"
[ "$title" = "&lt;/title&gt;&lt;script&gt;document.title='PWNED'&lt;/script&gt;" ] ||
    fail "hostile title shown as '$title'"
[ "$(grep -o -i '<script' "$tmp/hostile.dom" | wc -l)" = 2 ] ||
    fail "the hostile page's DOM has extra <script> elements"
grep -q '<h2>&lt;img src=x onerror="document.title=.PWNED."&gt;</h2>' "$tmp/hostile.dom" ||
    fail "the info panel does not show the hostile label as text"

# 2. The page of `jaringkata map`, once the map command writes it.
"$bin" map "$src/corpus" -o "$tmp/out" -q || fail "jaringkata map failed"
if [ ! -f "$tmp/out/index.html" ]; then
    echo "SKIP: jaringkata map does not write index.html yet; the generated pages passed"
    exit 0
fi
terms=$(($(wc -l <"$tmp/out/terms.csv") - 1))
dom "$tmp/out/index.html" "$tmp/map.dom"
check_drawn "$tmp/out/index.html" "$tmp/map.dom" "$terms"
shot "$tmp/out/index.html" "$tmp/map.png"
# shellcheck disable=SC2046 # one word per argument
$py "$src/tests/png_check.py" "$tmp/map.png" $(colour_args 1) || fail "screenshot of index.html"
echo "e2e_html: 1 passed, 0 failed"
