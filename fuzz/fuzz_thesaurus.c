/*
 * Fuzz target: the VOSviewer thesaurus parser (thesaurus.c). Loads the input
 * as a thesaurus, then looks every label up and checks the chain invariant
 * of thesaurus.h: a replacement is never itself a label that is replaced.
 */
#include <string.h>

#include "fuzz_common.h"
#include "thesaurus.h"

static void check_entries(const struct jk_thesaurus *t)
{
    size_t n = jk_thesaurus_count(t);
    for (uint32_t id = 0; id < n; id++) {
        const char *label = jk_strmap_key(&t->labels, id);
        size_t len = jk_strmap_len(&t->labels, id);
        FUZZ_CHECK(fuzz_valid_utf8(label, len));
        const char *rep = NULL;
        size_t rep_len = 0;
        enum jk_thesaurus_result r = jk_thesaurus_lookup(t, label, len, &rep, &rep_len);
        if (r != JK_THES_REPLACE)
            continue;
        FUZZ_CHECK(rep != NULL && rep[rep_len] == '\0' && fuzz_valid_utf8(rep, rep_len));
        const char *again = NULL;
        size_t again_len = 0;
        enum jk_thesaurus_result r2 = jk_thesaurus_lookup(t, rep, rep_len, &again, &again_len);
        FUZZ_CHECK(r2 == JK_THES_KEEP ||
                   (r2 == JK_THES_REPLACE && again_len == rep_len && !memcmp(again, rep, rep_len)));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_quiet();
    const char *path = fuzz_write_file(data, size, ".tsv");
    struct jk_thesaurus t;
    struct jk_diag diag;
    jk_thesaurus_init(&t);
    jk_diag_init(&diag);
    enum jk_status st = jk_thesaurus_load(&t, path, &diag);
    FUZZ_CHECK(st == JK_OK || st == JK_E_INPUT);
    fuzz_check_error(st, &diag);
    if (st == JK_OK)
        check_entries(&t);
    jk_thesaurus_release(&t);
    return 0;
}
