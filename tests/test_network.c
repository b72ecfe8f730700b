/*
 * Tests for the network stage (src/network.c): link statistics,
 * association strength and the largest-component filter, checked against
 * values worked out by hand.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "map.h"
#include "network.h"
#include "util/mem.h"

struct edge {
    uint32_t a, b;
    uint64_t w;
};

/* A map of n terms labelled t0, t1, ... and the given links (a < b, sorted). */
static void make_map(struct jk_map *map, size_t n, const struct edge *e, size_t n_edges)
{
    jk_map_init(map);
    map->terms = jk_calloc(n, sizeof(*map->terms));
    map->n_terms = n;
    for (size_t i = 0; i < n; i++) {
        char label[24];
        snprintf(label, sizeof(label), "t%zu", i);
        map->terms[i].label = jk_strdup(label);
    }
    map->links = jk_calloc(n_edges, sizeof(*map->links));
    map->n_links = n_edges;
    for (size_t k = 0; k < n_edges; k++)
        map->links[k] = (struct jk_link){.source = e[k].a, .target = e[k].b, .weight = e[k].w};
}

/*
 * Terms A=0, B=1, C=2, D=3; co-occurrences A-B 2, A-C 1, B-C 3, C-D 4.
 * Total link strengths: n_A = 2+1 = 3, n_B = 2+3 = 5, n_C = 1+3+4 = 8, n_D = 4;
 * N = 3+5+8+4 = 20.
 *   a'_AB = 2 * 20 / (3*5) = 40/15 = 8/3
 *   a'_AC = 1 * 20 / (3*8) = 20/24 = 5/6
 *   a'_BC = 3 * 20 / (5*8) = 60/40 = 3/2
 *   a'_CD = 4 * 20 / (8*4) = 80/32 = 5/2
 */
static const struct edge four[] = {{0, 1, 2}, {0, 2, 1}, {1, 2, 3}, {2, 3, 4}};

static void test_association_hand_computed(void **state)
{
    (void)state;
    struct jk_map map;
    make_map(&map, 4, four, 4);
    jk_network_associate(&map);
    assert_float_equal(map.links[0].association, 8.0 / 3.0, 1e-12);
    assert_float_equal(map.links[1].association, 5.0 / 6.0, 1e-12);
    assert_float_equal(map.links[2].association, 3.0 / 2.0, 1e-12);
    assert_float_equal(map.links[3].association, 5.0 / 2.0, 1e-12);
    jk_map_release(&map);
}

static void test_link_stats(void **state)
{
    (void)state;
    struct jk_map map;
    make_map(&map, 4, four, 4);
    jk_network_associate(&map);
    const uint32_t links[] = {2, 2, 3, 1};
    const uint64_t strength[] = {3, 5, 8, 4};
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(map.terms[i].links, links[i]);
        assert_int_equal(map.terms[i].total_link_strength, strength[i]);
    }
    jk_map_release(&map);
}

/*
 * The same network with the terms in reverse order (D=0, C=1, B=2, A=3): the
 * association of each pair must not depend on which term is the source.
 */
static void test_association_symmetric(void **state)
{
    (void)state;
    const struct edge reversed[] = {{0, 1, 4}, {1, 2, 3}, {1, 3, 1}, {2, 3, 2}};
    struct jk_map fwd, rev;
    make_map(&fwd, 4, four, 4);
    make_map(&rev, 4, reversed, 4);
    jk_network_associate(&fwd);
    jk_network_associate(&rev);
    assert_float_equal(rev.links[0].association, fwd.links[3].association, 1e-12); /* C-D */
    assert_float_equal(rev.links[1].association, fwd.links[2].association, 1e-12); /* B-C */
    assert_float_equal(rev.links[2].association, fwd.links[1].association, 1e-12); /* A-C */
    assert_float_equal(rev.links[3].association, fwd.links[0].association, 1e-12); /* A-B */
    jk_map_release(&fwd);
    jk_map_release(&rev);
}

/* A term without links keeps zero statistics and does not disturb the others. */
static void test_isolated_term(void **state)
{
    (void)state;
    const struct edge two[] = {{0, 2, 3}};
    struct jk_map map;
    make_map(&map, 3, two, 1);
    jk_network_associate(&map);
    assert_int_equal(map.terms[1].links, 0);
    assert_int_equal(map.terms[1].total_link_strength, 0);
    /* n_0 = n_2 = 3, N = 6: a' = 3 * 6 / 9 = 2. */
    assert_float_equal(map.links[0].association, 2.0, 1e-12);
    jk_map_release(&map);
}

static void test_no_links(void **state)
{
    (void)state;
    struct jk_map map;
    make_map(&map, 2, NULL, 0);
    map.terms[0].links = 7; /* stale values must be reset */
    map.terms[0].total_link_strength = 9;
    jk_network_associate(&map);
    assert_int_equal(map.terms[0].links, 0);
    assert_int_equal(map.terms[0].total_link_strength, 0);
    jk_map_release(&map);
}

