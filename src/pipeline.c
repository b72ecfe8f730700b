/*
 * The map command's pipeline (see pipeline.h). Documents are streamed twice:
 * the first pass learns the corpus's words (so the cleaner can tell
 * "pelaksa-\nnaan" is "pelaksanaan") and checks every file; the second pass
 * extracts and counts terms. Document text is never held beyond one file.
 */
#include "pipeline.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clean.h"
#include "cluster.h"
#include "cooccur.h"
#include "corpus.h"
#include "export_csv.h"
#include "export_graphml.h"
#include "export_vos.h"
#include "network.h"
#include "outdir.h"
#include "report.h"
#include "stopwords.h"
#include "terms.h"
#include "tokenize.h"
#include "util/igraph_glue.h"
#include "util/mem.h"

/*
 * Words of the corpus, for mending "pelaksa-\nnaan". The first pass counts
 * how often each word is seen, and how often the cleaner asked whether a
 * joined form ("pelaksanaan", no hyphen) is a word: knowing nothing yet, the
 * cleaner then joins by its own rule, so the joined word is seen once per
 * question. A word is known when it was seen more often than that, so a join
 * never vouches for itself. (The cleaner's second question, the hyphenated
 * form, is not counted: the join did not produce it.)
 */
struct lexicon {
    struct jk_strmap words;
    uint32_t *seen;
    uint32_t *asked;
    size_t cap;
};

static void lexicon_init(struct lexicon *l)
{
    jk_strmap_init(&l->words);
    l->seen = l->asked = NULL;
    l->cap = 0;
}

static void lexicon_release(struct lexicon *l)
{
    jk_strmap_release(&l->words);
    free(l->seen);
    free(l->asked);
    lexicon_init(l);
}

static uint32_t lexicon_intern(struct lexicon *l, const char *word, size_t len)
{
    bool added;
    uint32_t id = jk_strmap_intern(&l->words, word, len, &added);
    if (added) {
        size_t cap = l->cap;
        JK_GROW(l->seen, id + 1, cap);
        cap = l->cap;
        JK_GROW(l->asked, id + 1, cap);
        l->cap = cap;
        l->seen[id] = l->asked[id] = 0;
    }
    return id;
}

/* First pass: remember the question, know nothing yet. */
static bool lexicon_ask(void *ctx, const char *word, size_t len)
{
    struct lexicon *l = ctx;
    if (memchr(word, '-', len))
        return false;
    uint32_t id = lexicon_intern(l, word, len);
    l->asked[id]++;
    return false;
}

/* Second pass: known when seen beyond what line-break joins produced. */
static bool lexicon_knows(void *ctx, const char *word, size_t len)
{
    const struct lexicon *l = ctx;
    uint32_t id = jk_strmap_find(&l->words, word, len);
    return id != JK_NO_ID && l->seen[id] > l->asked[id];
}

/* Everything one run holds; released in reverse order by state_release. */
struct state {
    const struct jk_map_options *opt;
    struct jk_corpus corpus;
    struct jk_doc_record *docs;
    struct jk_stopwords stopwords;
    struct jk_tokenizer tokenizer;
    bool tokenizer_ready;
    struct lexicon known; /* words seen in the corpus */
    struct jk_buf text, clean, lower;
    struct jk_tokens tokens;
    struct jk_extractor extractor;
    struct jk_counter counter;
    struct jk_selection selection;
    struct jk_map map;
    struct jk_outdir out;
    struct jk_run run;
    bool progress;
    time_t last_progress;
};

