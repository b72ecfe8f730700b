/*
 * Documents queued for the per-document stages (docwork) on several
 * threads, with an ordered merge. The caller adds documents one by one; they
 * are copied into a batch, and a full batch goes to the worker threads while
 * the caller reads on. Each document's results (its logged candidates or
 * acronym definitions, and its statistics) are handed to the caller's merge
 * function on the caller's thread in the order the documents were added, so
 * the outputs are the same, byte for byte, whatever the number of threads.
 */
#ifndef JK_DOCQUEUE_H
#define JK_DOCQUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "corpus.h"
#include "count.h"
#include "docwork.h"
#include "lexicon.h"
#include "nearcopy.h"
#include "sketch.h"
#include "util/buf.h"
#include "util/spool.h"
#include "workers.h"

/* Longest title a document keeps (report.md's documents table). */
#define JK_DOC_TITLE_MAX 200

/* One queued document: where its text is, what the merge needs, and its results. */
struct jk_doc_job {
    size_t text, text_len;   /* in the batch's texts */
    size_t title, title_len; /* likewise */
    double year, citations;  /* NAN when unknown */
    uint32_t file;           /* the corpus file it came from */
    bool keywords;           /* text is a record's author keywords (--items keywords) */
    /* a plain text file the thread reads itself (jk_docqueue_add_file), or NULL */
    const struct jk_source *src;
    struct jk_read_info info;   /* what reading it found */
    enum jk_status read_status; /* and its error, with read_diag */
    struct jk_diag read_diag;
    bool whole;    /* the whole of one file (plain text or PDF), not one of its records */
    bool usable;   /* read, and neither binary nor empty */
    unsigned cuts; /* what --section cut, the caller's bits (set by the prepare function) */
    char read_title[JK_DOC_TITLE_MAX]; /* its title (set by the prepare function) */
    size_t read_title_len;
    /* results */
    struct jk_doc_stats stats;
    uint32_t thread;            /* whose log holds its items */
    size_t log_from, log_to;    /* its items in that log */
    struct jk_spool_span spool; /* where the learning pass spooled its text (in thread's) */
    struct jk_near_sketch near; /* a whole file's, by the learning pass (near_copies) */
    /* with near: its sequences' samples (nearcopy.h), sorted; set for the merge only */
    const uint32_t *samples;
    size_t samples_from, n_samples; /* where they are in its thread's batch samples */
};

/* Where a file's text is in the threads' spools (see jk_docqueue_spool). */
struct jk_spooled {
    struct jk_spool_span span; /* ok is false when the file was not spooled */
    uint32_t thread;           /* whose spool */
};

struct jk_doc_batch {
    struct jk_buf texts;
    struct jk_doc_job *jobs;
    size_t n, cap;
    struct jk_count_log *logs;          /* one per thread */
    struct jk_shingle_samples *samples; /* one per thread (near_copies) */
    struct jk_docqueue *queue;
};

/*
 * Called for each document in order; log holds its items [job->log_from,
 * job->log_to), texts its title (at job->title).
 */
typedef void (*jk_doc_merge_fn)(void *ctx, const struct jk_doc_job *job, const char *texts,
                                const struct jk_count_log *log);

/*
 * Called on a worker thread for a file it read itself, before the text is
 * processed: may cut the text and must fill job->read_title and
 * job->cuts; must write nothing but text and job.
 */
typedef void (*jk_doc_prepare_fn)(const void *ctx, struct jk_buf *text, struct jk_doc_job *job);

/* What a pass over the documents does with each. */
enum jk_pass {
    JK_PASS_LEARN,  /* words into per-thread lexicons, acronym definitions logged */
    JK_PASS_SKETCH, /* candidates into the sketch only (nothing logged) */
    JK_PASS_COUNT,  /* candidates logged; with a sketch, only those it says repeat */
};

