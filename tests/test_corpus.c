/* Tests of src/corpus: finding documents, sorting, UTF-8 repair, binary files, errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sys/stat.h>

#include "corpus.h"
#include "testutil.h"

static void test_collects_txt_and_md_sorted_recursively(void **state)
{
    (void)state;
    char dir[64];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "b.md", "b");
    tu_write_str(dir, "a.TXT", "a");
    tu_write_str(dir, "sub/c.txt", "c");
    tu_write_str(dir, "README", "not a document");
    tu_write_str(dir, "paper.epub", "x");
    tu_write_str(dir, ".hidden.md", "hidden");
    struct jk_corpus c;
    jk_corpus_init(&c);
    struct jk_diag d;
    jk_diag_init(&d);
    const char *inputs[] = {dir, dir};
    assert_int_equal(jk_corpus_collect(&c, inputs, 2, &d), JK_OK);
    assert_int_equal(c.count, 3); /* the duplicate input adds nothing */
    assert_non_null(strstr(c.files[0].path, "/a.TXT"));
    assert_non_null(strstr(c.files[1].path, "/b.md"));
    assert_non_null(strstr(c.files[2].path, "/sub/c.txt"));
    /* the listing may leave the size to the read (no stat per file) */
    assert_true(c.files[2].size == 1 || c.files[2].size == JK_SIZE_UNKNOWN);
    jk_corpus_release(&c);
    tu_rmtree(dir);
}

/* Collects the documents under inputs[0..n) into c (initialised here). */
static void collect_inputs(const char *const *inputs, size_t n, struct jk_corpus *c)
{
    jk_corpus_init(c);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_corpus_collect(c, inputs, n, &d), JK_OK);
}

/* Collects the documents under dir into c (initialised here). */
static void collect_dir(const char *dir, struct jk_corpus *c)
{
    const char *inputs[] = {dir};
    collect_inputs(inputs, 1, c);
}

/* Whether a and b lie in one folder directly under an input folder, as the pipeline groups. */
static bool same_folder(const struct jk_source *a, const struct jk_source *b)
{
    return a->folder && a->folder == b->folder && memcmp(a->path, b->path, a->folder) == 0;
}

/*
 * Each file knows the folder directly under the input folder that holds it, at any depth
 * (--document folder); files directly in the input folder and files named as inputs have
 * none, and "t1" is not "t10".
 */
static void test_files_know_their_folder(void **state)
{
    (void)state;
    char dir[64];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "artikel.md", "a");
    tu_write_str(dir, "t1/bab1.md", "b");
    tu_write_str(dir, "t1/lampiran/tabel.txt", "c");
    tu_write_str(dir, "t10/bab1.md", "d");
    tu_write_str(dir, "t1.md", "e");
    char named[96];
    snprintf(named, sizeof(named), "%s/t10/bab1.md", dir);
    const char *inputs[] = {dir, named};
    struct jk_corpus c;
    collect_inputs(inputs, 2, &c);
    assert_int_equal(c.count,
                     5); /* artikel.md t1.md t1/bab1.md t1/lampiran/tabel.txt t10/bab1.md */
    const struct jk_source *f = c.files;
    assert_non_null(strstr(f[0].path, "/artikel.md"));
    assert_int_equal(f[0].folder, 0);
    assert_int_equal(f[1].folder, 0); /* t1.md */
    assert_int_equal(f[2].folder, strlen(dir) + strlen("/t1/"));
    assert_memory_equal(f[2].path + f[2].folder - 4, "/t1/", 4);
    assert_true(same_folder(&f[2], &f[3]));  /* t1/bab1.md, t1/lampiran/tabel.txt */
    assert_false(same_folder(&f[3], &f[4])); /* t10/bab1.md is another folder */
    /* t10/bab1.md was also named: its folder is kept */
    assert_int_equal(f[4].folder, strlen(dir) + strlen("/t10/"));
    assert_false(same_folder(&f[0], &f[1])); /* no folder: a document each */
    assert_false(same_folder(&f[0], &f[0]));
    jk_corpus_release(&c);
    tu_rmtree(dir);
}

