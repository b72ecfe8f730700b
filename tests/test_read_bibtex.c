/* Tests of src/read_bibtex: entries, macros, accents, nested braces, unbalanced braces. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <utf8proc.h>

#include "read_bibtex.h"
#include "read_fixture.h"

#define DATA JK_TEST_DATA "/records/"

static void assert_text(const char *latex, const char *want)
{
    struct jk_buf b;
    jk_buf_init(&b);
    jk_bibtex_text(latex, strlen(latex), &b);
    assert_string_equal(b.data, want);
    jk_buf_release(&b);
}

static void test_latex_to_utf8(void **state)
{
    (void)state;
    assert_text("{\\'e}t{\\'{e}} \\`a \\^o \\~n \\=a \\.z \\\"o \\\"{u}", "été à ô ñ ā ż ö ü");
    assert_text("{\\v s}{\\v{C}} \\c{c} \\c c \\k{a} \\H{o} \\u{g} \\r{a} \\d{a}",
                "šČ ç ç ą ő ğ å ạ");
    assert_text("\\'{\\i} \\'\\i{} na\\\"{\\i}ve", "í í naïve");
    assert_text("Stra\\ss e {\\o}re \\ae{} \\AA{} {\\l}\\'od\\'z", "Straße øre æ Å łódź");
    assert_text("A \\& B, 50\\% \\$5 \\#1 a\\_b \\{x\\}", "A & B, 50% $5 #1 a_b {x}");
    assert_text("  \\emph{Deep}  {L}earning~now\n  $x$ ", "Deep Learning now x");
}

/* Every byte of s[0..) is part of a valid UTF-8 character. */
static void assert_utf8(const char *s)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t n = (utf8proc_ssize_t)strlen(s);
    for (utf8proc_ssize_t i = 0, k; i < n; i += k) {
        utf8proc_int32_t cp;
        k = utf8proc_iterate(p + i, n - i, &cp);
        assert_true(k > 0);
    }
}

/*
 * Found by fuzz/fuzz_bibtex.c, which also converts its whole input
 * (tests/data/fuzz/bibtex/backslash-non-ascii.bib): a backslash before a
 * non-ASCII character dropped only the character's first byte and left the
 * rest as invalid UTF-8.
 */
static void test_fuzz_backslash_before_non_ascii(void **state)
{
    (void)state;
    assert_text("na\\\xDE\x87ve", "na ve");
    assert_text("\\\xE2\x80\x94x \\\xF0\x9F\x98\x80", "x");
    FILE *f = fopen(JK_TEST_DATA "/fuzz/bibtex/backslash-non-ascii.bib", "rb");
    assert_non_null(f);
    char raw[1024];
    size_t n = fread(raw, 1, sizeof(raw), f);
    fclose(f);
    struct jk_buf b;
    jk_buf_init(&b);
    jk_bibtex_text(raw, n, &b);
    assert_utf8(b.data);
    assert_non_null(strstr(b.data, "Straße, na ıve,"));
    jk_buf_release(&b);
}

static void test_entries_macros_accents(void **state)
{
    (void)state;
    struct rf_got g = {0};
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_read_bibtex(DATA "refs.bib", rf_collect, &g, &d), JK_OK);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.rec[0],
                        "title=Pemetaan Literatur dengan Jaringan Kata\n"
                        "abstract=Kami memetakan istilah & frasa: škoda, ça, Straße, naïve, "
                        "50% øre.\n"
                        "keywords=bibliometrik; pemetaan sains; jaringan, kata\n"
                        "authors=Sari, Dewi; Pérez, José; Müller, Jörg\n"
                        "doi=10.1234/abc_5\nvenue=Jurnal Informatika (Edisi Khusus)\n"
                        "year=2021\ncitations=?\nline=7");
    assert_string_equal(g.rec[1], "title=Term maps for Reviews\nabstract=\nkeywords=\n"
                                  "authors=Barnes and Noble; Smith, John\ndoi=\n"
                                  "venue=Proc. of Maps\nyear=2019\ncitations=?\nline=20");
    rf_release(&g);
}

static void test_unbalanced_braces(void **state)
{
    (void)state;
    char dir[64];
    tu_mkdtemp(dir, sizeof(dir));
    struct rf_got g = {0};
    struct jk_diag d;
    jk_diag_init(&d);
    int saved = rf_stderr_begin(dir);
    enum jk_status st = jk_read_bibtex(DATA "unbalanced.bib", rf_collect, &g, &d);
    char *err = rf_stderr_end(dir, saved);
    assert_int_equal(st, JK_OK);
    assert_int_equal(g.n, 3);
    assert_non_null(strstr(g.rec[0], "title=Good one\n"));
    assert_non_null(strstr(g.rec[2], "title=Too\n"));
    assert_non_null(strstr(g.rec[2], "year=0\n"));
    assert_non_null(strstr(err, "unbalanced.bib:14: BibTeX entry 'extra' has unbalanced braces: "
                                "a '}' too many ends it at line 14"));
    assert_non_null(strstr(g.rec[1], "title=Still read\n"));
    assert_non_null(strstr(g.rec[1], "year=2012\n"));
    assert_non_null(strstr(err, "unbalanced.bib:6: BibTeX entry 'broken' has unbalanced braces"));
    assert_non_null(strstr(err, "at line 10; entry skipped"));
    free(err);
    rf_release(&g);
    tu_rmtree(dir);
}

static void test_unclosed_last_entry_and_missing_file(void **state)
{
    (void)state;
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    snprintf(path, sizeof(path), "%s/end.bib", dir);
    tu_write_str(dir, "end.bib", "@book{a, title={A}}\n@book{b,\n title = {B\n");
    struct rf_got g = {0};
    struct jk_diag d;
    jk_diag_init(&d);
    int saved = rf_stderr_begin(dir);
    enum jk_status st = jk_read_bibtex(path, rf_collect, &g, &d);
    char *err = rf_stderr_end(dir, saved);
    assert_int_equal(st, JK_OK);
    assert_int_equal(g.n, 1);
    assert_non_null(strstr(err, "end.bib:2: BibTeX entry 'b' has unbalanced"));
    assert_non_null(strstr(err, "at the end of the file"));
    free(err);
    rf_release(&g);
    assert_int_equal(jk_read_bibtex(DATA "none.bib", rf_collect, &g, &d), JK_E_INPUT);
    assert_non_null(strstr(d.msg, "none.bib"));
    tu_rmtree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_latex_to_utf8),
        cmocka_unit_test(test_fuzz_backslash_before_non_ascii),
        cmocka_unit_test(test_entries_macros_accents),
        cmocka_unit_test(test_unbalanced_braces),
        cmocka_unit_test(test_unclosed_last_entry_and_missing_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
