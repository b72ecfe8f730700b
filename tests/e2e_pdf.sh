#!/usr/bin/env bash
# End-to-end: a folder of PDFs is mapped like text documents; scanned and
# damaged PDFs are skipped with one warning each, and the run goes on.
# usage: e2e_pdf.sh JARINGKATA SOURCE_DIR
set -u # no pipefail: "grep -q" ends pipes early on purpose
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# pdf OUT YEAR LINE...: a minimal one-page PDF (Helvetica) with the lines, created in YEAR;
# its byte offsets are not listed (no xref table), which Poppler repairs as every reader does.
pdf() {
    local out=$1 year=$2 stream="BT /F1 11 Tf 50 750 Td 14 TL" line
    shift 2
    for line in "$@"; do stream="$stream ($line) '"; done
    stream="$stream ET"
    {
        printf '%%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n'
        printf '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n'
        printf '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R '
        printf '/Resources << /Font << /F1 5 0 R >> >> >> endobj\n'
        printf '4 0 obj << /Length %d >> stream\n%s\nendstream endobj\n' "${#stream}" "$stream"
        printf '5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n'
        printf '6 0 obj << /Title (Kajian paradiplomasi) /CreationDate (D:%s0101120000) >> endobj\n' "$year"
        printf 'trailer << /Root 1 0 R /Info 6 0 R >>\n%%%%EOF\n'
    } >"$out"
}

mkdir -p "$tmp/in" "$tmp/bad"
l1="Kerja sama pemerintah daerah dan paradiplomasi di Indonesia berkembang pesat."
l2="Kerja sama sister city antara pemerintah daerah dan kota di luar negeri."
pdf "$tmp/in/a.pdf" 2018 "$l1" "$l2"
pdf "$tmp/in/b.pdf" 2020 "$l2" "$l1"
pdf "$tmp/in/c.pdf" 2022 "$l1" "Paradiplomasi pemerintah daerah menjadi kajian."
pdf "$tmp/in/scan.pdf" 2019 ""
head -c 300 "$tmp/in/a.pdf" >"$tmp/in/broken.pdf"

"$bin" map "$tmp/in" -o "$tmp/out" --min-occurrences 2 --keep 100 2>"$tmp/err" || { cat "$tmp/err"; fail "PDF folder failed"; }
labels=$(tail -n +2 "$tmp/out/terms.csv" | cut -d, -f2)
for t in "pemerintah daerah" paradiplomasi "sister city"; do
    echo "$labels" | grep -qx "$t" || fail "'$t' missing from the PDF map"
done
grep -q "scan.pdf'.*no text layer.*OCR" "$tmp/err" || { cat "$tmp/err"; fail "no warning for the scanned PDF"; }
grep -q "broken.pdf'.*damaged or truncated" "$tmp/err" || { cat "$tmp/err"; fail "no warning for the damaged PDF"; }
grep -q "scan.pdf | .* | skipped: no text" "$tmp/out/report.md" || fail "report.md does not list the skipped PDF"
grep -q '"documents": 3' "$tmp/out/run.json" || fail "run.json does not count 3 documents"
# Years from the PDFs' metadata: average year per term, and the overlay picture.
grep -q "^[0-9]*,sister city,2,2,.*,2019,$" "$tmp/out/terms.csv" || { grep sister "$tmp/out/terms.csv"; fail "avg_year of sister city (2018, 2020) is not 2019"; }
grep -q "^[0-9]*,paradiplomasi,3,3,.*,2020,$" "$tmp/out/terms.csv" || fail "avg_year of paradiplomasi is not 2020"
[ -s "$tmp/out/overlay.svg" ] || fail "no overlay.svg although years are known"
grep -q 'attr.name="avg_year"' "$tmp/out/network.graphml" || fail "GraphML lacks avg_year"