/* Counts far above 2^32 must not overflow in n_i * n_j. */
static void test_large_counts(void **state)
{
    (void)state;
    const uint64_t big = 5000000000ULL;
    const struct edge e[] = {{0, 1, big}, {1, 2, big}};
    struct jk_map map;
    make_map(&map, 3, e, 2);
    jk_network_associate(&map);
    /* n = {big, 2 big, big}, N = 4 big: a'_01 = big * 4 big / (big * 2 big) = 2. */
    assert_float_equal(map.links[0].association, 2.0, 1e-12);
    assert_float_equal(map.links[1].association, 2.0, 1e-12);
    jk_map_release(&map);
}

/*
 * Components {0,1} (weight 7), {2,3,4} and the isolated term 5: the three
 * connected terms stay, renumbered 0..2 in their old order, with their links.
 */
static void test_largest_component_kept(void **state)
{
    (void)state;
    const struct edge e[] = {{0, 1, 7}, {2, 3, 1}, {2, 4, 2}, {3, 4, 3}};
    struct jk_map map;
    make_map(&map, 6, e, 4);
    jk_map_keep_largest_component(&map);
    assert_int_equal(map.n_terms, 3);
    assert_string_equal(map.terms[0].label, "t2");
    assert_string_equal(map.terms[1].label, "t3");
    assert_string_equal(map.terms[2].label, "t4");
    assert_int_equal(map.n_links, 3);
    const uint32_t src[] = {0, 0, 1}, dst[] = {1, 2, 2};
    const uint64_t w[] = {1, 2, 3};
    for (size_t k = 0; k < 3; k++) {
        assert_int_equal(map.links[k].source, src[k]);
        assert_int_equal(map.links[k].target, dst[k]);
        assert_int_equal(map.links[k].weight, w[k]);
    }
    /* Link stats recomputed on the kept network: t2 has 1 + 2, t3 1 + 3, t4 2 + 3. */
    assert_int_equal(map.terms[0].total_link_strength, 3);
    assert_int_equal(map.terms[1].total_link_strength, 4);
    assert_int_equal(map.terms[2].total_link_strength, 5);
    assert_int_equal(map.terms[0].links, 2);
    jk_map_release(&map);
}

/* Two components of two terms, interleaved: the one holding term 0 wins. */
static void test_largest_component_tie(void **state)
{
    (void)state;
    const struct edge e[] = {{0, 3, 1}, {1, 2, 5}};
    struct jk_map map;
    make_map(&map, 4, e, 2);
    jk_map_keep_largest_component(&map);
    assert_int_equal(map.n_terms, 2);
    assert_string_equal(map.terms[0].label, "t0");
    assert_string_equal(map.terms[1].label, "t3");
    assert_int_equal(map.n_links, 1);
    assert_int_equal(map.links[0].source, 0);
    assert_int_equal(map.links[0].target, 1);
    assert_int_equal(map.links[0].weight, 1);
    jk_map_release(&map);
}

/* A chain whose links reach back to low indices late: union order must not matter. */
static void test_largest_component_late_merge(void **state)
{
    (void)state;
    const struct edge e[] = {{0, 5, 1}, {1, 2, 1}, {2, 3, 1}, {3, 4, 1}, {4, 5, 1}};
    struct jk_map map;
    make_map(&map, 7, e, 5);
    jk_map_keep_largest_component(&map);
    assert_int_equal(map.n_terms, 6);
    assert_string_equal(map.terms[5].label, "t5");
    assert_int_equal(map.n_links, 5);
    jk_map_release(&map);
}

static void test_largest_component_no_links(void **state)
{
    (void)state;
    struct jk_map map;
    make_map(&map, 3, NULL, 0);
    jk_map_keep_largest_component(&map);
    assert_int_equal(map.n_terms, 1);
    assert_string_equal(map.terms[0].label, "t0");
    jk_map_release(&map);

    make_map(&map, 0, NULL, 0);
    jk_map_keep_largest_component(&map);
    assert_int_equal(map.n_terms, 0);
    jk_map_release(&map);
}

/* A connected network is left as it was. */
static void test_largest_component_connected(void **state)
{
    (void)state;
    struct jk_map map;
    make_map(&map, 4, four, 4);
    jk_map_keep_largest_component(&map);
    assert_int_equal(map.n_terms, 4);
    assert_int_equal(map.n_links, 4);
    for (size_t k = 0; k < 4; k++) {
        assert_int_equal(map.links[k].source, four[k].a);
        assert_int_equal(map.links[k].target, four[k].b);
    }
    assert_int_equal(map.terms[2].total_link_strength, 8);
    jk_map_release(&map);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_association_hand_computed),
        cmocka_unit_test(test_link_stats),
        cmocka_unit_test(test_association_symmetric),
        cmocka_unit_test(test_isolated_term),
        cmocka_unit_test(test_no_links),
        cmocka_unit_test(test_large_counts),
        cmocka_unit_test(test_largest_component_kept),
        cmocka_unit_test(test_largest_component_tie),
        cmocka_unit_test(test_largest_component_late_merge),
        cmocka_unit_test(test_largest_component_no_links),
        cmocka_unit_test(test_largest_component_connected),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
