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

#include "export_csv.h"
#include "export_fixture.h"

static const struct fx_term three_terms[] = {
    {"kerja sama", 12, 1, 0.5, -0.25},
    {"sister city", 7, 1, -1.0 / 3, 0.125},
    {"dinas", 3, 2, 2e-7, 1000000},
};
static const uint32_t three_documents[] = {10, 6, 3};

static void build_three(struct jk_map *m, int has_layout)
{
    fx_build_map(m, three_terms, 3, fx_three_links, 2, 2);
    for (size_t i = 0; i < 3; i++)
        m->terms[i].documents = three_documents[i];
    m->has_layout = has_layout;
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

/* The fewest of 15, 16, 17 digits that read back, by trying them in order. */
static void fewest_digits(char *dst, size_t n, double v)
{
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(dst, n, "%.*g", prec, v);
        if (prec == 17 || strtod(dst, NULL) == v)
            return;
    }
}

/*
 * The exact form is what trying 15, 16, 17 digits with printf and strtod in turn gives,
 * on a million values: ratios (as associations), every magnitude from 1e-7 to 1e17,
 * powers of two (narrower below), short decimals (15 digits suffice), whole numbers,
 * either sign, and neighbours of all of these.
 */
static void test_format_double_exact_is_fewest(void **state)
{
    (void)state;
    char s[JK_DOUBLE_BUF], want[JK_DOUBLE_BUF];
    uint64_t x = 88172645463325252u;
    for (int i = 0; i < 1000000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        double v = (double)(x >> 11) / (double)(1u + (x & 0xffff)); /* ratios, as associations */
        if (i % 7 == 5)
            v = pow(10.0, -7.0 + 24.0 * (double)(x >> 11) / 9007199254740992.0);
        else if (i % 7 == 6)
            v = nextafter((double)(x % 100000) / 1000.0, (x >> 40) & 1 ? INFINITY : 0.0);
        else if (i % 7 == 4) { /* powers of two inside the fast range, and their neighbours */
            v = ldexp(1.0, (int)(x % 66) - 17);
            if ((x >> 40) % 3)
                v = nextafter(v, (x >> 40) % 3 == 1 ? INFINITY : 0.0);
        } else if (i % 7 == 3) /* associations of a real map: small counts over products */
            v = (double)(1 + x % 50) /
                ((double)(1 + (x >> 8) % 3000) * (double)(1 + (x >> 20) % 3000));
        else if (i % 5 == 1)
            v = ldexp(1.0, (int)(x % 2000) - 1000); /* powers of two */
        else if (i % 5 == 2)
            v = (double)(x % 100000) / 1000.0; /* short decimals */
        else if (i % 5 == 3) /* whole numbers of every size, as link weights, either sign */
            v = (x & 1 ? -1.0 : 1.0) * (double)((x >> 1) % (2 + (x >> 7) % 10000000000000000u));
        if ((x >> 52) & 1)
            v = -v;
        jk_format_double_exact(s, sizeof(s), v);
        fewest_digits(want, sizeof(want), v);
        if (v == 0)
            strcpy(want, "0");
        assert_string_equal(s, want);
    }
}

/* Whole numbers (link weights) print as "%.6g" prints them, on both sides of 10^6. */
static void test_format_double_whole(void **state)
{
    (void)state;
    char s[JK_DOUBLE_BUF], want[JK_DOUBLE_BUF];
    const double vals[] = {1, -1, 7, 42, 999999, -999999, 1e6, 1000001, 123456789, 1e15, 1e17};
    for (size_t i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
        jk_format_double(s, sizeof(s), vals[i]);
        snprintf(want, sizeof(want), "%.6g", vals[i]);
        assert_string_equal(s, want);
        jk_format_double_exact(s, sizeof(s), vals[i]);
        fewest_digits(want, sizeof(want), vals[i]);
        assert_string_equal(s, want);
    }
}

/*
 * The six-digit form equals "%.6g" on a million values: every magnitude the fast path
 * takes and beyond, either sign, short decimals and values next to ties (0.1234565),
 * to powers of ten (9.999995e-3, 999999.5) and to the edges of fixed notation.
 */
