/*
 * Stage 6, co-occurrence of the selected terms by document, sentence or
 * window (see cooccur.h).
 */
#include "cooccur.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

/*
 * Sparse symmetric co-occurrence: (i << 32 | j), i < j, -> weight. Open
 * addressing, linear probing; a key's home slot is the top bits of its
 * Fibonacci hash, so both term numbers choose it (the middle bits once
 * taken depended on j alone in tables of up to 4,096 slots).
 * With order (a document's own table), the keys are also listed in the
 * order they came, so that pairmap_flush costs what the document added,
 * not the table's size, and hands them on in an order unrelated to the
 * slots (in slot order into another table of the same hash they piled up).
 */
struct pairmap {
    uint64_t *keys; /* UINT64_MAX = empty */
    uint64_t *weights;
    size_t n_slots, count;
    unsigned shift; /* 64 - log2(n_slots) */
    bool keep_order;
    uint64_t *order; /* with keep_order: the keys in the order added, then their slots */
    size_t cap_order;
};

static void pairmap_init(struct pairmap *m, size_t n_slots, bool keep_order)
{
    m->n_slots = n_slots;
    m->count = 0;
    m->shift = 64;
    for (size_t n = n_slots; n > 1; n >>= 1)
        m->shift--;
    m->keys = jk_malloc(n_slots * sizeof(*m->keys));
    m->weights = jk_calloc(n_slots, sizeof(*m->weights));
    memset(m->keys, 0xff, n_slots * sizeof(*m->keys));
    m->keep_order = keep_order;
    m->order = NULL;
    m->cap_order = 0;
}

static void pairmap_release(struct pairmap *m)
{
    free(m->keys);
    free(m->weights);
    free(m->order);
}

static size_t pairmap_slot(const struct pairmap *m, uint64_t key)
{
    size_t i = (size_t)((key * 0x9e3779b97f4a7c15ull) >> m->shift);
    while (m->keys[i] != key && m->keys[i] != UINT64_MAX)
        i = (i + 1) & (m->n_slots - 1);
    return i;
}

/* Doubles m's slots; the list of keys in order stays as it is. */
static void pairmap_grow(struct pairmap *m)
{
    struct pairmap bigger;
    pairmap_init(&bigger, m->n_slots * 2, false);
    for (size_t i = 0; i < m->n_slots; i++)
        if (m->keys[i] != UINT64_MAX) {
            size_t k = pairmap_slot(&bigger, m->keys[i]);
            bigger.keys[k] = m->keys[i];
            bigger.weights[k] = m->weights[i];
        }
    free(m->keys);
    free(m->weights);
    m->keys = bigger.keys;
    m->weights = bigger.weights;
    m->n_slots = bigger.n_slots;
    m->shift = bigger.shift;
}

static void pairmap_add(struct pairmap *m, uint64_t key, uint64_t w)
{
    if ((m->count + 1) * 4 > m->n_slots * 3)
        pairmap_grow(m);
    size_t i = pairmap_slot(m, key);
    if (m->keys[i] == UINT64_MAX) {
        m->keys[i] = key;
        if (m->keep_order) {
            JK_GROW(m->order, m->count + 1, m->cap_order);
            m->order[m->count] = key;
        }
        m->count++;
    }
    m->weights[i] += w;
}

/*
 * Hands each key of m (made with keep_order) to take(ctx, key, weight) in
 * the order first added, then empties m; its slots stay for the next
 * document.
 */
static void pairmap_flush(struct pairmap *m, void (*take)(void *, uint64_t, uint64_t), void *ctx)
{
    for (size_t t = 0; t < m->count; t++) {
        size_t i = pairmap_slot(m, m->order[t]);
        take(ctx, m->keys[i], m->weights[i]);
        m->order[t] = i; /* emptied below: emptying here would break later probes */
    }
    for (size_t t = 0; t < m->count; t++) {
        m->keys[m->order[t]] = UINT64_MAX;
        m->weights[m->order[t]] = 0;
    }
    m->count = 0;
}

/*
 * All links of a map: a dense upper triangle (weight of i < j at
 * i * (2n - i - 1) / 2 + j - i - 1) when it fits jk_cooccur_dense_bytes, else a pairmap.
 */
