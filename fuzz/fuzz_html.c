/*
 * Fuzz target: the web page reader (read_html.c) on the input as a saved
 * page. Checks: the text is valid UTF-8 without NUL bytes, comes after what
 * the buffer held, and has no blank line (blocks end lines, they do not
 * add empty ones) outside <pre>; the same page read twice gives the same text.
 */
#define _GNU_SOURCE /* memmem */
#include <ctype.h>
#include <string.h>

#include "fuzz_common.h"
#include "read_html.h"
#include "util/buf.h"

/* Whether word (lower case) occurs in d[0..n) in any case. */
static bool has_word(const uint8_t *d, size_t n, const char *word)
{
    size_t len = strlen(word);
    for (size_t i = 0; i + len <= n; i++) {
        size_t k = 0;
        while (k < len && tolower(d[i + k]) == word[k])
            k++;
        if (k == len)
            return true;
    }
    return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct jk_buf text, again;
    jk_buf_init(&text);
    jk_buf_init(&again);
    jk_buf_adds(&text, "x");
    jk_web_page_text((const char *)data, size, &text);
    fuzz_check_buf(&text);
    FUZZ_CHECK(text.data[0] == 'x');
    FUZZ_CHECK(memchr(text.data, '\0', text.len) == NULL);
    bool breaks = has_word(data, size, "pre") || has_word(data, size, "br");
    FUZZ_CHECK(breaks || !memmem(text.data, text.len, "\n\n", 2));
    jk_web_page_text((const char *)data, size, &again);
    FUZZ_CHECK(again.len + 1 == text.len && memcmp(again.data, text.data + 1, again.len) == 0);
    jk_buf_release(&again);
    jk_buf_release(&text);
    return 0;
}
