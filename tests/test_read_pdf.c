/*
 * Tests for read_pdf: fixtures are drawn with cairo in the test itself (a
 * two-page article with a running header, page numbers and metadata; a
 * "scan" without text) and derived from it (a truncated copy, a copy
 * encrypted with qpdf when installed), so no binary fixture is committed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo.h>

#include "read_pdf.h"
#include "testutil.h"
#include "util/mem.h"

#define QPDF   "/usr/bin/qpdf"
#define HEADER "Jurnal Hubungan Internasional Vol. 3"
#define TITLE  "Kerja Sama Pendidikan Indonesia dan Korea Selatan"

/* fontconfig (behind cairo's fonts) keeps its configuration until exit by design. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libfontconfig\n";
}

static const char *const page_lines[2][4] = {
    {"Kerja sama Indonesia dan Korea Selatan dalam bidang",
     "pendidikan tinggi berkembang pesat sejak tahun 2010. Pelaksa-",
     "naan program pertukaran mahasiswa didukung oleh pemerintah",
     "daerah dan universitas di kedua negara."},
    {"Diplomasi publik menjadi instrumen penting bagi negara",
     "berkembang untuk membangun citra di kawasan Asia Timur.",
     "Studi ini menggunakan metode kualitatif dengan wawancara",
     "mendalam terhadap pejabat kementerian luar negeri."},
};

struct got {
    int calls;
    char *title;
    char *text;
    int year;
    size_t number;
    const char *source;
};

static enum jk_status keep(void *ctx, const struct jk_record *r, struct jk_diag *diag)
{
    (void)diag;
    struct got *g = ctx;
    g->calls++;
    g->title = jk_strdup(r->title.data);
    g->text = jk_strdup(r->fulltext.data);
    g->year = r->year;
    g->number = r->number;
    g->source = r->source;
    return JK_OK;
}

static void got_release(struct got *g)
{
    free(g->title);
    free(g->text);
}

static void show(cairo_t *cr, double x, double y, const char *text)
{
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, text);
}

/* Two A4 pages: header on top, four lines of text, footer (printf format of the page number). */
static void make_article_with(const char *path, const char *footer)
{
    cairo_surface_t *s = cairo_pdf_surface_create(path, 595, 842);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, TITLE);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "2019-05-14T10:00:00");
    cairo_t *cr = cairo_create(s);
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 11);
    for (int p = 0; p < 2; p++) {
        show(cr, 72, 50, HEADER);
        for (int i = 0; i < 4; i++)
            show(cr, 72, 120 + 16 * i, page_lines[p][i]);
        char foot[80];
        snprintf(foot, sizeof(foot), footer, p + 1);
        show(cr, 72, 800, foot);
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(s);
    assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);
}

static void make_article(const char *path)
{
    make_article_with(path, "%d");
}

/* One page holding a filled rectangle, as a scanner's image would, and no text. */
static void make_scan(const char *path)
{
    cairo_surface_t *s = cairo_pdf_surface_create(path, 595, 842);
    cairo_t *cr = cairo_create(s);
    cairo_rectangle(cr, 60, 60, 475, 720);
    cairo_set_source_rgb(cr, 0.8, 0.8, 0.7);
    cairo_fill(cr);
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_surface_destroy(s);
}

/* Reads a whole file; the caller frees the result. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    struct jk_buf b;
    jk_buf_init(&b);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        jk_buf_add(&b, chunk, n);
    fclose(f);
    return jk_buf_detach(&b, len);
}

struct run {
    const char *path;
    struct got got;
    enum jk_status status;
    struct jk_diag diag;
};

static void run_reader(struct run *r)
{
    jk_diag_init(&r->diag);
    memset(&r->got, 0, sizeof(r->got));
    r->status = jk_read_pdf(r->path, keep, &r->got, &r->diag);
}

/* Runs the reader on path with stdout and stderr (GLib prints INFO on stdout) sent to a file;
 * returns what was written (caller frees). */
static char *read_capturing(struct run *r, const char *path)
{
    char dir[64], err_path[128];
    tu_mkdtemp(dir, sizeof(dir));
    snprintf(err_path, sizeof(err_path), "%s/err.txt", dir);
    r->path = path;
    fflush(stdout);
    fflush(stderr);
    int saved_out = dup(1), saved_err = dup(2);
    int fd = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(saved_out >= 0 && saved_err >= 0 && fd >= 0);
    dup2(fd, 1);
    dup2(fd, 2);
    close(fd);
    run_reader(r);
    fflush(stdout);
    fflush(stderr);
    dup2(saved_out, 1);
    dup2(saved_err, 2);
    close(saved_out);
    close(saved_err);
    char *err = slurp(err_path, NULL);
    tu_rmtree(dir);
    return err;
}

