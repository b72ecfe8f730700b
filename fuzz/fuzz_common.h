/*
 * Helpers shared by the libFuzzer targets in this folder: a per-process
 * temporary file for the parsers that read a path, a UTF-8 check for the
 * output invariants, and a check that aborts with a message, which libFuzzer
 * reports as a crash and saves the input for.
 */
#ifndef JK_FUZZ_COMMON_H
#define JK_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "record.h"
#include "sources.h"
#include "util/status.h"

/* Aborts (a libFuzzer crash) with the failed condition when cond is false. */
#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);               \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* Removes the files fuzz_write_file wrote (registered with atexit). */
static char fuzz_paths[4][128];

static inline void fuzz_remove_files(void)
{
    for (size_t i = 0; i < 4; i++)
        if (fuzz_paths[i][0])
            remove(fuzz_paths[i]);
}

/*
 * Writes data[0..size) to a file under /tmp named after the process and
 * suffix (e.g. ".tsv"; at most 4 different suffixes a process) and returns its
 * path, which stays valid until exit; the next call with the same suffix
 * overwrites the file. The files are removed at exit. Aborts when the file
 * cannot be written: the fuzzer cannot go on without it.
 */
static inline const char *fuzz_write_file(const uint8_t *data, size_t size, const char *suffix)
{
    char path[128];
    snprintf(path, sizeof path, "/tmp/jk-fuzz-%ld%s", (long)getpid(), suffix);
    size_t slot = 0;
    while (slot < 4 && fuzz_paths[slot][0] && strcmp(fuzz_paths[slot], path) != 0)
        slot++;
    FUZZ_CHECK(slot < 4);
    if (!fuzz_paths[slot][0]) {
        if (slot == 0)
            atexit(fuzz_remove_files);
        memcpy(fuzz_paths[slot], path, sizeof path);
    }
    FILE *f = fopen(path, "wb");
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(size == 0 || fwrite(data, 1, size, f) == size);
    FUZZ_CHECK(fclose(f) == 0);
    return fuzz_paths[slot];
}

/* Is s[0..len) valid UTF-8 (shortest forms, no surrogates, at most U+10FFFF)? */
static inline bool fuzz_valid_utf8(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        unsigned char c = p[i];
        size_t n;
        uint32_t cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 1, cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2, cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3, cp = c & 0x07;
        } else {
            return false;
        }
        if (len - i <= n)
            return false;
        for (size_t k = 1; k <= n; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n + 1;
    }
    return true;
}

/* Silences warnings once: the parsers warn on stderr about odd input. */
static inline void fuzz_quiet(void)
{
    jk_set_quiet(true);
}

/* Checks a buffer the readers fill: NUL-terminated at len and valid UTF-8. */
static inline void fuzz_check_buf(const struct jk_buf *b)
{
    if (b->data == NULL) {
        FUZZ_CHECK(b->len == 0);
        return;
    }
    FUZZ_CHECK(b->data[b->len] == '\0');
    FUZZ_CHECK(fuzz_valid_utf8(b->data, b->len));
}

/*
 * A jk_record_fn for the record readers: checks every field, and the
 * abstract's cleaning (sources.h); ctx is the last record number.
 */
static inline enum jk_status fuzz_check_record(void *ctx, const struct jk_record *r,
                                               struct jk_diag *diag)
{
    (void)diag;
    size_t *last = ctx;
    fuzz_check_buf(&r->title);
    fuzz_check_buf(&r->abstract);
    fuzz_check_buf(&r->keywords);
    fuzz_check_buf(&r->fulltext);
    fuzz_check_buf(&r->authors);
    fuzz_check_buf(&r->doi);
    fuzz_check_buf(&r->venue);
    /* the abstract as it goes into the text: shorter or the same, still valid UTF-8 */
    struct jk_buf scratch;
    jk_buf_init(&scratch);
    size_t len = r->abstract.len;
    const char *clean = jk_clean_abstract(r->abstract.data, &len, &scratch);
    FUZZ_CHECK(len <= r->abstract.len);
    FUZZ_CHECK(len == 0 || fuzz_valid_utf8(clean, len));
    jk_buf_release(&scratch);
    FUZZ_CHECK(r->number > *last);
    *last = r->number;
    return JK_OK;
}

/* After a failed call: the message is set and names something. */
static inline void fuzz_check_error(enum jk_status st, const struct jk_diag *diag)
{
    if (st != JK_OK) {
        FUZZ_CHECK(diag->status == st);
        FUZZ_CHECK(diag->msg[0] != '\0');
    }
}

#endif
