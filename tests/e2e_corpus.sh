#!/usr/bin/env bash
# End-to-end: map the bundled corpus like a user, check the files in networkx
# and igraph, the key terms, and that two runs give byte-identical outputs.
# usage: e2e_corpus.sh JARINGKATA SOURCE_DIR
set -euo pipefail
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$bin" map "$src/corpus" -o "$tmp/a" 2>"$tmp/a.err" || { cat "$tmp/a.err"; fail "map exited non-zero"; }
for f in network.graphml vosviewer_map.txt vosviewer_network.txt vosviewer.json network.gexf \
         network.net network.gml terms.csv links.csv clusters.csv index.html map.svg map.png \
         density.svg density.png report.md run.json; do
    [ -s "$tmp/a/$f" ] || fail "output $f missing or empty"
done
grep -q "min-occurrences" "$tmp/a.err" || fail "the chosen threshold was not reported on stderr"
ls -A "$tmp/a" | grep -q '^\.' && fail "temporary files left in the output folder"

/usr/bin/python3 "$src/tests/check_map.py" "$tmp/a" "$src/stopwords" --corpus
/usr/bin/python3 "$src/tests/check_formats.py" "$tmp/a"
grep -q "^- layout: VOS mapping.*objective" "$tmp/a/report.md" || fail "report.md lacks the layout objective"
# report.md's cluster table agrees with clusters.csv: sizes and top terms, in order. At
# resolution 2 every term is a cluster of its own (the table once took a pass over the
# terms per cluster: 9 s of a map of 168,000 terms in 8,686 clusters).
"$bin" map "$src/corpus" -o "$tmp/k" -q --formats csv --layout none --resolution 2
/usr/bin/python3 - "$tmp/k" <<'EOF'
import csv, re, sys
out = sys.argv[1]
rows = list(csv.DictReader(open(f"{out}/clusters.csv", encoding="utf-8")))
table = []
lines = open(f"{out}/report.md", encoding="utf-8").read().split("\n")
start = lines.index("| cluster | terms | top terms (occurrences) |") + 2
for line in lines[start:]:
    if not line.startswith("| "):
        break
    cells = [c.strip() for c in line.strip("|").split(" | ")]
    table.append((int(cells[0]), int(cells[1]), [re.sub(r" \(\d+\)$", "", t) for t in cells[2].split(", ")]))
assert len(table) == len(rows), f"report.md lists {len(table)} clusters, clusters.csv {len(rows)}"
for (c, size, top), row in zip(table, rows):
    assert c == int(row["cluster"]) and size == int(row["size"]), f"cluster {c}: {size} terms in report.md, {row['size']} in clusters.csv"
    assert top == row["top_terms"].split("; "), f"cluster {c}: report.md's top terms {top} differ from clusters.csv's"
print(len(rows), "clusters agree")
EOF
# --formats writes only what is asked (report.md and run.json always).
"$bin" map "$src/corpus" -o "$tmp/f" -q --formats csv,gexf
[ "$(ls "$tmp/f" | tr '\n' ' ')" = "clusters.csv links.csv network.gexf report.md run.json terms.csv " ] \
    || fail "--formats csv,gexf wrote: $(ls "$tmp/f" | tr '\n' ' ')"
"$bin" map "$src/corpus" -o "$tmp/n" -q --layout none
[ -e "$tmp/n/map.svg" ] && fail "--layout none still drew map.svg"
grep -q '<key id="x"' "$tmp/n/network.graphml" && fail "--layout none still wrote coordinates"

# The article's reference list (its "Daftar Pustaka") is left out by default: its authors,
# publishers and journals are no terms; --section all maps it too.
grep -qF -- '- reference lists left out ("Daftar Pustaka", "References"; --section all keeps them): 1' \
    "$tmp/a/report.md" || fail "report.md does not count the reference list left out"
