/*
 * Tests of src/docqueue: documents merged in the order they were added, and
 * the same counter, byte for byte, with one thread or several.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "docqueue.h"
#include "resources.h"
#include "testutil.h"

#ifndef JK_SOURCE_DIR
#define JK_SOURCE_DIR "."
#endif

enum { DOCS = 600 }; /* more than one batch */

struct fixture {
    struct jk_map_options opt;
    struct jk_resources res;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));
    jk_map_options_init(&f->opt);
    f->opt.stopwords_dir = JK_SOURCE_DIR "/stopwords";
    f->opt.stem = false;
    jk_resources_init(&f->res);
    struct jk_diag diag = {0};
    assert_int_equal(jk_resources_load(&f->res, &f->opt, &diag), JK_OK);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    jk_resources_release(&f->res);
    free(f);
    return 0;
}

/* Document i: topic words that vary with i, an acronym definition in some. */
static void document(size_t i, char *buf, size_t n)
{
    static const char *const topics[] = {"kerja sama internasional", "pemerintah daerah",
                                         "pembangunan ekonomi", "sister city"};
    snprintf(buf, n,
             "Penelitian %zu tentang %s dan %s. Sumber daya manusia (SDM) penting bagi %s "
             "di provinsi %zu. Pelaksa-\nnaan program berjalan.",
             i, topics[i % 4], topics[(i / 4) % 4], topics[(i + 1) % 4], i % 7);
    if (i % 5 == 0)
        strncat(buf, " Otonomi daerah (OTDA) berkembang.", n - strlen(buf) - 1);
    /* a word of this document only (its number in letters): terms occurring once */
    char unique[32] = " Tentang kota zq";
    for (size_t k = i, at = strlen(unique); k; k /= 10)
        unique[at++] = (char)('a' + k % 10), unique[at] = '\0';
    strncat(buf, unique, n - strlen(buf) - 1);
    strncat(buf, " raya.", n - strlen(buf) - 1);
}

struct merged {
    struct jk_counter counter;
    struct jk_acronyms *acronyms;
    uint32_t files[DOCS];
    size_t n;
    bool sketched;      /* a sketch pass first; the count pass drops single occurrences */
    uint64_t dropped;   /* occurrences the count pass dropped */
    size_t max_items;   /* the most items the count pass logged for one document */
    size_t large_after; /* when not 0: batches grow after this many documents in a pass */
};

static void merge_nothing(void *ctx, const struct jk_doc_job *job, const char *texts,
                          const struct jk_count_log *log)
{
    (void)texts;
    (void)log;
    struct merged *m = ctx;
    m->files[m->n++] = job->file;
    assert_int_equal(job->log_from, job->log_to); /* the sketch pass logs nothing */
}

static void merge_learned(void *ctx, const struct jk_doc_job *job, const char *texts,
                          const struct jk_count_log *log)
{
    (void)texts;
    struct merged *m = ctx;
    m->files[m->n++] = job->file;
    jk_docwork_add_definitions(m->acronyms, log, job->log_from, job->log_to);
}

static void merge_counted(void *ctx, const struct jk_doc_job *job, const char *texts,
                          const struct jk_count_log *log)
{
    struct merged *m = ctx;
    char title[32];
    snprintf(title, sizeof(title), "title %u", job->file);
    assert_int_equal(job->title_len, strlen(title));
    assert_memory_equal(texts + job->title, title, job->title_len);
    m->files[m->n++] = job->file;
    m->dropped += job->stats.dropped;
    if (job->log_to - job->log_from > m->max_items)
        m->max_items = job->log_to - job->log_from;
    jk_counter_begin_doc(&m->counter);
    jk_counter_replay(&m->counter, log, job->log_from, job->log_to);
    jk_counter_end_doc(&m->counter);
}

