/*
 * Export stage: Pajek .net file. Labels are made safe for every reader
 * (see export_pajek.h); coordinates are fitted into Pajek's unit square.
 */
#include "export_pajek.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>
#include <utf8proc.h>

#include "export_csv.h"
#include "util/buf.h"

#define MARGIN 0.05

/* Fits the layout into [MARGIN, 1 - MARGIN] with one scale for both axes. */
struct fit {
    double cx, cy; /* centre of the bounding box */
    double scale;  /* multiplies a distance from the centre */
};

static struct fit fit_layout(const struct jk_map *map)
{
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (size_t i = 0; i < map->n_terms; i++) {
        const struct jk_term *t = &map->terms[i];
        if (!isfinite(t->x) || !isfinite(t->y))
            continue;
        x0 = fmin(x0, t->x);
        x1 = fmax(x1, t->x);
        y0 = fmin(y0, t->y);
        y1 = fmax(y1, t->y);
    }
    struct fit f = {0, 0, 0};
    if (x0 > x1)
        return f; /* no finite coordinate: everything in the middle */
    double span = fmax(x1 - x0, y1 - y0);
    f.cx = (x0 + x1) / 2;
    f.cy = (y0 + y1) / 2;
    f.scale = span > 0 ? (1 - 2 * MARGIN) / span : 0;
    return f;
}

static void add_coord(struct jk_buf *b, double v)
{
    char num[JK_DOUBLE_BUF];
    jk_format_double(num, sizeof(num), v);
    jk_buf_addf(b, " %s", num);
}

/* Appends s between double quotes, made safe as described in export_pajek.h. */
static void pajek_label(struct jk_buf *b, const char *s)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(s);
    jk_buf_addc(b, '"');
    while (left > 0) {
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &c);
        if (n < 0) {
            jk_buf_adds(b, "\xEF\xBF\xBD");
            n = 1;
        } else if (c < 0x20 || c == 0x7F) {
            jk_buf_addc(b, ' ');
        } else if (c == '"') {
            jk_buf_addc(b, '\'');
        } else if (c == '\\') {
            jk_buf_addc(b, '/');
        } else {
            jk_buf_add(b, p, (size_t)n);
        }
        p += n;
        left -= n;
    }
    jk_buf_addc(b, '"');
}

static void vertex_line(struct jk_buf *b, const struct jk_map *map, size_t i, const struct fit *f)
{
    const struct jk_term *t = &map->terms[i];
    jk_buf_addf(b, "%zu ", i + 1);
    pajek_label(b, t->label);
    if (map->has_layout) {
        int ok = isfinite(t->x) && isfinite(t->y);
        add_coord(b, ok ? 0.5 + (t->x - f->cx) * f->scale : 0.5);
        add_coord(b, ok ? 0.5 - (t->y - f->cy) * f->scale : 0.5);
        add_coord(b, 0.5);
    }
    jk_buf_addc(b, '\n');
}

enum jk_status jk_export_pajek(const struct jk_map *map, FILE *out, struct jk_diag *diag)
{
    enum jk_status st = jk_export_check_map(map, diag);
    if (st != JK_OK)
        return st;
    struct fit f = fit_layout(map);
    struct jk_buf b;
    jk_buf_init(&b);
    fprintf(out, "*Vertices %zu\n", map->n_terms);
    for (size_t i = 0; i < map->n_terms; i++) {
        jk_buf_clear(&b);
        vertex_line(&b, map, i, &f);
        fwrite(b.data, 1, b.len, out);
    }
    fputs("*Edges\n", out);
    for (size_t k = 0; k < map->n_links; k++) {
        const struct jk_link *l = &map->links[k];
        jk_buf_clear(&b);
        jk_buf_add_u64(&b, l->source + 1);
        jk_buf_addc(&b, ' ');
        jk_buf_add_u64(&b, l->target + 1);
        jk_buf_addc(&b, ' ');
        jk_buf_add_u64(&b, l->weight);
        jk_buf_addc(&b, '\n');
        fwrite(b.data, 1, b.len, out);
    }
    jk_buf_release(&b);
    return jk_export_finish(out, "Pajek network file", diag);
}
