/*
 * Draw stage: turns a laid-out term map into a scene, the list of shapes a
 * picture shows (VOSviewer's network, overlay and density views), in pixel
 * coordinates. The backends (render_svg, render_cairo) only paint a scene, so
 * an SVG and a PNG of one scene show the same thing.
 */
#ifndef JK_DRAW_H
#define JK_DRAW_H

#include <stddef.h>
#include <stdint.h>

#include "map.h"
#include "util/arena.h"
#include "util/status.h"

/* Picture sizes jk_draw_build accepts, in pixels per side. */
#define JK_DRAW_MIN_SIZE       200
#define JK_DRAW_MAX_SIZE       20000
#define JK_DRAW_DEFAULT_WIDTH  1200
#define JK_DRAW_DEFAULT_HEIGHT 900

/*
 * The font every label is measured and drawn in (cairo's toy font API, with
 * metric hinting off so advances scale linearly). SVG viewers get the same
 * family first, then look-alikes of the same width.
 */
#define JK_DRAW_FONT     "DejaVu Sans"
#define JK_DRAW_SVG_FONT "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif"

enum jk_view {
    JK_VIEW_NETWORK, /* colour = cluster; links, circles, labels */
    JK_VIEW_OVERLAY, /* colour = average publication year (Viridis) */
    JK_VIEW_DENSITY, /* smoothed density of occurrences; labels only */
};

struct jk_draw_options {
    unsigned width, height; /* picture size in pixels, JK_DRAW_MIN_SIZE..JK_DRAW_MAX_SIZE */
    size_t max_links;       /* draw at most this many links, the strongest */
    size_t max_labels;      /* label at most this many terms; 0 = from the picture's area */
    enum jk_view view;
};

/* Defaults: 1200 x 900, 1000 links (VOSviewer's default), automatic labels, network. */
void jk_draw_options_default(struct jk_draw_options *o);

/* 8-bit sRGB colour with alpha (255 = opaque). */
struct jk_color {
    uint8_t r, g, b, a;
};

/* A link: a straight line between two circle centres. */
struct jk_scene_line {
    double x1, y1, x2, y2;
    double width;
    struct jk_color color;
    uint32_t source, target; /* term indices */
    uint64_t weight;
};

struct jk_scene_circle {
    double x, y, r;
    struct jk_color color;
    uint32_t term;     /* term index */
    const char *title; /* the term's label, cleaned like text (tooltip in SVG) */
};

/*
 * A line of text. x is the horizontal centre, y the baseline; [x0, x1] x
 * [y0, y1] is the box the font's extents give it (x1 - x0 = advance width,
 * y1 - y0 = ascent + descent). halo > 0 draws a stroke of that width in
 * halo_color under the text so it stays readable over circles.
 */
struct jk_scene_text {
    const char *text; /* valid UTF-8 without control characters */
    double x, y, size;
    double x0, y0, x1, y1;
    struct jk_color color;
    double halo;
    struct jk_color halo_color;
    uint32_t term; /* term index; UINT32_MAX for legend text */
};

struct jk_scene_rect {
    double x, y, w, h;
    struct jk_color color;
};

/*
 * Invariants after jk_draw_build: every shape lies inside width x height;
 * lines are in drawing order (weakest first, so the strongest lie on top)
 * and drawn before circles, circles before labels; circles and labels
 * follow occurrences descending (equal counts by term index), so small
 * circles lie on top of large ones; no two label boxes overlap; legend
 * shapes are drawn last, rects before texts.
 * Density view: density holds density_rows x density_cols values in
 * [0, 1] (row-major, 1 = the maximum), the value of the square cell of
 * density_cell pixels whose top-left corner is (col, row) * density_cell;
 * renderers stretch it smoothly over the cells. Other views: density NULL.
 * The scene owns every array and string (strings live in its arena);
 * jk_scene_release frees them.
 */
