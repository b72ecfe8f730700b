/*
 * Tests for stage 3, tokenizing (src/tokenize.c): word boundaries and inner
 * hyphens, numbers, Unicode lower-casing, sentence ends, punctuation, reuse
 * across documents, and span invariants on large and malformed input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>

#include "tokenize.h"

struct fixture {
    struct jk_tokenizer tokenizer;
    struct jk_buf lower;
    struct jk_tokens tokens;
    char rendered[4096];
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));
    struct jk_diag diag;
    jk_diag_init(&diag);
    if (!f || jk_tokenizer_init(&f->tokenizer, &diag) != JK_OK) {
        fprintf(stderr, "tokenizer: %s\n", diag.msg);
        free(f);
        return -1;
    }
    jk_buf_init(&f->lower);
    jk_tokens_init(&f->tokens);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    jk_tokens_release(&f->tokens);
    jk_buf_release(&f->lower);
    jk_tokenizer_release(&f->tokenizer);
    jk_tokenizer_release(&f->tokenizer); /* safe to repeat */
    free(f);
    return 0;
}

/* Every span lies inside lower, in order, without overlap, and is valid UTF-8. */
static void check_spans(const struct fixture *f)
{
    size_t prev_end = 0;
    for (size_t k = 0; k < f->tokens.count; k++) {
        const struct jk_token *t = &f->tokens.items[k];
        assert_true(t->length > 0);
        assert_true(t->offset >= prev_end);
        assert_true((size_t)t->offset + t->length <= f->lower.len);
        const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)f->lower.data + t->offset;
        for (size_t i = 0; i < t->length;) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t n = utf8proc_iterate(p + i, t->length - i, &cp);
            assert_true(n > 0);
            i += (size_t)n;
        }
        if (k > 0 && t->kind == JK_TOK_SENTENCE_END)
            assert_int_not_equal(f->tokens.items[k - 1].kind, JK_TOK_SENTENCE_END);
        prev_end = t->offset + t->length;
    }
}

/* Tokenizes text (fresh token list) and renders it as "W:kerja W:sama S:." etc. */
static const char *tokenize(struct fixture *f, const char *text)
{
    static const char kinds[] = "WNPS";
    jk_tokens_clear(&f->tokens);
    jk_tokenize(&f->tokenizer, text, strlen(text), &f->lower, &f->tokens);
    check_spans(f);
    size_t used = 0;
    f->rendered[0] = '\0';
    for (size_t k = 0; k < f->tokens.count && used < sizeof(f->rendered); k++) {
        const struct jk_token *t = &f->tokens.items[k];
        const char *s = f->lower.data + t->offset;
        int len = t->kind == JK_TOK_SENTENCE_END && s[0] == '\n' ? 2 : (int)t->length;
        used += (size_t)snprintf(f->rendered + used, sizeof(f->rendered) - used, "%s%c:%.*s",
                                 k ? " " : "", kinds[t->kind], len, s[0] == '\n' ? "\\n" : s);
    }
    return f->rendered;
}

static void test_words_and_sentence_end(void **state)
{
    struct fixture *f = *state;
    assert_string_equal(tokenize(f, "kerja sama antara kota bandung dan kota seoul."),
                        "W:kerja W:sama W:antara W:kota W:bandung W:dan W:kota W:seoul S:.");
    assert_string_equal(tokenize(f, "Ya!  Benar?! Lalu; selesai..."),
                        "W:ya S:! W:benar S:? W:lalu S:; W:selesai S:...");
}

static void test_hyphens_and_apostrophes(void **state)
{
    struct fixture *f = *state;
    assert_string_equal(tokenize(f, "program-program sub-state Kujawsko-Pomorskie Jeollabuk-Do"),
                        "W:program-program W:sub-state W:kujawsko-pomorskie W:jeollabuk-do");
    assert_string_equal(tokenize(f, "NTB- dan -kata, dinas--dinas"),
                        "W:ntb P:- W:dan P:- W:kata P:, W:dinas P:- P:- W:dinas");
    assert_string_equal(tokenize(f, "Jakarta's mas' oed ‘sub-state’"),
                        "W:jakarta's W:mas P:' W:oed P:‘ W:sub-state P:’");
}

