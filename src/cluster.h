/*
 * Clustering stage: VOS clustering of the term network, i.e. the Leiden
 * algorithm on the CPM quality function (igraph), best of several random
 * starts, then VOSviewer's merge of small clusters and largest-first numbering.
 * With strength weights the same machinery optimises modularity, as
 * VOSviewer's LinLog/modularity variant does on unnormalised counts.
 * Runs after jk_network_normalize and before layout and export.
 */
#ifndef JK_CLUSTER_H
#define JK_CLUSTER_H

#include <stdbool.h>

#include "map.h"
#include "util/status.h"

/*
 * Which Leiden runs the starts: igraph's, or leiden.h's on rows of
 * neighbours (the same steps, other random numbers; several times faster on
 * maps of millions of links, 2-3 times from 100,000); auto: compact from
 * JK_CLUSTER_COMPACT_LINKS on.
 */
enum jk_leiden_engine { JK_LEIDEN_AUTO, JK_LEIDEN_IGRAPH, JK_LEIDEN_COMPACT };

struct jk_cluster_options {
    double resolution;         /* gamma >= 0; higher gives more, smaller clusters */
    unsigned starts;           /* random starts (>= 1); the best quality is kept */
    unsigned iterations;       /* Leiden iterations per start (>= 1) */
    double randomness;         /* Leiden beta (> 0) for the refinement step */
    unsigned long seed;        /* with the start index, seeds each start (see below) */
    unsigned min_cluster_size; /* 0 or 1: no merging; otherwise merge smaller clusters */
    bool strength_weights;     /* node weights n_i = total link strength, resolution
                                  gamma / sum_k n_k (modularity); false: node weights 1 */
    unsigned threads;          /* processes for the starts; 0 = every processor online.
                                  Results never depend on it */
    enum jk_leiden_engine engine;
    /*
     * NULL, or called once on the caller's thread right after the helper
     * processes are forked (or would have been), before the starts run:
     * where a caller starts its own threads to work beside clustering, so
     * that none of them holds a lock of the allocator while jk_cluster
     * forks (AddressSanitizer's allocator is not made safe for fork as
     * glibc's is). Not called when jk_cluster returns before clustering
     * (no terms, an error).
     */
    void (*on_started)(void *ctx);
    void *on_started_ctx;
};

/* From this many links on, the starts are spread over helper processes (see jk_cluster). */
#define JK_CLUSTER_FORK_LINKS 20000
/* From this many links on, JK_LEIDEN_AUTO runs leiden.h's Leiden. */
#define JK_CLUSTER_COMPACT_LINKS 100000

/* Whether jk_cluster runs leiden.h's engine on map with opt (else igraph's). */
bool jk_cluster_uses_compact(const struct jk_map *map, const struct jk_cluster_options *opt);

/*
 * VOSviewer Online defaults: 1.0, 10 starts, 10 iterations, 0.01, seed 0,
 * min size 1, node weights 1; threads 0; engine auto.
 */
void jk_cluster_options_default(struct jk_cluster_options *o);