struct jk_scene {
    unsigned width, height;
    enum jk_view view;
    struct jk_color background;
    double *density;
    size_t density_cols, density_rows;
    double density_cell;
    struct jk_scene_line *lines;
    size_t n_lines;
    struct jk_scene_circle *circles;
    size_t n_circles;
    struct jk_scene_text *labels;
    size_t n_labels, labels_cap;
    struct jk_scene_rect *legend_rects;
    size_t n_legend_rects, legend_rects_cap;
    struct jk_scene_text *legend_texts;
    size_t n_legend_texts, legend_texts_cap;
    double year_min, year_max; /* overlay: the colour scale's range; NAN when no year is known */
    struct jk_arena strings;
};

void jk_scene_init(struct jk_scene *s);
/* Frees everything the scene holds and leaves it initialised. NULL-safe. */
void jk_scene_release(struct jk_scene *s);

/*
 * Builds the scene of map for options o into s (initialised; earlier
 * contents are released). The map must have a layout; coordinates are
 * fitted into the picture keeping their aspect ratio, map y pointing up.
 * What each view shows:
 * - circles: area proportional to occurrences (as VOSviewer), radii scaled
 *   to the picture and the number of terms, at least 1.5 px;
 * - network colours: jk_draw_cluster_color; overlay: jk_viridis over the range
 *   of known average years, grey for unknown years (all grey, and a legend
 *   saying so, when no year is known);
 * - links: the min(n_links, max_links) strongest (ties: lower link index
 *   first), width growing with weight, colour the mix of the ends' colours
 *   made translucent;
 * - labels: terms by occurrences descending, each centred on its circle
 *   (moved inside the picture if needed) when its box overlaps no label
 *   already placed; font size grows with occurrences; stops after
 *   max_labels labels (automatic: about one per 10,000 square pixels,
 *   between 8 and 300); the largest term is always labelled;
 * - density: VOSviewer's item density D(p) = sum_i w_i exp(-(|p - p_i| /
 *   (h * dbar))^2), w_i = occurrences, dbar = average distance between
 *   terms, kernel width h = JK_DRAW_KERNEL_WIDTH, on cells of 4 px (larger
 *   above 2,400 px so a side has at most 600 cells);
 * - legend: a strip under the map with the cluster colours (network view,
 *   two or more clusters) or the year colour bar (overlay view).
 * Returns JK_OK; JK_E_USAGE for a width or height out of range;
 * JK_E_EMPTY for a map without terms; JK_E_INTERNAL for a map without a
 * layout or with a non-finite coordinate, or when cairo (used to measure
 * text) fails. On error s is left empty.
 */
enum jk_status jk_draw_build(struct jk_scene *s, const struct jk_map *map,
                             const struct jk_draw_options *o, struct jk_diag *diag);

/*
 * Kernel width h of the density view, in units of the average distance
 * between terms: VOSviewer defines its kernel in these units (van Eck &
 * Waltman 2010, "Software survey: VOSviewer") so the picture does not
 * depend on the map's scale, and lets users change h. With coordinates
 * standardised to an average distance of 1 a cluster spans about 0.3 to
 * 0.6; h = 0.15 gives each group of terms its own hill and leaves gaps
 * between clusters, on both a 20-term and a 2,000-term map.
 */
#define JK_DRAW_KERNEL_WIDTH 0.15

/*
 * Cluster colours: clusters 1-8 take the Okabe-Ito palette (Okabe & Ito
 * 2008, "Color Universal Design"), ordered so neighbouring numbers differ
 * most; 9-12 take four colours of Paul Tol's "muted" scheme that differ from
 * those; cluster 0 (not clustered) and clusters past 12 are grey.
 */
struct jk_color jk_draw_cluster_color(uint32_t cluster); /* palette.h's colours, opaque */

/* The grey of unknown years and of clusters past the palette. */
struct jk_color jk_draw_grey(void);

/* Viridis at t in [0, 1] (clamped), opaque. */
struct jk_color jk_viridis(double t);

/*
 * The density view's colour at v in [0, 1] (clamped): blue, green, yellow,
 * red, spread over sqrt(v). Occurrences are skewed (a few terms dominate), so
 * on a linear scale every hill but the highest would stay blue.
 */
struct jk_color jk_density_color(double v);

#endif
