/*
 * Tests for the network stage (src/network.c): link statistics, every link
 * normalisation (association strength, fractionalization, Jaccard, cosine,
 * inclusion, equivalence, none) and the largest-component filter, checked
 * against values worked out by hand.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
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

/* Occurrences of the terms of `four`: A 4, B 6, C 8, D 5 (each >= its links' weights). */
static const uint32_t four_occ[] = {4, 6, 8, 5};

static void set_occurrences(struct jk_map *map, const uint32_t *occ)
{
    for (size_t i = 0; i < map->n_terms; i++)
        map->terms[i].occurrences = occ[i];
}

/* The links of `four` normalised with n, compared with expected[0..3]. */
static void expect_four(enum jk_normalization n, const double *expected)
{
    struct jk_map map;
    make_map(&map, 4, four, 4);
    set_occurrences(&map, four_occ);
    jk_network_normalize(&map, n);
    for (size_t k = 0; k < 4; k++)
        if (fabs(map.links[k].association - expected[k]) > 1e-12)
            fail_msg("%s: link %zu is %.17g, expected %.17g", jk_normalization_name(n), k,
                     map.links[k].association, expected[k]);
    jk_map_release(&map);
}

/* The same values as jk_network_associate (test_association_hand_computed). */
static void test_normalize_association(void **state)
{
    (void)state;
    const double e[] = {8.0 / 3.0, 5.0 / 6.0, 3.0 / 2.0, 5.0 / 2.0};
    expect_four(JK_NORM_ASSOCIATION, e);
}

/*
 * Fractionalization a_ij (n/n_i + n/n_j) / 2, n = 4 terms; n_A 3, n_B 5, n_C 8, n_D 4:
 *   AB = 2 * (4/3 + 4/5) / 2 = 20/15 + 12/15 = 32/15
 *   AC = 1 * (4/3 + 4/8) / 2 = (11/6) / 2   = 11/12
 *   BC = 3 * (4/5 + 4/8) / 2 = 3 * 1.3 / 2  = 39/20
 *   CD = 4 * (4/8 + 4/4) / 2 = 4 * 1.5 / 2  = 3
 */
static void test_normalize_fractionalization(void **state)
{
    (void)state;
    const double e[] = {32.0 / 15.0, 11.0 / 12.0, 39.0 / 20.0, 3.0};
    expect_four(JK_NORM_FRACTIONALIZATION, e);
}

/*
 * Jaccard c_ij / (c_i + c_j - c_ij), occurrences A 4, B 6, C 8, D 5:
 *   AB = 2 / (4 + 6 - 2) = 2/8 = 1/4     AC = 1 / (4 + 8 - 1) = 1/11
 *   BC = 3 / (6 + 8 - 3) = 3/11          CD = 4 / (8 + 5 - 4) = 4/9
 */
static void test_normalize_jaccard(void **state)
{
    (void)state;
    const double e[] = {1.0 / 4.0, 1.0 / 11.0, 3.0 / 11.0, 4.0 / 9.0};
    expect_four(JK_NORM_JACCARD, e);
}

/*
 * Cosine c_ij / sqrt(c_i c_j):
 *   AB = 2 / sqrt(4*6) = 2/sqrt(24)      AC = 1 / sqrt(4*8) = 1/sqrt(32)
 *   BC = 3 / sqrt(6*8) = 3/sqrt(48)      CD = 4 / sqrt(8*5) = 4/sqrt(40)
 */
static void test_normalize_cosine(void **state)
{
    (void)state;
    const double e[] = {2.0 / sqrt(24.0), 1.0 / sqrt(32.0), 3.0 / sqrt(48.0), 4.0 / sqrt(40.0)};
    expect_four(JK_NORM_COSINE, e);
}

/*
 * Inclusion c_ij / min(c_i, c_j):
 *   AB = 2 / min(4,6) = 1/2   AC = 1 / min(4,8) = 1/4
 *   BC = 3 / min(6,8) = 1/2   CD = 4 / min(8,5) = 4/5
 */
