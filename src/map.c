/* The term map shared by the later pipeline stages (see map.h). */
#include "map.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

void jk_map_init(struct jk_map *map)
{
    memset(map, 0, sizeof(*map));
}

void jk_map_release(struct jk_map *map)
{
    if (!map)
        return;
    for (size_t i = 0; i < map->n_terms; i++) {
        free(map->terms[i].label);
        free(map->terms[i].aliases);
    }
    free(map->terms);
    free(map->links);
    jk_map_init(map);
}

void jk_map_link_stats(struct jk_map *map)
{
    for (size_t i = 0; i < map->n_terms; i++) {
        map->terms[i].links = 0;
        map->terms[i].total_link_strength = 0;
    }
    for (size_t k = 0; k < map->n_links; k++) {
        const struct jk_link *l = &map->links[k];
        map->terms[l->source].links++;
        map->terms[l->target].links++;
        map->terms[l->source].total_link_strength += l->weight;
        map->terms[l->target].total_link_strength += l->weight;
    }
}

size_t jk_map_keep(struct jk_map *map, const bool *keep)
{
    uint32_t *index = jk_malloc((map->n_terms ? map->n_terms : 1) * sizeof(*index));
    size_t kept = 0;
    for (size_t i = 0; i < map->n_terms; i++) {
        if (keep[i]) {
            index[i] = (uint32_t)kept;
            map->terms[kept++] = map->terms[i];
        } else {
            index[i] = UINT32_MAX;
            free(map->terms[i].label);
            free(map->terms[i].aliases);
        }
    }
    map->n_terms = kept;
    size_t links = 0;
    for (size_t k = 0; k < map->n_links; k++) {
        struct jk_link l = map->links[k];
        if (index[l.source] == UINT32_MAX || index[l.target] == UINT32_MAX)
            continue;
        l.source = index[l.source];
        l.target = index[l.target];
        map->links[links++] = l;
    }
    map->n_links = links;
    free(index);
    jk_map_link_stats(map);
    return kept;
}

size_t jk_map_bad_link(const struct jk_map *map)
{
    size_t k = 0;
    while (k < map->n_links && map->links[k].source < map->n_terms &&
           map->links[k].target < map->n_terms)
        k++;
    return k;
}
