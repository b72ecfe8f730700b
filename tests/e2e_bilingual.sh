#!/usr/bin/env bash
# End-to-end checks of the bilingual merge: a corpus written here on three
# topics (tourism, agriculture, health), each with Indonesian-only,
# English-only and bilingual documents, gives one cluster per topic by
# default and one per topic and language with --bilingual separate. Words
# written the same in both languages stay one term, an ambiguous English word
# joins the sense its documents use, the thesaurus wins, a missing dictionary
# is a warning, and the bundled corpus merges its known twins.
# usage: e2e_bilingual.sh JARINGKATA SOURCE_DIR
set -u
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Four sentences per topic and language; each document takes three of them.
A_id=("Pariwisata di pantai dengan banyak wisatawan." "Minat pada budaya dan pantai bagi wisatawan."
      "Wisatawan dan program di desa." "Budaya dan pariwisata di pantai.")
A_en=("Tourism on the beach with many tourists." "The interest in culture and the beach for tourists."
      "Tourists and the program in the village." "Culture and tourism on the beach.")
B_id=("Pertanian padi dengan irigasi." "Petani dan pupuk untuk panen padi serta bunga."
      "Irigasi dan pupuk bagi panen petani." "Pertanian dan irigasi bagi petani.")
B_en=("Rice agriculture with irrigation." "Farmers and fertilizer for the rice harvest."
      "Irrigation and fertilizer for the harvest of farmers." "Agriculture and irrigation for farmers.")
C_id=("Pandemi dan kesehatan di rumah sakit." "Vaksin bagi pasien dari penyakit pada pandemi."
      "Rumah sakit dengan data tentang pasien dan penyakit." "Vaksin dan kesehatan oleh media.")
C_en=("The pandemic and health in the hospital." "The vaccine for the patient against disease in the pandemic."
      "The hospital with data on the patient and the disease." "The vaccine and health by the media.")
pick() { local -n s=$1; local k=$2; echo "${s[k % 4]} ${s[(k + 1) % 4]} ${s[(k + 2) % 4]}"; }
mkdir -p "$tmp/corpus"
for t in A B C; do
    for k in 0 1 2 3; do
        pick "${t}_id" "$k" >"$tmp/corpus/$t-id-$k.txt"
        pick "${t}_en" "$k" >"$tmp/corpus/$t-en-$k.txt"
    done
    { echo "Abstrak"; pick "${t}_id" 1; echo; echo "Abstract"; pick "${t}_en" 1; } >"$tmp/corpus/$t-both.txt"
done

# The same options for both runs; resolution 2 lets a language group show as its own cluster.
opts=(-q --min-occurrences 3 --keep 100 --resolution 2)
"$bin" map "$tmp/corpus" -o "$tmp/merge" "${opts[@]}" || fail "merged run failed"
"$bin" map "$tmp/corpus" -o "$tmp/separate" "${opts[@]}" --bilingual separate || fail "separate run failed"

python3 - "$tmp/merge/terms.csv" "$tmp/separate/terms.csv" <<'EOF' || fail "cluster checks"
import csv, sys

topics = {
    "tourism": (["pariwisata", "wisatawan", "pantai", "budaya", "desa", "minat"],
                ["tourism", "tourists", "beach", "culture", "village", "interest"]),
    "agriculture": (["pertanian", "petani", "pupuk", "irigasi", "panen padi"],
                    ["agriculture", "farmers", "fertilizer", "irrigation", "rice harvest"]),
    "health": (["pandemi", "kesehatan", "vaksin", "pasien", "penyakit", "rumah sakit"],
               ["pandemic", "health", "vaccine", "patient", "disease", "hospital"]),
}

def read(path):
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    return ({r["label"]: r for r in rows},
            {r["label"]: r["aliases"].split("; ") if r["aliases"] else [] for r in rows})

def check(cond, what):
    if not cond:
        print("FAIL:", what)
        sys.exit(1)

terms, aliases = read(sys.argv[1])
clusters = {}
for topic, (ids, ens) in topics.items():
    for i, e in zip(ids, ens):
        check(i in terms, f"merged: '{i}' is not a term")
        check(e not in terms, f"merged: English '{e}' is still a term of its own")
        check(e in aliases[i], f"merged: '{e}' is not an alias of '{i}' ({aliases[i]})")
    found = {terms[i]["cluster"] for i in ids}
    check(len(found) == 1, f"merged: {topic} terms are in clusters {sorted(found)}")
    clusters[topic] = found.pop()
check(len(set(clusters.values())) == 3, f"merged: topics share clusters {clusters}")
n = len({r["cluster"] for r in terms.values()})
check(n == 3, f"merged: {n} clusters for 3 topics")
# written the same in both languages: one term each, never an alias
for w in ("data", "program", "media"):
    check(w in terms, f"'{w}' is not a term")
    check(all(w not in a for a in aliases.values()), f"'{w}' was merged into another term")
# "interest" is "bunga" or "minat": the documents that say it use "minat"
check("interest" not in aliases.get("bunga", []), "'interest' was merged into 'bunga'")

terms, aliases = read(sys.argv[2])
for topic, (ids, ens) in topics.items():
    for w in ids + ens:
        check(w in terms and not aliases[w], f"separate: '{w}' is not a term of its own")
    ci = {terms[i]["cluster"] for i in ids}
    ce = {terms[e]["cluster"] for e in ens}
    check(len(ci) == 1 and len(ce) == 1 and ci != ce,
          f"separate: {topic} not split by language: {sorted(ci)} and {sorted(ce)}")
