/* Rich Text Format text: groups, control words and characters, in one pass. See read_rtf.h. */
#include "read_rtf.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/encoding.h"
#include "util/mem.h"

enum { MAX_DEPTH = 1024, MAX_WORD = 32, MAX_FALLBACK = 16 };
/* Fonts numbered from 0 to MAX_FONTS - 1 have their code page looked up; at most MAX_TABLES
 * code pages are decoded in one document (others are read as Windows-1252). */
enum { MAX_FONTS = 4096, MAX_TABLES = 8 };
/* A group's code page: the default font's (\deff) until a \fN. */
enum { CP_DEFAULT_FONT = 0xFFFF };

/*
 * What holds in a group: whether its text is read (not a skipped
 * destination, not text tracked changes deleted, not hidden), how many
 * fallback characters follow \uN.
 */
struct group {
    bool skip;
    bool deleted;
    bool hidden;
    bool fonttbl; /* inside the font table */
    unsigned char uc;
    uint16_t cp; /* of the current font (\fN): 0 the document's, or CP_DEFAULT_FONT */
};

/* A code page's 256 code points (jk_codepage_table); known false when the C library lacks it. */
struct cp_table {
    uint16_t cp;
    bool known;
    uint32_t map[256];
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
    uint16_t ansi_cp;              /* \ansicpgN: the document's code page (1252 unless set) */
    long deff;                     /* \deffN: the default font */
    long defining;                 /* in the font table: the font being described */
    uint16_t *font_cp;             /* per font number below MAX_FONTS (owned; NULL: none) */
    struct cp_table *tables;       /* the code pages decoded so far (owned) */
    size_t n_tables;
    /* Chinese, Japanese and Korean code pages write a character in two bytes (lead, trail) */
    unsigned char lead; /* a lead byte waiting for its trail byte, or 0 */
    uint16_t lead_cp;   /* its code page */
    iconv_t pair;       /* decodes pairs of pair_cp, or (iconv_t)-1 */
    uint16_t pair_cp;   /* 0: none opened yet */
};

bool jk_is_rtf(const char *data, size_t len)
{
    return len >= 5 && memcmp(data, "{\\rtf", 5) == 0;
}

/* Whether the innermost group's text is read: not a skipped destination, not deleted, not hidden.
 */
static bool text_read(const struct rtf *r)
{
    return !r->cur.skip && !r->cur.deleted && !r->cur.hidden;
}

static void put(struct rtf *r, uint32_t c);

/* A lead byte left without its trail byte is U+FFFD. */
static void flush_lead(struct rtf *r)
{
    if (r->lead) {
        r->lead = 0;
        put(r, 0xFFFD);
    }
}

/* A character of the text, unless the group's text is not read; a lone high surrogate or lead
 * byte before it: U+FFFD. */
static void put(struct rtf *r, uint32_t c)
{
    flush_lead(r);
    if (!text_read(r))
        return;
    if (r->high) {
        jk_utf8_add(r->text, 0xFFFD);
        r->high = 0;
    }
    if (c == '\n' || c == '\t' || c >= 0x20)
        jk_utf8_add(r->text, c);
}

/*
 * The code page an RTF character set (\fcharsetN) stands for: 0 for the
 * document's own (ANSI, default, symbol and unknown sets).
 */
static uint16_t charset_cp(long charset)
{
    static const struct {
        short charset;
        uint16_t cp;
    } sets[] = {{77, 10000}, {128, 932},  {129, 949},  {130, 1361}, {134, 936},
                {136, 950},  {161, 1253}, {162, 1254}, {163, 1258}, {177, 1255},
                {178, 1256}, {186, 1257}, {204, 1251}, {222, 874},  {238, 1250}};
    for (size_t i = 0; i < sizeof(sets) / sizeof(*sets); i++)
        if (sets[i].charset == charset)
            return sets[i].cp;
    return 0;
}

