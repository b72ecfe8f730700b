/*
 * dictd dictionary reader: parses the .index, inflates the whole .dict.dz
 * with zlib and extracts each headword's Indonesian translations once, at
 * load, so lookups are a hash-map probe. See dictd.h for the format.
 */
#include "dictd.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <zlib.h>

#include "termfile.h"
#include "util/mem.h"

#define INSTALL_HINT                                                                               \
    "install Debian's dict-freedict-eng-ind (apt-get install dict-freedict-eng-ind)"

struct entry {
    uint32_t word; /* headword id */
    size_t off, len;
    size_t next; /* next entry of the same headword, or SIZE_MAX */
};

struct entries {
    struct entry *v;
    size_t n, cap;
};

void jk_dictd_init(struct jk_dictd *d)
{
    memset(d, 0, sizeof(*d));
    jk_strmap_init(&d->words);
    jk_arena_init(&d->arena);
}

void jk_dictd_release(struct jk_dictd *d)
{
    if (!d)
        return;
    jk_strmap_release(&d->words);
    jk_arena_release(&d->arena);
    free(d->trans);
    free(d->first);
    free(d->count);
    jk_dictd_init(d);
}

/* Reads the whole file at path into *out (NUL-terminated), *len bytes. */
static enum jk_status read_index(const char *path, char **out, size_t *len, struct jk_diag *diag)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return jk_error(diag, JK_E_INPUT, "cannot open dictionary index '%s': %s; %s", path,
                        strerror(errno), INSTALL_HINT);
    size_t n = 0, cap = 0;
    char *buf = NULL;
    for (;;) {
        JK_GROW(buf, n + 65536 + 1, cap);
        size_t got = fread(buf + n, 1, 65536, f);
        n += got;
        if (got < 65536)
            break;
    }
    bool bad = ferror(f);
    fclose(f);
    buf[n] = '\0';
    if (bad) {
        free(buf);
        return jk_error(diag, JK_E_INPUT, "cannot read dictionary index '%s'", path);
    }
    *out = buf;
    *len = n;
    return JK_OK;
}

/* Inflates the gzip (dictzip) file at path whole into *out, *len bytes. */
static enum jk_status read_data(const char *path, char **out, size_t *len, struct jk_diag *diag)
{
    gzFile gz = gzopen(path, "rb");
    if (!gz)
        return jk_error(diag, JK_E_INPUT, "cannot open dictionary data '%s': %s; %s", path,
                        errno ? strerror(errno) : "out of memory", INSTALL_HINT);
    size_t n = 0, cap = 0;
    char *buf = NULL;
    int got;
    do {
        JK_GROW(buf, n + 65536, cap);
        got = gzread(gz, buf + n, 65536);
        if (got > 0)
            n += (size_t)got;
    } while (got > 0);
    if (got < 0) {
        int err;
        enum jk_status st = jk_error(diag, JK_E_INPUT, "cannot decompress dictionary data '%s': %s",
                                     path, gzerror(gz, &err));
        gzclose(gz);
        free(buf);
        return st;
    }
    gzclose(gz);
    *out = buf;
    *len = n;
    return JK_OK;
}

