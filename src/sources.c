/* Files into documents: reader choice, record fields, abstract sections (see sources.h). */
#include "sources.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "read_bibtex.h"
#include "read_ris.h"
#include "read_vos.h"

static bool ends_with(const char *path, const char *ext)
{
    const char *dot = strrchr(path, '.');
    return dot && strcasecmp(dot, ext) == 0;
}

/* Length of the chapter number at p: a Roman numeral i-x (1-4 letters) or 1-2 digits. */
static size_t chapter_number(const char *p)
{
    size_t n = 0;
    if (isdigit((unsigned char)p[0]))
        n = isdigit((unsigned char)p[1]) ? 2 : 1;
    else
        while (n < 4 && p[n] && strchr("ivx", tolower((unsigned char)p[n])))
            n++;
    return n && !isalnum((unsigned char)p[n]) ? n : 0;
}

static bool name_separator(char c)
{
    return c == ' ' || c == '_' || c == '-' || c == '.';
}

/* Length of word at p (any case; a space in word matches a run of separators), or 0. */
static size_t part_word(const char *p, const char *word)
{
    size_t n = 0;
    for (; *word; word++) {
        if (*word == ' ') {
            if (!name_separator(p[n]))
                return 0;
            while (name_separator(p[n]))
                n++;
        } else if (tolower((unsigned char)p[n]) == *word)
            n++;
        else
            return 0;
    }
    return n;
}

/* Length of a part mark at p (see jk_part_key), or 0. */
static size_t part_mark(const char *p)
{
    static const char *const parts[] = {"abstrak",  "abstract",       "cover",
                                        "sampul",   "daftar pustaka", "daftar isi",
                                        "lampiran", "kata pengantar", "halaman judul"};
    for (size_t k = 0; k < sizeof(parts) / sizeof(*parts); k++) {
        size_t n = part_word(p, parts[k]);
        if (n && !isalnum((unsigned char)p[n]))
            return n;
    }
    size_t word = part_word(p, "bab") ? 3 : part_word(p, "chapter") ? 7 : 0;
    if (!word)
        return 0;
    while (name_separator(p[word]))
        word++;
    size_t n = chapter_number(p + word);
    return n ? word + n : 0;
}

/* The first part mark in the file name of path (see jk_part_key), with its length; or NULL. */
static const char *find_part(const char *path, const char **name_out, size_t *len)
{
    const char *slash = strrchr(path, '/'), *name = slash ? slash + 1 : path;
    *name_out = name;
    for (const char *p = name; *p; p++) {
        *len = p > name && isalpha((unsigned char)p[-1]) ? 0 : part_mark(p);
        if (*len)
            return p;
    }
    return NULL;
}

bool jk_part_key(const char *path, struct jk_buf *key)
{
    const char *name;
    size_t n;
    const char *p = find_part(path, &name, &n);
    if (!p)
        return false;
    const char *rest = name; /* a leading "03. " goes */
    size_t digits = strspn(name, "0123456789");
    if (digits >= 1 && digits <= 2 && name + digits < p && name_separator(name[digits]))
        for (rest = name + digits; rest < p && name_separator(*rest);)
            rest++;
    jk_buf_clear(key);
    jk_buf_add(key, path, (size_t)(name - path));
    jk_buf_add(key, rest, (size_t)(p - rest));
    jk_buf_addc(key, '\x01');
    jk_buf_adds(key, p + n);
    return true;
}

bool jk_part_is_abstract(const char *path)
{
    const char *name;
    size_t n;
    const char *p = find_part(path, &name, &n);
    return p && (part_word(p, "abstrak") == n || part_word(p, "abstract") == n);
}

static const char *const format_names[] = {"auto",      "text", "pdf", "csv",  "ris", "bibtex",
                                           "vosviewer", "docx", "odt", "html", "doc", "rtf"};

enum jk_status jk_format_parse(const char *text, enum jk_format *out, struct jk_diag *diag)
{
    for (size_t i = 0; i < sizeof(format_names) / sizeof(*format_names); i++)
        if (strcmp(text, format_names[i]) == 0) {
            *out = (enum jk_format)i;
            return JK_OK;
        }
    return jk_error(
        diag, JK_E_USAGE,
        "--format takes auto, text, pdf, docx, doc, rtf, odt, html, csv, ris, bibtex or "
        "vosviewer, not '%s'",
        text);
}

const char *jk_format_kind_name(enum jk_format f)
{
    return format_names[f];
}

enum jk_status jk_fields_parse(const char *list, unsigned *fields, struct jk_diag *diag)
{
    static const char *const names[] = {"title", "abstract", "keywords", "fulltext"};
    unsigned bits = 0;
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, ","), i = 0;
        while (i < 4 && !(strlen(names[i]) == len && strncmp(names[i], p, len) == 0))
            i++;
        if (i == 4)
            return jk_error(diag, JK_E_USAGE,
                            "--fields: unknown field '%.*s'; choose from title, abstract, "
                            "keywords, fulltext",
                            (int)len, p);
        bits |= 1u << i;
        p += len + (p[len] == ',');
    }
    if (!bits)
        return jk_error(diag, JK_E_USAGE, "--fields needs at least one field");
    *fields = bits;
    return JK_OK;
}

enum jk_format jk_source_format(const char *path, const struct jk_source_options *o)
{
    if (o && o->format != JK_FORMAT_AUTO)
        return o->format;
    if (ends_with(path, ".pdf"))
        return JK_FORMAT_PDF;
    if (ends_with(path, ".docx"))
        return JK_FORMAT_DOCX;
    if (ends_with(path, ".doc"))
        return JK_FORMAT_DOC;
    if (ends_with(path, ".rtf"))
        return JK_FORMAT_RTF;
    if (ends_with(path, ".odt"))
        return JK_FORMAT_ODT;
    if (ends_with(path, ".html") || ends_with(path, ".htm"))
        return JK_FORMAT_HTML;
    if (ends_with(path, ".csv"))
        return JK_FORMAT_CSV;
    if (ends_with(path, ".ris"))
        return JK_FORMAT_RIS;
    if (ends_with(path, ".bib"))
        return JK_FORMAT_BIBTEX;
    return JK_FORMAT_TEXT;
}

bool jk_is_record_file(const char *path, const struct jk_source_options *o)
{
    enum jk_format f = jk_source_format(path, o);
    return f != JK_FORMAT_TEXT && f != JK_FORMAT_PDF && f != JK_FORMAT_DOCX && f != JK_FORMAT_ODT &&
           f != JK_FORMAT_HTML && f != JK_FORMAT_DOC && f != JK_FORMAT_RTF;
}

bool jk_is_source_name(const char *path, const struct jk_source_options *o)
{
    static const char *const exts[] = {".txt", ".md",   ".pdf", ".docx", ".doc", ".rtf",
                                       ".odt", ".html", ".htm", ".csv",  ".ris", ".bib"};
    for (size_t i = 0; i < sizeof(exts) / sizeof(*exts); i++)
        if (ends_with(path, exts[i]))
            return true;
    return o && o->format != JK_FORMAT_AUTO && strrchr(path, '.') != NULL;
}

struct compose {
    jk_document_fn fn;
    void *ctx;
    struct jk_buf *text;
    unsigned fields;
    struct jk_buf part; /* the abstract as it goes into text */
};

/* Appends one field's text, after a blank line when text is not empty. */
static void add_text(struct jk_buf *text, const char *part, size_t len)
{
    if (len == 0)
        return;
    if (text->len)
        jk_buf_adds(text, "\n\n");
    jk_buf_add(text, part, len);
}

static void add_part(struct jk_buf *text, const struct jk_buf *part)
{
    add_text(text, part->data, part->len);
}

static bool blank(char c)
{
    return c == ' ' || c == '\n' || c == '\t';
}

/* Whether a sentence may start at t[i]: the text's start, or after . ! ? and blanks. */
static bool sentence_start(const char *t, size_t i)
{
    size_t j = i;
    while (j > 0 && blank(t[j - 1]))
        j--;
    return j == 0 || (j < i && strchr(".!?", t[j - 1]) != NULL);
}

