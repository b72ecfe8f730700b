/*
 * Stage 2: cleaning one document (see clean.h). A first pass measures the line
 * layout (double-spaced PDF text or not); the second has clean_markup.c strip
 * the inline markup of each physical line, decides how the line meets the
 * previous one (space, hyphen join or boundary) and appends it to the output.
 * Every lookup is bounded or cached, so the whole is linear in the input.
 */
#include "clean.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "clean_markup.h"

#define MAX_WORD   64  /* longest half-word weighed for a hyphen join */
#define HEAD_MAX   100 /* a heading-like line has at most this many bytes */
#define HEAD_WORDS 12  /* ... and this many words */
#define PDF_LINE   160 /* a double-spaced PDF line has at most this many bytes */

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
    struct jk_markup markup; /* the current line, cleaned */
    struct jk_buf halves;    /* scratch for hyphen joins */
    jk_known_word_fn known;
    void *ctx;
    bool double_spaced;
    /* the previous content line and the gap after it */
    bool have_prev, prev_block_end, prev_heading;
    bool prev_sentence; /* ends with . ! ? (closing quotes allowed), not "No." */
    bool prev_open;     /* ends with a letter, digit, ',' or '-' */
    bool prev_hyphen;   /* ends with a word and '-' */
    size_t blanks;      /* blank lines since the previous content line */
    bool hard;          /* a removed separating line since then */
};

static bool is_upper(int32_t cp)
{
    utf8proc_category_t cat = jk_clean_category(cp);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

/* Letters, marks and decimal digits: what a word is made of. */
static bool is_wordish(int32_t cp)
{
    utf8proc_category_t cat = jk_clean_category(cp);
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME) ||
           cat == UTF8PROC_CATEGORY_ND;
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
    if (IS_DIGIT(s[0])) { /* a page number: at most 3 digits, nothing else */
        for (size_t k = 0; k < n; k++)
            if (k >= 3 || !IS_DIGIT(s[k]))
                return false;
        return true;
    }
    if (!jk_clean_in_set(s[0], "-*_=."))
        return false; /* most lines end here, unread */
    size_t marks = 0;
    for (size_t k = 0; k < n; k++) {
        if (s[k] == s[0])
            marks++;
        else if (!IS_SPACE(s[k]))
            return false;
    }
    return marks >= 3;
}

/* Length of an enumerator "1." "12)" "a." "B)" "iv." at s[i] (before its space), or 0. */
static size_t enumerator(const char *s, size_t i, size_t e)
{
    size_t k = i;
    if (IS_DIGIT(s[i]))
        while (k < e && k - i < 2 && IS_DIGIT(s[k]))
            k++;
    else if (jk_clean_in_set(s[i], "IVXivx"))
        while (k < e && k - i < 4 && jk_clean_in_set(s[k], "IVXivx"))
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
    if (k == 0 && jk_clean_in_set(s[i], "-*+"))
        k = 1;
    else if (k == 0 && jk_clean_prefix_ci(s + i, *e - i, "\u2022"))
        k = 3;
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
            rule = jk_clean_in_set(s[k], "|-: \t");
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
        if (jk_clean_in_set(s[a], "#|>") || is_separator(s + a, e - a))
            continue;
        counted++;
        pending = e - a <= PDF_LINE;
        pending_open = !jk_clean_in_set(s[e - 1], ".!?:;");
    }
    return counted >= 8 && wrapped * 10 >= counted * 6 && open * 2 >= wrapped;
}

/* ---- joining lines -------------------------------------------------------- */

/* Appends s lower-cased, codepoint by codepoint. */
static void add_lower(struct jk_buf *b, const char *s, size_t n)
{
    for (size_t i = 0, len; i < n; i += len) {
        int32_t cp = jk_clean_decode(s + i, n - i, &len);
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
    /* the copies read b->data: grow it first so that they never read a freed block */
    jk_buf_reserve(b, both + strlen(mid));
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
    while (ls > 0 && is_wordish(jk_clean_decode_back(o, ls, &len)))
        ls = len;
    while (rn < n && is_wordish(jk_clean_decode(t + rn, n - rn, &len)))
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
    if (strpbrk(b->data, "0123456789") || is_upper(jk_clean_decode(t, n, &len)))
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
    if (jk_clean_in_set(t[e - 1], ".;:!?"))
        return false;
    for (size_t i = 0, w; i < e; i = w + 1, words++) {
        for (w = i; w < e && t[w] != ' ';)
            w++;
        last_cap = true; /* a word without letters ("2014-2015") */
        size_t k = i, alpha = 0;
        while (k < w && !jk_clean_is_letter(jk_clean_decode(t + k, w - k, &len)))
            k += len;
        if (k == w)
            continue;
        last_cap = is_upper(jk_clean_decode(t + k, w - k, &len));
        while (k + alpha < w && IS_ALPHA(t[k + alpha]))
            alpha++;
        caps += last_cap;
        other += !last_cap && (lettered == 0 || !jk_clean_in_list(minor, t + k, alpha));
        lettered++;
    }
    if (words > HEAD_WORDS || caps == 0)
        return false;
    return enumerated ? caps * 3 >= lettered * 2 : other == 0 && last_cap;
}

static enum sep decide(struct cleaner *c, const struct line_info *li, const char *t, size_t n)
{
    size_t len;
    int32_t first = jk_clean_decode(t, n, &len);
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
                                  jk_clean_category(first) == UTF8PROC_CATEGORY_LL);
    if (!wrap)
        return SEP_MARK;
    return c->prev_hyphen ? hyphen_join(c, t, n) : SEP_SPACE;
}

/* Sets the prev_* flags from the end of the output (which is not empty). */
static void note_tail(struct cleaner *c)
{
    const char *o = c->out->data;
    size_t start, before;
    int32_t last = jk_clean_decode_back(o, c->out->len, &start), cp = last;
    c->prev_hyphen =
        last == '-' && start > 0 && is_wordish(jk_clean_decode_back(o, start, &before));
    c->prev_open = is_wordish(last) || last == ',' || last == '-';
    for (int q = 0; q < 3 && start > 0 && jk_clean_is_closer(cp); q++)
        cp = jk_clean_decode_back(o, start, &start);
    c->prev_sentence =
        cp == '!' || cp == '?' || (cp == '.' && !jk_clean_abbreviation_before(o, start));
}

/* Appends the cleaned line after the separator its gap calls for. */
static void add_line(struct cleaner *c, const struct line_info *li)
{
    const char *t = c->markup.line.data;
    size_t n = c->markup.line.len;
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
        c->markup.url_open = false;
    } else {
        jk_markup_scan(&c->markup, s + a, b - a, li.table);
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
    jk_markup_init(&c.markup);
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
    jk_markup_release(&c.markup);
}
