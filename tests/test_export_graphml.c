/*
 * Tests for export_graphml: the file parses back with libxml2 with labels,
 * key types, counts and weights intact; output is deterministic; write
 * failures are reported; networkx and python-igraph read it (when present).
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

#include <libxml/parser.h>

#include "export_fixture.h"
#include "export_graphml.h"

#define LABEL1 "kerja sama & <b>dinas</b> \"x\" 'y' \xC3\x9C"

static const struct fx_term terms[] = {
    {LABEL1, 10, 1, 0, -1.0 / 3},
    {"a>b \xE2\x9C\x93 \xE6\xBC\xA2", 9, 1, 0.1, -1.0 / 3},
    {"dinas", 8, 2, 0.2, -1.0 / 3},
};

/* Prefix g: the GraphML namespace. */
static const char *const graphml_ns[] = {"g", "http://graphml.graphdrawing.org/xmlns", NULL};

static void build_map(struct jk_map *m, int has_layout)
{
    fx_build_map(m, terms, 3, fx_three_links, 2, 2);
    for (size_t i = 0; i < 3; i++)
        m->terms[i].documents = 8 - (uint32_t)i;
    m->has_layout = has_layout;
}

static xmlDocPtr parse_map(const struct jk_map *m)
{
    return fx_parse_output(jk_export_graphml, m, "map.graphml");
}

static void assert_xpath(xmlDocPtr doc, const char *expr, const char *want)
{
    fx_assert_xpath(doc, graphml_ns, expr, want);
}

static void test_labels_round_trip(void **state)
{
    (void)state;
    struct jk_map m;
    build_map(&m, 1);
    xmlDocPtr doc = parse_map(&m);
    assert_xpath(doc, "string(//g:node[@id='n1']/g:data[@key='label'])", LABEL1);
    assert_xpath(doc, "string(//g:node[@id='n2']/g:data[@key='label'])", terms[1].label);
    assert_xpath(doc, "string(//g:node[@id='n3']/g:data[@key='label'])", terms[2].label);
    assert_xpath(doc, "string(//g:node[3]/g:data[@key='term_id'])", "3");
    xmlFreeDoc(doc);
    jk_map_release(&m);
}

static void test_structure_and_types(void **state)
{
    (void)state;
    struct jk_map m;
    build_map(&m, 1);
    xmlDocPtr doc = parse_map(&m);
    assert_xpath(doc, "count(/g:graphml/g:graph/g:node)", "3");
    assert_xpath(doc, "count(/g:graphml/g:graph/g:edge)", "2");
    assert_xpath(doc, "string(//g:graph/@edgedefault)", "undirected");
    const char *types[][2] = {
        {"term_id", "int"},   {"label", "string"},      {"occurrences", "int"},
        {"documents", "int"}, {"links", "int"},         {"total_link_strength", "long"},
        {"cluster", "int"},   {"x", "double"},          {"y", "double"},
        {"weight", "long"},   {"association", "double"}};
    char expr[160];
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        snprintf(expr, sizeof(expr), "string(//g:key[@attr.name='%s']/@attr.type)", types[i][0]);
        assert_xpath(doc, expr, types[i][1]);
    }
    assert_xpath(doc, "string(//g:key[@attr.name='weight']/@for)", "edge");
    assert_xpath(doc, "string(//g:key[@attr.name='cluster']/@for)", "node");
    assert_xpath(doc, "string(//g:edge[1]/@source)", "n1");
    assert_xpath(doc, "string(//g:edge[2]/@target)", "n3");
    assert_xpath(doc, "string(//g:edge[1]/g:data[@key='weight'])", "5");
    assert_xpath(doc, "string(//g:edge[2]/g:data[@key='association'])", "0.3333333333333333");
    assert_xpath(doc, "string(//g:node[1]/g:data[@key='total_link_strength'])", "7");
    assert_xpath(doc, "string(//g:node[3]/g:data[@key='cluster'])", "2");
    assert_xpath(doc, "string(//g:node[2]/g:data[@key='x'])", "0.1");
    xmlFreeDoc(doc);
    jk_map_release(&m);
}

/* Edges are written as raw text in the text writer's layout, </graph> indented after them. */
static void test_edges_layout(void **state)
{
    (void)state;
    struct jk_map m;
    fx_build_three(&m);
    size_t len;
    char *text = fx_write_text(jk_export_graphml, &m, &len);
    assert_non_null(strstr(text, "    </node>\n    <edge source=\"n1\" target=\"n2\">\n"
                                 "      <data key=\"weight\">5</data>\n"
                                 "      <data key=\"association\">0.5</data>\n    </edge>\n"));
    assert_non_null(strstr(text, "<data key=\"association\">0.3333333333333333</data>\n"
                                 "    </edge>\n  </graph>\n</graphml>\n"));
    free(text);
    jk_map_release(&m);
}

static void test_no_layout(void **state)
{
    (void)state;
    struct jk_map m;
    build_map(&m, 0);
    xmlDocPtr doc = parse_map(&m);
    assert_xpath(doc, "count(//g:key[@attr.name='x' or @attr.name='y'])", "0");
    assert_xpath(doc, "count(//g:data[@key='x' or @key='y'])", "0");
    assert_xpath(doc, "count(//g:key)", "9");
    xmlFreeDoc(doc);
    jk_map_release(&m);
}