/* Whether p[0..n) starts with the sign: U+00A9, or "(c)" and a blank. */
static bool copyright_sign(const char *p, size_t n)
{
    return (n >= 2 && memcmp(p, "\xc2\xa9", 2) == 0) || (n >= 4 && strncasecmp(p, "(c) ", 4) == 0);
}

/*
 * Whether a copyright statement starts at t[i..len): the sign; "(c)" and a
 * year; "Copyright" then the sign or a year ("Copyright law in Indonesia"
 * is a sentence, not a statement); "All rights reserved" ending the text.
 */
static bool copyright_at(const char *t, size_t len, size_t i)
{
    const char *p = t + i;
    size_t n = len - i;
    if (n >= 2 && memcmp(p, "\xc2\xa9", 2) == 0)
        return true;
    if (n >= 5 && strncasecmp(p, "(c) ", 4) == 0 && isdigit((unsigned char)p[4]))
        return true;
    if (n >= 10 && strncasecmp(p, "copyright", 9) == 0) {
        size_t j = 9;
        while (j < n && (p[j] == ' ' || p[j] == ':'))
            j++;
        return j < n && (isdigit((unsigned char)p[j]) || copyright_sign(p + j, n - j));
    }
    if (n >= 19 && strncasecmp(p, "all rights reserved", 19) == 0) {
        size_t j = 19;
        while (j < n && strchr(" .\n\t", p[j]))
            j++;
        return j == n;
    }
    return false;
}

size_t jk_abstract_without_copyright(const char *abstract, size_t len)
{
    if (len > 0 && len <= JK_COPYRIGHT_TAIL && copyright_at(abstract, len, 0))
        return 0; /* nothing but the statement */
    /* a statement starts a sentence: look only after . ! ? and a blank */
    for (size_t i = len > JK_COPYRIGHT_TAIL ? len - JK_COPYRIGHT_TAIL : 0; i < len; i++) {
        if (abstract[i] != '.' && abstract[i] != '!' && abstract[i] != '?')
            continue;
        size_t j = i + 1;
        while (j < len && blank(abstract[j]))
            j++;
        if (j > i + 1 && j < len && copyright_at(abstract, len, j))
            return i + 1;
    }
    return len;
}

/*
 * The headings of structured abstracts (Emerald's, medical journals', and
 * their Indonesian counterparts), which are labels, not content: left in,
 * "design methodology approach" and "originality value" become terms.
 */
static const char *const abstract_labels[] = {"purpose",
                                              "design/methodology/approach",
                                              "methodology",
                                              "approach",
                                              "findings",
                                              "research limitations/implications",
                                              "practical implications",
                                              "social implications",
                                              "originality/value",
                                              "originality",
                                              "value",
                                              "background",
                                              "objective",
                                              "objectives",
                                              "aim",
                                              "aims",
                                              "method",
                                              "methods",
                                              "results",
                                              "conclusion",
                                              "conclusions",
                                              "introduction",
                                              "context",
                                              "limitations",
                                              "implications",
                                              "tujuan",
                                              "metode",
                                              "metodologi",
                                              "hasil",
                                              "kesimpulan",
                                              "simpulan",
                                              "latar belakang",
                                              "pendahuluan",
                                              "temuan",
                                              "implikasi",
                                              "keterbatasan",
                                              "orisinalitas",
                                              "nilai"};

/* The length of the label and its colon (and the blanks after) at t[i..len), or 0. */
static size_t label_at(const char *t, size_t len, size_t i)
{
    for (size_t k = 0; k < sizeof(abstract_labels) / sizeof(*abstract_labels); k++) {
        size_t n = strlen(abstract_labels[k]);
        if (len - i <= n || strncasecmp(t + i, abstract_labels[k], n) != 0)
            continue;
        size_t j = i + n;
        while (j < len && t[j] == ' ')
            j++;
        if (j < len && t[j] == ':') {
            for (j++; j < len && (t[j] == ' ' || t[j] == '\n'); j++)
                ;
            return j - i;
        }
    }
    return 0;
}

const char *jk_clean_abstract(const char *abstract, size_t *len, struct jk_buf *scratch)
{
    *len = jk_abstract_without_copyright(abstract, *len);
    if (*len == 0 || !memchr(abstract, ':', *len)) /* most abstracts: no label, no copy */
        return abstract;
    jk_buf_clear(scratch);
    size_t copied = 0;
    for (size_t i = 0; i < *len; i++) {
        if (!isalpha((unsigned char)abstract[i]) || !sentence_start(abstract, i))
            continue;
        size_t n = label_at(abstract, *len, i);
        if (n == 0)
            continue;
        jk_buf_add(scratch, abstract + copied, i - copied);
        copied = i + n;
        i = copied - 1;
    }
    jk_buf_add(scratch, abstract + copied, *len - copied);
    *len = scratch->len;
    return *len ? scratch->data : abstract;
}

/* The abstract part of a record's text: without copyright statement and structure labels. */
static void add_abstract(struct compose *c, const struct jk_buf *abstract)
{
    size_t len = abstract->len;
    const char *clean = jk_clean_abstract(abstract->data, &len, &c->part);
    add_text(c->text, clean, len);
}

static enum jk_status compose_record(void *ctx, const struct jk_record *r, struct jk_diag *diag)
{
    struct compose *c = ctx;
    jk_buf_clear(c->text);
    if (c->fields == 0) { /* default: title and abstract, keywords when there is no abstract */
        add_part(c->text, &r->title);
        if (r->abstract.len)
            add_abstract(c, &r->abstract);
        else
            add_part(c->text, &r->keywords);
    } else {
        if (c->fields & JK_FIELD_TITLE)
            add_part(c->text, &r->title);
        if (c->fields & JK_FIELD_ABSTRACT)
            add_abstract(c, &r->abstract);
        if (c->fields & JK_FIELD_KEYWORDS)
            add_part(c->text, &r->keywords);
        if (c->fields & JK_FIELD_FULLTEXT)
            add_part(c->text, &r->fulltext);
    }
    if (c->text->len == 0 && !(c->fields == JK_FIELD_KEYWORDS && r->keywords.len))
        return JK_OK;
    return c->fn(c->ctx, c->text->data, c->text->len, r, diag);
}

enum jk_status jk_read_records(const char *path, const struct jk_source_options *o,
                               jk_document_fn fn, void *ctx, struct jk_buf *scratch,
                               struct jk_diag *diag)
{
    struct compose c = {fn, ctx, scratch, o ? o->fields : 0, {0}};
    jk_buf_init(&c.part);
    enum jk_status st;
    switch (jk_source_format(path, o)) {
    case JK_FORMAT_CSV:
        st = jk_read_csv(path, o ? o->columns : NULL, compose_record, &c, diag);
        break;
    case JK_FORMAT_RIS:
        st = jk_read_ris(path, compose_record, &c, diag);
        break;
    case JK_FORMAT_VOSVIEWER:
        st = jk_read_vos(path, o ? o->scores : NULL, compose_record, &c, diag);
        break;
    default:
        st = jk_read_bibtex(path, compose_record, &c, diag);
    }
    jk_buf_release(&c.part);
    return st;
}

/* Offset of the line starting with one of the words (case-insensitive), from `from`; or len. */
static size_t find_heading(const char *t, size_t len, size_t from, const char *const *words,
                           size_t n)
{
    for (size_t i = from; i < len; i++) {
        if (i > 0 && t[i - 1] != '\n')
            continue;
        size_t j = i;
        while (j < len && (t[j] == '#' || t[j] == '*' || t[j] == ' ' || t[j] == '_'))
            j++;
        for (size_t w = 0; w < n; w++)
            if (len - j >= strlen(words[w]) && strncasecmp(t + j, words[w], strlen(words[w])) == 0)
                return i;
    }
    return len;
}

/* The first index from i (at most end) whose byte is not in set: past leading marks. */
static size_t past(const char *t, size_t i, size_t end, const char *set)
{
    while (i < end && strchr(set, t[i]))
        i++;
    return i;
}

/* What a line's text may start with before its words: spaces, Markdown, a quotation's mark. */
#define LINE_MARKS " \t#*_>"
#define NOTE_MARKS " \t*_\"'" /* a footnote's text: spaces, emphasis, quotation marks */

