/*
 * Stage 9, export (see outputs.h): the table of output files, their
 * --formats names and the adapters from each writer to the output folder.
 */
#include "outputs.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "export_csv.h"
#include "export_gexf.h"
#include "export_gml.h"
#include "export_graphml.h"
#include "export_html.h"
#include "export_json.h"
#include "export_pajek.h"
#include "export_vos.h"
#include "render_cairo.h"
#include "render_svg.h"
#include "report.h"
#include "termfile.h"
#include "util/buf.h"
#include "util/mem.h"

/* Adapters from the exporters' typed signatures to the output folder's writer type. */
static enum jk_status w_graphml(const void *m, FILE *f, struct jk_diag *d)
{
    return jk_export_graphml(m, f, d);
}
static enum jk_status w_vos_map(const void *m, FILE *f, struct jk_diag *d)
{
    return jk_export_vos_map(m, f, d);
}
static enum jk_status w_vos_net(const void *m, FILE *f, struct jk_diag *d)
{
    return jk_export_vos_network(m, f, d);
}
static enum jk_status w_terms(const void *m, FILE *f, struct jk_diag *d)
{
    return jk_export_terms_csv(m, f, d);
}
static enum jk_status w_links(const void *m, FILE *f, struct jk_diag *d)
{
    return jk_export_links_csv(m, f, d);
}
static enum jk_status w_clusters(const void *m, FILE *f, struct jk_diag *d)
{
    return jk_export_clusters_csv(m, f, d);
}
static enum jk_status w_gexf(const void *m, FILE *f, struct jk_diag *d)
{
    return jk_export_gexf(m, f, d);
}
static enum jk_status w_pajek(const void *m, FILE *f, struct jk_diag *d)
{
    return jk_export_pajek(m, f, d);
}
static enum jk_status w_gml(const void *m, FILE *f, struct jk_diag *d)
{
    return jk_export_gml(m, f, d);
}

/* vosviewer.json needs the run's parameters beside the map. */
struct json_ctx {
    const struct jk_map *map;
    struct jk_json_info info;
};

static enum jk_status w_json(const void *ctx, FILE *f, struct jk_diag *d)
{
    const struct json_ctx *j = ctx;
    return jk_export_json(j->map, &j->info, f, d);
}

/* A picture: one view of the map, as SVG or PNG. */
struct picture {
    const struct jk_map *map;
    struct jk_draw_options draw;
    bool png;
};

/*
 * Pictures measure and paint text with cairo and fontconfig, whose caches
 * are not safe to share between threads here (ThreadSanitizer saw two PNGs
 * race inside cairo), so one picture is drawn at a time; the other files
 * are written meanwhile.
 */
static pthread_mutex_t pictures_lock = PTHREAD_MUTEX_INITIALIZER;

static enum jk_status w_picture(const void *ctx, FILE *f, struct jk_diag *d)
{
    const struct picture *p = ctx;
    struct jk_scene scene;
    jk_scene_init(&scene);
    pthread_mutex_lock(&pictures_lock);
    enum jk_status st = jk_draw_build(&scene, p->map, &p->draw, d);
    if (st == JK_OK)
        st = p->png ? jk_render_png(&scene, f, d) : jk_render_svg(&scene, f, d);
    pthread_mutex_unlock(&pictures_lock);
    jk_scene_release(&scene);
    return st;
}

/* "jaringkata: corpus, more" from the input names, for titles. */
static char *map_title(const struct jk_map_options *opt)
{
    struct jk_buf b;
    jk_buf_init(&b);
    jk_buf_adds(&b, "jaringkata: ");
    for (size_t i = 0; i < opt->n_inputs; i++)
        jk_buf_addf(&b, "%s%s", i ? ", " : "", opt->inputs[i]);
    return jk_buf_detach(&b, NULL);
}

/* One output file: its name, the --formats name that selects it (NULL: always), its writer. */
struct output {
    const char *name;
    const char *format;
    jk_writer_fn write;
    const void *ctx;
    bool wanted; /* false: not for this map (no layout, no years) */
};

/* The wanted files, written on --threads threads (each file by one), then committed together. */
static enum jk_status write_table(struct jk_outdir *out, const struct jk_map_options *opt,
                                  const struct output *files, size_t n, struct jk_diag *diag)
{
    struct jk_outdir_file *wanted = jk_malloc((n ? n : 1) * sizeof(*wanted));
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (files[i].wanted && jk_formats_has(opt->formats, files[i].format))
            wanted[k++] = (struct jk_outdir_file){files[i].name, files[i].write, files[i].ctx};
    jk_xml_prepare(); /* libxml2's global set-up, once, before the threads */
    struct jk_workers workers;
    jk_workers_init(&workers, opt->threads ? opt->threads : jk_cpu_count());
    enum jk_status st = jk_outdir_write_many(out, wanted, k, &workers, diag);
    jk_workers_release(&workers);
    free(wanted);
    return st == JK_OK ? jk_outdir_commit(out, diag) : st;
}

static struct picture picture(const struct jk_run *run, enum jk_view view, bool png)
{
    struct picture p = {run->map, {0}, png};
    jk_draw_options_default(&p.draw);
    p.draw.width = run->opt->width;
    p.draw.height = run->opt->height;
    p.draw.view = view;
    return p;
}

