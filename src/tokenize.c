/*
 * Stage 3: tokenizing (see tokenize.h). The text is lower-cased and NFC-composed
 * with utf8proc, then one PCRE2 pattern (JIT-compiled when possible) finds each
 * next token; a little C decides whether a '.' ends a sentence. Tokens that plain
 * ASCII decides (most of them: "kebijakan", "2018", ",") are found by a short C scan
 * that gives what the pattern would; it was half of the cost of reading a corpus.
 */
#include "tokenize.h"

#include <string.h>
#include <utf8proc.h>

#include "util/ascii.h"
#include "util/mem.h"

/*
 * Groups: 1 word, 2 number, 3 blank line, 4 sentence punctuation, 5 any
 * other non-space codepoint. Possessive quantifiers keep the matcher from
 * backtracking, so a megabyte-long word costs no stack or heap.
 */
static const char pattern[] =
    "(\\p{L}[\\p{L}\\p{M}\\p{Nd}]*+"
    "(?:[-\\x{2010}\\x{2011}][\\p{L}\\p{M}\\p{Nd}]++|['\\x{2019}]\\p{L}[\\p{L}\\p{M}\\p{Nd}]*+)*+)"
    "|(\\p{Nd}++(?:[.,]\\p{Nd}++)*+"
    "(?:[-\\x{2013}](?:\\p{Nd}++(?:[.,]\\p{Nd}++)*+|\\p{L}[\\p{L}\\p{M}]*+))*+)"
    "|(\\n[^\\S\\n]*+\\n)"
    "|(\\.{2,}+|[.!?;])"
    "|(\\S)";

enum { G_WORD = 1, G_NUMBER, G_BLANK, G_STOP, G_OTHER };

void jk_tokens_init(struct jk_tokens *t)
{
    t->items = NULL;
    t->count = t->cap = 0;
}

void jk_tokens_release(struct jk_tokens *t)
{
    if (!t)
        return;
    free(t->items);
    jk_tokens_init(t);
}

void jk_tokens_clear(struct jk_tokens *t)
{
    t->count = 0;
}

enum jk_status jk_tokenizer_init(struct jk_tokenizer *t, struct jk_diag *diag)
{
    int err;
    PCRE2_SIZE at;
    memset(t, 0, sizeof(*t));
    t->re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP, &err,
                          &at, NULL);
    if (!t->re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof(msg));
        return jk_error(diag, JK_E_INTERNAL,
                        "cannot compile the tokenizer pattern at offset %zu: %s; is PCRE2 built "
                        "with Unicode support?",
                        (size_t)at, (const char *)msg);
    }
    t->jit = pcre2_jit_compile(t->re, PCRE2_JIT_COMPLETE) == 0;
    t->match = pcre2_match_data_create_from_pattern(t->re, NULL);
    if (!t->match) {
        jk_tokenizer_release(t);
        return jk_error(diag, JK_E_INTERNAL, "out of memory for the tokenizer's match data");
    }
    return JK_OK;
}

void jk_tokenizer_release(struct jk_tokenizer *t)
{
    if (!t)
        return;
    pcre2_match_data_free(t->match);
    pcre2_code_free(t->re);
    memset(t, 0, sizeof(*t));
}

/*
 * Appends s[0..n) lower-cased to b; invalid UTF-8 becomes U+FFFD. Returns false if all ASCII.
 * *shifted is set when a character's lower case (or U+FFFD) takes other bytes than it did.
 */
static bool add_lower(struct jk_buf *b, const char *s, size_t n, bool *shifted)
{
    bool wide = false;
    size_t i = 0;
    while (i < n) {
        jk_buf_reserve(b, n - i); /* room for the rest if it is ASCII */
        size_t run = jk_ascii_lower_copy(b->data + b->len, s + i, n - i);
        i += run;
        b->len += run;
        b->data[b->len] = '\0';
        if (i == n)
            break;
        utf8proc_int32_t cp;
        utf8proc_ssize_t k =
            utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        utf8proc_uint8_t tmp[4];
        utf8proc_ssize_t m = utf8proc_encode_char(k > 0 ? utf8proc_tolower(cp) : 0xFFFD, tmp);
        jk_buf_add(b, tmp, (size_t)m);
        *shifted |= k <= 0 || m != k;
        i += k > 0 ? (size_t)k : 1;
        wide = true;
    }
    return wide;
}