/* Where a heading line's words start: past Markdown marks and a number ("5.", "VI.", "7)"). */
static size_t heading_start(const char *t, size_t i, size_t end)
{
    i = past(t, i, end, "#*_ \t");
    size_t j = i;
    while (j < end && (isdigit((unsigned char)t[j]) || strchr("IVXLivxl", t[j])))
        j++;
    if (j > i && j < end && (t[j] == '.' || t[j] == ')') && j + 1 < end && t[j + 1] == ' ')
        for (i = j + 1; i < end && t[i] == ' ';)
            i++;
    return i;
}

/*
 * Whether line t[i..end), past heading_start and the trailing marks in
 * trail, is one of names[0..n).
 */
static bool heading_is(const char *t, size_t i, size_t end, const char *trail,
                       const char *const *names, size_t n)
{
    i = heading_start(t, i, end);
    while (end > i && strchr(trail, t[end - 1]))
        end--;
    for (size_t k = 0; k < n; k++)
        if (end - i == strlen(names[k]) && strncasecmp(t + i, names[k], end - i) == 0)
            return true;
    return false;
}

/* Trailing marks of a heading line: Markdown, a colon; FRONT_TRAIL also a full stop. */
#define HEADING_TRAIL "#*_ \t:"
#define FRONT_TRAIL   "#*_ \t:."

/* Whether line t[i..end) is only a reference-list heading ("Daftar Pustaka", "References"). */
static bool reference_heading(const char *t, size_t i, size_t end)
{
    static const char *const names[] = {
        "daftar pustaka",   "daftar referensi", "daftar rujukan", "daftar kepustakaan",
        "kepustakaan",      "referensi",        "rujukan",        "pustaka acuan",
        "bibliografi",      "references",       "reference list", "bibliography",
        "literature cited", "works cited"};
    return heading_is(t, i, end, HEADING_TRAIL, names, sizeof(names) / sizeof(*names));
}

/* The length of the phrase of `phrases` at t[i..end) (whole words, any case), or 0. */
static size_t phrase_at(const char *t, size_t i, size_t end, const char *const *phrases, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t w = strlen(phrases[k]);
        if (end - i >= w && strncasecmp(t + i, phrases[k], w) == 0 &&
            (end - i == w || !isalpha((unsigned char)t[i + w])))
            return w;
    }
    return 0;
}

/*
 * Whether t[i..end) starts with one of words[0..n) (case-insensitive), not
 * followed by a letter.
 */
static bool word_at(const char *t, size_t i, size_t end, const char *const *words, size_t n)
{
    return phrase_at(t, i, end, words, n) != 0;
}

/* Whether w[0..len) is one of words[0..n), exactly (case and all). */
static bool word_in(const char *w, size_t len, const char *const *words, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (len == strlen(words[k]) && strncmp(w, words[k], len) == 0)
            return true;
    return false;
}

/* Whether line t[i..end) starts an appendix ("Lampiran 1", "APPENDIX A", "Lampiran-lampiran"). */
static bool appendix_heading(const char *t, size_t i, size_t end)
{
    static const char *const names[] = {"lampiran", "appendix", "appendices", "appendiks"};
    return word_at(t, heading_start(t, i, end), end, names, sizeof(names) / sizeof(*names));
}

/* The end of the line starting at i. */
static size_t line_end(const char *t, size_t len, size_t i)
{
    const char *nl = memchr(t + i, '\n', len - i);
    return nl ? (size_t)(nl - t) : len;
}

/* Whether t[i..i+4) is a year 1900-2099 standing alone (no digit on either side). */
static bool year_at(const char *t, size_t len, size_t i)
{
    return i + 4 <= len && (t[i] == '1' ? t[i + 1] == '9' : t[i] == '2' && t[i + 1] == '0') &&
           isdigit((unsigned char)t[i + 2]) && isdigit((unsigned char)t[i + 3]) &&
           (i == 0 || !isdigit((unsigned char)t[i - 1])) &&
           (i + 4 == len || !isdigit((unsigned char)t[i + 4]));
}

/*
 * Whether t[from..to) reads as a list of references: entries of one to three
 * lines, each with its year as references write it, closed by ')' or '.'
 * ("(2013).", "2015.", "pp. 1-20, 2015."), so at least one such year in
 * every REF_BYTES_PER_YEAR bytes, and REF_MIN_YEARS of them. Running text
 * names years now and then, mostly inside its sentences ("pada 2005, 2006").
 */
enum { REF_BYTES_PER_YEAR = 400, REF_MIN_YEARS = 5 };
static bool reads_as_references(const char *t, size_t from, size_t to)
{
    size_t years = 0;
    for (size_t i = from; i + 4 < to; i++)
        years += year_at(t, to, i) && (t[i + 4] == ')' || t[i + 4] == '.');
    return years >= REF_MIN_YEARS && years * REF_BYTES_PER_YEAR >= to - from;
}

/* Whether line t[i..end) holds anything but white space. */
static bool has_text(const char *t, size_t i, size_t end)
{
    for (; i < end; i++)
        if (!isspace((unsigned char)t[i]))
            return true;
    return false;
}

/*
 * What a reference list may follow and still start its file: fewer than
 * REF_LEADING_LINES lines with text, none longer than REF_LEADING_BYTES (a
 * repository's stamp, a running head: "repository.unair.ac.id").
 */
enum { REF_LEADING_LINES = 3, REF_LEADING_BYTES = 80 };

/* Whether the line starting at `at` comes after no more than a stamp or a running head. */
static bool starts_the_text(const char *t, size_t len, size_t at)
{
    unsigned before = 0;
    for (size_t k = 0; k < at; k = line_end(t, len, k) + 1) {
        size_t end = line_end(t, len, k);
        if (has_text(t, k, end) && (++before >= REF_LEADING_LINES || end - k > REF_LEADING_BYTES))
            return false;
    }
    return true;
}

/*
 * What jk_drop_references does to t[0..len): JK_REFS_KEPT, or the list's
 * span [*from, *to) to cut and whether that is all the text has after it.
 */
static enum jk_references find_references(const char *t, size_t len, size_t *from_out,
                                          size_t *to_out)
{
    size_t from = len, to = len;
    for (size_t i = 0; i < len; i = line_end(t, len, i) + 1) { /* the last such heading */
        size_t end = line_end(t, len, i);
        if (reference_heading(t, i, end))
            from = i, to = len;
        else if (from < len && to == len && appendix_heading(t, i, end))
            to = i;
    }
    if (from == len)
        return JK_REFS_KEPT;
    /* the text starts with its list (a repository's "DAFTAR PUSTAKA.pdf"): cut whatever its size */
    bool starts =
        starts_the_text(t, len, from) && reads_as_references(t, line_end(t, len, from), to);
    if (!starts && 2 * (to - from) > len) /* a contents line, or mostly references: keep it all */
        return JK_REFS_KEPT;
    *from_out = from;
    *to_out = to;
    return starts && to == len ? JK_REFS_ONLY : JK_REFS_CUT;
}

enum jk_references jk_drop_references(struct jk_buf *text)
{
    size_t from, to, len = text->len;
    enum jk_references found = find_references(text->data, len, &from, &to);
    if (found != JK_REFS_KEPT) {
        memmove(text->data + from, text->data + to, len - to);
        jk_buf_truncate(text, from + (len - to));
    }
    return found;
}

bool jk_is_reference_list(const char *text, size_t len)
{
    size_t from, to;
    return find_references(text, len, &from, &to) == JK_REFS_ONLY;
}

/* A heading of a thesis's front matter ("Kata Pengantar", "Lembar Pengesahan", "Daftar Isi"). */
static bool front_heading(const char *t, size_t i, size_t end)
{
    static const char *const names[] = {"kata pengantar",
                                        "prakata",
                                        "ucapan terima kasih",
                                        "lembar pengesahan",
                                        "halaman pengesahan",
                                        "lembar persetujuan",
                                        "halaman persetujuan",
                                        "lembar persetujuan pembimbing",
                                        "persetujuan pembimbing",
                                        "pernyataan keaslian",
                                        "pernyataan keaslian skripsi",
                                        "pernyataan keaslian tesis",
                                        "surat pernyataan",
                                        "halaman pernyataan",
                                        "lembar pernyataan",
                                        "motto",
                                        "motto dan persembahan",
                                        "persembahan",
                                        "halaman persembahan",
                                        "daftar isi",
                                        "daftar tabel",
                                        "daftar gambar",
                                        "daftar lampiran",
                                        "daftar singkatan",
                                        "daftar istilah",
                                        "table of contents",
                                        "acknowledgements",
                                        "acknowledgments"};
    return heading_is(t, i, end, FRONT_TRAIL, names, sizeof(names) / sizeof(*names));
}

