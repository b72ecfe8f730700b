/*
 * Fuzz target: the reviewed terms file parser (termfile.c, with the shared
 * line reader and field splitter). Loads the input as a terms file and
 * checks that the selection count matches the terms marked selected.
 */
#include "fuzz_common.h"
#include "termfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_quiet();
    const char *path = fuzz_write_file(data, size, ".tsv");
    struct jk_termfile t;
    struct jk_diag diag;
    jk_termfile_init(&t);
    jk_diag_init(&diag);
    enum jk_status st = jk_termfile_load(&t, path, &diag);
    FUZZ_CHECK(st == JK_OK || st == JK_E_INPUT);
    fuzz_check_error(st, &diag);
    if (st == JK_OK) {
        size_t n = jk_termfile_count(&t), selected = 0;
        for (uint32_t id = 0; id < n; id++) {
            const char *term = jk_strmap_key(&t.terms, id);
            size_t len = jk_strmap_len(&t.terms, id);
            FUZZ_CHECK(len > 0 && fuzz_valid_utf8(term, len));
            bool known = false;
            selected += jk_termfile_selected(&t, term, len, &known);
            FUZZ_CHECK(known);
        }
        FUZZ_CHECK(selected == t.n_selected);
    }
    jk_termfile_release(&t);
    return 0;
}
