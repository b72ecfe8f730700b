/*
 * BibTeX entries (see read_bibtex.h). The file is read with jk_lines (BOM,
 * CRLF, UTF-8 checks) into one buffer that keeps every line at its line
 * number; a small recursive-descent parser walks it. LaTeX is turned into
 * UTF-8 by jk_bibtex_text: accents become combining marks, then NFC.
 */
#include "read_bibtex.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "read_field.h"
#include "termfile.h"
#include "util/mem.h"
#include "util/strmap.h"

/* ---- LaTeX to UTF-8 -------------------------------------------------- */

/* Accent commands and the Unicode combining mark each puts on its letter. */
static const struct {
    char cmd;
    utf8proc_int32_t mark;
} accents[] = {
    {'`', 0x300}, {'\'', 0x301}, {'^', 0x302}, {'~', 0x303}, {'=', 0x304},
    {'u', 0x306}, {'.', 0x307},  {'"', 0x308}, {'r', 0x30A}, {'H', 0x30B},
    {'v', 0x30C}, {'d', 0x323},  {'c', 0x327}, {'k', 0x328}, {'b', 0x331},
};

/* Letter commands and their characters. */
static const struct {
    const char *cmd;
    const char *text;
} letters[] = {
    {"ss", "ß"}, {"o", "ø"},  {"O", "Ø"}, {"ae", "æ"}, {"AE", "Æ"}, {"oe", "œ"}, {"OE", "Œ"},
    {"aa", "å"}, {"AA", "Å"}, {"l", "ł"}, {"L", "Ł"},  {"i", "ı"},  {"j", "ȷ"},
};

static void add_cp(struct jk_buf *out, utf8proc_int32_t cp)
{
    utf8proc_uint8_t tmp[4];
    utf8proc_ssize_t n = utf8proc_encode_char(cp, tmp);
    jk_buf_add(out, tmp, (size_t)n);
}

static utf8proc_int32_t accent_mark(char c)
{
    for (size_t k = 0; k < sizeof(accents) / sizeof(accents[0]); k++)
        if (accents[k].cmd == c)
            return accents[k].mark;
    return 0;
}

/* Reads the letter an accent applies to ("e", "{e}", "{\i}", "\i") and copies it to out. */
static void accent_base(const char *s, size_t len, size_t *i, struct jk_buf *out)
{
    size_t k = *i;
    bool braced = k < len && s[k] == '{';
    if (braced)
        k++;
    while (k < len && s[k] == ' ')
        k++;
    if (k + 1 < len && s[k] == '\\' && (s[k + 1] == 'i' || s[k + 1] == 'j')) {
        jk_buf_addc(out, s[k + 1]); /* dotless i/j take the accent as plain i/j */
        k += 2;
    } else if (k < len && s[k] != '}') {
        size_t n = 1;
        while (k + n < len && ((unsigned char)s[k + n] & 0xC0) == 0x80)
            n++;
        jk_buf_add(out, s + k, n);
        k += n;
    }
    if (braced) {
        while (k < len && s[k] != '}')
            k++;
        if (k < len)
            k++;
    }
    *i = k;
}

static bool letter_command(const char *name, size_t n, struct jk_buf *out)
{
    for (size_t k = 0; k < sizeof(letters) / sizeof(letters[0]); k++)
        if (strlen(letters[k].cmd) == n && memcmp(letters[k].cmd, name, n) == 0) {
            jk_buf_adds(out, letters[k].text);
            return true;
        }
    return false;
}

