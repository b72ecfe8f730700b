#!/usr/bin/env bash
# End-to-end: hostile corpora and output folders, generated here (nothing big is
# committed). Every run either completes with a warning and valid outputs, or
# stops with one message naming the file and a documented exit code, leaving
# no staged file behind and the previous outputs byte for byte as they were.
# usage: e2e_hostile.sh JARINGKATA SOURCE_DIR
# JK_TEST_SANITIZED=1 (set by CMake for the ASan + UBSan build, which runs
# several times slower) shrinks the two largest inputs: the 100 MB line to
# 4 MB and the 100,000 files to 10,000, and leaves out the .docx zip bomb (test_read_office
# tries the limit with a small one). bench/ holds the slow scale runs.
set -u
bin=$1 src=$2
py=/usr/bin/python3
tmp=$(mktemp -d)
# The two largest inputs go to memory (tmpfs) where there is one: creating
# 100,000 files on a busy disk can take a minute, in /dev/shm about a second.
fast=$(mktemp -d -p /dev/shm 2>/dev/null) || fast=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp" "$fast"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
big_mb=100 many=100000 bomb=1
if [ "${JK_TEST_SANITIZED:-0}" = 1 ]; then big_mb=4 many=10000 bomb=0; fi
passed=0
t0=$SECONDS

# A previous good map that every failing run below targets and must leave untouched.
"$bin" map "$src/corpus" -o "$tmp/out" -q || fail "the good run failed"
snapshot() { (cd "$tmp/out" && ls -A | sort && sha256sum -- *); }
before=$(snapshot)

# no_staged DIR: no temporary file of a run is left in DIR.
no_staged() {
    local left
    left=$(find "$1" -maxdepth 1 -name '.*.tmp-*' | head -3)
    [ -z "$left" ] || fail "staged files left in $1: $left"
}

# run_bin ARGS...: runs (under "${runner[@]}") with stderr in $tmp/stderr, exit code in
# $code (60 s at most).
runner=()
run_bin() {
    timeout 60 "${runner[@]}" "$bin" "$@" >"$tmp/stdout" 2>"$tmp/stderr"
    code=$?
    [ "$code" != 124 ] || fail "'$*' did not finish within 60 s"
    [ "$code" -lt 128 ] || { cat "$tmp/stderr"; fail "'$*' crashed (exit $code)"; }
}

# expect_fail CODE PATTERN ARGS... (output in $tmp/out): exit CODE, one error line
# matching PATTERN, no staged file, the previous outputs intact.
expect_fail() {
    local want=$1 pattern=$2
    shift 2
    run_bin "$@"
    [ "$code" = "$want" ] || { cat "$tmp/stderr"; fail "'$*' exited $code, expected $want"; }
    grep -q -- "$pattern" "$tmp/stderr" || { cat "$tmp/stderr"; fail "'$*': message lacks '$pattern'"; }
    [ "$(grep -vc 'warning:' "$tmp/stderr")" = 1 ] || { cat "$tmp/stderr"; fail "'$*': not one error line"; }
    no_staged "$tmp/out"
    [ "$(snapshot)" = "$before" ] || fail "'$*' changed the previous outputs"
    passed=$((passed + 1))
}

# expect_ok OUT ARGS...: exit 0 and no staged file; OUT is read back by real readers at
# the end (one Python start for all).
written=()
expect_ok() {
    local out=$1
    shift
    run_bin "$@" -o "$out"
    [ "$code" = 0 ] || { cat "$tmp/stderr"; fail "'$*' exited $code, expected 0"; }
    no_staged "$out"
    written+=("$out")
    passed=$((passed + 1))
}

# warned PATTERN: the last run's stderr has a warning matching PATTERN.
warned() {
    grep -q -- "warning: .*$1" "$tmp/stderr" || { cat "$tmp/stderr"; fail "no warning '$1'"; }
}

# documents OUT: documents read, from run.json (which must parse).
documents() {
    $py -c 'import json,sys; print(json.load(open(sys.argv[1]))["result"]["documents"])' "$1/run.json"
}

# same_map OUT BASE WHAT: OUT's terms, links and clusters are BASE's, byte for byte.
same_map() {
    local f
    for f in terms.csv links.csv clusters.csv; do
        cmp -s "$1/$f" "$2/$f" || fail "$3 changed $f"
    done
}

# no_cut_text DIR WHAT: the text tracked changes deleted in office_files.py's files ("REVISI
# LAMA DIHAPUS") and the hidden text ("CATATAN TERSEMBUNYI PENULIS") are not read: not even
# candidate terms
no_cut_text() {
    run_bin terms "$1" -o "$tmp/cut-terms" --min-occurrences 1
    [ "$code" = 0 ] || { cat "$tmp/stderr"; fail "'terms $1' exited $code, expected 0"; }
    grep -q "kerja sama" "$tmp/cut-terms/terms.tsv" || fail "$2: no candidate terms listed"
    grep -qiE "revisi|dihapus" "$tmp/cut-terms/terms.tsv" &&
        fail "$2: text that tracked changes deleted was read"
    grep -qiE "tersembunyi" "$tmp/cut-terms/terms.tsv" && fail "$2: hidden text was read"
    rm -rf "$tmp/cut-terms"
}

