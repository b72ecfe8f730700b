/*
 * Export stage: GEXF 1.3 for Gephi via libxml2's xmlTextWriter (the frame
 * and label cleaning are shared with the GraphML export).
 */
#include "export_gexf.h"

#include <inttypes.h>
#include <math.h>
#include <libxml/xmlwriter.h>

#include "export_csv.h"
#include "export_graphml.h"
#include "palette.h"
#include "util/buf.h"

#define GEXF_NS     "http://gexf.net/1.3"
#define VIZ_NS      GEXF_NS "/viz"
#define XSI_NS      "http://www.w3.org/2001/XMLSchema-instance"
#define GEXF_SCHEMA GEXF_NS " " GEXF_NS "/gexf.xsd"
#define CANVAS      1000.0 /* the layout's larger side, in Gephi units */
#define SIZE_MIN    5.0
#define SIZE_RANGE  35.0

/* Placement of the layout on Gephi's canvas and the size scale. */
struct viz {
    double cx, cy, scale;
    uint32_t max_occurrences;
};

static struct viz viz_scale(const struct jk_map *map)
{
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    struct viz v = {0, 0, 0, 0};
    for (size_t i = 0; i < map->n_terms; i++) {
        const struct jk_term *t = &map->terms[i];
        if (t->occurrences > v.max_occurrences)
            v.max_occurrences = t->occurrences;
        if (!isfinite(t->x) || !isfinite(t->y))
            continue;
        x0 = fmin(x0, t->x);
        x1 = fmax(x1, t->x);
        y0 = fmin(y0, t->y);
        y1 = fmax(y1, t->y);
    }
    if (x0 <= x1) {
        double span = fmax(x1 - x0, y1 - y0);
        v.cx = (x0 + x1) / 2;
        v.cy = (y0 + y1) / 2;
        v.scale = span > 0 ? CANVAS / span : 0;
    }
    return v;
}

static int write_attr(xmlTextWriterPtr w, const char *name, const char *value)
{
    return xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST value);
}

static int write_number_attr(xmlTextWriterPtr w, const char *name, double v)
{
    char num[JK_DOUBLE_BUF];
    jk_format_double(num, sizeof(num), v);
    return write_attr(w, name, num);
}

static int write_attribute_decl(xmlTextWriterPtr w, const char *id, const char *type)
{
    JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "attribute"));
    JK_XML_TRY(write_attr(w, "id", id));
    JK_XML_TRY(write_attr(w, "title", id));
    JK_XML_TRY(write_attr(w, "type", type));
    return xmlTextWriterEndElement(w);
}

static int write_declarations(xmlTextWriterPtr w, const struct jk_map *map)
{
    static const char *const node_attrs[][2] = {
        {"occurrences", "integer"},      {"documents", "integer"}, {"links", "integer"},
        {"total_link_strength", "long"}, {"cluster", "integer"},
    };
    JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "attributes"));
    JK_XML_TRY(write_attr(w, "class", "node"));
    JK_XML_TRY(write_attr(w, "mode", "static"));
    for (size_t i = 0; i < sizeof(node_attrs) / sizeof(node_attrs[0]); i++)
        JK_XML_TRY(write_attribute_decl(w, node_attrs[i][0], node_attrs[i][1]));
    if (map->has_years)
        JK_XML_TRY(write_attribute_decl(w, "avg_year", "double"));
    if (map->has_citations)
        JK_XML_TRY(write_attribute_decl(w, "avg_citations", "double"));
    JK_XML_TRY(xmlTextWriterEndElement(w));
    JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "attributes"));
    JK_XML_TRY(write_attr(w, "class", "edge"));
    JK_XML_TRY(write_attr(w, "mode", "static"));
    JK_XML_TRY(write_attribute_decl(w, "association", "double"));
    return xmlTextWriterEndElement(w);
}

static int write_value(xmlTextWriterPtr w, const char *id, const char *value)
{
    JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "attvalue"));
    JK_XML_TRY(write_attr(w, "for", id));
    JK_XML_TRY(write_attr(w, "value", value));
    return xmlTextWriterEndElement(w);
}

static int write_uint_value(xmlTextWriterPtr w, const char *id, uint64_t v)
{
    char s[JK_U64_BUF];
    jk_format_u64(s, "", v);
    return write_value(w, id, s);
}

/* Skips an unknown (NaN) value: the attribute is then absent for the node. */
static int write_double_value(xmlTextWriterPtr w, const char *id, double v)
{
    if (isnan(v))
        return 0;
    char s[JK_DOUBLE_BUF];
    jk_format_double_exact(s, sizeof(s), v);
    return write_value(w, id, s);
}

static int write_node_values(xmlTextWriterPtr w, const struct jk_map *map, const struct jk_term *t)
{
    JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "attvalues"));
    JK_XML_TRY(write_uint_value(w, "occurrences", t->occurrences));
    JK_XML_TRY(write_uint_value(w, "documents", t->documents));
    JK_XML_TRY(write_uint_value(w, "links", t->links));
    JK_XML_TRY(write_uint_value(w, "total_link_strength", t->total_link_strength));
    JK_XML_TRY(write_uint_value(w, "cluster", t->cluster));
    if (map->has_years)
        JK_XML_TRY(write_double_value(w, "avg_year", t->avg_year));
    if (map->has_citations)
        JK_XML_TRY(write_double_value(w, "avg_citations", t->avg_citations));
    return xmlTextWriterEndElement(w);
}