static int b64_digit(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

/* Decodes dictd base64 s[0..len); false when empty, invalid or too large. */
static bool b64_decode(const char *s, size_t len, size_t *value)
{
    if (len == 0 || len > 8) /* 8 digits = 48 bits, far beyond any dictionary */
        return false;
    size_t v = 0;
    for (size_t i = 0; i < len; i++) {
        int digit = b64_digit(s[i]);
        if (digit < 0)
            return false;
        v = v * 64 + (size_t)digit;
    }
    *value = v;
    return true;
}

static bool is_header(const char *word, size_t len)
{
    return (len >= 10 && memcmp(word, "00database", 10) == 0) ||
           (len >= 11 && memcmp(word, "00-database", 11) == 0);
}

/* Interns the lower-case headword[0..len) and returns its id. */
static uint32_t intern_word(struct jk_dictd *d, const char *word, size_t len)
{
    char small[256] = {0}; /* zeroed for the compiler, which cannot see len > 0 */
    char *low = len < sizeof(small) ? small : jk_malloc(len);
    for (size_t i = 0; i < len; i++)
        low[i] = (char)tolower((unsigned char)word[i]);
    uint32_t id = jk_strmap_intern(&d->words, low, len, NULL);
    if (low != small)
        free(low);
    return id;
}

/* Parses one index line (without its newline) into es; line is 1-based. */
static enum jk_status parse_line(struct jk_dictd *d, struct entries *es, const char *s, size_t len,
                                 size_t data_len, const char *path, size_t line,
                                 struct jk_diag *diag)
{
    const char *tab1 = memchr(s, '\t', len);
    const char *tab2 = tab1 ? memchr(tab1 + 1, '\t', len - (size_t)(tab1 + 1 - s)) : NULL;
    if (!tab2 || memchr(tab2 + 1, '\t', len - (size_t)(tab2 + 1 - s)) || tab1 == s)
        return jk_error(diag, JK_E_INPUT,
                        "%s:%zu: malformed index line: expected headword<TAB>offset<TAB>length",
                        path, line);
    size_t off, n;
    if (!b64_decode(tab1 + 1, (size_t)(tab2 - tab1 - 1), &off) ||
        !b64_decode(tab2 + 1, len - (size_t)(tab2 + 1 - s), &n))
        return jk_error(diag, JK_E_INPUT,
                        "%s:%zu: malformed index line: offset and length must be dictd base64 "
                        "(A-Za-z0-9+/)",
                        path, line);
    if (off > data_len || n > data_len - off)
        return jk_error(diag, JK_E_INPUT,
                        "%s:%zu: entry (offset %zu, length %zu) lies outside the %zu bytes of "
                        "dictionary data; the index and .dict.dz do not match",
                        path, line, off, n, data_len);
    if (is_header(s, (size_t)(tab1 - s)))
        return JK_OK;
    JK_GROW(es->v, es->n + 1, es->cap);
    es->v[es->n++] = (struct entry){intern_word(d, s, (size_t)(tab1 - s)), off, n, SIZE_MAX};
    return JK_OK;
}

static enum jk_status parse_index(struct jk_dictd *d, struct entries *es, const char *text,
                                  size_t len, size_t data_len, const char *path,
                                  struct jk_diag *diag)
{
    size_t line = 0;
    for (size_t pos = 0; pos < len;) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t n = end - pos;
        line++;
        if (n > 0 && text[pos + n - 1] == '\r')
            n--;
        enum jk_status st = parse_line(d, es, text + pos, n, data_len, path, line, diag);
        if (st != JK_OK)
            return st;
        pos = end + 1;
    }
    return JK_OK;
}

/* Length of a sense number "12." at s[0..len), or 0 when there is none. */
static size_t sense_number(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && isdigit((unsigned char)s[i]))
        i++;
    return i > 0 && i < len && s[i] == '.' ? i + 1 : 0;
}

/* Adds the copy of t[0..len) to the current headword's list unless it is there. */
/* True when s[0..len) is valid UTF-8 (a corpus key never equals anything else). */
static bool valid_utf8(const char *s, size_t len)
{
    utf8proc_int32_t cp;
    for (size_t i = 0; i < len;) {
        utf8proc_ssize_t n =
            utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0)
            return false;
        i += (size_t)n;
    }
    return true;
}

static void add_translation(struct jk_dictd *d, size_t first, const char *t, size_t len)
{
    if (!valid_utf8(t, len) || memchr(t, '\0', len))
        return; /* a damaged entry: it could never match a term */
    for (size_t i = first; i < d->n_trans; i++)
        if (strlen(d->trans[i]) == len && memcmp(d->trans[i], t, len) == 0)
            return;
    JK_GROW(d->trans, d->n_trans + 1, d->cap_trans);
    d->trans[d->n_trans++] = jk_arena_strndup(&d->arena, t, len);
}

/*
 * Cleans one comma-separated item s[0..len) into out (len + 1 bytes): drops
 * "(notes)", keeps b of "[[a|b]]", lower-cases ASCII, collapses white space.
 * Returns the cleaned length, 0 when nothing but white space, digits and dots remain.
 */
static size_t clean_item(const char *s, size_t len, char *out)
{
    size_t n = 0, mark = 0;
    int parens = 0;
    bool space = false, wordy = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '(' || c == ')') {
            parens += c == '(' ? 1 : (parens > 0 ? -1 : 0);
            space = space || n > 0;
        } else if (parens > 0) {
            continue;
        } else if (c == '[' || c == ']') {
            if (c == '[')
                mark = n;
        } else if (c == '|') {
            n = mark;
            space = false;
        } else if (isspace(c)) {
            space = n > 0;
        } else {
            if (space && n > 0 && out[n - 1] != ' ')
                out[n++] = ' ';
            space = false;
            out[n++] = (char)tolower(c);
            wordy = wordy || !(isdigit(c) || c == '.');
        }
    }
    while (n > 0 && out[n - 1] == ' ')
        n--;
    return wordy ? n : 0;
}

