/*
 * Keyword patterns (see patterns.h): loading "pattern<TAB>term" files into
 * compiled PCRE2 code, and scanning a document for every match with limits
 * that keep a badly written pattern from hanging the run.
 */
#include "patterns.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "termfile.h"
#include "util/buf.h"
#include "util/mem.h"

/*
 * Not PCRE2_MATCH_INVALID_UTF: it makes the interpreter (no JIT) a hundred
 * times slower. Texts are checked once per scan instead and searched in
 * their valid stretches with PCRE2_NO_UTF_CHECK.
 */
#define COMPILE_OPTIONS (PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS)
#define EXAMPLE         "\\bsister\\s+(city|cities)\\b<TAB>sister city"

/* PCRE2 allocates with malloc; like jk_malloc, running out of memory is fatal. */
static void *need(void *ptr)
{
    if (!ptr) {
        fputs("jaringkata: out of memory (PCRE2)\n", stderr);
        abort();
    }
    return ptr;
}

void jk_patterns_init(struct jk_patterns *p)
{
    p->items = NULL;
    p->count = 0;
    p->cap = 0;
    jk_arena_init(&p->arena);
    p->path = NULL;
    p->warned = NULL;
    p->jit = false;
}

void jk_patterns_release(struct jk_patterns *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->count; i++)
        pcre2_code_free(p->items[i].re);
    free(p->items);
    free(p->warned);
    jk_arena_release(&p->arena);
    jk_patterns_init(p);
}

size_t jk_patterns_count(const struct jk_patterns *p)
{
    return p->count;
}

/* Compiles pattern[0..len) (JIT when possible) into a new item. */
static enum jk_status add_pattern(struct jk_patterns *p, const struct jk_lines *r,
                                  const char *pattern, size_t len, const struct jk_buf *term,
                                  struct jk_diag *diag)
{
    int err;
    PCRE2_SIZE offset;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, len, COMPILE_OPTIONS, &err, &offset, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof(msg));
        return jk_error(diag, JK_E_INPUT,
                        "%s:%lu: pattern does not compile at offset %zu: %s; fix the regular "
                        "expression (PCRE2 syntax; write a literal ( ) [ ] . + * ? as \\( \\) "
                        "\\[ \\] \\. \\+ \\* \\?)",
                        r->path, r->lineno, (size_t)offset, (const char *)msg);
    }
    /* Without JIT (or if JIT refuses this pattern) it runs interpreted. */
    bool jit = pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) == 0;
    p->jit = p->jit || jit;
    JK_GROW(p->items, p->count + 1, p->cap);
    p->items[p->count++] = (struct jk_pattern){
        .re = re,
        .term = jk_arena_strndup(&p->arena, term->data, term->len),
        .term_len = term->len,
        .line = r->lineno,
    };
    return JK_OK;
}

static enum jk_status read_line(struct jk_patterns *p, const struct jk_lines *r,
                                struct jk_buf *term, struct jk_diag *diag)
{
    char *line = r->line;
    char *tab = memchr(line, '\t', r->len);
    if (!tab)
        return jk_error(diag, JK_E_INPUT,
                        "%s:%lu: no tab; write 'pattern<TAB>term' with a tab, e.g. '" EXAMPLE "'",
                        r->path, r->lineno);
    size_t start = 0, end = (size_t)(tab - line);
    while (start < end && line[start] == ' ')
        start++;
    while (end > start && line[end - 1] == ' ')
        end--;
    if (start == end)
        return jk_error(diag, JK_E_INPUT,
                        "%s:%lu: the pattern is empty; write a regular expression before the tab, "
                        "e.g. '" EXAMPLE "'",
                        r->path, r->lineno);
    const char *t = tab + 1;
    size_t tlen = r->len - (size_t)(t - line);
    while (tlen > 0 && (t[tlen - 1] == '\t' || t[tlen - 1] == ' '))
        tlen--; /* empty trailing columns */
    if (memchr(t, '\t', tlen))
        return jk_error(diag, JK_E_INPUT,
                        "%s:%lu: more than one tab; write 'pattern<TAB>term' (a tab inside a "
                        "pattern is written \\t)",
                        r->path, r->lineno);
    if (!jk_normalise_term(t, tlen, term))
        return jk_error(diag, JK_E_INTERNAL, "%s:%lu: cannot lower-case the term", r->path,
                        r->lineno);
    if (term->len == 0)
        return jk_error(diag, JK_E_INPUT,
                        "%s:%lu: the term is empty; after the tab, write the term that the "
                        "matches count as",
                        r->path, r->lineno);
    return add_pattern(p, r, line + start, end - start, term, diag);
}

enum jk_status jk_patterns_load(struct jk_patterns *p, const char *path, struct jk_diag *diag)
{
    if (p->count > 0 || p->path)
        return jk_error(diag, JK_E_INTERNAL, "patterns '%s' loaded into used patterns", path);
    struct jk_lines r;
    enum jk_status st = jk_lines_open(&r, path, "patterns file", true, diag);
    if (st != JK_OK)
        return st;
    p->path = jk_arena_strndup(&p->arena, path, strlen(path));
    struct jk_buf term;
    jk_buf_init(&term);
    while (st == JK_OK && jk_lines_next(&r, diag))
        st = read_line(p, &r, &term, diag);
    if (st == JK_OK)
        st = r.status;
    p->warned = jk_malloc((p->count ? p->count : 1) * sizeof(*p->warned));
    for (size_t i = 0; i < p->count; i++)
        atomic_init(&p->warned[i], false);
    jk_buf_release(&term);
    jk_lines_close(&r);
    return st;
}