/* Both passes over DOCS documents on `threads` threads into m. */
static void run(struct fixture *f, size_t threads, struct merged *m, struct jk_lexicon *lexicon,
                struct jk_acronyms *acronyms)
{
    struct jk_docqueue q;
    struct jk_diag diag = {0};
    assert_int_equal(jk_docqueue_init(&q, threads, &f->res, &f->opt, lexicon, acronyms, &diag),
                     JK_OK);
    if (m->large_after)
        q.large_after = m->large_after;
    char buf[512], title[32];
    m->acronyms = acronyms;
    jk_docqueue_begin(&q, JK_PASS_LEARN, NULL, merge_learned, m);
    for (size_t i = 0; i < DOCS; i++) {
        document(i, buf, sizeof(buf));
        jk_docqueue_add(&q, buf, strlen(buf), NULL, 0, NAN, NAN, (uint32_t)i, false);
    }
    jk_docqueue_finish(&q);
    for (size_t i = 0; i < DOCS; i++)
        assert_int_equal(m->files[i], i);
    jk_acronyms_resolve(acronyms);
    struct jk_sketch sketch;
    jk_sketch_init(&sketch, 1000);
    for (int pass = m->sketched ? 0 : 1; pass < 2; pass++) {
        m->n = 0;
        jk_docqueue_begin(&q, pass == 0 ? JK_PASS_SKETCH : JK_PASS_COUNT,
                          m->sketched ? &sketch : NULL, pass == 0 ? merge_nothing : merge_counted,
                          m);
        for (size_t i = 0; i < DOCS; i++) {
            document(i, buf, sizeof(buf));
            snprintf(title, sizeof(title), "title %zu", i);
            jk_docqueue_add(&q, buf, strlen(buf), title, strlen(title), 2020, NAN, (uint32_t)i,
                            false);
        }
        jk_docqueue_finish(&q);
    }
    jk_sketch_release(&sketch);
    for (size_t i = 0; i < DOCS; i++)
        assert_int_equal(m->files[i], i);
    jk_docqueue_release(&q);
}

static void assert_same_counter(const struct jk_counter *a, const struct jk_counter *b)
{
    assert_int_equal(jk_counter_terms(a), jk_counter_terms(b));
    for (uint32_t t = 0; t < jk_counter_terms(a); t++) {
        assert_string_equal(jk_strmap_key(&a->terms, t), jk_strmap_key(&b->terms, t));
        assert_int_equal(a->tally[t].full, b->tally[t].full);
        assert_int_equal(a->tally[t].docs, b->tally[t].docs);
    }
    assert_int_equal(a->n_docs, b->n_docs);
    assert_int_equal(a->pool_len, b->pool_len);
    assert_memory_equal(a->pool_terms, b->pool_terms, a->pool_len * sizeof(*a->pool_terms));
    assert_memory_equal(a->pool_counts, b->pool_counts, a->pool_len * sizeof(*a->pool_counts));
}

/* Two runs side by side, each with its merge target, lexicon and acronyms. */
struct twins {
    struct merged *m[2];
    struct jk_lexicon lex[2];
    struct jk_acronyms acr[2];
};

static void twins_init(struct twins *t)
{
    for (int k = 0; k < 2; k++) {
        t->m[k] = test_calloc(1, sizeof(*t->m[k]));
        jk_counter_init(&t->m[k]->counter);
        jk_lexicon_init(&t->lex[k]);
        jk_acronyms_init(&t->acr[k]);
    }
}

static void twins_release(struct twins *t)
{
    for (int k = 0; k < 2; k++) {
        jk_counter_release(&t->m[k]->counter);
        jk_lexicon_release(&t->lex[k]);
        jk_acronyms_release(&t->acr[k]);
        test_free(t->m[k]);
    }
}

static void test_same_counter_with_one_or_three_threads(void **state)
{
    struct fixture *f = *state;
    struct twins tw;
    size_t threads[2] = {1, 3};
    twins_init(&tw);
    for (int k = 0; k < 2; k++)
        run(f, threads[k], tw.m[k], &tw.lex[k], &tw.acr[k]);
    assert_same_counter(&tw.m[0]->counter, &tw.m[1]->counter);
    assert_int_equal(tw.m[0]->counter.n_docs, DOCS);
    /* the first pass's words reached the shared lexicon: the line-break join is known */
    for (int k = 0; k < 2; k++) {
        assert_true(jk_lexicon_has(&tw.lex[k], "penelitian", 10));
        assert_true(jk_lexicon_knows(&tw.lex[k], "program", 7));
        size_t len;
        assert_non_null(jk_acronyms_long(&tw.acr[k], "sdm", 3, &len));
        assert_int_equal(jk_acronyms_count(&tw.acr[k]), jk_acronyms_count(&tw.acr[0]));
    }
    assert_true(jk_strmap_find(&tw.m[1]->counter.terms, "pemerintahdaerah", 16) != JK_NO_ID);
    twins_release(&tw);
}

