/*
 * Render stage: paints a scene with cairo on an image surface and writes it
 * as PNG through libpng (jk_cairo_write_png). Painting only follows
 * the scene; the text meter here is what the scene builder sized labels with.
 */
#include "render_cairo.h"

#include <math.h>
#include <png.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "export_csv.h"
#include "util/mem.h"

#define TAU 6.283185307179586

/* ---- text ---- */

void jk_cairo_select_font(cairo_t *cr)
{
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_set_font_options(cr, fo);
    cairo_font_options_destroy(fo);
    cairo_select_font_face(cr, JK_DRAW_FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
}

#define BAD_CHAR UINT32_MAX

/* Decodes one shortest-form UTF-8 character at p; *len = bytes it used (1 when bad). */
static uint32_t decode_utf8(const unsigned char *p, size_t *len)
{
    unsigned char c = p[0];
    size_t n;
    uint32_t cp, min;
    *len = 1;
    if (c < 0x80)
        return c;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, cp = c & 0x1Fu, min = 0x80;
    else if ((c & 0xF0) == 0xE0)
        n = 3, cp = c & 0x0Fu, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, cp = c & 0x07u, min = 0x10000;
    else
        return BAD_CHAR;
    for (size_t k = 1; k < n; k++) {
        if ((p[k] & 0xC0) != 0x80) /* also stops at the terminating NUL */
            return BAD_CHAR;
        cp = (cp << 6) | (p[k] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return BAD_CHAR;
    *len = n;
    return cp;
}

const char *jk_text_clean(struct jk_buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    jk_buf_clear(b);
    while (*p) {
        size_t len;
        uint32_t c = decode_utf8(p, &len);
        /* cairo also refuses noncharacters: U+FDD0-U+FDEF and the last two of each plane */
        if (c == BAD_CHAR || c < 0x20 || c == 0x7F || (c >= 0xFDD0 && c <= 0xFDEF) ||
            (c & 0xFFFE) == 0xFFFE)
            jk_buf_adds(b, "\xEF\xBF\xBD");
        else
            jk_buf_add(b, p, len);
        p += len;
    }
    return b->data;
}

enum jk_status jk_text_meter_open(struct jk_text_meter *m, struct jk_diag *diag)
{
    m->surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
    m->cr = cairo_create(m->surface);
    cairo_status_t st = cairo_status(m->cr);
    if (st != CAIRO_STATUS_SUCCESS) {
        cairo_destroy(m->cr);
        cairo_surface_destroy(m->surface);
        return jk_error(diag, JK_E_INTERNAL, "cairo cannot measure text: %s",
                        cairo_status_to_string(st));
    }
    jk_cairo_select_font(m->cr);
    return JK_OK;
}

struct jk_text_size jk_text_measure(struct jk_text_meter *m, const char *text, double size)
{
    cairo_font_extents_t fe;
    cairo_text_extents_t te;
    cairo_set_font_size(m->cr, size);
    cairo_font_extents(m->cr, &fe);
    cairo_text_extents(m->cr, text, &te);
    return (struct jk_text_size){te.x_advance, fe.ascent, fe.descent};
}

enum jk_status jk_text_meter_close(struct jk_text_meter *m, struct jk_diag *diag)
{
    cairo_status_t st = cairo_status(m->cr);
    cairo_destroy(m->cr);
    cairo_surface_destroy(m->surface);
    if (st != CAIRO_STATUS_SUCCESS)
        return jk_error(diag, JK_E_INTERNAL, "cairo failed while measuring labels: %s",
                        cairo_status_to_string(st));
    return JK_OK;
}

/* ---- painting ---- */

static void set_color(cairo_t *cr, struct jk_color c)
{
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
}

cairo_surface_t *jk_cairo_density_surface(const struct jk_scene *s)
{
    cairo_surface_t *img =
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)s->density_cols, (int)s->density_rows);
    if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS)
        return img;
    cairo_surface_flush(img);
    unsigned char *data = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img);
    for (size_t r = 0; r < s->density_rows; r++) {
        uint32_t *row = (uint32_t *)(data + (size_t)stride * r);
        for (size_t c = 0; c < s->density_cols; c++) {
            struct jk_color k = jk_density_color(s->density[r * s->density_cols + c]);
            row[c] = (uint32_t)k.r << 16 | (uint32_t)k.g << 8 | k.b;
        }
    }
    cairo_surface_mark_dirty(img);
    return img;
}

/* Stretches the density image over its cells, smoothly (each cell's value at its centre). */
static void paint_density(cairo_t *cr, const struct jk_scene *s)
{
    cairo_surface_t *img = jk_cairo_density_surface(s);
    cairo_save(cr);
    cairo_scale(cr, s->density_cell, s->density_cell);
    cairo_set_source_surface(cr, img, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_BILINEAR);
    cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD);
    cairo_rectangle(cr, 0, 0, (double)s->density_cols, (double)s->density_rows);
    cairo_fill(cr);
    cairo_restore(cr);
    cairo_surface_destroy(img);
}

static void paint_lines(cairo_t *cr, const struct jk_scene *s)
{
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    for (size_t k = 0; k < s->n_lines; k++) {
        const struct jk_scene_line *l = &s->lines[k];
        set_color(cr, l->color);
        cairo_set_line_width(cr, l->width);
        cairo_move_to(cr, l->x1, l->y1);
        cairo_line_to(cr, l->x2, l->y2);
        cairo_stroke(cr);
    }
}