/* Decodes the command at s[*i] == '\\'. */
static void decode_command(const char *s, size_t len, size_t *i, struct jk_buf *out)
{
    size_t k = *i + 1;
    if (k >= len) {
        *i = k;
        return;
    }
    char c = s[k];
    size_t end = k;
    while (end < len && isalpha((unsigned char)s[end]))
        end++;
    utf8proc_int32_t mark = accent_mark(c);
    if (mark && (!isalpha((unsigned char)c) || end == k + 1)) {
        k++;
        while (isalpha((unsigned char)c) && k < len && s[k] == ' ')
            k++;
        accent_base(s, len, &k, out);
        add_cp(out, mark);
    } else if (end > k) {
        bool known = letter_command(s + k, end - k, out);
        k = end;
        while (known && k < len && s[k] == ' ')
            k++; /* TeX eats the spaces after a control word */
    } else {
        jk_buf_addc(out, strchr("&%$#_{}", c) ? c : ' ');
        k++;
        while (k < len && ((unsigned char)s[k] & 0xC0) == 0x80)
            k++; /* the rest of a non-ASCII character after '\\' goes with its first byte */
    }
    *i = k;
}

static void add_space(struct jk_buf *out)
{
    if (out->len > 0 && out->data[out->len - 1] != ' ')
        jk_buf_addc(out, ' ');
}

void jk_bibtex_text(const char *s, size_t len, struct jk_buf *out)
{
    struct jk_buf t;
    jk_buf_init(&t);
    for (size_t i = 0; i < len;) {
        char c = s[i];
        if (c == '\\') {
            decode_command(s, len, &i, &t);
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '~')
            add_space(&t);
        else if (c != '{' && c != '}' && c != '$')
            jk_buf_addc(&t, c);
        i++;
    }
    utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)t.data);
    jk_field_set(out, nfc ? (const char *)nfc : t.data, nfc ? strlen((char *)nfc) : t.len);
    free(nfc);
    jk_buf_release(&t);
}

/* ---- parser ---------------------------------------------------------- */

enum val { V_OK, V_UNBALANCED, V_SYNTAX };

struct bib {
    const char *path;
    const char *s;
    size_t len, pos;
    size_t count_pos; /* line counting cache: line count_line starts before count_pos */
    unsigned long count_line;
    struct jk_strmap macros; /* lower-case name -> id into macro_val */
    struct jk_buf *macro_val;
    size_t macro_cap;
    struct jk_record rec;
    struct jk_buf raw, name, key, text;
    jk_record_fn emit;
    void *ctx;
    struct jk_diag *diag;
};

static unsigned long line_at(struct bib *b, size_t pos)
{
    if (pos < b->count_pos) {
        b->count_pos = 0;
        b->count_line = 1;
    }
    for (; b->count_pos < pos; b->count_pos++)
        b->count_line += b->s[b->count_pos] == '\n';
    return b->count_line;
}

/* Whether s[i] is an '@' with only blanks before it on its line. */
static bool entry_at(const struct bib *b, size_t i)
{
    if (i >= b->len || b->s[i] != '@')
        return false;
    while (i > 0 && (b->s[i - 1] == ' ' || b->s[i - 1] == '\t'))
        i--;
    return i == 0 || b->s[i - 1] == '\n';
}

static void skip_ws(struct bib *b)
{
    while (b->pos < b->len && isspace((unsigned char)b->s[b->pos]))
        b->pos++;
}

static bool ident_char(char c)
{
    return isalnum((unsigned char)c) || strchr("_-:.+/'!?*", c) || ((unsigned char)c & 0x80);
}

/* Reads an identifier into out (lower case); returns whether it is non-empty. */
static bool read_ident(struct bib *b, struct jk_buf *out)
{
    jk_buf_clear(out);
    while (b->pos < b->len && b->s[b->pos] && ident_char(b->s[b->pos]))
        jk_buf_addc(out, (char)tolower((unsigned char)b->s[b->pos++]));
    return out->len > 0;
}

/*
 * Reads a {braced} or "quoted" part at pos and appends its inside to raw.
 * Braces must balance before the closing delimiter and before the next line
 * that starts with '@'.
 */