two_docs() { cp "$src/corpus/azqiya-ntb-kujawsko-pomorskie.md" "$src/corpus/aesthetica-jakarta-beijing.md" "$1/"; }

# --- one 100 MB line (4 MB under the sanitizers) ----------------------------
mkdir "$fast/line"
$py "$src/tests/long_line.py" "$fast/line/one-line.txt" "$big_mb"
two_docs "$fast/line"
expect_ok "$tmp/line-out" map "$fast/line"
grep -q "pemerintah daerah" "$tmp/line-out/terms.csv" || fail "${big_mb} MB line: a term is missing"
# from 16 MB a text file is more likely many documents than one: the run says so
[ "$big_mb" -lt 16 ] || warned "one-line.txt' is one document of [0-9]* MB.*--format vosviewer"
rm -rf "$fast/line"

# --- a 300 MB text file and 300 MB of NUL bytes: read in chunks, never held -----
# (left out under the sanitizers, like the zip bomb). A document is held whole while it is
# counted, about 8 bytes of memory a byte: above 256 MB a .txt is skipped as too large, and
# a NUL-filled (sparse) one as binary, their sizes and hashes in run.json all the same; the
# rest is mapped in the memory of a small run.
if [ "$bomb" = 1 ]; then
    mkdir "$fast/huge"
    yes "kerja sama pemerintah daerah dan paradiplomasi." | head -c 300000000 >"$fast/huge/dump.txt"
    truncate -s 300M "$fast/huge/zeros.txt"
    two_docs "$fast/huge"
    runner=($py -c 'import resource, subprocess, sys
code = subprocess.run(sys.argv[2:]).returncode
open(sys.argv[1], "w").write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code)' "$tmp/rss")
    expect_ok "$tmp/huge-out" map "$fast/huge" --min-occurrences 1
    runner=()
    warned "skipping '.*dump.txt': at 286 MB it is too large for one document (at most 256 MB).*--format vosviewer"
    warned "skipping '.*zeros.txt': it is a binary file"
    [ "$(cat "$tmp/rss")" -lt 204800 ] || fail "300 MB files took $(cat "$tmp/rss") KB (over 200 MB)"
    grep -q "dump.txt | 300000000 | .*| skipped: too large for one document |" "$tmp/huge-out/report.md" ||
        fail "report.md does not list dump.txt as too large"
    [ "$(documents "$tmp/huge-out")" = 2 ] || fail "the two small documents were not mapped"
    rm -rf "$fast/huge"
    # a CSV whose second record's abstract runs for 270 MB (a quote left open would do
    # that): the record is skipped with a warning naming the file and line, the rest mapped
    mkdir "$fast/csv"
    $py - "$fast/csv/records.csv" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    f.write("Title,Abstract\n")
    f.write("Kerja sama daerah,pemerintah daerah dan paradiplomasi\n")
    f.write('Judul panjang,"' + "kerja sama pemerintah daerah dan kota kembar. " * 6000000 + '"\n')
    for i in range(3):
        f.write(f"Judul {i},pemerintah daerah dan paradiplomasi kota kembar {i}\n")
EOF
    expect_ok "$tmp/csv-out" map "$fast/csv" --min-occurrences 1
    warned "records.csv:3: record 2 holds [0-9]* MB of text, too large for one document"
    [ "$(documents "$tmp/csv-out")" = 4 ] || fail "the four small records were not mapped"
    rm -rf "$fast/csv"
fi

# --- a 10,000-character word: kept whole as a term, every writer copes -------
mkdir "$tmp/word"
$py - "$tmp/word" <<'EOF'
import sys
w = "a" * 10000
for i in range(3):
    with open(f"{sys.argv[1]}/w{i}.txt", "w") as f:
        f.write(f"Kerja sama daerah {w} pemerintah daerah dan paradiplomasi {w}.\n")
EOF
expect_ok "$tmp/word-out" map "$tmp/word" --min-occurrences 1 --keep 100
grep -q "a\{10000\}" "$tmp/word-out/terms.csv" || fail "the 10,000-character word is not a term"

# --- 100,000 tiny files (10,000 under the sanitizers) -------------------------
$py - "$fast/many" "$many" <<'EOF'
import os, sys
words = ["kerja sama", "pemerintah daerah", "paradiplomasi", "kota kembar", "provinsi",
         "investasi", "pendidikan", "budaya", "pariwisata", "perdagangan"]
top, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    if i % 1000 == 0:
        os.makedirs(f"{top}/{i // 1000:03d}")
    # the number makes each file its own (copies count once) and is no term
    text = f"{words[i % 10]} dan {words[(i * 7 + 3) % 10]} serta {words[(i * 3 + 1) % 10]} {i}.\n"
    fd = os.open(f"{top}/{i // 1000:03d}/{i}.txt", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    os.write(fd, text.encode())
    os.close(fd)
EOF
expect_ok "$tmp/many-out" map "$fast/many"
[ "$(documents "$tmp/many-out")" = "$many" ] || fail "not all $many tiny files were read"

# SIGTERM while those files are read: exit 143, the previous outputs intact.
timeout 60 "$bin" map "$fast/many" -o "$tmp/out" -q 2>"$tmp/stderr" &
pid=$!
sleep 0.3
kill -TERM "$pid" 2>/dev/null
wait "$pid"
code=$?
if [ "$code" = 0 ]; then
    echo "note: the run finished before SIGTERM arrived; the check was not exercised"
    before=$(snapshot)
else
    [ "$code" = 143 ] || { cat "$tmp/stderr"; fail "a terminated run exited $code, expected 143"; }
    grep -q "interrupted" "$tmp/stderr" || fail "no message for SIGTERM"
    no_staged "$tmp/out"
    [ "$(snapshot)" = "$before" ] || fail "a terminated run changed the previous outputs"
fi
rm -rf "$fast/many"

# --- documents of only stopwords, only numbers, only punctuation, or empty ----
for kind in stopwords numbers punctuation empty; do
    mkdir "$tmp/$kind"
    case $kind in
    stopwords) text='Dan yang di ke dari ini itu untuk dengan pada adalah. The of and in to is.' ;;
    numbers) text='1 2 3 2020 3,14 12.5 100% 2019-2021 (4) [5] 10.000.000' ;;
    punctuation) text='!!! ??? ... --- ,,, ;;; ((( ))) *** ### ~~~ "" '"''"' <<< >>>' ;;
    empty) text='' ;;
    esac
    printf '%s\n' "$text" >"$tmp/$kind/a.txt"
    printf '%s\n%s\n' "$text" "$text" >"$tmp/$kind/b.md"
    if [ "$kind" = empty ]; then # no text at all: skipped like binary files, an input error
        expect_fail 3 "none of the 2 documents under '$tmp/empty' has usable text (binary or empty" \
            map "$tmp/$kind" -o "$tmp/out"
        warned "skipping '.*empty/a.txt': it is empty (no text, or only white space)"
    else
        expect_fail 5 "no candidate terms (only stopwords, numbers or punctuation?)" \
            map "$tmp/$kind" -o "$tmp/out"
    fi
done
# a second copy of a document (the same bytes, "paper (1).md") counts once: the same map
mkdir "$tmp/copies"
two_docs "$tmp/copies"
cp "$src/corpus/aesthetica-jakarta-beijing.md" "$tmp/copies/zz-copy.md"
expect_ok "$tmp/copies-out" map "$tmp/copies"
warned "skipping '.*zz-copy.md': the same bytes as '.*aesthetica-jakarta-beijing.md', which is counted once"
[ "$(documents "$tmp/copies-out")" = 2 ] || fail "a copy of a document was counted"
expect_ok "$tmp/copies-none-out" map "$tmp/copies/aesthetica-jakarta-beijing.md" \
    "$tmp/copies/azqiya-ntb-kujawsko-pomorskie.md"
same_map "$tmp/copies-out" "$tmp/copies-none-out" "a copy of a document"
grep -qF "zz-copy.md | 4273 | 0 |  | 0 | 0 | skipped: the same bytes as $tmp/copies/aesthetica-jakarta-beijing.md |" \
    "$tmp/copies-out/report.md" || fail "report.md does not say the copy was skipped"
# the same paper downloaded from another site (its own cover page, a footer on
# every page), saved as text: a near copy, also counted once, and the same map
{
    echo "Diunduh dari portal jurnal pada 12 Maret 2024 oleh pengguna tamu, hak cipta penerbit"
    awk 'NR % 25 == 0 { print "Jurnal Hubungan Internasional, Volume 3, halaman " NR / 25 } { print }' \
        "$src/corpus/aesthetica-jakarta-beijing.md"
} >"$tmp/copies/zz-download.txt"
expect_ok "$tmp/near-out" map "$tmp/copies"
warned "skipping '.*zz-download.txt': nearly the same text as '.*aesthetica-jakarta-beijing.md' ([0-9]* % of their five-word sequences shared; another download or version of it?), which is counted once; --keep-copies counts both"
[ "$(documents "$tmp/near-out")" = 2 ] || fail "a near copy of a document was counted"
same_map "$tmp/near-out" "$tmp/copies-none-out" "a near copy of a document"
grep -qE "zz-download.txt \| [0-9]+ \| 0 \|  \| 0 \| 0 \| skipped: nearly the same text as $tmp/copies/aesthetica-jakarta-beijing.md \([0-9]+ % of five-word sequences shared\) \|" \
    "$tmp/near-out/report.md" || fail "report.md does not say the near copy was skipped"
# --keep-copies counts them all, and says so
expect_ok "$tmp/keep-out" map "$tmp/copies" --keep-copies
[ "$(documents "$tmp/keep-out")" = 4 ] || fail "--keep-copies did not count every copy"
grep -q "warning: skipping" "$tmp/stderr" && fail "--keep-copies still skipped a file"
grep -qF -- "- copies of files and near copies counted too (--keep-copies)" "$tmp/keep-out/report.md" ||
    fail "report.md does not say copies were counted"
rm "$tmp/copies/zz-download.txt"
# a thesis chapter downloaded beside the whole thesis ("bab1" comes first in path
# order): it lies inside the whole, is skipped, and the map is the whole's alone
mkdir "$tmp/chapters"
two_docs "$tmp/chapters"
cat "$src/corpus/skripsi-sumbar-jeollabuk-do-bab1.md" "$src/corpus/tesis-ntb-zhejiang-bab4.txt" \
    >"$tmp/chapters/skripsi-lengkap.md"
