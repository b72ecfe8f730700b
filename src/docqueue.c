/* Documents through the per-document stages on several threads (see docqueue.h). */
#include "docqueue.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

/*
 * A batch goes to the threads when it holds this many documents or bytes of
 * text. Past LARGE_CORPUS documents in a pass batches are four times larger:
 * each batch costs thread wake-ups and a wait for the slower thread (kernel
 * time over the three passes of 200,000 documents: 2.0 CPU-s with 64-document
 * batches, 0.8 with 256), while the larger batches' logs add about 10 MB,
 * which a small corpus would feel (77 -> 85 MB at 20,000 documents).
 */
enum { BATCH_DOCS = 64, BATCH_BYTES = 1 << 18, LARGE_CORPUS = 1 << 15, LARGE_BATCH = 4 };
/* After a document this long, a thread frees the buffers it grew for it. */
enum { LONG_DOCUMENT = 4 << 20 };

static void batch_init(struct jk_doc_batch *b, struct jk_docqueue *q)
{
    memset(b, 0, sizeof(*b));
    jk_buf_init(&b->texts);
    b->queue = q;
    b->logs = jk_calloc(q->n_threads, sizeof(*b->logs));
    b->samples = jk_calloc(q->n_threads, sizeof(*b->samples));
    for (size_t t = 0; t < q->n_threads; t++) {
        jk_count_log_init(&b->logs[t]);
        jk_shingle_samples_init(&b->samples[t]);
    }
}

static void batch_release(struct jk_doc_batch *b, size_t n_threads)
{
    jk_buf_release(&b->texts);
    free(b->jobs);
    for (size_t t = 0; b->logs && t < n_threads; t++)
        jk_count_log_release(&b->logs[t]);
    for (size_t t = 0; b->samples && t < n_threads; t++)
        jk_shingle_samples_release(&b->samples[t]);
    free(b->logs);
    free(b->samples);
}

static void batch_clear(struct jk_doc_batch *b, size_t n_threads)
{
    jk_buf_clear(&b->texts);
    b->n = 0;
    for (size_t t = 0; t < n_threads; t++) {
        jk_count_log_clear(&b->logs[t]);
        b->samples[t].n = 0;
    }
}

enum jk_status jk_docqueue_init(struct jk_docqueue *q, size_t n_threads,
                                const struct jk_resources *res, const struct jk_map_options *opt,
                                struct jk_lexicon *lexicon, struct jk_acronyms *acronyms,
                                struct jk_diag *diag)
{
    memset(q, 0, sizeof(*q));
    q->merge_repeats = opt->unit.kind == JK_UNIT_DOCUMENT; /* no positions kept */
    q->large_after = LARGE_CORPUS;
    jk_workers_init(&q->workers, n_threads);
    q->n_threads = jk_workers_threads(&q->workers);
    q->work = jk_calloc(q->n_threads, sizeof(*q->work));
    q->learned = jk_calloc(q->n_threads, sizeof(*q->learned));
    q->reads = jk_calloc(q->n_threads, sizeof(*q->reads));
    for (size_t t = 0; t < q->n_threads; t++)
        jk_buf_init(&q->reads[t]);
    for (size_t b = 0; b < 2; b++)
        batch_init(&q->batch[b], q);
    for (size_t t = 0; t < q->n_threads; t++) {
        jk_lexicon_init(&q->learned[t]);
        enum jk_status st = jk_docwork_init(&q->work[t], res, opt, lexicon, acronyms, diag);
        q->n_work++;
        if (st != JK_OK)
            return st;
        q->work[t].learning = &q->learned[t];
    }
    return JK_OK;
}

void jk_docqueue_release(struct jk_docqueue *q)
{
    if (!q || !q->work)
        return;
    jk_workers_release(&q->workers);
    for (size_t b = 0; b < 2; b++)
        batch_release(&q->batch[b], q->n_threads);
    for (size_t t = 0; t < q->n_work; t++)
        jk_docwork_release(&q->work[t]);
    for (size_t t = 0; t < q->n_threads; t++) {
        jk_lexicon_release(&q->learned[t]);
        jk_buf_release(&q->reads[t]);
        if (q->spools)
            jk_spool_release(&q->spools[t]);
    }
    free(q->spools);
    free(q->spooled);
    free(q->reads);
    free(q->work);
    free(q->learned);
    memset(q, 0, sizeof(*q));
}