struct jk_docqueue {
    struct jk_workers workers;
    size_t n_threads;
    struct jk_docwork *work;    /* one per thread */
    size_t n_work;              /* initialised so far */
    struct jk_lexicon *learned; /* one per thread: the first pass's words */
    struct jk_doc_batch batch[2];
    size_t filling; /* the batch being filled; the other may be with the threads */
    bool busy;      /* the other batch is with the threads */
    enum jk_pass pass;
    size_t queued;            /* documents added in this pass */
    size_t large_after;       /* batches grow past this many in a pass (init: 32,768) */
    bool merge_repeats;       /* a long document's repeats merge in the count pass (jk_count_log) */
    bool near_copies;         /* the learning pass sketches whole files (nearcopy.h) */
    struct jk_sketch *sketch; /* borrowed, or NULL */
    jk_doc_merge_fn merge;
    void *merge_ctx;
    const struct jk_source_options *sources; /* for files read by the threads */
    jk_doc_prepare_fn prepare;
    const void *prepare_ctx;
    struct jk_buf *reads;       /* one per thread: the text of the file it read */
    struct jk_spool *spools;    /* one per thread, when spooling (else NULL) */
    struct jk_spooled *spooled; /* per corpus file number, filled by the learning pass */
    size_t n_spooled;
};

/*
 * Starts the threads and one docwork per thread (borrowing res, opt,
 * lexicon and acronyms, which must outlive the queue). JK_E_INTERNAL when a
 * docwork cannot be made; the queue must be released either way.
 */
enum jk_status jk_docqueue_init(struct jk_docqueue *q, size_t n_threads,
                                const struct jk_resources *res, const struct jk_map_options *opt,
                                struct jk_lexicon *lexicon, struct jk_acronyms *acronyms,
                                struct jk_diag *diag);
void jk_docqueue_release(struct jk_docqueue *q);

/*
 * Begins a pass; merge gets every document's results in order. sketch is
 * filled by JK_PASS_SKETCH and filters JK_PASS_COUNT (NULL: no filter);
 * a filtered document's stats.dropped says how many occurrences it lost.
 */
void jk_docqueue_begin(struct jk_docqueue *q, enum jk_pass pass, struct jk_sketch *sketch,
                       jk_doc_merge_fn merge, void *ctx);
/* How the threads read and prepare files queued with jk_docqueue_add_file. */
void jk_docqueue_set_reader(struct jk_docqueue *q, const struct jk_source_options *sources,
                            jk_doc_prepare_fn prepare, const void *ctx);
/*
 * Spools the learning pass: each plain text file a thread reads is appended
 * to that thread's spool in folder dir, and the later passes read it from
 * there instead of opening the file again. Call before the learning pass.
 * Best effort: when a spool cannot be made or written, the files are read
 * again as without it. Outputs are the same either way.
 */
void jk_docqueue_spool(struct jk_docqueue *q, const char *dir);
/*
 * Queues a plain text file (not PDF, not a record file) that a thread reads:
 * with the SHA-256 in the learning pass (jk_corpus_read), without it after
 * (jk_corpus_reread). The merge sees job->src set, and read_status, info
 * and usable filled in; an unusable file has no items. src must outlive the pass.
 */
void jk_docqueue_add_file(struct jk_docqueue *q, const struct jk_source *src, uint32_t file,
                          double year);
/* The title of a queued document: job->read_title for a file a thread read, else in texts. */
const char *jk_doc_job_title(const struct jk_doc_job *job, const char *texts, size_t *len);
/* Queues one document (text and title copied; title may be NULL). */
void jk_docqueue_add(struct jk_docqueue *q, const char *text, size_t len, const char *title,
                     size_t title_len, double year, double citations, uint32_t file, bool keywords);
/*
 * Queues one document that is the whole of file (a PDF's text): the merge
 * sees job->whole, and job->cuts as given (what --section cut).
 */
void jk_docqueue_add_whole(struct jk_docqueue *q, const char *text, size_t len, uint32_t file,
                           unsigned cuts);
/*
 * Whether the learning pass sketches each whole file's five-word sequences
 * into job->near, and samples them into job->samples, to find near copies
 * and files inside others (nearcopy.h). Off at init.
 */
void jk_docqueue_find_near_copies(struct jk_docqueue *q, bool on);
/*
 * Processes and merges everything queued, then frees the pass's batches
 * (texts and logs). After a learning pass, adds the per-thread lexicons to
 * lexicon.
 */
void jk_docqueue_finish(struct jk_docqueue *q);

/* The first thread's docwork, for work done once (acronym aliases). */
struct jk_docwork *jk_docqueue_docwork(struct jk_docqueue *q);

#endif
