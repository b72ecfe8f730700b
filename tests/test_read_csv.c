/* Tests of src/read_csv: Scopus, Publish or Perish and repository exports; broken files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "read_csv.h"
#include "read_fixture.h"

#define DATA JK_TEST_DATA "/records/"

static enum jk_status read_ok(const char *path, const struct jk_csv_columns *cols, struct rf_got *g)
{
    struct jk_diag d;
    jk_diag_init(&d);
    enum jk_status st = jk_read_csv(path, cols, rf_collect, g, &d);
    if (st != JK_OK)
        fprintf(stderr, "%s\n", d.msg);
    return st;
}

static void test_scopus_comma_bom_multiline(void **state)
{
    (void)state;
    struct rf_got g = {0};
    assert_int_equal(read_ok(DATA "scopus.csv", NULL, &g), JK_OK);
    assert_int_equal(g.n, 3);
    assert_string_equal(g.rec[0], "title=Pemetaan literatur dengan jaringan kata\n"
                                  "abstract=Kami memetakan istilah, kata kunci\n"
                                  "dan \"frasa\" dari abstrak.\n"
                                  "keywords=bibliometrik; pemetaan sains\n"
                                  "authors=Sari D.; Putra A.\ndoi=10.1234/abc.5\n"
                                  "venue=Jurnal Informatika\nyear=2021\ncitations=12\nline=2");
    assert_string_equal(g.rec[1], "title=Term maps\nabstract=Short abstract.\nkeywords=\n"
                                  "authors=Smith J.\ndoi=10.5/x\nvenue=Scientometrics\n"
                                  "year=2019\ncitations=?\nline=4");
    assert_string_equal(g.rec[2], "title=Paper without abstract\nabstract=\nkeywords=maps\n"
                                  "authors=Lee K.\ndoi=\nvenue=Scientometrics\n"
                                  "year=2020\ncitations=1\nline=5");
    rf_release(&g);
}

static void test_publish_or_perish_semicolons(void **state)
{
    (void)state;
    struct rf_got g = {0};
    assert_int_equal(read_ok(DATA "pop.csv", NULL, &g), JK_OK);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.rec[0], "title=Analisis sentimen; teks berita\nabstract=\nkeywords=\n"
                                  "authors=A Rahman, B Wijaya\ndoi=\nvenue=Jurnal Ilmu Komputer\n"
                                  "year=2018\ncitations=45\nline=2");
    assert_string_equal(g.rec[1], "title=Klasterisasi dokumen\nabstract=\nkeywords=\n"
                                  "authors=C Dewi\ndoi=10.9/ab\nvenue=Prosiding SNATI\n"
                                  "year=2020\ncitations=3\nline=3");
    rf_release(&g);
}

static void test_indonesian_repository(void **state)
{
    (void)state;
    struct rf_got g = {0};
    assert_int_equal(read_ok(DATA "repo.csv", NULL, &g), JK_OK);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.rec[0], "title=Sistem informasi akademik\n"
                                  "abstract=Penelitian ini membangun sistem informasi.\n"
                                  "keywords=sistem informasi; basis data\n"
                                  "authors=Budi Santoso\ndoi=\nvenue=\nyear=2017\n"
                                  "citations=?\nline=2");
    assert_string_equal(g.rec[1], "title=Jaringan saraf tiruan\nabstract=\n"
                                  "keywords=jaringan saraf\nauthors=Sri Wahyuni; Andi\ndoi=\n"
                                  "venue=\nyear=2019\ncitations=?\nline=3");
    rf_release(&g);
}

static void test_columns_override(void **state)
{
    (void)state;
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    snprintf(path, sizeof(path), "%s/x.csv", dir);
    tu_write_str(dir, "x.csv", "Nama Skripsi,Ringkasan,Tahun Lulus\nA,Isi ringkasan,2015\n");
    struct jk_csv_columns c;
    jk_csv_columns_init(&c);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_csv_columns_parse(" title = Nama Skripsi,abstract=Ringkasan,"
                                          "YEAR=tahun lulus",
                                          &c, &d),
                     JK_OK);
    assert_string_equal(c.name[JK_CSV_TITLE], "Nama Skripsi");
    struct rf_got g = {0};
    assert_int_equal(read_ok(path, &c, &g), JK_OK);
    assert_int_equal(g.n, 1);
    assert_non_null(strstr(g.rec[0], "title=A\nabstract=Isi ringkasan\n"));
    assert_non_null(strstr(g.rec[0], "year=2015\n"));
    rf_release(&g);
    jk_csv_columns_parse("keywords=Kata", &c, &d);
    assert_int_equal(jk_read_csv(path, &c, rf_collect, &g, &d), JK_E_INPUT);
    assert_non_null(strstr(d.msg, "no column named 'Kata'"));
    jk_diag_init(&d);
    assert_int_equal(jk_csv_columns_parse("titel=X", &c, &d), JK_E_USAGE);
    assert_non_null(strstr(d.msg, "'titel=X'"));
    jk_diag_init(&d);
    assert_int_equal(jk_csv_columns_parse("title", &c, &d), JK_E_USAGE);
    jk_csv_columns_release(&c);
    jk_csv_columns_release(NULL);
    tu_rmtree(dir);
}

/* Runs the reader on text written to dir/name; returns stderr (caller frees). */
static char *read_broken(const char *dir, const char *name, const char *text, struct rf_got *g,
                         struct jk_diag *d, enum jk_status *st)
{
    char path[128];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    tu_write_str(dir, name, text);
    jk_diag_init(d);
    int saved = rf_stderr_begin(dir);
    *st = jk_read_csv(path, NULL, rf_collect, g, d);
    return rf_stderr_end(dir, saved);
}

