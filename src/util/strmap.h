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

struct jk_strmap {
    struct jk_arena arena;
    uint32_t *slots;   /* open addressing: id + 1, 0 = empty */
    size_t n_slots;    /* power of two */
    const char **keys; /* keys[id] */
    uint32_t *lens;    /* lens[id] */
    uint32_t *hashes;  /* hashes[id] */
    size_t count;
    size_t cap;
};

void jk_strmap_init(struct jk_strmap *m);
void jk_strmap_release(struct jk_strmap *m);
/* Returns the id of key, inserting it if absent; *added tells which (may be NULL). */
uint32_t jk_strmap_intern(struct jk_strmap *m, const char *key, size_t len, bool *added);
/* Returns the id of key or JK_NO_ID. */
uint32_t jk_strmap_find(const struct jk_strmap *m, const char *key, size_t len);
const char *jk_strmap_key(const struct jk_strmap *m, uint32_t id);
size_t jk_strmap_len(const struct jk_strmap *m, uint32_t id);
size_t jk_strmap_count(const struct jk_strmap *m);
/* 32-bit FNV-1a, exposed for other hash tables. */
uint32_t jk_hash_bytes(const void *data, size_t len);

#endif
