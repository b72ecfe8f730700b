/*
 * Fuzz target: the VOSviewer corpus and scores reader (read_vos.c). The input
 * is the corpus file, then optionally a form feed and the scores file.
 */
#include <string.h>

#include "fuzz_common.h"
#include "read_vos.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_quiet();
    const uint8_t *ff = memchr(data, '\f', size);
    size_t corpus_len = ff ? (size_t)(ff - data) : size;
    const char *scores_path = NULL;
    if (ff)
        scores_path = fuzz_write_file(ff + 1, size - corpus_len - 1, ".scores.txt");
    const char *corpus = fuzz_write_file(data, corpus_len, ".corpus.txt");
    struct jk_diag diag;
    jk_diag_init(&diag);
    size_t count = 0;
    enum jk_status st = jk_read_vos(corpus, scores_path, fuzz_check_record, &count, &diag);
    FUZZ_CHECK(st == JK_OK || st == JK_E_INPUT);
    fuzz_check_error(st, &diag);
    return 0;
}