/* Font number's code page (0: the document's), as the font table said. */
static uint16_t font_cp(const struct rtf *r, long number)
{
    return r->font_cp && number >= 0 && number < MAX_FONTS ? r->font_cp[number] : 0;
}

static void set_font_cp(struct rtf *r, long number, uint16_t cp)
{
    if (number < 0 || number >= MAX_FONTS)
        return;
    if (!r->font_cp)
        r->font_cp = jk_calloc(MAX_FONTS, sizeof(*r->font_cp));
    r->font_cp[number] = cp;
}

/* The code points of code page cp, decoded the first time it is used; NULL when unknown. */
static const uint32_t *cp_map(struct rtf *r, uint16_t cp)
{
    for (size_t i = 0; i < r->n_tables; i++)
        if (r->tables[i].cp == cp)
            return r->tables[i].known ? r->tables[i].map : NULL;
    if (r->n_tables == MAX_TABLES)
        return NULL;
    if (!r->tables)
        r->tables = jk_calloc(MAX_TABLES, sizeof(*r->tables));
    struct cp_table *t = &r->tables[r->n_tables++];
    t->cp = cp;
    t->known = jk_codepage_table(cp, t->map);
    return t->known ? t->map : NULL;
}

/* Whether code page cp writes a character in one or two bytes (Japanese, Chinese, Korean). */
static bool double_byte(uint16_t cp)
{
    return cp == 932 || cp == 936 || cp == 949 || cp == 950 || cp == 1361;
}

/* Whether b starts a two-byte character of code page cp (CP932: 0x81-0x9F, 0xE0-0xFC; the
 * others: 0x81-0xFE). */
static bool lead_byte(uint16_t cp, unsigned char b)
{
    if (cp == 932)
        return (b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC);
    return b >= 0x81 && b <= 0xFE;
}

/* The code point of the two bytes lead, trail in code page cp, or 0 when they stand for
 * none (or the C library lacks the code page). */
static uint32_t decode_pair(struct rtf *r, uint16_t cp, unsigned char lead, unsigned char trail)
{
    if (r->pair_cp != cp) {
        if (r->pair_cp && r->pair != (iconv_t)-1)
            iconv_close(r->pair);
        r->pair = jk_codepage_open(cp);
        r->pair_cp = cp;
    }
    char in[2] = {(char)lead, (char)trail};
    return r->pair == (iconv_t)-1 ? 0 : jk_codepage_char(r->pair, in, 2);
}

/* The current font's code page. */
static uint16_t current_cp(const struct rtf *r)
{
    uint16_t cp = r->cur.cp == CP_DEFAULT_FONT ? font_cp(r, r->deff) : r->cur.cp;
    return cp ? cp : r->ansi_cp;
}

/* The code point of byte b in a single-byte code page cp, or 0 when it stands for none. */
static uint32_t decode_byte(struct rtf *r, uint16_t cp, unsigned char b)
{
    if (b < 0x80 || cp == 1252)
        return jk_cp1252_code(b);
    const uint32_t *map = cp_map(r, cp);
    return map ? map[b] : jk_cp1252_code(b);
}

/* A byte of the current font's code page, or a fallback byte to skip. */
static void put_byte(struct rtf *r, unsigned char b)
{
    if (r->fallback > 0) {
        r->fallback--;
        return;
    }
    uint16_t cp = current_cp(r);
    uint32_t c;
    if (r->lead && r->lead_cp == cp) { /* the trail byte */
        unsigned char lead = r->lead;
        r->lead = 0;
        c = decode_pair(r, cp, lead, b);
    } else if (double_byte(cp) && lead_byte(cp, b)) {
        flush_lead(r);
        r->lead = b;
        r->lead_cp = cp;
        return;
    } else if (double_byte(cp)) { /* ASCII, or CP932's half-width katakana */
        c = b < 0x80 ? b : cp == 932 && b >= 0xA1 && b <= 0xDF ? 0xFF61 + (b - 0xA1) : 0;
    } else {
        c = decode_byte(r, cp, b);
    }
    put(r, c ? c : 0xFFFD);
}

