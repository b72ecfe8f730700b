/* Tests of src/read_vos: VOSviewer corpus files with and without a scores file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "read_fixture.h"
#include "read_vos.h"

#define DATA JK_TEST_DATA "/records/"

static void test_corpus_with_scores(void **state)
{
    (void)state;
    struct rf_got g = {0};
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_read_vos(DATA "corpus.txt", DATA "scores.txt", rf_collect, &g, &d), JK_OK);
    assert_int_equal(g.n, 3);
    assert_string_equal(g.rec[0], "title=\nabstract=Analisis jaringan kata pada skripsi.\n"
                                  "keywords=\nauthors=\ndoi=\nvenue=\nyear=2019\ncitations=12\n"
                                  "line=1");
    assert_string_equal(g.rec[1], "title=\nabstract=Term co-occurrence maps of abstracts.\n"
                                  "keywords=\nauthors=\ndoi=\nvenue=\nyear=2021\ncitations=0\n"
                                  "line=2");
    assert_string_equal(g.rec[2], "title=\nabstract=Third document here.\n"
                                  "keywords=\nauthors=\ndoi=\nvenue=\nyear=2020\ncitations=?\n"
                                  "line=4");
    rf_release(&g);
}

static void test_corpus_alone(void **state)
{
    (void)state;
    struct rf_got g = {0};
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_read_vos(DATA "corpus.txt", NULL, rf_collect, &g, &d), JK_OK);
    assert_int_equal(g.n, 3);
    assert_non_null(strstr(g.rec[2], "year=0\ncitations=?\n"));
    rf_release(&g);
}

static void test_year_label_and_count_mismatch(void **state)
{
    (void)state;
    char dir[64], corpus[128], scores[128];
    tu_mkdtemp(dir, sizeof(dir));
    snprintf(corpus, sizeof(corpus), "%s/corpus.txt", dir);
    snprintf(scores, sizeof(scores), "%s/scores.txt", dir);
    tu_write_str(dir, "corpus.txt", "one\ntwo\n");
    tu_write_str(dir, "scores.txt", "score<Year>\n2001\n2002\n");
    struct rf_got g = {0};
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_read_vos(corpus, scores, rf_collect, &g, &d), JK_OK);
    assert_int_equal(g.n, 2);
    assert_non_null(strstr(g.rec[1], "abstract=two\n"));
    assert_non_null(strstr(g.rec[1], "year=2002\n"));
    rf_release(&g);
    tu_write_str(dir, "scores.txt", "score<Year>\n2001\n");
    assert_int_equal(jk_read_vos(corpus, scores, rf_collect, &g, &d), JK_E_INPUT);
    assert_int_equal(g.n, 0);
    assert_non_null(strstr(d.msg, scores));
    assert_non_null(strstr(d.msg, corpus));
    assert_non_null(strstr(d.msg, "has 1 data lines"));
    tu_rmtree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus_with_scores),
        cmocka_unit_test(test_corpus_alone),
        cmocka_unit_test(test_year_label_and_count_mismatch),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