/* Strips a trailing sense number (" 2.") from s[0..len) and returns the new length. */
static size_t strip_trailing_sense(const char *s, size_t len)
{
    for (;;) {
        while (len > 0 && isspace((unsigned char)s[len - 1]))
            len--;
        if (len < 2 || s[len - 1] != '.')
            return len;
        size_t i = len - 1;
        while (i > 0 && isdigit((unsigned char)s[i - 1]))
            i--;
        if (i == len - 1 || (i > 0 && !isspace((unsigned char)s[i - 1])))
            return len;
        len = i;
    }
}

/* Adds the translations of one translation line s[0..len). */
static void add_line(struct jk_dictd *d, size_t first, const char *s, size_t len)
{
    size_t sense = sense_number(s, len);
    s += sense;
    len = strip_trailing_sense(s, len - sense);
    char *buf = jk_malloc(len + 1);
    int depth = 0;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        char c = i < len ? s[i] : ',';
        depth += (c == '(' || c == '[') - (c == ')' || c == ']');
        depth = depth < 0 ? 0 : depth;
        if (c != ',' || (depth > 0 && i < len))
            continue;
        size_t n = clean_item(s + start, i - start, buf);
        if (n > 0)
            add_translation(d, first, buf, n);
        start = i + 1;
    }
    free(buf);
}

/*
 * Adds the translations of one entry's text: the line after the header, and
 * every later line that starts a numbered sense at column 0.
 */
static void add_entry(struct jk_dictd *d, size_t first, const char *text, size_t len)
{
    const char *end = text + len;
    const char *s = memchr(text, '\n', len);
    for (size_t body = 0; s && s < end; body++) {
        s++;
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
        if (body == 0 || sense_number(s, n) > 0)
            add_line(d, first, s, n);
        s = nl;
    }
}

/* How one entry's text data[0..len) adds its translations (add_entry, add_line). */
typedef void (*add_fn)(struct jk_dictd *d, size_t first, const char *data, size_t len);

/* Links each headword's entries in index (or file) order and extracts their translations. */
static void build_translations(struct jk_dictd *d, struct entries *es, const char *data, add_fn add)
{
    size_t words = jk_strmap_count(&d->words);
    size_t *head = jk_malloc((words ? words : 1) * sizeof(*head));
    size_t *tail = jk_malloc((words ? words : 1) * sizeof(*tail));
    for (size_t w = 0; w < words; w++)
        head[w] = tail[w] = SIZE_MAX;
    for (size_t i = 0; i < es->n; i++) {
        uint32_t w = es->v[i].word;
        if (head[w] == SIZE_MAX)
            head[w] = i;
        else
            es->v[tail[w]].next = i;
        tail[w] = i;
    }
    d->first = jk_calloc(words ? words : 1, sizeof(*d->first));
    d->count = jk_calloc(words ? words : 1, sizeof(*d->count));
    for (size_t w = 0; w < words; w++) {
        d->first[w] = d->n_trans;
        for (size_t i = head[w]; i != SIZE_MAX; i = es->v[i].next)
            add(d, d->first[w], data + es->v[i].off, es->v[i].len);
        d->count[w] = (uint32_t)(d->n_trans - d->first[w]);
    }
    free(head);
    free(tail);
}

enum jk_status jk_dictd_load(struct jk_dictd *d, const char *index_path, const char *dict_path,
                             struct jk_diag *diag)
{
    char *index = NULL, *data = NULL;
    size_t index_len = 0, data_len = 0;
    struct entries es = {0};
    enum jk_status st = read_index(index_path, &index, &index_len, diag);
    if (st == JK_OK)
        st = read_data(dict_path, &data, &data_len, diag);
    if (st == JK_OK)
        st = parse_index(d, &es, index, index_len, data_len, index_path, diag);
    if (st == JK_OK)
        build_translations(d, &es, data, add_entry);
    free(es.v);
    free(data);
    free(index);
    return st;
}

size_t jk_dictd_translations(const struct jk_dictd *d, const char *headword, size_t len,
                             const char **out, size_t max)
{
    if (!d->first)
        return 0;
    uint32_t w = jk_strmap_find(&d->words, headword, len);
    if (w == JK_NO_ID)
        return 0;
    size_t n = d->count[w] < max ? d->count[w] : max;
    for (size_t i = 0; i < n; i++)
        out[i] = d->trans[d->first[w] + i];
    return n;
}

