#!/usr/bin/env bash
# End-to-end on small corpora written for the test: line-break joins learned
# from the corpus, spelling variants as one term, several inputs, counting.
# usage: e2e_small.sh JARINGKATA SOURCE_DIR
set -eu  # no pipefail: "grep -q" ends pipes early on purpose
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
labels() { tail -n +2 "$1/terms.csv" | cut -d, -f2; }
# candidates DIR [OPTION...]: `terms` on DIR (2 occurrences or more), one candidate a line
candidates() {
    local dir=$1
    shift
    "$bin" terms "$dir" -o "$dir-out" --min-occurrences 2 -q "$@"
    tail -n +2 "$dir-out/terms.tsv" | cut -f1
}
# expect_candidates CANDIDATES TERM...: each TERM is a candidate
expect_candidates() {
    local cands=$1 t
    shift
    for t in "$@"; do
        echo "$cands" | grep -qx "$t" || fail "'$t' is no candidate: $cands"
    done
}
# refuse_candidates CANDIDATES WHAT PATTERN: no candidate matches the extended regex PATTERN
refuse_candidates() {
    echo "$1" | grep -Eqx "$3" && fail "$2 is a candidate: $(echo "$1" | grep -Ex "$3")"
    return 0
}

mkdir -p "$tmp/in/a" "$tmp/in/b"
cat >"$tmp/in/a/satu.md" <<'DOC'
# Pelaksanaan kerja sama daerah

Pelaksanaan kerja sama sub-state actor oleh pemerintah daerah berjalan baik.
Program-program pemerintah daerah mendukung pariwisata.
DOC
printf 'Hambatan pelaksa-\nnaan kerjasama oleh sub-\nstate actor dan pemerintah daerah.\nProgram pariwisata pemerintah daerah.\n' >"$tmp/in/a/dua.txt"
printf 'Kerjasama pariwisata dan program pemerintah daerah; pelaksanaan kerja sama.\n' >"$tmp/in/b/tiga.txt"

"$bin" map "$tmp/in/a" "$tmp/in/b" -o "$tmp/out" --min-occurrences 2 --keep 100 --no-nested -q
l=$(labels "$tmp/out")
echo "$l" | grep -qx "pelaksanaan" || fail "'pelaksa-/naan' was not joined into 'pelaksanaan': $l"
echo "$l" | grep -qx "sub-state actor" || fail "'sub-/state' lost its hyphen: $l"
echo "$l" | grep -Eqx "naan|pelaksa|substate actor" && fail "line-break fragments became terms: $l"
[ "$(echo "$l" | grep -Ecx 'kerja sama|kerjasama')" = 1 ] || fail "kerja sama / kerjasama are not one term: $l"
echo "$l" | grep -qx "program" || fail "'program-program' did not collapse to 'program': $l"
echo "$l" | grep -qx "program-program" && fail "a reduplicated plural is a term"
# binary counting: 'pemerintah daerah' is in all three documents
grep -q '^[0-9]*,pemerintah daerah,3,3,' "$tmp/out/terms.csv" || fail "binary count of 'pemerintah daerah' is not 3"
grep -q '"documents": 3' "$tmp/out/run.json" || fail "run.json does not count 3 documents"

# full counting counts every occurrence (pemerintah daerah: 2 + 2 + 1)
"$bin" map "$tmp/in" -o "$tmp/full" --min-occurrences 2 --counting full --keep 100 --no-nested -q
grep -q '^[0-9]*,pemerintah daerah,5,3,' "$tmp/full/terms.csv" || fail "full count of 'pemerintah daerah' is not 5"