static void test_unterminated_quote(void **state)
{
    (void)state;
    char dir[64];
    tu_mkdtemp(dir, sizeof(dir));
    struct rf_got g = {0};
    struct jk_diag d;
    enum jk_status st;
    char *err = read_broken(dir, "open.csv",
                            "Title,Abstract\nFirst,Fine\nSecond,\"never closed\nThird,x\n"
                            "Fourth,y\n",
                            &g, &d, &st);
    assert_int_equal(st, JK_OK);
    assert_int_equal(g.n, 1);
    assert_non_null(strstr(g.rec[0], "title=First\nabstract=Fine\n"));
    assert_non_null(strstr(err, "open.csv:3: a quoted field in this row is never closed"));
    assert_non_null(strstr(err, "lines 3-5 were skipped"));
    free(err);
    rf_release(&g);
    tu_rmtree(dir);
}

/* read_broken with jk_record_max_bytes at 64 bytes, restored after. */
static char *read_limited(const char *dir, const char *name, const char *text, struct rf_got *g,
                          struct jk_diag *d, enum jk_status *st)
{
    size_t limit = jk_record_max_bytes;
    jk_record_max_bytes = 64;
    char *err = read_broken(dir, name, text, g, d, st);
    jk_record_max_bytes = limit;
    return err;
}

/*
 * A quoted field that runs over lines past jk_record_max_bytes stops the reading there, with
 * one warning: the rows before it are read, nothing after it is held. A quoted field over
 * several lines within the limit is read as before.
 */
static void test_runaway_quote_stops_reading(void **state)
{
    (void)state;
    char dir[64];
    tu_mkdtemp(dir, sizeof(dir));
    struct rf_got g = {0};
    struct jk_diag d;
    enum jk_status st;
    const char *lines = "twenty bytes of text\ntwenty bytes of text\ntwenty bytes of text\n"
                        "twenty bytes of text\n";
    char text[256];
    snprintf(text, sizeof(text),
             "Title,Abstract\nFirst,\"two\nlines\"\nSecond,\"never closed\n%sThird,x\n"
             "\"Fourth\",\"y\"\n",
             lines);
    char *err = read_limited(dir, "runaway.csv", text, &g, &d, &st);
    assert_int_equal(st, JK_OK);
    assert_int_equal(g.n, 1);
    assert_non_null(strstr(g.rec[0], "title=First\n"));
    assert_non_null(strstr(g.rec[0], "lines"));
    assert_non_null(strstr(err, "runaway.csv:4: a quoted field in this row runs past 0 MB"));
    assert_non_null(strstr(err, "the rest of the file from line 4 on was skipped"));
    assert_null(strstr(err, "never closed")); /* one warning */
    free(err);
    rf_release(&g);
    /* in the header: the error of a header never closed, as soon as it runs past */
    snprintf(text, sizeof(text), "\"Title,Abstract\n%sFirst,x\n", lines);
    err = read_limited(dir, "header.csv", text, &g, &d, &st);
    assert_int_equal(st, JK_E_INPUT);
    assert_int_equal(g.n, 0);
    assert_non_null(strstr(d.msg, "header.csv:1: a quoted field of the header runs past 0 MB"));
    free(err);
    rf_release(&g);
    tu_rmtree(dir);
}

static void test_wrong_field_count(void **state)
{
    (void)state;
    char dir[64];
    tu_mkdtemp(dir, sizeof(dir));
    struct rf_got g = {0};
    struct jk_diag d;
    enum jk_status st;
    char *err =
        read_broken(dir, "count.csv", "Title;Year\nA;2001\nB;2002;extra\nC;2003\n", &g, &d, &st);
    assert_int_equal(st, JK_OK);
    assert_int_equal(g.n, 2);
    assert_non_null(strstr(g.rec[1], "title=C\n"));
    assert_non_null(strstr(err, "count.csv:3: the row has 3 fields but the header has 2"));
    free(err);
    rf_release(&g);
    tu_rmtree(dir);
}

