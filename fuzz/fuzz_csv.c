/*
 * Fuzz target: the CSV export reader (read_csv.c, libcsv). The first byte
 * chooses between detected columns and a --columns override; the rest is the
 * file. Every record must hold valid UTF-8 fields. The header-only check
 * (jk_csv_has_text_columns) must agree with the whole read: a header without
 * text columns is the whole read's error, one with them is not. Bit 1 of the
 * first byte lowers the limit on a row's bytes to 256, so that quotes left
 * open over lines stop the reading (jk_record_max_bytes) in inputs this small.
 */
#include <string.h>

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
    size_t limit = jk_record_max_bytes;
    if (data[0] & 2)
        jk_record_max_bytes = 256;
    size_t count = 0;
    enum jk_status st = jk_read_csv(path, &columns, fuzz_check_record, &count, &diag);
    FUZZ_CHECK(st == JK_OK || st == JK_E_INPUT);
    fuzz_check_error(st, &diag);
    bool has = false;
    struct jk_diag head_diag;
    jk_diag_init(&head_diag);
    enum jk_status head = jk_csv_has_text_columns(path, &columns, &has, NULL, &head_diag);
    FUZZ_CHECK(head == JK_OK || head == JK_E_INPUT);
    fuzz_check_error(head, &head_diag);
    if (head == JK_OK && !has)
        FUZZ_CHECK(st == JK_E_INPUT && strstr(diag.msg, "no title, abstract or keywords column"));
    if (head != JK_OK) /* the header's own error stops the whole read too */
        FUZZ_CHECK(st == JK_E_INPUT);
    jk_record_max_bytes = limit;
    jk_csv_columns_release(&columns);
    return 0;
}
