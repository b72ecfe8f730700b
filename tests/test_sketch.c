/* Tests of src/sketch: no repeated item is ever missed; most single ones are told apart. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "sketch.h"
#include "util/strmap.h"

enum { ITEMS = 200000 };

static uint64_t item_hash(size_t i)
{
    char word[32];
    int n = snprintf(word, sizeof(word), "kata %zu", i);
    return jk_hash64(word, (size_t)n);
}

static void test_repeated_items_are_never_missed(void **state)
{
    (void)state;
    struct jk_sketch s;
    jk_sketch_init(&s, ITEMS);
    /* even items twice, odd items once */
    for (size_t i = 0; i < ITEMS; i++) {
        jk_sketch_add(&s, item_hash(i));
        if (i % 2 == 0)
            jk_sketch_add(&s, item_hash(i));
    }
    size_t false_positive = 0;
    for (size_t i = 0; i < ITEMS; i++) {
        if (i % 2 == 0)
            assert_true(jk_sketch_repeated(&s, item_hash(i)));
        else
            false_positive += jk_sketch_repeated(&s, item_hash(i));
    }
    /* sized for the items: a few per cent of the single ones look repeated */
    assert_true(false_positive < ITEMS / 2 / 10);
    assert_true(jk_sketch_distinct_at_least(&s) <= ITEMS);
    assert_true(jk_sketch_distinct_at_least(&s) > ITEMS / 2);
    assert_true(jk_sketch_bytes(&s) >= JK_SKETCH_ROWS * (size_t)ITEMS / 2);
    jk_sketch_release(&s);
}

static void test_item_never_added_is_not_repeated(void **state)
{
    (void)state;
    struct jk_sketch s;
    jk_sketch_init(&s, 10);
    assert_false(jk_sketch_repeated(&s, item_hash(1)));
    jk_sketch_add(&s, item_hash(1));
    assert_false(jk_sketch_repeated(&s, item_hash(1)));
    for (int k = 0; k < 300; k++) /* saturates, never wraps back to zero */
        jk_sketch_add(&s, item_hash(1));
    assert_true(jk_sketch_repeated(&s, item_hash(1)));
    assert_int_equal(jk_sketch_distinct_at_least(&s), 1);
    jk_sketch_release(&s);
}

static void *add_all_once(void *p)
{
    for (size_t i = 0; i < ITEMS; i++)
        jk_sketch_add(p, item_hash(i));
    return NULL;
}

/* Two threads each add every item once: every item occurred twice. */
static void test_threads_adding_together_lose_nothing(void **state)
{
    (void)state;
    struct jk_sketch s;
    jk_sketch_init(&s, ITEMS);
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, add_all_once, &s), 0);
    add_all_once(&s);
    pthread_join(t, NULL);
    for (size_t i = 0; i < ITEMS; i++)
        assert_true(jk_sketch_repeated(&s, item_hash(i)));
    jk_sketch_release(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_repeated_items_are_never_missed),
        cmocka_unit_test(test_item_never_added_is_not_repeated),
        cmocka_unit_test(test_threads_adding_together_lose_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
