/* Read-ahead for files read in order (see readahead.h). */
#define _DEFAULT_SOURCE /* mincore */
#include "util/readahead.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/mem.h"

/* Only a file's start is asked for: the kernel reads ahead on its own once a read goes on. */
enum { HINT_BYTES = 1 << 20 };

/* O_NONBLOCK: a FIFO put in place of a file since it was listed must not hold us. */
static int open_listed(const char *path)
{
    return open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
}

static void hint(const char *path)
{
    int fd = open_listed(path);
    if (fd < 0)
        return;
    (void)posix_fadvise(fd, 0, HINT_BYTES, POSIX_FADV_WILLNEED);
    close(fd);
}

/*
 * Whether the first page of the file at path is out of the page cache. A file
 * that cannot be opened or mapped (gone, empty, not a regular file) counts as
 * in it: reading ahead would not help with it.
 */
static bool first_page_cold(const char *path)
{
    int fd = open_listed(path);
    if (fd < 0)
        return false;
    struct stat st;
    bool cold = false;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        void *p = mmap(NULL, 1, PROT_READ, MAP_SHARED, fd, 0);
        unsigned char in_core = 1;
        if (p != MAP_FAILED) {
            cold = mincore(p, 1, &in_core) == 0 && !(in_core & 1);
            munmap(p, 1);
        }
    }
    close(fd);
    return cold;
}

bool jk_readahead_helps(jk_path_fn path, const void *ctx, size_t n, size_t samples)
{
    size_t m = samples < n ? samples : n; /* files 0 and n - 1 and evenly between */
    for (size_t k = 0; k < m; k++) {
        size_t i = m > 1 ? k * (n - 1) / (m - 1) : 0;
        if (first_page_cold(path(ctx, i)))
            return true;
    }
    return false;
}

/*
 * The next file to hint, or n when there is none (stop, or all hinted). A
 * full window waits until a quarter of it is free: woken at each file the
 * reader passes, every thread would wake and all but one sleep again, a few
 * million switches on a large warm folder (1.8 CPU-s at 200,000 files).
 */
static size_t take(struct jk_readahead *r)
{
    pthread_mutex_lock(&r->lock);
    while (!r->stop && r->next < r->n && r->next >= r->reached + r->window) {
        size_t quarter = r->window / 4 ? r->window / 4 : 1;
        r->wake_at = r->next - r->window + quarter;
        pthread_cond_wait(&r->moved, &r->lock);
    }
    size_t i = r->stop ? r->n : r->next;
    if (i < r->n)
        r->next++;
    pthread_mutex_unlock(&r->lock);
    return i;
}

static void *thread_main(void *p)
{
    struct jk_readahead *r = p;
    for (size_t i = take(r); i < r->n; i = take(r))
        hint(r->path(r->ctx, i));
    return NULL;
}

void jk_readahead_init(struct jk_readahead *r, jk_path_fn path, const void *ctx, size_t n,
                       size_t n_threads, size_t window)
{
    memset(r, 0, sizeof(*r));
    r->path = path;
    r->ctx = ctx;
    r->n = n;
    r->window = window ? window : 1;
    r->wake_at = SIZE_MAX;
    pthread_mutex_init(&r->lock, NULL);
    pthread_cond_init(&r->moved, NULL);
    if (n == 0 || n_threads == 0)
        return;
    r->threads = jk_calloc(n_threads, sizeof(*r->threads));
    for (size_t t = 0; t < n_threads; t++)
        if (pthread_create(&r->threads[r->n_threads], NULL, thread_main, r) == 0)
            r->n_threads++;
}

void jk_readahead_reached(struct jk_readahead *r, size_t i)
{
    if (r->n_threads == 0)
        return;
    pthread_mutex_lock(&r->lock);
    if (i > r->reached) {
        r->reached = i;
        if (i >= r->wake_at) {
            r->wake_at = SIZE_MAX;
            pthread_cond_broadcast(&r->moved);
        }
    }
    pthread_mutex_unlock(&r->lock);
}

void jk_readahead_release(struct jk_readahead *r)
{
    if (!r || !r->path)
        return;
    pthread_mutex_lock(&r->lock);
    r->stop = true;
    pthread_cond_broadcast(&r->moved);
    pthread_mutex_unlock(&r->lock);
    for (size_t t = 0; t < r->n_threads; t++)
        pthread_join(r->threads[t], NULL);
    free(r->threads);
    pthread_mutex_destroy(&r->lock);
    pthread_cond_destroy(&r->moved);
    memset(r, 0, sizeof(*r));
}