expect_ok "$tmp/whole-out" map "$tmp/chapters" --min-occurrences 2
cp "$src/corpus/skripsi-sumbar-jeollabuk-do-bab1.md" "$tmp/chapters/bab1.md"
expect_ok "$tmp/chapter-out" map "$tmp/chapters" --min-occurrences 2
warned "skipping '.*chapters/bab1.md': [0-9]* % of its five-word sequences are in the larger '.*chapters/skripsi-lengkap.md' (a chapter or part of it?), which is counted; --keep-copies counts both"
[ "$(documents "$tmp/chapter-out")" = 3 ] || fail "a chapter beside its whole thesis was counted"
same_map "$tmp/chapter-out" "$tmp/whole-out" "a chapter beside its thesis"
grep -qE "bab1.md \| [0-9]+ \| 0 \|  \| 0 \| 0 \| skipped: its text lies inside $tmp/chapters/skripsi-lengkap.md \((9[0-9]|100) % of its five-word sequences\) \|" \
    "$tmp/chapter-out/report.md" || fail "report.md does not say the chapter was skipped"
expect_ok "$tmp/chapter-keep-out" map "$tmp/chapters" --min-occurrences 2 --keep-copies
[ "$(documents "$tmp/chapter-keep-out")" = 4 ] || fail "--keep-copies did not count the chapter"
# a file name with a newline and a terminal escape: the warning is still one plain line
odd="$tmp/copies/zz-$(printf 'a\nb\033[2J')c.md"
cp "$src/corpus/aesthetica-jakarta-beijing.md" "$odd"
expect_ok "$tmp/copies-out" map "$tmp/copies"
warned "skipping '.*zz-a?b?\[2Jc.md': the same bytes as"
grep -q "$(printf '\033')" "$tmp/stderr" && fail "a file name's escape sequence reached stderr"
rm "$odd"
# many copies: ten warnings, then one line for the rest
for k in $(seq 11 22); do cp "$src/corpus/aesthetica-jakarta-beijing.md" "$tmp/copies/zz-copy-$k.md"; done
expect_ok "$tmp/copies-out" map "$tmp/copies"
[ "$(grep -c "warning: skipping .*the same bytes as" "$tmp/stderr")" = 10 ] || fail "not ten copy warnings"
warned "3 more files were copies of earlier ones and were skipped; report.md lists them"

# an empty file beside real documents is skipped with a warning and not counted
mkdir "$tmp/some-empty"
two_docs "$tmp/some-empty"
: >"$tmp/some-empty/blank.txt"
expect_ok "$tmp/some-empty-out" map "$tmp/some-empty"
warned "skipping '.*blank.txt': it is empty"
[ "$(documents "$tmp/some-empty-out")" = 2 ] || fail "an empty file was counted as a document"
grep -qF "blank.txt | 0 | 0 |  | 0 | 0 | skipped: empty |" "$tmp/some-empty-out/report.md" ||
    fail "report.md does not say the empty file was skipped"

# --- CRLF line ends, a byte-order mark, or UTF-16 give the same map as UTF-8 with LF
mkdir "$tmp/lf" "$tmp/crlf"
for f in "$src/corpus/azqiya-ntb-kujawsko-pomorskie.md" "$src/corpus/aesthetica-jakarta-beijing.md"; do
    cp "$f" "$tmp/lf/"
    { printf '\357\273\277'; sed 's/$/\r/' "$f"; } >"$tmp/crlf/$(basename "$f")"
done
$py - "$tmp/crlf" "$tmp/utf16le" "$tmp/utf16be" <<'EOF'
import os, sys
for order, out in (("le", sys.argv[2]), ("be", sys.argv[3])):
    os.mkdir(out)
    for name in os.listdir(sys.argv[1]):
        with open(os.path.join(sys.argv[1], name), encoding="utf-8-sig", newline="") as f:
            text = f.read()
        with open(os.path.join(out, name), "wb") as f:
            f.write("\ufeff".encode("utf-16-" + order) + text.encode("utf-16-" + order))
EOF
for kind in lf crlf utf16le utf16be; do
    expect_ok "$tmp/$kind-out" map "$tmp/$kind"
    [ "$kind" = lf ] && continue
    for f in terms.csv links.csv clusters.csv network.graphml; do
        cmp -s "$tmp/lf-out/$f" "$tmp/$kind-out/$f" || fail "$kind: $f differs from the UTF-8 LF map"
    done
done

# --- Latin-1 (Windows-1252) bytes: read as such, one warning naming the file and byte
mkdir "$tmp/latin1"
echo "Kerja sama pemerintah daerah dan paradiplomasi kota." >"$tmp/latin1/utf8.txt"
printf 'Kerja sama Universit\344t dan caf\351 \223paradiplomasi\224 pemerintah daerah.\n' \
    >"$tmp/latin1/latin1.txt"
expect_ok "$tmp/latin1-out" map "$tmp/latin1" --min-occurrences 1 --keep 100
warned "latin1.txt': not UTF-8 (first at byte 20); read as Windows-1252 (Latin-1)"
[ "$(grep -c 'latin1.txt' "$tmp/stderr")" = 1 ] || fail "more than one warning for the Latin-1 file"
grep -q "universität" "$tmp/latin1-out/terms.csv" || fail "a Latin-1 word was not recovered"

