/*
 * Stage 5a, bilingual merge: after counting and before selection, English
 * terms are merged into their Indonesian twins ("policy" into "kebijakan",
 * "local government" into "pemerintah lokal"), so a corpus of Indonesian
 * and English abstracts gives one map of ideas instead of one per language.
 *
 * A term is English when at least half of its occurrences were in sentences
 * tagged English (jk_counter.full_en), Indonesian when fewer were. For each
 * English term, candidate twins are Indonesian phrases whose key is an
 * Indonesian term of the counter and that the corpus writes that way (a
 * twin is never invented, nor matched through a shared stem alone):
 *   1. dictionary: the whole phrase's translations (FreeDict eng-ind);
 *   2. word by word, for 2-3 words: each word's translations (a word the
 *      dictionary lacks: its loanword spelling, or itself, as for names),
 *      in reversed order, since Indonesian puts the head first ("local
 *      government" -> "pemerintah lokal"); at least one word translated;
 *   3. spelling, for one word: loanword spelling rules ("paradiplomacy" ->
 *      "paradiplomasi", "decentralization" -> "desentralisasi"); also for
 *      loanwords Indonesian sentences use too, from a quarter English on.
 * A word-by-word twin that used a spelled word counts as a spelling twin.
 * A twin that is itself merged passes its English terms on to its own twin.
 * A term whose translations include itself ("data", "program") is written
 * the same in both languages: it already is one term and is never merged.
 * Terms a thesaurus produced are never re-mapped (jk_bilingual_protect).
 *
 * Corpus evidence: a document with at least two Indonesian and two English
 * sentences (jk_bilingual_document) is parallel text. For each candidate, k is the
 * number of such documents holding both terms; of several candidates the
 * one with the highest k wins, then the more frequent. Acceptance:
 *   - dictionary and word-by-word candidates (every translated word from
 *     the dictionary): accepted, unless the parallel text contradicts them:
 *     the English term is in 2 or more bilingual documents and k == 0;
 *   - a candidate that needed a spelling rule: only when the parallel text
 *     confirms it: k >= 2, k at least half the bilingual documents holding
 *     the English term, and k at least what chance would give
 *     (k * B >= n_en * n_id for B bilingual documents, n_en and n_id of
 *     them holding each term). Chance is a floor, not a margin: in a small
 *     corpus whose bilingual documents all hold both terms k equals what
 *     chance gives, and the spelling agreement carries the rest.
 */
#ifndef JK_BILINGUAL_H
#define JK_BILINGUAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "count.h"
#include "dictd.h"
#include "terms.h"
#include "thesaurus.h"
#include "util/arena.h"
#include "util/buf.h"

/* What proposed a merge. */
enum jk_twin_evidence {
    JK_TWIN_DICTIONARY,   /* the whole phrase is a dictionary entry */
    JK_TWIN_WORD_BY_WORD, /* each word from the dictionary, head first */
    JK_TWIN_SPELLING,     /* a loanword spelling rule, confirmed by bilingual documents */
    JK_TWIN_GLOSSARY,     /* the whole phrase is an entry of the bundled glossary */
};

/* One merge: an English term into its Indonesian twin. */
struct jk_twin {
    uint32_t from, into; /* counter term ids */
    const char *english; /* labels before the merge; the counter's (or kept's) */
    const char *indonesian;
    enum jk_twin_evidence evidence;
    uint32_t both_docs;   /* bilingual documents holding both terms */
    uint32_t english_occ; /* the English term's occurrences (all of them) */
};

/*
 * Holds the merges found (the counter owns the label strings until
 * jk_bilingual_keep_labels); borrows the extractor (keys of Indonesian
 * phrases, as counted) and, during a call, the dictionary and the
 * per-document flags.
 */
