/*
 * Stage 5b, selection (see select.h): threshold, document-share ceiling,
 * nested fragments, max_terms, and relevance once the network exists.
 */
#include "select.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

void jk_select_options_default(struct jk_select_options *o)
{
    o->counting = JK_COUNT_BINARY;
    o->min_occurrences = 0;
    o->max_terms = 0;
    o->max_doc_share = 0.95;
    o->doc_share_min_docs = 20;
    o->nested_share = 0.75;
    o->keep_percent = 60;
}

void jk_selection_init(struct jk_selection *s)
{
    memset(s, 0, sizeof(*s));
    jk_arena_init(&s->labels_kept);
}

void jk_selection_release(struct jk_selection *s)
{
    if (!s)
        return;
    free(s->ids);
    free(s->labels);
    free(s->relevance);
    free(s->selected);
    free(s->reached);
    jk_arena_release(&s->labels_kept);
    jk_selection_init(s);
}

static void keep_dropped(struct jk_dropped *d, struct jk_arena *kept)
{
    for (size_t i = 0; i < d->n_shown; i++)
        d->shown[i] = jk_arena_strndup(kept, d->shown[i], strlen(d->shown[i]));
}

void jk_selection_keep_labels(struct jk_selection *sel)
{
    keep_dropped(&sel->ceiling, &sel->labels_kept);
    keep_dropped(&sel->nested, &sel->labels_kept);
    keep_dropped(&sel->max_terms, &sel->labels_kept);
    keep_dropped(&sel->relevance_cut, &sel->labels_kept);
    free(sel->labels);
    free(sel->reached);
    sel->labels = NULL;
    sel->reached = NULL;
}

/* Restores the min-heap h[0..n) after h[0] was replaced. */
static void sift_down(uint32_t *h, size_t n)
{
    for (size_t i = 0;;) {
        size_t l = 2 * i + 1, m = i;
        if (l < n && h[l] < h[m])
            m = l;
        if (l + 1 < n && h[l + 1] < h[m])
            m = l + 1;
        if (m == i)
            return;
        uint32_t t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
    }
}

/* Adds v to the min-heap h of *n values. */
static void sift_up(uint32_t *h, size_t *n, uint32_t v)
{
    size_t i = (*n)++;
    for (; i > 0 && h[(i - 1) / 2] > v; i = (i - 1) / 2)
        h[i] = h[(i - 1) / 2];
    h[i] = v;
}

/*
 * The smallest threshold >= 2 that leaves at most JK_AUTO_KEEP (300) terms;
 * 1 instead when even threshold 2 leaves fewer than 50 terms and 1 leaves at
 * most 300 (tiny corpora). One pass: the 301 largest counts are kept in a
 * min-heap, whose root is then the 301st (no sort of millions of candidates).
 */
uint32_t jk_auto_threshold(const uint32_t *occurrences, size_t n)
{
    uint32_t top[JK_AUTO_KEEP + 1];
    size_t in_top = 0, seen = 0, reach2 = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t v = occurrences[i];
        if (v == 0) /* terms merged into others (no occurrences) are not candidates */
            continue;
        seen++;
        reach2 += v >= 2;
        if (in_top <= JK_AUTO_KEEP) {
            sift_up(top, &in_top, v);
        } else if (v > top[0]) {
            top[0] = v;
            sift_down(top, in_top);
        }
    }
    if (reach2 < 50 && seen <= JK_AUTO_KEEP)
        return 1;
    if (seen > JK_AUTO_KEEP && top[0] >= 2)
        return top[0] + 1; /* the 301st term must fall below the threshold */
    return 2;
}

/* A term id with its sort keys beside it, so the comparisons need no context. */
struct keyed_id {
    uint32_t id;
    uint32_t occ;
    const char *label; /* NULL when sorting by occurrences */
    const char *key;
};

/* Occurrences (desc), then key. */
static int cmp_rank(const void *a, const void *b)
{
    const struct keyed_id *x = a, *y = b;
    if (x->occ != y->occ)
        return x->occ > y->occ ? -1 : 1;
    return strcmp(x->key, y->key);
}

/* Label, then key. */
static int cmp_label(const void *a, const void *b)
{
    const struct keyed_id *x = a, *y = b;
    int d = strcmp(x->label, y->label);
    return d ? d : strcmp(x->key, y->key);
}