static void test_numbers(void **state)
{
    struct fixture *f = *state;
    assert_string_equal(tokenize(f, "tahun 2018, covid-19, COVID-19 1960-an 2014-2015 3.5 1,5"),
                        "W:tahun N:2018 P:, W:covid-19 P:, W:covid-19 N:1960-an N:2014-2015 "
                        "N:3.5 N:1,5");
    assert_string_equal(tokenize(f, "LP3ES G20 3rd 2016."), "W:lp3es W:g20 N:3 W:rd N:2016 S:.");
}

static void test_unicode_lower_case(void **state)
{
    struct fixture *f = *state;
    assert_string_equal(tokenize(f, "PEMERINTAH Daerah"), "W:pemerintah W:daerah");
    assert_string_equal(f->lower.data, "pemerintah daerah");
    assert_string_equal(tokenize(f, "ÜBER Straße İstanbul ΑΘΗΝΑ"),
                        "W:über W:straße W:istanbul W:αθηνα");
    /* Decomposed input is composed: E + U+0301 becomes U+00E9. */
    assert_string_equal(tokenize(f, "CAFE\xCC\x81"), "W:caf\xC3\xA9");
    assert_string_equal(f->lower.data, "caf\xC3\xA9");
}

static void test_blank_line_ends_sentence(void **state)
{
    struct fixture *f = *state;
    assert_string_equal(tokenize(f, "Abstrak\n\nPenelitian ini"),
                        "W:abstrak S:\\n W:penelitian W:ini");
    assert_string_equal(tokenize(f, "akhir.\n\n  \n\nawal"), "W:akhir S:. W:awal");
    assert_string_equal(tokenize(f, "satu\ndua"), "W:satu W:dua");
    /* No sentence end first. */
    assert_string_equal(tokenize(f, "\n\n. Awal"), "W:awal");
}

static void test_punctuation_kinds(void **state)
{
    struct fixture *f = *state;
    assert_string_equal(tokenize(f, "(SDA), kota/kabupaten: “Budaya” – 5%"),
                        "P:( W:sda P:) P:, W:kota P:/ W:kabupaten P:: P:“ W:budaya P:” P:– N:5 "
                        "P:%");
}

static void test_abbreviations(void **state)
{
    struct fixture *f = *state;
    assert_string_equal(tokenize(f, "Dr. Budi, dll. dan A.M. Hubberman, e.g. No.4 selesai."),
                        "W:dr P:. W:budi P:, W:dll P:. W:dan W:a P:. W:m P:. W:hubberman P:, "
                        "W:e P:. W:g P:. W:no P:. N:4 W:selesai S:.");
}

static void test_empty_and_append(void **state)
{
    struct fixture *f = *state;
    assert_string_equal(tokenize(f, ""), "");
    assert_int_equal(f->lower.len, 0);
    /* Tokens are appended; lower is replaced. */
    jk_tokens_clear(&f->tokens);
    jk_tokenize(&f->tokenizer, "satu dua", 8, &f->lower, &f->tokens);
    jk_tokenize(&f->tokenizer, "tiga", 4, &f->lower, &f->tokens);
    assert_int_equal(f->tokens.count, 3);
    assert_string_equal(f->lower.data, "tiga");
    assert_int_equal(f->tokens.items[2].offset, 0);
}

static void test_invalid_utf8(void **state)
{
    struct fixture *f = *state;
    const char text[] = "a\xff"
                        "b \xe2\x80 c\0d";
    jk_tokens_clear(&f->tokens);
    jk_tokenize(&f->tokenizer, text, sizeof(text) - 1, &f->lower, &f->tokens);
    check_spans(f);
    assert_int_equal(
        utf8proc_iterate((const utf8proc_uint8_t *)f->lower.data + 1, 3, &(utf8proc_int32_t){0}),
        3); /* U+FFFD */
}

