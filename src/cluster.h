/*
 * Clustering stage: VOS clustering of the term network, i.e. the Leiden
 * algorithm on the CPM quality function (igraph), best of several random
 * starts, then VOSviewer's merge of small clusters and largest-first numbering.
 * Runs after jk_network_associate and before layout and export.
 */
#ifndef JK_CLUSTER_H
#define JK_CLUSTER_H

#include "map.h"
#include "util/status.h"

struct jk_cluster_options {
    double resolution;         /* gamma >= 0; higher gives more, smaller clusters */
    unsigned starts;           /* random starts (>= 1); the best quality is kept */
    unsigned iterations;       /* Leiden iterations per start (>= 1) */
    double randomness;         /* Leiden beta (> 0) for the refinement step */
    unsigned long seed;        /* seeds igraph's default RNG once per jk_cluster call */
    unsigned min_cluster_size; /* 0 or 1: no merging; otherwise merge smaller clusters */
};

/* VOSviewer Online defaults: 1.0, 10 starts, 10 iterations, 0.01, seed 0, min size 1. */
void jk_cluster_options_default(struct jk_cluster_options *o);

/*
 * Clusters the terms of map and writes terms[i].cluster (1..n_clusters),
 * map->n_clusters and map->quality. Reads only n_terms and links[].source,
 * .target, .association (run jk_network_associate first). Allocates nothing
 * that outlives the call. Touches igraph's globals: calls jk_igraph_setup()
 * and reseeds igraph's default RNG.
 *
 * Steps:
 * 1. Undirected igraph graph: one vertex per term, one edge per link with
 *    weight = association; node weights 1 (association strength makes the
 *    CPM node weights 1). igraph's default RNG is seeded with opt->seed once,
 *    so the same map and options give the same clusters on every run.
 * 2. igraph_community_leiden from singletons, `starts` times, keeping the
 *    first membership whose quality Q (below) is strictly the greatest.
 * 3. If min_cluster_size > 1, clusters are first numbered as in step 4, then
 *    repeatedly the smallest cluster with fewer terms than the minimum (ties:
 *    the lowest number) is merged into the cluster j that maximises
 *        (sum of association of links between the two) / (total weight of j)
 *    where the total weight of j is the sum of the node weights of its terms,
 *    i.e. its number of terms, since node weights are 1 (CWTS networkanalysis
 *    removeCluster). Ties go to the lowest number. A cluster without links to
 *    any other cluster cannot be merged and stays as it is.
 * 4. Clusters are numbered 1..K by number of terms, largest first; equal
 *    sizes are ordered by the smallest term index in the cluster.
 *
 * Isolated terms (no links) each form a cluster of one: Leiden cannot join
 * them to anything and neither can the merge. Being of size 1 they come last,
 * in term order, interleaved by term index with any linked cluster of one.
 *
 * Quality (VOSviewer's and igraph's CPM quality, of the final clustering,
 * so after merging):
 *     Q = 1/(2m) * sum_{i,j} delta(c_i,c_j) * (a'_ij - gamma * n_i * n_j)
 * with the sum over all ordered pairs (i,j) of terms, i == j included;
 * a'_ij = a'_ji = association of the link between i and j (0 without a link,
 * a'_ii = 0); n_i = 1; m = sum of association over links, each link once.
 * Equivalently Q = (2 * W_in - gamma * sum_c s_c^2) / (2m), with W_in the
 * association within clusters (each link once) and s_c the size of cluster c.
 * With no links (m = 0) Q is defined as 0.
 *
 * Errors: JK_E_USAGE when an option is out of range (message says which and
 * gives a valid example; map untouched); JK_E_INTERNAL when igraph fails
 * (map->terms[].cluster, n_clusters, quality then unchanged). A map with no
 * terms gives 0 clusters and quality 0.
 */
enum jk_status jk_cluster(struct jk_map *map, const struct jk_cluster_options *opt,
                          struct jk_diag *diag);

#endif