# --- NUL bytes: the file is skipped with a warning, the others are mapped ----
mkdir "$tmp/nul"
two_docs "$tmp/nul"
{ head -c 3000 "$src/corpus/tesis-ntb-zhejiang-bab4.txt"; printf '\000'; echo " kerja sama"; } \
    >"$tmp/nul/stray-nul.txt"
head -c 4096 /dev/zero >"$tmp/nul/zeros.md"
expect_ok "$tmp/nul-out" map "$tmp/nul"
warned "skipping '.*stray-nul.txt': it is a binary file (NUL byte)"
warned "skipping '.*zeros.md': it is a binary file"
[ "$(documents "$tmp/nul-out")" = 2 ] || fail "NUL files: expected 2 documents read"
# many binary files: ten warnings one by one, then one line for the rest
for k in $(seq 1 12); do printf 'x\0y' >"$tmp/nul/bin-$k.txt"; done
expect_ok "$tmp/nul-out" map "$tmp/nul"
[ "$(grep -c "warning: skipping .*it is a binary file" "$tmp/stderr")" = 10 ] || fail "not ten binary-file warnings"
warned "4 more files were binary and were skipped; report.md lists them"
[ "$(grep -c "skipped: binary" "$tmp/nul-out/report.md")" = 14 ] || fail "report.md does not list every binary file"

