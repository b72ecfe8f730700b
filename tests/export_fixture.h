/*
 * Fixtures shared by the exporter and renderer tests: small maps built from
 * term and link tables (three terms; labels no format may choke on), a
 * writer's output captured in memory or in a temporary file, files read back
 * by commands such as tests/data/export/read_formats.py, and XPath checks
 * on XML output. Include after <cmocka.h>; every function is static inline,
 * so a test file pays only for what it calls.
 */
#ifndef JK_EXPORT_FIXTURE_H
#define JK_EXPORT_FIXTURE_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <igraph.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "map.h"
#include "util/mem.h"
#include "util/status.h"

#ifndef JK_TEST_DATA
#define JK_TEST_DATA "tests/data"
#endif

#define FX_PYTHON "/usr/bin/python3"
#define FX_READER JK_TEST_DATA "/export/read_formats.py"

/* ---- maps ---------------------------------------------------------------- */

/* One term of a fixture map (in as many documents as it has occurrences). */
struct fx_term {
    const char *label;
    uint32_t occurrences, cluster;
    double x, y;
};

static const struct fx_term fx_three_terms[] = {
    {"kerja sama", 12, 1, 1.25, -0.75},
    {"sister city", 7, 1, -1.0 / 3, 0.125},
    {"dinas", 3, 2, 0, 2.5},
};
static const struct jk_link fx_three_links[] = {{0, 1, 5, 0.5}, {0, 2, 2, 1.0 / 3}};

/*
 * Builds m (released by the caller with jk_map_release) from n_terms terms and
 * n_links links (copied), with link counts and strengths, a layout, unknown
 * averages (NaN, has_years and has_citations off) and n_clusters clusters.
 */
static inline void fx_build_map(struct jk_map *m, const struct fx_term *t, size_t n_terms,
                                const struct jk_link *links, size_t n_links, size_t n_clusters)
{
    jk_map_init(m);
    m->terms = jk_calloc(n_terms, sizeof(*m->terms));
    m->n_terms = n_terms;
    for (size_t i = 0; i < n_terms; i++) {
        m->terms[i].label = jk_strdup(t[i].label);
        m->terms[i].occurrences = t[i].occurrences;
        m->terms[i].documents = t[i].occurrences;
        m->terms[i].cluster = t[i].cluster;
        m->terms[i].x = t[i].x;
        m->terms[i].y = t[i].y;
        m->terms[i].avg_year = NAN;
        m->terms[i].avg_citations = NAN;
    }
    m->links = jk_calloc(n_links, sizeof(*m->links));
    if (n_links > 0)
        memcpy(m->links, links, n_links * sizeof(*links));
    m->n_links = n_links;
    m->n_clusters = n_clusters;
    m->has_layout = 1;
    jk_map_link_stats(m);
}

/* fx_three_terms and fx_three_links in 2 clusters, with a layout. */
static inline void fx_build_three(struct jk_map *m)
{
    fx_build_map(m, fx_three_terms, 3, fx_three_links, 2, 2);
}

/*
 * Labels no format may choke on, with averages known for some terms only.
 * tests/data/export/read_formats.py holds the same map: change both.
 */
static const char *const fx_hostile_labels[] = {
    "kerja sama",
    "a<b & \"c\" 'd'",
    "</script> \\x",
    "tab\there",
    "new\nline",
    "ctl\x01\x7f",
    "bad\xff\xc0\xbc utf8",
    "\xC3\x9Cniversitas \xE2\x9C\x93 \xE6\xBC\xA2",
    "trailing\\",
    "#tag; a,b",
};
static const struct jk_link fx_hostile_links[] = {
    {0, 1, 1, 0.5}, {0, 5, 7, 1.5}, {1, 2, 2, 0.25}, {2, 3, 3, 1},   {3, 4, 4, 2},
    {4, 5, 5, 0.1}, {5, 6, 6, 3},   {6, 7, 7, 1e-9}, {7, 8, 8, 1e9}, {8, 9, 9, 0.75},
};
#define FX_N_HOSTILE (sizeof(fx_hostile_labels) / sizeof(fx_hostile_labels[0]))

/* The hostile map in 3 clusters, with years and citations known for some terms. */
static inline void fx_build_hostile(struct jk_map *m, int has_layout)
{
    struct fx_term t[FX_N_HOSTILE];
    for (size_t i = 0; i < FX_N_HOSTILE; i++) {
        t[i] = (struct fx_term){fx_hostile_labels[i], 20 - (uint32_t)i, (uint32_t)(i % 3 + 1),
                                (double)i * 0.5 - 2, (double)(i % 4) * 0.25 - 0.5};
    }
    fx_build_map(m, t, FX_N_HOSTILE, fx_hostile_links,
                 sizeof(fx_hostile_links) / sizeof(fx_hostile_links[0]), 3);
    for (size_t i = 0; i < FX_N_HOSTILE; i++) {
        m->terms[i].documents = 15 - (uint32_t)i;
        m->terms[i].avg_year = i % 2 == 0 ? 2010 + (double)i + 0.5 : NAN;
        m->terms[i].avg_citations = i == 3 ? 4.75 : NAN;
    }
    m->has_layout = has_layout;
    m->has_years = 1;
    m->has_citations = 1;
}

