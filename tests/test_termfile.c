/* Tests of src/termfile: the shared line reader and splitter, and the reviewed terms file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "termfile.h"
#include "testutil.h"

#define DATA JK_TEST_DATA "/parsers/"

static void assert_normalises(const char *in, const char *want)
{
    struct jk_buf b;
    jk_buf_init(&b);
    assert_true(jk_normalise_term(in, strlen(in), &b));
    assert_string_equal(b.data, want);
    assert_int_equal(b.len, strlen(want));
    jk_buf_release(&b);
}

static void test_normalise_case_and_spacing(void **state)
{
    (void)state;
    assert_normalises("  Kerja \t SAMA\r\n", "kerja sama");
    assert_normalises("Sumber\xc2\xa0"
                      "Daya\xe2\x80\x83Manusia",
                      "sumber daya manusia");
    assert_normalises("ÜBER Ökonomie", "über ökonomie");
    assert_normalises("", "");
    assert_normalises(" \t ", "");
    struct jk_buf b;
    jk_buf_init(&b);
    assert_false(jk_normalise_term("a\xff", 2, &b));
    jk_buf_release(&b);
}

static void test_tsv_split_plain_and_quoted(void **state)
{
    (void)state;
    struct jk_field f[4];
    const char *err = NULL;
    char a[] = "a\t\"b\tc\"\t\"say \"\"hi\"\"\"\t";
    size_t n = jk_tsv_split(a, strlen(a), f, 4, &err);
    assert_int_equal(n, 4);
    assert_int_equal(f[0].len, 1);
    assert_memory_equal(f[1].s, "b\tc", 3);
    assert_int_equal(f[1].len, 3);
    assert_int_equal(f[2].len, strlen("say \"hi\""));
    assert_memory_equal(f[2].s, "say \"hi\"", f[2].len);
    assert_int_equal(f[3].len, 0);
    char b[] = "x\ty\tz";
    assert_int_equal(jk_tsv_split(b, strlen(b), f, 1, &err), 3); /* counts past max */
    char c[] = "";
    assert_int_equal(jk_tsv_split(c, 0, f, 4, &err), 1);
    assert_int_equal(f[0].len, 0);
    char d[] = "\"open\tx";
    assert_int_equal(jk_tsv_split(d, strlen(d), f, 4, &err), SIZE_MAX);
    assert_non_null(strstr(err, "no closing quote"));
    char e[] = "\"a\"b\tx";
    assert_int_equal(jk_tsv_split(e, strlen(e), f, 4, &err), SIZE_MAX);
    assert_non_null(strstr(err, "text follows"));
    char g[] = "\"a\"  \tx"; /* spaces after the closing quote are allowed */
    assert_int_equal(jk_tsv_split(g, strlen(g), f, 4, &err), 2);
    assert_int_equal(f[0].len, 1);
}

static void test_line_reader_counts_skipped_lines(void **state)
{
    (void)state;
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "l.txt", "\xef\xbb\xbf# one\r\n\r\n \t \nalpha\r\n  # two\nbeta");
    snprintf(path, sizeof(path), "%s/l.txt", dir);
    struct jk_lines r;
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_lines_open(&r, path, "test list", true, &d), JK_OK);
    assert_true(jk_lines_next(&r, &d));
    assert_string_equal(r.line, "alpha");
    assert_int_equal(r.lineno, 4);
    assert_true(jk_lines_next(&r, &d));
    assert_string_equal(r.line, "beta");
    assert_int_equal(r.lineno, 6);
    assert_false(jk_lines_next(&r, &d));
    assert_int_equal(r.status, JK_OK);
    jk_lines_close(&r);
    jk_lines_close(&r);
    /* without comments a '#' line is a line; NUL bytes are an error */
    tu_write(dir, "n.txt", "# one\nx\0y\n", 10);
    snprintf(path, sizeof(path), "%s/n.txt", dir);
    assert_int_equal(jk_lines_open(&r, path, "test list", false, &d), JK_OK);
    assert_true(jk_lines_next(&r, &d));
    assert_string_equal(r.line, "# one");
    assert_false(jk_lines_next(&r, &d));
    assert_int_equal(r.status, JK_E_INPUT);
    char where[160];
    snprintf(where, sizeof(where), "%s:2:", path);
    assert_non_null(strstr(d.msg, where));
    assert_non_null(strstr(d.msg, "NUL"));
    jk_lines_close(&r);
    tu_rmtree(dir);
}

