/*
 * The term map: what the pipeline hands to network, cluster and export.
 * Terms are indexed 0..n_terms-1 (ids in output files are index + 1).
 * Links are undirected, stored once with source < target, sorted by
 * (source, target), weight > 0. The map owns every array and label;
 * jk_map_release frees them.
 */
#ifndef JK_MAP_H
#define JK_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct jk_term {
    char *label;                  /* owned; lower-case surface form shown to users */
    char *aliases;                /* owned or NULL; other spellings merged in, "; "-joined */
    uint32_t occurrences;         /* binary: documents; full: all occurrences */
    uint32_t documents;           /* documents containing the term */
    uint32_t mentions;            /* all its occurrences (full counting), whatever the counting */
    uint32_t links;               /* number of neighbours in the network */
    uint64_t total_link_strength; /* sum of weights of its links */
    uint32_t cluster;             /* 1..n_clusters, 1 = largest; 0 before clustering */
    double x, y;                  /* layout coordinates, 0 when no layout was made */
    double avg_year;              /* mean publication year of its documents; NAN if none known */
    double avg_citations;         /* mean citations of its documents; NAN if none known */
};

struct jk_link {
    uint32_t source; /* term index, source < target */
    uint32_t target;
    uint64_t weight;    /* co-occurrence count (VOSviewer's link strength) */
    double association; /* association-strength normalised weight */
};

struct jk_map {
    struct jk_term *terms;
    size_t n_terms;
    struct jk_link *links;
    size_t n_links;
    size_t n_clusters;       /* 0 before clustering */
    double quality;          /* clustering quality (CPM, VOSviewer's definition) */
    int has_layout;          /* nonzero when terms[].x/y hold a layout */
    double layout_objective; /* the layout's final objective value (VOS: V); 0 without layout */
    int has_years;           /* nonzero when some terms[].avg_year is known */
    int has_citations;       /* nonzero when some terms[].avg_citations is known */
};

void jk_map_init(struct jk_map *map);
void jk_map_release(struct jk_map *map);

/*
 * Keeps the terms whose keep[i] is true, in their order, and the links
 * between kept terms; frees dropped labels; re-indexes links and recomputes
 * link stats. Returns the number of terms kept.
 */
size_t jk_map_keep(struct jk_map *map, const bool *keep);

/*
 * Sets links and total_link_strength of every term from the link list.
 * Call after the links are final.
 */
void jk_map_link_stats(struct jk_map *map);

/*
 * The index of the first link with an end that is not a term of the map
 * (source or target >= n_terms), or n_links when every link is sound: what
 * the stages that index arrays by term check before trusting the links.
 */
size_t jk_map_bad_link(const struct jk_map *map);

#endif
