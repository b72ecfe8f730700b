/* Record files into documents (see sources.h). */
#include "sources.h"

#include <string.h>
#include <strings.h>

#include "read_bibtex.h"
#include "read_csv.h"
#include "read_ris.h"

static bool ends_with(const char *path, const char *ext)
{
    const char *dot = strrchr(path, '.');
    return dot && strcasecmp(dot, ext) == 0;
}

bool jk_is_record_file(const char *path)
{
    return ends_with(path, ".csv") || ends_with(path, ".ris") || ends_with(path, ".bib");
}

struct compose {
    jk_document_fn fn;
    void *ctx;
    struct jk_buf *text;
};

static void add_part(struct jk_buf *text, const struct jk_buf *part)
{
    if (part->len == 0)
        return;
    if (text->len)
        jk_buf_adds(text, "\n\n");
    jk_buf_add(text, part->data, part->len);
}

static enum jk_status compose_record(void *ctx, const struct jk_record *r, struct jk_diag *diag)
{
    struct compose *c = ctx;
    jk_buf_clear(c->text);
    add_part(c->text, &r->title);
    add_part(c->text, r->abstract.len ? &r->abstract : &r->keywords);
    if (c->text->len == 0)
        return JK_OK;
    return c->fn(c->ctx, c->text->data, c->text->len, r, diag);
}

enum jk_status jk_read_records(const char *path, jk_document_fn fn, void *ctx,
                               struct jk_buf *scratch, struct jk_diag *diag)
{
    struct compose c = {fn, ctx, scratch};
    if (ends_with(path, ".csv"))
        return jk_read_csv(path, NULL, compose_record, &c, diag);
    if (ends_with(path, ".ris"))
        return jk_read_ris(path, compose_record, &c, diag);
    return jk_read_bibtex(path, compose_record, &c, diag);
}