n = len({r["cluster"] for r in terms.values()})
check(n == 6, f"separate: {n} clusters for 3 topics in 2 languages")
EOF

# report.md lists every merge with its evidence; run.json records the option.
grep -q "^## Bilingual merges" "$tmp/merge/report.md" || fail "report.md lacks the merges"
grep -q "^| tourism | pariwisata | dictionary | 1 |$" "$tmp/merge/report.md" || fail "report.md lacks tourism -> pariwisata"
grep -q "^| rice harvest | panen padi | word by word | 1 |$" "$tmp/merge/report.md" \
    || fail "report.md lacks the word-by-word rice harvest -> panen padi"
grep -q '"bilingual": "merge"' "$tmp/merge/run.json" || fail "run.json lacks the bilingual option"
grep -q '"bilingual": "separate"' "$tmp/separate/run.json" || fail "run.json lacks --bilingual separate"
grep -q "kept apart (--bilingual separate)" "$tmp/separate/report.md" || fail "report.md does not say separate"

# The thesaurus wins: its replacement is not merged again; a term mapped to itself stays.
printf 'label\treplace by\ntourists\ttourist\ninterest\tinterest\n' >"$tmp/thes.tsv"
"$bin" map "$tmp/corpus" -o "$tmp/thes" "${opts[@]}" --thesaurus "$tmp/thes.tsv" || fail "thesaurus run failed"
grep -q "^[0-9]*,tourist," "$tmp/thes/terms.csv" || fail "the thesaurus term 'tourist' was merged away"
grep "^[0-9]*,wisatawan," "$tmp/thes/terms.csv" | grep -q tourist && fail "wisatawan took the thesaurus term"
grep -q "^[0-9]*,interest," "$tmp/thes/terms.csv" || fail "interest, kept by the thesaurus, was merged"

# Without the dictionary: one warning naming the file and the package; languages kept apart.
JARINGKATA_FREEDICT=/nonexistent/freedict-eng-ind "$bin" map "$tmp/corpus" -o "$tmp/nodict" \
    --min-occurrences 3 --keep 100 2>"$tmp/err" || fail "a missing dictionary stopped the run"
[ "$(grep -c "warning: .*/nonexistent/freedict-eng-ind.index.*dict-freedict-eng-ind" "$tmp/err")" = 1 ] \
    || { cat "$tmp/err"; fail "no single warning for a missing dictionary"; }
grep -q "^[0-9]*,tourism," "$tmp/nodict/terms.csv" || fail "without the dictionary tourism was merged"
grep -q "could not be read" "$tmp/nodict/report.md" || fail "report.md does not say the dictionary was missing"
# ... but the bundled glossary's words (FreeDict lacks "impact" and "economic") still merge.
mkdir -p "$tmp/glossary"
for k in 1 2 3; do
    printf 'Dokumen %d\n\nAbstrak\nPenelitian ini membahas dampak pandemi di desa. Dampak ekonomi bagi petani cukup besar. Kebijakan desa mengurangi dampak.\n\nAbstract\nThis study discusses the impact of the pandemic in villages. The economic impact on farmers is large. Village policy reduces the impact.\n' \
        "$k" >"$tmp/glossary/d$k.txt"
done
for dict in missing installed; do
    [ $dict = installed ] && set -- env -u JARINGKATA_FREEDICT || set -- env JARINGKATA_FREEDICT=/nonexistent/x
    "$@" "$bin" map "$tmp/glossary" -o "$tmp/glossary-out" -q --min-occurrences 3 --keep 100 \
        2>/dev/null || fail "glossary run failed"
    grep -q "^[0-9]*,dampak,.*,impact$" "$tmp/glossary-out/terms.csv" ||
        fail "impact is not an alias of dampak (glossary, dictionary $dict)"
    grep -q "^[0-9]*,dampak ekonomi,.*,economic impact$" "$tmp/glossary-out/terms.csv" ||
        fail "economic impact is not an alias of dampak ekonomi (glossary, dictionary $dict)"
    grep -q "^| impact | dampak | glossary | 3 |$" "$tmp/glossary-out/report.md" ||
        fail "report.md does not name the glossary as the evidence of impact -> dampak ($dict)"
done

# The bundled corpus, without a thesaurus: the known twins are one term each.
"$bin" map "$src/corpus" -o "$tmp/bundled" -q || fail "bundled corpus run failed"
python3 - "$tmp/bundled/terms.csv" <<'EOF' || fail "bundled corpus twins"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
labels = {r["label"]: (r["aliases"].split("; ") if r["aliases"] else []) for r in rows}
for en, ids in (("paradiplomacy", ["paradiplomasi"]), ("sister cities", ["sister city"]),
                ("cooperation", ["kerja sama", "kerjasama"]), ("relations", ["hubungan"])):
    if en in labels:
        print(f"FAIL: '{en}' is a term of its own"); sys.exit(1)
    if not any(i in labels and en in labels[i] for i in ids):
        print(f"FAIL: '{en}' is not an alias of {ids}"); sys.exit(1)
EOF
echo "e2e_bilingual: 1 passed, 0 failed"
