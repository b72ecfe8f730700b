/*
 * Layout stage, inner parts: the VOS pair kernel, a Barnes-Hut quadtree
 * (Barnes & Hut 1986) over the term positions and the optimiser's sweep
 * that uses it for large maps, see layout_bh.h.
 */
#include "layout_bh.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

#define LEAF_POINTS 8
/* Deeper cells than this are narrower than rounding errors of the coordinates. */
#define MAX_DEPTH 48
#define STACK_MAX (3 * MAX_DEPTH + 8)
/* Below this many terms a sweep's tree pass is too short to share out. */
#define PARALLEL_MIN_TERMS 256
/* Below this many link ends a sweep's links are too few to share out. */
#define PARALLEL_MIN_LINKS 65536

static int32_t small_integer(double e)
{
    if (e >= -16.0 && e <= 16.0 && e == (double)(int32_t)e)
        return (int32_t)e;
    return JK_EXP_GENERAL;
}

void jk_vos_kernel_init(struct jk_vos_kernel *k, double a, double r, double w0)
{
    k->a = a;
    k->r = r;
    k->inv_a = a != 0.0 ? 1.0 / a : 0.0;
    k->inv_r = r != 0.0 ? 1.0 / r : 0.0;
    k->ai = small_integer(a);
    k->ri = small_integer(r);
    k->w0 = w0;
}

void jk_quadtree_init(struct jk_quadtree *t)
{
    memset(t, 0, sizeof(*t));
}

void jk_quadtree_release(struct jk_quadtree *t)
{
    if (!t)
        return;
    free(t->nodes);
    free(t->idx);
    free(t->tmp);
    jk_quadtree_init(t);
}

static uint32_t new_node(struct jk_quadtree *t)
{
    JK_GROW(t->nodes, t->n_nodes + 1, t->cap);
    memset(&t->nodes[t->n_nodes], 0, sizeof(t->nodes[0]));
    return (uint32_t)t->n_nodes++;
}

static int quadrant(const double *xy, uint32_t i, double mx, double my)
{
    return (xy[2 * i] >= mx) + 2 * (xy[2 * i + 1] >= my);
}

/*
 * Sorts idx[first .. first + count) by quadrant of the cell's midpoint,
 * keeping their order within a quadrant; start[q] receives where each begins.
 */
static void partition(struct jk_quadtree *t, const double *xy, uint32_t first, uint32_t count,
                      double mx, double my, uint32_t start[5])
{
    uint32_t fill[4] = {0, 0, 0, 0};
    for (uint32_t i = first; i < first + count; i++)
        fill[quadrant(xy, t->idx[i], mx, my)]++;
    start[0] = first;
    for (int q = 0; q < 4; q++)
        start[q + 1] = start[q] + fill[q];
    memcpy(fill, start, sizeof(fill));
    for (uint32_t i = first; i < first + count; i++) {
        uint32_t p = t->idx[i];
        t->tmp[fill[quadrant(xy, p, mx, my)]++] = p;
    }
    memcpy(t->idx + first, t->tmp + first, count * sizeof(*t->idx));
}

static uint32_t build(struct jk_quadtree *t, const double *xy, uint32_t first, uint32_t count,
                      double x0, double y0, double size, int depth)
{
    uint32_t id = new_node(t);
    double sx = 0.0, sy = 0.0;
    for (uint32_t i = first; i < first + count; i++) {
        sx += xy[2 * t->idx[i]];
        sy += xy[2 * t->idx[i] + 1];
    }
    struct jk_qnode *nd = &t->nodes[id];
    *nd = (struct jk_qnode){.cx = sx / count,
                            .cy = sy / count,
                            .x0 = x0,
                            .y0 = y0,
                            .size = size,
                            .mass = count,
                            .first = first};
    for (uint32_t i = first; i < first + count; i++) {
        double dx = xy[2 * t->idx[i]] - nd->cx, dy = xy[2 * t->idx[i] + 1] - nd->cy;
        nd->mxx += dx * dx;
        nd->mxy += dx * dy;
        nd->myy += dy * dy;
    }
    if (count <= LEAF_POINTS || depth >= MAX_DEPTH)
        return id;
    double half = size / 2.0;
    uint32_t start[5];
    partition(t, xy, first, count, x0 + half, y0 + half, start);
    for (int q = 0; q < 4; q++) {
        if (start[q + 1] == start[q])
            continue;
        uint32_t c = build(t, xy, start[q], start[q + 1] - start[q], x0 + (q & 1) * half,
                           y0 + (q >> 1) * half, half, depth + 1);
        t->nodes[id].child[q] = c; /* t->nodes may have moved: no pointer kept */
    }
    return id;
}

