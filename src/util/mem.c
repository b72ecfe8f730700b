/* Allocation wrappers that abort on out-of-memory (see mem.h). */
#include "util/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

static void out_of_memory(size_t size)
{
    fprintf(stderr, "jaringkata: out of memory (asked for %zu bytes)\n", size);
    abort();
}

void *jk_malloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

void *jk_calloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        out_of_memory(count * size);
    return p;
}

void *jk_realloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

void *jk_aligned_calloc(size_t alignment, size_t size)
{
    size_t rounded = (size + alignment - 1) / alignment * alignment;
    void *p = aligned_alloc(alignment, rounded ? rounded : alignment);
    if (!p)
        out_of_memory(size);
    memset(p, 0, rounded ? rounded : alignment);
    return p;
}

char *jk_strndup(const char *s, size_t len)
{
    char *p = jk_malloc(len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *jk_strdup(const char *s)
{
    return jk_strndup(s, strlen(s));
}

void jk_return_free_memory(void)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}