void jk_docqueue_begin(struct jk_docqueue *q, enum jk_pass pass, struct jk_sketch *sketch,
                       jk_doc_merge_fn merge, void *ctx)
{
    q->pass = pass;
    q->queued = 0;
    q->sketch = sketch;
    q->merge = merge;
    q->merge_ctx = ctx;
}

/* How far ahead the sketch's blocks are fetched: the sketch is far bigger than the cache. */
enum { SKETCH_AHEAD = 8 };

/* The sketch pass: the candidates logged since log->drain_from go into the sketch instead. */
static void sketch_items(void *ctx, struct jk_count_log *log)
{
    struct jk_sketch *sketch = ctx;
    for (size_t i = log->drain_from; i < log->n; i++) {
        if (i + SKETCH_AHEAD < log->n)
            jk_sketch_prefetch(sketch, log->items[i + SKETCH_AHEAD].hash);
        jk_sketch_add(sketch, log->items[i].hash);
    }
    log->n = log->drain_from;
}

/* The count pass with a sketch: drops candidates that occur once in the corpus. */
static uint32_t keep_repeated(const struct jk_sketch *sketch, struct jk_count_log *log, size_t from)
{
    size_t out = from;
    uint32_t dropped = 0;
    for (size_t i = from; i < log->n; i++) {
        if (i + SKETCH_AHEAD < log->n)
            jk_sketch_prefetch(sketch, log->items[i + SKETCH_AHEAD].hash);
        if (jk_sketch_repeated(sketch, log->items[i].hash))
            log->items[out++] = log->items[i];
        else
            dropped += log->items[i].times;
    }
    log->n = out;
    return dropped;
}

void jk_docqueue_spool(struct jk_docqueue *q, const char *dir)
{
    q->spools = jk_calloc(q->n_threads, sizeof(*q->spools));
    bool ok = true;
    for (size_t t = 0; t < q->n_threads; t++) {
        jk_spool_init(&q->spools[t]);
        ok = ok && jk_spool_open(&q->spools[t], dir);
    }
    if (ok)
        return;
    for (size_t t = 0; t < q->n_threads; t++)
        jk_spool_release(&q->spools[t]);
    free(q->spools);
    q->spools = NULL;
}

/* The spooled text of file job->file, if the learning pass spooled it and the spool is whole. */
static bool read_spooled(struct jk_docqueue *q, struct jk_buf *text, struct jk_doc_job *job)
{
    if (!q->spools || job->file >= q->n_spooled)
        return false;
    const struct jk_spooled *sp = &q->spooled[job->file];
    return jk_spool_read(&q->spools[sp->thread], &sp->span, text);
}

/* A file job: reads and prepares the file on this thread; false when it has no usable text. */
static bool read_file(struct jk_docqueue *q, size_t thread, struct jk_doc_job *job)
{
    struct jk_buf *text = &q->reads[thread];
    jk_diag_init(&job->read_diag);
    if (q->pass != JK_PASS_LEARN && read_spooled(q, text, job)) {
        memset(&job->info, 0, sizeof(job->info)); /* a usable file's: the merge reads none */
        job->read_status = JK_OK;
    } else {
        job->read_status =
            q->pass == JK_PASS_LEARN
                ? jk_corpus_read(job->src, q->sources, text, &job->info, &job->read_diag)
                : jk_corpus_reread(job->src, q->sources, text, &job->info, &job->read_diag);
        job->usable = job->read_status == JK_OK && !job->info.binary && !job->info.skip_reason;
        if (!job->usable)
            return false;
        if (q->pass == JK_PASS_LEARN && q->spools) /* the text as read, for the later passes */
            jk_spool_append(&q->spools[thread], text->data, text->len, &job->spool);
    }
    job->usable = true;
    q->prepare(q->prepare_ctx, text, job);
    job->text_len = text->len;
    return true;
}