# only_with_all INPUT OUT PART TERM...: each term is mapped with --section all, not by default.
only_with_all() {
    local input=$1 out=$2 part=$3 t
    shift 3
    "$bin" map "$input" -o "$out-body" -q --min-occurrences 1 --keep 100 --formats csv
    "$bin" map "$input" -o "$out-all" -q --min-occurrences 1 --keep 100 --formats csv --section all
    for t in "$@"; do
        grep -q ",$t," "$out-body/terms.csv" && fail "'$t' from the $part is a term"
        grep -q ",$t," "$out-all/terms.csv" || fail "--section all lost '$t' of the $part"
    done
}
only_with_all "$src/corpus" "$tmp/refs" "reference list" "bumi aksara" "caraka prabhu"
# The skripsi's footnotes ("<sup>28</sup> Christy Damayanti, "Potensi ...", 2012") and the
# tesis's (a number alone on a line, then "Christy Damayanti, 2012, ...") cite sources: left out
# too, their cited authors no terms.
grep -qF -- '- documents whose footnotes citing sources were left out' "$tmp/a/report.md" &&
    grep -q -- '- documents whose footnotes citing sources were left out.*: 2$' "$tmp/a/report.md" ||
    fail "report.md does not count the two documents whose footnotes were left out"
only_with_all "$src/corpus" "$tmp/notes" "footnotes" "christy damayanti" "creswell"
# The bylines between title and abstract (the article's "Nabila Safitri<sup>1</sup>, ...", the
# library catalogue's "Melissa Aesthetica, author") name authors, not the subject.
only_with_all "$src/corpus" "$tmp/bylines" "bylines" "nabila safitri" "dyah estu kurniawati" \
    "iza azqiya"
# report.md's Files table says what was left out of which file.
grep -q "^| .*/skripsi-sumbar-jeollabuk-do-bab1.md | .* | citing footnotes left out |$" \
    "$tmp/a/report.md" || fail "report.md does not say the skripsi's footnotes were left out"
grep -q "^| .*/safitri-kegagalan-sister-cities.md | .* | reference list left out; article information left out |$" \
    "$tmp/a/report.md" || fail "report.md does not say the article's reference list and affiliation were left out"
# The article's affiliation before its abstract ("<sup>123</sup> Universitas Muhammadiyah
# Malang") is article information: its university is no term by default.
only_with_all "$src/corpus" "$tmp/affil" "affiliation" "muhammadiyah malang"

# A whole skripsi (title page, approval, thanks, abstract, contents, then BAB I): its front
# matter and its title page's degree and university lines are left out by default, the title
# and the abstract stay; --section all maps everything.
mkdir "$tmp/skripsi"
{
    printf 'SKRIPSI\nMOTIF PARADIPLOMASI SUMATERA BARAT\nDiajukan untuk Memenuhi Salah Satu '
    printf 'Syarat\nGuna Memperoleh Gelar Sarjana Ilmu Politik\nOleh:\nRAHMAT HIDAYAT\n'
    printf 'NIM 1610832009\nFAKULTAS ILMU SOSIAL DAN ILMU POLITIK\nUNIVERSITAS ANDALAS\n'
    printf 'PADANG\n2021\n\nLEMBAR PENGESAHAN\n'
    printf 'Skripsi ini telah disetujui oleh dosen pembimbing dan tim penguji.\n\n'
    printf 'KATA PENGANTAR\nPuji syukur kehadirat Allah SWT atas rahmat dan hidayah-Nya; terima '
    printf 'kasih kepada dosen pembimbing, orang tua tercinta dan rekan seperjuangan.\n\n'
    printf 'ABSTRAK\nPenelitian ini membahas motif paradiplomasi Sumatera Barat dalam kerja sama '
    printf 'sister province dengan Jeollabuk-Do.\n\nDAFTAR ISI\nBAB I PENDAHULUAN ..... 1\n\n'
    sed 's/^# BAB I$/BAB I/' "$src/corpus/skripsi-sumbar-jeollabuk-do-bab1.md"
} >"$tmp/skripsi/skripsi-lengkap.txt"
cp "$src/corpus/tesis-ntb-zhejiang-bab4.txt" "$src/corpus/aesthetica-jakarta-beijing.md" "$tmp/skripsi/"
only_with_all "$tmp/skripsi" "$tmp/sk" "thesis's front matter" "allah swt" "orang tua tercinta" \
    "andalas" "ilmu sosial" "rahmat hidayat"
