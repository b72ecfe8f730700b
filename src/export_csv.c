/*
 * Export stage: terms, links and clusters as CSV tables, and the helpers
 * shared by every exporter (number formatting, CSV quoting, map check,
 * final write check). See export_csv.h for the dialect.
 */
#include "export_csv.h"

#include <errno.h>
#include <float.h>
#include <inttypes.h>
#include <locale.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/mem.h"

/* printf follows LC_NUMERIC; files must not change with the user's locale. */
static void fix_decimal_point(char *s)
{
    const char *dp = localeconv()->decimal_point;
    if (!dp || !dp[0] || strcmp(dp, ".") == 0)
        return;
    char *p = strstr(s, dp);
    if (!p)
        return;
    size_t dl = strlen(dp);
    *p = '.';
    memmove(p + 1, p + dl, strlen(p + dl) + 1);
}

static bool format_special(char *dst, size_t n, double v)
{
    if (isnan(v))
        snprintf(dst, n, "NaN");
    else if (isinf(v))
        snprintf(dst, n, "%s", v < 0 ? "-Infinity" : "Infinity");
    else if (v == 0)
        snprintf(dst, n, "0");
    else
        return false;
    return true;
}

/*
 * A whole number below limit (at most 10^digits) in plain digits: what "%.<digits>g"
 * prints for it, without printf's arbitrary-precision path. Link weights are whole
 * numbers, and every exporter writes them.
 */
