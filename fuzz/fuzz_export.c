/*
 * Fuzz target: every writer's escaping. The input, cut at NUL bytes, gives
 * the labels of a small clustered and laid-out map (up to four terms), an
 * alias list and the title; the map goes through each exporter into memory
 * and the output is checked: GraphML, GEXF and SVG parse as XML (libxml2),
 * vosviewer.json and the page's embedded data parse as JSON, the page's data
 * holds no '<', every term and link of the Pajek, VOSviewer and CSV files is
 * one row with the header's column count, GML is printable ASCII.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "draw.h"
#include "export_csv.h"
#include "export_gexf.h"
#include "export_gml.h"
#include "export_graphml.h"
#include "export_html.h"
#include "export_json.h"
#include "export_pajek.h"
#include "export_vos.h"
#include "fuzz_check_json.h"
#include "fuzz_common.h"
#include "map.h"
#include "render_svg.h"
#include "util/mem.h"

#define MAX_TERMS 4

/* fontconfig (behind cairo's fonts, for the SVG's label sizes) keeps its configuration until exit.
 */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libfontconfig\n";
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_quiet();
    xmlInitParser();
    return 0;
}

/* Cuts data at NUL bytes into at most max pieces (the last one keeps the rest). */
static size_t cut(const uint8_t *data, size_t size, char **pieces, size_t max)
{
    size_t n = 0, start = 0;
    while (n < max && start <= size) {
        const uint8_t *nul = n + 1 < max ? memchr(data + start, 0, size - start) : NULL;
        size_t end = nul ? (size_t)(nul - data) : size;
        pieces[n] = jk_malloc(end - start + 1);
        memcpy(pieces[n], data + start, end - start);
        pieces[n][end - start] = '\0';
        n++;
        if (!nul)
            break;
        start = end + 1;
    }
    return n;
}

static void build_map(struct jk_map *m, char **labels, size_t n, const char *aliases)
{
    jk_map_init(m);
    m->terms = jk_calloc(n, sizeof *m->terms);
    m->n_terms = n;
    for (size_t i = 0; i < n; i++) {
        struct jk_term *t = &m->terms[i];
        t->label = jk_strdup(labels[i][0] ? labels[i] : "istilah");
        t->occurrences = t->documents = (uint32_t)(10 - i);
        t->cluster = 1 + (uint32_t)(i % 2);
        t->x = cos((double)i * 1.7);
        t->y = sin((double)i * 1.7);
        t->avg_year = 2015.5 + (double)i;
        t->avg_citations = i == 1 ? NAN : 2.25 * (double)i;
    }
    m->terms[0].aliases = aliases[0] ? jk_strdup(aliases) : NULL;
    m->links = jk_calloc(n, sizeof *m->links);
    for (size_t i = 0; i + 1 < n; i++)
        m->links[m->n_links++] = (struct jk_link){(uint32_t)i, (uint32_t)i + 1, 5 - i, 0.5};
    m->n_clusters = n > 1 ? 2 : 1;
    m->has_layout = m->has_years = m->has_citations = 1;
    jk_map_link_stats(m);
}

/* Output of one writer, in memory. */
struct out {
    char *s;
    size_t n;
    FILE *f;
};

static void out_open(struct out *o)
{
    o->s = NULL;
    o->n = 0;
    o->f = open_memstream(&o->s, &o->n);
    FUZZ_CHECK(o->f != NULL);
}

static void out_close(struct out *o, enum jk_status st)
{
    FUZZ_CHECK(st == JK_OK);
    FUZZ_CHECK(fclose(o->f) == 0);
}

static void check_xml(const struct out *o)
{
    xmlDocPtr doc = xmlReadMemory(o->s, (int)o->n, NULL, NULL, XML_PARSE_NONET);
    FUZZ_CHECK(doc != NULL);
    xmlFreeDoc(doc);
}

/* Number of '\n'-ended lines; with csv, line ends inside "quoted" fields do not count. */
static size_t count_rows(const char *s, size_t n, bool csv, char sep, size_t *fields)
{
    size_t rows = 0, f = 1;
    bool quoted = false;
    for (size_t i = 0; i < n; i++) {
        if (csv && s[i] == '"')
            quoted = !quoted;
        else if (!quoted && s[i] == sep)
            f++;
        else if (!quoted && s[i] == '\n') {
            if (fields[0] == 0)
                fields[0] = f;
            FUZZ_CHECK(f == fields[0]);
            rows++;
            f = 1;
        }
    }
    FUZZ_CHECK(!quoted);
    return rows;
}

