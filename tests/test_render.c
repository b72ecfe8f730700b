/*
 * Tests for render_svg and render_cairo: the SVG parses (libxml2, and
 * xmllint when installed), holds a hostile label as text and one <circle>
 * per term; the density image is a real PNG; the PNG has the signature, the
 * stated size and visible content; output is byte-identical run to run;
 * write failures are reported.
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
#include <unistd.h>

#include <cairo.h>
#include <libxml/parser.h>

#include "draw.h"
#include "export_fixture.h"
#include "render_cairo.h"
#include "render_svg.h"
#include "util/buf.h"

#define XMLLINT "/usr/bin/xmllint"
#define HOSTILE "</text><script>alert(1)</script> & \"x\""

/* fontconfig (behind cairo's fonts) keeps its configuration until exit by design. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libfontconfig\n";
}

/* n terms on a spiral in 3 clusters; term 0 (the largest) carries the hostile label. */
static void make_map(struct jk_map *m, size_t n)
{
    jk_map_init(m);
    m->n_terms = n;
    m->terms = jk_calloc(n, sizeof(*m->terms));
    for (size_t i = 0; i < n; i++) {
        struct jk_term *t = &m->terms[i];
        char label[48];
        snprintf(label, sizeof(label), "istilah %zu", i);
        t->label = jk_strdup(i == 0 ? HOSTILE : label);
        t->occurrences = (uint32_t)(2 + 300 / (i + 1));
        t->cluster = (uint32_t)(i % 3) + 1;
        t->x = 0.15 * sqrt((double)i) * cos(2.4 * (double)i);
        t->y = 0.15 * sqrt((double)i) * sin(2.4 * (double)i);
        t->avg_year = i % 5 == 4 ? NAN : 2012 + (double)(i % 9);
    }
    size_t cap = 0;
    for (size_t i = 0; i + 3 < n; i++) {
        JK_GROW(m->links, m->n_links + 1, cap);
        m->links[m->n_links++] = (struct jk_link){(uint32_t)i, (uint32_t)i + 3, 1 + i % 5, 1.0};
    }
    m->n_clusters = 3;
    m->has_layout = 1;
    m->has_years = 1;
    jk_map_link_stats(m);
}

static void build(struct jk_scene *s, const struct jk_map *m, enum jk_view view)
{
    struct jk_draw_options o;
    jk_draw_options_default(&o);
    o.width = 640;
    o.height = 480;
    o.view = view;
    jk_scene_init(s);
    assert_int_equal(jk_draw_build(s, m, &o, NULL), JK_OK);
}

typedef enum jk_status (*render_fn)(const struct jk_scene *, FILE *, struct jk_diag *);

/* Renders s into memory; the caller frees the returned bytes. */
static char *render(render_fn fn, const struct jk_scene *s, size_t *len)
{
    struct fx_out out;
    struct jk_diag diag;
    jk_diag_init(&diag);
    enum jk_status st = fn(s, fx_out_open(&out), &diag);
    if (st != JK_OK)
        print_error("%s\n", diag.msg);
    assert_int_equal(st, JK_OK);
    return fx_out_close(&out, len);
}

/* ---- SVG ---- */

/* Prefix s: the SVG namespace. */
static const char *const svg_ns[] = {"s", "http://www.w3.org/2000/svg", NULL};

static void assert_xpath(xmlDocPtr doc, const char *expr, const char *want)
{
    fx_assert_xpath(doc, svg_ns, expr, want);
}

static void test_svg_structure(void **state)
{
    (void)state;
    struct jk_map m;
    make_map(&m, 30);
    struct jk_scene s;
    build(&s, &m, JK_VIEW_NETWORK);
    size_t len;
    char *text = render(jk_render_svg, &s, &len);
    assert_null(strstr(text, "<script>")); /* escaped, never markup */
    xmlDocPtr doc = fx_parse_xml(text, len, "map.svg");
    assert_xpath(doc, "string(/s:svg/@version)", "1.1");
    assert_xpath(doc, "string(/s:svg/@width)", "640");
    assert_xpath(doc, "string(/s:svg/@viewBox)", "0 0 640 480");
    assert_xpath(doc, "string(count(//s:circle))", "30");
    assert_xpath(doc, "string(count(//s:line))", "27");
    assert_xpath(doc, "string(//s:circle[1]/s:title)", HOSTILE);
    /* the largest term is labelled first: its halo, then the text itself */
    assert_xpath(doc, "string(count(//s:g[@id='labels']/s:text[.='" HOSTILE "']))", "2");
    assert_xpath(doc, "string(//s:g[@id='labels']/s:text[not(@stroke)][1])", HOSTILE);
    assert_xpath(doc, "string(count(//s:g[@id='legend']/s:text[.='3']))", "1");
    xmlFreeDoc(doc);
    free(text);
    jk_scene_release(&s);
    jk_map_release(&m);
}