static size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* A skipped PDF: JK_OK, nothing emitted, one warning naming the file and holding `what`. */
static void assert_skipped(const char *path, const char *what)
{
    struct run r;
    char *err = read_capturing(&r, path);
    assert_int_equal(r.status, JK_OK);
    assert_int_equal(r.got.calls, 0);
    assert_int_equal(count_lines(err), 1);
    assert_non_null(strstr(err, "warning: skipping"));
    assert_non_null(strstr(err, path));
    assert_non_null(strstr(err, what));
    free(err);
}

static void test_article_text_and_metadata(void **state)
{
    (void)state;
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    snprintf(path, sizeof(path), "%s/artikel.pdf", dir);
    make_article(path);
    struct run r = {.path = path};
    run_reader(&r);
    assert_int_equal(r.status, JK_OK);
    assert_int_equal(r.got.calls, 1);
    assert_string_equal(r.got.source, path);
    assert_int_equal(r.got.number, 1);
    assert_string_equal(r.got.title, TITLE);
    assert_int_equal(r.got.year, 2019);
    struct jk_buf want;
    jk_buf_init(&want);
    for (int p = 0; p < 2; p++) {
        if (p)
            jk_buf_addc(&want, '\n');
        for (int i = 0; i < 4; i++)
            jk_buf_addf(&want, "%s\n", page_lines[p][i]);
    }
    assert_string_equal(r.got.text, want.data);
    assert_null(strstr(r.got.text, "Jurnal"));
    jk_buf_release(&want);
    got_release(&r.got);
    tu_rmtree(dir);
}

/* A footer that repeats except for its page number is a running footer too. */
static void test_footer_with_page_number(void **state)
{
    (void)state;
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    snprintf(path, sizeof(path), "%s/artikel.pdf", dir);
    make_article_with(path, "Universitas Padjadjaran | Halaman %d dari 2");
    struct run r = {.path = path};
    run_reader(&r);
    assert_int_equal(r.got.calls, 1);
    assert_null(strstr(r.got.text, "Halaman"));
    assert_null(strstr(r.got.text, "Jurnal"));
    assert_non_null(strstr(r.got.text, page_lines[1][3]));
    got_release(&r.got);
    tu_rmtree(dir);
}

/*
 * The page rules on page texts alone: a header repeated at the top of every
 * page and the page numbers go, a line repeated on one page only stays, the
 * body keeps its blank lines between paragraphs and one between pages; pages
 * with no more than a few words are a scan.
 */
static void test_pages_text_rules(void **state)
{
    (void)state;
    const char *pages[] = {
        "Jurnal Ilmu Pemerintahan Vol. 3\n\nOtonomi daerah memberi kewenangan kepada "
        "pemerintah daerah.\n\nAnggaran daerah disusun setiap tahun.  \n- 1 -\n",
        "Jurnal Ilmu Pemerintahan Vol. 3\nPelayanan publik menjadi ukuran kinerja pemerintah "
        "daerah.\n- 2 -\n",
        "Jurnal Ilmu Pemerintahan Vol. 3\nKesimpulan: desentralisasi fiskal berjalan dengan "
        "baik.\nKesimpulan: desentralisasi fiskal berjalan dengan baik.\n- 3 -",
    };
    struct jk_buf out;
    jk_buf_init(&out);
    assert_true(jk_pdf_pages_text(pages, 3, &out));
    assert_string_equal(out.data, "Otonomi daerah memberi kewenangan kepada pemerintah daerah.\n\n"
                                  "Anggaran daerah disusun setiap tahun.\n\n"
                                  "Pelayanan publik menjadi ukuran kinerja pemerintah daerah.\n\n"
                                  "Kesimpulan: desentralisasi fiskal berjalan dengan baik.\n"
                                  "Kesimpulan: desentralisasi fiskal berjalan dengan baik.\n");
    const char *scan[] = {"", "12", "", "Gambar 1"};
    assert_false(jk_pdf_pages_text(scan, 4, &out));
    assert_int_equal(out.len, 0);
    assert_false(jk_pdf_pages_text(NULL, 0, &out));
    jk_buf_release(&out);
}

static void test_truncated_is_skipped(void **state)
{
    (void)state;
    char dir[64], path[128], cut[128];
    tu_mkdtemp(dir, sizeof(dir));
    snprintf(path, sizeof(path), "%s/artikel.pdf", dir);
    snprintf(cut, sizeof(cut), "%s/terpotong.pdf", dir);
    make_article(path);
    size_t len;
    char *bytes = slurp(path, &len);
    tu_write(dir, "terpotong.pdf", bytes, len / 2);
    free(bytes);
    assert_skipped(cut, "damaged or truncated");
    tu_rmtree(dir);
}

