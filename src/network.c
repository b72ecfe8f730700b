/*
 * Network stage: link statistics and association-strength normalisation
 * (van Eck & Waltman 2009), and the largest-component filter, see network.h.
 */
#include "network.h"

#include <stdint.h>
#include <stdlib.h>

#include "util/mem.h"

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

/* Union-find root with path halving; every root is the lowest index of its set. */
static uint32_t find_root(uint32_t *parent, uint32_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

/* The root (= lowest term index) of the largest component; the first one on ties. */
static uint32_t largest_root(const struct jk_map *map, uint32_t *parent)
{
    size_t n = map->n_terms;
    for (size_t i = 0; i < n; i++)
        parent[i] = (uint32_t)i;
    for (size_t k = 0; k < map->n_links; k++) {
        uint32_t a = find_root(parent, map->links[k].source);
        uint32_t b = find_root(parent, map->links[k].target);
        if (a < b)
            parent[b] = a;
        else if (b < a)
            parent[a] = b;
    }
    uint32_t *size = jk_calloc(n, sizeof(*size));
    for (size_t i = 0; i < n; i++)
        size[find_root(parent, (uint32_t)i)]++;
    uint32_t best = 0;
    for (size_t i = 1; i < n; i++)
        if (size[i] > size[best])
            best = (uint32_t)i;
    free(size);
    return best;
}

void jk_map_keep_largest_component(struct jk_map *map)
{
    size_t n = map->n_terms;
    if (n == 0)
        return;
    uint32_t *to = jk_malloc(n * sizeof(*to));
    bool *keep = jk_malloc(n * sizeof(*keep));
    uint32_t root = largest_root(map, to);
    for (size_t i = 0; i < n; i++)
        keep[i] = find_root(to, (uint32_t)i) == root;
    jk_map_keep(map, keep);
    free(keep);
    free(to);
}
