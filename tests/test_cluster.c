/*
 * Tests for the clustering stage (src/cluster.c): the clusters a user would
 * expect on small networks, determinism, the reported CPM quality, the merge
 * of small clusters, numbering, isolated terms, option checking, the
 * strength-weighted (modularity) variant on raw counts, per-start seeding and
 * the same clusters from any number of helper processes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <igraph.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cluster.h"
#include "map.h"
#include "network.h"
#include "util/mem.h"
#include "workers.h"

struct edge {
    uint32_t a, b;
    double w; /* co-occurrence count, or association when set directly */
};

static int link_cmp(const void *x, const void *y)
{
    const struct jk_link *a = x, *b = y;
    if (a->source != b->source)
        return a->source < b->source ? -1 : 1;
    return (a->target > b->target) - (a->target < b->target);
}

/*
 * A map of n terms (labels t0, t1, ...) and the given links (a < b), sorted as
 * map.h wants. counted: w is a co-occurrence count and the network stage
 * computes associations; otherwise w is the association itself, which keeps
 * the arithmetic in the comments simple.
 */
static void make_map(struct jk_map *map, size_t n, const struct edge *e, size_t n_edges,
                     bool counted)
{
    jk_map_init(map);
    map->terms = jk_calloc(n ? n : 1, sizeof(*map->terms));
    map->n_terms = n;
    for (size_t i = 0; i < n; i++) {
        char label[24];
        snprintf(label, sizeof(label), "t%zu", i);
        map->terms[i].label = jk_strdup(label);
    }
    map->links = jk_calloc(n_edges ? n_edges : 1, sizeof(*map->links));
    map->n_links = n_edges;
    for (size_t k = 0; k < n_edges; k++)
        map->links[k] = (struct jk_link){.source = e[k].a,
                                         .target = e[k].b,
                                         .weight = counted ? (uint64_t)e[k].w : 1,
                                         .association = e[k].w};
    qsort(map->links, n_edges, sizeof(*map->links), link_cmp);
    if (counted)
        jk_network_associate(map);
}

static void assert_clusters(const struct jk_map *map, const uint32_t *expected)
{
    for (size_t i = 0; i < map->n_terms; i++) {
        if (map->terms[i].cluster != expected[i])
            fail_msg("term %zu is in cluster %u, expected %u", i, map->terms[i].cluster,
                     expected[i]);
    }
}

static void run(struct jk_map *map, const struct jk_cluster_options *opt)
{
    struct jk_diag diag;
    jk_diag_init(&diag);
    if (jk_cluster(map, opt, &diag) != JK_OK)
        fail_msg("jk_cluster failed: %s", diag.msg);
}

/* Builds the map and clusters it with the default options but min_size. */
static void cluster_new(struct jk_map *map, size_t n, const struct edge *e, size_t n_edges,
                        bool counted, unsigned min_size)
{
    struct jk_cluster_options opt;
    make_map(map, n, e, n_edges, counted);
    jk_cluster_options_default(&opt);
    opt.min_cluster_size = min_size;
    run(map, &opt);
}

/* Two 4-cliques (count 5 per pair) joined by one co-occurrence between t3 and t4. */
static const struct edge two_cliques[] = {
    {0, 1, 5}, {0, 2, 5}, {0, 3, 5}, {1, 2, 5}, {1, 3, 5}, {2, 3, 5}, {3, 4, 1},
    {4, 5, 5}, {4, 6, 5}, {4, 7, 5}, {5, 6, 5}, {5, 7, 5}, {6, 7, 5},
};

/*
 * Three topics of four terms (t0-t3, t4-t7, t8-t11) with a few co-occurrences
 * across topics. The quality below was computed once with python3-igraph 0.10.2
 * (/usr/bin/python3), which finds the same partition for every seed 0..19:
 *
 *   import igraph as ig, random
 *   links = [(0,1,6),(0,2,4),(0,3,3),(1,2,5),(1,3,2),(2,3,4),(4,5,7),(4,6,3),
 *            (4,7,2),(5,6,4),(5,7,3),(6,7,5),(8,9,3),(8,10,4),(8,11,2),(9,10,6),
 *            (9,11,3),(10,11,2),(3,4,2),(7,8,1),(2,9,1),(0,11,1),(6,10,2)]
 *   n = 12; s = [0]*n
 *   for a,b,w in links: s[a] += w; s[b] += w
 *   N = sum(s); assoc = [w*N/(s[a]*s[b]) for a,b,w in links]
 *   g = ig.Graph(n=n, edges=[(a,b) for a,b,_ in links])
 *   random.seed(0); ig.set_random_number_generator(random)
 *   memb = g.community_leiden(objective_function="CPM", weights=assoc,
 *            resolution_parameter=1.0, beta=0.01, n_iterations=10).membership
 *   A = [[0.0]*n for _ in range(n)]
 *   for (a,b,_),x in zip(links,assoc): A[a][b] = A[b][a] = x
 *   q = sum(A[i][j] - 1.0 for i in range(n) for j in range(n) if memb[i]==memb[j])
 *   print(memb, repr(q / (2*sum(assoc))))
 *   # [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2] 0.5690732538203782
 */