/* Collecting input alone is JK_E_INPUT with a message that holds want. */
static void expect_input_error(const char *input, const char *want)
{
    const char *inputs[] = {input};
    struct jk_corpus c;
    jk_corpus_init(&c);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_corpus_collect(&c, inputs, 1, &d), JK_E_INPUT);
    if (!strstr(d.msg, want)) {
        print_error("message '%s' lacks '%s'\n", d.msg, want);
        fail();
    }
    jk_corpus_release(&c);
}

/* Links back up the tree ("self -> .", two links to ".." below) read each document once. */
static void test_link_loops_read_documents_once(void **state)
{
    (void)state;
    char dir[64], link[128];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "a.txt", "a");
    tu_write_str(dir, "sub/b.md", "b");
    snprintf(link, sizeof(link), "%s/self", dir);
    assert_int_equal(symlink(".", link), 0);
    snprintf(link, sizeof(link), "%s/sub/up", dir);
    assert_int_equal(symlink("..", link), 0);
    snprintf(link, sizeof(link), "%s/sub/up2", dir);
    assert_int_equal(symlink("..", link), 0);
    struct jk_corpus c;
    collect_dir(dir, &c);
    assert_int_equal(c.count, 2);
    assert_non_null(strstr(c.files[0].path, "/a.txt"));
    assert_non_null(strstr(c.files[1].path, "/sub/b.md"));
    /* each link left out is kept, with why, for report.md */
    assert_int_equal(c.n_left_out, 3);
    assert_non_null(strstr(c.left_out[0].path, "/self"));
    assert_non_null(strstr(c.left_out[1].path, "/sub/up"));
    assert_non_null(strstr(c.left_out[2].path, "/sub/up2"));
    for (size_t i = 0; i < 3; i++)
        assert_string_equal(c.left_out[i].why, "a link to a folder already read (a link loop?)");
    jk_corpus_release(&c);
    tu_rmtree(dir);
}

/*
 * EPUB documents and archives are left out and listed (a folder of books in .epub must not
 * quietly become a map of its PDFs alone); Word's "~$" lock files and pictures are ignored,
 * and .docx, .doc, .rtf, .odt and .html files are documents, except a saved web page's
 * "_files" folder of frames and pictures.
 * A folder holding only such documents, or one given alone, is an error that says what to do.
 */
static void test_unread_formats_left_out_and_named(void **state)
{
    (void)state;
    char dir[64], only[128];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "a.txt", "a");
    tu_write_str(dir, "b.rtf", "{\\rtf1}");
    tu_write_str(dir, "C.DOC", "x");
    tu_write_str(dir, "d.docx", "PK");
    tu_write_str(dir, "e.ODT", "PK");
    tu_write_str(dir, "f.html", "<p>x</p>");
    tu_write_str(dir, "f_files/iklan.html", "<p>iklan</p>");
    tu_write_str(dir, "g_files/catatan.htm", "<p>no page beside: a folder like any other</p>");
    tu_write_str(dir, "~$d.docx", "lock");
    tu_write_str(dir, "figure.jpg", "jpg");
    tu_write_str(dir, "only/buku.epub", "PK");
    tu_write_str(dir, "only/papers.zip", "PK");
    struct jk_corpus c;
    collect_dir(dir, &c);
    assert_int_equal(c.count, 7); /* C.DOC a.txt b.rtf d.docx e.ODT f.html g_files/catatan.htm */
    assert_non_null(strstr(c.files[0].path, "/C.DOC"));
    assert_non_null(strstr(c.files[2].path, "/b.rtf"));
    assert_non_null(strstr(c.files[3].path, "/d.docx"));
    assert_non_null(strstr(c.files[4].path, "/e.ODT"));
    assert_non_null(strstr(c.files[5].path, "/f.html"));
    assert_non_null(strstr(c.files[6].path, "/g_files/catatan.htm"));
    assert_int_equal(c.n_left_out, 3);
    assert_non_null(strstr(c.left_out[0].path, "/f_files"));
    assert_non_null(strstr(c.left_out[0].why, "saved web page"));
    assert_non_null(strstr(c.left_out[1].path, "/only/buku.epub"));
    assert_string_equal(c.left_out[1].why, "a .epub document, a format jaringkata does not read");
    assert_string_equal(c.left_out[2].why, "a .zip archive, a format jaringkata does not read");
    jk_corpus_release(&c);

    snprintf(only, sizeof(only), "%s/only", dir);
    expect_input_error(only, "only files jaringkata does not read (1 .epub, 1 .zip); save "
                             "documents as PDF, .docx or plain text (.txt) and unpack archives, "
                             "then map them");
    snprintf(only, sizeof(only), "%s/only/buku.epub", dir);
    expect_input_error(only, "is a .epub document, a format jaringkata does not read");
    tu_rmtree(dir);
}