static void test_no_text_column(void **state)
{
    (void)state;
    char dir[64];
    tu_mkdtemp(dir, sizeof(dir));
    struct rf_got g = {0};
    struct jk_diag d;
    enum jk_status st;
    char *err = read_broken(dir, "notext.csv", "Year,Cited by,DOI\n2001,3,10.1/x\n", &g, &d, &st);
    assert_int_equal(st, JK_E_INPUT);
    assert_int_equal(g.n, 0);
    assert_non_null(strstr(d.msg, "notext.csv: no title, abstract or keywords column"));
    assert_non_null(strstr(d.msg, "\"Year\", \"Cited by\", \"DOI\""));
    free(err);
    err = read_broken(dir, "empty.csv", "", &g, &d, &st);
    assert_int_equal(st, JK_E_INPUT);
    assert_non_null(strstr(d.msg, "empty.csv: the file is empty"));
    free(err);
    /* a header whose quote never closes is no header, not an empty file, and one message */
    err = read_broken(dir, "quote.csv", "\"Title,Abstract\nA,b\n", &g, &d, &st);
    assert_int_equal(st, JK_E_INPUT);
    assert_non_null(strstr(d.msg, "quote.csv:1: a quoted field of the header is never closed"));
    assert_string_equal(err, "");
    free(err);
    char path[128];
    snprintf(path, sizeof(path), "%s/quote.csv", dir);
    bool has = true;
    jk_diag_init(&d);
    assert_int_equal(jk_csv_has_text_columns(path, NULL, &has, NULL, &d), JK_E_INPUT);
    assert_false(has);
    assert_non_null(strstr(d.msg, "quote.csv:1: a quoted field of the header is never closed"));
    tu_rmtree(dir);
}

/*
 * The header alone tells an export from a table: a survey's answers have no
 * title, abstract or keywords column. Rows after the header are not read
 * (no warning for a broken one); unreadable files are still errors.
 */
static void test_header_only_check(void **state)
{
    (void)state;
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    struct jk_diag d;
    struct jk_buf header;
    jk_buf_init(&header);
    bool has = false;
    jk_diag_init(&d);
    assert_int_equal(jk_csv_has_text_columns(DATA "scopus.csv", NULL, &has, &header, &d), JK_OK);
    assert_true(has);
    assert_non_null(strstr(header.data, "\"Title\""));
    tu_write_str(dir, "survei.csv", "Responden;Umur;Jawaban\n1;23;setuju\n2;\"never closed\n");
    snprintf(path, sizeof(path), "%s/survei.csv", dir);
    int saved = rf_stderr_begin(dir);
    assert_int_equal(jk_csv_has_text_columns(path, NULL, &has, &header, &d), JK_OK);
    char *err = rf_stderr_end(dir, saved);
    assert_false(has);
    assert_string_equal(header.data, "\"Responden\", \"Umur\", \"Jawaban\"");
    assert_string_equal(err, ""); /* the unclosed quote is in a row never read */
    free(err);
    tu_write_str(dir, "empty.csv", "");
    snprintf(path, sizeof(path), "%s/empty.csv", dir);
    jk_diag_init(&d);
    has = true;
    assert_int_equal(jk_csv_has_text_columns(path, NULL, &has, NULL, &d), JK_E_INPUT);
    assert_false(has);
    assert_non_null(strstr(d.msg, "empty.csv: the file is empty"));
    snprintf(path, sizeof(path), "%s/missing.csv", dir);
    jk_diag_init(&d);
    assert_int_equal(jk_csv_has_text_columns(path, NULL, &has, NULL, &d), JK_E_INPUT);
    assert_non_null(strstr(d.msg, "missing.csv"));
    jk_buf_release(&header);
    tu_rmtree(dir);
}

/*
 * Found by fuzz/fuzz_csv.c (tests/data/fuzz/csv/cr-ends-rows-after-header.csv):
 * a lone CR ends a row inside one line for libcsv, so the line that ends the
 * header also ended a data row, which the header-only check handed to a
 * record callback it does not have (a NULL call).
 */
static void test_fuzz_cr_ends_rows_after_the_header(void **state)
{
    (void)state;
    struct jk_diag d;
    jk_diag_init(&d);
    bool has = false;
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    int saved = rf_stderr_begin(dir); /* the file is not UTF-8: one warning, expected */
    enum jk_status st = jk_csv_has_text_columns(
        JK_TEST_DATA "/fuzz/csv/cr-ends-rows-after-header.csv", NULL, &has, NULL, &d);
    char *err = rf_stderr_end(dir, saved);
    assert_int_equal(st, JK_OK);
    assert_true(has); /* "Title" after a BOM that is not at the start: "Abstract" */
    assert_non_null(strstr(err, "not UTF-8"));
    free(err);
    tu_write_str(dir, "cr.csv", "Title,Abstract\rOne,First\rTwo,Second\n");
    snprintf(path, sizeof(path), "%s/cr.csv", dir);
    assert_int_equal(jk_csv_has_text_columns(path, NULL, &has, NULL, &d), JK_OK);
    assert_true(has);
    tu_rmtree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scopus_comma_bom_multiline),
        cmocka_unit_test(test_publish_or_perish_semicolons),
        cmocka_unit_test(test_indonesian_repository),
        cmocka_unit_test(test_columns_override),
        cmocka_unit_test(test_unterminated_quote),
        cmocka_unit_test(test_runaway_quote_stops_reading),
        cmocka_unit_test(test_wrong_field_count),
        cmocka_unit_test(test_no_text_column),
        cmocka_unit_test(test_header_only_check),
        cmocka_unit_test(test_fuzz_cr_ends_rows_after_the_header),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
