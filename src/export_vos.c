/*
 * Export stage: VOSviewer map file (one row per term) and network file (one
 * line per link). Formats in docs/vosviewer-reference.md; choices about
 * labels and optional columns in export_vos.h.
 */
#include "export_vos.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "export_csv.h"
#include "util/buf.h"

#define VOS_MAX_CLUSTERS 1000

/* Appends label with TAB/CR/LF made spaces, quoted if it holds a '"', as valid UTF-8. */
static void vos_label(struct jk_buf *b, const char *label)
{
    struct jk_buf valid;
    jk_buf_init(&valid);
    const char *s = jk_export_utf8(&valid, label);
    int quote = strchr(s, '"') != NULL;
    if (quote)
        jk_buf_addc(b, '"');
    for (; *s; s++) {
        if (*s == '\t' || *s == '\r' || *s == '\n')
            jk_buf_addc(b, ' ');
        else if (*s == '"')
            jk_buf_adds(b, "\"\"");
        else
            jk_buf_addc(b, *s);
    }
    if (quote)
        jk_buf_addc(b, '"');
    jk_buf_release(&valid);
}

static void add_double(struct jk_buf *b, double v)
{
    char num[JK_DOUBLE_BUF];
    jk_format_double(num, sizeof(num), v);
    jk_buf_addf(b, "\t%s", num);
}

static void map_header(struct jk_buf *b, const struct jk_map *map)
{
    jk_buf_adds(b, "id\tlabel");
    if (map->has_layout)
        jk_buf_adds(b, "\tx\ty");
    if (map->n_clusters > 0)
        jk_buf_adds(b, "\tcluster");
    jk_buf_adds(b, "\tweight<Links>\tweight<Total link strength>\tweight<Occurrences>");
    if (map->has_years)
        jk_buf_adds(b, "\tscore<Avg. pub. year>");
    if (map->has_citations)
        jk_buf_adds(b, "\tscore<Avg. citations>");
    jk_buf_addc(b, '\n');
}

/* An unknown average (NaN) is an empty cell. */
static void add_score(struct jk_buf *b, double v)
{
    if (isnan(v))
        jk_buf_addc(b, '\t');
    else
        add_double(b, v);
}

static void map_row(struct jk_buf *b, const struct jk_map *map, size_t i)
{
    const struct jk_term *t = &map->terms[i];
    jk_buf_addf(b, "%zu\t", i + 1);
    vos_label(b, t->label);
    if (map->has_layout) {
        add_double(b, t->x);
        add_double(b, t->y);
    }
    if (map->n_clusters > 0)
        jk_buf_addf(b, "\t%" PRIu32, t->cluster);
    jk_buf_addf(b, "\t%" PRIu32 "\t%" PRIu64 "\t%" PRIu32, t->links, t->total_link_strength,
                t->occurrences);
    if (map->has_years)
        add_score(b, t->avg_year);
    if (map->has_citations)
        add_score(b, t->avg_citations);
    jk_buf_addc(b, '\n');
}

enum jk_status jk_export_vos_map(const struct jk_map *map, FILE *out, struct jk_diag *diag)
{
    enum jk_status st = jk_export_check_map(map, diag);
    if (st != JK_OK)
        return st;
    if (map->n_clusters > VOS_MAX_CLUSTERS)
        jk_warn("the map has %zu clusters; VOSviewer reads cluster numbers up to %d only",
                map->n_clusters, VOS_MAX_CLUSTERS);
    struct jk_buf b;
    jk_buf_init(&b);
    map_header(&b, map);
    fwrite(b.data, 1, b.len, out);
    for (size_t i = 0; i < map->n_terms; i++) {
        jk_buf_clear(&b);
        map_row(&b, map, i);
        fwrite(b.data, 1, b.len, out);
    }
    jk_buf_release(&b);
    return jk_export_finish(out, "VOSviewer map file", diag);
}

enum jk_status jk_export_vos_network(const struct jk_map *map, FILE *out, struct jk_diag *diag)
{
    enum jk_status st = jk_export_check_map(map, diag);
    if (st != JK_OK)
        return st;
    struct jk_buf b;
    jk_buf_init(&b);
    for (size_t k = 0; k < map->n_links; k++) {
        const struct jk_link *l = &map->links[k];
        uint32_t a = l->source < l->target ? l->source : l->target;
        uint32_t z = l->source < l->target ? l->target : l->source;
        jk_buf_clear(&b);
        jk_buf_add_u64(&b, a + 1);
        jk_buf_addc(&b, '\t');
        jk_buf_add_u64(&b, z + 1);
        jk_buf_addc(&b, '\t');
        jk_buf_add_u64(&b, l->weight);
        jk_buf_addc(&b, '\n');
        fwrite(b.data, 1, b.len, out);
    }
    jk_buf_release(&b);
    return jk_export_finish(out, "VOSviewer network file", diag);
}
