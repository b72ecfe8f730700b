/*
 * Network stage: link statistics and association-strength normalisation
 * (van Eck & Waltman 2009), see network.h.
 */
#include "network.h"

void jk_network_associate(struct jk_map *map)
{
    jk_map_link_stats(map);
    /* Doubles from here: n_i * n_j overflows 64 bits long before a_ij does. */
    double total = 0.0;
    for (size_t i = 0; i < map->n_terms; i++)
        total += (double)map->terms[i].total_link_strength;
    for (size_t k = 0; k < map->n_links; k++) {
        struct jk_link *l = &map->links[k];
        double ni = (double)map->terms[l->source].total_link_strength;
        double nj = (double)map->terms[l->target].total_link_strength;
        /* A zero-weight link (which map.h rules out) would give 0/0. */
        l->association = (ni > 0.0 && nj > 0.0) ? (double)l->weight * total / (ni * nj) : 0.0;
    }
}
