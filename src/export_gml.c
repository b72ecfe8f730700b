/*
 * Export stage: GML. Keys are VOSviewer's attribute names made legal GML,
 * strings are ASCII with HTML entities (see export_gml.h).
 */
#include "export_gml.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>
#include <utf8proc.h>

#include "export_csv.h"
#include "util/buf.h"

#define REPLACEMENT 0xFFFD

/* Control characters XML 1.0 (and so the GraphML) cannot hold either. */
static int unrepresentable(utf8proc_int32_t c)
{
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
}

/* Appends s as a GML string: quoted, ASCII, entities for the rest. */
static void gml_string(struct jk_buf *b, const char *s)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(s);
    jk_buf_addc(b, '"');
    while (left > 0) {
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &c);
        if (n < 0 || unrepresentable(c)) {
            c = REPLACEMENT;
            n = n < 0 ? 1 : n;
        }
        if (c == '"')
            jk_buf_adds(b, "&quot;");
        else if (c == '&')
            jk_buf_adds(b, "&amp;");
        else if (c >= 0x20 && c < 0x7F)
            jk_buf_addc(b, (char)c);
        else
            jk_buf_addf(b, "&#%" PRId32 ";", (int32_t)c);
        p += n;
        left -= n;
    }
    jk_buf_addc(b, '"');
}

/* Appends "    key value" with a GML real: the value always has a '.'. */
static void gml_real(struct jk_buf *b, const char *key, double v)
{
    char num[JK_DOUBLE_BUF];
    jk_format_double_exact(num, sizeof(num), v);
    jk_buf_addf(b, "    %s ", key);
    if (strchr(num, '.')) {
        jk_buf_adds(b, num);
    } else {
        size_t mantissa = strcspn(num, "eE");
        jk_buf_add(b, num, mantissa);
        jk_buf_adds(b, ".0");
        jk_buf_adds(b, num + mantissa);
    }
    jk_buf_addc(b, '\n');
}

static void gml_node(struct jk_buf *b, const struct jk_map *map, size_t i)
{
    const struct jk_term *t = &map->terms[i];
    jk_buf_addf(b, "  node\n  [\n    id %zu\n    label ", i + 1);
    gml_string(b, t->label);
    jk_buf_addc(b, '\n');
    if (map->has_layout && isfinite(t->x) && isfinite(t->y)) {
        gml_real(b, "x", t->x);
        gml_real(b, "y", t->y);
    }
    if (map->n_clusters > 0)
        jk_buf_addf(b, "    cluster %" PRIu32 "\n", t->cluster);
    jk_buf_addf(b,
                "    weight_links %" PRIu32 "\n    weight_total_link_strength %" PRIu64
                "\n    weight_occurrences %" PRIu32 "\n",
                t->links, t->total_link_strength, t->occurrences);
    if (map->has_years && isfinite(t->avg_year))
        gml_real(b, "score_avg_pub_year", t->avg_year);
    if (map->has_citations && isfinite(t->avg_citations))
        gml_real(b, "score_avg_citations", t->avg_citations);
    jk_buf_adds(b, "  ]\n");
}

static void gml_edge(struct jk_buf *b, const struct jk_link *l)
{
    jk_buf_adds(b, "  edge\n  [\n    source ");
    jk_buf_add_u64(b, l->source + 1);
    jk_buf_adds(b, "\n    target ");
    jk_buf_add_u64(b, l->target + 1);
    jk_buf_adds(b, "\n    value ");
    jk_buf_add_u64(b, l->weight);
    jk_buf_addc(b, '\n');
    if (isfinite(l->association))
        gml_real(b, "association", l->association);
    jk_buf_adds(b, "  ]\n");
}

enum jk_status jk_export_gml(const struct jk_map *map, FILE *out, struct jk_diag *diag)
{
    enum jk_status st = jk_export_check_map(map, diag);
    if (st != JK_OK)
        return st;
    struct jk_buf b;
    jk_buf_init(&b);
    fputs("graph\n[\n  directed 0\n", out);
    for (size_t i = 0; i < map->n_terms; i++) {
        jk_buf_clear(&b);
        gml_node(&b, map, i);
        fwrite(b.data, 1, b.len, out);
    }
    for (size_t k = 0; k < map->n_links; k++) {
        jk_buf_clear(&b);
        gml_edge(&b, &map->links[k]);
        fwrite(b.data, 1, b.len, out);
    }
    jk_buf_release(&b);
    fputs("]\n", out);
    return jk_export_finish(out, "GML file", diag);
}
