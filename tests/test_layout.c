/*
 * Tests for the layout stage (src/layout.c, src/layout_bh.c): what a user
 * sees in a VOS map (groups apart, chains straight, the standard position),
 * the optimiser against a hand-solved optimum, determinism, Barnes-Hut
 * against the exact method, FR, and option errors.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "layout.h"
#include "layout_bh.h"
#include "map.h"
#include "network.h"
#include "util/mem.h"

/*
 * Terms of the Barnes-Hut versus exact test. The exact method is O(n^2) per
 * iteration: 1,500 terms take half a minute under ASan, 500 about two
 * seconds. bench/layout_bench.c compares the two at 1,000 terms.
 */
#define BH_TERMS 500

struct edge {
    uint32_t a, b;
    uint64_t w;
};

static int edge_cmp(const void *x, const void *y)
{
    const struct edge *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return (p->b > q->b) - (p->b < q->b);
}

/* A map of n terms t0, t1, ... with the given links (any order, a != b), associated. */
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
    struct edge *s = jk_malloc((n_edges ? n_edges : 1) * sizeof(*s));
    for (size_t k = 0; k < n_edges; k++)
        s[k] = e[k].a < e[k].b ? e[k] : (struct edge){e[k].b, e[k].a, e[k].w};
    qsort(s, n_edges, sizeof(*s), edge_cmp);
    map->links = jk_calloc(n_edges, sizeof(*map->links));
    for (size_t k = 0; k < n_edges; k++) {
        struct jk_link *last = map->n_links ? &map->links[map->n_links - 1] : NULL;
        if (last && last->source == s[k].a && last->target == s[k].b)
            last->weight += s[k].w; /* the same pair twice: add up */
        else
            map->links[map->n_links++] =
                (struct jk_link){.source = s[k].a, .target = s[k].b, .weight = s[k].w};
    }
    free(s);
    jk_network_associate(map);
}

static uint64_t rng_next(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/*
 * n terms in `clusters` groups (term i in group i % clusters); each term
 * gets `deg` links, 85 % inside its group, weights 1..4; a chain through
 * each group and one between groups keeps the network connected.
 */
static void clustered_map(struct jk_map *map, size_t n, size_t clusters, unsigned deg,
                          uint64_t seed)
{
    size_t cap = n * (deg + 2), m = 0;
    struct edge *e = jk_malloc(cap * sizeof(*e));
    for (size_t i = 0; i < n; i++) {
        for (unsigned k = 0; k < deg; k++) {
            size_t j = rng_next(&seed) % n;
            if (rng_next(&seed) % 100 < 85)
                j = (j - j % clusters + i % clusters) % n;
            if (j != i)
                e[m++] = (struct edge){(uint32_t)i, (uint32_t)j, 1 + rng_next(&seed) % 4};
        }
        if (i >= clusters)
            e[m++] = (struct edge){(uint32_t)(i - clusters), (uint32_t)i, 1};
        else if (i > 0)
            e[m++] = (struct edge){(uint32_t)(i - 1), (uint32_t)i, 1};
    }
    make_map(map, n, e, m);
    free(e);
}

static double dist(const struct jk_map *map, size_t i, size_t j)
{
    return hypot(map->terms[i].x - map->terms[j].x, map->terms[i].y - map->terms[j].y);
}

static void lay_out(struct jk_map *map, const struct jk_layout_options *o)
{
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_layout(map, o, &diag), JK_OK);
    assert_int_equal(map->has_layout, 1);
    assert_true(isfinite(map->layout_objective));
}

/* Asserts VOSviewer's standard position: centred, principal axis horizontal, medians <= 0, average
 * distance 1. */
