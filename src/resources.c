/*
 * Loading the word lists, dictionaries and user files a run needs
 * (see resources.h).
 */
#include "resources.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/mem.h"

void jk_resources_init(struct jk_resources *r)
{
    memset(r, 0, sizeof(*r));
    jk_stopwords_init(&r->stopwords);
    jk_langid_init(&r->langid);
    jk_stemmer_init(&r->stemmer);
    jk_variants_init(&r->variants);
    jk_thesaurus_init(&r->thesaurus);
    jk_patterns_init(&r->patterns);
    jk_dictd_init(&r->glossary);
}

void jk_resources_release(struct jk_resources *r)
{
    if (!r)
        return;
    jk_dictd_release(&r->glossary);
    jk_patterns_release(&r->patterns);
    jk_thesaurus_release(&r->thesaurus);
    jk_variants_release(&r->variants);
    jk_stemmer_release(&r->stemmer);
    jk_langid_release(&r->langid);
    jk_stopwords_release(&r->stopwords);
}

char *jk_list_path(const char *dir, const char *name)
{
    char *path = jk_malloc(strlen(dir) + strlen(name) + 2);
    sprintf(path, "%s/%s", dir, name);
    return path;
}

static enum jk_status missing_list(const char *path, struct jk_diag *diag)
{
    return jk_error(diag, JK_E_INPUT,
                    "bundled list '%s' not found; give the stopwords folder with "
                    "--stopwords-dir DIR",
                    path);
}

static enum jk_status load_list(struct jk_resources *r, const char *dir, const char *name,
                                enum jk_list_kind kind, struct jk_diag *diag)
{
    char *path = jk_list_path(dir, name);
    enum jk_status st = access(path, R_OK) != 0
                            ? missing_list(path, diag)
                            : jk_stopwords_load_list(&r->stopwords, path, kind, diag);
    if (st == JK_OK && r->n_lists < JK_MAX_LISTS)
        r->lists[r->n_lists++] = name;
    free(path);
    return st;
}

static enum jk_status load_stopwords(struct jk_resources *r, const struct jk_map_options *opt,
                                     struct jk_diag *diag)
{
    const char *dir = opt->stopwords_dir;
    enum jk_status st = load_list(r, dir, "id.txt", JK_LIST_WORDS, diag);
    if (st == JK_OK)
        st = load_list(r, dir, "en.txt", JK_LIST_WORDS, diag);
    if (st == JK_OK && opt->academic)
        st = load_list(r, dir, "academic-id.txt", JK_LIST_WORDS, diag);
    if (st == JK_OK)
        st = load_list(r, dir, "protected-id.txt", JK_LIST_PHRASES, diag);
    if (st == JK_OK)
        st = load_list(r, dir, "adjectives-id.txt", JK_LIST_NO_START, diag);
    if (st == JK_OK)
        st = load_list(r, dir, "adjectives-en.txt", JK_LIST_NO_END, diag);
    for (size_t i = 0; st == JK_OK && i < opt->n_stopword_files; i++)
        st = jk_stopwords_load(&r->stopwords, opt->stopword_files[i], diag);
    return st;
}

static enum jk_status load_langid(struct jk_resources *r, const char *dir, struct jk_diag *diag)
{
    char *id = jk_list_path(dir, "id.txt"), *en = jk_list_path(dir, "en.txt");
    enum jk_status st = jk_langid_load(&r->langid, id, en, diag);
    free(id);
    free(en);
    return st;
}

/* The root dictionary; its absence is a warning, not an error. */
static enum jk_status load_stemmer(struct jk_resources *r, const struct jk_map_options *opt,
                                   struct jk_diag *diag)
{
    if (!opt->stem)
        return JK_OK;
    char *extra = jk_list_path(opt->stopwords_dir, JK_STEM_EXTRA_ROOTS);
    char *exceptions = jk_list_path(opt->stopwords_dir, JK_STEM_EXCEPTIONS);
    struct jk_diag local;
    jk_diag_init(&local);
    enum jk_status st = jk_stemmer_load(&r->stemmer, opt->dictionary, extra, exceptions, &local);
    free(extra);
    free(exceptions);
    if (st != JK_OK && r->stemmer.dictionary_missing) {
        jk_warn("%s", local.msg);
        return JK_OK;
    }
    if (st != JK_OK)
        return jk_error(diag, st, "%s", local.msg);
    r->stemming = true;
    return JK_OK;
}

static enum jk_status load_user_files(struct jk_resources *r, const struct jk_map_options *opt,
                                      struct jk_diag *diag)
{
    enum jk_status st = JK_OK;
    if (opt->thesaurus) {
        st = jk_thesaurus_load(&r->thesaurus, opt->thesaurus, diag);
        r->has_thesaurus = st == JK_OK;
    }
    if (st == JK_OK && opt->patterns) {
        st = jk_patterns_load(&r->patterns, opt->patterns, diag);
        r->has_patterns = st == JK_OK;
    }
    return st;
}

enum jk_status jk_resources_load(struct jk_resources *r, const struct jk_map_options *opt,
                                 struct jk_diag *diag)
{
    enum jk_status st = load_stopwords(r, opt, diag);
    if (st == JK_OK)
        st = load_langid(r, opt->stopwords_dir, diag);
    if (st == JK_OK)
        st = load_stemmer(r, opt, diag);
    if (st == JK_OK) {
        char *path = jk_list_path(opt->stopwords_dir, "variants-id.txt");
        st = access(path, R_OK) == 0 ? jk_variants_load(&r->variants, path, diag)
                                     : missing_list(path, diag);
        free(path);
    }
    if (st == JK_OK) {
        char *path = jk_list_path(opt->stopwords_dir, "glossary-en-id.txt");
        st = access(path, R_OK) == 0 ? jk_dictd_load_glossary(&r->glossary, path, diag)
                                     : missing_list(path, diag);
        free(path);
    }
    if (st == JK_OK)
        st = load_user_files(r, opt, diag);
    return st;
}
