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

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "export_gexf.h"
#include "map.h"
#include "palette.h"
#include "util/mem.h"

#ifndef JK_TEST_DATA
#define JK_TEST_DATA "tests/data"
#endif
#define XMLLINT "/usr/bin/xmllint"

#define PYTHON "/usr/bin/python3"
#define READER JK_TEST_DATA "/export/read_formats.py"

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
                      const struct jk_link *links, size_t n_links, size_t n_clusters)
{
    jk_map_init(m);
    m->terms = jk_calloc(n_terms ? n_terms : 1, sizeof(*m->terms));
    m->n_terms = n_terms;
    for (size_t i = 0; i < n_terms; i++) {
        m->terms[i].label = jk_strdup(t[i].label);
        m->terms[i].occurrences = t[i].occurrences;
        m->terms[i].documents = t[i].occurrences;
        m->terms[i].cluster = t[i].cluster;
        m->terms[i].x = t[i].x;
        m->terms[i].y = t[i].y;
        m->terms[i].avg_year = NAN;
        m->terms[i].avg_citations = NAN;
    }
    m->links = jk_calloc(n_links ? n_links : 1, sizeof(*m->links));
    if (n_links > 0)
        memcpy(m->links, links, n_links * sizeof(*links));
    m->n_links = n_links;
    m->n_clusters = n_clusters;
    m->has_layout = 1;
    jk_map_link_stats(m);
}

static void build_three(struct jk_map *m)
{
    build_map(m, three_terms, 3, three_links, 2, 2);
}

/*
 * Labels no format may choke on, with averages known for some terms only.
 * tests/data/export/read_formats.py holds the same map: change both.
 */
static const char *const hostile_labels[] = {
    "kerja sama",
    "a<b & \"c\" 'd'",
    "</script> \\x",
    "tab\there",
    "new\nline",
    "ctl\x01\x7f",
    "bad\xff\xc0\xbc utf8",
    "\xC3\x9Cniversitas \xE2\x9C\x93 \xE6\xBC\xA2",
    "trailing\\",
    "#tag; a,b",
};
static const struct jk_link hostile_links[] = {
    {0, 1, 1, 0.5}, {0, 5, 7, 1.5}, {1, 2, 2, 0.25}, {2, 3, 3, 1},   {3, 4, 4, 2},
    {4, 5, 5, 0.1}, {5, 6, 6, 3},   {6, 7, 7, 1e-9}, {7, 8, 8, 1e9}, {8, 9, 9, 0.75},
};
#define N_HOSTILE (sizeof(hostile_labels) / sizeof(hostile_labels[0]))

static void build_hostile(struct jk_map *m, int has_layout)
{
    struct term_spec t[N_HOSTILE];
    for (size_t i = 0; i < N_HOSTILE; i++) {
        t[i] = (struct term_spec){hostile_labels[i], 20 - (uint32_t)i, (uint32_t)(i % 3 + 1),
                                  (double)i * 0.5 - 2, (double)(i % 4) * 0.25 - 0.5};
    }
    build_map(m, t, N_HOSTILE, hostile_links, sizeof(hostile_links) / sizeof(hostile_links[0]), 3);
    for (size_t i = 0; i < N_HOSTILE; i++) {
        m->terms[i].documents = 15 - (uint32_t)i;
        m->terms[i].avg_year = i % 2 == 0 ? 2010 + (double)i + 0.5 : NAN;
        m->terms[i].avg_citations = i == 3 ? 4.75 : NAN;
    }
    m->has_layout = has_layout;
    m->has_years = 1;
    m->has_citations = 1;
}

/* 1 when /usr/bin/python3 can import module, to read files back. */
static int python_ready(const char *module)
{
    char cmd[128];
    snprintf(cmd, sizeof(cmd), PYTHON " -c 'import %s' >/dev/null 2>&1", module);
    return access(PYTHON, X_OK) == 0 && system(cmd) == 0;
}

/* Returns the GEXF text for m (caller frees) after checking JK_OK. */
static char *write_text(const struct jk_map *m, size_t *len)
{
    char *text = NULL;
    FILE *f = open_memstream(&text, len);
    assert_non_null(f);
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_export_gexf(m, f, &diag), JK_OK);
    assert_int_equal(fclose(f), 0);
    return text;
}

