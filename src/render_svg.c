/*
 * Render stage: the scene as SVG 1.1. libxml2's xmlTextWriter builds the
 * document and escapes all text; the density image comes from render_cairo
 * as PNG, base64-encoded into a data URI.
 */
#include "render_svg.h"

#include <math.h>
#include <stdint.h>
#include <libxml/xmlwriter.h>

#include "export_csv.h"
#include "export_graphml.h"
#include "render_cairo.h"
#include "util/buf.h"

#define SVG_NS   "http://www.w3.org/2000/svg"
#define XLINK_NS "http://www.w3.org/1999/xlink"

static const char *const view_names[] = {"network", "overlay", "density"};

static int attr(xmlTextWriterPtr w, const char *name, const char *value)
{
    return xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST value);
}

/* A length with at most two decimals: enough for pixels, stable across machines. */
static int attr_num(xmlTextWriterPtr w, const char *name, double v)
{
    char s[JK_DOUBLE_BUF];
    jk_format_double(s, sizeof(s), round(v * 100) / 100);
    return attr(w, name, s);
}

/* name="#rrggbb", and name-opacity when the colour is translucent. */
static int attr_color(xmlTextWriterPtr w, const char *name, struct jk_color c)
{
    char s[16], opacity[32];
    snprintf(s, sizeof(s), "#%02x%02x%02x", c.r, c.g, c.b);
    JK_XML_TRY(attr(w, name, s));
    if (c.a == 255)
        return 0;
    snprintf(opacity, sizeof(opacity), "%s-opacity", name);
    jk_format_double(s, sizeof(s), round(c.a / 255.0 * 1000) / 1000);
    return attr(w, opacity, s);
}

static void base64(struct jk_buf *out, const unsigned char *p, size_t n)
{
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)p[i] << 16;
        if (i + 1 < n)
            v |= (uint32_t)p[i + 1] << 8;
        if (i + 2 < n)
            v |= p[i + 2];
        jk_buf_addc(out, digits[v >> 18 & 63]);
        jk_buf_addc(out, digits[v >> 12 & 63]);
        jk_buf_addc(out, i + 1 < n ? digits[v >> 6 & 63] : '=');
        jk_buf_addc(out, i + 2 < n ? digits[v & 63] : '=');
    }
}

static cairo_status_t write_buf(void *closure, const unsigned char *data, unsigned int len)
{
    jk_buf_add(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

/* Puts "data:image/png;base64,..." of the density grid into uri. */
static cairo_status_t density_uri(const struct jk_scene *s, struct jk_buf *uri)
{
    struct jk_buf png;
    jk_buf_init(&png);
    cairo_surface_t *img = jk_cairo_density_surface(s);
    cairo_status_t st = cairo_surface_status(img);
    if (st == CAIRO_STATUS_SUCCESS)
        st = jk_cairo_write_png(img, write_buf, &png);
    cairo_surface_destroy(img);
    jk_buf_adds(uri, "data:image/png;base64,");
    base64(uri, (const unsigned char *)png.data, png.len);
    jk_buf_release(&png);
    return st;
}

static int write_density(xmlTextWriterPtr w, const struct jk_scene *s, cairo_status_t *cs)
{
    struct jk_buf uri;
    jk_buf_init(&uri);
    *cs = density_uri(s, &uri);
    int rc = xmlTextWriterStartElement(w, BAD_CAST "image");
    rc = rc < 0 ? rc : attr_num(w, "x", 0);
    rc = rc < 0 ? rc : attr_num(w, "y", 0);
    rc = rc < 0 ? rc : attr_num(w, "width", (double)s->density_cols * s->density_cell);
    rc = rc < 0 ? rc : attr_num(w, "height", (double)s->density_rows * s->density_cell);
    rc = rc < 0 ? rc : attr(w, "preserveAspectRatio", "none");
    rc = rc < 0 ? rc : attr(w, "xlink:href", uri.data);
    rc = rc < 0 ? rc : xmlTextWriterEndElement(w);
    jk_buf_release(&uri);
    return *cs == CAIRO_STATUS_SUCCESS ? rc : -1;
}

static int start_group(xmlTextWriterPtr w, const char *id)
{
    JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "g"));
    return attr(w, "id", id);
}