struct links {
    size_t n;
    uint64_t *tri;      /* dense, or NULL */
    struct pairmap map; /* sparse, when tri is NULL */
};

size_t jk_cooccur_dense_bytes = (size_t)128 << 20;
size_t jk_cooccur_split_docs = 4096;

/* What rows keep per document and term: its number, its document's end, a posting, a count. */
enum { ROW_ENTRY_BYTES = 20 };

/* Cells of the dense triangle of n terms: one per pair. */
static size_t tri_cells(size_t n)
{
    return n * (n ? n - 1 : 0) / 2;
}

/* Whether the dense triangle of n terms fits jk_cooccur_dense_bytes. */
static bool dense_fits(size_t n)
{
    return tri_cells(n) <= jk_cooccur_dense_bytes / sizeof(uint64_t);
}

static void links_init(struct links *l, size_t n)
{
    l->n = n;
    l->tri = NULL;
    size_t cells = tri_cells(n);
    if (dense_fits(n))
        l->tri = jk_calloc(cells ? cells : 1, sizeof(*l->tri));
    else
        pairmap_init(&l->map, 1024, false);
}

static void links_release(struct links *l)
{
    if (l->tri)
        free(l->tri);
    else
        pairmap_release(&l->map);
}

static void links_add(struct links *l, uint64_t key, uint64_t w)
{
    if (!l->tri) {
        pairmap_add(&l->map, key, w);
        return;
    }
    size_t i = (size_t)(key >> 32), j = (size_t)(uint32_t)key;
    l->tri[i * (2 * l->n - i - 1) / 2 + j - i - 1] += w;
}

static int cmp_link(const void *a, const void *b)
{
    const struct jk_link *x = a, *y = b;
    if (x->source != y->source)
        return x->source < y->source ? -1 : 1;
    return (x->target > y->target) - (x->target < y->target);
}

/* The dense triangle's non-zero cells, already in (source, target) order. */
static void collect_dense(struct jk_map *map, const struct links *l)
{
    size_t count = 0, cells = tri_cells(l->n);
    for (size_t c = 0; c < cells; c++)
        count += l->tri[c] != 0;
    map->links = jk_malloc((count ? count : 1) * sizeof(*map->links));
    map->n_links = 0;
    const uint64_t *w = l->tri;
    for (size_t i = 0; i < l->n; i++)
        for (size_t j = i + 1; j < l->n; j++, w++)
            if (*w)
                map->links[map->n_links++] =
                    (struct jk_link){.source = (uint32_t)i, .target = (uint32_t)j, .weight = *w};
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

/* One selected term's occurrence (or count) in a document. */
struct hit {
    uint32_t index; /* in the map */
    uint32_t count; /* occurrences it stands for */
    uint32_t position;
    uint32_t sentence;
};

static int cmp_hit_index(const void *a, const void *b)
{
    uint32_t x = ((const struct hit *)a)->index, y = ((const struct hit *)b)->index;
    return (x > y) - (x < y);
}

/*
 * Sorts a sentence's hits h[0..n) by index. A sentence holds a few map terms,
 * where an insertion sort in line beats qsort's calls through a pointer.
 * (Documents need no sort: see gather_document.)
 */
static void sort_hits(struct hit *h, size_t n)
{
    if (n > 32) {
        qsort(h, n, sizeof(*h), cmp_hit_index);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        struct hit x = h[i];
        size_t j = i;
        for (; j > 0 && h[j - 1].index > x.index; j--)
            h[j] = h[j - 1];
        h[j] = x;
    }
}

static uint64_t pair_key(uint32_t a, uint32_t b)
{
    return a < b ? (uint64_t)a << 32 | b : (uint64_t)b << 32 | a;
}

/* Pairs of distinct terms in one unit; h sorted by index, one entry per term. */
static void unit_pairs(struct links *pairs, const struct hit *h, size_t n, bool product)
{
    for (size_t a = 0; a < n; a++)
        for (size_t b = a + 1; b < n; b++)
            links_add(pairs, pair_key(h[a].index, h[b].index),
                      product ? (uint64_t)h[a].count * h[b].count : 1);
}

/* Like unit_pairs, into a document's own pairmap (sentence unit). */
static void unit_pairs_doc(struct pairmap *doc, const struct hit *h, size_t n, bool product)
{
    for (size_t a = 0; a < n; a++)
        for (size_t b = a + 1; b < n; b++)
            pairmap_add(doc, pair_key(h[a].index, h[b].index),
                        product ? (uint64_t)h[a].count * h[b].count : 1);
}

/* Merges repeated indexes of h[0..n) (sorted by index) into counts; returns the new n. */
static size_t merge_hits(struct hit *h, size_t n)
{
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        if (out > 0 && h[out - 1].index == h[i].index)
            h[out - 1].count += h[i].count;
        else
            h[out++] = h[i];
    }
    return out;
}

