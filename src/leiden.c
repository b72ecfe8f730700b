/*
 * Leiden on CPM over rows of neighbours (see leiden.h). Cluster labels of a
 * graph of n nodes are < n throughout, so every per-cluster array has n
 * entries and no table is needed.
 */
#include "leiden.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"
#include "util/splitmix.h"

void jk_leiden_graph_init(struct jk_leiden_graph *g, size_t n, const struct jk_link *links,
                          size_t n_links, const double *node_w)
{
    g->n = n;
    g->row = jk_calloc(n + 1, sizeof(*g->row));
    for (size_t k = 0; k < n_links; k++) {
        if (links[k].source == links[k].target)
            continue;
        g->row[links[k].source + 1]++;
        g->row[links[k].target + 1]++;
    }
    for (size_t v = 0; v < n; v++)
        g->row[v + 1] += g->row[v];
    size_t entries = g->row[n] ? g->row[n] : 1;
    g->nbr = jk_malloc(entries * sizeof(*g->nbr));
    g->w = jk_malloc(entries * sizeof(*g->w));
    /* Rows are read in a random order: one address-cache miss per row on small pages. */
    jk_advise_huge(g->nbr, entries * sizeof(*g->nbr));
    jk_advise_huge(g->w, entries * sizeof(*g->w));
    size_t *next = jk_malloc((n ? n : 1) * sizeof(*next));
    memcpy(next, g->row, n * sizeof(*next));
    /* Links in (source, target) order put each row's neighbours in increasing order. */
    for (size_t k = 0; k < n_links; k++) {
        uint32_t a = links[k].source, b = links[k].target;
        if (a == b)
            continue;
        g->nbr[next[a]] = b;
        g->w[next[a]++] = links[k].association;
        g->nbr[next[b]] = a;
        g->w[next[b]++] = links[k].association;
    }
    free(next);
    g->node_w = jk_malloc((n ? n : 1) * sizeof(*g->node_w));
    memcpy(g->node_w, node_w, n * sizeof(*g->node_w));
}

void jk_leiden_graph_release(struct jk_leiden_graph *g)
{
    free(g->row);
    free(g->nbr);
    free(g->w);
    free(g->node_w);
    memset(g, 0, sizeof(*g));
}

static uint64_t rng_next(struct jk_leiden_rng *rng)
{
    return jk_splitmix64(&rng->state);
}

/* Uniform in [0, bound), bound >= 1, without bias (Lemire 2019). */
static uint32_t rng_below(struct jk_leiden_rng *rng, uint32_t bound)
{
    uint64_t m = (rng_next(rng) >> 32) * bound;
    if ((uint32_t)m < bound) {
        uint32_t floor = (uint32_t)(-bound) % bound;
        while ((uint32_t)m < floor)
            m = (rng_next(rng) >> 32) * bound;
    }
    return (uint32_t)(m >> 32);
}

/* Uniform in [0, 1). */
static double rng_unit(struct jk_leiden_rng *rng)
{
    return jk_splitmix64_unit(&rng->state);
}

static void shuffle(uint32_t *a, size_t n, struct jk_leiden_rng *rng)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = rng_below(rng, (uint32_t)i);
        uint32_t t = a[i - 1];
        a[i - 1] = a[j];
        a[j] = t;
    }
}

/* Labels 0..K-1 by first appearance in node order; returns K. to: n scratch entries. */
static size_t renumber(uint32_t *m, size_t n, uint32_t *to)
{
    size_t k = 0;
    for (size_t c = 0; c < n; c++)
        to[c] = UINT32_MAX;
    for (size_t v = 0; v < n; v++) {
        if (to[m[v]] == UINT32_MAX)
            to[m[v]] = (uint32_t)k++;
        m[v] = to[m[v]];
    }
    return k;
}

/*
 * Weights from a node to the clusters around it: sum[c] for the clusters
 * listed in near[0..k), added[c] set for those. Zero and clear between uses.
 */
struct tally {
    double *sum;
    uint32_t *near;
    unsigned char *added;
    size_t k;
};

static void tally_init(struct tally *t, size_t n)
{
    t->sum = jk_calloc(n ? n : 1, sizeof(*t->sum));
    t->near = jk_malloc((n ? n : 1) * sizeof(*t->near));
    t->added = jk_calloc(n ? n : 1, 1);
    t->k = 0;
}

static void tally_release(struct tally *t)
{
    free(t->sum);
    free(t->near);
    free(t->added);
}

static inline void tally_add(struct tally *restrict t, uint32_t c, double w)
{
    if (!t->added[c]) {
        t->added[c] = 1;
        t->near[t->k++] = c;
    }
    t->sum[c] += w;
}

