/*
 * Tests for draw (the scene): labels never overlap and the largest term is
 * labelled; the strongest links are drawn; circles grow with occurrences;
 * cluster, year and density colours; density peak; everything inside the
 * picture; argument errors; a 2,000-term map stays bounded and quick.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "draw.h"
#include "palette.h"
#include "map.h"
#include "util/mem.h"

/* fontconfig (behind cairo's fonts) keeps its configuration until exit by design. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libfontconfig\n";
}

/* ---- fixture: a synthetic laid-out map ---- */

static uint64_t rng_state;

static double uniform(void)
{
    rng_state = rng_state * 6364136223846793005u + 1442695040888963407u;
    return (double)(rng_state >> 11) / 9007199254740992.0;
}

/* Centres the layout and scales it to an average distance of 1, as the layout stage does. */
static void standardise(struct jk_map *m)
{
    double cx = 0, cy = 0, sum = 0;
    size_t pairs = 0;
    for (size_t i = 0; i < m->n_terms; i++) {
        cx += m->terms[i].x / (double)m->n_terms;
        cy += m->terms[i].y / (double)m->n_terms;
    }
    for (size_t i = 0; i < m->n_terms; i++)
        for (size_t j = i + 1; j < m->n_terms; j++, pairs++)
            sum += hypot(m->terms[i].x - m->terms[j].x, m->terms[i].y - m->terms[j].y);
    double d = pairs && sum > 0 ? sum / (double)pairs : 1;
    for (size_t i = 0; i < m->n_terms; i++) {
        m->terms[i].x = (m->terms[i].x - cx) / d;
        m->terms[i].y = (m->terms[i].y - cy) / d;
    }
}

static const char *const words[] = {"kerja sama",      "pemerintah daerah", "kota kembar",
                                    "pembangunan",     "ekonomi",           "pariwisata",
                                    "diplomasi publik"};

/*
 * n terms in k clusters around a circle; term i has 3 + 400 / (i + 1)
 * occurrences (term 0 the largest); every seventh year unknown; links
 * between terms of a cluster with varied weights.
 */
static void make_map(struct jk_map *m, size_t n, size_t k)
{
    jk_map_init(m);
    rng_state = 42;
    m->n_terms = n;
    m->terms = jk_calloc(n, sizeof(*m->terms));
    for (size_t i = 0; i < n; i++) {
        struct jk_term *t = &m->terms[i];
        char label[64];
        double a = 6.283185307179586 * (double)(i % k) / (double)k;
        snprintf(label, sizeof(label), "%s %zu", words[i % 7], i);
        t->label = jk_strdup(label);
        t->occurrences = (uint32_t)(3 + 400 / (i + 1));
        t->cluster = (uint32_t)(i % k) + 1;
        t->x = cos(a) + 0.5 * (uniform() + uniform() - 1);
        t->y = sin(a) + 0.5 * (uniform() + uniform() - 1);
        t->avg_year = i % 7 == 6 ? NAN : 2010 + 10 * uniform();
    }
    size_t cap = 0;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + k; j < n && j <= i + 4 * k; j += k) {
            JK_GROW(m->links, m->n_links + 1, cap);
            m->links[m->n_links++] =
                (struct jk_link){(uint32_t)i, (uint32_t)j, 1 + (i * 7 + j * 3) % 23, 1.0};
        }
    }
    m->n_clusters = k;
    m->has_layout = 1;
    m->has_years = 1;
    standardise(m);
    jk_map_link_stats(m);
}

static void build(struct jk_scene *s, const struct jk_map *m, enum jk_view view, unsigned w,
                  unsigned h)
{
    struct jk_draw_options o;
    jk_draw_options_default(&o);
    o.view = view;
    o.width = w;
    o.height = h;
    struct jk_diag diag;
    jk_diag_init(&diag);
    jk_scene_init(s);
    enum jk_status st = jk_draw_build(s, m, &o, &diag);
    if (st != JK_OK)
        print_error("%s\n", diag.msg);
    assert_int_equal(st, JK_OK);
}

