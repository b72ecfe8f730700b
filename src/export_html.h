/*
 * Export stage: the map as one self-contained interactive web page
 * (index.html) in the style of VOSviewer's term maps: pan, zoom, hover or
 * tap for details, search, cluster toggles and an average-year overlay.
 * Plain HTML, CSS and a small inline script; no network access at all.
 */
#ifndef JK_EXPORT_HTML_H
#define JK_EXPORT_HTML_H

#include <stdio.h>

#include "map.h"
#include "util/buf.h"
#include "util/status.h"

/*
 * The page (UTF-8, deterministic byte for byte):
 * - the map is embedded as JSON in <script type="application/json"
 *   id="data">: {"layout": "map"|"circle", "years": bool, "clusters": K,
 *   "palette": ["#rrggbb", ...], "grey": "#rrggbb", "viridis": ["#rrggbb",
 *   ...], "terms": [[label, occurrences, documents, links, total_link_strength,
 *   cluster, x, y, avg_year|null], ...], "links": [[source, target,
 *   weight], ...]} with 0-based term indices (ids of the other files - 1);
 *   coordinates and years via jk_format_double, non-finite ones as 0/null;
 * - the page takes every colour from the data: "palette" holds
 *   jk_cluster_color of clusters 1..min(K, JK_PALETTE_SIZE), "grey"
 *   jk_cluster_color(0) for the other clusters and unknown years, "viridis"
 *   the stops of jk_viridis for the year overlay, so it shows the colours
 *   of the pictures and of the GEXF file;
 * - the JK_HTML_MAX_LINKS strongest links are embedded (every link of a
 *   smaller map; ties go to the lower source, then target, the page's own
 *   order), with "links_total" the map's number; the page draws the
 *   strongest 1000 (the user can change the number) between visible terms
 *   and says when the map has more links than the page holds;
 * - without a layout (map->has_layout == 0) terms are placed on a unit
 *   circle in order of cluster, then occurrences (descending), then index,
 *   so each cluster forms an arc; "layout" is then "circle" and the page
 *   says so;
 * - y grows upwards on screen, as in a plot;
 * - a Content-Security-Policy allows only the page's own script (by its
 *   SHA-256) and inline style, and no connections: even a label that
 *   escaped the escaping below could not run code or reach the network;
 * - after drawing, the page sets data-drawn-nodes and data-drawn-links on
 *   <body> and shows "N terms, M links, K clusters" (what it drew).
 */

/*
 * Writes the page for map to out (open for writing; left open for the
 * caller to fclose and check). title (NULL: "jaringkata term map") becomes
 * the page's <title> and heading. Only reads the map. Returns JK_OK,
 * JK_E_OUTPUT when writing fails, or JK_E_INTERNAL when the map breaks its
 * invariants; on error the file may be partly written.
 */
enum jk_status jk_export_html(const struct jk_map *map, const char *title, FILE *out,
                              struct jk_diag *diag);

/*
 * Links a page holds at most: every link of a map of up to 1,000 terms
 * (about 7 MB of page), while a dense 5,000-term map's 8 million would make
 * a page of over 100 MB that no browser opens; the page draws 1,000 by
 * default.
 */
#define JK_HTML_MAX_LINKS 500000

/* jk_export_html with another limit on the embedded links (>= 1). */
enum jk_status jk_export_html_limited(const struct jk_map *map, const char *title, size_t max_links,
                                      FILE *out, struct jk_diag *diag);

/* What jk_write_html needs; both borrowed. */
struct jk_html_page {
    const struct jk_map *map;
    const char *title;
};

/* jk_export_html with the output folder's writer signature; ctx is a struct jk_html_page. */
enum jk_status jk_write_html(const void *ctx, FILE *out, struct jk_diag *diag);

/*
 * Appends s as HTML text that is also safe in a quoted attribute: '&', '<',
 * '>', '"' and '\'' become character references; invalid UTF-8 and control
 * characters other than TAB, LF and CR become U+FFFD.
 */
void jk_html_text(struct jk_buf *b, const char *s);

/*
 * Appends s as a quoted JSON string that is safe inside a <script> element:
 * jk_json_string's escapes plus '<', '>' and '&' as \u003c, \u003e, \u0026
 * (so no "</script" or "<!--" can appear) and U+2028, U+2029 as \u2028,
 * \u2029; each byte of invalid UTF-8 becomes U+FFFD. JSON.parse returns s
 * exactly when s is valid UTF-8.
 */
void jk_html_json_string(struct jk_buf *b, const char *s);

#endif
