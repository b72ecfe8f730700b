/*
 * Clustering stage: Leiden on CPM through igraph, best of several random
 * starts, then VOSviewer's merge of small clusters, largest-first numbering
 * and the CPM quality of the final clustering (see cluster.h). Node weights
 * are 1, or total link strengths for the modularity variant.
 */
/* MAP_ANONYMOUS is not in POSIX.1-2008. */
#define _DEFAULT_SOURCE

#include "cluster.h"

#include <errno.h>
#include <igraph.h>
#include <math.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "leiden.h"
#include "util/igraph_glue.h"
#include "util/mem.h"
#include "util/splitmix.h"

void jk_cluster_options_default(struct jk_cluster_options *o)
{
    o->resolution = 1.0;
    o->starts = 10;
    o->iterations = 10;
    o->randomness = 0.01;
    o->seed = 0;
    o->min_cluster_size = 1;
    o->strength_weights = false;
    o->threads = 0;
    o->engine = JK_LEIDEN_AUTO;
    o->on_started = NULL;
    o->on_started_ctx = NULL;
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

/*
 * See cluster.h: Q = (2 * W_in - r * sum_c s_c^2) / (2m); labels of cl are
 * < n_terms. size is scratch space for n_terms doubles (no allocation here:
 * a helper process calls it).
 */
static double cpm_quality(const struct jk_map *map, const uint32_t *cl, const struct weighting *wt,
                          double *size)
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
    memset(size, 0, map->n_terms * sizeof(*size));
    for (size_t i = 0; i < map->n_terms; i++)
        size[cl[i]] += wt->w[i];
    for (size_t c = 0; c < map->n_terms; c++)
        squares += size[c] * size[c];
    return (2.0 * inside - wt->r * squares) / (2.0 * m);
}

/*
 * The graph of one jk_cluster call: igraph's objects, or with compact the
 * rows of leiden.h only; ready counts the igraph objects initialised.
 */
struct leiden_ws {
    bool compact;
    struct jk_leiden_graph rows;
    igraph_vector_t edge_weights;
    igraph_vector_t node_weights;
    igraph_vector_int_t membership;
    igraph_t graph;
    int ready;
};