static void assert_standardised(const struct jk_map *map)
{
    size_t n = map->n_terms;
    double mx = 0.0, my = 0.0, vx = 0.0, vy = 0.0, sum = 0.0;
    double *xs = jk_malloc(n * sizeof(*xs)), *ys = jk_malloc(n * sizeof(*ys));
    for (size_t i = 0; i < n; i++) {
        assert_true(isfinite(map->terms[i].x) && isfinite(map->terms[i].y));
        mx += map->terms[i].x / n;
        my += map->terms[i].y / n;
        vx += map->terms[i].x * map->terms[i].x;
        vy += map->terms[i].y * map->terms[i].y;
        xs[i] = map->terms[i].x;
        ys[i] = map->terms[i].y;
        for (size_t j = 0; j < i; j++)
            sum += dist(map, i, j);
    }
    assert_float_equal(mx, 0.0, 1e-9);
    assert_float_equal(my, 0.0, 1e-9);
    assert_true(vx >= vy * (1.0 - 1e-12));
    assert_float_equal(sum / (n * (n - 1) / 2.0), 1.0, 1e-9);
    /* Medians <= 0: at most half of the values lie above 0 (ties aside). */
    size_t above_x = 0, above_y = 0;
    for (size_t i = 0; i < n; i++) {
        above_x += xs[i] > 1e-12;
        above_y += ys[i] > 1e-12;
    }
    assert_true(above_x <= n / 2);
    assert_true(above_y <= n / 2);
    free(xs);
    free(ys);
}

/* Two 5-cliques joined by one link: every distance inside a group is below every distance between
 * them. */
static void test_two_cliques_separate(void **state)
{
    (void)state;
    struct edge e[21];
    size_t m = 0;
    for (uint32_t g = 0; g < 10; g += 5)
        for (uint32_t i = g; i < g + 5; i++)
            for (uint32_t j = i + 1; j < g + 5; j++)
                e[m++] = (struct edge){i, j, 1};
    e[m++] = (struct edge){4, 5, 1};
    struct jk_map map;
    make_map(&map, 10, e, m);
    struct jk_layout_options o;
    jk_layout_options_default(&o);
    lay_out(&map, &o);
    double inside = 0.0, between = INFINITY;
    for (size_t i = 0; i < 10; i++)
        for (size_t j = 0; j < i; j++) {
            if (i / 5 == j / 5)
                inside = fmax(inside, dist(&map, i, j));
            else
                between = fmin(between, dist(&map, i, j));
        }
    assert_true(inside < between);
    assert_standardised(&map);
    jk_map_release(&map);
}

/* A path of 6 terms lies on a horizontal line, in path order. */
static void test_path_on_a_line(void **state)
{
    (void)state;
    const struct edge e[] = {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}, {3, 4, 1}, {4, 5, 1}};
    struct jk_map map;
    make_map(&map, 6, e, 5);
    struct jk_layout_options o;
    jk_layout_options_default(&o);
    lay_out(&map, &o);
    double max_x = 0.0, max_y = 0.0;
    for (size_t i = 0; i < 6; i++) {
        max_x = fmax(max_x, fabs(map.terms[i].x));
        max_y = fmax(max_y, fabs(map.terms[i].y));
    }
    assert_true(max_y < 0.02 * max_x);
    int up = map.terms[1].x > map.terms[0].x;
    for (size_t i = 1; i < 6; i++)
        assert_true((map.terms[i].x > map.terms[i - 1].x) == up);
    assert_standardised(&map);
    jk_map_release(&map);
}

/*
 * Solved by hand: the path A-B-C with equal counts has association 2 on
 * both links (n = 1, 2, 1; N = 4). On a line with |AB| = s, |BC| = t:
 * V = s^2 + t^2 - (s + t + (s + t)) is least at s = t = 1, V = -2 (and
 * bending only shortens AC). The average distance is then 4/3, so the
 * standardised distances are 3/4, 3/4 and 3/2.
 */
static void test_three_path_optimum(void **state)
{
    (void)state;
    const struct edge e[] = {{0, 1, 3}, {1, 2, 3}};
    struct jk_map map;
    make_map(&map, 3, e, 2);
    assert_float_equal(map.links[0].association, 2.0, 1e-12);
    struct jk_layout_options o;
    jk_layout_options_default(&o);
    lay_out(&map, &o);
    assert_float_equal(map.layout_objective, -2.0, 1e-5);
    assert_float_equal(dist(&map, 0, 1), 0.75, 1e-3);
    assert_float_equal(dist(&map, 1, 2), 0.75, 1e-3);
    assert_float_equal(dist(&map, 0, 2), 1.5, 1e-3);
    /* Back at the optimiser's scale, jk_vos_objective finds the same minimum. */
    for (size_t i = 0; i < 3; i++) {
        map.terms[i].x *= 4.0 / 3.0;
        map.terms[i].y *= 4.0 / 3.0;
    }
    assert_float_equal(jk_vos_objective(&map, &o), -2.0, 1e-5);
    jk_map_release(&map);
}

