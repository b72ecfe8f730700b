/*
 * CSV database exports (see read_csv.h). Lines come from jk_lines (BOM,
 * CRLF, UTF-8 checks, line numbers) and are fed to libcsv with their line
 * end; libcsv calls back once per field and once per row end.
 */
#include "read_csv.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read_field.h"
#include "termfile.h"
#include "util/mem.h"

static const char *const field_key[JK_CSV_NFIELDS] = {"title",     "abstract", "keywords", "year",
                                                      "citations", "authors",  "doi",      "venue"};

/* Header names per field, best first; "" ends each list. */
static const char *const known_names[JK_CSV_NFIELDS][6] = {
    {"title", "judul", "article title", "document title", ""},
    {"abstract", "abstrak", ""},
    {"author keywords", "keywords", "kata kunci", "keyword", ""},
    {"year", "tahun", "py", "publication year", ""},
    {"cited by", "cites", "citations", "times cited", ""},
    {"authors", "penulis", "author", ""},
    {"doi", ""},
    {"source title", "source", "journal", ""},
};

struct csvr {
    const char *path;
    const struct jk_csv_columns *override;
    struct jk_buf *cell; /* fields of the current row */
    size_t n_cells, cap;
    size_t n_cols;                  /* fields in the header */
    size_t col[JK_CSV_NFIELDS];     /* column of each field, SIZE_MAX: none */
    struct jk_buf header;           /* the header as seen, for messages */
    unsigned long lineno, row_line; /* current line; first line of the row (0: none yet) */
    size_t row_bytes;               /* bytes of the row's lines fed so far */
    bool runaway;                   /* a row ran past jk_record_max_bytes: reading stopped */
    struct jk_record rec;
    jk_record_fn emit;
    void *ctx;
    struct jk_diag *diag;
    enum jk_status st;
    bool header_only; /* jk_csv_has_text_columns: stop after the header */
    bool has_text;    /* and what it found */
};

/* ---- --columns ------------------------------------------------------- */

void jk_csv_columns_init(struct jk_csv_columns *c)
{
    memset(c, 0, sizeof(*c));
}

void jk_csv_columns_release(struct jk_csv_columns *c)
{
    if (!c)
        return;
    for (int f = 0; f < JK_CSV_NFIELDS; f++)
        free(c->name[f]);
    jk_csv_columns_init(c);
}

bool jk_csv_columns_named(const struct jk_csv_columns *c)
{
    for (int f = 0; c && f < JK_CSV_NFIELDS; f++)
        if (c->name[f])
            return true;
    return false;
}

