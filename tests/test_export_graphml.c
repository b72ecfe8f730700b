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
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "export_graphml.h"
#include "map.h"
#include "util/mem.h"

#ifndef JK_TEST_DATA
#define JK_TEST_DATA "tests/data"
#endif
#define PYTHON "/usr/bin/python3"
#define LABEL1 "kerja sama & <b>dinas</b> \"x\" 'y' \xC3\x9C"

static const char *const labels[] = {LABEL1, "a>b \xE2\x9C\x93 \xE6\xBC\xA2", "dinas"};
static const struct jk_link links[] = {{0, 1, 5, 0.5}, {0, 2, 2, 1.0 / 3}};

static void build_map(struct jk_map *m, int has_layout)
{
    jk_map_init(m);
    m->n_terms = 3;
    m->terms = jk_calloc(3, sizeof(*m->terms));
    for (size_t i = 0; i < 3; i++) {
        m->terms[i].label = jk_strdup(labels[i]);
        m->terms[i].occurrences = 10 - (uint32_t)i;
        m->terms[i].documents = 8 - (uint32_t)i;
        m->terms[i].cluster = i < 2 ? 1 : 2;
        m->terms[i].x = 0.1 * (double)i;
        m->terms[i].y = -1.0 / 3;
    }
    m->n_links = 2;
    m->links = jk_calloc(2, sizeof(*m->links));
    memcpy(m->links, links, sizeof(links));
    m->n_clusters = 2;
    m->has_layout = has_layout;
    jk_map_link_stats(m);
}

/* Returns the GraphML text for m (caller frees) after checking JK_OK. */
static char *write_graphml(const struct jk_map *m, size_t *len)
{
    char *text = NULL;
    FILE *f = open_memstream(&text, len);
    assert_non_null(f);
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_export_graphml(m, f, &diag), JK_OK);
    assert_int_equal(fclose(f), 0);
    return text;
}

static xmlDocPtr parse_map(const struct jk_map *m)
{
    size_t len = 0;
    char *text = write_graphml(m, &len);
    xmlDocPtr doc = xmlReadMemory(text, (int)len, "map.graphml", NULL, XML_PARSE_NONET);
    free(text);
    assert_non_null(doc);
    return doc;
}

/* Evaluates expr (prefix g: = GraphML namespace) as a string; caller frees. */
static char *xpath(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    assert_non_null(ctx);
    xmlXPathRegisterNs(ctx, BAD_CAST "g", BAD_CAST "http://graphml.graphdrawing.org/xmlns");
    xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    assert_non_null(obj);
    xmlChar *s = xmlXPathCastToString(obj);
    char *copy = jk_strdup((const char *)s);
    xmlFree(s);
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(ctx);
    return copy;
}

static void assert_xpath(xmlDocPtr doc, const char *expr, const char *want)
{
    char *got = xpath(doc, expr);
    if (strcmp(got, want) != 0)
        print_error("%s: got '%s', want '%s'\n", expr, got, want);
    assert_string_equal(got, want);
    free(got);
}

static void test_labels_round_trip(void **state)
{
    (void)state;
    struct jk_map m;
    build_map(&m, 1);
    xmlDocPtr doc = parse_map(&m);
    assert_xpath(doc, "string(//g:node[@id='n1']/g:data[@key='label'])", LABEL1);
    assert_xpath(doc, "string(//g:node[@id='n2']/g:data[@key='label'])", labels[1]);
    assert_xpath(doc, "string(//g:node[@id='n3']/g:data[@key='label'])", labels[2]);
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

static void test_deterministic(void **state)
{
    (void)state;
    struct jk_map m;
    build_map(&m, 1);
    size_t len1 = 0, len2 = 0;
    char *a = write_graphml(&m, &len1);
    char *b = write_graphml(&m, &len2);
    assert_int_equal(len1, len2);
    assert_memory_equal(a, b, len1);
    assert_non_null(strstr(a, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml"));
    free(a);
    free(b);
    jk_map_release(&m);
}

static void test_write_failure(void **state)
{
    (void)state;
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        skip();
    struct jk_map m;
    build_map(&m, 1);
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_export_graphml(&m, f, &diag), JK_E_OUTPUT);
    assert_non_null(strstr(diag.msg, "GraphML"));
    fclose(f);
    jk_map_release(&m);
}

static void test_bad_link_rejected(void **state)
{
    (void)state;
    struct jk_map m;
    build_map(&m, 1);
    m.links[1].target = 3;
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_export_graphml(&m, stdout, &diag), JK_E_INTERNAL);
    jk_map_release(&m);
}

/* networkx and python-igraph load the file with the right types. */
static void test_python_readers(void **state)
{
    (void)state;
    if (system(PYTHON " -c 'import networkx, igraph' >/dev/null 2>&1") != 0)
        skip();
    char path[] = "/tmp/jk_test_graphml_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    struct jk_map m;
    build_map(&m, 1);
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_export_graphml(&m, f, &diag), JK_OK);
    assert_int_equal(fclose(f), 0);
    char cmd[1024];
    snprintf(cmd, sizeof(cmd), PYTHON " '%s/export/check_graphml.py' '%s'", JK_TEST_DATA, path);
    int rc = system(cmd);
    unlink(path);
    jk_map_release(&m);
    assert_int_equal(rc, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_labels_round_trip),
        cmocka_unit_test(test_structure_and_types),
        cmocka_unit_test(test_no_layout),
        cmocka_unit_test(test_averages),
        cmocka_unit_test(test_unrepresentable_bytes),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_write_failure),
        cmocka_unit_test(test_bad_link_rejected),
        cmocka_unit_test(test_python_readers),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    xmlCleanupParser();
    return failed;
}