/* Sentence unit: each sentence is a unit; h is in position order. */
static void sentence_pairs(struct pairmap *doc, struct hit *h, size_t n, bool full)
{
    size_t start = 0;
    while (start < n) {
        size_t end = start;
        while (end < n && h[end].sentence == h[start].sentence)
            end++;
        sort_hits(h + start, end - start);
        size_t m = merge_hits(h + start, end - start);
        unit_pairs_doc(doc, h + start, m, full);
        start = end;
    }
}

/* Window unit: occurrence pairs whose first tokens are at most w apart; h in position order. */
static void window_pairs(struct pairmap *doc, const struct hit *h, size_t n, unsigned w)
{
    for (size_t a = 0; a < n; a++)
        for (size_t b = a + 1; b < n && h[b].position - h[a].position <= w; b++)
            if (h[a].index != h[b].index)
                pairmap_add(doc, pair_key(h[a].index, h[b].index), 1);
}

/* pairmap_flush's take: a document's pair with its weight, or once. */
static void add_weight(void *pairs, uint64_t key, uint64_t w)
{
    links_add(pairs, key, w);
}

static void add_once(void *pairs, uint64_t key, uint64_t w)
{
    (void)w;
    links_add(pairs, key, 1);
}

/* Adds one document's pairs: every instance (full) or 1 per pair (binary). */
static void add_document(struct links *pairs, struct pairmap *doc, struct hit *h, size_t n,
                         enum jk_counting counting, struct jk_unit unit)
{
    bool full = counting == JK_COUNT_FULL;
    if (unit.kind == JK_UNIT_DOCUMENT) { /* h is in index order (gather_document) */
        unit_pairs(pairs, h, n, full);
        return;
    }
    if (unit.kind == JK_UNIT_SENTENCE)
        sentence_pairs(doc, h, n, full);
    else
        window_pairs(doc, h, n, unit.window);
    pairmap_flush(doc, full ? add_weight : add_once, pairs);
}

/* The document's selected terms per occurrence (sentence and window units), in position order. */
static size_t gather(const struct jk_counter *c, size_t d, const uint32_t *index, struct hit **h,
                     size_t *cap)
{
    size_t k = 0;
    for (size_t p = c->occ_start[d]; p < c->occ_start[d + 1]; p++) {
        const struct jk_occurrence *o = &c->occ[p];
        if (index[o->term] == UINT32_MAX)
            continue;
        JK_GROW(*h, k + 1, *cap);
        (*h)[k++] = (struct hit){index[o->term], 1, o->position, o->sentence};
    }
    return k;
}

/*
 * A document's map terms in index order without a sort: a bit per map term,
 * set while the document's list is read, then read back in order (a document
 * of the 1,000-term map at 200,000 documents holds dozens of them, where
 * sorting cost 0.3 s).
 */
struct term_set {
    uint64_t *bits;  /* one bit per map term, all clear between documents */
    uint32_t *count; /* per map term, while its bit is set */
};

static void term_set_init(struct term_set *t, size_t n_terms)
{
    t->bits = jk_calloc(n_terms / 64 + 1, sizeof(*t->bits));
    t->count = jk_malloc((n_terms ? n_terms : 1) * sizeof(*t->count));
}

static void term_set_release(struct term_set *t)
{
    free(t->bits);
    free(t->count);
}

