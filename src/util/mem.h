/*
 * Allocation wrappers and the one growth macro for every array.
 * Out of memory is not a recoverable condition for this tool: the wrappers
 * print one message and abort, so callers never check for NULL.
 */
#ifndef JK_MEM_H
#define JK_MEM_H

#include <stddef.h>

void *jk_malloc(size_t size);
void *jk_calloc(size_t count, size_t size);
void *jk_realloc(void *ptr, size_t size);
/*
 * size zeroed bytes at a multiple of alignment (a power of two); free() frees
 * them. For tables: from 4 MB on they are advised huge pages (jk_advise_huge).
 */
void *jk_aligned_calloc(size_t alignment, size_t size);
/*
 * Asks Linux to back the 2 MB-aligned pages of [p, p + size) with huge pages
 * (transparent huge pages, which Debian's kernel gives to memory that asks):
 * for big tables read at random, where every lookup on 4 KB pages also
 * misses the address cache. Best on memory not touched yet (fresh from
 * calloc or from growing); a hint only, nothing happens under 4 MB or on
 * other systems, and no answer changes.
 */
void jk_advise_huge(void *p, size_t size);
/* Returns a NUL-terminated copy of the len bytes at s; the caller frees it. */
char *jk_strndup(const char *s, size_t len);
char *jk_strdup(const char *s);
/*
 * Hands the allocator's free pages back to the system (glibc's malloc_trim;
 * nothing elsewhere): after a stage frees a large structure, which glibc
 * would otherwise keep for reuse in the middle of its heap.
 */
void jk_return_free_memory(void);

/*
 * Grows array ptr (of *ptr elements) so that it holds at least n elements;
 * cap is the current capacity and is updated. Geometric growth.
 */
#define JK_GROW(ptr, n, cap)                                                                       \
    do {                                                                                           \
        if ((n) > (cap)) {                                                                         \
            size_t jk_grow_new_ = (cap) ? (cap) : 8;                                               \
            while (jk_grow_new_ < (n))                                                             \
                jk_grow_new_ *= 2;                                                                 \
            (ptr) = jk_realloc((ptr), jk_grow_new_ * sizeof(*(ptr)));                              \
            (cap) = jk_grow_new_;                                                                  \
        }                                                                                          \
    } while (0)

/* JK_GROW for a big table read at random: the grown array is advised huge pages. */
#define JK_GROW_TABLE(ptr, n, cap)                                                                 \
    do {                                                                                           \
        if ((n) > (cap)) {                                                                         \
            JK_GROW(ptr, n, cap);                                                                  \
            jk_advise_huge((ptr), (cap) * sizeof(*(ptr)));                                         \
        }                                                                                          \
    } while (0)

#endif