/* Batches that grow in the middle of each pass (as past 32,768 documents) change nothing. */
static void test_larger_batches_count_the_same(void **state)
{
    struct fixture *f = *state;
    struct twins tw;
    twins_init(&tw);
    tw.m[1]->large_after = 100; /* then batches of 256: 64 * 2, then 256 and the rest */
    for (int k = 0; k < 2; k++) {
        tw.m[k]->sketched = true;
        run(f, 2, tw.m[k], &tw.lex[k], &tw.acr[k]);
    }
    assert_same_counter(&tw.m[0]->counter, &tw.m[1]->counter);
    assert_int_equal(tw.m[1]->counter.n_docs, DOCS);
    assert_int_equal(tw.m[0]->dropped, tw.m[1]->dropped);
    assert_true(tw.m[1]->dropped > 0);
    twins_release(&tw);
}

/* With a sketch, the counter keeps exactly the terms occurring more than once, counted alike. */
static void test_sketch_drops_only_single_occurrences(void **state)
{
    struct fixture *f = *state;
    struct twins tw;
    twins_init(&tw);
    for (int k = 0; k < 2; k++) {
        tw.m[k]->sketched = k == 1;
        run(f, 2, tw.m[k], &tw.lex[k], &tw.acr[k]);
    }
    const struct jk_counter *all = &tw.m[0]->counter, *kept = &tw.m[1]->counter;
    uint64_t singles = 0;
    size_t repeated = 0;
    for (uint32_t t = 0; t < jk_counter_terms(all); t++) {
        const char *key = jk_strmap_key(&all->terms, t);
        uint32_t k = jk_strmap_find(&kept->terms, key, strlen(key));
        if (all->tally[t].full == 1) {
            singles++;
            continue;
        }
        repeated++;
        assert_int_not_equal(k, JK_NO_ID);
        assert_int_equal(kept->tally[k].full, all->tally[t].full);
        assert_int_equal(kept->tally[k].docs, all->tally[t].docs);
    }
    assert_true(singles > 0 && repeated > 0);
    assert_int_equal(tw.m[1]->dropped + jk_counter_terms(kept), jk_counter_terms(all));
    assert_true(tw.m[1]->dropped > 0);
    twins_release(&tw);
}

/* A 5 MB document of the test's documents over and over, then small ones: all passes. */
static void run_long(struct fixture *f, bool merge, struct merged *m, struct jk_lexicon *lexicon,
                     struct jk_acronyms *acronyms)
{
    struct jk_docqueue q;
    struct jk_diag diag = {0};
    assert_int_equal(jk_docqueue_init(&q, 2, &f->res, &f->opt, lexicon, acronyms, &diag), JK_OK);
    assert_true(q.merge_repeats); /* the document unit */
    q.merge_repeats = merge;
    struct jk_buf big;
    jk_buf_init(&big);
    char buf[512];
    for (size_t i = 0; big.len < (5u << 20); i++) {
        document(i % DOCS, buf, sizeof(buf));
        jk_buf_add(&big, buf, strlen(buf));
        jk_buf_addc(&big, '\n');
    }
    m->acronyms = acronyms;
    struct jk_sketch sketch;
    jk_sketch_init(&sketch, 100000);
    const enum jk_pass passes[] = {JK_PASS_LEARN, JK_PASS_SKETCH, JK_PASS_COUNT};
    const jk_doc_merge_fn merges[] = {merge_learned, merge_nothing, merge_counted};
    for (int p = 0; p < 3; p++) {
        m->n = 0;
        jk_docqueue_begin(&q, passes[p], p ? &sketch : NULL, merges[p], m);
        for (size_t i = 0; i < 6; i++) {
            document(i, buf, sizeof(buf));
            const char *text = i == 0 ? big.data : buf;
            char title[32];
            snprintf(title, sizeof(title), "title %zu", i);
            jk_docqueue_add(&q, text, i == 0 ? big.len : strlen(buf), title, strlen(title), 2020,
                            NAN, (uint32_t)i, false);
        }
        jk_docqueue_finish(&q);
        if (p == 0)
            jk_acronyms_resolve(acronyms);
    }
    jk_sketch_release(&sketch);
    jk_buf_release(&big);
    jk_docqueue_release(&q);
}

