/*
 * Tests for export_pajek: exact text for a 3-term map with and without a
 * layout, labels made safe as documented, determinism, write failures; the
 * file read back by igraph (in process) and by networkx and python-igraph
 * (tests/data/export/read_formats.py, skipped without /usr/bin/python3).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include <igraph.h>

#include "export_fixture.h"
#include "export_pajek.h"

static void test_three_terms(void **state)
{
    (void)state;
    struct jk_map m;
    fx_build_three(&m);
    /* y is mirrored: the lowest term (y = -0.75) is at Pajek's bottom, 0.95 */
    fx_assert_output(jk_export_pajek, &m,
                     "*Vertices 3\n"
                     "1 \"kerja sama\" 0.719231 0.95 0.5\n"
                     "2 \"sister city\" 0.280769 0.707692 0.5\n"
                     "3 \"dinas\" 0.373077 0.05 0.5\n"
                     "*Edges\n"
                     "1 2 5\n"
                     "1 3 2\n");
    m.has_layout = 0;
    fx_assert_output(jk_export_pajek, &m,
                     "*Vertices 3\n"
                     "1 \"kerja sama\"\n"
                     "2 \"sister city\"\n"
                     "3 \"dinas\"\n"
                     "*Edges\n"
                     "1 2 5\n"
                     "1 3 2\n");
    jk_map_release(&m);
}

/* One term, or all terms on one spot: the middle of the square. */
static void test_degenerate_layout(void **state)
{
    (void)state;
    struct jk_map m;
    fx_build_map(&m, fx_three_terms, 1, NULL, 0, 1);
    fx_assert_output(jk_export_pajek, &m, "*Vertices 1\n1 \"kerja sama\" 0.5 0.5 0.5\n*Edges\n");
    jk_map_release(&m);
    jk_map_init(&m);
    fx_assert_output(jk_export_pajek, &m, "*Vertices 0\n*Edges\n");
}

static void test_safe_labels(void **state)
{
    (void)state;
    static const struct fx_term t[] = {
        {"say \"hi\"", 3, 1, 0, 0},
        {"back\\slash\\", 2, 1, 0, 0},
        {"tab\tnew\nline\r\x01\x7f", 1, 1, 0, 0},
        {"bad\xff \xE6\xBC", 1, 1, 0, 0},
    };
    struct jk_map m;
    fx_build_map(&m, t, 4, NULL, 0, 1);
    m.has_layout = 0;
    fx_assert_output(jk_export_pajek, &m,
                     "*Vertices 4\n"
                     "1 \"say 'hi'\"\n"
                     "2 \"back/slash/\"\n"
                     "3 \"tab new line   \"\n"
                     "4 \"bad\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD\"\n"
                     "*Edges\n");
    jk_map_release(&m);
}

static void test_deterministic(void **state)
{
    (void)state;
    struct jk_map m;
    fx_build_hostile(&m, 1);
    size_t len = 0;
    free(fx_write_twice(jk_export_pajek, &m, &len));
    jk_map_release(&m);
}

/* igraph's own Pajek reader (the C library we link) gets every vertex and edge. */
static void test_igraph_reads_back(void **state)
{
    (void)state;
    struct fx_igraph r;
    fx_igraph_read(&r, jk_export_pajek, igraph_read_graph_pajek, NULL);
    assert_string_equal(VAS(&r.g, "id", 1), "a<b & 'c' 'd'");
    assert_string_equal(VAS(&r.g, "id", 8), "trailing/");
    assert_true(VAN(&r.g, "x", 0) >= 0 && VAN(&r.g, "x", 0) <= 1);
    assert_true(EAN(&r.g, "weight", 1) == 7);
    fx_igraph_release(&r);
}

static void test_python_reads_back(void **state)
{
    (void)state;
    fx_check_python_reads_back(jk_export_pajek, "pajek", "networkx");
}

static void test_write_failure(void **state)
{
    (void)state;
    fx_check_write_failure(jk_export_pajek, "Pajek");
}

static void test_bad_link_rejected(void **state)
{
    (void)state;
    struct jk_map m;
    fx_build_three(&m);
    m.links[1].target = 3;
    fx_assert_fails(jk_export_pajek, &m, stdout, JK_E_INTERNAL, NULL);
    jk_map_release(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_three_terms),       cmocka_unit_test(test_degenerate_layout),
        cmocka_unit_test(test_safe_labels),       cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_igraph_reads_back), cmocka_unit_test(test_python_reads_back),
        cmocka_unit_test(test_write_failure),     cmocka_unit_test(test_bad_link_rejected),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
