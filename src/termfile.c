/*
 * List files (see termfile.h): the line reader, tab splitter and term
 * normaliser every list loader shares, and the reviewed terms file that
 * `jaringkata terms` writes and `map --terms FILE` reads back.
 */
#include "termfile.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "stopwords.h"
#include "util/ascii.h"
#include "util/encoding.h"
#include "util/mem.h"

#define TERMFILE_HEADER "term\toccurrences\tdocuments\trelevance\tselected\taliases"
#define TERMFILE_HEADER_SHOWN                                                                      \
    "term<TAB>occurrences<TAB>documents<TAB>relevance<TAB>selected<TAB>aliases"

/* ---- Part 1: reading list files -------------------------------------- */

enum jk_status jk_lines_open(struct jk_lines *r, const char *path, const char *what, bool comments,
                             struct jk_diag *diag)
{
    memset(r, 0, sizeof(*r));
    r->path = path;
    r->what = what;
    r->comments = comments;
    r->f = fopen(path, "rb");
    if (!r->f)
        return jk_error(diag, JK_E_INPUT, "cannot open %s '%s': %s", what, path, strerror(errno));
    jk_buf_init(&r->convert);
    char bom[2];
    size_t got = fread(bom, 1, sizeof(bom), r->f);
    r->utf16 = jk_utf16_bom(bom, got);
    if (!r->utf16)
        rewind(r->f); /* list and record files are regular files: the bytes are read again */
    return JK_OK;
}

void jk_lines_close(struct jk_lines *r)
{
    if (!r)
        return;
    if (r->f)
        fclose(r->f);
    free(r->line);
    jk_buf_release(&r->convert);
    r->f = NULL;
    r->line = NULL;
    r->len = r->cap = 0;
}

/*
 * Returns the offset of the first byte that is not well-formed UTF-8, or
 * len; *wide is set when a valid non-ASCII character comes before it.
 */
static size_t utf8_invalid_at(const char *s, size_t len, bool *wide)
{
    size_t i = 0;
    while (i < len) {
        if ((unsigned char)s[i] < 0x80) { /* ASCII is most of a line: no decoding */
            i += jk_ascii_span(s + i, len - i);
            continue;
        }
        size_t n = jk_utf8_valid_len((const unsigned char *)s + i, len - i);
        if (n == 0)
            return i;
        i += n;
        *wide = true;
    }
    return len;
}

static bool is_blank_or_comment(const char *s, size_t len, bool comments)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] == ' ' || s[i] == '\t')
            continue;
        return comments && s[i] == '#';
    }
    return true;
}

/* Makes the current line the text in r->convert. */
static void take_converted(struct jk_lines *r)
{
    size_t len = r->convert.len;
    if (len + 1 > r->cap) {
        r->cap = len + 1;
        r->line = jk_realloc(r->line, r->cap);
    }
    memcpy(r->line, r->convert.data ? r->convert.data : "", len);
    r->line[len] = '\0';
    r->len = len;
}

/* The current line, read as Windows-1252, in UTF-8; false (error in r) on a byte it leaves out. */
static bool convert_cp1252(struct jk_lines *r, struct jk_diag *diag)
{
    for (size_t i = 0; i < r->len; i++)
        if (jk_cp1252_code((unsigned char)r->line[i]) == 0) {
            r->status = jk_error(diag, JK_E_INPUT,
                                 "%s:%lu: byte %zu of the line is neither UTF-8 nor Windows-1252 "
                                 "(Latin-1); save the file as UTF-8 text",
                                 r->path, r->lineno, i + 1);
            return false;
        }
    jk_buf_clear(&r->convert);
    jk_cp1252_to_utf8(r->line, r->len, &r->convert);
    take_converted(r);
    return true;
}

