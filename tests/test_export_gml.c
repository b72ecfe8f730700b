/*
 * Tests for export_gml: exact text for a 3-term map, GML string escaping
 * and reals, determinism, write failures; the file read back by igraph (in
 * process) and by networkx and python-igraph
 * (tests/data/export/read_formats.py, skipped without /usr/bin/python3).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <igraph.h>

#include "export_fixture.h"
#include "export_gml.h"

static void test_three_terms(void **state)
{
    (void)state;
    struct jk_map m;
    fx_build_three(&m);
    m.has_years = 1;
    m.terms[0].avg_year = 2019.5;
    m.terms[2].avg_year = 2021;
    fx_assert_output(jk_export_gml, &m,
                     "graph\n[\n  directed 0\n"
                     "  node\n  [\n    id 1\n    label \"kerja sama\"\n"
                     "    x 1.25\n    y -0.75\n    cluster 1\n"
                     "    weight_links 2\n    weight_total_link_strength 7\n"
                     "    weight_occurrences 12\n    score_avg_pub_year 2019.5\n  ]\n"
                     "  node\n  [\n    id 2\n    label \"sister city\"\n"
                     "    x -0.3333333333333333\n    y 0.125\n    cluster 1\n"
                     "    weight_links 1\n    weight_total_link_strength 5\n"
                     "    weight_occurrences 7\n  ]\n"
                     "  node\n  [\n    id 3\n    label \"dinas\"\n"
                     "    x 0.0\n    y 2.5\n    cluster 2\n"
                     "    weight_links 1\n    weight_total_link_strength 2\n"
                     "    weight_occurrences 3\n    score_avg_pub_year 2021.0\n  ]\n"
                     "  edge\n  [\n    source 1\n    target 2\n    value 5\n"
                     "    association 0.5\n  ]\n"
                     "  edge\n  [\n    source 1\n    target 3\n    value 2\n"
                     "    association 0.3333333333333333\n  ]\n"
                     "]\n");
    jk_map_release(&m);
}

static void test_no_layout_no_clusters(void **state)
{
    (void)state;
    struct jk_map m;
    fx_build_map(&m, fx_three_terms, 2, fx_three_links, 1, 0);
    m.has_layout = 0;
    fx_assert_output(jk_export_gml, &m,
                     "graph\n[\n  directed 0\n"
                     "  node\n  [\n    id 1\n    label \"kerja sama\"\n"
                     "    weight_links 1\n    weight_total_link_strength 5\n"
                     "    weight_occurrences 12\n  ]\n"
                     "  node\n  [\n    id 2\n    label \"sister city\"\n"
                     "    weight_links 1\n    weight_total_link_strength 5\n"
                     "    weight_occurrences 7\n  ]\n"
                     "  edge\n  [\n    source 1\n    target 2\n    value 5\n"
                     "    association 0.5\n  ]\n"
                     "]\n");
    jk_map_release(&m);
    jk_map_init(&m);
    fx_assert_output(jk_export_gml, &m, "graph\n[\n  directed 0\n]\n");
}

/* ASCII only: entities for '"' and '&', references for the rest. */
static void test_strings_and_reals(void **state)
{
    (void)state;
    static const struct fx_term t[] = {
        {"say \"hi\" & <b> \xC3\x9C\t\\", 1, 1, 2, 1e-5},
        {"ctl\x01 bad\xff \xF0\x9F\x98\x80", 1, 1, -3e20, 0.1},
    };
    struct jk_map m;
    fx_build_map(&m, t, 2, NULL, 0, 0);
    fx_assert_output(jk_export_gml, &m,
                     "graph\n[\n  directed 0\n"
                     "  node\n  [\n    id 1\n"
                     "    label \"say &quot;hi&quot; &amp; <b> &#220;&#9;\\\"\n"
                     "    x 2.0\n    y 1.0e-05\n"
                     "    weight_links 0\n    weight_total_link_strength 0\n"
                     "    weight_occurrences 1\n  ]\n"
                     "  node\n  [\n    id 2\n"
                     "    label \"ctl&#65533; bad&#65533; &#128512;\"\n"
                     "    x -3.0e+20\n    y 0.1\n"
                     "    weight_links 0\n    weight_total_link_strength 0\n"
                     "    weight_occurrences 1\n  ]\n"
                     "]\n");
    jk_map_release(&m);
}

static void test_deterministic(void **state)
{
    (void)state;
    struct jk_map m;
    fx_build_hostile(&m, 1);
    size_t len = 0;
    char *a = fx_write_twice(jk_export_gml, &m, &len);
    for (size_t i = 0; i < len; i++)
        assert_true((unsigned char)a[i] < 0x80);
    free(a);
    jk_map_release(&m);
}

/* igraph's own GML reader (the C library we link) gets nodes, edges, keys. */
static void test_igraph_reads_back(void **state)
{
    (void)state;
    struct fx_igraph r;
    /* igraph 0.10 decodes only XML's five named entities and warns about "&#9;" */
    fx_igraph_read(&r, jk_export_gml, igraph_read_graph_gml, igraph_warning_handler_ignore);
    assert_string_equal(VAS(&r.g, "label", 1), "a<b & \"c\" 'd'");
    assert_true(VAN(&r.g, "weight_occurrences", 2) == 18);
    assert_true(VAN(&r.g, "score_avg_pub_year", 2) == 2012.5);
    assert_true(isnan(VAN(&r.g, "score_avg_pub_year", 1)));
    assert_true(EAN(&r.g, "value", 1) == 7);
    fx_igraph_release(&r);
}

static void test_python_reads_back(void **state)
{
    (void)state;
    fx_check_python_reads_back(jk_export_gml, "gml", "networkx");
}

static void test_write_failure(void **state)
{
    (void)state;
    fx_check_write_failure(jk_export_gml, "GML");
}

static void test_bad_link_rejected(void **state)
{
    (void)state;
    struct jk_map m;
    fx_build_three(&m);
    m.links[0].source = 9;
    fx_assert_fails(jk_export_gml, &m, stdout, JK_E_INTERNAL, NULL);
    jk_map_release(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_three_terms),       cmocka_unit_test(test_no_layout_no_clusters),
        cmocka_unit_test(test_strings_and_reals), cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_igraph_reads_back), cmocka_unit_test(test_python_reads_back),
        cmocka_unit_test(test_write_failure),     cmocka_unit_test(test_bad_link_rejected),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
