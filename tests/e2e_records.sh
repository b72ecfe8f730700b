#!/usr/bin/env bash
# End-to-end: database and reference-manager exports (CSV, RIS, BibTeX) are
# mapped record by record, with years and citations averaged per term, and a
# record found twice (same DOI or title) counted once.
# usage: e2e_records.sh JARINGKATA SOURCE_DIR
set -u # no pipefail: "grep -q" ends pipes early on purpose
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
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

# A CSV without any text column is one clear error naming it; a broken record is a warning.
printf 'Authors,Year\n"X",2019\n' >"$tmp/bad.csv"
"$bin" map "$tmp/bad.csv" -o "$tmp/bad-out" -q 2>"$tmp/err"
code=$?
[ "$code" = 3 ] || { cat "$tmp/err"; fail "a CSV without text columns exited $code, expected 3"; }
grep -q "bad.csv" "$tmp/err" || fail "the error does not name bad.csv"
echo "e2e_records: 1 passed, 0 failed"
