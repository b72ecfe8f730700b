/*
 * Fuzz target: the one-word-a-line list parsers: stopword lists, protected
 * phrases and adjective lists (stopwords.c) and spelling variants
 * (variants.c). The first byte chooses the loader (its value modulo 4) that
 * reads the rest. A loaded variant list must have no chains: no standard
 * form is a variant. Every word of a loaded adjective list has its edge.
 */
#include "fuzz_common.h"
#include "stopwords.h"
#include "variants.h"

/* kind: 0 stopwords, 1 protected phrases, 3 adjectives. */
static enum jk_status load_stopwords(const char *path, int kind, struct jk_diag *diag)
{
    struct jk_stopwords sw;
    jk_stopwords_init(&sw);
    enum jk_status st = kind == 1   ? jk_stopwords_load_phrases(&sw, path, diag)
                        : kind == 3 ? jk_stopwords_load_list(&sw, path, JK_LIST_NO_START, diag)
                                    : jk_stopwords_load(&sw, path, diag);
    for (uint32_t id = 0; kind == 3 && id < jk_strmap_count(&sw.adjectives); id++)
        FUZZ_CHECK(jk_stopwords_edges(&sw, jk_strmap_key(&sw.adjectives, id),
                                      jk_strmap_len(&sw.adjectives, id)) == JK_NO_START);
    jk_stopwords_has(&sw, "dan", 3);
    jk_stopwords_has_phrase(&sw, "kerja sama", 10);
    jk_stopwords_release(&sw);
    return st;
}

static enum jk_status load_variants(const char *path, struct jk_diag *diag)
{
    struct jk_variants v;
    jk_variants_init(&v);
    enum jk_status st = jk_variants_load(&v, path, diag);
    for (uint32_t id = 0; st == JK_OK && id < jk_variants_count(&v); id++) {
        size_t len;
        const char *standard =
            jk_variant_standard(&v, jk_strmap_key(&v.words, id), jk_strmap_len(&v.words, id), &len);
        FUZZ_CHECK(standard != NULL && len > 0 && standard[len] == '\0');
        FUZZ_CHECK(jk_variant_standard(&v, standard, len, &len) == NULL);
    }
    jk_variants_release(&v);
    return st;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    fuzz_quiet();
    const char *path = fuzz_write_file(data + 1, size - 1, ".txt");
    struct jk_diag diag;
    jk_diag_init(&diag);
    enum jk_status st =
        data[0] % 4 == 2 ? load_variants(path, &diag) : load_stopwords(path, data[0] % 4, &diag);
    FUZZ_CHECK(st == JK_OK || st == JK_E_INPUT);
    fuzz_check_error(st, &diag);
    return 0;
}