/*
 * A long document's repeats are merged in the count pass (and its buffers
 * freed after it): the counter is the one every occurrence replayed gives.
 */
static void test_long_document_merged_counts_the_same(void **state)
{
    struct fixture *f = *state;
    struct twins tw;
    twins_init(&tw);
    for (int k = 0; k < 2; k++)
        run_long(f, k == 1, tw.m[k], &tw.lex[k], &tw.acr[k]);
    assert_same_counter(&tw.m[0]->counter, &tw.m[1]->counter);
    const struct jk_counter *c = &tw.m[1]->counter;
    assert_int_equal(c->n_docs, 6);
    for (uint32_t t = 0; t < jk_counter_terms(c); t++) {
        assert_int_equal(c->tally[t].full_en, tw.m[0]->counter.tally[t].full_en);
        assert_int_equal(c->first[t].count, tw.m[0]->counter.first[t].count);
    }
    uint32_t t = jk_strmap_find(&c->terms, "pemerintahdaerah", 16);
    assert_int_not_equal(t, JK_NO_ID);
    assert_true(c->tally[t].full >
                10000); /* the long document's thousands of repeats, all counted */
    assert_int_equal(tw.m[0]->dropped, tw.m[1]->dropped);
    assert_true(tw.m[1]->max_items <
                tw.m[0]->max_items / 50); /* merged: one item per term and way */
    twins_release(&tw);
}

struct files_seen {
    size_t n;
    bool usable[4];
    size_t invalid[4];
    enum jk_status status[4];
    char title[4][32];
};

static void merge_file(void *ctx, const struct jk_doc_job *job, const char *texts,
                       const struct jk_count_log *log)
{
    (void)log;
    struct files_seen *f = ctx;
    assert_non_null(job->src);
    assert_int_equal(job->file, f->n);
    size_t len;
    const char *title = jk_doc_job_title(job, texts, &len);
    snprintf(f->title[f->n], sizeof(f->title[f->n]), "%.*s", (int)len, title);
    f->usable[f->n] = job->usable;
    f->invalid[f->n] = job->info.invalid_utf8;
    f->status[f->n] = job->read_status;
    f->n++;
}

static void first_line_title(const void *ctx, struct jk_buf *text, struct jk_doc_job *job)
{
    (void)ctx;
    size_t n = strcspn(text->data, "\n");
    job->read_title_len = n < JK_DOC_TITLE_MAX ? n : JK_DOC_TITLE_MAX;
    memcpy(job->read_title, text->data, job->read_title_len);
}

/* A queue of two threads whose files are titled by their first line, with its lexicon. */
struct file_queue {
    struct jk_lexicon lex;
    struct jk_acronyms acr;
    struct jk_docqueue q;
};

static void file_queue_init(struct file_queue *fq, struct fixture *f)
{
    jk_lexicon_init(&fq->lex);
    jk_acronyms_init(&fq->acr);
    struct jk_diag diag = {0};
    assert_int_equal(jk_docqueue_init(&fq->q, 2, &f->res, &f->opt, &fq->lex, &fq->acr, &diag),
                     JK_OK);
    jk_docqueue_set_reader(&fq->q, NULL, first_line_title, NULL);
}

static void file_queue_release(struct file_queue *fq)
{
    jk_docqueue_release(&fq->q);
    jk_lexicon_release(&fq->lex);
    jk_acronyms_release(&fq->acr);
}

