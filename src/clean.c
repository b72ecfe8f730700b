/*
 * Stage 2: cleaning one document (see clean.h). A first pass measures the line
 * layout (double-spaced PDF text or not); the second cleans each physical line
 * into a scratch buffer, decides how it meets the previous line (space, hyphen
 * join or boundary) and appends it to the output. Every lookup is bounded or
 * cached, so the whole is linear in the input.
 */
#include "clean.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define MARK       '\x1f' /* a hard boundary inside a cleaned line */
#define MAX_TAG    512    /* longest HTML tag or autolink, and <sup> content, looked for */
#define MAX_WORD   64     /* longest half-word weighed for a hyphen join */
#define HEAD_MAX   100    /* a heading-like line has at most this many bytes */
#define HEAD_WORDS 12     /* ... and this many words */
#define PDF_LINE   160    /* a double-spaced PDF line has at most this many bytes */

#define IS_DIGIT(ch) ((ch) >= '0' && (ch) <= '9')
#define IS_ALPHA(ch) (((ch) >= 'a' && (ch) <= 'z') || ((ch) >= 'A' && (ch) <= 'Z'))
#define IS_ALNUM(ch) (IS_DIGIT(ch) || IS_ALPHA(ch))
#define IS_SPACE(ch) ((ch) == ' ' || (ch) == '\t' || (ch) == '\r' || (ch) == '\f' || (ch) == '\v')
#define IS_HIGH(ch)  ((unsigned char)(ch) >= 0x80) /* part of a UTF-8 sequence */
#define LOWER(ch)    ((ch) >= 'A' && (ch) <= 'Z' ? (char)((ch) - 'A' + 'a') : (ch))

enum line_kind { LINE_BLANK, LINE_HARD, LINE_TEXT };

/* What the Markdown/PDF syntax at the start of a line says about it. */
struct line_info {
    enum line_kind kind; /* LINE_HARD: removed, but separates (page number, rule) */
    bool block_start;    /* boundary before: heading, list item, table row */
    bool block_end;      /* boundary after: heading, table row */
    bool enumerated;     /* began with "1." "a)" "B." "iv." */
    bool table;          /* '|' separates cells */
};

enum sep { SEP_NONE, SEP_SPACE, SEP_MARK, SEP_KEEP_HYPHEN, SEP_DROP_HYPHEN };

struct cleaner {
    struct jk_buf *out;
    struct jk_buf line;   /* the current line, cleaned */
    struct jk_buf halves; /* scratch for hyphen joins */
    jk_known_word_fn known;
    void *ctx;
    bool double_spaced;
    bool space, mark; /* separator pending inside the line */
    bool url_open;    /* a bare URL ran to the end of the previous line */
    /* the previous content line and the gap after it */
    bool have_prev, prev_block_end, prev_heading;
    bool prev_sentence; /* ends with . ! ? (closing quotes allowed), not "No." */
    bool prev_open;     /* ends with a letter, digit, ',' or '-' */
    bool prev_hyphen;   /* ends with a word and '-' */
    size_t blanks;      /* blank lines since the previous content line */
    bool hard;          /* a removed separating line since then */
};

/*
 * Per-line scan state. The next_* fields cache where the next ']', ')', ' ',
 * '\t' or "-->" lies (n if none, SIZE_MAX before the first look); a cache is
 * refreshed only once the scan has passed it, so all lookups of a line cost
 * O(line length) together.
 */
struct scan {
    size_t next_close, next_paren, next_space, next_tab, next_comment;
    size_t link_close;  /* the ']' of the open Markdown link, SIZE_MAX if none */
    size_t link_resume; /* where scanning resumes after its "(url)" */
};

/* strchr() that never matches the terminating NUL. */
static bool in_set(char ch, const char *set)
{
    return ch != '\0' && strchr(set, ch) != NULL;
}

static bool prefix_ci(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    if (n < k)
        return false;
    for (size_t i = 0; i < k; i++)
        if (LOWER(s[i]) != prefix[i])
            return false;
    return true;
}

/* Is the ASCII word w[0..n) (any case) in list, lower-case words each followed by ' '? */
static bool in_list(const char *list, const char *w, size_t n)
{
    for (const char *p = list; *p; p = strchr(p, ' ') + 1) {
        size_t k = 0;
        while (k < n && p[k] != ' ' && LOWER(w[k]) == p[k])
            k++;
        if (k == n && p[k] == ' ')
            return true;
    }
    return false;
}