void jk_quadtree_build(struct jk_quadtree *t, const double *xy, size_t n)
{
    if (n > t->n_points) {
        t->idx = jk_realloc(t->idx, n * sizeof(*t->idx));
        t->tmp = jk_realloc(t->tmp, n * sizeof(*t->tmp));
    }
    t->n_points = n;
    t->n_nodes = 0;
    double lo_x = xy[0], hi_x = xy[0], lo_y = xy[1], hi_y = xy[1];
    for (size_t i = 0; i < n; i++) {
        t->idx[i] = (uint32_t)i;
        lo_x = fmin(lo_x, xy[2 * i]);
        hi_x = fmax(hi_x, xy[2 * i]);
        lo_y = fmin(lo_y, xy[2 * i + 1]);
        hi_y = fmax(hi_y, xy[2 * i + 1]);
    }
    /* A little wider than the points, so the largest ones fall inside [x0, x0 + size). */
    double size = fmax(hi_x - lo_x, hi_y - lo_y);
    size = size * (1.0 + 1e-9) + 1e-300;
    build(t, xy, 0, (uint32_t)n, lo_x, lo_y, size, 0);
}

static int inside(const struct jk_qnode *c, double px, double py)
{
    return px >= c->x0 && px < c->x0 + c->size && py >= c->y0 && py < c->y0 + c->size;
}

/* Exact sum over the points of leaf c, without point k. */
static double leaf_pairs(const struct jk_quadtree *t, const struct jk_qnode *c, const double *xy,
                         uint32_t k, const struct jk_vos_kernel *kern, double *gx, double *gy)
{
    double px = xy[2 * k], py = xy[2 * k + 1], v = 0.0, g;
    for (uint32_t i = c->first; i < c->first + c->mass; i++) {
        uint32_t j = t->idx[i];
        double dx = px - xy[2 * j], dy = py - xy[2 * j + 1], s = dx * dx + dy * dy;
        if (j == k || !(s > 0.0))
            continue;
        v += jk_vos_pair(kern, s, &g);
        *gx += g * dx;
        *gy += g * dy;
    }
    return v;
}

/*
 * A far cell at squared distance s: its points at their centre of mass for
 * the gradient (*g as in jk_vos_pair, times the mass); for the value also
 * the second-order Taylor term over their spread. The Hessian of f_e(|v|)
 * is d^(e-2) (I + (e-2) u u^T) with u = v / d, ln d (e = 0) included.
 */
static double cell_value(const struct jk_vos_kernel *k, const struct jk_qnode *c, double s,
                         double dx, double dy, double *g)
{
    double d = sqrt(s), inv_s = 1.0 / s, mass = (double)c->mass;
    double spread = c->mxx + c->myy;
    double along = (dx * dx * c->mxx + 2.0 * dx * dy * c->mxy + dy * dy * c->myy) * inv_s;
    double p = jk_vos_pow(d, k->r, k->ri);
    double v = -mass * jk_vos_f(d, p, k->inv_r) - 0.5 * p * inv_s * (spread + (k->r - 2.0) * along);
    double pull = -p;
    if (k->w0 > 0.0) {
        p = jk_vos_pow(d, k->a, k->ai);
        v += k->w0 *
             (mass * jk_vos_f(d, p, k->inv_a) + 0.5 * p * inv_s * (spread + (k->a - 2.0) * along));
        pull += k->w0 * p;
    }
    *g = mass * pull * inv_s;
    return v;
}

double jk_quadtree_pairs(const struct jk_quadtree *t, const double *xy, uint32_t k, double theta,
                         const struct jk_vos_kernel *kern, double *gx, double *gy)
{
    double px = xy[2 * k], py = xy[2 * k + 1], v = 0.0, g;
    double theta2 = theta * theta;
    uint32_t stack[STACK_MAX];
    int top = 0;
    stack[top++] = 0;
    while (top > 0) {
        const struct jk_qnode *c = &t->nodes[stack[--top]];
        double dx = px - c->cx, dy = py - c->cy, s = dx * dx + dy * dy;
        int is_leaf = !(c->child[0] | c->child[1] | c->child[2] | c->child[3]);
        if (c->size * c->size < theta2 * s && !inside(c, px, py)) {
            v += cell_value(kern, c, s, dx, dy, &g);
            *gx += g * dx;
            *gy += g * dy;
        } else if (is_leaf) {
            v += leaf_pairs(t, c, xy, k, kern, gx, gy);
        } else {
            for (int q = 3; q >= 0; q--)
                if (c->child[q])
                    stack[top++] = c->child[q];
        }
    }
    return v;
}