/*
 * A folder holding an earlier run's map (made with another -o) is left out: its report.md
 * and VOSviewer .txt files are not documents. A run.json of another tool does not count.
 */
static void test_earlier_outputs_left_out(void **state)
{
    (void)state;
    char dir[64];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "a.txt", "a");
    tu_write_str(dir, "hasil/run.json",
                 "{\n  \"tool\": \"jaringkata\",\n  \"version\": \"0.1.0\"\n}\n");
    tu_write_str(dir, "hasil/report.md", "# jaringkata report\n");
    tu_write_str(dir, "hasil/vosviewer_map.txt", "id\tlabel\n");
    tu_write_str(dir, "other/run.json", "{\"tool\": \"something else\"}\n");
    tu_write_str(dir, "other/b.md", "b");
    struct jk_corpus c;
    collect_dir(dir, &c);
    assert_int_equal(c.count, 2);
    assert_non_null(strstr(c.files[1].path, "/other/b.md"));
    assert_int_equal(c.n_left_out, 1);
    assert_non_null(strstr(c.left_out[0].path, "/hasil"));
    assert_non_null(strstr(c.left_out[0].why, "the map of an earlier run"));
    jk_corpus_release(&c);
    /* given as the input itself: an input error saying what to give instead */
    char hasil[128];
    snprintf(hasil, sizeof(hasil), "%s/hasil", dir);
    expect_input_error(hasil, "holds the map of an earlier run (its run.json says so), not "
                              "documents; give the folder of the documents that were mapped");
    tu_rmtree(dir);
}

/* A pipe or a dangling link named like a document is left out, kept with why; others not. */
static void test_special_files_left_out_with_why(void **state)
{
    (void)state;
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "a.txt", "a");
    snprintf(path, sizeof(path), "%s/pipe.txt", dir);
    assert_int_equal(mkfifo(path, 0600), 0);
    snprintf(path, sizeof(path), "%s/pipe.dat", dir); /* not named like a document */
    assert_int_equal(mkfifo(path, 0600), 0);
    snprintf(path, sizeof(path), "%s/gone.md", dir);
    assert_int_equal(symlink("nowhere.md", path), 0);
    struct jk_corpus c;
    collect_dir(dir, &c);
    assert_int_equal(c.count, 1);
    assert_int_equal(c.n_left_out, 2);
    assert_non_null(strstr(c.left_out[0].path, "/gone.md"));
    assert_string_equal(c.left_out[0].why, "No such file or directory");
    assert_non_null(strstr(c.left_out[1].path, "/pipe.txt"));
    assert_string_equal(c.left_out[1].why, "it is not an ordinary file (a pipe, device or socket)");
    jk_corpus_release(&c);
    tu_rmtree(dir);
}

/*
 * A file listed without its size, and a link to it, are read whole: the
 * reader asks the size itself (past the 1 MB first read, too).
 */