/* The heading of the first chapter ("BAB I", "BAB 1 PENDAHULUAN", "I. PENDAHULUAN"). */
static bool first_chapter(const char *t, size_t i, size_t end)
{
    static const char *const names[] = {
        "bab i",       "bab 1",     "bab i pendahuluan", "bab 1 pendahuluan", "bab i. pendahuluan",
        "pendahuluan", "chapter i", "chapter 1",         "introduction"};
    return heading_is(t, i, end, FRONT_TRAIL, names, sizeof(names) / sizeof(*names));
}

/* An abstract's heading, which the front matter keeps. */
static bool abstract_heading(const char *t, size_t i, size_t end)
{
    static const char *const names[] = {"abstrak", "abstract", "intisari", "ringkasan"};
    return heading_is(t, i, end, FRONT_TRAIL, names, sizeof(names) / sizeof(*names));
}

/*
 * How far a first-chapter heading may come after the last front-matter or
 * abstract heading: a table of contents or a list of figures is a few
 * kilobytes, a chapter far more, so a "Pendahuluan" heading deep inside
 * the text never ends the front matter.
 */
enum { FRONT_GAP = 16 * 1024 };

/*
 * The front matter's extent: from its first heading to the last first-chapter
 * heading in the first half of the text that closely follows a front-matter
 * or abstract heading; false when there is none.
 */
static bool front_matter(const char *t, size_t len, size_t *from, size_t *to)
{
    size_t last = len; /* the latest front-matter or abstract heading */
    *from = *to = len;
    for (size_t i = 0; i < len / 2; i = line_end(t, len, i) + 1) {
        size_t end = line_end(t, len, i);
        if (front_heading(t, i, end)) {
            *from = *from == len ? i : *from;
            last = i;
        } else if (*from < len && abstract_heading(t, i, end))
            last = i;
        else if (*from < len && first_chapter(t, i, end) && i - last <= FRONT_GAP)
            *to = i;
    }
    return *from < *to && *to < len;
}

/* A title page's line is at most this long; a longer one is the title or text. */
enum { TITLE_PAGE_LINE = 200 };

/* Whether line t[i..end) has no lower-case letter (a title page's "YOGYAKARTA"). */
static bool all_capitals(const char *t, size_t i, size_t end)
{
    for (; i < end; i++)
        if (islower((unsigned char)t[i]))
            return false;
    return true;
}

/* The number of words (runs of non-blanks) in t[i..end). */
static size_t words_in(const char *t, size_t i, size_t end)
{
    size_t n = 0;
    for (; i < end; i++)
        n += !isspace((unsigned char)t[i]) && (i + 1 == end || isspace((unsigned char)t[i + 1]));
    return n;
}

/* What a line of a thesis's title page is to the map. */
enum title_line {
    TITLE_TEXT,      /* the title, or words of the subject: stays */
    TITLE_DEGREE,    /* the degree, the author's number, the faculty: goes */
    TITLE_INSTITUTE, /* the institution or "Oleh:": goes, with a short line in capitals after */
};

/*
 * What line t[i..end) of a thesis's title page is: "SKRIPSI", "Diajukan untuk
 * Memenuhi Salah Satu Syarat Memperoleh Gelar Sarjana ...", "NIM: 16101234",
 * "PROGRAM STUDI ...", "FAKULTAS ...", "Dosen Pembimbing" name the degree;
 * "UNIVERSITAS ...", "INSTITUT ...", "Oleh:" (alone or with its colon) the
 * institution or the author, whose city or name may follow on a short line in
 * capitals.
 */
static enum title_line title_line(const char *t, size_t i, size_t end)
{
    static const char *const kinds[] = {
        "skripsi", "tesis",        "disertasi",          "tugas akhir",
        "thesis",  "dissertation", "laporan tugas akhir"};
    static const char *const degree[] = {"diajukan",
                                         "disusun",
                                         "nim",
                                         "npm",
                                         "nrp",
                                         "nomor pokok",
                                         "program studi",
                                         "prodi",
                                         "jurusan",
                                         "departemen",
                                         "fakultas",
                                         "program pascasarjana",
                                         "pascasarjana",
                                         "program magister",
                                         "program sarjana",
                                         "untuk memenuhi",
                                         "sebagai salah satu",
                                         "salah satu syarat",
                                         "guna memperoleh",
                                         "memperoleh gelar",
                                         "gelar sarjana",
                                         "gelar magister",
                                         "pembimbing",
                                         "dosen pembimbing",
                                         "submitted",
                                         "in partial fulfillment",
                                         "faculty",
                                         "department"};
    static const char *const institute[] = {"universitas", "institut", "sekolah tinggi",
                                            "politeknik",  "akademi",  "university"};
    static const char *const author[] = {"disusun oleh", "oleh", "by"}; /* alone, or with ':' */
    if (end - i > TITLE_PAGE_LINE)
        return TITLE_TEXT;
    i = past(t, i, end, " \t#*_");
    size_t n = phrase_at(t, i, end, kinds, sizeof(kinds) / sizeof(*kinds));
    if (n && !has_text(t, i + n, end))
        return TITLE_DEGREE;
    if (phrase_at(t, i, end, institute, sizeof(institute) / sizeof(*institute)))
        return TITLE_INSTITUTE;
    n = phrase_at(t, i, end, author, sizeof(author) / sizeof(*author));
    while (n && i + n < end && t[i + n] == ' ')
        n++;
    if (n && (i + n == end || t[i + n] == ':')) /* not "Oleh karena itu, ..." */
        return TITLE_INSTITUTE;
    return phrase_at(t, i, end, degree, sizeof(degree) / sizeof(*degree)) ? TITLE_DEGREE
                                                                          : TITLE_TEXT;
}

/*
 * Adds the title page t[0..from) to out without the lines that name the degree, the
 * author's number or the institution, nor the short lines in capitals right after an
 * institution's or "Oleh:" (the city, "YOGYAKARTA", and the year; the author's name).
 * The title stays, and so does all from an abstract's heading on.
 */
static void keep_title_page(struct jk_buf *out, const char *t, size_t from)
{
    bool after = false; /* the last line with text was an institution's, or its city's */
    for (size_t i = 0; i < from; i = line_end(t, from, i) + 1) {
        size_t end = line_end(t, from, i);
        if (abstract_heading(t, i, end)) { /* an abstract before the front matter: all stays */
            jk_buf_add(out, t + i, from - i);
            return;
        }
        if (!has_text(t, i, end)) {
            jk_buf_add(out, t + i, end + (end < from) - i);
            continue;
        }
        enum title_line kind = title_line(t, i, end);
        bool follows = after && words_in(t, i, end) <= 3 && all_capitals(t, i, end);
        after = kind == TITLE_INSTITUTE || (follows && kind == TITLE_TEXT);
        if (kind == TITLE_TEXT && !follows)
            jk_buf_add(out, t + i, end + (end < from) - i);
    }
}

size_t jk_drop_front_matter(struct jk_buf *text)
{
    const char *t = text->data;
    size_t len = text->len, from, to;
    if (!front_matter(t, len, &from, &to))
        return 0;
    struct jk_buf out;
    jk_buf_init(&out);
    keep_title_page(&out, t, from);
    bool keep = false; /* inside an abstract, which stays */
    for (size_t i = from; i < to; i = line_end(t, len, i) + 1) {
        size_t end = line_end(t, len, i);
        if (abstract_heading(t, i, end))
            keep = true;
        else if (front_heading(t, i, end))
            keep = false;
        if (keep)
            jk_buf_add(&out, t + i, end + 1 - i);
    }
    jk_buf_add(&out, t + to, len - to);
    size_t cut = len - out.len;
    jk_buf_release(text);
    *text = out;
    return cut;
}

