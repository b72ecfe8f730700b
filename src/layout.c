/*
 * Layout stage: VOS mapping by CWTS' gradient descent (exact, or Barnes-Hut
 * above exact_limit terms via layout_bh.c), igraph's Fruchterman-Reingold,
 * VOSviewer's standardisation and the VOS objective, see layout.h.
 */
#include "layout.h"

#include <igraph.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "layout_bh.h"
#include "util/igraph_glue.h"
#include "util/mem.h"
#include "util/splitmix.h"

void jk_layout_options_default(struct jk_layout_options *o)
{
    *o = (struct jk_layout_options){
        .kind = JK_LAYOUT_VOS,
        .attraction = 2.0,
        .repulsion = 1.0,
        .starts = 1,
        .max_iterations = 1000,
        .initial_step = 1.0,
        .step_reduction = 0.75,
        .convergence = 0.001,
        .required_improvements = 5,
        .seed = 0,
        .unconnected_weight = 0.01,
        .exact_limit = 1000,
        .theta = 0.5,
    };
}

/* Written as !(lo <= x && x <= hi) so that NaN fails too. */
static int outside(double x, double lo, double hi)
{
    return !(x >= lo && x <= hi);
}

static enum jk_status check_counts(const struct jk_layout_options *o, struct jk_diag *diag)
{
    if (o->starts < 1)
        return jk_error(diag, JK_E_USAGE,
                        "The number of layout starts must be at least 1, e.g. --layout-starts 1");
    if (o->max_iterations < 1)
        return jk_error(diag, JK_E_USAGE,
                        "The number of layout iterations must be at least 1, e.g. 1000");
    if (o->required_improvements < 1)
        return jk_error(diag, JK_E_USAGE,
                        "The required number of improvements must be at least 1, e.g. 5");
    return JK_OK;
}

static enum jk_status check_steps(const struct jk_layout_options *o, struct jk_diag *diag)
{
    if (!(o->convergence > 0.0) || isinf(o->convergence))
        return jk_error(diag, JK_E_USAGE,
                        "The layout convergence (smallest step) must be a positive number, "
                        "e.g. 0.001 (it was %g)",
                        o->convergence);
    if (outside(o->initial_step, o->convergence, HUGE_VAL) || isinf(o->initial_step))
        return jk_error(diag, JK_E_USAGE,
                        "The initial layout step must be a number no smaller than the "
                        "convergence %g, e.g. 1 (it was %g)",
                        o->convergence, o->initial_step);
    if (!(o->step_reduction > 0.0 && o->step_reduction < 1.0))
        return jk_error(diag, JK_E_USAGE,
                        "The step reduction must lie strictly between 0 and 1, e.g. 0.75 "
                        "(it was %g)",
                        o->step_reduction);
    return JK_OK;
}

enum jk_status jk_layout_validate(const struct jk_layout_options *o, struct jk_diag *diag)
{
    if (o->kind != JK_LAYOUT_VOS && o->kind != JK_LAYOUT_FR && o->kind != JK_LAYOUT_NONE)
        return jk_error(diag, JK_E_USAGE, "The layout must be vos, fr or none, e.g. --layout vos");
    if (outside(o->attraction, -10.0, 10.0) || outside(o->repulsion, -10.0, 10.0))
        return jk_error(diag, JK_E_USAGE,
                        "The attraction and repulsion must be numbers from -10 to 10, e.g. "
                        "--attraction 2 --repulsion 1 (they were %g and %g)",
                        o->attraction, o->repulsion);
    if (!(o->attraction > o->repulsion))
        return jk_error(diag, JK_E_USAGE,
                        "The attraction must be greater than the repulsion, or the VOS map "
                        "grows without bound; e.g. --attraction 2 --repulsion 1 or "
                        "--repulsion 0 (they were %g and %g)",
                        o->attraction, o->repulsion);
    enum jk_status status = check_counts(o, diag);
    if (status == JK_OK)
        status = check_steps(o, diag);
    if (status != JK_OK)
        return status;
    if (outside(o->unconnected_weight, 0.0, HUGE_VAL) || isinf(o->unconnected_weight))
        return jk_error(diag, JK_E_USAGE,
                        "The unconnected weight must be a non-negative number, e.g. 0.01 "
                        "(it was %g)",
                        o->unconnected_weight);
    if (!(o->theta > 0.0 && o->theta <= 1.0))
        return jk_error(diag, JK_E_USAGE,
                        "The Barnes-Hut opening angle theta must be above 0 and at most 1, "
                        "e.g. 0.5 (it was %g)",
                        o->theta);
    return JK_OK;
}