static const struct edge three_topics[] = {
    {0, 1, 6}, {0, 2, 4}, {0, 3, 3},  {0, 11, 1}, {1, 2, 5},  {1, 3, 2},  {2, 3, 4},   {2, 9, 1},
    {3, 4, 2}, {4, 5, 7}, {4, 6, 3},  {4, 7, 2},  {5, 6, 4},  {5, 7, 3},  {6, 7, 5},   {6, 10, 2},
    {7, 8, 1}, {8, 9, 3}, {8, 10, 4}, {8, 11, 2}, {9, 10, 6}, {9, 11, 3}, {10, 11, 2},
};
#define N_EDGES(e) (sizeof(e) / sizeof((e)[0]))

static void test_two_cliques_give_two_clusters(void **state)
{
    (void)state;
    struct jk_map map;
    cluster_new(&map, 8, two_cliques, N_EDGES(two_cliques), true, 1);
    assert_int_equal(map.n_clusters, 2);
    /* Equal sizes: the cluster holding t0 is number 1. */
    const uint32_t expected[] = {1, 1, 1, 1, 2, 2, 2, 2};
    assert_clusters(&map, expected);
    jk_map_release(&map);
}

static void test_quality_matches_python_igraph(void **state)
{
    (void)state;
    struct jk_map map;
    cluster_new(&map, 12, three_topics, N_EDGES(three_topics), true, 1);
    const uint32_t expected[] = {1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3};
    assert_int_equal(map.n_clusters, 3);
    assert_clusters(&map, expected);
    assert_float_equal(map.quality, 0.5690732538203782, 1e-9);
    jk_map_release(&map);
}

/*
 * A pseudo-random co-occurrence network (60 terms, about 10 % of pairs linked,
 * counts 1..5) on which single Leiden runs depend on the seed.
 */
static void make_random_map(struct jk_map *map)
{
    uint32_t x = 12345;
    struct edge e[400];
    size_t n = 0;
    for (uint32_t i = 0; i < 60; i++)
        for (uint32_t j = i + 1; j < 60; j++) {
            x = x * 1103515245u + 12345u;
            if ((x >> 16) % 100 < 10 && n < 400)
                e[n++] = (struct edge){i, j, 1 + (x >> 8) % 5};
        }
    make_map(map, 60, e, n, true);
}

static bool same_clusters(const struct jk_map *a, const struct jk_map *b)
{
    for (size_t i = 0; i < a->n_terms; i++)
        if (a->terms[i].cluster != b->terms[i].cluster)
            return false;
    return a->n_clusters == b->n_clusters && a->quality == b->quality;
}

static void test_same_seed_same_clusters(void **state)
{
    (void)state;
    struct jk_cluster_options opt;
    jk_cluster_options_default(&opt);
    opt.starts = 1;
    opt.iterations = 1;
    bool seed_matters = false;
    for (unsigned long seed = 0; seed <= 5; seed++) {
        struct jk_map a, b, other;
        make_random_map(&a);
        make_random_map(&b);
        make_random_map(&other);
        opt.seed = seed;
        run(&a, &opt);
        /* Disturb igraph's RNG in between: jk_cluster must reseed it. */
        igraph_rng_seed(igraph_rng_default(), 12345);
        for (int i = 0; i < 100; i++)
            (void)igraph_rng_get_unif01(igraph_rng_default());
        run(&b, &opt);
        assert_true(same_clusters(&a, &b));
        opt.seed = seed + 100;
        run(&other, &opt);
        seed_matters |= !same_clusters(&a, &other);
        jk_map_release(&a);
        jk_map_release(&b);
        jk_map_release(&other);
    }
    /* Otherwise this test could not notice a missing reseed. */
    assert_true(seed_matters);
}

/*
 * Start s is seeded from (seed, s) alone, so the first k starts are the same
 * whatever the number of starts: the quality of the best of k starts never
 * falls as k grows, and the best of 10 is the best of the ten single results.
 * A later start must beat the first at least once, or the test could not
 * tell the starts apart.
 */