void jk_pattern_matcher_init(struct jk_pattern_matcher *m, const struct jk_patterns *p)
{
    m->patterns = p;
    m->limit_hits = 0;
    m->match = need(pcre2_match_data_create(1, NULL)); /* only the whole match is needed */
    m->context = need(pcre2_match_context_create(NULL));
    pcre2_set_match_limit(m->context, JK_PATTERN_MATCH_LIMIT);
    pcre2_set_depth_limit(m->context, JK_PATTERN_DEPTH_LIMIT);
    m->jit_stack = NULL;
    m->runs = NULL;
    m->n_runs = m->cap_runs = 0;
    if (p->jit) {
        m->jit_stack = need(pcre2_jit_stack_create(32 * 1024, JK_PATTERN_JIT_STACK, NULL));
        pcre2_jit_stack_assign(m->context, NULL, m->jit_stack);
    }
}

void jk_pattern_matcher_release(struct jk_pattern_matcher *m)
{
    if (!m)
        return;
    pcre2_match_data_free(m->match);
    pcre2_match_context_free(m->context);
    pcre2_jit_stack_free(m->jit_stack);
    free(m->runs);
    m->runs = NULL;
    m->n_runs = m->cap_runs = 0;
    m->match = NULL;
    m->context = NULL;
    m->jit_stack = NULL;
}

/* A search failed with rc (a limit, normally): count it, warn once per pattern. */
static void gave_up(struct jk_pattern_matcher *m, size_t index, int rc, size_t at)
{
    const struct jk_patterns *p = m->patterns;
    m->limit_hits++;
    if (atomic_exchange(&p->warned[index], true))
        return;
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(rc, msg, sizeof(msg));
    jk_warn("%s:%lu: pattern gave up on a document at byte %zu (%s); its later matches there are "
            "not counted; rewrite it without nested repeats such as (a+)+ (reported once)",
            p->path, p->items[index].line, at, (const char *)msg);
}

/* Length of the well-formed UTF-8 sequence at s[0..n) (RFC 3629, as PCRE2 checks), or 0. */
static size_t utf8_sequence(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t len;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4;
    else
        return 0;
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xF0 && s[1] < 0x90)) /* overlong */
        return 0;
    if (c == 0xED && s[1] > 0x9F) /* surrogate */
        return 0;
    if (c == 0xF4 && s[1] > 0x8F) /* above U+10FFFF */
        return 0;
    return len;
}

/* Cuts text into its stretches of valid UTF-8 (usually one: the whole text). */
static void find_runs(struct jk_pattern_matcher *m, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    m->n_runs = 0;
    size_t i = 0, start = 0;
    while (i <= len) {
        size_t n = i < len ? utf8_sequence(s + i, len - i) : 0;
        if (n > 0) {
            i += n;
            continue;
        }
        if (i > start) {
            JK_GROW(m->runs, m->n_runs + 1, m->cap_runs);
            m->runs[m->n_runs++] = (struct jk_span){start, i - start};
        }
        start = ++i; /* skip the bad byte (or step past the end) */
    }
}

/* Searches one valid stretch; returns false if the pattern gave up. */
static bool scan_run(struct jk_pattern_matcher *m, size_t index, const char *text,
                     struct jk_span run, jk_pattern_emit_fn emit, void *ctx)
{
    const struct jk_pattern *pt = &m->patterns->items[index];
    const char *s = text + run.offset;
    size_t start = 0;
    while (start < run.len) {
        /* PCRE2_NOTEMPTY: an empty match is skipped in favour of a longer one. */
        int rc = pcre2_match(pt->re, (PCRE2_SPTR)s, run.len, start,
                             PCRE2_NOTEMPTY | PCRE2_NO_UTF_CHECK, m->match, m->context);
        if (rc == PCRE2_ERROR_NOMATCH)
            return true;
        if (rc < 0) {
            gave_up(m, index, rc, run.offset + start);
            return false;
        }
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->match);
        size_t b = ov[0], e = ov[1];
        if (e > b)
            emit(ctx, index, pt->term, pt->term_len, run.offset + b, e - b);
        if (e > start) {
            start = e;
        } else { /* cannot happen with NOTEMPTY, but never loop */
            start++;
            while (start < run.len && ((unsigned char)s[start] & 0xC0) == 0x80)
                start++;
        }
    }
    return true;
}

void jk_patterns_scan(struct jk_pattern_matcher *m, const char *text, size_t len,
                      jk_pattern_emit_fn emit, void *ctx)
{
    if (len == 0 || m->patterns->count == 0)
        return;
    find_runs(m, text, len);
    for (size_t i = 0; i < m->patterns->count; i++)
        for (size_t r = 0; r < m->n_runs; r++)
            if (!scan_run(m, i, text, m->runs[r], emit, ctx))
                break;
}