/*
 * Lower-cases text into lower and composes it to NFC. Returns whether each byte of lower
 * is at its character's offset in text (see jk_tokenize).
 */
static bool lower_text(const char *text, size_t len, struct jk_buf *lower)
{
    jk_buf_clear(lower);
    bool shifted = false;
    if (!add_lower(lower, text, len, &shifted))
        return true; /* ASCII is already NFC */
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t n =
        utf8proc_map((const utf8proc_uint8_t *)lower->data, (utf8proc_ssize_t)lower->len, &nfc,
                     UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n >= 0) {
        shifted |= (size_t)n != lower->len || memcmp(nfc, lower->data, (size_t)n) != 0;
        jk_buf_clear(lower);
        jk_buf_add(lower, nfc, (size_t)n);
    }
    free(nfc);
    return !shifted;
}

/* Is the word s[0..n) an abbreviation whose '.' does not end a sentence? */
static bool is_abbreviation(const char *s, size_t n)
{
    /* Each padded with spaces to 4 bytes; none is longer. */
    static const char abbrev[][4] = {"dr  ", "drs ", "dra ", "prof", "ir  ", "hj  ", "h   ", "kh  ",
                                     "tgh ", "st  ", "sdr ", "bpk ", "yth ", "jl  ", "no  ", "vol ",
                                     "hal ", "hlm ", "dll ", "dsb ", "dst ", "dkk ", "tsb ", "kab ",
                                     "kec ", "kel ", "prov", "pt  ", "cv  ", "tbk ", "mr  ", "mrs ",
                                     "ms  ", "jr  ", "sr  ", "vs  ", "etc ", "al  ", "cf  ", "ed  ",
                                     "eds ", "pp  ", "fig ", "op  ", "cit ", "ibid"};
    if (n > 4)
        return false;
    char word[4] = {' ', ' ', ' ', ' '};
    memcpy(word, s, n);
    for (size_t k = 0; k < sizeof(abbrev) / sizeof(abbrev[0]); k++)
        if (!memcmp(abbrev[k], word, 4))
            return true;
    return false;
}

static size_t codepoint_len(const char *s, size_t n)
{
    size_t k = 1;
    while (k < n && ((unsigned char)s[k] & 0xC0) == 0x80)
        k++;
    return k;
}

/*
 * Kind of the stop punctuation s[start..end): ';' '!' '?' and "..." end a
 * sentence; a single '.' does unless glued to a following letter or digit
 * ("e.g", "a.b") or ending an initial or abbreviation word just before it.
 */
static enum jk_token_kind stop_kind(const char *s, size_t n, size_t start, size_t end,
                                    const struct jk_token *prev)
{
    if (end - start > 1 || s[start] != '.')
        return JK_TOK_SENTENCE_END;
    if (end < n && ((unsigned char)s[end] >= 0x80 || (s[end] >= 'a' && s[end] <= 'z') ||
                    (s[end] >= '0' && s[end] <= '9')))
        return JK_TOK_PUNCT;
    if (prev && prev->kind == JK_TOK_WORD && prev->offset + prev->length == start) {
        const char *w = s + prev->offset;
        if (codepoint_len(w, prev->length) == prev->length || is_abbreviation(w, prev->length))
            return JK_TOK_PUNCT;
    }
    return JK_TOK_SENTENCE_END;
}

static void push(struct jk_tokens *out, size_t start, size_t end, enum jk_token_kind kind)
{
    JK_GROW(out->items, out->count + 1, out->cap);
    out->items[out->count++] = (struct jk_token){(uint32_t)start, (uint32_t)(end - start), kind};
}