# A thesis as a PDF and as its conversion to text: nearly the same text, counted once.
mkdir "$tmp/both"
thesis=("Bab empat membahas pelaksanaan kerja sama sister province antara Nusa Tenggara Barat"
    "dan Zhejiang sejak penandatanganan nota kesepahaman pada tahun dua ribu sembilan."
    "Kerja sama tersebut meliputi bidang pendidikan, pariwisata, perdagangan dan investasi,"
    "namun banyak program tidak berlanjut karena pergantian kepala daerah dan anggaran."
    "Hambatan utama adalah koordinasi antara pemerintah provinsi dan kementerian luar negeri,"
    "serta keterbatasan kemampuan bahasa aparatur yang menangani urusan luar negeri."
    "Penulis menyarankan agar pemerintah daerah menyusun rencana aksi bersama yang terukur"
    "dan melibatkan perguruan tinggi serta pelaku usaha sejak tahap perencanaan kerja sama.")
pdf "$tmp/both/tesis-ntb.pdf" 2021 "${thesis[@]}"
printf '%s\n' "${thesis[@]}" >"$tmp/both/tesis-ntb.txt"
cp "$tmp/in/a.pdf" "$tmp/in/c.pdf" "$tmp/both/"
"$bin" map "$tmp/both" -o "$tmp/both-out" --min-occurrences 2 --keep 100 2>"$tmp/err" || { cat "$tmp/err"; fail "PDF and text folder failed"; }
grep -q "skipping '.*tesis-ntb.txt': nearly the same text as '.*tesis-ntb.pdf'" "$tmp/err" ||
    { cat "$tmp/err"; fail "a thesis as PDF and as text was not found to be one"; }
grep -q '"documents": 3' "$tmp/both-out/run.json" || fail "the thesis as PDF and as text counted twice"
"$bin" map "$tmp/both" -o "$tmp/both-out" --min-occurrences 2 --keep 100 --keep-copies -q ||
    fail "--keep-copies failed"
grep -q '"documents": 4' "$tmp/both-out/run.json" || fail "--keep-copies did not count both"

# PDFs converted with pdftotext (a form feed after each page): the journal's running head and
# the page numbers go, as in the PDFs themselves, so the head is no term of every article.
mkdir "$tmp/paged"
for d in 1 2 3; do
    for p in 1 2 3 4; do
        printf 'Jurnal Kajian Wilayah Perbatasan Vol. 7 No. 2 (2021)\n\n'
        for k in sebelum sesudah tengah; do
            printf 'Artikel %s bagian %s: pemerintah daerah dan kerja sama sister city %s bab %s.\n' \
                "$(printf '%s' "$d" | tr 123 xyz)" "$(printf '%s' "$p" | tr 1234 abcd)" "$k" \
                "$(printf '%s' "$d$p" | tr 1234 klmn)"
        done
        printf '\n%s\n\f' "$((d * 10 + p))"
    done >"$tmp/paged/artikel-$d.txt"
done
"$bin" map "$tmp/paged" -o "$tmp/paged-out" --min-occurrences 2 --keep 100 --no-nested -q ||
    fail "a folder of pdftotext output failed"
labels=$(tail -n +2 "$tmp/paged-out/terms.csv" | cut -d, -f2)
echo "$labels" | grep -qx "pemerintah daerah" || fail "'pemerintah daerah' missing from the paged texts' map"
echo "$labels" | grep -q "perbatasan\|jurnal" && fail "the running head of paged texts became a term"

# LibreOffice's PDF of a text with five footnotes (tests/data/doc/libreoffice-footnotes.fodt):
# Poppler gives the page's marks as a column, then their texts. The four that cite sources go by
# default, their authors, publishers and titles no terms; the one that explains stays.
mkdir "$tmp/notes"
cp "$src/tests/data/doc/libreoffice-footnotes.pdf" "$tmp/notes/"
printf 'Paradiplomasi pemerintah daerah dan kemitraan kota kembar.\n' >"$tmp/notes/catatan.txt"
for section in body all; do
    "$bin" map "$tmp/notes" -o "$tmp/notes-$section" --min-occurrences 1 --keep 100 -q \
        --formats csv --section "$section" || fail "the footnoted PDF failed with --section $section"
