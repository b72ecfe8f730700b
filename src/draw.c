/*
 * Draw stage: builds the scene of a laid-out map (see draw.h). Fits the
 * layout into the picture, sizes and colours circles, picks the strongest
 * links, places labels greedily without overlap, smooths the density grid
 * and lays out the legend. Text is measured with render_cairo's font.
 */
#include "draw.h"
#include "palette.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_cairo.h"
#include "util/buf.h"
#include "util/mem.h"

#define PAD          6.0 /* px kept free along the picture's edges */
#define LABEL_GAP    2.0 /* px kept free between label boxes */
#define CELL         4.0 /* px per side of a density cell, at least */
#define MAX_CELLS    600 /* density cells per side, at most */
#define MIN_RADIUS   1.5 /* px: smaller circles vanish in anti-aliasing */
#define CIRCLE_ALPHA 217 /* 85 %: overlapping circles stay visible */
#define LINK_ALPHA   90  /* 35 %, close to VOSviewer's 40 % */
#define NO_TERM      UINT32_MAX

static const struct jk_color ink = {0x22, 0x22, 0x22, 255};
static const struct jk_color halo_white = {255, 255, 255, 191};

/* Per-term geometry in pixels while the scene is built. */
struct term_geom {
    double x, y, r, font;
    struct jk_color color;
};

struct ranked {
    uint64_t key;
    size_t index;
};