static void trim_span(const char **s, size_t *len)
{
    while (*len > 0 && (**s == ' ' || **s == '\t')) {
        (*s)++;
        (*len)--;
    }
    while (*len > 0 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
        (*len)--;
}

static int field_of_key(const char *k, size_t n)
{
    for (int f = 0; f < JK_CSV_NFIELDS; f++)
        if (strlen(field_key[f]) == n && strncasecmp(field_key[f], k, n) == 0)
            return f;
    return -1;
}

/* Parses one "field=Column" item. */
static enum jk_status parse_item(const char *s, size_t len, struct jk_csv_columns *c,
                                 struct jk_diag *diag)
{
    const char *eq = memchr(s, '=', len);
    const char *k = s, *v = eq ? eq + 1 : NULL;
    size_t kn = eq ? (size_t)(eq - s) : len, vn = eq ? len - kn - 1 : 0;
    trim_span(&k, &kn);
    if (eq)
        trim_span(&v, &vn);
    int f = field_of_key(k, kn);
    if (!eq || vn == 0 || f < 0)
        return jk_error(diag, JK_E_USAGE,
                        "--columns: '%.*s' is not FIELD=COLUMN with FIELD one of title, abstract, "
                        "keywords, year, citations, authors, doi, venue",
                        (int)len, s);
    free(c->name[f]);
    c->name[f] = jk_strndup(v, vn);
    return JK_OK;
}

enum jk_status jk_csv_columns_parse(const char *spec, struct jk_csv_columns *c,
                                    struct jk_diag *diag)
{
    const char *s = spec;
    for (;;) {
        const char *comma = strchr(s, ',');
        size_t len = comma ? (size_t)(comma - s) : strlen(s);
        enum jk_status st = parse_item(s, len, c, diag);
        if (st != JK_OK)
            return st;
        if (!comma)
            return JK_OK;
        s = comma + 1;
    }
}

/* ---- header ---------------------------------------------------------- */

static bool name_is(const struct jk_buf *cell, const char *name)
{
    const char *s = cell->data;
    size_t len = cell->len;
    trim_span(&s, &len);
    return len == strlen(name) && strncasecmp(s, name, len) == 0;
}

/* Finds the column of field f by the known names (best rank wins, then leftmost). */
static size_t detect(const struct csvr *r, int f)
{
    size_t best = SIZE_MAX, best_rank = SIZE_MAX;
    for (size_t i = 0; i < r->n_cells; i++)
        for (size_t k = 0; known_names[f][k][0] && k < best_rank; k++)
            if (name_is(&r->cell[i], known_names[f][k])) {
                best = i;
                best_rank = k;
            }
    return best;
}

static enum jk_status take_header(struct csvr *r)
{
    r->n_cols = r->n_cells;
    for (size_t i = 0; i < r->n_cells; i++)
        jk_buf_addf(&r->header, "%s\"%s\"", i ? ", " : "", r->cell[i].data);
    for (int f = 0; f < JK_CSV_NFIELDS; f++) {
        const char *want = r->override ? r->override->name[f] : NULL;
        r->col[f] = SIZE_MAX;
        for (size_t i = 0; want && i < r->n_cells && r->col[f] == SIZE_MAX; i++)
            if (name_is(&r->cell[i], want))
                r->col[f] = i;
        if (want && r->col[f] == SIZE_MAX)
            return jk_error(r->diag, JK_E_INPUT,
                            "%s: no column named '%s' (from --columns %s=%s); the header is: %s",
                            r->path, want, field_key[f], want, r->header.data);
        if (!want)
            r->col[f] = detect(r, f);
    }
    r->has_text = r->col[JK_CSV_TITLE] != SIZE_MAX || r->col[JK_CSV_ABSTRACT] != SIZE_MAX ||
                  r->col[JK_CSV_KEYWORDS] != SIZE_MAX;
    if (!r->has_text && !r->header_only)
        return jk_error(r->diag, JK_E_INPUT,
                        "%s: no title, abstract or keywords column in the header: %s; name them "
                        "with --columns title=...,abstract=...",
                        r->path, r->header.data);
    return JK_OK;
}

/* ---- rows ------------------------------------------------------------ */

static const struct jk_buf *cell_of(const struct csvr *r, int f)
{
    return r->col[f] == SIZE_MAX ? NULL : &r->cell[r->col[f]];
}

static void fill_record(struct csvr *r)
{
    struct jk_record *rec = &r->rec;
    const struct jk_buf *c;
    if ((c = cell_of(r, JK_CSV_TITLE)))
        jk_field_set(&rec->title, c->data, c->len);
    if ((c = cell_of(r, JK_CSV_ABSTRACT)) && strcmp(c->data, "[No abstract available]") != 0)
        jk_field_set(&rec->abstract, c->data, c->len); /* Scopus writes that placeholder */
    if ((c = cell_of(r, JK_CSV_KEYWORDS)))
        jk_field_join_split(&rec->keywords, c->data, c->len, strchr(c->data, ';') ? ";" : ",");
    if ((c = cell_of(r, JK_CSV_YEAR)))
        rec->year = jk_field_year(c->data, c->len);
    if ((c = cell_of(r, JK_CSV_CITATIONS)))
        rec->citations = jk_field_number(c->data, c->len);
    if ((c = cell_of(r, JK_CSV_AUTHORS)))
        jk_field_join_split(&rec->authors, c->data, c->len, ";");
    if ((c = cell_of(r, JK_CSV_DOI)))
        jk_field_doi(&rec->doi, c->data, c->len);
    if ((c = cell_of(r, JK_CSV_VENUE)))
        jk_field_set(&rec->venue, c->data, c->len);
}

static enum jk_status take_row(struct csvr *r)
{
    if (r->n_cells != r->n_cols) {
        jk_warn("%s:%lu: the row has %zu fields but the header has %zu; row skipped (check the "
                "separator and the quotes)",
                r->path, r->row_line, r->n_cells, r->n_cols);
        return JK_OK;
    }
    size_t number = r->rec.number + 1;
    jk_record_clear(&r->rec);
    r->rec.number = number;
    r->rec.line = r->row_line;
    fill_record(r);
    return r->emit(r->ctx, &r->rec, r->diag);
}

static void on_field(void *s, size_t len, void *data)
{
    struct csvr *r = data;
    size_t old_cap = r->cap;
    JK_GROW(r->cell, r->n_cells + 1, r->cap);
    for (size_t i = old_cap; i < r->cap; i++)
        jk_buf_init(&r->cell[i]);
    jk_buf_clear(&r->cell[r->n_cells]);
    if (s)
        jk_buf_add(&r->cell[r->n_cells], s, len);
    r->n_cells++;
}

static void on_row(int c, void *data)
{
    struct csvr *r = data;
    (void)c;
    if (r->st == JK_OK && r->n_cols == 0)
        r->st = take_header(r);
    else if (r->st == JK_OK && !r->header_only) /* a line can end rows after the header (CR) */
        r->st = take_row(r);
    r->n_cells = 0;
    r->row_line = 0;
    r->row_bytes = 0;
}

/* ---- file ------------------------------------------------------------ */

/* The separator the header line holds most of, outside quotes (',' on a tie). */
static unsigned char pick_separator(const char *s, size_t len)
{
    size_t comma = 0, semi = 0, tab = 0;
    bool quoted = false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '"')
            quoted = !quoted;
        else if (!quoted && s[i] == ',')
            comma++;
        else if (!quoted && s[i] == ';')
            semi++;
        else if (!quoted && s[i] == '\t')
            tab++;
    }
    if (tab > comma && tab > semi)
        return '\t';
    return semi > comma ? ';' : ',';
}