static int write_node_viz(xmlTextWriterPtr w, const struct jk_map *map, const struct jk_term *t,
                          const struct viz *v)
{
    double share = v->max_occurrences ? (double)t->occurrences / v->max_occurrences : 0;
    JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "viz:size"));
    JK_XML_TRY(write_number_attr(w, "value", SIZE_MIN + SIZE_RANGE * sqrt(share)));
    JK_XML_TRY(xmlTextWriterEndElement(w));
    if (map->has_layout) {
        int ok = isfinite(t->x) && isfinite(t->y);
        JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "viz:position"));
        JK_XML_TRY(write_number_attr(w, "x", ok ? (t->x - v->cx) * v->scale : 0));
        JK_XML_TRY(write_number_attr(w, "y", ok ? (t->y - v->cy) * v->scale : 0));
        JK_XML_TRY(write_attr(w, "z", "0"));
        JK_XML_TRY(xmlTextWriterEndElement(w));
    }
    unsigned char rgb[3];
    jk_cluster_color(t->cluster, rgb);
    JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "viz:color"));
    JK_XML_TRY(xmlTextWriterWriteFormatAttribute(w, BAD_CAST "r", "%u", rgb[0]));
    JK_XML_TRY(xmlTextWriterWriteFormatAttribute(w, BAD_CAST "g", "%u", rgb[1]));
    JK_XML_TRY(xmlTextWriterWriteFormatAttribute(w, BAD_CAST "b", "%u", rgb[2]));
    return xmlTextWriterEndElement(w);
}

static int write_node(xmlTextWriterPtr w, const struct jk_map *map, size_t i, const struct viz *v,
                      struct jk_buf *tmp)
{
    const struct jk_term *t = &map->terms[i];
    JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "node"));
    JK_XML_TRY(xmlTextWriterWriteFormatAttribute(w, BAD_CAST "id", "%zu", i + 1));
    JK_XML_TRY(write_attr(w, "label", jk_xml_text(tmp, t->label)));
    JK_XML_TRY(write_node_values(w, map, t));
    JK_XML_TRY(write_node_viz(w, map, t, v));
    return xmlTextWriterEndElement(w);
}

static int write_nodes(xmlTextWriterPtr w, const struct jk_map *map)
{
    struct viz v = viz_scale(map);
    struct jk_buf tmp;
    jk_buf_init(&tmp);
    int rc = xmlTextWriterStartElement(w, BAD_CAST "nodes");
    for (size_t i = 0; i < map->n_terms && rc >= 0; i++)
        rc = write_node(w, map, i, &v, &tmp);
    jk_buf_release(&tmp);
    JK_XML_TRY(rc);
    return xmlTextWriterEndElement(w);
}

/*
 * Edge k as the text writer would indent it (an unknown association: empty
 * attvalues). Edges hold only numbers and fixed names, nothing to escape,
 * and a map can have millions: they go out as raw text, without the
 * writer's bookkeeping per element and attribute.
 */
static void edge_text(struct jk_buf *b, const struct jk_map *map, size_t k)
{
    const struct jk_link *l = &map->links[k];
    char num[JK_DOUBLE_BUF];
    jk_buf_adds(b, "      <edge id=\"");
    jk_buf_add_u64(b, k + 1);
    jk_buf_adds(b, "\" source=\"");
    jk_buf_add_u64(b, l->source + 1);
    jk_buf_adds(b, "\" target=\"");
    jk_buf_add_u64(b, l->target + 1);
    jk_buf_adds(b, "\" weight=\"");
    jk_buf_add_u64(b, l->weight);
    if (isnan(l->association)) {
        jk_buf_adds(b, "\">\n        <attvalues/>\n      </edge>\n");
        return;
    }
    jk_format_double_exact(num, sizeof(num), l->association);
    jk_buf_adds(b, "\">\n        <attvalues>\n          <attvalue for=\"association\" value=\"");
    jk_buf_adds(b, num);
    jk_buf_adds(b, "\"/>\n        </attvalues>\n      </edge>\n");
}

static int write_document(xmlTextWriterPtr w, const struct jk_map *map)
{
    JK_XML_TRY(xmlTextWriterSetIndent(w, 1));
    JK_XML_TRY(xmlTextWriterSetIndentString(w, BAD_CAST "  "));
    JK_XML_TRY(xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL));
    JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "gexf"));
    JK_XML_TRY(write_attr(w, "xmlns", GEXF_NS));
    JK_XML_TRY(write_attr(w, "xmlns:viz", VIZ_NS));
    JK_XML_TRY(write_attr(w, "xmlns:xsi", XSI_NS));
    JK_XML_TRY(write_attr(w, "xsi:schemaLocation", GEXF_SCHEMA));
    JK_XML_TRY(write_attr(w, "version", "1.3"));
    JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "meta"));
    JK_XML_TRY(xmlTextWriterWriteElement(w, BAD_CAST "creator", BAD_CAST "jaringkata"));
    JK_XML_TRY(xmlTextWriterEndElement(w));
    JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "graph"));
    JK_XML_TRY(write_attr(w, "defaultedgetype", "undirected"));
    JK_XML_TRY(write_attr(w, "mode", "static"));
    JK_XML_TRY(write_declarations(w, map));
    JK_XML_TRY(write_nodes(w, map));
    JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "edges"));
    JK_XML_TRY(jk_xml_raw_links(w, map, "\n", edge_text, "    ")); /* </edges>'s indent */
    return xmlTextWriterEndDocument(w);
}

enum jk_status jk_export_gexf(const struct jk_map *map, FILE *out, struct jk_diag *diag)
{
    return jk_xml_export(map, out, "GEXF file", write_document, diag);
}