/* Checks one physical line (line end already removed); records an error in r. */
static bool line_ok(struct jk_lines *r, struct jk_diag *diag)
{
    const char *s = r->line;
    size_t len = r->len;
    const char *fix = "save the file as UTF-8 text";
    if (memchr(s, '\0', len)) {
        r->status = jk_error(diag, JK_E_INPUT, "%s:%lu: the line holds a NUL byte (UTF-16?); %s",
                             r->path, r->lineno, fix);
        return false;
    }
    if (r->cp1252)
        return convert_cp1252(r, diag);
    bool wide = false;
    size_t bad = utf8_invalid_at(s, len, &wide);
    uint64_t first;
    if (bad < len && !r->seen_utf8 && !r->utf16 && !r->utf8_only &&
        jk_cp1252_plausible(s, len, &first)) {
        jk_warn("%s:%lu: not UTF-8 (first at byte %zu of the line); the file is read as "
                "Windows-1252 (Latin-1); save it as UTF-8 to be sure",
                r->path, r->lineno, bad + 1);
        r->cp1252 = true;
        return convert_cp1252(r, diag);
    }
    if (bad < len) {
        r->status =
            jk_error(diag, JK_E_INPUT, "%s:%lu: not valid UTF-8 at byte %zu of the line; %s",
                     r->path, r->lineno, bad + 1, fix);
        return false;
    }
    r->seen_utf8 |= wide;
    return true;
}

/* One UTF-16 code unit, or -1 at the end of the file (-2 when it ends after one byte). */
static long utf16_unit(struct jk_lines *r)
{
    int a = getc_unlocked(r->f);
    if (a == EOF)
        return -1;
    int b = getc_unlocked(r->f);
    if (b == EOF)
        return -2;
    return r->utf16 == 2 ? a << 8 | b : b << 8 | a;
}

/*
 * Reads the next line of a UTF-16 file into r->line as UTF-8, line feed
 * included; returns its length, or -1 at the end of the file or on an error
 * (r->status set).
 */
static ssize_t utf16_line(struct jk_lines *r, struct jk_diag *diag)
{
    jk_buf_clear(&r->convert);
    const char *why = NULL;
    long c;
    while ((c = utf16_unit(r)) >= 0) {
        if (c >= 0xd800 && c < 0xdc00) {
            long lo = utf16_unit(r);
            if (lo < 0xdc00 || lo >= 0xe000) {
                why = "an unpaired surrogate";
                break;
            }
            c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
        } else if (c >= 0xdc00 && c < 0xe000) {
            why = "an unpaired surrogate";
            break;
        }
        jk_utf8_add(&r->convert, (uint32_t)c);
        if (c == '\n')
            break;
    }
    if (c == -2)
        why = "the file ends in half a character";
    if (why) {
        r->status =
            jk_error(diag, JK_E_INPUT, "%s:%lu: invalid UTF-16 (%s); save the file as UTF-8 text",
                     r->path, r->lineno + 1, why);
        return -1;
    }
    if (c == -1 && r->convert.len == 0)
        return -1;
    take_converted(r);
    return (ssize_t)r->len;
}

/* The next physical line, line end included: its length, or -1 (end, or r->status set). */
static ssize_t next_line(struct jk_lines *r, struct jk_diag *diag)
{
    if (r->utf16)
        return utf16_line(r, diag);
    return getline(&r->line, &r->cap, r->f);
}

bool jk_lines_next(struct jk_lines *r, struct jk_diag *diag)
{
    if (!r->f || r->status != JK_OK)
        return false;
    ssize_t got;
    errno = 0;
    while ((got = next_line(r, diag)) != -1) {
        char *s = r->line;
        size_t len = (size_t)got;
        r->lineno++;
        size_t bom = r->lineno == 1 ? jk_utf8_bom(s, len) : 0;
        if (bom) {
            memmove(s, s + bom, len - bom);
            len -= bom;
        }
        while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
            len--;
        s[len] = '\0';
        r->len = len;
        if (!line_ok(r, diag)) /* which may convert the line: r->line may move */
            return false;
        if (!is_blank_or_comment(r->line, r->len, r->comments))
            return true;
    }
    if (r->status == JK_OK && ferror(r->f))
        r->status = jk_error(diag, JK_E_INPUT, "cannot read %s '%s': %s", r->what, r->path,
                             strerror(errno ? errno : EIO));
    return false;
}

