/*
 * Export stage: the map as a VOSviewer map file (items) and network file
 * (links), which desktop VOSviewer opens with "Create map > Based on
 * network data" or "Open map".
 */
#ifndef JK_EXPORT_VOS_H
#define JK_EXPORT_VOS_H

#include <stdio.h>

#include "map.h"
#include "util/status.h"

/*
 * Both files are UTF-8, tab-separated, lines end with "\n", ids are 1-based
 * (term index + 1, the same ids as terms.csv and GraphML). Numbers: integers
 * in decimal, coordinates via jk_format_double (6 significant digits, '.').
 *
 * Labels in the map file: TAB, CR and LF become a space (a tab-separated
 * row cannot hold them); a label that then contains '"' is written between
 * double quotes with each '"' doubled (the CSV quoting VOSviewer's reader
 * applies to map files), so a label can never shift a column. Other labels,
 * including those with ',' or ';', are written as they are: the tab header
 * fixes the separator. Invalid UTF-8 becomes U+FFFD.
 *
 * Both writers write the whole file to out (open for writing; left open for
 * the caller to fclose and check) and only read the map. They return JK_OK,
 * JK_E_OUTPUT when writing fails, or JK_E_INTERNAL when the map breaks its
 * invariants; on error the file may be partly written.
 */

/*
 * Map file, header
 *   id label [x y] [cluster] weight<Links> weight<Total link strength> weight<Occurrences>
 *   [score<Avg. pub. year>] [score<Avg. citations>]
 * then one row per term in index order. x and y only when map->has_layout
 * (otherwise VOSviewer computes its own layout); cluster only when the map
 * was clustered (VOSviewer accepts clusters 1..1000 only: a warning is
 * printed when there are more); the score columns only when
 * map->has_years / map->has_citations (VOSviewer's overlay view colours by
 * them), with an empty cell for a term whose average is unknown (NaN).
 */
enum jk_status jk_export_vos_map(const struct jk_map *map, FILE *out, struct jk_diag *diag);

/*
 * Network file: one line "id1<TAB>id2<TAB>strength" per link, no header,
 * id1 < id2, strength = the co-occurrence count (an integer).
 */
enum jk_status jk_export_vos_network(const struct jk_map *map, FILE *out, struct jk_diag *diag);

#endif
