/*
 * Tests for export_json: exact text for a 3-term map with and without
 * layout, clusters and run information; escaping of hostile labels;
 * determinism; write failures; Python's json module reads it back with
 * the structure VOSviewer Online expects (tests/data/export/read_formats.py,
 * skipped without /usr/bin/python3).
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

#include "export_json.h"
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

/* The run information read_formats.py expects. */
static const struct jk_json_info hostile_info = {
    .title = "Peta \"istilah\" </script>",
    .description = "a\\b\n",
    .resolution = 1.5,
    .min_cluster_size = 2,
    .attraction = 2,
    .repulsion = 0,
    .normalization = "association",
    .counting = "binary",
};

/* Returns the JSON text for m (caller frees) after checking JK_OK. */
static char *write_text(const struct jk_map *m, const struct jk_json_info *info, size_t *len)
{
    char *text = NULL;
    FILE *f = open_memstream(&text, len);
    assert_non_null(f);
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_export_json(m, info, f, &diag), JK_OK);
    assert_int_equal(fclose(f), 0);
    return text;
}

static void assert_output(const struct jk_map *m, const struct jk_json_info *info,
                          const char *expected)
{
    size_t len = 0;
    char *text = write_text(m, info, &len);
    assert_string_equal(text, expected);
    free(text);
}

static void test_three_terms(void **state)
{
    (void)state;
    struct jk_map m;
    build_three(&m);
    m.has_years = 1;
    m.has_citations = 1;
    m.terms[0].avg_year = 2019.4;
    m.terms[0].avg_citations = 12.5;
    m.terms[2].avg_citations = 0;
    const struct jk_json_info info = {"Kerja sama", NULL, 1, 1, 2, 1, "association", "binary"};
    assert_output(
        &m, &info,
        "{\n"
        "  \"network\": {\n"
        "    \"items\": [\n"
        "      {\"id\": 1, \"label\": \"kerja sama\", \"x\": 1.25, \"y\": -0.75, \"cluster\": 1, "
        "\"weights\": {\"Links\": 2, \"Total link strength\": 7, \"Occurrences\": 12}, "
        "\"scores\": {\"Avg. pub. year\": 2019.4, \"Avg. citations\": 12.5}},\n"
        "      {\"id\": 2, \"label\": \"sister city\", \"x\": -0.333333, \"y\": 0.125, "
        "\"cluster\": 1, "
        "\"weights\": {\"Links\": 1, \"Total link strength\": 5, \"Occurrences\": 7}},\n"
        "      {\"id\": 3, \"label\": \"dinas\", \"x\": 0, \"y\": 2.5, \"cluster\": 2, "
        "\"weights\": {\"Links\": 1, \"Total link strength\": 2, \"Occurrences\": 3}, "
        "\"scores\": {\"Avg. citations\": 0}}\n"
        "    ],\n"
        "    \"links\": [\n"
        "      {\"source_id\": 1, \"target_id\": 2, \"strength\": 5},\n"
        "      {\"source_id\": 1, \"target_id\": 3, \"strength\": 2}\n"
        "    ],\n"
        "    \"clusters\": [\n"
        "      {\"cluster\": 1, \"label\": \"kerja sama\"},\n"
        "      {\"cluster\": 2, \"label\": \"dinas\"}\n"
        "    ]\n"
        "  },\n"
        "  \"config\": {\"parameters\": {\"resolution\": 1, \"min_cluster_size\": 1, "
        "\"attraction\": 2, \"repulsion\": 1, \"normalization\": \"association\", "
        "\"counting\": \"binary\"}},\n"
        "  \"info\": {\"title\": \"Kerja sama\"}\n"
        "}\n");
    jk_map_release(&m);
}

