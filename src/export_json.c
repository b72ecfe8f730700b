/*
 * Export stage: VOSviewer JSON. Items, links and clusters of the map plus
 * the run's parameters (see export_json.h for the layout and escaping).
 */
#include "export_json.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "export_csv.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/mem.h"

/* Scratch space for one string; reused for every label. */
struct json_out {
    struct jk_buf line; /* the line being built */
    struct jk_buf text; /* a string made valid UTF-8 */
};

/* Appends s as a JSON string: valid UTF-8, escaped, "</" as "<\/". */
static void add_string(struct json_out *o, const char *s)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(s);
    jk_buf_clear(&o->text);
    while (left > 0) {
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &c);
        if (n < 0) {
            jk_buf_adds(&o->text, "\xEF\xBF\xBD");
            n = 1;
        } else {
            jk_buf_add(&o->text, p, (size_t)n);
        }
        p += n;
        left -= n;
    }
    size_t start = o->line.len;
    jk_json_string(&o->line, o->text.data);
    char *slash = strstr(o->line.data + start, "</");
    if (!slash)
        return;
    /* rare: rebuild the string's tail with each "</" as "<\/" */
    jk_buf_clear(&o->text);
    jk_buf_adds(&o->text, o->line.data + start);
    jk_buf_truncate(&o->line, start);
    for (const char *q = o->text.data; *q; q++) {
        jk_buf_addc(&o->line, *q);
        if (q[0] == '<' && q[1] == '/')
            jk_buf_addc(&o->line, '\\');
    }
}

static void add_number(struct jk_buf *b, double v)
{
    char num[JK_DOUBLE_BUF];
    if (!isfinite(v)) {
        jk_buf_adds(b, "null");
        return;
    }
    jk_format_double(num, sizeof(num), v);
    jk_buf_adds(b, num);
}

static void add_scores(struct jk_buf *b, const struct jk_map *map, const struct jk_term *t)
{
    int year = map->has_years && isfinite(t->avg_year);
    int citations = map->has_citations && isfinite(t->avg_citations);
    if (!year && !citations)
        return;
    jk_buf_adds(b, ", \"scores\": {");
    if (year) {
        jk_buf_adds(b, "\"Avg. pub. year\": ");
        add_number(b, t->avg_year);
    }
    if (citations) {
        jk_buf_adds(b, year ? ", \"Avg. citations\": " : "\"Avg. citations\": ");
        add_number(b, t->avg_citations);
    }
    jk_buf_addc(b, '}');
}

static void add_item(struct json_out *o, const struct jk_map *map, size_t i)
{
    const struct jk_term *t = &map->terms[i];
    struct jk_buf *b = &o->line;
    jk_buf_addf(b, "{\"id\": %zu, \"label\": ", i + 1);
    add_string(o, t->label);
    if (map->has_layout && isfinite(t->x) && isfinite(t->y)) {
        jk_buf_adds(b, ", \"x\": ");
        add_number(b, t->x);
        jk_buf_adds(b, ", \"y\": ");
        add_number(b, t->y);
    }
    if (map->n_clusters > 0)
        jk_buf_addf(b, ", \"cluster\": %" PRIu32, t->cluster);
    jk_buf_addf(b,
                ", \"weights\": {\"Links\": %" PRIu32 ", \"Total link strength\": %" PRIu64
                ", \"Occurrences\": %" PRIu32 "}",
                t->links, t->total_link_strength, t->occurrences);
    add_scores(b, map, t);
    jk_buf_addc(b, '}');
}

/* Writes the line being built, with its separator, and starts the next. */
static void put_line(struct json_out *o, FILE *out, int last)
{
    jk_buf_adds(&o->line, last ? "\n" : ",\n");
    fwrite(o->line.data, 1, o->line.len, out);
    jk_buf_clear(&o->line);
}

static void write_items(struct json_out *o, const struct jk_map *map, FILE *out)
{
    fputs("    \"items\": [\n", out);
    for (size_t i = 0; i < map->n_terms; i++) {
        jk_buf_adds(&o->line, "      ");
        add_item(o, map, i);
        put_line(o, out, i + 1 == map->n_terms);
    }
    fputs("    ],\n", out);
}

