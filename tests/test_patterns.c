/* Tests of src/patterns: loading keyword patterns, errors, scanning, the backtracking guard. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <pthread.h>
#include <time.h>

#include "patterns.h"
#include "testutil.h"
#include "util/buf.h"
#include "util/mem.h"

#define DATA JK_TEST_DATA "/parsers/"

struct hit {
    size_t pattern, offset, len;
    char term[64];
};

struct hits {
    struct hit items[64];
    size_t count;
};

static void collect(void *ctx, size_t pattern_index, const char *term, size_t term_len,
                    size_t match_offset, size_t match_len)
{
    struct hits *h = ctx;
    assert_true(h->count < 64);
    assert_true(term_len < 64);
    struct hit *x = &h->items[h->count++];
    x->pattern = pattern_index;
    x->offset = match_offset;
    x->len = match_len;
    memcpy(x->term, term, term_len);
    x->term[term_len] = '\0';
}

static enum jk_status load_text(const char *text, char *path, size_t n, struct jk_patterns *p,
                                struct jk_diag *d)
{
    char dir[64];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "p.txt", text);
    snprintf(path, n, "%s/p.txt", dir);
    jk_patterns_init(p);
    jk_diag_init(d);
    enum jk_status st = jk_patterns_load(p, path, d);
    tu_rmtree(dir);
    return st;
}

static void assert_fails_at(const char *text, int line, const char *what)
{
    char path[128], where[160];
    struct jk_patterns p;
    struct jk_diag d;
    assert_int_equal(load_text(text, path, sizeof(path), &p, &d), JK_E_INPUT);
    snprintf(where, sizeof(where), "%s:%d:", path, line);
    if (!strstr(d.msg, where) || !strstr(d.msg, what))
        fail_msg("message '%s' lacks '%s' or '%s'", d.msg, where, what);
    jk_patterns_release(&p);
}

static void test_scan_finds_case_and_spacing_variants_with_offsets(void **state)
{
    (void)state;
    struct jk_patterns p;
    jk_patterns_init(&p);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_patterns_load(&p, DATA "patterns.txt", &d), JK_OK);
    assert_int_equal(jk_patterns_count(&p), 2);
    assert_string_equal(p.items[1].term, "kerja sama luar negeri"); /* normalised */
    assert_int_equal(p.items[1].line, 6);

    const char *text = "Program Sister Cities Bandung; sister  province\tJawa Barat; "
                       "KERJASAMA luar negeri dan kerja sama Luar Negeri. sisters city";
    struct jk_pattern_matcher m;
    jk_pattern_matcher_init(&m, &p);
    struct hits h = {.count = 0};
    jk_patterns_scan(&m, text, strlen(text), collect, &h);
    assert_int_equal(h.count, 4);
    /* pattern order first, then text order */
    assert_int_equal(h.items[0].pattern, 0);
    assert_int_equal(h.items[0].offset, 8);
    assert_int_equal(h.items[0].len, strlen("Sister Cities"));
    assert_string_equal(h.items[0].term, "sister city");
    assert_int_equal(h.items[1].pattern, 0);
    assert_int_equal(h.items[1].offset, (size_t)(strstr(text, "sister  province") - text));
    assert_int_equal(h.items[1].len, strlen("sister  province"));
    assert_int_equal(h.items[2].pattern, 1);
    assert_int_equal(h.items[2].offset, (size_t)(strstr(text, "KERJASAMA") - text));
    assert_int_equal(h.items[3].offset, (size_t)(strstr(text, "kerja sama Luar") - text));
    assert_string_equal(h.items[3].term, "kerja sama luar negeri");
    assert_int_equal(m.limit_hits, 0);
    jk_pattern_matcher_release(&m);
    jk_pattern_matcher_release(&m); /* safe to repeat */
    jk_patterns_release(&p);
}

static void test_matches_do_not_overlap_and_empty_ones_are_skipped(void **state)
{
    (void)state;
    char path[128];
    struct jk_patterns p;
    struct jk_diag d;
    assert_int_equal(load_text("aa\tpair\nx*\tcross\n(?=b)\tnothing\n", path, sizeof(path), &p, &d),
                     JK_OK);
    struct jk_pattern_matcher m;
    jk_pattern_matcher_init(&m, &p);
    struct hits h = {.count = 0};
    jk_patterns_scan(&m, "aaaaab xx", 9, collect, &h);
    assert_int_equal(h.count, 3);
    assert_int_equal(h.items[0].offset, 0);
    assert_int_equal(h.items[1].offset, 2);
    assert_int_equal(h.items[1].len, 2);
    assert_int_equal(h.items[2].pattern, 1);
    assert_int_equal(h.items[2].offset, 7);
    assert_int_equal(h.items[2].len, 2);
    h.count = 0;
    jk_patterns_scan(&m, "", 0, collect, &h);
    assert_int_equal(h.count, 0);
    jk_pattern_matcher_release(&m);
    jk_patterns_release(&p);
}

