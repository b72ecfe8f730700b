/*
 * Standard spellings (see variants.h): loading "variant<TAB>standard" lists
 * with line-numbered errors, and the word lookup the term stage calls.
 */
#include "variants.h"

#include <stdlib.h>
#include <string.h>

#include "termfile.h"
#include "util/buf.h"
#include "util/mem.h"

void jk_variants_init(struct jk_variants *v)
{
    jk_strmap_init(&v->words);
    jk_arena_init(&v->arena);
    v->items = NULL;
    v->cap = 0;
}

void jk_variants_release(struct jk_variants *v)
{
    if (!v)
        return;
    jk_strmap_release(&v->words);
    jk_arena_release(&v->arena);
    free(v->items);
    jk_variants_init(v);
}

size_t jk_variants_count(const struct jk_variants *v)
{
    return jk_strmap_count(&v->words);
}

const char *jk_variant_standard(const struct jk_variants *v, const char *word, size_t len,
                                size_t *out_len)
{
    uint32_t id = jk_strmap_find(&v->words, word, len);
    if (id == JK_NO_ID)
        return NULL;
    *out_len = v->items[id].standard_len;
    return v->items[id].standard;
}

/* Normalises one side into out; checks it is one word. */
static enum jk_status read_word(const struct jk_lines *r, const char *s, size_t len,
                                const char *side, struct jk_buf *out, struct jk_diag *diag)
{
    if (!jk_normalise_term(s, len, out))
        return jk_error(diag, JK_E_INTERNAL, "%s:%lu: cannot lower-case the line", r->path,
                        r->lineno);
    if (out->len == 0)
        return jk_error(diag, JK_E_INPUT,
                        "%s:%lu: the %s is empty; write 'variant<TAB>standard', one word each",
                        r->path, r->lineno, side);
    if (memchr(out->data, ' ', out->len))
        return jk_error(diag, JK_E_INPUT,
                        "%s:%lu: the %s '%s' is more than one word; a variants list maps one "
                        "word to one word (use a thesaurus file for phrases)",
                        r->path, r->lineno, side, out->data);
    return JK_OK;
}

static enum jk_status add_variant(struct jk_variants *v, const struct jk_lines *r,
                                  const struct jk_buf *var, const struct jk_buf *std,
                                  struct jk_diag *diag)
{
    if (var->len == std->len && memcmp(var->data, std->data, var->len) == 0)
        return jk_error(diag, JK_E_INPUT, "%s:%lu: '%s' is mapped to itself; remove the line",
                        r->path, r->lineno, var->data);
    bool added;
    uint32_t id = jk_strmap_intern(&v->words, var->data, var->len, &added);
    if (!added) {
        const struct jk_variant *old = &v->items[id];
        if (old->standard_len == std->len && memcmp(old->standard, std->data, std->len) == 0)
            return JK_OK;
        return jk_error(diag, JK_E_INPUT,
                        "%s:%lu: '%s' is already mapped to '%s' on line %lu, here to '%s'; keep "
                        "one of the two lines",
                        r->path, r->lineno, var->data, old->standard, old->line, std->data);
    }
    JK_GROW(v->items, (size_t)id + 1, v->cap);
    v->items[id] = (struct jk_variant){
        .standard = jk_arena_strndup(&v->arena, std->data, std->len),
        .standard_len = std->len,
        .line = r->lineno,
    };
    return JK_OK;
}

static enum jk_status read_line(struct jk_variants *v, struct jk_lines *r, struct jk_buf *var,
                                struct jk_buf *std, struct jk_diag *diag)
{
    char *hash = memchr(r->line, '#', r->len);
    size_t len = hash ? (size_t)(hash - r->line) : r->len;
    if (len == strspn(r->line, " \t"))
        return JK_OK; /* only a comment after some blanks */
    const char *tab = memchr(r->line, '\t', len);
    if (!tab)
        return jk_error(diag, JK_E_INPUT,
                        "%s:%lu: no tab; write 'variant<TAB>standard' with a tab, e.g. "
                        "'analisa<TAB>analisis'",
                        r->path, r->lineno);
    const char *second = tab + 1;
    size_t second_len = len - (size_t)(second - r->line);
    while (second_len > 0 && (second[second_len - 1] == ' ' || second[second_len - 1] == '\t'))
        second_len--; /* blanks before a comment, or empty trailing columns */
    if (memchr(second, '\t', second_len))
        return jk_error(diag, JK_E_INPUT,
                        "%s:%lu: more than two columns; write 'variant<TAB>standard' with one tab",
                        r->path, r->lineno);
    enum jk_status st = read_word(r, r->line, (size_t)(tab - r->line), "variant", var, diag);
    if (st == JK_OK)
        st = read_word(r, second, second_len, "standard form", std, diag);
    if (st == JK_OK)
        st = add_variant(v, r, var, std, diag);
    return st;
}

/* A standard form that is itself a variant makes a chain; name both lines. */
static enum jk_status check_chains(const struct jk_variants *v, const char *path,
                                   struct jk_diag *diag)
{
    size_t n = jk_strmap_count(&v->words);
    for (uint32_t id = 0; id < n; id++) {
        const struct jk_variant *it = &v->items[id];
        uint32_t to = jk_strmap_find(&v->words, it->standard, it->standard_len);
        if (to != JK_NO_ID)
            return jk_error(diag, JK_E_INPUT,
                            "%s:%lu: the standard form '%s' is itself listed as a variant on "
                            "line %lu; map '%s' straight to '%s'",
                            path, it->line, it->standard, v->items[to].line,
                            jk_strmap_key(&v->words, id), v->items[to].standard);
    }
    return JK_OK;
}

enum jk_status jk_variants_load(struct jk_variants *v, const char *path, struct jk_diag *diag)
{
    if (jk_variants_count(v) > 0)
        return jk_error(diag, JK_E_INTERNAL, "variants '%s' loaded into a used list", path);
    struct jk_lines r;
    enum jk_status st = jk_lines_open(&r, path, "variants list", true, diag);
    if (st != JK_OK)
        return st;
    struct jk_buf var, std;
    jk_buf_init(&var);
    jk_buf_init(&std);
    while (st == JK_OK && jk_lines_next(&r, diag))
        st = read_line(v, &r, &var, &std, diag);
    if (st == JK_OK)
        st = r.status;
    if (st == JK_OK)
        st = check_chains(v, path, diag);
    jk_buf_release(&var);
    jk_buf_release(&std);
    jk_lines_close(&r);
    return st;
}
