/*
 * The map command's pipeline (see pipeline.h). Documents are streamed twice:
 * the first pass checks every file and learns the corpus's words and
 * acronym definitions (so the cleaner can tell "pelaksa-\nnaan" is
 * "pelaksanaan" and "SDM" can stand for "sumber daya manusia"); the second
 * pass extracts and counts terms. Document text is never held beyond one
 * file. Then selection, co-occurrence, network, clustering, layout, export.
 */
#include "pipeline.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "acronym.h"
#include "cluster.h"
#include "cooccur.h"
#include "corpus.h"
#include "docwork.h"
#include "layout.h"
#include "lexicon.h"
#include "network.h"
#include "outdir.h"
#include "outputs.h"
#include "resources.h"
#include "sources.h"
#include "termfile.h"
#include "util/igraph_glue.h"
#include "util/mem.h"

/* Everything one run holds; released in reverse order by state_release. */
struct state {
    const struct jk_map_options *opt;
    struct jk_corpus corpus;
    struct jk_doc_record *docs;
    struct jk_resources res;
    struct jk_lexicon lexicon;
    struct jk_acronyms acronyms;
    struct jk_docwork work;
    bool work_ready;
    struct jk_buf text;
    struct jk_counter counter;
    struct jk_selection selection;
    struct jk_map map;
    double *doc_years;     /* per counted document (the counter's order); NAN unknown */
    double *doc_citations; /* likewise */
    uint32_t *doc_file;    /* likewise: the file it came from */
    char **doc_title;      /* likewise: its title (owned), or NULL */
    uint32_t *doc_terms;   /* likewise: distinct candidate terms */
    size_t n_meta;         /* documents noted in these arrays */
    size_t cap_meta;
    struct jk_buf record_text;
    struct jk_strmap seen_records; /* DOIs and normalised titles of records read */
    struct jk_strmap duplicates;   /* "file:record" of records found twice */
    size_t current_file;
    struct jk_outdir out;
    struct jk_run run;
    bool progress;
    time_t last_progress;
    double timings[6]; /* seconds per stage, for --timings (see stage_names) */
    double stage_start;
};

static const char *const stage_names[] = {"reading",    "counting", "selection",
                                          "clustering", "layout",   "writing"};

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Ends the current stage: its seconds go to timings[stage]. */
static void stage_done(struct state *s, size_t stage)
{
    double t = now_seconds();
    s->timings[stage] += t - s->stage_start;
    s->stage_start = t;
}

/* --timings: each stage's seconds on stderr. */
static void print_timings(const struct state *s)
{
    if (!s->opt->timings)
        return;
    fputs("jaringkata: timings:", stderr);
    for (size_t i = 0; i < sizeof(stage_names) / sizeof(*stage_names); i++)
        fprintf(stderr, "%s %s %.3f s", i ? "," : "", stage_names[i], s->timings[i]);
    fputc('\n', stderr);
}

static void state_init(struct state *s, const struct jk_map_options *opt)
{
    memset(s, 0, sizeof(*s));
    s->opt = opt;
    jk_corpus_init(&s->corpus);
    jk_resources_init(&s->res);
    jk_lexicon_init(&s->lexicon);
    jk_acronyms_init(&s->acronyms);
    jk_buf_init(&s->text);
    jk_buf_init(&s->record_text);
    jk_strmap_init(&s->seen_records);
    jk_strmap_init(&s->duplicates);
    jk_counter_init(&s->counter);
    if (opt->unit.kind != JK_UNIT_DOCUMENT)
        jk_counter_keep_positions(&s->counter);
    jk_selection_init(&s->selection);
    jk_map_init(&s->map);
    jk_outdir_init(&s->out);
    s->progress = !opt->quiet && isatty(STDERR_FILENO);
}

static void state_release(struct state *s)
{
    jk_outdir_release(&s->out);
    jk_map_release(&s->map);
    jk_selection_release(&s->selection);
    jk_counter_release(&s->counter);
    jk_buf_release(&s->text);
    if (s->work_ready)
        jk_docwork_release(&s->work);
    jk_acronyms_release(&s->acronyms);
    jk_lexicon_release(&s->lexicon);
    jk_resources_release(&s->res);
    free(s->doc_years);
    free(s->doc_citations);
    for (size_t d = 0; d < s->n_meta; d++)
        free(s->doc_title[d]);
    free(s->doc_title);
    free(s->doc_file);
    free(s->doc_terms);
    jk_buf_release(&s->record_text);
    jk_strmap_release(&s->seen_records);
    jk_strmap_release(&s->duplicates);
    free(s->docs);
    jk_corpus_release(&s->corpus);
}