/* Whether jk_tokenize says text's byte offsets hold in lower. */
static bool same_offsets(struct fixture *f, const char *text)
{
    jk_tokens_clear(&f->tokens);
    bool same = jk_tokenize(&f->tokenizer, text, strlen(text), &f->lower, &f->tokens);
    check_spans(f);
    return same;
}

/*
 * The written text's case can be read at a token's offset when jk_tokenize says so:
 * ASCII and same-length lower cases, not a Kelvin sign (3 bytes, "k" 1), a replaced
 * invalid byte or a composed accent.
 */
static void test_same_offsets(void **state)
{
    struct fixture *f = *state;
    const char *text = "Menurut (Mukti 2013), \xC3\x89TAT \xE2\x80\x9C"
                       "dan\xE2\x80\x9D "
                       "\xC3\x96lberg.";
    assert_true(same_offsets(f, text));
    const char *words[] = {"Menurut", "Mukti", "2013", "\xC3\x89TAT", "dan", "\xC3\x96lberg"};
    size_t w = 0;
    for (size_t k = 0; k < f->tokens.count; k++) {
        const struct jk_token *t = &f->tokens.items[k];
        if (t->kind == JK_TOK_WORD || t->kind == JK_TOK_NUMBER) {
            assert_true(w < 6);
            assert_int_equal(t->length, strlen(words[w]));
            assert_memory_equal(text + t->offset, words[w], t->length);
            w++;
        }
    }
    assert_int_equal(w, 6);
    assert_true(same_offsets(f, "plain ascii text"));
    assert_false(same_offsets(f, "\xE2\x84\xAA kelvin"));
    assert_false(same_offsets(f, "bad \xff byte"));
    assert_false(same_offsets(f, "caf"
                                 "e\xCC\x81 decomposed"));
}

static char *repeat(const char *unit, size_t size)
{
    size_t k = strlen(unit);
    char *s = malloc(size + 1);
    for (size_t i = 0; i < size; i++)
        s[i] = unit[i % k];
    s[size] = '\0';
    return s;
}

/* Tokenizes text into out with the C scan on or off. */
static void tokenize_mode(struct fixture *f, const char *text, size_t len, bool pcre_only,
                          struct jk_tokens *out)
{
    f->tokenizer.pcre_only = pcre_only;
    jk_tokens_clear(out);
    jk_tokenize(&f->tokenizer, text, len, &f->lower, out);
    f->tokenizer.pcre_only = false;
}

/* A 1 MB line of each shape: no crash, the right count, well under quadratic time. */
static void test_megabyte_line(void **state)
{
    struct fixture *f = *state;
    static const struct {
        const char *unit;
        size_t per_unit; /* tokens per repetition of unit, or 0 ... */
        size_t total;    /* ... then this many tokens in all */
    } shapes[] = {{"kata ", 1, 0}, {"a-", 0, 2}, {"9", 0, 1},  {"\xC3\x9C", 0, 1},
                  {".", 0, 0},     {",", 1, 0},  {"x.", 2, 0}, {"kata\n\n", 2, 0}};
    clock_t begin = clock();
    for (size_t k = 0; k < sizeof(shapes) / sizeof(shapes[0]); k++) {
        size_t unit = strlen(shapes[k].unit), reps = (1u << 20) / unit;
        char *text = repeat(shapes[k].unit, reps * unit);
        for (int pcre_only = 0; pcre_only < 2; pcre_only++) {
            tokenize_mode(f, text, reps * unit, pcre_only, &f->tokens);
            check_spans(f);
            assert_int_equal(f->tokens.count,
                             shapes[k].per_unit ? reps * shapes[k].per_unit : shapes[k].total);
        }
        free(text);
    }
    assert_true((double)(clock() - begin) / CLOCKS_PER_SEC < 30.0);
}

