#!/usr/bin/env bash
# End-to-end checks of term quality on the bundled corpus and of the user's
# controls: stemming, acronyms, English plurals, thesaurus, keyword patterns,
# the terms review loop, languages, and malformed user files.
# usage: e2e_terms.sh JARINGKATA SOURCE_DIR
set -u  # no pipefail: "grep -q" ends pipes early on purpose
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
labels() { tail -n +2 "$1/terms.csv" | cut -d, -f2; }
row() { grep -m1 "^[0-9]*,$2," "$1/terms.csv"; }
# has_alias DIR TERM ALIAS: ALIAS is one of TERM's aliases (the last column, "; " separated).
has_alias() { row "$1" "$2" | awk -F, '{ print $NF }' | sed 's/; /\n/g' | grep -qx "$3"; }

"$bin" map "$src/corpus" -o "$tmp/def" -q || fail "default map failed"
# The 30 most frequent selected terms hold no boilerplate, function words or bare fragments.
top=$(tail -n +2 "$tmp/def/terms.csv" | sort -t, -k3,3nr -k2,2 | head -30 | cut -d, -f2)
for bad in penelitian hasil metode menggunakan menunjukkan bab tabel gambar sumber sister tenggara nusa; do
    echo "$top" | grep -qx "$bad" && fail "'$bad' is among the 30 most frequent terms"
done
en_stop=$(grep -v '^#' "$src/stopwords/en.txt" | tr -d ' ')
while read -r t; do
    echo "$en_stop" | grep -qx "$t" && fail "English function word '$t' is a top term"
done <<<"$top"
# Acronyms and their long forms, English plurals: one term each, aliases listed.
# (English twins merged into a term are aliases too: "human resources" beside "sdm".)
has_alias "$tmp/def" "sumber daya manusia" sdm || fail "SDM is not an alias of sumber daya manusia"
has_alias "$tmp/def" "nusa tenggara barat" ntb || fail "NTB is not an alias of nusa tenggara barat"
row "$tmp/def" "sister city" | grep -q "sister cities" || fail "sister cities is not merged into sister city"
labels "$tmp/def" | grep -Eqx "sdm|ntb|sister cities" && fail "an acronym or plural is a separate term"

# Stemming merges inflected forms; --no-stem keeps them apart.
mkdir -p "$tmp/stem"
for i in 1 2 3; do
    printf 'Kebijakan daerah dibahas. Kebijakannya tentang pariwisata daerah. Kebijakan-kebijakan pariwisata.\n' >"$tmp/stem/d$i.txt"
done
"$bin" map "$tmp/stem" -o "$tmp/stem-on" -q --min-occurrences 1 --keep 100 --no-nested || fail "stemmed run failed"
labels "$tmp/stem-on" | grep -qx "kebijakannya" && fail "--stem left kebijakannya as its own term"
row "$tmp/stem-on" kebijakan | grep -q "kebijakannya" || fail "kebijakannya is not an alias of kebijakan"
"$bin" map "$tmp/stem" -o "$tmp/stem-off" -q --min-occurrences 1 --keep 100 --no-nested --no-stem || fail "--no-stem run failed"
labels "$tmp/stem-off" | grep -qx "kebijakannya" || fail "--no-stem merged kebijakannya"

# "bekerja sama", "bekerjasama" and "kerja sama" are one term with stemming, labelled "kerja sama".
mkdir -p "$tmp/verb"
for i in 1 2 3; do
    printf 'Pemerintah daerah bekerja sama dengan kota kembar. Kerja sama pariwisata dan bekerjasama dalam investasi.\n' >"$tmp/verb/d$i.txt"
done
"$bin" map "$tmp/verb" -o "$tmp/verb-on" -q --min-occurrences 1 --keep 100 --no-nested || fail "verb run failed"
row "$tmp/verb-on" "kerja sama" | grep -q "bekerja sama" || fail "bekerja sama is not merged into kerja sama"
labels "$tmp/verb-on" | grep -Eqx "bekerja sama|bekerjasama" && fail "a verb form of kerja sama is its own term"

# The thesaurus merges English terms into Indonesian ones, or removes terms.
"$bin" map "$src/corpus" -o "$tmp/thes" -q --thesaurus "$src/corpus/thesaurus.tsv" || fail "thesaurus run failed"
labels "$tmp/thes" | grep -Eqx "paradiplomacy|local governments?" && fail "thesaurus entries were not applied"
labels "$tmp/thes" | grep -qx paradiplomasi || fail "paradiplomasi missing after the thesaurus"
printf 'label\treplace by\nparadiplomasi\t\n' >"$tmp/remove.tsv"
"$bin" map "$src/corpus" -o "$tmp/rm" -q --thesaurus "$tmp/remove.tsv" || fail "removal thesaurus failed"
labels "$tmp/rm" | grep -qx paradiplomasi && fail "an empty replacement did not remove the term"

