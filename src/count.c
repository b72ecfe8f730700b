/*
 * Stages 5 and 6: term counting per document, selection, and sparse
 * co-occurrence of the selected terms. See count.h.
 */
#include "count.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "select.h"
#include "util/mem.h"

void jk_counter_init(struct jk_counter *c)
{
    memset(c, 0, sizeof(*c));
    jk_strmap_init(&c->terms);
    jk_strmap_init(&c->surfaces);
}

void jk_counter_release(struct jk_counter *c)
{
    if (!c)
        return;
    jk_strmap_release(&c->terms);
    jk_strmap_release(&c->surfaces);
    free(c->full);
    free(c->docs);
    free(c->last_doc);
    free(c->slot);
    free(c->surface_term);
    free(c->surface_count);
    free(c->pool_terms);
    free(c->pool_counts);
    free(c->doc_start);
    jk_counter_init(c);
}

void jk_counter_begin_doc(struct jk_counter *c)
{
    JK_GROW(c->doc_start, c->n_docs + 2, c->cap_docs);
    c->doc_start[c->n_docs] = c->pool_len;
    c->in_doc = true;
}

void jk_counter_end_doc(struct jk_counter *c)
{
    c->n_docs++;
    c->doc_start[c->n_docs] = c->pool_len;
    c->in_doc = false;
}

static uint32_t intern_term(struct jk_counter *c, const char *key, size_t len)
{
    bool added;
    uint32_t id = jk_strmap_intern(&c->terms, key, len, &added);
    if (added) {
        size_t n = id + 1, cap = c->cap_terms;
        JK_GROW(c->full, n, cap);
        cap = c->cap_terms;
        JK_GROW(c->docs, n, cap);
        cap = c->cap_terms;
        JK_GROW(c->last_doc, n, cap);
        cap = c->cap_terms;
        JK_GROW(c->slot, n, cap);
        c->cap_terms = cap;
        c->full[id] = c->docs[id] = c->last_doc[id] = 0;
    }
    return id;
}

static void add_surface(struct jk_counter *c, uint32_t term, const char *s, size_t len)
{
    bool added;
    uint32_t sid = jk_strmap_intern(&c->surfaces, s, len, &added);
    if (added) {
        size_t cap = c->cap_surfaces;
        JK_GROW(c->surface_term, sid + 1, cap);
        cap = c->cap_surfaces;
        JK_GROW(c->surface_count, sid + 1, cap);
        c->cap_surfaces = cap;
        c->surface_term[sid] = term;
        c->surface_count[sid] = 0;
    }
    c->surface_count[sid]++;
}

void jk_counter_add(struct jk_counter *c, const char *key, size_t key_len, const char *surface,
                    size_t surface_len)
{
    uint32_t id = intern_term(c, key, key_len);
    uint32_t doc_tag = (uint32_t)c->n_docs + 1;
    c->full[id]++;
    c->candidates++;
    add_surface(c, id, surface, surface_len);
    if (c->last_doc[id] == doc_tag) {
        c->pool_counts[c->slot[id]]++;
        return;
    }
    c->last_doc[id] = doc_tag;
    c->docs[id]++;
    size_t cap = c->cap_pool;
    JK_GROW(c->pool_terms, c->pool_len + 1, cap);
    cap = c->cap_pool;
    JK_GROW(c->pool_counts, c->pool_len + 1, cap);
    c->cap_pool = cap;
    c->slot[id] = (uint32_t)c->pool_len;
    c->pool_terms[c->pool_len] = id;
    c->pool_counts[c->pool_len] = 1;
    c->pool_len++;
}

size_t jk_counter_terms(const struct jk_counter *c)
{
    return jk_strmap_count(&c->terms);
}

uint32_t jk_counter_occurrences(const struct jk_counter *c, uint32_t id, enum jk_counting counting)
{
    return counting == JK_COUNT_FULL ? c->full[id] : c->docs[id];
}

/* For every term, the id of its most frequent surface form (ties: byte order). */
static uint32_t *best_surfaces(const struct jk_counter *c)
{
    size_t n = jk_counter_terms(c);
    uint32_t *best = jk_malloc(n * sizeof(*best));
    for (size_t t = 0; t < n; t++)
        best[t] = JK_NO_ID;
    for (size_t s = 0; s < jk_strmap_count(&c->surfaces); s++) {
        uint32_t t = c->surface_term[s], b = best[t];
        if (b == JK_NO_ID || c->surface_count[s] > c->surface_count[b] ||
            (c->surface_count[s] == c->surface_count[b] &&
             strcmp(jk_strmap_key(&c->surfaces, (uint32_t)s), jk_strmap_key(&c->surfaces, b)) < 0))
            best[t] = (uint32_t)s;
    }
    return best;
}

const char **jk_counter_labels(const struct jk_counter *c)
{
    size_t n = jk_counter_terms(c);
    uint32_t *best = best_surfaces(c);
    const char **label = jk_malloc((n ? n : 1) * sizeof(*label));
    for (size_t i = 0; i < n; i++)
        label[i] = jk_strmap_key(&c->surfaces, best[i]);
    free(best);
    return label;
}

