/* Tests of src/thesaurus: VOSviewer thesaurus files, chains, cycles, removal, errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "thesaurus.h"
#include "testutil.h"
#include "util/buf.h"

#define DATA JK_TEST_DATA "/parsers/"

/* Asserts that label maps to want (NULL: removed; == label: kept). */
static void assert_maps(const struct jk_thesaurus *t, const char *label, const char *want)
{
    const char *got = NULL;
    size_t got_len = 0;
    enum jk_thesaurus_result r = jk_thesaurus_lookup(t, label, strlen(label), &got, &got_len);
    if (!want) {
        assert_int_equal(r, JK_THES_REMOVE);
    } else if (strcmp(want, label) == 0) {
        assert_int_equal(r, JK_THES_KEEP);
    } else {
        assert_int_equal(r, JK_THES_REPLACE);
        assert_int_equal(got_len, strlen(want));
        assert_memory_equal(got, want, got_len);
        assert_int_equal(got[got_len], '\0');
    }
}

/* Writes text to a fresh folder as t.txt, loads it; the caller checks and releases. */
static enum jk_status load_text(const char *text, char *path, size_t n, struct jk_thesaurus *t,
                                struct jk_diag *d)
{
    char dir[64];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "t.txt", text);
    snprintf(path, n, "%s/t.txt", dir);
    jk_thesaurus_init(t);
    jk_diag_init(d);
    enum jk_status st = jk_thesaurus_load(t, path, d);
    tu_rmtree(dir);
    return st;
}

/* Asserts that loading text fails with a message naming t.txt:line and holding what. */
static void assert_fails_at(const char *text, int line, const char *what)
{
    char path[128], where[160];
    struct jk_thesaurus t;
    struct jk_diag d;
    assert_int_equal(load_text(text, path, sizeof(path), &t, &d), JK_E_INPUT);
    snprintf(where, sizeof(where), "%s:%d:", path, line);
    if (!strstr(d.msg, where) || !strstr(d.msg, what))
        fail_msg("message '%s' lacks '%s' or '%s'", d.msg, where, what);
    jk_thesaurus_release(&t);
}

static void test_loads_replacements_chains_and_removals(void **state)
{
    (void)state;
    struct jk_thesaurus t;
    jk_thesaurus_init(&t);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_thesaurus_load(&t, DATA "thesaurus.txt", &d), JK_OK);
    assert_string_equal(d.msg, "");
    assert_int_equal(jk_thesaurus_count(&t), 8);
    /* case and inner spacing normalised on both sides */
    assert_maps(&t, "analisa kebijakan", "analisis kebijakan");
    assert_maps(&t, "kerja sama luar negeri", "kerja sama internasional");
    /* chain: sister province -> sister cities -> sister city */
    assert_maps(&t, "sister province", "sister city");
    assert_maps(&t, "sister cities", "sister city");
    /* removal, and a chain that reaches a removal */
    assert_maps(&t, "penelitian ini", NULL);
    assert_maps(&t, "studi kasus", NULL);
    /* mapped to itself, and not listed */
    assert_maps(&t, "kota kembar", "kota kembar");
    assert_maps(&t, "sister city", "sister city");
    assert_maps(&t, "pemerintah daerah", "pemerintah daerah");
    /* spreadsheet quotes removed */
    assert_maps(&t, "paradiplomasi", "paradiplomacy");
    /* lookups take normalised labels: other spellings are not found */
    assert_maps(&t, "Analisa Kebijakan", "Analisa Kebijakan");
    jk_thesaurus_release(&t);
    jk_thesaurus_release(&t); /* safe to repeat */
}

static void test_header_any_case_bom_and_crlf(void **state)
{
    (void)state;
    struct jk_thesaurus t;
    jk_thesaurus_init(&t);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_thesaurus_load(&t, DATA "thesaurus-bom-crlf.txt", &d), JK_OK);
    assert_int_equal(jk_thesaurus_count(&t), 1);
    assert_maps(&t, "kerjasama", "kerja sama");
    jk_thesaurus_release(&t);

    char path[128];
    assert_int_equal(
        load_text("\n  \nLabel \t REPLACE  BY\t\t\nA\tb\t\t\n", path, sizeof(path), &t, &d), JK_OK);
    assert_maps(&t, "a", "b");
    jk_thesaurus_release(&t);
}

static void test_repeated_header_is_skipped(void **state)
{
    (void)state;
    char path[128];
    struct jk_thesaurus t;
    struct jk_diag d;
    assert_int_equal(
        load_text("label\treplace by\na\tb\nlabel\treplace by\nc\td\n", path, sizeof(path), &t, &d),
        JK_OK);
    assert_int_equal(jk_thesaurus_count(&t), 2);
    assert_maps(&t, "label", "label");
    jk_thesaurus_release(&t);
}

