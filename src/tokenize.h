/*
 * Stage 3: tokenizing a cleaned document. The text is lower-cased (Unicode,
 * NFC) into a caller-owned buffer and cut into words, numbers, punctuation
 * and sentence ends, each a byte span of that buffer.
 */
#ifndef JK_TOKENIZE_H
#define JK_TOKENIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

#include "util/buf.h"
#include "util/status.h"

enum jk_token_kind {
    JK_TOK_WORD,        /* letters, marks, digits after the first letter, inner - and ' */
    JK_TOK_NUMBER,      /* "2018", "2014-2015", "1960-an", "3.5", "1,5" */
    JK_TOK_PUNCT,       /* one non-space character that is neither */
    JK_TOK_SENTENCE_END /* . ! ? ; ending a sentence, or a blank line */
};

/* A span of the lower-cased text: lower->data[offset .. offset + length). */
struct jk_token {
    uint32_t offset;
    uint32_t length;
    enum jk_token_kind kind;
};

/* Growable token array; owns items. */
struct jk_tokens {
    struct jk_token *items;
    size_t count;
    size_t cap;
};

void jk_tokens_init(struct jk_tokens *t);
/* Frees items; NULL-safe. The array may be initialised again afterwards. */
void jk_tokens_release(struct jk_tokens *t);
/* Empties the array, keeping its memory. */
void jk_tokens_clear(struct jk_tokens *t);

/*
 * The compiled pattern and its match data. One tokenizer serves any number
 * of documents, but only one thread at a time: each thread makes its own.
 */
struct jk_tokenizer {
    pcre2_code *re;
    pcre2_match_data *match;
    bool jit;       /* the pattern is JIT-compiled */
    bool pcre_only; /* false (the default): tokens that plain ASCII decides are found in C,
                       the same tokens the pattern finds, a few times faster; true: every
                       token by the pattern (for tests comparing the two) */
};

/*
 * Compiles the token pattern (UTF + UCP, JIT when the library has it; without
 * JIT it silently runs interpreted). Returns JK_OK, or JK_E_INTERNAL with a
 * message in diag if PCRE2 cannot compile it; t then needs no release.
 */
enum jk_status jk_tokenizer_init(struct jk_tokenizer *t, struct jk_diag *diag);
/* Frees the pattern and match data; NULL-safe and safe to repeat. */
void jk_tokenizer_release(struct jk_tokenizer *t);

/*
 * Replaces lower's contents (lower must be initialised) with text lower-cased
 * codepoint by codepoint and NFC-composed (invalid UTF-8 becomes U+FFFD), and
 * APPENDS its tokens to out, in text order. Every token span lies inside
 * lower and is valid UTF-8. Words keep inner hyphens and apostrophes
 * ("dinas-dinas", "covid-19", "jakarta's"), never a leading or trailing one.
 * A '.' after an initial or a listed abbreviation ("dr.", "dll.") or followed
 * directly by a letter or digit is PUNCT. SENTENCE_END is never the first
 * token this call appends and never follows another SENTENCE_END. Only the
 * first 4 GiB - 1 bytes of lower are tokenized (offsets are 32-bit).
 * Linear in len. Returns true when lower keeps text's byte offsets, so that
 * text[offset .. offset + length) is a token as written, capitals and all:
 * always for ASCII, and for other text unless a character's lower case takes
 * other bytes, invalid UTF-8 was replaced or NFC composed something.
 */
bool jk_tokenize(struct jk_tokenizer *t, const char *text, size_t len, struct jk_buf *lower,
                 struct jk_tokens *out);

#endif