static int write_lines(xmlTextWriterPtr w, const struct jk_scene *s)
{
    JK_XML_TRY(start_group(w, "links"));
    JK_XML_TRY(attr(w, "stroke-linecap", "round"));
    for (size_t k = 0; k < s->n_lines; k++) {
        const struct jk_scene_line *l = &s->lines[k];
        JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "line"));
        JK_XML_TRY(attr_num(w, "x1", l->x1));
        JK_XML_TRY(attr_num(w, "y1", l->y1));
        JK_XML_TRY(attr_num(w, "x2", l->x2));
        JK_XML_TRY(attr_num(w, "y2", l->y2));
        JK_XML_TRY(attr_color(w, "stroke", l->color));
        JK_XML_TRY(attr_num(w, "stroke-width", l->width));
        JK_XML_TRY(xmlTextWriterEndElement(w));
    }
    return xmlTextWriterEndElement(w);
}

static int write_circles(xmlTextWriterPtr w, const struct jk_scene *s)
{
    JK_XML_TRY(start_group(w, "terms"));
    for (size_t k = 0; k < s->n_circles; k++) {
        const struct jk_scene_circle *c = &s->circles[k];
        JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "circle"));
        JK_XML_TRY(attr_num(w, "cx", c->x));
        JK_XML_TRY(attr_num(w, "cy", c->y));
        JK_XML_TRY(attr_num(w, "r", c->r));
        JK_XML_TRY(attr_color(w, "fill", c->color));
        JK_XML_TRY(xmlTextWriterWriteElement(w, BAD_CAST "title", BAD_CAST c->title));
        JK_XML_TRY(xmlTextWriterEndElement(w));
    }
    return xmlTextWriterEndElement(w);
}

/* halo: write the halo strokes of texts that have one, else the texts themselves. */
static int write_texts(xmlTextWriterPtr w, const struct jk_scene_text *t, size_t n, int halo)
{
    for (size_t k = 0; k < n; k++) {
        if (halo && !(t[k].halo > 0))
            continue;
        JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "text"));
        JK_XML_TRY(attr_num(w, "x", t[k].x));
        JK_XML_TRY(attr_num(w, "y", t[k].y));
        JK_XML_TRY(attr_num(w, "font-size", t[k].size));
        if (halo) {
            JK_XML_TRY(attr(w, "fill", "none"));
            JK_XML_TRY(attr_color(w, "stroke", t[k].halo_color));
            JK_XML_TRY(attr_num(w, "stroke-width", t[k].halo));
            JK_XML_TRY(attr(w, "stroke-linejoin", "round"));
        } else {
            JK_XML_TRY(attr_color(w, "fill", t[k].color));
        }
        JK_XML_TRY(xmlTextWriterWriteString(w, BAD_CAST t[k].text));
        JK_XML_TRY(xmlTextWriterEndElement(w));
    }
    return 0;
}

/* Texts are centred on x, so any font of the same width lines up like cairo's. */
static int start_text_group(xmlTextWriterPtr w, const char *id)
{
    JK_XML_TRY(start_group(w, id));
    JK_XML_TRY(attr(w, "font-family", JK_DRAW_SVG_FONT));
    return attr(w, "text-anchor", "middle");
}

static int write_labels(xmlTextWriterPtr w, const struct jk_scene *s)
{
    JK_XML_TRY(start_text_group(w, "labels"));
    JK_XML_TRY(write_texts(w, s->labels, s->n_labels, 1));
    JK_XML_TRY(write_texts(w, s->labels, s->n_labels, 0));
    return xmlTextWriterEndElement(w);
}