static void tally_clear(struct tally *t)
{
    for (size_t i = 0; i < t->k; i++) {
        t->sum[t->near[i]] = 0.0;
        t->added[t->near[i]] = 0;
    }
    t->k = 0;
}

/* A FIFO of at most n nodes, each in it at most once (stable[v] == 0 while queued). */
struct queue {
    uint32_t *item;
    unsigned char *stable;
    size_t n, head, count;
};

static void queue_push(struct queue *q, uint32_t v)
{
    size_t at = q->head + q->count;
    q->item[at >= q->n ? at - q->n : at] = v;
    q->count++;
    q->stable[v] = 0;
}

static uint32_t queue_pop(struct queue *q)
{
    uint32_t v = q->item[q->head];
    q->head = q->head + 1 == q->n ? 0 : q->head + 1;
    q->count--;
    q->stable[v] = 1;
    return v;
}

/*
 * Moves node v (already out of its cluster cur, whose weight cw[cur] no
 * longer counts it) to the cluster of greatest gain w(v, c) - w_v * S_c * r
 * among cur, the empty cluster `empty` and v's neighbours' clusters; ties
 * keep the earlier of cur, then the others in the order met.
 */
static uint32_t best_cluster(const struct jk_leiden_graph *g, const uint32_t *m, const double *cw,
                             double r, uint32_t v, uint32_t cur, uint32_t empty, struct tally *t)
{
    double wv = g->node_w[v];
    tally_add(t, empty, 0.0);
    const uint32_t *nbr = g->nbr;
    const double *w = g->w;
    for (size_t j = g->row[v], end = g->row[v + 1]; j < end; j++)
        tally_add(t, m[nbr[j]], w[j]);
    uint32_t best = cur;
    double most = t->sum[cur] - wv * cw[cur] * r;
    for (size_t i = 0; i < t->k; i++) {
        uint32_t c = t->near[i];
        double gain = t->sum[c] - wv * cw[c] * r;
        if (gain > most) {
            most = gain;
            best = c;
        }
    }
    tally_clear(t);
    return best;
}

/* Step 1 (leiden.h): local moving from m; renumbers m and returns the number of clusters. */
static size_t fast_move(const struct jk_leiden_graph *g, uint32_t *m, double r,
                        struct jk_leiden_rng *rng)
{
    size_t n = g->n;
    double *cw = jk_calloc(n, sizeof(*cw));
    uint32_t *size = jk_calloc(n, sizeof(*size));
    uint32_t *empty = jk_malloc(n * sizeof(*empty));
    struct queue q = {jk_malloc(n * sizeof(uint32_t)), jk_calloc(n, 1), n, 0, 0};
    struct tally t;
    tally_init(&t, n);
    for (size_t v = 0; v < n; v++) {
        cw[m[v]] += g->node_w[v];
        size[m[v]]++;
    }
    size_t n_empty = 0;
    for (size_t c = 0; c < n; c++)
        if (size[c] == 0)
            empty[n_empty++] = (uint32_t)c;
    for (size_t v = 0; v < n; v++)
        q.item[v] = (uint32_t)v;
    shuffle(q.item, n, rng);
    q.count = n;
    while (q.count) {
        uint32_t v = queue_pop(&q), cur = m[v];
        cw[cur] -= g->node_w[v];
        if (--size[cur] == 0)
            empty[n_empty++] = cur;
        /* n labels for n nodes: with v out, some label is unused. */
        uint32_t best = best_cluster(g, m, cw, r, v, cur, empty[n_empty - 1], &t);
        cw[best] += g->node_w[v];
        if (size[best]++ == 0)
            n_empty--; /* best was empty: the top of the stack (cur or the offered one) */
        if (best == cur)
            continue;
        m[v] = best;
        for (size_t j = g->row[v]; j < g->row[v + 1]; j++) {
            uint32_t u = g->nbr[j];
            if (q.stable[u] && m[u] != best)
                queue_push(&q, u);
        }
    }
    size_t k = renumber(m, n, empty);
    tally_release(&t);
    free(cw);
    free(size);
    free(empty);
    free(q.item);
    free(q.stable);
    return k;
}

/* The nodes of each cluster in node order: members[first[c]..first[c+1]). */
struct groups {
    size_t *first;
    uint32_t *members;
};

static void groups_init(struct groups *gr, const uint32_t *m, size_t n, size_t k)
{
    gr->first = jk_calloc(k + 1, sizeof(*gr->first));
    gr->members = jk_malloc((n ? n : 1) * sizeof(*gr->members));
    for (size_t v = 0; v < n; v++)
        gr->first[m[v] + 1]++;
    for (size_t c = 0; c < k; c++)
        gr->first[c + 1] += gr->first[c];
    size_t *next = jk_malloc((k ? k : 1) * sizeof(*next));
    memcpy(next, gr->first, k * sizeof(*next));
    for (size_t v = 0; v < n; v++)
        gr->members[next[m[v]]++] = (uint32_t)v;
    free(next);
}