static void test_svg_xmllint(void **state)
{
    (void)state;
    if (access(XMLLINT, X_OK) != 0)
        skip();
    struct jk_map m;
    make_map(&m, 30);
    for (int view = JK_VIEW_NETWORK; view <= JK_VIEW_DENSITY; view++) {
        struct jk_scene s;
        build(&s, &m, (enum jk_view)view);
        char path[] = "/tmp/jk-render-XXXXXX";
        FILE *f = fx_tmp_open(path);
        assert_int_equal(jk_render_svg(&s, f, NULL), JK_OK);
        assert_int_equal(fclose(f), 0);
        char cmd[256];
        snprintf(cmd, sizeof(cmd), XMLLINT " --noout %s", path);
        assert_int_equal(system(cmd), 0);
        unlink(path);
        jk_scene_release(&s);
    }
    jk_map_release(&m);
}

static int base64_value(char c)
{
    const char *digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const char *p = c ? strchr(digits, c) : NULL;
    return p ? (int)(p - digits) : -1;
}

/* Decodes base64 text (stopping at '=' or a non-digit); caller frees. */
static unsigned char *base64_decode(const char *s, size_t *len)
{
    size_t n = strlen(s), bits = 0, k = 0;
    unsigned char *out = jk_malloc(n * 3 / 4 + 3);
    uint32_t acc = 0;
    for (; *s && base64_value(*s) >= 0; s++) {
        acc = acc << 6 | (uint32_t)base64_value(*s);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[k++] = (unsigned char)(acc >> bits);
        }
    }
    *len = k;
    return out;
}

struct reader {
    const unsigned char *data;
    size_t len, pos;
};