/* Uniform in [-1, 1). */
static double next_coordinate(uint64_t *state)
{
    return 2.0 * jk_splitmix64_unit(state) - 1.0;
}

static uint32_t find_root(uint32_t *parent, uint32_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

/* Nonzero when the term network has more than one connected component. */
static int disconnected(const struct jk_map *map)
{
    size_t n = map->n_terms, components = n;
    uint32_t *parent = jk_malloc(n * sizeof(*parent));
    for (size_t i = 0; i < n; i++)
        parent[i] = (uint32_t)i;
    for (size_t k = 0; k < map->n_links; k++) {
        uint32_t a = find_root(parent, map->links[k].source);
        uint32_t b = find_root(parent, map->links[k].target);
        if (a != b) {
            parent[a < b ? b : a] = a < b ? a : b;
            components--;
        }
    }
    free(parent);
    return components > 1;
}

/* w0 of layout.h: the unconnected weight times the mean association per pair. */
static void kernel_for(struct jk_vos_kernel *k, const struct jk_map *map,
                       const struct jk_layout_options *o)
{
    double w0 = 0.0, sum = 0.0, n = (double)map->n_terms;
    if (disconnected(map)) {
        for (size_t e = 0; e < map->n_links; e++)
            sum += map->links[e].association;
        w0 = o->unconnected_weight * (sum > 0.0 ? sum / (n * (n - 1.0) / 2.0) : 1.0);
    }
    jk_vos_kernel_init(k, o->attraction, o->repulsion, w0);
}

/* Not hypot(): several times slower, and coordinates here are far from overflow. */
static double distance(const double *p, const double *q)
{
    return sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]));
}

/*
 * The sums V is made of, for the terms at xy: attraction weights W (links
 * and w0 per pair), their sum of w d^a and of w ln d; pair count and the
 * sums of d^r and ln d. V(s X) follows for every scale s (see v_at_scale).
 */
struct vos_sums {
    double a_w, a_pow, a_log;
    double r_n, r_pow, r_log;
};

static void add_attraction(struct vos_sums *S, const struct jk_vos_kernel *k, double w, double d)
{
    S->a_w += w;
    S->a_pow += w * jk_vos_pow(d, k->a, k->ai);
    if (k->a == 0.0)
        S->a_log += w * log(d);
}

static void vos_sums(const struct jk_map *map, const struct jk_vos_kernel *k, const double *xy,
                     struct vos_sums *S)
{
    memset(S, 0, sizeof(*S));
    for (size_t e = 0; e < map->n_links; e++) {
        const double *p = xy + 2 * map->links[e].source, *q = xy + 2 * map->links[e].target;
        add_attraction(S, k, map->links[e].association, distance(p, q));
    }
    for (size_t i = 0; i < map->n_terms; i++)
        for (size_t j = 0; j < i; j++) {
            double d = distance(xy + 2 * i, xy + 2 * j);
            S->r_n += 1.0;
            S->r_pow += jk_vos_pow(d, k->r, k->ri);
            if (k->r == 0.0)
                S->r_log += log(d);
            if (k->w0 > 0.0)
                add_attraction(S, k, k->w0, d);
        }
}

/* sum of w f_e(s d) given the sums of w, w d^e and w ln d. */
static double scaled_term(double e, double s, double w, double pw, double lg)
{
    return e != 0.0 ? pow(s, e) * pw / e : w * log(s) + lg;
}

