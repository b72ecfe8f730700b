/*
 * Clustering stage: Leiden on CPM through igraph, best of several random
 * starts, then VOSviewer's merge of small clusters, largest-first numbering
 * and the CPM quality of the final clustering (see cluster.h). Node weights
 * are 1, or total link strengths for the modularity variant.
 */
#include "cluster.h"

#include <igraph.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/igraph_glue.h"
#include "util/mem.h"

void jk_cluster_options_default(struct jk_cluster_options *o)
{
    o->resolution = 1.0;
    o->starts = 10;
    o->iterations = 10;
    o->randomness = 0.01;
    o->seed = 0;
    o->min_cluster_size = 1;
    o->strength_weights = false;
}

static enum jk_status check_options(const struct jk_cluster_options *o, struct jk_diag *diag)
{
    /* Written as !(x >= 0) so that NaN is rejected too. */
    if (!(o->resolution >= 0.0) || isinf(o->resolution))
        return jk_error(diag, JK_E_USAGE,
                        "The resolution must be a non-negative number, e.g. --resolution 1 "
                        "(it was %g)",
                        o->resolution);
    if (o->starts < 1)
        return jk_error(diag, JK_E_USAGE,
                        "The number of random starts must be at least 1, e.g. --starts 10");
    /*
     * No "until stable" (-1): igraph 0.10.2 tests that loop the wrong way round,
     * so it stops after the first iteration that changes anything and never stops
     * on a network without links. 0 would leave igraph's outputs unset.
     */
    if (o->iterations < 1)
        return jk_error(diag, JK_E_USAGE,
                        "The number of iterations must be at least 1, e.g. --iterations 10");
    if (!(o->randomness > 0.0) || isinf(o->randomness))
        return jk_error(diag, JK_E_USAGE,
                        "The randomness must be a positive number, e.g. --randomness 0.01 "
                        "(it was %g)",
                        o->randomness);
    return JK_OK;
}

/* Node weights w_i and the resolution r handed to igraph (see cluster.h). */
struct weighting {
    double *w; /* n_terms weights */
    double r;
};

static void weighting_init(struct weighting *wt, const struct jk_map *map,
                           const struct jk_cluster_options *opt)
{
    double total = 0.0;
    wt->w = jk_malloc((map->n_terms ? map->n_terms : 1) * sizeof(*wt->w));
    for (size_t i = 0; i < map->n_terms; i++) {
        wt->w[i] = opt->strength_weights ? (double)map->terms[i].total_link_strength : 1.0;
        total += wt->w[i];
    }
    wt->r = opt->strength_weights && total > 0.0 ? opt->resolution / total : opt->resolution;
}

/* See cluster.h: Q = (2 * W_in - r * sum_c s_c^2) / (2m); labels of cl are < n_terms. */
static double cpm_quality(const struct jk_map *map, const uint32_t *cl, const struct weighting *wt)
{
    double m = 0.0, inside = 0.0, squares = 0.0;
    for (size_t k = 0; k < map->n_links; k++) {
        const struct jk_link *l = &map->links[k];
        m += l->association;
        if (cl[l->source] == cl[l->target])
            inside += l->association;
    }
    if (!(m > 0.0))
        return 0.0;
    double *size = jk_calloc(map->n_terms, sizeof(*size));
    for (size_t i = 0; i < map->n_terms; i++)
        size[cl[i]] += wt->w[i];
    for (size_t c = 0; c < map->n_terms; c++)
        squares += size[c] * size[c];
    free(size);
    return (2.0 * inside - wt->r * squares) / (2.0 * m);
}

/* The igraph objects of one jk_cluster call; ready counts those initialised. */
struct leiden_ws {
    igraph_vector_t edge_weights;
    igraph_vector_t node_weights;
    igraph_vector_int_t membership;
    igraph_t graph;
    int ready;
};

static igraph_error_t make_graph(igraph_t *graph, const struct jk_map *map)
{
    igraph_vector_int_t edges;
    igraph_error_t err = igraph_vector_int_init(&edges, 2 * (igraph_integer_t)map->n_links);
    if (err != IGRAPH_SUCCESS)
        return err;
    for (size_t k = 0; k < map->n_links; k++) {
        VECTOR(edges)[2 * k] = (igraph_integer_t)map->links[k].source;
        VECTOR(edges)[2 * k + 1] = (igraph_integer_t)map->links[k].target;
    }
    /* Not igraph_create: it would silently add vertices for out-of-range ids. */
    err = igraph_empty(graph, (igraph_integer_t)map->n_terms, IGRAPH_UNDIRECTED);
    if (err == IGRAPH_SUCCESS) {
        err = igraph_add_edges(graph, &edges, NULL);
        if (err != IGRAPH_SUCCESS)
            igraph_destroy(graph);
    }
    igraph_vector_int_destroy(&edges);
    return err;
}