/*
 * The C scan for plain ASCII tokens finds exactly what the pattern alone finds: random
 * texts built from pieces at every boundary the two could disagree on (letters next to
 * digits, hyphens, apostrophes, dots, commas, dashes, marks, non-ASCII letters and
 * digits, every kind of space, blank lines, control bytes, invalid UTF-8, the bytes
 * just outside the letter ranges, words longer than eight bytes).
 */
static void test_ascii_scan_matches_pattern(void **state)
{
    struct fixture *f = *state;
    static const char *const pieces[] = {"a",
                                         "kata",
                                         "Z",
                                         "q9",
                                         "7",
                                         "2018",
                                         "0",
                                         ".",
                                         "..",
                                         "...",
                                         ",",
                                         "-",
                                         "'",
                                         "!",
                                         "?",
                                         ";",
                                         ":",
                                         "(",
                                         ")",
                                         "\"",
                                         "_",
                                         "/",
                                         " ",
                                         "  ",
                                         "\t",
                                         "\r",
                                         "\n",
                                         "\n\n",
                                         "\v",
                                         "\f",
                                         "\x01",
                                         "\x7f",
                                         "\xC3\xA9", /* e acute */
                                         "\xCC\x81", /* combining acute */
                                         "\xE2\x80\x90",
                                         "\xE2\x80\x91", /* Unicode hyphens */
                                         "\xE2\x80\x99", /* right single quote */
                                         "\xE2\x80\x93", /* en dash */
                                         "\xC2\xA0",     /* no-break space */
                                         "\xD9\xA3",     /* Arabic-Indic digit three */
                                         "\xE3\x80\x80", /* ideographic space */
                                         "\xC3",
                                         "\xFF", /* invalid UTF-8 */
                                         "Kebijakan",
                                         "paradiplomasi",
                                         "KerjasamaDaerah2019",
                                         "@", /* the bytes just outside the letter ranges */
                                         "[",
                                         "`",
                                         "{",
                                         "pelaksa-",
                                         "covid-19",
                                         "1960-an",
                                         "3.5",
                                         "1,5",
                                         "dr.",
                                         "e.g"};
    const size_t npieces = sizeof(pieces) / sizeof(pieces[0]);
    struct jk_tokens fast, slow;
    jk_tokens_init(&fast);
    jk_tokens_init(&slow);
    char text[512];
    uint64_t x = 0x9E3779B97F4A7C15u;
    for (int round = 0; round < 20000; round++) {
        size_t len = 0, count = 1 + round % 24;
        for (size_t k = 0; k < count; k++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            const char *p = pieces[x % npieces];
            memcpy(text + len, p, strlen(p));
            len += strlen(p);
        }
        tokenize_mode(f, text, len, true, &slow);
        tokenize_mode(f, text, len, false, &fast);
        assert_int_equal(fast.count, slow.count);
        for (size_t k = 0; k < fast.count; k++) {
            assert_int_equal(fast.items[k].offset, slow.items[k].offset);
            assert_int_equal(fast.items[k].length, slow.items[k].length);
            assert_int_equal(fast.items[k].kind, slow.items[k].kind);
        }
    }
    jk_tokens_release(&fast);
    jk_tokens_release(&slow);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_and_sentence_end),
        cmocka_unit_test(test_hyphens_and_apostrophes),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_unicode_lower_case),
        cmocka_unit_test(test_blank_line_ends_sentence),
        cmocka_unit_test(test_punctuation_kinds),
        cmocka_unit_test(test_abbreviations),
        cmocka_unit_test(test_empty_and_append),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_same_offsets),
        cmocka_unit_test(test_megabyte_line),
        cmocka_unit_test(test_ascii_scan_matches_pattern),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