static void test_listed_files_read_whole(void **state)
{
    (void)state;
    char dir[64], link[128];
    tu_mkdtemp(dir, sizeof(dir));
    size_t len = (3u << 20) + 5;
    char *big = malloc(len);
    for (size_t i = 0; i < len; i++)
        big[i] = i % 7 == 6 ? ' ' : (char)('a' + i % 7);
    tu_write(dir, "big.txt", big, len);
    snprintf(link, sizeof(link), "%s/link.md", dir);
    assert_int_equal(symlink("big.txt", link), 0);
    struct jk_corpus c;
    collect_dir(dir, &c);
    assert_int_equal(c.count, 2);
    assert_non_null(strstr(c.files[1].path, "/link.md"));
    struct jk_diag d;
    jk_diag_init(&d);
    struct jk_source unknown = {c.files[0].path, JK_SIZE_UNKNOWN, 0};
    const struct jk_source *reads[] = {&c.files[0], &c.files[1], &unknown};
    struct jk_buf text;
    jk_buf_init(&text);
    struct jk_read_info info;
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(jk_corpus_read(reads[i], NULL, &text, &info, &d), JK_OK);
        assert_int_equal(text.len, len);
        assert_memory_equal(text.data, big, len);
    }
    jk_buf_release(&text);
    free(big);
    jk_corpus_release(&c);
    tu_rmtree(dir);
}

static void test_missing_and_empty_inputs_are_errors(void **state)
{
    (void)state;
    char dir[64], message[160];
    tu_mkdtemp(dir, sizeof(dir));
    snprintf(message, sizeof(message),
             "no .txt, .md, .pdf, .docx, .doc, .rtf, .odt, .html, .csv, .ris or .bib documents "
             "found in '%s'",
             dir);
    expect_input_error(dir, message);
    expect_input_error("/nonexistent/jaringkata-folder", "/nonexistent/jaringkata-folder");
    tu_write_str(dir, "x.epub", "x");
    char doc[128];
    snprintf(doc, sizeof(doc), "%s/x.epub", dir);
    expect_input_error(doc, "x.epub");
    tu_rmtree(dir);
}

static void test_read_repairs_invalid_utf8_with_offset(void **state)
{
    (void)state;
    char dir[64];
    tu_mkdtemp(dir, sizeof(dir));
    /* "kota \xff\xfe bandung" : two invalid bytes at offsets 5 and 6 */
    tu_write(dir, "bad.txt", "kota \xff\xfe bandung", 15);
    char path[128];
    snprintf(path, sizeof(path), "%s/bad.txt", dir);
    struct jk_source src = {path, 15, 0};
    struct jk_buf text;
    jk_buf_init(&text);
    struct jk_read_info info;
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_corpus_read(&src, NULL, &text, &info, &d), JK_OK);
    assert_int_equal(info.invalid_utf8, 2);
    assert_int_equal(info.first_invalid, 5);
    assert_false(info.binary);
    assert_false(info.cp1252); /* 0xFF 0xFE: damage, not Latin-1 text */
    assert_string_equal(text.data, "kota \xef\xbf\xbd\xef\xbf\xbd bandung");
    assert_int_equal(strlen(info.sha256), 64);
    /* the second pass's read gives the same text and skips the hash */
    assert_int_equal(jk_corpus_reread(&src, NULL, &text, &info, &d), JK_OK);
    assert_string_equal(text.data, "kota \xef\xbf\xbd\xef\xbf\xbd bandung");
    assert_int_equal(info.invalid_utf8, 2);
    assert_string_equal(info.sha256, "");
    /* a record file's check: size and hash in chunks, the same hash as a whole read */
    char sha[65];
    assert_int_equal(jk_corpus_read(&src, NULL, &text, &info, &d), JK_OK);
    memcpy(sha, info.sha256, sizeof(sha));
    assert_int_equal(jk_corpus_check(&src, &info, &d), JK_OK);
    assert_string_equal(info.sha256, sha);
    assert_int_equal(info.bytes, 15);
    assert_false(info.binary);
    assert_int_equal(jk_corpus_check_unhashed(&src, &info, &d), JK_OK);
    assert_string_equal(info.sha256, "");
    assert_int_equal(info.bytes, 15);
    assert_false(info.binary);
    jk_buf_release(&text);
    tu_rmtree(dir);
}