/* On failure ws is partly initialised; leiden_ws_release frees what exists. */
static igraph_error_t leiden_ws_init(struct leiden_ws *ws, const struct jk_map *map,
                                     const struct weighting *wt)
{
    igraph_error_t err;
    ws->ready = 0;
    if ((err = igraph_vector_init(&ws->edge_weights, (igraph_integer_t)map->n_links)))
        return err;
    ws->ready++;
    for (size_t k = 0; k < map->n_links; k++)
        VECTOR(ws->edge_weights)[k] = map->links[k].association;
    if ((err = igraph_vector_init(&ws->node_weights, (igraph_integer_t)map->n_terms)))
        return err;
    ws->ready++;
    for (size_t i = 0; i < map->n_terms; i++)
        VECTOR(ws->node_weights)[i] = wt->w[i];
    if ((err = igraph_vector_int_init(&ws->membership, (igraph_integer_t)map->n_terms)))
        return err;
    ws->ready++;
    if ((err = make_graph(&ws->graph, map)))
        return err;
    ws->ready++;
    return IGRAPH_SUCCESS;
}

static void leiden_ws_release(struct leiden_ws *ws)
{
    if (ws->ready > 3)
        igraph_destroy(&ws->graph);
    if (ws->ready > 2)
        igraph_vector_int_destroy(&ws->membership);
    if (ws->ready > 1)
        igraph_vector_destroy(&ws->node_weights);
    if (ws->ready > 0)
        igraph_vector_destroy(&ws->edge_weights);
    ws->ready = 0;
}

/*
 * One start: Leiden from singletons, one iteration at a time, until an
 * iteration changes nothing or opt->iterations have run (a stable partition
 * stays stable, so the remaining iterations would only cost time: on a
 * 5,000-term map most starts settle after two or three).
 */
static igraph_error_t leiden_start(struct leiden_ws *ws, const struct jk_cluster_options *opt,
                                   const struct weighting *wt, uint32_t *cand, size_t n)
{
    igraph_integer_t n_found;
    igraph_error_t err = IGRAPH_SUCCESS;
    for (unsigned it = 0; it < opt->iterations && err == IGRAPH_SUCCESS; it++) {
        /* quality NULL: igraph's divides by 2m, which is 0 without links. */
        err = igraph_community_leiden(&ws->graph, &ws->edge_weights, &ws->node_weights, wt->r,
                                      opt->randomness, it > 0, 1, &ws->membership, &n_found, NULL);
        bool changed = it == 0;
        for (size_t i = 0; i < n && err == IGRAPH_SUCCESS; i++) {
            uint32_t c = (uint32_t)VECTOR(ws->membership)[i];
            changed |= c != cand[i];
            cand[i] = c;
        }
        if (!changed)
            break;
    }
    return err;
}

/*
 * Seeds the RNG once, then runs Leiden from singletons opt->starts times;
 * best receives the first membership of strictly highest quality. The starts
 * differ because each consumes the RNG stream (node order, refinement).
 */
static igraph_error_t best_of_starts(struct leiden_ws *ws, const struct jk_map *map,
                                     const struct jk_cluster_options *opt,
                                     const struct weighting *wt, uint32_t *best)
{
    size_t n = map->n_terms;
    double best_q = 0.0;
    igraph_error_t err = igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)opt->seed);
    uint32_t *cand = jk_malloc(n * sizeof(*cand));
    for (unsigned s = 0; s < opt->starts && err == IGRAPH_SUCCESS; s++) {
        err = leiden_start(ws, opt, wt, cand, n);
        if (err != IGRAPH_SUCCESS)
            break;
        double q = cpm_quality(map, cand, wt);
        if (s == 0 || q > best_q) {
            best_q = q;
            memcpy(best, cand, n * sizeof(*best));
        }
    }
    free(cand);
    return err;
}

struct cluster_rank {
    uint32_t label;
    uint32_t size;
    uint32_t first; /* smallest term index in the cluster */
};

static int rank_cmp(const void *a, const void *b)
{
    const struct cluster_rank *x = a, *y = b;
    if (x->size != y->size)
        return x->size > y->size ? -1 : 1;
    return (x->first > y->first) - (x->first < y->first);
}

/*
 * Relabels cl (n labels, each < n) to 0..K-1: most terms first, equal sizes
 * by smallest term index (a total order, so qsort's instability is harmless).
 * Returns K.
 */