/* Averages get double keys only when known somewhere; unknown: no <data>. */
static void test_averages(void **state)
{
    (void)state;
    struct jk_map m;
    build_map(&m, 0);
    m.terms[0].avg_year = 2019.25;
    m.terms[1].avg_year = NAN;
    m.terms[2].avg_year = 2021;
    for (size_t i = 0; i < 3; i++)
        m.terms[i].avg_citations = NAN;
    m.terms[1].avg_citations = 1.0 / 3;
    m.has_years = 1;
    m.has_citations = 1;
    xmlDocPtr doc = parse_map(&m);
    assert_xpath(doc, "string(//g:key[@attr.name='avg_year']/@attr.type)", "double");
    assert_xpath(doc, "string(//g:key[@attr.name='avg_citations']/@for)", "node");
    assert_xpath(doc, "string(//g:node[1]/g:data[@key='avg_year'])", "2019.25");
    assert_xpath(doc, "count(//g:node[2]/g:data[@key='avg_year'])", "0");
    assert_xpath(doc, "string(//g:node[3]/g:data[@key='avg_year'])", "2021");
    assert_xpath(doc, "string(//g:node[2]/g:data[@key='avg_citations'])", "0.3333333333333333");
    assert_xpath(doc, "count(//g:data[@key='avg_citations'])", "1");
    xmlFreeDoc(doc);
    m.has_years = 0;
    m.has_citations = 0;
    doc = parse_map(&m);
    assert_xpath(doc, "count(//g:key[@attr.name='avg_year' or @attr.name='avg_citations'])", "0");
    assert_xpath(doc, "count(//g:data[@key='avg_year' or @key='avg_citations'])", "0");
    xmlFreeDoc(doc);
    jk_map_release(&m);
}

/* Control characters and invalid UTF-8 would make the XML unreadable. */
static void test_unrepresentable_bytes(void **state)
{
    (void)state;
    struct jk_map m;
    build_map(&m, 0);
    free(m.terms[2].label);
    m.terms[2].label = jk_strdup("a\x01"
                                 "b\xFF"
                                 "c\xC0\xBC"
                                 "d\tok");
    xmlDocPtr doc = parse_map(&m);
    assert_xpath(doc, "string(//g:node[3]/g:data[@key='label'])",
                 "a\xEF\xBF\xBD"
                 "b\xEF\xBF\xBD"
                 "c\xEF\xBF\xBD\xEF\xBF\xBD"
                 "d\tok");
    xmlFreeDoc(doc);
    jk_map_release(&m);
}

/*
 * Found by fuzz/fuzz_export.c (tests/data/fuzz/export/stray-continuation.bin):
 * libxml2 2.9 decodes a stray continuation byte as the lead byte of a
 * two-byte character, so "\x92\x92" reached the file and no XML parser
 * would read it.
 */
static void test_fuzz_stray_continuation_bytes(void **state)
{
    (void)state;
    FILE *f = fopen(JK_TEST_DATA "/fuzz/export/stray-continuation.bin", "rb");
    assert_non_null(f);
    char label[64] = {0};
    size_t n = fread(label, 1, sizeof(label) - 1, f);
    fclose(f);
    assert_int_equal(n, 22);
    struct jk_map m;
    build_map(&m, 0);
    free(m.terms[2].label);
    m.terms[2].label = jk_strdup(label);
    xmlDocPtr doc = parse_map(&m);
    assert_xpath(doc, "string(//g:node[3]/g:data[@key='label'])",
                 "kekeDFMingrMi\xEF\xBF\xBD\xEF\xBF\xBDMediumr");
    xmlFreeDoc(doc);
    jk_map_release(&m);
    struct jk_buf b;
    jk_buf_init(&b);
    assert_string_equal(jk_xml_text(&b, "\x80"
                                        "a\xBF\x92\x92"),
                        "\xEF\xBF\xBD"
                        "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    jk_buf_release(&b);
}

static void test_deterministic(void **state)
{
    (void)state;
    struct jk_map m;
    build_map(&m, 1);
    size_t len = 0;
    char *a = fx_write_twice(jk_export_graphml, &m, &len);
    assert_non_null(strstr(a, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml"));
    free(a);
    jk_map_release(&m);
}

static void test_write_failure(void **state)
{
    (void)state;
    FILE *f = fx_open_full();
    struct jk_map m;
    build_map(&m, 1);
    fx_assert_fails(jk_export_graphml, &m, f, JK_E_OUTPUT, "GraphML");
    fclose(f);
    jk_map_release(&m);
}

static void test_bad_link_rejected(void **state)
{
    (void)state;
    struct jk_map m;
    build_map(&m, 1);
    m.links[1].target = 3;
    fx_assert_fails(jk_export_graphml, &m, stdout, JK_E_INTERNAL, NULL);
    jk_map_release(&m);
}

/* networkx and python-igraph load the file with the right types. */
static void test_python_readers(void **state)
{
    (void)state;
    if (!fx_python_ready("networkx, igraph"))
        skip();
    struct jk_map m;
    build_map(&m, 1);
    int rc = fx_run_on_file(jk_export_graphml, &m,
                            FX_PYTHON " '" JK_TEST_DATA "/export/check_graphml.py'", "");
    jk_map_release(&m);
    assert_int_equal(rc, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_labels_round_trip),
        cmocka_unit_test(test_structure_and_types),
        cmocka_unit_test(test_edges_layout),
        cmocka_unit_test(test_no_layout),
        cmocka_unit_test(test_averages),
        cmocka_unit_test(test_unrepresentable_bytes),
        cmocka_unit_test(test_fuzz_stray_continuation_bytes),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_write_failure),
        cmocka_unit_test(test_bad_link_rejected),
        cmocka_unit_test(test_python_readers),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    xmlCleanupParser();
    return failed;
}
