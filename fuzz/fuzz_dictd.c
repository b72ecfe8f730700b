/*
 * Fuzz target: the dictd dictionary reader (dictd.c). The input is an
 * .index file, a form feed, and the dictionary text; the first byte of the
 * text says whether it is gzip-compressed here first (bit 0 set: as it is
 * written raw, so the inflater sees broken gzip too). After a load, every
 * headword's translations must keep the promises of dictd.h: lower case,
 * trimmed, single spaces, valid UTF-8. The .index part is read as a glossary
 * too (glossary-en-id.txt's format), which is then put ahead of the loaded
 * dictionary (or of an empty one): the same promises, and each glossary
 * headword's first translation comes first.
 */
#include <string.h>
#include <zlib.h>

#include "dictd.h"
#include "fuzz_common.h"

/* Writes the dictionary part, gzip-compressed or as it is; returns its path. */
static const char *write_dict(const uint8_t *data, size_t size)
{
    if (size > 0 && (data[0] & 1))
        return fuzz_write_file(data + 1, size - 1, ".dict.dz");
    const char *path = fuzz_write_file(NULL, 0, ".dict.dz");
    gzFile gz = gzopen(path, "wb");
    FUZZ_CHECK(gz != NULL);
    if (size > 1)
        FUZZ_CHECK(gzwrite(gz, data + 1, (unsigned)(size - 1)) == (int)(size - 1));
    FUZZ_CHECK(gzclose(gz) == Z_OK);
    return path;
}

static void check_translation(const char *t)
{
    size_t len = strlen(t);
    FUZZ_CHECK(len > 0 && fuzz_valid_utf8(t, len));
    FUZZ_CHECK(t[0] != ' ' && t[len - 1] != ' ' && !strstr(t, "  "));
    for (size_t i = 0; i < len; i++)
        FUZZ_CHECK(!(t[i] >= 'A' && t[i] <= 'Z'));
}

static void check_entries(const struct jk_dictd *d)
{
    for (uint32_t id = 0; id < jk_strmap_count(&d->words); id++) {
        const char *w = jk_strmap_key(&d->words, id);
        size_t len = jk_strmap_len(&d->words, id);
        for (size_t i = 0; i < len; i++)
            FUZZ_CHECK(!(w[i] >= 'A' && w[i] <= 'Z'));
        const char *out[16];
        size_t n = jk_dictd_translations(d, w, len, out, 16);
        for (size_t i = 0; i < n; i++)
            check_translation(out[i]);
    }
}

/* The glossary at path put ahead of d (loaded or empty). */
static void check_glossary(const char *path, struct jk_dictd *d)
{
    struct jk_dictd g;
    struct jk_diag diag;
    jk_dictd_init(&g);
    jk_diag_init(&diag);
    enum jk_status st = jk_dictd_load_glossary(&g, path, &diag);
    FUZZ_CHECK(st == JK_OK || st == JK_E_INPUT);
    fuzz_check_error(st, &diag);
    if (st == JK_OK) {
        check_entries(&g);
        jk_dictd_prepend(d, &g);
        check_entries(d);
        for (uint32_t id = 0; id < jk_strmap_count(&g.words); id++) {
            const char *w = jk_strmap_key(&g.words, id), *first, *ahead;
            size_t len = jk_strmap_len(&g.words, id);
            if (jk_dictd_translations(&g, w, len, &first, 1) == 1)
                FUZZ_CHECK(jk_dictd_translations(d, w, len, &ahead, 1) == 1 &&
                           strcmp(first, ahead) == 0);
        }
    }
    jk_dictd_release(&g);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_quiet();
    const uint8_t *ff = memchr(data, '\f', size);
    size_t index_len = ff ? (size_t)(ff - data) : size;
    const char *index = fuzz_write_file(data, index_len, ".index");
    const char *dict = ff ? write_dict(ff + 1, size - index_len - 1) : write_dict(NULL, 0);
    struct jk_dictd d;
    struct jk_diag diag;
    jk_dictd_init(&d);
    jk_diag_init(&diag);
    enum jk_status st = jk_dictd_load(&d, index, dict, &diag);
    FUZZ_CHECK(st == JK_OK || st == JK_E_INPUT);
    fuzz_check_error(st, &diag);
    if (st == JK_OK) {
        check_entries(&d);
    } else {
        jk_dictd_release(&d); /* a failed load holds nothing usable: the glossary alone */
        jk_dictd_init(&d);
    }
    check_glossary(index, &d);
    jk_dictd_release(&d);
    return 0;
}
