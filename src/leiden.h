/*
 * Clustering stage, large maps: the Leiden algorithm (Traag, Waltman and van
 * Eck 2019, "From Louvain to Leiden: guaranteeing well-connected
 * communities", Sci. Rep. 9:5233) on the CPM quality function with node
 * weights, over a compact adjacency array.
 *
 * igraph's Leiden (cluster.c's default engine) reaches an edge's other end
 * and weight through the edge's id, and an undirected edge is stored once,
 * so half of each node's edges are scattered over the whole edge list: on a
 * dense 5,000-term map (8 million links) a start takes seconds, nearly all of
 * it waiting for memory. Here each node's neighbours and weights sit side by
 * side in its row, both directions stored, and a pass over the edges reads
 * memory in order. The steps, their order and their rules are igraph's (and
 * the paper's); only the random numbers differ (see jk_leiden_iterate).
 */
#ifndef JK_LEIDEN_H
#define JK_LEIDEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "map.h"

/* An undirected weighted graph as rows: the neighbours of v are
 * nbr[row[v]..row[v+1]), with weights w[...] in the same places. Owns its arrays. */
struct jk_leiden_graph {
    size_t n;
    size_t *row;    /* n + 1 offsets */
    uint32_t *nbr;  /* row[n] entries; no self-loops */
    double *w;      /* row[n] link weights */
    double *node_w; /* n node weights */
};

/*
 * The graph of n nodes with one edge per link (source != target, both < n;
 * weight = association; links[] in map.h's order) and node weights node_w
 * (n values, copied). Each row lists its neighbours in increasing order.
 */
void jk_leiden_graph_init(struct jk_leiden_graph *g, size_t n, const struct jk_link *links,
                          size_t n_links, const double *node_w);
void jk_leiden_graph_release(struct jk_leiden_graph *g);

/* splitmix64 (Steele, Lea and Flood 2014): the random numbers of one start. */
struct jk_leiden_rng {
    uint64_t state;
};

/*
 * One Leiden iteration on g from the partition membership (n labels, each
 * < n; singletons 0..n-1 for a first iteration), optimising
 *     H = sum_c (E_c - r * S_c^2 / 2)
 * (E_c: weight of the links inside c, S_c: total node weight of c), which
 * orders partitions as cluster.h's quality Q does. Steps as igraph 0.10's
 * igraph_community_leiden with one iteration:
 *  1. Fast local moving: nodes in a random order in a queue; each moves to the
 *     neighbouring cluster (or an empty one) of strictly greatest gain, ties
 *     keep it where it is; the neighbours a move leaves outside the node's
 *     new cluster go back into the queue.
 *  2. Refinement within each cluster, from singletons, nodes in a random
 *     order: a node still alone and well connected to its cluster joins a
 *     well-connected subcluster (or stays) at random among those of
 *     non-negative gain, with probability proportional to exp(gain / beta).
 *  3. Aggregation by the refined clusters (by the clusters themselves when
 *     refinement joined nothing) and moving on the aggregate from the
 *     clusters of step 1, until a moving step leaves every node alone.
 * membership receives the result, renumbered 0..K-1 by first appearance in
 * node order. Returns whether it differs from the labels on entry (compared
 * as given, so a first iteration from singletons usually returns true).
 * Deterministic: the same graph, membership, r, beta and rng state give the
 * same result and rng state. Allocates only scratch memory, freed on return.
 */
bool jk_leiden_iterate(const struct jk_leiden_graph *g, double r, double beta,
                       struct jk_leiden_rng *rng, uint32_t *membership);

/*
 * Step 2 alone, for tests: sub (n entries) receives the refinement of the
 * partition m (labels 0..k-1, every label used), renumbered 0..K-1 by
 * first appearance; returns K.
 */
size_t jk_leiden_refine(const struct jk_leiden_graph *g, const uint32_t *m, size_t k, double r,
                        double beta, struct jk_leiden_rng *rng, uint32_t *sub);

#endif
