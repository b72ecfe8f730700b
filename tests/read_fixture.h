/*
 * Shared helpers for the record reader tests (test_read_*.c): a callback
 * that keeps each record as one text line per field, so tests assert exact
 * strings, and a way to run a reader with stderr captured to check warnings.
 */
#ifndef JK_READ_FIXTURE_H
#define JK_READ_FIXTURE_H

#include <fcntl.h>
#include <math.h>

#include "record.h"
#include "testutil.h"
#include "util/buf.h"

#define RF_MAX 16

struct rf_got {
    char *rec[RF_MAX]; /* "title=...\nabstract=...\n..." per record */
    size_t n;
};

static inline enum jk_status rf_collect(void *ctx, const struct jk_record *r, struct jk_diag *diag)
{
    struct rf_got *g = ctx;
    (void)diag;
    struct jk_buf b;
    jk_buf_init(&b);
    jk_buf_addf(&b, "title=%s\nabstract=%s\nkeywords=%s\nauthors=%s\ndoi=%s\nvenue=%s\nyear=%d\n",
                r->title.data, r->abstract.data, r->keywords.data, r->authors.data, r->doi.data,
                r->venue.data, r->year);
    if (isnan(r->citations))
        jk_buf_addf(&b, "citations=?\nline=%lu", r->line);
    else
        jk_buf_addf(&b, "citations=%g\nline=%lu", r->citations, r->line);
    if (g->n < RF_MAX)
        g->rec[g->n++] = jk_buf_detach(&b, NULL);
    else
        jk_buf_release(&b);
    return JK_OK;
}

static inline void rf_release(struct rf_got *g)
{
    for (size_t i = 0; i < g->n; i++)
        free(g->rec[i]);
    g->n = 0;
}

/* Starts sending stderr to a file in dir; returns the saved descriptor for rf_stderr_end. */
static inline int rf_stderr_begin(const char *dir)
{
    char path[4200];
    snprintf(path, sizeof(path), "%s/stderr.txt", dir);
    fflush(stderr);
    int saved = dup(2);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (saved < 0 || fd < 0)
        abort();
    dup2(fd, 2);
    close(fd);
    return saved;
}

/* Restores stderr and returns what was written to it (caller frees). */
static inline char *rf_stderr_end(const char *dir, int saved)
{
    char path[4200];
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    snprintf(path, sizeof(path), "%s/stderr.txt", dir);
    FILE *f = fopen(path, "rb");
    if (!f)
        abort();
    struct jk_buf b;
    jk_buf_init(&b);
    char chunk[512];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        jk_buf_add(&b, chunk, n);
    fclose(f);
    return jk_buf_detach(&b, NULL);
}

#endif