/* The circle of a term (circles are in drawing order, largest first). */
static const struct jk_scene_circle *circle_of(const struct jk_scene *s, size_t term)
{
    for (size_t k = 0; k < s->n_circles; k++)
        if (s->circles[k].term == term)
            return &s->circles[k];
    fail_msg("term %zu has no circle", term);
    return NULL;
}

static bool same_color(struct jk_color a, struct jk_color b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b;
}

/* ---- labels ---- */

static void assert_no_overlap(const struct jk_scene *s)
{
    for (size_t a = 0; a < s->n_labels; a++) {
        const struct jk_scene_text *p = &s->labels[a];
        assert_true(p->x1 > p->x0 && p->y1 > p->y0);
        for (size_t b = a + 1; b < s->n_labels; b++) {
            const struct jk_scene_text *q = &s->labels[b];
            bool overlap = p->x0 < q->x1 && q->x0 < p->x1 && p->y0 < q->y1 && q->y0 < p->y1;
            if (overlap)
                print_error("'%s' overlaps '%s'\n", p->text, q->text);
            assert_false(overlap);
        }
    }
}

static void test_labels_do_not_overlap(void **state)
{
    (void)state;
    const size_t sizes[] = {20, 300};
    for (size_t k = 0; k < 2; k++) {
        struct jk_map m;
        make_map(&m, sizes[k], 4);
        for (int view = JK_VIEW_NETWORK; view <= JK_VIEW_DENSITY; view++) {
            struct jk_scene s;
            build(&s, &m, (enum jk_view)view, 800, 600);
            assert_true(s.n_labels >= 5);
            assert_no_overlap(&s);
            jk_scene_release(&s);
        }
        jk_map_release(&m);
    }
}

/* Every term on one spot: only one label fits, and it is the largest term's. */
static void test_largest_term_labelled(void **state)
{
    (void)state;
    struct jk_map m;
    make_map(&m, 40, 3);
    for (size_t i = 0; i < m.n_terms; i++)
        m.terms[i].x = m.terms[i].y = 0;
    m.terms[0].occurrences = 1;
    m.terms[17].occurrences = 1000;
    struct jk_scene s;
    build(&s, &m, JK_VIEW_NETWORK, 800, 600);
    assert_int_equal(s.n_labels, 1);
    assert_int_equal(s.labels[0].term, 17);
    assert_string_equal(s.labels[0].text, m.terms[17].label);
    jk_scene_release(&s);
    jk_map_release(&m);
}

/* A label wider than the picture is made smaller, not cut or dropped. */
static void test_long_label_fits(void **state)
{
    (void)state;
    struct jk_map m;
    make_map(&m, 3, 1);
    free(m.terms[0].label);
    m.terms[0].label = jk_strdup("pengembangan kapasitas kelembagaan pemerintah daerah dalam "
                                 "rangka kerja sama luar negeri antar kota kembar");
    struct jk_scene s;
    build(&s, &m, JK_VIEW_NETWORK, 200, 200);
    assert_int_equal(s.labels[0].term, 0);
    assert_true(s.labels[0].x0 >= 0 && s.labels[0].x1 <= 200);
    jk_scene_release(&s);
    jk_map_release(&m);
}

static void test_label_limit(void **state)
{
    (void)state;
    struct jk_map m;
    make_map(&m, 300, 5);
    struct jk_draw_options o;
    jk_draw_options_default(&o);
    o.max_labels = 4;
    struct jk_scene s;
    jk_scene_init(&s);
    assert_int_equal(jk_draw_build(&s, &m, &o, NULL), JK_OK);
    assert_int_equal(s.n_labels, 4);
    for (size_t k = 1; k < s.n_labels; k++)
        assert_true(m.terms[s.labels[k - 1].term].occurrences >=
                    m.terms[s.labels[k].term].occurrences);
    jk_scene_release(&s);
    jk_map_release(&m);
}

