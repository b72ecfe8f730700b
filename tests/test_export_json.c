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

#include "export_fixture.h"
#include "export_json.h"

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
    struct fx_out out;
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_export_json(m, info, fx_out_open(&out), &diag), JK_OK);
    return fx_out_close(&out, len);
}

/* The writer with read_formats.py's run information, as the fixtures call it. */
static enum jk_status write_hostile_info(const struct jk_map *m, FILE *f, struct jk_diag *diag)
{
    return jk_export_json(m, &hostile_info, f, diag);
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
    fx_build_three(&m);
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
    fx_build_map(&m, fx_three_terms, 2, fx_three_links, 1, 0);
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
    static const struct fx_term t[] = {
        {"a \"q\" \\ </script> <b>\t\x01\xff\xE6\xBC\xA2", 1, 1, 0, 0},
    };
    struct jk_map m;
    fx_build_map(&m, t, 1, NULL, 0, 0);
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
    static const struct fx_term t[] = {
        {"zeta", 5, 1, 0, 0},
        {"alfa", 5, 1, 0, 0},
        {"beta", 9, 2, 0, 0},
        {"gamma", 2, 1, 0, 0},
    };
    struct jk_map m;
    fx_build_map(&m, t, 4, NULL, 0, 3);
    size_t len = 0;
    char *text = write_text(&m, NULL, &len);
    assert_non_null(strstr(text, "      {\"cluster\": 1, \"label\": \"alfa\"},\n"
                                 "      {\"cluster\": 2, \"label\": \"beta\"},\n"
                                 "      {\"cluster\": 3}\n"));
    free(text);
    jk_map_release(&m);
}

/* Python's json module is the consumer here. */
static void test_python_reads_back(void **state)
{
    (void)state;
    fx_check_python_reads_back(write_hostile_info, "json", "json");
}

static void test_deterministic(void **state)
{
    (void)state;
    struct jk_map m;
    fx_build_hostile(&m, 1);
    size_t len = 0;
    free(fx_write_twice(write_hostile_info, &m, &len));
    jk_map_release(&m);
}

static void test_write_failure(void **state)
{
    (void)state;
    fx_check_write_failure(write_hostile_info, "VOSviewer JSON");
}

static void test_bad_link_rejected(void **state)
{
    (void)state;
    struct jk_map m;
    fx_build_three(&m);
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
