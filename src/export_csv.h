/*
 * Export stage: the map as plain CSV tables (terms.csv, links.csv,
 * clusters.csv), plus the helpers every exporter shares: number formatting,
 * CSV quoting, a sanity check of the map and the final write check.
 */
#ifndef JK_EXPORT_CSV_H
#define JK_EXPORT_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "map.h"
#include "util/buf.h"
#include "util/status.h"

/*
 * CSV dialect written here (RFC 4180 except for line ends):
 * - fields separated by ',', lines end with "\n" (not CRLF: Python's csv,
 *   R, pandas, LibreOffice and Excel all read LF, and LF keeps the files
 *   diffable with ordinary tools);
 * - a field is quoted with '"' when it contains ',', '"', CR or LF, or starts
 *   or ends with a space or tab; a '"' inside a quoted field is doubled;
 * - ids are 1-based (term index + 1), the same ids as in the VOSviewer and
 *   GraphML exports; integers in decimal, doubles via jk_format_double;
 * - encoding UTF-8 (invalid UTF-8 in a label becomes U+FFFD), no byte
 *   order mark; a header line always comes first, even when the map is empty.
 * cluster is 0 for every term when the map was not clustered.
 */

/* Enough for any output of jk_format_double or jk_format_double_exact. */
#define JK_DOUBLE_BUF 32

/*
 * Writes v to dst (n bytes, at least JK_DOUBLE_BUF) with 6 significant
 * digits ("%.6g"): what the CSV and VOSviewer files show people, stable
 * under last-bit differences between machines. Always '.' as decimal
 * separator whatever the locale; -0 is written "0"; NaN and infinities as
 * "NaN", "Infinity", "-Infinity" (read by Python, Java and strtod).
 */
void jk_format_double(char *dst, size_t n, double v);

/*
 * Like jk_format_double but with the fewest digits (15 to 17) that read
 * back to exactly v: for machine-read files (GraphML). Deterministic.
 */
void jk_format_double_exact(char *dst, size_t n, double v);

/*
 * Returns s copied into b (cleared first) with each byte of invalid UTF-8
 * (stray bytes, overlong forms, surrogates) replaced by U+FFFD, so a text
 * export stays UTF-8 whatever a label holds. The result lives in b.
 */
const char *jk_export_utf8(struct jk_buf *b, const char *s);

/*
 * Appends s to b as one CSV field, quoted when needed (rules above); invalid
 * UTF-8 becomes U+FFFD (jk_export_utf8), other characters are kept.
 */
void jk_csv_field(struct jk_buf *b, const char *s);

/*
 * Checks what every exporter relies on: each term has a label and each
 * link joins two terms of the map. Returns JK_OK, or JK_E_INTERNAL with a
 * message in diag (a bug in an earlier stage).
 */
enum jk_status jk_export_check_map(const struct jk_map *map, struct jk_diag *diag);

/*
 * Flushes out and checks its error indicator: call once after writing a
 * whole file. what names the file for the message ("terms CSV file").
 * Returns JK_OK or JK_E_OUTPUT. Does not close out.
 */
enum jk_status jk_export_finish(FILE *out, const char *what, struct jk_diag *diag);

/*
 * The writers below write one whole file to out (open for writing, left
 * open; the caller closes it and should check fclose). They only read the
 * map. Return JK_OK; JK_E_OUTPUT when writing fails (disk full, closed
 * stream); JK_E_INTERNAL when the map breaks its invariants. On error part
 * of the file may have been written: the caller removes it.
 */

/*
 * terms.csv: id,label,occurrences,documents,links,total_link_strength,cluster
 * then x,y when map->has_layout, avg_year when map->has_years and
 * avg_citations when map->has_citations (an empty field where a term's
 * average is unknown). One row per term, in index order.
 */
enum jk_status jk_export_terms_csv(const struct jk_map *map, FILE *out, struct jk_diag *diag);

/*
 * links.csv: source_id,target_id,source,target,weight,association.
 * One row per link in map order; source/target are labels, weight is the
 * co-occurrence count, association the normalised strength.
 */
enum jk_status jk_export_links_csv(const struct jk_map *map, FILE *out, struct jk_diag *diag);

/* How many of a cluster's terms clusters.csv and report.md name. */
#define JK_CLUSTER_TOP_TERMS 10

/*
 * clusters.csv: cluster,size,top_terms. One row per cluster 1..n_clusters;
 * size = number of terms in it; top_terms = its JK_CLUSTER_TOP_TERMS terms
 * with the most occurrences (ties by label, byte order) joined with "; ".
 * Only the header when the map was not clustered.
 */
enum jk_status jk_export_clusters_csv(const struct jk_map *map, FILE *out, struct jk_diag *diag);

#endif
