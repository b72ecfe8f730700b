/*
 * Bump allocator for strings that live as long as a vocabulary.
 * Nothing is freed individually; jk_arena_release frees every block at once.
 * Pointers returned stay valid until release (blocks never move).
 */
#ifndef JK_ARENA_H
#define JK_ARENA_H

#include <stddef.h>

struct jk_arena_block;

struct jk_arena {
    struct jk_arena_block *head;
    size_t used;  /* bytes used in head */
    size_t bytes; /* total bytes handed out, for statistics */
};

void jk_arena_init(struct jk_arena *a);
void jk_arena_release(struct jk_arena *a);
/* Returns size bytes aligned for any type, owned by the arena. */
void *jk_arena_alloc(struct jk_arena *a, size_t size);
/* Returns a NUL-terminated copy of s[0..len), owned by the arena, packed (no alignment). */
char *jk_arena_strndup(struct jk_arena *a, const char *s, size_t len);

#endif
