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

#endif