/* Largest key first; equal keys by index, so the order is total. */
static int cmp_rank(const void *pa, const void *pb)
{
    const struct ranked *a = pa, *b = pb;
    if (a->key != b->key)
        return a->key > b->key ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

struct builder {
    struct jk_scene *s;
    const struct jk_map *map;
    const struct jk_draw_options *o;
    struct jk_text_meter meter;
    struct term_geom *g;
    struct ranked *order; /* terms by occurrences descending: drawing and labelling order */
    double unit;          /* size factor of fonts and lines: shorter side / 800 */
    double map_h;         /* height of the map area above the legend strip */
    double scale;         /* px per map unit */
};

void jk_draw_options_default(struct jk_draw_options *o)
{
    o->width = JK_DRAW_DEFAULT_WIDTH;
    o->height = JK_DRAW_DEFAULT_HEIGHT;
    o->max_links = 1000;
    o->max_labels = 0;
    o->view = JK_VIEW_NETWORK;
}

void jk_scene_init(struct jk_scene *s)
{
    memset(s, 0, sizeof(*s));
    s->year_min = NAN;
    s->year_max = NAN;
    jk_arena_init(&s->strings);
}

void jk_scene_release(struct jk_scene *s)
{
    if (!s)
        return;
    free(s->density);
    free(s->lines);
    free(s->circles);
    free(s->labels);
    free(s->legend_rects);
    free(s->legend_texts);
    jk_arena_release(&s->strings);
    jk_scene_init(s);
}

/* ---- colours ---- */

/*
 * matplotlib's viridis (van der Walt & Smith; _cm_listed.py, _viridis_data,
 * 256 entries) at entries round(i * 255 / 16), i = 0..16. Linear
 * interpolation between them stays within 5/255 of the full table.
 */
static const uint8_t viridis[17][3] = {
    {0x44, 0x01, 0x54}, {0x48, 0x18, 0x6a}, {0x47, 0x2d, 0x7b}, {0x42, 0x40, 0x86},
    {0x3b, 0x52, 0x8b}, {0x33, 0x63, 0x8d}, {0x2c, 0x72, 0x8e}, {0x26, 0x82, 0x8e},
    {0x21, 0x91, 0x8c}, {0x1f, 0x9f, 0x88}, {0x27, 0xad, 0x81}, {0x3d, 0xbc, 0x74},
    {0x5c, 0xc8, 0x63}, {0x81, 0xd3, 0x4d}, {0xaa, 0xdc, 0x32}, {0xd5, 0xe2, 0x1a},
    {0xfd, 0xe7, 0x25},
};

/* Density: VOSviewer's blue-green-yellow, ending in red for the very top. */
static const uint8_t density_stops[5][3] = {
    {0x27, 0x40, 0x8b}, {0x2a, 0x88, 0xb8}, {0x3b, 0xb3, 0x5a},
    {0xf2, 0xe1, 0x2b}, {0xe4, 0x57, 0x2e},
};

struct jk_color jk_draw_cluster_color(uint32_t cluster)
{
    unsigned char rgb[3];
    jk_cluster_color(cluster, rgb);
    return (struct jk_color){rgb[0], rgb[1], rgb[2], 255};
}

struct jk_color jk_draw_grey(void)
{
    return (struct jk_color){0xBF, 0xBF, 0xBF, 255}; /* VOSviewer's default item grey */
}

static uint8_t mix8(uint8_t a, uint8_t b, double f)
{
    return (uint8_t)lround((double)a + ((double)b - (double)a) * f);
}

static struct jk_color mix(struct jk_color a, struct jk_color b, double f, uint8_t alpha)
{
    return (struct jk_color){mix8(a.r, b.r, f), mix8(a.g, b.g, f), mix8(a.b, b.b, f), alpha};
}

/* Linear interpolation through n evenly spaced stops; t clamped, NaN = 0. */
static struct jk_color ramp(const uint8_t (*stops)[3], size_t n, double t)
{
    t = t > 0 ? (t < 1 ? t : 1) : 0;
    double pos = t * (double)(n - 1);
    size_t i = (size_t)pos < n - 1 ? (size_t)pos : n - 2;
    struct jk_color a = {stops[i][0], stops[i][1], stops[i][2], 255};
    struct jk_color b = {stops[i + 1][0], stops[i + 1][1], stops[i + 1][2], 255};
    return mix(a, b, pos - (double)i, 255);
}

struct jk_color jk_viridis(double t)
{
    return ramp(viridis, 17, t);
}

struct jk_color jk_density_color(double v)
{
    return ramp(density_stops, 5, sqrt(v > 0 ? v : 0));
}

static struct jk_color with_alpha(struct jk_color c, uint8_t a)
{
    c.a = a;
    return c;
}

/* ---- text ---- */

/* Measures text (clean UTF-8) at size; the box's top-left corner is put at (0, 0). */
static void measure(struct builder *b, const char *text, double size, struct jk_scene_text *t)
{
    struct jk_text_size ts = jk_text_measure(&b->meter, text, size);
    t->size = size;
    t->x0 = 0;
    t->x1 = ts.advance;
    t->y0 = 0;
    t->y1 = ts.ascent + ts.descent;
    t->y = ts.ascent;
}

/* Moves a measured box so its top-left corner is at (left, top). */
static void move_box(struct jk_scene_text *t, double left, double top)
{
    double ascent = t->y - t->y0;
    t->x1 += left - t->x0;
    t->x0 = left;
    t->y1 += top - t->y0;
    t->y0 = top;
    t->y = top + ascent;
    t->x = (t->x0 + t->x1) / 2;
}

static double clamp(double v, double lo, double hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* ---- geometry ---- */

static bool has_legend(const struct builder *b)
{
    if (b->o->view == JK_VIEW_OVERLAY)
        return true;
    return b->o->view == JK_VIEW_NETWORK && b->map->n_clusters >= 2;
}

/*
 * Circle area is proportional to occurrences. The average radius shrinks
 * with the square root of the number of terms (the room each term has on
 * the map) within 3 px .. 1/20 of the map; each radius within 1.5 px .. 1/8.
 */
static void size_circles(struct builder *b)
{
    const struct jk_map *map = b->map;
    double side = fmin(b->s->width, b->map_h), mean = 0, lo = INFINITY, hi = 0;
    for (size_t i = 0; i < map->n_terms; i++) {
        double q = sqrt((double)map->terms[i].occurrences);
        mean += q / (double)map->n_terms;
        lo = fmin(lo, q);
        hi = fmax(hi, q);
    }
    double r_avg = clamp(0.12 * side / sqrt((double)map->n_terms), 3, side / 20);
    double k = mean > 0 ? r_avg / mean : 0;
    for (size_t i = 0; i < map->n_terms; i++) {
        double q = sqrt((double)map->terms[i].occurrences);
        double rel = hi > lo ? (q - lo) / (hi - lo) : 0.5;
        b->g[i].r = clamp(k * q, MIN_RADIUS, side / 8);
        b->g[i].font = b->unit * (10 + 10 * rel);
    }
}

/* Scales the layout uniformly into the map area, centred, circles inside. */
static void fit_layout(struct builder *b)
{
    const struct jk_map *map = b->map;
    double x_lo = INFINITY, x_hi = -INFINITY, y_lo = INFINITY, y_hi = -INFINITY, r_max = 0;
    for (size_t i = 0; i < map->n_terms; i++) {
        x_lo = fmin(x_lo, map->terms[i].x);
        x_hi = fmax(x_hi, map->terms[i].x);
        y_lo = fmin(y_lo, map->terms[i].y);
        y_hi = fmax(y_hi, map->terms[i].y);
        r_max = fmax(r_max, b->g[i].r);
    }
    double margin = r_max + PAD;
    double sx = x_hi > x_lo ? ((double)b->s->width - 2 * margin) / (x_hi - x_lo) : INFINITY;
    double sy = y_hi > y_lo ? (b->map_h - 2 * margin) / (y_hi - y_lo) : INFINITY;
    b->scale = isfinite(fmin(sx, sy)) ? fmin(sx, sy) : 1;
    double cx = (x_lo + x_hi) / 2, cy = (y_lo + y_hi) / 2;
    for (size_t i = 0; i < map->n_terms; i++) {
        b->g[i].x = (double)b->s->width / 2 + (map->terms[i].x - cx) * b->scale;
        b->g[i].y = b->map_h / 2 - (map->terms[i].y - cy) * b->scale; /* map y points up */
    }
}

/* Overlay: the range of known years, then each term's Viridis colour. */
static void color_by_year(struct builder *b)
{
    const struct jk_map *map = b->map;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < map->n_terms; i++) {
        if (isfinite(map->terms[i].avg_year)) {
            lo = fmin(lo, map->terms[i].avg_year);
            hi = fmax(hi, map->terms[i].avg_year);
        }
    }
    if (lo <= hi) {
        b->s->year_min = lo;
        b->s->year_max = hi;
    }
    for (size_t i = 0; i < map->n_terms; i++) {
        double y = map->terms[i].avg_year;
        if (!isfinite(y))
            b->g[i].color = jk_draw_grey();
        else
            b->g[i].color = jk_viridis(hi > lo ? (y - lo) / (hi - lo) : 0.5);
    }
}

static void color_terms(struct builder *b)
{
    if (b->o->view == JK_VIEW_OVERLAY) {
        color_by_year(b);
        return;
    }
    for (size_t i = 0; i < b->map->n_terms; i++)
        b->g[i].color = jk_draw_cluster_color(b->map->terms[i].cluster);
}

/* Largest first, so small circles stay visible on top of large ones. */
static void add_circles(struct builder *b)
{
    struct jk_scene *s = b->s;
    struct jk_buf tmp;
    jk_buf_init(&tmp);
    s->n_circles = b->map->n_terms;
    s->circles = jk_calloc(s->n_circles, sizeof(*s->circles));
    for (size_t k = 0; k < s->n_circles; k++) {
        size_t i = b->order[k].index;
        struct jk_scene_circle *c = &s->circles[k];
        const char *title = jk_text_clean(&tmp, b->map->terms[i].label);
        c->x = b->g[i].x;
        c->y = b->g[i].y;
        c->r = b->g[i].r;
        c->color = with_alpha(b->g[i].color, CIRCLE_ALPHA);
        c->term = (uint32_t)i;
        c->title = jk_arena_strndup(&s->strings, title, tmp.len);
    }
    jk_buf_release(&tmp);
}

/* ---- links ---- */

static void add_lines(struct builder *b)
{
    const struct jk_map *map = b->map;
    size_t n = map->n_links < b->o->max_links ? map->n_links : b->o->max_links;
    if (n == 0)
        return;
    struct ranked *rank = jk_malloc(map->n_links * sizeof(*rank));
    for (size_t k = 0; k < map->n_links; k++)
        rank[k] = (struct ranked){map->links[k].weight, k};
    qsort(rank, map->n_links, sizeof(*rank), cmp_rank);
    double hi = (double)rank[0].key, lo = (double)rank[n - 1].key;
    double thin = 0.5 * b->unit, thick = 4 * b->unit;
    b->s->lines = jk_calloc(n, sizeof(*b->s->lines));
    b->s->n_lines = n;
    for (size_t k = 0; k < n; k++) {
        const struct jk_link *l = &map->links[rank[n - 1 - k].index]; /* weakest first */
        const struct term_geom *u = &b->g[l->source], *v = &b->g[l->target];
        double f = hi > lo ? ((double)l->weight - lo) / (hi - lo) : 0.5;
        struct jk_scene_line *line = &b->s->lines[k];
        line->x1 = u->x;
        line->y1 = u->y;
        line->x2 = v->x;
        line->y2 = v->y;
        line->width = thin + (thick - thin) * f;
        line->color = mix(u->color, v->color, 0.5, LINK_ALPHA);
        line->source = l->source;
        line->target = l->target;
        line->weight = l->weight;
    }
    free(rank);
}

/* ---- labels ---- */

static size_t label_limit(const struct builder *b)
{
    if (b->o->max_labels > 0)
        return b->o->max_labels;
    return (size_t)clamp((double)b->s->width * b->map_h / 10000, 8, 300);
}

static bool boxes_overlap(const struct jk_scene_text *a, const struct jk_scene_text *b)
{
    return a->x0 < b->x1 + LABEL_GAP && b->x0 < a->x1 + LABEL_GAP && a->y0 < b->y1 + LABEL_GAP &&
           b->y0 < a->y1 + LABEL_GAP;
}

static bool overlaps_placed(const struct jk_scene *s, const struct jk_scene_text *t)
{
    for (size_t k = 0; k < s->n_labels; k++)
        if (boxes_overlap(&s->labels[k], t))
            return true;
    return false;
}

/*
 * Labels term i centred on its circle (pushed inside the map area, and made
 * smaller if wider than the picture) unless it would overlap a placed label.
 */
static void try_label(struct builder *b, size_t i, struct jk_buf *tmp)
{
    struct jk_scene *s = b->s;
    const char *text = jk_text_clean(tmp, b->map->terms[i].label);
    struct jk_scene_text t = {0};
    double room = (double)s->width - 2 * PAD;
    measure(b, text, b->g[i].font, &t);
    if (t.x1 > room)
        measure(b, text, b->g[i].font * room / t.x1, &t);
    double w = t.x1, h = t.y1;
    move_box(&t, clamp(b->g[i].x - w / 2, PAD, (double)s->width - PAD - w),
             clamp(b->g[i].y - h / 2, PAD, b->map_h - PAD - h));
    if (w <= 0 || overlaps_placed(s, &t))
        return;
    t.text = jk_arena_strndup(&s->strings, text, tmp->len);
    t.color = ink;
    t.halo = 0.2 * t.size;
    t.halo_color = halo_white;
    t.term = (uint32_t)i;
    JK_GROW(s->labels, s->n_labels + 1, s->labels_cap);
    s->labels[s->n_labels++] = t;
}

static void add_labels(struct builder *b)
{
    const struct jk_map *map = b->map;
    size_t limit = label_limit(b);
    struct jk_buf tmp;
    jk_buf_init(&tmp);
    for (size_t k = 0; k < map->n_terms && b->s->n_labels < limit; k++)
        try_label(b, b->order[k].index, &tmp);
    jk_buf_release(&tmp);
}

/* ---- legend ---- */

#define YEAR_BAR_STEPS 64

static double legend_font(const struct builder *b)
{
    return 12 * b->unit;
}

static double legend_height(const struct builder *b)
{
    return has_legend(b) ? ceil(3.2 * legend_font(b)) : 0;
}

static void legend_rect(struct builder *b, double x, double y, double w, double h,
                        struct jk_color c)
{
    struct jk_scene *s = b->s;
    JK_GROW(s->legend_rects, s->n_legend_rects + 1, s->legend_rects_cap);
    s->legend_rects[s->n_legend_rects++] = (struct jk_scene_rect){x, y, w, h, c};
}

/* Measures a legend text (trusted ASCII or UTF-8 of our own) without placing it. */
static struct jk_scene_text legend_measure(struct builder *b, const char *text)
{
    struct jk_scene_text t = {0};
    measure(b, text, legend_font(b), &t);
    t.text = text;
    t.color = ink;
    t.term = NO_TERM;
    return t;
}

/* Places t with its left edge at x, box centred on the legend strip; returns its right edge. */
static double legend_push(struct builder *b, struct jk_scene_text t, double x)
{
    struct jk_scene *s = b->s;
    double mid = (b->map_h + (double)s->height) / 2;
    move_box(&t, x, mid - (t.y1 - t.y0) / 2);
    t.text = jk_arena_strndup(&s->strings, t.text, strlen(t.text));
    JK_GROW(s->legend_texts, s->n_legend_texts + 1, s->legend_texts_cap);
    s->legend_texts[s->n_legend_texts++] = t;
    return t.x1;
}

/* A colour swatch and its text at *x when they fit; advances *x. */
static bool legend_item(struct builder *b, double *x, struct jk_color c, const char *text)
{
    double lf = legend_font(b), mid = (b->map_h + (double)b->s->height) / 2;
    struct jk_scene_text t = legend_measure(b, text);
    if (*x + 1.4 * lf + t.x1 > (double)b->s->width - PAD)
        return false;
    legend_rect(b, *x, mid - lf / 2, lf, lf, c);
    *x = legend_push(b, t, *x + 1.4 * lf) + lf;
    return true;
}

static void cluster_legend(struct builder *b)
{
    size_t k = b->map->n_clusters;
    double x = 2 * PAD;
    char text[48];
    x = legend_push(b, legend_measure(b, "Cluster"), x) + legend_font(b);
    for (uint32_t c = 1; c <= k && c <= JK_PALETTE_SIZE; c++) {
        snprintf(text, sizeof(text), "%u", (unsigned)c);
        if (!legend_item(b, &x, jk_draw_cluster_color(c), text))
            return;
    }
    if (k > JK_PALETTE_SIZE) {
        snprintf(text, sizeof(text), "%d\xE2\x80\x93%zu", JK_PALETTE_SIZE + 1, k);
        legend_item(b, &x, jk_draw_grey(), text);
    }
}

/* One decimal, fixed formatting whatever the locale. */
static void format_year(char *dst, size_t n, double year)
{
    snprintf(dst, n, "%.1f", year);
    char *comma = strchr(dst, ',');
    if (comma)
        *comma = '.';
}

static bool any_unknown_year(const struct jk_map *map)
{
    for (size_t i = 0; i < map->n_terms; i++)
        if (!isfinite(map->terms[i].avg_year))
            return true;
    return false;
}

/* "Avg. pub. year  2016.5 [Viridis bar] 2021.0  [grey] unknown" */
static void year_legend(struct builder *b)
{
    double lf = legend_font(b), x = 2 * PAD, mid = (b->map_h + (double)b->s->height) / 2;
    char lo[32], hi[32];
    if (isnan(b->s->year_min)) {
        legend_item(b, &x, jk_draw_grey(), "Average publication year unknown");
        return;
    }
    format_year(lo, sizeof(lo), b->s->year_min);
    format_year(hi, sizeof(hi), b->s->year_max);
    struct jk_scene_text title = legend_measure(b, "Avg. pub. year");
    struct jk_scene_text t_lo = legend_measure(b, lo), t_hi = legend_measure(b, hi);
    double rest = title.x1 + t_lo.x1 + t_hi.x1 + 3 * lf;
    double bar = clamp(((double)b->s->width - 4 * PAD - rest) * 0.5, 20, 400 * b->unit);
    x = legend_push(b, title, x) + lf;
    x = legend_push(b, t_lo, x) + lf / 2;
    x = round(x);
    for (int k = 0; k < YEAR_BAR_STEPS; k++) {
        /* whole pixels: anti-aliased edges of adjacent steps would let white show through */
        double from = round(x + bar * k / YEAR_BAR_STEPS);
        double to = round(x + bar * (k + 1) / YEAR_BAR_STEPS);
        if (to > from)
            legend_rect(b, from, round(mid - lf / 2), to - from, round(lf),
                        jk_viridis((k + 0.5) / YEAR_BAR_STEPS));
    }
    x = legend_push(b, t_hi, x + bar + lf / 2) + 1.5 * lf;
    if (any_unknown_year(b->map))
        legend_item(b, &x, jk_draw_grey(), "unknown");
}

static void add_legend(struct builder *b)
{
    if (!has_legend(b))
        return;
    if (b->o->view == JK_VIEW_OVERLAY)
        year_legend(b);
    else
        cluster_legend(b);
}

/* ---- density ---- */

/* Average distance between terms, over at most 2000 evenly spread terms. */
static double average_distance(const struct jk_map *map)
{
    size_t n = map->n_terms, m = n < 2000 ? n : 2000, pairs = 0;
    double sum = 0;
    for (size_t a = 0; a < m; a++) {
        const struct jk_term *u = &map->terms[a * n / m];
        for (size_t c = a + 1; c < m; c++, pairs++) {
            const struct jk_term *v = &map->terms[c * n / m];
            sum += hypot(u->x - v->x, u->y - v->y);
        }
    }
    return pairs > 0 && sum > 0 ? sum / (double)pairs : 1;
}

/* Adds each term's occurrences to the four cells around it (bilinear weights). */
static void splat(const struct builder *b, double *grid, size_t cols, size_t rows, double cell)
{
    for (size_t i = 0; i < b->map->n_terms; i++) {
        double gx = b->g[i].x / cell - 0.5, gy = b->g[i].y / cell - 0.5;
        double fx = gx - floor(gx), fy = gy - floor(gy), w = b->map->terms[i].occurrences;
        long c0 = (long)floor(gx), r0 = (long)floor(gy);
        for (int dr = 0; dr < 2; dr++) {
            for (int dc = 0; dc < 2; dc++) {
                size_t c = (size_t)clamp((double)(c0 + dc), 0, (double)cols - 1);
                size_t r = (size_t)clamp((double)(r0 + dr), 0, (double)rows - 1);
                grid[r * cols + c] += w * (dc ? fx : 1 - fx) * (dr ? fy : 1 - fy);
            }
        }
    }
}

/*
 * One pass of the separable Gaussian over up to BLUR_LINES lines at once: along each line
 * of n values spaced step apart, out[i] = sum_d kernel[|d|] * in[i + d], outside the grid
 * empty; line l starts line_step after line l - 1. Each sum adds its terms in the same
 * order as one line alone would; the lines only give the processor independent sums to
 * work on side by side.
 */
enum { BLUR_LINES = 4 };

static void blur_lines(const double *in, double *out, size_t n, size_t step, size_t line_step,
                       size_t lines, const double *kernel, size_t radius)
{
    for (size_t i = 0; i < n; i++) {
        size_t lo = i > radius ? i - radius : 0, hi = i + radius < n ? i + radius : n - 1;
        double sum[BLUR_LINES] = {0};
        for (size_t j = lo; j <= hi; j++) {
            double k = kernel[j > i ? j - i : i - j];
            const double *p = in + j * step;
            for (size_t l = 0; l < lines; l++)
                sum[l] += k * p[l * line_step];
        }
        for (size_t l = 0; l < lines; l++)
            out[i * step + l * line_step] = sum[l];
    }
}

static void blur(double *grid, size_t cols, size_t rows, double cell, double width_px)
{
    size_t radius = (size_t)ceil(3 * width_px / cell);
    radius = radius < cols + rows ? radius : cols + rows;
    double *kernel = jk_malloc((radius + 1) * sizeof(*kernel));
    double *tmp = jk_calloc(cols * rows, sizeof(*tmp));
    for (size_t d = 0; d <= radius; d++)
        kernel[d] = exp(-pow((double)d * cell / width_px, 2));
    for (size_t r = 0; r < rows; r += BLUR_LINES) /* along the rows, four rows at a time */
        blur_lines(grid + r * cols, tmp + r * cols, cols, 1, cols,
                   rows - r < BLUR_LINES ? rows - r : BLUR_LINES, kernel, radius);
    for (size_t c = 0; c < cols; c += BLUR_LINES) /* down the columns, four side by side */
        blur_lines(tmp + c, grid + c, rows, cols, 1, cols - c < BLUR_LINES ? cols - c : BLUR_LINES,
                   kernel, radius);
    free(tmp);
    free(kernel);
}

/*
 * VOSviewer's item density (draw.h), scaled to a maximum of 1, on cells of
 * CELL px, larger when the picture would need more than MAX_CELLS a side:
 * the blur costs cells times kernel width, both growing with the picture.
 */
static void add_density(struct builder *b)
{
    struct jk_scene *s = b->s;
    double cell = fmax(CELL, ceil(fmax(s->width, b->map_h) / MAX_CELLS));
    size_t cols = (size_t)ceil(s->width / cell), rows = (size_t)ceil(b->map_h / cell);
    double *grid = jk_calloc(cols * rows, sizeof(*grid)), top = 0;
    splat(b, grid, cols, rows, cell);
    double width_px = JK_DRAW_KERNEL_WIDTH * average_distance(b->map) * b->scale;
    blur(grid, cols, rows, cell, fmax(width_px, cell));
    for (size_t k = 0; k < cols * rows; k++)
        top = fmax(top, grid[k]);
    for (size_t k = 0; top > 0 && k < cols * rows; k++)
        grid[k] /= top;
    s->density = grid;
    s->density_cols = cols;
    s->density_rows = rows;
    s->density_cell = cell;
}

/* ---- building ---- */

static enum jk_status check_map(const struct jk_map *map, struct jk_diag *diag)
{
    if (map->n_terms == 0)
        return jk_error(diag, JK_E_EMPTY, "the map has no terms to draw");
    if (!map->has_layout)
        return jk_error(diag, JK_E_INTERNAL, "the map has no layout: lay it out before drawing");
    for (size_t i = 0; i < map->n_terms; i++)
        if (!isfinite(map->terms[i].x) || !isfinite(map->terms[i].y))
            return jk_error(diag, JK_E_INTERNAL, "term %zu of the map has no finite position",
                            i + 1);
    size_t k = jk_map_bad_link(map);
    if (k < map->n_links)
        return jk_error(diag, JK_E_INTERNAL, "link %zu of the map joins a missing term", k + 1);
    return JK_OK;
}

static enum jk_status check_input(const struct jk_map *map, const struct jk_draw_options *o,
                                  struct jk_diag *diag)
{
    if (o->width < JK_DRAW_MIN_SIZE || o->width > JK_DRAW_MAX_SIZE ||
        o->height < JK_DRAW_MIN_SIZE || o->height > JK_DRAW_MAX_SIZE)
        return jk_error(diag, JK_E_USAGE,
                        "a picture of %u x %u pixels cannot be drawn: width and height must be "
                        "between %d and %d",
                        o->width, o->height, JK_DRAW_MIN_SIZE, JK_DRAW_MAX_SIZE);
    if (o->view != JK_VIEW_NETWORK && o->view != JK_VIEW_OVERLAY && o->view != JK_VIEW_DENSITY)
        return jk_error(diag, JK_E_USAGE, "unknown view %d: use network, overlay or density",
                        (int)o->view);
    return check_map(map, diag);
}

static void build(struct builder *b)
{
    const struct jk_map *map = b->map;
    b->order = jk_malloc(map->n_terms * sizeof(*b->order));
    for (size_t i = 0; i < map->n_terms; i++)
        b->order[i] = (struct ranked){map->terms[i].occurrences, i};
    qsort(b->order, map->n_terms, sizeof(*b->order), cmp_rank);
    size_circles(b);
    fit_layout(b);
    color_terms(b);
    if (b->o->view == JK_VIEW_DENSITY) {
        add_density(b);
    } else {
        add_lines(b);
        add_circles(b);
    }
    add_labels(b);
    add_legend(b);
    free(b->order);
}

enum jk_status jk_draw_build(struct jk_scene *s, const struct jk_map *map,
                             const struct jk_draw_options *o, struct jk_diag *diag)
{
    jk_scene_release(s);
    enum jk_status st = check_input(map, o, diag);
    if (st != JK_OK)
        return st;
    struct builder b = {.s = s, .map = map, .o = o};
    s->width = o->width;
    s->height = o->height;
    s->view = o->view;
    s->background = (struct jk_color){255, 255, 255, 255};
    b.unit = clamp(fmin(o->width, o->height) / 800.0, 0.6, 4);
    b.map_h = (double)o->height - legend_height(&b);
    st = jk_text_meter_open(&b.meter, diag);
    if (st == JK_OK) {
        b.g = jk_calloc(map->n_terms, sizeof(*b.g));
        build(&b);
        free(b.g);
        st = jk_text_meter_close(&b.meter, diag);
    }
    if (st != JK_OK)
        jk_scene_release(s);
    return st;
}
