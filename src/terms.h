/*
 * Stage 4, terms: candidate phrases from one document's tokens.
 * A candidate is an n-gram (1..max_words words) inside a run of content
 * words; runs end at stopwords, numbers, punctuation and sentence ends.
 * Protected phrases ("kerja sama", "nusa tenggara barat") keep their stopwords
 * inside a run and are one unit: no candidate starts or ends inside one, except
 * where a protected phrase inside it does ("luar negeri" in "kerja sama luar
 * negeri"), and each counts as one word toward max_words. No candidate starts
 * or ends with a bare stopword. In-text citations give no candidate: nothing
 * inside "(Nuralam, 2018)" or "(Keating, 1999; Lecours, 2008)", nor (given the
 * text's case) in "(Mukti 2013)", nor the name in "Sinambela (2012)". Reduplicated
 * plurals collapse to
 * their root ("program-program" -> "program"); lexical reduplications are
 * in the stopword lists ("rata-rata") and so are boundaries. In sentences not
 * tagged English, with a stemming normaliser, a passive verb (di-) is a
 * boundary too and an active verb (meN-) starts no candidate (jk_stem_verb).
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

#include "lang.h"
#include "normalize.h"
#include "stopwords.h"
#include "tokenize.h"
#include "util/buf.h"

#define JK_MAX_WORDS_LIMIT 8

/*
 * Called once per candidate occurrence, in order of first_token (the index
 * of its first word among the document's tokens; last_token is its last
 * word's); strings are valid only during the call.
 */
typedef void (*jk_term_fn)(void *ctx, const char *key, size_t key_len, const char *surface,
                           size_t surface_len, uint32_t first_token, uint32_t last_token);

/*
 * Returns the long form of an acronym ("sdm" -> "sumber daya manusia",
 * words by single spaces, owned by the callee) or NULL.
 */
typedef const char *(*jk_expand_fn)(void *ctx, const char *word, size_t len, size_t *long_len);

/* Which languages' sentences give terms (--lang). */
enum jk_lang_filter { JK_LANGS_BOTH, JK_LANGS_ID, JK_LANGS_EN };

struct jk_extractor {
    const struct jk_stopwords *stopwords; /* borrowed */
    struct jk_normalizer *norm;           /* borrowed; NULL: keys are surfaces written together */
    unsigned max_words;                   /* 1..JK_MAX_WORDS_LIMIT */
    enum jk_lang_filter langs;
    jk_expand_fn expand; /* acronyms; NULL: none */
    void *expand_ctx;
    /* Acronyms' long forms written out, with expand_ctx (NULL: none): the most words of one
     * that starts with word (0: none), and whether a phrase (words by single spaces) is one
     * (a copy that outlives the extraction, or NULL). A long form that a stopword would cut
     * ("letter of intent") is then one candidate, as its acronym is, not two fragments. */
    size_t (*long_words)(void *ctx, const char *word, size_t len);
    const char *(*long_phrase)(void *ctx, const char *phrase, size_t len);
    /* Optional, borrowed, set per document: each WORD token's jk_normalizer_word number in
     * norm (which must be set), so the extractor looks no word up again; NULL: by text. */
    const uint32_t *word_ids;
    /* Optional, borrowed, set per document: the text as written, at the lower-cased text's
     * byte offsets (when jk_tokenize says they are the same), so that citations without a
     * comma, "(Mukti 2013)", are told by their capitalised names; NULL: those are not. */
    const char *cased;
    /* Set per document: candidates are emitted with an empty surface, for a caller that
     * only hashes their keys (the sketch pass), which spares writing every n-gram out. */
    bool keys_only;
    /* scratch, owned */
    struct jk_buf key;
    struct jk_buf surface;
    struct jk_buf phrase;
    struct jk_buf word_keys; /* the run's word keys, back to back */
    struct jk_buf part;      /* one word of a phrase being keyed */
    struct jk_word *words;
    size_t n_words, cap_words;
};

/* sw and norm are borrowed; norm may be NULL. Languages: both. */
void jk_extractor_init(struct jk_extractor *x, const struct jk_stopwords *sw,
                       struct jk_normalizer *norm, unsigned max_words);
void jk_extractor_release(struct jk_extractor *x);

/*
 * Emits every candidate of one document; lower is the text the tokens span;
 * langs (NULL: all Indonesian) gives each token's sentence language, which
 * chooses the normalisation and, with a language filter, drops sentences.
 */
void jk_extract_terms(struct jk_extractor *x, const char *lower, const struct jk_token *tokens,
                      size_t n_tokens, const enum jk_lang *langs, jk_term_fn emit, void *ctx);

/*
 * Writes the key of a phrase (words by single spaces, lower case) to key,
 * replacing its contents: each word normalised as Indonesian, written
 * together. The key the same words get in running text, for thesaurus
 * replacements and keyword-pattern terms.
 */
void jk_phrase_key(struct jk_extractor *x, const char *phrase, size_t len, struct jk_buf *key);

/*
 * If word[0..len) is a reduplication "x-x" (both halves equal), returns the
 * length of x; otherwise returns len.
 */
size_t jk_reduplication_root(const char *word, size_t len);

#endif