/* Reads a quoted field starting at line[*i] == '"'; unquotes it in place. */
static bool split_quoted(char *line, size_t len, size_t *i, size_t *flen, const char **error)
{
    size_t start = *i, w = *i, k = *i + 1;
    for (;;) {
        if (k >= len) {
            *error = "a quoted field has no closing quote; end it with '\"' (a '\"' inside is "
                     "written '\"\"') or remove the opening quote";
            return false;
        }
        if (line[k] == '"') {
            if (k + 1 < len && line[k + 1] == '"') {
                line[w++] = '"';
                k += 2;
                continue;
            }
            k++;
            break;
        }
        line[w++] = line[k++];
    }
    while (k < len && line[k] == ' ')
        k++;
    if (k < len && line[k] != '\t') {
        *error = "text follows the closing quote of a quoted field; put the whole field in "
                 "quotes or write it without quotes";
        return false;
    }
    *i = k;
    *flen = w - start;
    return true;
}

size_t jk_tsv_split(char *line, size_t len, struct jk_field *fields, size_t max, const char **error)
{
    size_t n = 0, i = 0;
    for (;;) {
        size_t start = i, flen;
        if (i < len && line[i] == '"') {
            if (!split_quoted(line, len, &i, &flen, error))
                return SIZE_MAX;
        } else {
            const char *tab = memchr(line + i, '\t', len - i);
            i = tab ? (size_t)(tab - line) : len;
            flen = i - start;
        }
        if (n < max)
            fields[n] = (struct jk_field){line + start, flen};
        n++;
        if (i >= len)
            return n;
        i++; /* the tab */
    }
}

static bool is_space_cp(utf8proc_int32_t cp)
{
    if (cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85)
        return true;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

bool jk_normalise_term(const char *s, size_t len, struct jk_buf *out)
{
    jk_buf_clear(out);
    if (len == 0)
        return true;
    if (!jk_lowercase(s, len, out))
        return false;
    size_t w = 0, i = 0;
    bool pending = false;
    while (i < out->len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)out->data + i,
                                              (utf8proc_ssize_t)(out->len - i), &cp);
        if (n <= 0)
            return false;
        if (is_space_cp(cp)) {
            pending = w > 0;
        } else {
            if (pending)
                out->data[w++] = ' ';
            pending = false;
            memmove(out->data + w, out->data + i, (size_t)n);
            w += (size_t)n;
        }
        i += (size_t)n;
    }
    jk_buf_truncate(out, w);
    return true;
}

/* ---- Part 2: writing the terms file ---------------------------------- */

static void put_field(FILE *f, const char *s)
{
    if (!s)
        return;
    bool quoted = s[0] == '"';
    if (quoted)
        fputc('"', f);
    for (const char *p = s; *p; p++) {
        if (*p == '\t' || *p == '\n' || *p == '\r')
            fputc(' ', f);
        else if (*p == '"' && quoted)
            fputs("\"\"", f);
        else
            fputc(*p, f);
    }
    if (quoted)
        fputc('"', f);
}

void jk_termfile_header(FILE *f)
{
    fputs(TERMFILE_HEADER "\n", f);
}

void jk_termfile_row(FILE *f, const char *term, uint32_t occurrences, uint32_t documents,
                     double relevance, bool selected, const char *aliases)
{
    put_field(f, term);
    fprintf(f, "\t%lu\t%lu\t", (unsigned long)occurrences, (unsigned long)documents);
    if (isnan(relevance))
        fputs("NaN", f);
    else if (isinf(relevance))
        fputs(relevance > 0 ? "Infinity" : "-Infinity", f);
    else /* the tool never calls setlocale, so '.' is the decimal separator */
        fprintf(f, "%.4f", fabs(relevance) < 0.00005 ? 0.0 : relevance);
    fputs(selected ? "\tyes\t" : "\tno\t", f);
    put_field(f, aliases);
    fputc('\n', f);
}

