/*
 * Shared by the tests that need a small dictd dictionary (test_dictd.c,
 * test_bilingual.c): entries written back to back into dir/t.dict.dz
 * (gzip) and the index lines that point into it.
 */
#ifndef JK_DICTD_FIXTURE_H
#define JK_DICTD_FIXTURE_H

#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "testutil.h"

/* Headword, entry text, and its length when it holds NUL bytes (0: up to the first NUL). */
struct df_entry {
    const char *headword, *text;
    size_t len;
};

/* Writes value in dictd base64 (most significant digit first) into out. */
static inline void df_b64(size_t value, char *out)
{
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char tmp[16];
    size_t n = 0;
    do {
        tmp[n++] = digits[value % 64];
        value /= 64;
    } while (value > 0);
    for (size_t i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = '\0';
}

/* Writes dir/t.dict.dz from e[0..n) and the matching index text into index (not to a file). */
static inline void df_write(const char *dir, const struct df_entry *e, size_t n, char *index,
                            size_t cap)
{
    char path[4096], off[16], len[16];
    snprintf(path, sizeof(path), "%s/t.dict.dz", dir);
    gzFile gz = gzopen(path, "wb");
    assert_non_null(gz);
    size_t pos = 0, used = 0;
    index[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        size_t bytes = e[i].len ? e[i].len : strlen(e[i].text);
        assert_int_equal(gzwrite(gz, e[i].text, (unsigned)bytes), (int)bytes);
        df_b64(pos, off);
        df_b64(bytes, len);
        used += (size_t)snprintf(index + used, cap - used, "%s\t%s\t%s\n", e[i].headword, off, len);
        pos += bytes;
    }
    assert_int_equal(gzclose(gz), Z_OK);
}

#endif
