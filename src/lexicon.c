/* The corpus lexicon: words seen in the first pass (see lexicon.h). */
#include "lexicon.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

void jk_lexicon_init(struct jk_lexicon *l)
{
    jk_strmap_init(&l->words);
    l->seen = l->asked = NULL;
    l->cap = 0;
}

void jk_lexicon_release(struct jk_lexicon *l)
{
    if (!l)
        return;
    jk_strmap_release(&l->words);
    free(l->seen);
    free(l->asked);
    jk_lexicon_init(l);
}

static uint32_t intern_hashed(struct jk_lexicon *l, const char *word, size_t len, uint32_t hash)
{
    bool added;
    uint32_t id = jk_strmap_intern_hashed(&l->words, word, len, hash, &added);
    if (added) {
        size_t cap = l->cap;
        JK_GROW_TABLE(l->seen, id + 1, cap);
        cap = l->cap;
        JK_GROW_TABLE(l->asked, id + 1, cap);
        l->cap = cap;
        l->seen[id] = l->asked[id] = 0;
    }
    return id;
}

static uint32_t intern(struct jk_lexicon *l, const char *word, size_t len)
{
    return intern_hashed(l, word, len, jk_hash_bytes(word, len));
}

void jk_lexicon_see_hashed(struct jk_lexicon *l, const char *word, size_t len, uint32_t hash)
{
    uint32_t id = intern_hashed(l, word, len, hash);
    l->seen[id]++;
}

void jk_lexicon_prefetch(const struct jk_lexicon *l, uint32_t hash, unsigned stage)
{
    if (stage == 0) {
        jk_strmap_prefetch(&l->words, hash);
        return;
    }
    jk_strmap_prefetch_key(&l->words, hash, stage > 1);
    if (stage > 1)
        return;
    uint32_t id = jk_strmap_peek(&l->words, hash);
    if (id != JK_NO_ID && id < l->cap)
        __builtin_prefetch(&l->seen[id]);
}

bool jk_lexicon_ask(void *ctx, const char *word, size_t len)
{
    struct jk_lexicon *l = ctx;
    if (memchr(word, '-', len))
        return false;
    uint32_t id = intern(l, word, len);
    l->asked[id]++;
    return false;
}

bool jk_lexicon_knows(void *ctx, const char *word, size_t len)
{
    const struct jk_lexicon *l = ctx;
    uint32_t id = jk_strmap_find(&l->words, word, len);
    return id != JK_NO_ID && l->seen[id] > l->asked[id];
}

bool jk_lexicon_has(void *ctx, const char *word, size_t len)
{
    const struct jk_lexicon *l = ctx;
    uint32_t id = jk_strmap_find(&l->words, word, len);
    return id != JK_NO_ID && l->seen[id] > 0;
}

void jk_lexicon_merge(struct jk_lexicon *into, const struct jk_lexicon *from)
{
    for (uint32_t k = 0; k < jk_strmap_count(&from->words); k++) {
        uint32_t id = intern(into, jk_strmap_key(&from->words, k), jk_strmap_len(&from->words, k));
        into->seen[id] += from->seen[k];
        into->asked[id] += from->asked[k];
    }
}
