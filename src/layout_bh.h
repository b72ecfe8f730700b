/*
 * Internal to the layout stage (layout.c): the pair terms of the VOS
 * objective, a Barnes-Hut quadtree that sums them over all pairs in
 * O(log n) per term instead of O(n), and the parts of a gradient-descent
 * sweep shared by the exact and the tree method. See layout.h for V.
 */
#ifndef JK_LAYOUT_BH_H
#define JK_LAYOUT_BH_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "map.h"

/* Most threads a sweep's tree pass uses. */
#define JK_VOS_MAX_THREADS 8

/* jk_vos_kernel.ai/.ri when the exponent is not a small integer. */
#define JK_EXP_GENERAL INT32_MIN

/* The exponents of V and the weight w0 that every pair attracts with. */
struct jk_vos_kernel {
    double a, r;         /* attraction and repulsion exponents */
    double inv_a, inv_r; /* 1 / a and 1 / r, or 0 for an exponent 0 (ln d) */
    int32_t ai, ri;      /* the same as integers in [-16, 16], or JK_EXP_GENERAL */
    double w0;           /* attraction weight of every pair; 0 for a connected map */
};

void jk_vos_kernel_init(struct jk_vos_kernel *k, double a, double r, double w0);

/* d^e; a few multiplications when e is a small integer (ei), pow() otherwise. */
static inline double jk_vos_pow(double d, double e, int32_t ei)
{
    if (ei == JK_EXP_GENERAL)
        return pow(d, e);
    double p = 1.0;
    for (int32_t i = ei < 0 ? -ei : ei; i > 0; i--)
        p *= d;
    return ei < 0 ? 1.0 / p : p;
}

/* f_e(d) = d^e / e, or ln d for e = 0, given p = d^e and inv_e = 1 / e (0 for e = 0). */
static inline double jk_vos_f(double d, double p, double inv_e)
{
    return inv_e != 0.0 ? p * inv_e : log(d);
}

/*
 * The all-pairs part of V for one pair at squared distance s > 0:
 * returns w0 f_a(d) - f_r(d) and sets *g so that the pair adds
 * *g * (x_i - x_j) to the gradient of V at x_i.
 */
static inline double jk_vos_pair(const struct jk_vos_kernel *k, double s, double *g)
{
    double d = sqrt(s);
    double p = jk_vos_pow(d, k->r, k->ri);
    double v = -jk_vos_f(d, p, k->inv_r);
    double pull = -p;
    if (k->w0 > 0.0) {
        p = jk_vos_pow(d, k->a, k->ai);
        v += k->w0 * jk_vos_f(d, p, k->inv_a);
        pull += k->w0 * p;
    }
    *g = pull / s; /* d/dx_i of f_e(|x_i - x_j|) is d^(e-2) (x_i - x_j) */
    return v;
}

/* A square cell [x0, x0 + size) x [y0, y0 + size) and the points in it. */
struct jk_qnode {
    double cx, cy;        /* centre of mass of its points */
    double mxx, mxy, myy; /* their second moments about it, e.g. sum (x - cx)^2 */
    double x0, y0, size;  /* the cell */
    uint32_t mass;        /* number of points */
    uint32_t first;       /* a leaf's points are idx[first .. first + mass) */
    uint32_t child[4];    /* non-empty quadrants; 0 = none (the root is no child) */
};

/* The tree owns its arrays; init, then build as often as needed, then release. */
struct jk_quadtree {
    struct jk_qnode *nodes;
    size_t n_nodes, cap;
    uint32_t *idx, *tmp; /* point indices, grouped by leaf; scratch */
    size_t n_points;
};

void jk_quadtree_init(struct jk_quadtree *t);
void jk_quadtree_release(struct jk_quadtree *t);

/*
 * Rebuilds the tree over the n points xy[2i], xy[2i + 1] (n >= 1). Leaves
 * hold at most 8 points (more only where points coincide). Deterministic:
 * depends only on xy. O(n log n).
 */
void jk_quadtree_build(struct jk_quadtree *t, const double *xy, size_t n);

