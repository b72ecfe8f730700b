/* Tests of src/workers: every job runs once, whatever the number of threads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "workers.h"

enum { JOBS = 1000 };

struct results {
    uint64_t value[JOBS];
    unsigned runs[JOBS];
    size_t max_thread;
};

/* A job whose result depends only on its number. */
static void square(void *ctx, size_t thread, size_t job)
{
    struct results *r = ctx;
    r->value[job] = (uint64_t)job * job + 7;
    __atomic_add_fetch(&r->runs[job], 1, __ATOMIC_RELAXED);
    size_t seen = __atomic_load_n(&r->max_thread, __ATOMIC_RELAXED);
    while (thread > seen && !__atomic_compare_exchange_n(&r->max_thread, &seen, thread, false,
                                                         __ATOMIC_RELAXED, __ATOMIC_RELAXED))
        ;
}

static void run_batches(size_t threads, struct results *r)
{
    struct jk_workers w;
    jk_workers_init(&w, threads);
    for (int batch = 0; batch < 3; batch++) {
        memset(r, 0, sizeof(*r));
        jk_workers_start(&w, square, r, JOBS);
        jk_workers_wait(&w);
        for (size_t j = 0; j < JOBS; j++) {
            assert_int_equal(r->runs[j], 1);
            assert_int_equal(r->value[j], (uint64_t)j * j + 7);
        }
        assert_true(r->max_thread < jk_workers_threads(&w));
    }
    jk_workers_release(&w);
}

static void test_one_thread_runs_inline(void **state)
{
    (void)state;
    struct results *r = test_malloc(sizeof(*r));
    run_batches(1, r);
    assert_int_equal(r->max_thread, 0);
    test_free(r);
}

static void test_several_threads_run_every_job_once(void **state)
{
    (void)state;
    struct results *r = test_malloc(sizeof(*r));
    run_batches(3, r);
    run_batches(JK_MAX_THREADS + 5, r); /* clamped, not refused */
    test_free(r);
}

static void test_empty_batch_and_release_without_work(void **state)
{
    (void)state;
    struct jk_workers w;
    jk_workers_init(&w, 2);
    jk_workers_start(&w, square, NULL, 0);
    jk_workers_wait(&w);
    jk_workers_release(&w);
    jk_workers_init(&w, 4);
    jk_workers_release(&w);
}

static void test_cpu_count_is_usable(void **state)
{
    (void)state;
    size_t n = jk_cpu_count();
    assert_true(n >= 1 && n <= JK_MAX_THREADS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_thread_runs_inline),
        cmocka_unit_test(test_several_threads_run_every_job_once),
        cmocka_unit_test(test_empty_batch_and_release_without_work),
        cmocka_unit_test(test_cpu_count_is_usable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