static void paint_circles(cairo_t *cr, const struct jk_scene *s)
{
    for (size_t k = 0; k < s->n_circles; k++) {
        const struct jk_scene_circle *c = &s->circles[k];
        set_color(cr, c->color);
        cairo_new_sub_path(cr);
        cairo_arc(cr, c->x, c->y, c->r, 0, TAU);
        cairo_fill(cr);
    }
}

/* Text starts at the left of its box on the baseline; the halo is the outline stroked. */
static void paint_texts(cairo_t *cr, const struct jk_scene_text *t, size_t n)
{
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    for (size_t k = 0; k < n; k++) {
        cairo_set_font_size(cr, t[k].size);
        cairo_move_to(cr, t[k].x0, t[k].y);
        cairo_text_path(cr, t[k].text);
        if (t[k].halo > 0) {
            set_color(cr, t[k].halo_color);
            cairo_set_line_width(cr, t[k].halo);
            cairo_stroke_preserve(cr);
        }
        set_color(cr, t[k].color);
        cairo_fill(cr);
    }
}

static void paint_rects(cairo_t *cr, const struct jk_scene_rect *r, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        set_color(cr, r[k].color);
        cairo_rectangle(cr, r[k].x, r[k].y, r[k].w, r[k].h);
        cairo_fill(cr);
    }
}

cairo_status_t jk_cairo_paint_scene(cairo_t *cr, const struct jk_scene *s)
{
    set_color(cr, s->background);
    cairo_paint(cr);
    if (s->density)
        paint_density(cr, s);
    paint_lines(cr, s);
    paint_circles(cr, s);
    jk_cairo_select_font(cr);
    paint_texts(cr, s->labels, s->n_labels);
    paint_rects(cr, s->legend_rects, s->n_legend_rects);
    paint_texts(cr, s->legend_texts, s->n_legend_texts);
    return cairo_status(cr);
}

/* ---- PNG ---- */

/* zlib level and row filter: both pictures in 0.16 s instead of 0.30 s at 20,000 documents (one
 * thread), map.png the same size, density.png 16 % larger. */
enum { PNG_LEVEL = 3 };

struct png_sink {
    cairo_write_func_t write;
    void *closure;
    bool failed;
};

static void png_write_data(png_structp png, png_bytep data, size_t len)
{
    struct png_sink *sink = png_get_io_ptr(png);
    if (!sink->failed && sink->write(sink->closure, data, (unsigned)len) != CAIRO_STATUS_SUCCESS)
        sink->failed = true;
}

static void png_flush_data(png_structp png)
{
    (void)png;
}

/* libpng's errors end the picture (no message: the caller reports the status). */
static void png_fail(png_structp png, png_const_charp msg)
{
    (void)msg;
    png_longjmp(png, 1);
}

static void png_warn(png_structp png, png_const_charp msg)
{
    (void)png, (void)msg;
}

/* Row y of an RGB24 surface (0x00RRGGBB words) as RGB bytes. */
static void rgb_row(const unsigned char *data, int stride, int width, int y, unsigned char *row)
{
    const uint32_t *px = (const uint32_t *)(data + (size_t)stride * (size_t)y);
    for (int x = 0; x < width; x++) {
        row[3 * x] = (unsigned char)(px[x] >> 16);
        row[3 * x + 1] = (unsigned char)(px[x] >> 8);
        row[3 * x + 2] = (unsigned char)px[x];
    }
}

cairo_status_t jk_cairo_write_png(cairo_surface_t *img, cairo_write_func_t write, void *closure)
{
    cairo_surface_flush(img);
    int width = cairo_image_surface_get_width(img), height = cairo_image_surface_get_height(img);
    int stride = cairo_image_surface_get_stride(img);
    const unsigned char *data = cairo_image_surface_get_data(img);
    struct png_sink sink = {write, closure, false};
    unsigned char *row = jk_malloc(3 * (size_t)(width > 0 ? width : 1));
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, png_fail, png_warn);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    volatile cairo_status_t st = CAIRO_STATUS_NO_MEMORY;
    if (png && info && data && !setjmp(png_jmpbuf(png))) {
        png_set_write_fn(png, &sink, png_write_data, png_flush_data);
        png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8, PNG_COLOR_TYPE_RGB,
                     PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
        png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
        png_set_compression_level(png, PNG_LEVEL);
        png_write_info(png, info);
        for (int y = 0; y < height; y++) {
            rgb_row(data, stride, width, y, row);
            png_write_row(png, row);
        }
        png_write_end(png, info);
        st = sink.failed ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
    }
    png_destroy_write_struct(&png, &info);
    free(row);
    return st;
}

/* Reports a short write as cairo's write error; ferror(out) keeps the cause. */
static cairo_status_t write_file(void *closure, const unsigned char *data, unsigned int len)
{
    FILE *out = closure;
    return fwrite(data, 1, len, out) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

enum jk_status jk_render_png(const struct jk_scene *s, FILE *out, struct jk_diag *diag)
{
    cairo_surface_t *surface =
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)s->width, (int)s->height);
    cairo_t *cr = cairo_create(surface);
    cairo_status_t cs = cairo_status(cr);
    if (cs == CAIRO_STATUS_SUCCESS)
        cs = jk_cairo_paint_scene(cr, s);
    cairo_destroy(cr);
    if (cs == CAIRO_STATUS_SUCCESS) {
        cairo_surface_flush(surface);
        cs = jk_cairo_write_png(surface, write_file, out);
    }
    cairo_surface_destroy(surface);
    enum jk_status st = jk_export_finish(out, "PNG picture", diag);
    if (st == JK_OK && cs != CAIRO_STATUS_SUCCESS)
        return jk_error(diag, JK_E_INTERNAL, "cairo could not draw the PNG picture: %s",
                        cairo_status_to_string(cs));
    return st;
}
