/* Rich Text Format text: groups, control words and characters, in one pass. See read_rtf.h. */
#include "read_rtf.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/encoding.h"

enum { MAX_DEPTH = 1024, MAX_WORD = 32, MAX_FALLBACK = 16 };

/*
 * What holds in a group: whether its text is read (not a skipped
 * destination, not text tracked changes deleted, not hidden), how many
 * fallback characters follow \uN.
 */
struct group {
    bool skip;
    bool deleted;
    bool hidden;
    unsigned char uc;
};

struct rtf {
    const unsigned char *p, *end;
    struct jk_buf *text;
    struct group stack[MAX_DEPTH]; /* each open group's parent, as it was when it opened */
    struct group cur;              /* the innermost group's */
    struct group outside;          /* the group groups nested too deep opened in */
    size_t depth;                  /* groups open; the first MAX_DEPTH are on the stack */
    unsigned fallback;             /* fallback characters still to skip after a \uN */
    uint32_t high;                 /* a high surrogate waiting for its low half, or 0 */
};

bool jk_is_rtf(const char *data, size_t len)
{
    return len >= 5 && memcmp(data, "{\\rtf", 5) == 0;
}

/* A character of the text, unless the group's text is not read; a lone high surrogate: U+FFFD. */
static void put(struct rtf *r, uint32_t c)
{
    if (r->cur.skip || r->cur.deleted || r->cur.hidden)
        return;
    if (r->high) {
        jk_utf8_add(r->text, 0xFFFD);
        r->high = 0;
    }
    if (c == '\n' || c == '\t' || c >= 0x20)
        jk_utf8_add(r->text, c);
}

/* A byte of the document's code page (Windows-1252), or a fallback byte to skip. */
static void put_byte(struct rtf *r, unsigned char b)
{
    if (r->fallback > 0) {
        r->fallback--;
        return;
    }
    uint32_t c = jk_cp1252_code(b);
    put(r, c ? c : 0xFFFD);
}

/* \uN: a UTF-16 unit (N signed), then the group's number of fallback characters to skip. */
static void put_unit(struct rtf *r, long n)
{
    uint32_t u = (uint32_t)(n < 0 ? n + 65536 : n) & 0xFFFF;
    r->fallback = r->cur.uc;
    if (r->cur.skip || r->cur.deleted || r->cur.hidden || u == 0)
        return;
    if (u >= 0xDC00 && u <= 0xDFFF && r->high) {
        uint32_t c = 0x10000 + ((r->high - 0xD800) << 10) + (u - 0xDC00);
        r->high = 0;
        jk_utf8_add(r->text, c);
    } else if (u >= 0xD800 && u <= 0xDBFF) {
        if (r->high)
            jk_utf8_add(r->text, 0xFFFD); /* the high half before had no low half */
        r->high = u;
    } else {
        put(r, u >= 0xD800 && u <= 0xDFFF ? 0xFFFD : u);
    }
}

static void open_group(struct rtf *r)
{
    r->fallback = 0;
    if (r->depth < MAX_DEPTH)
        r->stack[r->depth] = r->cur;
    else if (r->depth == MAX_DEPTH)
        r->outside = r->cur;
    if (r->depth >= MAX_DEPTH)
        r->cur.skip = true; /* too deep: skipped */
    r->depth++;
}

static void close_group(struct rtf *r)
{
    r->fallback = 0;
    if (r->depth == 0)
        return; /* a brace too many */
    r->depth--;
    if (r->depth < MAX_DEPTH)
        r->cur = r->stack[r->depth];
    else if (r->depth == MAX_DEPTH)
        r->cur = r->outside;
}

/*
 * A control word this reader acts on: a destination whose group holds no
 * body text, or a character.
 */
struct known {
    const char *word;
    bool skip;  /* a destination to skip */
    uint32_t c; /* else the character it stands for */
};

static struct known known[] = {
    {"fonttbl", true, 0},
    {"colortbl", true, 0},
    {"stylesheet", true, 0},
    {"info", true, 0},
    {"pict", true, 0},
    {"object", true, 0},
    {"objdata", true, 0},
    {"header", true, 0},
    {"headerl", true, 0},
    {"headerr", true, 0},
    {"headerf", true, 0},
    {"footer", true, 0},
    {"footerl", true, 0},
    {"footerr", true, 0},
    {"footerf", true, 0},
    {"footnote", true, 0},
    {"annotation", true, 0},
    {"atnid", true, 0},
    {"atnauthor", true, 0},
    {"atndate", true, 0},
    {"atnref", true, 0},
    {"fldinst", true, 0},
    {"themedata", true, 0},
    {"colorschememapping", true, 0},
    {"datastore", true, 0},
    {"latentstyles", true, 0},
    {"listtable", true, 0},
    {"listoverridetable", true, 0},
    {"rsidtbl", true, 0},
    {"generator", true, 0},
    {"xmlnstbl", true, 0},
    {"mmathPr", true, 0},
    {"pgdsctbl", true, 0},
    {"filetbl", true, 0},
    {"revtbl", true, 0},
    {"userprops", true, 0},
    {"xe", true, 0},
    {"tc", true, 0},
    {"txe", true, 0},
    {"shp", true, 0},
    {"shpinst", true, 0},
    {"shppict", true, 0},
    {"nonshppict", true, 0},
    {"docvar", true, 0},
    {"template", true, 0},
    {"bkmkstart", true, 0},
    {"bkmkend", true, 0},
    {"listtext", true, 0},
    {"pntext", true, 0},
    {"pntxta", true, 0},
    {"pntxtb", true, 0},
    {"par", false, '\n'},
    {"line", false, '\n'},
    {"sect", false, '\n'},
    {"page", false, '\n'},
    {"cell", false, '\n'},
    {"row", false, '\n'},
    {"nestcell", false, '\n'},
    {"nestrow", false, '\n'},
    {"tab", false, '\t'},
    {"emdash", false, 0x2014},
    {"endash", false, 0x2013},
    {"lquote", false, 0x2018},
    {"rquote", false, 0x2019},
    {"ldblquote", false, 0x201C},
    {"rdblquote", false, 0x201D},
    {"bullet", false, 0x2022},
    {"emspace", false, ' '},
    {"enspace", false, ' '},
    {"qmspace", false, ' '},
};
enum { N_KNOWN = sizeof(known) / sizeof(*known) };

