/*
 * Export stage: the map as a GML file (network.gml) for Gephi, Cytoscape,
 * yEd, igraph and networkx, with VOSviewer's attribute names made into
 * legal GML keys.
 */
#ifndef JK_EXPORT_GML_H
#define JK_EXPORT_GML_H

#include <stdio.h>

#include "map.h"
#include "util/status.h"

/*
 * File layout (7-bit ASCII, lines end with "\n", deterministic):
 *   graph
 *   [
 *     directed 0
 *     node
 *     [
 *       id 1                              term index + 1, as in every export
 *       label "kerja sama"
 *       x 1.25                            x, y only when map->has_layout
 *       y -0.75
 *       cluster 1                         only when the map was clustered
 *       weight_links 2
 *       weight_total_link_strength 7
 *       weight_occurrences 12
 *       score_avg_pub_year 2019.5         when this term's value is known
 *       score_avg_citations 3.25          when this term's value is known
 *     ]
 *     edge
 *     [
 *       source 1
 *       target 2
 *       value 5                           co-occurrence count (link strength)
 *       association 0.5                   normalised strength
 *     ]
 *   ]
 *
 * Keys: VOSviewer's GML uses its map-file headers lower-cased with spaces
 * as '_' ("weight<total_link_strength>"), but '<', '>' and '.' are not legal
 * in GML keys and networkx and igraph refuse such files outright. Each key
 * here is VOSviewer's header lower-cased with every run of characters other
 * than a-z and 0-9 made one '_' (and none at the end):
 *   weight<Links>               -> weight_links
 *   weight<Total link strength> -> weight_total_link_strength
 *   weight<Occurrences>         -> weight_occurrences
 *   score<Avg. pub. year>       -> score_avg_pub_year
 *   score<Avg. citations>       -> score_avg_citations
 *
 * Strings follow the GML specification: ASCII only, '"' written as
 * "&quot;", '&' as "&amp;", every other character outside printable ASCII
 * (TAB, CR, LF and all non-ASCII) as a decimal character reference "&#N;",
 * so a label stays on one line. Characters XML 1.0 cannot hold (other
 * control characters, invalid UTF-8) become U+FFFD ("&#65533;"), as in the
 * GraphML. Integers in decimal; reals with the fewest digits that read back
 * exactly (jk_format_double_exact), always with a '.' so GML readers take
 * them as reals ("2.0", "1.0e-05").
 *
 * Writes the whole file to out (left open for the caller to fclose and
 * check) and only reads the map. Returns JK_OK, JK_E_OUTPUT when writing
 * fails, or JK_E_INTERNAL when the map breaks its invariants; on error the
 * file may be partly written.
 */
enum jk_status jk_export_gml(const struct jk_map *map, FILE *out, struct jk_diag *diag);

#endif