static void test_unicode_caseless_and_invalid_utf8_text(void **state)
{
    (void)state;
    char path[128];
    struct jk_patterns p;
    struct jk_diag d;
    assert_int_equal(
        load_text("\\bkoperasi\\s+ÜBER\\b\tkoperasi über\n", path, sizeof(path), &p, &d), JK_OK);
    struct jk_pattern_matcher m;
    jk_pattern_matcher_init(&m, &p);
    struct hits h = {.count = 0};
    const char *text = "\xff KOPERASI \xc3 über\xa0koperasi über";
    jk_patterns_scan(&m, text, strlen(text), collect, &h);
    assert_int_equal(h.count, 1);
    assert_int_equal(h.items[0].offset, (size_t)(strstr(text, "koperasi über") - text));
    /* a surrogate, an overlong form and a truncated sequence at the very end */
    const char *text2 = "koperasi über\xed\xa0\x80Koperasi Über\xc0\xafkoperasi über\xf0\x9f\x98";
    h.count = 0;
    jk_patterns_scan(&m, text2, strlen(text2), collect, &h);
    assert_int_equal(h.count, 3);
    assert_int_equal(h.items[0].offset, 0);
    assert_int_equal(h.items[1].offset, strlen("koperasi über") + 3);
    assert_int_equal(h.items[2].offset, 2 * strlen("koperasi über") + 5);
    assert_int_equal(h.items[2].len, strlen("koperasi über"));
    jk_pattern_matcher_release(&m);
    jk_patterns_release(&p);
}

static void test_compile_error_gives_offset_and_pcre2_message(void **state)
{
    (void)state;
    int err;
    PCRE2_SIZE offset;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR) "sister (city", PCRE2_ZERO_TERMINATED, PCRE2_UTF,
                                   &err, &offset, NULL);
    assert_null(re);
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(err, msg, sizeof(msg));
    char want[400];
    snprintf(want, sizeof(want), "pattern does not compile at offset %zu: %s", (size_t)offset,
             (const char *)msg);
    assert_fails_at("# c\n\\bkota\\b\tkota\n  sister (city  \tsister city\n", 3, want);
    assert_non_null(strstr(want, "offset 12"));
}

static void test_malformed_lines_name_file_and_line(void **state)
{
    (void)state;
    assert_fails_at("# comment\n\nsister city\n", 3, "no tab");
    assert_fails_at("a\tb\n  \tterm\n", 2, "pattern is empty");
    assert_fails_at("a\t  \n", 1, "term is empty");
    assert_fails_at("a\tb\tc\n", 1, "more than one tab");
    assert_fails_at("a\tb\nc\td\xc3\xbc\xe2\x82\n", 2, "UTF-8");
    char path[128];
    struct jk_patterns p;
    struct jk_diag d;
    jk_patterns_init(&p);
    jk_diag_init(&d);
    assert_int_equal(jk_patterns_load(&p, "/nonexistent/p.txt", &d), JK_E_INPUT);
    assert_non_null(strstr(d.msg, "/nonexistent/p.txt"));
    jk_patterns_release(&p);
    /* trailing empty columns, BOM and CRLF are fine; an empty file has no patterns */
    assert_int_equal(load_text("\xef\xbb\xbf"
                               "a\tb\t\t\r\n",
                               path, sizeof(path), &p, &d),
                     JK_OK);
    assert_int_equal(jk_patterns_count(&p), 1);
    assert_string_equal(p.items[0].term, "b");
    jk_patterns_release(&p);
    assert_int_equal(load_text("# nothing yet\n", path, sizeof(path), &p, &d), JK_OK);
    assert_int_equal(jk_patterns_count(&p), 0);
    struct jk_pattern_matcher m;
    jk_pattern_matcher_init(&m, &p);
    jk_patterns_scan(&m, "abc", 3, collect, NULL);
    jk_pattern_matcher_release(&m);
    jk_patterns_release(&p);
}

/* Runs fn with stderr sent to a file; returns what was written (caller frees). */
static char *capture_stderr(void (*fn)(void *), void *arg)
{
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    snprintf(path, sizeof(path), "%s/err.txt", dir);
    fflush(stderr);
    int saved = dup(2);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(saved >= 0 && fd >= 0);
    dup2(fd, 2);
    close(fd);
    fn(arg);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    struct jk_buf b;
    jk_buf_init(&b);
    char chunk[512];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        jk_buf_add(&b, chunk, n);
    fclose(f);
    tu_rmtree(dir);
    return jk_buf_detach(&b, NULL);
}

