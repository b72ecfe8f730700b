/*
 * Tests for export_csv: number formatting, CSV quoting, the three tables
 * (exact contents for a 3-term map), top-terms order and limit, write
 * failures, and a read-back with Python's csv module when python3 exists.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export_csv.h"
#include "map.h"
#include "util/mem.h"

#define PYTHON "/usr/bin/python3"

struct term_spec {
    const char *label;
    uint32_t occurrences, documents, cluster;
    double x, y;
};

/* Builds a map from terms and (source, target, weight) triples. */
static void build_map(struct jk_map *m, const struct term_spec *t, size_t n_terms,
                      const struct jk_link *links, size_t n_links, size_t n_clusters)
{
    jk_map_init(m);
    m->terms = jk_calloc(n_terms, sizeof(*m->terms));
    m->n_terms = n_terms;
    for (size_t i = 0; i < n_terms; i++) {
        m->terms[i].label = jk_strdup(t[i].label);
        m->terms[i].occurrences = t[i].occurrences;
        m->terms[i].documents = t[i].documents;
        m->terms[i].cluster = t[i].cluster;
        m->terms[i].x = t[i].x;
        m->terms[i].y = t[i].y;
    }
    m->links = jk_calloc(n_links, sizeof(*m->links));
    if (n_links > 0)
        memcpy(m->links, links, n_links * sizeof(*links));
    m->n_links = n_links;
    m->n_clusters = n_clusters;
    jk_map_link_stats(m);
}

static const struct term_spec three_terms[] = {
    {"kerja sama", 12, 10, 1, 0.5, -0.25},
    {"sister city", 7, 6, 1, -1.0 / 3, 0.125},
    {"dinas", 3, 3, 2, 2e-7, 1000000},
};
static const struct jk_link three_links[] = {{0, 1, 5, 0.5}, {0, 2, 2, 1.0 / 3}};

static void build_three(struct jk_map *m, int has_layout)
{
    build_map(m, three_terms, 3, three_links, 2, 2);
    m->has_layout = has_layout;
}

typedef enum jk_status (*writer_fn)(const struct jk_map *, FILE *, struct jk_diag *);

/* Runs writer into memory; returns the text (caller frees) and the status. */
static char *run_writer(writer_fn fn, const struct jk_map *m, enum jk_status *st)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    struct jk_diag diag;
    jk_diag_init(&diag);
    *st = fn(m, f, &diag);
    assert_int_equal(fclose(f), 0);
    return text;
}

static void assert_output(writer_fn fn, const struct jk_map *m, const char *expected)
{
    enum jk_status st;
    char *text = run_writer(fn, m, &st);
    assert_int_equal(st, JK_OK);
    assert_string_equal(text, expected);
    free(text);
}

static void test_format_double(void **state)
{
    (void)state;
    char s[JK_DOUBLE_BUF];
    const struct {
        double v;
        const char *want;
    } cases[] = {{0.5, "0.5"},           {1.0 / 3, "0.333333"},   {-0.0, "0"},    {2e-7, "2e-07"},
                 {1e6, "1e+06"},         {123456.7, "123457"},    {-2.5, "-2.5"}, {NAN, "NaN"},
                 {INFINITY, "Infinity"}, {-INFINITY, "-Infinity"}};
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        jk_format_double(s, sizeof(s), cases[i].v);
        assert_string_equal(s, cases[i].want);
    }
}

static void test_format_double_exact(void **state)
{
    (void)state;
    char s[JK_DOUBLE_BUF];
    jk_format_double_exact(s, sizeof(s), 0.1);
    assert_string_equal(s, "0.1");
    jk_format_double_exact(s, sizeof(s), 1.0 / 3);
    assert_string_equal(s, "0.3333333333333333");
    jk_format_double_exact(s, sizeof(s), -0.0);
    assert_string_equal(s, "0");
    const double vals[] = {0.1 + 0.2, 1e-300, -123.456e100,
                           2.0 / 3,   5e-324, 1.7976931348623157e308};
    for (size_t i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
        jk_format_double_exact(s, sizeof(s), vals[i]);
        assert_true(strtod(s, NULL) == vals[i]);
    }
}