/* Invalid UTF-8 and control characters never reach a backend. */
static void test_label_text_cleaned(void **state)
{
    (void)state;
    struct jk_map m;
    make_map(&m, 3, 1);
    free(m.terms[0].label);
    m.terms[0].label = jk_strdup("a\x01"
                                 "b\xC3(\xED\xA0\x80z\n");
    struct jk_scene s;
    build(&s, &m, JK_VIEW_NETWORK, 400, 300);
    assert_int_equal(s.labels[0].term, 0);
    assert_string_equal(s.labels[0].text, "a\xEF\xBF\xBD"
                                          "b\xEF\xBF\xBD(\xEF\xBF\xBD\xEF\xBF\xBD"
                                          "\xEF\xBF\xBDz\xEF\xBF\xBD");
    assert_string_equal(circle_of(&s, 0)->title, s.labels[0].text);
    jk_scene_release(&s);
    jk_map_release(&m);
}

/* ---- links and circles ---- */

static void check_links(const struct jk_map *m, size_t max_links)
{
    struct jk_draw_options o;
    jk_draw_options_default(&o);
    o.max_links = max_links;
    struct jk_scene s;
    jk_scene_init(&s);
    assert_int_equal(jk_draw_build(&s, m, &o, NULL), JK_OK);
    size_t want = m->n_links < max_links ? m->n_links : max_links;
    assert_int_equal(s.n_lines, want);
    uint64_t weakest_drawn = UINT64_MAX;
    for (size_t k = 0; k < s.n_lines; k++) {
        if (k > 0)
            assert_true(s.lines[k - 1].weight <= s.lines[k].weight); /* strongest on top */
        weakest_drawn = s.lines[k].weight < weakest_drawn ? s.lines[k].weight : weakest_drawn;
    }
    size_t stronger = 0; /* links of the map strictly stronger than the weakest drawn */
    for (size_t k = 0; k < m->n_links && want > 0; k++)
        stronger += m->links[k].weight > weakest_drawn;
    assert_true(stronger <= want);
    jk_scene_release(&s);
}

static void test_strongest_links(void **state)
{
    (void)state;
    struct jk_map m;
    make_map(&m, 60, 3);
    check_links(&m, 0);
    check_links(&m, 7);
    check_links(&m, 1000);
    jk_map_release(&m);
}

static void test_link_width_and_colour(void **state)
{
    (void)state;
    struct jk_map m;
    make_map(&m, 60, 3);
    struct jk_scene s;
    build(&s, &m, JK_VIEW_NETWORK, 800, 600);
    const struct jk_scene_line *weak = &s.lines[0], *strong = &s.lines[s.n_lines - 1];
    assert_true(strong->weight > weak->weight);
    assert_true(strong->width > weak->width);
    /* a link inside a cluster takes the cluster's colour, translucent */
    assert_true(same_color(weak->color, jk_draw_cluster_color(m.terms[weak->source].cluster)));
    assert_true(weak->color.a < 255);
    jk_scene_release(&s);
    jk_map_release(&m);
}

static void test_radius_grows_with_occurrences(void **state)
{
    (void)state;
    const size_t sizes[] = {20, 2000};
    for (size_t k = 0; k < 2; k++) {
        struct jk_map m;
        make_map(&m, sizes[k], 5);
        struct jk_scene s;
        build(&s, &m, JK_VIEW_NETWORK, 1200, 900);
        assert_int_equal(s.n_circles, m.n_terms);
        for (size_t k = 1; k < s.n_circles; k++) { /* drawing order: largest first */
            const struct jk_scene_circle *prev = &s.circles[k - 1], *c = &s.circles[k];
            assert_true(m.terms[c->term].occurrences <= m.terms[prev->term].occurrences);
            assert_true(c->r <= prev->r);
        }
        /* occurrences fall with the term index in this map */
        const struct jk_scene_circle *big = circle_of(&s, 0), *small = circle_of(&s, m.n_terms - 1);
        assert_true(big->r > small->r);
        assert_true(small->r >= 1.5);
        assert_true(big->r <= 900.0 / 8);
        if (sizes[k] == 20)
            assert_true(big->r >= 20); /* a few terms get circles one can see */
        jk_scene_release(&s);
        jk_map_release(&m);
    }
}

