/*
 * Fuzz target: the stopword and protected-phrase list parsers
 * (stopwords.c). The first byte chooses which loader reads the rest.
 */
#include "fuzz_common.h"
#include "stopwords.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    fuzz_quiet();
    bool phrases = data[0] & 1;
    const char *path = fuzz_write_file(data + 1, size - 1, ".txt");
    struct jk_stopwords sw;
    struct jk_diag diag;
    jk_stopwords_init(&sw);
    jk_diag_init(&diag);
    enum jk_status st =
        phrases ? jk_stopwords_load_phrases(&sw, path, &diag) : jk_stopwords_load(&sw, path, &diag);
    FUZZ_CHECK(st == JK_OK || st == JK_E_INPUT);
    fuzz_check_error(st, &diag);
    jk_stopwords_has(&sw, "dan", 3);
    jk_stopwords_has_phrase(&sw, "kerja sama", 10);
    jk_stopwords_release(&sw);
    return 0;
}
