/*
 * Tests for the compact Leiden engine (src/leiden.c): the rows it builds, the
 * clusters a user would expect, the guarantees of the algorithm once a start
 * settles (no node gains by moving, every cluster connected), determinism,
 * and the edge cases (no nodes, isolated nodes, resolution 0).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "leiden.h"
#include "util/mem.h"

/* A graph under construction: links in any order, sorted by finish(). */
struct build {
    struct jk_link *links;
    size_t n_links, cap;
    double *node_w;
    size_t n;
};

static void build_init(struct build *b, size_t n)
{
    memset(b, 0, sizeof(*b));
    b->n = n;
    b->node_w = jk_malloc((n ? n : 1) * sizeof(*b->node_w));
    for (size_t i = 0; i < n; i++)
        b->node_w[i] = 1.0;
}

static void add_link(struct build *b, uint32_t s, uint32_t t, double w)
{
    if (b->n_links == b->cap) {
        b->cap = b->cap ? 2 * b->cap : 64;
        b->links = jk_realloc(b->links, b->cap * sizeof(*b->links));
    }
    if (s > t) {
        uint32_t x = s;
        s = t;
        t = x;
    }
    b->links[b->n_links++] = (struct jk_link){.source = s, .target = t, .association = w};
}

static int link_cmp(const void *x, const void *y)
{
    const struct jk_link *a = x, *b = y;
    if (a->source != b->source)
        return a->source < b->source ? -1 : 1;
    return (a->target > b->target) - (a->target < b->target);
}

/* Links of weight 1 between every two of the nodes first .. first + count - 1. */
static void add_clique(struct build *b, uint32_t first, uint32_t count)
{
    for (uint32_t i = first; i < first + count; i++)
        for (uint32_t j = i + 1; j < first + count; j++)
            add_link(b, i, j, 1.0);
}

/* Sorts the links as map.h keeps them, makes the graph and frees the builder. */
static void finish(struct build *b, struct jk_leiden_graph *g)
{
    if (b->n_links) /* qsort wants an array, even of nothing */
        qsort(b->links, b->n_links, sizeof(*b->links), link_cmp);
    jk_leiden_graph_init(g, b->n, b->links, b->n_links, b->node_w);
    free(b->links);
    free(b->node_w);
}

static uint64_t lcg(uint64_t *x)
{
    *x = *x * 6364136223846793005u + 1442695040888963407u;
    return *x >> 33;
}

/* Uniform in [lo, hi) from the generator. */
static double uniform(uint64_t *x, double lo, double hi)
{
    return lo + (hi - lo) * (double)lcg(x) / 2147483648.0;
}

/* Iterations from singletons until one changes nothing (at most 50); returns how many ran. */
static unsigned settle(const struct jk_leiden_graph *g, double r, uint64_t seed, uint32_t *m)
{
    struct jk_leiden_rng rng = {seed};
    for (size_t i = 0; i < g->n; i++)
        m[i] = (uint32_t)i;
    unsigned it = 0;
    while (it < 50 && (jk_leiden_iterate(g, r, 0.01, &rng, m) || it == 0))
        it++;
    return it + 1;
}

static size_t count_clusters(const uint32_t *m, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (m[i] + 1 > k)
            k = m[i] + 1;
    return k;
}

static void test_rows_from_links(void **state)
{
    (void)state;
    struct build b;
    build_init(&b, 4);
    b.node_w[2] = 3.0;
    add_link(&b, 0, 3, 1.5);
    add_link(&b, 1, 2, 0.5);
    add_link(&b, 2, 2, 9.0); /* a loop: no move can use it, so no row holds it */
    add_link(&b, 0, 1, 2.0);
    struct jk_leiden_graph g;
    finish(&b, &g);
    static const size_t row[] = {0, 2, 4, 5, 6};
    static const uint32_t nbr[] = {1, 3, 0, 2, 1, 0};
    static const double w[] = {2.0, 1.5, 2.0, 0.5, 0.5, 1.5};
    assert_int_equal(g.n, 4);
    for (size_t v = 0; v <= 4; v++)
        assert_int_equal(g.row[v], row[v]);
    for (size_t j = 0; j < 6; j++) {
        assert_int_equal(g.nbr[j], nbr[j]);
        assert_true(g.w[j] == w[j]);
    }
    assert_true(g.node_w[2] == 3.0 && g.node_w[0] == 1.0);
    jk_leiden_graph_release(&g);
}