static double v_at_scale(const struct vos_sums *S, const struct jk_vos_kernel *k, double s)
{
    return scaled_term(k->a, s, S->a_w, S->a_pow, S->a_log) -
           scaled_term(k->r, s, S->r_n, S->r_pow, S->r_log);
}

/* min over s of V(s X): dV/ds = s^(a-1) A - s^(r-1) R = 0 (see layout.h). */
static double v_best_scale(const struct vos_sums *S, const struct jk_vos_kernel *k)
{
    double ratio = S->r_pow / S->a_pow;
    if (!(ratio > 0.0) || isinf(ratio))
        return v_at_scale(S, k, 1.0);
    return v_at_scale(S, k, pow(ratio, 1.0 / (k->a - k->r)));
}

double jk_vos_objective(const struct jk_map *map, const struct jk_layout_options *o)
{
    struct jk_vos_kernel k;
    struct vos_sums S;
    double *xy = jk_malloc(2 * map->n_terms * sizeof(*xy));
    for (size_t i = 0; i < map->n_terms; i++) {
        xy[2 * i] = map->terms[i].x;
        xy[2 * i + 1] = map->terms[i].y;
    }
    kernel_for(&k, map, o);
    vos_sums(map, &k, xy, &S);
    free(xy);
    return v_at_scale(&S, &k, 1.0);
}

/* One exact sweep; returns V accumulated during it (each pair once). */
static double sweep_exact(const struct jk_vos_net *g, double *xy, struct jk_vos_sweep *ws,
                          double step)
{
    double v = 0.0, pg;
    memset(ws->seen, 0, g->n);
    for (size_t t = 0; t < g->n; t++) {
        uint32_t k = ws->order[t];
        double gx = 0.0, gy = 0.0, px = xy[2 * k], py = xy[2 * k + 1];
        v += jk_vos_link_pull(g, xy, k, ws->seen, &gx, &gy);
        for (size_t j = 0; j < g->n; j++) {
            double dx = px - xy[2 * j], dy = py - xy[2 * j + 1], s = dx * dx + dy * dy;
            if (!(s > 0.0))
                continue; /* k itself, or a term on top of it */
            double pv = jk_vos_pair(&g->kern, s, &pg);
            gx += pg * dx;
            gy += pg * dy;
            if (!ws->seen[j])
                v += pv;
        }
        jk_vos_move(xy, k, gx, gy, step);
        ws->seen[k] = 1;
    }
    return v;
}

/*
 * CWTS GradientDescentVOSLayoutAlgorithm.improveLayout's step control: after
 * a sweep that lowered V required_improvements times in a row the step
 * grows, after one that did not it shrinks. Returns the next step.
 */
static double next_step(double step, double v, double old, unsigned *better,
                        const struct jk_layout_options *o)
{
    if (!(v < old)) {
        *better = 0;
        return step * o->step_reduction;
    }
    if (++*better < o->required_improvements)
        return step;
    *better = 0;
    return step / o->step_reduction;
}

/* Sweeps until the step is below o->convergence or o->max_iterations have run. */
static void descend(const struct jk_vos_net *g, double *xy, struct jk_vos_sweep *ws,
                    const struct jk_layout_options *o)
{
    double step = o->initial_step, v = INFINITY;
    unsigned better = 0;
    for (unsigned it = 0; it < o->max_iterations && step >= o->convergence; it++) {
        double old = v;
        v = sweep_exact(g, xy, ws, step);
        step = next_step(step, v, old, &better, o);
    }
}

/* Threads for the tree pass: --threads, else the processors online (any count gives the same
 * layout). */
static unsigned tree_threads(unsigned threads)
{
    long n = threads ? (long)threads : sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > JK_VOS_MAX_THREADS ? JK_VOS_MAX_THREADS : (unsigned)n;
}

/* Takes up o->threads_later once it is set (see layout.h). */
static void take_later_threads(struct jk_vos_sweep *ws, const struct jk_layout_options *o)
{
    unsigned later = o->threads_later ? atomic_load(o->threads_later) : 0;
    if (later)
        ws->threads = tree_threads(later);
}

