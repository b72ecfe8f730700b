/* String -> dense id map with open addressing (see strmap.h). */
#include "util/strmap.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

static uint64_t mix(uint64_t h)
{
    h ^= h >> 32;
    h *= 0xd6e8feb86659fd93ull;
    h ^= h >> 32;
    return h;
}

static uint64_t load64(const unsigned char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

static uint64_t load32(const unsigned char *p)
{
    uint32_t w;
    memcpy(&w, p, 4);
    return w;
}

/*
 * The last 1-7 bytes of a key of length total as one word, without a loop: the last
 * eight bytes of a key of eight or more (overlapping words already mixed in), two
 * overlapping four-byte reads, or three single bytes. For a given length each covers
 * every byte, so keys of one length that differ give different words.
 */
static uint64_t tail_word(const unsigned char *p, size_t n, size_t total)
{
    if (total >= 8)
        return load64(p + n - 8);
    if (n >= 4)
        return load32(p) | load32(p + n - 4) << 32;
    return (uint64_t)p[0] | (uint64_t)p[n / 2] << 8 | (uint64_t)p[n - 1] << 16;
}

/* Eight bytes at a time, each word multiplied in; the tail is read as one word. */
uint64_t jk_hash64(const void *data, size_t len)
{
    const unsigned char *p = data;
    size_t total = len;
    uint64_t h = 0x9e3779b97f4a7c15ull ^ len;
    while (len >= 8) {
        h = (h ^ load64(p)) * 0xff51afd7ed558ccdull;
        h ^= h >> 29;
        p += 8;
        len -= 8;
    }
    uint64_t w = len ? tail_word(p, len, total) : 0;
    h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
    return mix(h);
}

uint32_t jk_hash_bytes(const void *data, size_t len)
{
    return (uint32_t)jk_hash64(data, len);
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
    jk_strmap_init(m);
}

static size_t probe(const struct jk_strmap *m, const char *key, size_t len, uint32_t h)
{
    size_t mask = m->n_slots - 1;
    size_t i = h & mask;
    for (;;) {
        const struct jk_strmap_slot *s = &m->slots[i];
        if (s->id1 == 0)
            return i;
        if (s->hash == h) {
            uint32_t id = s->id1 - 1;
            if (m->lens[id] == len && jk_bytes_equal(m->keys[id], key, len))
                return i;
        }
        i = (i + 1) & mask;
    }
}

static void rehash(struct jk_strmap *m)
{
    size_t n = m->n_slots ? m->n_slots * 2 : 64;
    struct jk_strmap_slot *old = m->slots;
    size_t n_old = m->n_slots;
    m->slots = jk_calloc(n, sizeof(*m->slots));
    jk_advise_huge(m->slots, n * sizeof(*m->slots));
    m->n_slots = n;
    for (size_t k = 0; k < n_old; k++) {
        if (old[k].id1 == 0)
            continue;
        size_t i = old[k].hash & (n - 1);
        while (m->slots[i].id1)
            i = (i + 1) & (n - 1);
        m->slots[i] = old[k];
    }
    free(old);
}

uint32_t jk_strmap_find(const struct jk_strmap *m, const char *key, size_t len)
{
    if (m->n_slots == 0)
        return JK_NO_ID;
    uint32_t s = m->slots[probe(m, key, len, jk_hash_bytes(key, len))].id1;
    return s ? s - 1 : JK_NO_ID;
}

uint32_t jk_strmap_intern(struct jk_strmap *m, const char *key, size_t len, bool *added)
{
    return jk_strmap_intern_hashed(m, key, len, jk_hash_bytes(key, len), added);
}

void jk_strmap_prefetch(const struct jk_strmap *m, uint32_t hash)
{
    if (m->n_slots)
        __builtin_prefetch(&m->slots[hash & (m->n_slots - 1)]);
}

void jk_strmap_prefetch_key(const struct jk_strmap *m, uint32_t hash, bool bytes)
{
    uint32_t id = jk_strmap_peek(m, hash);
    if (id == JK_NO_ID)
        return;
    if (bytes) {
        __builtin_prefetch(m->keys[id]);
    } else {
        __builtin_prefetch(&m->keys[id]);
        __builtin_prefetch(&m->lens[id]);
    }
}

uint32_t jk_strmap_peek(const struct jk_strmap *m, uint32_t hash)
{
    if (!m->n_slots)
        return JK_NO_ID;
    const struct jk_strmap_slot *s = &m->slots[hash & (m->n_slots - 1)];
    return s->id1 && s->hash == hash ? s->id1 - 1 : JK_NO_ID;
}

uint32_t jk_strmap_intern_hashed(struct jk_strmap *m, const char *key, size_t len, uint32_t h,
                                 bool *added)
{
    if ((m->count + 1) * 2 > m->n_slots)
        rehash(m);
    size_t i = probe(m, key, len, h);
    if (m->slots[i].id1) {
        if (added)
            *added = false;
        return m->slots[i].id1 - 1;
    }
    if (m->count + 1 > m->cap) {
        size_t cap = m->cap;
        JK_GROW_TABLE(m->keys, m->count + 1, cap);
        cap = m->cap;
        JK_GROW_TABLE(m->lens, m->count + 1, cap);
        m->cap = cap;
    }
    uint32_t id = (uint32_t)m->count++;
    m->keys[id] = jk_arena_strndup(&m->arena, key, len);
    m->lens[id] = (uint32_t)len;
    m->slots[i] = (struct jk_strmap_slot){id + 1, h};
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