void jk_vos_net_init(struct jk_vos_net *g, const struct jk_map *map,
                     const struct jk_vos_kernel *kern)
{
    size_t n = map->n_terms, m = map->n_links;
    g->n = n;
    g->first = jk_calloc(n + 1, sizeof(*g->first));
    g->nbr = jk_malloc(2 * m * sizeof(*g->nbr));
    g->w = jk_malloc(2 * m * sizeof(*g->w));
    for (size_t e = 0; e < m; e++) {
        g->first[map->links[e].source + 1]++;
        g->first[map->links[e].target + 1]++;
    }
    for (size_t i = 0; i < n; i++)
        g->first[i + 1] += g->first[i];
    size_t *fill = jk_malloc((n + 1) * sizeof(*fill));
    memcpy(fill, g->first, (n + 1) * sizeof(*fill));
    for (size_t e = 0; e < m; e++) {
        const struct jk_link *l = &map->links[e];
        g->nbr[fill[l->source]] = l->target;
        g->w[fill[l->source]++] = l->association;
        g->nbr[fill[l->target]] = l->source;
        g->w[fill[l->target]++] = l->association;
    }
    free(fill);
    g->kern = *kern;
}

void jk_vos_net_release(struct jk_vos_net *g)
{
    free(g->first);
    free(g->nbr);
    free(g->w);
}

/*
 * One link of weight w from a term to a neighbour at offset (dx, dy) from
 * it, for any attraction exponent: adds its gradient to *gx, *gy and returns
 * its part of V (nothing for a neighbour on top of the term).
 */
static inline double link_general(const struct jk_vos_kernel *kern, double w, double dx, double dy,
                                  double *gx, double *gy)
{
    double s = dx * dx + dy * dy;
    if (!(s > 0.0))
        return 0.0;
    double d = sqrt(s), p = jk_vos_pow(d, kern->a, kern->ai);
    *gx += w * p / s * dx;
    *gy += w * p / s * dy;
    return w * jk_vos_f(d, p, kern->inv_a);
}

/*
 * The links' pull with attraction exponent 2 (VOSviewer's default): d^2 / d^2
 * is 1 and f_2 = s / 2, so neither a square root nor a division is needed.
 */
static double link_pull_squared(const struct jk_vos_net *g, const double *xy, uint32_t k,
                                const unsigned char *seen, double *gx, double *gy)
{
    double px = xy[2 * k], py = xy[2 * k + 1], v = 0.0, sx = 0.0, sy = 0.0;
    /*
     * No branches in the loop: a link of length 0 adds exactly 0 anyway, and
     * multiplying by 0 or 1 for "seen" costs less than the mispredicted jumps
     * (which neighbours were seen is as good as random).
     */
    for (size_t e = g->first[k]; e < g->first[k + 1]; e++) {
        uint32_t j = g->nbr[e];
        double dx = px - xy[2 * j], dy = py - xy[2 * j + 1], w = g->w[e];
        sx += w * dx;
        sy += w * dy;
        v += w * (dx * dx + dy * dy) * (double)(seen[j] ^ 1);
    }
    *gx += sx;
    *gy += sy;
    return 0.5 * v;
}

double jk_vos_link_pull(const struct jk_vos_net *g, const double *xy, uint32_t k,
                        const unsigned char *seen, double *gx, double *gy)
{
    const struct jk_vos_kernel *kern = &g->kern;
    if (kern->ai == 2)
        return link_pull_squared(g, xy, k, seen, gx, gy);
    double px = xy[2 * k], py = xy[2 * k + 1], v = 0.0;
    for (size_t e = g->first[k]; e < g->first[k + 1]; e++) {
        uint32_t j = g->nbr[e];
        double lv = link_general(kern, g->w[e], px - xy[2 * j], py - xy[2 * j + 1], gx, gy);
        if (!seen[j])
            v += lv;
    }
    return v;
}

void jk_vos_move(double *xy, uint32_t k, double gx, double gy, double step)
{
    double len = sqrt(gx * gx + gy * gy);
    if (len > 0.0) {
        xy[2 * k] -= step * gx / len;
        xy[2 * k + 1] -= step * gy / len;
    }
}

