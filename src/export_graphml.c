/*
 * Export stage: GraphML for network tools. libxml2's xmlTextWriter builds
 * the document and escapes every string; this file only decides what goes
 * in it (see export_graphml.h for the attributes and their types).
 */
#include "export_graphml.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>
#include <libxml/chvalid.h>
#include <libxml/xmlstring.h>
#include <libxml/xmlwriter.h>

#include "export_csv.h"
#include "util/buf.h"

#define GRAPHML_NS     "http://graphml.graphdrawing.org/xmlns"
#define GRAPHML_SCHEMA GRAPHML_NS " " GRAPHML_NS "/1.0/graphml.xsd"
#define XSI_NS         "http://www.w3.org/2001/XMLSchema-instance"

struct gml_key {
    const char *name;
    const char *type;
};

/*
 * python-igraph 0.10 and networkx 2.8 were checked to read "long": igraph
 * as a number (all its numeric attributes are doubles), networkx as int.
 */
static const struct gml_key node_keys[] = {
    {"term_id", "int"},   {"label", "string"}, {"occurrences", "int"},
    {"documents", "int"}, {"links", "int"},    {"total_link_strength", "long"},
    {"cluster", "int"},
};
static const struct gml_key layout_keys[] = {{"x", "double"}, {"y", "double"}};
static const struct gml_key year_key = {"avg_year", "double"};
static const struct gml_key citations_key = {"avg_citations", "double"};
static const struct gml_key edge_keys[] = {{"weight", "long"}, {"association", "double"}};

#define N_KEYS(a) (sizeof(a) / sizeof((a)[0]))

static int write_attr(xmlTextWriterPtr w, const char *name, const char *value)
{
    return xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST value);
}

static int write_key(xmlTextWriterPtr w, const char *domain, const struct gml_key *k)
{
    JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "key"));
    JK_XML_TRY(write_attr(w, "id", k->name));
    JK_XML_TRY(write_attr(w, "for", domain));
    JK_XML_TRY(write_attr(w, "attr.name", k->name));
    JK_XML_TRY(write_attr(w, "attr.type", k->type));
    return xmlTextWriterEndElement(w);
}

static int write_keys(xmlTextWriterPtr w, const struct jk_map *map)
{
    for (size_t i = 0; i < N_KEYS(node_keys); i++)
        JK_XML_TRY(write_key(w, "node", &node_keys[i]));
    for (size_t i = 0; map->has_layout && i < N_KEYS(layout_keys); i++)
        JK_XML_TRY(write_key(w, "node", &layout_keys[i]));
    if (map->has_years)
        JK_XML_TRY(write_key(w, "node", &year_key));
    if (map->has_citations)
        JK_XML_TRY(write_key(w, "node", &citations_key));
    for (size_t i = 0; i < N_KEYS(edge_keys); i++)
        JK_XML_TRY(write_key(w, "edge", &edge_keys[i]));
    return 0;
}

static int write_data(xmlTextWriterPtr w, const char *key, const char *value)
{
    JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "data"));
    JK_XML_TRY(write_attr(w, "key", key));
    JK_XML_TRY(xmlTextWriterWriteString(w, BAD_CAST value));
    return xmlTextWriterEndElement(w);
}

static int write_uint(xmlTextWriterPtr w, const char *key, uint64_t v)
{
    char s[JK_U64_BUF];
    jk_format_u64(s, "", v);
    return write_data(w, key, s);
}

static int write_double(xmlTextWriterPtr w, const char *key, double v)
{
    char s[JK_DOUBLE_BUF];
    jk_format_double_exact(s, sizeof(s), v);
    return write_data(w, key, s);
}

static int utf8_length(int c)
{
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

const char *jk_xml_text(struct jk_buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *end = p + strlen(s);
    jk_buf_clear(b);
    while (p < end) {
        int len = end - p < 4 ? (int)(end - p) : 4;
        /* libxml2 2.9 decodes a stray continuation byte (0x80..0xBF) as a lead byte */
        int c = *p >= 0x80 && *p < 0xC2 ? -1 : xmlGetUTF8Char(p, &len);
        if (c < 0 || len != utf8_length(c) || (c >= 0xD800 && c <= 0xDFFF)) {
            jk_buf_adds(b, "\xEF\xBF\xBD"); /* invalid UTF-8: one per byte */
            len = 1;
        } else if (!xmlIsCharQ(c)) {
            jk_buf_adds(b, "\xEF\xBF\xBD"); /* a control character, U+FFFE or U+FFFF */
        } else {
            jk_buf_add(b, p, (size_t)len);
        }
        p += len;
    }
    return b->data;
}

static int write_node(xmlTextWriterPtr w, const struct jk_map *map, size_t i, struct jk_buf *tmp)
{
    const struct jk_term *t = &map->terms[i];
    char id[24];
    snprintf(id, sizeof(id), "n%zu", i + 1);
    JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "node"));
    JK_XML_TRY(write_attr(w, "id", id));
    JK_XML_TRY(write_uint(w, "term_id", i + 1));
    JK_XML_TRY(write_data(w, "label", jk_xml_text(tmp, t->label)));
    JK_XML_TRY(write_uint(w, "occurrences", t->occurrences));
    JK_XML_TRY(write_uint(w, "documents", t->documents));
    JK_XML_TRY(write_uint(w, "links", t->links));
    JK_XML_TRY(write_uint(w, "total_link_strength", t->total_link_strength));
    JK_XML_TRY(write_uint(w, "cluster", t->cluster));
    if (map->has_layout) {
        JK_XML_TRY(write_double(w, "x", t->x));
        JK_XML_TRY(write_double(w, "y", t->y));
    }
    /* an unknown average gets no <data>: readers then use the key's default */
    if (map->has_years && !isnan(t->avg_year))
        JK_XML_TRY(write_double(w, year_key.name, t->avg_year));
    if (map->has_citations && !isnan(t->avg_citations))
        JK_XML_TRY(write_double(w, citations_key.name, t->avg_citations));
    return xmlTextWriterEndElement(w);
}

