/*
 * Stage 4 helper, word normalisation for term keys: which words end up as
 * one term. A word's key is its standard spelling ("analisa" -> "analisis"),
 * without plural reduplication ("program-program" -> "program"), and then
 * by language: English plurals made singular ("cities" -> "city"), and with
 * stemming on, Indonesian particles and possessives stripped
 * ("kebijakannya" -> "kebijakan") and verb forms reduced to their root
 * ("bekerja" -> "kerja", "dilaksanakan" -> "laksana"). Nominalisations keep
 * their own form ("pembangunan", "pemerintah", "kebijakan" are terms of
 * their own, not "bangun", "perintah", "bijak"). Labels are chosen later
 * from surface forms, so a root nobody wrote is never shown.
 * Borrowed lists must outlive the normaliser; it is read-only once set up,
 * but holds scratch buffers, so each thread needs its own copy
 * (jk_normalizer_init with the same lists).
 */
#ifndef JK_NORMALIZE_H
#define JK_NORMALIZE_H

#include <stdbool.h>
#include <stddef.h>

#include "lang.h"
#include "stem.h"
#include "stopwords.h"
#include "util/buf.h"
#include "util/strmap.h"
#include "variants.h"

/* Where the memo keeps one word's key in one language (in memo_keys). */
struct jk_memo_key {
    uint32_t off;
    uint32_t len; /* UINT32_MAX: not worked out yet */
};

typedef bool (*jk_attested_fn)(void *ctx, const char *word, size_t len);

struct jk_normalizer {
    const struct jk_stopwords *stop;    /* all lists: both languages share one set; borrowed */
    const struct jk_variants *variants; /* NULL: none */
    const struct jk_stemmer *stemmer;   /* NULL: no stemming */
    jk_attested_fn attested;            /* is a word seen in the corpus? NULL: no */
    void *attested_ctx;
    struct jk_buf a, b, c; /* scratch */
    /* memo of answers per word (keys per language); see normalize.c */
    struct jk_strmap memo;
    uint32_t memo_last; /* the entry looked up last, or JK_NO_ID */
    struct jk_buf memo_keys, memo_val;
    unsigned char *memo_flags; /* per word: stopword, heads a protected phrase (a byte
                                  each, asked per token: the array stays in the cache) */
    size_t memo_flags_cap;
    struct jk_memo_key *memo_key; /* per word and language, side by side */
    size_t memo_key_cap;
};

void jk_normalizer_init(struct jk_normalizer *n, const struct jk_stopwords *stop);
void jk_normalizer_release(struct jk_normalizer *n);

/*
 * Writes the key form of word[0..len) (lower case; lang of its sentence) to
 * key, replacing its contents. An English-looking plural inside an
 * Indonesian sentence ("sister cities") is made singular when the singular
 * is attested in the corpus and the word is not an Indonesian root.
 */
void jk_normalize_word(struct jk_normalizer *n, const char *word, size_t len, enum jk_lang lang,
                       struct jk_buf *key);

/*
 * True when the word is a stopword, also after plural collapse ("hal-hal"),
 * in its standard spelling ("metoda"), or after stripping a particle or possessive
 * ("menggunakannya"). Single letters are stopwords. One set serves both languages: English function
 * words inside Indonesian sentences ("letter of intent") are cut too.
 */
bool jk_normalizer_is_stop(struct jk_normalizer *n, const char *word, size_t len);

/*
 * The same answers by word number, for callers that meet a word several
 * times in a row (language votes, stopword test, key): jk_normalizer_word
 * numbers word[0..len) (dense from 0, in first-asked order, stable while n
 * lives); the others answer for a number it gave.
 */
uint32_t jk_normalizer_word(struct jk_normalizer *n, const char *word, size_t len);
/* The same for a caller that has the word's jk_hash_bytes already. */
uint32_t jk_normalizer_word_hashed(struct jk_normalizer *n, const char *word, size_t len,
                                   uint32_t hash);
/*
 * Fetches ahead what numbering a word with this hash will read, for a caller
 * that walks many words: stage 0 its slot, then (a few words later) 1 where
 * its key is kept and 2 the key itself. A hint only: answers never change.
 */
void jk_normalizer_prefetch(const struct jk_normalizer *n, uint32_t hash, unsigned stage);
bool jk_normalizer_stop_of(const struct jk_normalizer *n, uint32_t word);
/* Does a protected phrase of the stopword lists start with this word? */
bool jk_normalizer_heads_phrase_of(const struct jk_normalizer *n, uint32_t word);
/*
 * Is the word an Indonesian verb by its prefix (jk_stem_verb, asked after
 * plural collapse and without a particle or possessive: "dijadikannya" is
 * passive)? JK_NOT_VERB without a stemmer. By number, and by text.
 */
enum jk_verb_form jk_normalizer_verb_of(const struct jk_normalizer *n, uint32_t word);
enum jk_verb_form jk_normalizer_verb(struct jk_normalizer *n, const char *word, size_t len);
/* The word's jk_stopwords_edges (an adjective's ends of a candidate), by number and by text. */
unsigned jk_normalizer_edges_of(const struct jk_normalizer *n, uint32_t word);
unsigned jk_normalizer_edges(struct jk_normalizer *n, const char *word, size_t len);
/* Appends the key form of word number word (see jk_normalize_word) to out. */
void jk_normalize_word_append(struct jk_normalizer *n, uint32_t word, enum jk_lang lang,
                              struct jk_buf *out);

#endif
