/*
 * One document through stages 2-4 and into the counter: clean, tokenize,
 * tag sentence languages, expand acronyms, extract candidates, apply the
 * thesaurus and keyword patterns, count. A docwork holds everything that
 * changes per document (buffers, tokenizer, normaliser, pattern matcher),
 * so each thread owns one; what it borrows (resources, lexicon, acronyms)
 * is read-only in the second pass.
 */
#ifndef JK_DOCWORK_H
#define JK_DOCWORK_H

#include <stdint.h>

#include "acronym.h"
#include "count.h"
#include "lexicon.h"
#include "nearcopy.h"
#include "normalize.h"
#include "options.h"
#include "patterns.h"
#include "resources.h"
#include "terms.h"
#include "tokenize.h"

/* What counting one document found, for report.md. */
struct jk_doc_stats {
    uint64_t tokens;   /* word tokens */
    uint32_t terms;    /* distinct candidate terms */
    uint32_t sent_id;  /* sentences tagged Indonesian */
    uint32_t sent_en;  /* sentences tagged English */
    uint32_t patterns; /* keyword-pattern matches */
    uint32_t dropped;  /* candidate occurrences left out: each a term occurring once (sketch.h) */
};

/* The tokens a keyword-pattern match claims: candidates inside it are not counted. */
struct jk_match_span {
    uint32_t first;
    uint32_t last;
};

struct jk_docwork {
    const struct jk_resources *res;   /* borrowed */
    const struct jk_map_options *opt; /* borrowed */
    struct jk_lexicon *lexicon;       /* borrowed; read-only in the second pass */
    struct jk_lexicon *learning;      /* borrowed; the first pass writes here (init: lexicon) */
    struct jk_acronyms *acronyms;     /* borrowed; read-only in the second pass */
    struct jk_tokenizer tokenizer;
    bool tokenizer_ready;
    struct jk_buf clean, lower, key, surface;
    struct jk_tokens tokens;
    bool same_offsets;      /* lower has clean's byte offsets (jk_tokenize) */
    enum jk_lang *langs;    /* per token */
    uint32_t *sentences;    /* per token: sentence number */
    uint32_t *words;        /* per WORD token: its jk_normalizer_word number in norm
                               (in the learning pass: its hash) */
    unsigned char *votes;   /* per token: its word's jk_lang_vote */
    size_t cap_tokens;      /* of langs, sentences and votes */
    size_t cap_words;       /* of words */
    unsigned char *vote_of; /* per normaliser word number: its jk_lang_vote, once worked out */
    size_t n_vote_of, cap_vote_of;
    struct jk_normalizer norm;
    struct jk_extractor extractor;
    struct jk_pattern_matcher matcher;
    struct jk_match_span *matches; /* this document's pattern matches, by first token */
    size_t n_matches, cap_matches;
    struct jk_count_log *log; /* during jk_docwork_count */
    struct jk_doc_stats *stats;
};

/* JK_E_INTERNAL when the tokenizer cannot be compiled. */
enum jk_status jk_docwork_init(struct jk_docwork *w, const struct jk_resources *res,
                               const struct jk_map_options *opt, struct jk_lexicon *lexicon,
                               struct jk_acronyms *acronyms, struct jk_diag *diag);
void jk_docwork_release(struct jk_docwork *w);
/*
 * Frees the per-document buffers (text, tokens and their tags), which keep
 * the size of the longest document seen: called after a long one, so that
 * each thread does not go on holding a copy of its size.
 */
void jk_docwork_trim(struct jk_docwork *w);

/*
 * First pass: learns the document's words into w->learning and logs its
 * acronym definitions in definitions (short form as key, long form as
 * surface) for jk_docwork_add_definitions. With near, also sketches its
 * five-word sequences there, to find near copies, and appends their
 * samples to samples (unless NULL), settled (nearcopy.h); returns how many
 * samples it appended.
 */
size_t jk_docwork_learn(struct jk_docwork *w, const char *text, size_t len,
                        struct jk_count_log *definitions, struct jk_near_sketch *near,
                        struct jk_shingle_samples *samples);

/* Adds logged definitions [from, to) to acronyms, in order. */
void jk_docwork_add_definitions(struct jk_acronyms *acronyms, const struct jk_count_log *log,
                                size_t from, size_t to);

/*
 * Second pass: logs the document's candidate occurrences in log, for
 * jk_counter_replay (stats->terms, the distinct terms, is the replay's to
 * fill in).
 */
void jk_docwork_count(struct jk_docwork *w, const char *text, size_t len, struct jk_count_log *log,
                      struct jk_doc_stats *stats);

/*
 * Second pass, --items keywords: counts a record's author keywords ("; "
 * separated) as its terms, each normalised and put through the thesaurus
 * like a mined term, instead of extracting terms from text.
 */
void jk_docwork_count_keywords(struct jk_docwork *w, const char *keywords, size_t len,
                               struct jk_count_log *log, struct jk_doc_stats *stats);

/* After the second pass: lists each acronym ("sdm") among its long form's aliases. */
void jk_docwork_add_acronym_aliases(struct jk_docwork *w, struct jk_counter *counter);

#endif
