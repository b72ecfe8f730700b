/*
 * Stage 6, co-occurrence of the selected terms, stored sparsely. The unit
 * says what "together" means: the same document (default), the same
 * sentence, or first words at most N tokens apart. Binary counting adds 1
 * per document in which a pair is together; full counting adds every
 * instance (per unit: the product of the two terms' counts in it; per
 * window: every pair of occurrences close enough).
 */
#ifndef JK_COOCCUR_H
#define JK_COOCCUR_H

#include "count.h"
#include "map.h"
#include "select.h"

enum jk_unit_kind { JK_UNIT_DOCUMENT, JK_UNIT_SENTENCE, JK_UNIT_WINDOW };

struct jk_unit {
    enum jk_unit_kind kind;
    unsigned window; /* tokens, for JK_UNIT_WINDOW */
};

/*
 * Fills map (initialised, empty) with the selected terms (labels,
 * occurrences, documents) and their co-occurrence links, sorted by
 * (source, target); sets link stats. Sentence and window units need a
 * counter that kept positions.
 */
void jk_build_map(const struct jk_counter *c, const struct jk_selection *sel,
                  enum jk_counting counting, struct jk_unit unit, struct jk_map *map);
/*
 * jk_build_map in two steps: the terms (from the whole counter), then the
 * links (from its document lists alone, so the counter may have shed its
 * terms in between: jk_counter_shed_terms).
 */
void jk_map_add_terms(const struct jk_counter *c, const struct jk_selection *sel,
                      enum jk_counting counting, struct jk_map *map);
void jk_map_add_links(const struct jk_counter *c, const struct jk_selection *sel,
                      enum jk_counting counting, struct jk_unit unit, struct jk_map *map);
/*
 * The same; with threads >= 2, a large corpus (jk_cooccur_split_docs documents
 * or more) and the document unit on a dense triangle of at most 16 MB, a
 * second thread sums half the documents (and a second triangle takes the
 * memory). The same links whatever threads is.
 */
void jk_map_add_links_threads(const struct jk_counter *c, const struct jk_selection *sel,
                              enum jk_counting counting, struct jk_unit unit, size_t threads,
                              struct jk_map *map);
/* Documents from which jk_map_add_links_threads splits the work: 4,096; tests lower it. */
extern size_t jk_cooccur_split_docs;
/* Bytes up to which links are summed in a dense triangle: 128 MB; tests lower it. */
extern size_t jk_cooccur_dense_bytes;

/*
 * Whether jk_map_add_links forms the links of map (its terms filled in) row
 * by row (Gustavson's sparse product): by document, when the map's dense
 * triangle of link weights would exceed jk_cooccur_dense_bytes (128 MB:
 * about 5,800 terms), or take more memory than rows, which keep an entry
 * per document and term (the terms' document counts). A 1,000-term map over
 * 200,000 documents keeps its 4 MB triangle; a 5,000-term map over 20,000
 * documents forms rows, which is also faster there. Only then
 * jk_map_relevance can be used.
 */
bool jk_map_by_rows(const struct jk_map *map, struct jk_unit unit);
/*
 * For a map that jk_map_by_rows, after jk_map_add_terms: every term's
 * relevance (jk_relevance, the same numbers bit for bit) without keeping
 * the links, which for tens of thousands of candidates take far more memory
 * than the map that relevance leaves. Each row's links are used as they are
 * formed; the terms' total link strengths come from the documents' lists
 * (links: 0). map->links stays empty: once jk_select_by_relevance has
 * dropped terms, jk_map_add_links adds the links of those it kept.
 */
void jk_map_relevance(const struct jk_counter *c, const struct jk_selection *sel,
                      enum jk_counting counting, struct jk_map *map, double *rel);

/*
 * Sets each term's avg_year and avg_citations to the mean over the
 * documents containing it of years[d] and citations[d] (d in the counter's
 * document order; NAN = unknown, not counted; a term with none known gets
 * NAN) and sets map->has_years / has_citations when any is known. Call
 * right after jk_build_map; it needs only the counter's document lists.
 */
void jk_map_average_metadata(struct jk_map *map, const struct jk_counter *c,
                             const struct jk_selection *sel, const double *years,
                             const double *citations);

#endif
