/*
 * Stage 4, terms: candidate phrases from one document's tokens.
 * A candidate is an n-gram (1..max_words words) inside a run of content
 * words; runs end at stopwords, numbers, punctuation and sentence ends.
 * Protected phrases ("kerja sama") keep their stopwords inside a run, but no
 * candidate starts or ends with a stopword. Reduplicated plurals collapse to
 * their root ("program-program" -> "program"); lexical reduplications are
 * in the stopword lists ("rata-rata") and so are boundaries.
 *
 * Each candidate has a surface form (words joined by one space, as written
 * after lower-casing and plural collapse) and a key (the words written
 * together), so "kerja sama" and "kerjasama" share the key "kerjasama" and
 * count as one term.
 */
#ifndef JK_TERMS_H
#define JK_TERMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stopwords.h"
#include "tokenize.h"
#include "util/buf.h"

#define JK_MAX_WORDS_LIMIT 8

/*
 * Called once per candidate occurrence, in order of first_token (the index
 * of its first word among the document's tokens); strings are valid only
 * during the call.
 */
typedef void (*jk_term_fn)(void *ctx, const char *key, size_t key_len, const char *surface,
                           size_t surface_len, uint32_t first_token);

struct jk_extractor {
    const struct jk_stopwords *stopwords; /* borrowed */
    unsigned max_words;                   /* 1..JK_MAX_WORDS_LIMIT */
    /* scratch, owned */
    struct jk_buf key;
    struct jk_buf surface;
    struct jk_buf phrase;
    struct jk_word *words;
    size_t n_words, cap_words;
};

void jk_extractor_init(struct jk_extractor *x, const struct jk_stopwords *sw, unsigned max_words);
void jk_extractor_release(struct jk_extractor *x);

/* Emits every candidate of one document; lower is the text the tokens span. */
void jk_extract_terms(struct jk_extractor *x, const char *lower, const struct jk_token *tokens,
                      size_t n_tokens, jk_term_fn emit, void *ctx);

/*
 * If word[0..len) is a reduplication "x-x" (both halves equal), returns the
 * length of x; otherwise returns len.
 */
size_t jk_reduplication_root(const char *word, size_t len);

#endif
