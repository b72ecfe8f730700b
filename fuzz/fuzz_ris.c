/*
 * Fuzz target: the RIS reader (read_ris.c). Every record must hold valid
 * UTF-8 fields; the only failure is an input error with a message.
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
    return 0;
}
