/*
 * Fuzz target: the cleaner (stage 2, clean.c and clean_markup.c). Feeds the
 * input as a document and checks the output invariants clean.h promises:
 * valid UTF-8, no control characters but "\n\n" boundaries, single spaces,
 * no leading or trailing white space.
 */
#include <string.h>

#include "clean.h"
#include "fuzz_common.h"

/* A deterministic stand-in for the corpus lexicon: "known" words are those of even length. */
static bool known_even(void *ctx, const char *word, size_t len)
{
    (void)ctx;
    FUZZ_CHECK(word[len] == '\0');
    return len % 2 == 0;
}

static void check_output(const char *s, size_t n)
{
    FUZZ_CHECK(fuzz_valid_utf8(s, n));
    if (n == 0)
        return;
    FUZZ_CHECK(s[0] != ' ' && s[0] != '\n');
    FUZZ_CHECK(s[n - 1] != ' ' && s[n - 1] != '\n');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n') {
            /* boundaries are exactly "\n\n" */
            FUZZ_CHECK(i + 1 < n && s[i + 1] == '\n');
            FUZZ_CHECK(i + 2 < n && s[i + 2] != '\n' && s[i + 2] != ' ');
            FUZZ_CHECK(s[i - 1] != ' ');
            i++;
            continue;
        }
        FUZZ_CHECK(c >= 0x20 && c != 0x7F);
        if (c == ' ')
            FUZZ_CHECK(s[i + 1] != ' ' && s[i + 1] != '\n');
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct jk_buf out;
    jk_buf_init(&out);
    /* first byte chooses whether a lexicon is asked, so both rule sets run */
    bool with_known = size > 0 && (data[0] & 1);
    jk_clean((const char *)data, size, &out, with_known ? known_even : NULL, NULL);
    check_output(out.data ? out.data : "", out.len);
    jk_buf_release(&out);
    return 0;
}
