/* String -> dense id map with open addressing (see strmap.h). */
#include "util/strmap.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

uint32_t jk_hash_bytes(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 16777619u;
    }
    return h;
}

void jk_strmap_init(struct jk_strmap *m)
{
    memset(m, 0, sizeof(*m));
    jk_arena_init(&m->arena);
}

void jk_strmap_release(struct jk_strmap *m)
{
    if (!m)
        return;
    jk_arena_release(&m->arena);
    free(m->slots);
    free(m->keys);
    free(m->lens);
    free(m->hashes);
    jk_strmap_init(m);
}

static size_t probe(const struct jk_strmap *m, const char *key, size_t len, uint32_t h)
{
    size_t mask = m->n_slots - 1;
    size_t i = h & mask;
    for (;;) {
        uint32_t s = m->slots[i];
        if (s == 0)
            return i;
        uint32_t id = s - 1;
        if (m->hashes[id] == h && m->lens[id] == len && memcmp(m->keys[id], key, len) == 0)
            return i;
        i = (i + 1) & mask;
    }
}

static void rehash(struct jk_strmap *m)
{
    size_t n = m->n_slots ? m->n_slots * 2 : 64;
    free(m->slots);
    m->slots = jk_calloc(n, sizeof(*m->slots));
    m->n_slots = n;
    for (size_t id = 0; id < m->count; id++) {
        size_t i = m->hashes[id] & (n - 1);
        while (m->slots[i])
            i = (i + 1) & (n - 1);
        m->slots[i] = (uint32_t)id + 1;
    }
}

uint32_t jk_strmap_find(const struct jk_strmap *m, const char *key, size_t len)
{
    if (m->n_slots == 0)
        return JK_NO_ID;
    uint32_t s = m->slots[probe(m, key, len, jk_hash_bytes(key, len))];
    return s ? s - 1 : JK_NO_ID;
}

uint32_t jk_strmap_intern(struct jk_strmap *m, const char *key, size_t len, bool *added)
{
    if ((m->count + 1) * 4 > m->n_slots * 3)
        rehash(m);
    uint32_t h = jk_hash_bytes(key, len);
    size_t i = probe(m, key, len, h);
    if (m->slots[i]) {
        if (added)
            *added = false;
        return m->slots[i] - 1;
    }
    if (m->count + 1 > m->cap) {
        size_t cap = m->cap;
        JK_GROW(m->keys, m->count + 1, cap);
        cap = m->cap;
        JK_GROW(m->lens, m->count + 1, cap);
        cap = m->cap;
        JK_GROW(m->hashes, m->count + 1, cap);
        m->cap = cap;
    }
    uint32_t id = (uint32_t)m->count++;
    m->keys[id] = jk_arena_strndup(&m->arena, key, len);
    m->lens[id] = (uint32_t)len;
    m->hashes[id] = h;
    m->slots[i] = id + 1;
    if (added)
        *added = true;
    return id;
}

const char *jk_strmap_key(const struct jk_strmap *m, uint32_t id)
{
    return m->keys[id];
}

size_t jk_strmap_len(const struct jk_strmap *m, uint32_t id)
{
    return m->lens[id];
}

size_t jk_strmap_count(const struct jk_strmap *m)
{
    return m->count;
}