/* Decodes the codepoint at s (n > 0 bytes available); -1 if invalid. *len gets its size. */
static int32_t decode(const char *s, size_t n, size_t *len)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp);
    *len = k > 0 ? (size_t)k : 1;
    return k > 0 ? cp : -1;
}

/* Decodes the codepoint that ends at s[end - 1] (end > 0); *start gets where it begins. */
static int32_t decode_back(const char *s, size_t end, size_t *start)
{
    size_t k = end - 1, len;
    while (k > 0 && end - k < 4 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    *start = k;
    int32_t cp = decode(s + k, end - k, &len);
    return k + len == end ? cp : -1;
}

static utf8proc_category_t category(int32_t cp)
{
    return cp < 0 ? UTF8PROC_CATEGORY_CN : utf8proc_category(cp);
}

static bool is_letter(int32_t cp)
{
    utf8proc_category_t cat = category(cp);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

static bool is_upper(int32_t cp)
{
    return category(cp) == UTF8PROC_CATEGORY_LU || category(cp) == UTF8PROC_CATEGORY_LT;
}

/* Letters, marks and decimal digits: what a word is made of. */
static bool is_wordish(int32_t cp)
{
    utf8proc_category_t cat = category(cp);
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME) ||
           cat == UTF8PROC_CATEGORY_ND;
}

static bool is_closer(int32_t cp)
{
    return cp == '"' || cp == '\'' || cp == ')' || cp == 0x2019 || cp == 0x201D;
}

/* Is the word ending at b[end - 1] an initial or an abbreviation ("No", "Vol", "Dr")? */
static bool abbreviation_before(const char *b, size_t end)
{
    static const char abbrev[] = "no vol hal hlm dr drs prof ir hj mr mrs ms jl st tgh kh bpk "
                                 "sdr dkk ed pp cf vs jr sr al kab kec pt op cit ";
    size_t start = end, prev, len;
    while (start > 0 && is_letter(decode_back(b, start, &prev)))
        start = prev;
    if (start == end)
        return false;
    decode(b + start, end - start, &len);
    return start + len == end || in_list(abbrev, b + start, end - start);
}

/* ---- inline markup: one line into c->line --------------------------------- */

/* Appends n bytes of text, first writing the pending space or boundary. */
static void put(struct cleaner *c, const char *s, size_t n)
{
    struct jk_buf *b = &c->line;
    if (b->len > 0 && (c->mark || c->space))
        jk_buf_addc(b, c->mark ? MARK : ' ');
    c->mark = c->space = false;
    jk_buf_add(b, s, n);
}

/* Writes one codepoint; controls and spaces become a space, invisibles and superscripts go. */
static void put_cp(struct cleaner *c, int32_t cp)
{
    if (cp == 0x2029) {
        c->mark = true;
    } else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp == 0x2028 ||
               category(cp) == UTF8PROC_CATEGORY_ZS) {
        c->space = true;
    } else if (!(cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF ||
                 cp == 0xB2 || cp == 0xB3 || cp == 0xB9 || (cp >= 0x2070 && cp <= 0x209F))) {
        utf8proc_uint8_t tmp[4];
        put(c, (const char *)tmp, (size_t)utf8proc_encode_char(cp, tmp));
    }
}

static size_t put_utf8(struct cleaner *c, const char *s, size_t n, size_t i)
{
    size_t len;
    int32_t cp = decode(s + i, n - i, &len);
    put_cp(c, cp < 0 ? 0xFFFD : cp);
    return i + len;
}

/* Index of the next ch in s[from..n), or n; *cache as in struct scan. */
static size_t next_byte(size_t *cache, const char *s, size_t n, size_t from, char ch)
{
    if (*cache == SIZE_MAX || *cache < from) {
        const char *p = from < n ? memchr(s + from, ch, n - from) : NULL;
        *cache = p ? (size_t)(p - s) : n;
    }
    return *cache;
}

/* At "<!--": the comment up to the next "-->" on the line is dropped. */
static size_t skip_comment(const char *s, size_t n, size_t i, struct scan *sc)
{
    size_t from = i + 4;
    if (sc->next_comment == SIZE_MAX || sc->next_comment < from + 2) {
        size_t gt = from + 1;
        while (gt < n && !(s[gt] == '>' && s[gt - 1] == '-' && s[gt - 2] == '-')) {
            const char *p = memchr(s + gt + 1, '>', n - gt - 1);
            gt = p ? (size_t)(p - s) : n;
        }
        sc->next_comment = gt;
    }
    return sc->next_comment < n ? sc->next_comment + 1 : i;
}