static void state_init(struct state *s, const struct jk_map_options *opt)
{
    memset(s, 0, sizeof(*s));
    s->opt = opt;
    jk_corpus_init(&s->corpus);
    jk_stopwords_init(&s->stopwords);
    lexicon_init(&s->known);
    jk_buf_init(&s->text);
    jk_buf_init(&s->clean);
    jk_buf_init(&s->lower);
    jk_tokens_init(&s->tokens);
    jk_extractor_init(&s->extractor, &s->stopwords, opt->max_words);
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
    jk_extractor_release(&s->extractor);
    jk_tokens_release(&s->tokens);
    jk_buf_release(&s->lower);
    jk_buf_release(&s->clean);
    jk_buf_release(&s->text);
    lexicon_release(&s->known);
    if (s->tokenizer_ready)
        jk_tokenizer_release(&s->tokenizer);
    jk_stopwords_release(&s->stopwords);
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

static enum jk_status load_list(struct state *s, const char *name, bool phrases, bool optional,
                                struct jk_diag *diag)
{
    char *path = jk_malloc(strlen(s->opt->stopwords_dir) + strlen(name) + 2);
    sprintf(path, "%s/%s", s->opt->stopwords_dir, name);
    enum jk_status st = JK_OK;
    if (optional && access(path, R_OK) != 0) {
        free(path);
        return JK_OK;
    }
    if (access(path, R_OK) != 0)
        st = jk_error(diag, JK_E_INPUT,
                      "bundled stopword list '%s' not found; give the stopwords folder with "
                      "--stopwords-dir DIR",
                      path);
    else if (phrases)
        st = jk_stopwords_load_phrases(&s->stopwords, path, diag);
    else
        st = jk_stopwords_load(&s->stopwords, path, diag);
    if (st == JK_OK && s->run.n_stopword_lists < 8)
        s->run.stopword_lists[s->run.n_stopword_lists++] = name;
    free(path);
    return st;
}

static enum jk_status load_stopwords(struct state *s, struct jk_diag *diag)
{
    enum jk_status st = load_list(s, "id.txt", false, false, diag);
    if (st == JK_OK)
        st = load_list(s, "en.txt", false, false, diag);
    if (st == JK_OK && s->opt->academic)
        st = load_list(s, "academic-id.txt", false, false, diag);
    if (st == JK_OK)
        st = load_list(s, "protected-id.txt", true, true, diag);
    for (size_t i = 0; st == JK_OK && i < s->opt->n_stopword_files; i++)
        st = jk_stopwords_load(&s->stopwords, s->opt->stopword_files[i], diag);
    return st;
}

/* Reads document i into s->text; false when it is skipped. Warns on the first pass only. */
static enum jk_status read_doc(struct state *s, size_t i, bool first, bool *usable,
                               struct jk_diag *diag)
{
    struct jk_read_info info;
    const struct jk_source *src = &s->corpus.files[i];
    enum jk_status st = jk_corpus_read(src, &s->text, &info, diag);
    *usable = st == JK_OK && !info.binary;
    if (st != JK_OK || !first)
        return st;
    struct jk_doc_record *d = &s->docs[i];
    d->path = src->path;
    d->bytes = info.bytes;
    memcpy(d->sha256, info.sha256, sizeof(d->sha256));
    d->skipped = info.binary;
    d->invalid_utf8 = info.invalid_utf8;
    if (info.binary)
        jk_warn("skipping '%s': it is a binary file (NUL byte), not text", src->path);
    else if (info.invalid_utf8)
        jk_warn("'%s': invalid UTF-8 at byte %llu (%zu sequences replaced by U+FFFD); save it "
                "as UTF-8 for exact results",
                src->path, (unsigned long long)info.first_invalid, info.invalid_utf8);
    return st;
}

static void learn_words(struct state *s)
{
    jk_clean(s->text.data, s->text.len, &s->clean, lexicon_ask, &s->known);
    jk_tokens_clear(&s->tokens);
    jk_tokenize(&s->tokenizer, s->clean.data, s->clean.len, &s->lower, &s->tokens);
    for (size_t t = 0; t < s->tokens.count; t++) {
        const struct jk_token *tok = &s->tokens.items[t];
        if (tok->kind != JK_TOK_WORD)
            continue;
        uint32_t id = lexicon_intern(&s->known, s->lower.data + tok->offset, tok->length);
        s->known.seen[id]++;
    }
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
        if (usable) {
            s->run.docs_used++;
            learn_words(s);
        }
        progress(s, "reading", i + 1, n);
    }
    if (s->run.docs_used == 0)
        return jk_error(diag, JK_E_INPUT,
                        "none of the %zu documents under '%s' is text (all are binary); give "
                        "a folder of .txt/.md documents",
                        n, s->opt->inputs[0]);
    return JK_OK;
}

/* Where the candidates of one document go; sentences are counted as candidates arrive. */
struct candidate_sink {
    struct jk_counter *counter;
    const struct jk_token *tokens;
    size_t cursor;     /* tokens before it are counted in sentence */
    uint32_t sentence; /* sentence number of tokens[cursor] */
};

static void count_candidate(void *ctx, const char *key, size_t key_len, const char *surface,
                            size_t surface_len, uint32_t first_token)
{
    struct candidate_sink *sink = ctx;
    for (; sink->cursor < first_token; sink->cursor++)
        sink->sentence += sink->tokens[sink->cursor].kind == JK_TOK_SENTENCE_END;
    jk_counter_add_at(sink->counter, key, key_len, surface, surface_len, first_token,
                      sink->sentence);
}