/* Two linked terms: V = d^2 - d, least at d = 1/2 with V = -1/4. */
static void test_two_terms(void **state)
{
    (void)state;
    const struct edge e[] = {{0, 1, 5}};
    struct jk_map map;
    make_map(&map, 2, e, 1);
    struct jk_layout_options o;
    jk_layout_options_default(&o);
    lay_out(&map, &o);
    assert_float_equal(map.layout_objective, -0.25, 1e-12);
    assert_float_equal(dist(&map, 0, 1), 1.0, 1e-12);
    assert_true(map.terms[0].y == 0.0 || fabs(map.terms[0].y) < 1e-12);
    jk_map_release(&map);
}

/*
 * V by hand: link t0-t1 (association 2), t2 alone, so the map is
 * disconnected and every pair also attracts with w0 = 0.01 * 2 / 3 (the
 * mean association over the 3 pairs). At (0,0), (3,0), (0,4):
 * V = 2 * 9/2 + w0 * (9 + 16 + 25)/2 - (3 + 4 + 5) = -3 + 1/6.
 */
static void test_objective_by_hand(void **state)
{
    (void)state;
    const struct edge e[] = {{0, 1, 1}};
    struct jk_map map;
    make_map(&map, 3, e, 1);
    map.terms[1].x = 3.0;
    map.terms[2].y = 4.0;
    struct jk_layout_options o;
    jk_layout_options_default(&o);
    assert_float_equal(jk_vos_objective(&map, &o), -3.0 + 1.0 / 6.0, 1e-12);
    o.repulsion = 0.0; /* ln d: 9 + 1/6 - ln 60 */
    assert_float_equal(jk_vos_objective(&map, &o), 9.0 + 1.0 / 6.0 - log(60.0), 1e-12);
    jk_map_release(&map);
}

static void test_standardisation_invariants(void **state)
{
    (void)state;
    struct jk_map map;
    clustered_map(&map, 60, 4, 4, 7);
    struct jk_layout_options o;
    jk_layout_options_default(&o);
    lay_out(&map, &o);
    assert_standardised(&map);
    /* The stored objective is V at the best scale: no scale of the result does better. */
    assert_true(jk_vos_objective(&map, &o) >= map.layout_objective);
    jk_map_release(&map);
}

/* Same map, options and seed: the same doubles, for the exact and the Barnes-Hut path. */
static void test_deterministic(void **state)
{
    (void)state;
    struct jk_map a, b;
    struct jk_layout_options o;
    jk_layout_options_default(&o);
    for (int tree = 0; tree < 2; tree++) {
        o.exact_limit = tree ? 10 : 1000;
        o.seed = 12345;
        clustered_map(&a, 80, 4, 4, 3);
        clustered_map(&b, 80, 4, 4, 3);
        lay_out(&a, &o);
        lay_out(&b, &o);
        for (size_t i = 0; i < a.n_terms; i++) {
            assert_memory_equal(&a.terms[i].x, &b.terms[i].x, sizeof(double));
            assert_memory_equal(&a.terms[i].y, &b.terms[i].y, sizeof(double));
        }
        assert_memory_equal(&a.layout_objective, &b.layout_objective, sizeof(double));
        o.seed = 54321; /* another seed may give another (equally good) map */
        lay_out(&b, &o);
        assert_float_equal(b.layout_objective, a.layout_objective, 0.05 * fabs(a.layout_objective));
        jk_map_release(&a);
        jk_map_release(&b);
    }
}

static void test_more_starts_never_worse(void **state)
{
    (void)state;
    struct jk_map map;
    clustered_map(&map, 80, 5, 3, 11);
    struct jk_layout_options o;
    jk_layout_options_default(&o);
    double last = INFINITY;
    for (unsigned starts = 1; starts <= 8; starts *= 2) {
        o.starts = starts;
        lay_out(&map, &o);
        assert_true(map.layout_objective <= last);
        last = map.layout_objective;
    }
    jk_map_release(&map);
}

