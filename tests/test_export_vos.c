/*
 * Tests for export_vos: exact VOSviewer map and network files for a 3-term
 * map with and without layout and clusters, labels with tabs and quotes,
 * and write failures.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>

#include "export_fixture.h"
#include "export_vos.h"

static void test_map_with_layout(void **state)
{
    (void)state;
    struct jk_map m;
    fx_build_three(&m);
    fx_assert_output(jk_export_vos_map, &m,
                     "id\tlabel\tx\ty\tcluster\tweight<Links>\tweight<Total link strength>"
                     "\tweight<Occurrences>\n"
                     "1\tkerja sama\t1.25\t-0.75\t1\t2\t7\t12\n"
                     "2\tsister city\t-0.333333\t0.125\t1\t1\t5\t7\n"
                     "3\tdinas\t0\t2.5\t2\t1\t2\t3\n");
    jk_map_release(&m);
}

static void test_map_without_layout_or_clusters(void **state)
{
    (void)state;
    struct jk_map m;
    fx_build_three(&m);
    m.has_layout = 0;
    fx_assert_output(jk_export_vos_map, &m,
                     "id\tlabel\tcluster\tweight<Links>\tweight<Total link strength>"
                     "\tweight<Occurrences>\n"
                     "1\tkerja sama\t1\t2\t7\t12\n"
                     "2\tsister city\t1\t1\t5\t7\n"
                     "3\tdinas\t2\t1\t2\t3\n");
    m.n_clusters = 0;
    fx_assert_output(jk_export_vos_map, &m,
                     "id\tlabel\tweight<Links>\tweight<Total link strength>\tweight<Occurrences>\n"
                     "1\tkerja sama\t2\t7\t12\n"
                     "2\tsister city\t1\t5\t7\n"
                     "3\tdinas\t1\t2\t3\n");
    jk_map_release(&m);
}

/* Score columns only with known averages; an unknown one is an empty cell. */
static void test_map_scores(void **state)
{
    (void)state;
    struct jk_map m;
    fx_build_three(&m);
    m.has_layout = 0;
    m.terms[0].avg_year = 2019.4;
    m.terms[1].avg_year = NAN;
    m.terms[2].avg_year = 2020;
    m.terms[0].avg_citations = 12.5;
    m.terms[1].avg_citations = 0;
    m.terms[2].avg_citations = NAN;
    m.has_years = 1;
    m.has_citations = 1;
    fx_assert_output(jk_export_vos_map, &m,
                     "id\tlabel\tcluster\tweight<Links>\tweight<Total link strength>"
                     "\tweight<Occurrences>\tscore<Avg. pub. year>\tscore<Avg. citations>\n"
                     "1\tkerja sama\t1\t2\t7\t12\t2019.4\t12.5\n"
                     "2\tsister city\t1\t1\t5\t7\t\t0\n"
                     "3\tdinas\t2\t1\t2\t3\t2020\t\n");
    m.has_years = 0;
    fx_assert_output(jk_export_vos_map, &m,
                     "id\tlabel\tcluster\tweight<Links>\tweight<Total link strength>"
                     "\tweight<Occurrences>\tscore<Avg. citations>\n"
                     "1\tkerja sama\t1\t2\t7\t12\t12.5\n"
                     "2\tsister city\t1\t1\t5\t7\t0\n"
                     "3\tdinas\t2\t1\t2\t3\t\n");
    jk_map_release(&m);
}

static void test_network(void **state)
{
    (void)state;
    struct jk_map m;
    fx_build_three(&m);
    fx_assert_output(jk_export_vos_network, &m, "1\t2\t5\n1\t3\t2\n");
    m.n_links = 0;
    fx_assert_output(jk_export_vos_network, &m, "");
    jk_map_release(&m);
}

/* TAB/CR/LF become spaces; a quote makes the label quoted CSV-style. */
static void test_awkward_labels(void **state)
{
    (void)state;
    static const struct fx_term t[] = {
        {"kota\tkembar \"baru\"", 4, 1, 0.5, 0.5},
        {"dua\r\nbaris", 2, 1, -0.5, -0.5},
        {"\"", 1, 2, 0, 0},
    };
    struct jk_map m;
    fx_build_map(&m, t, 3, fx_three_links, 2, 2);
    m.has_layout = 0;
    fx_assert_output(jk_export_vos_map, &m,
                     "id\tlabel\tcluster\tweight<Links>\tweight<Total link strength>"
                     "\tweight<Occurrences>\n"
                     "1\t\"kota kembar \"\"baru\"\"\"\t1\t2\t7\t4\n"
                     "2\tdua  baris\t1\t1\t5\t2\n"
                     "3\t\"\"\"\"\t2\t1\t2\t1\n");
    jk_map_release(&m);
}

static void test_write_failure(void **state)
{
    (void)state;
    FILE *f = fx_open_full();
    struct jk_map m;
    fx_build_three(&m);
    const fx_writer fns[] = {jk_export_vos_map, jk_export_vos_network};
    for (size_t i = 0; i < 2; i++) {
        fx_assert_fails(fns[i], &m, f, JK_E_OUTPUT, "VOSviewer");
        clearerr(f);
    }
    fclose(f);
    jk_map_release(&m);
}

static void test_bad_link_rejected(void **state)
{
    (void)state;
    struct jk_map m;
    fx_build_three(&m);
    m.links[0].source = 7;
    fx_assert_fails(jk_export_vos_network, &m, stdout, JK_E_INTERNAL, "only 3 terms");
    jk_map_release(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_map_with_layout),
        cmocka_unit_test(test_map_without_layout_or_clusters),
        cmocka_unit_test(test_map_scores),
        cmocka_unit_test(test_network),
        cmocka_unit_test(test_awkward_labels),
        cmocka_unit_test(test_write_failure),
        cmocka_unit_test(test_bad_link_rejected),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
