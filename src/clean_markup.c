/*
 * Stage 2, inline half: cleans the markup inside one physical line (see
 * clean_markup.h), byte by byte, into the line buffer. Every lookahead is
 * bounded (tags, entities, <sup> content) or cached in struct scan (the next
 * ']', ')', space, tab or "-->"), so a line costs time linear in its length.
 */
#include "clean_markup.h"

#include <stdlib.h>
#include <string.h>

#include "util/ascii.h"

#define MAX_TAG 512 /* longest HTML tag or autolink, and <sup> content, looked for */

/*
 * Per-line scan state. The next_* fields cache where the next ']', ')', ' ',
 * '\t' or "-->" lies (n if none, SIZE_MAX before the first look); a cache is
 * refreshed only once the scan has passed it, so all lookups of a line cost
 * O(line length) together.
 */
struct scan {
    size_t next_close, next_paren, next_space, next_tab, next_comment, next_at;
    size_t link_close;  /* the ']' of the open Markdown link, SIZE_MAX if none */
    size_t link_resume; /* where scanning resumes after its "(url)" */
};

/* ---- character tests shared with clean.c ---------------------------------- */

bool jk_clean_prefix_ci(const char *s, size_t n, const char *prefix)
{
    for (size_t i = 0; prefix[i]; i++)
        if (i >= n || LOWER(s[i]) != prefix[i])
            return false;
    return true;
}

bool jk_clean_in_list(const char *list, const char *w, size_t n)
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

int32_t jk_clean_decode(const char *s, size_t n, size_t *len)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp);
    *len = k > 0 ? (size_t)k : 1;
    return k > 0 ? cp : -1;
}