/* A clustered map laid out with the approximation reaches the exact method's V within 1 %. */
static void test_barnes_hut_close_to_exact(void **state)
{
    (void)state;
    struct jk_map exact, tree;
    clustered_map(&exact, BH_TERMS, 12, 5, 99);
    clustered_map(&tree, BH_TERMS, 12, 5, 99);
    struct jk_layout_options o;
    jk_layout_options_default(&o);
    o.exact_limit = BH_TERMS;
    lay_out(&exact, &o);
    o.exact_limit = BH_TERMS - 1;
    lay_out(&tree, &o);
    double ve = exact.layout_objective, vt = tree.layout_objective;
    assert_true(fabs(vt - ve) <= 0.01 * fabs(ve));
    /* Both objectives are exact V at best scale, whatever method made the map. */
    assert_true(jk_vos_objective(&tree, &o) >= vt);
    assert_standardised(&tree);
    jk_map_release(&exact);
    jk_map_release(&tree);
}

/* Distance from the centre of terms 0..main-1 to term i, over their largest such distance. */
static double spread_ratio(const struct jk_map *map, size_t main, size_t i)
{
    double cx = 0.0, cy = 0.0, radius = 0.0;
    for (size_t j = 0; j < main; j++) {
        cx += map->terms[j].x / main;
        cy += map->terms[j].y / main;
    }
    for (size_t j = 0; j < main; j++)
        radius = fmax(radius, hypot(map->terms[j].x - cx, map->terms[j].y - cy));
    return hypot(map->terms[i].x - cx, map->terms[i].y - cy) / radius;
}

/*
 * A ring of 60 terms with chords, a triangle and a lone term. With the
 * unconnected weight the small parts stay a few ring radii away (VOSviewer
 * puts them at the edge of the map); without it they drift off and the ring
 * shrinks to a dot after standardisation.
 */
static void test_disconnected_bounded(void **state)
{
    (void)state;
    struct edge e[90];
    size_t m = 0;
    for (uint32_t i = 0; i < 60; i++)
        e[m++] = (struct edge){i, (i + 1) % 60, 2};
    for (uint32_t i = 0; i + 7 < 60; i += 3)
        e[m++] = (struct edge){i, i + 7, 1};
    e[m++] = (struct edge){60, 61, 1};
    e[m++] = (struct edge){60, 62, 1};
    e[m++] = (struct edge){61, 62, 1};
    struct jk_map map;
    make_map(&map, 64, e, m);
    struct jk_layout_options o;
    jk_layout_options_default(&o);
    lay_out(&map, &o);
    assert_standardised(&map);
    for (size_t i = 60; i < 64; i++)
        assert_true(spread_ratio(&map, 60, i) < 6.0);
    o.unconnected_weight = 0.0;
    lay_out(&map, &o);
    assert_true(spread_ratio(&map, 60, 63) > 50.0);
    jk_map_release(&map);
}

static void test_fr_layout(void **state)
{
    (void)state;
    struct jk_map map, again;
    clustered_map(&map, 60, 3, 4, 5);
    clustered_map(&again, 60, 3, 4, 5);
    struct jk_layout_options o;
    jk_layout_options_default(&o);
    o.kind = JK_LAYOUT_FR;
    o.max_iterations = 300;
    lay_out(&map, &o);
    lay_out(&again, &o);
    assert_standardised(&map);
    assert_true(jk_vos_objective(&map, &o) >= map.layout_objective);
    for (size_t i = 0; i < map.n_terms; i++)
        assert_memory_equal(&map.terms[i].x, &again.terms[i].x, sizeof(double));
    jk_map_release(&map);
    jk_map_release(&again);
}

