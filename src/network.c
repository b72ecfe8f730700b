/*
 * Network stage: link statistics, the link normalisations (association
 * strength after van Eck & Waltman 2009, fractionalization, Jaccard, cosine,
 * inclusion, equivalence, none) and the largest-component filter, see network.h.
 */
#include "network.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

static const char *const norm_names[] = {
    [JK_NORM_ASSOCIATION] = "association",
    [JK_NORM_FRACTIONALIZATION] = "fractionalization",
    [JK_NORM_JACCARD] = "jaccard",
    [JK_NORM_COSINE] = "cosine",
    [JK_NORM_INCLUSION] = "inclusion",
    [JK_NORM_EQUIVALENCE] = "equivalence",
    [JK_NORM_NONE] = "none",
};
#define N_NORMS (sizeof(norm_names) / sizeof(*norm_names))

const char *jk_normalization_name(enum jk_normalization n)
{
    return (size_t)n < N_NORMS ? norm_names[n] : "unknown";
}

enum jk_status jk_normalization_parse(const char *text, enum jk_normalization *out,
                                      struct jk_diag *diag)
{
    for (size_t i = 0; i < N_NORMS; i++)
        if (strcmp(text, norm_names[i]) == 0) {
            *out = (enum jk_normalization)i;
            return JK_OK;
        }
    return jk_error(diag, JK_E_USAGE,
                    "--normalization takes 'association', 'fractionalization', 'jaccard', "
                    "'cosine', 'inclusion', 'equivalence' or 'none', not '%s'",
                    text);
}

/* Association strength or fractionalization, from the total link strengths. */
static void by_strength(struct jk_map *map, enum jk_normalization n)
{
    /* Doubles from here: n_i * n_j overflows 64 bits long before a_ij does. */
    double total = 0.0, nodes = (double)map->n_terms;
    for (size_t i = 0; i < map->n_terms; i++)
        total += (double)map->terms[i].total_link_strength;
    for (size_t k = 0; k < map->n_links; k++) {
        struct jk_link *l = &map->links[k];
        double a = (double)l->weight;
        double ni = (double)map->terms[l->source].total_link_strength;
        double nj = (double)map->terms[l->target].total_link_strength;
        /* n_i > 0 for every term with a link of weight > 0; a zero weight would give 0/0. */
        if (!(ni > 0.0 && nj > 0.0))
            l->association = 0.0;
        else if (n == JK_NORM_ASSOCIATION)
            l->association = a * total / (ni * nj);
        else
            l->association = a * (nodes / ni + nodes / nj) / 2.0;
    }
}

/* One similarity measure from c_ij and the (guarded, > 0) c_i and c_j. */
static double similarity(enum jk_normalization n, double cij, double ci, double cj)
{
    switch (n) {
    case JK_NORM_JACCARD:
        return cij / (ci + cj - cij);
    case JK_NORM_COSINE:
        return cij / sqrt(ci * cj);
    case JK_NORM_INCLUSION:
        return cij / (ci < cj ? ci : cj);
    default: /* equivalence; two quotients so that c_ij^2 cannot overflow */
        return (cij / ci) * (cij / cj);
    }
}

/* Jaccard, cosine, inclusion or equivalence on occurrences, guarded as network.h says. */
static void by_occurrences(struct jk_map *map, enum jk_normalization n)
{
    uint64_t *c = jk_malloc((map->n_terms ? map->n_terms : 1) * sizeof(*c));
    for (size_t i = 0; i < map->n_terms; i++)
        c[i] = map->terms[i].occurrences;
    for (size_t k = 0; k < map->n_links; k++) {
        const struct jk_link *l = &map->links[k];
        if (c[l->source] < l->weight)
            c[l->source] = l->weight;
        if (c[l->target] < l->weight)
            c[l->target] = l->weight;
    }
    for (size_t k = 0; k < map->n_links; k++) {
        struct jk_link *l = &map->links[k];
        /* weight > 0 makes both c > 0; a zero weight (ruled out by map.h) gives 0. */
        l->association = l->weight == 0 ? 0.0
                                        : similarity(n, (double)l->weight, (double)c[l->source],
                                                     (double)c[l->target]);
    }
    free(c);
}

void jk_network_normalize(struct jk_map *map, enum jk_normalization n)
{
    jk_map_link_stats(map);
    switch (n) {
    case JK_NORM_ASSOCIATION:
    case JK_NORM_FRACTIONALIZATION:
        by_strength(map, n);
        break;
    case JK_NORM_JACCARD:
    case JK_NORM_COSINE:
    case JK_NORM_INCLUSION:
    case JK_NORM_EQUIVALENCE:
        by_occurrences(map, n);
        break;
    case JK_NORM_NONE:
        for (size_t k = 0; k < map->n_links; k++)
            map->links[k].association = (double)map->links[k].weight;
        break;
    }
}

void jk_network_associate(struct jk_map *map)
{
    jk_network_normalize(map, JK_NORM_ASSOCIATION);
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