/* gather for the document unit, in index order (each term is once in a document's list). */
static size_t gather_document(const struct jk_counter *c, size_t d, const uint32_t *index,
                              struct term_set *t, struct hit **h, size_t *cap)
{
    size_t lo = SIZE_MAX, hi = 0, k = 0;
    for (size_t p = c->doc_start[d]; p < c->doc_start[d + 1]; p++) {
        uint32_t i = index[c->pool_terms[p]];
        if (i == UINT32_MAX)
            continue;
        t->bits[i / 64] |= UINT64_C(1) << (i % 64);
        t->count[i] = c->pool_counts ? c->pool_counts[p] : 1; /* binary: unused */
        lo = i / 64 < lo ? i / 64 : lo;
        hi = i / 64 > hi ? i / 64 : hi;
        k++;
    }
    if (k == 0)
        return 0;
    JK_GROW(*h, k, *cap);
    k = 0;
    for (size_t w = lo; w <= hi; w++) {
        for (uint64_t b = t->bits[w]; b; b &= b - 1) {
            uint32_t i = (uint32_t)(w * 64 + (size_t)__builtin_ctzll(b));
            (*h)[k++] = (struct hit){i, t->count[i], 0, 0};
        }
        t->bits[w] = 0;
    }
    return k;
}

void jk_map_add_terms(const struct jk_counter *c, const struct jk_selection *sel,
                      enum jk_counting counting, struct jk_map *map)
{
    map->n_terms = sel->count;
    map->terms = jk_calloc(sel->count ? sel->count : 1, sizeof(*map->terms));
    char **aliases = jk_counter_aliases(c, sel->ids, sel->count);
    for (size_t i = 0; i < sel->count; i++) {
        uint32_t id = sel->ids[i];
        map->terms[i].label = jk_strdup(sel->labels[i]);
        map->terms[i].occurrences = jk_counter_occurrences(c, id, counting);
        map->terms[i].documents = c->tally[id].docs;
        map->terms[i].mentions = c->tally[id].full;
        map->terms[i].avg_year = NAN;
        map->terms[i].avg_citations = NAN;
        map->terms[i].aliases = aliases[i];
    }
    free(aliases);
}

/*
 * For every counter term id, its index in the map, or UINT32_MAX: the
 * selection's terms in order, only those still selected (once relevance
 * has dropped some, the map holds the rest, numbered in the same order).
 */
static uint32_t *map_index(const struct jk_counter *c, const struct jk_selection *sel)
{
    size_t n = jk_counter_terms(c);
    uint32_t *index = jk_malloc((n ? n : 1) * sizeof(*index));
    for (size_t i = 0; i < n; i++)
        index[i] = UINT32_MAX;
    uint32_t next = 0;
    for (size_t i = 0; i < sel->count; i++)
        if (!sel->selected || sel->selected[i])
            index[sel->ids[i]] = next++;
    return index;
}

bool jk_map_by_rows(const struct jk_map *map, struct jk_unit unit)
{
    if (unit.kind != JK_UNIT_DOCUMENT)
        return false;
    size_t n = map->n_terms, entries = 0;
    for (size_t i = 0; i < n; i++)
        entries += map->terms[i].documents;
    double triangle = 0.5 * (double)n * (double)(n ? n - 1 : 0) * sizeof(uint64_t);
    return !dense_fits(n) || triangle > (double)entries * ROW_ENTRY_BYTES;
}

/*
 * The document unit's links row by row, as a sparse product of the
 * document-term matrix with itself is formed one row at a time (Gustavson
 * 1978). Each document's selected terms, sorted by index, are kept once;
 * row i adds, for every document holding i, the terms after i in that
 * document into a dense row of weights, then emits the row's non-zero cells
 * in target order. It holds the documents' lists and one row instead of a
 * table of every pair (gigabytes for tens of thousands of candidate terms),
 * and the links come out sorted.
 */
struct rows {
    size_t n_terms, n_entries;
    size_t *doc_end;  /* per entry: the end of its document's entries */
    uint32_t *term;   /* per entry: map index, ascending within a document */
    uint32_t *count;  /* per entry: occurrences (full counting), else NULL */
    size_t *post_off; /* per term: its entries are post[post_off[i] .. post_off[i + 1]) */
    size_t *post;
};