static void groups_release(struct groups *gr)
{
    free(gr->first);
    free(gr->members);
}

/* The refinement's state: subclusters are named by a node of theirs (labels < n). */
struct refine {
    const struct jk_leiden_graph *g;
    const uint32_t *m;     /* the clusters being refined */
    uint32_t *sub;         /* each node's subcluster */
    double *sw;            /* subcluster weights */
    double *ext;           /* weight from a subcluster to the rest of its cluster */
    unsigned char *joined; /* a subcluster some node has joined */
    double *p;             /* choice weights, parallel to the tally's near[] */
    struct tally t;
    double r, beta;
};

/* Whether a subcluster of weight w and weight ext to the rest of its cluster
 * (total weight total) is well connected to it (the paper's gamma-connectivity). */
static bool well_connected(double ext, double w, double total, double r)
{
    return ext >= w * (total - w) * r;
}

/* Picks index i of near[] with probability p[i] / sum; sum > 0. */
static size_t pick(const double *p, size_t k, double sum, struct jk_leiden_rng *rng)
{
    double x = rng_unit(rng) * sum, run = 0.0;
    size_t last = 0;
    for (size_t i = 0; i < k; i++) {
        if (p[i] <= 0.0)
            continue;
        run += p[i];
        last = i;
        if (x < run)
            return i;
    }
    return last; /* rounding left x at or past the sum */
}

/*
 * Step 2 for node v of cluster c (total weight total), alone in its
 * subcluster: where it goes (its own subcluster to stay). *to_w receives the
 * weight of v's links into the chosen subcluster.
 */
static uint32_t refine_choice(struct refine *s, uint32_t v, uint32_t c, double total,
                              struct jk_leiden_rng *rng, double *to_w)
{
    const struct jk_leiden_graph *g = s->g;
    const uint32_t *nbr = g->nbr, *m = s->m, *sub = s->sub;
    const double *w = g->w;
    uint32_t cur = sub[v];
    double wv = g->node_w[v];
    s->sw[cur] -= wv;
    tally_add(&s->t, cur, 0.0);
    for (size_t j = g->row[v], end = g->row[v + 1]; j < end; j++)
        if (m[nbr[j]] == c)
            tally_add(&s->t, sub[nbr[j]], w[j]);
    double most = 0.0; /* staying alone gains 0 and is always allowed */
    for (size_t i = 0; i < s->t.k; i++) {
        uint32_t d = s->t.near[i];
        double gain = s->t.sum[d] - wv * s->sw[d] * s->r;
        bool ok = d == cur || (gain >= 0.0 && well_connected(s->ext[d], s->sw[d], total, s->r));
        s->p[i] = ok ? gain : -INFINITY;
        if (ok && gain > most)
            most = gain;
    }
    double sum = 0.0;
    for (size_t i = 0; i < s->t.k; i++) {
        s->p[i] = s->p[i] == -INFINITY ? 0.0 : exp((s->p[i] - most) / s->beta);
        sum += s->p[i];
    }
    /* The best choice has p = 1, so sum >= 1. */
    uint32_t chosen = s->t.near[pick(s->p, s->t.k, sum, rng)];
    *to_w = s->t.sum[chosen];
    tally_clear(&s->t);
    s->sw[chosen] += wv;
    return chosen;
}

/* Step 2 (leiden.h) on one cluster: its nodes in a random order. */
static void refine_cluster(struct refine *s, uint32_t c, uint32_t *order, size_t size,
                           struct jk_leiden_rng *rng)
{
    const struct jk_leiden_graph *g = s->g;
    double total = 0.0;
    for (size_t i = 0; i < size; i++)
        total += g->node_w[order[i]];
    shuffle(order, size, rng);
    for (size_t i = 0; i < size; i++) {
        uint32_t v = order[i], cur = s->sub[v];
        if (s->joined[cur] || !well_connected(s->ext[cur], s->sw[cur], total, s->r))
            continue;
        double to_w;
        uint32_t to = refine_choice(s, v, c, total, rng, &to_w);
        if (to == cur)
            continue;
        s->sub[v] = to;
        s->joined[to] = 1;
        s->ext[to] += s->ext[cur] - 2.0 * to_w; /* ext(to + v) = ext(to) + ext(v) - 2 w(v, to) */
    }
}

