/*
 * A small pool of POSIX threads for the per-document stages. The caller
 * hands it a batch of jobs numbered 0..n-1 and a function; the threads take
 * jobs in turn and the function writes each job's result into that job's
 * own slot, so results never depend on which thread ran what. While the
 * threads work, the caller's thread is free (to read the next batch and to
 * merge the previous one in document order).
 *
 * With one thread no thread is started: jk_workers_start runs every job on
 * the caller's thread before returning.
 */
#ifndef JK_WORKERS_H
#define JK_WORKERS_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

/* Runs job number job on thread number thread (0 .. threads-1). */
typedef void (*jk_job_fn)(void *ctx, size_t thread, size_t job);

struct jk_workers {
    size_t n_threads;   /* 1 .. JK_MAX_THREADS */
    size_t n_started;   /* threads actually running */
    pthread_t *threads; /* owned */
    pthread_mutex_t lock;
    pthread_cond_t wake; /* a batch was started, or stop */
    pthread_cond_t idle; /* a thread finished its last job of the batch */
    jk_job_fn fn;
    void *ctx;
    size_t n_jobs, next_job, running;
    unsigned long batch; /* batches started so far */
    bool stop;
};

#define JK_MAX_THREADS 64

/* The number of online processors (at least 1, at most JK_MAX_THREADS). */
size_t jk_cpu_count(void);

/*
 * With n_threads > 1 starts that many threads (the caller's thread does its
 * own serial work meanwhile); with 1, none. A thread that cannot be started
 * is left out and the others share its work; when none starts, jobs run on
 * the caller's thread as with 1.
 */
void jk_workers_init(struct jk_workers *w, size_t n_threads);
/* Waits for the current batch, stops and joins the threads. NULL-safe. */
void jk_workers_release(struct jk_workers *w);
/* Starts jobs 0..n_jobs-1 of fn; returns at once (after running them all with one thread). */
void jk_workers_start(struct jk_workers *w, jk_job_fn fn, void *ctx, size_t n_jobs);
/* Waits until every job of the current batch has finished. */
void jk_workers_wait(struct jk_workers *w);
/* Threads that run jobs: at least 1. */
size_t jk_workers_threads(const struct jk_workers *w);

#endif