/* Sorts ids[0..n) by cmp (cmp_rank with occ, or cmp_label with label). */
static void sort_ids(uint32_t *ids, size_t n, const struct jk_counter *c, const uint32_t *occ,
                     const char **label, int (*cmp)(const void *, const void *))
{
    struct keyed_id *k = jk_malloc((n ? n : 1) * sizeof(*k));
    for (size_t i = 0; i < n; i++)
        k[i] = (struct keyed_id){ids[i], occ ? occ[ids[i]] : 0, label ? label[ids[i]] : NULL,
                                 jk_strmap_key(&c->terms, ids[i])};
    qsort(k, n, sizeof(*k), cmp);
    for (size_t i = 0; i < n; i++)
        ids[i] = k[i].id;
    free(k);
}

/* Notes a dropped term; callers drop in descending frequency, so the first are the largest. */
static void note_dropped(struct jk_dropped *d, const char *label)
{
    if (d->n_shown < JK_DROPPED_SHOWN)
        d->shown[d->n_shown++] = label;
    d->count++;
}

/* Index of label among candidate labels (words joined by one space), or JK_NO_ID. */
static uint32_t find_label(const struct jk_strmap *by_label, const char *s, size_t len)
{
    return len ? jk_strmap_find(by_label, s, len) : JK_NO_ID;
}

/*
 * For each candidate a, the full occurrences of candidates one word longer
 * that extend a to the left (b = w + a) and to the right (b = a + w). Each
 * occurrence of a has one left and one right neighbour, so a side's sum
 * never counts an occurrence twice.
 */
static void extension_sums(const struct jk_counter *c, const uint32_t *ids, size_t n,
                           const char **label, uint64_t *left, uint64_t *right)
{
    struct jk_strmap by_label;
    jk_strmap_init(&by_label);
    for (size_t i = 0; i < n; i++)
        jk_strmap_intern(&by_label, label[ids[i]], strlen(label[ids[i]]), NULL);
    for (size_t i = 0; i < n; i++) {
        const char *l = label[ids[i]];
        const char *first_space = strchr(l, ' '), *last_space = strrchr(l, ' ');
        if (!first_space)
            continue;
        size_t len = strlen(l);
        uint32_t inner_right =
            find_label(&by_label, first_space + 1, len - (size_t)(first_space + 1 - l));
        uint32_t inner_left = find_label(&by_label, l, (size_t)(last_space - l));
        if (inner_right != JK_NO_ID)
            left[inner_right] += c->tally[ids[i]].full;
        if (inner_left != JK_NO_ID)
            right[inner_left] += c->tally[ids[i]].full;
    }
    jk_strmap_release(&by_label);
}

/* Drops nested fragments from ids[0..n) (sorted by rank); returns the new n. */
static size_t drop_nested(const struct jk_counter *c, const struct jk_select_options *opt,
                          uint32_t *ids, size_t n, const char **label, struct jk_selection *sel)
{
    if (opt->nested_share > 1.0)
        return n;
    uint64_t *left = jk_calloc(n ? n : 1, sizeof(*left));
    uint64_t *right = jk_calloc(n ? n : 1, sizeof(*right));
    extension_sums(c, ids, n, label, left, right);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        double f = c->tally[ids[i]].full;
        double side = (double)(left[i] > right[i] ? left[i] : right[i]);
        if (side >= opt->nested_share * f)
            note_dropped(&sel->nested, label[ids[i]]);
        else
            ids[kept++] = ids[i];
    }
    free(left);
    free(right);
    return kept;
}

/* Threshold and document-share ceiling; ids come back ranked by occurrences. */
static size_t filter_counts(const struct jk_counter *c, const struct jk_select_options *opt,
                            uint32_t *ids, size_t n, const uint32_t *occ, const char **label,
                            struct jk_selection *sel)
{
    size_t reach = 0; /* only the few that reach the threshold need sorting */
    for (size_t i = 0; i < n; i++)
        if (occ[ids[i]] >= sel->threshold)
            ids[reach++] = ids[i];
    sort_ids(ids, reach, c, occ, NULL, cmp_rank);
    sel->reached = jk_malloc((reach ? reach : 1) * sizeof(*sel->reached));
    memcpy(sel->reached, ids, reach * sizeof(*ids));
    bool ceiling = c->n_docs >= opt->doc_share_min_docs && opt->max_doc_share < 1.0;
    size_t kept = 0;
    for (size_t i = 0; i < reach; i++) {
        sel->reaching++;
        if (ceiling && c->tally[ids[i]].docs > opt->max_doc_share * (double)c->n_docs)
            note_dropped(&sel->ceiling, label[ids[i]]);
        else
            ids[kept++] = ids[i];
    }
    return kept;
}

