#!/usr/bin/env bash
# End-to-end: bad input gives one clear message naming the problem, a distinct
# non-zero exit, and leaves the previous outputs intact.
# usage: e2e_errors.sh JARINGKATA SOURCE_DIR
set -u  # no pipefail: "grep -q" ends pipes early on purpose
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# A previous good map that every failing run below must leave untouched.
"$bin" map "$src/corpus" -o "$tmp/out" -q || fail "the good run failed"
snapshot() { (cd "$tmp/out" && ls -A | sort && sha256sum -- *) ; }
before=$(snapshot)

# expect CODE PATTERN ARGS...: exit code CODE, stderr matching PATTERN, outputs intact.
expect() {
    local code=$1 pattern=$2
    shift 2
    "$bin" "$@" >"$tmp/stdout" 2>"$tmp/stderr"
    local got=$?
    [ "$got" = "$code" ] || { cat "$tmp/stderr"; fail "'$*' exited $got, expected $code"; }
    grep -q -- "$pattern" "$tmp/stderr" || { cat "$tmp/stderr"; fail "'$*': message lacks '$pattern'"; }
    [ "$(grep -vc 'warning:' "$tmp/stderr")" = 1 ] || { cat "$tmp/stderr"; fail "'$*': not exactly one error line"; }
    [ "$(snapshot)" = "$before" ] || fail "'$*' changed the previous outputs"
}

mkdir -p "$tmp/empty" "$tmp/binary" "$tmp/asfile"
printf 'PK\003\004\000\000binary\000data' >"$tmp/binary/a.txt"
printf '\000\001\002' >"$tmp/binary/b.md"
touch "$tmp/asfile/file"

expect 3 "$tmp/missing" map "$tmp/missing" -o "$tmp/out"
expect 3 "no .txt, .md, .pdf, .docx, .doc, .rtf, .odt, .html, .csv, .ris or .bib documents found in '$tmp/empty'" map "$tmp/empty" -o "$tmp/out"
expect 3 "binary" map "$tmp/binary" -o "$tmp/out"
expect 2 "resolution" map "$src/corpus" -o "$tmp/out" --resolution -1
expect 2 "min-occurrences" map "$src/corpus" -o "$tmp/out" --min-occurrences 0
expect 2 "not 'many'" map "$src/corpus" -o "$tmp/out" --min-occurrences many
expect 2 "unknown" map "$src/corpus" -o "$tmp/out" --no-such-option
expect 2 "unknown command" frobnicate
expect 5 "lower --min-occurrences" map "$src/corpus" -o "$tmp/out" --min-occurrences 100000
# --dictionary given something that is not a word list: an error naming it, not garbage roots
expect 3 "$tmp/binary/a.txt:1: the line holds a NUL byte, so it is not a hunspell dictionary" \
    map "$src/corpus" -o "$tmp/out" --dictionary "$tmp/binary/a.txt"
expect 3 "$tmp/asfile/file: it holds no word.*or --no-stem" \
    map "$src/corpus" -o "$tmp/out" --dictionary "$tmp/asfile/file"