static void check_rows(const struct out *o, bool csv, char sep, size_t want)
{
    size_t fields = 0;
    FUZZ_CHECK(want == 0 ? o->n == 0 : o->n > 0 && o->s[o->n - 1] == '\n');
    FUZZ_CHECK(count_rows(o->s, o->n, csv, sep, &fields) == want);
}

static void check_html(const struct out *o)
{
    static const char open[] = "id=\"data\">";
    const char *a = strstr(o->s, open);
    FUZZ_CHECK(a != NULL);
    a += sizeof open - 1;
    const char *b = strstr(a, "</script>");
    FUZZ_CHECK(b != NULL);
    FUZZ_CHECK(memchr(a, '<', (size_t)(b - a)) == NULL);
    FUZZ_CHECK(json_well_formed(a, (size_t)(b - a)));
    FUZZ_CHECK(fuzz_valid_utf8(o->s, o->n));
}

static void check_gml(const struct out *o)
{
    for (size_t i = 0; i < o->n; i++)
        FUZZ_CHECK(o->s[i] == '\n' || (o->s[i] >= 0x20 && o->s[i] < 0x7f));
}

static void run_svg(const struct jk_map *m)
{
    struct jk_draw_options d;
    jk_draw_options_default(&d);
    d.width = 400;
    d.height = 300;
    struct jk_scene scene;
    struct jk_diag diag;
    jk_scene_init(&scene);
    jk_diag_init(&diag);
    enum jk_status st = jk_draw_build(&scene, m, &d, &diag);
    if (st != JK_OK)
        fprintf(stderr, "jk_draw_build: %s\n", diag.msg);
    FUZZ_CHECK(st == JK_OK);
    struct out o;
    out_open(&o);
    out_close(&o, jk_render_svg(&scene, o.f, &diag));
    check_xml(&o);
    free(o.s);
    jk_scene_release(&scene);
}

static void run_all(const struct jk_map *m, const char *title)
{
    struct jk_diag diag;
    struct out o;
    size_t n = m->n_terms, links = m->n_links;
    struct jk_json_info info = {title, "fuzz", 1, 1, 2, 1, "association", "binary"};
    jk_diag_init(&diag);
    out_open(&o), out_close(&o, jk_export_graphml(m, o.f, &diag)), check_xml(&o), free(o.s);
    out_open(&o), out_close(&o, jk_export_gexf(m, o.f, &diag)), check_xml(&o), free(o.s);
    out_open(&o), out_close(&o, jk_export_json(m, &info, o.f, &diag));
    FUZZ_CHECK(json_well_formed(o.s, o.n) && fuzz_valid_utf8(o.s, o.n));
    free(o.s);
    out_open(&o), out_close(&o, jk_export_terms_csv(m, o.f, &diag));
    check_rows(&o, true, ',', n + 1), free(o.s);
    out_open(&o), out_close(&o, jk_export_links_csv(m, o.f, &diag));
    check_rows(&o, true, ',', links + 1), free(o.s);
    out_open(&o), out_close(&o, jk_export_clusters_csv(m, o.f, &diag));
    check_rows(&o, true, ',', m->n_clusters + 1), free(o.s);
    out_open(&o), out_close(&o, jk_export_gml(m, o.f, &diag)), check_gml(&o), free(o.s);
    out_open(&o), out_close(&o, jk_export_pajek(m, o.f, &diag));
    check_rows(&o, false, '\0', n + links + 2), free(o.s);
    out_open(&o), out_close(&o, jk_export_vos_map(m, o.f, &diag));
    check_rows(&o, false, '\t', n + 1), free(o.s);
    out_open(&o), out_close(&o, jk_export_vos_network(m, o.f, &diag));
    check_rows(&o, false, '\t', links), free(o.s);
    out_open(&o), out_close(&o, jk_export_html(m, title, o.f, &diag)), check_html(&o), free(o.s);
    run_svg(m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *pieces[MAX_TERMS + 2];
    size_t n = cut(data, size, pieces, MAX_TERMS + 2);
    size_t n_terms = n > MAX_TERMS ? MAX_TERMS : n;
    const char *aliases = n > MAX_TERMS ? pieces[MAX_TERMS] : "";
    const char *title = n > MAX_TERMS + 1 ? pieces[MAX_TERMS + 1] : pieces[0];
    struct jk_map m;
    build_map(&m, pieces, n_terms, aliases);
    run_all(&m, title);
    jk_map_release(&m);
    for (size_t i = 0; i < n; i++)
        free(pieces[i]);
    return 0;
}
