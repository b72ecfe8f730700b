/*
 * Layout stage: places the terms on a plane. VOS mapping (VOSviewer's layout,
 * CWTS networkanalysis' gradient descent) by default, igraph's
 * Fruchterman-Reingold as an alternative, then VOSviewer's standardisation.
 * Runs after jk_network_associate (it reads links[].association) and before export.
 *
 * The VOS objective of coordinates x_1..x_n (d_ij = Euclidean distance):
 *     V = sum_{links i<j} a'_ij f_a(d_ij) + w0 sum_{pairs i<j} f_a(d_ij)
 *         - sum_{pairs i<j} f_r(d_ij)
 * with f_e(d) = d^e / e for e != 0 and f_0(d) = ln d; a = attraction,
 * r = repulsion, a'_ij = links[].association (node weights are 1 after
 * association strength). w0 is 0 when the term network is connected. When it
 * has more than one component (a term without links is one), every pair of
 * terms, linked or not, attracts with the extra weight
 *     w0 = unconnected_weight * (sum of a'_ij over links) / (n (n - 1) / 2)
 * (unconnected_weight alone when there are no links), so the components stay
 * together instead of drifting apart for ever. VOSviewer adds 0.01 to every
 * pair; association strength averages very nearly 1 per pair (observed over
 * expected), so the default 0.01 gives the same weight, and scaling by the
 * mean keeps the shape of the map independent of the scale of the weights.
 * Lower V is better.
 *
 * The layout objective (map->layout_objective) is V of the final layout at
 * its best scale, min_{s > 0} V(s X): V changes with the scale of a layout
 * but not with translation, rotation or reflection, and its minimum over s
 * has a closed form, s* = (R / A)^(1 / (a - r)) with A = sum of the
 * attraction weights times d^a and R = sum over pairs of d^r. For a VOS
 * layout this is, up to the optimiser's tolerance, V of the coordinates the
 * optimiser returned (the value VOSviewer reports); unlike V of the stored
 * coordinates (scaled to average distance 1) it is comparable between the
 * exact and the approximate method, between VOS and FR, and between runs.
 * When A or R is 0 (no attraction at all) the best scale does not exist and
 * V of the optimiser's coordinates is used.
 */
#ifndef JK_LAYOUT_H
#define JK_LAYOUT_H

#include <stddef.h>

#include <stdatomic.h>

#include "map.h"
#include "util/status.h"

enum jk_layout_kind {
    JK_LAYOUT_VOS,  /* VOS mapping by gradient descent (default) */
    JK_LAYOUT_FR,   /* igraph's Fruchterman-Reingold, weights = association */
    JK_LAYOUT_NONE, /* no layout: coordinates 0, has_layout 0 */
};

struct jk_layout_options {
    enum jk_layout_kind kind;
    double attraction;              /* a; must be greater than repulsion; 0 means ln d */
    double repulsion;               /* r; 0 means ln d */
    unsigned starts;                /* random starts (>= 1); the lowest V is kept */
    unsigned max_iterations;        /* per start; VOS sweeps or FR iterations */
    double initial_step;            /* VOS: first step length (> 0) */
    double step_reduction;          /* VOS: step *= this when V does not improve, in (0, 1) */
    double convergence;             /* VOS: stop when the step falls below this (> 0) */
    unsigned required_improvements; /* VOS: step /= reduction after this many improvements */
    unsigned long seed;             /* fixed seed: same map and options, same coordinates */
    double unconnected_weight;      /* w0 above (>= 0), used only for disconnected maps */
    size_t exact_limit;             /* VOS maps with more terms use Barnes-Hut */
    unsigned threads;               /* for Barnes-Hut; 0 = every processor (same result) */
    double theta;                   /* Barnes-Hut opening angle, in (0, 1] */
    /*
     * NULL, or a count another thread may set while the layout runs (0: not
     * yet): from the next Barnes-Hut sweep on, it replaces `threads`. Borrowed;
     * the same coordinates whenever it is set.
     */
    const atomic_uint *threads_later;
};

/*
 * VOSviewer's defaults: VOS, a = 2, r = 1, 1 start, 1000 iterations, step 1,
 * reduction 0.75, convergence 0.001, 5 improvements, seed 0, unconnected
 * weight 0.01; exact up to 1000 terms, theta 0.5.
 */
void jk_layout_options_default(struct jk_layout_options *o);

/*
 * Returns JK_OK, or JK_E_USAGE with a message that says which option to
 * change and how. Checks: a known kind; a and r finite, within [-10, 10]
 * and a > r (with a <= r V falls without bound as the map grows, so there is
 * no layout to find; CWTS networkanalysis rejects it too); starts,
 * max_iterations, required_improvements >= 1; initial_step >= convergence > 0;
 * 0 < step_reduction < 1; unconnected_weight >= 0; 0 < theta <= 1.
 */
enum jk_status jk_layout_validate(const struct jk_layout_options *o, struct jk_diag *diag);

/*
 * Lays out the terms of map: sets terms[].x, .y, has_layout = 1 and
 * layout_objective (see the top of this file); for JK_LAYOUT_NONE sets every
 * x, y to 0, has_layout = 0 and layout_objective = 0. Reads n_terms and
 * links[].source, .target, .association (every association must be > 0 and
 * finite: run jk_network_associate first). Same map, options and seed give
 * the same coordinates bit for bit.
 *
 * VOS: each start places the terms uniformly at random in [-1, 1]^2 and runs
 * CWTS' gradient descent: per iteration, every term in a fixed random order
 * moves by the current step length against the gradient of V at that term
 * (taken at the current positions of the others); V is accumulated during
 * the sweep. If V did not decrease the step shrinks by step_reduction,
 * after required_improvements decreases in a row it grows by
 * 1 / step_reduction; it stops after max_iterations or when the step falls
 * below convergence. Up to exact_limit terms every pair is summed, O(n^2)
 * per iteration; above it the all-pairs terms of the gradient and of the
 * sweep's V come from a Barnes-Hut quadtree of the positions at the start of
 * the sweep, O(n log n) per iteration (links stay exact).
 * FR: igraph_layout_fruchterman_reingold with max_iterations iterations,
 * weights = association divided by its mean (FR's forces expect weights
 * near 1), igraph's RNG seeded with seed once; each start runs FR again.
 * Every start's V at best scale is computed exactly, O(n^2); the first start
 * with the lowest value wins, so more starts never give a higher objective.
 *
 * Then the layout is standardised (VOSviewer): centred at the origin;
 * rotated so the horizontal axis has the maximal variance; reflected so
 * that the median of x and of y is <= 0; scaled so the average distance
 * between terms is 1. A map of one term is placed at (0, 0); none: nothing.
 *
 * Allocates nothing that outlives the call. FR touches igraph's globals
 * (jk_igraph_setup, default RNG). Errors: JK_E_USAGE from jk_layout_validate
 * (map untouched); JK_E_INTERNAL when a link has no usable association or
 * igraph fails (map untouched).
 */
enum jk_status jk_layout(struct jk_map *map, const struct jk_layout_options *o,
                         struct jk_diag *diag);

/*
 * V (top of this file) of the current terms[].x, .y, at their own scale,
 * with w0 chosen as jk_layout does. Exact, O(n_terms^2 + n_links); for tests
 * and benchmarks. Reads attraction, repulsion and unconnected_weight of o.
 */
double jk_vos_objective(const struct jk_map *map, const struct jk_layout_options *o);

#endif
