/*
 * Stages 5 and 6, count and co-occurrence: occurrences and document
 * frequencies of every candidate term, surface forms for labels, and for
 * each document the list of terms it contains (term text is not kept per
 * document, so memory follows the number of distinct terms, not the text).
 * Then selection by threshold and rank, and the sparse co-occurrence links
 * of the selected terms, handed over as a struct jk_map.
 */
#ifndef JK_COUNT_H
#define JK_COUNT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "map.h"
#include "util/status.h"
#include "util/strmap.h"

enum jk_counting {
    JK_COUNT_BINARY, /* a term counts once per document */
    JK_COUNT_FULL,   /* every occurrence counts */
};

/*
 * Invariants: terms and surfaces are dense id maps; full[t] >= docs[t] >= 1
 * for every term seen; every surface belongs to one term; the document
 * lists hold each term at most once per document, in first-seen order.
 */
struct jk_counter {
    struct jk_strmap terms; /* key -> term id */
    uint32_t *full;         /* all occurrences, per term */
    uint32_t *docs;         /* documents containing it, per term */
    uint32_t *last_doc;     /* document number + 1 that last saw it */
    uint32_t *slot;         /* its index in the current document's list */
    size_t cap_terms;
    struct jk_strmap surfaces; /* surface form -> surface id */
    uint32_t *surface_term;
    uint32_t *surface_count;
    size_t cap_surfaces;
    uint32_t *pool_terms;  /* per document, the term ids it contains */
    uint32_t *pool_counts; /* and how often */
    size_t pool_len, cap_pool;
    size_t *doc_start; /* documents' start in the pool; doc_start[n_docs] = pool_len */
    size_t n_docs, cap_docs;
    bool in_doc;
    uint64_t candidates; /* candidate occurrences added */
};

void jk_counter_init(struct jk_counter *c);
void jk_counter_release(struct jk_counter *c);
void jk_counter_begin_doc(struct jk_counter *c);
/* Adds one candidate occurrence to the current document. Strings are copied. */
void jk_counter_add(struct jk_counter *c, const char *key, size_t key_len, const char *surface,
                    size_t surface_len);
void jk_counter_end_doc(struct jk_counter *c);
size_t jk_counter_terms(const struct jk_counter *c);
/* Occurrences of term id under the counting method. */
uint32_t jk_counter_occurrences(const struct jk_counter *c, uint32_t id, enum jk_counting counting);

struct jk_select_options {
    enum jk_counting counting;
    uint32_t min_occurrences; /* 0: choose so the map has roughly 50-500 terms */
    size_t max_terms;         /* 0: no limit */
};

/* Which terms are mapped; owns ids. */
struct jk_selection {
    uint32_t *ids; /* counter term ids, in map order (by label) */
    const char *
        *labels; /* their most frequent surface forms (ties: byte order), owned by the counter */
    size_t count;
    uint32_t threshold;  /* minimum occurrences used */
    bool threshold_auto; /* chosen by jk_select_terms */
    size_t reaching;     /* terms reaching the threshold (before max_terms) */
};

void jk_selection_init(struct jk_selection *s);
void jk_selection_release(struct jk_selection *s);

/*
 * Picks the terms to map: occurrences >= threshold, then the max_terms most
 * frequent (ties: key byte order), then ordered by label. JK_E_EMPTY, with a
 * message suggesting a lower threshold, when no term qualifies.
 */
enum jk_status jk_select_terms(const struct jk_counter *c, const struct jk_select_options *opt,
                               struct jk_selection *sel, struct jk_diag *diag);

/* The threshold chosen when none is given (see the rule in count.c). */
uint32_t jk_auto_threshold(const uint32_t *occurrences, size_t n);

/*
 * Fills map (initialised, empty) with the selected terms (labels, occurrences,
 * documents) and their co-occurrence links: for each document and each pair
 * of selected terms in it, binary counting adds 1, full counting adds the
 * product of their counts in that document. Link stats are set.
 */
void jk_build_map(const struct jk_counter *c, const struct jk_selection *sel,
                  enum jk_counting counting, struct jk_map *map);

#endif