static bool format_whole(char *dst, size_t n, double v, double limit)
{
    if (!(fabs(v) < limit) || v != trunc(v))
        return false;
    char digits[24];
    size_t k = sizeof(digits);
    uint64_t u = (uint64_t)fabs(v);
    do {
        digits[--k] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        digits[--k] = '-';
    snprintf(dst, n, "%.*s", (int)(sizeof(digits) - k), digits + k);
    return true;
}

/*
 * Numbers printed as printf's "%.<P>g" would print them, without its arbitrary-precision
 * path, for 1e-5 <= |v| < 1e15: |v| times an exact power of ten in long double (at least
 * 64 bits of mantissa; the product is off by at most 2^-64 of itself) gives the digits,
 * rounded to nearest. Whenever that error could change the answer (a digit string
 * within 0.01 of a tie, a decimal within 1e-17 of the edge of v's rounding interval) the
 * fast path declines and printf decides. Links files write one such number per link
 * (8 million on a 5,000-term map); GraphML, GEXF and GML one exact number per link.
 */
#if LDBL_MANT_DIG >= 64
#define FAST_DIGITS 1
/* 10^0 .. 10^27, all exact in a 64-bit mantissa (5^27 < 2^64). */
static const long double pow10l_exact[] = {1e0L,  1e1L,  1e2L,  1e3L,  1e4L,  1e5L,  1e6L,
                                           1e7L,  1e8L,  1e9L,  1e10L, 1e11L, 1e12L, 1e13L,
                                           1e14L, 1e15L, 1e16L, 1e17L, 1e18L, 1e19L, 1e20L,
                                           1e21L, 1e22L, 1e23L, 1e24L, 1e25L, 1e26L, 1e27L};

/* a * 10^k, or a / 10^-k (|k| <= 27). */
static long double times_pow10(long double a, int k)
{
    return k >= 0 ? a * pow10l_exact[k] : a / pow10l_exact[-k];
}

/*
 * |v| as t in [10^(p-1), 10^p) with its decimal exponent x (|v| = t * 10^(x-p+1)), for
 * 1e-5 <= |v| < 1e15 and p <= 17; false when the bounds are not met.
 */
static bool scaled(double a, int p, long double *t, int *x)
{
    /* The bounds above need the long double arithmetic the type promises: not so under
     * emulators that compute it in double precision (valgrind), where printf decides. */
    volatile long double one = 1.0L, epsilon = LDBL_EPSILON;
    if (!(a >= 1e-5 && a < 1e15) || one + epsilon == one)
        return false;
    *x = (int)floor(log10(a)); /* corrected below if off by one */
    for (int tries = 0; tries < 3; tries++) {
        *t = times_pow10(a, p - 1 - *x);
        if (*t < pow10l_exact[p - 1])
            (*x)--;
        else if (*t >= pow10l_exact[p])
            (*x)++;
        else
            return true;
    }
    return false;
}

/* t rounded to an integer in *d, false near a tie; a carry to 10^p moves *x up. */
static bool round_digits(long double t, int p, uint64_t *d, int *x)
{
    long double whole = floorl(t), frac = t - whole;
    if (fabsl(frac - 0.5L) < 0.01L)
        return false;
    *d = (uint64_t)whole + (frac > 0.5L);
    if ((long double)*d == pow10l_exact[p])
        *d /= 10, (*x)++;
    return true;
}
#else
#define FAST_DIGITS 0
#endif

/*
 * Writes the p significant digits d (10^(p-1) <= d < 10^p) with decimal exponent x as
 * "%.<p>g" does: trailing zeros dropped, exponent form when x < -4 or x >= p.
 */
static bool write_g(char *dst, size_t n, bool negative, uint64_t d, int p, int x)
{
    char digits[20], out[JK_DOUBLE_BUF + 8];
    for (int i = p - 1; i >= 0; i--, d /= 10)
        digits[i] = (char)('0' + d % 10);
    int last = p - 1; /* the last digit kept: trailing zeros go */
    while (last > 0 && digits[last] == '0')
        last--;
    size_t o = 0;
    if (negative)
        out[o++] = '-';
    if (x < -4 || x >= p) { /* d.ddde+XX */
        out[o++] = digits[0];
        if (last > 0)
            out[o++] = '.';
        for (int i = 1; i <= last; i++)
            out[o++] = digits[i];
        out[o++] = 'e';
        out[o++] = x < 0 ? '-' : '+';
        out[o++] = (char)('0' + abs(x) / 10); /* |x| < 100 */
        out[o++] = (char)('0' + abs(x) % 10);
    } else if (x >= 0) { /* x + 1 digits before the point */
        for (int i = 0; i <= x; i++)
            out[o++] = digits[i];
        if (last > x)
            out[o++] = '.';
        for (int i = x + 1; i <= last; i++)
            out[o++] = digits[i];
    } else { /* 0.000ddd */
        out[o++] = '0';
        out[o++] = '.';
        for (int i = 0; i < -x - 1; i++)
            out[o++] = '0';
        for (int i = 0; i <= last; i++)
            out[o++] = digits[i];
    }
    out[o] = '\0';
    if (o + 1 > n)
        return false;
    memcpy(dst, out, o + 1);
    return true;
}

/* "%.6g" of v (see above), or false for printf to decide. */
static bool format_g6(char *dst, size_t n, double v)
{
#if FAST_DIGITS
    long double t;
    int x;
    uint64_t d;
    return scaled(fabs(v), 6, &t, &x) && round_digits(t, 6, &d, &x) &&
           write_g(dst, n, v < 0, d, 6, x);
#else
    (void)dst, (void)n, (void)v;
    return false;
#endif
}

/*
 * The fewest of 15, 16, 17 digits that read back as v (see above), or false for printf
 * and strtod to decide. A decimal reads back as v when it lies strictly between the
 * midpoints from v to its neighbours (exact in long double: one bit more than a double).
 */
static bool format_exact_fast(char *dst, size_t n, double v)
{
#if FAST_DIGITS
    double a = fabs(v);
    long double t;
    int x;
    if (!scaled(a, 17, &t, &x))
        return false;
    long double below = ((long double)nextafter(a, 0) + a) / 2;
    long double above = ((long double)nextafter(a, INFINITY) + a) / 2;
    for (int p = 15; p <= 17; p++) {
        uint64_t d;
        int xp = x;
        if (!round_digits(t / pow10l_exact[17 - p], p, &d, &xp))
            return false;
        long double back = times_pow10((long double)d, xp - p + 1);
        if (fabsl(back - below) <= below * 1e-17L || fabsl(back - above) <= above * 1e-17L)
            return false; /* too close to an edge to tell */
        if (p == 17 || (back > below && back < above))
            return write_g(dst, n, v < 0, d, p, xp);
    }
#else
    (void)dst, (void)n, (void)v;
#endif
    return false;
}

void jk_format_double(char *dst, size_t n, double v)
{
    if (format_special(dst, n, v) || format_whole(dst, n, v, 1e6) || format_g6(dst, n, v))
        return;
    snprintf(dst, n, "%.6g", v);
    fix_decimal_point(dst);
}

void jk_format_double_exact(char *dst, size_t n, double v)
{
    if (format_special(dst, n, v) || format_whole(dst, n, v, 1e15) || format_exact_fast(dst, n, v))
        return;
    /*
     * The fewest of 15, 16, 17 digits that read back as v. Most values of a
     * map need 16 or 17, so 16 is tried first: then 15 only when 16 reads
     * back (the 16-digit rounding is at least as close to v as the 15-digit
     * one), 17 only when it does not. A power of two is the exception: its
     * interval is narrower below it, so there 15 is tried either way.
     * strtod reads the locale's separator, so compare before fixing it.
     */
    char shorter[JK_DOUBLE_BUF];
    int exp2;
    snprintf(dst, n, "%.16g", v);
    if (strtod(dst, NULL) != v) {
        bool power_of_two = fabs(frexp(v, &exp2)) == 0.5;
        if (power_of_two)
            snprintf(shorter, sizeof(shorter), "%.15g", v);
        if (power_of_two && strtod(shorter, NULL) == v)
            snprintf(dst, n, "%s", shorter);
        else
            snprintf(dst, n, "%.17g", v);
    } else {
        snprintf(shorter, sizeof(shorter), "%.15g", v);
        if (strtod(shorter, NULL) == v)
            snprintf(dst, n, "%s", shorter);
    }
    fix_decimal_point(dst);
}

static bool needs_quotes(const char *s)
{
    size_t len = strlen(s);
    if (len == 0)
        return false;
    if (s[0] == ' ' || s[0] == '\t' || s[len - 1] == ' ' || s[len - 1] == '\t')
        return true;
    return strpbrk(s, ",\"\r\n") != NULL;
}

/* Length of the valid UTF-8 prefix of s (all of it when valid). */
static size_t utf8_prefix(const char *s, size_t len)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0;
    while (i < len) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);
        if (n < 0)
            break;
        i += (size_t)n;
    }
    return i;
}

