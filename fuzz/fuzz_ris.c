/*
 * Fuzz target: the RIS reader (read_ris.c). Every record must hold valid
 * UTF-8 fields; the only failure is an input error with a message. Read
 * again with the limit on a record's bytes at 256 (jk_record_max_bytes), so
 * that records running past it are skipped in inputs this small: no more
 * records than the first read.
 */
#include "fuzz_common.h"
#include "read_ris.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_quiet();
    const char *path = fuzz_write_file(data, size, ".ris");
    struct jk_diag diag;
    jk_diag_init(&diag);
    size_t count = 0;
    enum jk_status st = jk_read_ris(path, fuzz_check_record, &count, &diag);
    FUZZ_CHECK(st == JK_OK || st == JK_E_INPUT);
    fuzz_check_error(st, &diag);
    size_t limit = jk_record_max_bytes, fewer = 0;
    jk_record_max_bytes = 256;
    jk_diag_init(&diag);
    enum jk_status again = jk_read_ris(path, fuzz_check_record, &fewer, &diag);
    jk_record_max_bytes = limit;
    FUZZ_CHECK(again == st);
    fuzz_check_error(again, &diag);
    FUZZ_CHECK(fewer <= count);
    return 0;
}