/* The same with the tree (layout_bh.h): positions by rank while sweeping, by term after. */
static void descend_ranked(const struct jk_map *map, const struct jk_vos_kernel *kern, double *xy,
                           struct jk_vos_sweep *ws, const struct jk_layout_options *o)
{
    size_t n = map->n_terms;
    struct jk_vos_ranked r;
    jk_vos_ranked_init(&r, map, ws->order);
    double *xr = jk_malloc(2 * n * sizeof(*xr)), step = o->initial_step, v = INFINITY;
    for (size_t t = 0; t < n; t++) {
        xr[2 * t] = xy[2 * ws->order[t]];
        xr[2 * t + 1] = xy[2 * ws->order[t] + 1];
    }
    unsigned better = 0;
    for (unsigned it = 0; it < o->max_iterations && step >= o->convergence; it++) {
        double old = v;
        take_later_threads(ws, o);
        v = jk_vos_sweep_ranked(&r, kern, xr, ws, step);
        step = next_step(step, v, old, &better, o);
    }
    for (size_t t = 0; t < n; t++) {
        xy[2 * ws->order[t]] = xr[2 * t];
        xy[2 * ws->order[t] + 1] = xr[2 * t + 1];
    }
    free(xr);
    jk_vos_ranked_release(&r);
}

/* Random coordinates in [-1, 1]^2, then a random sweep order (Fisher-Yates). */
static void random_start(double *xy, uint32_t *order, size_t n, uint64_t *rng)
{
    for (size_t i = 0; i < 2 * n; i++)
        xy[i] = next_coordinate(rng);
    for (size_t i = 0; i < n; i++)
        order[i] = (uint32_t)i;
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(jk_splitmix64(rng) % i);
        uint32_t t = order[i - 1];
        order[i - 1] = order[j];
        order[j] = t;
    }
}

static double objective_of(const struct jk_map *map, const struct jk_vos_kernel *k,
                           const double *xy)
{
    struct vos_sums S;
    vos_sums(map, k, xy, &S);
    return v_best_scale(&S, k);
}

/* Best of o->starts VOS runs into best; returns its objective. */
static double vos_layout(const struct jk_map *map, const struct jk_layout_options *o, double *best)
{
    size_t n = map->n_terms;
    struct jk_vos_kernel kern;
    struct jk_vos_net g;
    struct jk_vos_sweep ws = {
        .use_tree = n > o->exact_limit, .theta = o->theta, .threads = tree_threads(o->threads)};
    double *xy = jk_malloc(2 * n * sizeof(*xy)), best_v = INFINITY;
    uint64_t rng = (uint64_t)o->seed;
    kernel_for(&kern, map, o);
    if (!ws.use_tree) /* the tree method builds its own lists per start */
        jk_vos_net_init(&g, map, &kern);
    ws.order = jk_malloc(n * sizeof(*ws.order));
    ws.seen = jk_malloc(n);
    jk_quadtree_init(&ws.tree);
    ws.pull = ws.use_tree ? jk_malloc(3 * n * sizeof(*ws.pull)) : NULL;
    ws.late = ws.use_tree ? jk_malloc(3 * n * sizeof(*ws.late)) : NULL;
    for (unsigned s = 0; s < o->starts; s++) {
        random_start(xy, ws.order, n, &rng);
        if (ws.use_tree)
            descend_ranked(map, &kern, xy, &ws, o);
        else
            descend(&g, xy, &ws, o);
        double v = objective_of(map, &kern, xy);
        if (s == 0 || v < best_v) {
            best_v = v;
            memcpy(best, xy, 2 * n * sizeof(*xy));
        }
    }
    jk_quadtree_release(&ws.tree);
    free(ws.pull);
    free(ws.late);
    free(ws.order);
    free(ws.seen);
    free(xy);
    if (!ws.use_tree)
        jk_vos_net_release(&g);
    return best_v;
}