/* Fills sel's arrays from ids[0..n), ordered by label. */
static void fill_selection(const struct jk_counter *c, struct jk_selection *sel, uint32_t *ids,
                           size_t n, const char **label)
{
    sort_ids(ids, n, c, NULL, label, cmp_label);
    sel->ids = ids;
    sel->count = sel->kept = n;
    sel->labels = jk_malloc((n ? n : 1) * sizeof(*sel->labels));
    sel->relevance = jk_malloc((n ? n : 1) * sizeof(*sel->relevance));
    sel->selected = jk_malloc((n ? n : 1) * sizeof(*sel->selected));
    for (size_t i = 0; i < n; i++) {
        sel->labels[i] = label[ids[i]];
        sel->relevance[i] = NAN;
        sel->selected[i] = true;
    }
}

static uint32_t *occurrence_table(const struct jk_counter *c, enum jk_counting counting,
                                  uint32_t **ids)
{
    size_t n = jk_counter_terms(c);
    uint32_t *occ = jk_malloc((n ? n : 1) * sizeof(*occ));
    *ids = jk_malloc((n ? n : 1) * sizeof(**ids));
    for (size_t i = 0; i < n; i++) {
        occ[i] = jk_counter_occurrences(c, (uint32_t)i, counting);
        (*ids)[i] = (uint32_t)i;
    }
    return occ;
}

enum jk_status jk_select_terms(const struct jk_counter *c, const struct jk_select_options *opt,
                               struct jk_selection *sel, struct jk_diag *diag)
{
    size_t n = jk_counter_terms(c);
    uint32_t *ids;
    uint32_t *occ = occurrence_table(c, opt->counting, &ids);
    const char **label = jk_counter_labels(c);
    sel->threshold_auto = opt->min_occurrences == 0;
    sel->threshold = sel->threshold_auto ? jk_auto_threshold(occ, n) : opt->min_occurrences;
    if (sel->threshold_auto && c->repeats_only && sel->threshold < 2)
        sel->threshold = 2; /* the candidates seen once are missing, not absent */
    size_t kept = filter_counts(c, opt, ids, n, occ, label, sel);
    kept = drop_nested(c, opt, ids, kept, label, sel);
    if (opt->max_terms > 0 && kept > opt->max_terms) {
        for (size_t i = opt->max_terms; i < kept; i++)
            note_dropped(&sel->max_terms, label[ids[i]]);
        kept = opt->max_terms;
    }
    fill_selection(c, sel, ids, kept, label);
    free(label);
    free(occ);
    if (sel->count == 0 && n == 0)
        return jk_error(diag, JK_E_EMPTY,
                        "the documents give no candidate terms (only stopwords, numbers or "
                        "punctuation?); add documents with running text");
    if (sel->count == 0)
        return jk_error(diag, JK_E_EMPTY,
                        "no term occurs at least %u time%s (%zu candidate terms); "
                        "lower --min-occurrences or add documents",
                        sel->threshold, sel->threshold == 1 ? "" : "s", n);
    return JK_OK;
}

enum jk_status jk_select_listed(const struct jk_counter *c, const char *const *labels, size_t n,
                                enum jk_counting counting, struct jk_selection *sel,
                                struct jk_diag *diag)
{
    uint32_t *ids;
    uint32_t *occ = occurrence_table(c, counting, &ids);
    const char **label = jk_counter_labels(c);
    struct jk_strmap wanted;
    jk_strmap_init(&wanted);
    for (size_t i = 0; i < n; i++)
        jk_strmap_intern(&wanted, labels[i], strlen(labels[i]), NULL);
    size_t kept = 0, total = jk_counter_terms(c);
    for (size_t i = 0; i < total; i++) /* a term merged into another has no occurrences */
        if (occ[i] > 0 && jk_strmap_find(&wanted, label[i], strlen(label[i])) != JK_NO_ID)
            ids[kept++] = (uint32_t)i;
    sel->from_file = true;
    sel->reaching = kept;
    sel->reached = jk_malloc((kept ? kept : 1) * sizeof(*sel->reached));
    memcpy(sel->reached, ids, kept * sizeof(*ids));
    fill_selection(c, sel, ids, kept, label);
    jk_strmap_release(&wanted);
    free(label);
    free(occ);
    if (kept == 0)
        return jk_error(diag, JK_E_EMPTY,
                        "none of the %zu selected terms of the terms file occurs in the corpus; "
                        "check that the file was made from these documents",
                        n);
    return JK_OK;
}