/*
 * Approximates, for point k of the tree (whose position xy must not have
 * changed since the build), the sum over all other points j of
 * jk_vos_pair: returns the sum of the values and adds the gradient to
 * *gx, *gy. A cell of side l at distance D from point k stands for its
 * points at their centre of mass when k is outside it and l < theta D
 * (gradient: monopole; value: with the quadrupole term, so that the V the
 * optimiser compares between sweeps is not swamped by the approximation);
 * leaves are summed exactly. Pairs at distance 0 are skipped.
 */
double jk_quadtree_pairs(const struct jk_quadtree *t, const double *xy, uint32_t k, double theta,
                         const struct jk_vos_kernel *kern, double *gx, double *gy);

/* The links of every term (both directions), as the optimiser walks them; owns its arrays. */
struct jk_vos_net {
    size_t n;
    size_t *first; /* neighbours of i: nbr[first[i] .. first[i + 1]) */
    uint32_t *nbr;
    double *w; /* association of that link */
    struct jk_vos_kernel kern;
};

/* Builds the neighbour lists of map's links (association as weight) with kernel kern. */
void jk_vos_net_init(struct jk_vos_net *g, const struct jk_map *map,
                     const struct jk_vos_kernel *kern);
void jk_vos_net_release(struct jk_vos_net *g);

/*
 * Adds the gradient of term k's links to *gx, *gy and returns their part of
 * V, counting only links to terms not yet seen in this sweep (each link once).
 */
double jk_vos_link_pull(const struct jk_vos_net *g, const double *xy, uint32_t k,
                        const unsigned char *seen, double *gx, double *gy);

/* Moves term k by step against the gradient (CWTS: a step of fixed length). */
void jk_vos_move(double *xy, uint32_t k, double gx, double gy, double step);

/*
 * The links of one start in its sweep order, for the tree method: rank t is
 * the t-th term to move in every sweep of the start. Rank t's links to terms
 * that move before it ("earlier") are nbr[first[t] .. mid[t]), those to terms
 * that move after it ("later") nbr[mid[t] .. first[t + 1]); neighbours are
 * given by rank, each list in the map's link order. A term's later links
 * only see positions from the start of the sweep, so they can be summed
 * ahead of its turn (and on another thread). Owns its arrays.
 */
struct jk_vos_ranked {
    size_t n;
    size_t *first, *mid;
    uint32_t *nbr;
    float *w; /* association of that link, rounded to single precision: a sweep streams
                 every link once, so their size sets its speed on large maps */
};

/* Builds r from map's links for the sweep order order[0..n_terms) (a permutation). */
void jk_vos_ranked_init(struct jk_vos_ranked *r, const struct jk_map *map, const uint32_t *order);
void jk_vos_ranked_release(struct jk_vos_ranked *r);

/* Scratch of one layout, owned by its caller: sweep order, seen flags, tree and pulls. */
struct jk_vos_sweep {
    uint32_t *order;
    unsigned char *seen;
    int use_tree;
    double theta;
    unsigned threads; /* 1..JK_VOS_MAX_THREADS; results never depend on it */
    struct jk_quadtree tree;
    double *pull; /* per rank: gradient x, y and value of its pairs, from the tree */
    double *late; /* per rank: gradient x, y and value of its later links */
};

/*
 * One sweep with the tree over positions xy given by rank (see struct
 * jk_vos_ranked): ranks move in order 0, 1, ..., each once. The all-pairs
 * part of a term's gradient comes from a tree of the positions at the start
 * of the sweep; its later links' part likewise (those terms have not moved
 * yet); its earlier links' part from their current positions. A term's
 * gradient is added up as tree, later links, earlier links, whatever the
 * threads. Returns V accumulated during the sweep (each pair once: the tree
 * sums halved, each link at the earlier of its two terms). ws->pull and
 * ws->late hold 3 n doubles each. From 256 terms on, the tree pass runs on
 * ws->threads threads; with 2 or more threads and many links, a second
 * thread sums the later links ahead of the moving one (POSIX threads, in
 * glibc's libc since 2.34). The result never depends on the threads.
 */
double jk_vos_sweep_ranked(const struct jk_vos_ranked *r, const struct jk_vos_kernel *kern,
                           double *xy, struct jk_vos_sweep *ws, double step);

#endif
