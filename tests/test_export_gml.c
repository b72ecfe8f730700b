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
#include <string.h>
#include <unistd.h>

#include <igraph.h>

#include "export_gml.h"
#include "map.h"
#include "util/mem.h"

#ifndef JK_TEST_DATA
#define JK_TEST_DATA "tests/data"
#endif

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

/* Returns the GML text for m (caller frees) after checking JK_OK. */
static char *write_text(const struct jk_map *m, size_t *len)
{
    char *text = NULL;
    FILE *f = open_memstream(&text, len);
    assert_non_null(f);
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_export_gml(m, f, &diag), JK_OK);
    assert_int_equal(fclose(f), 0);
    return text;
}

static void assert_output(const struct jk_map *m, const char *expected)
{
    size_t len = 0;
    char *text = write_text(m, &len);
    assert_string_equal(text, expected);
    free(text);
}

static void test_three_terms(void **state)
{
    (void)state;
    struct jk_map m;
    build_three(&m);
    m.has_years = 1;
    m.terms[0].avg_year = 2019.5;
    m.terms[2].avg_year = 2021;
    assert_output(&m, "graph\n[\n  directed 0\n"
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
    build_map(&m, three_terms, 2, three_links, 1, 0);
    m.has_layout = 0;
    assert_output(&m, "graph\n[\n  directed 0\n"
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
    assert_output(&m, "graph\n[\n  directed 0\n]\n");
}

/* ASCII only: entities for '"' and '&', references for the rest. */
static void test_strings_and_reals(void **state)
{
    (void)state;
    static const struct term_spec t[] = {
        {"say \"hi\" & <b> \xC3\x9C\t\\", 1, 1, 2, 1e-5},
        {"ctl\x01 bad\xff \xF0\x9F\x98\x80", 1, 1, -3e20, 0.1},
    };
    struct jk_map m;
    build_map(&m, t, 2, NULL, 0, 0);
    assert_output(&m, "graph\n[\n  directed 0\n"
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
    build_hostile(&m, 1);
    size_t len1 = 0, len2 = 0;
    char *a = write_text(&m, &len1);
    char *b = write_text(&m, &len2);
    assert_int_equal(len1, len2);
    assert_memory_equal(a, b, len1);
    for (size_t i = 0; i < len1; i++)
        assert_true((unsigned char)a[i] < 0x80);
    free(a);
    free(b);
    jk_map_release(&m);
}

/* igraph's own GML reader (the C library we link) gets nodes, edges, keys. */
static void test_igraph_reads_back(void **state)
{
    (void)state;
    struct jk_map m;
    build_hostile(&m, 1);
    size_t len = 0;
    char *text = write_text(&m, &len);
    FILE *f = fmemopen(text, len, "r");
    assert_non_null(f);
    igraph_attribute_table_t *old = igraph_set_attribute_table(&igraph_cattribute_table);
    /* igraph 0.10 decodes only XML's five named entities and warns about "&#9;" */
    igraph_warning_handler_t *old_warn = igraph_set_warning_handler(igraph_warning_handler_ignore);
    igraph_t g;
    assert_int_equal(igraph_read_graph_gml(&g, f), IGRAPH_SUCCESS);
    igraph_set_warning_handler(old_warn);
    assert_int_equal(igraph_vcount(&g), m.n_terms);
    assert_int_equal(igraph_ecount(&g), m.n_links);
    assert_false(igraph_is_directed(&g));
    assert_string_equal(VAS(&g, "label", 1), "a<b & \"c\" 'd'");
    assert_true(VAN(&g, "weight_occurrences", 2) == 18);
    assert_true(VAN(&g, "score_avg_pub_year", 2) == 2012.5);
    assert_true(isnan(VAN(&g, "score_avg_pub_year", 1)));
    assert_true(EAN(&g, "value", 1) == 7);
    igraph_destroy(&g);
    igraph_set_attribute_table(old);
    fclose(f);
    free(text);
    jk_map_release(&m);
}

/* Writes m to a temporary file and has networkx (and igraph) read it. */
static void read_back(int has_layout)
{
    struct jk_map m;
    build_hostile(&m, has_layout);
    char path[] = "/tmp/jk_test_gml_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_export_gml(&m, f, &diag), JK_OK);
    assert_int_equal(fclose(f), 0);
    char cmd[512];
    snprintf(cmd, sizeof(cmd), PYTHON " '%s' gml '%s' %d", READER, path, has_layout);
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
    assert_int_equal(jk_export_gml(&m, f, &diag), JK_E_OUTPUT);
    assert_non_null(strstr(diag.msg, "GML"));
    fclose(f);
    jk_map_release(&m);
}

static void test_bad_link_rejected(void **state)
{
    (void)state;
    struct jk_map m;
    build_three(&m);
    m.links[0].source = 9;
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_export_gml(&m, stdout, &diag), JK_E_INTERNAL);
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