/* Whether reading can stop: only the header is wanted, and it has been read. */
static bool header_done(const struct csvr *r)
{
    return r->header_only && r->n_cols;
}

/*
 * Whether the row open since r->row_line has run past jk_record_max_bytes
 * over several lines: a quote left open, which would make the rest of the
 * file one field, held whole. Reading stops with a warning (finish emits
 * nothing more); in the header, with the error a header never closed gives.
 */
static bool runaway_row(struct csvr *r)
{
    if (r->row_line == 0 || r->row_bytes <= jk_record_max_bytes)
        return false;
    r->runaway = true;
    if (r->n_cols == 0) {
        r->st = jk_error(r->diag, JK_E_INPUT,
                         "%s:%lu: a quoted field of the header runs past %zu MB without closing, "
                         "so the file has no header; close the quote (a quote inside a field is "
                         "written \"\")",
                         r->path, r->row_line, jk_record_max_bytes >> 20);
        return true;
    }
    jk_warn(
        "%s:%lu: a quoted field in this row runs past %zu MB, so the rest of the file "
        "from line %lu on was skipped; close the quote (a quote inside a field is written \"\")",
        r->path, r->row_line, jk_record_max_bytes >> 20, r->row_line);
    return true;
}

static enum jk_status feed_lines(struct csvr *r, struct jk_lines *lr, struct csv_parser *p)
{
    while (r->st == JK_OK && !header_done(r) && !runaway_row(r) && jk_lines_next(lr, r->diag)) {
        if (r->lineno == 0) /* the header's first line */
            csv_set_delim(p, pick_separator(lr->line, lr->len));
        r->lineno = lr->lineno;
        if (r->row_line == 0)
            r->row_line = lr->lineno;
        r->row_bytes += lr->len + 1;
        csv_parse(p, lr->line, lr->len, on_field, on_row, r);
        csv_parse(p, "\n", 1, on_field, on_row, r);
    }
    if (r->runaway)
        return r->st;
    if (r->st == JK_OK && !header_done(r))
        r->st = lr->status;
    return r->st;
}