void jk_vos_ranked_init(struct jk_vos_ranked *r, const struct jk_map *map, const uint32_t *order)
{
    size_t n = map->n_terms, m = map->n_links;
    uint32_t *rank = jk_malloc((n ? n : 1) * sizeof(*rank));
    size_t *early = jk_calloc(n + 1, sizeof(*early)), *late = jk_calloc(n + 1, sizeof(*late));
    for (size_t t = 0; t < n; t++)
        rank[order[t]] = (uint32_t)t;
    for (size_t e = 0; e < m; e++) {
        uint32_t a = rank[map->links[e].source], b = rank[map->links[e].target];
        if (a == b)
            continue; /* a link to itself pulls nothing */
        late[a < b ? a : b]++;
        early[a < b ? b : a]++;
    }
    r->n = n;
    r->first = jk_malloc((n + 1) * sizeof(*r->first));
    r->mid = jk_malloc((n ? n : 1) * sizeof(*r->mid));
    r->first[0] = 0;
    for (size_t t = 0; t < n; t++) {
        r->mid[t] = r->first[t] + early[t];
        r->first[t + 1] = r->mid[t] + late[t];
        early[t] = r->first[t]; /* from here on: where the next earlier link goes */
        late[t] = r->mid[t];
    }
    r->nbr = jk_malloc((r->first[n] ? r->first[n] : 1) * sizeof(*r->nbr));
    r->w = jk_malloc((r->first[n] ? r->first[n] : 1) * sizeof(*r->w));
    for (size_t e = 0; e < m; e++) {
        uint32_t a = rank[map->links[e].source], b = rank[map->links[e].target];
        uint32_t lo = a < b ? a : b, hi = a < b ? b : a;
        if (a == b)
            continue;
        r->nbr[late[lo]] = hi;
        r->w[late[lo]++] = (float)map->links[e].association;
        r->nbr[early[hi]] = lo;
        r->w[early[hi]++] = (float)map->links[e].association;
    }
    free(early);
    free(late);
    free(rank);
}

void jk_vos_ranked_release(struct jk_vos_ranked *r)
{
    free(r->first);
    free(r->mid);
    free(r->nbr);
    free(r->w);
}

/* Rank t's later links from the positions at the start of the sweep: out = gradient x, y, V. */
static void later_links(const struct jk_vos_ranked *r, const struct jk_vos_kernel *kern,
                        const double *xy, size_t t, double *out)
{
    double px = xy[2 * t], py = xy[2 * t + 1], sx = 0.0, sy = 0.0, v = 0.0;
    if (kern->ai == 2) { /* f_2 = s / 2, gradient w (x_i - x_j): no root, no branch */
        for (size_t e = r->mid[t]; e < r->first[t + 1]; e++) {
            uint32_t j = r->nbr[e];
            double dx = px - xy[2 * j], dy = py - xy[2 * j + 1], w = r->w[e];
            sx += w * dx;
            sy += w * dy;
            v += w * (dx * dx + dy * dy);
        }
        v *= 0.5;
    } else {
        for (size_t e = r->mid[t]; e < r->first[t + 1]; e++) {
            uint32_t j = r->nbr[e];
            v += link_general(kern, r->w[e], px - xy[2 * j], py - xy[2 * j + 1], &sx, &sy);
        }
    }
    out[0] = sx;
    out[1] = sy;
    out[2] = v;
}

/* Adds rank t's earlier links' gradient, from their current positions, to *gx, *gy. */
static void earlier_links(const struct jk_vos_ranked *r, const struct jk_vos_kernel *kern,
                          const double *xy, size_t t, double *gx, double *gy)
{
    double px = xy[2 * t], py = xy[2 * t + 1], sx = 0.0, sy = 0.0;
    if (kern->ai == 2) {
        for (size_t e = r->first[t]; e < r->mid[t]; e++) {
            uint32_t j = r->nbr[e];
            sx += r->w[e] * (px - xy[2 * j]);
            sy += r->w[e] * (py - xy[2 * j + 1]);
        }
    } else {
        for (size_t e = r->first[t]; e < r->mid[t]; e++) {
            uint32_t j = r->nbr[e];
            link_general(kern, r->w[e], px - xy[2 * j], py - xy[2 * j + 1], &sx, &sy);
        }
    }
    *gx += sx;
    *gy += sy;
}

/*
 * Places [from, to) of the tree's point order (idx: grouped by leaf, leaves
 * in tree order) of a sweep's tree pass; one per thread. Taking the points
 * in tree order rather than by rank lets neighbouring points walk the same
 * cells one after the other, which stay in the cache; each point's pull is
 * its own, so the order changes no bit of it.
 */