static enum val read_delimited(struct bib *b, struct jk_buf *raw)
{
    char open = b->s[b->pos++];
    int depth = open == '{' ? 1 : 0;
    while (b->pos < b->len && !entry_at(b, b->pos)) {
        char c = b->s[b->pos++];
        if (c == '\\' && b->pos < b->len) {
            jk_buf_addc(raw, c);
            c = b->s[b->pos++];
        } else if (c == '{') {
            depth++;
        } else if (c == '}' && --depth == 0 && open == '{') {
            return V_OK;
        } else if (c == '"' && open == '"' && depth == 0) {
            return V_OK;
        }
        if (depth < 0)
            return V_UNBALANCED;
        jk_buf_addc(raw, c);
    }
    return V_UNBALANCED;
}

static void append_macro(struct bib *b, const struct jk_buf *name, struct jk_buf *raw)
{
    uint32_t id = jk_strmap_find(&b->macros, name->data, name->len);
    if (id != JK_NO_ID)
        jk_buf_add(raw, b->macro_val[id].data, b->macro_val[id].len);
    else
        jk_buf_add(raw, name->data, name->len); /* month names and unknown macros */
}

/* Reads a value: parts joined with '#'. */
static enum val read_value(struct bib *b, struct jk_buf *raw)
{
    jk_buf_clear(raw);
    for (;;) {
        skip_ws(b);
        if (b->pos >= b->len)
            return V_UNBALANCED;
        char c = b->s[b->pos];
        enum val v = V_OK;
        if (c == '{' || c == '"')
            v = read_delimited(b, raw);
        else if (read_ident(b, &b->text))
            append_macro(b, &b->text, raw);
        else
            return V_SYNTAX;
        if (v != V_OK)
            return v;
        skip_ws(b);
        if (b->pos >= b->len || b->s[b->pos] != '#')
            return V_OK;
        b->pos++;
    }
}

/* Reads "name = value" into b->name and b->raw. */
static enum val read_field(struct bib *b)
{
    skip_ws(b);
    if (entry_at(b, b->pos))
        return V_UNBALANCED;
    if (!read_ident(b, &b->name))
        return V_SYNTAX;
    skip_ws(b);
    if (b->pos >= b->len || b->s[b->pos] != '=')
        return V_SYNTAX;
    b->pos++;
    return read_value(b, &b->raw);
}

/* ---- fields ---------------------------------------------------------- */

/* Length of a separator at s[i] at brace depth 0: " and " (authors) or ',' ';' (keywords). */
static size_t separator_at(const char *s, size_t len, size_t i, bool authors)
{
    if (!authors)
        return s[i] == ',' || s[i] == ';';
    if (!isspace((unsigned char)s[i]) || i + 5 > len || strncasecmp(s + i + 1, "and", 3) != 0 ||
        !isspace((unsigned char)s[i + 4]))
        return 0;
    return 5;
}

/* Splits raw at depth-0 separators, turns each item into text and joins it to list. */
static void join_items(const struct jk_buf *raw, bool authors, struct jk_buf *list,
                       struct jk_buf *text)
{
    const char *s = raw->data;
    size_t len = raw->len, start = 0, i = 0;
    int depth = 0;
    while (i <= len) {
        size_t sep = i < len && depth == 0 ? separator_at(s, len, i, authors) : 0;
        if (i == len || sep) {
            jk_bibtex_text(s + start, i - start, text);
            jk_field_join(list, text->data, text->len);
            i += sep ? sep : 1;
            start = i;
            continue;
        }
        depth += s[i] == '{' ? 1 : s[i] == '}' ? -1 : 0;
        i++;
    }
}

static void take_field(struct bib *b)
{
    struct jk_record *r = &b->rec;
    const char *n = b->name.data;
    if (strcmp(n, "author") == 0) {
        join_items(&b->raw, true, &r->authors, &b->text);
        return;
    }
    if (strcmp(n, "keywords") == 0) {
        join_items(&b->raw, false, &r->keywords, &b->text);
        return;
    }
    jk_bibtex_text(b->raw.data, b->raw.len, &b->text);
    if (strcmp(n, "title") == 0)
        jk_field_set(&r->title, b->text.data, b->text.len);
    else if (strcmp(n, "abstract") == 0)
        jk_field_set(&r->abstract, b->text.data, b->text.len);
    else if (strcmp(n, "year") == 0 || (strcmp(n, "date") == 0 && r->year == 0))
        r->year = jk_field_year(b->text.data, b->text.len);
    else if (strcmp(n, "doi") == 0)
        jk_field_doi(&r->doi, b->text.data, b->text.len);
    else if (strcmp(n, "journal") == 0 || (strcmp(n, "booktitle") == 0 && r->venue.len == 0))
        jk_field_set(&r->venue, b->text.data, b->text.len);
}

