/*
 * Network stage: normalises co-occurrence counts into the link strengths the
 * clustering and layout stages work on: VOSviewer's association strength
 * (default) or fractionalization, the similarity measures of bibliometrix and
 * KH Coder (Jaccard, cosine, inclusion, equivalence), or none (raw counts,
 * for VOSviewer's LinLog/modularity variant). Also the largest-component
 * filter. Runs after the link list of the map is final and before cluster/layout.
 */
#ifndef JK_NETWORK_H
#define JK_NETWORK_H

#include "map.h"
#include "util/status.h"

enum jk_normalization {
    JK_NORM_ASSOCIATION,       /* association strength (VOSviewer's default) */
    JK_NORM_FRACTIONALIZATION, /* VOSviewer's fractionalization */
    JK_NORM_JACCARD,           /* c_ij / (c_i + c_j - c_ij) */
    JK_NORM_COSINE,            /* Salton's cosine, c_ij / sqrt(c_i c_j) */
    JK_NORM_INCLUSION,         /* c_ij / min(c_i, c_j) */
    JK_NORM_EQUIVALENCE,       /* c_ij^2 / (c_i c_j) */
    JK_NORM_NONE,              /* the co-occurrence count itself */
};

/*
 * The option name of n ("association", "fractionalization", "jaccard",
 * "cosine", "inclusion", "equivalence", "none"): what --normalization takes
 * and run.json records. A static string; "unknown" for a value outside the enum.
 */
const char *jk_normalization_name(enum jk_normalization n);

/*
 * Sets *out from an option name (exact, lower case). JK_E_USAGE listing the
 * names when text is none of them (*out untouched).
 */
enum jk_status jk_normalization_parse(const char *text, enum jk_normalization *out,
                                      struct jk_diag *diag);

/*
 * Requires map->links final (map.h invariants: source < target < n_terms,
 * weight > 0). Calls jk_map_link_stats (terms[].links, total_link_strength),
 * then sets every links[k].association from a_ij = c_ij = links[k].weight:
 *   association       a_ij / (n_i * n_j / N)
 *   fractionalization a_ij * (n / n_i + n / n_j) / 2
 *   jaccard           c_ij / (c_i + c_j - c_ij)
 *   cosine            c_ij / sqrt(c_i * c_j)
 *   inclusion         c_ij / min(c_i, c_j)
 *   equivalence       c_ij^2 / (c_i * c_j)
 *   none              a_ij
 * with n_i = terms[i].total_link_strength, N = sum_k n_k (each link counted
 * twice, as in the VOSviewer reference), n = n_terms, and c_i the
 * occurrences of term i (terms[i].occurrences).
 *
 * Guard for the measures on occurrences: c_i is taken as
 * max(terms[i].occurrences, the largest weight of i's links). With binary
 * counting by document this changes nothing (a pair cannot be in more
 * documents than either term), but a term recorded with 0 occurrences would
 * divide by zero, and full counting (or a window unit) can give c_ij > c_i,
 * which would make Jaccard's denominator 0 or negative. With the guard these
 * four measures lie in (0, 1].
 *
 * Every association is then > 0 and finite (a zero-weight link, which map.h
 * rules out, gets 0) and the same whichever of the two terms is called
 * source. Doubles throughout, so counts near 2^64 do not overflow. Allocates
 * one array of n_terms counts (the guard); cannot fail.
 */
void jk_network_normalize(struct jk_map *map, enum jk_normalization n);

/* jk_network_normalize(map, JK_NORM_ASSOCIATION). */
void jk_network_associate(struct jk_map *map);

/*
 * Keeps only the terms of the largest connected component of the term
 * network (VOSviewer's "largest set of connected items"); ties go to the
 * component that contains the lowest term index. A term without links is a
 * component of one, so a map without links keeps its first term. Kept terms
 * and links keep their order and are re-indexed (map.h invariants hold
 * afterwards); dropped labels are freed; jk_map_link_stats is recomputed.
 * Other term fields travel with their term unchanged, and links keep their
 * association: call this before jk_network_normalize (and before cluster and
 * layout) so that normalised strengths refer to the kept network.
 * Near-linear in n_terms + n_links; cannot fail; a map without terms is left
 * as it is.
 */
void jk_map_keep_largest_component(struct jk_map *map);

#endif