/* ---- writers' output ----------------------------------------------------- */

/* A map writer: jk_export_gml, jk_export_terms_csv, ... */
typedef enum jk_status (*fx_writer)(const struct jk_map *, FILE *, struct jk_diag *);

/* An in-memory output file: fx_out_open, write to the FILE, fx_out_close. */
struct fx_out {
    char *text;
    size_t len;
    FILE *f;
};

static inline FILE *fx_out_open(struct fx_out *o)
{
    o->text = NULL;
    o->len = 0;
    o->f = open_memstream(&o->text, &o->len);
    assert_non_null(o->f);
    return o->f;
}

/* Closes the file; returns what was written (caller frees) and its length in len. */
static inline char *fx_out_close(struct fx_out *o, size_t *len)
{
    assert_int_equal(fclose(o->f), 0);
    *len = o->len;
    return o->text;
}

/* Runs fn on m into memory; returns the text (caller frees) and fn's status in st. */
static inline char *fx_run_writer(fx_writer fn, const struct jk_map *m, size_t *len,
                                  enum jk_status *st)
{
    struct fx_out out;
    struct jk_diag diag;
    jk_diag_init(&diag);
    *st = fn(m, fx_out_open(&out), &diag);
    return fx_out_close(&out, len);
}

/* Returns fn's text for m (caller frees) after checking JK_OK. */
static inline char *fx_write_text(fx_writer fn, const struct jk_map *m, size_t *len)
{
    enum jk_status st;
    char *text = fx_run_writer(fn, m, len, &st);
    assert_int_equal(st, JK_OK);
    return text;
}

static inline void fx_assert_output(fx_writer fn, const struct jk_map *m, const char *expected)
{
    size_t len = 0;
    char *text = fx_write_text(fn, m, &len);
    assert_string_equal(text, expected);
    free(text);
}

/* Writes m twice, checks both texts are the same bytes; returns one (caller frees). */
static inline char *fx_write_twice(fx_writer fn, const struct jk_map *m, size_t *len)
{
    size_t len2 = 0;
    char *a = fx_write_text(fn, m, len);
    char *b = fx_write_text(fn, m, &len2);
    assert_int_equal(*len, len2);
    assert_memory_equal(a, b, *len);
    free(b);
    return a;
}

/* Checks that fn on m, writing to f, returns want with a message naming what (if not NULL). */
static inline void fx_assert_fails(fx_writer fn, const struct jk_map *m, FILE *f,
                                   enum jk_status want, const char *what)
{
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(fn(m, f, &diag), want);
    if (what)
        assert_non_null(strstr(diag.msg, what));
}

/* Opens /dev/full, where every write fails; skips the test where it is missing. */
static inline FILE *fx_open_full(void)
{
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        skip();
    return f;
}

/* Checks that fn fails on the three-term map written to /dev/full, naming what. */
static inline void fx_check_write_failure(fx_writer fn, const char *what)
{
    FILE *f = fx_open_full();
    struct jk_map m;
    fx_build_three(&m);
    fx_assert_fails(fn, &m, f, JK_E_OUTPUT, what);
    fclose(f);
    jk_map_release(&m);
}

/* ---- files and the commands that read them ------------------------------- */

/* Creates a temporary file from the mkstemp template in path (which gets its name). */
static inline FILE *fx_tmp_open(char *path)
{
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    return f;
}

/* Writes m with fn to a new temporary file named in path (a template); caller unlinks. */
static inline void fx_write_file(fx_writer fn, const struct jk_map *m, char *path)
{
    FILE *f = fx_tmp_open(path);
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(fn(m, f, &diag), JK_OK);
    assert_int_equal(fclose(f), 0);
}

/*
 * Writes m with fn to a temporary file, runs the shell command
 * "<before> '<file>'<after>" and removes the file; returns the command's status.
 */
static inline int fx_run_on_file(fx_writer fn, const struct jk_map *m, const char *before,
                                 const char *after)
{
    char path[] = "/tmp/jk_test_export_XXXXXX";
    fx_write_file(fn, m, path);
    char cmd[2048];
    snprintf(cmd, sizeof(cmd), "%s '%s'%s", before, path, after);
    int rc = system(cmd);
    unlink(path);
    return rc;
}

/* 1 when /usr/bin/python3 can import module, to read files back. */
static inline int fx_python_ready(const char *module)
{
    char cmd[128];
    snprintf(cmd, sizeof(cmd), FX_PYTHON " -c 'import %s' >/dev/null 2>&1", module);
    return access(FX_PYTHON, X_OK) == 0 && system(cmd) == 0;
}