/*
 * Clusters the terms of map and writes terms[i].cluster (1..n_clusters),
 * map->n_clusters and map->quality. Reads only n_terms, links[].source,
 * .target, .association and, with strength_weights,
 * terms[].total_link_strength (run jk_network_normalize first). Allocates
 * nothing that outlives the call. Touches igraph's globals: calls
 * jk_igraph_setup() and reseeds igraph's default RNG. Not thread-safe (igraph
 * is not); may fork helper processes (below).
 *
 * Node weights w_i and the resolution r given to igraph:
 *   default:          w_i = 1, r = gamma (CPM; association strength makes
 *                     the node weights 1, VOSviewer's clustering)
 *   strength_weights: w_i = n_i = terms[i].total_link_strength (as double),
 *                     r = gamma / W with W = sum_k n_k (= 2m when association
 *                     is the co-occurrence count, i.e. normalisation none:
 *                     modularity with resolution gamma). W = 0 (no links)
 *                     leaves r = gamma; every w_i is 0 then anyway.
 *
 * Steps:
 * 1. Undirected igraph graph: one vertex per term, one edge per link with
 *    weight = association; node weights w_i.
 * 2. Leiden from singletons (igraph_community_leiden, or leiden.h's with
 *    jk_cluster_uses_compact), `starts` times, keeping the first membership
 *    (in start order) whose quality Q (below) is strictly the greatest.
 *    Right before start s (0, 1, ...) igraph's default RNG (or leiden.h's
 *    generator) is seeded with output s + 1 of splitmix64 seeded with
 *    opt->seed, a 64-bit value that depends only on (seed, s). Each start
 *    runs at most `iterations` iterations and stops after the first that
 *    changes nothing. So start s gives the same
 *    membership whatever ran before it, the first k starts are the same for
 *    any starts >= k, and the same map and options give the same clusters on
 *    every run.
 * 3. If min_cluster_size > 1, clusters are first numbered as in step 4, then
 *    repeatedly the smallest cluster with fewer terms than the minimum (ties:
 *    the lowest number) is merged into the cluster j that maximises
 *        (sum of association of links between the two) / (total weight of j)
 *    where the total weight of j is the sum of the node weights w_i of its
 *    terms: its number of terms with node weights 1, its total link strength
 *    with strength_weights (CWTS networkanalysis removeCluster). Ties go to
 *    the lowest number. A cluster without links to any other cluster cannot
 *    be merged and stays as it is.
 * 4. Clusters are numbered 1..K by number of terms, largest first; equal
 *    sizes are ordered by the smallest term index in the cluster.
 *
 * Processes: with P = min(threads, starts) > 1 (threads 0: the processors
 * online) and at least JK_CLUSTER_FORK_LINKS links, the caller's process
 * forks P - 1 helpers after building the graph; start s runs on process
 * s % P, the caller's included. A helper calls only igraph or leiden.h (and
 * malloc; no threads, no stdio: the caller may have idle threads of its
 * own), writes the best of its starts into a shared anonymous mapping (two
 * memberships of n_terms uint32_t per process, whatever the number of
 * starts), restores the default SIGINT and SIGTERM handling and ends with
 * _exit(0); only the caller returns from jk_cluster. Without the mapping
 * every start runs in the caller's process. The caller waits for every
 * helper and itself runs any start a helper did not complete (fork failure,
 * crash, kill), so the result is the same for any threads and whatever
 * happens to the helpers. The caller must not ignore SIGCHLD (waitpid must
 * be able to wait for the helpers) nor reap them with a handler of its own.
 * Below the threshold, or with P = 1, every start runs in the caller's
 * process.
 *
 * Isolated terms (no links) each form a cluster of one: Leiden cannot join
 * them to anything and neither can the merge. Being of size 1 they come last,
 * in term order, interleaved by term index with any linked cluster of one.
 *
 * Quality (VOSviewer's and igraph's CPM quality with the node weights and
 * resolution above, of the final clustering, so after merging):
 *     Q = 1/(2m) * sum_{i,j} delta(c_i,c_j) * (a'_ij - r * w_i * w_j)
 * with the sum over all ordered pairs (i,j) of terms, i == j included;
 * a'_ij = a'_ji = association of the link between i and j (0 without a link,
 * a'_ii = 0); m = sum of association over links, each link once.
 * Equivalently Q = (2 * W_in - r * sum_c s_c^2) / (2m), with W_in the
 * association within clusters (each link once) and s_c the total node weight
 * of cluster c (its size with node weights 1). With node weights 1 this is
 * VOSviewer's CPM quality. With strength_weights and association = weight
 * (normalisation none) it is Newman's modularity
 *     Q = 1/(2m) * sum_{i,j} delta(c_i,c_j) * (a_ij - gamma * n_i * n_j / (2m)),
 * the value igraph_modularity gives for the same partition and resolution.
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
