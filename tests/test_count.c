/*
 * Tests of src/count: counting, selection and co-occurrence on a
 * three-document example computed by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "cooccur.h"
#include "count.h"
#include "select.h"

static void add(struct jk_counter *c, const char *key, const char *surface)
{
    jk_counter_add(c, key, strlen(key), surface, strlen(surface));
}

/*
 * d1: alpha beta alpha gamma   d2: alpha beta   d3: gamma delta
 * binary occurrences: alpha 2, beta 2, gamma 2, delta 1
 * full occurrences:   alpha 3, beta 2, gamma 2, delta 1
 * binary links: alpha-beta 2 (d1, d2), alpha-gamma 1, beta-gamma 1, gamma-delta 1
 * full links:   alpha-beta 2*1 + 1*1 = 3, alpha-gamma 2*1 = 2, beta-gamma 1, gamma-delta 1
 */
static void fill_three_documents(struct jk_counter *c)
{
    jk_counter_init(c);
    jk_counter_begin_doc(c);
    add(c, "alpha", "alpha");
    add(c, "beta", "beta");
    add(c, "alpha", "alpha");
    add(c, "gamma", "gamma");
    jk_counter_end_doc(c);
    jk_counter_begin_doc(c);
    add(c, "alpha", "alpha");
    add(c, "beta", "beta");
    jk_counter_end_doc(c);
    jk_counter_begin_doc(c);
    add(c, "gamma", "gamma");
    add(c, "delta", "delta");
    jk_counter_end_doc(c);
}

static const struct jk_link *find_link(const struct jk_map *m, const char *a, const char *b)
{
    for (size_t k = 0; k < m->n_links; k++) {
        const char *s = m->terms[m->links[k].source].label;
        const char *t = m->terms[m->links[k].target].label;
        if ((!strcmp(s, a) && !strcmp(t, b)) || (!strcmp(s, b) && !strcmp(t, a)))
            return &m->links[k];
    }
    return NULL;
}

/* Invariants every map must hold: sorted links with source < target, ids in range, stats. */
static void check_map_invariants(const struct jk_map *m)
{
    for (size_t k = 0; k < m->n_links; k++) {
        assert_true(m->links[k].source < m->links[k].target);
        assert_true(m->links[k].target < m->n_terms);
        assert_true(m->links[k].weight > 0);
        if (k > 0) {
            const struct jk_link *p = &m->links[k - 1], *l = &m->links[k];
            assert_true(p->source < l->source || (p->source == l->source && p->target < l->target));
        }
    }
    for (size_t i = 0; i + 1 < m->n_terms; i++)
        assert_true(strcmp(m->terms[i].label, m->terms[i + 1].label) < 0);
}

static void build(enum jk_counting counting, uint32_t min_occ, struct jk_counter *c,
                  struct jk_selection *sel, struct jk_map *map)
{
    fill_three_documents(c);
    struct jk_select_options opt;
    jk_select_options_default(&opt);
    opt.counting = counting;
    opt.min_occurrences = min_occ;
    struct jk_diag d;
    jk_diag_init(&d);
    jk_selection_init(sel);
    assert_int_equal(jk_select_terms(c, &opt, sel, &d), JK_OK);
    jk_map_init(map);
    jk_build_map(c, sel, counting, (struct jk_unit){JK_UNIT_DOCUMENT, 0}, map);
    check_map_invariants(map);
}

static void release(struct jk_counter *c, struct jk_selection *sel, struct jk_map *map)
{
    jk_map_release(map);
    jk_selection_release(sel);
    jk_counter_release(c);
}

static void test_binary_counting_by_hand(void **state)
{
    (void)state;
    struct jk_counter c;
    struct jk_selection sel;
    struct jk_map m;
    build(JK_COUNT_BINARY, 1, &c, &sel, &m);
    assert_int_equal(m.n_terms, 4);
    assert_string_equal(m.terms[0].label, "alpha");
    assert_int_equal(m.terms[0].occurrences, 2);
    assert_int_equal(m.terms[0].documents, 2);
    assert_int_equal(m.n_links, 4);
    assert_int_equal(find_link(&m, "alpha", "beta")->weight, 2);
    assert_int_equal(find_link(&m, "alpha", "gamma")->weight, 1);
    assert_int_equal(find_link(&m, "beta", "gamma")->weight, 1);
    assert_int_equal(find_link(&m, "gamma", "delta")->weight, 1);
    assert_null(find_link(&m, "alpha", "delta"));
    /* gamma: links to alpha, beta, delta; strength 1 + 1 + 1 */
    /* labels sort as alpha, beta, delta, gamma */
    assert_string_equal(m.terms[3].label, "gamma");
    assert_int_equal(m.terms[3].links, 3);
    assert_int_equal(m.terms[3].total_link_strength, 3);
    release(&c, &sel, &m);
}

static void test_full_counting_by_hand(void **state)
{
    (void)state;
    struct jk_counter c;
    struct jk_selection sel;
    struct jk_map m;
    build(JK_COUNT_FULL, 1, &c, &sel, &m);
    assert_int_equal(m.terms[0].occurrences, 3); /* alpha */
    assert_int_equal(m.terms[0].documents, 2);
    assert_int_equal(find_link(&m, "alpha", "beta")->weight, 3);
    assert_int_equal(find_link(&m, "alpha", "gamma")->weight, 2);
    assert_int_equal(m.terms[0].total_link_strength, 5);
    release(&c, &sel, &m);
}

static void test_threshold_drops_rare_terms_and_their_links(void **state)
{
    (void)state;
    struct jk_counter c;
    struct jk_selection sel;
    struct jk_map m;
    build(JK_COUNT_BINARY, 2, &c, &sel, &m);
    assert_int_equal(m.n_terms, 3); /* delta occurs once */
    assert_int_equal(sel.reaching, 3);
    assert_null(find_link(&m, "gamma", "delta"));
    assert_int_equal(m.n_links, 3);
    release(&c, &sel, &m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_binary_counting_by_hand),
        cmocka_unit_test(test_full_counting_by_hand),
        cmocka_unit_test(test_threshold_drops_rare_terms_and_their_links),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
