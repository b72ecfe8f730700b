/*
 * Export stage: the map as a VOSviewer JSON file (vosviewer.json), which
 * VOSviewer Online and desktop VOSviewer open, with the parameters of the
 * run so the file says how it was made.
 */
#ifndef JK_EXPORT_JSON_H
#define JK_EXPORT_JSON_H

#include <stddef.h>
#include <stdio.h>

#include "map.h"
#include "util/status.h"

/*
 * What the file records besides the map. Strings are borrowed; a NULL
 * string leaves its key out. Doubles that are not finite are written null.
 */
struct jk_json_info {
    const char *title;         /* info.title, shown by VOSviewer Online */
    const char *description;   /* info.description */
    double resolution;         /* clustering resolution (CPM gamma) */
    size_t min_cluster_size;   /* smaller clusters were merged */
    double attraction;         /* layout attraction exponent */
    double repulsion;          /* layout repulsion exponent */
    const char *normalization; /* name of the link normalisation, e.g. "association" */
    const char *counting;      /* name of the counting method, e.g. "binary" */
};

/*
 * File layout (UTF-8, "\n" line ends, one item, link or cluster per line,
 * deterministic byte for byte):
 *   {
 *     "network": {
 *       "items": [
 *         {"id": 1, "label": "...", "x": 0.81, "y": -0.1, "cluster": 1,
 *          "weights": {"Links": 2, "Total link strength": 7, "Occurrences": 12},
 *          "scores": {"Avg. pub. year": 2019.5, "Avg. citations": 3.25}},
 *       ],
 *       "links": [{"source_id": 1, "target_id": 2, "strength": 5}],
 *       "clusters": [{"cluster": 1, "label": "..."}]
 *     },
 *     "config": {"parameters": {"resolution": 1, "min_cluster_size": 1,
 *                "attraction": 2, "repulsion": 1, "normalization": "...",
 *                "counting": "..."}},
 *     "info": {"title": "...", "description": "..."}
 *   }
 * - ids are term index + 1 (as in every export); strength is the
 *   co-occurrence count;
 * - x and y only when map->has_layout; "cluster" and the "clusters" list
 *   only when the map was clustered; a cluster's label is its term with the
 *   most occurrences (ties: label in byte order, then lower id);
 * - "scores" only for a term with a known average (map->has_years /
 *   has_citations and not NaN), holding only the known ones;
 * - "config" and "info" only when info is not NULL ("info" only when it
 *   has a title or a description);
 * - numbers via jk_format_double (6 significant digits); a coordinate or
 *   score that is not finite is left out;
 * - strings: invalid UTF-8 becomes U+FFFD, then jk_json_string escapes
 *   quotes, backslashes and control characters; "</" is written "<\/" so
 *   the text can also be pasted into an HTML <script> element.
 *
 * Writes the whole file to out (left open for the caller to fclose and
 * check) and only reads the map and info. Returns JK_OK, JK_E_OUTPUT when
 * writing fails, or JK_E_INTERNAL when the map breaks its invariants; on
 * error the file may be partly written.
 */
enum jk_status jk_export_json(const struct jk_map *map, const struct jk_json_info *info, FILE *out,
                              struct jk_diag *diag);

#endif
