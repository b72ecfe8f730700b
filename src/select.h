/*
 * Stage 5b, selection: which counted candidates become the map's terms.
 * In order: occurrence threshold (given, or chosen so that at most
 * JK_AUTO_KEEP terms reach it); a document-share ceiling for large corpora; nested
 * fragments (a term that almost only occurs inside one longer candidate
 * extension, "tenggara" in "nusa tenggara"); the max_terms most frequent;
 * then, once the co-occurrence network of those terms exists, the keep_percent
 * most relevant (VOSviewer's relevance idea, see jk_relevance).
 * A reviewed terms file replaces all of this with the user's choice.
 */
#ifndef JK_SELECT_H
#define JK_SELECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "count.h"
#include "map.h"
#include "util/arena.h"
#include "util/status.h"

struct jk_select_options {
    enum jk_counting counting;
    uint32_t min_occurrences;  /* 0: choose so 50-JK_AUTO_KEEP terms reach it */
    size_t max_terms;          /* 0: no limit */
    double max_doc_share;      /* drop terms in more than this share of documents (0..1] */
    size_t doc_share_min_docs; /* the ceiling applies from this many documents on */
    double nested_share;       /* drop a term when this share of it extends into one side; >1 off */
    double keep_percent;       /* keep this percentage of terms, most relevant first (0..100] */
};

void jk_select_options_default(struct jk_select_options *o);

#define JK_DROPPED_SHOWN 10

/* Terms dropped by one rule: how many, and the most frequent few (for the report). */
struct jk_dropped {
    size_t count;
    const char *shown[JK_DROPPED_SHOWN]; /* labels: the counter's, or copies in labels_kept */
    size_t n_shown;
};

/*
 * Which terms are mapped. ids/labels/relevance/selected have `count`
 * entries in map order (by label); `kept` of them are selected and are,
 * in the same order, the map's terms after jk_select_relevant.
 */
struct jk_selection {
    uint32_t *ids;       /* counter term ids */
    const char **labels; /* most frequent surface forms; strings owned by the counter */
    double *relevance;   /* NAN until jk_select_relevant */
    bool *selected;
    size_t count;
    size_t kept;
    uint32_t threshold;  /* minimum occurrences used */
    bool threshold_auto; /* chosen by jk_select_terms */
    bool from_file;      /* chosen by a reviewed terms file */
    size_t reaching;     /* candidates reaching the threshold */
    uint32_t *reached;   /* their counter ids, most frequent first (for review lists) */
    struct jk_dropped ceiling, nested, max_terms, relevance_cut;
    struct jk_arena labels_kept; /* the dropped labels after jk_selection_keep_labels */
};

void jk_selection_init(struct jk_selection *s);
void jk_selection_release(struct jk_selection *s);

/*
 * Threshold, ceiling, nested fragments and max_terms. JK_E_EMPTY, with a
 * message suggesting a lower threshold, when no term qualifies.
 */
enum jk_status jk_select_terms(const struct jk_counter *c, const struct jk_select_options *opt,
                               struct jk_selection *sel, struct jk_diag *diag);

/*
 * Selects exactly the candidates whose label is in labels[0..n) (a reviewed
 * terms file) and that occur (a term merged into another no longer does).
 * JK_E_EMPTY when none of them occurs in the corpus.
 */
enum jk_status jk_select_listed(const struct jk_counter *c, const char *const *labels, size_t n,
                                enum jk_counting counting, struct jk_selection *sel,
                                struct jk_diag *diag);

/*
 * The chosen threshold leaves at most this many terms: the relevance cut then keeps 60 % of
 * them, so a map of at most 180 terms, about as many labels as a map shows legibly.
 */
#define JK_AUTO_KEEP 300

/* The threshold chosen when none is given (rule in select.c); zero counts (merged terms) are
 * not candidates. */
uint32_t jk_auto_threshold(const uint32_t *occurrences, size_t n);

/*
 * Relevance of every term of map (van Eck & Waltman's idea): the
 * Kullback-Leibler divergence between the distribution of the term's
 * co-occurrences over the other terms and the distribution of all
 * co-occurrences. General terms co-occur with everything in proportion and
 * score near 0; specific terms concentrate their links and score high.
 * A term without links scores 0. rel has map->n_terms entries.
 */
void jk_relevance(const struct jk_map *map, double *rel);
/* Its parts, for callers that meet the links one at a time, in (source, target) order:
 * rel[] = 0 and the sum of the terms' total link strengths; then one link's part. */
double jk_relevance_total(const struct jk_map *map, double *rel);
void jk_relevance_link(double *rel, uint32_t i, uint32_t j, double w, double si, double sj,
                       double total);

/*
 * Records relevance in sel and keeps the keep_percent most relevant terms
 * (at least one; ties: more occurrences, then label) in map and sel.
 * Does nothing but record relevance for a selection from a terms file.
 */
void jk_select_relevant(struct jk_map *map, struct jk_selection *sel, double keep_percent);
/* The same with every term's relevance known (rel, n_terms entries). */
void jk_select_by_relevance(struct jk_map *map, struct jk_selection *sel, const double *rel,
                            double keep_percent);
/* Whether relevance drops terms: keep_percent below 100 and no terms file. */
bool jk_relevance_cuts(const struct jk_selection *sel, double keep_percent);

/*
 * Makes the selection independent of the counter, so that the counter can
 * be released once the map is built: the dropped terms' labels are copied
 * into sel->labels_kept, and labels and reached (the counter's strings and ids)
 * are freed and set to NULL. count, kept, reaching and the rest stay.
 */
void jk_selection_keep_labels(struct jk_selection *sel);

#endif