# Keyword patterns: every match counts as the pattern's term.
printf '\\bsister\\s+(city|cities|province)\\b\tsister city\n' >"$tmp/patterns.txt"
"$bin" map "$src/corpus" -o "$tmp/pat" -q --patterns "$tmp/patterns.txt" || fail "patterns run failed"
labels "$tmp/pat" | grep -qx "sister province" && fail "the pattern did not claim sister province"
labels "$tmp/pat" | grep -qx "sister city" || fail "sister city missing with patterns"

# The review loop: terms.tsv, edit the selected column, map --terms.
"$bin" terms "$src/corpus" -o "$tmp/review" -q || fail "terms command failed"
head -1 "$tmp/review/terms.tsv" | grep -q "^term.occurrences.documents.relevance.selected.aliases$" || fail "terms.tsv header"
awk -F'\t' 'NR == 1 || $1 == "paradiplomasi" || $1 == "sister city" || $1 == "pemerintah daerah" {
    if (NR > 1) $5 = "yes"; print; next } { $5 = "no"; print }' OFS='\t' "$tmp/review/terms.tsv" >"$tmp/reviewed.tsv"
"$bin" map "$src/corpus" -o "$tmp/reviewed" -q --terms "$tmp/reviewed.tsv" || fail "map --terms failed"
[ "$(labels "$tmp/reviewed" | sort | tr '\n' ' ')" = "paradiplomasi pemerintah daerah sister city " ] \
    || fail "map --terms did not map exactly the selected terms: $(labels "$tmp/reviewed" | tr '\n' ' ')"

# Languages: --lang en maps the English abstracts only.
"$bin" map "$src/corpus" -o "$tmp/en" -q --lang en --min-occurrences 2 --keep 100 || fail "--lang en failed"
labels "$tmp/en" | grep -qx paradiplomacy || fail "--lang en lacks paradiplomacy"
labels "$tmp/en" | grep -Eqx "pemerintah daerah|otonomi daerah" && fail "--lang en kept Indonesian terms"
"$bin" map "$src/corpus" -o "$tmp/id" -q --lang id --min-occurrences 2 --keep 100 || fail "--lang id failed"
labels "$tmp/id" | grep -qx "pemerintah daerah" || fail "--lang id lacks pemerintah daerah"
labels "$tmp/id" | grep -Eqx "local governments?|decentralization" && fail "--lang id kept English terms"
grep -q "sentences: [0-9]* Indonesian, [0-9]* English" "$tmp/def/report.md" || fail "report.md lacks the language tally"

# Without hunspell-id's dictionary: one warning, the run goes on without stemming.
"$bin" map "$tmp/stem" -o "$tmp/nodict" --min-occurrences 1 --dictionary /nonexistent/id_ID.dic 2>"$tmp/err" \
    || fail "a missing dictionary stopped the run"
grep -q "warning: .*id_ID.dic.*install hunspell-id" "$tmp/err" || { cat "$tmp/err"; fail "no warning for a missing dictionary"; }
grep -q '"stem": true' "$tmp/nodict/run.json" && grep -q "stemming: off" "$tmp/nodict/report.md" \
    || fail "report.md does not say stemming was off"

# The stem command prints word, root and the rules.
printf 'bekerja\n' | "$bin" stem | grep -q "^bekerja	kerja	" || fail "stem from stdin"
"$bin" stem pembangunan | grep -q "^pembangunan	bangun	" || fail "stem pembangunan"

# Malformed user files: one message naming file:line, exit 3, outputs intact.
printf 'label\treplace by\nno tab here\n' >"$tmp/bad-thes.tsv"
printf '(unclosed\tterm\n' >"$tmp/bad-pat.txt"
printf 'term\tselected\nkota\tperhaps\n' >"$tmp/bad-terms.tsv"
for spec in "--thesaurus bad-thes.tsv:2" "--patterns bad-pat.txt:1" "--terms bad-terms.tsv:2"; do
    opt=${spec%% *} rest=${spec#* } file=${rest%%:*} line=${rest##*:}
    "$bin" map "$src/corpus" -o "$tmp/def" -q "$opt" "$tmp/$file" 2>"$tmp/err"
    code=$?
    [ "$code" = 3 ] || fail "$opt with a malformed file exited $code, expected 3"
    grep -q "$file:$line" "$tmp/err" || { cat "$tmp/err"; fail "$opt: message lacks $file:$line"; }
done
grep -q "offset" <("$bin" map "$src/corpus" -o "$tmp/def" -q --patterns "$tmp/bad-pat.txt" 2>&1) \
    || fail "a pattern error does not give the offset"
echo "e2e_terms: 1 passed, 0 failed"
