#!/usr/bin/env bash
# End-to-end: the same outputs, byte for byte, with one thread or several
# (--threads), for plain documents, record files, sentence units and keyword
# maps, a map large enough for the layout to run beside clustering (with either
# Leiden implementation), and with the sketch pass on or off (--sketch); near
# copies and a chapter beside its thesis are skipped the same way;
# impossible values are refused.
# usage: e2e_threads.sh JARINGKATA SOURCE_DIR
set -u  # no pipefail: "grep -q" ends pipes early on purpose
bin=$1 src=$2
tmp=${KEEP:-$(mktemp -d)}
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# A corpus of many small documents (several batches) beside the bundled five.
mkdir -p "$tmp/many"
cp "$src"/corpus/*.md "$src"/corpus/*.txt "$tmp/many/"
for i in $(seq 1 700); do
    t=$((i % 3))
    case $t in
    0) words="kerja sama internasional pemerintah daerah paradiplomasi sister city" ;;
    1) words="pembangunan ekonomi pariwisata daerah, investasi asing, sumber daya manusia (SDM)" ;;
    *) words="pendidikan tinggi pertukaran pelajar beasiswa universitas" ;;
    esac
    printf 'Dokumen %d\n\nPenelitian ini membahas %s. Kemudian %s dibahas pada tahun %d.\n' \
        "$i" "$words" "$words" $((2000 + i % 20)) >"$tmp/many/doc$i.txt"
done
# near copies (another cover line) spread through the batches: skipped the same way on any threads
for f in aesthetica-jakarta-beijing.md:doc350-unduhan.txt skripsi-sumbar-jeollabuk-do-bab1.md:zz-unduhan.md \
    tesis-ntb-zhejiang-bab4.txt:doc1-unduhan.txt; do
    { echo "Diunduh dari repositori universitas"; cat "$src/corpus/${f%%:*}"; } >"$tmp/many/${f#*:}"
done
# a whole "thesis" of two bundled documents, and its first chapter early in the batches: the
# chapter lies inside it and is skipped the same way on any threads
cat "$src/corpus/safitri-kegagalan-sister-cities.md" "$src/corpus/tesis-ntb-zhejiang-bab4.txt" \
    >"$tmp/many/zz-tesis-lengkap.txt"
cp "$src/corpus/safitri-kegagalan-sister-cities.md" "$tmp/many/doc2-bab1.md"
# Word (.docx and .doc), RTF and OpenDocument files and saved web pages through the batches, read
# by the threads at once (libxml2 and libzip on every thread), and a damaged one skipped the same way
mkdir -p "$tmp/office-src/docx" "$tmp/office-src/odt" "$tmp/office-src/doc" "$tmp/office-src/rtf"
for i in $(seq 1 35 700); do
    kind=$(case $((i % 4)) in 0) echo docx ;; 1) echo odt ;; 2) echo doc ;; *) echo rtf ;; esac)
    echo "kerja sama kota kembar pemerintah daerah dokumen kantor $i" \
        >"$tmp/office-src/$kind/doc$i-$kind.txt"
done
for kind in docx odt doc rtf; do
    /usr/bin/python3 "$src/tests/office_files.py" $kind "$tmp/office-src/$kind" "$tmp/many"
done
printf 'PK\003\004 cut short' >"$tmp/many/doc400-damaged.docx"
for i in $(seq 17 140 700); do # saved web pages, read by libxml2's HTML parser on the threads
    printf '<html><body><nav>Beranda</nav><p>pariwisata daerah investasi asing %d</p><footer>Hak cipta</footer></body></html>' \
        "$i" >"$tmp/many/doc$i-page.html"
done
mkdir -p "$tmp/records"
cp "$src"/tests/data/records/scopus.csv "$src"/tests/data/records/two.ris "$tmp/records/"

# same_outputs NAME ARGS...: the run with 1, 2 and 3 threads writes identical files.
same_outputs() {
    local name=$1
    shift
    for t in 1 2 3; do # one output folder (run.json names it), copied away after each run
        SOURCE_DATE_EPOCH=0 "$bin" map "$@" -o "$tmp/out" -q --threads "$t" ||
            fail "$name with --threads $t failed"
        mv "$tmp/out" "$tmp/$name-$t"
    done
    for f in "$tmp/$name-1"/*; do
        b=$(basename "$f")
        for t in 2 3; do
            cmp -s "$f" "$tmp/$name-$t/$b" || fail "$name: $b differs between --threads 1 and $t"
        done
    done
}

same_outputs many "$tmp/many"
[ "$(grep -c "skipped: nearly the same text as" "$tmp/many-1/report.md")" = 3 ] ||
    fail "the three near copies were not all skipped"
grep -q "doc2-bab1.md | [0-9]* | 0 |  | 0 | 0 | skipped: its text lies inside $tmp/many/zz-tesis-lengkap.txt" \
    "$tmp/many-1/report.md" || fail "the chapter beside its thesis was not skipped"

# A map of some 44,000 links: with several threads its VOS layout runs beside clustering.
mkdir -p "$tmp/dense"
awk -v dir="$tmp/dense" 'BEGIN {
    srand(7); split("ba be bi bo bu da de di do du ka ke ki ko ku ma me mi mo mu", s, " ")
    for (d = 1; d <= 200; d++) {
        f = sprintf("%s/doc%d.txt", dir, d); printf "Dokumen %d\n\n", d > f
        for (k = 0; k < 60; k++) { i = int(rand() * 300); printf "%s%sran. ", s[i % 20 + 1], s[int(i / 20) + 1] > f }
        close(f)
    } }'
same_outputs dense "$tmp/dense" --min-occurrences 2 --max-terms 400 --keep 100 --formats csv
links=$(($(wc -l <"$tmp/dense-1/links.csv") - 1))
[ "$links" -ge 20000 ] || fail "the dense map has only $links links: layout and clustering did not overlap"
# The compact Leiden on the same map: the same files with any number of processes, and
# run.json and report.md say which implementation clustered.
same_outputs dense-compact "$tmp/dense" --min-occurrences 2 --max-terms 400 --keep 100 --formats csv \
    --leiden compact
grep -q '"leiden": "compact"' "$tmp/dense-compact-1/run.json" || fail "run.json does not name the compact Leiden"
grep -q '"leiden": "igraph"' "$tmp/dense-1/run.json" || fail "run.json does not name igraph's Leiden"
grep -q "^- clustering: Leiden (CPM; jaringkata's compact implementation)" "$tmp/dense-compact-1/report.md" ||
    fail "report.md does not name the compact Leiden"
same_outputs sentences "$tmp/many" --unit sentence --formats graphml,csv
same_outputs records "$tmp/records" --min-occurrences 1
same_outputs keywords "$tmp/records" --items keywords --min-occurrences 1 --formats csv
grep -q "sumber daya manusia,.*,sdm" "$tmp/many-1/terms.csv" || fail "the acronym learnt on the first pass is not an alias"

# The sketch pass (on by itself for large corpora) changes memory, never results:
# the same outputs with it forced on or off, here and for the terms command.
for mode in on off; do
    SOURCE_DATE_EPOCH=0 "$bin" map "$tmp/many" -o "$tmp/out" -q --sketch "$mode" || fail "--sketch $mode failed"
    mv "$tmp/out" "$tmp/sketch-$mode"
    "$bin" terms "$tmp/many" -o "$tmp/terms-$mode" -q --sketch "$mode" || fail "terms --sketch $mode failed"
done
for f in "$tmp/sketch-on"/*; do
    cmp -s "$f" "$tmp/sketch-off/$(basename "$f")" || fail "$(basename "$f") differs between --sketch on and off"
done
cmp -s "$tmp/terms-on/terms.tsv" "$tmp/terms-off/terms.tsv" || fail "terms.tsv differs between --sketch on and off"
"$bin" map "$src/corpus" -o "$tmp/bad" --sketch maybe 2>"$tmp/stderr"
[ $? = 2 ] && grep -q -- "--sketch takes" "$tmp/stderr" || fail "--sketch maybe was not refused"

for bad in 0 -1 65 two; do
    "$bin" map "$src/corpus" -o "$tmp/bad" --threads "$bad" 2>"$tmp/stderr"
    [ $? = 2 ] || fail "--threads $bad was not refused with exit 2"
    grep -q -- "--threads" "$tmp/stderr" || fail "--threads $bad: message does not name the option"
done
[ ! -e "$tmp/bad" ] || fail "a refused run created its output folder"
echo "e2e_threads: 1 passed, 0 failed"