/* ---- colours ---- */

static void test_cluster_colours(void **state)
{
    (void)state;
    struct jk_map m;
    make_map(&m, 60, 15);
    struct jk_scene s;
    build(&s, &m, JK_VIEW_NETWORK, 800, 600);
    for (size_t i = 0; i < m.n_terms; i++) {
        for (size_t j = 0; j < m.n_terms; j++) {
            uint32_t ci = m.terms[i].cluster, cj = m.terms[j].cluster;
            bool same = same_color(circle_of(&s, i)->color, circle_of(&s, j)->color);
            if (ci == cj || (ci > JK_PALETTE_SIZE && cj > JK_PALETTE_SIZE))
                assert_true(same);
            else
                assert_false(same);
        }
        if (m.terms[i].cluster > JK_PALETTE_SIZE)
            assert_true(same_color(circle_of(&s, i)->color, jk_draw_grey()));
    }
    assert_true(same_color(jk_draw_cluster_color(0), jk_draw_grey()));
    jk_scene_release(&s);
    jk_map_release(&m);
}

static double luminance(struct jk_color c)
{
    return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
}

static const struct jk_map *year_map;

static int by_year(const void *pa, const void *pb)
{
    double a = year_map->terms[*(const size_t *)pa].avg_year;
    double b = year_map->terms[*(const size_t *)pb].avg_year;
    return a < b ? -1 : a > b;
}

static void test_overlay_follows_years(void **state)
{
    (void)state;
    struct jk_map m;
    make_map(&m, 50, 3);
    struct jk_scene s;
    build(&s, &m, JK_VIEW_OVERLAY, 800, 600);
    size_t order[50], n = 0;
    for (size_t i = 0; i < m.n_terms; i++) {
        if (isnan(m.terms[i].avg_year))
            assert_true(same_color(circle_of(&s, i)->color, jk_draw_grey()));
        else
            order[n++] = i;
    }
    year_map = &m;
    qsort(order, n, sizeof(order[0]), by_year);
    for (size_t k = 1; k < n; k++) /* lighter with the year, but for 8-bit rounding */
        assert_true(luminance(circle_of(&s, order[k])->color) >=
                    luminance(circle_of(&s, order[k - 1])->color) - 0.5);
    assert_true(luminance(circle_of(&s, order[n / 2])->color) >
                luminance(circle_of(&s, order[0])->color) + 20);
    assert_true(same_color(circle_of(&s, order[0])->color, jk_viridis(0)));
    assert_true(same_color(circle_of(&s, order[n - 1])->color, jk_viridis(1)));
    assert_true(s.year_min == m.terms[order[0]].avg_year);
    assert_true(s.year_max == m.terms[order[n - 1]].avg_year);
    assert_true(s.n_legend_rects > 10); /* the colour bar */
    jk_scene_release(&s);
    jk_map_release(&m);
}

static void test_colour_scales(void **state)
{
    (void)state;
    struct jk_color v0 = jk_viridis(0), v1 = jk_viridis(1), d0 = jk_density_color(0),
                    d1 = jk_density_color(1);
    assert_true(v0.r == 0x44 && v0.g == 0x01 && v0.b == 0x54); /* matplotlib's first and last */
    assert_true(v1.r == 0xfd && v1.g == 0xe7 && v1.b == 0x25);
    assert_true(same_color(jk_viridis(-3), v0) && same_color(jk_viridis(NAN), v0));
    assert_true(d0.b > d0.r && d0.b > d0.g); /* low density blue */
    assert_true(d1.r > d1.b);                /* high density red */
    struct jk_color mid = jk_density_color(0.25);
    assert_true(mid.g > mid.r && mid.g > mid.b); /* green in between (sqrt(0.25) = 0.5) */
}