static void test_round_trip_write_then_read(void **state)
{
    (void)state;
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    snprintf(path, sizeof(path), "%s/terms.tsv", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    jk_termfile_header(f);
    jk_termfile_row(f, "kerja sama", 12, 7, 0.81234, true, "kerjasama; kerja-sama");
    jk_termfile_row(f, "sister\tcity\n", 5, 3, 1.0 / 3.0, false, NULL);
    jk_termfile_row(f, "\"quoted\" term", 2, 2, -0.0, true, "a\tb");
    jk_termfile_row(f, "nan term", 1, 1, NAN, false, "");
    assert_int_equal(fclose(f), 0);

    f = fopen(path, "rb");
    char text[1024];
    size_t n = fread(text, 1, sizeof(text) - 1, f);
    fclose(f);
    text[n] = '\0';
    assert_string_equal(text, "term\toccurrences\tdocuments\trelevance\tselected\taliases\n"
                              "kerja sama\t12\t7\t0.8123\tyes\tkerjasama; kerja-sama\n"
                              "sister city \t5\t3\t0.3333\tno\t\n"
                              "\"\"\"quoted\"\" term\"\t2\t2\t0.0000\tyes\ta b\n"
                              "nan term\t1\t1\tNaN\tno\t\n");

    struct jk_termfile t;
    jk_termfile_init(&t);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_termfile_load(&t, path, &d), JK_OK);
    assert_int_equal(jk_termfile_count(&t), 4);
    assert_int_equal(t.n_selected, 2);
    bool known = false;
    assert_true(jk_termfile_selected(&t, "kerja sama", 10, &known));
    assert_true(known);
    assert_false(jk_termfile_selected(&t, "sister city", 11, &known));
    assert_true(known);
    assert_true(jk_termfile_selected(&t, "\"quoted\" term", 13, &known));
    assert_false(jk_termfile_selected(&t, "nan term", 8, NULL));
    assert_false(jk_termfile_selected(&t, "pemerintah", 10, &known));
    assert_false(known);
    jk_termfile_release(&t);
    jk_termfile_release(&t);
    jk_termfile_release(NULL);
    tu_rmtree(dir);
}

static void test_spreadsheet_export_is_read(void **state)
{
    (void)state;
    struct jk_termfile t;
    jk_termfile_init(&t);
    struct jk_diag d;
    jk_diag_init(&d);
    /* BOM, CRLF, columns reordered and renamed in case, extra columns, quotes */
    assert_int_equal(jk_termfile_load(&t, DATA "terms-spreadsheet.tsv", &d), JK_OK);
    assert_int_equal(jk_termfile_count(&t), 4);
    bool known;
    assert_true(jk_termfile_selected(&t, "kerja sama", 10, &known));
    assert_false(jk_termfile_selected(&t, "sister city", 11, &known));
    assert_true(known);
    assert_true(jk_termfile_selected(&t, "a b", 3, &known)); /* quoted tab -> one space */
    assert_false(jk_termfile_selected(&t, "kota kembar", 11, &known));
    assert_true(known);
    jk_termfile_release(&t);
}

static enum jk_status load_text(const char *text, char *path, size_t n, struct jk_termfile *t,
                                struct jk_diag *d)
{
    char dir[64];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "terms.tsv", text);
    snprintf(path, n, "%s/terms.tsv", dir);
    jk_termfile_init(t);
    jk_diag_init(d);
    enum jk_status st = jk_termfile_load(t, path, d);
    tu_rmtree(dir);
    return st;
}

static void assert_fails_at(const char *text, int line, const char *what)
{
    char path[128], where[160];
    struct jk_termfile t;
    struct jk_diag d;
    assert_int_equal(load_text(text, path, sizeof(path), &t, &d), JK_E_INPUT);
    snprintf(where, sizeof(where), "%s:%d:", path, line);
    if (!strstr(d.msg, where) || !strstr(d.msg, what))
        fail_msg("message '%s' lacks '%s' or '%s'", d.msg, where, what);
    jk_termfile_release(&t);
}

