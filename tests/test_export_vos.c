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
#include <stdlib.h>
#include <string.h>

#include "export_vos.h"
#include "map.h"
#include "util/mem.h"

struct term_spec {
    const char *label;
    uint32_t occurrences, cluster;
    double x, y;
};

static const struct term_spec three_terms[] = {
    {"kerja sama", 12, 1, 1.25, -0.75},
    {"sister city", 7, 1, -1.0 / 3, 0.125},
    {"dinas", 3, 2, 0, 2.5},
};
static const struct jk_link three_links[] = {{0, 1, 5, 0.5}, {0, 2, 2, 1.0 / 3}};

static void build_map(struct jk_map *m, const struct term_spec *t, size_t n_terms,
                      const struct jk_link *links, size_t n_links)
{
    jk_map_init(m);
    m->terms = jk_calloc(n_terms, sizeof(*m->terms));
    m->n_terms = n_terms;
    for (size_t i = 0; i < n_terms; i++) {
        m->terms[i].label = jk_strdup(t[i].label);
        m->terms[i].occurrences = t[i].occurrences;
        m->terms[i].documents = t[i].occurrences;
        m->terms[i].cluster = t[i].cluster;
        m->terms[i].x = t[i].x;
        m->terms[i].y = t[i].y;
    }
    m->links = jk_calloc(n_links, sizeof(*m->links));
    if (n_links > 0)
        memcpy(m->links, links, n_links * sizeof(*links));
    m->n_links = n_links;
    m->n_clusters = 2;
    m->has_layout = 1;
    jk_map_link_stats(m);
}

typedef enum jk_status (*writer_fn)(const struct jk_map *, FILE *, struct jk_diag *);

static void assert_output(writer_fn fn, const struct jk_map *m, const char *expected)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(fn(m, f, &diag), JK_OK);
    assert_int_equal(fclose(f), 0);
    assert_string_equal(text, expected);
    free(text);
}

static void test_map_with_layout(void **state)
{
    (void)state;
    struct jk_map m;
    build_map(&m, three_terms, 3, three_links, 2);
    assert_output(jk_export_vos_map, &m,
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
    build_map(&m, three_terms, 3, three_links, 2);
    m.has_layout = 0;
    assert_output(jk_export_vos_map, &m,
                  "id\tlabel\tcluster\tweight<Links>\tweight<Total link strength>"
                  "\tweight<Occurrences>\n"
                  "1\tkerja sama\t1\t2\t7\t12\n"
                  "2\tsister city\t1\t1\t5\t7\n"
                  "3\tdinas\t2\t1\t2\t3\n");
    m.n_clusters = 0;
    assert_output(jk_export_vos_map, &m,
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
    build_map(&m, three_terms, 3, three_links, 2);
    m.has_layout = 0;
    m.terms[0].avg_year = 2019.4;
    m.terms[1].avg_year = NAN;
    m.terms[2].avg_year = 2020;
    m.terms[0].avg_citations = 12.5;
    m.terms[1].avg_citations = 0;
    m.terms[2].avg_citations = NAN;
    m.has_years = 1;
    m.has_citations = 1;
    assert_output(jk_export_vos_map, &m,
                  "id\tlabel\tcluster\tweight<Links>\tweight<Total link strength>"
                  "\tweight<Occurrences>\tscore<Avg. pub. year>\tscore<Avg. citations>\n"
                  "1\tkerja sama\t1\t2\t7\t12\t2019.4\t12.5\n"
                  "2\tsister city\t1\t1\t5\t7\t\t0\n"
                  "3\tdinas\t2\t1\t2\t3\t2020\t\n");
    m.has_years = 0;
    assert_output(jk_export_vos_map, &m,
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
    build_map(&m, three_terms, 3, three_links, 2);
    assert_output(jk_export_vos_network, &m, "1\t2\t5\n1\t3\t2\n");
    m.n_links = 0;
    assert_output(jk_export_vos_network, &m, "");
    jk_map_release(&m);
}

/* TAB/CR/LF become spaces; a quote makes the label quoted CSV-style. */
static void test_awkward_labels(void **state)
{
    (void)state;
    static const struct term_spec t[] = {
        {"kota\tkembar \"baru\"", 4, 1, 0.5, 0.5},
        {"dua\r\nbaris", 2, 1, -0.5, -0.5},
        {"\"", 1, 2, 0, 0},
    };
    struct jk_map m;
    build_map(&m, t, 3, three_links, 2);
    m.has_layout = 0;
    assert_output(jk_export_vos_map, &m,
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
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        skip();
    struct jk_map m;
    build_map(&m, three_terms, 3, three_links, 2);
    const writer_fn fns[] = {jk_export_vos_map, jk_export_vos_network};
    for (size_t i = 0; i < 2; i++) {
        struct jk_diag diag;
        jk_diag_init(&diag);
        assert_int_equal(fns[i](&m, f, &diag), JK_E_OUTPUT);
        assert_non_null(strstr(diag.msg, "VOSviewer"));
        clearerr(f);
    }
    fclose(f);
    jk_map_release(&m);
}

static void test_bad_link_rejected(void **state)
{
    (void)state;
    struct jk_map m;
    build_map(&m, three_terms, 3, three_links, 2);
    m.links[0].source = 7;
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_export_vos_network(&m, stdout, &diag), JK_E_INTERNAL);
    assert_non_null(strstr(diag.msg, "only 3 terms"));
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