const char *jk_export_utf8(struct jk_buf *b, const char *s)
{
    size_t len = strlen(s);
    jk_buf_clear(b);
    while (len > 0) {
        size_t ok = utf8_prefix(s, len);
        jk_buf_add(b, s, ok);
        if (ok < len) {
            jk_buf_adds(b, "\xEF\xBF\xBD");
            ok++;
        }
        s += ok;
        len -= ok;
    }
    return b->len ? b->data : "";
}

void jk_csv_field(struct jk_buf *b, const char *s)
{
    size_t len = strlen(s);
    if (utf8_prefix(s, len) < len) {
        struct jk_buf valid;
        jk_buf_init(&valid);
        jk_csv_field(b, jk_export_utf8(&valid, s));
        jk_buf_release(&valid);
        return;
    }
    if (!needs_quotes(s)) {
        jk_buf_adds(b, s);
        return;
    }
    jk_buf_addc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            jk_buf_addc(b, '"');
        jk_buf_addc(b, *s);
    }
    jk_buf_addc(b, '"');
}

enum jk_status jk_export_check_map(const struct jk_map *map, struct jk_diag *diag)
{
    if ((map->n_terms > 0 && !map->terms) || (map->n_links > 0 && !map->links))
        return jk_error(diag, JK_E_INTERNAL, "the map has %zu terms and %zu links but no arrays",
                        map->n_terms, map->n_links);
    for (size_t i = 0; i < map->n_terms; i++)
        if (!map->terms[i].label)
            return jk_error(diag, JK_E_INTERNAL, "term %zu of the map has no label", i + 1);
    size_t k = jk_map_bad_link(map);
    if (k == map->n_links)
        return JK_OK;
    const struct jk_link *l = &map->links[k];
    return jk_error(diag, JK_E_INTERNAL,
                    "link %zu joins term indices %" PRIu32 " and %" PRIu32
                    " but the map has only %zu terms",
                    k + 1, l->source, l->target, map->n_terms);
}

