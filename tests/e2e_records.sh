#!/usr/bin/env bash
# End-to-end: database and reference-manager exports (CSV, RIS, BibTeX) are
# mapped record by record, with years and citations averaged per term, and a
# record found twice (same DOI or title) counted once.
# usage: e2e_records.sh JARINGKATA SOURCE_DIR
set -u # no pipefail: "grep -q" ends pipes early on purpose
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
py=/usr/bin/python3
mkdir -p "$tmp/in"

# Scopus-style CSV: BOM, quoted multi-line abstract, Cited by, DOI.
printf '\xef\xbb\xbfAuthors,Title,Year,Source title,Cited by,DOI,Abstract,Author Keywords\n' >"$tmp/in/scopus.csv"
cat >>"$tmp/in/scopus.csv" <<'CSV'
"Putra A.","Paradiplomasi pemerintah daerah",2018,"Jurnal HI",10,10.1/a,"Kerja sama sister city
antara pemerintah daerah dan kota di luar negeri.","paradiplomasi; sister city"
"Sari B.","Sister city dan pemerintah daerah",2020,"Jurnal HI",20,10.1/b,"Paradiplomasi dan kerja sama sister city oleh pemerintah daerah.","sister city"
CSV
# RIS with one new record and one already in the CSV (same DOI).
cat >"$tmp/in/zotero.ris" <<'RIS'
TY  - JOUR
TI  - Kerja sama sister city di Indonesia
AB  - Pemerintah daerah menjalin kerja sama sister city dan paradiplomasi.
PY  - 2022
DO  - 10.1/c
ER  - 
TY  - JOUR
TI  - Paradiplomasi pemerintah daerah (copy)
AB  - Kerja sama sister city antara pemerintah daerah dan kota di luar negeri.
PY  - 2018
DO  - 10.1/A
ER  - 
RIS
# BibTeX with a macro and an accent.
cat >"$tmp/in/refs.bib" <<'BIB'
@string{hi = "Jurnal Hubungan Internasional"}
@article{d2021,
  title = {Paradiplomasi dan kerja sama sister city pemerintah daerah},
  abstract = {Kerja sama sister city memperkuat paradiplomasi pemerintah daerah di Sum{\'a}tera.},
  journal = hi,
  year = 2021
}
BIB

"$bin" map "$tmp/in" -o "$tmp/out" --min-occurrences 2 --keep 100 --no-nested 2>"$tmp/err" \
    || { cat "$tmp/err"; fail "records run failed"; }
grep -q '"documents": 4' "$tmp/out/run.json" || fail "expected 4 documents (5 records, one twice)"
grep -q "records found twice (same DOI or title), counted once: 1" "$tmp/out/report.md" \
    || fail "report.md does not report the duplicate"
labels=$(tail -n +2 "$tmp/out/terms.csv" | cut -d, -f2)
for t in "pemerintah daerah" paradiplomasi "sister city"; do
    echo "$labels" | grep -qx "$t" || fail "'$t' missing from the records map"
done
# pemerintah daerah: in all four documents, years 2018, 2020, 2022, 2021 -> 2020.25;
# citations known for the two CSV records only: 10 and 20 -> 15.
grep -q "^[0-9]*,pemerintah daerah,4,4,.*,2020.25,15," "$tmp/out/terms.csv" \
    || { head -1 "$tmp/out/terms.csv"; grep "pemerintah daerah," "$tmp/out/terms.csv"; fail "average year or citations of pemerintah daerah"; }
grep -q 'score<Avg. pub. year>' "$tmp/out/vosviewer_map.txt" || fail "map file lacks the year score"
grep -q 'score<Avg. citations>' "$tmp/out/vosviewer_map.txt" || fail "map file lacks the citation score"
[ -s "$tmp/out/overlay.svg" ] || fail "no overlay.svg with years known"
grep -q "scopus.csv | Paradiplomasi pemerintah daerah | 2018 | [0-9]* |$" "$tmp/out/report.md" \
    || fail "report.md's documents table lacks the first CSV record"
grep -q "refs.bib | Paradiplomasi dan kerja sama sister city pemerintah daerah | 2021 |" "$tmp/out/report.md" \
    || fail "report.md's documents table lacks the BibTeX record"

# --items keywords: the author keywords are the items (the CSV has them).
"$bin" map "$tmp/in/scopus.csv" -o "$tmp/kw" -q --items keywords --min-occurrences 1 --keep 100 --no-nested \
    || fail "--items keywords failed"
[ "$(tail -n +2 "$tmp/kw/terms.csv" | cut -d, -f2 | sort | tr '\n' ' ')" = "paradiplomasi sister city " ] \
    || fail "--items keywords did not map exactly the keywords: $(cut -d, -f2 "$tmp/kw/terms.csv" | tr '\n' ' ')"
# --fields title maps titles only; --columns renames a column.
"$bin" map "$tmp/in/scopus.csv" -o "$tmp/ti" -q --fields title --min-occurrences 1 --keep 100 --no-nested \
    || fail "--fields title failed"
tail -n +2 "$tmp/ti/terms.csv" | cut -d, -f2 | grep -qx "luar negeri" && fail "--fields title mined the abstract"
printf 'Judul Artikel,Ringkasan\n"Otonomi daerah","Otonomi daerah dan pariwisata daerah."\n"Pariwisata daerah","Otonomi daerah membangun pariwisata."\n' >"$tmp/repo.csv"
"$bin" map "$tmp/repo.csv" -o "$tmp/col" -q --columns "title=Judul Artikel,abstract=Ringkasan" \
    --min-occurrences 2 --keep 100 --no-nested || fail "--columns failed"
tail -n +2 "$tmp/col/terms.csv" | cut -d, -f2 | grep -qx "otonomi daerah" || fail "--columns: otonomi daerah missing"
# A VOSviewer corpus file (one document a line) with its scores file.
printf 'Kerja sama sister city pemerintah daerah.\nParadiplomasi pemerintah daerah dan sister city.\nSister city dan paradiplomasi.\n' >"$tmp/vos-corpus.txt"
printf 'score<Pub. year>\n2010\n2012\n2014\n' >"$tmp/vos-scores.txt"
"$bin" map "$tmp/vos-corpus.txt" -o "$tmp/vos" -q --format vosviewer --scores "$tmp/vos-scores.txt" \
    --min-occurrences 2 --keep 100 --no-nested || fail "--format vosviewer failed"
grep -q '"documents": 3' "$tmp/vos/run.json" || fail "the VOSviewer corpus file did not give 3 documents"
grep -q "^[0-9]*,sister city,3,3,.*,2012,$" "$tmp/vos/terms.csv" || fail "VOSviewer scores: avg year of sister city"
# --section abstract keeps the bundled documents' abstracts.
"$bin" map "$2/corpus" -o "$tmp/abs" -q --section abstract --min-occurrences 2 || fail "--section abstract failed"
grep -q "abstracts found (--section abstract): [1-5]$" "$tmp/abs/report.md" || fail "report.md lacks the abstracts found"

# The same CSV saved by a spreadsheet as Windows-1252 (Latin-1) or as UTF-16 maps the same.
mkdir "$tmp/enc"
$py - "$tmp/enc" <<'EOF2'
import sys
rows = ['Title,Year,Abstract',
        '"Paradiplomasi di Sumátera",2019,"“Kerja sama” sister city pemerintah daerah – kota."',
        '"Sister city pemerintah daerah",2020,"Kerja sama sister city di Sumátera dan paradiplomasi."']
text = "\r\n".join(rows) + "\r\n"
for name, enc in (("utf8", "utf-8"), ("cp1252", "cp1252"), ("utf16", "utf-16")):
    with open(f"{sys.argv[1]}/{name}.csv", "wb") as f:
        f.write(text.encode(enc))  # utf-16: with its byte-order mark
EOF2
for enc in utf8 cp1252 utf16; do
    "$bin" map "$tmp/enc/$enc.csv" -o "$tmp/enc/$enc" --min-occurrences 2 --keep 100 --no-nested \
        2>"$tmp/enc/$enc.err" || { cat "$tmp/enc/$enc.err"; fail "the $enc CSV was not mapped"; }
done
grep -q "^[0-9]*,sumátera,2,2," "$tmp/enc/utf8/terms.csv" || fail "sumátera missing from the UTF-8 CSV's map"
cmp -s "$tmp/enc/utf8/terms.csv" "$tmp/enc/cp1252/terms.csv" || fail "the Windows-1252 CSV maps differently"
cmp -s "$tmp/enc/utf8/terms.csv" "$tmp/enc/utf16/terms.csv" || fail "the UTF-16 CSV maps differently"
[ "$(grep -c "cp1252.csv:2: not UTF-8 (first at byte 22 of the line); the file is read as Windows-1252" \
    "$tmp/enc/cp1252.err")" = 1 ] || { cat "$tmp/enc/cp1252.err"; fail "not one warning naming the Windows-1252 CSV's line"; }
grep -q "warning" "$tmp/enc/utf16.err" && { cat "$tmp/enc/utf16.err"; fail "the UTF-16 CSV was warned about"; }

# A row with too many fields is skipped with one warning (not one per pass over the file).
printf 'Title,Abstract\n"Kerja sama daerah","Kerja sama daerah dan kota."\n"a","b","c"\n"Kerja sama kota","Kerja sama daerah."\n' \
    >"$tmp/row.csv"
"$bin" map "$tmp/row.csv" -o "$tmp/row" --min-occurrences 1 2>"$tmp/err" || { cat "$tmp/err"; fail "the CSV with a bad row failed"; }
[ "$(grep -c "row.csv:3: the row has 3 fields but the header has 2; row skipped" "$tmp/err")" = 1 ] \
    || { cat "$tmp/err"; fail "not one warning for the bad row"; }

# A CSV without any text column is one clear error naming it; a broken record is a warning.
printf 'Authors,Year\n"X",2019\n' >"$tmp/bad.csv"
"$bin" map "$tmp/bad.csv" -o "$tmp/bad-out" -q 2>"$tmp/err"
code=$?
[ "$code" = 3 ] || { cat "$tmp/err"; fail "a CSV without text columns exited $code, expected 3"; }
grep -q "bad.csv" "$tmp/err" || fail "the error does not name bad.csv"
# Found in a folder beside the documents (a survey's answers), such a table is skipped
# with a warning and listed in report.md, and the map is the documents' alone; named on
# the command line, or with --columns, it is still the error above.
mkdir "$tmp/folder"
cp "$src/corpus/aesthetica-jakarta-beijing.md" "$src/corpus/azqiya-ntb-kujawsko-pomorskie.md" "$tmp/folder/"
"$bin" map "$tmp/folder" -o "$tmp/folder-docs" -q --min-occurrences 2 || fail "the two documents failed"
printf 'Responden;Umur;Jawaban\n1;23;setuju\n2;31;tidak setuju\n' >"$tmp/folder/survei.csv"
"$bin" map "$tmp/folder" -o "$tmp/folder-out" --min-occurrences 2 2>"$tmp/err" ||
    { cat "$tmp/err"; fail "a survey table in the folder stopped the run"; }
grep -q "warning: skipping '.*folder/survei.csv': a CSV table without a title, abstract or keywords column (its header: \"Responden\", \"Umur\", \"Jawaban\"), so no bibliographic export; to map it, name its columns with --columns" \
    "$tmp/err" || { cat "$tmp/err"; fail "no warning naming the survey table"; }
grep -q "survei.csv | [0-9]* | 0 |  | 0 | 0 | skipped: a CSV table without a title, abstract or keywords column |" \
    "$tmp/folder-out/report.md" || fail "report.md does not list the skipped table"
cmp -s "$tmp/folder-out/terms.csv" "$tmp/folder-docs/terms.csv" || fail "the skipped table changed the map"
"$bin" map "$tmp/folder/survei.csv" "$tmp/folder" -o "$tmp/named-out" -q 2>"$tmp/err"
code=$?
[ "$code" = 3 ] && grep -q "survei.csv: no title, abstract or keywords column" "$tmp/err" ||
    { cat "$tmp/err"; fail "a table named on the command line was not an error (exit $code)"; }
"$bin" map "$tmp/folder" -o "$tmp/named-out" -q --columns title=Judul 2>"$tmp/err"
code=$?
[ "$code" = 3 ] && grep -q "survei.csv: no column named 'Judul'" "$tmp/err" ||
    { cat "$tmp/err"; fail "--columns did not make the table an error (exit $code)"; }
# run.json's SHA-256 of a record file (hashed beside the first pass on several threads) is
# the file's, with one thread and with two.
for t in 1 2; do
    "$bin" map "$tmp/in/scopus.csv" -o "$tmp/sha-$t" -q --min-occurrences 1 --threads "$t" ||
        fail "the hash run with --threads $t failed"
    want=$(sha256sum <"$tmp/in/scopus.csv" | cut -d' ' -f1)
    grep -q "\"sha256\": \"$want\"" "$tmp/sha-$t/run.json" ||
        fail "run.json's SHA-256 of scopus.csv is not the file's with --threads $t"
done
echo "e2e_records: 1 passed, 0 failed"
