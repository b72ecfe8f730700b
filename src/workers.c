/* The per-document thread pool (see workers.h). */
#include "workers.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/mem.h"

size_t jk_cpu_count(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return 1;
    return n > JK_MAX_THREADS ? JK_MAX_THREADS : (size_t)n;
}

struct thread_arg {
    struct jk_workers *w;
    size_t index;
};

/* Takes jobs of the current batch until none is left; lock held on entry and exit. */
static void run_jobs(struct jk_workers *w, size_t thread)
{
    while (w->next_job < w->n_jobs) {
        size_t job = w->next_job++;
        pthread_mutex_unlock(&w->lock);
        w->fn(w->ctx, thread, job);
        pthread_mutex_lock(&w->lock);
    }
}

static void *thread_main(void *p)
{
    struct thread_arg *arg = p;
    struct jk_workers *w = arg->w;
    size_t index = arg->index;
    free(arg);
    unsigned long seen = 0;
    pthread_mutex_lock(&w->lock);
    for (;;) {
        while (!w->stop && w->batch == seen)
            pthread_cond_wait(&w->wake, &w->lock);
        if (w->stop)
            break;
        seen = w->batch;
        w->running++;
        run_jobs(w, index);
        if (--w->running == 0)
            pthread_cond_broadcast(&w->idle);
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

void jk_workers_init(struct jk_workers *w, size_t n_threads)
{
    memset(w, 0, sizeof(*w));
    w->n_threads = n_threads < 1 ? 1 : n_threads > JK_MAX_THREADS ? JK_MAX_THREADS : n_threads;
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->wake, NULL);
    pthread_cond_init(&w->idle, NULL);
    if (w->n_threads == 1)
        return;
    w->threads = jk_calloc(w->n_threads, sizeof(*w->threads));
    for (size_t i = 0; i < w->n_threads; i++) {
        struct thread_arg *arg = jk_malloc(sizeof(*arg));
        *arg = (struct thread_arg){w, w->n_started};
        if (pthread_create(&w->threads[w->n_started], NULL, thread_main, arg) == 0)
            w->n_started++;
        else
            free(arg);
    }
}

void jk_workers_release(struct jk_workers *w)
{
    if (!w)
        return;
    jk_workers_wait(w);
    pthread_mutex_lock(&w->lock);
    w->stop = true;
    pthread_cond_broadcast(&w->wake);
    pthread_mutex_unlock(&w->lock);
    for (size_t i = 0; i < w->n_started; i++)
        pthread_join(w->threads[i], NULL);
    free(w->threads);
    pthread_cond_destroy(&w->idle);
    pthread_cond_destroy(&w->wake);
    pthread_mutex_destroy(&w->lock);
    memset(w, 0, sizeof(*w));
}

void jk_workers_start(struct jk_workers *w, jk_job_fn fn, void *ctx, size_t n_jobs)
{
    jk_workers_wait(w);
    pthread_mutex_lock(&w->lock);
    w->fn = fn;
    w->ctx = ctx;
    w->n_jobs = n_jobs;
    w->next_job = 0;
    if (w->n_started == 0) {
        run_jobs(w, 0);
        pthread_mutex_unlock(&w->lock);
        return;
    }
    w->batch++;
    pthread_cond_broadcast(&w->wake);
    pthread_mutex_unlock(&w->lock);
}

void jk_workers_wait(struct jk_workers *w)
{
    pthread_mutex_lock(&w->lock);
    while (w->next_job < w->n_jobs || w->running > 0)
        pthread_cond_wait(&w->idle, &w->lock);
    pthread_mutex_unlock(&w->lock);
}

size_t jk_workers_threads(const struct jk_workers *w)
{
    return w->n_started ? w->n_started : 1;
}