bool jk_keep_abstract(struct jk_buf *text)
{
    static const char *const starts[] = {"abstrak", "abstract"};
    static const char *const ends[] = {
        "kata kunci", "kata-kata kunci", "keywords",     "key words", "abstrak", "abstract",
        "bab ",       "pendahuluan",     "introduction", "#"};
    struct jk_buf out;
    jk_buf_init(&out);
    size_t len = text->len, at = find_heading(text->data, len, 0, starts, 2);
    while (at < len) {
        size_t body = line_end(text->data, len, at + 1);
        size_t end = find_heading(text->data, len, body + 1, ends, sizeof(ends) / sizeof(*ends));
        jk_buf_add(&out, text->data + at, end - at);
        jk_buf_adds(&out, "\n\n");
        at = find_heading(text->data, len, end, starts, 2);
    }
    bool found = out.len > 0;
    if (found) {
        jk_buf_clear(text);
        jk_buf_add(text, out.data, out.len);
    }
    jk_buf_release(&out);
    return found;
}

/* What starts a footnote line (see footnote_mark). */
enum footnote_mark {
    MARK_NONE,
    MARK_MARKUP,     /* "<sup>12</sup>", superscript digits "¹²" */
    MARK_DEFINITION, /* "[^12]:", Markdown's, whose indented lines go on with it */
    MARK_DIGITS,     /* "12 " before the text, as PDF text gives it */
    MARK_ALONE,      /* "12" alone on its line, the text on the next one */
};

/*
 * Limits: a footnote label's characters ("12", "a", "*"), a footnote line's
 * bytes (a longer line is running text), the wrapped lines of PDF text that
 * may continue one, a page's marks in a column, the wrapped lines' bytes,
 * and how far into the line an author's name must end in a comma.
 */
enum {
    FOOTNOTE_LABEL = 8,
    FOOTNOTE_BYTES = 1024,
    FOOTNOTE_GO_ON = 2,
    FOOTNOTE_MARKS = 32,
    WRAPPED_BYTES = 256,
    AUTHOR_BYTES = 80
};

/* A superscript digit at t[i..end) (UTF-8 ¹ ² ³ ⁰ ⁴-⁹): its length, or 0. */
static size_t superscript_digit(const char *t, size_t i, size_t end)
{
    const unsigned char *u = (const unsigned char *)t + i;
    if (end - i >= 2 && u[0] == 0xc2 && (u[1] == 0xb9 || u[1] == 0xb2 || u[1] == 0xb3))
        return 2;
    if (end - i >= 3 && u[0] == 0xe2 && u[1] == 0x81 &&
        (u[2] == 0xb0 || (u[2] >= 0xb4 && u[2] <= 0xb9)))
        return 3;
    return 0;
}

/* "<sup>12</sup>", "[^12]:" or superscript digits at t[i..end): their length, or 0. */
static size_t markup_mark(const char *t, size_t i, size_t end)
{
    size_t n = 0, digits = 0;
    for (size_t k; digits < FOOTNOTE_LABEL && (k = superscript_digit(t, i + n, end)) > 0; digits++)
        n += k;
    if (n || (t[i] != '<' && t[i] != '['))
        return n;
    const char *open = t[i] == '<' ? "<sup>" : "[^", *close = t[i] == '<' ? "</sup>" : "]:";
    size_t j = i + strlen(open);
    if (j > end || strncasecmp(t + i, open, strlen(open)) != 0)
        return 0;
    size_t label = j;
    while (j < end && j - label < FOOTNOTE_LABEL && (isalnum((unsigned char)t[j]) || t[j] == '*'))
        j++;
    if (j == label || end - j < strlen(close) || strncasecmp(t + j, close, strlen(close)) != 0)
        return 0;
    return j + strlen(close) - i;
}

/*
 * The footnote mark that starts line t[i..end), past its indentation, and
 * in *body where the footnote's text starts. A plain number has one to
 * three digits: four are a year.
 */
static enum footnote_mark footnote_mark(const char *t, size_t i, size_t end, size_t *body)
{
    while (i < end && (t[i] == ' ' || t[i] == '\t'))
        i++;
    size_t n = i < end ? markup_mark(t, i, end) : 0;
    *body = i + n;
    if (n)
        return t[i] == '[' ? MARK_DEFINITION : MARK_MARKUP;
    size_t j = i;
    while (j < end && j - i < 4 && isdigit((unsigned char)t[j]))
        j++;
    if (j == i || j - i > 3)
        return MARK_NONE;
    *body = j;
    if (!has_text(t, j, end))
        return MARK_ALONE;
    return t[j] == ' ' || t[j] == '\t' ? MARK_DIGITS : MARK_NONE;
}

/*
 * Whether footnote text t[i..end) starts, past spaces, emphasis and
 * quotation marks, with "Ibid.", "Op. cit.", "Loc. cit." or "Idem".
 */
static bool cites_again(const char *t, size_t i, size_t end)
{
    static const char *const words[] = {"ibid", "op. cit", "op.cit", "loc. cit", "loc.cit", "idem"};
    return word_at(t, past(t, i, end, NOTE_MARKS), end, words, sizeof(words) / sizeof(*words));
}

/* Whether t[i..end) holds a year (1900-2099) standing alone. */
static bool names_year(const char *t, size_t i, size_t end)
{
    for (; i + 4 <= end; i++)
        if (year_at(t, end, i))
            return true;
    return false;
}

/* The length of a quotation mark ('"', '“', '”') at t[i..end), or 0. */
static size_t quotation_mark(const char *t, size_t i, size_t end)
{
    if (t[i] == '"')
        return 1;
    const unsigned char *u = (const unsigned char *)t + i;
    return end - i >= 3 && u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0x9c || u[2] == 0x9d) ? 3 : 0;
}

/*
 * Whether t[i..end) names a title in quotation marks, as citations punctuate
 * them: a mark right after ',', '.', '?' or '!', or right before ',' or '.'
 * ("Globalisasi," ... "Cetak Sejarah". "What is a Sister city?"), also
 * with emphasis between ("*Metodologi,*"), which a word put in quotation
 * marks ("sister city" berarti) has not.
 */
static bool names_title(const char *t, size_t i, size_t end)
{
    for (size_t from = i, n; i < end; i += n ? n : 1) {
        if (!(n = quotation_mark(t, i, end)))
            continue;
        size_t before = i, after = i + n; /* past emphasis: "*Judul,*" */
        while (before > from && strchr("*_", t[before - 1]))
            before--;
        while (after < end && strchr("*_", t[after]))
            after++;
        if ((before > from && strchr(",.?!", t[before - 1])) ||
            (after < end && (t[after] == ',' || t[after] == '.')))
            return true;
    }
    return false;
}

/* Whether t[i..end) holds Markdown emphasis ('*'): a book's or journal's title after names. */
static bool names_emphasis(const char *t, size_t i, size_t end)
{
    return memchr(t + i, '*', end - i) != NULL;
}

/*
 * Whether t[i..end) holds, at a word's start, a page or volume mark or a web
 * address, as citations do: "hlm. 12", "Hal.20", "Vol.14", "No. 2", "pp.",
 * "diakses pada", "https://".
 */
static bool names_place(const char *t, size_t i, size_t end)
{
    static const char *const marks[] = {"hlm",  "hal.", "vol.",    "vol ",     "no.",      "pp.",
                                        "http", "www.", "diakses", "accessed", "retrieved"};
    for (size_t from = i; i < end; i++) {
        if (i > from && isalnum((unsigned char)t[i - 1]))
            continue;
        for (size_t k = 0; k < sizeof(marks) / sizeof(*marks); k++) {
            size_t n = strlen(marks[k]);
            if (end - i >= n && strncasecmp(t + i, marks[k], n) == 0)
                return true;
        }
    }
    return false;
}

/* Whether t[i..i+n) is a word that joins authors' names ("dan", "and", "&", "et al."). */
static bool joins_names(const char *t, size_t i, size_t n)
{
    static const char *const words[] = {"dan", "and", "&", "et", "al.", "al"};
    return word_in(t + i, n, words, sizeof(words) / sizeof(*words));
}

/*
 * Whether footnote text t[i..end) starts with authors' names and a comma
 * within AUTHOR_BYTES: one to eight words, each capitalised ("Riza Noer
 * Arfani,", "John W. Creswell,") or joining names ("Strauss dan Corbin,").
 */