/*
 * A text document of nothing but white space (or a lone byte order mark) is skipped as empty;
 * a Web of Science export saved as .txt (tagged or tab-delimited) is skipped as such.
 */
static void test_empty_documents_and_wos_exports_skipped(void **state)
{
    (void)state;
    static const struct {
        const char *name, *bytes;
        size_t len;
        const char *skip; /* the skip reason, or NULL */
    } cases[] = {
        {"a.txt", "", 0, jk_skip_empty},
        {"b.md", " \r\n\t\n", 5, jk_skip_empty},
        {"c.txt", "\xef\xbb\xbf\n", 4, jk_skip_empty},
        {"d.txt", "\xff\xfe \0\n\0", 6, jk_skip_empty}, /* UTF-16: a space and a line end */
        {"e.txt", "\n.\n", 3, NULL}, /* one full stop is text (no terms, but text) */
        {"savedrecs.txt", "FN Clarivate Analytics Web of Science\r\nVR 1.0\r\nPT J\r\n", 53,
         jk_skip_wos},
        {"tab.txt", "\xef\xbb\xbfPT\tAU\tTI\nJ\tSari\tx\n", 21, jk_skip_wos},
        {"fn.txt", "FN tidak\nsama sekali\n", 21, NULL}, /* "FN" alone is not an export */
    };
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    struct jk_buf text;
    jk_buf_init(&text);
    for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
        tu_write(dir, cases[i].name, cases[i].bytes, cases[i].len);
        snprintf(path, sizeof(path), "%s/%s", dir, cases[i].name);
        struct jk_source src = {path, cases[i].len, 0};
        struct jk_read_info info;
        struct jk_diag d;
        jk_diag_init(&d);
        assert_int_equal(jk_corpus_read(&src, NULL, &text, &info, &d), JK_OK);
        assert_false(info.binary);
        assert_ptr_equal(info.skip_reason, cases[i].skip);
    }
    jk_buf_release(&text);
    tu_rmtree(dir);
}

/* A paginated text: pages pages, each with a running head, body lines and a page number. */
static void paged_text(struct jk_buf *b, size_t pages, bool feeds)
{
    static const char *const words[] = {"satu",     "dua",     "tiga",    "empat",
                                        "lima",     "enam",    "tujuh",   "delapan",
                                        "sembilan", "sepuluh", "sebelas", "duabelas"};
    for (size_t p = 0; p < pages; p++) {
        jk_buf_adds(b, "Jurnal Hubungan Internasional Vol. 3 No. 1 (2020)\n\n");
        for (size_t k = 0; k < 6; k++) /* lines differing in words, not only in numbers */
            jk_buf_addf(b, "Halaman %s membahas kerja sama sister city, kalimat %s dari isi.\n",
                        words[p % 12], words[k]);
        jk_buf_addf(b, "\n%zu\n", p + 12);
        if (feeds)
            jk_buf_addc(b, '\f');
    }
}

static void read_text(const char *dir, const char *name, const struct jk_buf *bytes,
                      struct jk_buf *text)
{
    char path[128];
    tu_write(dir, name, bytes->data, bytes->len);
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    struct jk_source src = {path, bytes->len, 0};
    struct jk_read_info info;
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_corpus_read(&src, NULL, text, &info, &d), JK_OK);
}

/*
 * pdftotext's output (a form feed after each page) loses its running head
 * and page numbers as a PDF does; without form feeds, or with two pages
 * only, the text stays as it is.
 */