/* A locale with a decimal comma must not leak into the files. */
static void test_format_double_locale(void **state)
{
    (void)state;
    const char *names[] = {"id_ID.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8", "nl_NL.UTF-8"};
    const char *found = NULL;
    for (size_t i = 0; i < 4 && !found; i++)
        found = setlocale(LC_NUMERIC, names[i]);
    if (!found)
        skip();
    char s[JK_DOUBLE_BUF];
    jk_format_double(s, sizeof(s), 0.5);
    assert_string_equal(s, "0.5");
    jk_format_double_exact(s, sizeof(s), 1.0 / 3);
    assert_string_equal(s, "0.3333333333333333");
    setlocale(LC_NUMERIC, "C");
}

static void assert_field(const char *in, const char *want)
{
    struct jk_buf b;
    jk_buf_init(&b);
    jk_csv_field(&b, in);
    assert_string_equal(b.data, want);
    jk_buf_release(&b);
}

static void test_csv_field(void **state)
{
    (void)state;
    assert_field("kerja sama", "kerja sama");
    assert_field("", "");
    assert_field("a,b", "\"a,b\"");
    assert_field("say \"hi\"", "\"say \"\"hi\"\"\"");
    assert_field("two\nlines", "\"two\nlines\"");
    assert_field("cr\rhere", "\"cr\rhere\"");
    assert_field(" lead", "\" lead\"");
    assert_field("trail ", "\"trail \"");
    assert_field("tab\t", "\"tab\t\"");
    assert_field("semi;colon", "semi;colon");
    assert_field("Ürün", "Ürün");
}

static void test_terms_csv(void **state)
{
    (void)state;
    struct jk_map m;
    build_three(&m, 0);
    assert_output(jk_export_terms_csv, &m,
                  "id,label,occurrences,documents,links,total_link_strength,cluster,aliases\n"
                  "1,kerja sama,12,10,2,7,1,\n"
                  "2,sister city,7,6,1,5,1,\n"
                  "3,dinas,3,3,1,2,2,\n");
    m.has_layout = 1;
    assert_output(jk_export_terms_csv, &m,
                  "id,label,occurrences,documents,links,total_link_strength,cluster,x,y,aliases\n"
                  "1,kerja sama,12,10,2,7,1,0.5,-0.25,\n"
                  "2,sister city,7,6,1,5,1,-0.333333,0.125,\n"
                  "3,dinas,3,3,1,2,2,2e-07,1e+06,\n");
    m.has_layout = 0;
    m.terms[0].aliases = strdup("kerjasama; kerja-sama, baru");
    assert_output(jk_export_terms_csv, &m,
                  "id,label,occurrences,documents,links,total_link_strength,cluster,aliases\n"
                  "1,kerja sama,12,10,2,7,1,\"kerjasama; kerja-sama, baru\"\n"
                  "2,sister city,7,6,1,5,1,\n"
                  "3,dinas,3,3,1,2,2,\n");
    jk_map_release(&m);
}