struct guard_run {
    struct jk_pattern_matcher *m;
    const char *text;
    size_t len;
    struct hits *hits;
};

static void scan_twice(void *arg)
{
    struct guard_run *g = arg;
    jk_patterns_scan(g->m, g->text, g->len, collect, g->hits);
    jk_patterns_scan(g->m, g->text, g->len, collect, g->hits);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_catastrophic_backtracking_is_cut_off_with_one_warning(void **state)
{
    (void)state;
    char path[128];
    struct jk_patterns p;
    struct jk_diag d;
    assert_int_equal(load_text("(a+)+$\tbad\n\\bb\\b\tgood\n(*NO_JIT)(a+)+$\tbad too\n", path,
                               sizeof(path), &p, &d),
                     JK_OK);
    size_t len = 20000;
    char *text = jk_malloc(len + 3);
    memset(text, 'a', len);
    memcpy(text + len, " b", 3);
    struct jk_pattern_matcher m;
    jk_pattern_matcher_init(&m, &p);
    struct hits h = {.count = 0};
    struct guard_run g = {&m, text, len + 2, &h};
    bool was_quiet = jk_is_quiet();
    jk_set_quiet(false);
    double t0 = now();
    char *err = capture_stderr(scan_twice, &g);
    double took = now() - t0;
    jk_set_quiet(was_quiet);
    /* prompt: each limit hit is bounded by the match limit */
    assert_true(took < 20.0);
    /* the later pattern still ran: "b" found in both scans */
    assert_int_equal(h.count, 2);
    assert_int_equal(h.items[0].pattern, 1);
    assert_int_equal(h.items[0].offset, len + 1);
    assert_int_equal(m.limit_hits, 4); /* two bad patterns (JIT and interpreted), two scans */
    /* one warning per pattern, however often it hits the limit */
    assert_non_null(strstr(err, "warning"));
    char where[160];
    snprintf(where, sizeof(where), "%s:1: pattern gave up", path);
    assert_non_null(strstr(err, where));
    assert_null(strstr(strstr(err, where) + 1, where));
    snprintf(where, sizeof(where), "%s:3: pattern gave up", path);
    assert_non_null(strstr(err, where));
    assert_null(strstr(strstr(err, where) + 1, where));
    jk_pattern_matcher_release(&m);
    jk_patterns_release(&p);
    free(err);
    free(text);
}

struct thread_job {
    const struct jk_patterns *p;
    const char *text;
    size_t matches;
};

static void count_one(void *ctx, size_t pattern_index, const char *term, size_t term_len,
                      size_t match_offset, size_t match_len)
{
    (void)pattern_index, (void)term, (void)term_len, (void)match_offset, (void)match_len;
    ((struct thread_job *)ctx)->matches++;
}

static void *scan_thread(void *arg)
{
    struct thread_job *job = arg;
    struct jk_pattern_matcher m;
    jk_pattern_matcher_init(&m, job->p);
    for (int i = 0; i < 200; i++)
        jk_patterns_scan(&m, job->text, strlen(job->text), count_one, job);
    jk_pattern_matcher_release(&m);
    return NULL;
}

static void test_matchers_share_patterns_across_threads(void **state)
{
    (void)state;
    struct jk_patterns p;
    jk_patterns_init(&p);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_patterns_load(&p, DATA "patterns.txt", &d), JK_OK);
    const char *text = "sister city, Sister Cities, kerja sama luar negeri, sister province";
    struct thread_job jobs[4];
    pthread_t threads[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (struct thread_job){&p, text, 0};
        assert_int_equal(pthread_create(&threads[i], NULL, scan_thread, &jobs[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(threads[i], NULL);
        assert_int_equal(jobs[i].matches, 4 * 200);
    }
    jk_patterns_release(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scan_finds_case_and_spacing_variants_with_offsets),
        cmocka_unit_test(test_matches_do_not_overlap_and_empty_ones_are_skipped),
        cmocka_unit_test(test_unicode_caseless_and_invalid_utf8_text),
        cmocka_unit_test(test_compile_error_gives_offset_and_pcre2_message),
        cmocka_unit_test(test_malformed_lines_name_file_and_line),
        cmocka_unit_test(test_catastrophic_backtracking_is_cut_off_with_one_warning),
        cmocka_unit_test(test_matchers_share_patterns_across_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
