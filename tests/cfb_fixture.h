/*
 * A builder of OLE compound files (MS-CFB, version 3 or 4) for the tests and
 * the fuzz target of the .doc reader: streams in the root storage, each
 * padded to 4096 bytes so that none lives in the mini stream. The FAT comes
 * first, then the directory, then each stream, every chain running on to
 * the next sector. Header only; the caller links util/buf.
 */
#ifndef JK_CFB_FIXTURE_H
#define JK_CFB_FIXTURE_H

#include <stdint.h>
#include <string.h>

#include "util/buf.h"

enum {
    CF_END_OF_CHAIN = 0xFFFFFFFE,
    CF_FREE = 0xFFFFFFFF,
    CF_FAT_SECTOR = 0xFFFFFFFD,
    CF_NONE = 0xFFFFFFFF
};

static inline void cf_put16(struct jk_buf *b, size_t at, uint32_t v)
{
    b->data[at] = (char)(v & 0xFF);
    b->data[at + 1] = (char)(v >> 8 & 0xFF);
}

static inline void cf_put32(struct jk_buf *b, size_t at, uint32_t v)
{
    cf_put16(b, at, v & 0xFFFF);
    cf_put16(b, at + 2, v >> 16);
}

/* Grows b with zeros to at least n bytes. */
static inline void cf_zero_to(struct jk_buf *b, size_t n)
{
    while (b->len < n)
        jk_buf_addc(b, '\0');
}

/* One stream of a compound file to build; its data is padded to 4096 bytes (no mini stream). */
struct cf_stream {
    const char *name;
    struct jk_buf data;
};

static inline size_t cf_sectors(size_t bytes, size_t size)
{
    return (bytes + size - 1) / size;
}

/* The header of a compound file with n_fat FAT sectors, the directory's n_dir after them. */
static inline void cf_header(struct jk_buf *out, unsigned shift, size_t n_fat, size_t n_dir)
{
    static const char sig[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    jk_buf_add(out, sig, 8);
    cf_zero_to(out, (size_t)1 << shift);
    cf_put16(out, 0x18, 0x3E);
    cf_put16(out, 0x1A, shift == 9 ? 3 : 4);
    cf_put16(out, 0x1C, 0xFFFE);
    cf_put16(out, 0x1E, shift);
    cf_put16(out, 0x20, 6);
    cf_put32(out, 0x28, shift == 9 ? 0 : (uint32_t)n_dir); /* version 3 leaves it 0 */
    cf_put32(out, 0x2C, (uint32_t)n_fat);
    cf_put32(out, 0x30, (uint32_t)n_fat);
    cf_put32(out, 0x38, 4096);
    cf_put32(out, 0x3C, CF_END_OF_CHAIN);
    cf_put32(out, 0x44, CF_END_OF_CHAIN);
    for (size_t i = 0; i < 109; i++)
        cf_put32(out, 0x4C + 4 * i, i < n_fat ? (uint32_t)i : CF_FREE);
}

/* Directory entry i: the root (i == 0) or stream i - 1, linked as a chain of right siblings. */
static inline void cf_entry(struct jk_buf *dir, size_t i, size_t n, const struct cf_stream *s,
                            uint32_t start)
{
    size_t at = dir->len;
    cf_zero_to(dir, at + 128);
    const char *name = i == 0 ? "Root Entry" : s->name;
    for (size_t k = 0; name[k]; k++)
        cf_put16(dir, at + 2 * k, (unsigned char)name[k]);
    cf_put16(dir, at + 0x40, (uint32_t)(2 * strlen(name) + 2));
    dir->data[at + 0x42] = (char)(i == 0 ? 5 : 2);
    cf_put32(dir, at + 0x44, CF_NONE);
    cf_put32(dir, at + 0x48, i > 0 && i < n ? (uint32_t)(i + 1) : CF_NONE);
    cf_put32(dir, at + 0x4C, i == 0 && n > 0 ? 1 : CF_NONE);
    cf_put32(dir, at + 0x74, i == 0 ? CF_END_OF_CHAIN : start);
    cf_put32(dir, at + 0x78, i == 0 ? 0 : (uint32_t)s->data.len);
}

/*
 * A compound file (sector size 1 << shift) holding streams s[0..n) in the
 * root storage, in out (initialised here). Sectors: the FAT, the
 * directory, then each stream; every chain runs on to the next sector.
 */
static inline void cf_build(unsigned shift, struct cf_stream *s, size_t n, struct jk_buf *out)
{
    size_t size = (size_t)1 << shift, dir_sectors = cf_sectors(128 * (n + 1), size);
    size_t data_sectors = 0;
    for (size_t i = 0; i < n; i++) {
        cf_zero_to(&s[i].data, 4096);
        data_sectors += cf_sectors(s[i].data.len, size);
    }
    size_t n_fat = 1;
    while (n_fat * size / 4 < n_fat + dir_sectors + data_sectors)
        n_fat++;
    jk_buf_init(out);
    cf_header(out, shift, n_fat, dir_sectors);
    struct jk_buf fat, dir;
    jk_buf_init(&fat);
    jk_buf_init(&dir);
    cf_zero_to(&fat, n_fat * size);
    memset(fat.data, 0xFF, fat.len);
    size_t next = 0;
    for (; next < n_fat; next++)
        cf_put32(&fat, 4 * next, CF_FAT_SECTOR);
    size_t chains[16], lengths[16];
    chains[0] = next, lengths[0] = dir_sectors;
    next += dir_sectors;
    for (size_t i = 0; i < n; i++) {
        chains[i + 1] = next, lengths[i + 1] = cf_sectors(s[i].data.len, size);
        next += lengths[i + 1];
    }
    for (size_t c = 0; c <= n; c++)
        for (size_t k = 0; k < lengths[c]; k++)
            cf_put32(&fat, 4 * (chains[c] + k),
                     k + 1 < lengths[c] ? (uint32_t)(chains[c] + k + 1) : CF_END_OF_CHAIN);
    for (size_t i = 0; i <= n; i++)
        cf_entry(&dir, i, n, i ? &s[i - 1] : NULL, i ? (uint32_t)chains[i] : 0);
    cf_zero_to(&dir, dir_sectors * size);
    jk_buf_add(out, fat.data, fat.len);
    jk_buf_add(out, dir.data, dir.len);
    for (size_t i = 0; i < n; i++) {
        jk_buf_add(out, s[i].data.data, s[i].data.len);
        cf_zero_to(out, size * (1 + chains[i + 1] + lengths[i + 1]));
    }
    jk_buf_release(&fat);
    jk_buf_release(&dir);
}

#endif
