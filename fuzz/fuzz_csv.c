/*
 * Fuzz target: the CSV export reader (read_csv.c, libcsv). The first byte
 * chooses between detected columns and a --columns override; the rest is the
 * file. Every record must hold valid UTF-8 fields.
 */
#include "fuzz_common.h"
#include "read_csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    fuzz_quiet();
    const char *path = fuzz_write_file(data + 1, size - 1, ".csv");
    struct jk_csv_columns columns;
    struct jk_diag diag;
    jk_csv_columns_init(&columns);
    jk_diag_init(&diag);
    if (data[0] & 1)
        FUZZ_CHECK(jk_csv_columns_parse("title=Judul,abstract=a,year=y", &columns, &diag) == JK_OK);
    size_t count = 0;
    enum jk_status st = jk_read_csv(path, &columns, fuzz_check_record, &count, &diag);
    FUZZ_CHECK(st == JK_OK || st == JK_E_INPUT);
    fuzz_check_error(st, &diag);
    jk_csv_columns_release(&columns);
    return 0;
}
