/*
 * Export stage: index.html, the map as an interactive web page (see
 * export_html.h). The fixed markup, style and script live in html_page.h;
 * this file escapes the title, writes the map as JSON and signs the script
 * with its hash in the page's Content-Security-Policy.
 */
#include "export_html.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "draw.h"
#include "export_csv.h"
#include "html_page.h"
#include "palette.h"
#include "util/mem.h"
#include "util/sha256.h"

#define DEFAULT_TITLE "jaringkata term map"
#define REPLACEMENT   "\xEF\xBF\xBD" /* U+FFFD in UTF-8 */
#define PI            3.14159265358979323846
/* jk_viridis is linear between this many even stops (draw.c's table): the
 * page interpolates between the same stops the same way. */
#define VIRIDIS_STOPS 17

/*
 * Decodes the code point at s (n bytes left, n > 0). Returns its length, or
 * 0 for invalid UTF-8 (bad sequence, overlong, surrogate, beyond U+10FFFF).
 */
static size_t utf8_next(const char *s, size_t n, int32_t *cp)
{
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &c);
    if (k <= 0)
        return 0;
    *cp = c;
    return (size_t)k;
}

void jk_html_text(struct jk_buf *b, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = utf8_next(s + i, n - i, &cp);
        if (k == 0) {
            jk_buf_adds(b, REPLACEMENT);
            i++;
            continue;
        }
        switch (cp) {
        case '&':
            jk_buf_adds(b, "&amp;");
            break;
        case '<':
            jk_buf_adds(b, "&lt;");
            break;
        case '>':
            jk_buf_adds(b, "&gt;");
            break;
        case '"':
            jk_buf_adds(b, "&quot;");
            break;
        case '\'':
            jk_buf_adds(b, "&#39;");
            break;
        default:
            if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7f)
                jk_buf_adds(b, REPLACEMENT);
            else
                jk_buf_add(b, s + i, k);
        }
        i += k;
    }
}

/* The JSON escape for code point cp, or NULL when it is written as it is. */
static const char *json_escape(int32_t cp)
{
    switch (cp) {
    case '"':
        return "\\\"";
    case '\\':
        return "\\\\";
    case '\n':
        return "\\n";
    case '\t':
        return "\\t";
    case '\r':
        return "\\r";
    /* the HTML parser ends a script at "</script" and changes state at "<!--" */
    case '<':
        return "\\u003c";
    case '>':
        return "\\u003e";
    case '&':
        return "\\u0026";
    /* line terminators in JavaScript, though not in JSON */
    case 0x2028:
        return "\\u2028";
    case 0x2029:
        return "\\u2029";
    default:
        return NULL;
    }
}

void jk_html_json_string(struct jk_buf *b, const char *s)
{
    size_t n = strlen(s);
    jk_buf_addc(b, '"');
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = utf8_next(s + i, n - i, &cp);
        const char *esc = k ? json_escape(cp) : NULL;
        if (k == 0) {
            jk_buf_adds(b, REPLACEMENT);
            k = 1;
        } else if (esc) {
            jk_buf_adds(b, esc);
        } else if (cp < 0x20) {
            jk_buf_addf(b, "\\u%04x", (unsigned)cp);
        } else {
            jk_buf_add(b, s + i, k);
        }
        i += k;
    }
    jk_buf_addc(b, '"');
}

static unsigned hex_value(char c)
{
    return c <= '9' ? (unsigned)(c - '0') : (unsigned)(c - 'a' + 10);
}

/* Appends the SHA-256 of s in base64, as a CSP hash source wants it. */
static void add_sha256_base64(struct jk_buf *b, const char *s)
{
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    struct jk_sha256 h;
    char hex[65];
    unsigned char d[33] = {0}; /* 32 bytes plus a zero pad for the last group */
    jk_sha256_init(&h);
    jk_sha256_update(&h, s, strlen(s));
    jk_sha256_final_hex(&h, hex);
    for (size_t i = 0; i < 32; i++)
        d[i] = (unsigned char)(hex_value(hex[2 * i]) << 4 | hex_value(hex[2 * i + 1]));
    for (size_t i = 0; i < 33; i += 3) {
        uint32_t v = (uint32_t)d[i] << 16 | (uint32_t)d[i + 1] << 8 | d[i + 2];
        jk_buf_addc(b, digits[v >> 18 & 63]);
        jk_buf_addc(b, digits[v >> 12 & 63]);
        jk_buf_addc(b, digits[v >> 6 & 63]);
        jk_buf_addc(b, i + 3 < 33 ? digits[v & 63] : '=');
    }
}