/* Files the threads read themselves: text, binary, invalid UTF-8 and missing, in order. */
static void test_threads_read_files(void **state)
{
    struct fixture *f = *state;
    char dir[64], path[4][128];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "a.txt", "Judul satu\nKerja sama pemerintah daerah.");
    tu_write(dir, "b.txt", "PK\0\1binary", 10);
    tu_write_str(dir, "c.txt", "Judul \xff tiga\nKerja sama.");
    const char *names[4] = {"a.txt", "b.txt", "c.txt", "gone.txt"};
    struct jk_source src[4];
    for (int i = 0; i < 4; i++) {
        snprintf(path[i], sizeof(path[i]), "%s/%s", dir, names[i]);
        src[i] = (struct jk_source){path[i], 0, 0};
    }
    struct file_queue fq;
    file_queue_init(&fq, f);
    struct files_seen seen = {0};
    jk_docqueue_begin(&fq.q, JK_PASS_LEARN, NULL, merge_file, &seen);
    for (uint32_t i = 0; i < 4; i++)
        jk_docqueue_add_file(&fq.q, &src[i], i, NAN);
    jk_docqueue_finish(&fq.q);
    assert_int_equal(seen.n, 4);
    assert_true(seen.usable[0]);
    assert_string_equal(seen.title[0], "Judul satu");
    assert_false(seen.usable[1]); /* binary */
    assert_true(seen.usable[2]);
    assert_int_equal(seen.invalid[2], 1);
    assert_int_equal(seen.status[3], JK_E_INPUT); /* missing: the error reaches the merge */
    assert_false(seen.usable[3]);
    assert_true(jk_lexicon_has(&fq.lex, "pemerintah", 10)); /* learned from a.txt */
    file_queue_release(&fq);
    tu_rmtree(dir);
}

struct sketches_seen {
    struct jk_near_sketch near[8];
    bool whole[8];
    uint32_t samples[8][256]; /* the first of each job's samples */
    size_t n_samples[8];
    size_t n;
};

static void merge_sketch(void *ctx, const struct jk_doc_job *job, const char *texts,
                         const struct jk_count_log *log)
{
    (void)texts, (void)log;
    struct sketches_seen *seen = ctx;
    seen->near[seen->n] = job->near;
    seen->whole[seen->n] = job->whole;
    seen->n_samples[seen->n] = job->n_samples;
    if (job->n_samples)
        memcpy(seen->samples[seen->n], job->samples,
               (job->n_samples < 256 ? job->n_samples : 256) * sizeof(uint32_t));
    seen->n++;
}

/* A text of a title and n words, each its own ("ka", "kb", ...: numbers are not words). */
static char *distinct_words(size_t n)
{
    char *text = malloc(8 * n + 16);
    size_t len = (size_t)sprintf(text, "Judul\n");
    for (size_t k = 0; k < n; k++) {
        text[len++] = 'k';
        for (size_t v = k; v; v /= 26)
            text[len++] = (char)('a' + v % 26);
        text[len++] = k % 12 == 11 ? '.' : ' ';
        if (k % 12 == 11)
            text[len++] = ' ';
    }
    text[len] = '\0';
    return text;
}

/*
 * One text as a file, as a whole document (a PDF's text) and as a record,
 * learned with near-copy sketches on or off: the sketches and samples of
 * whole files only, the same for both, whichever thread made them.
 */
static void test_whole_files_are_sketched_for_near_copies(void **state)
{
    struct fixture *f = *state;
    char dir[64], path[128];
    char *text = distinct_words(3200); /* about 100 samples */
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "a.txt", text);
    snprintf(path, sizeof(path), "%s/a.txt", dir);
    struct jk_source src = {path, 0, 0};
    for (int on = 0; on < 2; on++) {
        struct file_queue fq;
        file_queue_init(&fq, f);
        jk_docqueue_find_near_copies(&fq.q, on);
        struct sketches_seen seen = {0};
        jk_docqueue_begin(&fq.q, JK_PASS_LEARN, NULL, merge_sketch, &seen);
        for (int round = 0; round < 2; round++) { /* two of each: both threads get work */
            jk_docqueue_add_file(&fq.q, &src, 0, NAN);
            jk_docqueue_add_whole(&fq.q, text, strlen(text), 1, 0);
            jk_docqueue_add(&fq.q, text, strlen(text), NULL, 0, NAN, NAN, 2, false);
        }
        jk_docqueue_finish(&fq.q);
        assert_int_equal(seen.n, 6);
        for (size_t i = 0; i < 6; i++) {
            bool record = i % 3 == 2, sketched = on && !record;
            assert_int_equal(seen.whole[i], !record);
            assert_int_equal(seen.near[i].shingles, sketched ? 3201 - 4 : 0);
            assert_int_equal(seen.n_samples[i] > 0, sketched);
            if (!sketched)
                continue;
            assert_true(jk_near_resemblance(&seen.near[i], &seen.near[0]) == 1.0);
            assert_int_equal(seen.n_samples[i], seen.n_samples[0]);
            assert_true(seen.n_samples[0] >= 50 && seen.n_samples[0] <= 256);
            assert_memory_equal(seen.samples[i], seen.samples[0],
                                seen.n_samples[0] * sizeof(uint32_t));
        }
        file_queue_release(&fq);
    }
    tu_rmtree(dir);
    free(text);
}

