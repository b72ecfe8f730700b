/*
 * Tests for export_html: HTML and script-safe JSON escaping, a page for a
 * map with hostile labels and title (nothing can end the data block or the
 * title), the embedded JSON read back by Python, the policy's script hash,
 * no outside URLs, determinism, the circle fallback, the colours in the data
 * (palette.c's and draw.c's Viridis), and errors.
 * With JK_HTML_DUMP_DIR set, also writes demo.html, circle.html and
 * hostile.html there for tests/e2e_html.sh to open in a browser.
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
#include <strings.h>
#include <unistd.h>

#include "draw.h"
#include "export_html.h"
#include "map.h"
#include "palette.h"
#include "testutil.h"
#include "util/buf.h"
#include "util/mem.h"

#define PYTHON    "/usr/bin/python3"
#define DATA_OPEN "<script type=\"application/json\" id=\"data\">\n"

#define PWNED_SCRIPT "</script><script>document.title='PWNED'</script>"
#define PWNED_TITLE  "</title><script>document.title='PWNED'</script>"

/* Labels that try to leave the data block, the JSON string or the page's text. */
static const char *const hostile_labels[] = {
    PWNED_SCRIPT,
    "<!--<script>",
    "<img src=x onerror=\"document.title='PWNED'\">",
    "quote \" backslash \\ slash /",
    "control \x01\x1f tab\tline\nend",
    "separators \xE2\x80\xA8 \xE2\x80\xA9 end",
    "]]> &amp; &lt; </SCRIPT >",
    "kerja sama",
};
#define N_HOSTILE (sizeof(hostile_labels) / sizeof(hostile_labels[0]))

/* A map of n terms with the given labels in one cluster, linked in a chain. */
static void build_labels(struct jk_map *m, const char *const *labels, size_t n)
{
    jk_map_init(m);
    m->terms = jk_calloc(n, sizeof(*m->terms));
    m->n_terms = n;
    for (size_t i = 0; i < n; i++) {
        struct jk_term *t = &m->terms[i];
        t->label = jk_strdup(labels[i]);
        t->occurrences = t->documents = (uint32_t)(n - i);
        t->cluster = 1 + (uint32_t)(i % 2);
        t->x = (double)i;
        t->y = (double)(i % 3);
        t->avg_year = NAN;
        t->avg_citations = NAN;
    }
    m->links = jk_calloc(n, sizeof(*m->links));
    for (size_t i = 0; i + 1 < n; i++)
        m->links[m->n_links++] = (struct jk_link){(uint32_t)i, (uint32_t)i + 1, i + 1, 0.5};
    m->n_clusters = n > 1 ? 2 : 1;
    m->has_layout = 1;
    jk_map_link_stats(m);
}

/* Where open_memstream puts the page: static, so that GCC 12 at -O3 does not take a pointer
 * into the page for one to a local it saw escape (-Wdangling-pointer). */
static char *memstream_text;
static size_t memstream_len;

/* Runs jk_export_html into memory; returns the page (caller frees). */
static char *render(const struct jk_map *m, const char *title, enum jk_status *st)
{
    FILE *f = open_memstream(&memstream_text, &memstream_len);
    assert_non_null(f);
    struct jk_diag diag;
    jk_diag_init(&diag);
    *st = jk_export_html(m, title, f, &diag);
    assert_int_equal(fclose(f), 0);
    char *text = memstream_text;
    memstream_text = NULL;
    return text;
}

static char *render_ok(const struct jk_map *m, const char *title)
{
    enum jk_status st;
    char *page = render(m, title, &st);
    assert_int_equal(st, JK_OK);
    return page;
}

static size_t count_nocase(const char *s, const char *needle)
{
    size_t n = 0, len = strlen(needle);
    for (; *s; s++)
        if (strncasecmp(s, needle, len) == 0)
            n++;
    return n;
}