static void test_format_double_is_printf(void **state)
{
    (void)state;
    char s[JK_DOUBLE_BUF], want[JK_DOUBLE_BUF];
    uint64_t x = 0x2545F4914F6CDD1Du;
    for (int i = 0; i < 1000000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        double u = (double)(x >> 11) / 9007199254740992.0, v;
        switch (i % 6) {
        case 0: /* log-uniform from 1e-8 to 1e17 */
            v = pow(10.0, -8.0 + 25.0 * u);
            break;
        case 1: /* seven-digit decimals: half of them ties at six digits */
            v = (double)(1000000 + x % 9000000) / pow(10.0, (double)(x % 23) - 6);
            break;
        case 2: /* ties exactly between two six-digit values, in binary when possible */
            v = ((double)(100000 + x % 900000) + 0.5) * pow(10.0, (double)(x % 16) - 10);
            break;
        case 3: /* next to powers of ten */
            v = nextafter(pow(10.0, (double)(x % 24) - 8), (x >> 40) & 1 ? INFINITY : 0.0);
            break;
        case 4: /* just below a rounding up to the next power of ten */
            v = 9.999995 * pow(10.0, (double)(x % 22) - 7) * (1.0 + (u - 0.5) * 1e-15);
            break;
        default: /* random bit patterns */
            memcpy(&v, &x, sizeof(v));
            if (!isfinite(v))
                v = u;
        }
        if ((x >> 50) & 1)
            v = -v;
        jk_format_double(s, sizeof(s), v);
        snprintf(want, sizeof(want), "%.6g", v);
        if (v == 0)
            strcpy(want, "0");
        if (strcmp(s, want) != 0)
            fail_msg("%.17g: %s, printf says %s", v, s, want);
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
    fx_assert_output(jk_export_terms_csv, &m,
                     "id,label,occurrences,documents,links,total_link_strength,cluster,aliases\n"
                     "1,kerja sama,12,10,2,7,1,\n"
                     "2,sister city,7,6,1,5,1,\n"
                     "3,dinas,3,3,1,2,2,\n");
    m.has_layout = 1;
    fx_assert_output(
        jk_export_terms_csv, &m,
        "id,label,occurrences,documents,links,total_link_strength,cluster,x,y,aliases\n"
        "1,kerja sama,12,10,2,7,1,0.5,-0.25,\n"
        "2,sister city,7,6,1,5,1,-0.333333,0.125,\n"
        "3,dinas,3,3,1,2,2,2e-07,1e+06,\n");
    m.has_layout = 0;
    m.terms[0].aliases = strdup("kerjasama; kerja-sama, baru");
    fx_assert_output(jk_export_terms_csv, &m,
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
    fx_assert_output(jk_export_terms_csv, &m,
                     "id,label,occurrences,documents,links,total_link_strength,cluster,x,y,"
                     "avg_year,avg_citations,aliases\n"
                     "1,kerja sama,12,10,2,7,1,0.5,-0.25,2019.5,,\n"
                     "2,sister city,7,6,1,5,1,-0.333333,0.125,,3.25,\n"
                     "3,dinas,3,3,1,2,2,2e-07,1e+06,2021,0,\n");
    m.has_layout = 0;
    m.has_citations = 0;
    fx_assert_output(
        jk_export_terms_csv, &m,
        "id,label,occurrences,documents,links,total_link_strength,cluster,avg_year,aliases\n"
        "1,kerja sama,12,10,2,7,1,2019.5,\n"
        "2,sister city,7,6,1,5,1,,\n"
        "3,dinas,3,3,1,2,2,2021,\n");
    m.has_years = 0;
    m.has_citations = 1;
    fx_assert_output(
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
    fx_assert_output(jk_export_links_csv, &m,
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
    fx_assert_output(jk_export_clusters_csv, &m,
                     "cluster,size,top_terms\n"
                     "1,2,kerja sama; sister city\n"
                     "2,1,dinas\n");
    m.n_clusters = 0;
    for (size_t i = 0; i < m.n_terms; i++)
        m.terms[i].cluster = 0;
    fx_assert_output(jk_export_clusters_csv, &m, "cluster,size,top_terms\n");
    jk_map_release(&m);
}

/* Cluster 2 has 12 terms: ties by label, only ten listed; cluster 3 is empty. */
static void test_clusters_top_ten(void **state)
{
    (void)state;
    static const struct fx_term t[] = {
        {"zeta", 5, 2, 0, 0},  {"alpha", 1, 2, 0, 0}, {"beta", 9, 2, 0, 0},   {"gamma", 5, 2, 0, 0},
        {"solo", 50, 1, 0, 0}, {"delta", 5, 2, 0, 0}, {"eta", 2, 2, 0, 0},    {"theta", 3, 2, 0, 0},
        {"iota", 4, 2, 0, 0},  {"kappa", 1, 2, 0, 0}, {"lambda", 7, 2, 0, 0}, {"mu", 8, 2, 0, 0},
        {"nu", 1, 2, 0, 0},
    };
    struct jk_map m;
    fx_build_map(&m, t, sizeof(t) / sizeof(t[0]), NULL, 0, 3);
    m.terms[4].documents = 9; /* solo: 50 occurrences in 9 documents */
    fx_assert_output(jk_export_clusters_csv, &m,
                     "cluster,size,top_terms\n"
                     "1,1,solo\n"
                     "2,12,beta; mu; lambda; delta; gamma; zeta; iota; theta; eta; alpha\n"
                     "3,0,\n");
    jk_map_release(&m);
}

static const struct fx_term awkward_terms[] = {
    {"kota, \"kembar\"\nbaru", 4, 1, 0, 0},
    {" spasi", 2, 1, 0, 0},
};
static const struct jk_link awkward_link[] = {{0, 1, 3, 0.25}};

static void test_quoted_labels(void **state)
{
    (void)state;
    struct jk_map m;
    fx_build_map(&m, awkward_terms, 2, awkward_link, 1, 1);
    m.has_layout = 0;
    fx_assert_output(jk_export_terms_csv, &m,
                     "id,label,occurrences,documents,links,total_link_strength,cluster,aliases\n"
                     "1,\"kota, \"\"kembar\"\"\nbaru\",4,4,1,3,1,\n"
                     "2,\" spasi\",2,2,1,3,1,\n");
    fx_assert_output(jk_export_links_csv, &m,
                     "source_id,target_id,source,target,weight,association\n"
                     "1,2,\"kota, \"\"kembar\"\"\nbaru\",\" spasi\",3,0.25\n");
    fx_assert_output(jk_export_clusters_csv, &m,
                     "cluster,size,top_terms\n"
                     "1,2,\"kota, \"\"kembar\"\"\nbaru;  spasi\"\n");
    jk_map_release(&m);
}

/* Python's csv module reads the awkward labels back exactly. */
static void test_python_reads_back(void **state)
{
    (void)state;
    if (!fx_python_ready("csv"))
        skip();
    struct jk_map m;
    fx_build_map(&m, awkward_terms, 2, awkward_link, 1, 1);
    int rc = fx_run_on_file(
        jk_export_links_csv, &m,
        FX_PYTHON " -c 'import csv,sys\n"
                  "rows = list(csv.reader(open(sys.argv[1], newline=\"\", encoding=\"utf-8\")))\n"
                  "assert len(rows) == 2, rows\n"
                  "assert rows[1] == [\"1\", \"2\", \"kota, \\x22kembar\\x22\\nbaru\", "
                  "\" spasi\", \"3\", \"0.25\"], rows\n'",
        "");
    jk_map_release(&m);
    assert_int_equal(rc, 0);
}

static void test_write_failure(void **state)
{
    (void)state;
    FILE *f = fx_open_full();
    struct jk_map m;
    build_three(&m, 1);
    const fx_writer fns[] = {jk_export_terms_csv, jk_export_links_csv, jk_export_clusters_csv};
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
    size_t len = 0;
    enum jk_status st;
    char *text = fx_run_writer(jk_export_links_csv, &m, &len, &st);
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
    fx_assert_output(jk_export_terms_csv, &m,
                     "id,label,occurrences,documents,links,total_link_strength,cluster,aliases\n");
    fx_assert_output(jk_export_links_csv, &m,
                     "source_id,target_id,source,target,weight,association\n");
    fx_assert_output(jk_export_clusters_csv, &m, "cluster,size,top_terms\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_double),
        cmocka_unit_test(test_format_double_exact),
        cmocka_unit_test(test_format_double_exact_is_fewest),
        cmocka_unit_test(test_format_double_whole),
        cmocka_unit_test(test_format_double_is_printf),
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
