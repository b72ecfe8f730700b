/*
 * Export stage: the map as a GEXF 1.3 file (network.gexf) for Gephi, with
 * positions, sizes and cluster colours so it opens looking like the map.
 */
#ifndef JK_EXPORT_GEXF_H
#define JK_EXPORT_GEXF_H

#include <stdio.h>

#include "map.h"
#include "util/status.h"

/*
 * File layout (UTF-8, namespace http://gexf.net/1.3 with viz, one static
 * undirected <graph>, deterministic byte for byte):
 * - node ids "1".."N" (term index + 1, the ids of every other export),
 *   label = the term (XML 1.0 cannot hold control characters other than TAB,
 *   CR, LF, nor invalid UTF-8: those become U+FFFD, as in the GraphML);
 * - node attributes (<attvalue for=id>, ids equal the titles): occurrences,
 *   documents, links, cluster ("integer"), total_link_strength ("long"),
 *   and avg_year / avg_citations ("double") declared only when
 *   map->has_years / has_citations and given only for terms whose value is
 *   known; cluster is 0 when the map was not clustered;
 * - viz:size from 5 to 40, its area growing with occurrences
 *   (5 + 35 * sqrt(occurrences / most occurrences));
 * - viz:position only when map->has_layout: the layout centred on 0 and
 *   scaled by one factor so its larger side spans 1000 (Gephi's canvas
 *   units, roughly pixels at zoom 1); y is not mirrored (Gephi, like the
 *   layout, counts y upwards); z = 0;
 * - viz:color r g b = jk_cluster_color(cluster): the pictures' palette;
 * - edges: id "1".."M" in map order, weight = co-occurrence count
 *   (VOSviewer's link strength), attribute association ("double").
 * Doubles via jk_format_double_exact for attribute values, jk_format_double
 * for viz values.
 *
 * Writes the whole file to out (left open for the caller to fclose and
 * check) and only reads the map. Returns JK_OK, JK_E_OUTPUT when writing
 * fails, or JK_E_INTERNAL when the map breaks its invariants or libxml2
 * fails; on error the file may be partly written.
 */
enum jk_status jk_export_gexf(const struct jk_map *map, FILE *out, struct jk_diag *diag);

#endif
