/* RIS records (see read_ris.h): tag lines "XY  - value" from TY to ER. */
#include "read_ris.h"

#include <string.h>

#include "read_field.h"
#include "termfile.h"

struct ris {
    const char *path;
    struct jk_record rec;
    bool open;           /* inside a TY..ER record */
    struct jk_buf *last; /* field a continuation line extends, or NULL */
    size_t bytes;        /* of the open record's lines */
    bool runaway;        /* the open record ran past jk_record_max_bytes: skipped */
    jk_record_fn emit;
    void *ctx;
};

/* Returns whether line is "XY  -..." and points *value at the trimmed text after the dash. */
static bool tag_line(const char *s, size_t len, const char **value, size_t *vlen)
{
    if (len < 5 || s[2] != ' ' || s[3] != ' ' || s[4] != '-')
        return false;
    for (int i = 0; i < 2; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
            return false;
    *value = s + 5;
    *vlen = len - 5;
    while (*vlen > 0 && **value == ' ') {
        (*value)++;
        (*vlen)--;
    }
    return true;
}

static bool tag_is(const char *s, const char *tags)
{
    for (const char *t = tags; *t; t += 2)
        if (s[0] == t[0] && s[1] == t[1])
            return true;
    return false;
}

/* Sets a first-wins field; remembers it for continuation lines. */
static void set_once(struct ris *r, struct jk_buf *b, const char *v, size_t n)
{
    r->last = NULL;
    if (b->len > 0)
        return;
    jk_field_set(b, v, n);
    r->last = b;
}

static void take_tag(struct ris *r, const char *tag, const char *v, size_t n)
{
    struct jk_record *rec = &r->rec;
    r->last = NULL;
    if (tag_is(tag, "TIT1"))
        set_once(r, &rec->title, v, n);
    else if (tag_is(tag, "ABN2"))
        set_once(r, &rec->abstract, v, n);
    else if (tag_is(tag, "KW"))
        jk_field_join_split(&rec->keywords, v, n, ";");
    else if (tag_is(tag, "AUA1"))
        jk_field_join(&rec->authors, v, n);
    else if (tag_is(tag, "PYY1DA") && rec->year == 0)
        rec->year = jk_field_year(v, n);
    else if (tag_is(tag, "DO") && rec->doi.len == 0)
        jk_field_doi(&rec->doi, v, n);
    else if (tag_is(tag, "JOT2JF"))
        set_once(r, &rec->venue, v, n);
}

/* Ends the open record; complete says whether an ER tag closed it. */
static enum jk_status finish(struct ris *r, bool complete, struct jk_diag *diag)
{
    r->open = false;
    r->last = NULL;
    if (r->runaway) /* said by runaway */
        return JK_OK;
    bool has_text = r->rec.title.len > 0 || r->rec.abstract.len > 0;
    if (!complete)
        jk_warn("%s:%lu: RIS record %zu has no ER end tag; %s", r->path, r->rec.line, r->rec.number,
                has_text ? "read it up to the next record" : "skipped (no text)");
    if (!has_text && !complete)
        return JK_OK;
    return r->emit(r->ctx, &r->rec, diag);
}

static enum jk_status begin(struct ris *r, unsigned long line)
{
    size_t number = r->rec.number + 1;
    jk_record_clear(&r->rec);
    r->rec.number = number;
    r->rec.line = line;
    r->open = true;
    r->bytes = 0;
    r->runaway = false;
    return JK_OK;
}

/*
 * Whether the open record, with its next line of len bytes, runs past
 * jk_record_max_bytes (an ER tag missing, and the rest of the file one
 * field's continuation): said once, and the record's lines are skipped up
 * to its end or the next TY, so it is never held whole.
 */
static bool runaway(struct ris *r, size_t len)
{
    r->bytes += len + 1;
    if (r->runaway || r->bytes <= jk_record_max_bytes)
        return r->runaway;
    jk_warn("%s:%lu: RIS record %zu runs past %zu MB of text, and is skipped up to its ER end "
            "tag or the next record (is an ER tag missing?)",
            r->path, r->rec.line, r->rec.number, jk_record_max_bytes >> 20);
    jk_record_clear(&r->rec);
    r->last = NULL;
    r->runaway = true;
    return true;
}

static enum jk_status take_line(struct ris *r, const struct jk_lines *lr, struct jk_diag *diag)
{
    const char *v = NULL;
    size_t n = 0;
    enum jk_status st = JK_OK;
    bool tagged = tag_line(lr->line, lr->len, &v, &n);
    if (tagged && tag_is(lr->line, "TY")) {
        if (r->open && (st = finish(r, false, diag)) != JK_OK)
            return st;
        return begin(r, lr->lineno);
    }
    if (!r->open)
        return JK_OK;
    if (tagged && tag_is(lr->line, "ER"))
        return finish(r, true, diag);
    if (runaway(r, lr->len))
        return JK_OK;
    if (!tagged) {
        if (r->last)
            jk_field_append(r->last, lr->line, lr->len);
        return JK_OK;
    }
    take_tag(r, lr->line, v, n);
    return JK_OK;
}

enum jk_status jk_read_ris(const char *path, jk_record_fn emit, void *ctx, struct jk_diag *diag)
{
    struct jk_lines lr;
    enum jk_status st = jk_lines_open(&lr, path, "RIS file", false, diag);
    if (st != JK_OK)
        return st;
    struct ris r = {.path = path, .emit = emit, .ctx = ctx};
    jk_record_init(&r.rec);
    r.rec.source = path;
    while (st == JK_OK && jk_lines_next(&lr, diag))
        st = take_line(&r, &lr, diag);
    if (st == JK_OK)
        st = lr.status;
    if (st == JK_OK && r.open)
        st = finish(&r, false, diag);
    jk_record_release(&r.rec);
    jk_lines_close(&lr);
    return st;
}