static cairo_status_t read_mem(void *closure, unsigned char *data, unsigned int len)
{
    struct reader *r = closure;
    if (r->len - r->pos < len)
        return CAIRO_STATUS_READ_ERROR;
    memcpy(data, r->data + r->pos, len);
    r->pos += len;
    return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *decode_png(const void *data, size_t len)
{
    struct reader r = {data, len, 0};
    cairo_surface_t *img = cairo_image_surface_create_from_png_stream(read_mem, &r);
    assert_int_equal(cairo_surface_status(img), CAIRO_STATUS_SUCCESS);
    return img;
}

/* The density grid travels as a PNG data URI with one pixel per cell. */
static void test_svg_density_image(void **state)
{
    (void)state;
    struct jk_map m;
    make_map(&m, 30);
    struct jk_scene s;
    build(&s, &m, JK_VIEW_DENSITY);
    size_t len;
    char *text = render(jk_render_svg, &s, &len);
    xmlDocPtr doc = fx_parse_xml(text, len, "map.svg");
    assert_xpath(doc, "string(count(//s:image))", "1");
    assert_xpath(doc, "string(count(//s:circle))", "0");
    char *href = fx_xpath(doc, svg_ns, "string(//s:image/@*[local-name()='href'])");
    const char *prefix = "data:image/png;base64,";
    assert_int_equal(strncmp(href, prefix, strlen(prefix)), 0);
    size_t png_len;
    unsigned char *png = base64_decode(href + strlen(prefix), &png_len);
    cairo_surface_t *img = decode_png(png, png_len);
    assert_int_equal(cairo_image_surface_get_width(img), (int)s.density_cols);
    assert_int_equal(cairo_image_surface_get_height(img), (int)s.density_rows);
    cairo_surface_destroy(img);
    free(png);
    free(href);
    xmlFreeDoc(doc);
    free(text);
    jk_scene_release(&s);
    jk_map_release(&m);
}

/* ---- PNG ---- */

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Share of pixels that differ from the background colour. */
static double painted_share(cairo_surface_t *img, struct jk_color bg)
{
    int w = cairo_image_surface_get_width(img), h = cairo_image_surface_get_height(img);
    int stride = cairo_image_surface_get_stride(img);
    const unsigned char *data = cairo_image_surface_get_data(img);
    uint32_t want = (uint32_t)bg.r << 16 | (uint32_t)bg.g << 8 | bg.b;
    size_t differ = 0;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            differ += ((*(const uint32_t *)(data + (size_t)y * stride + 4 * (size_t)x)) &
                       0xFFFFFF) != want;
    return (double)differ / ((double)w * h);
}

static cairo_status_t write_buf_fn(void *closure, const unsigned char *data, unsigned int len)
{
    jk_buf_add(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t refuse_after_100(void *closure, const unsigned char *data, unsigned int len)
{
    (void)data;
    size_t *written = closure;
    *written += len;
    return *written > 100 ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

/* The PNG encoder gives back every pixel exactly, and reports a write that fails midway. */
static void test_png_pixels_and_write_error(void **state)
{
    (void)state;
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 37, 23);
    cairo_surface_flush(img);
    unsigned char *data = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img);
    for (int y = 0; y < 23; y++)
        for (int x = 0; x < 37; x++)
            ((uint32_t *)(data + (size_t)stride * y))[x] =
                (uint32_t)((x * 7) << 16 | (y * 11) << 8 | (x * y) % 256);
    cairo_surface_mark_dirty(img);
    struct jk_buf png;
    jk_buf_init(&png);
    assert_int_equal(jk_cairo_write_png(img, write_buf_fn, &png), CAIRO_STATUS_SUCCESS);
    cairo_surface_t *back = decode_png(png.data, png.len);
    assert_int_equal(cairo_image_surface_get_width(back), 37);
    cairo_surface_flush(back);
    const unsigned char *bd = cairo_image_surface_get_data(back);
    int bs = cairo_image_surface_get_stride(back);
    for (int y = 0; y < 23; y++)
        for (int x = 0; x < 37; x++)
            assert_int_equal(((const uint32_t *)(bd + (size_t)bs * y))[x] & 0xffffff,
                             ((const uint32_t *)(data + (size_t)stride * y))[x] & 0xffffff);
    size_t written = 0;
    assert_int_equal(jk_cairo_write_png(img, refuse_after_100, &written), CAIRO_STATUS_WRITE_ERROR);
    cairo_surface_destroy(back);
    cairo_surface_destroy(img);
    jk_buf_release(&png);
}

static void test_png(void **state)
{
    (void)state;
    struct jk_map m;
    make_map(&m, 30);
    for (int view = JK_VIEW_NETWORK; view <= JK_VIEW_DENSITY; view++) {
        struct jk_scene s;
        build(&s, &m, (enum jk_view)view);
        size_t len;
        unsigned char *png = (unsigned char *)render(jk_render_png, &s, &len);
        assert_true(len > 33);
        assert_memory_equal(png, "\x89PNG\r\n\x1a\n", 8);
        assert_memory_equal(png + 12, "IHDR", 4);
        assert_int_equal(be32(png + 16), 640);
        assert_int_equal(be32(png + 20), 480);
        cairo_surface_t *img = decode_png(png, len);
        double share = painted_share(img, s.background);
        assert_true(share > (view == JK_VIEW_DENSITY ? 0.9 : 0.03));
        cairo_surface_destroy(img);
        free(png);
        jk_scene_release(&s);
    }
    jk_map_release(&m);
}

/* Two builds and renders of one map give the same bytes, in every view and format. */
static void test_deterministic(void **state)
{
    (void)state;
    struct jk_map m;
    make_map(&m, 200);
    render_fn fns[] = {jk_render_svg, jk_render_png};
    for (int view = JK_VIEW_NETWORK; view <= JK_VIEW_DENSITY; view++) {
        for (size_t f = 0; f < 2; f++) {
            struct jk_scene a, b;
            build(&a, &m, (enum jk_view)view);
            build(&b, &m, (enum jk_view)view);
            size_t la, lb;
            char *ta = render(fns[f], &a, &la), *tb = render(fns[f], &b, &lb);
            assert_int_equal(la, lb);
            assert_memory_equal(ta, tb, la);
            free(ta);
            free(tb);
            jk_scene_release(&a);
            jk_scene_release(&b);
        }
    }
    jk_map_release(&m);
}

/*
 * Found by fuzz/fuzz_export.c (tests/data/fuzz/export/noncharacter.bin, the
 * label U+FDD9): cairo refuses noncharacters, so measuring such a label
 * failed the whole picture.
 */
static void test_fuzz_noncharacter_label(void **state)
{
    (void)state;
    FILE *f = fopen(JK_TEST_DATA "/fuzz/export/noncharacter.bin", "rb");
    assert_non_null(f);
    char label[16] = {0};
    assert_int_equal(fread(label, 1, sizeof(label) - 1, f), 3);
    fclose(f);
    struct jk_buf b;
    jk_buf_init(&b);
    assert_string_equal(jk_text_clean(&b, label), "\xEF\xBF\xBD");
    assert_string_equal(jk_text_clean(&b, "a\xEF\xB7\x90\xF0\x9F\xBF\xBF"
                                          "b\xEF\xB7\xB0"),
                        "a\xEF\xBF\xBD\xEF\xBF\xBD"
                        "b\xEF\xB7\xB0");
    jk_buf_release(&b);
}

static void test_write_failure(void **state)
{
    (void)state;
    struct jk_map m;
    make_map(&m, 30);
    struct jk_scene s;
    build(&s, &m, JK_VIEW_DENSITY);
    render_fn fns[] = {jk_render_svg, jk_render_png};
    const char *names[] = {"SVG", "PNG"};
    for (size_t k = 0; k < 2; k++) {
        FILE *f = fopen("/dev/full", "w");
        if (!f)
            skip();
        struct jk_diag diag;
        jk_diag_init(&diag);
        assert_int_equal(fns[k](&s, f, &diag), JK_E_OUTPUT);
        assert_non_null(strstr(diag.msg, names[k]));
        fclose(f);
    }
    jk_scene_release(&s);
    jk_map_release(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_svg_structure),
        cmocka_unit_test(test_svg_xmllint),
        cmocka_unit_test(test_svg_density_image),
        cmocka_unit_test(test_png),
        cmocka_unit_test(test_png_pixels_and_write_error),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_write_failure),
        cmocka_unit_test(test_fuzz_noncharacter_label),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    xmlCleanupParser();
    return failed;
}