/* Writes the hostile map with fn and has read_formats.py check it as format. */
static inline void fx_read_back(fx_writer fn, const char *format, int has_layout)
{
    struct jk_map m;
    fx_build_hostile(&m, has_layout);
    char before[1024], after[16];
    snprintf(before, sizeof(before), FX_PYTHON " '%s' %s", FX_READER, format);
    snprintf(after, sizeof(after), " %d", has_layout);
    int rc = fx_run_on_file(fn, &m, before, after);
    jk_map_release(&m);
    assert_int_equal(rc, 0);
}

/*
 * Has read_formats.py check the hostile map written by fn as format, with and
 * without a layout; skips the test when python3 cannot import module.
 */
static inline void fx_check_python_reads_back(fx_writer fn, const char *format, const char *module)
{
    if (!fx_python_ready(module))
        skip();
    fx_read_back(fn, format, 1);
    fx_read_back(fn, format, 0);
}

/* ---- igraph -------------------------------------------------------------- */

/* One of igraph's readers: igraph_read_graph_gml, igraph_read_graph_pajek. */
typedef igraph_error_t (*fx_igraph_reader)(igraph_t *, FILE *);

/* The hostile map, its text and the graph igraph read from it (with attributes). */
struct fx_igraph {
    struct jk_map m;
    char *text;
    FILE *f;
    igraph_t g;
    igraph_attribute_table_t *old_table;
};

/*
 * Writes the hostile map (with a layout) with fn, reads it with read into r->g
 * under igraph's C attribute handler (warnings go to warn when not NULL), and
 * checks the vertex and edge counts and that the graph is undirected. The
 * handler stays installed until fx_igraph_release(r).
 */
static inline void fx_igraph_read(struct fx_igraph *r, fx_writer fn, fx_igraph_reader read,
                                  igraph_warning_handler_t *warn)
{
    fx_build_hostile(&r->m, 1);
    size_t len = 0;
    r->text = fx_write_text(fn, &r->m, &len);
    r->f = fmemopen(r->text, len, "r");
    assert_non_null(r->f);
    r->old_table = igraph_set_attribute_table(&igraph_cattribute_table);
    igraph_warning_handler_t *old_warn = warn ? igraph_set_warning_handler(warn) : NULL;
    assert_int_equal(read(&r->g, r->f), IGRAPH_SUCCESS);
    if (warn)
        igraph_set_warning_handler(old_warn);
    assert_int_equal(igraph_vcount(&r->g), r->m.n_terms);
    assert_int_equal(igraph_ecount(&r->g), r->m.n_links);
    assert_false(igraph_is_directed(&r->g));
}

static inline void fx_igraph_release(struct fx_igraph *r)
{
    igraph_destroy(&r->g);
    igraph_set_attribute_table(r->old_table);
    fclose(r->f);
    free(r->text);
    jk_map_release(&r->m);
}

/* ---- XML ----------------------------------------------------------------- */

/* Parses len bytes of XML (no network); name is the document's name in messages. */
static inline xmlDocPtr fx_parse_xml(const char *text, size_t len, const char *name)
{
    xmlDocPtr doc = xmlReadMemory(text, (int)len, name, NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    return doc;
}

/* Parses fn's output for m; the caller frees the document with xmlFreeDoc. */
static inline xmlDocPtr fx_parse_output(fx_writer fn, const struct jk_map *m, const char *name)
{
    size_t len = 0;
    char *text = fx_write_text(fn, m, &len);
    xmlDocPtr doc = xmlReadMemory(text, (int)len, name, NULL, XML_PARSE_NONET);
    free(text);
    assert_non_null(doc);
    return doc;
}

/*
 * Evaluates expr on doc as a string (caller frees); ns lists the prefixes expr
 * uses, each followed by its namespace URI, and ends with NULL.
 */
static inline char *fx_xpath(xmlDocPtr doc, const char *const *ns, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    assert_non_null(ctx);
    for (size_t i = 0; ns[i]; i += 2)
        xmlXPathRegisterNs(ctx, BAD_CAST ns[i], BAD_CAST ns[i + 1]);
    xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    assert_non_null(obj);
    xmlChar *s = xmlXPathCastToString(obj);
    char *copy = jk_strdup((const char *)s);
    xmlFree(s);
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(ctx);
    return copy;
}

static inline void fx_assert_xpath(xmlDocPtr doc, const char *const *ns, const char *expr,
                                   const char *want)
{
    char *got = fx_xpath(doc, ns, expr);
    if (strcmp(got, want) != 0)
        print_error("%s: got '%s', want '%s'\n", expr, got, want);
    assert_string_equal(got, want);
    free(got);
}

#endif