static void test_starts_seeded_by_index(void **state)
{
    (void)state;
    struct jk_cluster_options opt;
    jk_cluster_options_default(&opt);
    opt.iterations = 1;
    bool later_start_won = false;
    for (unsigned long seed = 0; seed <= 5; seed++) {
        double q[11];
        opt.seed = seed;
        for (unsigned k = 1; k <= 10; k++) {
            struct jk_map map, again;
            make_random_map(&map);
            make_random_map(&again);
            opt.starts = k;
            run(&map, &opt);
            run(&again, &opt);
            assert_true(same_clusters(&map, &again));
            q[k] = map.quality;
            if (k > 1)
                assert_true(q[k] >= q[k - 1]);
            jk_map_release(&map);
            jk_map_release(&again);
        }
        later_start_won |= q[10] > q[1];
    }
    assert_true(later_start_won);
}

/*
 * Planted topics: 800 terms in 8 groups of 100, pairs within a group linked
 * with probability 0.25 and across groups with 0.06, counts 1..5. Well over
 * JK_CLUSTER_FORK_LINKS links, and noisy enough that the starts disagree.
 */
static void make_planted_map(struct jk_map *map)
{
    enum { N = 800, GROUP = 100 };
    size_t cap = N * (N - 1) / 2 / 4, n = 0;
    struct edge *e = jk_malloc(cap * sizeof(*e));
    uint64_t x = 42;
    for (uint32_t i = 0; i < N; i++)
        for (uint32_t j = i + 1; j < N; j++) {
            x = x * 6364136223846793005u + 1442695040888963407u;
            unsigned p = (unsigned)(x >> 33) % 1000;
            if (p < (i / GROUP == j / GROUP ? 250u : 60u) && n < cap)
                e[n++] = (struct edge){i, j, 1 + (unsigned)(x >> 20) % 5};
        }
    make_map(map, N, e, n, true);
    free(e);
}

/*
 * 2,000 terms, each pair linked with probability 0.012 (about 24,000 links,
 * counts 1..5): nothing planted, so that the compact engine's starts differ.
 */
static void make_sparse_map(struct jk_map *map)
{
    enum { N = 2000 };
    size_t cap = 30000, n = 0;
    struct edge *e = jk_malloc(cap * sizeof(*e));
    uint64_t x = 7;
    for (uint32_t i = 0; i < N; i++)
        for (uint32_t j = i + 1; j < N; j++) {
            x = x * 6364136223846793005u + 1442695040888963407u;
            if ((unsigned)(x >> 33) % 1000 < 12 && n < cap)
                e[n++] = (struct edge){i, j, 1 + (unsigned)(x >> 20) % 5};
        }
    make_map(map, N, e, n, true);
    free(e);
}

/*
 * The same clusters and quality from 1, 2 and 3 processes, with 4 starts and
 * with 10, on maps made by `make` where the starts differ.
 */
static void threads_give_same_clusters(void (*make)(struct jk_map *),
                                       const struct jk_cluster_options *given)
{
    struct jk_cluster_options opt = *given;
    struct jk_map one;
    make(&one);
    assert_true(one.n_links >= JK_CLUSTER_FORK_LINKS);
    static const unsigned starts[] = {4, 10};
    for (size_t i = 0; i < 2; i++) {
        opt.starts = starts[i];
        opt.threads = 1;
        run(&one, &opt);
        for (unsigned threads = 2; threads <= 3; threads++) {
            struct jk_map many;
            make(&many);
            opt.threads = threads;
            run(&many, &opt);
            assert_true(same_clusters(&one, &many));
            jk_map_release(&many);
        }
    }
    /* Otherwise a mix-up of the processes' starts could go unnoticed. */
    struct jk_map first;
    make(&first);
    opt.starts = 1;
    run(&first, &opt);
    assert_true(first.quality < one.quality);
    jk_map_release(&first);
    jk_map_release(&one);
}

/* igraph's engine: at resolution 1.7 the planted groups split and the starts differ. */
static void test_threads_give_same_clusters(void **state)
{
    (void)state;
    struct jk_cluster_options opt;
    jk_cluster_options_default(&opt);
    opt.resolution = 1.7;
    opt.engine = JK_LEIDEN_IGRAPH;
    threads_give_same_clusters(make_planted_map, &opt);
}

/* The compact engine settles the planted groups the same way every start; a sparse map not. */
static void test_threads_give_same_clusters_compact(void **state)
{
    (void)state;
    struct jk_cluster_options opt;
    jk_cluster_options_default(&opt);
    opt.engine = JK_LEIDEN_COMPACT;
    threads_give_same_clusters(make_sparse_map, &opt);
}