static bool starts_with_author(const char *t, size_t i, size_t end)
{
    while (i < end && (t[i] == ' ' || t[i] == '\t'))
        i++;
    size_t from = i, words = 0;
    while (i < end && i - from < AUTHOR_BYTES && words < 8) {
        size_t w = i;
        while (w < end && t[w] != ' ' && t[w] != ',' && t[w] != '\n')
            w++;
        bool name = isupper((unsigned char)t[i]) || (unsigned char)t[i] >= 0x80;
        if (w == i || (w < end && t[w] == '\n') || !(name || joins_names(t, i, w - i)))
            return false; /* the names and their comma are on the first line */
        words++;
        if (w < end && t[w] == ',')
            return true;
        for (i = w; i < end && t[i] == ' ';)
            i++;
    }
    return false;
}

/* Whether t[i..end), a word's start, is a number's label: "Nomor 23", "No. 23", "No 23". */
static bool numbered_at(const char *t, size_t i, size_t end)
{
    static const char *const labels[] = {"nomor", "no"};
    if (!word_at(t, i, end, labels, sizeof(labels) / sizeof(*labels)))
        return false;
    i += end - i > 2 && tolower((unsigned char)t[i + 2]) == 'm' ? 5 : 2;
    while (i < end && (t[i] == '.' || t[i] == ' '))
        i++;
    return i < end && isdigit((unsigned char)t[i]);
}

/* Whether the lower-case word t[i..i+n) may stand in a law's title ("tentang", "dan"). */
static bool law_title_word(const char *t, size_t i, size_t n)
{
    static const char *const words[] = {"tentang", "dan",  "atas",   "di",    "dengan", "yang",
                                        "ke",      "dari", "untuk",  "serta", "pada",   "dalam",
                                        "oleh",    "atau", "antara", "of",    "on",     "the"};
    return word_in(t + i, n, words, sizeof(words) / sizeof(*words));
}

/*
 * Whether footnote text t[i..end) cites a law or regulation: it starts with
 * its kind ("Undang-Undang", "UU", "Peraturan Menteri", "Permendagri", ...),
 * numbers it ("Nomor 23", "No. 23") and names a year, and every word is
 * capitalised, a number or a title's small word ("tentang", "dan"): "Undang-
 * Undang Republik Indonesia Nomor 23 Tahun 2014 tentang Pemerintah Daerah,
 * Pasal 363". A footnote that explains a law in a sentence ("... mengatur
 * bahwa ...") has lower-case words and stays.
 */
static bool cites_law(const char *t, size_t i, size_t end)
{
    static const char *const kinds[] = {
        "undang-undang", "uu",          "peraturan", "keputusan", "instruksi", "surat edaran",
        "ketetapan",     "permendagri", "permenlu",  "perpres",   "keppres",   "kepmen",
        "perda",         "pergub",      "perbup",    "perwali",   "pp",        "law"};
    i = past(t, i, end, NOTE_MARKS);
    if (!word_at(t, i, end, kinds, sizeof(kinds) / sizeof(*kinds)))
        return false;
    bool numbered = false;
    size_t from = i;
    for (; i < end; i++) {
        if (!isalpha((unsigned char)t[i]) || (i > from && isalnum((unsigned char)t[i - 1])))
            continue;
        size_t w = i;
        while (w < end && isalpha((unsigned char)t[w]))
            w++;
        if (islower((unsigned char)t[i]) && !law_title_word(t, i, w - i))
            return false;
        numbered |= numbered_at(t, i, end);
    }
    return numbered && names_year(t, from, end);
}

/*
 * Whether footnote text t[i..end) (in PDF text, with its wrapped lines)
 * cites a source: it cites again ("Ibid."), or starts with authors' names
 * and a comma and names a year, a title in quotation marks or emphasis, or
 * a page, volume or web address. After a footnote mark of markup, which
 * no list or table has, a punctuated title in quotation marks or a page,
 * volume or web address is enough ("Bimtek Kerja Sama," Biro ..., diakses
 * pada ...); emphasis alone is not, since foreign words are set in it.
 */
static bool cites_source(const char *t, size_t i, size_t end, enum footnote_mark mark)
{
    if (end - i > FOOTNOTE_BYTES)
        return false;
    if (cites_again(t, i, end))
        return true;
    bool title = names_title(t, i, end), place = names_place(t, i, end);
    if ((mark == MARK_MARKUP || mark == MARK_DEFINITION) &&
        (title || place || cites_law(t, i, end)))
        return true;
    return starts_with_author(t, i, end) &&
           (title || place || names_year(t, i, end) || names_emphasis(t, i, end));
}

/* The start of the next line after `at` with text (or len). */
static size_t next_text_line(const char *t, size_t len, size_t at)
{
    for (size_t i = at; i < len; i = line_end(t, len, i) + 1)
        if (has_text(t, i, line_end(t, len, i)))
            return i;
    return len;
}

/* Whether line t[i..end) ends a sentence (its last character, past spaces, is '.'). */
static bool ends_sentence(const char *t, size_t i, size_t end)
{
    while (end > i && isspace((unsigned char)t[end - 1]))
        end--;
    return end > i && t[end - 1] == '.';
}

/*
 * Whether line t[i..end) of PDF text goes on with a footnote wrapped at the
 * line before: a short line without a mark of its own, while the
 * footnote's sentence is open (its line before does not end in '.'); after
 * a full stop, only one that names a page, volume or address ("UNIPDU. Vol
 * 1, No. 2.") and does not start a citation of its own ("Ibid.", "Name,").
 */
static bool continues_note(const char *t, size_t i, size_t end, bool open)
{
    size_t body;
    if (footnote_mark(t, i, end, &body) != MARK_NONE || end - i > WRAPPED_BYTES)
        return false;
    return open ||
           (names_place(t, i, end) && !cites_again(t, i, end) && !starts_with_author(t, i, end));
}

/*
 * The end of a footnote of PDF text whose first line is t[from..end):
 * with up to FOOTNOTE_GO_ON wrapped lines more.
 */
static size_t wrapped_end(const char *t, size_t len, size_t from, size_t end)
{
    for (size_t k = 0; k < FOOTNOTE_GO_ON && end < len; k++) {
        size_t next = next_text_line(t, len, end + 1), next_end = line_end(t, len, next);
        if (next == len || !continues_note(t, next, next_end, !ends_sentence(t, from, end)))
            break;
        from = next, end = next_end;
    }
    return end;
}

/* Whether line t[i..end) is indented by a tab or four spaces (Markdown's continuation). */
static bool indented(const char *t, size_t i, size_t end)
{
    return i < end && (t[i] == '\t' || (end - i >= 4 && memcmp(t + i, "    ", 4) == 0));
}

/*
 * The end of a Markdown footnote definition ("[^3]: ...") whose first line
 * is t[from..end): with the indented lines that continue it (Pandoc wraps
 * its Markdown at 72 columns), blank lines between them included, while it
 * is no longer than FOOTNOTE_BYTES.
 */
static size_t definition_end(const char *t, size_t len, size_t from, size_t end)
{
    while (end < len && end - from <= FOOTNOTE_BYTES) {
        size_t next = next_text_line(t, len, end + 1), next_end = line_end(t, len, next), body;
        if (next == len || !indented(t, next, next_end) ||
            footnote_mark(t, next, next_end, &body) != MARK_NONE)
            break;
        end = next_end;
    }
    return end;
}

/*
 * The end of the footnote whose mark starts line t[i..end), its text at
 * body: PDF text's wrapped lines, a Markdown definition's indented ones.
 */
static size_t note_end(const char *t, size_t len, size_t i, size_t end, size_t body,
                       enum footnote_mark mark)
{
    if (mark == MARK_DIGITS)
        return wrapped_end(t, len, body, end);
    if (mark != MARK_DEFINITION)
        return end;
    while (t[i] == ' ' || t[i] == '\t') /* to its "[^", where the definition starts */
        i++;
    return definition_end(t, len, i, end);
}

/*
 * A cut of whole lines in progress (footnotes, article information): t[0..kept) is
 * decided, and what stays of it is in out.
 */