/* One job on one thread: its docwork, its log. */
static void run_job(void *ctx, size_t thread, size_t index)
{
    struct jk_doc_batch *b = ctx;
    struct jk_docqueue *q = b->queue;
    struct jk_doc_job *job = &b->jobs[index];
    struct jk_docwork *w = &q->work[thread];
    struct jk_count_log *log = &b->logs[thread];
    job->thread = (uint32_t)thread;
    job->log_from = job->log_to = log->n;
    const char *text = b->texts.data ? b->texts.data + job->text : "";
    if (job->src) {
        if (!read_file(q, thread, job))
            return;
        text = q->reads[thread].data ? q->reads[thread].data : "";
    }
    memset(&job->stats, 0, sizeof(job->stats));
    log->hash_only = q->pass == JK_PASS_SKETCH;
    log->drain = log->hash_only ? sketch_items : NULL; /* also in the middle of a long document */
    log->drain_ctx = q->sketch;
    jk_count_log_begin_doc(log, q->pass == JK_PASS_COUNT && q->merge_repeats ? JK_LOG_MERGE_FROM
                                                                             : JK_LOG_NO_MERGE);
    if (q->pass == JK_PASS_LEARN) {
        bool near = q->near_copies && job->whole;
        job->samples_from = b->samples[thread].n;
        job->n_samples = jk_docwork_learn(w, text, job->text_len, log, near ? &job->near : NULL,
                                          near ? &b->samples[thread] : NULL);
    } else if (job->keywords)
        jk_docwork_count_keywords(w, text, job->text_len, log, &job->stats);
    else
        jk_docwork_count(w, text, job->text_len, log, &job->stats);
    if (q->pass == JK_PASS_SKETCH)
        sketch_items(q->sketch, log);
    else if (q->pass == JK_PASS_COUNT && q->sketch)
        job->stats.dropped = keep_repeated(q->sketch, log, job->log_from);
    job->log_to = log->n;
    if (job->text_len >= LONG_DOCUMENT) {
        jk_docwork_trim(w);
        if (job->src) { /* the text it read, which nothing needs after this */
            jk_buf_release(&q->reads[thread]);
            jk_buf_init(&q->reads[thread]);
        }
    }
}

/* The learning pass, in document order: where each file's text was spooled. */
static void note_spooled(struct jk_docqueue *q, const struct jk_doc_job *job)
{
    size_t cap = q->n_spooled;
    JK_GROW(q->spooled, (size_t)job->file + 1, cap);
    for (size_t f = q->n_spooled; f < cap; f++) /* files not spooled (yet) */
        q->spooled[f] = (struct jk_spooled){.span.ok = false, .thread = 0};
    q->n_spooled = cap;
    q->spooled[job->file] = (struct jk_spooled){job->spool, job->thread};
}

static void merge_batch(struct jk_docqueue *q, struct jk_doc_batch *b)
{
    for (size_t i = 0; i < b->n; i++) {
        struct jk_doc_job *job = &b->jobs[i];
        if (q->pass == JK_PASS_LEARN && q->spools && job->src)
            note_spooled(q, job);
        /* the thread's samples grow no more: a pointer into them holds for the merge */
        job->samples = job->n_samples ? b->samples[job->thread].v + job->samples_from : NULL;
        q->merge(q->merge_ctx, job, b->texts.data, &b->logs[job->thread]);
    }
    batch_clear(b, q->n_threads);
}

/*
 * Hands the filling batch to the threads, then merges the one they had
 * before (finished by then) while they work on the new one.
 */
static void dispatch(struct jk_docqueue *q)
{
    struct jk_doc_batch *now = &q->batch[q->filling], *before = &q->batch[!q->filling];
    jk_workers_wait(&q->workers);
    jk_workers_start(&q->workers, run_job, now, now->n);
    if (q->busy)
        merge_batch(q, before);
    q->busy = true;
    q->filling = !q->filling;
}

/* Whether the batch being filled is full (see BATCH_DOCS). */
static bool batch_full(const struct jk_docqueue *q)
{
    const struct jk_doc_batch *b = &q->batch[q->filling];
    size_t scale = q->queued > q->large_after ? LARGE_BATCH : 1;
    return b->n >= scale * BATCH_DOCS || b->texts.len >= scale * BATCH_BYTES;
}