static int write_legend(xmlTextWriterPtr w, const struct jk_scene *s)
{
    JK_XML_TRY(start_text_group(w, "legend"));
    for (size_t k = 0; k < s->n_legend_rects; k++) {
        const struct jk_scene_rect *r = &s->legend_rects[k];
        JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "rect"));
        JK_XML_TRY(attr_num(w, "x", r->x));
        JK_XML_TRY(attr_num(w, "y", r->y));
        JK_XML_TRY(attr_num(w, "width", r->w));
        JK_XML_TRY(attr_num(w, "height", r->h));
        JK_XML_TRY(attr_color(w, "fill", r->color));
        JK_XML_TRY(xmlTextWriterEndElement(w));
    }
    JK_XML_TRY(write_texts(w, s->legend_texts, s->n_legend_texts, 1));
    JK_XML_TRY(write_texts(w, s->legend_texts, s->n_legend_texts, 0));
    return xmlTextWriterEndElement(w);
}

static int write_head(xmlTextWriterPtr w, const struct jk_scene *s)
{
    char box[64], title[64];
    snprintf(box, sizeof(box), "0 0 %u %u", s->width, s->height);
    snprintf(title, sizeof(title), "Term map (%s view)", view_names[s->view]);
    JK_XML_TRY(xmlTextWriterSetIndent(w, 1));
    JK_XML_TRY(xmlTextWriterSetIndentString(w, BAD_CAST " "));
    JK_XML_TRY(xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL));
    JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "svg"));
    JK_XML_TRY(attr(w, "xmlns", SVG_NS));
    JK_XML_TRY(attr(w, "xmlns:xlink", XLINK_NS));
    JK_XML_TRY(attr(w, "version", "1.1"));
    JK_XML_TRY(attr_num(w, "width", s->width));
    JK_XML_TRY(attr_num(w, "height", s->height));
    JK_XML_TRY(attr(w, "viewBox", box));
    JK_XML_TRY(xmlTextWriterWriteElement(w, BAD_CAST "title", BAD_CAST title));
    JK_XML_TRY(xmlTextWriterStartElement(w, BAD_CAST "rect"));
    JK_XML_TRY(attr(w, "width", "100%"));
    JK_XML_TRY(attr(w, "height", "100%"));
    JK_XML_TRY(attr_color(w, "fill", s->background));
    return xmlTextWriterEndElement(w);
}

static int write_document(xmlTextWriterPtr w, const struct jk_scene *s, cairo_status_t *cs)
{
    JK_XML_TRY(write_head(w, s));
    if (s->density)
        JK_XML_TRY(write_density(w, s, cs));
    JK_XML_TRY(write_lines(w, s));
    JK_XML_TRY(write_circles(w, s));
    JK_XML_TRY(write_labels(w, s));
    JK_XML_TRY(write_legend(w, s));
    return xmlTextWriterEndDocument(w);
}

/* Never reports failure to libxml2: a failed fwrite stays in ferror(out). */
static int file_write(void *ctx, const char *buf, int len)
{
    fwrite(buf, 1, (size_t)len, (FILE *)ctx);
    return len;
}

enum jk_status jk_render_svg(const struct jk_scene *s, FILE *out, struct jk_diag *diag)
{
    xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(file_write, NULL, out, NULL);
    if (!ob)
        return jk_error(diag, JK_E_INTERNAL, "libxml2 could not create an output buffer");
    xmlTextWriterPtr w = xmlNewTextWriter(ob); /* owns ob from here on */
    if (!w) {
        xmlOutputBufferClose(ob);
        return jk_error(diag, JK_E_INTERNAL, "libxml2 could not create an XML writer");
    }
    cairo_status_t cs = CAIRO_STATUS_SUCCESS;
    int rc = write_document(w, s, &cs);
    xmlFreeTextWriter(w);
    enum jk_status st = jk_export_finish(out, "SVG picture", diag);
    if (st == JK_OK && cs != CAIRO_STATUS_SUCCESS)
        return jk_error(diag, JK_E_INTERNAL, "cairo could not make the density image: %s",
                        cairo_status_to_string(cs));
    if (st == JK_OK && rc < 0)
        return jk_error(diag, JK_E_INTERNAL, "libxml2 failed while writing the SVG picture");
    return st;
}