struct line_cut {
    const char *t;
    size_t len;
    struct jk_buf out;
    size_t kept;
    size_t cuts; /* footnotes or lines cut */
};

/* Cuts t[from..to) (whole lines but the last one's line break, which stays) as one piece. */
static void cut_lines(struct line_cut *c, size_t from, size_t to)
{
    jk_buf_add(&c->out, c->t + c->kept, from - c->kept);
    c->kept = to;
    c->cuts++;
}

/* Ends a cut: text becomes what stays. Returns the pieces cut (0: text unchanged). */
static size_t finish_cut(struct line_cut *c, struct jk_buf *text)
{
    if (c->cuts) {
        jk_buf_add(&c->out, c->t + c->kept, c->len - c->kept);
        jk_buf_release(text);
        *text = c->out;
    } else
        jk_buf_release(&c->out);
    return c->cuts;
}

/* The number of a mark alone on line t[i..end): its one to three digits. */
static unsigned mark_number(const char *t, size_t i, size_t end)
{
    unsigned n = 0;
    for (; i < end; i++)
        if (isdigit((unsigned char)t[i]))
            n = n * 10 + (unsigned)(t[i] - '0');
    return n;
}

/*
 * How many lines from line i on hold a mark alone, numbered on (1, 2, 3:
 * Poppler gives a page's footnote marks apart from their texts, as a
 * column), at most FOOTNOTE_MARKS; *last is the end of the last one.
 */
static size_t marks_alone(const char *t, size_t len, size_t i, size_t *last)
{
    size_t marks = 0, body;
    unsigned prev = 0;
    for (size_t j = i; j < len && marks < FOOTNOTE_MARKS; j = next_text_line(t, len, *last + 1)) {
        size_t end = line_end(t, len, j);
        unsigned n = mark_number(t, j, end);
        if (footnote_mark(t, j, end, &body) != MARK_ALONE || (marks && n != prev + 1))
            break;
        prev = n;
        marks++;
        *last = end;
        if (end == len)
            break;
    }
    return marks;
}

/*
 * Line i holds a mark alone. The lines of text after its run of marks are
 * their footnotes' texts, each a line and its wrapped lines: cuts those
 * that cite, with their mark when it is one alone.
 * Returns the end of the last line looked at.
 */
static size_t notes_after_marks(struct line_cut *c, size_t i)
{
    const char *t = c->t;
    size_t len = c->len, last = i, body;
    size_t marks = marks_alone(t, len, i, &last);
    size_t j = next_text_line(t, len, last + (last < len)), end = last;
    for (size_t k = 0; k < marks && j < len; k++) {
        size_t line = line_end(t, len, j);
        if (footnote_mark(t, j, line, &body) != MARK_NONE)
            break;                          /* a footnote of its own: the caller looks at it */
        end = wrapped_end(t, len, j, line); /* explaining or citing, the lines are its */
        if (cites_source(t, j, end, MARK_ALONE))
            cut_lines(c, marks == 1 ? i : j, end);
        j = end < len ? next_text_line(t, len, end + 1) : len;
    }
    return end;
}

size_t jk_drop_footnotes(struct jk_buf *text)
{
    struct line_cut c = {.t = text->data, .len = text->len};
    jk_buf_init(&c.out);
    for (size_t i = 0; i < c.len; i++) { /* i: a line's start, then its end */
        size_t end = line_end(c.t, c.len, i), body;
        enum footnote_mark mark = footnote_mark(c.t, i, end, &body);
        size_t last = note_end(c.t, c.len, i, end, body, mark);
        if (mark == MARK_ALONE)
            end = notes_after_marks(&c, i);
        else if (mark != MARK_NONE && cites_source(c.t, body, last, mark))
            cut_lines(&c, i, end = last);
        i = end;
    }
    return finish_cut(&c, text);
}

/*
 * Article information: the lines a journal puts on an article's pages about its
 * publication, not its subject. Each is at most INFO_LINE_BYTES long.
 */
enum { INFO_LINE_BYTES = 320 };

/*
 * Whether t[i..end) after a label reads as a field's value: a ':', a digit, a copyright
 * sign or a web address within three bytes ("Received: 12 Januari 2020", "p-ISSN
 * 2502-8731", "Copyright © 2020", "DOI https://...").
 */
static bool value_after(const char *t, size_t i, size_t end)
{
    for (size_t k = 0; k < 3 && i < end; k++, i++) {
        if (t[i] == ':' || isdigit((unsigned char)t[i]) || copyright_sign(t + i, end - i) ||
            (end - i >= 4 && strncasecmp(t + i, "http", 4) == 0))
            return true;
        if (t[i] != ' ' && t[i] != '\t' && t[i] != '.' && t[i] != '*')
            return false;
    }
    return false;
}

/* Whether line t[i..end) holds one of the phrases of a licence or copyright notice. */
static bool names_licence(const char *t, size_t i, size_t end)
{
    static const char *const phrases[] = {"creative commons",
                                          "all rights reserved",
                                          "open access article",
                                          "this work is licensed",
                                          "cc by-sa",
                                          "cc by-nc",
                                          "cc-by"};
    for (; i < end; i++)
        if ((i == 0 || !isalpha((unsigned char)t[i - 1])) &&
            phrase_at(t, i, end, phrases, sizeof(phrases) / sizeof(*phrases)))
            return true;
    return false;
}

/*
 * Whether line t[i..end) (past its markup) is article information: a dated or numbered
 * field ("Received:", "Diterima:", "p-ISSN", "DOI:", "E-mail:", "Copyright ©"), a label
 * that needs no value ("Corresponding author", "How to cite", "Article history", "Info
 * artikel", "©"), or a licence notice. *label_only is set when the line is a label
 * whose value is on the next line ("How to cite:").
 */
static bool article_info(const char *t, size_t i, size_t end, bool *label_only)
{
    static const char *const fields[] = {
        "received", "revised",  "accepted",  "published",   "submitted",      "available online",
        "diterima", "direvisi", "disetujui", "diterbitkan", "dipublikasikan", "tersedia online",
        "p-issn",   "e-issn",   "issn",      "print issn",  "online issn",    "doi",
        "vol",      "volume",   "email",     "e-mail",      "surel",          "copyright",
        "hak cipta"};
    static const char *const labels[] = {
        "corresponding author", "penulis korespondensi", "how to cite",
        "to cite this article", "cite this article",     "cara mengutip",
        "cara sitasi",          "article history",       "riwayat artikel",
        "histori artikel",      "sejarah artikel",       "article info",
        "info artikel",         "informasi artikel",     "this is an open access article"};
    *label_only = false;
    if (end - i > INFO_LINE_BYTES)
        return false;
    i = past(t, i, end, LINE_MARKS);
    if (copyright_sign(t + i, end - i))
        return true;
    size_t n = phrase_at(t, i, end, fields, sizeof(fields) / sizeof(*fields));
    if (n && value_after(t, i + n, end))
        return true;
    n = phrase_at(t, i, end, labels, sizeof(labels) / sizeof(*labels));
    if (n) {
        *label_only = past(t, i + n, end, " \t:*_") == end;
        return true;
    }
    return names_licence(t, i, end);
}

/* Whether line t[i..end) names a volume as a field does: "Vol. 5", "Volume 12", "JIP Vol 3". */
static bool names_volume(const char *t, size_t i, size_t end)
{
    static const char *const marks[] = {"volume", "vol"};
    for (size_t from = i; i < end; i++) {
        size_t n = i > from && isalpha((unsigned char)t[i - 1])
                       ? 0
                       : phrase_at(t, i, end, marks, sizeof(marks) / sizeof(*marks));
        if (n && value_after(t, i + n, end))
            return true;
    }
    return false;
}

/*
 * Whether line t[i..end) is a journal's masthead: a short line that starts with "Jurnal" or
 * "Journal" and names a volume, or whose next line with text does ("JURNAL ILMU
 * PEMERINTAHAN" over "Vol. 5 No. 2, Juli 2020"): the journal's name would be a term of every
 * article it published.
 */
