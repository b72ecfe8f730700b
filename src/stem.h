/*
 * Indonesian stemmer of the Enhanced Confix Stripping family (Nazief & Adriani;
 * Asian et al.; Arifin et al.), used by the term stage to merge word forms and
 * by `jaringkata stem`. It finds a root only when the root dictionary holds it.
 *
 * Word model: [prefix [prefix [prefix]]] root [-kan|-an|-i] [-ku|-mu|-nya] [-lah|-kah|-tah|-pun].
 * Invariants of a loaded stemmer: every root and exception is lower-case UTF-8
 * (as jk_lowercase makes it); the root dictionary is hunspell-id's entries
 * (flags stripped, names lower-cased, hyphenated lemmas kept) plus the project's
 * extra roots; an exception (word -> root) overrides every rule.
 * Affix licences: when the .aff file beside the .dic can be read, each
 * hunspell root also records which prefix classes (me-, pe-/per-, ber-, ter-,
 * di-, ke-, se-) and derivational suffixes (-kan, -an, -i) its flags allow.
 * They only order the readings of an ambiguous word ("memetakan" is peta,
 * not meta; "berupa" is rupa, not upa); a root without them is never refused.
 * The stemmer owns every string (in its maps' arenas). After loading it is
 * read-only: concurrent jk_stem calls on one stemmer are safe.
 */
#ifndef JK_STEM_H
#define JK_STEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/status.h"
#include "util/strmap.h"

#define JK_HUNSPELL_ID_DIC "/usr/share/hunspell/id_ID.dic"

/* Project lists in the stopwords folder, found by name. */
#define JK_STEM_EXTRA_ROOTS "roots-extra-id.txt"
#define JK_STEM_EXCEPTIONS  "stem-exceptions-id.txt"

struct jk_stemmer {
    struct jk_strmap roots;      /* the root dictionary */
    struct jk_strmap exceptions; /* word -> exception_roots[id] */
    const char **exception_roots;
    size_t exception_cap;
    struct jk_arena arena; /* exception roots */
    uint16_t *licences;    /* licences[root id]: bits in stem_load.h; 0 = unknown */
    size_t licence_cap;
    bool dictionary_missing; /* set by jk_stemmer_load when dic_path cannot be opened */
};

void jk_stemmer_init(struct jk_stemmer *s);
/* Frees every string; NULL-safe. The stemmer can be initialised again. */
void jk_stemmer_release(struct jk_stemmer *s);

/*
 * Loads the root dictionary from dic_path (hunspell .dic: a count line, then
 * `word[/FLAGS]` lines; Latin-1 bytes are read as Latin-1) with the affix
 * licences from the .aff file of the same name (skipped if absent), then the optional
 * project lists (NULL skips one): extra_roots_path, one root a line, and
 * exceptions_path, `word<TAB>root` a line; both with '#' comments, read by
 * the line reader every list file shares (termfile.h: UTF-8 with or without
 * a byte order mark, UTF-16, CRLF, Windows-1252 with a warning).
 * Errors (JK_E_INPUT):
 *  - dic_path cannot be opened: dictionary_missing is set and the message is
 *    "hunspell-id's dictionary PATH is missing; install hunspell-id; running
 *    without stemming", for the caller to print as a warning;
 *  - a project list is missing, not text or malformed: "FILE:LINE: ...".
 * Loading more than once adds to what is loaded.
 */
enum jk_status jk_stemmer_load(struct jk_stemmer *s, const char *dic_path,
                               const char *extra_roots_path, const char *exceptions_path,
                               struct jk_diag *diag);

/* Adds one lower-case root / exception (used by the loader and by tests). */
void jk_stemmer_add_root(struct jk_stemmer *s, const char *root, size_t len);
void jk_stemmer_add_exception(struct jk_stemmer *s, const char *word, size_t word_len,
                              const char *root, size_t root_len);
bool jk_stemmer_has_root(const struct jk_stemmer *s, const char *word, size_t len);
size_t jk_stemmer_root_count(const struct jk_stemmer *s);

/*
 * Writes the root of word[0..len) (lower-case UTF-8) into root, replacing its
 * contents, and, if how is not NULL, a short description of the rules applied
 * ("dictionary", "suffix -kan, prefix meng- (k)", "reduplication",
 * "unchanged: no root found", ...), also replacing its contents.
 * Order: exception; dictionary; words of 3 letters or fewer stay; confix
 * stripping; loan suffixes; reduplication; otherwise the word unchanged.
 * When stripping reaches a root that is itself an exception's word, the
 * exception's root is taken ("belajar -> ajar" also serves "pembelajaran").
 * No shared scratch state: safe to call concurrently with different buffers.
 */
void jk_stem(const struct jk_stemmer *s, const char *word, size_t len, struct jk_buf *root,
             struct jk_buf *how);

/* What the outermost prefix of a word makes it (jk_stem_verb). */
enum jk_verb_form {
    JK_NOT_VERB,     /* a root, no root found, or another prefix */
    JK_VERB_ACTIVE,  /* meN- (mem-, men-, meng-, meny-, memper-): "mengarahkan", "menulis" */
    JK_VERB_PASSIVE, /* di- (diper-): "dijadikan", "dirasa" */
};

/*
 * Whether word[0..len) (lower-case UTF-8) is a verb by its outermost prefix:
 * confix stripping, as jk_stem does it, reaches a dictionary root from a
 * word that is not a root and starts with "me" or "di", and the first prefix
 * it removes is meN- or di-; an exception's word that starts so and has
 * another root is one by its first letters ("memadukan" -> padu: active). Dictionary words that
 * only look prefixed ("menteri", "dinas", "media", "diplomasi") are JK_NOT_VERB, as are
 * nominalisations ("pembangunan") and ber-/ter- forms, which are often adjectives inside terms
 * ("pembangunan berkelanjutan", "sistem terpadu"). Safe to call concurrently.
 */
enum jk_verb_form jk_stem_verb(const struct jk_stemmer *s, const char *word, size_t len);

#endif