static xmlDocPtr parse_map(const struct jk_map *m)
{
    size_t len = 0;
    char *text = write_text(m, &len);
    xmlDocPtr doc = xmlReadMemory(text, (int)len, "network.gexf", NULL, XML_PARSE_NONET);
    free(text);
    assert_non_null(doc);
    return doc;
}

/* Evaluates expr (prefixes g: GEXF 1.3, viz: its viz namespace) as a string. */
static char *xpath(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    assert_non_null(ctx);
    xmlXPathRegisterNs(ctx, BAD_CAST "g", BAD_CAST "http://gexf.net/1.3");
    xmlXPathRegisterNs(ctx, BAD_CAST "viz", BAD_CAST "http://gexf.net/1.3/viz");
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
    build_three(&m);
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

/* No layout: no positions; clusters 0 and beyond the palette are grey. */
static void test_no_layout_grey(void **state)
{
    (void)state;
    struct jk_map m;
    build_three(&m);
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
    build_hostile(&m, 1);
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
    for (size_t i = 0; i < N_HOSTILE; i++) {
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

/* Writes m to a temporary file; returns its path in path (caller unlinks). */
static void write_file(const struct jk_map *m, char *path)
{
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_export_gexf(m, f, &diag), JK_OK);
    assert_int_equal(fclose(f), 0);
}

static void test_xmllint(void **state)
{
    (void)state;
    if (access(XMLLINT, X_OK) != 0)
        skip();
    struct jk_map m;
    build_hostile(&m, 1);
    char path[] = "/tmp/jk_test_gexf_XXXXXX";
    write_file(&m, path);
    char cmd[256];
    snprintf(cmd, sizeof(cmd), XMLLINT " --noout --nonet '%s'", path);
    int rc = system(cmd);
    unlink(path);
    jk_map_release(&m);
    assert_int_equal(rc, 0);
}

static void read_back(int has_layout)
{
    struct jk_map m;
    build_hostile(&m, has_layout);
    char path[] = "/tmp/jk_test_gexf_XXXXXX";
    write_file(&m, path);
    char cmd[512];
    snprintf(cmd, sizeof(cmd), PYTHON " '%s' gexf '%s' %d", READER, path, has_layout);
    int rc = system(cmd);
    unlink(path);
    jk_map_release(&m);
    assert_int_equal(rc, 0);
}

static void test_python_reads_back(void **state)
{
    (void)state;
    if (!python_ready("networkx"))
        skip();
    read_back(1);
    read_back(0);
}

static void test_deterministic(void **state)
{
    (void)state;
    struct jk_map m;
    build_hostile(&m, 1);
    size_t len1 = 0, len2 = 0;
    char *a = write_text(&m, &len1);
    char *b = write_text(&m, &len2);
    assert_int_equal(len1, len2);
    assert_memory_equal(a, b, len1);
    assert_non_null(strstr(a, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf"));
    free(a);
    free(b);
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
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        skip();
    struct jk_map m;
    build_three(&m);
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_export_gexf(&m, f, &diag), JK_E_OUTPUT);
    assert_non_null(strstr(diag.msg, "GEXF"));
    fclose(f);
    jk_map_release(&m);
}

static void test_bad_link_rejected(void **state)
{
    (void)state;
    struct jk_map m;
    build_three(&m);
    m.links[1].target = 3;
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_export_gexf(&m, stdout, &diag), JK_E_INTERNAL);
    jk_map_release(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_palette),        cmocka_unit_test(test_structure),
        cmocka_unit_test(test_no_layout_grey), cmocka_unit_test(test_hostile_labels),
        cmocka_unit_test(test_xmllint),        cmocka_unit_test(test_python_reads_back),
        cmocka_unit_test(test_deterministic),  cmocka_unit_test(test_empty_map),
        cmocka_unit_test(test_write_failure),  cmocka_unit_test(test_bad_link_rejected),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    xmlCleanupParser();
    return failed;
}
