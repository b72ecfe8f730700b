/*
 * The word lists and models a map run reads before any document: stopword
 * lists and protected phrases, the language tagger's lists, the stemmer's
 * root dictionary (hunspell-id) and project lists, spelling variants, and
 * the user's thesaurus and keyword patterns. All are read-only once loaded,
 * so threads may share them. The struct owns everything it loads.
 */
#ifndef JK_RESOURCES_H
#define JK_RESOURCES_H

#include <stdbool.h>

#include "dictd.h"
#include "lang.h"
#include "options.h"
#include "patterns.h"
#include "stem.h"
#include "stopwords.h"
#include "thesaurus.h"
#include "variants.h"

#define JK_MAX_LISTS 12

struct jk_resources {
    struct jk_stopwords stopwords;   /* every list in one set, plus protected phrases */
    const char *lists[JK_MAX_LISTS]; /* the bundled list files used (names, static) */
    size_t n_lists;
    struct jk_langid langid;
    struct jk_stemmer stemmer;
    bool stemming; /* asked for and the dictionary was found */
    struct jk_variants variants;
    struct jk_thesaurus thesaurus;
    bool has_thesaurus;
    struct jk_patterns patterns;
    bool has_patterns;
    struct jk_dictd glossary; /* English words FreeDict lacks (glossary-en-id.txt) */
};

void jk_resources_init(struct jk_resources *r);
void jk_resources_release(struct jk_resources *r);

/*
 * Loads what opt asks for from opt->stopwords_dir and the user's files.
 * JK_E_INPUT naming the file (and line) for a missing bundled list or a
 * malformed file. A missing hunspell-id dictionary is a warning: the run
 * goes on without stemming.
 */
enum jk_status jk_resources_load(struct jk_resources *r, const struct jk_map_options *opt,
                                 struct jk_diag *diag);

/* Path of a bundled list; the caller frees it. */
char *jk_list_path(const char *dir, const char *name);

#endif