/* ---- Part 2: reading the terms file ---------------------------------- */

void jk_termfile_init(struct jk_termfile *t)
{
    jk_strmap_init(&t->terms);
    t->selected = NULL;
    t->lines = NULL;
    t->cap = 0;
    t->n_selected = 0;
}

void jk_termfile_release(struct jk_termfile *t)
{
    if (!t)
        return;
    jk_strmap_release(&t->terms);
    free(t->selected);
    free(t->lines);
    jk_termfile_init(t);
}

size_t jk_termfile_count(const struct jk_termfile *t)
{
    return jk_strmap_count(&t->terms);
}

bool jk_termfile_selected(const struct jk_termfile *t, const char *term, size_t len, bool *known)
{
    uint32_t id = jk_strmap_find(&t->terms, term, len);
    if (known)
        *known = id != JK_NO_ID;
    return id != JK_NO_ID && t->selected[id];
}

/* Column positions found in the header. */
struct columns {
    size_t term, selected;
    size_t need; /* fields a row must have: max(term, selected) + 1 */
};

static bool field_is(const struct jk_field *fl, const char *name, struct jk_buf *norm)
{
    return jk_normalise_term(fl->s, fl->len, norm) && strcmp(norm->data, name) == 0;
}

static enum jk_status read_header(struct jk_lines *r, struct columns *c, struct jk_buf *norm,
                                  struct jk_diag *diag)
{
    size_t max = 1;
    for (size_t i = 0; i < r->len; i++)
        max += r->line[i] == '\t';
    struct jk_field *fl = jk_calloc(max, sizeof(*fl));
    const char *error = NULL;
    size_t n = jk_tsv_split(r->line, r->len, fl, max, &error);
    enum jk_status st = JK_OK;
    if (n == SIZE_MAX) {
        st = jk_error(diag, JK_E_INPUT, "%s:%lu: in the header, %s", r->path, r->lineno, error);
        goto out;
    }
    c->term = c->selected = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        if (c->term == SIZE_MAX && field_is(&fl[i], "term", norm))
            c->term = i;
        else if (c->selected == SIZE_MAX && field_is(&fl[i], "selected", norm))
            c->selected = i;
    }
    if (c->term == SIZE_MAX || c->selected == SIZE_MAX) {
        struct jk_buf found;
        jk_buf_init(&found);
        for (size_t i = 0; i < n && i < 12; i++)
            jk_buf_addf(&found, "%s'%.*s'", i ? ", " : "", (int)fl[i].len, fl[i].s);
        st = jk_error(diag, JK_E_INPUT,
                      "%s:%lu: the header has no '%s' column (columns found: %s); the first line "
                      "must name the columns, e.g. '" TERMFILE_HEADER_SHOWN "'",
                      r->path, r->lineno, c->term == SIZE_MAX ? "term" : "selected", found.data);
        jk_buf_release(&found);
        goto out;
    }
    c->need = (c->term > c->selected ? c->term : c->selected) + 1;
out:
    free(fl);
    return st;
}

/* Parses a selected value; returns false if it is not one of the accepted words. */
static bool parse_selected(const char *s, size_t len, bool *value)
{
    /* English, Indonesian (ya / tidak), and what spreadsheets write for a tick box */
    static const char *const yes[] = {"yes", "y", "ya", "true", "1"};
    static const char *const no[] = {"no", "n", "tidak", "false", "0"};
    while (len > 0 && (*s == ' ' || *s == '\t'))
        s++, len--;
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
        if (strlen(yes[i]) == len && strncasecmp(s, yes[i], len) == 0)
            return *value = true, true;
        if (strlen(no[i]) == len && strncasecmp(s, no[i], len) == 0)
            return *value = false, true;
    }
    return false;
}