static void test_missing_header_says_to_add_it(void **state)
{
    (void)state;
    assert_fails_at("kerjasama\tkerja sama\n", 1, "label<TAB>replace by");
    assert_fails_at("\nlabel replace by\na\tb\n", 2, "VOSviewer requires it");
    char path[128];
    struct jk_thesaurus t;
    struct jk_diag d;
    assert_int_equal(load_text("\n\n", path, sizeof(path), &t, &d), JK_E_INPUT);
    assert_non_null(strstr(d.msg, "empty"));
    assert_non_null(strstr(d.msg, "label<TAB>replace by"));
    jk_thesaurus_release(&t);
}

static void test_malformed_lines_name_file_and_line(void **state)
{
    (void)state;
    const char *h = "label\treplace by\n";
    char text[256];
    snprintf(text, sizeof(text), "%sa\tb\nkerja sama  kerjasama\n", h);
    assert_fails_at(text, 3, "no tab");
    snprintf(text, sizeof(text), "%s# a comment\n", h);
    assert_fails_at(text, 2, "no comment lines");
    snprintf(text, sizeof(text), "%sa\tb\tc\n", h);
    assert_fails_at(text, 2, "3 columns");
    snprintf(text, sizeof(text), "%s \tb\n", h);
    assert_fails_at(text, 2, "label is empty");
    snprintf(text, sizeof(text), "%s\"a\tb\n", h);
    assert_fails_at(text, 2, "no closing quote");
    snprintf(text, sizeof(text), "%sa\tb\nc\td\xff\n", h);
    assert_fails_at(text, 3, "UTF-8");
    /* UTF-16 is read (see test_termfile); a file cut in half a character is an error */
    assert_fails_at("\xff\xfel", 1, "UTF-16");
}

static void test_conflicting_duplicate_names_both_lines(void **state)
{
    (void)state;
    assert_fails_at("label\treplace by\nkerja sama\tkerjasama\nx\ty\nKerja Sama\tcooperation\n", 4,
                    "on line 2");
    /* the same replacement twice is accepted */
    char path[128];
    struct jk_thesaurus t;
    struct jk_diag d;
    assert_int_equal(load_text("label\treplace by\na\tb\nA\t B\n", path, sizeof(path), &t, &d),
                     JK_OK);
    assert_int_equal(jk_thesaurus_count(&t), 1);
    jk_thesaurus_release(&t);
}

static void test_cycle_is_an_error_naming_lines(void **state)
{
    (void)state;
    struct jk_thesaurus t;
    jk_thesaurus_init(&t);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_thesaurus_load(&t, DATA "thesaurus-cycle.txt", &d), JK_E_INPUT);
    assert_non_null(strstr(d.msg, "thesaurus-cycle.txt:2:"));
    assert_non_null(strstr(d.msg, "cycle"));
    assert_non_null(strstr(d.msg, "'twin city' (line 3)"));
    assert_non_null(strstr(d.msg, "'kota kembar' (line 4)"));
    jk_thesaurus_release(&t);
    /* a cycle reached through a chain */
    assert_fails_at("label\treplace by\nx\ta\na\tb\nb\ta\n", 3, "'a' (line 3) -> 'b' (line 4)");
}

static void test_long_chain_resolves(void **state)
{
    (void)state;
    struct jk_buf b;
    jk_buf_init(&b);
    jk_buf_adds(&b, "label\treplace by\n");
    for (int i = 0; i < 5000; i++)
        jk_buf_addf(&b, "t%d\tt%d\n", i, i + 1);
    char path[128];
    struct jk_thesaurus t;
    struct jk_diag d;
    assert_int_equal(load_text(b.data, path, sizeof(path), &t, &d), JK_OK);
    assert_maps(&t, "t0", "t5000");
    assert_maps(&t, "t4999", "t5000");
    assert_maps(&t, "t5000", "t5000");
    jk_thesaurus_release(&t);
    jk_buf_release(&b);
}

static void test_missing_file(void **state)
{
    (void)state;
    struct jk_thesaurus t;
    jk_thesaurus_init(&t);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_thesaurus_load(&t, "/nonexistent/thesaurus.txt", &d), JK_E_INPUT);
    assert_non_null(strstr(d.msg, "/nonexistent/thesaurus.txt"));
    jk_thesaurus_release(&t);
    jk_thesaurus_release(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loads_replacements_chains_and_removals),
        cmocka_unit_test(test_header_any_case_bom_and_crlf),
        cmocka_unit_test(test_repeated_header_is_skipped),
        cmocka_unit_test(test_missing_header_says_to_add_it),
        cmocka_unit_test(test_malformed_lines_name_file_and_line),
        cmocka_unit_test(test_conflicting_duplicate_names_both_lines),
        cmocka_unit_test(test_cycle_is_an_error_naming_lines),
        cmocka_unit_test(test_long_chain_resolves),
        cmocka_unit_test(test_missing_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
