/*
 * String -> dense id map (a vocabulary). Ids are 0, 1, 2, ... in order of
 * first insertion, so a run that inserts in a fixed order gets fixed ids.
 * Keys are byte strings (not necessarily NUL-free) copied into the map's arena;
 * jk_strmap_key returns them NUL-terminated and valid until release.
 */
#ifndef JK_STRMAP_H
#define JK_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "util/arena.h"

#define JK_NO_ID UINT32_MAX

/* A slot keeps its key's hash, so a probe rarely leaves the slot array. */
struct jk_strmap_slot {
    uint32_t id1; /* id + 1, 0 = empty */
    uint32_t hash;
};

struct jk_strmap {
    struct jk_arena arena;
    struct jk_strmap_slot *slots; /* open addressing, at most half full */
    size_t n_slots;               /* power of two */
    const char **keys;            /* keys[id] */
    uint32_t *lens;               /* lens[id] */
    size_t count;
    size_t cap;
};

void jk_strmap_init(struct jk_strmap *m);
void jk_strmap_release(struct jk_strmap *m);
/* Returns the id of key, inserting it if absent; *added tells which (may be NULL). */
uint32_t jk_strmap_intern(struct jk_strmap *m, const char *key, size_t len, bool *added);
/* The same, with the key's jk_hash_bytes already known. */
uint32_t jk_strmap_intern_hashed(struct jk_strmap *m, const char *key, size_t len, uint32_t hash,
                                 bool *added);
/* Hints that a key with this hash is looked up soon (fetches its slot into the cache). */
void jk_strmap_prefetch(const struct jk_strmap *m, uint32_t hash);
/*
 * A guess, for fetching ahead: the id in the home slot of hash when that slot holds the
 * same hash, else JK_NO_ID. The key is not compared; use jk_strmap_find for the answer.
 */
uint32_t jk_strmap_peek(const struct jk_strmap *m, uint32_t hash);
/*
 * Fetches ahead the key that the home slot of hash names, for a lookup a few
 * steps later: with bytes false its place in keys and lens (call after
 * jk_strmap_prefetch brought the slot), with bytes true its text (after that).
 */
void jk_strmap_prefetch_key(const struct jk_strmap *m, uint32_t hash, bool bytes);
/* Returns the id of key or JK_NO_ID. */
uint32_t jk_strmap_find(const struct jk_strmap *m, const char *key, size_t len);
const char *jk_strmap_key(const struct jk_strmap *m, uint32_t id);
size_t jk_strmap_len(const struct jk_strmap *m, uint32_t id);
size_t jk_strmap_count(const struct jk_strmap *m);
/* A 64-bit hash of the bytes, eight at a time; exposed for other hash tables. */
uint64_t jk_hash64(const void *data, size_t len);
/* Its low 32 bits: the hash the map uses. */
uint32_t jk_hash_bytes(const void *data, size_t len);

/*
 * Whether a[0..n) and b[0..n) are equal: memcmp's answer, in line, for the
 * short keys of word and term maps (a call to memcmp costs more than the
 * compare). Overlapping eight- or four-byte reads, never past n.
 */
static inline bool jk_bytes_equal(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;
    if (n >= 8) {
        uint64_t u, v;
        for (size_t i = 0; i + 8 <= n; i += 8) {
            memcpy(&u, x + i, 8);
            memcpy(&v, y + i, 8);
            if (u != v)
                return false;
        }
        memcpy(&u, x + n - 8, 8);
        memcpy(&v, y + n - 8, 8);
        return u == v;
    }
    if (n >= 4) {
        uint32_t u0, v0, u1, v1;
        memcpy(&u0, x, 4);
        memcpy(&v0, y, 4);
        memcpy(&u1, x + n - 4, 4);
        memcpy(&v1, y + n - 4, 4);
        return u0 == v0 && u1 == v1;
    }
    for (size_t i = 0; i < n; i++)
        if (x[i] != y[i])
            return false;
    return true;
}

#endif
