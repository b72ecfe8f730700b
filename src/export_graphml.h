/*
 * Export stage: the map as a GraphML file for Gephi, Cytoscape, yEd,
 * networkx and igraph. Written with libxml2's xmlTextWriter, which does all
 * XML escaping. Also the XML helpers the GEXF export shares.
 */
#ifndef JK_EXPORT_GRAPHML_H
#define JK_EXPORT_GRAPHML_H

#include <stdio.h>
#include <libxml/xmlwriter.h>

#include "map.h"
#include "util/buf.h"
#include "util/status.h"

/*
 * File layout (UTF-8, one undirected <graph>, deterministic byte for byte):
 * - node ids "n1".."nN" (term index + 1, the ids of terms.csv and the
 *   VOSviewer files), also stored as the integer attribute term_id;
 * - node attributes: term_id (int), label (string), occurrences (int),
 *   documents (int), links (int), total_link_strength (long), cluster (int,
 *   0 when the map was not clustered), x, y (double) only when
 *   map->has_layout, avg_year (double) only when map->has_years and
 *   avg_citations (double) only when map->has_citations; a term whose
 *   average is unknown (NaN) has no <data> for it;
 * - edge attributes: weight (long: the co-occurrence count, VOSviewer's link
 *   strength) and association (double: normalised strength);
 * - <key> ids equal the attribute names. Counts and clusters are integer
 *   types so Gephi partitions by cluster 1, 2, 3 rather than 1.0, 2.0;
 *   "long" is read as an integer by Gephi and networkx and as a number by
 *   igraph (which stores every numeric attribute as a double);
 * - doubles with the fewest digits that read back exactly
 *   (jk_format_double_exact), '.' as decimal separator;
 * - characters XML 1.0 cannot hold (control characters, invalid UTF-8) in
 *   labels become U+FFFD.
 *
 * Writes the whole file to out (open for writing; left open for the caller
 * to fclose and check) and only reads the map. Returns JK_OK, JK_E_OUTPUT
 * when writing fails, or JK_E_INTERNAL when the map breaks its invariants or
 * libxml2 fails; on error the file may be partly written.
 */
enum jk_status jk_export_graphml(const struct jk_map *map, FILE *out, struct jk_diag *diag);

/* Initialises libxml2 once, on the calling thread, before XML is written on several threads. */
void jk_xml_prepare(void);

/*
 * Returns s copied into b with every byte sequence that is not an XML 1.0
 * character in shortest UTF-8 replaced by U+FFFD: each byte of invalid
 * UTF-8 (overlong forms, surrogates, stray bytes), and each control
 * character other than TAB, CR and LF, U+FFFE and U+FFFF whole: what
 * every XML export (GraphML, GEXF) does to labels so the file stays
 * parseable. The result lives in b (cleared first).
 */
const char *jk_xml_text(struct jk_buf *b, const char *s);

/*
 * Writes the map's links as raw text into the element the writer has open:
 * before, then row(b, map, k) for every link k (text that needs no
 * escaping, in the writer's own indentation), then after, in chunks of
 * about 64 KiB. The writer closes an open start tag with '>' alone before
 * raw text and does not indent the end tag that follows it, so before and
 * after carry that line break and indentation. Nothing when there are no
 * links. Returns a negative number when libxml2 fails.
 */
int jk_xml_raw_links(xmlTextWriterPtr w, const struct jk_map *map, const char *before,
                     void (*row)(struct jk_buf *b, const struct jk_map *map, size_t k),
                     const char *after);

/* In functions returning int: xmlTextWriter calls return a negative number on failure. */
#define JK_XML_TRY(call)                                                                           \
    do {                                                                                           \
        if ((call) < 0)                                                                            \
            return -1;                                                                             \
    } while (0)

/*
 * The frame every XML export shares: checks the map, runs write_doc(w, map) on
 * an xmlTextWriter that writes to out (libxml2 never sees a write error: it
 * stays in ferror(out)), frees the writer and finishes with
 * jk_export_finish(out, what). write_doc returns a negative number when a
 * libxml2 call fails. Returns what jk_export_graphml documents.
 */
enum jk_status jk_xml_export(const struct jk_map *map, FILE *out, const char *what,
                             int (*write_doc)(xmlTextWriterPtr w, const struct jk_map *map),
                             struct jk_diag *diag);

#endif