for t in jeollabuk-do "motif paradiplomasi"; do
    grep -q ",$t," "$tmp/sk-body/terms.csv" || fail "the thesis's own '$t' is missing"
done
grep -qF -- "- thesis front matter left out (Kata Pengantar, Lembar Pengesahan, Daftar Isi and the like, up to BAB I; abstracts kept): 1" \
    "$tmp/sk-body/report.md" || fail "report.md does not count the front matter left out"

# A repository's "DAFTAR PUSTAKA" file beside the documents (a thesis split into files):
# nothing but a reference list, skipped by default with a warning and a note in report.md, the
# map as without it; --section all maps it (its publishers become terms).
mkdir "$tmp/split"
cp "$src/corpus/aesthetica-jakarta-beijing.md" "$src/corpus/azqiya-ntb-kujawsko-pomorskie.md" "$tmp/split/"
"$bin" map "$tmp/split" -o "$tmp/split-docs" -q --min-occurrences 1 --keep 100 --formats csv ||
    fail "the two documents failed"
{
    echo "repository.unair.ac.id"
    sed -n '/^### \*\*Daftar Pustaka\*\*$/,$p' "$src/corpus/safitri-kegagalan-sister-cities.md"
} >"$tmp/split/DAFTAR PUSTAKA.md"
"$bin" map "$tmp/split" -o "$tmp/split-body" --min-occurrences 1 --keep 100 --formats csv \
    2>"$tmp/split.err" || { cat "$tmp/split.err"; fail "the folder with a reference-list file failed"; }
grep -q "warning: skipping '.*split/DAFTAR PUSTAKA.md': it is only a reference list, whose authors, publishers and titles are other works' words; --section all maps it" \
    "$tmp/split.err" || { cat "$tmp/split.err"; fail "no warning naming the reference-list file"; }
grep -q "DAFTAR PUSTAKA.md | [0-9]* | 0 |  | 0 | 0 | skipped: only a reference list (--section all maps it) |" \
    "$tmp/split-body/report.md" || fail "report.md does not list the reference-list file"
cmp -s "$tmp/split-body/terms.csv" "$tmp/split-docs/terms.csv" || fail "the reference-list file changed the map"
"$bin" map "$tmp/split" -o "$tmp/split-all" -q --min-occurrences 1 --keep 100 --formats csv --section all
grep -q ",caraka prabhu," "$tmp/split-all/terms.csv" || fail "--section all did not map the reference-list file"
# --section abstract maps a file without an abstract whole, but not a file that is only a list
"$bin" map "$tmp/split" -o "$tmp/split-abstract" --min-occurrences 1 --keep 100 --formats csv \
    --section abstract 2>"$tmp/split-abstract.err"
grep -q "warning: skipping '.*split/DAFTAR PUSTAKA.md': it is only a reference list" "$tmp/split-abstract.err" ||
    { cat "$tmp/split-abstract.err"; fail "--section abstract did not skip the reference-list file"; }
grep -q ",caraka prabhu," "$tmp/split-abstract/terms.csv" && fail "--section abstract mapped the reference-list file"