static enum jk_status add_term(struct jk_termfile *t, const struct jk_lines *r,
                               const struct jk_buf *term, bool selected, struct jk_diag *diag)
{
    bool added;
    uint32_t id = jk_strmap_intern(&t->terms, term->data, term->len, &added);
    if (!added) {
        if (t->selected[id] == selected)
            return JK_OK;
        return jk_error(diag, JK_E_INPUT,
                        "%s:%lu: term '%s' is already listed on line %lu with selected = %s; "
                        "keep one of the two rows",
                        r->path, r->lineno, term->data, t->lines[id],
                        t->selected[id] ? "yes" : "no");
    }
    size_t old_cap = t->cap;
    JK_GROW(t->selected, (size_t)id + 1, t->cap);
    if (t->cap != old_cap)
        t->lines = jk_realloc(t->lines, t->cap * sizeof(*t->lines));
    t->selected[id] = selected;
    t->lines[id] = r->lineno;
    t->n_selected += selected;
    return JK_OK;
}

static enum jk_status read_row(struct jk_termfile *t, struct jk_lines *r, const struct columns *c,
                               struct jk_field *fl, struct jk_buf *norm, struct jk_diag *diag)
{
    const char *error = NULL;
    size_t n = jk_tsv_split(r->line, r->len, fl, c->need, &error);
    if (n == SIZE_MAX)
        return jk_error(diag, JK_E_INPUT, "%s:%lu: %s", r->path, r->lineno, error);
    if (n < c->need)
        return jk_error(diag, JK_E_INPUT,
                        "%s:%lu: the row has %zu column%s but the header puts '%s' in column "
                        "%zu; fill in the term and its selected value (yes or no)",
                        r->path, r->lineno, n, n == 1 ? "" : "s",
                        c->term > c->selected ? "term" : "selected", c->need);
    const struct jk_field *sel = &fl[c->selected];
    bool selected;
    if (!parse_selected(sel->s, sel->len, &selected))
        return jk_error(diag, JK_E_INPUT,
                        "%s:%lu: selected value '%.*s' is not understood; write yes or no (y/n, "
                        "ya/tidak, true/false and 1/0 are accepted too)",
                        r->path, r->lineno, (int)sel->len, sel->s);
    if (!jk_normalise_term(fl[c->term].s, fl[c->term].len, norm))
        return jk_error(diag, JK_E_INTERNAL, "%s:%lu: cannot lower-case the term", r->path,
                        r->lineno);
    if (norm->len == 0)
        return jk_error(diag, JK_E_INPUT,
                        "%s:%lu: the term column is empty; write the term or delete the row",
                        r->path, r->lineno);
    return add_term(t, r, norm, selected, diag);
}

enum jk_status jk_termfile_load(struct jk_termfile *t, const char *path, struct jk_diag *diag)
{
    struct jk_lines r;
    enum jk_status st = jk_lines_open(&r, path, "terms file", false, diag);
    if (st != JK_OK)
        return st;
    struct jk_buf norm;
    jk_buf_init(&norm);
    struct columns c = {0};
    struct jk_field *fl = NULL;
    while (st == JK_OK && jk_lines_next(&r, diag)) {
        if (!fl) {
            st = read_header(&r, &c, &norm, diag);
            if (st == JK_OK)
                fl = jk_calloc(c.need, sizeof(*fl));
            continue;
        }
        st = read_row(t, &r, &c, fl, &norm, diag);
    }
    if (st == JK_OK)
        st = r.status;
    if (st == JK_OK && !fl)
        st = jk_error(diag, JK_E_INPUT,
                      "%s: the file is empty; a terms file starts with the header line "
                      "'" TERMFILE_HEADER_SHOWN "' (write one with `jaringkata terms`)",
                      path);
    free(fl);
    jk_buf_release(&norm);
    jk_lines_close(&r);
    return st;
}