/* ---- entries --------------------------------------------------------- */

/* Reads the citation key (up to ',' or the closing delimiter) into b->key. */
static void read_key(struct bib *b, char close)
{
    jk_buf_clear(&b->key);
    skip_ws(b);
    while (b->pos < b->len && b->s[b->pos] != ',' && b->s[b->pos] != close &&
           !isspace((unsigned char)b->s[b->pos]) && !entry_at(b, b->pos))
        jk_buf_addc(&b->key, b->s[b->pos++]);
}

/* Reads fields up to the closing delimiter, calling take_field for each. */
static enum val read_fields(struct bib *b, char close, bool keep)
{
    for (;;) {
        skip_ws(b);
        if (b->pos >= b->len || entry_at(b, b->pos))
            return V_UNBALANCED;
        if (b->s[b->pos] == close) {
            b->pos++;
            return V_OK;
        }
        if (b->s[b->pos] == ',') {
            b->pos++;
            continue;
        }
        enum val v = read_field(b);
        if (v != V_OK)
            return v;
        if (keep)
            take_field(b);
    }
}

static void define_macro(struct bib *b)
{
    uint32_t id = jk_strmap_intern(&b->macros, b->name.data, b->name.len, NULL);
    size_t old = b->macro_cap;
    JK_GROW(b->macro_val, (size_t)id + 1, b->macro_cap);
    for (size_t i = old; i < b->macro_cap; i++)
        jk_buf_init(&b->macro_val[i]);
    jk_buf_clear(&b->macro_val[id]);
    jk_buf_add(&b->macro_val[id], b->raw.data, b->raw.len);
}

/* Reads the body of an @string: one or more "name = value". */
static enum val read_string(struct bib *b, char close)
{
    for (;;) {
        skip_ws(b);
        if (b->pos < b->len && b->s[b->pos] == close) {
            b->pos++;
            return V_OK;
        }
        if (b->pos < b->len && b->s[b->pos] == ',') {
            b->pos++;
            continue;
        }
        enum val v = read_field(b);
        if (v != V_OK)
            return v;
        define_macro(b);
    }
}

static void warn_entry(struct bib *b, unsigned long line, enum val v)
{
    size_t stop = b->pos;
    while (stop < b->len && !entry_at(b, stop))
        stop++;
    const char *what = v == V_UNBALANCED ? "has unbalanced braces or quotes: one is still open"
                                         : "is malformed (expected 'name = value')";
    if (stop < b->len)
        jk_warn("%s:%lu: BibTeX entry '%s' %s at line %lu; entry skipped, reading on from there",
                b->path, line, b->key.data, what, line_at(b, stop));
    else
        jk_warn("%s:%lu: BibTeX entry '%s' %s at the end of the file; entry skipped", b->path, line,
                b->key.data, what);
    b->pos = stop;
}

/*
 * Warns when text follows an entry's closing brace on the same line: a '}'
 * too many inside a value ended the entry early, and the fields after it
 * were read as text outside entries (lost).
 */
static void check_stray_close(struct bib *b, unsigned long line)
{
    size_t k = b->pos;
    while (k < b->len && b->s[k] != '\n' && isspace((unsigned char)b->s[k]))
        k++;
    if (k < b->len && b->s[k] != '\n')
        jk_warn("%s:%lu: BibTeX entry '%s' has unbalanced braces: a '}' too many ends it at line "
                "%lu with text still after it; the fields after that point are lost",
                b->path, line, b->key.data, line_at(b, k));
}