static void test_running_heads_of_paged_text_dropped(void **state)
{
    (void)state;
    char dir[64];
    tu_mkdtemp(dir, sizeof(dir));
    struct jk_buf bytes, text;
    jk_buf_init(&bytes);
    jk_buf_init(&text);
    paged_text(&bytes, 5, true);
    read_text(dir, "pdftotext.txt", &bytes, &text);
    jk_buf_addc(&text, '\0');
    assert_null(strstr(text.data, "Jurnal Hubungan"));
    assert_null(strstr(text.data, "\n14\n"));
    assert_non_null(
        strstr(text.data, "Halaman satu membahas kerja sama sister city, kalimat satu"));
    assert_non_null(
        strstr(text.data, "Halaman lima membahas kerja sama sister city, kalimat enam"));
    assert_null(strchr(text.data, '\f'));
    for (int feeds = 0; feeds < 2; feeds++) { /* no pages, or too few: unchanged */
        jk_buf_clear(&bytes);
        paged_text(&bytes, feeds ? 2 : 5, feeds);
        read_text(dir, "plain.txt", &bytes, &text);
        assert_int_equal(text.len, bytes.len);
        assert_memory_equal(text.data, bytes.data, bytes.len);
    }
    /* a file of form feeds is not a paginated document */
    jk_buf_clear(&bytes);
    for (int k = 0; k < 10000; k++)
        jk_buf_adds(&bytes, "kata\f");
    read_text(dir, "feeds.txt", &bytes, &text);
    assert_int_equal(text.len, bytes.len);
    jk_buf_release(&bytes);
    jk_buf_release(&text);
    tu_rmtree(dir);
}

/* A document saved as Windows-1252 (Latin-1) is read as such, not as U+FFFD. */
static void test_read_windows_1252(void **state)
{
    (void)state;
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "lama.txt", "Universit\xe4t caf\xe9 \x93kutip\x94 \x80 5");
    snprintf(path, sizeof(path), "%s/lama.txt", dir);
    struct jk_source src = {path, 0, 0};
    struct jk_buf text;
    jk_buf_init(&text);
    struct jk_read_info info;
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_corpus_read(&src, NULL, &text, &info, &d), JK_OK);
    assert_true(info.cp1252);
    assert_int_equal(info.first_invalid, 9);
    assert_string_equal(text.data, "Universität café “kutip” € 5");
    jk_buf_release(&text);
    tu_rmtree(dir);
}

/* "Unicode" text saved by Windows tools: UTF-16 with a byte-order mark, either byte order. */
static void test_read_utf16(void **state)
{
    (void)state;
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    /* "Kota é\r\n😀" then an unpaired high surrogate */
    static const char le[] = "\xff\xfeK\0o\0t\0a\0 \0\xe9\0\r\0\n\0\x3d\xd8\x00\xde\x3d\xd8";
    static const char be[] = "\xfe\xff\0K\0o\0t\0a\0 \0\xe9\0\r\0\n\xd8\x3d\xde\x00\xd8\x3d";
    tu_write(dir, "le.txt", le, sizeof(le) - 1);
    tu_write(dir, "be.md", be, sizeof(be) - 1);
    struct jk_buf text;
    jk_buf_init(&text);
    struct jk_read_info info;
    struct jk_diag d;
    jk_diag_init(&d);
    const char *names[] = {"le.txt", "be.md"};
    for (size_t i = 0; i < 2; i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
        struct jk_source src = {path, 0, 0};
        assert_int_equal(jk_corpus_read(&src, NULL, &text, &info, &d), JK_OK);
        assert_false(info.binary);
        assert_string_equal(text.data, "Kota \xc3\xa9\n\xf0\x9f\x98\x80\xef\xbf\xbd");
        assert_int_equal(info.invalid_utf8, 1);
        assert_int_equal(info.first_invalid, 22);
    }
    jk_buf_release(&text);
    tu_rmtree(dir);
}