/* A zeroed job at the end of the batch being filled, for document file. */
static struct jk_doc_job *new_job(struct jk_docqueue *q, uint32_t file, double year)
{
    struct jk_doc_batch *b = &q->batch[q->filling];
    q->queued++;
    JK_GROW(b->jobs, b->n + 1, b->cap);
    struct jk_doc_job *job = &b->jobs[b->n++];
    memset(job, 0, sizeof(*job));
    job->file = file;
    job->year = year;
    return job;
}

/* A job for text (and title, which may be NULL), both copied into the batch being filled. */
static struct jk_doc_job *add_text(struct jk_docqueue *q, const char *text, size_t len,
                                   const char *title, size_t title_len, double year, uint32_t file)
{
    struct jk_doc_batch *b = &q->batch[q->filling];
    struct jk_doc_job *job = new_job(q, file, year);
    job->text = b->texts.len;
    job->text_len = len;
    jk_buf_add(&b->texts, text, len);
    job->title = b->texts.len;
    job->title_len = title ? title_len : 0;
    if (title)
        jk_buf_add(&b->texts, title, title_len);
    return job;
}

void jk_docqueue_add(struct jk_docqueue *q, const char *text, size_t len, const char *title,
                     size_t title_len, double year, double citations, uint32_t file, bool keywords)
{
    struct jk_doc_job *job = add_text(q, text, len, title, title_len, year, file);
    job->citations = citations;
    job->keywords = keywords;
    if (batch_full(q))
        dispatch(q);
}

void jk_docqueue_add_whole(struct jk_docqueue *q, const char *text, size_t len, uint32_t file,
                           unsigned cuts)
{
    struct jk_doc_job *job = add_text(q, text, len, NULL, 0, NAN, file);
    job->citations = NAN;
    job->whole = true;
    job->cuts = cuts;
    if (batch_full(q))
        dispatch(q);
}

void jk_docqueue_find_near_copies(struct jk_docqueue *q, bool on)
{
    q->near_copies = on;
}

void jk_docqueue_set_reader(struct jk_docqueue *q, const struct jk_source_options *sources,
                            jk_doc_prepare_fn prepare, const void *ctx)
{
    q->sources = sources;
    q->prepare = prepare;
    q->prepare_ctx = ctx;
}

void jk_docqueue_add_file(struct jk_docqueue *q, const struct jk_source *src, uint32_t file,
                          double year)
{
    struct jk_doc_job *job = new_job(q, file, year);
    job->src = src;
    job->whole = true;
    job->citations = NAN;
    if (batch_full(q))
        dispatch(q);
}

const char *jk_doc_job_title(const struct jk_doc_job *job, const char *texts, size_t *len)
{
    if (job->src) {
        *len = job->read_title_len;
        return job->read_title;
    }
    *len = job->title_len;
    return texts + job->title;
}

void jk_docqueue_finish(struct jk_docqueue *q)
{
    if (q->batch[q->filling].n)
        dispatch(q);
    jk_workers_wait(&q->workers);
    if (q->busy)
        merge_batch(q, &q->batch[!q->filling]);
    q->busy = false;
    for (size_t b = 0; b < 2; b++) { /* the pass's logs and texts: megabytes no stage after needs */
        batch_release(&q->batch[b], q->n_threads);
        batch_init(&q->batch[b], q);
    }
    for (size_t t = 0; t < q->n_threads; t++) {
        jk_buf_release(&q->reads[t]);
        jk_buf_init(&q->reads[t]);
    }
    if (q->pass != JK_PASS_LEARN)
        return;
    for (size_t t = 0; t < q->n_threads; t++) {
        jk_lexicon_merge(q->work[t].lexicon, &q->learned[t]);
        jk_lexicon_release(&q->learned[t]);
        jk_lexicon_init(&q->learned[t]);
        if (q->spools)
            jk_spool_flush(&q->spools[t]);
    }
}

struct jk_docwork *jk_docqueue_docwork(struct jk_docqueue *q)
{
    return &q->work[0];
}