void jk_relevance_link(double *rel, uint32_t i, uint32_t j, double w, double si, double sj,
                       double total)
{
    /* p_i(j) ln(p_i(j) / q(j)) with p_i(j) = w / s_i and q(j) = s_j / total, both ways */
    rel[i] += w / si * log(w * total / (si * sj));
    rel[j] += w / sj * log(w * total / (sj * si));
}

double jk_relevance_total(const struct jk_map *map, double *rel)
{
    double total = 0;
    for (size_t i = 0; i < map->n_terms; i++) {
        rel[i] = 0;
        total += (double)map->terms[i].total_link_strength;
    }
    return total;
}

void jk_relevance(const struct jk_map *map, double *rel)
{
    double total = jk_relevance_total(map, rel);
    for (size_t k = 0; k < map->n_links; k++) {
        const struct jk_link *l = &map->links[k];
        jk_relevance_link(rel, l->source, l->target, (double)l->weight,
                          (double)map->terms[l->source].total_link_strength,
                          (double)map->terms[l->target].total_link_strength, total);
    }
}

/* A map term with its relevance, for the ranking. */
struct relevant {
    double rel; /* rounded (see rounded_relevance) */
    const struct jk_term *term;
    size_t index;
};

/*
 * Relevance rounded to 40 significant bits. Terms found in the same
 * documents have the same co-occurrences, so the same relevance up to the
 * order of a sum's terms; in a small corpus they are many, and rounding
 * lets them tie exactly, for the next keys to order.
 */
static double rounded_relevance(double rel)
{
    int e;
    double m = frexp(rel, &e);
    return ldexp(nearbyint(ldexp(m, 40)), e - 40);
}

/* Compares a and b, larger first. */
#define LARGER_FIRST(a, b) ((a) > (b) ? -1 : (a) < (b) ? 1 : 0)

/*
 * Relevance ranking order: relevance, occurrences, all occurrences (under
 * binary counting the more frequent of terms found in as many documents
 * first), documents, then label.
 */
static int cmp_relevance(const void *a, const void *b)
{
    const struct relevant *x = a, *y = b;
    const struct jk_term *s = x->term, *t = y->term;
    int c = LARGER_FIRST(x->rel, y->rel);
    c = c ? c : LARGER_FIRST(s->occurrences, t->occurrences);
    c = c ? c : LARGER_FIRST(s->mentions, t->mentions);
    c = c ? c : LARGER_FIRST(s->documents, t->documents);
    return c ? c : strcmp(s->label, t->label);
}

void jk_select_relevant(struct jk_map *map, struct jk_selection *sel, double keep_percent)
{
    size_t n = map->n_terms;
    double *rel = jk_malloc((n ? n : 1) * sizeof(*rel));
    jk_relevance(map, rel);
    jk_select_by_relevance(map, sel, rel, keep_percent);
    free(rel);
}

bool jk_relevance_cuts(const struct jk_selection *sel, double keep_percent)
{
    return !sel->from_file && keep_percent < 100;
}

void jk_select_by_relevance(struct jk_map *map, struct jk_selection *sel, const double *rel,
                            double keep_percent)
{
    size_t n = map->n_terms;
    memcpy(sel->relevance, rel, n * sizeof(*rel));
    if (!jk_relevance_cuts(sel, keep_percent))
        return;
    struct relevant *ranked = jk_malloc((n ? n : 1) * sizeof(*ranked));
    for (size_t i = 0; i < n; i++)
        ranked[i] = (struct relevant){rounded_relevance(rel[i]), &map->terms[i], i};
    qsort(ranked, n, sizeof(*ranked), cmp_relevance);
    size_t *order = jk_malloc((n ? n : 1) * sizeof(*order));
    for (size_t i = 0; i < n; i++)
        order[i] = ranked[i].index;
    free(ranked);
    size_t want = (size_t)ceil((double)n * keep_percent / 100.0);
    want = want < 1 ? 1 : want;
    for (size_t r = 0; r < n; r++)
        sel->selected[order[r]] = r < want;
    /* The map's labels (the same as sel->labels), copied: jk_map_keep frees them. */
    for (size_t r = want; r < n; r++) {
        const char *label = map->terms[order[r]].label;
        bool shown = sel->relevance_cut.n_shown < JK_DROPPED_SHOWN;
        note_dropped(&sel->relevance_cut,
                     shown ? jk_arena_strndup(&sel->labels_kept, label, strlen(label)) : NULL);
    }
    sel->kept = jk_map_keep(map, sel->selected);
    free(order);
}