# --document folder: a thesis kept as a folder of chapter files (one in a subfolder) is one
# document. Split at line ends, the five documents give exactly the map of the whole files, on
# one thread or two; counted a file each they give another (eight documents).
mkdir -p "$tmp/theses/t1/lampiran" "$tmp/theses/t2" "$tmp/whole"
cp "$src"/corpus/*.md "$src"/corpus/*.txt "$tmp/whole/"
split -n l/3 -d --additional-suffix=.md "$src/corpus/safitri-kegagalan-sister-cities.md" "$tmp/theses/t1/bab"
mv "$tmp/theses/t1/bab02.md" "$tmp/theses/t1/lampiran/"
split -n l/2 -d --additional-suffix=.md "$src/corpus/azqiya-ntb-kujawsko-pomorskie.md" "$tmp/theses/t2/bab"
cp "$src/corpus/aesthetica-jakarta-beijing.md" "$src/corpus/skripsi-sumbar-jeollabuk-do-bab1.md" \
    "$src/corpus/tesis-ntb-zhejiang-bab4.txt" "$tmp/theses/"
"$bin" map "$tmp/whole" -o "$tmp/whole-map" -q --min-occurrences 2 --formats csv
for threads in 1 2; do
    "$bin" map "$tmp/theses" -o "$tmp/theses-$threads" --min-occurrences 2 --formats csv \
        --document folder --threads $threads 2>"$tmp/theses.err" ||
        { cat "$tmp/theses.err"; fail "--document folder failed"; }
    for f in terms.csv links.csv clusters.csv; do
        cmp -s "$tmp/whole-map/$f" "$tmp/theses-$threads/$f" ||
            fail "--document folder on $threads threads: $f differs from the whole files' map"
    done
done
grep -q "from 5 documents (8 files, a folder one document)" "$tmp/theses.err" ||
    { cat "$tmp/theses.err"; fail "the summary line does not count folders"; }
grep -qF -- "- documents counted: 5 (--document folder" "$tmp/theses-1/report.md" ||
    fail "report.md does not count the folders"
grep -q "^| $tmp/theses/t1/ (3 files) | Analisa Faktor Penyebab Kegagalan Sister Cities" "$tmp/theses-1/report.md" ||
    fail "report.md does not list the folder t1/ as one document"
grep -q '"document": "folder"' "$tmp/theses-1/run.json" || fail "run.json lacks the document option"
grep -q "look like parts" "$tmp/theses.err" && fail "--document folder still warned of chapter files"
# --section abstract with --document folder: a thesis folder with its abstract in a file of its
# own (with an "Abstrak" heading, or named ABSTRAK) is mapped from that abstract, not from the
# abstract plus every chapter whole; --document file maps the chapters whole, for want of an
# abstract of their own
mkdir -p "$tmp/abs/t1" "$tmp/abs/t2"
sed -n 1,22p "$src/corpus/safitri-kegagalan-sister-cities.md" >"$tmp/abs/t1/ABSTRAK.md"
sed -n '23,$p' "$src/corpus/safitri-kegagalan-sister-cities.md" >"$tmp/abs/t1/BAB I.md"
sed '/^## Abstrak/d' "$src/corpus/azqiya-ntb-kujawsko-pomorskie.md" >"$tmp/abs/t2/ABSTRAK.md"
cp "$src/corpus/tesis-ntb-zhejiang-bab4.txt" "$tmp/abs/t2/BAB IV.txt"
cp "$src/corpus/aesthetica-jakarta-beijing.md" "$src/corpus/skripsi-sumbar-jeollabuk-do-bab1.md" "$tmp/abs/"
"$bin" map "$tmp/abs" -o "$tmp/abs-folder" --min-occurrences 1 --formats csv --section abstract \
    --document folder 2>"$tmp/abs.err" || { cat "$tmp/abs.err"; fail "--section abstract --document folder failed"; }
"$bin" map "$tmp/abs" -o "$tmp/abs-file" -q --min-occurrences 1 --formats csv --section abstract
for term in "orde baru" zhejiang; do # the chapters' own terms
    grep -q ",$term," "$tmp/abs-file/terms.csv" || fail "--document file did not map the chapter with '$term'"
    grep -q ",$term," "$tmp/abs-folder/terms.csv" && fail "--section abstract --document folder mapped a chapter ('$term')"
done
for term in paradiplomasi kujawsko-pomorskie "sister city"; do # the abstracts'
    grep -q ",$term," "$tmp/abs-folder/terms.csv" || fail "--section abstract --document folder lost the abstracts' '$term'"
done
grep -q "section abstract: 2 files of works whose abstract is in another file are left out" \
    "$tmp/abs.err" || { cat "$tmp/abs.err"; fail "no note for the chapters left out"; }
grep -qF -- "- files left out because their work's abstract is in another file (--section abstract with --document folder): 2" \
    "$tmp/abs-folder/report.md" || fail "report.md does not count the chapters left out"
grep -qF "| $tmp/abs/t2/BAB IV.txt | 35984 | 0 |  | 0 | 0 | skipped: --section abstract maps its work from the abstract in $tmp/abs/t2/ABSTRAK.md |" \
    "$tmp/abs-folder/report.md" || fail "report.md does not name the work's abstract file"
grep -q "from 4 documents (4 files, a folder one document)" "$tmp/abs.err" ||
    { cat "$tmp/abs.err"; fail "the summary line counts the chapters left out"; }

# --document work: a repository's files of two theses in one flat folder ("1234-BAB I.md",
# "1234-BAB II.md", "1234-LAMPIRAN.md"; "5678-ABSTRAK.md", "5678-BAB I.md") beside three whole
# documents: each thesis is one document, so the map is the whole files' again; --document
# folder counts those files apart, and its warning points to --document work
mkdir "$tmp/flat"
cp "$tmp/theses/t1/bab00.md" "$tmp/flat/1234-BAB I.md"
cp "$tmp/theses/t1/bab01.md" "$tmp/flat/1234-BAB II.md"
cp "$tmp/theses/t1/lampiran/bab02.md" "$tmp/flat/1234-LAMPIRAN.md"
cp "$tmp/theses/t2/bab00.md" "$tmp/flat/5678-ABSTRAK.md"
cp "$tmp/theses/t2/bab01.md" "$tmp/flat/5678-BAB I.md"
cp "$tmp/theses/"*.md "$tmp/theses/"*.txt "$tmp/flat/"
"$bin" map "$tmp/flat" -o "$tmp/flat-work" --min-occurrences 2 --formats csv --document work \
    2>"$tmp/flat.err" || { cat "$tmp/flat.err"; fail "--document work failed"; }
for f in terms.csv links.csv clusters.csv; do
    cmp -s "$tmp/whole-map/$f" "$tmp/flat-work/$f" || fail "--document work: $f differs from the whole files' map"
done
grep -q "from 5 documents (8 files, a work one document)" "$tmp/flat.err" ||
    { cat "$tmp/flat.err"; fail "the summary line does not count works"; }
grep -qF "| $tmp/flat/1234-BAB I.md and 2 more files of its work |" "$tmp/flat-work/report.md" ||
    fail "report.md does not say how many files a work was counted from"
grep -q '"document": "work"' "$tmp/flat-work/run.json" || fail "run.json lacks --document work"
"$bin" map "$tmp/flat" -o "$tmp/flat-folder" --min-occurrences 2 --formats csv --document folder \
    2>"$tmp/flat.err"
grep -q "from 8 documents (8 files, a folder one document)" "$tmp/flat.err" ||
    { cat "$tmp/flat.err"; fail "--document folder grouped files lying directly in the input folder"; }
grep -q "look like parts of one work (chapters, abstract), and each file counts as a document, so a term used in every part counts several times; --document work counts the files of one folder named as the parts of one work as one document" \
    "$tmp/flat.err" || { cat "$tmp/flat.err"; fail "the part warning does not point to --document work"; }
# a work's files count together wherever their names sort: with the part first, path order
# interleaves the two works ("BAB I - Azqiya.md", "BAB I - Safitri.md", "BAB II - Azqiya.md" ...)
mkdir "$tmp/partfirst"
cp "$tmp/theses/t1/bab00.md" "$tmp/partfirst/BAB I - Safitri.md"
cp "$tmp/theses/t1/bab01.md" "$tmp/partfirst/BAB II - Safitri.md"
cp "$tmp/theses/t1/lampiran/bab02.md" "$tmp/partfirst/LAMPIRAN - Safitri.md"
cp "$tmp/theses/t2/bab00.md" "$tmp/partfirst/BAB I - Azqiya.md"
cp "$tmp/theses/t2/bab01.md" "$tmp/partfirst/BAB II - Azqiya.md"
cp "$tmp/theses/"*.md "$tmp/theses/"*.txt "$tmp/partfirst/"
for threads in 1 2; do
    "$bin" map "$tmp/partfirst" -o "$tmp/partfirst-$threads" --min-occurrences 2 --formats csv \
        --document work --threads "$threads" 2>"$tmp/partfirst.err" ||
        { cat "$tmp/partfirst.err"; fail "--document work with the part first failed"; }
    for f in terms.csv links.csv clusters.csv; do
        cmp -s "$tmp/whole-map/$f" "$tmp/partfirst-$threads/$f" ||
            fail "--document work, part first, $threads threads: $f differs from the whole files' map"
    done
    grep -q "from 5 documents (8 files, a work one document)" "$tmp/partfirst.err" ||
        { cat "$tmp/partfirst.err"; fail "--document work did not gather a work's files"; }
done

# VOSviewer files agree with the CSV files.
terms=$(($(wc -l <"$tmp/a/terms.csv") - 1))
items=$(($(wc -l <"$tmp/a/vosviewer_map.txt") - 1))
links=$(($(wc -l <"$tmp/a/links.csv") - 1))
vlinks=$(wc -l <"$tmp/a/vosviewer_network.txt")
[ "$terms" = "$items" ] || fail "vosviewer_map.txt has $items items, terms.csv $terms"
[ "$links" = "$vlinks" ] || fail "vosviewer_network.txt has $vlinks links, links.csv $links"
head -1 "$tmp/a/vosviewer_map.txt" | grep -q 'weight<Occurrences>' || fail "map file header"

# Same input, options and seed: byte-identical outputs (run.json's "created" aside).
cp -r "$tmp/a" "$tmp/first"
"$bin" map "$src/corpus" -o "$tmp/a" -q
for f in "$tmp"/first/*; do
    name=$(basename "$f")
    if [ "$name" = run.json ]; then
        diff <(grep -v '"created"' "$f") <(grep -v '"created"' "$tmp/a/$name") >/dev/null \
            || fail "run.json differs between two runs beyond its timestamp"
    else
        cmp -s "$f" "$tmp/a/$name" || fail "$name differs between two identical runs"
    fi
done
SOURCE_DATE_EPOCH=0 "$bin" map "$src/corpus" -o "$tmp/c" -q
cp "$tmp/c/run.json" "$tmp/run.json.first"
SOURCE_DATE_EPOCH=0 "$bin" map "$src/corpus" -o "$tmp/c" -q
cmp -s "$tmp/c/run.json" "$tmp/run.json.first" || fail "run.json differs with SOURCE_DATE_EPOCH fixed"
grep -q '"created": "1970-01-01T00:00:00Z"' "$tmp/c/run.json" || fail "SOURCE_DATE_EPOCH not honoured"

# The cluster count is stable under a fixed seed and the seed is honoured.
k1=$(tail -n +2 "$tmp/a/clusters.csv" | wc -l)
"$bin" map "$src/corpus" -o "$tmp/e" -q --seed 0
k2=$(tail -n +2 "$tmp/e/clusters.csv" | wc -l)
[ "$k1" = "$k2" ] || fail "cluster count changed under the same seed ($k1 vs $k2)"
grep -q '"seed": 0' "$tmp/a/run.json" || fail "run.json does not record the seed"
grep -q '"sha256": "[0-9a-f]\{64\}"' "$tmp/a/run.json" || fail "run.json lacks input hashes"
echo "e2e_corpus: 1 passed, 0 failed"