/* No layout, no clusters, no information: only what is known is written. */
static void test_bare_map(void **state)
{
    (void)state;
    struct jk_map m;
    build_map(&m, three_terms, 2, three_links, 1, 0);
    m.has_layout = 0;
    assert_output(&m, NULL,
                  "{\n"
                  "  \"network\": {\n"
                  "    \"items\": [\n"
                  "      {\"id\": 1, \"label\": \"kerja sama\", "
                  "\"weights\": {\"Links\": 1, \"Total link strength\": 5, \"Occurrences\": 12}},\n"
                  "      {\"id\": 2, \"label\": \"sister city\", "
                  "\"weights\": {\"Links\": 1, \"Total link strength\": 5, \"Occurrences\": 7}}\n"
                  "    ],\n"
                  "    \"links\": [\n"
                  "      {\"source_id\": 1, \"target_id\": 2, \"strength\": 5}\n"
                  "    ]\n"
                  "  }\n"
                  "}\n");
    jk_map_release(&m);
    jk_map_init(&m);
    const struct jk_json_info info = {NULL, NULL, NAN, 1, INFINITY, 1, NULL, NULL};
    assert_output(&m, &info,
                  "{\n"
                  "  \"network\": {\n"
                  "    \"items\": [\n"
                  "    ],\n"
                  "    \"links\": [\n"
                  "    ]\n"
                  "  },\n"
                  "  \"config\": {\"parameters\": {\"resolution\": null, \"min_cluster_size\": 1, "
                  "\"attraction\": null, \"repulsion\": 1}}\n"
                  "}\n");
}

/* Quotes, backslashes, controls escaped; invalid UTF-8 replaced; "</" broken. */
static void test_escaping(void **state)
{
    (void)state;
    static const struct term_spec t[] = {
        {"a \"q\" \\ </script> <b>\t\x01\xff\xE6\xBC\xA2", 1, 1, 0, 0},
    };
    struct jk_map m;
    build_map(&m, t, 1, NULL, 0, 0);
    m.has_layout = 0;
    assert_output(&m, NULL,
                  "{\n"
                  "  \"network\": {\n"
                  "    \"items\": [\n"
                  "      {\"id\": 1, \"label\": "
                  "\"a \\\"q\\\" \\\\ <\\/script> <b>\\t\\u0001\xEF\xBF\xBD\xE6\xBC\xA2\", "
                  "\"weights\": {\"Links\": 0, \"Total link strength\": 0, \"Occurrences\": 1}}\n"
                  "    ],\n"
                  "    \"links\": [\n"
                  "    ]\n"
                  "  }\n"
                  "}\n");
    jk_map_release(&m);
}

/* A cluster's label: most occurrences, then label in byte order. */
static void test_cluster_labels(void **state)
{
    (void)state;
    static const struct term_spec t[] = {
        {"zeta", 5, 1, 0, 0},
        {"alfa", 5, 1, 0, 0},
        {"beta", 9, 2, 0, 0},
        {"gamma", 2, 1, 0, 0},
    };
    struct jk_map m;
    build_map(&m, t, 4, NULL, 0, 3);
    size_t len = 0;
    char *text = write_text(&m, NULL, &len);
    assert_non_null(strstr(text, "      {\"cluster\": 1, \"label\": \"alfa\"},\n"
                                 "      {\"cluster\": 2, \"label\": \"beta\"},\n"
                                 "      {\"cluster\": 3}\n"));
    free(text);
    jk_map_release(&m);
}

static void read_back(int has_layout)
{
    struct jk_map m;
    build_hostile(&m, has_layout);
    char path[] = "/tmp/jk_test_json_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_export_json(&m, &hostile_info, f, &diag), JK_OK);
    assert_int_equal(fclose(f), 0);
    char cmd[512];
    snprintf(cmd, sizeof(cmd), PYTHON " '%s' json '%s' %d", READER, path, has_layout);
    int rc = system(cmd);
    unlink(path);
    jk_map_release(&m);
    assert_int_equal(rc, 0);
}

/* Python's json module is the consumer here. */
static void test_python_reads_back(void **state)
{
    (void)state;
    if (!python_ready("json"))
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
    char *a = write_text(&m, &hostile_info, &len1);
    char *b = write_text(&m, &hostile_info, &len2);
    assert_int_equal(len1, len2);
    assert_memory_equal(a, b, len1);
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
    build_three(&m);
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_export_json(&m, &hostile_info, f, &diag), JK_E_OUTPUT);
    assert_non_null(strstr(diag.msg, "VOSviewer JSON"));
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
    assert_int_equal(jk_export_json(&m, NULL, stdout, &diag), JK_E_INTERNAL);
    jk_map_release(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_three_terms),       cmocka_unit_test(test_bare_map),
        cmocka_unit_test(test_escaping),          cmocka_unit_test(test_cluster_labels),
        cmocka_unit_test(test_python_reads_back), cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_write_failure),     cmocka_unit_test(test_bad_link_rejected),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