/* Averages are columns only when known for some term; unknown is empty. */
static void test_terms_csv_averages(void **state)
{
    (void)state;
    struct jk_map m;
    build_three(&m, 1);
    m.terms[0].avg_year = 2019.5;
    m.terms[1].avg_year = NAN;
    m.terms[2].avg_year = 2021;
    m.terms[0].avg_citations = NAN;
    m.terms[1].avg_citations = 3.25;
    m.terms[2].avg_citations = 0;
    m.has_years = 1;
    m.has_citations = 1;
    assert_output(jk_export_terms_csv, &m,
                  "id,label,occurrences,documents,links,total_link_strength,cluster,x,y,"
                  "avg_year,avg_citations,aliases\n"
                  "1,kerja sama,12,10,2,7,1,0.5,-0.25,2019.5,,\n"
                  "2,sister city,7,6,1,5,1,-0.333333,0.125,,3.25,\n"
                  "3,dinas,3,3,1,2,2,2e-07,1e+06,2021,0,\n");
    m.has_layout = 0;
    m.has_citations = 0;
    assert_output(
        jk_export_terms_csv, &m,
        "id,label,occurrences,documents,links,total_link_strength,cluster,avg_year,aliases\n"
        "1,kerja sama,12,10,2,7,1,2019.5,\n"
        "2,sister city,7,6,1,5,1,,\n"
        "3,dinas,3,3,1,2,2,2021,\n");
    m.has_years = 0;
    m.has_citations = 1;
    assert_output(
        jk_export_terms_csv, &m,
        "id,label,occurrences,documents,links,total_link_strength,cluster,avg_citations,aliases\n"
        "1,kerja sama,12,10,2,7,1,,\n"
        "2,sister city,7,6,1,5,1,3.25,\n"
        "3,dinas,3,3,1,2,2,0,\n");
    jk_map_release(&m);
}

static void test_links_csv(void **state)
{
    (void)state;
    struct jk_map m;
    build_three(&m, 1);
    assert_output(jk_export_links_csv, &m,
                  "source_id,target_id,source,target,weight,association\n"
                  "1,2,kerja sama,sister city,5,0.5\n"
                  "1,3,kerja sama,dinas,2,0.333333\n");
    jk_map_release(&m);
}

static void test_clusters_csv(void **state)
{
    (void)state;
    struct jk_map m;
    build_three(&m, 1);
    assert_output(jk_export_clusters_csv, &m,
                  "cluster,size,top_terms\n"
                  "1,2,kerja sama; sister city\n"
                  "2,1,dinas\n");
    m.n_clusters = 0;
    for (size_t i = 0; i < m.n_terms; i++)
        m.terms[i].cluster = 0;
    assert_output(jk_export_clusters_csv, &m, "cluster,size,top_terms\n");
    jk_map_release(&m);
}

/* Cluster 2 has 12 terms: ties by label, only ten listed; cluster 3 is empty. */
static void test_clusters_top_ten(void **state)
{
    (void)state;
    static const struct term_spec t[] = {
        {"zeta", 5, 5, 2, 0, 0},  {"alpha", 1, 1, 2, 0, 0},  {"beta", 9, 9, 2, 0, 0},
        {"gamma", 5, 5, 2, 0, 0}, {"solo", 50, 9, 1, 0, 0},  {"delta", 5, 5, 2, 0, 0},
        {"eta", 2, 2, 2, 0, 0},   {"theta", 3, 3, 2, 0, 0},  {"iota", 4, 4, 2, 0, 0},
        {"kappa", 1, 1, 2, 0, 0}, {"lambda", 7, 7, 2, 0, 0}, {"mu", 8, 8, 2, 0, 0},
        {"nu", 1, 1, 2, 0, 0},
    };
    struct jk_map m;
    build_map(&m, t, sizeof(t) / sizeof(t[0]), NULL, 0, 3);
    assert_output(jk_export_clusters_csv, &m,
                  "cluster,size,top_terms\n"
                  "1,1,solo\n"
                  "2,12,beta; mu; lambda; delta; gamma; zeta; iota; theta; eta; alpha\n"
                  "3,0,\n");
    jk_map_release(&m);
}

static const struct term_spec awkward_terms[] = {
    {"kota, \"kembar\"\nbaru", 4, 4, 1, 0, 0},
    {" spasi", 2, 2, 1, 0, 0},
};
static const struct jk_link awkward_link[] = {{0, 1, 3, 0.25}};

