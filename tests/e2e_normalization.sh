#!/usr/bin/env bash
# End-to-end: every --normalization on the bundled corpus. Each run must
# succeed and record the normalisation it used (run.json, vosviewer.json,
# report.md); the GraphML's association values must be what the measure
# gives (none: the co-occurrence count; similarities: at most 1) and must
# differ between association strength and Jaccard.
# usage: e2e_normalization.sh JARINGKATA SOURCE_DIR
set -euo pipefail
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Prints "weight association" for every edge of a GraphML file, in file order.
edges() {
    /usr/bin/python3 - "$1" <<'PY'
import sys
import xml.etree.ElementTree as ET
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
for e in ET.parse(sys.argv[1]).getroot().iterfind(".//g:edge", ns):
    d = {x.get("key"): x.text for x in e.iterfind("g:data", ns)}
    print(d["weight"], d["association"])
PY
}

norms="association fractionalization jaccard cosine inclusion equivalence none"
for n in $norms; do
    out="$tmp/$n"
    "$bin" map "$src/corpus" -o "$out" -q --normalization "$n" --formats graphml,json \
        2>"$out.err" || { cat "$out.err"; fail "--normalization $n exited non-zero"; }
    grep -q "\"normalization\": \"$n\"," "$out/run.json" || fail "run.json does not record $n"
    grep -q "\"normalization\": \"$n\"" "$out/vosviewer.json" || fail "vosviewer.json does not record $n"
    grep -q "^- normalisation: .*(--normalization $n)$" "$out/report.md" || fail "report.md does not record $n"
    edges "$out/network.graphml" >"$out.edges"
    [ -s "$out.edges" ] || fail "$n: no edges in network.graphml"
    # Every association is a positive finite number.
    awk -v n="$n" '!($2 > 0) || $2 == "inf" || $2 == "nan" { print n ": edge " NR " has association " $2; bad = 1 }
                   END { exit bad }' "$out.edges" || fail "$n gave an unusable association"
done

# Clustering follows the normalisation: modularity on raw counts, CPM otherwise.
grep -q '"clustering": "leiden-modularity"' "$tmp/none/run.json" || fail "none is not clustered by modularity"
grep -q '"clustering": "leiden-cpm"' "$tmp/jaccard/run.json" || fail "jaccard is not clustered by CPM"

# none keeps the count; the similarity measures stay within (0, 1].
awk '$1 != $2 { exit 1 }' "$tmp/none.edges" || fail "none: association differs from the weight"
for n in jaccard cosine inclusion equivalence; do
    awk '$2 > 1 + 1e-12 { exit 1 }' "$tmp/$n.edges" || fail "$n: an association above 1"
done

# Same links (same weights), different strengths.
cut -d' ' -f1 "$tmp/association.edges" >"$tmp/w.a"
cut -d' ' -f1 "$tmp/jaccard.edges" >"$tmp/w.j"
cmp -s "$tmp/w.a" "$tmp/w.j" || fail "association and jaccard runs have different links"
cmp -s "$tmp/association.edges" "$tmp/jaccard.edges" &&
    fail "association and jaccard give the same association values"

# A bad name is a usage error (exit 2) naming the choices.
set +e
"$bin" map "$src/corpus" -o "$tmp/bad" -q --normalization salton 2>"$tmp/bad.err"
rc=$?
set -e
[ "$rc" = 2 ] || fail "--normalization salton exited $rc, not 2"
grep -q "'jaccard'" "$tmp/bad.err" || fail "the error does not list the choices: $(cat "$tmp/bad.err")"
echo "e2e_normalization: 1 passed, 0 failed"
