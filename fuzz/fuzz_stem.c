/*
 * Fuzz target: the stemmer's loaders (stem_load.c), which read what
 * --dictionary and the stopwords folder give: a hunspell .dic, the .aff
 * beside it, the extra-roots list and the exceptions list. The input is
 * those four parts separated by form feeds; a part that is absent is a file
 * that does not exist (the .aff) or a list not given. After a load, every
 * root and exception root must be lower-case UTF-8 (stem.h), and stemming a
 * fixed set of affixed words, and the dictionary's own words with affixes
 * put on, must give a non-empty UTF-8 root that is the word, a dictionary
 * root, an exception's root or a piece of the word; a word jk_stem_verb
 * calls a verb starts with its prefix's letters and is no root.
 */
#define _GNU_SOURCE /* memmem */
#include <string.h>

#include "fuzz_common.h"
#include "stem.h"
#include "stopwords.h"

enum { PARTS = 4, DIC = 0, AFF = 1, ROOTS = 2, EXCEPTIONS = 3 };

static const char *const suffixes[PARTS] = {".dic", ".aff", ".roots", ".exc"};

static const char *const words[] = {
    "pembangunan", "memperhatikan", "kebijakannya", "berupa",  "mempertanggungjawabkan",
    "bolak-balik", "anak-anak",     "modernisasi",  "menyapu", "penyelenggaraan",
    "dikerjakan",  "pembelajaran",  "keduanya",     "kah",     "caf\xc3\xa9nya",
};

static const char *const affixes[][2] = {{"me", "kan"}, {"di", "i"}, {"ber", "an"},
                                         {"pe", "an"},  {"", "nya"}, {"ke", "an"}};

/* Is s[0..len) lower-case as jk_lowercase makes it? */
static bool lower_case(const char *s, size_t len, struct jk_buf *tmp)
{
    return jk_lowercase(s, len, tmp) && tmp->len == len && memcmp(tmp->data, s, len) == 0;
}

static bool exception_root(const struct jk_stemmer *s, const char *r, size_t len)
{
    for (size_t i = 0; i < jk_strmap_count(&s->exceptions); i++)
        if (strlen(s->exception_roots[i]) == len && memcmp(s->exception_roots[i], r, len) == 0)
            return true;
    return false;
}

static void check_stem(const struct jk_stemmer *s, const char *w, size_t len, struct jk_buf *root,
                       struct jk_buf *how)
{
    jk_stem(s, w, len, root, how);
    FUZZ_CHECK(root->len > 0 && fuzz_valid_utf8(root->data, root->len));
    FUZZ_CHECK(how->len > 0);
    bool same = root->len == len && memcmp(root->data, w, len) == 0;
    bool piece = memmem(w, len, root->data, root->len) != NULL;
    FUZZ_CHECK(same || piece || jk_stemmer_has_root(s, root->data, root->len) ||
               exception_root(s, root->data, root->len));
    /* a verb by its prefix starts with "me" or "di" and is no root */
    enum jk_verb_form verb = jk_stem_verb(s, w, len);
    FUZZ_CHECK(verb == JK_NOT_VERB || verb == JK_VERB_ACTIVE || verb == JK_VERB_PASSIVE);
    if (verb != JK_NOT_VERB)
        FUZZ_CHECK(len > 2 && !memcmp(w, verb == JK_VERB_ACTIVE ? "me" : "di", 2) &&
                   !jk_stemmer_has_root(s, w, len));
}

static void check_loaded(const struct jk_stemmer *s)
{
    struct jk_buf tmp, root, how, word;
    jk_buf_init(&tmp);
    jk_buf_init(&root);
    jk_buf_init(&how);
    jk_buf_init(&word);
    for (uint32_t id = 0; id < jk_strmap_count(&s->roots); id++) {
        const char *r = jk_strmap_key(&s->roots, id);
        size_t len = jk_strmap_len(&s->roots, id);
        FUZZ_CHECK(len > 0 && fuzz_valid_utf8(r, len) && lower_case(r, len, &tmp));
        for (size_t a = 0; id < 8 && a < sizeof(affixes) / sizeof(*affixes); a++) {
            jk_buf_clear(&word);
            jk_buf_adds(&word, affixes[a][0]);
            jk_buf_add(&word, r, len);
            jk_buf_adds(&word, affixes[a][1]);
            check_stem(s, word.data, word.len, &root, &how);
        }
    }
    for (size_t i = 0; i < jk_strmap_count(&s->exceptions); i++) {
        const char *r = s->exception_roots[i];
        FUZZ_CHECK(r[0] != '\0' && fuzz_valid_utf8(r, strlen(r)) && lower_case(r, strlen(r), &tmp));
    }
    for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++)
        check_stem(s, words[i], strlen(words[i]), &root, &how);
    jk_buf_release(&word);
    jk_buf_release(&how);
    jk_buf_release(&root);
    jk_buf_release(&tmp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_quiet();
    const char *paths[PARTS];
    bool given[PARTS];
    size_t at = 0;
    bool more = true; /* the .dic always is; each later part follows a form feed */
    for (size_t i = 0; i < PARTS; i++) {
        given[i] = more;
        const uint8_t *ff = more ? memchr(data + at, '\f', size - at) : NULL;
        size_t stop = ff ? (size_t)(ff - data) : size;
        paths[i] = fuzz_write_file(more ? data + at : NULL, more ? stop - at : 0, suffixes[i]);
        more = ff != NULL;
        at = ff ? stop + 1 : size;
    }
    if (!given[AFF])
        remove(paths[AFF]);
    struct jk_stemmer s;
    struct jk_diag diag;
    jk_stemmer_init(&s);
    jk_diag_init(&diag);
    enum jk_status st = jk_stemmer_load(&s, paths[DIC], given[ROOTS] ? paths[ROOTS] : NULL,
                                        given[EXCEPTIONS] ? paths[EXCEPTIONS] : NULL, &diag);
    FUZZ_CHECK(st == JK_OK || st == JK_E_INPUT);
    FUZZ_CHECK(!s.dictionary_missing); /* the file exists */
    fuzz_check_error(st, &diag);
    if (st == JK_OK)
        check_loaded(&s);
    jk_stemmer_release(&s);
    return 0;
}