static void count_doc(struct state *s, struct jk_doc_record *d)
{
    jk_clean(s->text.data, s->text.len, &s->clean, lexicon_knows, &s->known);
    jk_tokens_clear(&s->tokens);
    jk_tokenize(&s->tokenizer, s->clean.data, s->clean.len, &s->lower, &s->tokens);
    for (size_t t = 0; t < s->tokens.count; t++)
        d->tokens += s->tokens.items[t].kind == JK_TOK_WORD;
    s->run.tokens += d->tokens;
    size_t before = s->counter.pool_len;
    jk_counter_begin_doc(&s->counter);
    struct candidate_sink sink = {&s->counter, s->tokens.items, 0, 0};
    jk_extract_terms(&s->extractor, s->lower.data, s->tokens.items, s->tokens.count,
                     count_candidate, &sink);
    jk_counter_end_doc(&s->counter);
    d->terms = (uint32_t)(s->counter.pool_len - before);
}

static enum jk_status second_pass(struct state *s, struct jk_diag *diag)
{
    size_t n = s->corpus.count;
    for (size_t i = 0; i < n; i++) {
        if (s->docs[i].skipped)
            continue;
        bool usable;
        enum jk_status st = read_doc(s, i, false, &usable, diag);
        if (st != JK_OK)
            return st;
        if (usable)
            count_doc(s, &s->docs[i]);
        progress(s, "extracting terms", i + 1, n);
    }
    progress(s, "extracting terms", n, n);
    s->run.candidate_terms = jk_counter_terms(&s->counter);
    s->run.candidate_occurrences = s->counter.candidates;
    return JK_OK;
}

static enum jk_status select_and_link(struct state *s, struct jk_diag *diag)
{
    enum jk_status st = jk_select_terms(&s->counter, &s->opt->select, &s->selection, diag);
    if (st != JK_OK)
        return st;
    if (s->selection.threshold_auto)
        note(s,
             "--min-occurrences not given: using %u (%zu terms reach it); set "
             "--min-occurrences N to override",
             s->selection.threshold, s->selection.reaching);
    jk_build_map(&s->counter, &s->selection, s->opt->select.counting, s->opt->unit, &s->map);
    jk_select_relevant(&s->map, &s->selection, s->opt->select.keep_percent);
    if (s->map.n_links == 0)
        return jk_error(diag, JK_E_EMPTY,
                        "the %zu selected terms never occur together in a document, so there is "
                        "no network; lower --min-occurrences or add documents",
                        s->map.n_terms);
    jk_network_associate(&s->map);
    return jk_cluster(&s->map, &s->opt->cluster, diag);
}

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

static enum jk_status export_all(struct state *s, struct jk_diag *diag)
{
    struct jk_run *run = &s->run;
    run->opt = s->opt;
    run->docs = s->docs;
    run->n_docs = s->corpus.count;
    run->selection = &s->selection;
    run->map = &s->map;
    const struct {
        const char *name;
        jk_writer_fn write;
        const void *ctx;
    } files[] = {
        {"network.graphml", w_graphml, &s->map},
        {"vosviewer_map.txt", w_vos_map, &s->map},
        {"vosviewer_network.txt", w_vos_net, &s->map},
        {"terms.csv", w_terms, &s->map},
        {"links.csv", w_links, &s->map},
        {"clusters.csv", w_clusters, &s->map},
        {"report.md", jk_write_report, run},
        {"run.json", jk_write_run_json, run},
    };
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        enum jk_status st =
            jk_outdir_write(&s->out, files[i].name, files[i].write, files[i].ctx, diag);
        if (st != JK_OK)
            return st;
    }
    return jk_outdir_commit(&s->out, diag);
}

static enum jk_status prepare(struct state *s, struct jk_diag *diag)
{
    jk_igraph_setup();
    enum jk_status st = jk_corpus_collect(&s->corpus, s->opt->inputs, s->opt->n_inputs, diag);
    if (st == JK_OK)
        st = jk_outdir_open(&s->out, s->opt->output, diag);
    if (st == JK_OK)
        st = load_stopwords(s, diag);
    if (st == JK_OK) {
        st = jk_tokenizer_init(&s->tokenizer, diag);
        s->tokenizer_ready = st == JK_OK;
    }
    return st;
}

enum jk_status jk_run_map(const struct jk_map_options *opt, struct jk_diag *diag)
{
    struct state *s = jk_malloc(sizeof(*s));
    state_init(s, opt);
    enum jk_status st = prepare(s, diag);
    if (st == JK_OK)
        st = first_pass(s, diag);
    if (st == JK_OK)
        st = second_pass(s, diag);
    if (st == JK_OK)
        st = select_and_link(s, diag);
    if (st == JK_OK)
        st = export_all(s, diag);
    if (st == JK_OK)
        note(s, "mapped %zu terms, %zu links, %zu clusters from %zu documents into '%s'",
             s->map.n_terms, s->map.n_links, s->map.n_clusters, s->run.docs_used, opt->output);
    state_release(s);
    free(s);
    return st;
}