/* ---- density ---- */

/* A heavy group of terms in one corner and light terms spread elsewhere. */
static void test_density_peak(void **state)
{
    (void)state;
    struct jk_map m;
    make_map(&m, 80, 1);
    m.n_clusters = 1; /* no legend strip: density and network views share coordinates */
    for (size_t i = 0; i < m.n_terms; i++) {
        bool heavy = i % 8 == 0;
        m.terms[i].occurrences = heavy ? 50 : 2;
        m.terms[i].x = heavy ? 2 + 0.05 * uniform() : 4 * uniform() - 2;
        m.terms[i].y = heavy ? -1 + 0.05 * uniform() : 4 * uniform() - 2;
    }
    standardise(&m);
    struct jk_scene net, dens;
    build(&net, &m, JK_VIEW_NETWORK, 800, 600);
    build(&dens, &m, JK_VIEW_DENSITY, 800, 600);
    assert_int_equal(dens.n_circles, 0);
    assert_int_equal(dens.n_lines, 0);
    assert_non_null(dens.density);
    size_t best = 0;
    for (size_t k = 0; k < dens.density_cols * dens.density_rows; k++) {
        assert_true(dens.density[k] >= 0 && dens.density[k] <= 1);
        if (dens.density[k] > dens.density[best])
            best = k;
    }
    assert_true(dens.density[best] == 1);
    double px = ((double)(best % dens.density_cols) + 0.5) * dens.density_cell;
    double py = ((double)(best / dens.density_cols) + 0.5) * dens.density_cell;
    const struct jk_scene_circle *c = circle_of(&net, 0); /* a heavy term */
    assert_true(hypot(px - c->x, py - c->y) < 30);
    assert_true(dens.density_cols * dens.density_cell >= 800);
    assert_true(dens.density_rows * dens.density_cell >= 600);
    jk_scene_release(&net);
    jk_scene_release(&dens);
    jk_map_release(&m);
}

/* ---- picture bounds, errors, size ---- */

static void assert_inside(const struct jk_scene *s)
{
    double w = s->width, h = s->height;
    for (size_t k = 0; k < s->n_circles; k++) {
        const struct jk_scene_circle *c = &s->circles[k];
        assert_true(c->x - c->r >= 0 && c->x + c->r <= w && c->y - c->r >= 0 && c->y + c->r <= h);
    }
    for (size_t k = 0; k < s->n_labels; k++)
        assert_true(s->labels[k].x0 >= 0 && s->labels[k].x1 <= w && s->labels[k].y0 >= 0 &&
                    s->labels[k].y1 <= h);
    for (size_t k = 0; k < s->n_legend_texts; k++)
        assert_true(s->legend_texts[k].x0 >= 0 && s->legend_texts[k].x1 <= w &&
                    s->legend_texts[k].y1 <= h);
    for (size_t k = 0; k < s->n_legend_rects; k++)
        assert_true(s->legend_rects[k].x >= 0 && s->legend_rects[k].x + s->legend_rects[k].w <= w);
}

static void test_inside_picture(void **state)
{
    (void)state;
    const unsigned sizes[][2] = {{200, 200}, {1200, 900}, {3000, 400}, {300, 2000}};
    struct jk_map m;
    make_map(&m, 120, 14);
    for (size_t k = 0; k < 4; k++) {
        for (int view = JK_VIEW_NETWORK; view <= JK_VIEW_DENSITY; view++) {
            struct jk_scene s;
            build(&s, &m, (enum jk_view)view, sizes[k][0], sizes[k][1]);
            assert_inside(&s);
            assert_true(s.n_labels >= 1);
            jk_scene_release(&s);
        }
    }
    jk_map_release(&m);
}