static int by_word(const void *a, const void *b)
{
    return strcmp(((const struct known *)a)->word, ((const struct known *)b)->word);
}

static pthread_once_t known_sorted = PTHREAD_ONCE_INIT;

static void sort_known(void)
{
    qsort(known, N_KNOWN, sizeof(*known), by_word);
}

/* The entry of word in known, or NULL (a control word is looked up by binary search). */
static const struct known *find_known(const char *word)
{
    pthread_once(&known_sorted, sort_known);
    struct known key = {word, false, 0};
    return bsearch(&key, known, N_KNOWN, sizeof(*known), by_word);
}

/* A control word with its parameter (has: whether it had one). */
static void control_word(struct rtf *r, const char *word, long param, bool has)
{
    if (strcmp(word, "u") == 0 && has) {
        put_unit(r, param);
        return;
    }
    r->fallback = 0;
    if (strcmp(word, "uc") == 0 && has) {
        r->cur.uc = (unsigned char)(param < 0 ? 0 : param > MAX_FALLBACK ? MAX_FALLBACK : param);
    } else if (strcmp(word, "deleted") == 0) { /* a revision mark: "\deleted0" ends it */
        r->cur.deleted = !has || param != 0;
    } else if (strcmp(word, "v") == 0) { /* hidden text: "\v0" ends it */
        r->cur.hidden = !has || param != 0;
    } else if (strcmp(word, "plain") == 0) { /* character formatting back to defaults */
        r->cur.deleted = r->cur.hidden = false;
    } else if (strcmp(word, "bin") == 0 && has && param > 0) { /* raw bytes: not text */
        size_t left = (size_t)(r->end - r->p);
        r->p += (unsigned long)param < left ? (size_t)param : left;
    } else {
        const struct known *k = find_known(word);
        if (k && k->skip)
            r->cur.skip = true;
        else if (k)
            put(r, k->c);
    }
}

static bool is_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int hex_value(unsigned char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* A control word after its backslash: letters, an optional signed number, one space. */
static void read_word(struct rtf *r)
{
    char word[MAX_WORD + 1];
    size_t n = 0;
    while (r->p < r->end && is_letter(*r->p)) {
        if (n < MAX_WORD)
            word[n] = (char)*r->p;
        n++;
        r->p++;
    }
    word[n < MAX_WORD ? n : MAX_WORD] = '\0';
    bool negative = r->p < r->end && *r->p == '-', has = false;
    if (negative)
        r->p++;
    long param = 0;
    for (; r->p < r->end && *r->p >= '0' && *r->p <= '9'; r->p++) {
        has = true;
        if (param < 100000000)
            param = param * 10 + (*r->p - '0');
    }
    if (r->p < r->end && *r->p == ' ')
        r->p++;
    if (n <= MAX_WORD) /* a longer word is none this reader knows */
        control_word(r, word, negative ? -param : param, has);
    else
        r->fallback = 0;
}

/* What follows a backslash: a control word, or a control symbol. */
static void control(struct rtf *r)
{
    if (r->p >= r->end)
        return;
    unsigned char c = *r->p;
    if (is_letter(c)) {
        read_word(r);
        return;
    }
    r->p++;
    if (c == '\'') { /* \'hh: a byte of the code page */
        int hi = r->p < r->end ? hex_value(r->p[0]) : -1;
        int lo = r->p + 1 < r->end ? hex_value(r->p[1]) : -1;
        if (hi >= 0 && lo >= 0) {
            r->p += 2;
            put_byte(r, (unsigned char)(hi << 4 | lo));
        }
        return;
    }
    r->fallback = 0;
    if (c == '*') /* an ignorable destination: none that this reader keeps */
        r->cur.skip = true;
    else if (c == '\\' || c == '{' || c == '}')
        put(r, c);
    else if (c == '~')
        put(r, 0x00A0);
    else if (c == '_')
        put(r, '-');
    else if (c == '\n' || c == '\r')
        put(r, '\n');
    /* "\-" (an optional hyphen) and the rest: nothing to read */
}

bool jk_rtf_text(const char *data, size_t len, struct jk_buf *text)
{
    if (!jk_is_rtf(data, len))
        return false;
    struct rtf state, *r = &state;
    memset(r, 0, sizeof(*r));
    r->p = (const unsigned char *)data;
    r->end = r->p + len;
    r->text = text;
    r->cur.uc = 1;
    jk_buf_reserve(text, text->len + len / 2);
    while (r->p < r->end) {
        unsigned char c = *r->p++;
        if (c == '{')
            open_group(r);
        else if (c == '}')
            close_group(r);
        else if (c == '\\')
            control(r);
        else if (c != '\r' && c != '\n' && c != '\0')
            put_byte(r, c);
    }
    if (r->high)
        jk_utf8_add(text, 0xFFFD);
    return true;
}