static void test_none(void **state)
{
    (void)state;
    const struct edge e[] = {{0, 1, 1}, {1, 2, 1}};
    struct jk_map map;
    make_map(&map, 3, e, 2);
    struct jk_layout_options o;
    jk_layout_options_default(&o);
    lay_out(&map, &o);
    o.kind = JK_LAYOUT_NONE;
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_layout(&map, &o, &diag), JK_OK);
    assert_int_equal(map.has_layout, 0);
    assert_true(map.layout_objective == 0.0);
    for (size_t i = 0; i < 3; i++)
        assert_true(map.terms[i].x == 0.0 && map.terms[i].y == 0.0);
    jk_map_release(&map);
}

/* No terms, one term, terms without links: a layout without surprises. */
static void test_small_maps(void **state)
{
    (void)state;
    struct jk_map map;
    struct jk_layout_options o;
    jk_layout_options_default(&o);
    for (size_t n = 0; n <= 4; n++) {
        make_map(&map, n, NULL, 0);
        lay_out(&map, &o);
        if (n == 1)
            assert_true(map.terms[0].x == 0.0 && map.terms[0].y == 0.0);
        if (n >= 2)
            assert_standardised(&map);
        jk_map_release(&map);
    }
}

static void expect_usage(const struct jk_layout_options *o, const char *word)
{
    const struct edge e[] = {{0, 1, 1}};
    struct jk_map map;
    make_map(&map, 2, e, 1);
    map.terms[0].x = 7.0;
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_layout_validate(o, &diag), JK_E_USAGE);
    assert_non_null(strstr(diag.msg, word));
    jk_diag_init(&diag);
    assert_int_equal(jk_layout(&map, o, &diag), JK_E_USAGE);
    assert_true(map.terms[0].x == 7.0); /* untouched */
    assert_int_equal(map.has_layout, 0);
    jk_map_release(&map);
}

static void test_invalid_options(void **state)
{
    (void)state;
    struct jk_layout_options o, d;
    jk_layout_options_default(&d);
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_layout_validate(&d, &diag), JK_OK);
    o = d, o.attraction = 1.0, o.repulsion = 1.0;
    expect_usage(&o, "attraction must be greater than the repulsion");
    o = d, o.attraction = 0.0, o.repulsion = 1.0;
    expect_usage(&o, "--attraction 2 --repulsion 1");
    o = d, o.attraction = NAN;
    expect_usage(&o, "from -10 to 10");
    o = d, o.starts = 0;
    expect_usage(&o, "--layout-starts");
    o = d, o.max_iterations = 0;
    expect_usage(&o, "iterations");
    o = d, o.required_improvements = 0;
    expect_usage(&o, "improvements");
    o = d, o.step_reduction = 1.0;
    expect_usage(&o, "step reduction");
    o = d, o.convergence = 0.0;
    expect_usage(&o, "convergence");
    o = d, o.initial_step = 0.0001;
    expect_usage(&o, "initial layout step");
    o = d, o.unconnected_weight = -1.0;
    expect_usage(&o, "unconnected weight");
    o = d, o.theta = 0.0;
    expect_usage(&o, "theta");
    o = d, o.kind = (enum jk_layout_kind)7;
    expect_usage(&o, "vos, fr or none");
    /* Negative and zero exponents are fine as long as a > r. */
    o = d, o.attraction = 1.0, o.repulsion = 0.0;
    assert_int_equal(jk_layout_validate(&o, &diag), JK_OK);
    o.attraction = 0.0, o.repulsion = -1.0;
    assert_int_equal(jk_layout_validate(&o, &diag), JK_OK);
}

/* Other exponents still find a layout: VOSviewer's r = 0 and a logarithmic attraction. */
static void test_other_exponents(void **state)
{
    (void)state;
    struct jk_map map;
    clustered_map(&map, 40, 3, 3, 17);
    struct jk_layout_options o;
    jk_layout_options_default(&o);
    const double ar[][2] = {{2.0, 0.0}, {1.0, -1.0}, {0.0, -1.0}, {1.5, 0.5}};
    for (size_t k = 0; k < 4; k++) {
        o.attraction = ar[k][0];
        o.repulsion = ar[k][1];
        lay_out(&map, &o);
        assert_standardised(&map);
        assert_true(jk_vos_objective(&map, &o) >= map.layout_objective - 1e-9);
    }
    jk_map_release(&map);
}

