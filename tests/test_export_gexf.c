/*
 * Tests for export_gexf: the file parses back with libxml2 (and xmllint)
 * with labels, attributes, positions, sizes and palette colours intact;
 * output is deterministic; write failures are reported; networkx reads it
 * (tests/data/export/read_formats.py, skipped without /usr/bin/python3).
 * Also the palette itself (palette.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "export_fixture.h"
#include "export_gexf.h"
#include "palette.h"

#define XMLLINT "/usr/bin/xmllint"

/* Prefixes g: GEXF 1.3, viz: its viz namespace. */
static const char *const gexf_ns[] = {
    "g", "http://gexf.net/1.3", "viz", "http://gexf.net/1.3/viz", NULL,
};

static xmlDocPtr parse_map(const struct jk_map *m)
{
    return fx_parse_output(jk_export_gexf, m, "network.gexf");
}

static void assert_xpath(xmlDocPtr doc, const char *expr, const char *want)
{
    fx_assert_xpath(doc, gexf_ns, expr, want);
}

static void test_palette(void **state)
{
    (void)state;
    static const struct {
        unsigned cluster;
        unsigned char rgb[3];
    } want[] = {
        {1, {0x00, 0x72, 0xB2}},           {2, {0xD5, 0x5E, 0x00}}, {3, {0x00, 0x9E, 0x73}},
        {4, {0xCC, 0x79, 0xA7}},           {5, {0xE6, 0x9F, 0x00}}, {6, {0x56, 0xB4, 0xE9}},
        {7, {0xF0, 0xE4, 0x42}},           {8, {0x00, 0x00, 0x00}}, {9, {0x88, 0x22, 0x55}},
        {12, {0xDD, 0xCC, 0x77}},          {0, {0xBF, 0xBF, 0xBF}}, {13, {0xBF, 0xBF, 0xBF}},
        {4000000000u, {0xBF, 0xBF, 0xBF}},
    };
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        unsigned char rgb[3];
        jk_cluster_color(want[i].cluster, rgb);
        assert_memory_equal(rgb, want[i].rgb, 3);
    }
}

static void test_structure(void **state)
{
    (void)state;
    struct jk_map m;
    fx_build_three(&m);
    xmlDocPtr doc = parse_map(&m);
    assert_xpath(doc, "string(/g:gexf/@version)", "1.3");
    assert_xpath(doc, "string(//g:meta/g:creator)", "jaringkata");
    assert_xpath(doc, "string(//g:graph/@defaultedgetype)", "undirected");
    assert_xpath(doc, "count(//g:nodes/g:node)", "3");
    assert_xpath(doc, "count(//g:edges/g:edge)", "2");
    assert_xpath(doc, "string(//g:node[2]/@id)", "2");
    assert_xpath(doc, "string(//g:node[2]/@label)", "sister city");
    assert_xpath(doc, "string(//g:attributes[@class='node']/g:attribute[@id='cluster']/@type)",
                 "integer");
    assert_xpath(doc,
                 "string(//g:attributes[@class='node']/g:attribute[@id='total_link_strength']"
                 "/@type)",
                 "long");
    assert_xpath(doc, "string(//g:attributes[@class='edge']/g:attribute/@id)", "association");
    assert_xpath(doc, "count(//g:attribute[@id='avg_year' or @id='avg_citations'])", "0");
    assert_xpath(
        doc, "string(//g:node[1]/g:attvalues/g:attvalue[@for='total_link_strength']/@value)", "7");
    assert_xpath(doc, "string(//g:node[3]/g:attvalues/g:attvalue[@for='cluster']/@value)", "2");
    /* the larger side (y: -0.75..2.5) spans 1000, centred on 0 */
    assert_xpath(doc, "string(//g:node[1]/viz:position/@y)", "-500");
    assert_xpath(doc, "string(//g:node[3]/viz:position/@y)", "500");
    assert_xpath(doc, "string(//g:node[1]/viz:position/@x)", "243.59");
    assert_xpath(doc, "string(//g:node[1]/viz:size/@value)", "40");
    assert_xpath(doc, "string(//g:node[3]/viz:size/@value)", "22.5");
    assert_xpath(doc, "string(//g:node[3]/viz:color/@g)", "94");
    assert_xpath(doc, "string(//g:edge[1]/@weight)", "5");
    assert_xpath(doc, "string(//g:edge[2]/@target)", "3");
    assert_xpath(doc, "string(//g:edge[2]/g:attvalues/g:attvalue[@for='association']/@value)",
                 "0.3333333333333333");
    xmlFreeDoc(doc);
    jk_map_release(&m);
}

/*
 * Edges are written as raw text in the text writer's layout: one element a
 * line, indented by depth, </edges> indented after them; an unknown
 * association leaves the edge's attvalues empty.
 */