size_t jk_leiden_refine(const struct jk_leiden_graph *g, const uint32_t *m, size_t k, double r,
                        double beta, struct jk_leiden_rng *rng, uint32_t *sub)
{
    size_t n = g->n;
    struct refine s = {g,
                       m,
                       sub,
                       jk_malloc(n * sizeof(double)),
                       jk_calloc(n, sizeof(double)),
                       jk_calloc(n, 1),
                       jk_malloc(n * sizeof(double)),
                       {0},
                       r,
                       beta};
    tally_init(&s.t, n);
    for (size_t v = 0; v < n; v++) {
        sub[v] = (uint32_t)v;
        s.sw[v] = g->node_w[v];
        for (size_t j = g->row[v]; j < g->row[v + 1]; j++)
            if (m[g->nbr[j]] == m[v])
                s.ext[v] += g->w[j];
    }
    struct groups gr;
    groups_init(&gr, m, n, k);
    for (size_t c = 0; c < k; c++)
        refine_cluster(&s, (uint32_t)c, gr.members + gr.first[c], gr.first[c + 1] - gr.first[c],
                       rng);
    groups_release(&gr);
    uint32_t *to = jk_malloc(n * sizeof(*to));
    size_t n_sub = renumber(sub, n, to);
    free(to);
    tally_release(&s.t);
    free(s.sw);
    free(s.ext);
    free(s.joined);
    free(s.p);
    return n_sub;
}

/* Step 3 (leiden.h): out is g with the nodes of each of the k clusters of m made one node. */
static void aggregate(const struct jk_leiden_graph *g, const uint32_t *m, size_t k,
                      struct jk_leiden_graph *out)
{
    size_t cap = g->row[g->n];
    if (k * (k - 1) < cap)
        cap = k * (k - 1);
    out->n = k;
    out->row = jk_calloc(k + 1, sizeof(*out->row));
    out->nbr = jk_malloc((cap ? cap : 1) * sizeof(*out->nbr));
    out->w = jk_malloc((cap ? cap : 1) * sizeof(*out->w));
    out->node_w = jk_calloc(k, sizeof(*out->node_w));
    struct groups gr;
    groups_init(&gr, m, g->n, k);
    struct tally t;
    tally_init(&t, k);
    size_t at = 0;
    for (size_t c = 0; c < k; c++) {
        for (size_t i = gr.first[c]; i < gr.first[c + 1]; i++) {
            uint32_t v = gr.members[i];
            out->node_w[c] += g->node_w[v];
            for (size_t j = g->row[v]; j < g->row[v + 1]; j++)
                if (m[g->nbr[j]] != c)
                    tally_add(&t, m[g->nbr[j]], g->w[j]);
        }
        for (size_t i = 0; i < t.k; i++) {
            out->nbr[at] = t.near[i];
            out->w[at++] = t.sum[t.near[i]];
        }
        tally_clear(&t);
        out->row[c + 1] = at;
    }
    tally_release(&t);
    groups_release(&gr);
}

bool jk_leiden_iterate(const struct jk_leiden_graph *g0, double r, double beta,
                       struct jk_leiden_rng *rng, uint32_t *membership)
{
    size_t n0 = g0->n;
    if (n0 == 0)
        return false;
    uint32_t *on_entry = jk_malloc(n0 * sizeof(*on_entry));
    uint32_t *part = jk_malloc(n0 * sizeof(*part));
    uint32_t *node_of = jk_malloc(n0 * sizeof(*node_of)); /* original node -> node of g */
    memcpy(on_entry, membership, n0 * sizeof(*on_entry));
    memcpy(part, membership, n0 * sizeof(*part));
    for (size_t x = 0; x < n0; x++)
        node_of[x] = (uint32_t)x;
    const struct jk_leiden_graph *g = g0;
    struct jk_leiden_graph level = {0};
    for (;;) {
        size_t k = fast_move(g, part, r, rng);
        if (k == g->n)
            break;
        uint32_t *sub = jk_malloc(g->n * sizeof(*sub));
        size_t n_sub = jk_leiden_refine(g, part, k, r, beta, rng, sub);
        if (n_sub == g->n) { /* refinement joined nothing: aggregate the clusters */
            memcpy(sub, part, g->n * sizeof(*sub));
            n_sub = k;
        }
        struct jk_leiden_graph next;
        aggregate(g, sub, n_sub, &next);
        uint32_t *next_part = jk_malloc(n_sub * sizeof(*next_part));
        for (size_t v = 0; v < g->n; v++)
            next_part[sub[v]] = part[v];
        for (size_t x = 0; x < n0; x++)
            node_of[x] = sub[node_of[x]];
        free(sub);
        free(part);
        part = next_part;
        if (g != g0)
            jk_leiden_graph_release(&level);
        level = next;
        g = &level;
    }
    for (size_t x = 0; x < n0; x++)
        membership[x] = part[node_of[x]];
    renumber(membership, n0, node_of);
    bool changed = memcmp(on_entry, membership, n0 * sizeof(*membership)) != 0;
    if (g != g0)
        jk_leiden_graph_release(&level);
    free(on_entry);
    free(part);
    free(node_of);
    return changed;
}