struct jk_bilingual {
    struct jk_extractor *extractor; /* borrowed: Indonesian keys via jk_phrase_key */
    bool *protect;                  /* per term id: never re-mapped (owned) */
    size_t n_protect;
    struct jk_twin *twins; /* the merges, most frequent English term first */
    size_t n_twins, cap_twins;
    bool dictionary_missing; /* the run wanted the dictionary and could not load it */
    /* borrowed during jk_bilingual_merge (else NULL): which entries are the glossary's */
    const struct jk_dictd *glossary;
    size_t english_terms;      /* English-majority terms seen */
    struct jk_buf key, phrase; /* scratch */
    struct jk_arena kept;      /* the twins' labels after jk_bilingual_keep_labels */
};

void jk_bilingual_init(struct jk_bilingual *b, struct jk_extractor *extractor);
void jk_bilingual_release(struct jk_bilingual *b);
/*
 * After the merge: copies the twins' labels into b->kept and frees the
 * per-term flags, so that the counter can be released while the report
 * still lists the merges. Nothing but reading the twins after it.
 */
void jk_bilingual_keep_labels(struct jk_bilingual *b);

/* A document is parallel text when it has at least this many sentences in each language. */
#define JK_BILINGUAL_MIN_SENTENCES 2
bool jk_bilingual_document(uint32_t sentences_id, uint32_t sentences_en);

/* Terms occurring fewer times take no part in merges (see bilingual.c). */
#define JK_BILINGUAL_MIN_OCCURRENCES 2

/*
 * True when term id occurs at least JK_BILINGUAL_MIN_OCCURRENCES times and
 * most of its occurrences are English (resp. not English).
 */
bool jk_term_is_english(const struct jk_counter *c, uint32_t id);
bool jk_term_is_indonesian(const struct jk_counter *c, uint32_t id);

/*
 * Marks the terms the phrase gives (if counted), keyed as Indonesian and as
 * English words, as never re-mapped.
 */
void jk_bilingual_protect(struct jk_bilingual *b, const struct jk_counter *c, const char *phrase,
                          size_t len);
/*
 * Protects every replacement of the thesaurus: the thesaurus wins over the
 * merge, and a line mapping a term to itself keeps it out of the merge.
 */
void jk_bilingual_protect_thesaurus(struct jk_bilingual *b, const struct jk_counter *c,
                                    const struct jk_thesaurus *t);

/*
 * Writes to out[0..) the loanword spelling of the lower-case English word
 * (one word) and returns true when a rule applied: "paradiplomacy" ->
 * "paradiplomasi", "globalization" -> "globalisasi", "community" ->
 * "komunitas", "local" -> "lokal". False (out unspecified) for words with
 * non-ASCII letters or no rule.
 */
bool jk_loanword_spelling(const char *word, size_t len, struct jk_buf *out);

/*
 * Finds the twins of every English term of c (see the top of this file);
 * bilingual_doc has c->n_docs entries (NULL: no parallel text). Replaces
 * b's previous findings; does not change c.
 */
void jk_bilingual_find(struct jk_bilingual *b, const struct jk_counter *c,
                       const struct jk_dictd *dict, const bool *bilingual_doc);

/* Merges the twins found into c (jk_counter_merge); labels stay Indonesian. */
void jk_bilingual_apply(const struct jk_bilingual *b, struct jk_counter *c);

/*
 * The pipeline's step: when c has English terms, loads the FreeDict
 * dictionary once (JK_FREEDICT_ENG_IND_*, or $JARINGKATA_FREEDICT.index and
 * .dict.dz when that path prefix is set), puts the glossary's entries (may
 * be empty; borrowed) ahead of its own, finds and applies the twins. A
 * dictionary that cannot be loaded is a warning (naming the file and the
 * Debian package; dictionary_missing is set), and only the glossary's words
 * and the loanword spellings merge.
 */
void jk_bilingual_merge(struct jk_bilingual *b, struct jk_counter *c, const bool *bilingual_doc,
                        const struct jk_dictd *glossary);

/* "dictionary", "word by word" or "spelling", as report.md writes it. */
const char *jk_twin_evidence_name(enum jk_twin_evidence e);

#endif