/*
 * The pipeline clusters while its thread pool sits idle: helper processes
 * forked then must still give the clusters of a single process.
 */
static void test_fork_beside_idle_threads(void **state)
{
    (void)state;
    struct jk_workers pool;
    jk_workers_init(&pool, 3);
    struct jk_cluster_options opt;
    jk_cluster_options_default(&opt);
    opt.resolution = 1.7;
    opt.starts = 4;
    struct jk_map one, two;
    make_planted_map(&one);
    make_planted_map(&two);
    opt.threads = 1;
    run(&one, &opt);
    opt.threads = 2;
    run(&two, &opt);
    assert_true(same_clusters(&one, &two));
    jk_map_release(&one);
    jk_map_release(&two);
    jk_workers_release(&pool);
}

/* Counts on_started calls and records the process that made them. */
struct started {
    unsigned calls;
    pid_t pid;
};

static void note_started(void *ctx)
{
    struct started *st = ctx;
    st->calls++;
    st->pid = getpid();
}

/*
 * on_started (where the pipeline starts the layout's thread) runs once, in
 * the caller's process, whether helpers are forked or not; never for a map
 * without terms. A helper calling it would leave calls at 0 here.
 */
static void test_on_started_once_in_caller(void **state)
{
    (void)state;
    struct jk_cluster_options opt;
    jk_cluster_options_default(&opt);
    opt.starts = 4;
    opt.on_started = note_started;
    for (unsigned threads = 1; threads <= 2; threads++) {
        struct started st = {0, 0};
        opt.on_started_ctx = &st;
        opt.threads = threads;
        struct jk_map map;
        make_planted_map(&map);
        run(&map, &opt);
        assert_int_equal(st.calls, 1);
        assert_int_equal(st.pid, getpid());
        jk_map_release(&map);
    }
    struct started none = {0, 0};
    opt.on_started_ctx = &none;
    struct jk_map empty;
    make_map(&empty, 0, NULL, 0, false);
    run(&empty, &opt);
    assert_int_equal(none.calls, 0);
    jk_map_release(&empty);
}

/*
 * A start stops once an iteration changes nothing, so a cap far beyond that
 * point gives the very same clusters as a cap just beyond it.
 */
static void test_iterations_stop_when_stable(void **state)
{
    (void)state;
    struct jk_cluster_options opt;
    jk_cluster_options_default(&opt);
    for (unsigned long seed = 0; seed <= 5; seed++) {
        struct jk_map some, many;
        make_random_map(&some);
        make_random_map(&many);
        opt.seed = seed;
        opt.iterations = 50;
        run(&some, &opt);
        opt.iterations = 100000;
        run(&many, &opt);
        assert_true(same_clusters(&some, &many));
        assert_true(some.quality == many.quality);
        jk_map_release(&some);
        jk_map_release(&many);
    }
}

/* The first of 10 starts is the single start with the same seed; the best of 10 is no worse. */
static void test_more_starts_never_worse(void **state)
{
    (void)state;
    struct jk_cluster_options opt;
    jk_cluster_options_default(&opt);
    for (unsigned long seed = 0; seed <= 5; seed++) {
        struct jk_map one, ten;
        make_random_map(&one);
        make_random_map(&ten);
        opt.seed = seed;
        opt.starts = 1;
        run(&one, &opt);
        opt.starts = 10;
        run(&ten, &opt);
        assert_true(ten.quality >= one.quality);
        jk_map_release(&one);
        jk_map_release(&ten);
    }
}

static void test_cluster_count_stable_over_seeds(void **state)
{
    (void)state;
    struct jk_cluster_options opt;
    jk_cluster_options_default(&opt);
    for (unsigned long seed = 0; seed <= 5; seed++) {
        struct jk_map cliques, topics;
        make_map(&cliques, 8, two_cliques, N_EDGES(two_cliques), true);
        make_map(&topics, 12, three_topics, N_EDGES(three_topics), true);
        opt.seed = seed;
        run(&cliques, &opt);
        run(&topics, &opt);
        assert_int_equal(cliques.n_clusters, 2);
        assert_int_equal(topics.n_clusters, 3);
        jk_map_release(&cliques);
        jk_map_release(&topics);
    }
}

/*
 * A 5-clique t0-t4 (association 3 per pair), a pair t5-t6 (5) and one weak
 * link t4-t5 (0.1). m = 10*3 + 5 + 0.1 = 35.1.
 *   Separate: Q = (2*35 - (25 + 4)) / 70.2 = 41 / 70.2
 *   Merged:   Q = (2*35.1 - 49) / 70.2 = 21.2 / 70.2
 */
