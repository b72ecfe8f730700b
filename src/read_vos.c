/* VOSviewer corpus and scores files (see read_vos.h). */
#include "read_vos.h"

#include <math.h>
#include <string.h>
#include <strings.h>

#include "read_field.h"
#include "termfile.h"

#define VOS_MAX_COLS 64

/* Which scores column holds the year and the citations (SIZE_MAX: none). */
struct vos_cols {
    size_t year;
    size_t citations;
};

/* Counts the physical lines of path (a trailing blank line included). */
static enum jk_status count_lines(const char *path, const char *what, unsigned long *n,
                                  struct jk_diag *diag)
{
    struct jk_lines lr;
    enum jk_status st = jk_lines_open(&lr, path, what, false, diag);
    if (st != JK_OK)
        return st;
    while (jk_lines_next(&lr, diag))
        ;
    st = lr.status;
    *n = lr.lineno;
    jk_lines_close(&lr);
    return st;
}

static enum jk_status check_counts(const char *corpus, const char *scores, struct jk_diag *diag)
{
    unsigned long nc, ns;
    enum jk_status st = count_lines(corpus, "corpus file", &nc, diag);
    if (st == JK_OK)
        st = count_lines(scores, "scores file", &ns, diag);
    if (st != JK_OK)
        return st;
    if (ns != nc + 1)
        return jk_error(diag, JK_E_INPUT,
                        "the scores file '%s' has %lu data lines but the corpus file '%s' has %lu "
                        "lines; give one scores line per corpus line after the header",
                        scores, ns ? ns - 1 : 0, corpus, nc);
    return JK_OK;
}

static bool label_is(struct jk_field f, const char *label)
{
    return f.len == strlen(label) && strncasecmp(f.s, label, f.len) == 0;
}

/* Reads the header line of the scores file into cols. */
static enum jk_status read_header(struct jk_lines *sr, struct vos_cols *cols, struct jk_diag *diag)
{
    struct jk_field f[VOS_MAX_COLS];
    const char *err = NULL;
    cols->year = cols->citations = SIZE_MAX;
    if (!jk_lines_next(sr, diag))
        return sr->status;
    size_t n = jk_tsv_split(sr->line, sr->len, f, VOS_MAX_COLS, &err);
    if (n == SIZE_MAX)
        return jk_error(diag, JK_E_INPUT, "%s:%lu: %s", sr->path, sr->lineno, err);
    for (size_t i = 0; i < n && i < VOS_MAX_COLS; i++) {
        if (label_is(f[i], "score<Pub. year>") || label_is(f[i], "score<Year>"))
            cols->year = i;
        else if (label_is(f[i], "score<Citations>"))
            cols->citations = i;
    }
    return JK_OK;
}

/* Fills year and citations of rec from the scores line paired with corpus line `line`. */
static void take_scores(struct jk_lines *sr, const struct vos_cols *cols, unsigned long line,
                        struct jk_record *rec, struct jk_diag *diag)
{
    while (sr->lineno < line + 1 && jk_lines_next(sr, diag))
        ;
    if (sr->lineno != line + 1)
        return; /* blank scores line: nothing known */
    struct jk_field f[VOS_MAX_COLS];
    const char *err = NULL;
    size_t n = jk_tsv_split(sr->line, sr->len, f, VOS_MAX_COLS, &err);
    if (n == SIZE_MAX)
        return;
    if (cols->year < n) {
        double y = jk_field_number(f[cols->year].s, f[cols->year].len);
        rec->year = isnan(y) ? 0 : (int)lround(y);
    }
    if (cols->citations < n)
        rec->citations = jk_field_number(f[cols->citations].s, f[cols->citations].len);
}

static enum jk_status read_corpus(struct jk_lines *cr, struct jk_lines *sr,
                                  const struct vos_cols *cols, jk_record_fn emit, void *ctx,
                                  struct jk_diag *diag)
{
    struct jk_record rec;
    jk_record_init(&rec);
    enum jk_status st = JK_OK;
    size_t number = 0;
    while (st == JK_OK && jk_lines_next(cr, diag)) {
        jk_record_clear(&rec);
        rec.source = cr->path;
        rec.number = ++number;
        rec.line = cr->lineno;
        jk_field_set(&rec.abstract, cr->line, cr->len);
        if (sr)
            take_scores(sr, cols, cr->lineno, &rec, diag);
        if (sr && sr->status != JK_OK)
            st = sr->status;
        else
            st = emit(ctx, &rec, diag);
    }
    if (st == JK_OK)
        st = cr->status;
    jk_record_release(&rec);
    return st;
}

enum jk_status jk_read_vos(const char *corpus_path, const char *scores_path, jk_record_fn emit,
                           void *ctx, struct jk_diag *diag)
{
    struct jk_lines cr, sr;
    struct vos_cols cols = {SIZE_MAX, SIZE_MAX};
    enum jk_status st;
    if (scores_path && (st = check_counts(corpus_path, scores_path, diag)) != JK_OK)
        return st;
    if ((st = jk_lines_open(&cr, corpus_path, "corpus file", false, diag)) != JK_OK)
        return st;
    memset(&sr, 0, sizeof(sr));
    if (scores_path && (st = jk_lines_open(&sr, scores_path, "scores file", false, diag)) != JK_OK)
        goto out;
    if (scores_path && (st = read_header(&sr, &cols, diag)) != JK_OK)
        goto out;
    st = read_corpus(&cr, scores_path ? &sr : NULL, &cols, emit, ctx, diag);
out:
    jk_lines_close(&sr);
    jk_lines_close(&cr);
    return st;
}