static void test_selected_values(void **state)
{
    (void)state;
    char path[128];
    struct jk_termfile t;
    struct jk_diag d;
    assert_int_equal(load_text("term\tselected\na\tYES\nb\t y \nc\tTrue\nd\t1\nx\tYa\n"
                               "e\tNo\nf\tN\ng\tfalse\nh\t0\nz\ttidak\n",
                               path, sizeof(path), &t, &d),
                     JK_OK);
    const char *yes = "abcdx", *no = "efghz";
    for (int i = 0; i < 5; i++) {
        bool known = false;
        assert_true(jk_termfile_selected(&t, &yes[i], 1, &known));
        assert_true(known);
        assert_false(jk_termfile_selected(&t, &no[i], 1, &known));
        assert_true(known);
    }
    jk_termfile_release(&t);
    /* only a header: no terms, not an error */
    assert_int_equal(load_text("Term\tSelected\n", path, sizeof(path), &t, &d), JK_OK);
    assert_int_equal(jk_termfile_count(&t), 0);
    jk_termfile_release(&t);
}

/*
 * Reads bytes[0..len) as a list file: its lines joined with '|' into out,
 * or the error in d.
 */
static enum jk_status read_lines(const char *bytes, size_t len, char *out, size_t n,
                                 struct jk_diag *d)
{
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write(dir, "list.txt", bytes, len);
    snprintf(path, sizeof(path), "%s/list.txt", dir);
    jk_diag_init(d);
    struct jk_lines r;
    out[0] = '\0';
    enum jk_status st = jk_lines_open(&r, path, "list", false, d);
    while (st == JK_OK && jk_lines_next(&r, d)) {
        size_t at = strlen(out);
        snprintf(out + at, n - at, "%s%s", at ? "|" : "", r.line);
    }
    if (st == JK_OK)
        st = r.status;
    jk_lines_close(&r);
    tu_rmtree(dir);
    return st;
}

#define READS_AS(bytes, want)                                                                      \
    do {                                                                                           \
        assert_int_equal(read_lines(bytes, sizeof(bytes) - 1, got, sizeof(got), &d), JK_OK);       \
        assert_string_equal(got, want);                                                            \
    } while (0)

#define FAILS_AT(bytes, where, what)                                                               \
    do {                                                                                           \
        assert_int_equal(read_lines(bytes, sizeof(bytes) - 1, got, sizeof(got), &d), JK_E_INPUT);  \
        assert_non_null(strstr(d.msg, where));                                                     \
        assert_non_null(strstr(d.msg, what));                                                      \
    } while (0)

/* UTF-16 (by its byte-order mark) and Windows-1252 files reach the reader as UTF-8. */
static void test_lines_convert_utf16_and_windows_1252(void **state)
{
    (void)state;
    char got[256];
    struct jk_diag d;
    READS_AS("kata\r\n\xc3\xbc"
             "ber kota\n",
             "kata|\xc3\xbc"
             "ber kota");
    READS_AS("\xff\xfek\0a\0t\0a\0\r\0\n\0\xfc\0b\0e\0r\0 \0k\0o\0t\0a\0\n\0", "kata|\xc3\xbc"
                                                                               "ber kota");
    READS_AS("\xfe\xff\0k\0a\0t\0a\0\n\0\xfc\0b\0e\0r\0 \0k\0o\0t\0a", "kata|\xc3\xbc"
                                                                       "ber kota");
    READS_AS("\xff\xfe\x3d\xd8\x00\xde", "\xf0\x9f\x98\x80"); /* a surrogate pair */
    /* curly quotes and a Latin-1 letter, as a spreadsheet on Windows saves them */
    READS_AS("kata\n\x93kerja sama\x94 universit\xe4t\n",
             "kata|\xe2\x80\x9c"
             "kerja sama\xe2\x80\x9d universit\xc3\xa4t");
    /* damage in a UTF-8 file stays an error: no guessing once UTF-8 was seen */
    FAILS_AT("\xc3\xbc"
             "ber\nuniversit\xe4t\n",
             ":2:", "not valid UTF-8");
    FAILS_AT("universit\xe4t\nx\x81y\n", ":2:", "neither UTF-8 nor Windows-1252");
    FAILS_AT("\xff\xfe"
             "a\0\n\0\x3d\xd8x\0",
             ":2:", "unpaired surrogate");
    FAILS_AT("\xff\xfe"
             "a\0\n\0\x00\xdc",
             ":2:", "unpaired surrogate");
    FAILS_AT("\xff\xfe"
             "a\0\n\0b",
             ":2:", "half a character");
    FAILS_AT("\xff\xfe"
             "a\0\0\0",
             ":1:", "NUL");
}