/* Two 5-cliques joined by one weak link: two clusters, and a second iteration changes nothing. */
static void test_two_cliques(void **state)
{
    (void)state;
    struct build b;
    build_init(&b, 10);
    add_clique(&b, 0, 5);
    add_clique(&b, 5, 5);
    add_link(&b, 4, 5, 0.1);
    struct jk_leiden_graph g;
    finish(&b, &g);
    uint32_t m[10];
    for (uint32_t i = 0; i < 10; i++)
        m[i] = i;
    struct jk_leiden_rng rng = {1};
    assert_true(jk_leiden_iterate(&g, 0.5, 0.01, &rng, m));
    for (uint32_t i = 0; i < 10; i++)
        assert_int_equal(m[i], i / 5); /* numbered by first appearance */
    assert_false(jk_leiden_iterate(&g, 0.5, 0.01, &rng, m));
    for (uint32_t i = 0; i < 10; i++)
        assert_int_equal(m[i], i / 5);
    jk_leiden_graph_release(&g);
}

/*
 * Six planted groups of 30 nodes: within a group pairs link with
 * probability 0.5 (weights 1-2), across groups with 0.02 (weights 0-0.5).
 * At resolution 0.2 (between the densities) every seed finds the groups.
 */
static void make_planted(struct jk_leiden_graph *g)
{
    struct build b;
    build_init(&b, 180);
    uint64_t x = 99;
    for (uint32_t i = 0; i < 180; i++)
        for (uint32_t j = i + 1; j < 180; j++) {
            bool same = i / 30 == j / 30;
            double p = uniform(&x, 0, 1), w = same ? uniform(&x, 1, 2) : uniform(&x, 0, 0.5);
            if (p < (same ? 0.5 : 0.02))
                add_link(&b, i, j, w);
        }
    finish(&b, g);
}

static void test_planted_groups_found(void **state)
{
    (void)state;
    struct jk_leiden_graph g;
    make_planted(&g);
    uint32_t m[180];
    for (uint64_t seed = 0; seed < 10; seed++) {
        settle(&g, 0.2, seed, m);
        assert_int_equal(count_clusters(m, 180), 6);
        for (uint32_t i = 0; i < 180; i++)
            assert_int_equal(m[i], m[i / 30 * 30]);
    }
    jk_leiden_graph_release(&g);
}

/*
 * 300 nodes of weights 0.5-2, pairs linked with probability 0.03 (weights
 * 0.5-2): no structure, many local optima, so the checks below have work.
 */
static void make_random(struct jk_leiden_graph *g, uint64_t x)
{
    struct build b;
    build_init(&b, 300);
    for (size_t i = 0; i < 300; i++)
        b.node_w[i] = uniform(&x, 0.5, 2);
    for (uint32_t i = 0; i < 300; i++)
        for (uint32_t j = i + 1; j < 300; j++) {
            double p = uniform(&x, 0, 1), w = uniform(&x, 0.5, 2);
            if (p < 0.03)
                add_link(&b, i, j, w);
        }
    finish(&b, g);
}