/* Random positions in [-5, 5]^2 for n terms. */
static double *random_xy(size_t n, uint64_t seed)
{
    double *xy = jk_malloc(2 * n * sizeof(*xy));
    for (size_t i = 0; i < 2 * n; i++)
        xy[i] = 10.0 * ((double)(rng_next(&seed) >> 11) * 0x1.0p-53) - 5.0;
    return xy;
}

/* The quadtree against the plain sum over all pairs, with and without approximation. */
static void test_quadtree_sums(void **state)
{
    (void)state;
    const size_t n = 700;
    double *xy = random_xy(n, 21);
    struct jk_vos_kernel kern;
    jk_vos_kernel_init(&kern, 2.0, 1.0, 0.01);
    struct jk_quadtree tree;
    jk_quadtree_init(&tree);
    jk_quadtree_build(&tree, xy, n);
    for (uint32_t k = 0; k < n; k += 97) {
        double v = 0.0, gx = 0.0, gy = 0.0, g;
        for (size_t j = 0; j < n; j++) {
            double dx = xy[2 * k] - xy[2 * j], dy = xy[2 * k + 1] - xy[2 * j + 1];
            if (j == k)
                continue;
            v += jk_vos_pair(&kern, dx * dx + dy * dy, &g);
            gx += g * dx;
            gy += g * dy;
        }
        double tv, tx = 0.0, ty = 0.0;
        tv = jk_quadtree_pairs(&tree, xy, k, 1e-9, &kern, &tx, &ty); /* opens every cell */
        assert_float_equal(tv, v, 1e-9 * fabs(v));
        assert_float_equal(tx, gx, 1e-9 * hypot(gx, gy));
        tx = ty = 0.0;
        tv = jk_quadtree_pairs(&tree, xy, k, 0.5, &kern, &tx, &ty);
        assert_float_equal(tv, v, 1e-4 * fabs(v));
        assert_true(hypot(tx - gx, ty - gy) < 0.02 * hypot(gx, gy));
    }
    jk_quadtree_release(&tree);
    free(xy);
}

/*
 * A Barnes-Hut sweep gives the same bits on one thread and on several, with
 * its later links summed ahead on a thread of their own (enough links for
 * that) or not, for the fast exponent 2 and a general one.
 */
static void test_tree_sweep_threads(void **state)
{
    (void)state;
    struct jk_map map;
    clustered_map(&map, 2000, 20, 40, 8);
    size_t n = map.n_terms;
    for (int general = 0; general < 2; general++) {
        struct jk_vos_kernel kern;
        jk_vos_kernel_init(&kern, general ? 1.5 : 2.0, 1.0, 0.0);
        double *xy[2], v[2];
        for (int t = 0; t < 2; t++) {
            struct jk_vos_sweep ws = {.use_tree = 1, .theta = 0.5, .threads = t ? 3 : 1};
            ws.order = jk_malloc(n * sizeof(*ws.order));
            ws.pull = jk_malloc(3 * n * sizeof(*ws.pull));
            ws.late = jk_malloc(3 * n * sizeof(*ws.late));
            for (uint32_t i = 0; i < n; i++)
                ws.order[i] = (uint32_t)((i * 7) % n);
            struct jk_vos_ranked r;
            jk_vos_ranked_init(&r, &map, ws.order);
            assert_true(r.first[n] >= 65536); /* the later links run ahead with threads */
            jk_quadtree_init(&ws.tree);
            xy[t] = random_xy(n, 4);
            v[t] = jk_vos_sweep_ranked(&r, &kern, xy[t], &ws, 0.1);
            v[t] += jk_vos_sweep_ranked(&r, &kern, xy[t], &ws, 0.1);
            jk_quadtree_release(&ws.tree);
            jk_vos_ranked_release(&r);
            free(ws.order);
            free(ws.pull);
            free(ws.late);
        }
        assert_memory_equal(xy[0], xy[1], 2 * n * sizeof(double));
        assert_memory_equal(&v[0], &v[1], sizeof(double));
        free(xy[0]);
        free(xy[1]);
    }
    jk_map_release(&map);
}