/* Every document's selected terms, in index order, as entries. */
static void rows_fill(struct rows *r, const struct jk_counter *c, const uint32_t *index, bool full)
{
    struct hit *h = NULL;
    size_t cap = 0, cap_e = 0;
    struct term_set set;
    term_set_init(&set, r->n_terms);
    for (size_t d = 0; d < c->n_docs; d++) {
        size_t k = gather_document(c, d, index, &set, &h, &cap);
        size_t need = r->n_entries + k, old_cap = cap_e;
        JK_GROW(r->term, need, cap_e);
        cap_e = old_cap;
        JK_GROW(r->doc_end, need, cap_e);
        if (full) {
            cap_e = old_cap;
            JK_GROW(r->count, need, cap_e);
        }
        for (size_t a = 0; a < k; a++) {
            r->term[r->n_entries + a] = h[a].index;
            r->doc_end[r->n_entries + a] = need;
            if (full)
                r->count[r->n_entries + a] = h[a].count;
        }
        r->n_entries = need;
    }
    term_set_release(&set);
    free(h);
}

/* Each term's entries (postings), in document order. */
static void rows_index(struct rows *r)
{
    r->post_off = jk_calloc(r->n_terms + 1, sizeof(*r->post_off));
    r->post = jk_malloc((r->n_entries ? r->n_entries : 1) * sizeof(*r->post));
    for (size_t e = 0; e < r->n_entries; e++)
        r->post_off[r->term[e] + 1]++;
    for (size_t i = 0; i < r->n_terms; i++)
        r->post_off[i + 1] += r->post_off[i];
    size_t *next = jk_malloc((r->n_terms ? r->n_terms : 1) * sizeof(*next));
    memcpy(next, r->post_off, r->n_terms * sizeof(*next));
    for (size_t e = 0; e < r->n_entries; e++)
        r->post[next[r->term[e]]++] = e;
    free(next);
}

