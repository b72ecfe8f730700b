/* Allocation wrappers that abort on out-of-memory (see mem.h). */
#define _DEFAULT_SOURCE /* madvise */
#include "util/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#ifdef __linux__
#include <stdint.h>
#include <sys/mman.h>
#endif

/*
 * One write(2), not stdio: the clustering's helper processes allocate too,
 * and a child forked from a threaded process must not wait on a stdio lock
 * another thread held at the fork.
 */
static void out_of_memory(size_t size)
{
    char msg[96];
    int len = snprintf(msg, sizeof(msg), "jaringkata: out of memory (asked for %zu bytes)\n", size);
    if (len > 0)
        (void)!write(STDERR_FILENO, msg, (size_t)len < sizeof(msg) ? (size_t)len : sizeof(msg) - 1);
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
    jk_advise_huge(p, rounded); /* before the first touch */
    memset(p, 0, rounded ? rounded : alignment);
    return p;
}

void jk_advise_huge(void *p, size_t size)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    enum { HUGE = 2 << 20 };
    if (!p || size < 2 * (size_t)HUGE)
        return;
    uintptr_t from = ((uintptr_t)p + HUGE - 1) & ~(uintptr_t)(HUGE - 1);
    uintptr_t to = ((uintptr_t)p + size) & ~(uintptr_t)(HUGE - 1);
    madvise((void *)from, to - from, MADV_HUGEPAGE); /* a hint: a refusal changes nothing */
#else
    (void)p, (void)size;
#endif
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
