/*
 * Fuzz target: the BibTeX reader (read_bibtex.c): the file parser, and the
 * LaTeX-to-text conversion on the raw input. Every record and every
 * converted value must be valid UTF-8.
 */
#include "fuzz_common.h"
#include "read_bibtex.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_quiet();
    const char *path = fuzz_write_file(data, size, ".bib");
    struct jk_diag diag;
    jk_diag_init(&diag);
    size_t count = 0;
    enum jk_status st = jk_read_bibtex(path, fuzz_check_record, &count, &diag);
    FUZZ_CHECK(st == JK_OK || st == JK_E_INPUT);
    fuzz_check_error(st, &diag);
    if (fuzz_valid_utf8((const char *)data, size)) {
        struct jk_buf text;
        jk_buf_init(&text);
        jk_bibtex_text((const char *)data, size, &text);
        fuzz_check_buf(&text);
        jk_buf_release(&text);
    }
    return 0;
}