static void write_links(struct json_out *o, const struct jk_map *map, FILE *out)
{
    fputs("    \"links\": [\n", out);
    for (size_t k = 0; k < map->n_links; k++) {
        const struct jk_link *l = &map->links[k];
        jk_buf_adds(&o->line, "      {\"source_id\": ");
        jk_buf_add_u64(&o->line, l->source + 1);
        jk_buf_adds(&o->line, ", \"target_id\": ");
        jk_buf_add_u64(&o->line, l->target + 1);
        jk_buf_adds(&o->line, ", \"strength\": ");
        jk_buf_add_u64(&o->line, l->weight);
        jk_buf_addc(&o->line, '}');
        put_line(o, out, k + 1 == map->n_links);
    }
    fputs(map->n_clusters > 0 ? "    ],\n" : "    ]\n", out);
}

/* 1 when term a should name its cluster rather than term b. */
static int names_better(const struct jk_term *a, const struct jk_term *b)
{
    if (a->occurrences != b->occurrences)
        return a->occurrences > b->occurrences;
    return strcmp(a->label, b->label) < 0;
}

static void write_clusters(struct json_out *o, const struct jk_map *map, FILE *out)
{
    if (map->n_clusters == 0)
        return;
    /* best[c] = index + 1 of the term naming cluster c; 0 = none yet */
    size_t *best = jk_calloc(map->n_clusters + 1, sizeof(*best));
    for (size_t i = 0; i < map->n_terms; i++) {
        uint32_t c = map->terms[i].cluster;
        if (c >= 1 && c <= map->n_clusters &&
            (!best[c] || names_better(&map->terms[i], &map->terms[best[c] - 1])))
            best[c] = i + 1;
    }
    fputs("    \"clusters\": [\n", out);
    for (size_t c = 1; c <= map->n_clusters; c++) {
        jk_buf_addf(&o->line, "      {\"cluster\": %zu", c);
        if (best[c]) {
            jk_buf_adds(&o->line, ", \"label\": ");
            add_string(o, map->terms[best[c] - 1].label);
        }
        jk_buf_addc(&o->line, '}');
        put_line(o, out, c == map->n_clusters);
    }
    fputs("    ]\n", out);
    free(best);
}

static void add_key_string(struct json_out *o, const char *key, const char *value, int *first)
{
    if (!value)
        return;
    jk_buf_adds(&o->line, *first ? "\"" : ", \"");
    jk_buf_adds(&o->line, key);
    jk_buf_adds(&o->line, "\": ");
    add_string(o, value);
    *first = 0;
}

static void write_info(struct json_out *o, const struct jk_json_info *info, FILE *out)
{
    struct jk_buf *b = &o->line;
    jk_buf_adds(b, "  \"config\": {\"parameters\": {\"resolution\": ");
    add_number(b, info->resolution);
    jk_buf_addf(b, ", \"min_cluster_size\": %zu, \"attraction\": ", info->min_cluster_size);
    add_number(b, info->attraction);
    jk_buf_adds(b, ", \"repulsion\": ");
    add_number(b, info->repulsion);
    int first = 0;
    add_key_string(o, "normalization", info->normalization, &first);
    add_key_string(o, "counting", info->counting, &first);
    jk_buf_adds(b, "}}");
    int has_info = info->title || info->description;
    put_line(o, out, !has_info);
    if (!has_info)
        return;
    jk_buf_adds(b, "  \"info\": {");
    first = 1;
    add_key_string(o, "title", info->title, &first);
    add_key_string(o, "description", info->description, &first);
    jk_buf_addc(b, '}');
    put_line(o, out, 1);
}

enum jk_status jk_export_json(const struct jk_map *map, const struct jk_json_info *info, FILE *out,
                              struct jk_diag *diag)
{
    enum jk_status st = jk_export_check_map(map, diag);
    if (st != JK_OK)
        return st;
    struct json_out o;
    jk_buf_init(&o.line);
    jk_buf_init(&o.text);
    fputs("{\n  \"network\": {\n", out);
    write_items(&o, map, out);
    write_links(&o, map, out);
    write_clusters(&o, map, out);
    fputs(info ? "  },\n" : "  }\n", out);
    if (info)
        write_info(&o, info, out);
    fputs("}\n", out);
    jk_buf_release(&o.line);
    jk_buf_release(&o.text);
    return jk_export_finish(out, "VOSviewer JSON file", diag);
}