bool jk_cluster_uses_compact(const struct jk_map *map, const struct jk_cluster_options *opt)
{
    if (opt->engine == JK_LEIDEN_AUTO)
        return map->n_links >= JK_CLUSTER_COMPACT_LINKS;
    return opt->engine == JK_LEIDEN_COMPACT;
}

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
                                     const struct weighting *wt, bool compact)
{
    igraph_error_t err;
    ws->ready = 0;
    ws->compact = compact;
    if (compact) {
        jk_leiden_graph_init(&ws->rows, map->n_terms, map->links, map->n_links, wt->w);
        return IGRAPH_SUCCESS;
    }
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
    if (ws->compact)
        jk_leiden_graph_release(&ws->rows);
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

/* One start on leiden.h's rows, as leiden_start. */
static void compact_start(const struct leiden_ws *ws, const struct jk_cluster_options *opt,
                          const struct weighting *wt, uint64_t seed, uint32_t *cand, size_t n)
{
    struct jk_leiden_rng rng = {seed};
    for (size_t i = 0; i < n; i++)
        cand[i] = (uint32_t)i;
    for (unsigned it = 0; it < opt->iterations; it++)
        if (!jk_leiden_iterate(&ws->rows, wt->r, opt->randomness, &rng, cand) && it > 0)
            break;
}

/*
 * One start: Leiden from singletons, one iteration at a time, until an
 * iteration changes nothing or opt->iterations have run (a stable partition
 * stays stable, so the remaining iterations would only cost time: on a
 * 5,000-term map most starts settle after two or three). seed: igraph's
 * default RNG's, or the rows' own generator's.
 */
static igraph_error_t leiden_start(struct leiden_ws *ws, const struct jk_cluster_options *opt,
                                   const struct weighting *wt, uint64_t seed, uint32_t *cand,
                                   size_t n)
{
    if (ws->compact) {
        compact_start(ws, opt, wt, seed, cand, n);
        return IGRAPH_SUCCESS;
    }
    igraph_integer_t n_found;
    igraph_error_t err = igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
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
 * The seed of start s: output s + 1 of splitmix64 seeded with seed (Steele,
 * Lea and Flood 2014), so every start has its own well-mixed 64-bit seed
 * that depends on nothing but (seed, s).
 */
static uint64_t start_seed(unsigned long seed, unsigned s)
{
    uint64_t state = (uint64_t)seed + (uint64_t)s * JK_SPLITMIX64_GAMMA;
    return jk_splitmix64(&state);
}

/*
 * The starts one process runs, k, k + P, k + 2P, ... for slot k of P: how
 * many it completed and the best so far. Written so that a process killed at
 * any instruction leaves a consistent record: buffer `progress % 2` holds the
 * best and is not written again until a later start is better and has been
 * written to the other buffer; progress is stored last, with release order.
 */
/* Helpers share the slots through a mapping: progress must not hide a lock. */
_Static_assert(ATOMIC_INT_LOCK_FREE == 2, "atomic_uint is lock-free");

struct start_slot {
    atomic_uint progress; /* 2 * completed starts + the buffer holding the best */
    unsigned start[2];    /* start index of each buffer's membership */
    double quality[2];
    uint32_t *member[2]; /* n_terms labels each, in the same allocation as the slot */
};

/* The starts of one jk_cluster call, spread over n_procs slots (processes). */
struct starts {
    const struct jk_map *map;
    const struct jk_cluster_options *opt;
    const struct weighting *wt;
    struct leiden_ws *ws;
    double *scratch; /* n_terms doubles for cpm_quality */
    unsigned n_procs;
    struct start_slot *slot; /* n_procs slots, then their memberships */
    size_t bytes;
    bool shared; /* slot is a MAP_SHARED mapping, else jk_calloc'd */
};

/* Processes for the starts: 1 below JK_CLUSTER_FORK_LINKS, else min(threads, starts). */
static unsigned process_count(const struct jk_map *map, const struct jk_cluster_options *opt)
{
    if (map->n_links < JK_CLUSTER_FORK_LINKS)
        return 1;
    long n = opt->threads ? (long)opt->threads : sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return 1;
    return (unsigned long)n < opt->starts ? (unsigned)n : opt->starts;
}

/* Allocates st->slot for st->n_procs slots: shared when more than one, which may fall back to 1. */
static void starts_alloc(struct starts *st)
{
    size_t n = st->map->n_terms;
    size_t head = (st->n_procs * sizeof(struct start_slot) + 7) / 8 * 8;
    st->bytes = head + st->n_procs * 2 * n * sizeof(uint32_t);
    st->shared = false;
    if (st->n_procs > 1) {
        void *p = mmap(NULL, st->bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        st->shared = p != MAP_FAILED;
        st->slot = st->shared ? p : NULL;
    }
    if (!st->shared) {
        st->n_procs = 1;
        st->bytes = head + 2 * n * sizeof(uint32_t);
        st->slot = jk_calloc(1, st->bytes);
    }
    uint32_t *labels = (uint32_t *)((char *)st->slot + head);
    for (unsigned k = 0; k < st->n_procs; k++) {
        atomic_init(&st->slot[k].progress, 0);
        st->slot[k].member[0] = labels + (2 * (size_t)k) * n;
        st->slot[k].member[1] = labels + (2 * (size_t)k + 1) * n;
    }
}

static void starts_free(struct starts *st)
{
    if (st->shared)
        munmap(st->slot, st->bytes);
    else
        free(st->slot);
}

/*
 * Runs the starts of slot k that it has not completed yet; the parent calls
 * it again for a helper's slot to finish what the helper left undone. Only
 * igraph and the preallocated buffers: safe in a child of a threaded process.
 */
static igraph_error_t run_slot(struct starts *st, unsigned k)
{
    const struct jk_cluster_options *opt = st->opt;
    struct start_slot *sl = &st->slot[k];
    unsigned progress = atomic_load_explicit(&sl->progress, memory_order_acquire);
    igraph_error_t err = IGRAPH_SUCCESS;
    for (unsigned s = k + progress / 2 * st->n_procs; s < opt->starts; s += st->n_procs) {
        unsigned best = progress % 2, spare = 1 - best;
        err = leiden_start(st->ws, opt, st->wt, start_seed(opt->seed, s), sl->member[spare],
                           st->map->n_terms);
        if (err != IGRAPH_SUCCESS)
            break;
        double q = cpm_quality(st->map, sl->member[spare], st->wt, st->scratch);
        if (progress < 2 || q > sl->quality[best]) {
            sl->quality[spare] = q;
            sl->start[spare] = s;
            best = spare;
        }
        progress = progress / 2 * 2 + 2 + best;
        atomic_store_explicit(&sl->progress, progress, memory_order_release);
    }
    return err;
}

/*
 * A helper process: runs slot k and ends with _exit, never returning. Default
 * SIGINT and SIGTERM, so that an interrupt ends it quietly and the parent's
 * handler alone reports it; on Linux it also ends when the parent dies.
 */
static _Noreturn void helper(struct starts *st, unsigned k, pid_t parent)
{
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    if (getppid() == parent)
        (void)run_slot(st, k);
    _exit(0);
}

/*
 * Forks a helper for each slot but 0, runs slot 0, waits for every helper,
 * then finishes any slot a helper left undone (fork failure, crash, kill)
 * itself, so the outcome never depends on the helpers.
 */
static igraph_error_t run_slots(struct starts *st)
{
    pid_t parent = getpid();
    pid_t *pid = jk_calloc(st->n_procs, sizeof(*pid));
    for (unsigned k = 1; k < st->n_procs; k++) {
        pid[k] = fork();
        if (pid[k] == 0)
            helper(st, k, parent);
    }
    if (st->opt->on_started)
        st->opt->on_started(st->opt->on_started_ctx);
    igraph_error_t err = run_slot(st, 0);
    for (unsigned k = 1; k < st->n_procs; k++)
        while (pid[k] > 0 && waitpid(pid[k], NULL, 0) < 0 && errno == EINTR)
            ;
    for (unsigned k = 1; k < st->n_procs && err == IGRAPH_SUCCESS; k++)
        err = run_slot(st, k);
    free(pid);
    return err;
}

/*
 * The membership of the first start of strictly highest quality, in start
 * order, once every slot is complete: each slot holds the first best of its
 * own starts, so the highest quality wins and equal ones go to the lower start.
 */
static const uint32_t *winner(const struct starts *st)
{
    const uint32_t *member = NULL;
    double best_q = 0.0;
    unsigned best_s = 0;
    for (unsigned k = 0; k < st->n_procs; k++) {
        const struct start_slot *sl = &st->slot[k];
        unsigned b = atomic_load_explicit(&sl->progress, memory_order_acquire) % 2;
        if (!member || sl->quality[b] > best_q ||
            (sl->quality[b] == best_q && sl->start[b] < best_s)) {
            member = sl->member[b];
            best_q = sl->quality[b];
            best_s = sl->start[b];
        }
    }
    return member;
}

/*
 * Runs Leiden from singletons opt->starts times, reseeding igraph's RNG with
 * start_seed before each, on several processes for a large map; best
 * receives the first membership of strictly highest quality (in start order).
 */
static igraph_error_t best_of_starts(struct leiden_ws *ws, const struct jk_map *map,
                                     const struct jk_cluster_options *opt,
                                     const struct weighting *wt, uint32_t *best)
{
    struct starts st = {
        .map = map, .opt = opt, .wt = wt, .ws = ws, .n_procs = process_count(map, opt)};
    st.scratch = jk_malloc(map->n_terms * sizeof(*st.scratch));
    starts_alloc(&st);
    igraph_error_t err = run_slots(&st);
    if (err == IGRAPH_SUCCESS)
        memcpy(best, winner(&st), map->n_terms * sizeof(*best));
    starts_free(&st);
    free(st.scratch);
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

/* What igraph checks for its own engine: every link joins two terms of the map. */
static enum jk_status check_links(const struct jk_map *map, struct jk_diag *diag)
{
    size_t k = jk_map_bad_link(map);
    if (k == map->n_links)
        return JK_OK;
    const struct jk_link *l = &map->links[k];
    return jk_error(diag, JK_E_INTERNAL,
                    "Clustering the term network failed: link %zu joins terms %u and %u of a map "
                    "of %zu terms; please report this as a bug with the input that caused it",
                    k + 1, l->source, l->target, map->n_terms);
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
    bool compact = jk_cluster_uses_compact(map, opt);
    if (compact && (status = check_links(map, diag)) != JK_OK)
        return status;
    jk_igraph_setup();
    struct leiden_ws ws;
    struct weighting wt;
    weighting_init(&wt, map, opt);
    uint32_t *cl = jk_malloc(map->n_terms * sizeof(*cl));
    igraph_error_t err = leiden_ws_init(&ws, map, &wt, compact);
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
    double *scratch = jk_malloc(map->n_terms * sizeof(*scratch));
    map->quality = cpm_quality(map, cl, &wt, scratch);
    free(scratch);
out:
    leiden_ws_release(&ws);
    free(wt.w);
    free(cl);
    return status;
}
