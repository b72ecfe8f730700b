/*
 * VOSviewer thesaurus files (see thesaurus.h): reading "label<TAB>replace by"
 * tables with line-numbered errors, resolving chains, rejecting cycles, and
 * the lookup the term stage calls for every label.
 */
#include "thesaurus.h"

#include <stdlib.h>
#include <string.h>

#include "termfile.h"
#include "util/buf.h"
#include "util/mem.h"

#define HEADER_SHOWN "label<TAB>replace by"

void jk_thesaurus_init(struct jk_thesaurus *t)
{
    jk_strmap_init(&t->labels);
    jk_arena_init(&t->arena);
    t->entries = NULL;
    t->cap = 0;
}

void jk_thesaurus_release(struct jk_thesaurus *t)
{
    if (!t)
        return;
    jk_strmap_release(&t->labels);
    jk_arena_release(&t->arena);
    free(t->entries);
    jk_thesaurus_init(t);
}

size_t jk_thesaurus_count(const struct jk_thesaurus *t)
{
    return jk_strmap_count(&t->labels);
}

enum jk_thesaurus_result jk_thesaurus_lookup(const struct jk_thesaurus *t, const char *label,
                                             size_t len, const char **replacement,
                                             size_t *replacement_len)
{
    uint32_t id = jk_strmap_find(&t->labels, label, len);
    if (id == JK_NO_ID)
        return JK_THES_KEEP;
    const struct jk_thesaurus_entry *e = &t->entries[id];
    if (!e->final)
        return JK_THES_REMOVE;
    if (e->final_len == len && memcmp(e->final, label, len) == 0)
        return JK_THES_KEEP;
    *replacement = e->final;
    *replacement_len = e->final_len;
    return JK_THES_REPLACE;
}

/* Scratch for one load. */
struct loader {
    struct jk_lines lines;
    struct jk_buf label;
    struct jk_buf repl;
    bool header_seen;
};

/* Whether the columns after the second (fl[2] and the rest of the line) are all empty. */
static bool extra_columns_empty(const struct loader *ld, const struct jk_field *fl, size_t n)
{
    if (n <= 2)
        return true;
    const char *end = ld->lines.line + ld->lines.len;
    for (const char *p = fl[2].s; p < end; p++)
        if (*p != '\t' && *p != ' ')
            return false;
    return true;
}

/* Whether fl[0..n) is the header "label<TAB>replace by" (any case and spacing). */
static bool is_header(struct loader *ld, const struct jk_field *fl, size_t n)
{
    if (n < 2 || !extra_columns_empty(ld, fl, n))
        return false;
    return jk_normalise_term(fl[0].s, fl[0].len, &ld->label) &&
           strcmp(ld->label.data, "label") == 0 &&
           jk_normalise_term(fl[1].s, fl[1].len, &ld->repl) &&
           strcmp(ld->repl.data, "replace by") == 0;
}

static enum jk_status add_entry(struct jk_thesaurus *t, struct loader *ld, struct jk_diag *diag)
{
    const struct jk_lines *r = &ld->lines;
    bool added;
    uint32_t id = jk_strmap_intern(&t->labels, ld->label.data, ld->label.len, &added);
    if (!added) {
        struct jk_thesaurus_entry *e = &t->entries[id];
        if (e->replacement_len == ld->repl.len &&
            memcmp(e->replacement, ld->repl.data, ld->repl.len) == 0)
            return JK_OK;
        return jk_error(diag, JK_E_INPUT,
                        "%s:%lu: label '%s' is already replaced by '%s' on line %lu, here by "
                        "'%s'; keep one of the two lines",
                        r->path, r->lineno, ld->label.data, e->replacement, e->line, ld->repl.data);
    }
    JK_GROW(t->entries, (size_t)id + 1, t->cap);
    t->entries[id] = (struct jk_thesaurus_entry){
        .replacement = jk_arena_strndup(&t->arena, ld->repl.data, ld->repl.len),
        .replacement_len = ld->repl.len,
        .line = r->lineno,
        .next = JK_NO_ID,
    };
    return JK_OK;
}

static enum jk_status read_line(struct jk_thesaurus *t, struct loader *ld, struct jk_diag *diag)
{
    struct jk_lines *r = &ld->lines;
    struct jk_field fl[3];
    const char *error = NULL;
    bool comment_like = r->line[strspn(r->line, " ")] == '#';
    size_t n = jk_tsv_split(r->line, r->len, fl, 3, &error);
    if (n == SIZE_MAX)
        return jk_error(diag, JK_E_INPUT, "%s:%lu: %s", r->path, r->lineno, error);
    if (is_header(ld, fl, n)) {
        ld->header_seen = true; /* a repeated header (two files joined) is skipped */
        return JK_OK;
    }
    if (!ld->header_seen)
        return jk_error(diag, JK_E_INPUT,
                        "%s:%lu: the first line must be the header '" HEADER_SHOWN
                        "' (VOSviewer requires it); add it above the first entry",
                        r->path, r->lineno);
    if (n == 1)
        return jk_error(diag, JK_E_INPUT,
                        "%s:%lu: no tab in '%s'; write 'label<TAB>replacement' with a tab, not "
                        "spaces (an empty replacement removes the term)%s",
                        r->path, r->lineno, r->line,
                        comment_like ? "; thesaurus files take no comment lines" : "");
    if (!extra_columns_empty(ld, fl, n))
        return jk_error(diag, JK_E_INPUT,
                        "%s:%lu: %zu columns; write 'label<TAB>replacement' with one tab", r->path,
                        r->lineno, n);
    if (!jk_normalise_term(fl[0].s, fl[0].len, &ld->label) ||
        !jk_normalise_term(fl[1].s, fl[1].len, &ld->repl))
        return jk_error(diag, JK_E_INTERNAL, "%s:%lu: cannot lower-case the line", r->path,
                        r->lineno);
    if (ld->label.len == 0)
        return jk_error(diag, JK_E_INPUT,
                        "%s:%lu: the label is empty; write the term to replace before the tab",
                        r->path, r->lineno);
    return add_entry(t, ld, diag);
}