/* The largest gain any single node would get from moving to another or an empty cluster. */
static double best_move_gain(const struct jk_leiden_graph *g, const uint32_t *m, double r)
{
    size_t n = g->n;
    double *size = jk_calloc(n, sizeof(*size)), *to = jk_calloc(n, sizeof(*to)), most = 0.0;
    for (size_t v = 0; v < n; v++)
        size[m[v]] += g->node_w[v];
    for (size_t v = 0; v < n; v++) {
        double wv = g->node_w[v];
        memset(to, 0, n * sizeof(*to));
        for (size_t j = g->row[v]; j < g->row[v + 1]; j++)
            to[m[g->nbr[j]]] += g->w[j];
        double stay = to[m[v]] - wv * (size[m[v]] - wv) * r;
        double alone = 0.0 - stay; /* an empty cluster */
        if (alone > most)
            most = alone;
        for (size_t c = 0; c < n; c++) {
            if (c == m[v] || size[c] == 0.0)
                continue;
            double gain = to[c] - wv * size[c] * r - stay;
            if (gain > most)
                most = gain;
        }
    }
    free(size);
    free(to);
    return most;
}

/* Whether the nodes of every cluster are connected through links inside it. */
static bool clusters_connected(const struct jk_leiden_graph *g, const uint32_t *m)
{
    size_t n = g->n, k = count_clusters(m, n);
    unsigned char *seen = jk_calloc(n, 1), *reached = jk_calloc(k, 1);
    uint32_t *stack = jk_malloc(n * sizeof(*stack));
    bool ok = true;
    for (size_t s = 0; s < n && ok; s++) {
        if (seen[s])
            continue;
        ok = !reached[m[s]]; /* a second piece of a cluster already walked */
        reached[m[s]] = 1;
        size_t top = 0;
        stack[top++] = (uint32_t)s;
        seen[s] = 1;
        while (top) {
            uint32_t v = stack[--top];
            for (size_t j = g->row[v]; j < g->row[v + 1]; j++) {
                uint32_t u = g->nbr[j];
                if (!seen[u] && m[u] == m[v]) {
                    seen[u] = 1;
                    stack[top++] = u;
                }
            }
        }
    }
    free(seen);
    free(reached);
    free(stack);
    return ok;
}

/*
 * Once an iteration changes nothing, no node gains by moving (the local
 * moving step's fixed point) and every cluster is connected (the paper's
 * guarantee, which Louvain lacks), at several resolutions and seeds.
 */
static void test_settled_partition_guarantees(void **state)
{
    (void)state;
    static const double resolutions[] = {0.01, 0.03, 0.1, 1.0};
    uint32_t m[300];
    for (uint64_t graph = 0; graph < 3; graph++) {
        struct jk_leiden_graph g;
        make_random(&g, 1000 + graph);
        for (size_t i = 0; i < 4; i++)
            for (uint64_t seed = 0; seed < 3; seed++) {
                unsigned iterations = settle(&g, resolutions[i], seed, m);
                assert_true(iterations < 50);
                size_t k = count_clusters(m, 300);
                assert_true(k > 1 && k < 300);
                if (best_move_gain(&g, m, resolutions[i]) > 1e-9)
                    fail_msg("a node gains by moving (graph %lu, resolution %g, seed %lu)",
                             (unsigned long)graph, resolutions[i], (unsigned long)seed);
                assert_true(clusters_connected(&g, m));
            }
        jk_leiden_graph_release(&g);
    }
}

/* The same seed gives the same clusters and leaves the generator in the same state. */
static void test_same_seed_same_clusters(void **state)
{
    (void)state;
    struct jk_leiden_graph g;
    make_random(&g, 5);
    uint32_t a[300], b[300], c[300];
    for (uint32_t i = 0; i < 300; i++)
        a[i] = b[i] = c[i] = i;
    struct jk_leiden_rng ra = {17}, rb = {17}, rc = {18};
    jk_leiden_iterate(&g, 0.02, 0.01, &ra, a);
    jk_leiden_iterate(&g, 0.02, 0.01, &rb, b);
    jk_leiden_iterate(&g, 0.02, 0.01, &rc, c);
    assert_memory_equal(a, b, sizeof(a));
    assert_true(ra.state == rb.state);
    /* Otherwise the seed might be ignored. */
    assert_memory_not_equal(a, c, sizeof(a));
    jk_leiden_graph_release(&g);
}

