/*
 * VOSviewer thesaurus files: merge spellings of a term into one label, or
 * remove a term, after term extraction and before counting and selection.
 *
 * Format (VOSviewer's, read as is): UTF-8, tab-separated. The first line is
 * the header "label<TAB>replace by" (any case; VOSviewer requires it, so a
 * file without it is an error). Every other line is "label<TAB>replacement";
 * an empty replacement removes the term. Also accepted: CRLF, a byte order
 * mark, blank lines, spreadsheet-quoted fields ("..."), empty trailing
 * columns, and the header line repeated further down (as left by joining two
 * files). No comment lines: VOSviewer has none, and a label may start with '#'.
 *
 * Labels and replacements are normalised like terms (jk_normalise_term:
 * lower case, one space between words), so "Kerja  Sama" and "kerja sama"
 * are the same label.
 *
 * Judgement calls (VOSviewer's own behaviour is not documented):
 * - A label listed twice with the same replacement counts once; with
 *   different replacements it is an error naming both lines, because
 *   letting either line win silently would change the map unnoticed.
 * - Chains are followed: with a -> b and b -> c, a is replaced by c; a chain
 *   that reaches a removal removes every label on it. A cycle (a -> b -> a)
 *   is an error naming its labels and lines. "a<TAB>a" keeps a.
 */
#ifndef JK_THESAURUS_H
#define JK_THESAURUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/status.h"
#include "util/strmap.h"

struct jk_thesaurus_entry {
    const char *replacement; /* as written (normalised); "" removes */
    size_t replacement_len;
    const char *final; /* after following chains; NULL when the label is removed */
    size_t final_len;
    unsigned long line; /* where the label was read, for messages */
    uint32_t next;      /* label id of replacement when it is itself a label, else JK_NO_ID */
};

/*
 * Invariant after a successful load: every entry's final is NULL (removed)
 * or a string that is not itself a label with a different replacement.
 * The thesaurus owns every string: labels in the map's arena, replacements
 * in arena; pointers handed out stay valid until jk_thesaurus_release.
 */
struct jk_thesaurus {
    struct jk_strmap labels; /* normalised label -> entry index */
    struct jk_arena arena;
    struct jk_thesaurus_entry *entries;
    size_t cap;
};

void jk_thesaurus_init(struct jk_thesaurus *t);
/* Frees everything; NULL-safe; t may be initialised again afterwards. */
void jk_thesaurus_release(struct jk_thesaurus *t);

/*
 * Reads the thesaurus at path into t (initialised and empty: one file per
 * thesaurus). Returns JK_OK, or JK_E_INPUT with "FILE:LINE: what is wrong;
 * what to write instead" in diag: file unreadable, not UTF-8, header
 * missing, a line without a tab, more than two columns, an empty label, a
 * conflicting duplicate, a cycle. On error release t.
 */
enum jk_status jk_thesaurus_load(struct jk_thesaurus *t, const char *path, struct jk_diag *diag);

enum jk_thesaurus_result {
    JK_THES_KEEP,    /* not in the thesaurus (or mapped to itself) */
    JK_THES_REPLACE, /* *replacement, *replacement_len set */
    JK_THES_REMOVE   /* drop the term */
};

/*
 * Looks up label[0..len), which the caller has normalised (lower case,
 * single spaces: jk_normalise_term). On JK_THES_REPLACE sets *replacement
 * (NUL-terminated, owned by t) and *replacement_len; otherwise leaves them
 * alone. Read-only: safe from several threads at once.
 */
enum jk_thesaurus_result jk_thesaurus_lookup(const struct jk_thesaurus *t, const char *label,
                                             size_t len, const char **replacement,
                                             size_t *replacement_len);

/* Number of distinct labels in the thesaurus. */
size_t jk_thesaurus_count(const struct jk_thesaurus *t);

#endif