/* ---- the glossary ---------------------------------------------------------- */

/* What a glossary line must be, for its error message. */
#define GLOSSARY_FORMAT "expected english<TAB>indonesian, indonesian in lower case"

/* True when s[0..len) holds an ASCII capital letter. */
static bool has_capital(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] >= 'A' && s[i] <= 'Z')
            return true;
    return false;
}

/*
 * Checks the glossary's current line and adds it to es: its headword, and its translations
 * copied to the end of texts (their place there in the entry).
 */
static enum jk_status glossary_line(struct jk_dictd *d, struct entries *es, struct jk_buf *texts,
                                    const struct jk_lines *r, struct jk_diag *diag)
{
    const char *s = r->line;
    size_t len = r->len;
    const char *tab = memchr(s, '\t', len);
    size_t head = tab ? (size_t)(tab - s) : 0, rest = tab ? len - head - 1 : 0;
    if (!tab || head == 0 || rest == 0 || memchr(tab + 1, '\t', rest) || s[0] == ' ' ||
        s[head - 1] == ' ')
        return jk_error(diag, JK_E_INPUT, "%s:%lu: malformed glossary line: " GLOSSARY_FORMAT,
                        r->path, r->lineno);
    if (has_capital(s, len))
        return jk_error(diag, JK_E_INPUT, "%s:%lu: capital letters; " GLOSSARY_FORMAT, r->path,
                        r->lineno);
    JK_GROW(es->v, es->n + 1, es->cap);
    es->v[es->n++] = (struct entry){intern_word(d, s, head), texts->len, rest, SIZE_MAX};
    jk_buf_add(texts, tab + 1, rest);
    return JK_OK;
}

enum jk_status jk_dictd_load_glossary(struct jk_dictd *d, const char *path, struct jk_diag *diag)
{
    struct jk_lines r;
    enum jk_status st = jk_lines_open(&r, path, "glossary", true, diag);
    if (st != JK_OK) {
        char why[JK_DIAG_MAX]; /* jk_lines_open's message, with what to do added */
        snprintf(why, sizeof(why), "%s", diag->msg);
        jk_diag_init(diag);
        return jk_error(diag, st, "%s; give the stopwords folder with --stopwords-dir DIR", why);
    }
    r.utf8_only = true; /* a bundled file: UTF-8, not guessed as Windows-1252 */
    struct entries es = {0};
    struct jk_buf texts;
    jk_buf_init(&texts);
    while (st == JK_OK && jk_lines_next(&r, diag))
        st = glossary_line(d, &es, &texts, &r, diag);
    if (st == JK_OK)
        st = r.status;
    if (st == JK_OK)
        build_translations(d, &es, texts.data, add_line);
    jk_lines_close(&r);
    jk_buf_release(&texts);
    free(es.v);
    return st;
}

/* Makes room in into's per-headword arrays for every headword it now has. */
static void grow_headwords(struct jk_dictd *into, size_t had)
{
    size_t words = jk_strmap_count(&into->words);
    if (words <= had && into->first)
        return;
    into->first = jk_realloc(into->first, (words ? words : 1) * sizeof(*into->first));
    into->count = jk_realloc(into->count, (words ? words : 1) * sizeof(*into->count));
    for (size_t w = had; w < words; w++) {
        into->first[w] = 0;
        into->count[w] = 0;
    }
}

void jk_dictd_prepend(struct jk_dictd *into, const struct jk_dictd *from)
{
    size_t words = jk_strmap_count(&from->words);
    for (uint32_t w = 0; w < words; w++) {
        size_t had = into->first ? jk_strmap_count(&into->words) : 0;
        uint32_t id = jk_strmap_intern(&into->words, jk_strmap_key(&from->words, w),
                                       jk_strmap_len(&from->words, w), NULL);
        grow_headwords(into, had);
        size_t old_first = into->first[id], old_count = into->count[id];
        size_t first = into->n_trans;
        for (size_t i = 0; i < from->count[w]; i++) {
            const char *t = from->trans[from->first[w] + i];
            add_translation(into, first, t, strlen(t));
        }
        for (size_t i = 0; i < old_count; i++) {
            const char *t = into->trans[old_first + i];
            add_translation(into, first, t, strlen(t));
        }
        into->first[id] = first;
        into->count[id] = (uint32_t)(into->n_trans - first);
    }
}