enum jk_status jk_export_finish(FILE *out, const char *what, struct jk_diag *diag)
{
    errno = 0;
    if (fflush(out) == 0 && !ferror(out))
        return JK_OK;
    const char *why = errno ? strerror(errno) : "write error";
    return jk_error(diag, JK_E_OUTPUT,
                    "cannot write the %s: %s; check that the output folder is writable "
                    "and the disk is not full",
                    what, why);
}

/* Writes out what b holds and empties it; errors surface in jk_export_finish. */
static void put_line(struct jk_buf *b, FILE *out)
{
    fwrite(b->data, 1, b->len, out);
    jk_buf_clear(b);
}

static void add_double(struct jk_buf *b, double v)
{
    char num[JK_DOUBLE_BUF];
    jk_format_double(num, sizeof(num), v);
    jk_buf_addc(b, ',');
    jk_buf_adds(b, num);
}

/* An unknown average (NaN) is an empty field. */
static void add_average(struct jk_buf *b, double v)
{
    if (isnan(v))
        jk_buf_addc(b, ',');
    else
        add_double(b, v);
}

static void term_row(struct jk_buf *b, const struct jk_map *map, size_t i)
{
    const struct jk_term *t = &map->terms[i];
    jk_buf_addf(b, "%zu,", i + 1);
    jk_csv_field(b, t->label);
    jk_buf_addf(b, ",%" PRIu32 ",%" PRIu32 ",%" PRIu32 ",%" PRIu64 ",%" PRIu32, t->occurrences,
                t->documents, t->links, t->total_link_strength, t->cluster);
    if (map->has_layout) {
        add_double(b, t->x);
        add_double(b, t->y);
    }
    if (map->has_years)
        add_average(b, t->avg_year);
    if (map->has_citations)
        add_average(b, t->avg_citations);
    jk_buf_addc(b, ',');
    jk_csv_field(b, t->aliases ? t->aliases : "");
    jk_buf_addc(b, '\n');
}

enum jk_status jk_export_terms_csv(const struct jk_map *map, FILE *out, struct jk_diag *diag)
{
    enum jk_status st = jk_export_check_map(map, diag);
    if (st != JK_OK)
        return st;
    struct jk_buf b;
    jk_buf_init(&b);
    jk_buf_adds(&b, "id,label,occurrences,documents,links,total_link_strength,cluster");
    jk_buf_adds(&b, map->has_layout ? ",x,y" : "");
    jk_buf_adds(&b, map->has_years ? ",avg_year" : "");
    jk_buf_adds(&b, map->has_citations ? ",avg_citations,aliases\n" : ",aliases\n");
    put_line(&b, out);
    for (size_t i = 0; i < map->n_terms; i++) {
        term_row(&b, map, i);
        put_line(&b, out);
    }
    jk_buf_release(&b);
    return jk_export_finish(out, "terms CSV file", diag);
}

/* Each term's label as a CSV field, made once: a map's links repeat them millions of times. */
struct csv_labels {
    struct jk_buf text;
    size_t *end; /* label i is text[end[i] .. end[i + 1]) */
};

static void csv_labels_init(struct csv_labels *c, const struct jk_map *map)
{
    jk_buf_init(&c->text);
    c->end = jk_malloc((map->n_terms + 1) * sizeof(*c->end));
    c->end[0] = 0;
    for (size_t i = 0; i < map->n_terms; i++) {
        jk_csv_field(&c->text, map->terms[i].label);
        c->end[i + 1] = c->text.len;
    }
}

static void csv_labels_release(struct csv_labels *c)
{
    jk_buf_release(&c->text);
    free(c->end);
}

static void add_label(struct jk_buf *b, const struct csv_labels *c, uint32_t i)
{
    jk_buf_add(b, c->text.data + c->end[i], c->end[i + 1] - c->end[i]);
}