static void test_read_flags_binary_and_strips_bom_and_crlf(void **state)
{
    (void)state;
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write(dir, "bin.txt", "ab\0cd", 5);
    tu_write_str(dir, "bom.md", "\xef\xbb\xbfsatu\r\ndua\rtiga");
    struct jk_buf text;
    jk_buf_init(&text);
    struct jk_read_info info;
    struct jk_diag d;
    jk_diag_init(&d);
    snprintf(path, sizeof(path), "%s/bin.txt", dir);
    struct jk_source bin = {path, 5, 0};
    assert_int_equal(jk_corpus_read(&bin, NULL, &text, &info, &d), JK_OK);
    assert_true(info.binary);
    assert_int_equal(text.len, 0);
    assert_int_equal(jk_corpus_check(&bin, &info, &d), JK_OK);
    assert_true(info.binary);
    assert_int_equal(info.bytes, 5);
    /* the first pass's own check of a record file: the same without the hash */
    assert_int_equal(jk_corpus_check_unhashed(&bin, &info, &d), JK_OK);
    assert_true(info.binary);
    assert_int_equal(info.bytes, 5);
    assert_string_equal(info.sha256, "");
    snprintf(path, sizeof(path), "%s/bom.md", dir);
    struct jk_source bom = {path, 0, 0};
    assert_int_equal(jk_corpus_read(&bom, NULL, &text, &info, &d), JK_OK);
    assert_string_equal(text.data, "satu\ndua\ntiga");
    assert_int_equal(strlen(info.sha256), 64);
    jk_buf_release(&text);
    tu_rmtree(dir);
}

/*
 * A text or web-page file above jk_record_max_bytes is not held: skipped
 * as too large (binary when it has a NUL byte), its size and SHA-256 read in
 * chunks, the same as a document's; other formats keep their own limits.
 */
static void test_too_large_documents_skipped(void **state)
{
    (void)state;
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    char body[3000];
    memset(body, 'a', sizeof(body));
    for (size_t i = 5; i < sizeof(body); i += 6)
        body[i] = ' ';
    tu_write(dir, "big.txt", body, sizeof(body));
    tu_write(dir, "big.html", body, sizeof(body));
    body[2000] = '\0';
    tu_write(dir, "bin.md", body, sizeof(body));
    body[2000] = 'a';
    tu_write(dir, "small.txt", body, 1000);
    struct jk_buf text;
    jk_buf_init(&text);
    struct jk_read_info info, whole;
    struct jk_diag d;
    jk_diag_init(&d);
    size_t limit = jk_record_max_bytes;
    const char *names[] = {"big.txt", "big.html", "bin.md", "small.txt"};
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
        struct jk_source src = {path, i % 2 ? JK_SIZE_UNKNOWN : (i == 3 ? 1000 : 3000), 0};
        jk_record_max_bytes = SIZE_MAX;
        assert_int_equal(jk_corpus_read(&src, NULL, &text, &whole, &d), JK_OK);
        jk_record_max_bytes = 2048;
        jk_buf_adds(&text, "left over");
        assert_int_equal(jk_corpus_read(&src, NULL, &text, &info, &d), JK_OK);
        assert_string_equal(info.sha256, whole.sha256);
        assert_int_equal(info.bytes, i == 3 ? 1000 : 3000);
        if (i == 3) { /* under the limit: read as before */
            assert_null(info.skip_reason);
            assert_int_equal(text.len, 1000);
            continue;
        }
        assert_int_equal(text.len, 0);
        assert_int_equal(info.binary, i == 2);
        assert_ptr_equal(info.skip_reason, i == 2 ? NULL : jk_skip_too_large);
        /* the second pass's read agrees, without the hash */
        assert_int_equal(jk_corpus_reread(&src, NULL, &text, &info, &d), JK_OK);
        assert_string_equal(info.sha256, "");
        assert_int_equal(text.len, 0);
    }
    jk_record_max_bytes = limit;
    jk_buf_release(&text);
    tu_rmtree(dir);
}