# --max-words 1 keeps single words only, a protected phrase counting as one
"$bin" map "$tmp/in" -o "$tmp/one" --min-occurrences 2 --max-words 1 --keep 100 -q
labels "$tmp/one" | grep ' ' | grep -vqx 'kerja sama' && fail "--max-words 1 produced a multi-word term"
labels "$tmp/one" | grep -Eqx 'kerja sama|kerjasama' || fail "--max-words 1 lost the protected 'kerja sama'"
# --max-terms keeps the most frequent
"$bin" map "$tmp/in" -o "$tmp/top" --min-occurrences 1 --max-terms 5 --keep 100 --no-nested -q
[ "$(labels "$tmp/top" | wc -l)" = 5 ] || fail "--max-terms 5 did not give 5 terms"
# --timings names every stage with its seconds.
"$bin" map "$tmp/in" -o "$tmp/t" -q --min-occurrences 2 --timings 2>"$tmp/timings"
grep -Eq "^jaringkata: timings: reading [0-9.]+ s, counting [0-9.]+ s, selection [0-9.]+ s, clustering [0-9.]+ s, layout [0-9.]+ s, writing [0-9.]+ s$" "$tmp/timings" \
    || { cat "$tmp/timings"; fail "--timings output"; }
grep -Eq "^jaringkata: CPU time \(all threads; above the wall time when both cores work\): reading [0-9.]+ s, counting [0-9.]+ s, selection [0-9.]+ s, clustering [0-9.]+ s, layout [0-9.]+ s, writing [0-9.]+ s$" "$tmp/timings" \
    || { cat "$tmp/timings"; fail "--timings CPU line"; }
# Progress goes to a terminal only: each stage on one line that the next overwrites, and
# notes over it; into a file or pipe only the notes.
"$bin" map "$tmp/in" -o "$tmp/p" --min-occurrences 2 2>"$tmp/plain"
if grep -q "$(printf '\r')" "$tmp/plain"; then fail "progress written to a file"; fi
grep -q "^jaringkata: mapped" "$tmp/plain" || fail "no closing note without a terminal"
if command -v script >/dev/null; then
    script -qec "'$bin' map '$tmp/in' -o '$tmp/p' --min-occurrences 2" /dev/null >"$tmp/tty" </dev/null
    for stage in "reading: 3/3 documents" "selecting terms" "clustering" "laying out" "writing the outputs"; do
        grep -q "$stage" "$tmp/tty" || { cat -v "$tmp/tty"; fail "no '$stage' on a terminal"; }
    done
    grep -q "$(printf '\r\033\[K')jaringkata: mapped" "$tmp/tty" ||
        { cat -v "$tmp/tty"; fail "the closing note does not clear the progress line"; }
else
    echo "e2e_small: no 'script' (util-linux): progress on a terminal not tried"
fi
# Compounds whose words are no terms alone (protected-id.txt): "rancang bangun" and "tata
# kelola" are units; "rancang", "bangun", "bangun sistem", "tata" and "kelola" out of them are
# no candidates. The abstracts are of the kind the shared notes measured.
mkdir "$tmp/ti"
for i in 1 2 3; do
    printf 'Rancang bangun sistem informasi berbasis web untuk tata kelola keuangan desa %s.
' \
        "$(printf '%s' "$i" | tr 123 abc)" >"$tmp/ti/abstrak-$i.txt"
done
cands=$(candidates "$tmp/ti")
expect_candidates "$cands" "rancang bangun" "rancang bangun sistem informasi" "tata kelola" \
    "tata kelola keuangan"
refuse_candidates "$cands" "a piece of a compound" \
    'rancang|bangun|bangun sistem|bangun sistem informasi|tata|kelola|kelola keuangan'
# Citations without APA's comma, "(Sugiyono 2017: 45)", give no term: their names are
# capitalised as written; nor does a name of several words before "(2013)". The curly quotes
# keep the text's byte offsets when lower-cased.
mkdir "$tmp/ci"
for i in 1 2 3; do
    printf 'Penelitian \342\200\234kualitatif\342\200\235 tentang pemerintah daerah (Sugiyono 2017: 45).