/*
 * Ends the parse. Every line is fed with its line end, which ends any row
 * outside quotes; so a row still open at the end of the file is inside a
 * quoted field that never closed, and libcsv holds the rest of the file as
 * that field. It is dropped, not emitted.
 */
static void finish(struct csvr *r, struct csv_parser *p)
{
    if (r->runaway)
        return; /* said by runaway_row */
    if (r->st == JK_OK && r->row_line != 0 && r->n_cols == 0)
        r->st = jk_error(r->diag, JK_E_INPUT,
                         "%s:%lu: a quoted field of the header is never closed, so the file has "
                         "no header; close the quote (a quote inside a field is written \"\")",
                         r->path, r->row_line);
    else if (r->st == JK_OK && r->row_line != 0)
        jk_warn("%s:%lu: a quoted field in this row is never closed, so lines %lu-%lu were "
                "skipped; close the quote (a quote inside a field is written \"\")",
                r->path, r->row_line, r->row_line, r->lineno);
    else
        csv_fini(p, on_field, on_row, r);
}

static void csvr_release(struct csvr *r)
{
    for (size_t i = 0; i < r->cap; i++)
        jk_buf_release(&r->cell[i]);
    free(r->cell);
    jk_buf_release(&r->header);
    jk_record_release(&r->rec);
}

/* Reads the file into r (set up by the caller): its header, and its rows unless header_only. */
static enum jk_status read_file(struct csvr *r)
{
    struct jk_lines lr;
    enum jk_status st = jk_lines_open(&lr, r->path, "CSV file", false, r->diag);
    if (st != JK_OK)
        return st;
    struct csv_parser p;
    if (csv_init(&p, 0) != 0) {
        jk_lines_close(&lr);
        return jk_error(r->diag, JK_E_INTERNAL, "cannot start the CSV parser for '%s'", r->path);
    }
    if (feed_lines(r, &lr, &p) == JK_OK && (!r->header_only || r->n_cols == 0))
        finish(r, &p);
    st = r->st;
    if (st == JK_OK && r->n_cols == 0)
        st = jk_error(r->diag, JK_E_INPUT,
                      "%s: the file is empty; a CSV export needs a header line", r->path);
    csv_free(&p);
    jk_lines_close(&lr);
    return st;
}

enum jk_status jk_read_csv(const char *path, const struct jk_csv_columns *override,
                           jk_record_fn emit, void *ctx, struct jk_diag *diag)
{
    struct csvr r = {.path = path, .override = override, .emit = emit, .ctx = ctx, .diag = diag};
    jk_buf_init(&r.header);
    jk_record_init(&r.rec);
    r.rec.source = path;
    enum jk_status st = read_file(&r);
    csvr_release(&r);
    return st;
}

enum jk_status jk_csv_has_text_columns(const char *path, const struct jk_csv_columns *override,
                                       bool *has, struct jk_buf *header, struct jk_diag *diag)
{
    struct csvr r = {.path = path, .override = override, .diag = diag, .header_only = true};
    jk_buf_init(&r.header);
    jk_record_init(&r.rec);
    enum jk_status st = read_file(&r);
    *has = r.has_text;
    if (header) {
        jk_buf_clear(header);
        jk_buf_add(header, r.header.data ? r.header.data : "", r.header.len);
    }
    csvr_release(&r);
    return st;
}