/*
 * Found by fuzz/fuzz_thesaurus.c (tests/data/fuzz/lines/cp1252-line-grows.txt):
 * a Windows-1252 line grows when converted, past the buffer the line was read
 * into, and the reader went on looking at the old one.
 */
static void test_fuzz_converted_line_outgrows_its_buffer(void **state)
{
    (void)state;
    struct jk_lines r;
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(
        jk_lines_open(&r, JK_TEST_DATA "/fuzz/lines/cp1252-line-grows.txt", "list", false, &d),
        JK_OK);
    assert_true(jk_lines_next(&r, &d));
    assert_string_equal(r.line, "label\treplace by");
    assert_true(jk_lines_next(&r, &d));
    size_t a_rings = 0; /* 0xC5 in Windows-1252 is U+00C5, two bytes in UTF-8 */
    for (const char *p = r.line; (p = strstr(p, "\xc3\x85")) != NULL; p += 2)
        a_rings++;
    assert_int_equal(a_rings, 106);
    assert_int_equal(r.len, strlen(r.line));
    assert_true(jk_lines_next(&r, &d));
    assert_string_equal(r.line, "\"");
    assert_false(jk_lines_next(&r, &d));
    assert_int_equal(r.status, JK_OK);
    jk_lines_close(&r);
}

static void test_malformed_files_name_file_and_line(void **state)
{
    (void)state;
    assert_fails_at("term\toccurrences\trelevance\taliases\na\t1\t0.5\t\n", 1,
                    "no 'selected' column");
    assert_fails_at("\nselected\tcount\nyes\t1\n", 2, "no 'term' column");
    assert_fails_at("term\tselected\na\tyes\nb\tmaybe\n", 3, "'maybe'");
    assert_fails_at("term\tselected\na\t\n", 2, "selected value ''");
    assert_fails_at("selected\tx\tterm\nyes\t1\n", 2, "has 2 columns");
    assert_fails_at("term\tselected\n\"\"\tyes\n", 2, "term column is empty");
    assert_fails_at("term\tselected\nkerja sama\tyes\nx\tno\nKerja  Sama\tno\n", 4, "on line 2");
    assert_fails_at("term\tselected\n\"kerja sama\tyes\n", 2, "no closing quote");
    /* damaged UTF-8 beside valid UTF-8 ("ü"): not mistaken for Windows-1252 */
    assert_fails_at("term\tselected\na\tyes\nb\xc3\xbc\xe2\x28\xa1\tno\n", 3, "UTF-8");
    /* the same term twice with the same selection is fine */
    char path[128];
    struct jk_termfile t;
    struct jk_diag d;
    assert_int_equal(load_text("term\tselected\na\tyes\nA\ty\n", path, sizeof(path), &t, &d),
                     JK_OK);
    assert_int_equal(jk_termfile_count(&t), 1);
    jk_termfile_release(&t);
    assert_int_equal(load_text("\n\n", path, sizeof(path), &t, &d), JK_E_INPUT);
    assert_non_null(strstr(d.msg, "empty"));
    jk_termfile_release(&t);
    jk_termfile_init(&t);
    jk_diag_init(&d);
    assert_int_equal(jk_termfile_load(&t, "/nonexistent/terms.tsv", &d), JK_E_INPUT);
    assert_non_null(strstr(d.msg, "/nonexistent/terms.tsv"));
    jk_termfile_release(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normalise_case_and_spacing),
        cmocka_unit_test(test_tsv_split_plain_and_quoted),
        cmocka_unit_test(test_line_reader_counts_skipped_lines),
        cmocka_unit_test(test_round_trip_write_then_read),
        cmocka_unit_test(test_spreadsheet_export_is_read),
        cmocka_unit_test(test_selected_values),
        cmocka_unit_test(test_lines_convert_utf16_and_windows_1252),
        cmocka_unit_test(test_fuzz_converted_line_outgrows_its_buffer),
        cmocka_unit_test(test_malformed_files_name_file_and_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