/* Entries in folder dir (the spool is unlinked as soon as it is made). */
static size_t entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    closedir(d);
    return n;
}

/*
 * One learning pass then one counting pass over a.txt and c.txt, which are
 * changed and removed in between; spool_dir NULL: no spool; fail: the
 * spools fail after the learning pass.
 */
static void learn_change_count(struct fixture *f, const char *spool_dir, bool fail,
                               struct files_seen *seen)
{
    char dir[64], path[2][128];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "a.txt", "Judul satu\nKerja sama pemerintah daerah.");
    tu_write_str(dir, "c.txt", "Judul tiga\nKota kembar.");
    struct jk_source src[2];
    snprintf(path[0], sizeof(path[0]), "%s/a.txt", dir);
    snprintf(path[1], sizeof(path[1]), "%s/c.txt", dir);
    src[0] = (struct jk_source){path[0], 0, 0};
    src[1] = (struct jk_source){path[1], 0, 0};
    struct file_queue fq;
    file_queue_init(&fq, f);
    struct jk_docqueue *q = &fq.q;
    if (spool_dir)
        jk_docqueue_spool(q, spool_dir);
    struct files_seen learned = {0};
    jk_docqueue_begin(q, JK_PASS_LEARN, NULL, merge_file, &learned);
    for (uint32_t i = 0; i < 2; i++)
        jk_docqueue_add_file(q, &src[i], i, NAN);
    jk_docqueue_finish(q);
    assert_true(learned.usable[0] && learned.usable[1]);
    for (size_t t = 0; fail && q->spools && t < q->n_threads; t++)
        q->spools[t].failed = true;
    tu_write_str(dir, "a.txt", "Judul lain\nPariwisata.");
    unlink(path[1]);
    jk_docqueue_begin(q, JK_PASS_COUNT, NULL, merge_file, seen);
    for (uint32_t i = 0; i < 2; i++)
        jk_docqueue_add_file(q, &src[i], i, NAN);
    jk_docqueue_finish(q);
    assert_int_equal(seen->n, 2);
    file_queue_release(&fq);
    tu_rmtree(dir);
}

/* The later passes read what the learning pass read, from the spool, not the files again. */
static void test_later_passes_read_the_spool(void **state)
{
    struct fixture *f = *state;
    char spool[64];
    tu_mkdtemp(spool, sizeof(spool));
    struct files_seen seen = {0};
    learn_change_count(f, spool, false, &seen);
    assert_string_equal(seen.title[0], "Judul satu");
    assert_true(seen.usable[1]); /* removed after the learning pass, still in the spool */
    assert_string_equal(seen.title[1], "Judul tiga");
    assert_int_equal(entries(spool), 0);
    tu_rmtree(spool);
}

/* No spool (its folder is missing) or a failed one: the files are read again. */
static void test_without_spool_files_are_read_again(void **state)
{
    struct fixture *f = *state;
    for (int fail = 0; fail < 2; fail++) {
        char spool[64];
        tu_mkdtemp(spool, sizeof(spool));
        char missing[128];
        snprintf(missing, sizeof(missing), "%s/missing", spool);
        struct files_seen seen = {0};
        learn_change_count(f, fail ? spool : missing, fail, &seen);
        assert_string_equal(seen.title[0], "Judul lain");
        assert_false(seen.usable[1]);
        assert_int_equal(seen.status[1], JK_E_INPUT);
        tu_rmtree(spool);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_same_counter_with_one_or_three_threads, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_long_document_merged_counts_the_same, setup, teardown),
        cmocka_unit_test_setup_teardown(test_larger_batches_count_the_same, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sketch_drops_only_single_occurrences, setup, teardown),
        cmocka_unit_test_setup_teardown(test_threads_read_files, setup, teardown),
        cmocka_unit_test_setup_teardown(test_whole_files_are_sketched_for_near_copies, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_later_passes_read_the_spool, setup, teardown),
        cmocka_unit_test_setup_teardown(test_without_spool_files_are_read_again, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