/* Resolution 0: every link is worth keeping, so the clusters are the connected components. */
static void test_resolution_zero_gives_components(void **state)
{
    (void)state;
    struct build b;
    build_init(&b, 7);
    add_link(&b, 0, 1, 1.0);
    add_link(&b, 1, 2, 0.01);
    add_link(&b, 3, 5, 2.0);
    add_link(&b, 5, 6, 1.0);
    struct jk_leiden_graph g;
    finish(&b, &g);
    uint32_t m[7];
    settle(&g, 0.0, 3, m);
    static const uint32_t expected[] = {0, 0, 0, 1, 2, 1, 1}; /* 4 links nothing */
    assert_memory_equal(m, expected, sizeof(m));
    jk_leiden_graph_release(&g);
}

static void test_no_nodes_and_no_links(void **state)
{
    (void)state;
    struct build b;
    build_init(&b, 0);
    struct jk_leiden_graph g;
    finish(&b, &g);
    struct jk_leiden_rng rng = {0};
    assert_false(jk_leiden_iterate(&g, 1.0, 0.01, &rng, NULL));
    jk_leiden_graph_release(&g);

    build_init(&b, 3);
    finish(&b, &g);
    uint32_t m[3] = {0, 1, 2};
    assert_false(jk_leiden_iterate(&g, 1.0, 0.01, &rng, m));
    assert_int_equal(m[0], 0);
    assert_int_equal(m[1], 1);
    assert_int_equal(m[2], 2);
    jk_leiden_graph_release(&g);
}

/*
 * One cluster of 14 nodes (resolution 0.1, so a subcluster of weight w is
 * well connected when its links to the rest weigh at least w (14 - w) 0.1):
 * a clique 0-7, node 8 linked to 0 and 1 (0.5 each) and to 9 (0.95), node 9
 * linked to 8 only, node 10 to 2 only (0.5), nodes 11-13 a path (1.0 each)
 * hanging from 3 (1.5). 9 and 10 are not well connected (0.95 and 0.5 <
 * 1.3), so each stays alone, although joining 9 would be 8's best move and 10
 * gains by joining 2 while 2 is alone. Every subcluster lies in one cluster
 * and is connected.
 */
static void test_refinement_rules(void **state)
{
    (void)state;
    struct build b;
    build_init(&b, 14);
    add_clique(&b, 0, 8);
    add_link(&b, 8, 0, 0.5);
    add_link(&b, 8, 1, 0.5);
    add_link(&b, 8, 9, 0.95);
    add_link(&b, 10, 2, 0.5);
    add_link(&b, 3, 11, 1.5);
    add_link(&b, 11, 12, 1.0);
    add_link(&b, 12, 13, 1.0);
    struct jk_leiden_graph g;
    finish(&b, &g);
    uint32_t m[14] = {0}, sub[14];
    for (uint64_t seed = 0; seed < 40; seed++) {
        struct jk_leiden_rng rng = {seed};
        size_t k = jk_leiden_refine(&g, m, 1, 0.1, 0.01, &rng, sub);
        assert_true(k >= 3 && k <= 14);
        for (uint32_t v = 0; v < 14; v++) {
            if (v != 9)
                assert_int_not_equal(sub[v], sub[9]);
            if (v != 10)
                assert_int_not_equal(sub[v], sub[10]);
        }
        assert_true(clusters_connected(&g, sub));
    }
    jk_leiden_graph_release(&g);
}

/*
 * A subcluster's weight to the rest of its cluster after a join: ext(D + v)
 * = ext(D) + ext(v) - 2 w(v, D). One cluster of 11 nodes at resolution 0.1:
 * a clique k0-k7, p linked to k0 (0.5), p-q (3), z to p and q (0.6 each).
 * {p, q} forms whenever p or q comes first, and its outside weight is 1.7,
 * below the 1.8 a two-node subcluster needs, so z may not join it then; z
 * ends with p and q only when z comes before both and another joins its pair
 * (about a third of the orders). Counting ext(v) without subtracting 2 w(v, D)
 * would let z join {p, q} every time.
 */
