/* Tests of src/stopwords: list files with comments, errors with line numbers, phrases. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "stopwords.h"
#include "testutil.h"

/* Writes text as list.txt in a fresh temporary folder dir[64]; the file's path in path[128]. */
static void list_file(char *dir, char *path, const char *text)
{
    tu_mkdtemp(dir, 64);
    tu_write_str(dir, "list.txt", text);
    snprintf(path, 128, "%s/list.txt", dir);
}

static void test_loads_words_skipping_comments_and_case(void **state)
{
    (void)state;
    char dir[64], path[128];
    list_file(dir, path, "# a comment\n\nyang\n  Dan  \nadalah # inline comment\r\nÜBER\n");
    struct jk_stopwords sw;
    jk_stopwords_init(&sw);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_stopwords_load(&sw, path, &d), JK_OK);
    assert_true(jk_stopwords_has(&sw, "yang", 4));
    assert_true(jk_stopwords_has(&sw, "dan", 3));
    assert_true(jk_stopwords_has(&sw, "adalah", 6));
    assert_true(jk_stopwords_has(&sw, "über", strlen("über")));
    assert_false(jk_stopwords_has(&sw, "comment", 7));
    assert_false(jk_stopwords_has(&sw, "pemerintah", 10));
    jk_stopwords_release(&sw);
    tu_rmtree(dir);
}

static void test_two_words_on_a_line_is_an_error_with_line_number(void **state)
{
    (void)state;
    char dir[64], path[128];
    list_file(dir, path, "yang\ndan\nkerja sama\n");
    struct jk_stopwords sw;
    jk_stopwords_init(&sw);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_stopwords_load(&sw, path, &d), JK_E_INPUT);
    assert_non_null(strstr(d.msg, "list.txt:3"));
    jk_stopwords_release(&sw);
    tu_rmtree(dir);
}

static void test_invalid_utf8_and_missing_file_are_errors(void **state)
{
    (void)state;
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "bad.txt", "yang\nda\x81n\n"); /* neither UTF-8 nor Windows-1252 */
    snprintf(path, sizeof(path), "%s/bad.txt", dir);
    struct jk_stopwords sw;
    jk_stopwords_init(&sw);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_stopwords_load(&sw, path, &d), JK_E_INPUT);
    assert_non_null(strstr(d.msg, "bad.txt:2"));
    assert_non_null(strstr(d.msg, "UTF-8"));
    jk_diag_init(&d);
    assert_int_equal(jk_stopwords_load(&sw, "/nonexistent/list.txt", &d), JK_E_INPUT);
    assert_non_null(strstr(d.msg, "/nonexistent/list.txt"));
    jk_stopwords_release(&sw);
    tu_rmtree(dir);
}

/* Lists saved by Windows editors: a byte order mark, CRLF, UTF-16, Windows-1252 (termfile.h). */
static void load_bytes(const char *bytes, size_t len, struct jk_stopwords *sw, struct jk_diag *d,
                       enum jk_status want)
{
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write(dir, "list.txt", bytes, len);
    snprintf(path, sizeof(path), "%s/list.txt", dir);
    jk_diag_init(d);
    assert_int_equal(jk_stopwords_load(sw, path, d), want);
    tu_rmtree(dir);
}

static void test_lists_from_windows_editors(void **state)
{
    (void)state;
    struct jk_stopwords sw;
    jk_stopwords_init(&sw);
    struct jk_diag d;
    /* the first word of a list with a byte order mark is a stopword, not "\ufeffyang" */
    static const char bom[] = "\xef\xbb\xbfyang\r\ndan\r\n";
    load_bytes(bom, sizeof(bom) - 1, &sw, &d, JK_OK);
    assert_true(jk_stopwords_has(&sw, "yang", 4));
    assert_true(jk_stopwords_has(&sw, "dan", 3));
    static const char utf16[] = "\xff\xfei\0n\0i\0\r\0\n\0\xfc\0b\0e\0r\0\n\0";
    load_bytes(utf16, sizeof(utf16) - 1, &sw, &d, JK_OK);
    assert_true(jk_stopwords_has(&sw, "ini", 3));
    assert_true(jk_stopwords_has(&sw,
                                 "\xc3\xbc"
                                 "ber",
                                 5));
    static const char latin1[] = "itu\n\xc4hnlich\n"; /* "Ähnlich" saved as Windows-1252 */
    load_bytes(latin1, sizeof(latin1) - 1, &sw, &d, JK_OK);
    assert_true(jk_stopwords_has(&sw, "itu", 3));
    assert_true(jk_stopwords_has(&sw, "\xc3\xa4hnlich", 8));
    /* UTF-16 without its mark, or a NUL byte: an error naming the line */
    static const char nul[] = "juga\nt\0i\0d\0a\0k\0\n";
    load_bytes(nul, sizeof(nul) - 1, &sw, &d, JK_E_INPUT);
    assert_non_null(strstr(d.msg, "list.txt:2: the line holds a NUL byte"));
    assert_false(jk_stopwords_has(&sw, "t", 1));
    /* old Mac line ends (a lone CR): one line of several words, not one long word */
    static const char cr[] = "atau\rjuga\r";
    load_bytes(cr, sizeof(cr) - 1, &sw, &d, JK_E_INPUT);
    assert_non_null(strstr(d.msg, "list.txt:1: 'atau juga' is more than one word"));
    jk_stopwords_release(&sw);
}

