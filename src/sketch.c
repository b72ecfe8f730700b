/* The count-min sketch of candidate occurrences (see sketch.h). */
#include "sketch.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

/*
 * Cells are grouped in blocks of one cache line (64 bytes, 256 two-bit
 * counters); an item's three counters lie in one block, one in each third
 * of it, so adding or looking up an item touches one cache line, not three
 * (a blocked sketch: the block spreads the items as one row would).
 */
enum { BLOCK_BYTES = 64, ROW_CELLS = 85 };

void jk_sketch_init(struct jk_sketch *s, size_t distinct)
{
    size_t w = 1u << 16;
    while (w < 2 * distinct && w < ((size_t)1 << 34))
        w <<= 1;
    s->width = w;
    s->blocks = JK_SKETCH_ROWS * w / (4 * BLOCK_BYTES);
    s->cells = jk_aligned_calloc(BLOCK_BYTES, s->blocks * BLOCK_BYTES);
}

void jk_sketch_release(struct jk_sketch *s)
{
    if (!s)
        return;
    free(s->cells);
    memset(s, 0, sizeof(*s));
}

/* The counter of row r: a block from the hash's high half, a cell of its third r from the low. */
static size_t cell(const struct jk_sketch *s, uint64_t hash, unsigned r)
{
    size_t block = (size_t)(((hash >> 32) * (uint64_t)s->blocks) >> 32);
    size_t sub = (size_t)((((hash >> (10 * r)) & 1023u) * ROW_CELLS) >> 10);
    return block * (4 * BLOCK_BYTES) + r * ROW_CELLS + sub;
}

void jk_sketch_prefetch(const struct jk_sketch *s, uint64_t hash)
{
    __builtin_prefetch(&s->cells[cell(s, hash, 0) >> 2]);
}

/* Counters take two bits (0, 1, 2 = more), four to a byte. */
static unsigned get(const uint8_t *cells, size_t c)
{
    return (__atomic_load_n(&cells[c >> 2], __ATOMIC_RELAXED) >> (2 * (c & 3))) & 3u;
}

void jk_sketch_add(struct jk_sketch *s, uint64_t hash)
{
    for (unsigned r = 0; r < JK_SKETCH_ROWS; r++) {
        size_t c = cell(s, hash, r);
        uint8_t *byte = &s->cells[c >> 2];
        unsigned shift = 2 * (c & 3);
        uint8_t v = __atomic_load_n(byte, __ATOMIC_RELAXED);
        while (((v >> shift) & 3u) < 2 &&
               !__atomic_compare_exchange_n(byte, &v, (uint8_t)(v + (1u << shift)), true,
                                            __ATOMIC_RELAXED, __ATOMIC_RELAXED))
            ;
    }
}

bool jk_sketch_repeated(const struct jk_sketch *s, uint64_t hash)
{
    for (unsigned r = 0; r < JK_SKETCH_ROWS; r++)
        if (get(s->cells, cell(s, hash, r)) < 2)
            return false;
    return true;
}

size_t jk_sketch_distinct_at_least(const struct jk_sketch *s)
{
    size_t n = 0; /* the first third of every block: one counter per item */
    for (size_t b = 0; b < s->blocks; b++)
        for (size_t k = 0; k < ROW_CELLS; k++)
            n += get(s->cells, b * (4 * BLOCK_BYTES) + k) != 0;
    return n;
}

size_t jk_sketch_bytes(const struct jk_sketch *s)
{
    return s->blocks * BLOCK_BYTES;
}
