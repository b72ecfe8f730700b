/* The count-min sketch of candidate occurrences (see sketch.h). */
#include "sketch.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

void jk_sketch_init(struct jk_sketch *s, size_t distinct)
{
    size_t w = 1u << 16;
    while (w < 2 * distinct && w < ((size_t)1 << 34))
        w <<= 1;
    s->width = w;
    s->cells = jk_calloc(JK_SKETCH_ROWS * w / 4, 1);
}

void jk_sketch_release(struct jk_sketch *s)
{
    if (!s)
        return;
    free(s->cells);
    memset(s, 0, sizeof(*s));
}

/* The counter of row r: two halves of the hash combined (Kirsch and Mitzenmacher). */
static size_t cell(const struct jk_sketch *s, uint64_t hash, unsigned r)
{
    uint64_t h2 = ((hash >> 32) | 1) * 0x9e3779b97f4a7c15ull;
    return r * s->width + (size_t)((hash + r * h2) >> 16 & (s->width - 1));
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
    size_t n = 0;
    for (size_t i = 0; i < s->width; i++)
        n += get(s->cells, i) != 0;
    return n;
}

size_t jk_sketch_bytes(const struct jk_sketch *s)
{
    return JK_SKETCH_ROWS * s->width / 4;
}