/* Reports the cycle stack[from..n) -> stack[from]. */
static enum jk_status report_cycle(const struct jk_thesaurus *t, const char *path,
                                   const uint32_t *stack, size_t from, size_t n,
                                   struct jk_diag *diag)
{
    struct jk_buf b;
    jk_buf_init(&b);
    for (size_t i = from; i < n; i++)
        jk_buf_addf(&b, "'%s' (line %lu) -> ", jk_strmap_key(&t->labels, stack[i]),
                    t->entries[stack[i]].line);
    jk_buf_addf(&b, "'%s'", jk_strmap_key(&t->labels, stack[from]));
    enum jk_status st = jk_error(diag, JK_E_INPUT,
                                 "%s:%lu: the replacements form a cycle: %s; change or remove one "
                                 "of these lines",
                                 path, t->entries[stack[from]].line, b.data);
    jk_buf_release(&b);
    return st;
}

/*
 * Sets every entry's final by following next links. state: 0 = not seen,
 * 1 = on the current path, 2 = resolved. Iterative, so long chains cannot
 * overflow the stack; linear in the number of labels.
 */
static enum jk_status resolve(struct jk_thesaurus *t, const char *path, struct jk_diag *diag)
{
    size_t n = jk_strmap_count(&t->labels);
    for (uint32_t id = 0; id < n; id++) {
        struct jk_thesaurus_entry *e = &t->entries[id];
        uint32_t to = jk_strmap_find(&t->labels, e->replacement, e->replacement_len);
        e->next = e->replacement_len > 0 && to != id ? to : JK_NO_ID;
    }
    unsigned char *state = jk_calloc(n ? n : 1, 1);
    uint32_t *stack = jk_malloc((n ? n : 1) * sizeof(*stack));
    enum jk_status st = JK_OK;
    for (uint32_t id = 0; id < n && st == JK_OK; id++) {
        size_t depth = 0;
        uint32_t j = id;
        while (j != JK_NO_ID && state[j] == 0) {
            state[j] = 1;
            stack[depth++] = j;
            j = t->entries[j].next;
        }
        if (j != JK_NO_ID && state[j] == 1) {
            size_t from = 0;
            while (stack[from] != j)
                from++;
            st = report_cycle(t, path, stack, from, depth, diag);
            break;
        }
        const struct jk_thesaurus_entry *end = j != JK_NO_ID ? &t->entries[j] : NULL;
        if (!end && depth > 0) {
            struct jk_thesaurus_entry *last = &t->entries[stack[depth - 1]];
            last->final = last->replacement_len > 0 ? last->replacement : NULL;
            last->final_len = last->replacement_len;
            end = last;
        }
        while (depth > 0) {
            struct jk_thesaurus_entry *e = &t->entries[stack[--depth]];
            e->final = end->final;
            e->final_len = end->final_len;
            state[stack[depth]] = 2;
        }
    }
    free(state);
    free(stack);
    return st;
}

enum jk_status jk_thesaurus_load(struct jk_thesaurus *t, const char *path, struct jk_diag *diag)
{
    if (jk_thesaurus_count(t) > 0)
        return jk_error(diag, JK_E_INTERNAL, "thesaurus '%s' loaded into a used thesaurus", path);
    struct loader ld = {.header_seen = false};
    enum jk_status st = jk_lines_open(&ld.lines, path, "thesaurus file", false, diag);
    if (st != JK_OK)
        return st;
    jk_buf_init(&ld.label);
    jk_buf_init(&ld.repl);
    while (st == JK_OK && jk_lines_next(&ld.lines, diag))
        st = read_line(t, &ld, diag);
    if (st == JK_OK)
        st = ld.lines.status;
    if (st == JK_OK && !ld.header_seen)
        st = jk_error(diag, JK_E_INPUT,
                      "%s: the file is empty; a thesaurus starts with the header line "
                      "'" HEADER_SHOWN "'",
                      path);
    if (st == JK_OK)
        st = resolve(t, path, diag);
    jk_buf_release(&ld.label);
    jk_buf_release(&ld.repl);
    jk_lines_close(&ld.lines);
    return st;
}