static void test_normalize_inclusion(void **state)
{
    (void)state;
    const double e[] = {0.5, 0.25, 0.5, 0.8};
    expect_four(JK_NORM_INCLUSION, e);
}

/*
 * Equivalence c_ij^2 / (c_i c_j):
 *   AB = 4 / 24 = 1/6    AC = 1 / 32
 *   BC = 9 / 48 = 3/16   CD = 16 / 40 = 2/5
 */
static void test_normalize_equivalence(void **state)
{
    (void)state;
    const double e[] = {1.0 / 6.0, 1.0 / 32.0, 3.0 / 16.0, 2.0 / 5.0};
    expect_four(JK_NORM_EQUIVALENCE, e);
}

/* None: the co-occurrence count itself, and link stats are still set. */
static void test_normalize_none(void **state)
{
    (void)state;
    const double e[] = {2.0, 1.0, 3.0, 4.0};
    expect_four(JK_NORM_NONE, e);
    struct jk_map map;
    make_map(&map, 4, four, 4);
    jk_network_normalize(&map, JK_NORM_NONE);
    assert_int_equal(map.terms[2].total_link_strength, 8);
    assert_int_equal(map.terms[2].links, 3);
    jk_map_release(&map);
}

static const enum jk_normalization all_norms[] = {
    JK_NORM_ASSOCIATION, JK_NORM_FRACTIONALIZATION, JK_NORM_JACCARD, JK_NORM_COSINE,
    JK_NORM_INCLUSION,   JK_NORM_EQUIVALENCE,       JK_NORM_NONE,
};
#define N_NORMS (sizeof(all_norms) / sizeof(*all_norms))

/*
 * `four` with the terms in reverse order (D=0, C=1, B=2, A=3) and their
 * occurrences: every measure gives each pair the same value, > 0 and finite.
 */
static void test_normalize_symmetric_and_finite(void **state)
{
    (void)state;
    const struct edge reversed[] = {{0, 1, 4}, {1, 2, 3}, {1, 3, 1}, {2, 3, 2}};
    const uint32_t reversed_occ[] = {5, 8, 6, 4};
    const size_t pair[] = {3, 2, 1, 0}; /* rev link k is fwd link pair[k] */
    for (size_t m = 0; m < N_NORMS; m++) {
        struct jk_map fwd, rev;
        make_map(&fwd, 4, four, 4);
        make_map(&rev, 4, reversed, 4);
        set_occurrences(&fwd, four_occ);
        set_occurrences(&rev, reversed_occ);
        jk_network_normalize(&fwd, all_norms[m]);
        jk_network_normalize(&rev, all_norms[m]);
        for (size_t k = 0; k < 4; k++) {
            double a = rev.links[k].association;
            if (!(a > 0.0) || !isfinite(a))
                fail_msg("%s: link %zu is %g", jk_normalization_name(all_norms[m]), k, a);
            assert_float_equal(a, fwd.links[pair[k]].association, 1e-12);
        }
        jk_map_release(&fwd);
        jk_map_release(&rev);
    }
}

/*
 * The guard of network.h: c_i is at least the largest weight of i's links.
 * Term 0 has occurrences 0 (c_0 becomes 3), term 1 has 5; link weight 3:
 *   jaccard 3 / (3 + 5 - 3) = 3/5; cosine 3 / sqrt(15); inclusion 3/3 = 1;
 *   equivalence 9 / 15 = 3/5.
 */