# --- Word and OpenDocument files: the same map as the text they hold; files without
# text (a password-protected Word file, a .doc renamed, a download cut short, an archive
# of something else, XML cut short, a never-opened empty .docx, a zip bomb) are skipped
# with one warning each saying what to do, and listed in report.md
mkdir "$tmp/office" "$tmp/office-md"
two_docs "$tmp/office-md"
docs=("$tmp/office-md"/*)
$py "$src/tests/office_files.py" docx "${docs[0]}" "$tmp/office/$(basename "${docs[0]%.*}").docx"
$py "$src/tests/office_files.py" odt "${docs[1]}" "$tmp/office/$(basename "${docs[1]%.*}").odt"
$py - "$tmp/office" "$bomb" <<'EOF'
import os, sys, zipfile
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
out, bomb = sys.argv[1], sys.argv[2]
whole = open(out + "/" + os.listdir(out)[0], "rb").read()
open(out + "/bad-cut.docx", "wb").write(whole[: len(whole) // 2])
open(out + "/bad-compound.docx", "wb").write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
open(out + "/bad-empty.docx", "wb").close()
with zipfile.ZipFile(out + "/bad-sheet.odt", "w") as z:
    z.writestr("content-of-something-else.xml", "<x/>")
with zipfile.ZipFile(out + "/bad-xml.docx", "w") as z:
    z.writestr("word/document.xml", '<w:document xmlns:w="%s"><w:body><w:p>' % W)
with zipfile.ZipFile(out + "/bad-bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("word/document.xml", "w", force_zip64=True) as f:
        f.write(b'<w:document xmlns:w="%s"><w:body>' % W.encode())
        for _ in range(45 if bomb == "1" else 0):  # 270 MB unpacked, 400 KB packed
            f.write(b"<w:p/>" * 1000000)
        # no end: damaged, where the sanitized build leaves out the bomb itself
EOF
$py "$src/tests/office_files.py" locked-docx "${docs[0]}" "$tmp/office/bad-locked.docx"
expect_ok "$tmp/office-md-out" map "$tmp/office-md"
expect_ok "$tmp/office-out" map "$tmp/office"
same_map "$tmp/office-out" "$tmp/office-md-out" "reading the documents from .docx and .odt"
grep -q "kepala halaman" "$tmp/office-out/terms.csv" && fail "a .docx page header became a term"
no_cut_text "$tmp/office" ".docx and .odt files"
warned "skipping '.*bad-cut.docx': not a .docx archive (damaged, or another format renamed); open it in Word and save it again, or as PDF"
warned "skipping '.*bad-compound.docx': damaged or cut short (its sectors or piece table do not hold together)"
warned "skipping '.*bad-locked.docx': not a .docx archive but an OLE compound file without Word's text: a Word file saved with a password"
warned "skipping '.*bad-empty.docx': it is empty"
warned "skipping '.*bad-sheet.odt': an archive without content.xml, so not an OpenDocument text"
warned "skipping '.*bad-xml.docx': damaged or cut short"
[ "$bomb" = 0 ] || warned "skipping '.*bad-bomb.docx': a text part that unpacks to more than 256 MB"
[ "$(documents "$tmp/office-out")" = 2 ] || fail "office files: expected 2 documents read"
grep -q "bad-locked.docx | .* | skipped: a password-protected Word file or another Office file |" \
    "$tmp/office-out/report.md" || fail "report.md does not say why bad-locked.docx was skipped"
# a folder of nothing but such files: an input error saying so, the previous outputs intact
mkdir "$tmp/office-bad"
cp "$tmp/office/bad-locked.docx" "$tmp/office/bad-sheet.odt" "$tmp/office-bad/"
expect_fail 3 "none of the 2 documents under '$tmp/office-bad' has usable text (.*Word and OpenDocument files without readable text" \
    map "$tmp/office-bad" -o "$tmp/out"

# --- Word 97-2003 .doc files: the same map as the text they hold (one a real .doc, one a .docx
# renamed .doc); a .doc cut short, from Word 95, saved with a password or a spreadsheet is
# skipped with one warning each saying what to do; a web page saved as .doc is read as a
# page, and plain text saved as .doc as text
mkdir "$tmp/msdoc"
$py "$src/tests/office_files.py" doc "${docs[0]}" "$tmp/msdoc/$(basename "${docs[0]%.*}").doc"
$py "$src/tests/office_files.py" docx "${docs[1]}" "$tmp/msdoc/$(basename "${docs[1]%.*}").doc"
$py - "$tmp/msdoc" "$src/tests" <<'EOF'
import os, struct, sys
out = sys.argv[1]
sys.path.insert(0, sys.argv[2])
import office_files
whole = open(out + "/" + sorted(os.listdir(out))[0], "rb").read()
open(out + "/bad-cut.doc", "wb").write(whole[: len(whole) // 2])
# the WordDocument stream is the second (by name length), after the FAT, directory and 1Table
wd = 512 * (1 + 1 + 1 + 8)
assert whole[wd:wd + 2] == b"\xec\xa5"
for name, at, value in (("bad-word95.doc", 2, 0x68), ("bad-password.doc", 0x0A, 0x0300)):
    changed = bytearray(whole)
    struct.pack_into("<H", changed, wd + at, value)
    open(out + "/" + name, "wb").write(changed)
open(out + "/bad-sheet.doc", "wb").write(office_files.compound_file([("Workbook", b"\x09\x08")]))
EOF
expect_ok "$tmp/msdoc-out" map "$tmp/msdoc"
same_map "$tmp/msdoc-out" "$tmp/office-md-out" "reading the documents from .doc files"
grep -q "catatan kaki halaman" "$tmp/msdoc-out/terms.csv" && fail "a .doc footnote became a term"
no_cut_text "$tmp/msdoc" ".doc files"
warned "skipping '.*bad-cut.doc': damaged or cut short (its sectors or piece table do not hold together); open it and save it again, or as .docx or PDF"
warned "skipping '.*bad-word95.doc': a Word 6 or Word 95 document, which is not read"
warned "skipping '.*bad-password.doc': saved with a password; save it again without one, or as PDF"
warned "skipping '.*bad-sheet.doc': an OLE compound file without a Word document's text (an Excel or PowerPoint file"
[ "$(documents "$tmp/msdoc-out")" = 2 ] || fail ".doc files: expected 2 documents read"
grep -q "bad-word95.doc | .* | skipped: a Word 6 or Word 95 document |" "$tmp/msdoc-out/report.md" ||
    fail "report.md does not say why bad-word95.doc was skipped"
mkdir "$tmp/msdoc-page"
cp "${docs[@]}" "$tmp/msdoc-page/"
printf '<html><head><title>Unduhan</title></head><body><p>Paradiplomasi maritim kota pelabuhan.</p></body></html>\n' \
    >"$tmp/msdoc-page/unduhan.doc"
printf 'Catatan lapangan\r\nBudidaya rumput laut pesisir.\r\n' >"$tmp/msdoc-page/catatan.doc"
expect_ok "$tmp/msdoc-page-out" map "$tmp/msdoc-page" --min-occurrences 1
grep -q ",maritim kota pelabuhan," "$tmp/msdoc-page-out/terms.csv" ||
    fail "a web page saved as .doc was not read as a page"
grep -q ",budidaya rumput laut," "$tmp/msdoc-page-out/terms.csv" ||
    fail "plain text saved as .doc was not read as text"

# --- RTF documents: the same map as the text they hold (one .rtf, one RTF file named .doc, as
# Word saves "Rich Text" under either name); a ".rtf" that is not RTF, and an empty one, are
# skipped with a warning
mkdir "$tmp/rtf"
$py "$src/tests/office_files.py" rtf "${docs[0]}" "$tmp/rtf/$(basename "${docs[0]%.*}").rtf"
$py "$src/tests/office_files.py" rtf "${docs[1]}" "$tmp/rtf/$(basename "${docs[1]%.*}").doc"
printf 'Teks biasa, bukan RTF.\n' >"$tmp/rtf/bad-plain.rtf"
: >"$tmp/rtf/bad-empty.rtf"
expect_ok "$tmp/rtf-out" map "$tmp/rtf"
same_map "$tmp/rtf-out" "$tmp/office-md-out" "reading the documents from RTF files"
grep -q "kepala halaman" "$tmp/rtf-out/terms.csv" && fail "an RTF page header became a term"
no_cut_text "$tmp/rtf" "RTF files"
warned "skipping '.*bad-plain.rtf': not an RTF document (it does not start with \"{\\\\rtf\"); open it and save it as .rtf, .docx or PDF"
warned "skipping '.*bad-empty.rtf': it is empty"
[ "$(documents "$tmp/rtf-out")" = 2 ] || fail "RTF files: expected 2 documents read"

# --- saved web pages: an article's page (site header, menus, side bar, footer, scripts)
# gives the map of the article's text; the "_files" folder a browser saves beside it (an
# advertisement's frame) is left out with a warning
mkdir -p "$tmp/web/Artikel_files"
$py - "$tmp/office-md" "$tmp/web" <<'EOF'
import html, os, sys
src, out = sys.argv[1], sys.argv[2]
for k, name in enumerate(sorted(os.listdir(src))):
    lines = open(os.path.join(src, name), encoding="utf-8").read().split("\n")
    body = "\n".join("<p>\n  %s\n</p>" % html.escape(l).replace(" ", "\n     ", 2) for l in lines)
    page = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Jurnal</title><script>var s ="
            " '<p>skrip kota kembar</p>';</script><style>p { margin: 0 }</style></head><body>"
            "<header><nav><a href='/'>Beranda</a> <a href='/arsip'>Arsip terbitan</a></nav>"
            "<div>JURNAL KAJIAN WILAYAH</div></header><main><article>%s<footer>Bagikan artikel ini"
            "</footer></article></main><aside>Artikel terpopuler</aside><footer>Hak cipta "
            "penerbit kampus</footer></body></html>" % body)
    ext = ".html" if k == 0 else ".htm"
    open(os.path.join(out, ("Artikel" if k == 0 else name.rsplit(".", 1)[0]) + ext), "w",
         encoding="utf-8").write(page)
open(os.path.join(out, "Artikel_files", "iklan.html"), "w").write(
    "<p>Promo kuota internet murah kota kembar</p>")
EOF
expect_ok "$tmp/web-out" map "$tmp/web"
same_map "$tmp/web-out" "$tmp/office-md-out" "reading the documents from saved web pages"
warned "skipping '.*Artikel_files': the pictures, scripts and frames of a saved web page, whose .html beside it is read"
grep -q "arsip terbitan\|penerbit kampus\|terpopuler" "$tmp/web-out/terms.csv" &&
    fail "a web page's menu, side bar or footer became a term"

# --- link loops in the input folder: no hang, each document read once --------
mkdir -p "$tmp/loop/sub"
two_docs "$tmp/loop/sub"
ln -s . "$tmp/loop/self"
ln -s .. "$tmp/loop/sub/up"
ln -s .. "$tmp/loop/sub/up-again"
ln -s "$tmp/loop/sub" "$tmp/loop/also-sub"
expect_ok "$tmp/loop-out" map "$tmp/loop"
warned "skipping '.*self': a link to a folder already read"
[ "$(documents "$tmp/loop-out")" = 2 ] || fail "a link loop read documents more than once"

# --- a dangling link and a FIFO named like documents: skipped with a warning, no hang
mkdir "$tmp/odd"
two_docs "$tmp/odd"
ln -s "$tmp/nowhere.txt" "$tmp/odd/gone.txt"
mkfifo "$tmp/odd/pipe.txt"
expect_ok "$tmp/odd-out" map "$tmp/odd"
warned "skipping '.*gone.txt': No such file or directory"
warned "skipping '.*pipe.txt': it is not an ordinary file (a pipe, device or socket)"
for row in "gone.txt |  | 0 |  |  |  | skipped: No such file or directory |" \
    "pipe.txt |  | 0 |  |  |  | skipped: it is not an ordinary file (a pipe, device or socket) |"; do
    grep -qF -- "$row" "$tmp/odd-out/report.md" || fail "report.md does not list what was left out: $row"
done

# --- an unreadable file: exit 3 naming it ------------------------------------
# chmod 000 does not stop root, so as root the run drops the capabilities that
# let root read anyway (setpriv); without setpriv the sub-case is skipped.
mkdir "$tmp/locked"
two_docs "$tmp/locked"
echo "kerja sama" >"$tmp/locked/secret.txt"
chmod 000 "$tmp/locked/secret.txt"
readable_anyway=false
if [ "$(id -u)" = 0 ]; then
    runner=(setpriv --bounding-set=-dac_override,-dac_read_search)
    "${runner[@]}" cat "$tmp/locked/secret.txt" >/dev/null 2>&1 && readable_anyway=true
fi
if $readable_anyway; then
    echo "note: root can read a chmod 000 file here (no setpriv?): the unreadable-file case was skipped"
else
    expect_fail 3 "cannot open '$tmp/locked/secret.txt': Permission denied; make it readable" \
        map "$tmp/locked" -o "$tmp/out"
fi
runner=()

# A file whose read fails (EIO) even for root: the kernel refuses reads at
# offset 0 of /proc/self/mem.
if [ -r /proc/self/mem ]; then
    mkdir "$tmp/eio"
    two_docs "$tmp/eio"
    ln -s /proc/self/mem "$tmp/eio/memory.txt"
    expect_fail 3 "cannot read '$tmp/eio/memory.txt': .*move it out of the input" \
        map "$tmp/eio" -o "$tmp/out"
fi

# --- output paths that cannot take the map -----------------------------------
echo "keep me" >"$tmp/a-file"
sum=$(sha256sum <"$tmp/a-file")
expect_fail 4 "output '$tmp/a-file' exists and is not a folder" map "$src/corpus" -o "$tmp/a-file"
[ "$(sha256sum <"$tmp/a-file")" = "$sum" ] || fail "the file given as -o was changed"
# A folder where one output file goes: refused before any file is replaced.
cp -a "$tmp/out" "$tmp/out-dir"
rm "$tmp/out-dir/map.svg" && mkdir "$tmp/out-dir/map.svg"
(cd "$tmp/out-dir" && sha256sum -- *.csv *.json) >"$tmp/out-dir.sums"
run_bin map "$src/corpus" -o "$tmp/out-dir" --max-terms 20
[ "$code" = 4 ] || { cat "$tmp/stderr"; fail "a folder in place of map.svg: exit $code, expected 4"; }
grep -q "map.svg': it is a folder; remove it" "$tmp/stderr" || { cat "$tmp/stderr"; fail "unclear message"; }
(cd "$tmp/out-dir" && sha256sum --quiet -c "$tmp/out-dir.sums") || fail "a refused commit replaced files"
no_staged "$tmp/out-dir"
passed=$((passed + 1))

# --- the output folder inside the input folder: its files are never read back
mkdir "$tmp/nest"
cp "$src"/corpus/*.md "$tmp/nest/"
run_bin map "$tmp/nest" -o "$tmp/nest/peta" -q
cp "$tmp/nest/peta/terms.csv" "$tmp/nest-terms.csv"
expect_ok "$tmp/nest/peta" map "$tmp/nest"
warned "skipping '$tmp/nest/peta': it is the output folder"
cmp -s "$tmp/nest-terms.csv" "$tmp/nest/peta/terms.csv" || fail "a second run read its own outputs"

# --- hostile labels from the command line: a thesaurus can rename a term to anything
# UTF-8 (tests/test_outputs.c feeds the writers invalid UTF-8 as well)
printf 'label\treplace by\nkerja sama\ta<b & "c" </script> \001 \033[31m \357\277\276 x\n' \
    >"$tmp/thesaurus.tsv"
# (not expect_ok: check_formats.py wants one label in every format, but each format
# replaces what it cannot hold in its own documented way, checked below)
run_bin map "$src/corpus" --thesaurus "$tmp/thesaurus.tsv" -o "$tmp/thes-out"
[ "$code" = 0 ] || { cat "$tmp/stderr"; fail "a hostile thesaurus label: exit $code"; }
no_staged "$tmp/thes-out"
passed=$((passed + 1))
xmllint --noout --nonet "$tmp/thes-out"/*.graphml "$tmp/thes-out"/*.gexf "$tmp/thes-out"/*.svg ||
    fail "a thesaurus label broke an XML output"
$py - "$tmp/thes-out" <<'EOF' || fail "a thesaurus label broke an output"
import csv, json, sys
import networkx as nx
from html.parser import HTMLParser
out, want = sys.argv[1], 'a<b & "c" </script> \x01 \x1b[31m \ufffe x'
with open(f"{out}/terms.csv", encoding="utf-8", newline="") as f:
    assert want in [r["label"] for r in csv.DictReader(f)], "terms.csv"
with open(f"{out}/vosviewer.json", encoding="utf-8") as f:
    assert want in [i["label"] for i in json.load(f)["network"]["items"]], "vosviewer.json"
xml = want.replace("\x01", "\ufffd").replace("\x1b", "\ufffd").replace("\ufffe", "\ufffd")
assert xml in [d["label"] for _, d in nx.read_graphml(f"{out}/network.graphml").nodes(data=True)]
assert xml in [d["label"] for _, d in nx.read_gml(f"{out}/network.gml", label="id").nodes(data=True)]
assert "a<b & 'c' </script>    [31m \ufffe x" in nx.read_pajek(f"{out}/network.net").nodes
class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts, self.inside = [], False
    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append("")
            self.inside = True
    def handle_endtag(self, tag):
        self.inside = False
    def handle_data(self, data):
        if self.inside:
            self.scripts[-1] += data
page = Page()
with open(f"{out}/index.html", encoding="utf-8") as f:
    page.feed(f.read())
assert len(page.scripts) == 2, "a label opened or closed a <script>"
assert want in [t[0] for t in json.loads(page.scripts[0])["terms"]], "index.html"
EOF

# --- hostile file and folder names reach run.json, report.md and the page ----
name=$'odd <b>&"q\' \033[31m \377 \355\240\200 <script>'
mkdir "$tmp/$name"
cp "$src/corpus/azqiya-ntb-kujawsko-pomorskie.md" "$tmp/$name/$name.md"
cp "$src/corpus/aesthetica-jakarta-beijing.md" "$tmp/$name/"$'new\nline.md'
expect_ok "$tmp/names-out" map "$tmp/$name"
$py - "$tmp/names-out" <<'EOF' || fail "hostile names: run.json or index.html does not parse"
import json, sys
from html.parser import HTMLParser
out = sys.argv[1]
with open(f"{out}/run.json", encoding="utf-8") as f:  # strict UTF-8
    run = json.load(f)
assert run["result"]["documents"] == 2, run["result"]
class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.in_data, self.data, self.title = False, [], []
    def handle_starttag(self, tag, attrs):
        self.in_data = tag == "script" and ("id", "data") in attrs
        self.in_title = tag == "title"
    def handle_endtag(self, tag):
        self.in_data = self.in_title = False
    def handle_data(self, d):
        if self.in_data:
            self.data.append(d)
        elif getattr(self, "in_title", False):
            self.title.append(d)
page = Page()
with open(f"{out}/index.html", encoding="utf-8") as f:
    page.feed(f.read())
json.loads("".join(page.data))
assert "<b>&\"q' " in "".join(page.title), page.title
EOF

# The sanitized build writes the same bytes: the plain build's run reads them back.
if [ "${JK_TEST_SANITIZED:-0}" != 1 ]; then
    $py "$src/tests/check_formats.py" "${written[@]}" >/dev/null || fail "outputs do not read back"
fi
echo "e2e_hostile: $passed cases passed in $((SECONDS - t0)) s"