/* A web page of more than jk_corpus_max_tags tags is skipped with a reason; one at it is read. */
static void test_web_pages_of_too_many_tags_skipped(void **state)
{
    (void)state;
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "many.html", "<p>kerja sama</p><p>daerah</p><br><!-- x -->");
    tu_write_str(dir, "few.html", "<p>kerja sama</p> a < b, c <= d <p>daerah</p>");
    struct jk_buf text;
    jk_buf_init(&text);
    struct jk_read_info info;
    struct jk_diag d;
    jk_diag_init(&d);
    size_t limit = jk_corpus_max_tags;
    jk_corpus_max_tags = 4;
    snprintf(path, sizeof(path), "%s/many.html", dir);
    struct jk_source many = {path, JK_SIZE_UNKNOWN, 0};
    assert_int_equal(jk_corpus_read(&many, NULL, &text, &info, &d), JK_OK);
    assert_int_equal(text.len, 0);
    assert_non_null(info.skip_reason);
    assert_non_null(strstr(info.skip_reason, "more than 2 million tags"));
    assert_string_equal(info.skip_note, "skipped: more than 2 million tags");
    snprintf(path, sizeof(path), "%s/few.html", dir); /* "< b", "<=" are no tags */
    struct jk_source few = {path, JK_SIZE_UNKNOWN, 0};
    assert_int_equal(jk_corpus_read(&few, NULL, &text, &info, &d), JK_OK);
    jk_corpus_max_tags = limit;
    assert_null(info.skip_reason);
    assert_non_null(strstr(text.data, "kerja sama"));
    jk_buf_release(&text);
    tu_rmtree(dir);
}

static void test_unreadable_file_names_it(void **state)
{
    (void)state;
    struct jk_source src = {"/nonexistent/doc.txt", 0, 0};
    struct jk_buf text;
    jk_buf_init(&text);
    struct jk_read_info info;
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_corpus_read(&src, NULL, &text, &info, &d), JK_E_INPUT);
    assert_non_null(strstr(d.msg, "/nonexistent/doc.txt"));
    assert_non_null(strstr(d.msg, "move it out of the input"));
    jk_buf_release(&text);
}

static void test_utf8_repair_rejects_overlong_and_surrogates(void **state)
{
    (void)state;
    struct jk_buf out;
    jk_buf_init(&out);
    uint64_t first = 0;
    /* overlong "/" (C0 AF), a surrogate (ED A0 80), a truncated sequence (E2 82) */
    const char in[] = "a\xc0\xaf b\xed\xa0\x80 c\xe2\x82";
    size_t bad = jk_utf8_repair(in, sizeof(in) - 1, &out, &first);
    assert_int_equal(first, 1);
    assert_true(bad >= 3);
    assert_non_null(strstr(out.data, "a\xef\xbf\xbd"));
    jk_buf_clear(&out);
    assert_int_equal(jk_utf8_repair("pemerintah é 中", strlen("pemerintah é 中"), &out, &first), 0);
    assert_string_equal(out.data, "pemerintah é 中");
    jk_buf_release(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_collects_txt_and_md_sorted_recursively),
        cmocka_unit_test(test_files_know_their_folder),
        cmocka_unit_test(test_link_loops_read_documents_once),
        cmocka_unit_test(test_special_files_left_out_with_why),
        cmocka_unit_test(test_earlier_outputs_left_out),
        cmocka_unit_test(test_unread_formats_left_out_and_named),
        cmocka_unit_test(test_empty_documents_and_wos_exports_skipped),
        cmocka_unit_test(test_running_heads_of_paged_text_dropped),
        cmocka_unit_test(test_listed_files_read_whole),
        cmocka_unit_test(test_missing_and_empty_inputs_are_errors),
        cmocka_unit_test(test_read_repairs_invalid_utf8_with_offset),
        cmocka_unit_test(test_read_windows_1252),
        cmocka_unit_test(test_read_utf16),
        cmocka_unit_test(test_read_flags_binary_and_strips_bom_and_crlf),
        cmocka_unit_test(test_too_large_documents_skipped),
        cmocka_unit_test(test_web_pages_of_too_many_tags_skipped),
        cmocka_unit_test(test_unreadable_file_names_it),
        cmocka_unit_test(test_utf8_repair_rejects_overlong_and_surrogates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
