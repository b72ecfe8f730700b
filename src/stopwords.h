/*
 * Stopword lists and protected phrases for the term stage.
 * List files: one entry a line, '#' starts a comment, blank lines ignored,
 * entries lower-cased on load; read by the line reader every list file
 * shares (termfile.h: UTF-8 with or without a byte order mark, UTF-16,
 * CRLF, Windows-1252 with a warning). A stopword list holds single words;
 * a phrase list holds multi-word terms whose words include stopwords
 * ("kerja sama", "luar negeri") and must survive stopword splitting. An
 * adjective list holds single words that may stand inside a term but head
 * none: an Indonesian adjective starts no candidate, an English one ends
 * none (noun phrases are their noun and its modifiers; Indonesian puts the
 * noun first, English last). The struct owns every string (in its maps'
 * arenas).
 */
#ifndef JK_STOPWORDS_H
#define JK_STOPWORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/status.h"
#include "util/strmap.h"

/* The ends of a candidate an adjective may not stand at (bits). */
enum jk_word_edge {
    JK_NO_START = 1, /* an Indonesian adjective: "lokal" alone, not "pemerintah lokal" */
    JK_NO_END = 2,   /* an English adjective: "local" alone, not "local government" */
};

struct jk_stopwords {
    struct jk_strmap words;
    struct jk_strmap phrases;  /* words joined by one space */
    struct jk_strmap heads;    /* the first word of every phrase of two or more words */
    unsigned max_phrase_words; /* longest protected phrase, in words */
    struct jk_strmap adjectives;
    unsigned char *edges; /* per adjectives id: its enum jk_word_edge bits */
    size_t cap_edges;
};

void jk_stopwords_init(struct jk_stopwords *sw);
void jk_stopwords_release(struct jk_stopwords *sw);

/*
 * Adds the words of a stopword list file. JK_E_INPUT naming the file (and
 * line) when it cannot be read, is not text (a NUL byte, bytes neither UTF-8
 * nor Windows-1252), or a line holds more than one word.
 */
enum jk_status jk_stopwords_load(struct jk_stopwords *sw, const char *path, struct jk_diag *diag);

/* Adds the phrases of a protected-phrase file (one phrase a line, words by spaces). */
enum jk_status jk_stopwords_load_phrases(struct jk_stopwords *sw, const char *path,
                                         struct jk_diag *diag);

/* What a list file holds. */
enum jk_list_kind {
    JK_LIST_WORDS,    /* stopwords (jk_stopwords_load) */
    JK_LIST_PHRASES,  /* protected phrases (jk_stopwords_load_phrases) */
    JK_LIST_NO_START, /* adjectives that start no candidate (Indonesian): JK_NO_START */
    JK_LIST_NO_END,   /* adjectives that end none (English): JK_NO_END */
};

/*
 * Adds the entries of a list file of kind: one word a line (one phrase a line for
 * JK_LIST_PHRASES), with the errors of jk_stopwords_load.
 */
enum jk_status jk_stopwords_load_list(struct jk_stopwords *sw, const char *path,
                                      enum jk_list_kind kind, struct jk_diag *diag);

/* Adds one lower-case word or phrase (used by tests and by the loaders). */
void jk_stopwords_add(struct jk_stopwords *sw, const char *word, size_t len);
void jk_stopwords_add_phrase(struct jk_stopwords *sw, const char *phrase, size_t len);
void jk_stopwords_add_adjective(struct jk_stopwords *sw, const char *word, size_t len,
                                enum jk_word_edge edge);
/* The enum jk_word_edge bits of word: 0 unless it is a listed adjective. */
unsigned jk_stopwords_edges(const struct jk_stopwords *sw, const char *word, size_t len);

bool jk_stopwords_has(const struct jk_stopwords *sw, const char *word, size_t len);
bool jk_stopwords_has_phrase(const struct jk_stopwords *sw, const char *phrase, size_t len);
/* True when some protected phrase of two or more words starts with word. */
bool jk_stopwords_starts_phrase(const struct jk_stopwords *sw, const char *word, size_t len);

/*
 * Lower-cases s[0..len) (Unicode-aware, NFC) into out, replacing its
 * contents. Returns false if s is not valid UTF-8.
 */
bool jk_lowercase(const char *s, size_t len, struct jk_buf *out);

#endif