/* \uN: a UTF-16 unit (N signed), then the group's number of fallback characters to skip. */
static void put_unit(struct rtf *r, long n)
{
    uint32_t u = (uint32_t)(n < 0 ? n + 65536 : n) & 0xFFFF;
    flush_lead(r);
    r->fallback = r->cur.uc;
    if (!text_read(r) || u == 0)
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

/* What a control word this reader acts on does. */
enum act {
    SKIP,     /* a destination whose group holds no body text */
    CHAR,     /* stands for the character c */
    UNICODE,  /* \uN */
    FALLBACK, /* \ucN */
    BINARY,   /* \binN */
    DELETED,  /* a revision mark: "\deleted0" ends it */
    HIDDEN,   /* "\v0" ends it */
    PLAIN,    /* character formatting back to defaults */
    FONTTBL,  /* no text, but the fonts' code pages */
    FONT,     /* \fN: a font described, or the font of the text */
    CHARSET,  /* \fcharsetN of the font described */
    FONT_CP,  /* \cpgN: the font described's own code page */
    ANSI_CP,  /* \ansicpgN: the document's code page */
    DEFF,     /* \deffN: the default font */
};

struct known {
    const char *word;
    enum act act;
    uint32_t c; /* CHAR's character */
};

static struct known known[] = {
    {"u", UNICODE, 0},
    {"uc", FALLBACK, 0},
    {"bin", BINARY, 0},
    {"deleted", DELETED, 0},
    {"v", HIDDEN, 0},
    {"plain", PLAIN, 0},
    {"fonttbl", FONTTBL, 0},
    {"f", FONT, 0},
    {"fcharset", CHARSET, 0},
    {"cpg", FONT_CP, 0},
    {"ansicpg", ANSI_CP, 0},
    {"deff", DEFF, 0},
    {"colortbl", SKIP, 0},
    {"stylesheet", SKIP, 0},
    {"info", SKIP, 0},
    {"pict", SKIP, 0},
    {"object", SKIP, 0},
    {"objdata", SKIP, 0},
    {"header", SKIP, 0},
    {"headerl", SKIP, 0},
    {"headerr", SKIP, 0},
    {"headerf", SKIP, 0},
    {"footer", SKIP, 0},
    {"footerl", SKIP, 0},
    {"footerr", SKIP, 0},
    {"footerf", SKIP, 0},
    {"footnote", SKIP, 0},
    {"annotation", SKIP, 0},
    {"atnid", SKIP, 0},
    {"atnauthor", SKIP, 0},
    {"atndate", SKIP, 0},
    {"atnref", SKIP, 0},
    {"fldinst", SKIP, 0},
    {"themedata", SKIP, 0},
    {"colorschememapping", SKIP, 0},
    {"datastore", SKIP, 0},
    {"latentstyles", SKIP, 0},
    {"listtable", SKIP, 0},
    {"listoverridetable", SKIP, 0},
    {"rsidtbl", SKIP, 0},
    {"generator", SKIP, 0},
    {"xmlnstbl", SKIP, 0},
    {"mmathPr", SKIP, 0},
    {"pgdsctbl", SKIP, 0},
    {"filetbl", SKIP, 0},
    {"revtbl", SKIP, 0},
    {"userprops", SKIP, 0},
    {"xe", SKIP, 0},
    {"tc", SKIP, 0},
    {"txe", SKIP, 0},
    {"shp", SKIP, 0},
    {"shpinst", SKIP, 0},
    {"shppict", SKIP, 0},
    {"nonshppict", SKIP, 0},
    {"docvar", SKIP, 0},
    {"template", SKIP, 0},
    {"bkmkstart", SKIP, 0},
    {"bkmkend", SKIP, 0},
    {"listtext", SKIP, 0},
    {"pntext", SKIP, 0},
    {"pntxta", SKIP, 0},
    {"pntxtb", SKIP, 0},
    {"par", CHAR, '\n'},
    {"line", CHAR, '\n'},
    {"sect", CHAR, '\n'},
    {"page", CHAR, '\n'},
    {"cell", CHAR, '\n'},
    {"row", CHAR, '\n'},
    {"nestcell", CHAR, '\n'},
    {"nestrow", CHAR, '\n'},
    {"tab", CHAR, '\t'},
    {"emdash", CHAR, 0x2014},
    {"endash", CHAR, 0x2013},
    {"lquote", CHAR, 0x2018},
    {"rquote", CHAR, 0x2019},
    {"ldblquote", CHAR, 0x201C},
    {"rdblquote", CHAR, 0x201D},
    {"bullet", CHAR, 0x2022},
    {"emspace", CHAR, ' '},
    {"enspace", CHAR, ' '},
    {"qmspace", CHAR, ' '},
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
    struct known key = {word, SKIP, 0};
    return bsearch(&key, known, N_KNOWN, sizeof(*known), by_word);
}

/* A code page number \cpgN or \ansicpgN may give, or 0 for an impossible one. */
static uint16_t code_page(long param)
{
    return (uint16_t)(param > 1 && param < CP_DEFAULT_FONT ? param : 0);
}

/* What a control word with a parameter does to the group and the fonts (see enum act). */
static void formatting(struct rtf *r, enum act act, long param)
{
    switch (act) {
    case FALLBACK:
        r->cur.uc = (unsigned char)(param < 0 ? 0 : param > MAX_FALLBACK ? MAX_FALLBACK : param);
        break;
    case BINARY: /* raw bytes: not text */
        if (param > 0) {
            size_t left = (size_t)(r->end - r->p);
            r->p += (unsigned long)param < left ? (size_t)param : left;
        }
        break;
    case FONT:
        if (r->cur.fonttbl)
            r->defining = param;
        else
            r->cur.cp = font_cp(r, param);
        break;
    case CHARSET:
        if (r->cur.fonttbl)
            set_font_cp(r, r->defining, charset_cp(param));
        break;
    case FONT_CP:
        if (r->cur.fonttbl && code_page(param))
            set_font_cp(r, r->defining, code_page(param));
        break;
    case ANSI_CP:
        if (code_page(param))
            r->ansi_cp = code_page(param);
        break;
    case DEFF:
        r->deff = param;
        break;
    default:
        break;
    }
}

/* A control word with its parameter (has: whether it had one). */
static void control_word(struct rtf *r, const char *word, long param, bool has)
{
    const struct known *k = find_known(word);
    if (k && k->act == UNICODE && has) {
        put_unit(r, param);
        return;
    }
    r->fallback = 0;
    if (!k)
        return;
    if (k->act == SKIP)
        r->cur.skip = true;
    else if (k->act == CHAR)
        put(r, k->c);
    else if (k->act == DELETED)
        r->cur.deleted = !has || param != 0;
    else if (k->act == HIDDEN)
        r->cur.hidden = !has || param != 0;
    else if (k->act == PLAIN) {
        r->cur.deleted = r->cur.hidden = false;
        r->cur.cp = CP_DEFAULT_FONT;
    } else if (k->act == FONTTBL)
        r->cur.skip = r->cur.fonttbl = true;
    else if (has)
        formatting(r, k->act, param);
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
    else if ((c == '\\' || c == '{' || c == '}') && r->lead)
        put_byte(r, c); /* the trail byte of a two-byte character */
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
    r->cur.cp = CP_DEFAULT_FONT;
    r->ansi_cp = 1252;
    r->defining = -1;
    r->pair = (iconv_t)-1;
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
    flush_lead(r);
    if (r->high)
        jk_utf8_add(text, 0xFFFD);
    if (r->pair != (iconv_t)-1)
        iconv_close(r->pair);
    free(r->font_cp);
    free(r->tables);
    return true;
}
