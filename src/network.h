/*
 * Network stage: normalises co-occurrence counts into association strengths,
 * VOSviewer's default normalisation, which the clustering stage works on.
 * Runs after the link list of the map is final and before cluster/layout.
 */
#ifndef JK_NETWORK_H
#define JK_NETWORK_H

#include "map.h"

/*
 * Requires map->links final (map.h invariants: source < target < n_terms,
 * weight > 0). Calls jk_map_link_stats (terms[].links, total_link_strength),
 * then sets for every link
 *     links[k].association = a_ij / (n_i * n_j / N)
 * with a_ij = links[k].weight, n_i = terms[i].total_link_strength and
 * N = sum_k n_k (each link counted twice, as in the VOSviewer reference).
 * Every association is > 0 and finite and the same whichever of the two
 * terms is called source. Allocates nothing; cannot fail.
 */
void jk_network_associate(struct jk_map *map);

/*
 * Keeps only the terms of the largest connected component of the term
 * network (VOSviewer's "largest set of connected items"); ties go to the
 * component that contains the lowest term index. A term without links is a
 * component of one, so a map without links keeps its first term. Kept terms
 * and links keep their order and are re-indexed (map.h invariants hold
 * afterwards); dropped labels are freed; jk_map_link_stats is recomputed.
 * Other term fields travel with their term unchanged, and links keep their
 * association: call this before jk_network_associate (and before cluster and
 * layout) so that association strengths refer to the kept network.
 * Near-linear in n_terms + n_links; cannot fail; a map without terms is left
 * as it is.
 */
void jk_map_keep_largest_component(struct jk_map *map);

#endif