static const struct edge appendix[] = {
    {0, 1, 3}, {0, 2, 3}, {0, 3, 3}, {0, 4, 3}, {1, 2, 3},   {1, 3, 3},
    {1, 4, 3}, {2, 3, 3}, {2, 4, 3}, {3, 4, 3}, {4, 5, 0.1}, {5, 6, 5},
};

static void test_min_cluster_size_merges_appendix(void **state)
{
    (void)state;
    struct jk_map map;
    cluster_new(&map, 7, appendix, N_EDGES(appendix), false, 1);
    const uint32_t separate[] = {1, 1, 1, 1, 1, 2, 2};
    assert_int_equal(map.n_clusters, 2);
    assert_clusters(&map, separate);
    assert_float_equal(map.quality, 41.0 / 70.2, 1e-12);
    jk_map_release(&map);

    cluster_new(&map, 7, appendix, N_EDGES(appendix), false, 3);
    const uint32_t merged[] = {1, 1, 1, 1, 1, 1, 1};
    assert_int_equal(map.n_clusters, 1);
    assert_clusters(&map, merged);
    /* The quality is that of the merged clustering, lower than Leiden's. */
    assert_float_equal(map.quality, 21.2 / 70.2, 1e-12);
    jk_map_release(&map);
}

static void add_clique(struct edge *e, size_t *n, const uint32_t *terms, size_t k, double w)
{
    for (size_t i = 0; i < k; i++)
        for (size_t j = i + 1; j < k; j++)
            e[(*n)++] = (struct edge){terms[i], terms[j], w};
}

/*
 * A = t0-t5 (6 terms, association 3 per pair, total 45), B = t6-t8 (3 terms,
 * 20 per pair, total 60), pair P = t9-t10 (5) linked to A by 0.3 and to B by
 * 0.2. VOSviewer divides by the number of terms of the target: 0.3/6 = 0.05
 * < 0.2/3 = 0.067, so P joins B (dividing by total association would choose
 * A: 0.3/45 > 0.2/60; the raw weight would choose A too).
 */
static void test_merge_target_divides_by_cluster_size(void **state)
{
    (void)state;
    static const uint32_t a[] = {0, 1, 2, 3, 4, 5}, b[] = {6, 7, 8};
    struct edge e[32] = {{5, 9, 0.3}, {8, 10, 0.2}, {9, 10, 5}};
    size_t n = 3;
    add_clique(e, &n, a, 6, 3);
    add_clique(e, &n, b, 3, 20);
    struct jk_map map;
    cluster_new(&map, 11, e, n, false, 3);
    const uint32_t expected[] = {1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2};
    assert_int_equal(map.n_clusters, 2);
    assert_clusters(&map, expected);
    jk_map_release(&map);
}

/*
 * The strength-weighted variant on raw counts (normalisation none): node
 * weights = total link strength, resolution gamma / (2m). The map is built
 * from counts and normalised with JK_NORM_NONE, so association = weight.
 */
static void cluster_modularity(struct jk_map *map, size_t n, const struct edge *e, size_t n_edges,
                               double gamma, unsigned min_size)
{
    struct jk_cluster_options opt;
    make_map(map, n, e, n_edges, true);
    jk_network_normalize(map, JK_NORM_NONE);
    jk_cluster_options_default(&opt);
    opt.strength_weights = true;
    opt.resolution = gamma;
    opt.min_cluster_size = min_size;
    run(map, &opt);
}

/*
 * Two 4-cliques (5 per pair) and the bridge t3-t4 (1): strengths 15 except
 * t3, t4 16; 2m = 122; inside each clique 30. Modularity of the two cliques:
 *   Q = 60/61 - gamma * ((61/122)^2 + (61/122)^2) = 60/61 - gamma / 2
 *   gamma 1: 59/122; gamma 0.5: 89.5/122.
 * igraph agrees (python3-igraph 0.10.2, /usr/bin/python3):
 *   links = [(0,1,5),(0,2,5),(0,3,5),(1,2,5),(1,3,5),(2,3,5),(3,4,1),
 *            (4,5,5),(4,6,5),(4,7,5),(5,6,5),(5,7,5),(6,7,5)]
 *   g = ig.Graph(n=8, edges=[(a,b) for a,b,_ in links]); w = [x for *_,x in links]
 *   ig.GraphBase.modularity(g, [0,0,0,0,1,1,1,1], w, 1.0)  # 0.4836065573770493
 *   ig.GraphBase.modularity(g, [0,0,0,0,1,1,1,1], w, 0.5)  # 0.7336065573770493
 */