static bool journal_masthead(const char *t, size_t len, size_t i, size_t end)
{
    static const char *const names[] = {"jurnal", "journal", "e-jurnal", "e-journal", "ejournal"};
    if (end - i > INFO_LINE_BYTES)
        return false;
    i = past(t, i, end, LINE_MARKS);
    if (!word_at(t, i, end, names, sizeof(names) / sizeof(*names)))
        return false;
    size_t next = end < len ? next_text_line(t, len, end + 1) : len;
    size_t next_end = line_end(t, len, next);
    return names_volume(t, i, end) ||
           (next < len && next_end - next <= INFO_LINE_BYTES && names_volume(t, next, next_end));
}

/* How far into a text an article's abstract heading is looked for (affiliations come before). */
enum { FRONT_PAGE_BYTES = 16 * 1024 };

/* The start of the first abstract heading in the first FRONT_PAGE_BYTES of t, or 0: none. */
static size_t abstract_at(const char *t, size_t len)
{
    for (size_t i = 0; i < len && i < FRONT_PAGE_BYTES; i = line_end(t, len, i) + 1)
        if (abstract_heading(t, i, line_end(t, len, i)))
            return i;
    return 0;
}

/*
 * Whether line t[i..end), before an article's abstract, is an author's affiliation: at
 * most TITLE_PAGE_LINE bytes starting, past its mark ("1", "¹", "<sup>1</sup>", "*"), with a
 * university, faculty or department ("¹Universitas Gadjah Mada, Yogyakarta"), whose names would be
 * terms of every article written there.
 */
static bool affiliation(const char *t, size_t i, size_t end)
{
    static const char *const names[] = {
        "universitas", "institut",       "fakultas",   "program studi", "jurusan",
        "departemen",  "sekolah tinggi", "politeknik", "university",    "faculty",
        "department",  "institute",      "school of"};
    if (end - i > TITLE_PAGE_LINE)
        return false;
    for (size_t k = 1; i < end && k > 0; i += k) {
        k = markup_mark(t, i, end);
        if (k == 0 && (strchr(" \t#*_>,", t[i]) || isdigit((unsigned char)t[i])))
            k = 1;
    }
    return word_at(t, i, end, names, sizeof(names) / sizeof(*names));
}

/*
 * The length of an author's mark at t[i..end), or 0: one or two digits,
 * superscript digits, "*", a dagger, or "<sup>...</sup>" around a short label
 * ("<sup>1,2</sup>", "<sup>a*</sup>").
 */
static size_t author_mark(const char *t, size_t i, size_t end)
{
    size_t k = superscript_digit(t, i, end);
    if (k || t[i] == '*')
        return k ? k : 1;
    if (isdigit((unsigned char)t[i]))
        return i + 1 < end && isdigit((unsigned char)t[i + 1]) ? 2 : 1;
    if (end - i >= 3 && memcmp(t + i, "\xe2\x80\xa0", 3) == 0)
        return 3;
    if (end - i < 5 || strncasecmp(t + i, "<sup>", 5) != 0)
        return 0;
    for (size_t j = i + 5; j < end && j <= i + 5 + 12; j++)
        if (end - j >= 6 && strncasecmp(t + j, "</sup>", 6) == 0)
            return j + 6 - i;
    return 0;
}

/* Names in a byline: at most so many, of at most so many words each. */
enum { BYLINE_NAMES = 8, NAME_WORDS = 5 };

/*
 * Whether line t[i..end), past its Markdown marks, has the shape of a byline:
 * one to BYLINE_NAMES authors' names of capitalised words or initials ("A.",
 * "M.Si."), separated by ",", ";", "&", "dan" or "and", with the particles of
 * names ("bin", "van", ...). *marked is set when a name carries an author's
 * mark ("Santoso¹", "Aminah<sup>2</sup>*") or a role ("Melissa Aesthetica,
 * author", as a university library's catalogue writes it). Any other word in
 * lower case, a longer number or other punctuation makes it no byline.
 */
static bool byline_shape(const char *t, size_t i, size_t end, bool *marked)
{
    static const char *const joins[] = {"dan", "and"};
    static const char *const particles[] = {"bin", "binti", "van", "de", "der", "al", "el", "da"};
    static const char *const roles[] = {"author", "penulis", "editor"};
    size_t names = 0, words = 0, capitals = 0;
    *marked = false;
    for (i = past(t, i, end, LINE_MARKS); i < end;) {
        size_t k = author_mark(t, i, end), j = i;
        if (k) {
            *marked = true;
            i += k;
            if (i < end && isdigit((unsigned char)t[i]))
                return false; /* three digits or more: a number, no mark */
            continue;
        }
        if (strchr(" \t_,;&", t[i])) {
            words = strchr(",;&", t[i]) ? 0 : words;
            i++;
            continue;
        }
        while (j < end && (isalpha((unsigned char)t[j]) || strchr(".-'", t[j]) ||
                           ((t[j] & 0x80) && !author_mark(t, j, end))))
            j++;
        if (j == i)
            return false; /* other punctuation: a title's colon, a sentence's brackets */
        if (word_in(t + i, j - i, joins, sizeof(joins) / sizeof(*joins))) {
            words = 0;
        } else if (word_in(t + i, j - i, roles, sizeof(roles) / sizeof(*roles))) {
            if (words > 0 || names == 0)
                return false; /* "author" inside a name or before one */
            *marked = true;
        } else if (!word_in(t + i, j - i, particles, sizeof(particles) / sizeof(*particles))) {
            if (!isupper((unsigned char)t[i]) || ++words > NAME_WORDS)
                return false;
            names += words == 1;
            capitals++;
        }
        i = j;
    }
    return capitals >= 2 && names <= BYLINE_NAMES;
}

/*
 * Whether line t[i..end), between an article's title and its abstract, is its
 * byline: a byline's shape, at most TITLE_PAGE_LINE bytes, with an author's
 * mark or role, or over an affiliation or an e-mail address. The authors'
 * names would be terms of the article (and of every article they wrote).
 */
static bool byline(const char *t, size_t len, size_t i, size_t end)
{
    bool marked;
    if (end - i > TITLE_PAGE_LINE || !byline_shape(t, i, end, &marked))
        return false;
    if (marked)
        return true;
    size_t next = end < len ? next_text_line(t, len, end + 1) : len;
    size_t next_end = line_end(t, len, next);
    return next < len && next_end - next <= TITLE_PAGE_LINE &&
           (affiliation(t, next, next_end) || memchr(t + next, '@', next_end - next));
}

size_t jk_drop_article_info(struct jk_buf *text)
{
    struct line_cut c = {.t = text->data, .len = text->len};
    jk_buf_init(&c.out);
    size_t abstract = abstract_at(c.t, c.len); /* affiliations and bylines come before it */
    size_t title = abstract ? jk_title_start(c.t, c.len) : 0;
    for (size_t i = 0; i < c.len; i++) { /* i: a line's start, then its end */
        size_t end = line_end(c.t, c.len, i);
        bool label_only;
        if (has_text(c.t, i, end) &&
            (article_info(c.t, i, end, &label_only) || journal_masthead(c.t, c.len, i, end) ||
             (i < abstract && affiliation(c.t, i, end)) ||
             (i > title && i < abstract && byline(c.t, c.len, i, end)))) {
            size_t next = next_text_line(c.t, c.len, end + 1),
                   next_end = line_end(c.t, c.len, next);
            if (label_only && next < c.len && next_end - next <= INFO_LINE_BYTES)
                end = next_end; /* the label's value, on the line after it */
            cut_lines(&c, i, end);
        }
        i = end;
    }
    return finish_cut(&c, text);
}

/* How many lines with text jk_title_start looks at. */
enum { TITLE_LINES = 24 };

size_t jk_title_start(const char *t, size_t len)
{
    size_t first = len, seen = 0;
    for (size_t i = 0; i < len && seen < TITLE_LINES; i = line_end(t, len, i) + 1) {
        size_t end = line_end(t, len, i);
        if (!has_text(t, i, end))
            continue;
        first = first == len ? i : first;
        seen++;
        bool label_only;
        if (article_info(t, i, end, &label_only) || journal_masthead(t, len, i, end) ||
            title_line(t, i, end) != TITLE_TEXT) {
            if (label_only) /* its value too: "How to cite:" over the citation */
                end = line_end(t, len, next_text_line(t, len, end < len ? end + 1 : len));
            i = end;
            continue;
        }
        return i;
    }
    return first == len ? 0 : first;
}