static int write_nodes(xmlTextWriterPtr w, const struct jk_map *map)
{
    struct jk_buf tmp;
    jk_buf_init(&tmp);
    int rc = 0;
    for (size_t i = 0; i < map->n_terms && rc >= 0; i++)
        rc = write_node(w, map, i, &tmp);
    jk_buf_release(&tmp);
    return rc;
}

/*
 * An edge as the text writer would indent it. Edges hold only numbers and
 * fixed names, nothing to escape, and a map can have millions: they go out
 * as raw text, without the writer's bookkeeping per element and attribute.
 */
static void edge_text(struct jk_buf *b, const struct jk_map *map, size_t k)
{
    const struct jk_link *l = &map->links[k];
    char num[JK_DOUBLE_BUF];
    jk_buf_adds(b, "    <edge source=\"n");
    jk_buf_add_u64(b, l->source + 1);
    jk_buf_adds(b, "\" target=\"n");
    jk_buf_add_u64(b, l->target + 1);
    jk_buf_adds(b, "\">\n      <data key=\"weight\">");
    jk_buf_add_u64(b, l->weight);
    jk_buf_adds(b, "</data>\n      <data key=\"association\">");
    jk_format_double_exact(num, sizeof(num), l->association);
    jk_buf_adds(b, num);
    jk_buf_adds(b, "</data>\n    </edge>\n");
}

int jk_xml_raw_links(xmlTextWriterPtr w, const struct jk_map *map, const char *before,
                     void (*row)(struct jk_buf *b, const struct jk_map *map, size_t k),
                     const char *after)
{
    struct jk_buf b;
    jk_buf_init(&b);
    jk_buf_adds(&b, before);
    int rc = 0;
    for (size_t k = 0; k < map->n_links && rc >= 0; k++) {
        row(&b, map, k);
        if (k + 1 == map->n_links)
            jk_buf_adds(&b, after);
        if (b.len >= 65536 || k + 1 == map->n_links) {
            rc = xmlTextWriterWriteRawLen(w, BAD_CAST b.data, (int)b.len);
            jk_buf_clear(&b);
        }
    }
    jk_buf_release(&b);
    return rc;
}

static int write_document(xmlTextWriterPtr w, const struct jk_map *map)
{
    JK_XML_TRY(xmlTextWriterSetIndent(w, 1));
    JK_XML_TRY(xmlTextWriterSetIndentString(w, BAD_CAST "  "));
    JK_XML_TRY(xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL));
    JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "graphml"));
    JK_XML_TRY(write_attr(w, "xmlns", GRAPHML_NS));
    JK_XML_TRY(write_attr(w, "xmlns:xsi", XSI_NS));
    JK_XML_TRY(write_attr(w, "xsi:schemaLocation", GRAPHML_SCHEMA));
    JK_XML_TRY(write_keys(w, map));
    JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "graph"));
    JK_XML_TRY(write_attr(w, "id", "G"));
    JK_XML_TRY(write_attr(w, "edgedefault", "undirected"));
    JK_XML_TRY(write_nodes(w, map));
    JK_XML_TRY(jk_xml_raw_links(w, map, "", edge_text, "  ")); /* "  ": </graph>'s indent */
    return xmlTextWriterEndDocument(w);
}

/*
 * Never reports failure to libxml2 (which would print its own message on
 * stderr): a failed fwrite stays in ferror(out) for jk_export_finish.
 */
static int file_write(void *ctx, const char *buf, int len)
{
    fwrite(buf, 1, (size_t)len, (FILE *)ctx);
    return len;
}

void jk_xml_prepare(void)
{
    xmlInitParser();
}

enum jk_status jk_xml_export(const struct jk_map *map, FILE *out, const char *what,
                             int (*write_doc)(xmlTextWriterPtr w, const struct jk_map *map),
                             struct jk_diag *diag)
{
    enum jk_status st = jk_export_check_map(map, diag);
    if (st != JK_OK)
        return st;
    xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(file_write, NULL, out, NULL);
    if (!ob)
        return jk_error(diag, JK_E_INTERNAL, "libxml2 could not create an output buffer");
    xmlTextWriterPtr w = xmlNewTextWriter(ob); /* owns ob from here on */
    if (!w) {
        xmlOutputBufferClose(ob);
        return jk_error(diag, JK_E_INTERNAL, "libxml2 could not create an XML writer");
    }
    int rc = write_doc(w, map);
    xmlFreeTextWriter(w);
    st = jk_export_finish(out, what, diag);
    if (st == JK_OK && rc < 0)
        return jk_error(diag, JK_E_INTERNAL, "libxml2 failed while writing the %s", what);
    return st;
}

enum jk_status jk_export_graphml(const struct jk_map *map, FILE *out, struct jk_diag *diag)
{
    return jk_xml_export(map, out, "GraphML file", write_document, diag);
}