done
for t in "kenichi ohmae" "takdir ali mukti" "riza noer arfani" "borderless world"; do
    grep -q ",$t," "$tmp/notes-body/terms.csv" && fail "'$t' of a citing footnote is a term"
    grep -q ",$t," "$tmp/notes-all/terms.csv" || fail "--section all lost '$t' of the footnotes"
done
grep -q ",hubungan jangka panjang," "$tmp/notes-body/terms.csv" ||
    fail "the footnote that explains was left out"
grep -q -- '- documents whose footnotes citing sources were left out.*: 1$' \
    "$tmp/notes-body/report.md" || fail "report.md does not count the footnoted PDF"

# Poppler is loaded when a PDF is read, and only then (glibc's LD_DEBUG lists every library a
# process loads, dlopen included): the paged texts above are no PDFs.
LD_DEBUG=files "$bin" map "$tmp/paged" -o "$tmp/paged-out" --min-occurrences 2 -q 2>"$tmp/ld" ||
    fail "the paged texts failed under LD_DEBUG"
grep -q "file=libc\.so" "$tmp/ld" || fail "LD_DEBUG=files listed no library: the check cannot see"
grep -q "file=libpoppler" "$tmp/ld" && fail "Poppler was loaded for a folder without PDFs"
LD_DEBUG=files "$bin" map "$tmp/in" -o "$tmp/out" --min-occurrences 2 --keep 100 -q 2>"$tmp/ld"
grep -q "file=libpoppler-glib" "$tmp/ld" || fail "Poppler was not loaded for the PDFs"

# Without Poppler (its dlopen made to fail, as when libpoppler-glib8 is not installed): one
# error naming the PDF and the package, exit 3, and the earlier map left as it was. Folders
# without PDFs still map (the paged texts above).
if [ -n "${JK_NO_POPPLER:-}" ]; then
    before=$(cat "$tmp/out/terms.csv" "$tmp/out/links.csv" | cksum)
    # ASan wants its runtime first among preloaded libraries; the helper is only dlopen.
    LD_PRELOAD=$JK_NO_POPPLER ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 \
        "$bin" map "$tmp/in" -o "$tmp/out" --min-occurrences 2 --keep 100 -q 2>"$tmp/err"
    code=$?
    [ $code = 3 ] || { cat "$tmp/err"; fail "a PDF without Poppler exited $code, not 3"; }
    [ "$(grep -c . "$tmp/err")" = 1 ] || { cat "$tmp/err"; fail "more than one message without Poppler"; }
    grep -q "cannot read the PDF '$tmp/in/[a-z]*\.pdf'.*install the Debian package libpoppler-glib8" \
        "$tmp/err" || { cat "$tmp/err"; fail "unclear message without Poppler"; }
    [ "$(cat "$tmp/out/terms.csv" "$tmp/out/links.csv" | cksum)" = "$before" ] ||
        fail "the earlier map changed when Poppler could not be loaded"
    LD_PRELOAD=$JK_NO_POPPLER ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 \
        "$bin" map "$tmp/paged" -o "$tmp/paged-out" --min-occurrences 2 -q ||
        fail "a folder without PDFs failed when Poppler could not be loaded"
fi

# A folder of unusable PDFs only: one error, exit 3.
cp "$tmp/in/scan.pdf" "$tmp/in/broken.pdf" "$tmp/bad/"
"$bin" map "$tmp/bad" -o "$tmp/bad-out" -q 2>"$tmp/err"
[ $? = 3 ] || fail "a folder of unusable PDFs did not exit 3"
grep -q "none of the 2 documents" "$tmp/err" || { cat "$tmp/err"; fail "unclear message for unusable PDFs"; }
echo "e2e_pdf: 1 passed, 0 failed"
