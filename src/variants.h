/*
 * Standard spellings: single words written in a non-standard or misspelt
 * form ("analisa", "propinsi", "resiko") mapped to the standard form of
 * KBBI ("analisis", "provinsi", "risiko"), applied word by word in the term
 * stage so that both spellings count as one term.
 *
 * File format (stopwords/variants-id.txt, loaded by default): UTF-8, one
 * "variant<TAB>standard" a line; '#' starts a comment (anywhere on a line:
 * words hold no '#'); blank lines, CRLF and a byte order mark are accepted.
 * Both sides are normalised like terms (jk_normalise_term) and must be one
 * word each (no space; a hyphen is part of a word). Errors: a line without a
 * tab, more than two columns, an empty side, more than one word, a word
 * mapped to itself, a variant listed twice with different standards (both
 * lines named), and a standard form that is itself listed as a variant
 * (a chain: map the variant straight to the final form instead).
 */
#ifndef JK_VARIANTS_H
#define JK_VARIANTS_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "util/status.h"
#include "util/strmap.h"

/* The default list's file name, in the stopwords folder. */
#define JK_VARIANTS_FILE "variants-id.txt"

struct jk_variant {
    const char *standard; /* normalised, NUL-terminated, in the arena */
    size_t standard_len;
    unsigned long line; /* where the variant was read, for messages */
};

/* Owns every string: variants in the map's arena, standard forms in arena. */
struct jk_variants {
    struct jk_strmap words; /* variant -> index into items */
    struct jk_arena arena;
    struct jk_variant *items;
    size_t cap;
};

void jk_variants_init(struct jk_variants *v);
/* Frees everything; NULL-safe; v may be initialised again afterwards. */
void jk_variants_release(struct jk_variants *v);

/*
 * Reads the list at path into v (initialised and empty: one file per
 * struct). Returns JK_OK, or JK_E_INPUT with "FILE:LINE: what is wrong; what
 * to write instead" in diag (see the format above). On error release v.
 */
enum jk_status jk_variants_load(struct jk_variants *v, const char *path, struct jk_diag *diag);

/*
 * The standard form of word[0..len) (lower case, as the tokenizer writes
 * it): a NUL-terminated string owned by v with its length in *out_len, or
 * NULL when the word is not a listed variant (already standard or unknown).
 * Read-only: safe from several threads at once.
 */
const char *jk_variant_standard(const struct jk_variants *v, const char *word, size_t len,
                                size_t *out_len);

/* Number of variants in the list. */
size_t jk_variants_count(const struct jk_variants *v);

#endif
