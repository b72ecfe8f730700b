/*
 * report.md and run.json (see report.h): what a run read, chose and found,
 * and everything needed to reproduce it.
 */
#include "report.h"

#include <igraph.h>
#include <libxml/xmlversion.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "export_csv.h"
#include "network.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/mem.h"

/* Writes b as valid UTF-8: file names and labels may hold any bytes. */
static enum jk_status emit(struct jk_buf *b, FILE *out, struct jk_diag *diag)
{
    struct jk_buf valid;
    jk_buf_init(&valid);
    const char *text = jk_export_utf8(&valid, b->len ? b->data : "");
    size_t len = strlen(text);
    bool ok = fwrite(text, 1, len, out) == len;
    jk_buf_release(&valid);
    if (!ok)
        return jk_error(diag, JK_E_OUTPUT, "cannot write the report");
    return JK_OK;
}

static void report_corpus(struct jk_buf *b, const struct jk_run *run)
{
    size_t skipped = 0, repaired = 0;
    for (size_t i = 0; i < run->n_docs; i++) {
        skipped += run->docs[i].skipped;
        repaired += run->docs[i].invalid_utf8 > 0;
    }
    jk_buf_addf(b, "## Corpus\n\n");
    jk_buf_addf(b, "- documents found: %zu\n- documents read: %zu\n", run->n_docs, run->docs_used);
    if (run->opt->document != JK_DOCUMENT_FILE)
        jk_buf_addf(b,
                    "- documents counted: %zu (--document %s: the files of each folder directly "
                    "under an input folder%s count as one document)\n",
                    run->n_counted, jk_document_unit_name(run->opt->document),
                    run->opt->document == JK_DOCUMENT_WORK
                        ? ", and files named as the parts of one work,"
                        : "");
    jk_buf_addf(b,
                "- skipped (binary, empty, a copy, near copy or part of another file, or PDF "
                "without text): %zu\n"
                "- with invalid UTF-8 repaired: %zu\n",
                skipped, repaired);
    if (run->n_left_out)
        jk_buf_addf(b,
                    "- left out while listing the folders (.epub documents, archives, links, "
                    "pipes; see Files): %zu\n",
                    run->n_left_out);
    if (run->opt->section == JK_SECTION_ABSTRACT)
        jk_buf_addf(b, "- abstracts found (--section abstract): %zu\n", run->abstracts_found);
    if (run->beside_abstract)
        jk_buf_addf(b,
                    "- files left out because their work's abstract is in another file "
                    "(--section abstract with --document %s): %zu\n",
                    jk_document_unit_name(run->opt->document), run->beside_abstract);
    if (run->opt->section == JK_SECTION_BODY) {
        jk_buf_addf(b,
                    "- reference lists left out (\"Daftar Pustaka\", \"References\"; --section all "
                    "keeps them): %zu\n",
                    run->references_dropped);
        jk_buf_addf(b,
                    "- thesis front matter left out (Kata Pengantar, Lembar Pengesahan, Daftar Isi "
                    "and the like, up to BAB I; abstracts kept): %zu\n",
                    run->front_matter_dropped);
        jk_buf_addf(b,
                    "- documents whose footnotes citing sources were left out (\"<sup>3</sup> "
                    "Name, \"Title\", 2019\", \"Ibid.\"; --section all keeps them): %zu\n",
                    run->footnotes_dropped);
        jk_buf_addf(
            b,
            "- documents whose journal article information was left out (\"Received:\", "
            "\"p-ISSN\", \"DOI:\", \"Corresponding author\", affiliations, bylines, licence "
            "lines; --section all keeps it): %zu\n",
            run->article_info_dropped);
    }
    if (run->opt->items_keywords)
        jk_buf_adds(b, "- items: author keywords (--items keywords)\n");
    if (run->part_sets)
        jk_buf_addf(b,
                    "- sets of files named as parts of one work (\"ABSTRAK\", \"BAB I\", \"BAB "
                    "II\"), each file counted as a document (--document folder counts a folder as "
                    "one, --document work such a set too): %zu\n",
                    run->part_sets);
    if (run->duplicates)
        jk_buf_addf(b, "- records found twice (same DOI or title), counted once: %zu\n",
                    run->duplicates);
    if (run->opt->keep_copies)
        jk_buf_adds(b, "- copies of files and near copies counted too (--keep-copies)\n");
    jk_buf_addf(b, "- word tokens: %llu\n", (unsigned long long)run->tokens);
    jk_buf_addf(b, "- sentences: %llu Indonesian, %llu English (tagged by stopword evidence)\n",
                (unsigned long long)run->sentences_id, (unsigned long long)run->sentences_en);
    jk_buf_addf(b, "- stemming: %s\n- acronyms defined in the text: %zu\n",
                run->stemming ? "on (hunspell-id roots)" : "off", run->acronyms);
    if (run->pattern_matches)
        jk_buf_addf(b, "- keyword-pattern matches: %llu\n",
                    (unsigned long long)run->pattern_matches);
    jk_buf_addf(b, "- candidate terms: %zu distinct, %llu occurrences\n\n", run->candidate_terms,
                (unsigned long long)run->candidate_occurrences);
}