# A VOSviewer corpus file (a document a line) read as one plain text: one document can
# link nothing, said at once with a given threshold and after counting with the automatic one.
mkdir -p "$tmp/lines"
for f in "$src"/corpus/*.md; do tr '\n' ' ' <"$f"; echo; done >"$tmp/lines/corpus.txt"
expect 5 "is one document.*add --format vosviewer" map "$tmp/lines/corpus.txt" -o "$tmp/out" --min-occurrences 2
expect 5 "is one document.*add --format vosviewer" map "$tmp/lines/corpus.txt" -o "$tmp/out"
# A folder whose second file is a copy of the first: one document is left, and the error says so.
mkdir -p "$tmp/one-left"
cp "$src/corpus/aesthetica-jakarta-beijing.md" "$tmp/one-left/a.md"
cp "$src/corpus/aesthetica-jakarta-beijing.md" "$tmp/one-left/b.md"
expect 5 "only one of the 2 files under '.*one-left' is a usable document (the warnings say why" \
    map "$tmp/one-left" -o "$tmp/out" --min-occurrences 2
"$bin" map "$tmp/lines/corpus.txt" --format vosviewer -o "$tmp/lines-out" -q ||
    fail "the same file as a VOSviewer corpus file failed"
n_md=$(ls "$src"/corpus/*.md | wc -l)
grep -q "\"documents\": $n_md," "$tmp/lines-out/run.json" || fail "the VOSviewer corpus file is not $n_md documents"
# ...and the other advice maps one text.
expect 5 "use --counting full --unit sentence" map "$src/corpus/tesis-ntb-zhejiang-bab4.txt" -o "$tmp/out" --unit sentence
"$bin" map "$src/corpus/tesis-ntb-zhejiang-bab4.txt" --counting full --unit sentence -o "$tmp/one-text" -q ||
    fail "one text with --counting full --unit sentence failed"
expect 4 "$tmp/asfile/file" map "$src/corpus" -o "$tmp/asfile/file"
expect 4 "$tmp/asfile/file/out" map "$src/corpus" -o "$tmp/asfile/file/out"
# the output folder is the input folder: the next run would read the outputs as documents
mkdir "$tmp/same"
cp "$src/corpus/azqiya-ntb-kujawsko-pomorskie.md" "$src/corpus/aesthetica-jakarta-beijing.md" "$tmp/same/"
expect 4 "-o '$tmp/same/' is the input folder '$tmp/same' itself" map "$tmp/same" -o "$tmp/same/"
[ "$(find "$tmp/same" -type f | wc -l)" = 2 ] || fail "map DIR -o DIR wrote into DIR"
# an earlier run's map given as the input: an input error saying what to give instead
"$bin" map "$tmp/same" -o "$tmp/prev" -q || fail "mapping two documents failed"
expect 3 "input '$tmp/prev' holds the map of an earlier run" map "$tmp/prev" -o "$tmp/out"
# only EPUB documents and archives: an input error saying what to do with them
mkdir "$tmp/word"
echo x >"$tmp/word/buku.epub"
echo x >"$tmp/word/unduhan.zip"
expect 3 "only files jaringkata does not read (1 .epub, 1 .zip); save documents as PDF, .docx or plain" \
    map "$tmp/word" -o "$tmp/out"
# the bundled English glossary, malformed or missing in a stopwords folder: an input error
# naming the file (and line) and what to do
cp -r "$src/stopwords" "$tmp/lists"
printf 'impact\tdampak\nrelation hubungan\n' >>"$tmp/lists/glossary-en-id.txt"
line=$(wc -l <"$tmp/lists/glossary-en-id.txt")
expect 3 "$tmp/lists/glossary-en-id.txt:$line: malformed glossary line" \
    map "$src/corpus" -o "$tmp/out" --stopwords-dir "$tmp/lists"
rm "$tmp/lists/glossary-en-id.txt"
expect 3 "bundled list '$tmp/lists/glossary-en-id.txt' not found; give the stopwords folder" \
    map "$src/corpus" -o "$tmp/out" --stopwords-dir "$tmp/lists"
# the adjective lists (stopwords/adjectives-*.txt), likewise: a phrase where a word belongs,
# or the file missing, from a stopwords folder of an older version
cp "$src/stopwords/glossary-en-id.txt" "$tmp/lists/"
printf 'sangat lokal\n' >>"$tmp/lists/adjectives-id.txt"
line=$(wc -l <"$tmp/lists/adjectives-id.txt")
expect 3 "$tmp/lists/adjectives-id.txt:$line: 'sangat lokal' is more than one word" \
    map "$src/corpus" -o "$tmp/out" --stopwords-dir "$tmp/lists"
rm "$tmp/lists/adjectives-en.txt"
cp "$src/stopwords/adjectives-id.txt" "$tmp/lists/"
expect 3 "bundled list '$tmp/lists/adjectives-en.txt' not found; give the stopwords folder" \
    map "$src/corpus" -o "$tmp/out" --stopwords-dir "$tmp/lists"
if [ "$(id -u)" != 0 ]; then
    mkdir "$tmp/readonly" && chmod 0555 "$tmp/readonly"
    expect 4 "not writable" map "$src/corpus" -o "$tmp/readonly"
fi

# Invalid UTF-8 is repaired with one warning naming the file and byte offset.
mkdir -p "$tmp/mixed"
cp "$src/corpus/azqiya-ntb-kujawsko-pomorskie.md" "$src/corpus/aesthetica-jakarta-beijing.md" "$tmp/mixed/"
printf 'Kerja sama pemerintah daerah \377\376 dan paradiplomasi.\n' >"$tmp/mixed/broken.txt"
printf '\000binary' >"$tmp/mixed/image.txt"
"$bin" map "$tmp/mixed" -o "$tmp/mixed-out" 2>"$tmp/stderr" || { cat "$tmp/stderr"; fail "mixed folder failed"; }
grep -q "broken.txt': invalid UTF-8 at byte 29" "$tmp/stderr" || { cat "$tmp/stderr"; fail "no UTF-8 warning with byte offset"; }
grep -q "skipping '.*image.txt': it is a binary file" "$tmp/stderr" || fail "no binary-file warning"
[ "$(grep -c 'invalid UTF-8' "$tmp/stderr")" = 1 ] || fail "more than one UTF-8 warning for one file"
grep -q "skipped: binary" "$tmp/mixed-out/report.md" || fail "report.md does not list the skipped file"

# A huge line (8 MiB without a newline) is read without trouble.
mkdir -p "$tmp/huge"
head -c 8388608 /dev/zero | tr '\0' 'a' | sed 's/aaaaaaaaaa/kota bandung pemerintah daerah /g' | head -c 8388608 >"$tmp/huge/one-line.txt"
cp "$src/corpus/azqiya-ntb-kujawsko-pomorskie.md" "$tmp/huge/"
"$bin" map "$tmp/huge" -o "$tmp/huge-out" -q || fail "a huge single-line document failed"
grep -q "pemerintah daerah" "$tmp/huge-out/terms.csv" || fail "huge line: expected term missing"

# A write that fails midway (file-size limit): exit 4 naming the file, earlier outputs intact.
(ulimit -f 64 && "$bin" map "$src/corpus" -o "$tmp/out" -q) 2>"$tmp/stderr"
code=$?
[ "$code" = 4 ] || { cat "$tmp/stderr"; fail "a write past the file-size limit exited $code, expected 4"; }
# the first output that failed, in writing order, is named (the pictures are written first)
grep -Eq "'$tmp/out/[a-z_]+\.[a-z]+': cannot write" "$tmp/stderr" || { cat "$tmp/stderr"; fail "unclear message for a failed write"; }
[ "$(snapshot)" = "$before" ] || fail "a failed write changed the previous outputs"

# Ctrl-C during a run: exit 130, no temporary files, the previous outputs intact.
mkdir -p "$tmp/big"
for i in $(seq 1 150); do
    for f in "$src"/corpus/*.md "$src"/corpus/*.txt; do cp "$f" "$tmp/big/$i-$(basename "$f")"; done
done
# interrupt_run OUT: maps the big folder into OUT and sends Ctrl-C half a second in; sets code
interrupt_run() {
    "$bin" map "$tmp/big" -o "$1" -q 2>"$tmp/stderr" &
    local pid=$!
    sleep 0.5
    kill -INT "$pid" 2>/dev/null
    wait "$pid"
    code=$?
}
interrupt_run "$tmp/out"
if [ "$code" = 0 ]; then
    echo "note: the run finished before the interrupt arrived; the interrupt check was not exercised"
else
    [ "$code" = 130 ] || { cat "$tmp/stderr"; fail "an interrupted run exited $code, expected 130"; }
    grep -q "interrupted" "$tmp/stderr" || fail "no message for the interrupt"
    [ "$(snapshot)" = "$before" ] || fail "an interrupted run changed the previous outputs"
fi

# A run that fails leaves no empty output folder of its own making: no usable text (exit 3),
# an interrupt (exit 130); a folder that was there stays.
mkdir "$tmp/notext"
printf '\0\1\2\3' >"$tmp/notext/a.txt"
"$bin" map "$tmp/notext" -o "$tmp/new-out" -q 2>"$tmp/stderr"
code=$?
[ "$code" = 3 ] || { cat "$tmp/stderr"; fail "a folder without text exited $code, expected 3"; }
[ -e "$tmp/new-out" ] && fail "a failed run left behind the output folder it created"
mkdir "$tmp/old-out"
"$bin" map "$tmp/notext" -o "$tmp/old-out" -q 2>/dev/null
[ -d "$tmp/old-out" ] || fail "a failed run removed an output folder that was there before"
interrupt_run "$tmp/new-out"
if [ "$code" = 130 ]; then
    [ -e "$tmp/new-out" ] && fail "an interrupted run left behind the output folder it created"
fi

# --help and --version work and list the defaults.
"$bin" map --help | grep -q -- "--min-occurrences N" || fail "map --help lacks an option"
"$bin" --version | grep -q "igraph" || fail "--version lacks library versions"
echo "e2e_errors: 1 passed, 0 failed"