/* Reads one entry starting after "@type"; emits it when it is a reference. */
static enum jk_status read_entry(struct bib *b, const char *type, unsigned long line)
{
    char close = b->s[b->pos++] == '{' ? '}' : ')';
    bool is_string = strcmp(type, "string") == 0;
    jk_buf_clear(&b->key);
    if (!is_string)
        read_key(b, close);
    size_t number = b->rec.number + 1;
    jk_record_clear(&b->rec);
    b->rec.number = number;
    b->rec.line = line;
    enum val v = is_string ? read_string(b, close) : read_fields(b, close, true);
    if (v != V_OK) {
        warn_entry(b, line, v);
        return JK_OK;
    }
    if (is_string)
        return JK_OK;
    check_stray_close(b, line);
    return b->emit(b->ctx, &b->rec, b->diag);
}

/* Skips @comment and @preamble bodies; an unbalanced one ends at the next entry. */
static void skip_body(struct bib *b)
{
    jk_buf_clear(&b->raw);
    if (b->s[b->pos] == '{' && read_delimited(b, &b->raw) == V_OK)
        return;
    while (b->pos < b->len && !entry_at(b, b->pos))
        b->pos++;
}

static enum jk_status parse(struct bib *b)
{
    enum jk_status st = JK_OK;
    while (st == JK_OK && b->pos < b->len) {
        const char *at = memchr(b->s + b->pos, '@', b->len - b->pos);
        if (!at)
            break;
        b->pos = (size_t)(at - b->s) + 1;
        unsigned long line = line_at(b, b->pos);
        read_ident(b, &b->name);
        skip_ws(b);
        if (b->pos >= b->len || (b->s[b->pos] != '{' && b->s[b->pos] != '('))
            continue; /* an '@' in text outside entries */
        if (strcmp(b->name.data, "comment") == 0 || strcmp(b->name.data, "preamble") == 0)
            skip_body(b);
        else
            st = read_entry(b, b->name.data, line);
    }
    return st;
}

/* ---- file ------------------------------------------------------------ */

/* Reads the whole file into text, every line at its own line number. */
static enum jk_status load(const char *path, struct jk_buf *text, struct jk_diag *diag)
{
    struct jk_lines lr;
    enum jk_status st = jk_lines_open(&lr, path, "BibTeX file", false, diag);
    if (st != JK_OK)
        return st;
    unsigned long lines = 0;
    while (jk_lines_next(&lr, diag)) {
        for (; lines + 1 < lr.lineno; lines++)
            jk_buf_addc(text, '\n'); /* the blank lines jk_lines skipped */
        jk_buf_add(text, lr.line, lr.len);
        jk_buf_addc(text, '\n');
        lines++;
    }
    st = lr.status;
    jk_lines_close(&lr);
    return st;
}

static void bib_release(struct bib *b)
{
    for (size_t i = 0; i < b->macro_cap; i++)
        jk_buf_release(&b->macro_val[i]);
    free(b->macro_val);
    jk_strmap_release(&b->macros);
    jk_record_release(&b->rec);
    jk_buf_release(&b->raw);
    jk_buf_release(&b->name);
    jk_buf_release(&b->key);
    jk_buf_release(&b->text);
}

enum jk_status jk_read_bibtex(const char *path, jk_record_fn emit, void *ctx, struct jk_diag *diag)
{
    struct jk_buf text;
    jk_buf_init(&text);
    enum jk_status st = load(path, &text, diag);
    if (st != JK_OK) {
        jk_buf_release(&text);
        return st;
    }
    struct bib b = {.path = path, .s = text.data, .len = text.len, .count_line = 1};
    b.emit = emit;
    b.ctx = ctx;
    b.diag = diag;
    jk_strmap_init(&b.macros);
    jk_record_init(&b.rec);
    b.rec.source = path;
    jk_buf_init(&b.raw);
    jk_buf_init(&b.name);
    jk_buf_init(&b.key);
    jk_buf_init(&b.text);
    st = parse(&b);
    bib_release(&b);
    jk_buf_release(&text);
    return st;
}