Pelayanan publik menurut teori birokrasi (Mukti dkk. 2013; BPS 2020; Keating et al. 1999).
Data dianalisis secara interaktif (Miles dan Huberman 1994) di desa %s.
Konsep paradiplomasi menurut Takdir Ali Mukti (2013) relevan.
Investasi asing mendukung pemerintah lokal. Dampaknya positif.
' "$i" >"$tmp/ci/abstrak-$i.txt"
done
cands=$(candidates "$tmp/ci")
expect_candidates "$cands" "pemerintah daerah" "pelayanan publik" "teori birokrasi" \
    "investasi asing" "pemerintah lokal"
refuse_candidates "$cands" "a cited name" \
    'sugiyono|mukti|bps|keating|miles|huberman|takdir|takdir ali|ali|paradiplomasi menurut takdir'
# Indonesian adjectives start no term (stopwords/adjectives-id.txt): "asing", "lokal", "positif"
refuse_candidates "$cands" "an adjective" 'asing|lokal|positif|asing mendukung'
# A journal article's information (masthead and volume, received and accepted dates, ISSN,
# DOI, licence, how to cite) gives no candidate by default; --section all keeps it. report.md
# counts the articles (near copies of each other but for a word, so --keep-copies).
mkdir "$tmp/ja"
for i in 1 2 3; do
    printf 'JURNAL ILMU PEMERINTAHAN
Vol. 5 No. 2, Juli 2020, pp. 112-125
p-ISSN: 2502-8731 e-ISSN: 2548-1234
Received: 12 Januari 2020; Revised: 3 Maret 2020; Accepted: 20 Juni 2020
*Corresponding author: penulis%s@unpad.ac.id
This is an open access article under the CC BY-SA license.
Copyright \302\251 2020 Jurnal Ilmu Pemerintahan. All rights reserved.
How to cite:
Budi, A. (2020). Tata kelola desa. Jurnal Ilmu Pemerintahan, 5(2), 112-125.

Abstrak
Penelitian ini membahas tata kelola pemerintahan desa dan partisipasi masyarakat %s.
' "$i" "$(echo pertanian perikanan pariwisata | cut -d' ' -f"$i")" >"$tmp/ja/artikel-$i.txt"
done
junk='accepted|received|revised|open access|cc by-sa license|e-issn|p-issn|corresponding|copyright|rights reserved|cite|ilmu pemerintahan'
cands=$(candidates "$tmp/ja" --keep-copies)
expect_candidates "$cands" "tata kelola pemerintahan desa"
refuse_candidates "$cands" "article information" "$junk"
cp -r "$tmp/ja" "$tmp/ja-all"
candidates "$tmp/ja-all" --keep-copies --section all | grep -Eqx "$junk" ||
    fail "--section all loses the article information"
"$bin" map "$tmp/ja" -o "$tmp/ja-map" --min-occurrences 2 -q --keep-copies --layout none
grep -q '^- documents whose journal article information was left out .*: 3$' "$tmp/ja-map/report.md" ||
    fail "report.md does not count 3 articles"
[ "$(grep -c '| article information left out |' "$tmp/ja-map/report.md")" = 3 ] ||
    fail "report.md's file table does not note the cut"
# English abstracts: noun phrases end in a noun, so verbs of abstracts, past participles and
# adjectives are no candidates ("collected", "government improve", "local"); "limited budget"
# and "local government" are.
mkdir "$tmp/en"
for i in 1 2 3; do
    printf 'This study analyzes %s policy in Sleman Regency. Data were collected through
in-depth interviews. The implementation has not been optimal due to limited budget and human
resources. It is recommended that the local government improve coordination between agencies.
' "$(echo waste health education | cut -d' ' -f"$i")" >"$tmp/en/abstract-$i.txt"
done
cands=$(candidates "$tmp/en" --keep-copies)
expect_candidates "$cands" "limited budget" "local government" "human resources" \
    "in-depth interviews"
refuse_candidates "$cands" "a verb, participle or adjective" \
    'collected|recommended|limited|improve|government improve|improve coordination|local'
echo "e2e_small: 1 passed, 0 failed"
