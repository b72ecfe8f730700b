/*
 * Export stage: the map as a Pajek network file (network.net), which Pajek,
 * VOSviewer ("Create map > Based on network data > Pajek"), igraph and
 * networkx read.
 */
#ifndef JK_EXPORT_PAJEK_H
#define JK_EXPORT_PAJEK_H

#include <stdio.h>

#include "map.h"
#include "util/status.h"

/*
 * File layout (UTF-8 without byte order mark, lines end with "\n"):
 *   *Vertices N
 *   1 "label" [x y 0.5]        one line per term, ids = term index + 1
 *   *Edges
 *   1 2 5                      one line per link: ids, co-occurrence count
 *
 * Labels are always between double quotes. Pajek has no escape inside a
 * quoted label and networkx reads labels with Python's shlex, which treats
 * a backslash before '"' or '\' as an escape; so, to keep every reader on
 * the same label and every vertex on one line:
 * - '"' becomes '\'' (apostrophe) and '\' becomes '/';
 * - control characters (TAB, CR, LF, ...) and DEL become a space;
 * - invalid UTF-8 becomes U+FFFD.
 *
 * Coordinates only when map->has_layout: x and y are scaled by one factor
 * (the layout's aspect ratio is kept) into 0.05..0.95 (Pajek's drawing
 * square is 0..1; the margin keeps labels inside). y is mirrored because
 * Pajek's Draw window counts y downwards from the top edge, while the layout
 * (like VOSviewer) counts it upwards. The third number is z = 0.5, the
 * middle of Pajek's cube; it is written because networkx reads x and y only
 * from vertex lines with at least three values after the label (it takes
 * the third as "shape"). Numbers via jk_format_double.
 *
 * Writes the whole file to out (left open for the caller to fclose and
 * check) and only reads the map. Returns JK_OK, JK_E_OUTPUT when writing
 * fails, or JK_E_INTERNAL when the map breaks its invariants; on error the
 * file may be partly written.
 */
enum jk_status jk_export_pajek(const struct jk_map *map, FILE *out, struct jk_diag *diag);

#endif