static void rows_release(struct rows *r)
{
    free(r->doc_end);
    free(r->term);
    free(r->count);
    free(r->post_off);
    free(r->post);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Where the rows' links go: map->links, or only their part of relevance (rel not NULL). */
struct sink {
    struct jk_map *map;
    size_t cap;  /* of map->links */
    double *rel; /* NULL: keep the links */
    double total;
};

static void push_link(struct sink *k, uint32_t i, uint32_t j, uint64_t w)
{
    struct jk_map *map = k->map;
    if (k->rel) {
        jk_relevance_link(k->rel, i, j, (double)w, (double)map->terms[i].total_link_strength,
                          (double)map->terms[j].total_link_strength, k->total);
        return;
    }
    JK_GROW(map->links, map->n_links + 1, k->cap);
    map->links[map->n_links++] = (struct jk_link){.source = i, .target = j, .weight = w};
}

/*
 * Row i: weights to later terms in acc (zero elsewhere, and again after),
 * the terms it touched in touched; emitted in target order, by scanning the
 * row when it is dense and by sorting what it touched when it is not.
 */
static void emit_row(struct sink *k, uint32_t i, uint64_t *acc, uint32_t *touched, size_t n_touched,
                     size_t n_terms)
{
    if (n_touched * 8 > n_terms - i) {
        for (size_t j = i + 1; j < n_terms; j++) {
            if (acc[j]) {
                push_link(k, i, (uint32_t)j, acc[j]);
                acc[j] = 0;
            }
        }
        return;
    }
    qsort(touched, n_touched, sizeof(*touched), cmp_u32);
    for (size_t t = 0; t < n_touched; t++) {
        push_link(k, i, touched[t], acc[touched[t]]);
        acc[touched[t]] = 0;
    }
}

/* Every row of r, in order, into k. */
static void all_rows(const struct rows *r, bool full, struct sink *k)
{
    size_t n = r->n_terms;
    uint64_t *acc = jk_calloc(n ? n : 1, sizeof(*acc));
    uint32_t *touched = jk_malloc((n ? n : 1) * sizeof(*touched));
    for (size_t i = 0; i < n; i++) {
        size_t n_touched = 0;
        for (size_t p = r->post_off[i]; p < r->post_off[i + 1]; p++) {
            size_t e = r->post[p];
            uint64_t ci = full ? r->count[e] : 1;
            for (size_t f = e + 1; f < r->doc_end[e]; f++) {
                uint32_t j = r->term[f];
                if (!acc[j])
                    touched[n_touched++] = j;
                acc[j] += full ? ci * r->count[f] : 1;
            }
        }
        emit_row(k, (uint32_t)i, acc, touched, n_touched, n);
    }
    free(acc);
    free(touched);
}

static void document_links(const struct jk_counter *c, const uint32_t *index, bool full,
                           struct jk_map *map)
{
    struct rows r = {.n_terms = map->n_terms};
    rows_fill(&r, c, index, full);
    rows_index(&r);
    struct sink k = {.map = map};
    all_rows(&r, full, &k);
    rows_release(&r);
    /* grown by doubling: give back the unused part */
    map->links = jk_realloc(map->links, (map->n_links ? map->n_links : 1) * sizeof(*map->links));
}

/*
 * Each term's total link strength straight from the documents' lists: a
 * term in a document of k selected terms links to the k - 1 others with 1
 * each (binary), or with its count times theirs (full).
 */
static void strengths(const struct rows *r, bool full, struct jk_map *map)
{
    for (size_t i = 0; i < map->n_terms; i++) {
        map->terms[i].links = 0;
        map->terms[i].total_link_strength = 0;
    }
    for (size_t e = 0; e < r->n_entries;) {
        size_t end = r->doc_end[e];
        uint64_t sum = 0;
        for (size_t f = e; f < end && full; f++)
            sum += r->count[f];
        for (size_t f = e; f < end; f++)
            map->terms[r->term[f]].total_link_strength +=
                full ? r->count[f] * (sum - r->count[f]) : end - e - 1;
        e = end;
    }
}

void jk_map_relevance(const struct jk_counter *c, const struct jk_selection *sel,
                      enum jk_counting counting, struct jk_map *map, double *rel)
{
    bool full = counting == JK_COUNT_FULL;
    uint32_t *index = map_index(c, sel);
    struct rows r = {.n_terms = map->n_terms};
    rows_fill(&r, c, index, full);
    free(index);
    rows_index(&r);
    strengths(&r, full, map);
    struct sink k = {.map = map, .rel = rel};
    k.total = jk_relevance_total(map, rel);
    all_rows(&r, full, &k);
    rows_release(&r);
}

/* Documents [from, to) of c, their pairs added to pairs. */
struct doc_range {
    const struct jk_counter *c;
    const uint32_t *index;
    enum jk_counting counting;
    struct jk_unit unit;
    size_t from, to;
    struct links *pairs;
};

static void *range_links(void *arg)
{
    const struct doc_range *r = arg;
    struct pairmap doc;
    pairmap_init(&doc, 1024, true);
    struct hit *h = NULL;
    size_t cap = 0;
    struct term_set set;
    term_set_init(&set, r->pairs->n);
    for (size_t d = r->from; d < r->to; d++) {
        size_t k = r->unit.kind == JK_UNIT_DOCUMENT
                       ? gather_document(r->c, d, r->index, &set, &h, &cap)
                       : gather(r->c, d, r->index, &h, &cap);
        add_document(r->pairs, &doc, h, k, r->counting, r->unit);
    }
    term_set_release(&set);
    free(h);
    pairmap_release(&doc);
    return NULL;
}

/*
 * The second half of the documents on a thread of its own, into a triangle
 * of its own, added to pairs' after: counts are integers, so the sums are the
 * same in any order. Only for the document unit on a dense triangle of at
 * most 16 MB and from jk_cooccur_split_docs documents on. Returns false
 * (nothing done) when that does not apply or no thread starts.
 */
static bool split_links(const struct doc_range *all, size_t threads)
{
    struct links *pairs = all->pairs;
    size_t cells = tri_cells(pairs->n);
    if (threads < 2 || !pairs->tri || all->unit.kind != JK_UNIT_DOCUMENT ||
        cells > ((size_t)16 << 20) / sizeof(uint64_t) || all->to < jk_cooccur_split_docs)
        return false;
    struct links late = {.n = pairs->n, .tri = jk_calloc(cells ? cells : 1, sizeof(uint64_t))};
    struct doc_range first = *all, second = *all;
    first.to = second.from = all->to / 2;
    second.pairs = &late;
    pthread_t thread;
    if (pthread_create(&thread, NULL, range_links, &second) != 0) {
        free(late.tri);
        return false;
    }
    range_links(&first);
    pthread_join(thread, NULL);
    for (size_t i = 0; i < cells; i++)
        pairs->tri[i] += late.tri[i];
    free(late.tri);
    return true;
}

/* Each document's pairs into a dense triangle or a table of pairs, then all links. */
static void unit_links(const struct jk_counter *c, const uint32_t *index, enum jk_counting counting,
                       struct jk_unit unit, size_t threads, struct jk_map *map)
{
    struct links pairs;
    links_init(&pairs, map->n_terms);
    struct doc_range all = {c, index, counting, unit, 0, c->n_docs, &pairs};
    if (!split_links(&all, threads))
        range_links(&all);
    if (pairs.tri)
        collect_dense(map, &pairs);
    else
        collect_links(map, &pairs.map);
    links_release(&pairs);
}

void jk_map_add_links(const struct jk_counter *c, const struct jk_selection *sel,
                      enum jk_counting counting, struct jk_unit unit, struct jk_map *map)
{
    jk_map_add_links_threads(c, sel, counting, unit, 1, map);
}

void jk_map_add_links_threads(const struct jk_counter *c, const struct jk_selection *sel,
                              enum jk_counting counting, struct jk_unit unit, size_t threads,
                              struct jk_map *map)
{
    uint32_t *index = map_index(c, sel);
    free(map->links);
    map->links = NULL;
    map->n_links = 0;
    if (jk_map_by_rows(map, unit))
        document_links(c, index, counting == JK_COUNT_FULL, map);
    else
        unit_links(c, index, counting, unit, threads, map);
    free(index);
    jk_map_link_stats(map);
}

void jk_build_map(const struct jk_counter *c, const struct jk_selection *sel,
                  enum jk_counting counting, struct jk_unit unit, struct jk_map *map)
{
    jk_map_add_terms(c, sel, counting, map);
    jk_map_add_links(c, sel, counting, unit, map);
}

/* Mean of values[d] over the documents containing each selected term; known(v) filters. */
static void average_over_documents(const struct jk_counter *c, const uint32_t *index,
                                   size_t n_terms, const double *values, double *out)
{
    double *sum = jk_calloc(n_terms ? n_terms : 1, sizeof(*sum));
    uint32_t *known = jk_calloc(n_terms ? n_terms : 1, sizeof(*known));
    for (size_t d = 0; d < c->n_docs; d++) {
        if (isnan(values[d]))
            continue;
        for (size_t p = c->doc_start[d]; p < c->doc_start[d + 1]; p++) {
            uint32_t i = index[c->pool_terms[p]];
            if (i != UINT32_MAX) {
                sum[i] += values[d];
                known[i]++;
            }
        }
    }
    for (size_t i = 0; i < n_terms; i++)
        out[i] = known[i] ? sum[i] / known[i] : NAN;
    free(known);
    free(sum);
}

void jk_map_average_metadata(struct jk_map *map, const struct jk_counter *c,
                             const struct jk_selection *sel, const double *years,
                             const double *citations)
{
    size_t m = map->n_terms;
    uint32_t *index = map_index(c, sel);
    double *avg = jk_malloc((m ? m : 1) * sizeof(*avg));
    average_over_documents(c, index, m, years, avg);
    for (size_t i = 0; i < m; i++) {
        map->terms[i].avg_year = avg[i];
        map->has_years |= !isnan(avg[i]);
    }
    average_over_documents(c, index, m, citations, avg);
    for (size_t i = 0; i < m; i++) {
        map->terms[i].avg_citations = avg[i];
        map->has_citations |= !isnan(avg[i]);
    }
    free(avg);
    free(index);
}