static size_t renumber(uint32_t *cl, size_t n)
{
    struct cluster_rank *r = jk_malloc(n * sizeof(*r));
    uint32_t *to = jk_malloc(n * sizeof(*to));
    for (size_t c = 0; c < n; c++)
        r[c] = (struct cluster_rank){(uint32_t)c, 0, UINT32_MAX};
    for (size_t i = 0; i < n; i++) {
        if (r[cl[i]].size++ == 0)
            r[cl[i]].first = (uint32_t)i;
    }
    size_t k = 0;
    for (size_t c = 0; c < n; c++)
        if (r[c].size > 0)
            r[k++] = r[c];
    qsort(r, k, sizeof(*r), rank_cmp);
    for (size_t j = 0; j < k; j++)
        to[r[j].label] = (uint32_t)j;
    for (size_t i = 0; i < n; i++)
        cl[i] = to[cl[i]];
    free(r);
    free(to);
    return k;
}

/*
 * The smallest mergeable cluster below min_size terms (lowest label on ties),
 * or k if none. "Small" counts terms whatever the node weights.
 */
static size_t smallest_small(const uint32_t *size, const unsigned char *stuck, size_t k,
                             unsigned min_size)
{
    size_t best = k;
    for (size_t c = 0; c < k; c++)
        if (size[c] > 0 && size[c] < min_size && !stuck[c] && (best == k || size[c] < size[best]))
            best = c;
    return best;
}

/*
 * The cluster j != c maximising (association between c and j) / weight[j]
 * (the total node weight of j), lowest label on ties, or k when c has no link
 * leaving it. w_to is k zeros on entry and on return.
 */
static size_t merge_target(const struct jk_map *map, const uint32_t *cl, const double *weight,
                           size_t k, size_t c, double *w_to)
{
    for (size_t e = 0; e < map->n_links; e++) {
        uint32_t a = cl[map->links[e].source], b = cl[map->links[e].target];
        if (a == c && b != c)
            w_to[b] += map->links[e].association;
        else if (b == c && a != c)
            w_to[a] += map->links[e].association;
    }
    size_t best = k;
    double best_ratio = 0.0;
    for (size_t j = 0; j < k; j++) {
        /* w_to[j] > 0 implies a linked term in j, so weight[j] > 0 unless stats are stale. */
        if (w_to[j] > 0.0 && weight[j] > 0.0 && w_to[j] / weight[j] > best_ratio) {
            best = j;
            best_ratio = w_to[j] / weight[j];
        }
        w_to[j] = 0.0;
    }
    return best;
}

/*
 * VOSviewer's "merge small clusters" on labels 0..k-1 of cl (see cluster.h).
 * Each step costs O(n_terms + n_links + k); there are at most k steps.
 */
static void merge_small(const struct jk_map *map, uint32_t *cl, size_t k, unsigned min_size,
                        const struct weighting *wt)
{
    uint32_t *size = jk_calloc(k, sizeof(*size));
    double *weight = jk_calloc(k, sizeof(*weight));
    unsigned char *stuck = jk_calloc(k, 1);
    double *w_to = jk_calloc(k, sizeof(*w_to));
    for (size_t i = 0; i < map->n_terms; i++) {
        size[cl[i]]++;
        weight[cl[i]] += wt->w[i];
    }
    size_t c;
    while ((c = smallest_small(size, stuck, k, min_size)) < k) {
        size_t j = merge_target(map, cl, weight, k, c, w_to);
        if (j == k) {
            stuck[c] = 1;
            continue;
        }
        for (size_t i = 0; i < map->n_terms; i++)
            if (cl[i] == c)
                cl[i] = (uint32_t)j;
        size[j] += size[c];
        size[c] = 0;
        weight[j] += weight[c];
        weight[c] = 0.0;
    }
    free(size);
    free(weight);
    free(stuck);
    free(w_to);
}

enum jk_status jk_cluster(struct jk_map *map, const struct jk_cluster_options *opt,
                          struct jk_diag *diag)
{
    enum jk_status status = check_options(opt, diag);
    if (status != JK_OK)
        return status;
    if (map->n_terms == 0) {
        map->n_clusters = 0;
        map->quality = 0.0;
        return JK_OK;
    }
    jk_igraph_setup();
    struct leiden_ws ws;
    struct weighting wt;
    weighting_init(&wt, map, opt);
    uint32_t *cl = jk_malloc(map->n_terms * sizeof(*cl));
    igraph_error_t err = leiden_ws_init(&ws, map, &wt);
    if (err == IGRAPH_SUCCESS)
        err = best_of_starts(&ws, map, opt, &wt, cl);
    status = jk_igraph_status(err, diag, "Clustering the term network");
    if (status != JK_OK)
        goto out;

    size_t k = renumber(cl, map->n_terms);
    if (opt->min_cluster_size > 1) {
        merge_small(map, cl, k, opt->min_cluster_size, &wt);
        k = renumber(cl, map->n_terms);
    }
    for (size_t i = 0; i < map->n_terms; i++)
        map->terms[i].cluster = cl[i] + 1;
    map->n_clusters = k;
    map->quality = cpm_quality(map, cl, &wt);
out:
    leiden_ws_release(&ws);
    free(wt.w);
    free(cl);
    return status;
}