/* The igraph objects of one FR layout; ready counts those initialised. */
struct fr_ws {
    igraph_vector_t weights;
    igraph_matrix_t res;
    igraph_t graph;
    int ready;
};

/* Weights are association over its mean: FR's forces are made for weights near 1. */
static igraph_error_t fr_ws_init(struct fr_ws *ws, const struct jk_map *map)
{
    igraph_integer_t m = (igraph_integer_t)map->n_links;
    igraph_vector_int_t edges;
    igraph_error_t err;
    double sum = 0.0;
    ws->ready = 0;
    if ((err = igraph_vector_init(&ws->weights, m)))
        return err;
    ws->ready++;
    if ((err = igraph_matrix_init(&ws->res, 0, 0)))
        return err;
    ws->ready++;
    if ((err = igraph_vector_int_init(&edges, 2 * m)))
        return err;
    for (size_t k = 0; k < map->n_links; k++) {
        VECTOR(edges)[2 * k] = (igraph_integer_t)map->links[k].source;
        VECTOR(edges)[2 * k + 1] = (igraph_integer_t)map->links[k].target;
        sum += map->links[k].association;
    }
    for (size_t k = 0; k < map->n_links; k++)
        VECTOR(ws->weights)[k] = map->links[k].association / (sum / (double)m);
    err = igraph_create(&ws->graph, &edges, (igraph_integer_t)map->n_terms, IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&edges);
    if (err == IGRAPH_SUCCESS)
        ws->ready++;
    return err;
}

static void fr_ws_release(struct fr_ws *ws)
{
    if (ws->ready > 2)
        igraph_destroy(&ws->graph);
    if (ws->ready > 1)
        igraph_matrix_destroy(&ws->res);
    if (ws->ready > 0)
        igraph_vector_destroy(&ws->weights);
    ws->ready = 0;
}

/*
 * Best of o->starts Fruchterman-Reingold runs into best, *best_v its
 * objective; igraph's RNG is seeded once, so the starts differ.
 */
static igraph_error_t fr_layout(const struct jk_map *map, const struct jk_layout_options *o,
                                double *best, double *best_v)
{
    size_t n = map->n_terms;
    struct fr_ws ws;
    struct jk_vos_kernel kern;
    double *xy = jk_malloc(2 * n * sizeof(*xy));
    kernel_for(&kern, map, o);
    igraph_error_t err = fr_ws_init(&ws, map);
    if (err == IGRAPH_SUCCESS)
        err = igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)o->seed);
    for (unsigned s = 0; err == IGRAPH_SUCCESS && s < o->starts; s++) {
        err = igraph_layout_fruchterman_reingold(
            &ws.graph, &ws.res, false, (igraph_integer_t)o->max_iterations, sqrt((double)n) / 10.0,
            IGRAPH_LAYOUT_AUTOGRID, &ws.weights, NULL, NULL, NULL, NULL);
        if (err != IGRAPH_SUCCESS)
            break;
        for (size_t i = 0; i < n; i++) {
            xy[2 * i] = MATRIX(ws.res, i, 0);
            xy[2 * i + 1] = MATRIX(ws.res, i, 1);
        }
        double v = objective_of(map, &kern, xy);
        if (s == 0 || v < *best_v) {
            *best_v = v;
            memcpy(best, xy, 2 * n * sizeof(*xy));
        }
    }
    fr_ws_release(&ws);
    free(xy);
    return err;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median of coordinate c (0 = x, 1 = y) of the n >= 1 points. */
static double median(const double *xy, size_t n, int c)
{
    double *v = jk_malloc(n * sizeof(*v));
    for (size_t i = 0; i < n; i++)
        v[i] = xy[2 * i + c];
    qsort(v, n, sizeof(*v), cmp_double);
    double m = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    free(v);
    return m;
}

static double average_distance(const double *xy, size_t n)
{
    double sum = 0.0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < i; j++)
            sum += distance(xy + 2 * i, xy + 2 * j);
    return sum / ((double)n * (double)(n - 1) / 2.0);
}