/* End of "</name>" (any case) within MAX_TAG bytes from i, or 0. */
static size_t find_close_tag(const char *s, size_t n, size_t i, const char *name)
{
    size_t lim = n - i > MAX_TAG ? i + MAX_TAG : n, k = strlen(name);
    for (size_t p = i; p + k + 3 <= lim; p++)
        if (s[p] == '<' && s[p + 1] == '/' && prefix_ci(s + p + 2, k, name) && s[p + 2 + k] == '>')
            return p + k + 3;
    return 0;
}

static bool is_autolink(const char *in, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (IS_SPACE(in[k]))
            return false;
    return prefix_ci(in, n, "http://") || prefix_ci(in, n, "https://") ||
           prefix_ci(in, n, "ftp://") || prefix_ci(in, n, "mailto:") || prefix_ci(in, n, "www.") ||
           memchr(in, '@', n) != NULL;
}

/* At '<': a tag, comment or autolink is dropped (with <sup>/<sub> content); else returns i. */
static size_t try_tag(struct cleaner *c, const char *s, size_t n, size_t i, struct scan *sc)
{
    static const char blocks[] = "p div td th tr li ul ol table blockquote h1 h2 h3 h4 h5 h6 "
                                 "caption hr dd dt thead tbody section ";
    if (i + 1 >= n || !(IS_ALPHA(s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!'))
        return i;
    if (prefix_ci(s + i, n - i, "<!--"))
        return skip_comment(s, n, i, sc);
    const char *gt = memchr(s + i + 1, '>', (n - i > MAX_TAG ? MAX_TAG : n - i) - 1);
    if (!gt)
        return i;
    const char *in = s + i + 1;
    size_t end = (size_t)(gt - s) + 1, inl = end - i - 2, name = in[0] == '/', k = name;
    if (is_autolink(in, inl))
        return end;
    while (k < inl && (IS_ALNUM(in[k]) || in[k] == '-' || in[k] == ':'))
        k++;
    if (k == name || (k < inl && !IS_SPACE(in[k]) && in[k] != '/') || memchr(in, '<', inl))
        return i;
    const char *tag = in + name;
    size_t len = k - name;
    if (in[0] != '/' && in_list("sup sub ", tag, len)) {
        size_t after = find_close_tag(s, n, end, LOWER(tag[2]) == 'p' ? "sup" : "sub");
        return after ? after : end;
    }
    c->mark |= in_list(blocks, tag, len);
    c->space |= in_list("br ", tag, len);
    return end;
}

/* Named entities worth keeping; all others are dropped. */
static const char *entity_text(const char *name, size_t n)
{
    static const char *const table[][2] = {
        {"amp", "&"},         {"lt", "<"},         {"gt", ">"},         {"quot", "\""},
        {"apos", "'"},        {"nbsp", " "},       {"ensp", " "},       {"emsp", " "},
        {"thinsp", " "},      {"ndash", "\u2013"}, {"mdash", "\u2014"}, {"hellip", "\u2026"},
        {"lsquo", "\u2018"},  {"rsquo", "\u2019"}, {"ldquo", "\u201C"}, {"rdquo", "\u201D"},
        {"laquo", "\u00AB"},  {"raquo", "\u00BB"}, {"deg", "\u00B0"},   {"times", "\u00D7"},
        {"middot", "\u00B7"}, {"bull", "\u2022"},  {"copy", "\u00A9"},  {NULL, NULL}};
    for (size_t k = 0; table[k][0]; k++)
        if (strlen(table[k][0]) == n && !memcmp(table[k][0], name, n))
            return table[k][1];
    return "";
}

/* At '&': "&amp;", "&#8211;", "&#x2013;" are decoded, unknown entities dropped; else returns i. */
static size_t try_entity(struct cleaner *c, const char *s, size_t n, size_t i)
{
    size_t j = i + 1 + (i + 1 < n && s[i + 1] == '#'), lim = n - i > 34 ? i + 34 : n;
    size_t name = j;
    while (j < lim && IS_ALNUM(s[j]))
        j++;
    if (j >= lim || s[j] != ';' || j == name)
        return i;
    if (name > i + 1) { /* numeric */
        bool hex = LOWER(s[name]) == 'x';
        char digits[12] = "", *rest;
        memcpy(digits, s + name + hex, j - name - hex < 11 ? j - name - hex : 11);
        long cp = strtol(digits, &rest, hex ? 16 : 10);
        if (*rest == '\0' && digits[0] && cp <= 0x10FFFF &&
            utf8proc_codepoint_valid((utf8proc_int32_t)cp))
            put_cp(c, (int32_t)cp);
    } else {
        const char *t = entity_text(s + name, j - name);
        if (t[0] == ' ')
            c->space = true;
        else if (t[0])
            put(c, t, strlen(t));
    }
    return j + 1;
}

/*
 * A run of '*', '_', '`' or "~~" is emphasis markup and dropped, except a
 * '*' run between spaces ("a * b") and a '_' run inside a word ("snake_case").
 */
static size_t emphasis(struct cleaner *c, const char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && s[j] == s[i])
        j++;
    bool literal;
    if (s[i] == '_')
        literal = i > 0 && (IS_ALNUM(s[i - 1]) || IS_HIGH(s[i - 1])) && j < n &&
                  (IS_ALNUM(s[j]) || IS_HIGH(s[j]));
    else
        literal = s[i] == '*' && (i == 0 || IS_SPACE(s[i - 1])) && (j == n || IS_SPACE(s[j]));
    if (literal)
        put(c, s + i, j - i);
    return j;
}

/* At '[' or "![": "[text](url)" keeps text, "![alt](url)" and "[^1]", "[12]" go; else i. */
static size_t try_link(const char *s, size_t n, size_t i, struct scan *sc)
{
    bool image = s[i] == '!';
    size_t open = i + image;
    if (open >= n || s[open] != '[')
        return i;
    size_t close = next_byte(&sc->next_close, s, n, open + 1, ']'), inl = close - open - 1;
    if (close >= n)
        return i;
    bool number = inl > 0 && inl <= 3;
    for (size_t k = open + 1; k < close && number; k++)
        number = IS_DIGIT(s[k]);
    if (!image && (number || (inl > 0 && inl <= 8 && s[open + 1] == '^')))
        return close + 1;
    if (close + 1 >= n || s[close + 1] != '(')
        return i;
    size_t paren = next_byte(&sc->next_paren, s, n, close + 2, ')');
    if (paren >= n || next_byte(&sc->next_space, s, n, close + 2, ' ') < paren ||
        next_byte(&sc->next_tab, s, n, close + 2, '\t') < paren)
        return i;
    if (image)
        return paren + 1;
    sc->link_close = close;
    sc->link_resume = paren + 1;
    return open + 1;
}

static bool is_url_byte(char ch)
{
    return (unsigned char)ch > ' ' && !IS_HIGH(ch) && !in_set(ch, "<>\"`");
}

/* End of the URL run at i, less closing punctuation; *to_eol if it reached the line end. */
static size_t url_end(const char *s, size_t n, size_t i, bool *to_eol)
{
    size_t j = i;
    while (j < n && is_url_byte(s[j]))
        j++;
    size_t k = j;
    while (k > i && in_set(s[k - 1], ".,;:!?)]'"))
        k--;
    *to_eol = j == n && k == j;
    return k;
}

/* At the start of a token: a bare URL or e-mail address is dropped; else returns i. */
static size_t skip_address(struct cleaner *c, const char *s, size_t n, size_t i)
{
    static const char *const schemes[] = {"http://", "https://", "ftp://", "www.", "mailto:", NULL};
    for (size_t k = 0; schemes[k]; k++) {
        size_t len = strlen(schemes[k]);
        if (prefix_ci(s + i, n - i, schemes[k]) && i + len < n && is_url_byte(s[i + len]))
            return url_end(s, n, i, &c->url_open);
    }
    size_t j = i, labels = 0;
    while (j < n && (IS_ALNUM(s[j]) || in_set(s[j], "._%+-")))
        j++;
    if (j == i || j >= n || s[j] != '@')
        return i;
    do { /* the domain: labels joined by dots */
        size_t start = ++j;
        while (j < n && (IS_ALNUM(s[j]) || s[j] == '-'))
            j++;
        if (j == start)
            return i;
        labels++;
    } while (j + 1 < n && s[j] == '.' && IS_ALNUM(s[j + 1]));
    return labels >= 2 ? j : i;
}

/* After a URL that broke at a line end: the next line's first run, if it looks like a path. */
static size_t skip_url_tail(const char *s, size_t n)
{
    bool to_eol;
    size_t end = url_end(s, n, 0, &to_eol);
    for (size_t k = 0; k < end; k++)
        if (in_set(s[k], "/=?%#"))
            return end;
    return 0;
}

/* Number of letters (at most max) that end at b[end - 1]. */
static size_t letters_before(const char *b, size_t end, size_t max)
{
    size_t count = 0, start;
    while (end > 0 && count < max && is_letter(decode_back(b, end, &start))) {
        end = start;
        count++;
    }
    return count;
}

/*
 * Is the digit run s[i..j) a footnote number glued to the text before it?
 * "program.1 Oleh", "NTB.7 Kerjasama", "daerah,2 dan", "Advantage”3" (after
 * punctuation that follows a word, but not "No.4", "Hal.20", "T.1") and
 * "dinas-dinas2" (after a lower-case word of 3+ letters). Never 4+ digits.
 */
static bool glued_footnote(struct cleaner *c, const char *s, size_t n, size_t i, size_t j)
{
    const char *b = c->line.data;
    size_t end = c->line.len, start, punct = 0;
    if (j - i > 3 || end == 0 || c->space || c->mark)
        return false;
    for (; end > 0 && punct < 3; end = start, punct++) {
        int32_t cp = decode_back(b, end, &start);
        if (!is_closer(cp) && !(cp > 0 && cp < 0x80 && in_set((char)cp, ".,;:!?")))
            break;
    }
    bool eol = j == n || IS_SPACE(s[j]) || s[j] == '<';
    if (punct > 0)
        return eol && letters_before(b, end, 2) == 2 && !abbreviation_before(b, end);
    bool lower = category(decode_back(b, end, &start)) == UTF8PROC_CATEGORY_LL;
    return lower && letters_before(b, end, 3) == 3 && (eol || in_set(s[j], ".,;:)!?"));
}

/* "\\*" is a literal '*'; a backslash ending a line (a Markdown hard break) goes. */
static size_t escape(struct cleaner *c, const char *s, size_t n, size_t i)
{
    if (i + 1 == n)
        return n;
    if (!IS_HIGH(s[i + 1]) && !IS_ALNUM(s[i + 1]) && (unsigned char)s[i + 1] > ' ') {
        put(c, s + i + 1, 1);
        return i + 2;
    }
    return i;
}

/* Handles the construct at s[i] and returns the index after it. */
static size_t step(struct cleaner *c, const char *s, size_t n, size_t i, bool table,
                   struct scan *sc)
{
    char ch = s[i];
    size_t j = i;
    if (IS_HIGH(ch))
        return put_utf8(c, s, n, i);
    if ((unsigned char)ch <= ' ' || ch == 0x7f || (table && ch == '|')) {
        c->mark |= ch == '\t' || ch == '|'; /* table cells */
        c->space = true;
        return i + 1;
    }
    if (ch == '<')
        j = try_tag(c, s, n, i, sc);
    else if (ch == '&')
        j = try_entity(c, s, n, i);
    else if (ch == '*' || ch == '_' || ch == '`' || (ch == '~' && i + 1 < n && s[i + 1] == '~'))
        j = emphasis(c, s, n, i);
    else if (ch == '[' || ch == '!')
        j = try_link(s, n, i, sc);
    else if (ch == '\\')
        j = escape(c, s, n, i);
    else if (IS_ALNUM(ch) &&
             (i == 0 || (!IS_ALNUM(s[i - 1]) && !in_set(s[i - 1], "._%+-@/:=&?#~"))))
        j = skip_address(c, s, n, i); /* only where an address can begin */
    if (j != i)
        return j;
    while (j < n && IS_DIGIT(s[j]))
        j++;
    if (j > i && glued_footnote(c, s, n, i, j))
        return j;
    j = j > i ? j : i + 1;
    put(c, s + i, j - i);
    return j;
}

static void clean_inline(struct cleaner *c, const char *s, size_t n, bool table)
{
    struct scan sc = {SIZE_MAX, SIZE_MAX, SIZE_MAX, SIZE_MAX, SIZE_MAX, SIZE_MAX, 0};
    size_t i = c->url_open ? skip_url_tail(s, n) : 0;
    jk_buf_clear(&c->line);
    c->space = c->mark = c->url_open = false;
    while (i < n) {
        if (i == sc.link_close) {
            i = sc.link_resume;
            sc.link_close = SIZE_MAX;
        } else {
            i = step(c, s, n, i, table, &sc);
        }
    }
}

/* ---- line syntax ---------------------------------------------------------- */

static size_t skip_ws(const char *s, size_t i, size_t n)
{
    while (i < n && IS_SPACE(s[i]))
        i++;
    return i;
}

static size_t trim_end(const char *s, size_t a, size_t e)
{
    while (e > a && IS_SPACE(s[e - 1]))
        e--;
    return e;
}

/* "123" alone (a page or footnote number), or a rule: "---", "* * *", "===", ".....". */
static bool is_separator(const char *s, size_t n)
{
    size_t digits = 0, marks = 0, spaces = 0;
    for (size_t k = 0; k < n; k++) {
        digits += IS_DIGIT(s[k]);
        marks += s[k] == s[0];
        spaces += IS_SPACE(s[k]);
    }
    if (digits == n)
        return n <= 3;
    return in_set(s[0], "-*_=.") && marks >= 3 && marks + spaces == n;
}

/* Length of an enumerator "1." "12)" "a." "B)" "iv." at s[i] (before its space), or 0. */
static size_t enumerator(const char *s, size_t i, size_t e)
{
    size_t k = i;
    if (IS_DIGIT(s[i]))
        while (k < e && k - i < 2 && IS_DIGIT(s[k]))
            k++;
    else if (in_set(s[i], "IVXivx"))
        while (k < e && k - i < 4 && in_set(s[k], "IVXivx"))
            k++;
    else if (IS_ALPHA(s[i]))
        k = i + 1;
    if (k == i || k >= e || (s[k] != '.' && s[k] != ')'))
        return 0;
    return k + 1 - i;
}

/* Strips a '#' heading mark, list bullet or enumerator at s[i]; returns where the text starts. */
static size_t block_marker(const char *s, size_t i, size_t *e, struct line_info *li)
{
    size_t k = 0;
    while (s[i] == '#' && i + k < *e && s[i + k] == '#' && k < 7)
        k++;
    if (k > 0 && k < 7 && (i + k == *e || IS_SPACE(s[i + k]))) { /* "## Judul ##" */
        size_t end = *e;
        while (end > i + k && s[end - 1] == '#')
            end--;
        if (end == i + k || IS_SPACE(s[end - 1]))
            *e = trim_end(s, i + k, end);
        li->block_start = li->block_end = true;
        return skip_ws(s, i + k, *e);
    }
    k = enumerator(s, i, *e);
    li->enumerated = k > 0;
    k = k ? k : in_set(s[i], "-*+") ? 1 : prefix_ci(s + i, *e - i, "\u2022") ? 3 : 0;
    if (k == 0 || i + k >= *e || !IS_SPACE(s[i + k])) {
        li->enumerated = false;
        return i;
    }
    li->block_start = true;
    return skip_ws(s, i + k, *e);
}

/* Classifies the line s[0..n) and sets [*a, *b) to the text after its markers. */
static void classify(const char *s, size_t n, struct line_info *li, size_t *a, size_t *b)
{
    memset(li, 0, sizeof(*li));
    size_t i = skip_ws(s, 0, n), e = trim_end(s, i, n);
    li->kind = i < e && is_separator(s + i, e - i) ? LINE_HARD : LINE_TEXT;
    while (li->kind == LINE_TEXT && i < e && s[i] == '>') /* block quote */
        i = skip_ws(s, i + 1, e);
    if (i == e)
        li->kind = LINE_BLANK;
    if (li->kind == LINE_TEXT && s[i] == '|') {
        li->table = li->block_start = li->block_end = true;
        bool rule = memchr(s + i, '-', e - i) != NULL;
        for (size_t k = i; k < e && rule; k++)
            rule = in_set(s[k], "|-: \t");
        li->kind = rule ? LINE_HARD : LINE_TEXT;
    } else if (li->kind == LINE_TEXT) {
        i = block_marker(s, i, &e, li);
    }
    if (li->kind == LINE_TEXT && memchr(s + i, '\t', e - i)) /* a tab-separated table row */
        li->block_start = li->block_end = true;
    *a = i;
    *b = e;
}

/*
 * Double-spaced PDF text: of at least 8 plain lines, 60 % are short and
 * followed by exactly one blank line, and most of those end mid-sentence.
 * Markdown paragraphs are long lines, so they do not qualify.
 */
static bool detect_double_spaced(const char *s, size_t n)
{
    size_t counted = 0, wrapped = 0, open = 0, blanks = 0, pos = 0;
    bool pending = false, pending_open = false;
    while (pos < n) {
        const char *nl = memchr(s + pos, '\n', n - pos);
        size_t end = nl ? (size_t)(nl - s) : n, a = skip_ws(s, pos, end), e = trim_end(s, a, end);
        pos = end + 1;
        if (a == e) {
            blanks++;
            continue;
        }
        wrapped += pending && blanks == 1;
        open += pending && blanks == 1 && pending_open;
        pending = false;
        blanks = 0;
        if (in_set(s[a], "#|>") || is_separator(s + a, e - a))
            continue;
        counted++;
        pending = e - a <= PDF_LINE;
        pending_open = !in_set(s[e - 1], ".!?:;");
    }
    return counted >= 8 && wrapped * 10 >= counted * 6 && open * 2 >= wrapped;
}

/* ---- joining lines -------------------------------------------------------- */

/* Appends s lower-cased, codepoint by codepoint. */
static void add_lower(struct jk_buf *b, const char *s, size_t n)
{
    for (size_t i = 0, len; i < n; i += len) {
        int32_t cp = decode(s + i, n - i, &len);
        utf8proc_uint8_t tmp[4];
        utf8proc_ssize_t k = utf8proc_encode_char(utf8proc_tolower(cp < 0 ? 0xFFFD : cp), tmp);
        jk_buf_add(b, tmp, (size_t)k);
    }
}

/* Lower-case halves l, r: "dinas-dinas", "negara-negaranya", "bermain-main". */
static bool reduplication(const char *l, size_t ln, const char *r, size_t rn)
{
    static const char *const suffixes[] = {"", "nya", "kan", "an", "i", "lah", "ku", "mu", NULL};
    for (size_t k = 0; suffixes[k]; k++) {
        size_t sl = strlen(suffixes[k]), stem = rn - sl;
        if (rn < sl || memcmp(r + stem, suffixes[k], sl) != 0)
            continue;
        if (stem == ln && !memcmp(r, l, ln))
            return true;
        if (stem >= 3 && stem < ln && !memcmp(l + ln - stem, r, stem))
            return true;
    }
    return false;
}

/* Asks known() about left + mid + right; c->halves holds the two lower-case halves. */
static bool ask_known(struct cleaner *c, size_t ln, const char *mid)
{
    struct jk_buf *b = &c->halves;
    size_t both = b->len;
    jk_buf_add(b, b->data, ln);
    jk_buf_adds(b, mid);
    jk_buf_add(b, b->data + ln, both - ln);
    bool known = c->known(c->ctx, b->data + both, b->len - both);
    jk_buf_truncate(b, both);
    return known;
}

/* The previous line ends "<word>-" and the next starts with t: how to join them. */
static enum sep hyphen_join(struct cleaner *c, const char *t, size_t n)
{
    const char *o = c->out->data;
    size_t hy = c->out->len - 1, ls = hy, rn = 0, len;
    while (ls > 0 && is_wordish(decode_back(o, ls, &len)))
        ls = len;
    while (rn < n && is_wordish(decode(t + rn, n - rn, &len)))
        rn += len;
    if (rn == 0)
        return SEP_SPACE;
    if (hy - ls > MAX_WORD || rn > MAX_WORD)
        return SEP_KEEP_HYPHEN;
    struct jk_buf *b = &c->halves;
    jk_buf_clear(b);
    add_lower(b, o + ls, hy - ls);
    size_t ln = b->len;
    add_lower(b, t, rn);
    if (reduplication(b->data, ln, b->data + ln, b->len - ln))
        return SEP_KEEP_HYPHEN;
    if (c->known && ask_known(c, ln, ""))
        return SEP_DROP_HYPHEN;
    if (c->known && ask_known(c, ln, "-"))
        return SEP_KEEP_HYPHEN;
    if (strpbrk(b->data, "0123456789") || is_upper(decode(t, n, &len)))
        return SEP_KEEP_HYPHEN;
    return SEP_DROP_HYPHEN;
}

/*
 * A heading-like line: short, no comma, no final punctuation, every word
 * capitalised but for minor words after the first ("BAB IV", "Kerjasama
 * Sister Province NTB Dengan Zhejiang 2014-2015"); after an enumerator, two
 * thirds suffice ("6. Peningkatan Kapasitas bangunan").
 */
static bool title_like(const char *t, size_t n, bool enumerated)
{
    static const char minor[] = "dan di ke dari dengan dalam untuk pada yang atau antara terhadap "
                                "oleh sebagai tentang of and the in on for to a an at by with vs ";
    if (n > HEAD_MAX || memchr(t, MARK, n) || memchr(t, ',', n))
        return false;
    size_t e = n > 1 && t[n - 1] == '-' && t[n - 2] != ' ' ? n - 1 : n, len;
    size_t words = 0, lettered = 0, caps = 0, other = 0; /* other: lower-case, not minor */
    bool last_cap = false;
    if (in_set(t[e - 1], ".;:!?"))
        return false;
    for (size_t i = 0, w; i < e; i = w + 1, words++) {
        for (w = i; w < e && t[w] != ' ';)
            w++;
        last_cap = true; /* a word without letters ("2014-2015") */
        size_t k = i, alpha = 0;
        while (k < w && !is_letter(decode(t + k, w - k, &len)))
            k += len;
        if (k == w)
            continue;
        last_cap = is_upper(decode(t + k, w - k, &len));
        while (k + alpha < w && IS_ALPHA(t[k + alpha]))
            alpha++;
        caps += last_cap;
        other += !last_cap && (lettered == 0 || !in_list(minor, t + k, alpha));
        lettered++;
    }
    if (words > HEAD_WORDS || caps == 0)
        return false;
    return enumerated ? caps * 3 >= lettered * 2 : other == 0 && last_cap;
}

static enum sep decide(struct cleaner *c, const struct line_info *li, const char *t, size_t n)
{
    size_t len;
    int32_t first = decode(t, n, &len);
    if (!c->have_prev || c->out->len == 0)
        return SEP_NONE;
    if (c->hard || c->prev_block_end || li->block_start)
        return SEP_MARK;
    if (c->prev_heading && !c->prev_hyphen && (is_upper(first) || IS_DIGIT(t[0])))
        return SEP_MARK;
    bool wrap;
    if (c->double_spaced)
        wrap = c->blanks <= 1 && !c->prev_sentence;
    else /* a blank line inside a sentence is a page break */
        wrap = c->blanks == 0 || (c->blanks == 1 && c->prev_open && !c->prev_heading &&
                                  category(first) == UTF8PROC_CATEGORY_LL);
    if (!wrap)
        return SEP_MARK;
    return c->prev_hyphen ? hyphen_join(c, t, n) : SEP_SPACE;
}

/* Sets the prev_* flags from the end of the output (which is not empty). */
static void note_tail(struct cleaner *c)
{
    const char *o = c->out->data;
    size_t start, before;
    int32_t last = decode_back(o, c->out->len, &start), cp = last;
    c->prev_hyphen = last == '-' && start > 0 && is_wordish(decode_back(o, start, &before));
    c->prev_open = is_wordish(last) || last == ',' || last == '-';
    for (int q = 0; q < 3 && start > 0 && is_closer(cp); q++)
        cp = decode_back(o, start, &start);
    c->prev_sentence = cp == '!' || cp == '?' || (cp == '.' && !abbreviation_before(o, start));
}

/* Appends the cleaned line after the separator its gap calls for. */
static void add_line(struct cleaner *c, const struct line_info *li)
{
    const char *t = c->line.data;
    size_t n = c->line.len;
    if (n == 0) { /* everything on it was debris */
        c->blanks++;
        return;
    }
    enum sep sep = decide(c, li, t, n);
    bool joined = sep == SEP_KEEP_HYPHEN || sep == SEP_DROP_HYPHEN;
    bool after_boundary = sep == SEP_NONE || sep == SEP_MARK || c->prev_sentence;
    if (sep == SEP_MARK)
        jk_buf_add(c->out, "\n\n", 2);
    else if (sep == SEP_SPACE)
        jk_buf_addc(c->out, ' ');
    else if (sep == SEP_DROP_HYPHEN)
        jk_buf_truncate(c->out, c->out->len - 1);
    bool title = title_like(t, n, li->enumerated);
    c->prev_heading = title && (joined ? c->prev_heading : after_boundary);
    for (const char *m; (m = memchr(t, MARK, n)) != NULL; n -= (size_t)(m - t) + 1, t = m + 1) {
        jk_buf_add(c->out, t, (size_t)(m - t));
        jk_buf_add(c->out, "\n\n", 2);
    }
    jk_buf_add(c->out, t, n);
    c->prev_block_end = li->block_end;
    c->have_prev = true;
    c->blanks = 0;
    c->hard = false;
    note_tail(c);
}

static void clean_line(struct cleaner *c, const char *s, size_t n)
{
    struct line_info li;
    size_t a, b;
    classify(s, n, &li, &a, &b);
    if (li.kind == LINE_BLANK) {
        c->blanks++;
    } else if (li.kind == LINE_HARD) {
        c->hard = true;
        c->url_open = false;
    } else {
        clean_inline(c, s + a, b - a, li.table);
        add_line(c, &li);
    }
}

void jk_clean(const char *text, size_t len, struct jk_buf *out, jk_known_word_fn known, void *ctx)
{
    struct cleaner c;
    memset(&c, 0, sizeof(c));
    c.out = out;
    c.known = known;
    c.ctx = ctx;
    jk_buf_init(&c.line);
    jk_buf_init(&c.halves);
    jk_buf_clear(out);
    c.double_spaced = detect_double_spaced(text, len);
    for (size_t pos = 0; pos < len;) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        clean_line(&c, text + pos, end - pos);
        pos = end + 1;
    }
    jk_buf_release(&c.halves);
    jk_buf_release(&c.line);
}