static void test_zero_occurrences_do_not_divide_by_zero(void **state)
{
    (void)state;
    const struct edge e[] = {{0, 1, 3}};
    const uint32_t occ[] = {0, 5};
    const enum jk_normalization n[] = {JK_NORM_JACCARD, JK_NORM_COSINE, JK_NORM_INCLUSION,
                                       JK_NORM_EQUIVALENCE};
    const double expected[] = {3.0 / 5.0, 3.0 / sqrt(15.0), 1.0, 3.0 / 5.0};
    for (size_t m = 0; m < 4; m++) {
        struct jk_map map;
        make_map(&map, 2, e, 1);
        set_occurrences(&map, occ);
        jk_network_normalize(&map, n[m]);
        assert_float_equal(map.links[0].association, expected[m], 1e-12);
        jk_map_release(&map);
    }
}

/*
 * Full counting can make c_ij exceed c_i: a document with both terms three
 * times gives occurrences 3 and 3 but weight 3 * 3 = 9, and Jaccard's
 * denominator would be 3 + 3 - 9 = -3. Guarded, c_0 = c_1 = 9 and every
 * measure on occurrences gives 9/9 = 1. All terms at 0 occurrences too.
 */
static void test_weight_above_occurrences(void **state)
{
    (void)state;
    const struct edge e[] = {{0, 1, 9}, {1, 2, 2}};
    const uint32_t occ[][3] = {{3, 3, 2}, {0, 0, 0}};
    for (size_t o = 0; o < 2; o++)
        for (size_t m = 0; m < N_NORMS; m++) {
            struct jk_map map;
            make_map(&map, 3, e, 2);
            set_occurrences(&map, occ[o]);
            jk_network_normalize(&map, all_norms[m]);
            for (size_t k = 0; k < 2; k++) {
                double a = map.links[k].association;
                if (!(a > 0.0) || !isfinite(a))
                    fail_msg("%s: link %zu is %g", jk_normalization_name(all_norms[m]), k, a);
            }
            if (all_norms[m] >= JK_NORM_JACCARD && all_norms[m] <= JK_NORM_EQUIVALENCE)
                assert_float_equal(map.links[0].association, 1.0, 1e-12);
            jk_map_release(&map);
        }
}

/* Every name parses back to its value; anything else is a usage error naming the choices. */
static void test_normalization_names(void **state)
{
    (void)state;
    const char *names[] = {"association", "fractionalization", "jaccard", "cosine",
                           "inclusion",   "equivalence",       "none"};
    for (size_t m = 0; m < N_NORMS; m++) {
        enum jk_normalization got = JK_NORM_NONE;
        struct jk_diag diag;
        jk_diag_init(&diag);
        assert_string_equal(jk_normalization_name(all_norms[m]), names[m]);
        assert_int_equal(jk_normalization_parse(names[m], &got, &diag), JK_OK);
        assert_int_equal(got, all_norms[m]);
    }
    enum jk_normalization keep = JK_NORM_COSINE;
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_normalization_parse("Jaccard", &keep, &diag), JK_E_USAGE);
    assert_int_equal(keep, JK_NORM_COSINE);
    assert_non_null(strstr(diag.msg, "'association', 'fractionalization'"));
    assert_non_null(strstr(diag.msg, "not 'Jaccard'"));
    assert_string_equal(jk_normalization_name((enum jk_normalization)99), "unknown");
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
        cmocka_unit_test(test_normalize_association),
        cmocka_unit_test(test_normalize_fractionalization),
        cmocka_unit_test(test_normalize_jaccard),
        cmocka_unit_test(test_normalize_cosine),
        cmocka_unit_test(test_normalize_inclusion),
        cmocka_unit_test(test_normalize_equivalence),
        cmocka_unit_test(test_normalize_none),
        cmocka_unit_test(test_normalize_symmetric_and_finite),
        cmocka_unit_test(test_zero_occurrences_do_not_divide_by_zero),
        cmocka_unit_test(test_weight_above_occurrences),
        cmocka_unit_test(test_normalization_names),
        cmocka_unit_test(test_largest_component_kept),
        cmocka_unit_test(test_largest_component_tie),
        cmocka_unit_test(test_largest_component_late_merge),
        cmocka_unit_test(test_largest_component_no_links),
        cmocka_unit_test(test_largest_component_connected),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