/* Sets *arg's count of threads (threads_later) after a moment, while the layout runs. */
static void *raise_later(void *arg)
{
    struct timespec moment = {0, 2000000};
    nanosleep(&moment, NULL);
    atomic_store((atomic_uint *)arg, 2);
    return NULL;
}

/*
 * threads_later (the pipeline's layout beside clustering) changes nothing:
 * the same coordinates with it unset, set from the start, or set by another
 * thread while the sweeps run.
 */
static void test_threads_later_same_coordinates(void **state)
{
    (void)state;
    struct jk_layout_options o;
    jk_layout_options_default(&o);
    o.threads = 1;
    o.max_iterations = 30;
    struct jk_map m[3];
    atomic_uint later[3];
    for (int k = 0; k < 3; k++) {
        clustered_map(&m[k], 2000, 20, 40, 8);
        atomic_init(&later[k], k == 1 ? 3 : 0);
        o.threads_later = k ? &later[k] : NULL;
        pthread_t setter;
        if (k == 2)
            assert_int_equal(pthread_create(&setter, NULL, raise_later, &later[k]), 0);
        lay_out(&m[k], &o);
        if (k == 2)
            pthread_join(setter, NULL);
    }
    assert_int_equal(atomic_load(&later[2]), 2);
    for (int k = 1; k < 3; k++) {
        for (size_t i = 0; i < m[0].n_terms; i++) {
            assert_memory_equal(&m[0].terms[i].x, &m[k].terms[i].x, sizeof(double));
            assert_memory_equal(&m[0].terms[i].y, &m[k].terms[i].y, sizeof(double));
        }
        jk_map_release(&m[k]);
    }
    jk_map_release(&m[0]);
}

/* The links' pull with attraction 2 (a fast path) equals the general formula. */
static void test_link_pull_squared_matches_general(void **state)
{
    (void)state;
    struct jk_map map;
    clustered_map(&map, 300, 5, 4, 8);
    struct jk_vos_kernel fast, general;
    jk_vos_kernel_init(&fast, 2.0, 1.0, 0.0);
    general = fast;
    general.ai = JK_EXP_GENERAL; /* pow() and the division, as for any exponent */
    struct jk_vos_net nf, ng;
    jk_vos_net_init(&nf, &map, &fast);
    jk_vos_net_init(&ng, &map, &general);
    double *xy = random_xy(300, 9);
    unsigned char *seen = jk_malloc(300);
    for (uint32_t i = 0; i < 300; i++)
        seen[i] = i % 3 == 0;
    for (uint32_t k = 0; k < 300; k++) {
        double fx = 0.25, fy = -0.5, gx = 0.25, gy = -0.5;
        double vf = jk_vos_link_pull(&nf, xy, k, seen, &fx, &fy);
        double vg = jk_vos_link_pull(&ng, xy, k, seen, &gx, &gy);
        assert_true(fabs(vf - vg) <= 1e-9 * (1.0 + fabs(vg)));
        assert_true(fabs(fx - gx) <= 1e-9 * (1.0 + fabs(gx)));
        assert_true(fabs(fy - gy) <= 1e-9 * (1.0 + fabs(gy)));
    }
    free(seen);
    free(xy);
    jk_vos_net_release(&nf);
    jk_vos_net_release(&ng);
    jk_map_release(&map);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_link_pull_squared_matches_general),
        cmocka_unit_test(test_two_cliques_separate),
        cmocka_unit_test(test_path_on_a_line),
        cmocka_unit_test(test_three_path_optimum),
        cmocka_unit_test(test_two_terms),
        cmocka_unit_test(test_objective_by_hand),
        cmocka_unit_test(test_standardisation_invariants),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_more_starts_never_worse),
        cmocka_unit_test(test_barnes_hut_close_to_exact),
        cmocka_unit_test(test_disconnected_bounded),
        cmocka_unit_test(test_fr_layout),
        cmocka_unit_test(test_none),
        cmocka_unit_test(test_small_maps),
        cmocka_unit_test(test_invalid_options),
        cmocka_unit_test(test_other_exponents),
        cmocka_unit_test(test_quadtree_sums),
        cmocka_unit_test(test_tree_sweep_threads),
        cmocka_unit_test(test_threads_later_same_coordinates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