static void progress(struct state *s, const char *what, size_t done, size_t total)
{
    if (!s->progress)
        return;
    time_t now = time(NULL);
    if (done < total && now == s->last_progress)
        return;
    s->last_progress = now;
    fprintf(stderr, "\r%s: %zu/%zu documents", what, done, total);
    if (done == total)
        fputs("\r\033[K", stderr);
    fflush(stderr);
}

static void note(const struct state *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void note(const struct state *s, const char *fmt, ...)
{
    if (s->opt->quiet)
        return;
    va_list ap;
    va_start(ap, fmt);
    fputs("jaringkata: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

/* Reads document i into s->text; *usable is false when it is skipped. Warns on the first pass. */
static enum jk_status read_doc(struct state *s, size_t i, bool first, bool *usable,
                               struct jk_diag *diag)
{
    struct jk_read_info info;
    const struct jk_source *src = &s->corpus.files[i];
    enum jk_status st = jk_corpus_read(src, &s->opt->sources, &s->text, &info, diag);
    *usable = st == JK_OK && !info.binary && !info.skip_reason;
    if (st != JK_OK || !first)
        return st;
    struct jk_doc_record *d = &s->docs[i];
    d->path = src->path;
    d->bytes = info.bytes;
    memcpy(d->sha256, info.sha256, sizeof(d->sha256));
    d->skipped = info.binary || info.skip_reason;
    d->year = info.year;
    d->skip_note = info.binary ? "skipped: binary" : info.skip_reason ? "skipped: no text" : NULL;
    d->invalid_utf8 = info.invalid_utf8;
    if (info.binary)
        jk_warn("skipping '%s': it is a binary file (NUL byte), not text", src->path);
    else if (info.cp1252)
        jk_warn("'%s': not UTF-8 (first at byte %llu); read as Windows-1252 (Latin-1); save it "
                "as UTF-8 to be sure",
                src->path, (unsigned long long)info.first_invalid);
    else if (info.invalid_utf8)
        jk_warn("'%s': invalid UTF-8 at byte %llu (%zu sequences replaced by U+FFFD); save it "
                "as UTF-8 for exact results",
                src->path, (unsigned long long)info.first_invalid, info.invalid_utf8);
    return st;
}

/*
 * With --section abstract, cuts a plain or PDF document down to its abstract;
 * a document without one stays whole. Counts the abstracts on the first pass.
 */
static void keep_section(struct state *s, bool first)
{
    if (s->opt->section_abstract && jk_keep_abstract(&s->text) && first)
        s->run.abstracts_found++;
}

static void learn_document(struct state *s, struct jk_doc_record *d, const char *text, size_t len)
{
    s->run.docs_used++;
    d->records++;
    jk_docwork_learn(&s->work, text, len);
}

/* "file:record", the identity of a record across the two passes. */
static void record_id(char *out, size_t n, size_t file, const struct jk_record *r)
{
    snprintf(out, n, "%zu:%zu", file, r->number);
}

/* The record's identity for duplicates: its DOI, else its title in lower-case letters and digits.
 */
static bool duplicate_key(const struct jk_record *r, struct jk_buf *key)
{
    jk_buf_clear(key);
    if (r->doi.len) {
        jk_buf_adds(key, "doi:");
        jk_buf_add(key, r->doi.data, r->doi.len);
        return true;
    }
    jk_buf_adds(key, "title:");
    for (size_t i = 0; i < r->title.len; i++) {
        unsigned char ch = (unsigned char)r->title.data[i];
        if (ch >= 0x80 || isalnum(ch))
            jk_buf_addc(key, (char)tolower(ch));
    }
    return key->len > 6;
}

/* First pass: a record found before (same DOI or title) is noted and not read again. */
static enum jk_status learn_record(void *ctx, const char *text, size_t len,
                                   const struct jk_record *r, struct jk_diag *diag)
{
    (void)diag;
    struct state *s = ctx;
    struct jk_buf key;
    jk_buf_init(&key);
    bool added = true;
    if (duplicate_key(r, &key))
        jk_strmap_intern(&s->seen_records, key.data, key.len, &added);
    jk_buf_release(&key);
    if (!added) {
        char id[64];
        record_id(id, sizeof(id), s->current_file, r);
        jk_strmap_intern(&s->duplicates, id, strlen(id), NULL);
        s->run.duplicates++;
        return JK_OK;
    }
    learn_document(s, &s->docs[s->current_file], text, len);
    return JK_OK;
}

static enum jk_status first_pass(struct state *s, struct jk_diag *diag)
{
    size_t n = s->corpus.count;
    s->docs = jk_calloc(n, sizeof(*s->docs));
    for (size_t i = 0; i < n; i++) {
        bool usable;
        enum jk_status st = read_doc(s, i, true, &usable, diag);
        if (st != JK_OK)
            return st;
        s->current_file = i;
        if (usable && jk_is_record_file(s->corpus.files[i].path, &s->opt->sources))
            st = jk_read_records(s->corpus.files[i].path, &s->opt->sources, learn_record, s,
                                 &s->record_text, diag);
        else if (usable) {
            keep_section(s, true);
            learn_document(s, &s->docs[i], s->text.data, s->text.len);
        }
        if (st != JK_OK)
            return st;
        progress(s, "reading", i + 1, n);
    }
    if (s->run.docs_used == 0)
        return jk_error(diag, JK_E_INPUT,
                        "none of the %zu documents under '%s' has usable text (binary files, or "
                        "PDFs that are encrypted, scanned or damaged); give a folder of .txt, .md "
                        "or .pdf documents",
                        n, s->opt->inputs[0]);
    jk_acronyms_resolve(&s->acronyms);
    return JK_OK;
}

static void record_stats(struct state *s, struct jk_doc_record *d, const struct jk_doc_stats *st)
{
    d->tokens += st->tokens;
    d->terms += st->terms;
    s->run.tokens += st->tokens;
    s->run.sentences_id += st->sent_id;
    s->run.sentences_en += st->sent_en;
    s->run.pattern_matches += st->patterns;
}

/* The document about to be counted: its file, title, year and citations. */
static void note_metadata(struct state *s, const struct jk_buf *title, double year,
                          double citations)
{
    size_t d = s->counter.n_docs, cap = s->cap_meta;
    JK_GROW(s->doc_years, d + 1, cap);
    cap = s->cap_meta;
    JK_GROW(s->doc_citations, d + 1, cap);
    cap = s->cap_meta;
    JK_GROW(s->doc_file, d + 1, cap);
    cap = s->cap_meta;
    JK_GROW(s->doc_title, d + 1, cap);
    cap = s->cap_meta;
    JK_GROW(s->doc_terms, d + 1, cap);
    s->cap_meta = cap;
    s->doc_years[d] = year;
    s->doc_citations[d] = citations;
    s->doc_file[d] = (uint32_t)s->current_file;
    s->doc_title[d] =
        title && title->len ? jk_strndup(title->data, title->len < 200 ? title->len : 200) : NULL;
    s->doc_terms[d] = 0;
    s->n_meta = d + 1;
}

/* After counting the document noted last. */
static void counted(struct state *s, const struct jk_doc_stats *stats)
{
    s->doc_terms[s->counter.n_docs - 1] = stats->terms;
    record_stats(s, &s->docs[s->current_file], stats);
}

/* Second pass: counts one document of the current file. */
static void count_document(struct state *s, const char *text, size_t len,
                           const struct jk_buf *title, double year, double citations)
{
    note_metadata(s, title, year, citations);
    struct jk_doc_stats stats;
    jk_docwork_count(&s->work, text, len, &s->counter, &stats);
    counted(s, &stats);
}

/* A plain document's title for the report: its first non-empty line, markup trimmed. */
static void first_line(const struct jk_buf *text, struct jk_buf *title)
{
    jk_buf_clear(title);
    const char *p = text->data, *end = text->data + text->len;
    while (p < end && (isspace((unsigned char)*p) || *p == '#' || *p == '*' || *p == '_'))
        p++;
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    const char *stop = eol ? eol : end;
    while (stop > p && (isspace((unsigned char)stop[-1]) || stop[-1] == '*' || stop[-1] == '_'))
        stop--;
    jk_buf_add(title, p, (size_t)(stop - p));
}

/* A plain or PDF document (its abstract with --section abstract). */
static void count_text(struct state *s, size_t file)
{
    struct jk_buf title;
    jk_buf_init(&title);
    first_line(&s->text, &title);
    keep_section(s, false);
    double year = s->docs[file].year > 0 ? s->docs[file].year : NAN;
    count_document(s, s->text.data, s->text.len, &title, year, NAN);
    jk_buf_release(&title);
}

/* --items keywords: the record's author keywords are its terms. */
static void count_keywords(struct state *s, const struct jk_record *r)
{
    note_metadata(s, &r->title, r->year > 0 ? r->year : NAN, r->citations);
    struct jk_doc_stats stats;
    jk_docwork_count_keywords(&s->work, r->keywords.data, r->keywords.len, &s->counter, &stats);
    counted(s, &stats);
}

static enum jk_status count_record(void *ctx, const char *text, size_t len,
                                   const struct jk_record *r, struct jk_diag *diag)
{
    (void)diag;
    struct state *s = ctx;
    char id[64];
    record_id(id, sizeof(id), s->current_file, r);
    if (jk_strmap_find(&s->duplicates, id, strlen(id)) != JK_NO_ID)
        return JK_OK;
    if (s->opt->items_keywords)
        count_keywords(s, r);
    else
        count_document(s, text, len, &r->title, r->year > 0 ? r->year : NAN, r->citations);
    return JK_OK;
}

static enum jk_status second_pass(struct state *s, struct jk_diag *diag)
{
    size_t n = s->corpus.count;
    for (size_t i = 0; i < n; i++) {
        if (s->docs[i].skipped)
            continue;
        s->current_file = i;
        enum jk_status st = JK_OK;
        bool usable;
        /* record files are read by their reader; plain text only when terms are mined */
        if (jk_is_record_file(s->corpus.files[i].path, &s->opt->sources))
            st = jk_read_records(s->corpus.files[i].path, &s->opt->sources, count_record, s,
                                 &s->record_text, diag);
        else if (!s->opt->items_keywords) {
            st = read_doc(s, i, false, &usable, diag);
            if (st == JK_OK && usable)
                count_text(s, i);
        }
        if (st != JK_OK)
            return st;
        progress(s, "extracting terms", i + 1, n);
    }
    progress(s, "extracting terms", n, n);
    jk_docwork_add_acronym_aliases(&s->work, &s->counter);
    s->run.candidate_terms = jk_counter_terms(&s->counter);
    s->run.candidate_occurrences = s->counter.candidates;
    return JK_OK;
}

/* The terms selected in a reviewed terms file. */
static enum jk_status select_from_file(struct state *s, struct jk_diag *diag)
{
    struct jk_termfile tf;
    jk_termfile_init(&tf);
    enum jk_status st = jk_termfile_load(&tf, s->opt->terms_file, diag);
    if (st == JK_OK) {
        size_t n = jk_termfile_count(&tf), k = 0;
        const char **labels = jk_malloc((n ? n : 1) * sizeof(*labels));
        for (size_t i = 0; i < n; i++)
            if (tf.selected[i])
                labels[k++] = jk_strmap_key(&tf.terms, (uint32_t)i);
        st = jk_select_listed(&s->counter, labels, k, s->opt->select.counting, &s->selection, diag);
        free(labels);
    }
    jk_termfile_release(&tf);
    return st;
}

static enum jk_status select_terms(struct state *s, struct jk_diag *diag)
{
    if (s->opt->terms_file)
        return select_from_file(s, diag);
    enum jk_status st = jk_select_terms(&s->counter, &s->opt->select, &s->selection, diag);
    if (st == JK_OK && s->selection.threshold_auto)
        note(s,
             "--min-occurrences not given: using %u (%zu terms reach it); set "
             "--min-occurrences N to override",
             s->selection.threshold, s->selection.reaching);
    return st;
}

/* Selection, co-occurrence of the selected terms, relevance. */
static enum jk_status select_and_count(struct state *s, struct jk_diag *diag)
{
    enum jk_status st = select_terms(s, diag);
    if (st != JK_OK)
        return st;
    jk_build_map(&s->counter, &s->selection, s->opt->select.counting, s->opt->unit, &s->map);
    jk_map_average_metadata(&s->map, &s->counter, &s->selection, s->doc_years, s->doc_citations);
    jk_select_relevant(&s->map, &s->selection, s->opt->select.keep_percent);
    return JK_OK;
}

static enum jk_status build_network(struct state *s, struct jk_diag *diag)
{
    enum jk_status st = select_and_count(s, diag);
    if (st != JK_OK)
        return st;
    if (s->opt->largest_component)
        jk_map_keep_largest_component(&s->map);
    if (s->map.n_links == 0)
        return jk_error(diag, JK_E_EMPTY,
                        "the %zu selected terms never occur together in a document, so there is "
                        "no network; lower --min-occurrences or add documents",
                        s->map.n_terms);
    stage_done(s, 2);
    jk_network_normalize(&s->map, s->opt->normalization);
    /* Raw counts are clustered as VOSviewer's LinLog/modularity variant does. */
    struct jk_cluster_options cluster = s->opt->cluster;
    cluster.strength_weights = s->opt->normalization == JK_NORM_NONE;
    st = jk_cluster(&s->map, &cluster, diag);
    stage_done(s, 3);
    if (st == JK_OK)
        st = jk_layout(&s->map, &s->opt->layout, diag);
    stage_done(s, 4);
    return st;
}

static enum jk_status export_all(struct state *s, struct jk_diag *diag)
{
    struct jk_run *run = &s->run;
    run->opt = s->opt;
    run->docs = s->docs;
    run->n_docs = s->corpus.count;
    run->selection = &s->selection;
    run->map = &s->map;
    run->lists = s->res.lists;
    run->n_lists = s->res.n_lists;
    run->stemming = s->res.stemming;
    run->acronyms = jk_acronyms_count(&s->acronyms);
    run->n_counted = s->counter.n_docs;
    run->doc_file = s->doc_file;
    run->doc_title = s->doc_title;
    run->doc_year = s->doc_years;
    run->doc_terms = s->doc_terms;
    if (!s->map.has_layout && !s->opt->quiet)
        note(s, "no layout (--layout none): map.svg, map.png and density pictures are skipped");
    return jk_write_outputs(&s->out, run, diag);
}

static enum jk_status prepare(struct state *s, struct jk_diag *diag)
{
    jk_igraph_setup();
    s->corpus.sources = &s->opt->sources;
    s->corpus.output = s->opt->output;
    enum jk_status st = jk_corpus_collect(&s->corpus, s->opt->inputs, s->opt->n_inputs, diag);
    if (st == JK_OK)
        st = jk_outdir_open(&s->out, s->opt->output, diag);
    if (st == JK_OK)
        st = jk_resources_load(&s->res, s->opt, diag);
    if (st == JK_OK) {
        st = jk_docwork_init(&s->work, &s->res, s->opt, &s->lexicon, &s->acronyms, diag);
        s->work_ready = true;
    }
    return st;
}

/* Reads and counts the corpus: everything before selection. */
static enum jk_status count_corpus(struct state *s, struct jk_diag *diag)
{
    s->stage_start = now_seconds();
    enum jk_status st = prepare(s, diag);
    if (st == JK_OK)
        st = first_pass(s, diag);
    stage_done(s, 0);
    if (st == JK_OK)
        st = second_pass(s, diag);
    stage_done(s, 1);
    return st;
}

enum jk_status jk_run_terms(const struct jk_map_options *opt, struct jk_diag *diag)
{
    struct state *s = jk_malloc(sizeof(*s));
    state_init(s, opt);
    enum jk_status st = count_corpus(s, diag);
    if (st == JK_OK)
        st = select_and_count(s, diag);
    if (st == JK_OK)
        st = jk_write_term_review(&s->out, &s->counter, &s->selection, opt->select.counting, diag);
    if (st == JK_OK)
        note(s,
             "listed %zu candidate terms (%zu selected) in '%s/terms.tsv'; edit the selected "
             "column and run 'jaringkata map --terms %s/terms.tsv'",
             s->selection.reaching, s->selection.kept, opt->output, opt->output);
    state_release(s);
    free(s);
    return st;
}

enum jk_status jk_run_map(const struct jk_map_options *opt, struct jk_diag *diag)
{
    struct state *s = jk_malloc(sizeof(*s));
    state_init(s, opt);
    enum jk_status st = count_corpus(s, diag);
    if (st == JK_OK)
        st = build_network(s, diag);
    if (st == JK_OK)
        st = export_all(s, diag);
    stage_done(s, 5);
    print_timings(s);
    if (st == JK_OK)
        note(s, "mapped %zu terms, %zu links, %zu clusters from %zu documents into '%s'",
             s->map.n_terms, s->map.n_links, s->map.n_clusters, s->run.docs_used, opt->output);
    state_release(s);
    free(s);
    return st;
}
