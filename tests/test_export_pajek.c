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

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <igraph.h>

#include "export_pajek.h"
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

/* Returns the Pajek text for m (caller frees) after checking JK_OK. */
static char *write_text(const struct jk_map *m, size_t *len)
{
    char *text = NULL;
    FILE *f = open_memstream(&text, len);
    assert_non_null(f);
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_export_pajek(m, f, &diag), JK_OK);
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
    /* y is mirrored: the lowest term (y = -0.75) is at Pajek's bottom, 0.95 */
    assert_output(&m, "*Vertices 3\n"
                      "1 \"kerja sama\" 0.719231 0.95 0.5\n"
                      "2 \"sister city\" 0.280769 0.707692 0.5\n"
                      "3 \"dinas\" 0.373077 0.05 0.5\n"
                      "*Edges\n"
                      "1 2 5\n"
                      "1 3 2\n");
    m.has_layout = 0;
    assert_output(&m, "*Vertices 3\n"
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
    build_map(&m, three_terms, 1, NULL, 0, 1);
    assert_output(&m, "*Vertices 1\n1 \"kerja sama\" 0.5 0.5 0.5\n*Edges\n");
    jk_map_release(&m);
    jk_map_init(&m);
    assert_output(&m, "*Vertices 0\n*Edges\n");
}

static void test_safe_labels(void **state)
{
    (void)state;
    static const struct term_spec t[] = {
        {"say \"hi\"", 3, 1, 0, 0},
        {"back\\slash\\", 2, 1, 0, 0},
        {"tab\tnew\nline\r\x01\x7f", 1, 1, 0, 0},
        {"bad\xff \xE6\xBC", 1, 1, 0, 0},
    };
    struct jk_map m;
    build_map(&m, t, 4, NULL, 0, 1);
    m.has_layout = 0;
    assert_output(&m, "*Vertices 4\n"
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
    build_hostile(&m, 1);
    size_t len1 = 0, len2 = 0;
    char *a = write_text(&m, &len1);
    char *b = write_text(&m, &len2);
    assert_int_equal(len1, len2);
    assert_memory_equal(a, b, len1);
    free(a);
    free(b);
    jk_map_release(&m);
}

/* igraph's own Pajek reader (the C library we link) gets every vertex and edge. */
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
    igraph_t g;
    assert_int_equal(igraph_read_graph_pajek(&g, f), IGRAPH_SUCCESS);
    assert_int_equal(igraph_vcount(&g), m.n_terms);
    assert_int_equal(igraph_ecount(&g), m.n_links);
    assert_false(igraph_is_directed(&g));
    assert_string_equal(VAS(&g, "id", 1), "a<b & 'c' 'd'");
    assert_string_equal(VAS(&g, "id", 8), "trailing/");
    assert_true(VAN(&g, "x", 0) >= 0 && VAN(&g, "x", 0) <= 1);
    assert_true(EAN(&g, "weight", 1) == 7);
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
    char path[] = "/tmp/jk_test_pajek_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_export_pajek(&m, f, &diag), JK_OK);
    assert_int_equal(fclose(f), 0);
    char cmd[512];
    snprintf(cmd, sizeof(cmd), PYTHON " '%s' pajek '%s' %d", READER, path, has_layout);
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
    assert_int_equal(jk_export_pajek(&m, f, &diag), JK_E_OUTPUT);
    assert_non_null(strstr(diag.msg, "Pajek"));
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
    assert_int_equal(jk_export_pajek(&m, stdout, &diag), JK_E_INTERNAL);
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