static void test_edges_layout_and_unknown_association(void **state)
{
    (void)state;
    struct jk_map m;
    fx_build_three(&m);
    m.links[1].association = NAN;
    size_t len;
    char *text = fx_write_text(jk_export_gexf, &m, &len);
    assert_non_null(strstr(text, "    <edges>\n      <edge id=\"1\" source=\"1\" target=\"2\" "
                                 "weight=\"5\">\n        <attvalues>\n          <attvalue "
                                 "for=\"association\" value=\"0.5\"/>\n        </attvalues>\n"
                                 "      </edge>\n"));
    assert_non_null(strstr(text, "weight=\"2\">\n        <attvalues/>\n      </edge>\n"
                                 "    </edges>\n  </graph>\n</gexf>\n"));
    free(text);
    xmlDocPtr doc = parse_map(&m);
    assert_xpath(doc, "count(//g:edges/g:edge)", "2");
    assert_xpath(doc, "count(//g:edge[2]/g:attvalues/g:attvalue)", "0");
    xmlFreeDoc(doc);
    jk_map_release(&m);
}

/* No layout: no positions; clusters 0 and beyond the palette are grey. */
static void test_no_layout_grey(void **state)
{
    (void)state;
    struct jk_map m;
    fx_build_three(&m);
    m.has_layout = 0;
    m.terms[0].cluster = 0;
    m.terms[1].cluster = 13;
    xmlDocPtr doc = parse_map(&m);
    assert_xpath(doc, "count(//viz:position)", "0");
    assert_xpath(doc, "count(//viz:size)", "3");
    assert_xpath(doc, "string(//g:node[1]/viz:color/@r)", "191");
    assert_xpath(doc, "string(//g:node[2]/viz:color/@b)", "191");
    xmlFreeDoc(doc);
    jk_map_release(&m);
}

/* Labels round-trip through an XML parser; what XML cannot hold is U+FFFD. */
static void test_hostile_labels(void **state)
{
    (void)state;
    struct jk_map m;
    fx_build_hostile(&m, 1);
    xmlDocPtr doc = parse_map(&m);
    static const char *const want[] = {
        "kerja sama",
        "a<b & \"c\" 'd'",
        "</script> \\x",
        "tab\there",
        "new\nline",
        "ctl\xEF\xBF\xBD\x7f",
        "bad\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD utf8",
        "\xC3\x9Cniversitas \xE2\x9C\x93 \xE6\xBC\xA2",
        "trailing\\",
        "#tag; a,b",
    };
    char expr[80];
    for (size_t i = 0; i < FX_N_HOSTILE; i++) {
        snprintf(expr, sizeof(expr), "string(//g:node[@id='%zu']/@label)", i + 1);
        assert_xpath(doc, expr, want[i]);
    }
    assert_xpath(doc, "count(//g:attribute[@id='avg_year' or @id='avg_citations'])", "2");
    assert_xpath(doc, "string(//g:node[1]/g:attvalues/g:attvalue[@for='avg_year']/@value)",
                 "2010.5");
    assert_xpath(doc, "count(//g:node[2]/g:attvalues/g:attvalue[@for='avg_year'])", "0");
    assert_xpath(doc, "count(//g:attvalue[@for='avg_citations'])", "1");
    xmlFreeDoc(doc);
    jk_map_release(&m);
}

static void test_xmllint(void **state)
{
    (void)state;
    if (access(XMLLINT, X_OK) != 0)
        skip();
    struct jk_map m;
    fx_build_hostile(&m, 1);
    int rc = fx_run_on_file(jk_export_gexf, &m, XMLLINT " --noout --nonet", "");
    jk_map_release(&m);
    assert_int_equal(rc, 0);
}

static void test_python_reads_back(void **state)
{
    (void)state;
    fx_check_python_reads_back(jk_export_gexf, "gexf", "networkx");
}

static void test_deterministic(void **state)
{
    (void)state;
    struct jk_map m;
    fx_build_hostile(&m, 1);
    size_t len = 0;
    char *a = fx_write_twice(jk_export_gexf, &m, &len);
    assert_non_null(strstr(a, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf"));
    free(a);
    jk_map_release(&m);
}

static void test_empty_map(void **state)
{
    (void)state;
    struct jk_map m;
    jk_map_init(&m);
    xmlDocPtr doc = parse_map(&m);
    assert_xpath(doc, "count(//g:node)", "0");
    assert_xpath(doc, "count(//g:nodes)", "1");
    assert_xpath(doc, "count(//g:edges)", "1");
    xmlFreeDoc(doc);
}

static void test_write_failure(void **state)
{
    (void)state;
    fx_check_write_failure(jk_export_gexf, "GEXF");
}

static void test_bad_link_rejected(void **state)
{
    (void)state;
    struct jk_map m;
    fx_build_three(&m);
    m.links[1].target = 3;
    fx_assert_fails(jk_export_gexf, &m, stdout, JK_E_INTERNAL, NULL);
    jk_map_release(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_palette),
        cmocka_unit_test(test_structure),
        cmocka_unit_test(test_no_layout_grey),
        cmocka_unit_test(test_hostile_labels),
        cmocka_unit_test(test_edges_layout_and_unknown_association),
        cmocka_unit_test(test_xmllint),
        cmocka_unit_test(test_python_reads_back),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_empty_map),
        cmocka_unit_test(test_write_failure),
        cmocka_unit_test(test_bad_link_rejected),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    xmlCleanupParser();
    return failed;
}
