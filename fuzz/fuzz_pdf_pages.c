/*
 * Fuzz target: the PDF reader's page rules (read_pdf.c) on page texts, as
 * Poppler would give them, without a PDF: the input's form feeds separate
 * the pages (at most 64). Checks: a scan leaves nothing; the kept text ends
 * each line with '\n' and no blank before it; every kept line is one of the
 * pages' lines; only the first and last three non-blank lines of a page may
 * go; valid UTF-8 pages give valid UTF-8.
 */
#define _GNU_SOURCE /* memmem */
#include <string.h>

#include "fuzz_common.h"
#include "read_pdf.h"
#include "util/buf.h"
#include "util/mem.h"

enum { MAX_PAGES = 64, ZONE_LINES = 6 };

static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n';
}

/* Non-blank lines of s[0..len), lines cut at '\n'. */
static size_t text_lines(const char *s, size_t len)
{
    size_t n = 0;
    bool seen = false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n') {
            n += seen;
            seen = false;
        } else if (!blank(s[i])) {
            seen = true;
        }
    }
    return n + seen;
}

static void check_kept(const struct jk_buf *out, const char *all, size_t all_len, size_t n_pages,
                       size_t input_lines, bool utf8)
{
    if (out->len == 0)
        return;
    FUZZ_CHECK(out->data[out->len - 1] == '\n');
    FUZZ_CHECK(!utf8 || fuzz_valid_utf8(out->data, out->len));
    for (size_t i = 0; i < out->len;) {
        const char *nl = memchr(out->data + i, '\n', out->len - i);
        size_t len = (size_t)(nl - (out->data + i));
        FUZZ_CHECK(len == 0 || !blank(out->data[i + len - 1]));
        FUZZ_CHECK(len == 0 || memmem(all, all_len, out->data + i, len) != NULL);
        i += len + 1;
    }
    size_t kept = text_lines(out->data, out->len);
    FUZZ_CHECK(kept <= input_lines && kept + ZONE_LINES * n_pages >= input_lines);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_quiet();
    char *all = jk_malloc(size + 1); /* the pages, NUL-terminated each at its form feed */
    memcpy(all, data, size);
    all[size] = '\0';
    const char *pages[MAX_PAGES];
    size_t n_pages = 0, input_lines = 0;
    bool utf8 = true;
    for (size_t at = 0; n_pages < MAX_PAGES;) {
        char *ff = memchr(all + at, '\f', size - at);
        size_t end = ff ? (size_t)(ff - all) : size;
        all[end] = '\0';
        pages[n_pages++] = all + at;
        size_t len = strlen(all + at); /* a NUL byte ends the page, as in a C string */
        input_lines += text_lines(all + at, len);
        utf8 = utf8 && fuzz_valid_utf8(all + at, len);
        if (!ff)
            break;
        at = end + 1;
    }
    struct jk_buf out;
    jk_buf_init(&out);
    jk_buf_adds(&out, "left over");
    bool fine = jk_pdf_pages_text(pages, n_pages, &out);
    FUZZ_CHECK(fine || out.len == 0);
    if (fine) {
        /* the lines are looked for in the input with its form feeds and NULs put back */
        memcpy(all, data, size);
        check_kept(&out, all, size, n_pages, input_lines, utf8);
    }
    jk_buf_release(&out);
    free(all);
    return 0;
}
