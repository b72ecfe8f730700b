/* Bump allocator (see arena.h). */
#include "util/arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

#define BLOCK_SIZE (64 * 1024)

struct jk_arena_block {
    struct jk_arena_block *next;
    size_t size;
    alignas(max_align_t) char data[];
};

void jk_arena_init(struct jk_arena *a)
{
    a->head = NULL;
    a->used = 0;
    a->bytes = 0;
}

void jk_arena_release(struct jk_arena *a)
{
    if (!a)
        return;
    struct jk_arena_block *b = a->head;
    while (b) {
        struct jk_arena_block *next = b->next;
        free(b);
        b = next;
    }
    jk_arena_init(a);
}

/* size bytes at a multiple of align (a power of two) from the head block, or a new one. */
static void *carve(struct jk_arena *a, size_t size, size_t align)
{
    size_t at = (a->used + align - 1) & ~(align - 1);
    if (!a->head || at + size > a->head->size) {
        size_t bsize = size > BLOCK_SIZE ? size : BLOCK_SIZE;
        struct jk_arena_block *b = jk_malloc(sizeof(*b) + bsize);
        b->size = bsize;
        b->next = a->head;
        a->head = b;
        at = 0;
    }
    void *p = a->head->data + at;
    a->used = at + size;
    a->bytes += size;
    return p;
}

void *jk_arena_alloc(struct jk_arena *a, size_t size)
{
    return carve(a, size, alignof(max_align_t));
}

/* Strings need no alignment: packed, 20-byte terms take 21 bytes, not 32. */
char *jk_arena_strndup(struct jk_arena *a, const char *s, size_t len)
{
    char *p = carve(a, len + 1, 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}