static void test_modularity_two_cliques(void **state)
{
    (void)state;
    const uint32_t expected[] = {1, 1, 1, 1, 2, 2, 2, 2};
    struct jk_map map;
    cluster_modularity(&map, 8, two_cliques, N_EDGES(two_cliques), 1.0, 1);
    assert_int_equal(map.n_clusters, 2);
    assert_clusters(&map, expected);
    assert_float_equal(map.quality, 0.4836065573770493, 1e-12);
    assert_float_equal(map.quality, 59.0 / 122.0, 1e-12);
    jk_map_release(&map);

    cluster_modularity(&map, 8, two_cliques, N_EDGES(two_cliques), 0.5, 1);
    assert_int_equal(map.n_clusters, 2);
    assert_clusters(&map, expected);
    assert_float_equal(map.quality, 0.7336065573770493, 1e-12);
    jk_map_release(&map);
}

/*
 * The merge divides by the target's total node weight, here its total link
 * strength. A = t0-t5 (3 per pair), B = t6-t8 (20 per pair), pair P = t9-t10
 * (5), P linked to A by t5-t9 (3) and to B by t8-t10 (2). Strengths: A 93,
 * B 122, P 15; 2m = 230. Leiden on modularity keeps A, B, P apart (igraph,
 * every seed tried: [0]*6 + [1]*3 + [2]*2, modularity 0.5074102079395084).
 * Minimum size 3 merges P: 3/93 = 0.032 into A beats 2/122 = 0.016 into B
 * (by number of terms B would win: 2/3 > 3/6). igraph's modularity of the
 * merged partition [0]*6 + [1]*3 + [0]*2: 0.4807561436672968.
 */
static void test_modularity_merge_divides_by_strength(void **state)
{
    (void)state;
    static const uint32_t a[] = {0, 1, 2, 3, 4, 5}, b[] = {6, 7, 8};
    struct edge e[32] = {{5, 9, 3}, {8, 10, 2}, {9, 10, 5}};
    size_t n = 3;
    add_clique(e, &n, a, 6, 3);
    add_clique(e, &n, b, 3, 20);
    struct jk_map map;
    cluster_modularity(&map, 11, e, n, 1.0, 1);
    const uint32_t apart[] = {1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3};
    assert_int_equal(map.n_clusters, 3);
    assert_clusters(&map, apart);
    assert_float_equal(map.quality, 0.5074102079395084, 1e-12);
    jk_map_release(&map);

    cluster_modularity(&map, 11, e, n, 1.0, 3);
    const uint32_t merged[] = {1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1};
    assert_int_equal(map.n_clusters, 2);
    assert_clusters(&map, merged);
    assert_float_equal(map.quality, 0.4807561436672968, 1e-12);
    jk_map_release(&map);
}

/* Without links every node weight is 0 (2m = 0): singletons, quality 0, no division by 0. */
static void test_modularity_no_links(void **state)
{
    (void)state;
    struct jk_map map;
    cluster_modularity(&map, 3, NULL, 0, 1.0, 1);
    assert_int_equal(map.n_clusters, 3);
    assert_float_equal(map.quality, 0.0, 0.0);
    jk_map_release(&map);
}

/*
 * Unconnected cliques of 3, 5 and 4 terms, in that term order, are numbered
 * largest first. Two cliques of 4, {t1..t4} and {t0,t5,t6,t7}: the one with t0
 * is number 1.
 */
static void test_numbering_largest_first(void **state)
{
    (void)state;
    static const uint32_t c3[] = {0, 1, 2}, c5[] = {3, 4, 5, 6, 7}, c4[] = {8, 9, 10, 11};
    static const uint32_t x[] = {1, 2, 3, 4}, y[] = {0, 5, 6, 7};
    struct edge e[32];
    size_t n = 0;
    add_clique(e, &n, c3, 3, 3);
    add_clique(e, &n, c5, 5, 3);
    add_clique(e, &n, c4, 4, 3);
    struct jk_map map;
    cluster_new(&map, 12, e, n, false, 1);
    const uint32_t by_size[] = {3, 3, 3, 1, 1, 1, 1, 1, 2, 2, 2, 2};
    assert_int_equal(map.n_clusters, 3);
    assert_clusters(&map, by_size);
    jk_map_release(&map);

    n = 0;
    add_clique(e, &n, x, 4, 3);
    add_clique(e, &n, y, 4, 3);
    cluster_new(&map, 8, e, n, false, 1);
    const uint32_t tie[] = {1, 2, 2, 2, 2, 1, 1, 1};
    assert_clusters(&map, tie);
    jk_map_release(&map);
}