/* Sparse symmetric co-occurrence: (i << 32 | j), i < j, -> weight. Open addressing. */
struct pairmap {
    uint64_t *keys; /* UINT64_MAX = empty */
    uint64_t *weights;
    size_t n_slots, count;
};

static void pairmap_init(struct pairmap *m, size_t n_slots)
{
    m->n_slots = n_slots;
    m->count = 0;
    m->keys = jk_malloc(n_slots * sizeof(*m->keys));
    m->weights = jk_calloc(n_slots, sizeof(*m->weights));
    memset(m->keys, 0xff, n_slots * sizeof(*m->keys));
}

static void pairmap_release(struct pairmap *m)
{
    free(m->keys);
    free(m->weights);
}

static size_t pairmap_slot(const struct pairmap *m, uint64_t key)
{
    uint64_t h = key * 0x9e3779b97f4a7c15ull;
    size_t i = (size_t)(h >> 20) & (m->n_slots - 1);
    while (m->keys[i] != key && m->keys[i] != UINT64_MAX)
        i = (i + 1) & (m->n_slots - 1);
    return i;
}

static void pairmap_add(struct pairmap *m, uint64_t key, uint64_t w)
{
    if ((m->count + 1) * 4 > m->n_slots * 3) {
        struct pairmap bigger;
        pairmap_init(&bigger, m->n_slots * 2);
        for (size_t i = 0; i < m->n_slots; i++)
            if (m->keys[i] != UINT64_MAX)
                pairmap_add(&bigger, m->keys[i], m->weights[i]);
        pairmap_release(m);
        *m = bigger;
    }
    size_t i = pairmap_slot(m, key);
    if (m->keys[i] == UINT64_MAX) {
        m->keys[i] = key;
        m->count++;
    }
    m->weights[i] += w;
}

static int cmp_link(const void *a, const void *b)
{
    const struct jk_link *x = a, *y = b;
    if (x->source != y->source)
        return x->source < y->source ? -1 : 1;
    return (x->target > y->target) - (x->target < y->target);
}

struct doc_term {
    uint32_t index; /* in the map */
    uint32_t count;
};

static int cmp_doc_term(const void *a, const void *b)
{
    uint32_t x = ((const struct doc_term *)a)->index, y = ((const struct doc_term *)b)->index;
    return (x > y) - (x < y);
}

/* Adds the pairs of one document's selected terms. */
static void add_document_pairs(struct pairmap *pairs, struct doc_term *dt, size_t n,
                               enum jk_counting counting)
{
    qsort(dt, n, sizeof(*dt), cmp_doc_term);
    for (size_t a = 0; a < n; a++)
        for (size_t b = a + 1; b < n; b++) {
            uint64_t w = counting == JK_COUNT_FULL ? (uint64_t)dt[a].count * dt[b].count : 1;
            pairmap_add(pairs, (uint64_t)dt[a].index << 32 | dt[b].index, w);
        }
}

static void collect_links(struct jk_map *map, struct pairmap *pairs)
{
    map->links = jk_malloc((pairs->count ? pairs->count : 1) * sizeof(*map->links));
    map->n_links = 0;
    for (size_t i = 0; i < pairs->n_slots; i++) {
        if (pairs->keys[i] == UINT64_MAX)
            continue;
        struct jk_link *l = &map->links[map->n_links++];
        l->source = (uint32_t)(pairs->keys[i] >> 32);
        l->target = (uint32_t)pairs->keys[i];
        l->weight = pairs->weights[i];
        l->association = 0;
    }
    qsort(map->links, map->n_links, sizeof(*map->links), cmp_link);
}

void jk_build_map(const struct jk_counter *c, const struct jk_selection *sel,
                  enum jk_counting counting, struct jk_map *map)
{
    size_t n = jk_counter_terms(c);
    uint32_t *index = jk_malloc((n ? n : 1) * sizeof(*index));
    for (size_t i = 0; i < n; i++)
        index[i] = UINT32_MAX;
    map->n_terms = sel->count;
    map->terms = jk_calloc(sel->count ? sel->count : 1, sizeof(*map->terms));
    for (size_t i = 0; i < sel->count; i++) {
        uint32_t id = sel->ids[i];
        index[id] = (uint32_t)i;
        map->terms[i].label = jk_strdup(sel->labels[i]);
        map->terms[i].occurrences = jk_counter_occurrences(c, id, counting);
        map->terms[i].documents = c->docs[id];
        map->terms[i].avg_year = NAN;
        map->terms[i].avg_citations = NAN;
    }
    struct pairmap pairs;
    pairmap_init(&pairs, 1024);
    struct doc_term *dt = NULL;
    size_t cap = 0;
    for (size_t d = 0; d < c->n_docs; d++) {
        size_t k = 0;
        for (size_t p = c->doc_start[d]; p < c->doc_start[d + 1]; p++) {
            if (index[c->pool_terms[p]] == UINT32_MAX)
                continue;
            JK_GROW(dt, k + 1, cap);
            dt[k].index = index[c->pool_terms[p]];
            dt[k++].count = c->pool_counts[p];
        }
        add_document_pairs(&pairs, dt, k, counting);
    }
    collect_links(map, &pairs);
    jk_map_link_stats(map);
    pairmap_release(&pairs);
    free(dt);
    free(index);
}
