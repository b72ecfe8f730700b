/* Tests of src/read_ris: RIS records, and a record without an ER end tag. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "read_fixture.h"
#include "read_ris.h"

#define DATA JK_TEST_DATA "/records/"

static void test_two_records(void **state)
{
    (void)state;
    struct rf_got g = {0};
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_read_ris(DATA "two.ris", rf_collect, &g, &d), JK_OK);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.rec[0], "title=Pemetaan literatur dengan jaringan kata\n"
                                  "abstract=Kami memetakan istilah.\n"
                                  "keywords=bibliometrik; pemetaan sains; jaringan\n"
                                  "authors=Sari, Dewi; Putra, Adi\n"
                                  "doi=10.1234/abc.5\nvenue=Jurnal Informatika\n"
                                  "year=2021\ncitations=?\nline=1");
    assert_string_equal(g.rec[1], "title=Term maps for reviews\nabstract=Abstracts only.\n"
                                  "keywords=\nauthors=Smith, J.\ndoi=\nvenue=Proc. of Maps\n"
                                  "year=2019\ncitations=?\nline=14");
    rf_release(&g);
}

static void test_record_without_end_tag(void **state)
{
    (void)state;
    char dir[64];
    tu_mkdtemp(dir, sizeof(dir));
    struct rf_got g = {0};
    struct jk_diag d;
    jk_diag_init(&d);
    int saved = rf_stderr_begin(dir);
    enum jk_status st = jk_read_ris(DATA "no_er.ris", rf_collect, &g, &d);
    char *err = rf_stderr_end(dir, saved);
    assert_int_equal(st, JK_OK);
    assert_int_equal(g.n, 3);
    assert_non_null(strstr(g.rec[0], "title=First\n"));
    assert_non_null(strstr(g.rec[1], "title=Lost end\nabstract=Cut off.\n"));
    assert_non_null(strstr(g.rec[1], "line=5"));
    assert_non_null(strstr(g.rec[2], "title=Third\n"));
    assert_non_null(strstr(g.rec[2], "year=2018\n"));
    assert_non_null(strstr(err, "no_er.ris:5: RIS record 2 has no ER end tag"));
    assert_non_null(strstr(err, "no_er.ris:12: RIS record 4 has no ER end tag; skipped"));
    free(err);
    rf_release(&g);
    tu_rmtree(dir);
}

/*
 * A record whose lines run past jk_record_max_bytes (its ER tag missing, the rest of the
 * file one abstract's continuation) is skipped with one warning up to the next TY: the
 * records around it are read, it is never held whole.
 */
static void test_runaway_record_skipped(void **state)
{
    (void)state;
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "runaway.ris",
                 "TY  - JOUR\nTI  - First\nER  - \n"
                 "TY  - JOUR\nTI  - Runaway\nAB  - starts here\n"
                 "twenty bytes of text\ntwenty bytes of text\ntwenty bytes of text\n"
                 "twenty bytes of text\nTY  - JOUR\nTI  - Third\nER  - \n");
    snprintf(path, sizeof(path), "%s/runaway.ris", dir);
    struct rf_got g = {0};
    struct jk_diag d;
    jk_diag_init(&d);
    size_t limit = jk_record_max_bytes;
    jk_record_max_bytes = 64;
    int saved = rf_stderr_begin(dir);
    enum jk_status st = jk_read_ris(path, rf_collect, &g, &d);
    char *err = rf_stderr_end(dir, saved);
    jk_record_max_bytes = limit;
    assert_int_equal(st, JK_OK);
    assert_int_equal(g.n, 2);
    assert_non_null(strstr(g.rec[0], "title=First\n"));
    assert_non_null(strstr(g.rec[1], "title=Third\n"));
    assert_non_null(strstr(err, "runaway.ris:4: RIS record 2 runs past 0 MB of text"));
    assert_null(strstr(err, "no ER end tag")); /* one warning */
    free(err);
    rf_release(&g);
    tu_rmtree(dir);
}

static void test_missing_file(void **state)
{
    (void)state;
    struct rf_got g = {0};
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_read_ris(DATA "nope.ris", rf_collect, &g, &d), JK_E_INPUT);
    assert_non_null(strstr(d.msg, "nope.ris"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_records),
        cmocka_unit_test(test_record_without_end_tag),
        cmocka_unit_test(test_runaway_record_skipped),
        cmocka_unit_test(test_missing_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