static enum jk_status try_build(const struct jk_map *m, unsigned w, unsigned h, char *msg)
{
    struct jk_draw_options o;
    jk_draw_options_default(&o);
    o.width = w;
    o.height = h;
    struct jk_scene s;
    struct jk_diag diag;
    jk_diag_init(&diag);
    jk_scene_init(&s);
    enum jk_status st = jk_draw_build(&s, m, &o, &diag);
    if (st != JK_OK)
        assert_int_equal(s.n_circles + s.n_labels, 0);
    strcpy(msg, diag.msg);
    jk_scene_release(&s);
    return st;
}

static void test_errors(void **state)
{
    (void)state;
    char msg[JK_DIAG_MAX];
    struct jk_map m;
    make_map(&m, 10, 2);
    assert_int_equal(try_build(&m, 199, 600, msg), JK_E_USAGE);
    assert_non_null(strstr(msg, "between 200 and 20000"));
    assert_int_equal(try_build(&m, 800, 20001, msg), JK_E_USAGE);
    assert_int_equal(try_build(&m, 200, 20000, msg), JK_OK);
    m.terms[3].y = NAN;
    assert_int_equal(try_build(&m, 800, 600, msg), JK_E_INTERNAL);
    m.terms[3].y = 0;
    m.has_layout = 0;
    assert_int_equal(try_build(&m, 800, 600, msg), JK_E_INTERNAL);
    assert_non_null(strstr(msg, "layout"));
    jk_map_release(&m);
    jk_map_init(&m);
    m.has_layout = 1;
    assert_int_equal(try_build(&m, 800, 600, msg), JK_E_EMPTY);
}

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* 2,000 terms: labels bounded by the picture, links by max_links, quick to build. */
static void test_large_map(void **state)
{
    (void)state;
    struct jk_map m;
    make_map(&m, 2000, 9);
    for (int view = JK_VIEW_NETWORK; view <= JK_VIEW_DENSITY; view++) {
        struct jk_scene s;
        double start = seconds();
        build(&s, &m, (enum jk_view)view, 1200, 900);
        double took = seconds() - start;
        assert_true(took < 10); /* well under a second without sanitizers */
        assert_true(s.n_labels >= 30 && s.n_labels <= 300);
        assert_true(s.n_lines <= 1000);
        assert_no_overlap(&s);
        assert_inside(&s);
        jk_scene_release(&s);
    }
    jk_map_release(&m);
}

/* The density grid of the largest picture stays small enough to smooth quickly. */
static void test_huge_density(void **state)
{
    (void)state;
    struct jk_map m;
    make_map(&m, 2000, 9);
    struct jk_scene s;
    double start = seconds();
    build(&s, &m, JK_VIEW_DENSITY, 20000, 15000);
    assert_true(seconds() - start < 10);
    assert_true(s.density_cols <= 600 && s.density_rows <= 600);
    assert_true(s.density_cols * s.density_cell >= 20000);
    assert_inside(&s);
    jk_scene_release(&s);
    jk_map_release(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_labels_do_not_overlap),
        cmocka_unit_test(test_largest_term_labelled),
        cmocka_unit_test(test_long_label_fits),
        cmocka_unit_test(test_label_limit),
        cmocka_unit_test(test_label_text_cleaned),
        cmocka_unit_test(test_strongest_links),
        cmocka_unit_test(test_link_width_and_colour),
        cmocka_unit_test(test_radius_grows_with_occurrences),
        cmocka_unit_test(test_cluster_colours),
        cmocka_unit_test(test_overlay_follows_years),
        cmocka_unit_test(test_colour_scales),
        cmocka_unit_test(test_density_peak),
        cmocka_unit_test(test_inside_picture),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_large_map),
        cmocka_unit_test(test_huge_density),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