static void test_phrases_normalise_spacing(void **state)
{
    (void)state;
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "p.txt", "# protected\nkerja   sama\nSumber Daya Manusia\n");
    snprintf(path, sizeof(path), "%s/p.txt", dir);
    struct jk_stopwords sw;
    jk_stopwords_init(&sw);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_stopwords_load_phrases(&sw, path, &d), JK_OK);
    assert_true(jk_stopwords_has_phrase(&sw, "kerja sama", 10));
    assert_true(jk_stopwords_has_phrase(&sw, "sumber daya manusia", 19));
    assert_int_equal(sw.max_phrase_words, 3);
    /* first words of phrases, for the extractor's quick test */
    assert_true(jk_stopwords_starts_phrase(&sw, "kerja", 5));
    assert_true(jk_stopwords_starts_phrase(&sw, "sumber", 6));
    assert_false(jk_stopwords_starts_phrase(&sw, "sama", 4));
    assert_false(jk_stopwords_starts_phrase(&sw, "daya", 4));
    jk_stopwords_release(&sw);
    tu_rmtree(dir);
}

static void test_bundled_lists_load_and_keep_domain_terms(void **state)
{
    (void)state;
    struct jk_stopwords sw;
    jk_stopwords_init(&sw);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_stopwords_load(&sw, JK_SOURCE_DIR "/stopwords/id.txt", &d), JK_OK);
    assert_int_equal(jk_stopwords_load(&sw, JK_SOURCE_DIR "/stopwords/en.txt", &d), JK_OK);
    assert_int_equal(jk_stopwords_load(&sw, JK_SOURCE_DIR "/stopwords/academic-id.txt", &d), JK_OK);
    assert_int_equal(
        jk_stopwords_load_phrases(&sw, JK_SOURCE_DIR "/stopwords/protected-id.txt", &d), JK_OK);
    const char *stop[] = {"yang", "dan", "rata-rata", "masing-masing", "the", "of", "penelitian"};
    for (size_t i = 0; i < sizeof(stop) / sizeof(*stop); i++)
        assert_true(jk_stopwords_has(&sw, stop[i], strlen(stop[i])));
    const char *terms[] = {"paradiplomasi", "pemerintah", "daerah",   "kerjasama", "kebijakan",
                           "sister",        "city",       "province", "otonomi",   "pariwisata"};
    for (size_t i = 0; i < sizeof(terms) / sizeof(*terms); i++)
        assert_false(jk_stopwords_has(&sw, terms[i], strlen(terms[i])));
    assert_true(jk_stopwords_has_phrase(&sw, "kerja sama", 10));
    assert_true(jk_stopwords_has_phrase(&sw, "luar negeri", 11));
    jk_stopwords_release(&sw);
}

/*
 * Adjective lists: each word keeps the ends it may not stand at, a word on both lists both;
 * the bundled lists load, share no word, and list no word English and Indonesian spell
 * alike (a term of the other language would lose its end).
 */
static void test_adjective_lists(void **state)
{
    (void)state;
    char dir[64], path[128];
    list_file(dir, path, "# adjectives\nLokal\nasing\n");
    struct jk_stopwords sw;
    jk_stopwords_init(&sw);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_stopwords_load_list(&sw, path, JK_LIST_NO_START, &d), JK_OK);
    jk_stopwords_add_adjective(&sw, "asing", 5, JK_NO_END);
    assert_int_equal(jk_stopwords_edges(&sw, "lokal", 5), JK_NO_START);
    assert_int_equal(jk_stopwords_edges(&sw, "asing", 5), JK_NO_START | JK_NO_END);
    assert_int_equal(jk_stopwords_edges(&sw, "pemerintah", 10), 0);
    assert_false(jk_stopwords_has(&sw, "lokal", 5)); /* no stopword */
    tu_write_str(dir, "list.txt", "lokal\nsangat lokal\n");
    assert_int_equal(jk_stopwords_load_list(&sw, path, JK_LIST_NO_START, &d), JK_E_INPUT);
    assert_non_null(strstr(d.msg, "list.txt:2"));
    jk_stopwords_release(&sw);
    tu_rmtree(dir);

    jk_stopwords_init(&sw);
    assert_int_equal(jk_stopwords_load_list(&sw, JK_SOURCE_DIR "/stopwords/adjectives-id.txt",
                                            JK_LIST_NO_START, &d),
                     JK_OK);
    assert_int_equal(jk_stopwords_load_list(&sw, JK_SOURCE_DIR "/stopwords/adjectives-en.txt",
                                            JK_LIST_NO_END, &d),
                     JK_OK);
    assert_int_equal(jk_stopwords_edges(&sw, "lokal", 5), JK_NO_START);
    assert_int_equal(jk_stopwords_edges(&sw, "local", 5), JK_NO_END);
    const char *shared[] = {"global", "regional", "formal", "optimal", "modern", "ideal"};
    for (size_t i = 0; i < sizeof(shared) / sizeof(*shared); i++)
        assert_int_equal(jk_stopwords_edges(&sw, shared[i], strlen(shared[i])), 0);
    for (uint32_t id = 0; id < jk_strmap_count(&sw.adjectives); id++)
        assert_int_not_equal(sw.edges[id], JK_NO_START | JK_NO_END);
    jk_stopwords_release(&sw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loads_words_skipping_comments_and_case),
        cmocka_unit_test(test_two_words_on_a_line_is_an_error_with_line_number),
        cmocka_unit_test(test_invalid_utf8_and_missing_file_are_errors),
        cmocka_unit_test(test_lists_from_windows_editors),
        cmocka_unit_test(test_phrases_normalise_spacing),
        cmocka_unit_test(test_bundled_lists_load_and_keep_domain_terms),
        cmocka_unit_test(test_adjective_lists),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