/* A number JSON can hold: non-finite values become null_text. */
static void add_number(struct jk_buf *b, double v, const char *null_text)
{
    char num[JK_DOUBLE_BUF];
    if (!isfinite(v)) {
        jk_buf_adds(b, null_text);
        return;
    }
    jk_format_double(num, sizeof(num), v);
    jk_buf_adds(b, num);
}

struct circle_key {
    uint32_t cluster, occurrences;
    size_t index;
};

static int circle_cmp(const void *pa, const void *pb)
{
    const struct circle_key *a = pa, *b = pb;
    if (a->cluster != b->cluster)
        return a->cluster < b->cluster ? -1 : 1;
    if (a->occurrences != b->occurrences)
        return a->occurrences > b->occurrences ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/*
 * Returns x0, y0, x1, y1, ... for every term (caller frees): the layout, or
 * a unit circle clockwise from the top in (cluster, -occurrences, index) order.
 */
static double *positions(const struct jk_map *map)
{
    double *xy = jk_calloc(map->n_terms ? 2 * map->n_terms : 1, sizeof(*xy));
    if (map->has_layout) {
        for (size_t i = 0; i < map->n_terms; i++) {
            xy[2 * i] = map->terms[i].x;
            xy[2 * i + 1] = map->terms[i].y;
        }
        return xy;
    }
    struct circle_key *keys = jk_calloc(map->n_terms ? map->n_terms : 1, sizeof(*keys));
    for (size_t i = 0; i < map->n_terms; i++)
        keys[i] = (struct circle_key){map->terms[i].cluster, map->terms[i].occurrences, i};
    qsort(keys, map->n_terms, sizeof(*keys), circle_cmp);
    for (size_t k = 0; k < map->n_terms; k++) {
        double a = 2 * PI * (double)k / (double)map->n_terms;
        xy[2 * keys[k].index] = sin(a);
        xy[2 * keys[k].index + 1] = cos(a);
    }
    free(keys);
    return xy;
}

/* Writes b to out and empties it; errors surface in jk_export_finish. */
static void flush(struct jk_buf *b, FILE *out)
{
    fwrite(b->data, 1, b->len, out);
    jk_buf_clear(b);
}

static void add_hex(struct jk_buf *b, const unsigned char rgb[3])
{
    jk_buf_addf(b, "\"#%02x%02x%02x\"", rgb[0], rgb[1], rgb[2]);
}

/*
 * The colours the page draws with, so it matches the pictures and GEXF:
 * palette.c's for clusters 1..min(K, JK_PALETTE_SIZE), its grey (every other
 * cluster, unknown years) and the stops of draw.c's Viridis.
 */
static void write_colours(const struct jk_map *map, struct jk_buf *b)
{
    unsigned char rgb[3];
    size_t k = map->n_clusters < JK_PALETTE_SIZE ? map->n_clusters : JK_PALETTE_SIZE;
    jk_buf_adds(b, "\"palette\": [");
    for (size_t c = 1; c <= k; c++) {
        jk_cluster_color((unsigned)c, rgb);
        add_hex(b, rgb);
        jk_buf_adds(b, c < k ? ", " : "");
    }
    jk_cluster_color(0, rgb);
    jk_buf_adds(b, "], \"grey\": ");
    add_hex(b, rgb);
    jk_buf_adds(b, ",\n\"viridis\": [");
    for (int i = 0; i < VIRIDIS_STOPS; i++) {
        struct jk_color c = jk_viridis((double)i / (VIRIDIS_STOPS - 1));
        add_hex(b, (const unsigned char[3]){c.r, c.g, c.b});
        jk_buf_adds(b, i + 1 < VIRIDIS_STOPS ? ", " : "");
    }
    jk_buf_adds(b, "],\n");
}

/* Links of weight at least w. */
static size_t links_at_least(const struct jk_map *map, uint64_t w)
{
    size_t n = 0;
    for (size_t k = 0; k < map->n_links; k++)
        n += map->links[k].weight >= w;
    return n;
}

/* A link of the cut-off weight: the page orders those by source, then target. */
struct tie {
    uint32_t source, target, k;
};

static int cmp_tie(const void *a, const void *b)
{
    const struct tie *x = a, *y = b;
    if (x->source != y->source)
        return x->source < y->source ? -1 : 1;
    return (x->target > y->target) - (x->target < y->target);
}

/*
 * Which links the page embeds (caller frees): the max_links strongest, ties
 * going to the lower (source, target) as the page orders them; NULL when
 * all fit. The cut-off weight is found by bisection over the weights, so
 * nothing is copied or sorted but the links of exactly that weight.
 */
static unsigned char *strongest_links(const struct jk_map *map, size_t max_links)
{
    if (map->n_links <= max_links)
        return NULL;
    uint64_t lo = 1, hi = 1; /* links_at_least(lo) >= max_links > links_at_least(hi + 1) */
    for (size_t k = 0; k < map->n_links; k++)
        hi = map->links[k].weight > hi ? map->links[k].weight : hi;
    while (lo < hi) {
        uint64_t mid = lo + (hi - lo + 1) / 2;
        if (links_at_least(map, mid) >= max_links)
            lo = mid;
        else
            hi = mid - 1;
    }
    unsigned char *keep = jk_calloc(map->n_links, 1);
    struct tie *tied = jk_malloc(map->n_links * sizeof(*tied));
    size_t kept = 0, n_tied = 0;
    for (size_t k = 0; k < map->n_links; k++) {
        const struct jk_link *l = &map->links[k];
        if (l->weight > lo)
            keep[k] = 1, kept++;
        else if (l->weight == lo)
            tied[n_tied++] = (struct tie){l->source, l->target, (uint32_t)k};
    }
    qsort(tied, n_tied, sizeof(*tied), cmp_tie); /* (source, target) pairs are unique */
    for (size_t i = 0; i < n_tied && kept < max_links; i++, kept++)
        keep[tied[i].k] = 1;
    free(tied);
    return keep;
}

static void write_data(const struct jk_map *map, size_t max_links, struct jk_buf *b, FILE *out)
{
    double *xy = positions(map);
    unsigned char *keep = strongest_links(map, max_links);
    size_t embedded = keep ? max_links : map->n_links;
    jk_buf_addf(b,
                "{\"layout\": \"%s\", \"years\": %s, \"clusters\": %zu, \"links_total\": "
                "%zu,\n",
                map->has_layout ? "map" : "circle", map->has_years ? "true" : "false",
                map->n_clusters, map->n_links);
    write_colours(map, b);
    jk_buf_adds(b, "\"terms\": [\n");
    for (size_t i = 0; i < map->n_terms; i++) {
        const struct jk_term *t = &map->terms[i];
        jk_buf_addc(b, '[');
        jk_html_json_string(b, t->label);
        jk_buf_addf(b, ",%" PRIu32 ",%" PRIu32 ",%" PRIu32 ",%" PRIu64 ",%" PRIu32 ",",
                    t->occurrences, t->documents, t->links, t->total_link_strength, t->cluster);
        add_number(b, xy[2 * i], "0");
        jk_buf_addc(b, ',');
        add_number(b, xy[2 * i + 1], "0");
        jk_buf_addc(b, ',');
        add_number(b, map->has_years ? t->avg_year : NAN, "null");
        jk_buf_adds(b, i + 1 < map->n_terms ? "],\n" : "]\n");
        flush(b, out);
    }
    jk_buf_adds(b, "],\n\"links\": [\n");
    for (size_t k = 0, written = 0; k < map->n_links; k++) {
        if (keep && !keep[k])
            continue;
        const struct jk_link *l = &map->links[k];
        jk_buf_addc(b, '[');
        jk_buf_add_u64(b, l->source);
        jk_buf_addc(b, ',');
        jk_buf_add_u64(b, l->target);
        jk_buf_addc(b, ',');
        jk_buf_add_u64(b, l->weight);
        jk_buf_adds(b, ++written < embedded ? "],\n" : "]\n");
        flush(b, out);
    }
    jk_buf_adds(b, "]}\n");
    flush(b, out);
    free(keep);
    free(xy);
}

enum jk_status jk_export_html(const struct jk_map *map, const char *title, FILE *out,
                              struct jk_diag *diag)
{
    return jk_export_html_limited(map, title, JK_HTML_MAX_LINKS, out, diag);
}

enum jk_status jk_export_html_limited(const struct jk_map *map, const char *title, size_t max_links,
                                      FILE *out, struct jk_diag *diag)
{
    enum jk_status st = jk_export_check_map(map, diag);
    if (st != JK_OK)
        return st;
    struct jk_buf b;
    jk_buf_init(&b);
    jk_buf_adds(&b, page_head);
    add_sha256_base64(&b, page_script);
    jk_buf_adds(&b, page_title);
    jk_html_text(&b, title ? title : DEFAULT_TITLE);
    jk_buf_adds(&b, page_body);
    flush(&b, out);
    write_data(map, max_links, &b, out);
    jk_buf_adds(&b, page_script_open);
    jk_buf_adds(&b, page_script);
    jk_buf_adds(&b, page_end);
    flush(&b, out);
    jk_buf_release(&b);
    return jk_export_finish(out, "web page (index.html)", diag);
}

enum jk_status jk_write_html(const void *ctx, FILE *out, struct jk_diag *diag)
{
    const struct jk_html_page *page = ctx;
    return jk_export_html(page->map, page->title, out, diag);
}