/* Centres xy at the origin and turns its principal axis onto the horizontal one. */
static void centre_and_rotate(double *xy, size_t n)
{
    double mx = 0.0, my = 0.0, vx = 0.0, vy = 0.0, cxy = 0.0;
    for (size_t i = 0; i < n; i++) {
        mx += xy[2 * i] / (double)n;
        my += xy[2 * i + 1] / (double)n;
    }
    for (size_t i = 0; i < n; i++) {
        double x = xy[2 * i] -= mx, y = xy[2 * i + 1] -= my;
        vx += x * x;
        vy += y * y;
        cxy += x * y;
    }
    /* The direction (cos t, sin t) of largest variance; atan2(0, 0) = 0 keeps a round cloud. */
    double t = 0.5 * atan2(2.0 * cxy, vx - vy), c = cos(t), s = sin(t);
    for (size_t i = 0; i < n; i++) {
        double x = xy[2 * i], y = xy[2 * i + 1];
        xy[2 * i] = c * x + s * y;
        xy[2 * i + 1] = -s * x + c * y;
    }
}

/* VOSviewer's standardisation (see jk_layout in layout.h); n >= 2. */
static void standardise(double *xy, size_t n)
{
    centre_and_rotate(xy, n);
    for (int c = 0; c < 2; c++)
        if (median(xy, n, c) > 0.0)
            for (size_t i = 0; i < n; i++)
                xy[2 * i + c] = -xy[2 * i + c];
    double avg = average_distance(xy, n);
    if (avg > 0.0 && isfinite(avg))
        for (size_t i = 0; i < 2 * n; i++)
            xy[i] /= avg;
}

/* map.h's link invariants and a usable association, which the layout relies on. */
static enum jk_status check_links(const struct jk_map *map, struct jk_diag *diag)
{
    for (size_t k = 0; k < map->n_links; k++) {
        const struct jk_link *l = &map->links[k];
        if (l->source >= map->n_terms || l->target >= map->n_terms)
            return jk_error(diag, JK_E_INTERNAL,
                            "Link %zu joins term %u and %u of only %zu; please report this bug", k,
                            (unsigned)l->source, (unsigned)l->target, map->n_terms);
        if (!(l->association > 0.0) || isinf(l->association))
            return jk_error(diag, JK_E_INTERNAL,
                            "Link %zu has association %g; the network stage must run before "
                            "the layout (please report this bug)",
                            k, l->association);
    }
    return JK_OK;
}

static void clear_layout(struct jk_map *map)
{
    for (size_t i = 0; i < map->n_terms; i++)
        map->terms[i].x = map->terms[i].y = 0.0;
    map->has_layout = 0;
    map->layout_objective = 0.0;
}

enum jk_status jk_layout(struct jk_map *map, const struct jk_layout_options *o,
                         struct jk_diag *diag)
{
    enum jk_status status = jk_layout_validate(o, diag);
    if (status == JK_OK)
        status = check_links(map, diag);
    if (status != JK_OK)
        return status;
    if (o->kind == JK_LAYOUT_NONE) {
        clear_layout(map);
        return JK_OK;
    }
    size_t n = map->n_terms;
    double v = 0.0;
    double *xy = jk_calloc(2 * n, sizeof(*xy)); /* one term stays at (0, 0) */
    if (n >= 2 && o->kind == JK_LAYOUT_VOS) {
        v = vos_layout(map, o, xy);
    } else if (n >= 2) {
        jk_igraph_setup();
        status =
            jk_igraph_status(fr_layout(map, o, xy, &v), diag, "The Fruchterman-Reingold layout");
    }
    if (status == JK_OK) {
        if (n >= 2)
            standardise(xy, n);
        for (size_t i = 0; i < n; i++) {
            map->terms[i].x = xy[2 * i];
            map->terms[i].y = xy[2 * i + 1];
        }
        map->has_layout = 1;
        map->layout_objective = v;
    }
    free(xy);
    return status;
}
