/*
 * Stage 5a, for large corpora: which candidate terms can occur more than
 * once. Most distinct candidates of a large corpus (n-grams of rare words)
 * occur exactly once and can never reach a threshold of 2; keeping them in
 * the counter is most of its memory. A count-min sketch (Cormode and
 * Muthukrishnan 2005: a few rows of small counters, each candidate adds one
 * to one counter per row, its estimate is the smallest) filled in an extra
 * pass over the candidates tells, without false negatives, which candidates
 * occur at most once: those the counting pass then leaves out, counting
 * only how many there were (each was one distinct term occurring once).
 *
 * Counters take two bits, saturate at 2 and are updated with atomic operations, so threads
 * can fill the sketch together and the result does not depend on their
 * order. Owns its cells.
 */
#ifndef JK_SKETCH_H
#define JK_SKETCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define JK_SKETCH_ROWS 3

struct jk_sketch {
    uint8_t *cells; /* blocks of 64 bytes, 256 two-bit counters each (see sketch.c) */
    size_t width;   /* counters per row: a power of two */
    size_t blocks;  /* JK_SKETCH_ROWS * width / 256 */
};

/* Sized for about `distinct` distinct items: 2 counters per item and row, so a few per
 * cent of single items look repeated. */
void jk_sketch_init(struct jk_sketch *s, size_t distinct);
void jk_sketch_release(struct jk_sketch *s);
/* Counts one occurrence of the item with this 64-bit hash; thread-safe. */
void jk_sketch_add(struct jk_sketch *s, uint64_t hash);
/* True unless the item certainly occurred at most once. */
bool jk_sketch_repeated(const struct jk_sketch *s, uint64_t hash);
/* Asks the processor to fetch the item's block ahead of jk_sketch_add or jk_sketch_repeated. */
void jk_sketch_prefetch(const struct jk_sketch *s, uint64_t hash);
/* Non-empty counters of the first row: a lower bound on the distinct items added. */
size_t jk_sketch_distinct_at_least(const struct jk_sketch *s);
/* Bytes the cells take. */
size_t jk_sketch_bytes(const struct jk_sketch *s);

#endif