static int matched_group(const PCRE2_SIZE *ov, int rc)
{
    for (int g = G_WORD; g < rc; g++)
        if (ov[2 * g] != PCRE2_UNSET)
            return g;
    return G_OTHER;
}

/*
 * The pattern's match at s[pos..) when ASCII alone decides it: returns its group and end,
 * skipping the white space before it, or 0 when PCRE2 must decide (a non-ASCII byte, a
 * line feed, or a word or number that may go on: '-' '\'' '.' ','). The pattern is the
 * definition; this only answers the cases where it cannot differ (test_tokenize checks
 * both ways agree on random text).
 */
static int ascii_match(const char *s, size_t n, size_t *pos, size_t *end)
{
    size_t i = *pos;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\v' || s[i] == '\f'))
        i++;
    *pos = i;
    if (i == n || (unsigned char)s[i] >= 0x80 || s[i] == '\n')
        return 0;
    unsigned char c = (unsigned char)s[i];
    size_t j = i + 1;
    int g = G_OTHER;
    if (jk_ascii_is_word(s[i], true)) {
        bool word = !(c >= '0' && c <= '9');
        if (word)
            j = jk_ascii_alnum_end(s, n, j);
        else
            while (j < n && s[j] >= '0' && s[j] <= '9')
                j++;
        unsigned char next = j < n ? (unsigned char)s[j] : ' ';
        if (next >= 0x80 || next == '-' || (word ? next == '\'' : (next == '.' || next == ',')))
            return 0;
        g = word ? G_WORD : G_NUMBER;
    } else if (c == '.' || c == '!' || c == '?' || c == ';') {
        if (c == '.' && j < n && s[j] == '.')
            return 0;
        g = G_STOP;
    }
    *end = j;
    return g;
}

/* The next token at or after *pos: its group, start (in *pos) and end; 0 at the end. */
static int next_match(struct jk_tokenizer *t, const char *s, size_t n, size_t *pos, size_t *end)
{
    int g = t->pcre_only ? 0 : ascii_match(s, n, pos, end);
    while (!g && *pos < n) {
        int rc =
            t->jit ? pcre2_jit_match(t->re, (PCRE2_SPTR)s, n, *pos, 0, t->match, NULL)
                   : pcre2_match(t->re, (PCRE2_SPTR)s, n, *pos, PCRE2_NO_UTF_CHECK, t->match, NULL);
        if (rc == PCRE2_ERROR_NOMATCH)
            return 0;
        if (rc <= 0) { /* a resource limit: skip one codepoint and go on */
            *pos += codepoint_len(s + *pos, n - *pos);
            continue;
        }
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(t->match);
        *pos = ov[0], *end = ov[1];
        g = matched_group(ov, rc);
    }
    return g;
}

bool jk_tokenize(struct jk_tokenizer *t, const char *text, size_t len, struct jk_buf *lower,
                 struct jk_tokens *out)
{
    bool same_offsets = lower_text(text, len, lower);
    const char *s = lower->data;
    size_t n = lower->len < UINT32_MAX ? lower->len : UINT32_MAX - 1, first = out->count;
    bool may_end = false; /* a SENTENCE_END may come next */
    size_t start = 0, end;
    int g;
    while ((g = next_match(t, s, n, &start, &end)) != 0) {
        const struct jk_token *prev = out->count > first ? &out->items[out->count - 1] : NULL;
        enum jk_token_kind kind = g == G_WORD     ? JK_TOK_WORD
                                  : g == G_NUMBER ? JK_TOK_NUMBER
                                  : g == G_BLANK  ? JK_TOK_SENTENCE_END
                                  : g == G_STOP   ? stop_kind(s, n, start, end, prev)
                                                  : JK_TOK_PUNCT;
        if (kind != JK_TOK_SENTENCE_END || may_end)
            push(out, start, end, kind);
        may_end = kind != JK_TOK_SENTENCE_END;
        start = end;
    }
    return same_offsets;
}