/*
 * t0 and t4 have no links; t1-t3 form a triangle (3 per pair) and t5-t6 a pair
 * (5). Clusters: triangle 1, pair 2, then the isolated terms in term order,
 * also with a minimum size of 3 (nothing has links to merge along).
 * m = 9 + 5 = 14; Q = (2*14 - (9 + 4 + 1 + 1)) / 28 = 13/28.
 */
static void test_isolated_terms_get_own_clusters_last(void **state)
{
    (void)state;
    static const struct edge e[] = {{1, 2, 3}, {1, 3, 3}, {2, 3, 3}, {5, 6, 5}};
    const uint32_t expected[] = {3, 1, 1, 1, 4, 2, 2};
    for (unsigned min_size = 1; min_size <= 3; min_size += 2) {
        struct jk_map map;
        cluster_new(&map, 7, e, N_EDGES(e), false, min_size);
        assert_int_equal(map.n_clusters, 4);
        assert_clusters(&map, expected);
        assert_float_equal(map.quality, 13.0 / 28.0, 1e-12);
        jk_map_release(&map);
    }
}

static void test_no_links_and_no_terms(void **state)
{
    (void)state;
    struct jk_map map;
    cluster_new(&map, 3, NULL, 0, false, 1);
    const uint32_t expected[] = {1, 2, 3};
    assert_int_equal(map.n_clusters, 3);
    assert_clusters(&map, expected);
    assert_float_equal(map.quality, 0.0, 0.0);
    jk_map_release(&map);

    cluster_new(&map, 0, NULL, 0, false, 1);
    assert_int_equal(map.n_clusters, 0);
    assert_float_equal(map.quality, 0.0, 0.0);
    jk_map_release(&map);
}

/* Resolution 0 joins each connected component; a huge one splits every term off. */
static void test_resolution_extremes(void **state)
{
    (void)state;
    struct jk_map map;
    struct jk_cluster_options opt;
    jk_cluster_options_default(&opt);
    make_map(&map, 8, two_cliques, N_EDGES(two_cliques), true);
    opt.resolution = 0.0;
    run(&map, &opt);
    assert_int_equal(map.n_clusters, 1);
    opt.resolution = 1000.0;
    run(&map, &opt);
    assert_int_equal(map.n_clusters, 8);
    jk_map_release(&map);
}

static void expect_usage(const struct jk_cluster_options *opt, const char *hint)
{
    struct jk_map map;
    struct jk_diag diag;
    make_map(&map, 8, two_cliques, N_EDGES(two_cliques), true);
    jk_diag_init(&diag);
    assert_int_equal(jk_cluster(&map, opt, &diag), JK_E_USAGE);
    assert_int_equal(diag.status, JK_E_USAGE);
    if (!strstr(diag.msg, hint))
        fail_msg("message \"%s\" does not mention \"%s\"", diag.msg, hint);
    assert_int_equal(map.n_clusters, 0);
    assert_int_equal(map.terms[0].cluster, 0);
    jk_map_release(&map);
}

static void test_invalid_options(void **state)
{
    (void)state;
    struct jk_cluster_options opt;
    const double bad_resolution[] = {-1.0, NAN, INFINITY};
    for (size_t i = 0; i < 3; i++) {
        jk_cluster_options_default(&opt);
        opt.resolution = bad_resolution[i];
        expect_usage(&opt, "The resolution must be a non-negative number, e.g. --resolution 1");
    }
    jk_cluster_options_default(&opt);
    opt.starts = 0;
    expect_usage(&opt, "--starts 10");
    jk_cluster_options_default(&opt);
    opt.iterations = 0;
    expect_usage(&opt, "--iterations 10");
    const double bad_randomness[] = {0.0, -0.01, NAN, INFINITY};
    for (size_t i = 0; i < 4; i++) {
        jk_cluster_options_default(&opt);
        opt.randomness = bad_randomness[i];
        expect_usage(&opt, "--randomness 0.01");
    }
}