enum jk_status jk_write_outputs(struct jk_outdir *out, const struct jk_run *run,
                                struct jk_diag *diag)
{
    const struct jk_map *m = run->map;
    const struct jk_map_options *o = run->opt;
    char *title = map_title(o);
    struct jk_html_page page = {m, title};
    struct json_ctx json = {
        m,
        {title, "Term co-occurrence map made by jaringkata", o->cluster.resolution,
         o->cluster.min_cluster_size, o->layout.attraction, o->layout.repulsion,
         jk_normalization_name(o->normalization), jk_counting_name(o->select.counting)}};
    struct picture net_svg = picture(run, JK_VIEW_NETWORK, false);
    struct picture net_png = picture(run, JK_VIEW_NETWORK, true);
    struct picture overlay = picture(run, JK_VIEW_OVERLAY, false);
    struct picture dens_svg = picture(run, JK_VIEW_DENSITY, false);
    struct picture dens_png = picture(run, JK_VIEW_DENSITY, true);
    bool drawn = m->has_layout;
    /* The longest first (pictures, then exact-number writers), so the threads end together. */
    const struct output files[] = {
        {"density.png", "png", w_picture, &dens_png, drawn},
        {"map.png", "png", w_picture, &net_png, drawn},
        {"density.svg", "svg", w_picture, &dens_svg, drawn},
        {"map.svg", "svg", w_picture, &net_svg, drawn},
        {"overlay.svg", "svg", w_picture, &overlay, drawn && m->has_years},
        {"network.graphml", "graphml", w_graphml, m, true},
        {"vosviewer_map.txt", "vosviewer", w_vos_map, m, true},
        {"vosviewer_network.txt", "vosviewer", w_vos_net, m, true},
        {"vosviewer.json", "json", w_json, &json, true},
        {"network.gexf", "gexf", w_gexf, m, true},
        {"network.net", "pajek", w_pajek, m, true},
        {"network.gml", "gml", w_gml, m, true},
        {"terms.csv", "csv", w_terms, m, true},
        {"links.csv", "csv", w_links, m, true},
        {"clusters.csv", "csv", w_clusters, m, true},
        {"index.html", "html", jk_write_html, &page, true},
        {"report.md", NULL, jk_write_report, run, true},
        {"run.json", NULL, jk_write_run_json, run, true},
    };
    enum jk_status st = write_table(out, o, files, sizeof(files) / sizeof(*files), diag);
    free(title);
    return st;
}

/* What terms.tsv lists: every candidate reaching the threshold. */
struct review {
    const struct jk_counter *counter;
    const struct jk_selection *sel;
    enum jk_counting counting;
};

struct review_row {
    const char *label;
    size_t reached; /* index in sel->reached */
};

static int cmp_row(const void *a, const void *b)
{
    return strcmp(((const struct review_row *)a)->label, ((const struct review_row *)b)->label);
}

/* For each counter id, its index in sel->ids or SIZE_MAX. Caller frees. */
static size_t *selection_index(const struct jk_counter *c, const struct jk_selection *sel)
{
    size_t n = jk_counter_terms(c);
    size_t *at = jk_malloc((n ? n : 1) * sizeof(*at));
    for (size_t i = 0; i < n; i++)
        at[i] = SIZE_MAX;
    for (size_t j = 0; j < sel->count; j++)
        at[sel->ids[j]] = j;
    return at;
}

/* Rows in label order; relevance and selection from the selection when it got that far. */
static enum jk_status w_review(const void *ctx, FILE *f, struct jk_diag *diag)
{
    const struct review *r = ctx;
    const struct jk_selection *sel = r->sel;
    size_t n = sel->reaching;
    const char **label = jk_counter_labels(r->counter);
    char **aliases = jk_counter_aliases(r->counter, sel->reached, n);
    size_t *at = selection_index(r->counter, sel);
    struct review_row *rows = jk_malloc((n ? n : 1) * sizeof(*rows));
    for (size_t i = 0; i < n; i++)
        rows[i] = (struct review_row){label[sel->reached[i]], i};
    qsort(rows, n, sizeof(*rows), cmp_row);
    jk_termfile_header(f);
    for (size_t k = 0; k < n; k++) {
        uint32_t id = sel->reached[rows[k].reached];
        size_t j = at[id];
        jk_termfile_row(f, rows[k].label, jk_counter_occurrences(r->counter, id, r->counting),
                        r->counter->tally[id].docs, j == SIZE_MAX ? NAN : sel->relevance[j],
                        j != SIZE_MAX && sel->selected[j], aliases[rows[k].reached]);
    }
    for (size_t i = 0; i < n; i++)
        free(aliases[i]);
    free(aliases);
    free(rows);
    free(at);
    free(label);
    return jk_export_finish(f, "terms.tsv", diag);
}

enum jk_status jk_write_term_review(struct jk_outdir *out, const struct jk_counter *counter,
                                    const struct jk_selection *sel, enum jk_counting counting,
                                    struct jk_diag *diag)
{
    struct review r = {counter, sel, counting};
    enum jk_status st = jk_outdir_write(out, "terms.tsv", w_review, &r, diag);
    return st == JK_OK ? jk_outdir_commit(out, diag) : st;
}