static void link_row(struct jk_buf *b, const struct csv_labels *labels, const struct jk_link *l)
{
    jk_buf_add_u64(b, l->source + 1);
    jk_buf_addc(b, ',');
    jk_buf_add_u64(b, l->target + 1);
    jk_buf_addc(b, ',');
    add_label(b, labels, l->source);
    jk_buf_addc(b, ',');
    add_label(b, labels, l->target);
    jk_buf_addc(b, ',');
    jk_buf_add_u64(b, l->weight);
    add_double(b, l->association);
    jk_buf_addc(b, '\n');
}

/* Rows go out in blocks of about this many bytes. */
enum { CSV_BLOCK = 1 << 16 };

enum jk_status jk_export_links_csv(const struct jk_map *map, FILE *out, struct jk_diag *diag)
{
    enum jk_status st = jk_export_check_map(map, diag);
    if (st != JK_OK)
        return st;
    struct csv_labels labels;
    csv_labels_init(&labels, map);
    struct jk_buf b;
    jk_buf_init(&b);
    jk_buf_adds(&b, "source_id,target_id,source,target,weight,association\n");
    for (size_t k = 0; k < map->n_links; k++) {
        link_row(&b, &labels, &map->links[k]);
        if (b.len >= CSV_BLOCK)
            put_line(&b, out);
    }
    put_line(&b, out);
    jk_buf_release(&b);
    csv_labels_release(&labels);
    return jk_export_finish(out, "links CSV file", diag);
}

/* Order for clusters.csv: cluster, then occurrences desc, label, index. */
static int cmp_cluster_rank(const void *pa, const void *pb)
{
    const struct jk_term *a = *(const struct jk_term *const *)pa;
    const struct jk_term *b = *(const struct jk_term *const *)pb;
    if (a->cluster != b->cluster)
        return a->cluster < b->cluster ? -1 : 1;
    if (a->occurrences != b->occurrences)
        return a->occurrences > b->occurrences ? -1 : 1;
    int c = strcmp(a->label, b->label);
    if (c != 0)
        return c;
    return (a > b) - (a < b);
}

/* Appends the row of the cluster whose ranked terms are run[0..n-1]. */
static void cluster_row(struct jk_buf *b, struct jk_buf *top, uint32_t cluster,
                        const struct jk_term *const *run, size_t n)
{
    jk_buf_clear(top);
    for (size_t i = 0; i < n && i < JK_CLUSTER_TOP_TERMS; i++) {
        if (i > 0)
            jk_buf_adds(top, "; ");
        jk_buf_adds(top, run[i]->label);
    }
    jk_buf_addf(b, "%" PRIu32 ",%zu,", cluster, n);
    jk_csv_field(b, top->data);
    jk_buf_addc(b, '\n');
}

static void write_cluster_rows(const struct jk_map *map, const struct jk_term **ranked,
                               struct jk_buf *b, FILE *out)
{
    struct jk_buf top;
    jk_buf_init(&top);
    size_t i = 0;
    for (size_t c = 1; c <= map->n_clusters; c++) {
        while (i < map->n_terms && ranked[i]->cluster < c)
            i++;
        size_t end = i;
        while (end < map->n_terms && ranked[end]->cluster == c)
            end++;
        cluster_row(b, &top, (uint32_t)c, ranked + i, end - i);
        put_line(b, out);
        i = end;
    }
    jk_buf_release(&top);
}

enum jk_status jk_export_clusters_csv(const struct jk_map *map, FILE *out, struct jk_diag *diag)
{
    enum jk_status st = jk_export_check_map(map, diag);
    if (st != JK_OK)
        return st;
    const struct jk_term **ranked = jk_malloc(map->n_terms * sizeof(*ranked));
    for (size_t i = 0; i < map->n_terms; i++)
        ranked[i] = &map->terms[i];
    if (map->n_terms > 0)
        qsort(ranked, map->n_terms, sizeof(*ranked), cmp_cluster_rank);
    struct jk_buf b;
    jk_buf_init(&b);
    jk_buf_adds(&b, "cluster,size,top_terms\n");
    put_line(&b, out);
    write_cluster_rows(map, ranked, &b, out);
    jk_buf_release(&b);
    free(ranked);
    return jk_export_finish(out, "clusters CSV file", diag);
}