/* A link to a term that does not exist: an error, not an abort, with either engine. */
static void test_igraph_error_is_internal(void **state)
{
    (void)state;
    static const struct edge e[] = {{0, 1, 1}, {1, 7, 1}};
    struct jk_map map;
    struct jk_cluster_options opt;
    struct jk_diag diag;
    make_map(&map, 3, e, N_EDGES(e), false);
    jk_cluster_options_default(&opt);
    jk_diag_init(&diag);
    assert_int_equal(jk_cluster(&map, &opt, &diag), JK_E_INTERNAL);
    assert_non_null(strstr(diag.msg, "Clustering the term network failed inside igraph"));
    /* The compact engine checks the links itself, before building its rows. */
    opt.engine = JK_LEIDEN_COMPACT;
    jk_diag_init(&diag);
    assert_int_equal(jk_cluster(&map, &opt, &diag), JK_E_INTERNAL);
    assert_non_null(strstr(diag.msg, "link 2 joins terms 1 and 7 of a map of 3 terms"));
    jk_map_release(&map);
}

/*
 * The compact engine against igraph's, 10 starts each: the same clusters on
 * the planted topics (where every start of either finds them), and on maps
 * where the starts disagree a best quality within 0.2 % of igraph's (on
 * these maps it was +0.45 % on the sparse one, -0.01 % on the small one).
 */
static void test_compact_engine_as_good_as_igraph(void **state)
{
    (void)state;
    static void (*const makers[])(struct jk_map *) = {make_planted_map, make_sparse_map,
                                                      make_random_map};
    for (size_t k = 0; k < 3; k++) {
        struct jk_map by_igraph, compact;
        struct jk_cluster_options opt;
        jk_cluster_options_default(&opt);
        makers[k](&by_igraph);
        makers[k](&compact);
        opt.engine = JK_LEIDEN_IGRAPH;
        run(&by_igraph, &opt);
        opt.engine = JK_LEIDEN_COMPACT;
        run(&compact, &opt);
        if (k == 0)
            assert_true(same_clusters(&by_igraph, &compact));
        if (compact.quality < by_igraph.quality - 0.002 * fabs(by_igraph.quality))
            fail_msg("map %zu: quality %.9f against igraph's %.9f", k, compact.quality,
                     by_igraph.quality);
        jk_map_release(&by_igraph);
        jk_map_release(&compact);
    }
}

/* Which engine runs: igraph's below JK_CLUSTER_COMPACT_LINKS links, unless one is asked for. */
static void test_engine_choice(void **state)
{
    (void)state;
    struct jk_cluster_options opt;
    jk_cluster_options_default(&opt);
    assert_int_equal(opt.engine, JK_LEIDEN_AUTO);
    struct jk_map map;
    jk_map_init(&map);
    map.n_links = JK_CLUSTER_COMPACT_LINKS - 1;
    assert_false(jk_cluster_uses_compact(&map, &opt));
    opt.engine = JK_LEIDEN_COMPACT;
    assert_true(jk_cluster_uses_compact(&map, &opt));
    map.n_links = JK_CLUSTER_COMPACT_LINKS;
    opt.engine = JK_LEIDEN_AUTO;
    assert_true(jk_cluster_uses_compact(&map, &opt));
    opt.engine = JK_LEIDEN_IGRAPH;
    assert_false(jk_cluster_uses_compact(&map, &opt));
}

int main(void)
{
    const struct CMUnitTest tests[] = {

        cmocka_unit_test(test_two_cliques_give_two_clusters),
        cmocka_unit_test(test_quality_matches_python_igraph),
        cmocka_unit_test(test_same_seed_same_clusters),
        cmocka_unit_test(test_more_starts_never_worse),
        cmocka_unit_test(test_starts_seeded_by_index),
        cmocka_unit_test(test_threads_give_same_clusters),
        cmocka_unit_test(test_threads_give_same_clusters_compact),
        cmocka_unit_test(test_compact_engine_as_good_as_igraph),
        cmocka_unit_test(test_engine_choice),
        cmocka_unit_test(test_fork_beside_idle_threads),
        cmocka_unit_test(test_on_started_once_in_caller),
        cmocka_unit_test(test_iterations_stop_when_stable),
        cmocka_unit_test(test_cluster_count_stable_over_seeds),
        cmocka_unit_test(test_min_cluster_size_merges_appendix),
        cmocka_unit_test(test_merge_target_divides_by_cluster_size),
        cmocka_unit_test(test_modularity_two_cliques),
        cmocka_unit_test(test_modularity_merge_divides_by_strength),
        cmocka_unit_test(test_modularity_no_links),
        cmocka_unit_test(test_numbering_largest_first),
        cmocka_unit_test(test_isolated_terms_get_own_clusters_last),
        cmocka_unit_test(test_no_links_and_no_terms),
        cmocka_unit_test(test_resolution_extremes),
        cmocka_unit_test(test_invalid_options),
        cmocka_unit_test(test_igraph_error_is_internal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
