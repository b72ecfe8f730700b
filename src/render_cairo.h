/*
 * Render stage: paints a scene (draw.h) with cairo and writes it as a PNG
 * picture. Also the one owner of fonts: the scene builder measures labels
 * with the text meter below, so label boxes fit what is painted, and
 * render_svg borrows the density image so both formats show the same pixels.
 */
#ifndef JK_RENDER_CAIRO_H
#define JK_RENDER_CAIRO_H

#include <cairo.h>
#include <stdio.h>

#include "draw.h"
#include "util/buf.h"
#include "util/status.h"

/* Sets cr's font to JK_DRAW_FONT, metric hinting off so advances scale linearly. */
void jk_cairo_select_font(cairo_t *cr);

/*
 * Copies s into b (cleared first) with invalid UTF-8, control characters
 * and noncharacters (U+FDD0-U+FDEF, U+FFFE, U+FFFF and their likes in every
 * plane) replaced by U+FFFD, and returns b->data: cairo refuses
 * invalid UTF-8 and XML 1.0 cannot hold control characters, so every text
 * of a scene goes through here.
 */
const char *jk_text_clean(struct jk_buf *b, const char *s);

/* Measures text with the painting font; owns a 1 x 1 surface and its context. */
struct jk_text_meter {
    cairo_surface_t *surface;
    cairo_t *cr;
};

struct jk_text_size {
    double advance;         /* width the text takes on its baseline */
    double ascent, descent; /* the font's, not the text's: same for every text of a size */
};

/* Returns JK_OK, or JK_E_INTERNAL (cairo's message in diag, nothing left to close). */
enum jk_status jk_text_meter_open(struct jk_text_meter *m, struct jk_diag *diag);
/* text must be clean (jk_text_clean); size in pixels. */
struct jk_text_size jk_text_measure(struct jk_text_meter *m, const char *text, double size);
/* Frees m; returns JK_E_INTERNAL when cairo failed while measuring, else JK_OK. */
enum jk_status jk_text_meter_close(struct jk_text_meter *m, struct jk_diag *diag);

/*
 * Paints s on cr, one user unit per pixel with the origin at the top left:
 * background, density image, lines, circles, labels (halo first), legend.
 * Returns cairo's status of cr afterwards (CAIRO_STATUS_SUCCESS when all
 * went well).
 */
cairo_status_t jk_cairo_paint_scene(cairo_t *cr, const struct jk_scene *s);

/*
 * The density grid of s as an opaque image of density_cols x density_rows
 * pixels, one per cell, coloured with jk_density_color. The caller destroys
 * it; check cairo_surface_status (it may be an error surface). s must have a
 * density grid.
 */
cairo_surface_t *jk_cairo_density_surface(const struct jk_scene *s);

/*
 * Encodes an RGB24 image surface as PNG (8-bit RGB) through write(closure,
 * ...), with libpng at a fast setting: cairo's own PNG writer always
 * compresses at zlib's default level with adaptive filtering, which took
 * more time than painting the map. CAIRO_STATUS_WRITE_ERROR when a write
 * fails, CAIRO_STATUS_NO_MEMORY when libpng gives up.
 */
cairo_status_t jk_cairo_write_png(cairo_surface_t *img, cairo_write_func_t write, void *closure);

/*
 * Writes s as a PNG picture of s->width x s->height pixels (8-bit RGB, no
 * time stamp: identical scenes give identical bytes) to out, which is left
 * open. Returns JK_OK; JK_E_OUTPUT when writing fails; JK_E_INTERNAL when
 * cairo fails (its message in diag). The file may be partly written on error.
 */
enum jk_status jk_render_png(const struct jk_scene *s, FILE *out, struct jk_diag *diag);

#endif