static void report_dropped(struct jk_buf *b, const char *why, const struct jk_dropped *d)
{
    if (d->count == 0)
        return;
    jk_buf_addf(b, "- dropped, %s: %zu (", why, d->count);
    for (size_t i = 0; i < d->n_shown; i++)
        jk_buf_addf(b, "%s%s", i ? ", " : "", d->shown[i]);
    jk_buf_adds(b, d->count > d->n_shown ? ", ...)\n" : ")\n");
}

/* Table cells hold no '|' or newline. */
static void add_cell(struct jk_buf *b, const char *s)
{
    for (; s && *s; s++)
        jk_buf_addc(b, *s == '|' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

/* Every English term merged into an Indonesian twin, and why. */
static void report_bilingual(struct jk_buf *b, const struct jk_run *run)
{
    const struct jk_bilingual *bi = run->bilingual;
    jk_buf_adds(b, "## Bilingual merges\n\n");
    if (!run->opt->bilingual_merge) {
        jk_buf_adds(b, "- English and Indonesian terms kept apart (--bilingual separate)\n\n");
        return;
    }
    if (!bi) { /* a run that never counted (its maps come from elsewhere) */
        jk_buf_adds(b, "- none\n\n");
        return;
    }
    if (bi->dictionary_missing)
        jk_buf_adds(b, "- the FreeDict English-Indonesian dictionary could not be read "
                       "(install dict-freedict-eng-ind): only the bundled glossary's words and "
                       "loanword spellings were merged\n");
    jk_buf_addf(b, "- English terms: %zu; merged into an Indonesian term: %zu\n\n",
                bi->english_terms, bi->n_twins);
    if (bi->n_twins == 0)
        return;
    jk_buf_adds(b, "| English term | Indonesian term | evidence | bilingual documents with both "
                   "|\n|---|---|---|---|\n");
    for (size_t i = 0; i < bi->n_twins; i++) {
        const struct jk_twin *t = &bi->twins[i];
        jk_buf_adds(b, "| ");
        add_cell(b, t->english);
        jk_buf_adds(b, " | ");
        add_cell(b, t->indonesian);
        jk_buf_addf(b, " | %s | %u |\n", jk_twin_evidence_name(t->evidence), t->both_docs);
    }
    jk_buf_addc(b, '\n');
}

static void report_selection(struct jk_buf *b, const struct jk_run *run)
{
    const struct jk_map_options *o = run->opt;
    const struct jk_selection *s = run->selection;
    jk_buf_addf(b, "## Selection\n\n- counting: %s\n", jk_counting_name(o->select.counting));
    if (o->unit.kind == JK_UNIT_SENTENCE)
        jk_buf_adds(b, "- co-occurrence unit: sentence\n");
    else if (o->unit.kind == JK_UNIT_WINDOW)
        jk_buf_addf(b, "- co-occurrence unit: window of %u words\n", o->unit.window);
    jk_buf_addf(b, "- minimum occurrences: %u%s\n", s->threshold,
                s->threshold_auto ? " (chosen so that at most 300 terms reach it; set "
                                    "--min-occurrences to override)"
                                  : "");
    jk_buf_addf(b, "- terms reaching it: %zu\n", s->reaching);
    report_dropped(b, "in too many documents (--max-doc-share)", &s->ceiling);
    report_dropped(b, "nested in a longer term (--nested-share)", &s->nested);
    report_dropped(b, "beyond --max-terms", &s->max_terms);
    report_dropped(b, "least relevant (--keep)", &s->relevance_cut);
    jk_buf_addf(b, "- terms mapped: %zu\n- maximum words per term: %u\n\n", s->kept, o->max_words);
}

static void report_layout(struct jk_buf *b, const struct jk_run *run)
{
    const struct jk_layout_options *l = &run->opt->layout;
    const struct jk_map *m = run->map;
    if (!m->has_layout) {
        jk_buf_adds(b, "- layout: none\n\n");
        return;
    }
    const char *method = l->kind == JK_LAYOUT_FR ? "Fruchterman-Reingold (igraph)" : "VOS mapping";
    jk_buf_addf(b,
                "- layout: %s, attraction %g, repulsion %g, %u start%s, seed %lu%s; "
                "objective V = %.6f\n\n",
                method, l->attraction, l->repulsion, l->starts, l->starts == 1 ? "" : "s", l->seed,
                m->n_terms > l->exact_limit && l->kind == JK_LAYOUT_VOS
                    ? " (Barnes-Hut approximation)"
                    : "",
                m->layout_objective);
}

/* What a normalisation computes, for report.md's readers. */
static const char *normalization_meaning(enum jk_normalization n)
{
    switch (n) {
    case JK_NORM_ASSOCIATION:
        return "association strength, a_ij / (n_i n_j / N)";
    case JK_NORM_FRACTIONALIZATION:
        return "fractionalization, a_ij (n / n_i + n / n_j) / 2";
    case JK_NORM_JACCARD:
        return "Jaccard, c_ij / (c_i + c_j - c_ij)";
    case JK_NORM_COSINE:
        return "cosine (Salton), c_ij / sqrt(c_i c_j)";
    case JK_NORM_INCLUSION:
        return "inclusion, c_ij / min(c_i, c_j)";
    case JK_NORM_EQUIVALENCE:
        return "equivalence, c_ij^2 / (c_i c_j)";
    case JK_NORM_NONE:
        return "none, the co-occurrence count a_ij";
    }
    return "unknown";
}

static void report_network(struct jk_buf *b, const struct jk_run *run)
{
    const struct jk_map *m = run->map;
    uint64_t strength = 0;
    for (size_t k = 0; k < m->n_links; k++)
        strength += m->links[k].weight;
    const struct jk_cluster_options *c = &run->opt->cluster;
    jk_buf_addf(b, "## Network and clusters\n\n- terms: %zu\n- links: %zu\n", m->n_terms,
                m->n_links);
    jk_buf_addf(b, "- total link strength: %llu\n", (unsigned long long)strength);
    enum jk_normalization norm = run->opt->normalization;
    jk_buf_addf(b, "- normalisation: %s (--normalization %s)\n", normalization_meaning(norm),
                jk_normalization_name(norm));
    jk_buf_addf(b,
                "- clustering: Leiden (%s; %s), resolution %g, %u random starts, %u "
                "iterations, randomness %g, seed %lu, minimum cluster size %u\n",
                norm == JK_NORM_NONE ? "modularity: node weights = total link strength" : "CPM",
                jk_cluster_uses_compact(m, c) ? "jaringkata's compact implementation"
                                              : "igraph's implementation",
                c->resolution, c->starts, c->iterations, c->randomness, c->seed,
                c->min_cluster_size);
    jk_buf_addf(b, "- clusters: %zu\n- quality: %.6f\n", m->n_clusters, m->quality);
    report_layout(b, run);
}

/* A term as ranked: its own sort keys beside its index, so the comparison needs no context. */
struct ranked {
    const struct jk_term *term;
    size_t index;
};

/* Occurrences (desc), then label. */
static int cmp_ranked(const void *a, const void *b)
{
    const struct jk_term *x = ((const struct ranked *)a)->term;
    const struct jk_term *y = ((const struct ranked *)b)->term;
    if (x->occurrences != y->occurrences)
        return x->occurrences > y->occurrences ? -1 : 1;
    return strcmp(x->label, y->label);
}

/* Term indexes sorted by occurrences (desc), then label. Caller frees. */
static size_t *ranked_terms(const struct jk_map *m)
{
    size_t n = m->n_terms;
    struct ranked *r = jk_malloc((n ? n : 1) * sizeof(*r));
    for (size_t i = 0; i < n; i++)
        r[i] = (struct ranked){&m->terms[i], i};
    qsort(r, n, sizeof(*r), cmp_ranked);
    size_t *idx = jk_malloc((n ? n : 1) * sizeof(*idx));
    for (size_t i = 0; i < n; i++)
        idx[i] = r[i].index;
    free(r);
    return idx;
}

/*
 * The JK_CLUSTER_TOP_TERMS most frequent terms of each cluster (as clusters.csv names them),
 * as rank indexes; SIZE_MAX pads. Caller frees.
 */
static size_t *cluster_tops(const struct jk_map *m, const size_t *rank, size_t *sizes)
{
    size_t n = m->n_clusters;
    size_t *top = jk_malloc((n ? n : 1) * JK_CLUSTER_TOP_TERMS * sizeof(*top));
    for (size_t k = 0; k < n * JK_CLUSTER_TOP_TERMS; k++)
        top[k] = SIZE_MAX;
    for (size_t r = 0; r < m->n_terms; r++) {
        size_t c = m->terms[rank[r]].cluster;
        if (c < 1 || c > n)
            continue;
        if (sizes[c - 1] < JK_CLUSTER_TOP_TERMS)
            top[(c - 1) * JK_CLUSTER_TOP_TERMS + sizes[c - 1]] = rank[r];
        sizes[c - 1]++;
    }
    return top;
}

/* One pass over the terms, not one a cluster: a map can have as many clusters as terms. */
static void report_clusters(struct jk_buf *b, const struct jk_map *m, const size_t *rank)
{
    jk_buf_adds(b, "| cluster | terms | top terms (occurrences) |\n|---|---|---|\n");
    size_t *sizes = jk_calloc(m->n_clusters ? m->n_clusters : 1, sizeof(*sizes));
    size_t *top = cluster_tops(m, rank, sizes);
    for (size_t c = 1; c <= m->n_clusters; c++) {
        const size_t *row = top + (c - 1) * JK_CLUSTER_TOP_TERMS;
        jk_buf_addf(b, "| %zu | %zu | ", c, sizes[c - 1]);
        for (size_t k = 0; k < JK_CLUSTER_TOP_TERMS && row[k] != SIZE_MAX; k++) {
            const struct jk_term *t = &m->terms[row[k]];
            jk_buf_adds(b, k ? ", " : "");
            add_cell(b, t->label);
            jk_buf_addf(b, " (%u)", t->occurrences);
        }
        jk_buf_adds(b, " |\n");
    }
    free(top);
    free(sizes);
    jk_buf_adds(b, "\n## Most frequent terms\n\n| term | occurrences | documents | links | "
                   "total link strength | cluster |\n|---|---|---|---|---|---|\n");
    for (size_t r = 0; r < m->n_terms && r < 30; r++) {
        const struct jk_term *t = &m->terms[rank[r]];
        jk_buf_adds(b, "| ");
        add_cell(b, t->label);
        jk_buf_addf(b, " | %u | %u | %u | %llu | %u |\n", t->occurrences, t->documents, t->links,
                    (unsigned long long)t->total_link_strength, t->cluster);
    }
    jk_buf_addc(b, '\n');
}

/* A counted file's note: what --section left out of it, and a repair. */
static void file_note(struct jk_buf *b, const struct jk_doc_record *d)
{
    static const struct {
        unsigned cut;
        const char *what;
    } parts[] = {{JK_CUT_ABSTRACT, "abstract only"},
                 {JK_CUT_REFERENCES, "reference list left out"},
                 {JK_CUT_FOOTNOTES, "citing footnotes left out"},
                 {JK_CUT_ARTICLE_INFO, "article information left out"},
                 {JK_CUT_FRONT_MATTER, "front matter left out"}};
    const char *sep = "";
    for (size_t k = 0; k < sizeof(parts) / sizeof(*parts); k++)
        if (d->cuts & parts[k].cut) {
            jk_buf_addf(b, "%s%s", sep, parts[k].what);
            sep = "; ";
        }
    if (d->invalid_utf8)
        jk_buf_addf(b, "%sUTF-8 repaired", sep);
}

static void report_documents(struct jk_buf *b, const struct jk_run *run)
{
    jk_buf_adds(b, "## Files\n\n| file | bytes | documents | year | words | candidate terms | "
                   "note |\n|---|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < run->n_docs; i++) {
        const struct jk_doc_record *d = &run->docs[i];
        char year[16] = "";
        if (d->year > 0)
            snprintf(year, sizeof(year), "%d", d->year);
        jk_buf_adds(b, "| ");
        add_cell(b, d->path);
        jk_buf_addf(b, " | %llu | %u | %s | %llu | %u | ", (unsigned long long)d->bytes, d->records,
                    year, (unsigned long long)d->tokens, d->terms);
        if (d->skipped)
            jk_buf_adds(b, d->skip_note);
        else
            file_note(b, d);
        if (d->skipped && d->copy_of) {
            jk_buf_adds(b, " ");
            add_cell(b, d->copy_of);
            if (d->resemblance)
                jk_buf_addf(b, " (%d %% of five-word sequences shared)", d->resemblance);
            if (d->within)
                jk_buf_addf(b, " (%d %% of its five-word sequences)", d->within);
        }
        jk_buf_adds(b, " |\n");
    }
    for (size_t i = 0; i < run->n_left_out; i++) { /* never read: no size, no counts */
        jk_buf_adds(b, "| ");
        add_cell(b, run->left_out[i].path);
        jk_buf_adds(b, " |  | 0 |  |  |  | skipped: ");
        add_cell(b, run->left_out[i].why);
        jk_buf_adds(b, " |\n");
    }
}

static void report_counted(struct jk_buf *b, const struct jk_run *run)
{
    jk_buf_adds(b, "\n## Documents\n\n| source file | title | year | candidate terms |\n"
                   "|---|---|---|---|\n");
    size_t n = run->n_counted < JK_REPORT_DOCUMENTS ? run->n_counted : JK_REPORT_DOCUMENTS;
    for (size_t d = 0; d < n; d++) {
        const struct jk_doc_record *f = &run->docs[run->doc_file[d]];
        jk_buf_adds(b, "| ");
        uint32_t files = run->doc_files[d];
        if (run->opt->document != JK_DOCUMENT_FILE && f->folder) { /* the folder, all its files */
            char *folder = jk_strndup(f->path, f->folder);
            add_cell(b, folder);
            free(folder);
            jk_buf_addf(b, " (%u file%s)", files, files == 1 ? "" : "s");
        } else {
            add_cell(b, f->path);
            if (files > 1) /* a work's first file, then the number of its other parts */
                jk_buf_addf(b, " and %u more file%s of its work", files - 1, files == 2 ? "" : "s");
        }
        jk_buf_adds(b, " | ");
        add_cell(b, run->doc_title[d]);
        if (isnan(run->doc_year[d]))
            jk_buf_adds(b, " |  | ");
        else
            jk_buf_addf(b, " | %.0f | ", run->doc_year[d]);
        jk_buf_addf(b, "%u |\n", run->doc_terms[d]);
    }
    if (run->n_counted > n)
        jk_buf_addf(b, "\n(%zu more documents not listed)\n", run->n_counted - n);
}

enum jk_status jk_write_report(const void *ctx, FILE *out, struct jk_diag *diag)
{
    const struct jk_run *run = ctx;
    struct jk_buf b;
    jk_buf_init(&b);
    jk_buf_adds(&b, "# jaringkata map report\n\n");
    report_corpus(&b, run);
    report_bilingual(&b, run);
    report_selection(&b, run);
    report_network(&b, run);
    size_t *rank = ranked_terms(run->map);
    report_clusters(&b, run->map, rank);
    free(rank);
    report_documents(&b, run);
    report_counted(&b, run);
    enum jk_status st = emit(&b, out, diag);
    jk_buf_release(&b);
    return st;
}

void jk_library_versions(struct jk_buf *b)
{
    char pcre[64] = "";
    pcre2_config(PCRE2_CONFIG_VERSION, pcre);
    const char *ig = NULL;
    igraph_version(&ig, NULL, NULL, NULL);
    jk_buf_addf(b,
                "\"pcre2\": \"%s\", \"igraph\": \"%s\", \"utf8proc\": \"%s\", \"libxml2\": \"%s\"",
                pcre, ig ? ig : "", utf8proc_version(), LIBXML_DOTTED_VERSION);
}

static void json_strings(struct jk_buf *b, const char *const *list, size_t n)
{
    jk_buf_addc(b, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            jk_buf_adds(b, ", ");
        jk_json_string(b, list[i]);
    }
    jk_buf_addc(b, ']');
}

/* A JSON string value, or null. */
static void json_string_or_null(struct jk_buf *b, const char *s)
{
    if (s)
        jk_json_string(b, s);
    else
        jk_buf_adds(b, "null");
}

static void json_more_options(struct jk_buf *b, const struct jk_map_options *o)
{
    static const char *const langs[] = {"both", "id", "en"};
    static const char *const layouts[] = {"vos", "fr", "none"};
    jk_buf_addf(b, ",\n    \"lang\": \"%s\",\n    \"stem\": %s,\n    \"dictionary\": ",
                langs[o->langs], o->stem ? "true" : "false");
    jk_json_string(b, o->dictionary);
    jk_buf_addf(b, ",\n    \"bilingual\": \"%s\"", o->bilingual_merge ? "merge" : "separate");
    jk_buf_adds(b, ",\n    \"thesaurus\": ");
    json_string_or_null(b, o->thesaurus);
    jk_buf_adds(b, ",\n    \"patterns\": ");
    json_string_or_null(b, o->patterns);
    jk_buf_adds(b, ",\n    \"terms_file\": ");
    json_string_or_null(b, o->terms_file);
    const struct jk_layout_options *l = &o->layout;
    jk_buf_addf(b,
                ",\n    \"layout\": \"%s\",\n    \"attraction\": %.17g,\n    \"repulsion\": "
                "%.17g,\n    \"layout_starts\": %u,\n    \"layout_iterations\": %u,\n    "
                "\"largest_component\": %s,\n    \"width\": %u,\n    \"height\": %u",
                layouts[l->kind], l->attraction, l->repulsion, l->starts, l->max_iterations,
                o->largest_component ? "true" : "false", o->width, o->height);
}

static void json_options(struct jk_buf *b, const struct jk_run *run)
{
    const struct jk_map_options *o = run->opt;
    jk_buf_adds(b, "  \"options\": {\n    \"inputs\": ");
    json_strings(b, o->inputs, o->n_inputs);
    jk_buf_adds(b, ",\n    \"output\": ");
    jk_json_string(b, o->output);
    jk_buf_addf(b, ",\n    \"max_words\": %u,\n    \"counting\": \"%s\",\n", o->max_words,
                jk_counting_name(o->select.counting));
    jk_buf_addf(b, "    \"min_occurrences\": %u,\n    \"min_occurrences_auto\": %s,\n",
                run->selection->threshold, run->selection->threshold_auto ? "true" : "false");
    static const char *const units[] = {"document", "sentence", "window"};
    jk_buf_addf(b, "    \"unit\": \"%s\",\n    \"window\": %u,\n", units[o->unit.kind],
                o->unit.window);
    jk_buf_addf(b, "    \"max_terms\": %zu,\n    \"keep_percent\": %.17g,\n", o->select.max_terms,
                o->select.keep_percent);
    jk_buf_addf(b, "    \"max_doc_share\": %.17g,\n    \"nested_share\": %.17g,\n",
                o->select.max_doc_share, o->select.nested_share);
    jk_buf_addf(b, "    \"section\": \"%s\",\n    \"keep_copies\": %s,\n",
                jk_section_name(o->section), o->keep_copies ? "true" : "false");
    jk_buf_addf(b, "    \"document\": \"%s\",\n", jk_document_unit_name(o->document));
    const struct jk_cluster_options *c = &o->cluster;
    jk_buf_addf(b,
                "    \"normalization\": \"%s\",\n    \"clustering\": "
                "\"%s\",\n    \"leiden\": \"%s\",\n    \"resolution\": %.17g,\n    "
                "\"starts\": %u,\n    "
                "\"iterations\": %u,\n    \"randomness\": %.17g,\n    \"seed\": %lu,\n    "
                "\"min_cluster_size\": %u,\n",
                jk_normalization_name(o->normalization),
                o->normalization == JK_NORM_NONE ? "leiden-modularity" : "leiden-cpm",
                jk_cluster_uses_compact(run->map, c) ? "compact" : "igraph", c->resolution,
                c->starts, c->iterations, c->randomness, c->seed, c->min_cluster_size);
    jk_buf_addf(b, "    \"academic_stopwords\": %s,\n    \"stopword_lists\": ",
                o->academic ? "true" : "false");
    json_strings(b, run->lists, run->n_lists);
    jk_buf_adds(b, ",\n    \"extra_stopwords\": ");
    json_strings(b, o->stopword_files, o->n_stopword_files);
    json_more_options(b, o);
    jk_buf_adds(b, ",\n    \"formats\": \"");
    for (size_t i = 0, n = 0; jk_format_name(i); i++)
        if (jk_formats_has(o->formats, jk_format_name(i)))
            jk_buf_addf(b, "%s%s", n++ ? "," : "", jk_format_name(i));
    jk_buf_addc(b, '"');
    jk_buf_adds(b, "\n  },\n");
}

/* Flushing b every 64 KB keeps a 200,000-file list out of memory. */
enum { INPUTS_FLUSH = 64 * 1024 };

static enum jk_status json_inputs(struct jk_buf *b, const struct jk_run *run, FILE *out,
                                  struct jk_diag *diag)
{
    enum jk_status st = JK_OK;
    jk_buf_adds(b, "  \"inputs\": [");
    for (size_t i = 0; i < run->n_docs && st == JK_OK; i++) {
        const struct jk_doc_record *d = &run->docs[i];
        jk_buf_adds(b, i ? ",\n    {\"path\": " : "\n    {\"path\": ");
        jk_json_string(b, d->path);
        jk_buf_addf(b, ", \"bytes\": %llu, \"sha256\": \"%s\", \"used\": %s}",
                    (unsigned long long)d->bytes, d->sha256, d->skipped ? "false" : "true");
        if (b->len >= INPUTS_FLUSH) {
            st = emit(b, out, diag);
            jk_buf_clear(b);
        }
    }
    jk_buf_adds(b, "\n  ],\n");
    return st;
}

static void json_created(struct jk_buf *b)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    time_t now = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
    struct tm tm;
    char when[32];
    gmtime_r(&now, &tm);
    strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
    jk_buf_addf(b, "  \"created\": \"%s\"\n", when);
}

enum jk_status jk_write_run_json(const void *ctx, FILE *out, struct jk_diag *diag)
{
    const struct jk_run *run = ctx;
    struct jk_buf b;
    jk_buf_init(&b);
    jk_buf_adds(&b, "{\n  \"tool\": \"jaringkata\",\n  \"version\": \"" JK_VERSION "\",\n");
    jk_buf_adds(&b, "  \"command\": \"map\",\n");
    json_options(&b, run);
    enum jk_status st = json_inputs(&b, run, out, diag);
    if (st != JK_OK) {
        jk_buf_release(&b);
        return st;
    }
    jk_buf_adds(&b, "  \"libraries\": {");
    jk_library_versions(&b);
    jk_buf_adds(&b, "},\n");
    jk_buf_addf(&b,
                "  \"result\": {\"documents\": %zu, \"terms\": %zu, \"links\": %zu, "
                "\"clusters\": %zu, \"quality\": %.17g},\n",
                run->docs_used, run->map->n_terms, run->map->n_links, run->map->n_clusters,
                run->map->quality);
    json_created(&b);
    jk_buf_adds(&b, "}\n");
    st = emit(&b, out, diag);
    jk_buf_release(&b);
    return st;
}