/* Returns a copy of the data block's contents (caller frees). */
static char *data_block(const char *page)
{
    const char *start = strstr(page, DATA_OPEN);
    assert_non_null(start);
    start += strlen(DATA_OPEN);
    const char *end = strstr(start, "</script>");
    assert_non_null(end);
    return jk_strndup(start, (size_t)(end - start));
}

static char *escaped(void (*fn)(struct jk_buf *, const char *), const char *s)
{
    struct jk_buf b;
    jk_buf_init(&b);
    fn(&b, s);
    return jk_buf_detach(&b, NULL);
}

static void assert_escape(void (*fn)(struct jk_buf *, const char *), const char *in,
                          const char *want)
{
    char *got = escaped(fn, in);
    assert_string_equal(got, want);
    free(got);
}

static void test_html_text_escapes(void **state)
{
    (void)state;
    assert_escape(jk_html_text, "plain kerja sama", "plain kerja sama");
    assert_escape(jk_html_text, "a&b<c>d\"e'f", "a&amp;b&lt;c&gt;d&quot;e&#39;f");
    assert_escape(jk_html_text, PWNED_TITLE,
                  "&lt;/title&gt;&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;");
    assert_escape(jk_html_text, "tab\tlf\ncr\r", "tab\tlf\ncr\r");
    assert_escape(jk_html_text, "c\x01\x7f!", "c\xEF\xBF\xBD\xEF\xBF\xBD!");
    /* invalid UTF-8: stray byte, truncated sequence, overlong '<', surrogate */
    assert_escape(jk_html_text, "\xff|\xC3|\xC0\xBC|\xED\xA0\x80",
                  "\xEF\xBF\xBD|\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD|"
                  "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    assert_escape(jk_html_text, "sem\xC3\xA9ster \xE2\x80\xA8", "sem\xC3\xA9ster \xE2\x80\xA8");
}

static void test_json_string_escapes(void **state)
{
    (void)state;
    assert_escape(jk_html_json_string, "kerja sama", "\"kerja sama\"");
    assert_escape(jk_html_json_string, PWNED_SCRIPT,
                  "\"\\u003c/script\\u003e\\u003cscript\\u003edocument.title='PWNED'"
                  "\\u003c/script\\u003e\"");
    assert_escape(jk_html_json_string, "<!-- & -->", "\"\\u003c!-- \\u0026 --\\u003e\"");
    assert_escape(jk_html_json_string, "q\"b\\s/", "\"q\\\"b\\\\s/\"");
    assert_escape(jk_html_json_string, "\x01\t\n\r\x1f", "\"\\u0001\\t\\n\\r\\u001f\"");
    assert_escape(jk_html_json_string,
                  "a\xE2\x80\xA8"
                  "b\xE2\x80\xA9"
                  "c",
                  "\"a\\u2028b\\u2029c\"");
    assert_escape(jk_html_json_string, "\xC3\xA9\xff\xC3", "\"\xC3\xA9\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

static void test_hostile_page(void **state)
{
    (void)state;
    struct jk_map m;
    build_labels(&m, hostile_labels, N_HOSTILE);
    char *page = render_ok(&m, PWNED_TITLE);
    /* exactly the data block and the page's script, each closed once */
    assert_int_equal(count_nocase(page, "<script"), 2);
    assert_int_equal(count_nocase(page, "</script"), 2);
    assert_int_equal(count_nocase(page, "<title"), 1);
    assert_int_equal(count_nocase(page, "</title"), 1);
    assert_int_equal(count_nocase(page, "PWNED"), 3); /* the title and two labels */
    assert_non_null(strstr(page, "<title>&lt;/title&gt;&lt;script&gt;document.title="));
    char *data = data_block(page);
    assert_null(strchr(data, '<'));
    assert_null(strchr(data, '>'));
    assert_null(strchr(data, '&'));
    assert_null(strstr(data, "\xE2\x80\xA8"));
    assert_null(strstr(data, "\xE2\x80\xA9"));
    assert_non_null(strstr(data, "\\u003c/script\\u003e\\u003cscript\\u003e"));
    free(data);
    free(page);
    jk_map_release(&m);
}

/* Runs python3 on script with args; returns its exit status, or -1 when python3 is missing. */
static int run_python(const char *script, const char *args)
{
    if (access(PYTHON, X_OK) != 0)
        return -1;
    char dir[64], cmd[8192];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "check.py", script);
    snprintf(cmd, sizeof(cmd), PYTHON " '%s/check.py' %s", dir, args);
    int rc = system(cmd);
    tu_rmtree(dir);
    return rc;
}

/* Reads the data block as JSON and compares labels with a NUL-separated file. */
static const char read_back_py[] = "import json, sys\n"
                                   "page = open(sys.argv[1], encoding='utf-8').read()\n"
                                   "start = page.index('id=\"data\">') + len('id=\"data\">')\n"
                                   "d = json.loads(page[start:page.index('</script>', start)])\n"
                                   "want = open(sys.argv[2], 'rb').read().split(b'\\0')\n"
                                   "got = [t[0].encode('utf-8') for t in d['terms']]\n"
                                   "assert got == want, (got, want)\n"
                                   "assert all(len(t) == 9 for t in d['terms'])\n"
                                   "assert d['layout'] == 'map' and d['clusters'] == 2\n"
                                   "assert d['links'][0] == [0, 1, 1], d['links'][0]\n"
                                   "assert d['terms'][0][6:] == [0, 0, None], d['terms'][0]\n";

static void test_json_round_trip(void **state)
{
    (void)state;
    struct jk_map m;
    build_labels(&m, hostile_labels, N_HOSTILE);
    char dir[64], args[256];
    tu_mkdtemp(dir, sizeof(dir));
    char *page = render_ok(&m, "t");
    tu_write_str(dir, "index.html", page);
    struct jk_buf want;
    jk_buf_init(&want);
    for (size_t i = 0; i < N_HOSTILE; i++) {
        jk_buf_adds(&want, hostile_labels[i]);
        if (i + 1 < N_HOSTILE)
            jk_buf_addc(&want, '\0');
    }
    tu_write(dir, "labels", want.data, want.len);
    snprintf(args, sizeof(args), "'%s/index.html' '%s/labels'", dir, dir);
    int rc = run_python(read_back_py, args);
    jk_buf_release(&want);
    free(page);
    tu_rmtree(dir);
    jk_map_release(&m);
    if (rc == -1)
        skip();
    assert_int_equal(rc, 0);
}

/* The policy names the SHA-256 of exactly the page's script. */
static const char csp_py[] = "import base64, hashlib, re, sys\n"
                             "page = open(sys.argv[1], encoding='utf-8').read()\n"
                             "want = re.search(r\"script-src 'sha256-([^']+)'\", page).group(1)\n"
                             "scripts = re.findall(r'<script>(.*?)</script>', page, re.S)\n"
                             "assert len(scripts) == 1\n"
                             "got = hashlib.sha256(scripts[0].encode('utf-8')).digest()\n"
                             "assert base64.b64encode(got).decode() == want, (want, got)\n";

static void test_policy_hash(void **state)
{
    (void)state;
    struct jk_map m;
    build_labels(&m, hostile_labels, 3);
    char dir[64], args[128];
    tu_mkdtemp(dir, sizeof(dir));
    char *page = render_ok(&m, NULL);
    assert_non_null(strstr(page, "<title>jaringkata term map</title>"));
    assert_non_null(strstr(page, "default-src 'none'"));
    tu_write_str(dir, "index.html", page);
    snprintf(args, sizeof(args), "'%s/index.html'", dir);
    int rc = run_python(csp_py, args);
    free(page);
    tu_rmtree(dir);
    jk_map_release(&m);
    if (rc == -1)
        skip();
    assert_int_equal(rc, 0);
}

static void test_self_contained(void **state)
{
    (void)state;
    struct jk_map m;
    build_labels(&m, hostile_labels + 7, 1);
    char *page = render_ok(&m, "Peta istilah");
    const char *outside[] = {"http:",   "https:", "ftp:",           "file:",
                             "://",     "src=",   "href=",          "url(",
                             "@import", "fetch(", "XMLHttpRequest", "innerHTML"};
    for (size_t i = 0; i < sizeof(outside) / sizeof(outside[0]); i++)
        if (count_nocase(page, outside[i]) != 0)
            fail_msg("the page contains '%s'", outside[i]);
    free(page);
    jk_map_release(&m);
}

static void test_deterministic(void **state)
{
    (void)state;
    struct jk_map m;
    build_labels(&m, hostile_labels, N_HOSTILE);
    m.has_years = 1;
    m.terms[0].avg_year = 2019.5;
    char *a = render_ok(&m, "same");
    char *b = render_ok(&m, "same");
    assert_string_equal(a, b);
    assert_non_null(strstr(a, ",2019.5],\n"));
    free(a);
    free(b);
    jk_map_release(&m);
}

static void test_circle_without_layout(void **state)
{
    (void)state;
    static const char *const labels[] = {"a", "b", "c", "d"};
    struct jk_map m;
    build_labels(&m, labels, 4);
    m.has_layout = 0;
    m.terms[0].x = NAN; /* ignored without a layout */
    char *page = render_ok(&m, "circle");
    char *data = data_block(page);
    assert_non_null(strstr(data, "\"layout\": \"circle\""));
    /* cluster 1 = a (4 occurrences), c (2); cluster 2 = b (3), d (1): a, c, b, d clockwise */
    assert_non_null(strstr(data, "[\"a\",4,4,1,1,1,0,1,null]"));
    assert_non_null(strstr(data, "[\"c\",2,2,2,5,1,1,6.12323e-17,null]"));
    assert_non_null(strstr(data, "[\"b\",3,3,2,3,2,1.22465e-16,-1,null]"));
    assert_non_null(strstr(data, "[\"d\",1,1,1,3,2,-1,-1.83697e-16,null]"));
    free(data);
    free(page);
    jk_map_release(&m);
}

/*
 * A page holds at most its limit of links: the strongest, ties to the lower
 * source (the page's own order), in the map's order; it knows the total.
 */
static void test_strongest_links_only(void **state)
{
    (void)state;
    static const char *const labels[] = {"a", "b", "c", "d", "e", "f", "g", "h"};
    static const uint64_t weights[] = {3, 1, 3, 2, 3, 1, 3};
    struct jk_map m;
    build_labels(&m, labels, 8);
    for (size_t k = 0; k < m.n_links; k++)
        m.links[k].weight = weights[k];
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_export_html_limited(&m, "t", 3, f, &diag), JK_OK);
    assert_int_equal(fclose(f), 0);
    char *data = data_block(text);
    assert_non_null(strstr(data, "\"links_total\": 7,"));
    assert_non_null(strstr(data, "\"links\": [\n[0,1,3],\n[2,3,3],\n[4,5,3]\n]}\n"));
    free(data);
    free(text);
    /* a limit the map fits in changes nothing but the total */
    char *all = render_ok(&m, "t");
    data = data_block(all);
    assert_non_null(strstr(data, "[5,6,1],\n[6,7,3]\n]}\n"));
    free(data);
    free(all);
    jk_map_release(&m);
}

static void test_empty_map(void **state)
{
    (void)state;
    static const char head[] = "{\"layout\": \"circle\", \"years\": false, \"clusters\": 0, "
                               "\"links_total\": 0,\n"
                               "\"palette\": [], \"grey\": \"#bfbfbf\",\n\"viridis\": [";
    static const char tail[] = "],\n\"terms\": [\n],\n\"links\": [\n]}\n";
    struct jk_map m;
    jk_map_init(&m);
    char *page = render_ok(&m, "");
    char *data = data_block(page);
    assert_int_equal(strncmp(data, head, strlen(head)), 0);
    assert_true(strlen(data) > strlen(tail));
    assert_string_equal(data + strlen(data) - strlen(tail), tail);
    free(data);
    free(page);
}

/*
 * Reads the "#rrggbb" colours of the data's entry "key" (one colour, or an
 * array of them) into rgb[0..max); returns how many there are.
 */
static size_t data_colours(const char *data, const char *key, unsigned char (*rgb)[3], size_t max)
{
    char name[32];
    snprintf(name, sizeof(name), "\"%s\": ", key);
    const char *p = strstr(data, name);
    assert_non_null(p);
    p += strlen(name);
    size_t n = 0;
    for (p += *p == '['; *p == '"'; p += strspn(p, ", ")) {
        assert_true(n < max);
        unsigned char *c = rgb[n++];
        assert_int_equal(sscanf(p, "\"#%2hhx%2hhx%2hhx\"", &c[0], &c[1], &c[2]), 3);
        assert_int_equal(strspn(p + 2, "0123456789abcdef"), 6);
        p += 9;
    }
    return n;
}

static void assert_rgb(const unsigned char got[3], const unsigned char want[3])
{
    assert_memory_equal(got, want, 3);
}

/* The page's rule (html_page.h, clusterColour): palette[c - 1], else grey. */
static void assert_cluster_colours(const struct jk_map *m)
{
    unsigned char palette[JK_PALETTE_SIZE + 1][3], grey[1][3], want[3];
    char *page = render_ok(m, "colours");
    char *data = data_block(page);
    size_t n = data_colours(data, "palette", palette, JK_PALETTE_SIZE + 1);
    assert_int_equal(n, m->n_clusters < JK_PALETTE_SIZE ? m->n_clusters : JK_PALETTE_SIZE);
    assert_int_equal(data_colours(data, "grey", grey, 1), 1);
    for (unsigned c = 0; c <= m->n_clusters; c++) {
        jk_cluster_color(c, want);
        assert_rgb(c >= 1 && c <= n ? palette[c - 1] : grey[0], want);
    }
    free(data);
    free(page);
}

static void test_cluster_colours(void **state)
{
    (void)state;
    static const char *const labels[] = {"a", "b", "c", "d", "e", "f", "g",
                                         "h", "i", "j", "k", "l", "m", "n"};
    struct jk_map m;
    build_labels(&m, labels, 3); /* 2 clusters */
    assert_cluster_colours(&m);
    jk_map_release(&m);
    build_labels(&m, labels, 14); /* 14 clusters: the last two past the palette */
    for (size_t i = 0; i < m.n_terms; i++)
        m.terms[i].cluster = (uint32_t)i + 1;
    m.n_clusters = m.n_terms;
    assert_cluster_colours(&m);
    jk_map_release(&m);
}

/* The page's year colour (html_page.h, yearColour) at f in [0, 1]. */
static struct jk_color page_viridis(const unsigned char (*stops)[3], size_t n, double f)
{
    double k = f * (double)(n - 1);
    size_t i = (size_t)floor(k) < n - 2 ? (size_t)floor(k) : n - 2;
    double u = k - (double)i;
    unsigned char c[3];
    for (int j = 0; j < 3; j++)
        c[j] = (unsigned char)floor(stops[i][j] + (stops[i + 1][j] - stops[i][j]) * u + 0.5);
    return (struct jk_color){c[0], c[1], c[2], 255};
}

/* The page's Viridis gives draw.c's colour for every year, not only at the stops. */
static void test_viridis_colours(void **state)
{
    (void)state;
    unsigned char stops[64][3];
    struct jk_map m;
    jk_map_init(&m);
    char *page = render_ok(&m, "viridis");
    char *data = data_block(page);
    size_t n = data_colours(data, "viridis", stops, 64);
    assert_true(n >= 2);
    for (int k = 0; k <= 1000; k++) {
        struct jk_color got = page_viridis(stops, n, k / 1000.0), want = jk_viridis(k / 1000.0);
        assert_rgb((unsigned char[3]){got.r, got.g, got.b},
                   (unsigned char[3]){want.r, want.g, want.b});
    }
    free(data);
    free(page);
}

static void test_errors(void **state)
{
    (void)state;
    struct jk_map m;
    build_labels(&m, hostile_labels, 3);
    struct jk_diag diag;
    jk_diag_init(&diag);
    FILE *full = fopen("/dev/full", "w");
    if (full) {
        assert_int_equal(jk_export_html(&m, "t", full, &diag), JK_E_OUTPUT);
        assert_non_null(strstr(diag.msg, "index.html"));
        fclose(full);
    }
    m.links[0].target = 7;
    enum jk_status st;
    free(render(&m, "t", &st));
    assert_int_equal(st, JK_E_INTERNAL);
    jk_map_release(&m);
}

/* A map like a real one for the browser test: 9 clusters in clumps, years, links. */
static void build_demo(struct jk_map *m)
{
    static const char *const words[] = {"kerja sama", "sister city", "pemerintah", "daerah",
                                        "pariwisata", "budaya",      "ekonomi",    "pendidikan",
                                        "hubungan",   "provinsi",    "kota",       "program"};
    enum { N = 90, NW = sizeof(words) / sizeof(words[0]) };
    uint32_t seed = 12345;
    jk_map_init(m);
    m->terms = jk_calloc(N, sizeof(*m->terms));
    m->n_terms = N;
    m->n_clusters = 9;
    m->has_layout = m->has_years = 1;
    for (size_t i = 0; i < N; i++) {
        struct jk_term *t = &m->terms[i];
        char label[64];
        snprintf(label, sizeof(label), "%s %s", words[i % NW], words[(i / NW + i) % NW]);
        t->label = jk_strdup(label);
        seed = seed * 1103515245u + 12345u;
        t->occurrences = t->documents = 1 + (seed >> 16) % 40;
        t->cluster = 1 + (uint32_t)(i % 9);
        t->x = cos(t->cluster * 0.7) * 3 + (double)((seed >> 8) % 100) / 60;
        t->y = sin(t->cluster * 0.7) * 3 + (double)((seed >> 4) % 100) / 60;
        t->avg_year = i % 10 == 0 ? NAN : 2010 + (double)(seed % 120) / 10;
        t->avg_citations = NAN;
    }
    m->links = jk_calloc(N * 4, sizeof(*m->links));
    for (uint32_t i = 0; i < N; i++)
        for (uint32_t j = i + 1; j < N && j <= i + 18; j += 9)
            m->links[m->n_links++] = (struct jk_link){i, j, 1 + (i * j) % 7, 0.1};
    jk_map_link_stats(m);
}

static void dump(const char *dir, const char *name, const struct jk_map *m, const char *title)
{
    char *page = render_ok(m, title);
    tu_write_str(dir, name, page);
    free(page);
}

/* Writes the pages tests/e2e_html.sh opens in a browser; a no-op unless asked for. */
static void test_dump_pages(void **state)
{
    (void)state;
    const char *dir = getenv("JK_HTML_DUMP_DIR");
    if (!dir)
        skip();
    struct jk_map m;
    build_demo(&m);
    dump(dir, "demo.html", &m, "jaringkata: demo");
    m.has_layout = 0;
    dump(dir, "circle.html", &m, "jaringkata: circle");
    jk_map_release(&m);
    build_labels(&m, hostile_labels, N_HOSTILE);
    dump(dir, "hostile.html", &m, PWNED_TITLE);
    jk_map_release(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html_text_escapes),
        cmocka_unit_test(test_json_string_escapes),
        cmocka_unit_test(test_hostile_page),
        cmocka_unit_test(test_json_round_trip),
        cmocka_unit_test(test_policy_hash),
        cmocka_unit_test(test_self_contained),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_circle_without_layout),
        cmocka_unit_test(test_empty_map),
        cmocka_unit_test(test_strongest_links_only),
        cmocka_unit_test(test_cluster_colours),
        cmocka_unit_test(test_viridis_colours),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_dump_pages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