static void test_quoted_labels(void **state)
{
    (void)state;
    struct jk_map m;
    build_map(&m, awkward_terms, 2, awkward_link, 1, 1);
    assert_output(jk_export_terms_csv, &m,
                  "id,label,occurrences,documents,links,total_link_strength,cluster,aliases\n"
                  "1,\"kota, \"\"kembar\"\"\nbaru\",4,4,1,3,1,\n"
                  "2,\" spasi\",2,2,1,3,1,\n");
    assert_output(jk_export_links_csv, &m,
                  "source_id,target_id,source,target,weight,association\n"
                  "1,2,\"kota, \"\"kembar\"\"\nbaru\",\" spasi\",3,0.25\n");
    assert_output(jk_export_clusters_csv, &m,
                  "cluster,size,top_terms\n"
                  "1,2,\"kota, \"\"kembar\"\"\nbaru;  spasi\"\n");
    jk_map_release(&m);
}

static int have_python(void)
{
    return system(PYTHON " -c 'import csv' >/dev/null 2>&1") == 0;
}

/* Python's csv module reads the awkward labels back exactly. */
static void test_python_reads_back(void **state)
{
    (void)state;
    if (!have_python())
        skip();
    char path[] = "/tmp/jk_test_csv_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    struct jk_map m;
    build_map(&m, awkward_terms, 2, awkward_link, 1, 1);
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_export_links_csv(&m, f, &diag), JK_OK);
    assert_int_equal(fclose(f), 0);
    char cmd[1024];
    snprintf(cmd, sizeof(cmd),
             PYTHON " -c 'import csv,sys\n"
                    "rows = list(csv.reader(open(sys.argv[1], newline=\"\", encoding=\"utf-8\")))\n"
                    "assert len(rows) == 2, rows\n"
                    "assert rows[1] == [\"1\", \"2\", \"kota, \\x22kembar\\x22\\nbaru\", "
                    "\" spasi\", \"3\", \"0.25\"], rows\n' %s",
             path);
    int rc = system(cmd);
    unlink(path);
    jk_map_release(&m);
    assert_int_equal(rc, 0);
}

static void test_write_failure(void **state)
{
    (void)state;
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        skip();
    struct jk_map m;
    build_three(&m, 1);
    const writer_fn fns[] = {jk_export_terms_csv, jk_export_links_csv, jk_export_clusters_csv};
    for (size_t i = 0; i < 3; i++) {
        struct jk_diag diag;
        jk_diag_init(&diag);
        assert_int_equal(fns[i](&m, f, &diag), JK_E_OUTPUT);
        assert_int_equal(diag.status, JK_E_OUTPUT);
        assert_non_null(strstr(diag.msg, "CSV file"));
        clearerr(f);
    }
    fclose(f);
    jk_map_release(&m);
}

static void test_bad_link_rejected(void **state)
{
    (void)state;
    struct jk_map m;
    build_three(&m, 0);
    m.links[1].target = 3;
    enum jk_status st;
    char *text = run_writer(jk_export_links_csv, &m, &st);
    assert_int_equal(st, JK_E_INTERNAL);
    assert_string_equal(text, "");
    free(text);
    jk_map_release(&m);
}

static void test_empty_map(void **state)
{
    (void)state;
    struct jk_map m;
    jk_map_init(&m);
    assert_output(jk_export_terms_csv, &m,
                  "id,label,occurrences,documents,links,total_link_strength,cluster,aliases\n");
    assert_output(jk_export_links_csv, &m,
                  "source_id,target_id,source,target,weight,association\n");
    assert_output(jk_export_clusters_csv, &m, "cluster,size,top_terms\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_double),
        cmocka_unit_test(test_format_double_exact),
        cmocka_unit_test(test_format_double_locale),
        cmocka_unit_test(test_csv_field),
        cmocka_unit_test(test_terms_csv),
        cmocka_unit_test(test_terms_csv_averages),
        cmocka_unit_test(test_links_csv),
        cmocka_unit_test(test_clusters_csv),
        cmocka_unit_test(test_clusters_top_ten),
        cmocka_unit_test(test_quoted_labels),
        cmocka_unit_test(test_python_reads_back),
        cmocka_unit_test(test_write_failure),
        cmocka_unit_test(test_bad_link_rejected),
        cmocka_unit_test(test_empty_map),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
