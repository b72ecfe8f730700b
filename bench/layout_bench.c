/*
 * VOS layout benchmark: random clustered term maps of 100, 1,000 and 5,000
 * terms (fixed seed), laid out with the default options and with a stronger
 * search (10 starts, 5000 iterations); at 1,000 terms both the exact method
 * and Barnes-Hut. Prints one Markdown table row per run. Built and run by
 * bench/layout_bench.sh; not part of the CMake build.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "layout.h"
#include "map.h"
#include "network.h"
#include "util/mem.h"

struct edge {
    uint32_t a, b; /* a < b */
    uint64_t w;
};

static uint64_t next_u64(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static int edge_cmp(const void *x, const void *y)
{
    const struct edge *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return (p->b > q->b) - (p->b < q->b);
}

/*
 * n terms in n / 40 groups (term i in group i % groups), 6 random links per
 * term, 85 % inside its group, a chain through each group and one between
 * groups (connected); a repeated pair adds up its weight (1..4 each time).
 */
static void clustered_map(struct jk_map *map, size_t n, uint64_t seed)
{
    size_t groups = n / 40 ? n / 40 : 1, m = 0;
    struct edge *e = jk_malloc(n * 7 * sizeof(*e));
    for (size_t i = 0; i < n; i++) {
        for (int k = 0; k < 6; k++) {
            size_t j = next_u64(&seed) % n;
            if (next_u64(&seed) % 100 < 85)
                j = (j - j % groups + i % groups) % n;
            if (j != i)
                e[m++] = (struct edge){(uint32_t)(i < j ? i : j), (uint32_t)(i < j ? j : i),
                                       1 + next_u64(&seed) % 4};
        }
        if (i > 0)
            e[m++] = (struct edge){(uint32_t)(i >= groups ? i - groups : i - 1), (uint32_t)i, 1};
    }
    qsort(e, m, sizeof(*e), edge_cmp);
    jk_map_init(map);
    map->terms = jk_calloc(n, sizeof(*map->terms));
    map->n_terms = n;
    for (size_t i = 0; i < n; i++) {
        char label[24];
        snprintf(label, sizeof(label), "t%zu", i);
        map->terms[i].label = jk_strdup(label);
    }
    map->links = jk_calloc(m, sizeof(*map->links));
    for (size_t k = 0; k < m; k++) {
        struct jk_link *last = map->n_links ? &map->links[map->n_links - 1] : NULL;
        if (last && last->source == e[k].a && last->target == e[k].b)
            last->weight += e[k].w;
        else
            map->links[map->n_links++] =
                (struct jk_link){.source = e[k].a, .target = e[k].b, .weight = e[k].w};
    }
    free(e);
    jk_network_associate(map);
}

static double wall_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void run(struct jk_map *map, const char *name, unsigned starts, unsigned iterations,
                size_t exact_limit)
{
    struct jk_layout_options o;
    struct jk_diag diag;
    jk_layout_options_default(&o);
    o.starts = starts;
    o.max_iterations = iterations;
    o.exact_limit = exact_limit;
    jk_diag_init(&diag);
    double wall = wall_seconds();
    clock_t cpu = clock();
    if (jk_layout(map, &o, &diag) != JK_OK) {
        fprintf(stderr, "layout_bench: %s\n", diag.msg);
        exit(1);
    }
    double cpu_s = (double)(clock() - cpu) / CLOCKS_PER_SEC;
    wall = wall_seconds() - wall;
    printf("| %zu | %zu | %s | %s | %.2f | %.2f | %.2f |\n", map->n_terms, map->n_links, name,
           map->n_terms > exact_limit ? "Barnes-Hut" : "exact", map->layout_objective, wall, cpu_s);
    fflush(stdout);
}

int main(void)
{
    const size_t sizes[] = {100, 1000, 5000};
    printf("| terms | links | options | method | V (best scale) | wall s | CPU s |\n");
    printf("|---:|---:|---|---|---:|---:|---:|\n");
    for (size_t k = 0; k < 3; k++) {
        struct jk_map map;
        clustered_map(&map, sizes[k], 2024);
        run(&map, "default", 1, 1000, 1000);
        if (sizes[k] == 1000)
            run(&map, "default", 1, 1000, 999);
        run(&map, "10 starts, 5000 it.", 10, 5000, 1000);
        if (sizes[k] == 1000)
            run(&map, "10 starts, 5000 it.", 10, 5000, 999);
        jk_map_release(&map);
    }
    return 0;
}
