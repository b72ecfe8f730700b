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
/* Returns the id of key or JK_NO_ID. */
uint32_t jk_strmap_find(const struct jk_strmap *m, const char *key, size_t len);
const char *jk_strmap_key(const struct jk_strmap *m, uint32_t id);
size_t jk_strmap_len(const struct jk_strmap *m, uint32_t id);
size_t jk_strmap_count(const struct jk_strmap *m);
/* A 64-bit hash of the bytes, eight at a time; exposed for other hash tables. */
uint64_t jk_hash64(const void *data, size_t len);
/* Its low 32 bits: the hash the map uses. */
uint32_t jk_hash_bytes(const void *data, size_t len);

#endif