struct pull_job {
    const struct jk_vos_kernel *kern;
    const double *xy;
    struct jk_vos_sweep *ws;
    size_t from, to;
};

static void *pull_range(void *arg)
{
    const struct pull_job *job = arg;
    double *pull = job->ws->pull;
    const uint32_t *idx = job->ws->tree.idx;
    for (size_t p = job->from; p < job->to; p++) {
        uint32_t k = idx[p];
        pull[3 * k] = pull[3 * k + 1] = 0.0;
        pull[3 * k + 2] = jk_quadtree_pairs(&job->ws->tree, job->xy, k, job->ws->theta, job->kern,
                                            &pull[3 * k], &pull[3 * k + 1]);
    }
    return NULL;
}

/*
 * Every rank's pull from the tree, split over ws->threads threads. Each
 * result depends only on the tree and xy, so the split cannot change a bit
 * of it; a thread that cannot be started leaves its share to this one.
 */
static void tree_pulls(size_t n, const struct jk_vos_kernel *kern, const double *xy,
                       struct jk_vos_sweep *ws)
{
    struct pull_job job[JK_VOS_MAX_THREADS];
    pthread_t tid[JK_VOS_MAX_THREADS];
    int started[JK_VOS_MAX_THREADS] = {0};
    unsigned t = n >= PARALLEL_MIN_TERMS ? ws->threads : 1;
    t = t < 1 ? 1 : t > JK_VOS_MAX_THREADS ? JK_VOS_MAX_THREADS : t;
    for (unsigned i = 0; i < t; i++)
        job[i] = (struct pull_job){kern, xy, ws, n * i / t, n * (i + 1) / t};
    for (unsigned i = 1; i < t; i++)
        started[i] = pthread_create(&tid[i], NULL, pull_range, &job[i]) == 0;
    pull_range(&job[0]);
    for (unsigned i = 1; i < t; i++) {
        if (started[i])
            pthread_join(tid[i], NULL);
        else
            pull_range(&job[i]);
    }
}

/*
 * The later links of every rank, in rank order, on a thread of their own
 * while the sweep moves the ranks behind it: done tells how many ranks are
 * summed. Rank t's sum reads positions of ranks t and above, which the
 * sweep writes only after taking rank t's sum, so no position is read
 * while it is written.
 */
struct late_job {
    const struct jk_vos_ranked *r;
    const struct jk_vos_kernel *kern;
    const double *xy;
    double *late;
    atomic_size_t done;
};

static void *late_all(void *arg)
{
    struct late_job *job = arg;
    for (size_t t = 0; t < job->r->n; t++) {
        later_links(job->r, job->kern, job->xy, t, &job->late[3 * t]);
        atomic_store_explicit(&job->done, t + 1, memory_order_release);
    }
    return NULL;
}

/* Waits until the later links of rank t are summed. */
static void wait_for(struct late_job *job, size_t t)
{
    for (unsigned spins = 0; atomic_load_explicit(&job->done, memory_order_acquire) <= t;)
        if (++spins % 64 == 0)
            sched_yield();
}

double jk_vos_sweep_ranked(const struct jk_vos_ranked *r, const struct jk_vos_kernel *kern,
                           double *xy, struct jk_vos_sweep *ws, double step)
{
    double v = 0.0, *pull = ws->pull, *late = ws->late;
    jk_quadtree_build(&ws->tree, xy, r->n);
    tree_pulls(r->n, kern, xy, ws);
    struct late_job job = {r, kern, xy, late, 0};
    pthread_t tid;
    bool ahead = ws->threads > 1 && r->first[r->n] >= PARALLEL_MIN_LINKS &&
                 pthread_create(&tid, NULL, late_all, &job) == 0;
    for (size_t t = 0; t < r->n; t++) {
        if (ahead)
            wait_for(&job, t);
        else
            later_links(r, kern, xy, t, &late[3 * t]);
        double gx = pull[3 * t], gy = pull[3 * t + 1];
        gx += late[3 * t];
        gy += late[3 * t + 1];
        earlier_links(r, kern, xy, t, &gx, &gy);
        v += 0.5 * pull[3 * t + 2] + late[3 * t + 2];
        jk_vos_move(xy, (uint32_t)t, gx, gy, step);
    }
    if (ahead)
        pthread_join(tid, NULL);
    return v;
}