int32_t jk_clean_decode_back(const char *s, size_t end, size_t *start)
{
    size_t k = end - 1, len;
    while (k > 0 && end - k < 4 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    *start = k;
    int32_t cp = jk_clean_decode(s + k, end - k, &len);
    return k + len == end ? cp : -1;
}

utf8proc_category_t jk_clean_category(int32_t cp)
{
    return cp < 0 ? UTF8PROC_CATEGORY_CN : utf8proc_category(cp);
}

bool jk_clean_is_letter(int32_t cp)
{
    utf8proc_category_t cat = jk_clean_category(cp);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

bool jk_clean_is_closer(int32_t cp)
{
    return cp == '"' || cp == '\'' || cp == ')' || cp == 0x2019 || cp == 0x201D;
}

bool jk_clean_abbreviation_before(const char *b, size_t end)
{
    static const char abbrev[] = "no vol hal hlm dr drs prof ir hj mr mrs ms jl st tgh kh bpk "
                                 "sdr dkk ed pp cf vs jr sr al kab kec pt op cit ";
    size_t start = end, prev, len;
    while (start > 0 && jk_clean_is_letter(jk_clean_decode_back(b, start, &prev)))
        start = prev;
    if (start == end)
        return false;
    jk_clean_decode(b + start, end - start, &len);
    return start + len == end || jk_clean_in_list(abbrev, b + start, end - start);
}

/* ---- the scanner ---------------------------------------------------------- */

/* Appends n bytes of text, first writing the pending space or boundary. */
static void put(struct jk_markup *m, const char *s, size_t n)
{
    struct jk_buf *b = &m->line;
    if (b->len > 0 && (m->mark || m->space))
        jk_buf_addc(b, m->mark ? MARK : ' ');
    m->mark = m->space = false;
    jk_buf_add(b, s, n);
}

/* Writes one codepoint; controls and spaces become a space, invisibles and superscripts go. */
static void put_cp(struct jk_markup *m, int32_t cp)
{
    if (cp == 0x2029) {
        m->mark = true;
    } else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp == 0x2028 ||
               jk_clean_category(cp) == UTF8PROC_CATEGORY_ZS) {
        m->space = true;
    } else if (!(cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF ||
                 cp == 0xB2 || cp == 0xB3 || cp == 0xB9 || (cp >= 0x2070 && cp <= 0x209F))) {
        utf8proc_uint8_t tmp[4];
        put(m, (const char *)tmp, (size_t)utf8proc_encode_char(cp, tmp));
    }
}

static size_t put_utf8(struct jk_markup *m, const char *s, size_t n, size_t i)
{
    size_t len;
    int32_t cp = jk_clean_decode(s + i, n - i, &len);
    put_cp(m, cp < 0 ? 0xFFFD : cp);
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
        if (s[p] == '<' && s[p + 1] == '/' && jk_clean_prefix_ci(s + p + 2, k, name) &&
            s[p + 2 + k] == '>')
            return p + k + 3;
    return 0;
}

static bool is_autolink(const char *in, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (IS_SPACE(in[k]))
            return false;
    return jk_clean_prefix_ci(in, n, "http://") || jk_clean_prefix_ci(in, n, "https://") ||
           jk_clean_prefix_ci(in, n, "ftp://") || jk_clean_prefix_ci(in, n, "mailto:") ||
           jk_clean_prefix_ci(in, n, "www.") || memchr(in, '@', n) != NULL;
}

/* At '<': a tag, comment or autolink is dropped (with <sup>/<sub> content); else returns i. */
static size_t try_tag(struct jk_markup *m, const char *s, size_t n, size_t i, struct scan *sc)
{
    static const char blocks[] = "p div td th tr li ul ol table blockquote h1 h2 h3 h4 h5 h6 "
                                 "caption hr dd dt thead tbody section ";
    if (i + 1 >= n || !(IS_ALPHA(s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!'))
        return i;
    if (jk_clean_prefix_ci(s + i, n - i, "<!--"))
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
    if (in[0] != '/' && jk_clean_in_list("sup sub ", tag, len)) {
        size_t after = find_close_tag(s, n, end, LOWER(tag[2]) == 'p' ? "sup" : "sub");
        return after ? after : end;
    }
    m->mark |= jk_clean_in_list(blocks, tag, len);
    m->space |= jk_clean_in_list("br ", tag, len);
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
static size_t try_entity(struct jk_markup *m, const char *s, size_t n, size_t i)
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
            put_cp(m, (int32_t)cp);
    } else {
        const char *t = entity_text(s + name, j - name);
        if (t[0] == ' ')
            m->space = true;
        else if (t[0])
            put(m, t, strlen(t));
    }
    return j + 1;
}

/*
 * A run of '*', '_', '`' or "~~" is emphasis markup and dropped, except a
 * '*' run between spaces ("a * b") and a '_' run inside a word ("snake_case").
 */
static size_t emphasis(struct jk_markup *m, const char *s, size_t n, size_t i)
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
        put(m, s + i, j - i);
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
    return (unsigned char)ch > ' ' && !IS_HIGH(ch) && !jk_clean_in_set(ch, "<>\"`");
}

/* End of the URL run at i, less closing punctuation; *to_eol if it reached the line end. */
static size_t url_end(const char *s, size_t n, size_t i, bool *to_eol)
{
    size_t j = i;
    while (j < n && is_url_byte(s[j]))
        j++;
    size_t k = j;
    while (k > i && jk_clean_in_set(s[k - 1], ".,;:!?)]'"))
        k--;
    *to_eol = j == n && k == j;
    return k;
}

/*
 * Whether s[i..n) starts a bare DOI: "10.", a registrant code of 4 or more digits (dots
 * may part it: "10.1000.10"), "/" and a suffix ("10.31289/jppuma.v8i1.3150").
 */
static bool doi_at(const char *s, size_t n, size_t i)
{
    if (n - i < 9 || memcmp(s + i, "10.", 3) != 0)
        return false;
    size_t j = i + 3, digits = 0;
    for (; j < n && (IS_DIGIT(s[j]) || (s[j] == '.' && j + 1 < n && IS_DIGIT(s[j + 1]))); j++)
        digits += IS_DIGIT(s[j]);
    return digits >= 4 && j + 1 < n && s[j] == '/' && is_url_byte(s[j + 1]);
}

/*
 * At the start of a token: a bare URL, DOI ("doi:10.1234/abc", "10.1234/abc") or e-mail
 * address is dropped; else returns i.
 */
static size_t skip_address(struct jk_markup *m, const char *s, size_t n, size_t i, struct scan *sc)
{
    static const struct {
        const char *text;
        size_t len;
    } schemes[] = {{"http://", 7}, {"https://", 8}, {"ftp://", 6},
                   {"www.", 4},    {"mailto:", 7},  {"doi:", 4}};
    if (doi_at(s, n, i))
        return url_end(s, n, i, &m->url_open);
    char first = (char)(s[i] | 0x20); /* ASCII lower case */
    for (size_t k = 0; k < sizeof(schemes) / sizeof(*schemes); k++) {
        size_t len = schemes[k].len;
        if (first == schemes[k].text[0] && jk_clean_prefix_ci(s + i, n - i, schemes[k].text) &&
            i + len < n && is_url_byte(s[i + len]))
            return url_end(s, n, i, &m->url_open);
    }
    /* Most words are in lines without an '@': no address can follow them. */
    if (next_byte(&sc->next_at, s, n, i, '@') >= n)
        return i;
    size_t j = i, labels = 0;
    while (j < n && (IS_ALNUM(s[j]) || jk_clean_in_set(s[j], "._%+-")))
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
        if (jk_clean_in_set(s[k], "/=?%#"))
            return end;
    return 0;
}

/* Number of letters (at most max) that end at b[end - 1]. */
static size_t letters_before(const char *b, size_t end, size_t max)
{
    size_t count = 0, start;
    while (end > 0 && count < max && jk_clean_is_letter(jk_clean_decode_back(b, end, &start))) {
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
static bool glued_footnote(struct jk_markup *m, const char *s, size_t n, size_t i, size_t j)
{
    const char *b = m->line.data;
    size_t end = m->line.len, start, punct = 0;
    if (j - i > 3 || end == 0 || m->space || m->mark)
        return false;
    for (; end > 0 && punct < 3; end = start, punct++) {
        int32_t cp = jk_clean_decode_back(b, end, &start);
        if (!jk_clean_is_closer(cp) &&
            !(cp > 0 && cp < 0x80 && jk_clean_in_set((char)cp, ".,;:!?")))
            break;
    }
    bool eol = j == n || IS_SPACE(s[j]) || s[j] == '<';
    if (punct > 0)
        return eol && letters_before(b, end, 2) == 2 && !jk_clean_abbreviation_before(b, end);
    bool lower = jk_clean_category(jk_clean_decode_back(b, end, &start)) == UTF8PROC_CATEGORY_LL;
    return lower && letters_before(b, end, 3) == 3 && (eol || jk_clean_in_set(s[j], ".,;:)!?"));
}

/* "\\*" is a literal '*'; a backslash ending a line (a Markdown hard break) goes. */
static size_t escape(struct jk_markup *m, const char *s, size_t n, size_t i)
{
    if (i + 1 == n)
        return n;
    if (!IS_HIGH(s[i + 1]) && !IS_ALNUM(s[i + 1]) && (unsigned char)s[i + 1] > ' ' &&
        s[i + 1] != 0x7f) {
        put(m, s + i + 1, 1);
        return i + 2;
    }
    return i;
}

/* Can ch stand inside an address or URL, so that a token after it does not start one? */
static bool inside_address(char ch)
{
    switch (ch) {
    case '.':
    case '_':
    case '%':
    case '+':
    case '-':
    case '@':
    case '/':
    case ':':
    case '=':
    case '&':
    case '?':
    case '#':
    case '~':
        return true;
    default:
        return false;
    }
}

/* Handles the construct at s[i] and returns the index after it. */
static size_t step(struct jk_markup *m, const char *s, size_t n, size_t i, bool table,
                   struct scan *sc)
{
    char ch = s[i];
    size_t j = i;
    if (IS_HIGH(ch))
        return put_utf8(m, s, n, i);
    if ((unsigned char)ch <= ' ' || ch == 0x7f || (table && ch == '|')) {
        m->mark |= ch == '\t' || ch == '|'; /* table cells */
        m->space = true;
        return i + 1;
    }
    if (ch == '<')
        j = try_tag(m, s, n, i, sc);
    else if (ch == '&')
        j = try_entity(m, s, n, i);
    else if (ch == '*' || ch == '_' || ch == '`' || (ch == '~' && i + 1 < n && s[i + 1] == '~'))
        j = emphasis(m, s, n, i);
    else if (ch == '[' || ch == '!')
        j = try_link(s, n, i, sc);
    else if (ch == '\\')
        j = escape(m, s, n, i);
    else if (IS_ALNUM(ch) && (i == 0 || (!IS_ALNUM(s[i - 1]) && !inside_address(s[i - 1]))))
        j = skip_address(m, s, n, i, sc); /* only where an address can begin */
    if (j != i)
        return j;
    while (j < n && IS_DIGIT(s[j]))
        j++;
    if (j > i && glued_footnote(m, s, n, i, j))
        return j;
    j = j > i ? j : i + 1;
    /* the letters after a letter are plain text: none can start markup or an address (and
     * link_close is at a ']'), so the whole run is copied at once */
    if (j == i + 1 && IS_ALPHA(ch))
        j = jk_ascii_alpha_end(s, n, j);
    put(m, s + i, j - i);
    return j;
}

void jk_markup_init(struct jk_markup *m)
{
    jk_buf_init(&m->line);
    m->space = m->mark = m->url_open = false;
}

void jk_markup_release(struct jk_markup *m)
{
    if (m)
        jk_buf_release(&m->line);
}

void jk_markup_scan(struct jk_markup *m, const char *s, size_t n, bool table)
{
    struct scan sc = {.next_close = SIZE_MAX,
                      .next_paren = SIZE_MAX,
                      .next_space = SIZE_MAX,
                      .next_tab = SIZE_MAX,
                      .next_comment = SIZE_MAX,
                      .next_at = SIZE_MAX,
                      .link_close = SIZE_MAX,
                      .link_resume = 0};
    size_t i = m->url_open ? skip_url_tail(s, n) : 0;
    jk_buf_clear(&m->line);
    m->space = m->mark = m->url_open = false;
    while (i < n) {
        if (i == sc.link_close) {
            i = sc.link_resume;
            sc.link_close = SIZE_MAX;
        } else {
            i = step(m, s, n, i, table, &sc);
        }
    }
}