static void test_refinement_outside_weight(void **state)
{
    (void)state;
    enum { P = 8, Q = 9, Z = 10 };
    struct build b;
    build_init(&b, 11);
    add_clique(&b, 0, 8);
    add_link(&b, P, 0, 0.5);
    add_link(&b, P, Q, 3.0);
    add_link(&b, Z, P, 0.6);
    add_link(&b, Z, Q, 0.6);
    struct jk_leiden_graph g;
    finish(&b, &g);
    uint32_t m[11] = {0}, sub[11];
    unsigned together = 0, seeds = 30;
    for (uint64_t seed = 0; seed < seeds; seed++) {
        struct jk_leiden_rng rng = {seed};
        jk_leiden_refine(&g, m, 1, 0.1, 0.01, &rng, sub);
        assert_int_equal(sub[P], sub[Q]); /* the strong pair always joins */
        together += sub[Z] == sub[P];
    }
    assert_true(together > 0);     /* z first: it may found the trio */
    assert_true(together < seeds); /* z after the pair: it stays out */
    jk_leiden_graph_release(&g);
}

/*
 * One cluster of three nodes at resolution 1: x-y 0.5, x-z 1.6, y-z 2.0 (each
 * node alone is well connected: its links weigh at least 1 (3 - 1) 1). x
 * joining y, or y joining x, would lose 0.5; every other join gains (z-x 0.6,
 * z-y 1.0, the third node into a pair 0.1 or 0.5).
 */
static void make_triangle(struct jk_leiden_graph *g)
{
    struct build b;
    build_init(&b, 3);
    add_link(&b, 0, 1, 0.5);
    add_link(&b, 0, 2, 1.6);
    add_link(&b, 1, 2, 2.0);
    finish(&b, g);
}

/*
 * A join that loses quality is never a choice, however random the choice
 * (randomness 100 makes the allowed choices nearly equally likely): x and y
 * never form a pair without z. Were losing joins weighted like the others,
 * x (or y) coming first would join the other about a third of the time and
 * z would then stay out about half the time.
 */
static void test_refinement_no_losing_join(void **state)
{
    (void)state;
    struct jk_leiden_graph g;
    make_triangle(&g);
    uint32_t m[3] = {0}, sub[3];
    unsigned split = 0, seeds = 200;
    for (uint64_t seed = 0; seed < seeds; seed++) {
        struct jk_leiden_rng rng = {seed};
        size_t k = jk_leiden_refine(&g, m, 1, 1.0, 100.0, &rng, sub);
        assert_false(sub[0] == sub[1] && sub[2] != sub[0]);
        split += k > 1;
    }
    assert_true(split > seeds / 10); /* staying alone was chosen often: the choices are random */
    jk_leiden_graph_release(&g);
}

/*
 * The choice weights are exp(gain / randomness): with randomness 0.001 a join
 * gaining 0.1 or more is taken over staying alone (gain 0) all but e^-100 of
 * the time, so the three nodes always end in one subcluster. A uniform choice
 * among the allowed ones would leave the first node alone half the time.
 */
static void test_refinement_exp_weights(void **state)
{
    (void)state;
    struct jk_leiden_graph g;
    make_triangle(&g);
    uint32_t m[3] = {0}, sub[3];
    for (uint64_t seed = 0; seed < 200; seed++) {
        struct jk_leiden_rng rng = {seed};
        assert_int_equal(jk_leiden_refine(&g, m, 1, 1.0, 0.001, &rng, sub), 1);
    }
    jk_leiden_graph_release(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rows_from_links),
        cmocka_unit_test(test_two_cliques),
        cmocka_unit_test(test_planted_groups_found),
        cmocka_unit_test(test_settled_partition_guarantees),
        cmocka_unit_test(test_same_seed_same_clusters),
        cmocka_unit_test(test_refinement_rules),
        cmocka_unit_test(test_refinement_outside_weight),
        cmocka_unit_test(test_refinement_no_losing_join),
        cmocka_unit_test(test_refinement_exp_weights),
        cmocka_unit_test(test_resolution_zero_gives_components),
        cmocka_unit_test(test_no_nodes_and_no_links),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
