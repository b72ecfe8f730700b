/* Tests of src/variants: the project's standard-spelling list, lookups, malformed lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "variants.h"
#include "testutil.h"

#define DATA JK_TEST_DATA "/parsers/"

static void assert_standard(const struct jk_variants *v, const char *word, const char *want)
{
    size_t len = 12345;
    const char *got = jk_variant_standard(v, word, strlen(word), &len);
    if (!want) {
        assert_null(got);
        assert_int_equal(len, 12345); /* untouched */
        return;
    }
    assert_non_null(got);
    assert_int_equal(len, strlen(want));
    assert_string_equal(got, want);
}

static enum jk_status load_text(const char *text, char *path, size_t n, struct jk_variants *v,
                                struct jk_diag *d)
{
    char dir[64];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "v.txt", text);
    snprintf(path, n, "%s/v.txt", dir);
    jk_variants_init(v);
    jk_diag_init(d);
    enum jk_status st = jk_variants_load(v, path, d);
    tu_rmtree(dir);
    return st;
}

static void assert_fails_at(const char *text, int line, const char *what)
{
    char path[128], where[160];
    struct jk_variants v;
    struct jk_diag d;
    assert_int_equal(load_text(text, path, sizeof(path), &v, &d), JK_E_INPUT);
    snprintf(where, sizeof(where), "%s:%d:", path, line);
    if (!strstr(d.msg, where) || !strstr(d.msg, what))
        fail_msg("message '%s' lacks '%s' or '%s'", d.msg, where, what);
    jk_variants_release(&v);
}

static void test_project_list_loads_and_maps_common_variants(void **state)
{
    (void)state;
    struct jk_variants v;
    jk_variants_init(&v);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_variants_load(&v, JK_SOURCE_DIR "/stopwords/" JK_VARIANTS_FILE, &d), JK_OK);
    assert_string_equal(d.msg, "");
    assert_in_range(jk_variants_count(&v), 40, 80);
    assert_standard(&v, "analisa", "analisis");
    assert_standard(&v, "sistim", "sistem");
    assert_standard(&v, "propinsi", "provinsi");
    assert_standard(&v, "resiko", "risiko");
    assert_standard(&v, "praktek", "praktik");
    assert_standard(&v, "kwalitas", "kualitas");
    assert_standard(&v, "aktifitas", "aktivitas");
    assert_standard(&v, "efektifitas", "efektivitas");
    assert_standard(&v, "obyek", "objek");
    assert_standard(&v, "subyek", "subjek");
    assert_standard(&v, "jadual", "jadwal");
    /* standard forms and unknown words are left alone */
    assert_standard(&v, "analisis", NULL);
    assert_standard(&v, "jadwal", NULL);
    assert_standard(&v, "pemerintah", NULL);
    assert_standard(&v, "analis", NULL);
    assert_standard(&v, "analisa data", NULL);
    /* lookups take lower-case words */
    assert_standard(&v, "Analisa", NULL);
    jk_variants_release(&v);
    jk_variants_release(&v);
    jk_variants_release(NULL);
}

static void test_fixture_comments_case_bom_crlf(void **state)
{
    (void)state;
    struct jk_variants v;
    jk_variants_init(&v);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_variants_load(&v, DATA "variants.txt", &d), JK_OK);
    assert_int_equal(jk_variants_count(&v), 3);
    assert_standard(&v, "analisa", "analisis");
    assert_standard(&v, "propinsi", "provinsi");
    assert_standard(&v, "resiko", "risiko");
    jk_variants_release(&v);

    char path[128];
    assert_int_equal(load_text("\xef\xbb\xbf# list\r\n  Sistim \t Sistem\r\n# end\r\n", path,
                               sizeof(path), &v, &d),
                     JK_OK);
    assert_standard(&v, "sistim", "sistem");
    jk_variants_release(&v);
    /* the same line twice counts once */
    assert_int_equal(load_text("ijin\tizin\nIjin\tIZIN\n", path, sizeof(path), &v, &d), JK_OK);
    assert_int_equal(jk_variants_count(&v), 1);
    jk_variants_release(&v);
}

static void test_malformed_lines_name_file_and_line(void **state)
{
    (void)state;
    assert_fails_at("# c\nanalisa analisis\n", 2, "no tab");
    assert_fails_at("analisa\tanalisis\tanalysis\n", 1, "more than two columns");
    assert_fails_at("a\tb\nkerja sama\tkerjasama\n", 2, "more than one word");
    assert_fails_at("kerjasama\tkerja  sama\n", 1, "'kerja sama' is more than one word");
    assert_fails_at("\tanalisis\n", 1, "variant is empty");
    assert_fails_at("analisa\t # nothing\n", 1, "standard form is empty");
    assert_fails_at("Analisis\tanalisis\n", 1, "mapped to itself");
    assert_fails_at("resiko\trisiko\nx\ty\nresiko\tresika\n", 3, "on line 1");
    assert_fails_at("analisa\tanalisis\nanalisis\tanalysis\n", 1, "listed as a variant on line 2");
    assert_fails_at("a\tb\nc\td\xc3\xbc\xc0\xaf\n", 2, "UTF-8");
    struct jk_variants v;
    jk_variants_init(&v);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_variants_load(&v, "/nonexistent/v.txt", &d), JK_E_INPUT);
    assert_non_null(strstr(d.msg, "/nonexistent/v.txt"));
    jk_variants_release(&v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_project_list_loads_and_maps_common_variants),
        cmocka_unit_test(test_fixture_comments_case_bom_crlf),
        cmocka_unit_test(test_malformed_lines_name_file_and_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