/* Ends like a PDF but Poppler cannot parse it: its complaints must not reach stderr. */
static void test_damaged_is_skipped_quietly(void **state)
{
    (void)state;
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    snprintf(path, sizeof(path), "%s/rusak.pdf", dir);
    tu_write_str(dir, "rusak.pdf",
                 "%PDF-1.5\n1 0 obj << /Type /Catalog /Pages 9 0 R\n"
                 "xref\n0 1\nbroken\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    assert_skipped(path, "damaged or truncated");
    tu_rmtree(dir);
}

/*
 * Not a PDF at all: a web page saved under a .pdf name (a download that stopped at a login or
 * paywall page) is named as such; other files without the PDF header are told apart from
 * damaged PDFs.
 */
static void test_web_page_and_non_pdf_are_named(void **state)
{
    (void)state;
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    snprintf(path, sizeof(path), "%s/unduhan.pdf", dir);
    tu_write_str(dir, "unduhan.pdf",
                 "\n  <!DOCTYPE html>\n<html><body>Silakan masuk untuk mengunduh</body></html>\n");
    assert_skipped(path, "it is a web page (HTML), not a PDF: the download probably stopped at a "
                         "login, cookie or paywall page; download the PDF again");
    snprintf(path, sizeof(path), "%s/catatan.pdf", dir);
    tu_write_str(dir, "catatan.pdf", "catatan penelitian, bukan PDF\n%%EOF\n");
    assert_skipped(path, "it is not a PDF (no %PDF- header in its first 1024 bytes)");
    tu_rmtree(dir);
}

static void test_scan_is_skipped(void **state)
{
    (void)state;
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    snprintf(path, sizeof(path), "%s/pindaian.pdf", dir);
    make_scan(path);
    assert_skipped(path, "no text layer");
    struct run r;
    char *err = read_capturing(&r, path);
    assert_non_null(strstr(err, "OCR"));
    free(err);
    tu_rmtree(dir);
}

static void test_encrypted_is_skipped(void **state)
{
    (void)state;
    if (access(QPDF, X_OK) != 0)
        skip();
    char dir[64], path[128], locked[128], cmd[512];
    tu_mkdtemp(dir, sizeof(dir));
    snprintf(path, sizeof(path), "%s/artikel.pdf", dir);
    snprintf(locked, sizeof(locked), "%s/terkunci.pdf", dir);
    make_article(path);
    snprintf(cmd, sizeof(cmd), QPDF " --encrypt rahasia pemilik 256 -- '%s' '%s'", path, locked);
    assert_int_equal(system(cmd), 0);
    assert_skipped(locked, "encrypted");
    tu_rmtree(dir);
}

static void test_missing_file_is_an_input_error(void **state)
{
    (void)state;
    struct run r = {.path = "/nonexistent/tidak-ada.pdf"};
    run_reader(&r);
    assert_int_equal(r.status, JK_E_INPUT);
    assert_int_equal(r.got.calls, 0);
    assert_non_null(strstr(r.diag.msg, "/nonexistent/tidak-ada.pdf"));
}

static enum jk_status refuse(void *ctx, const struct jk_record *r, struct jk_diag *diag)
{
    (void)ctx, (void)r;
    return jk_error(diag, JK_E_OUTPUT, "stop here");
}

static void test_callback_status_is_returned(void **state)
{
    (void)state;
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    snprintf(path, sizeof(path), "%s/artikel.pdf", dir);
    make_article(path);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_read_pdf(path, refuse, NULL, &d), JK_E_OUTPUT);
    assert_string_equal(d.msg, "stop here");
    tu_rmtree(dir);
}

int main(void)
{
    /* Poppler's complaints are INFO messages: make GLib print them unless they are silenced. */
    setenv("G_MESSAGES_DEBUG", "all", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_article_text_and_metadata),
        cmocka_unit_test(test_footer_with_page_number),
        cmocka_unit_test(test_pages_text_rules),
        cmocka_unit_test(test_truncated_is_skipped),
        cmocka_unit_test(test_damaged_is_skipped_quietly),
        cmocka_unit_test(test_web_page_and_non_pdf_are_named),
        cmocka_unit_test(test_scan_is_skipped),
        cmocka_unit_test(test_encrypted_is_skipped),
        cmocka_unit_test(test_missing_file_is_an_input_error),
        cmocka_unit_test(test_callback_status_is_returned),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
