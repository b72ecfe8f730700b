/*
 * Fuzz target: the keyword pattern file parser and scanner (patterns.c,
 * PCRE2). Loads the input as a pattern file and, when it loads, scans a fixed
 * text and the input itself (which may hold invalid UTF-8), checking that
 * every match lies inside the text and is not empty.
 */
#include <string.h>

#include "fuzz_common.h"
#include "patterns.h"

struct scan_ctx {
    size_t len;
    size_t n_patterns;
};

static void on_match(void *ctx, size_t pattern_index, const char *term, size_t term_len,
                     size_t match_offset, size_t match_len)
{
    const struct scan_ctx *s = ctx;
    FUZZ_CHECK(pattern_index < s->n_patterns);
    FUZZ_CHECK(term[term_len] == '\0' && term_len > 0);
    FUZZ_CHECK(match_len > 0 && match_offset + match_len <= s->len);
}

static void scan(struct jk_pattern_matcher *m, const char *text, size_t len)
{
    struct scan_ctx s = {len, jk_patterns_count(m->patterns)};
    jk_patterns_scan(m, text, len, on_match, &s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char text[] = "Kerja sama sister city dan sister  province antara NTB dan "
                               "Zhejiang (2014-2015); paradiplomasi pemerintah daerah.";
    fuzz_quiet();
    const char *path = fuzz_write_file(data, size, ".tsv");
    struct jk_patterns p;
    struct jk_diag diag;
    jk_patterns_init(&p);
    jk_diag_init(&diag);
    enum jk_status st = jk_patterns_load(&p, path, &diag);
    FUZZ_CHECK(st == JK_OK || st == JK_E_INPUT);
    fuzz_check_error(st, &diag);
    if (st == JK_OK) {
        struct jk_pattern_matcher m;
        jk_pattern_matcher_init(&m, &p);
        scan(&m, text, sizeof text - 1);
        scan(&m, (const char *)data, size);
        jk_pattern_matcher_release(&m);
    }
    jk_patterns_release(&p);
    return 0;
}
