/*
 * Read-ahead for a list of files read in order: a few threads open the
 * files a little ahead of the reader and ask the kernel to start reading
 * them (posix_fadvise WILLNEED), then close them. On a folder of many small
 * files that is not in the page cache, the reader otherwise waits for the
 * disk once per file, one file at a time; with read-ahead the waits overlap.
 * It only warms the page cache: what is read, and every output, is the same
 * without it. Errors (a file gone, unreadable) are ignored here; the reader
 * meets and reports them.
 */
#ifndef JK_READAHEAD_H
#define JK_READAHEAD_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

/* The path of file i (the caller's; must stay valid until the read-ahead is released). */
typedef const char *(*jk_path_fn)(const void *ctx, size_t i);

struct jk_readahead {
    jk_path_fn path;
    const void *ctx; /* borrowed, for path */
    size_t n;
    size_t window;  /* files hinted at most this far past the reader */
    size_t next;    /* the next file to hint */
    size_t reached; /* the reader's position (jk_readahead_reached) */
    size_t wake_at; /* a full window waits for the reader to get here (SIZE_MAX: none waits) */
    bool stop;
    pthread_mutex_t lock;
    pthread_cond_t moved; /* the reader moved on, or stop */
    pthread_t *threads;   /* owned */
    size_t n_threads;     /* started */
};

/* Files at most this far ahead of the reader are hinted. */
#define JK_READAHEAD_WINDOW 1024

/*
 * Starts up to n_threads threads hinting files 0..n-1 in order, never more
 * than window files past the position last given to jk_readahead_reached
 * (0 at first). A thread that cannot be started is left out; with none the
 * read-ahead does nothing.
 */
void jk_readahead_init(struct jk_readahead *r, jk_path_fn path, const void *ctx, size_t n,
                       size_t n_threads, size_t window);
/*
 * Whether reading ahead can help: some of `samples` files spread over 0..n-1
 * has its first page out of the page cache (mincore). When all are in it (a
 * corpus read before, or just written), the threads would only add system
 * calls: about 1 CPU-s over a warm folder of 200,000 files.
 */
bool jk_readahead_helps(jk_path_fn path, const void *ctx, size_t n, size_t samples);
/* The reader has reached file i: hinting may go on up to i + window. */
void jk_readahead_reached(struct jk_readahead *r, size_t i);
/* Stops and joins the threads (a hint under way finishes first). NULL-safe. */
void jk_readahead_release(struct jk_readahead *r);

#endif
