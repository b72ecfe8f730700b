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
#include <pthread.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "acronym.h"
#include "bilingual.h"
#include "cluster.h"
#include "cooccur.h"
#include "corpus.h"
#include "docqueue.h"
#include "layout.h"
#include "lexicon.h"
#include "network.h"
#include "outdir.h"
#include "outputs.h"
#include "resources.h"
#include "sketch.h"
#include "sources.h"
#include "termfile.h"
#include "util/igraph_glue.h"
#include "util/mem.h"
#include "util/readahead.h"
#include "util/spool.h"

/* What the first pass warns about file by file (see warn_file). */
enum file_warning {
    FW_BINARY,
    FW_EMPTY,
    FW_WOS,
    FW_CP1252,
    FW_INVALID_UTF8,
    FW_COPY,
    FW_NEAR_COPY,
    FW_CONTAINED,
    FW_TABLE,
    FW_REFERENCES,
    FW_HUGE,
    FW_UNREADABLE,
    FW_TOO_LARGE,
    FW_KINDS
};

/* A file that is a work of its own (--document): a record file, or any file under file. */
enum { NO_WORK = UINT32_MAX };

/* What the first pass counted of a whole file, to take back when it is skipped after all. */
struct learned {
    uint64_t bytes; /* its text (after --section) */
    unsigned cuts;  /* what --section cut (enum jk_cut bits) */
};

/* Everything one run holds; released in reverse order by state_release. */
struct state {
    const struct jk_map_options *opt;
    struct jk_corpus corpus;
    struct jk_doc_record *docs;
    struct jk_resources res;
    struct jk_lexicon lexicon;
    struct jk_acronyms acronyms;
    struct jk_docqueue queue; /* the per-document stages, on --threads threads */
    bool queue_ready;
    uint64_t learned_bytes;     /* text the first pass read */
    struct jk_sketch sketch;    /* which candidates repeat (large corpora), or empty */
    uint64_t dropped;           /* candidate occurrences the sketch left out */
    enum jk_status read_status; /* the first file a thread could not read, with read_diag */
    struct jk_diag read_diag;
    struct jk_buf text;
    struct jk_spool pdf_spool;       /* the text of PDFs, for the later passes */
    struct jk_spool_span *pdf_spans; /* per corpus file: its text in pdf_spool */
    struct jk_counter counter;
    struct jk_bilingual bilingual;
    struct jk_selection selection;
    struct jk_map map;
    double *doc_years;     /* per counted document (the counter's order); NAN unknown */
    double *doc_citations; /* likewise */
    uint32_t *doc_file;    /* likewise: the file it came from */
    char **doc_title;      /* likewise: its title (owned; the first JK_REPORT_DOCUMENTS), or NULL */
    uint32_t *doc_terms;   /* likewise: distinct candidate terms */
    uint32_t *doc_files;   /* likewise: the files it was counted from (--document: several) */
    bool *doc_bilingual;   /* likewise: has Indonesian and English sentences */
    size_t n_meta;         /* documents noted in these arrays */
    size_t cap_meta;
    uint32_t *work; /* per corpus file: its work under --document (assign_works), or NO_WORK */
    size_t *order;  /* the corpus files in the sketch and count passes' order (assign_works) */
    /* The document being counted, open for its work's next file (--document folder, work). */
    struct open_doc {
        uint32_t work;    /* its work, or NO_WORK: no file goes on with it */
        uint32_t file;    /* its last part's file */
        uint64_t dropped; /* candidate occurrences the sketch left out of it */
        uint32_t sent_id, sent_en;
    } open;
    struct jk_buf record_text;
    struct jk_strmap seen_records; /* DOIs and normalised titles of records read */
    struct jk_strmap seen_files;   /* SHA-256 of the text files and PDFs read (first pass) */
    uint32_t *first_with;          /* per seen_files id: the file that had those bytes first */
    size_t cap_first_with;
    struct jk_near_index near;       /* sketches of the files kept (first pass; nearcopy.h) */
    struct jk_contain_index contain; /* samples of the files kept (first pass; nearcopy.h) */
    struct learned *learned;         /* per corpus file: what the first pass counted of it */
    size_t file_warnings[FW_KINDS];  /* per enum file_warning: files it was met in */
    struct jk_strmap duplicates;     /* "file:record" of records left out: found twice, or
                                        too large (jk_record_max_bytes) */
    size_t current_file;
    struct jk_outdir out;
    struct jk_run run;
    bool progress;
    time_t last_progress;
    double timings[6]; /* seconds per stage, for --timings (see stage_names) */
    double stage_start;
    double cpu[6]; /* CPU seconds per stage, all threads and helper processes */
    double cpu_start;
};

static const char *const stage_names[] = {"reading",    "counting", "selection",
                                          "clustering", "layout",   "writing"};

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU seconds so far: every thread's, and the clustering's helper processes' once ended. */
static double cpu_seconds(void)
{
    struct rusage self, children;
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_CHILDREN, &children);
    const struct timeval *tv[] = {&self.ru_utime, &self.ru_stime, &children.ru_utime,
                                  &children.ru_stime};
    double sum = 0;
    for (size_t i = 0; i < 4; i++)
        sum += (double)tv[i]->tv_sec + (double)tv[i]->tv_usec / 1e6;
    return sum;
}

/* Ends the current stage: its seconds go to timings[stage], its CPU seconds to cpu[stage]. */
static void stage_done(struct state *s, size_t stage)
{
    double t = now_seconds(), c = cpu_seconds();
    s->timings[stage] += t - s->stage_start;
    s->cpu[stage] += c - s->cpu_start;
    s->stage_start = t;
    s->cpu_start = c;
}

/* One line of --timings: what, then each stage's seconds. */
static void print_stages(const char *what, const double *seconds)
{
    fprintf(stderr, "jaringkata: %s:", what);
    for (size_t i = 0; i < sizeof(stage_names) / sizeof(*stage_names); i++)
        fprintf(stderr, "%s %s %.3f s", i ? "," : "", stage_names[i], seconds[i]);
    fputc('\n', stderr);
}

/* --timings: each stage's seconds, then its CPU seconds, on stderr. */
static void print_timings(const struct state *s)
{
    if (!s->opt->timings)
        return;
    print_stages("timings", s->timings);
    print_stages("CPU time (all threads; above the wall time when both cores work)", s->cpu);
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
    jk_spool_init(&s->pdf_spool);
    jk_buf_init(&s->record_text);
    jk_strmap_init(&s->seen_records);
    jk_strmap_init(&s->seen_files);
    jk_near_index_init(&s->near);
    jk_contain_index_init(&s->contain);
    jk_strmap_init(&s->duplicates);
    jk_counter_init(&s->counter);
    if (opt->unit.kind != JK_UNIT_DOCUMENT)
        jk_counter_keep_positions(&s->counter);
    if (opt->select.counting == JK_COUNT_BINARY)
        jk_counter_skip_doc_counts(&s->counter);
    jk_bilingual_init(&s->bilingual, NULL); /* the extractor is the queue's, set when merging */
    jk_selection_init(&s->selection);
    jk_map_init(&s->map);
    jk_outdir_init(&s->out);
    s->progress = !opt->quiet && isatty(STDERR_FILENO);
}

/* --threads, or every processor when it is 0. */
static size_t thread_count(const struct state *s)
{
    return s->opt->threads ? s->opt->threads : jk_cpu_count();
}

static void state_release(struct state *s)
{
    jk_outdir_release(&s->out);
    jk_map_release(&s->map);
    jk_selection_release(&s->selection);
    jk_bilingual_release(&s->bilingual);
    jk_counter_release(&s->counter);
    jk_buf_release(&s->text);
    jk_spool_release(&s->pdf_spool);
    free(s->pdf_spans);
    if (s->queue_ready)
        jk_docqueue_release(&s->queue);
    jk_sketch_release(&s->sketch);
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
    free(s->doc_files);
    free(s->doc_bilingual);
    jk_buf_release(&s->record_text);
    jk_strmap_release(&s->seen_records);
    jk_strmap_release(&s->seen_files);
    jk_near_index_release(&s->near);
    jk_contain_index_release(&s->contain);
    free(s->work);
    free(s->order);
    free(s->learned);
    free(s->first_with);
    jk_strmap_release(&s->duplicates);
    free(s->docs);
    jk_corpus_release(&s->corpus);
}

/* Back to the start of the terminal line, which is then erased. */
#define CLEAR_LINE "\r\033[K"

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
        fputs(CLEAR_LINE, stderr);
    fflush(stderr);
}

static void now_doing(struct state *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * On a terminal, what the run does now, on the progress line (the stages after counting
 * show no count but can take a minute on a big map); NULL fmt clears the line.
 */
static void now_doing(struct state *s, const char *fmt, ...)
{
    if (!s->progress)
        return;
    fputs(CLEAR_LINE, stderr);
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        vfprintf(stderr, fmt, ap);
        va_end(ap);
    }
    fflush(stderr);
}

static void note(const struct state *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void note(const struct state *s, const char *fmt, ...)
{
    if (s->opt->quiet)
        return;
    va_list ap;
    va_start(ap, fmt);
    if (s->progress)
        fputs(CLEAR_LINE, stderr); /* over the progress line */
    jk_vprint_line(stderr, "jaringkata: ", fmt, ap);
    va_end(ap);
}

static void note_read(struct state *s, size_t i, const struct jk_read_info *info);

/* Reads document i into s->text; *usable is false when it is skipped. Warns on the first pass. */
static enum jk_status read_doc(struct state *s, size_t i, bool first, bool *usable,
                               struct jk_diag *diag)
{
    struct jk_read_info info;
    const struct jk_source *src = &s->corpus.files[i];
    enum jk_status st;
    if (jk_is_record_file(src->path, &s->opt->sources))  /* its reader reads it: just check it */
        st = jk_corpus_check_unhashed(src, &info, diag); /* struct hasher hashes it */
    else if (first)
        st = jk_corpus_read(src, &s->opt->sources, &s->text, &info, diag);
    else
        st = jk_corpus_reread(src, &s->opt->sources, &s->text, &info, diag);
    *usable = st == JK_OK && !info.binary && !info.skip_reason;
    if (st == JK_OK && first) {
        note_read(s, i, &info);
        *usable = *usable && !s->docs[i].skipped; /* also a copy of an earlier file */
    }
    return st;
}

/* A plain text file, which the threads read themselves. */
static bool plain_file(const struct state *s, size_t i)
{
    const char *path = s->corpus.files[i].path;
    return !jk_is_record_file(path, &s->opt->sources) &&
           jk_source_format(path, &s->opt->sources) != JK_FORMAT_PDF;
}

/* A plain text file this large is more likely many documents than one. */
#define JK_HUGE_DOCUMENT (16u << 20)

/*
 * What the first pass warns about, file by file: the first FILE_WARNINGS of
 * each kind one by one, the rest in one line at the end of the pass (a folder
 * of 2,000 theses saved as Windows-1252 must not bury everything else).
 */
enum { FILE_WARNINGS = 10 };
static const char *const file_warning_rest[FW_KINDS] = {
    "files were binary and were skipped",
    "files were empty and were skipped",
    "files were Web of Science exports and were skipped",
    "files were read as Windows-1252 (Latin-1)",
    "files had invalid UTF-8 repaired",
    "files were copies of earlier ones and were skipped",
    "files were near copies of earlier ones and were skipped",
    "files lay mostly inside larger files and were skipped",
    "CSV files without a title, abstract or keywords column were skipped",
    "files were only reference lists and were skipped",
    "files of 16 MB or more were read as one document each",
    "Word or OpenDocument files had no readable text and were skipped",
    "files were too large for one document and were skipped",
};

/* Counts one file of kind k; true while its warning is still to be printed. */
static bool warn_file(struct state *s, enum file_warning k)
{
    return ++s->file_warnings[k] <= FILE_WARNINGS;
}

/* The end of the first pass: one line for each kind's files beyond FILE_WARNINGS. */
static void warn_rest(const struct state *s)
{
    for (size_t k = 0; k < FW_KINDS; k++)
        if (s->file_warnings[k] > FILE_WARNINGS)
            jk_warn("%zu more %s; report.md lists them", s->file_warnings[k] - FILE_WARNINGS,
                    file_warning_rest[k]);
}

/*
 * Whether file i has the same bytes as a file read before it (a second
 * download, "paper (1).pdf"): a copy counts once. Record files are hashed
 * beside the pass, so they are not looked at here; their records are
 * deduplicated one by one.
 */
static bool copy_of_earlier(struct state *s, size_t i, const struct jk_read_info *info)
{
    if (!info->sha256[0] || s->opt->keep_copies)
        return false;
    bool added;
    uint32_t id = jk_strmap_intern(&s->seen_files, info->sha256, strlen(info->sha256), &added);
    if (added) {
        JK_GROW(s->first_with, (size_t)id + 1, s->cap_first_with);
        s->first_with[id] = (uint32_t)i;
        return false;
    }
    s->docs[i].copy_of = s->corpus.files[s->first_with[id]].path;
    if (warn_file(s, FW_COPY))
        jk_warn("skipping '%s': the same bytes as '%s', which is counted once; --keep-copies "
                "counts both",
                s->corpus.files[i].path, s->docs[i].copy_of);
    return true;
}

/*
 * Whether a whole file the first pass learned is nearly the same text as a
 * file kept before it (nearcopy.h): another download of one paper, a PDF
 * beside its .txt conversion. Decided in document order, so the same with
 * any number of threads. Its words were learned, which changes little: what
 * it adds, its original mostly added already.
 */
static bool near_copy_of_earlier(struct state *s, const struct jk_doc_job *job)
{
    if (s->opt->keep_copies)
        return false;
    double r = 0;
    uint32_t first = jk_near_index_check(&s->near, &job->near, job->file, JK_NEAR_RESEMBLANCE, &r);
    if (first == JK_NEAR_NONE)
        return false;
    struct jk_doc_record *d = &s->docs[job->file];
    d->skipped = true;
    d->skip_note = "skipped: nearly the same text as";
    d->copy_of = s->corpus.files[first].path;
    d->resemblance = (int)(100 * r);
    if (warn_file(s, FW_NEAR_COPY))
        jk_warn("skipping '%s': nearly the same text as '%s' (%d %% of their five-word "
                "sequences shared; another download or version of it?), which is counted "
                "once; --keep-copies counts both",
                d->path, d->copy_of, d->resemblance);
    return true;
}

/*
 * The key of file i's work under --document into key: the folder directly
 * under its input folder ("in/t1/"), or under work, for a file lying
 * directly in an input folder, its name without the part it holds
 * ("in/1234-\x01.pdf"; jk_part_key). False when the file is a work of its own.
 */
static bool work_key(const struct state *s, size_t i, struct jk_buf *key)
{
    const struct jk_source *f = &s->corpus.files[i];
    if (s->opt->document == JK_DOCUMENT_FILE || jk_is_record_file(f->path, &s->opt->sources))
        return false;
    jk_buf_clear(key);
    if (f->folder) {
        jk_buf_add(key, f->path, f->folder);
        return true;
    }
    return s->opt->document == JK_DOCUMENT_WORK && jk_part_key(f->path, key);
}

/*
 * The order of the sketch and count passes (s->order): path order, but each
 * work's files follow its first file (next: per file, the next file of its
 * work, or SIZE_MAX), so that the count pass keeps one document open for
 * them however their names sort ("BAB I - Nama.pdf", "BAB II - Nama.pdf"
 * with another work's files between).
 */
static void gather_works(struct state *s, const size_t *next)
{
    size_t n = s->corpus.count, k = 0;
    s->order = jk_malloc((n ? n : 1) * sizeof(*s->order));
    bool *placed = jk_calloc(n ? n : 1, sizeof(*placed));
    for (size_t i = 0; i < n; i++)
        for (size_t j = i; j != SIZE_MAX && !placed[j]; j = next[j]) {
            placed[j] = true;
            s->order[k++] = j;
        }
    free(placed);
}

/*
 * Each usable file's work under --document, after the first pass (s->work),
 * and the order that keeps a work's files together (gather_works).
 */
static void assign_works(struct state *s)
{
    size_t n = s->corpus.count, *last_of = NULL, cap = 0;
    s->work = jk_malloc((n ? n : 1) * sizeof(*s->work));
    size_t *next = jk_malloc((n ? n : 1) * sizeof(*next));
    struct jk_strmap works;
    jk_strmap_init(&works);
    struct jk_buf key;
    jk_buf_init(&key);
    for (size_t i = 0; i < n; i++) {
        s->work[i] = NO_WORK;
        next[i] = SIZE_MAX;
        if (s->docs[i].skipped || !work_key(s, i, &key))
            continue;
        bool added;
        uint32_t id = jk_strmap_intern(&works, key.data, key.len, &added);
        JK_GROW(last_of, (size_t)id + 1, cap);
        if (!added)
            next[last_of[id]] = i;
        last_of[id] = i;
        s->work[i] = id;
    }
    gather_works(s, next);
    free(next);
    jk_buf_release(&key);
    free(last_of);
    jk_strmap_release(&works);
}

/* The warning for part files a and b counted as documents apiece (see hint_parts). */
static void warn_parts(const struct state *s, size_t a, size_t b)
{
    const struct jk_source *fa = &s->corpus.files[a], *fb = &s->corpus.files[b];
    const char *advice = fa->folder ? "--document folder counts each folder under the input "
                                      "folder as one document"
                                    : "--document work counts the files of one folder named as "
                                      "the parts of one work as one document";
    jk_warn("'%s' and '%s' look like parts of one work (chapters, abstract), and each file counts "
            "as a document, so a term used in every part counts several times; %s",
            fa->path, fb->path, advice);
}

/*
 * Files named as parts of one work ("1234-ABSTRAK.pdf", "1234-BAB I.pdf":
 * the same name but for the part, in one folder; jk_part_key) that are
 * counted as documents apiece: one warning for the first such set, and
 * report.md counts the sets. Files --document counts as one work are fine.
 */
static void hint_parts(struct state *s)
{
    struct jk_strmap sets; /* name without the part -> its first file (first_of) */
    jk_strmap_init(&sets);
    size_t *first_of = NULL, cap = 0, warned = 0;
    struct jk_buf key;
    jk_buf_init(&key);
    for (size_t i = 0; i < s->corpus.count; i++) {
        const struct jk_source *f = &s->corpus.files[i];
        if (s->docs[i].skipped || jk_is_record_file(f->path, &s->opt->sources) ||
            !jk_part_key(f->path, &key))
            continue;
        bool added;
        uint32_t id = jk_strmap_intern(&sets, key.data, key.len, &added);
        JK_GROW(first_of, (size_t)id + 1, cap);
        if (added) {
            first_of[id] = i;
            continue;
        }
        size_t first = first_of[id];
        if (first == SIZE_MAX || (s->work[i] != NO_WORK && s->work[i] == s->work[first]))
            continue;
        if (!warned++)
            warn_parts(s, first, i);
        s->run.part_sets++;
        first_of[id] = SIZE_MAX; /* one count per set */
    }
    jk_buf_release(&key);
    free(first_of);
    jk_strmap_release(&sets);
}

/* The end of the first pass: the files' hashes found the copies and are not needed again. */
static void forget_files(struct state *s)
{
    jk_strmap_release(&s->seen_files);
    jk_strmap_init(&s->seen_files);
    jk_near_index_release(&s->near);
    jk_contain_index_release(&s->contain);
    free(s->learned);
    s->learned = NULL;
    free(s->first_with);
    s->first_with = NULL;
    s->cap_first_with = 0;
}

/* The first pass's record of a file read (here or by a thread), with its warnings. */
static void note_read(struct state *s, size_t i, const struct jk_read_info *info_in)
{
    const struct jk_read_info info = *info_in;
    const struct jk_source *src = &s->corpus.files[i];
    struct jk_doc_record *d = &s->docs[i];
    d->path = src->path;
    d->folder = src->folder;
    d->bytes = info.bytes;
    memcpy(d->sha256, info.sha256, sizeof(d->sha256));
    d->skipped = info.binary || info.skip_reason;
    d->year = info.year;
    d->skip_note = info.skip_note                          ? info.skip_note
                   : info.binary                           ? "skipped: binary"
                   : info.skip_reason == jk_skip_empty     ? "skipped: empty"
                   : info.skip_reason == jk_skip_wos       ? "skipped: a Web of Science export"
                   : info.skip_reason == jk_skip_too_large ? "skipped: too large for one document"
                   : info.skip_reason                      ? "skipped: no text"
                                                           : NULL;
    d->invalid_utf8 = info.invalid_utf8;
    if (!d->skipped && copy_of_earlier(s, i, &info)) {
        d->skipped = true;
        d->skip_note = "skipped: the same bytes as";
        return;
    }
    if (info.binary) {
        if (warn_file(s, FW_BINARY))
            jk_warn("skipping '%s': it is a binary file (NUL byte), not text", src->path);
    } else if (info.skip_reason == jk_skip_empty) {
        if (warn_file(s, FW_EMPTY))
            jk_warn("skipping '%s': it is %s", src->path, jk_skip_empty);
    } else if (info.skip_reason == jk_skip_wos) {
        if (warn_file(s, FW_WOS))
            jk_warn("skipping '%s': it is a Web of Science export, which read as one document "
                    "would map its field tags and all its records together; export the records "
                    "from Web of Science as BibTeX or RIS and map that file",
                    src->path);
    } else if (info.skip_reason == jk_skip_too_large) {
        if (warn_file(s, FW_TOO_LARGE))
            jk_warn("skipping '%s': at %llu MB it is too large for one document (at most %zu "
                    "MB); if it holds one document a line, map it with --format vosviewer, "
                    "else split it into files",
                    src->path, (unsigned long long)(info.bytes >> 20), jk_record_max_bytes >> 20);
    } else if (info.skip_note) {
        if (warn_file(s, FW_UNREADABLE))
            jk_warn("skipping '%s': %s", src->path, info.skip_reason);
    } else if (info.cp1252) {
        if (warn_file(s, FW_CP1252))
            jk_warn("'%s': not UTF-8 (first at byte %llu); read as Windows-1252 (Latin-1); save "
                    "it as UTF-8 to be sure",
                    src->path, (unsigned long long)info.first_invalid);
    } else if (info.invalid_utf8) {
        if (warn_file(s, FW_INVALID_UTF8))
            jk_warn("'%s': invalid UTF-8 at byte %llu (%zu sequences replaced by U+FFFD); save "
                    "it as UTF-8 for exact results",
                    src->path, (unsigned long long)info.first_invalid, info.invalid_utf8);
    }
    if (!d->skipped && info.bytes >= JK_HUGE_DOCUMENT &&
        jk_source_format(src->path, &s->opt->sources) == JK_FORMAT_TEXT && warn_file(s, FW_HUGE))
        jk_warn("'%s' is one document of %llu MB, so every term in it co-occurs with every other "
                "(and it is held in memory whole); if it holds one document per line, map it "
                "with --format vosviewer",
                src->path, (unsigned long long)(info.bytes >> 20));
}

/*
 * Cuts a plain or PDF document's text to --section: without its reference
 * list, its footnotes that cite sources, a journal article's information and
 * a thesis's front matter (body, the default), or down to its abstract; what
 * a document lacks stays, except that a text that is nothing but a reference
 * list is JK_CUT_ONLY_REFERENCES (the file is skipped) unless --section all. Returns
 * the JK_CUT_* bits of what was cut. Runs on the worker threads too: it reads
 * nothing but the options and text.
 */
static unsigned cut_section(const struct jk_map_options *o, struct jk_buf *text)
{
    if (o->section == JK_SECTION_ABSTRACT) { /* no abstract: the whole text, unless only a list */
        if (jk_keep_abstract(text))
            return JK_CUT_ABSTRACT;
        return jk_is_reference_list(text->data, text->len) ? JK_CUT_ONLY_REFERENCES : 0;
    }
    if (o->section == JK_SECTION_ALL)
        return 0;
    enum jk_references refs = jk_drop_references(text);
    if (refs == JK_REFS_ONLY)
        return JK_CUT_ONLY_REFERENCES;
    unsigned cuts = refs == JK_REFS_CUT ? JK_CUT_REFERENCES : 0;
    cuts |= jk_drop_footnotes(text) ? JK_CUT_FOOTNOTES : 0;
    cuts |= jk_drop_article_info(text) ? JK_CUT_ARTICLE_INFO : 0;
    return cuts | (jk_drop_front_matter(text) ? JK_CUT_FRONT_MATTER : 0);
}

static void learn_document(struct state *s, struct jk_doc_record *d, const char *text, size_t len)
{
    s->run.docs_used++;
    d->records++;
    s->learned_bytes += len;
    jk_docqueue_add(&s->queue, text, len, NULL, 0, NAN, NAN, (uint32_t)s->current_file, false);
}

/* A PDF's text (cut to --section), counted by learned_whole. */
static void learn_pdf(struct state *s, size_t i)
{
    unsigned cuts = cut_section(s->opt, &s->text);
    jk_docqueue_add_whole(&s->queue, s->text.data, s->text.len, (uint32_t)i, cuts);
}

/*
 * A file a thread read: false when it has nothing to merge. Keeps the first
 * read error (in document order) for the pass to return.
 */
static bool file_read(struct state *s, const struct jk_doc_job *job)
{
    if (s->read_status != JK_OK)
        return false;
    if (job->read_status != JK_OK) {
        s->read_status = job->read_status;
        s->read_diag = job->read_diag;
        return false;
    }
    return job->usable;
}

/* Adds 1 to *n, or takes 1 from it (back), when yes. */
static void step_count(size_t *n, bool yes, bool back)
{
    if (yes)
        *n = back ? *n - 1 : *n + 1;
}

/* Counts whole file i as learned, or takes that back. */
static void count_learned(struct state *s, size_t i, bool back)
{
    const struct learned *l = &s->learned[i];
    step_count(&s->run.abstracts_found, l->cuts & JK_CUT_ABSTRACT, back);
    step_count(&s->run.references_dropped, l->cuts & JK_CUT_REFERENCES, back);
    step_count(&s->run.front_matter_dropped, l->cuts & JK_CUT_FRONT_MATTER, back);
    step_count(&s->run.footnotes_dropped, l->cuts & JK_CUT_FOOTNOTES, back);
    step_count(&s->run.article_info_dropped, l->cuts & JK_CUT_ARTICLE_INFO, back);
    step_count(&s->run.docs_used, true, back);
    s->docs[i].cuts = back ? 0 : l->cuts;
    s->docs[i].records = back ? s->docs[i].records - 1 : s->docs[i].records + 1;
    s->learned_bytes = back ? s->learned_bytes - l->bytes : s->learned_bytes + l->bytes;
}

/*
 * The end of the first pass: skips each whole file whose text lies mostly
 * inside a larger one kept (nearcopy.h), such as a thesis chapter beside
 * the whole thesis. Its words were learned, as a near copy's are.
 */
static void skip_contained(struct state *s)
{
    struct jk_contained *found;
    size_t n = jk_contain_find(&s->contain, JK_CONTAIN_SHARE, &found);
    for (size_t k = 0; k < n; k++) {
        struct jk_doc_record *d = &s->docs[found[k].doc];
        d->skipped = true;
        d->skip_note = "skipped: its text lies inside";
        d->copy_of = s->corpus.files[found[k].within].path;
        d->within = (int)(100 * found[k].share);
        count_learned(s, found[k].doc, true);
        if (warn_file(s, FW_CONTAINED))
            jk_warn("skipping '%s': %d %% of its five-word sequences are in the larger '%s' (a "
                    "chapter or part of it?), which is counted; --keep-copies counts both",
                    d->path, d->within, d->copy_of);
    }
    free(found);
}

/* Whether whole file i is an abstract: --section abstract found one, or it is named so. */
static bool abstract_file(const struct state *s, size_t i)
{
    return (s->learned[i].cuts & JK_CUT_ABSTRACT) || jk_part_is_abstract(s->corpus.files[i].path);
}

/*
 * --section abstract with --document folder or work: a work with an abstract
 * (a file where one was found, or a file named "ABSTRAK") is mapped from its
 * abstract; its chapters, which would each be mapped whole for want of an
 * abstract of their own, are skipped. One note says how many.
 */
static void abstracts_of_works(struct state *s)
{
    if (s->opt->section != JK_SECTION_ABSTRACT || s->opt->document == JK_DOCUMENT_FILE)
        return;
    size_t n = s->corpus.count;
    size_t *abstract_of = jk_malloc((n ? n : 1) * sizeof(*abstract_of)); /* per work id */
    for (size_t i = 0; i < n; i++)
        abstract_of[i] = SIZE_MAX;
    for (size_t i = n; i-- > 0;) /* the first file with an abstract, in path order */
        if (s->work[i] != NO_WORK && abstract_file(s, i))
            abstract_of[s->work[i]] = i;
    for (size_t i = 0; i < n; i++) {
        struct jk_doc_record *d = &s->docs[i];
        if (s->work[i] == NO_WORK || abstract_of[s->work[i]] == SIZE_MAX || abstract_file(s, i))
            continue;
        d->skipped = true;
        d->skip_note = "skipped: --section abstract maps its work from the abstract in";
        d->copy_of = s->corpus.files[abstract_of[s->work[i]]].path;
        count_learned(s, i, true);
        s->work[i] = NO_WORK;
        s->run.beside_abstract++;
    }
    free(abstract_of);
    if (s->run.beside_abstract)
        note(s,
             "--section abstract: %zu files of works whose abstract is in another file are left "
             "out (report.md lists them); --section body maps whole works",
             s->run.beside_abstract);
}

/*
 * Skips whole file i, which --section body found to be nothing but a
 * reference list (a repository's "DAFTAR PUSTAKA.pdf" beside the chapters):
 * its authors, publishers and titles are other works' words.
 */
static void skip_reference_list(struct state *s, size_t i)
{
    struct jk_doc_record *d = &s->docs[i];
    d->skipped = true;
    d->skip_note = "skipped: only a reference list (--section all maps it)";
    if (warn_file(s, FW_REFERENCES))
        jk_warn("skipping '%s': it is only a reference list, whose authors, publishers and "
                "titles are other works' words; --section all maps it",
                d->path);
}

/*
 * The first pass's bookkeeping for a whole file learned: a plain text file a
 * thread read, or a PDF. False when it is skipped.
 */
static bool learned_whole(struct state *s, const struct jk_doc_job *job)
{
    if (job->src && s->read_status == JK_OK && job->read_status == JK_OK)
        note_read(s, job->file, &job->info);
    if (job->src && (!file_read(s, job) || s->docs[job->file].skipped))
        return false; /* a copy: its words were learned, which changes no answer of the lexicon */
    if (job->cuts & JK_CUT_ONLY_REFERENCES) {
        skip_reference_list(s, job->file);
        return false;
    }
    if (near_copy_of_earlier(s, job))
        return false;
    jk_contain_index_add(&s->contain, job->file, job->samples, job->n_samples);
    s->learned[job->file] = (struct learned){job->text_len, job->cuts};
    count_learned(s, job->file, false);
    return true;
}

/* A learned document's acronym definitions, in document order. */
static void merge_learned(void *ctx, const struct jk_doc_job *job, const char *texts,
                          const struct jk_count_log *log)
{
    (void)texts;
    struct state *s = ctx;
    if (job->whole && !learned_whole(s, job))
        return;
    jk_docwork_add_definitions(&s->acronyms, log, job->log_from, job->log_to);
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

/*
 * A record of more text than a document may hold (jk_record_max_bytes) is
 * left out with a warning naming its file and line: most likely a quote or
 * brace left open, which made the rest of the file one field.
 */
static enum jk_status record_too_large(struct state *s, const struct jk_record *r, size_t len)
{
    char id[64];
    record_id(id, sizeof(id), s->current_file, r);
    jk_strmap_intern(&s->duplicates, id, strlen(id), NULL);
    char where[32] = "";
    if (r->line)
        snprintf(where, sizeof(where), ":%lu", r->line);
    jk_warn("%s%s: record %zu holds %zu MB of text, too large for one document (at most %zu "
            "MB), and is skipped; a quote or brace left open makes the rest of a file one field",
            r->source, where, r->number, len >> 20, jk_record_max_bytes >> 20);
    return JK_OK;
}

/* First pass: a record found before (same DOI or title) is noted and not read again. */
static enum jk_status learn_record(void *ctx, const char *text, size_t len,
                                   const struct jk_record *r, struct jk_diag *diag)
{
    (void)diag;
    struct state *s = ctx;
    if (len > jk_record_max_bytes)
        return record_too_large(s, r, len);
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

/* The first read error of the pass (a thread's comes first: it is earlier in the corpus). */
static enum jk_status pass_error(struct state *s, enum jk_status st, struct jk_diag *diag)
{
    jk_docqueue_finish(&s->queue);
    if (s->read_status == JK_OK)
        return st;
    if (diag)
        *diag = s->read_diag;
    return s->read_status;
}

/*
 * A PDF's text (before --section cuts it) into the spool, made in the
 * output folder at the first PDF: extracting it again in every pass costs
 * far more than reading it back. Best effort, like the threads' spools.
 */
static void spool_pdf(struct state *s, size_t i)
{
    struct jk_spool *sp = &s->pdf_spool;
    if (sp->fd < 0 && !sp->failed) /* when it cannot be made, the append marks it failed */
        jk_spool_open(sp, s->opt->output);
    jk_spool_append(sp, s->text.data, s->text.len, &s->pdf_spans[i]);
}

/* The later passes: PDF i's text from the spool into s->text, if it is there. */
static bool spooled_pdf(struct state *s, size_t i)
{
    return jk_spool_read(&s->pdf_spool, &s->pdf_spans[i], &s->text);
}

static const char *source_path(const void *ctx, size_t i)
{
    return ((const struct jk_corpus *)ctx)->files[i].path;
}

/* Whether file i was named on the command line, not found in a folder named there. */
static bool named_input(const struct state *s, size_t i)
{
    for (size_t k = 0; k < s->opt->n_inputs; k++)
        if (strcmp(s->opt->inputs[k], s->corpus.files[i].path) == 0)
            return true;
    return false;
}

/*
 * Whether file i is a CSV table found in a folder that is no bibliographic
 * export (no title, abstract or keywords column: a survey's answers, a
 * table of figures saved beside the theses): skipped with a warning, not
 * the end of the run. Named on the command line, or with --columns, it is
 * read, and its header's error stops the run.
 */
static enum jk_status stray_table(struct state *s, size_t i, bool *stray, struct jk_diag *diag)
{
    const struct jk_source_options *so = &s->opt->sources;
    *stray = false;
    if (jk_source_format(s->corpus.files[i].path, so) != JK_FORMAT_CSV ||
        jk_csv_columns_named(so->columns) || named_input(s, i))
        return JK_OK;
    bool has;
    struct jk_buf header;
    jk_buf_init(&header);
    enum jk_status st = jk_csv_has_text_columns(s->corpus.files[i].path, NULL, &has, &header, diag);
    if (st == JK_OK && !has) {
        *stray = true;
        struct jk_doc_record *d = &s->docs[i];
        d->skipped = true;
        d->skip_note = "skipped: a CSV table without a title, abstract or keywords column";
        if (warn_file(s, FW_TABLE))
            jk_warn("skipping '%s': a CSV table without a title, abstract or keywords column "
                    "(its header: %s), so no bibliographic export; to map it, name its columns "
                    "with --columns title=...,abstract=...",
                    d->path, header.data);
    }
    jk_buf_release(&header);
    return st;
}

static enum jk_status read_files(struct state *s, struct jk_readahead *ahead, struct jk_diag *diag)
{
    size_t n = s->corpus.count;
    s->docs = jk_calloc(n, sizeof(*s->docs));
    s->learned = jk_calloc(n ? n : 1, sizeof(*s->learned));
    s->pdf_spans = jk_calloc(n ? n : 1, sizeof(*s->pdf_spans));
    jk_docqueue_begin(&s->queue, JK_PASS_LEARN, NULL, merge_learned, s);
    for (size_t i = 0; i < n; i++) {
        s->current_file = i;
        jk_readahead_reached(ahead, i);
        if (plain_file(s, i)) {
            jk_docqueue_add_file(&s->queue, &s->corpus.files[i], (uint32_t)i, NAN);
            progress(s, "reading", i + 1, n);
            continue;
        }
        bool usable, stray = false;
        enum jk_status st = read_doc(s, i, true, &usable, diag);
        if (st == JK_OK && usable)
            st = stray_table(s, i, &stray, diag);
        if (st != JK_OK)
            return pass_error(s, st, diag);
        if (stray)
            ; /* skipped, with its warning */
        else if (usable && jk_is_record_file(s->corpus.files[i].path, &s->opt->sources))
            st = jk_read_records(s->corpus.files[i].path, &s->opt->sources, learn_record, s,
                                 &s->record_text, diag);
        else if (usable) {
            spool_pdf(s, i);
            learn_pdf(s, i);
        }
        if (st != JK_OK)
            return pass_error(s, st, diag);
        progress(s, "reading", i + 1, n);
    }
    if (s->pdf_spool.fd >= 0)
        jk_spool_flush(&s->pdf_spool);
    return pass_error(s, JK_OK, diag);
}

/*
 * From this many files on, the first pass has a few threads open the files
 * ahead of it (see util/readahead.h), unless a sample of them is in the page
 * cache already: they mostly wait for the disk, so there are more of them
 * than cores.
 */
enum { READAHEAD_FROM = 64, READAHEAD_THREADS = 8, READAHEAD_SAMPLES = 16 };

/* Occurrences count documents (binary counting), and no terms file fixes the terms. */
static bool once_per_document(const struct jk_map_options *o)
{
    return !o->terms_file && o->select.counting == JK_COUNT_BINARY;
}

/*
 * One usable document, counted once per document (whatever the co-occurrence
 * unit): every term occurs once, so no threshold of 2 or more is reached. The
 * usual cause is a VOSviewer corpus file (a document a line) read as one
 * plain text.
 */
static bool one_document_cannot_link(const struct state *s)
{
    return s->run.docs_used == 1 && once_per_document(s->opt);
}

/* The same known before reading: a threshold of 2 or more and one plain file (one document). */
static bool one_file_cannot_link(const struct state *s)
{
    const struct jk_map_options *o = s->opt;
    return s->corpus.count == 1 && !jk_is_record_file(s->corpus.files[0].path, &o->sources) &&
           o->select.min_occurrences >= 2 && once_per_document(o);
}

/* The error for a corpus of one document that cannot link (see one_document_cannot_link). */
static enum jk_status one_document_error(const struct state *s, struct jk_diag *diag)
{
    const char *input = s->opt->n_inputs == 1 ? s->opt->inputs[0] : "the input";
    bool skipped = s->corpus.count > 1; /* the others were skipped: binary, empty, copies */
    char what[JK_DIAG_MAX];
    if (skipped)
        snprintf(what, sizeof(what),
                 "only one of the %zu files under '%s' is a usable document (the warnings say "
                 "why the others were skipped)",
                 s->corpus.count, input);
    else
        snprintf(what, sizeof(what), "'%s' is one document", input);
    return jk_error(diag, JK_E_EMPTY,
                    "%s, and counted once per document every term occurs once; if %s (a "
                    "VOSviewer corpus file), add --format vosviewer; to map one text, use "
                    "--counting full --unit sentence",
                    what,
                    skipped ? "that file holds a document a line" : "each line is a document");
}

/* The same when --document made every file one document (see select_terms). */
static enum jk_status one_work_error(const struct state *s, struct jk_diag *diag)
{
    const struct jk_source *f = &s->corpus.files[s->doc_file[0]];
    char what[JK_DIAG_MAX];
    if (f->folder)
        snprintf(what, sizeof(what), "every usable file lies in the folder '%.*s'",
                 (int)(f->folder - 1), f->path);
    else
        snprintf(what, sizeof(what), "every usable file is named as a part of the work of '%s'",
                 f->path);
    return jk_error(diag, JK_E_EMPTY,
                    "%s, which --document %s counts as one document, and counted once per "
                    "document every term occurs once; give the folder that holds the works, or "
                    "leave out --document",
                    what, jk_document_unit_name(s->opt->document));
}

/*
 * The SHA-256 of the record files (run.json), on a thread beside the first
 * pass, which checks them for NUL bytes itself before their reader starts:
 * hashing a 290 MB VOSviewer file took 0.4 s before its first record was
 * read. It only reads the corpus list and the files.
 */
struct hasher {
    const struct state *s;
    char (*sha)[65]; /* per corpus file; set for record files */
    enum jk_status status;
    struct jk_diag diag;
    pthread_t thread;
    bool started;
};

static void *hash_records(void *arg)
{
    struct hasher *h = arg;
    const struct jk_corpus *corpus = &h->s->corpus;
    for (size_t i = 0; i < corpus->count && h->status == JK_OK; i++) {
        struct jk_read_info info;
        if (!jk_is_record_file(corpus->files[i].path, &h->s->opt->sources))
            continue;
        h->status = jk_corpus_check(&corpus->files[i], &info, &h->diag);
        memcpy(h->sha[i], info.sha256, sizeof(h->sha[i]));
    }
    return NULL;
}

/* Starts hashing the record files, if any; on one thread they are hashed right away. */
static void hasher_start(struct hasher *h, const struct state *s)
{
    *h = (struct hasher){.s = s, .status = JK_OK};
    jk_diag_init(&h->diag);
    size_t records = 0;
    for (size_t i = 0; i < s->corpus.count; i++)
        records += jk_is_record_file(s->corpus.files[i].path, &s->opt->sources);
    if (records == 0)
        return;
    h->sha = jk_calloc(s->corpus.count, sizeof(*h->sha));
    h->started = thread_count(s) > 1 && pthread_create(&h->thread, NULL, hash_records, h) == 0;
    if (!h->started)
        hash_records(h);
}

/* Waits for the hashes and gives each record file its own; status is the pass's so far. */
static enum jk_status hasher_finish(struct hasher *h, struct state *s, enum jk_status status,
                                    struct jk_diag *diag)
{
    if (h->started)
        pthread_join(h->thread, NULL);
    if (status == JK_OK && h->status != JK_OK) {
        *diag = h->diag;
        status = h->status;
    }
    for (size_t i = 0; h->sha && s->docs && i < s->corpus.count; i++)
        if (h->sha[i][0])
            memcpy(s->docs[i].sha256, h->sha[i], sizeof(s->docs[i].sha256));
    free(h->sha);
    return status;
}

static enum jk_status first_pass(struct state *s, struct jk_diag *diag)
{
    size_t n = s->corpus.count;
    if (one_file_cannot_link(s)) /* said before reading it: a big file takes a while */
        return one_document_error(s, diag);
    struct jk_readahead ahead;
    bool ahead_helps =
        n >= READAHEAD_FROM && jk_readahead_helps(source_path, &s->corpus, n, READAHEAD_SAMPLES);
    jk_readahead_init(&ahead, source_path, &s->corpus, n, ahead_helps ? READAHEAD_THREADS : 0,
                      JK_READAHEAD_WINDOW);
    struct hasher hasher;
    hasher_start(&hasher, s);
    enum jk_status st = read_files(s, &ahead, diag);
    jk_readahead_release(&ahead);
    st = hasher_finish(&hasher, s, st, diag);
    if (st != JK_OK)
        return st;
    skip_contained(s);
    assign_works(s);
    abstracts_of_works(s);
    hint_parts(s);
    warn_rest(s);
    forget_files(s);
    if (s->run.docs_used == 0)
        return jk_error(
            diag, JK_E_INPUT,
            "none of the %zu documents under '%s' has usable text (binary or empty files, "
            "PDFs that are encrypted, scanned or damaged, or Word and OpenDocument files "
            "without readable text; the warnings say which); give a folder of documents with "
            "text",
            n, s->opt->inputs[0]);
    if (one_document_cannot_link(s) && s->opt->select.min_occurrences >= 2)
        return one_document_error(s, diag);
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

/*
 * Document d's title, at most 200 bytes, unless it has one. Only the
 * documents report.md lists keep theirs: 20,000 titles took 4 MB.
 */
static void note_title(struct state *s, size_t d, const char *title, size_t title_len)
{
    if (d < JK_REPORT_DOCUMENTS && !s->doc_title[d] && title_len)
        s->doc_title[d] = jk_strndup(title, title_len < 200 ? title_len : 200);
}

/* The document about to be counted: its file, title, year and citations. */
static void note_metadata(struct state *s, uint32_t file, const char *title, size_t title_len,
                          double year, double citations)
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
    cap = s->cap_meta;
    JK_GROW(s->doc_files, d + 1, cap);
    cap = s->cap_meta;
    JK_GROW(s->doc_bilingual, d + 1, cap);
    s->cap_meta = cap;
    s->doc_years[d] = year;
    s->doc_citations[d] = citations;
    s->doc_file[d] = file;
    s->doc_title[d] = NULL;
    note_title(s, d, title, title_len);
    s->doc_terms[d] = 0;
    s->doc_files[d] = 1;
    s->n_meta = d + 1;
}

/* Whether job is the next part of the open document: a file of the same work (--document). */
static bool next_part(const struct state *s, const struct jk_doc_job *job)
{
    return s->counter.in_doc && s->open.work != NO_WORK && s->work[job->file] == s->open.work;
}

/* Ends the document being counted, if one is open. */
static void close_document(struct state *s)
{
    if (s->counter.in_doc)
        jk_counter_end_doc(&s->counter);
}

/* Opens the next document with job's metadata. */
static void open_document(struct state *s, const struct jk_doc_job *job, const char *texts)
{
    close_document(s);
    size_t title_len;
    const char *title = jk_doc_job_title(job, texts, &title_len);
    note_metadata(s, job->file, title, title_len, job->year, job->citations);
    jk_counter_begin_doc(&s->counter);
    s->open = (struct open_doc){s->work[job->file], job->file, 0, 0, 0};
}

/* A later file of the open document fills in the title and year the first lacked. */
static void add_part(struct state *s, const struct jk_doc_job *job, const char *texts)
{
    jk_counter_next_part(&s->counter);
    size_t d = s->n_meta - 1, title_len;
    const char *title = jk_doc_job_title(job, texts, &title_len);
    note_title(s, d, title, title_len);
    if (isnan(s->doc_years[d]))
        s->doc_years[d] = job->year;
    s->doc_files[d]++;
    s->open.file = job->file;
}

/*
 * A counted document's candidates into the counter, in document order. With
 * --document folder or work the document stays open for the next file of its
 * work (close_document ends it).
 */
static void merge_counted(void *ctx, const struct jk_doc_job *job, const char *texts,
                          const struct jk_count_log *log)
{
    struct state *s = ctx;
    if (job->src && !file_read(s, job))
        return;
    if (next_part(s, job))
        add_part(s, job, texts);
    else
        open_document(s, job, texts);
    jk_counter_replay(&s->counter, log, job->log_from, job->log_to);
    struct jk_doc_stats stats = job->stats;
    /* a dropped occurrence was a term occurring nowhere else */
    stats.terms = (uint32_t)s->counter.part_terms + stats.dropped;
    s->dropped += stats.dropped;
    struct open_doc *o = &s->open;
    o->dropped += stats.dropped;
    o->sent_id += stats.sent_id;
    o->sent_en += stats.sent_en;
    size_t d = s->n_meta - 1;
    s->doc_terms[d] =
        (uint32_t)(s->counter.pool_len - s->counter.doc_start[s->counter.n_docs] + o->dropped);
    s->doc_bilingual[d] = jk_bilingual_document(o->sent_id, o->sent_en);
    record_stats(s, &s->docs[job->file], &stats);
}

/* Second pass: queues one document of the current file for counting. */
static void count_document(struct state *s, const char *text, size_t len,
                           const struct jk_buf *title, double year, double citations)
{
    jk_docqueue_add(&s->queue, text, len, title ? title->data : NULL, title ? title->len : 0, year,
                    citations, (uint32_t)s->current_file, false);
}

/*
 * A plain document's title for the report: its first non-empty line that is no article
 * information or title-page boilerplate (jk_title_start), markup trimmed.
 */
static const char *first_line_span(const struct jk_buf *text, size_t *len)
{
    const char *p = text->data ? text->data : "", *end = p + text->len;
    p += jk_title_start(p, text->len);
    while (p < end && (isspace((unsigned char)*p) || *p == '#' || *p == '*' || *p == '_'))
        p++;
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    const char *stop = eol ? eol : end;
    while (stop > p && (isspace((unsigned char)stop[-1]) || stop[-1] == '*' || stop[-1] == '_'))
        stop--;
    *len = (size_t)(stop - p);
    return p;
}

static void first_line(const struct jk_buf *text, struct jk_buf *title)
{
    size_t len;
    const char *p = first_line_span(text, &len);
    jk_buf_clear(title);
    jk_buf_add(title, p, len);
}

/*
 * A plain file a thread read (jk_docqueue_add_file): its title, then its
 * abstract with --section abstract, as count_text does. Runs on a worker
 * thread, so it writes only text and job.
 */
static void prepare_text(const void *ctx, struct jk_buf *text, struct jk_doc_job *job)
{
    const struct state *s = ctx;
    size_t len;
    const char *p = first_line_span(text, &len);
    job->read_title_len = len < JK_DOC_TITLE_MAX ? len : JK_DOC_TITLE_MAX;
    memcpy(job->read_title, p, job->read_title_len);
    job->cuts = cut_section(s->opt, text);
}

/* A plain or PDF document (its abstract with --section abstract). */
static void count_text(struct state *s, size_t file)
{
    struct jk_buf title;
    jk_buf_init(&title);
    first_line(&s->text, &title);
    cut_section(s->opt, &s->text);
    double year = s->docs[file].year > 0 ? s->docs[file].year : NAN;
    count_document(s, s->text.data, s->text.len, &title, year, NAN);
    jk_buf_release(&title);
}

/* --items keywords: the record's author keywords are its terms. */
static void count_keywords(struct state *s, const struct jk_record *r)
{
    jk_docqueue_add(&s->queue, r->keywords.data, r->keywords.len, r->title.data, r->title.len,
                    r->year > 0 ? r->year : NAN, r->citations, (uint32_t)s->current_file, true);
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

/* Queues every usable document again (the sketch and count passes), in s->order. */
static enum jk_status queue_documents(struct state *s, const char *what, struct jk_diag *diag)
{
    size_t n = s->corpus.count;
    for (size_t k = 0; k < n; k++) {
        size_t i = s->order[k];
        if (s->docs[i].skipped)
            continue;
        s->current_file = i;
        enum jk_status st = JK_OK;
        bool usable;
        /* record files are read by their reader; plain text only when terms are mined */
        if (jk_is_record_file(s->corpus.files[i].path, &s->opt->sources)) {
            jk_warn_mute(true); /* the first pass warned about this file already */
            st = jk_read_records(s->corpus.files[i].path, &s->opt->sources, count_record, s,
                                 &s->record_text, diag);
            jk_warn_mute(false);
        } else if (s->opt->items_keywords)
            ; /* plain text has no author keywords */
        else if (plain_file(s, i))
            jk_docqueue_add_file(&s->queue, &s->corpus.files[i], (uint32_t)i,
                                 s->docs[i].year > 0 ? s->docs[i].year : NAN);
        else {
            usable = spooled_pdf(s, i);
            if (!usable)
                st = read_doc(s, i, false, &usable, diag);
            if (st == JK_OK && usable)
                count_text(s, i);
        }
        if (st != JK_OK)
            return pass_error(s, st, diag);
        progress(s, what, k + 1, n);
    }
    enum jk_status st = pass_error(s, JK_OK, diag);
    progress(s, what, n, n);
    return st;
}

static void merge_nothing(void *ctx, const struct jk_doc_job *job, const char *texts,
                          const struct jk_count_log *log)
{
    (void)texts, (void)log;
    if (job->src)
        file_read(ctx, job);
}

/* Whether a sketch pass pays: --sketch, or a large corpus that can use it (see sketch.h). */
static bool want_sketch(const struct state *s)
{
    const struct jk_map_options *o = s->opt;
    if (o->sketch == JK_SKETCH_OFF || o->terms_file || o->select.min_occurrences == 1)
        return false;
    return o->sketch == JK_SKETCH_ON || s->learned_bytes >= JK_SKETCH_AUTO_BYTES;
}

/*
 * The sketch pass. The count pass then uses the sketch unless the automatic
 * threshold could still be 1 (JK_AUTO_KEEP distinct candidates or fewer, see
 * jk_auto_threshold): then every candidate is kept.
 */
static enum jk_status sketch_pass(struct state *s, bool *use, struct jk_diag *diag)
{
    *use = false;
    if (!want_sketch(s))
        return JK_OK;
    jk_sketch_init(&s->sketch, (size_t)(s->learned_bytes / 16));
    jk_docqueue_begin(&s->queue, JK_PASS_SKETCH, &s->sketch, merge_nothing, s);
    enum jk_status st = queue_documents(s, "finding repeated terms", diag);
    *use = s->opt->select.min_occurrences >= 2 ||
           jk_sketch_distinct_at_least(&s->sketch) > JK_AUTO_KEEP;
    return st;
}

static enum jk_status second_pass(struct state *s, struct jk_diag *diag)
{
    bool use_sketch;
    enum jk_status st = sketch_pass(s, &use_sketch, diag);
    if (st != JK_OK)
        return st;
    jk_docqueue_begin(&s->queue, JK_PASS_COUNT, use_sketch ? &s->sketch : NULL, merge_counted, s);
    s->counter.repeats_only = use_sketch;
    st = queue_documents(s, "extracting terms", diag);
    close_document(s);
    s->run.n_counted = s->counter.n_docs;
    jk_sketch_release(&s->sketch);
    if (st != JK_OK)
        return st;
    jk_counter_trim(&s->counter);
    jk_docwork_add_acronym_aliases(jk_docqueue_docwork(&s->queue), &s->counter);
    s->run.candidate_terms = jk_counter_terms(&s->counter) + s->dropped;
    s->run.candidate_occurrences = s->counter.candidates + s->dropped;
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
    struct jk_diag mine;
    jk_diag_init(&mine);
    enum jk_status st = jk_select_terms(&s->counter, &s->opt->select, &s->selection, &mine);
    if (st == JK_E_EMPTY && one_document_cannot_link(s))
        return one_document_error(s, diag);
    if (st == JK_E_EMPTY && s->opt->document != JK_DOCUMENT_FILE && s->counter.n_docs == 1 &&
        once_per_document(s->opt))
        return one_work_error(s, diag);
    if (st != JK_OK)
        return jk_error(diag, st, "%s", mine.msg);
    if (s->selection.threshold_auto)
        note(s,
             "--min-occurrences not given: using %u (%zu terms reach it); set "
             "--min-occurrences N to override",
             s->selection.threshold, s->selection.reaching);
    return st;
}

/*
 * The map command needs only a few of the counter's labels once the map's
 * terms are filled in (they are copied), and only its document lists to
 * count links: the rest (terms, texts, spellings: half the memory at 20,000
 * documents) is freed before the links are counted, the lists after.
 */
static void shed_counter(struct state *s)
{
    jk_selection_keep_labels(&s->selection);
    jk_bilingual_keep_labels(&s->bilingual);
    jk_counter_shed_terms(&s->counter);
    jk_return_free_memory();
}

/* The candidates' links, then relevance drops terms (and their links). */
static void links_first(struct state *s)
{
    const struct jk_map_options *o = s->opt;
    jk_map_add_links_threads(&s->counter, &s->selection, o->select.counting, o->unit,
                             thread_count(s), &s->map);
    jk_map_average_metadata(&s->map, &s->counter, &s->selection, s->doc_years, s->doc_citations);
    jk_select_relevant(&s->map, &s->selection, o->select.keep_percent);
}

/*
 * Relevance from the candidates' links as they are formed, then the links
 * of the terms it keeps only: tens of thousands of candidates have tens of
 * millions of links, the map a fraction of them (see jk_map_by_rows).
 */
static void relevance_first(struct state *s)
{
    const struct jk_map_options *o = s->opt;
    size_t n = s->map.n_terms;
    double *rel = jk_malloc((n ? n : 1) * sizeof(*rel));
    jk_map_relevance(&s->counter, &s->selection, o->select.counting, &s->map, rel);
    jk_map_average_metadata(&s->map, &s->counter, &s->selection, s->doc_years, s->doc_citations);
    jk_select_by_relevance(&s->map, &s->selection, rel, o->select.keep_percent);
    free(rel);
    jk_map_add_links_threads(&s->counter, &s->selection, o->select.counting, o->unit,
                             thread_count(s), &s->map);
}

/*
 * Selection, co-occurrence of the selected terms, relevance. for_map: the
 * counter is not needed after (see shed_counter) and is released.
 */
static enum jk_status select_and_count(struct state *s, bool for_map, struct jk_diag *diag)
{
    enum jk_status st = select_terms(s, diag);
    if (st != JK_OK)
        return st;
    const struct jk_map_options *o = s->opt;
    jk_map_add_terms(&s->counter, &s->selection, o->select.counting, &s->map);
    if (for_map)
        shed_counter(s);
    if (jk_map_by_rows(&s->map, o->unit) &&
        jk_relevance_cuts(&s->selection, o->select.keep_percent))
        relevance_first(s);
    else
        links_first(s);
    if (for_map) {
        jk_counter_release(&s->counter);
        jk_return_free_memory();
    }
    return JK_OK;
}

/* The layout on a thread of its own, beside clustering. */
struct layout_job {
    struct jk_map *map;
    struct jk_layout_options opt;
    enum jk_status status;
    struct jk_diag diag;
    atomic_uint threads_later; /* opt.threads_later */
};

static void *layout_thread(void *p)
{
    struct layout_job *job = p;
    job->status = jk_layout(job->map, &job->opt, &job->diag);
    return NULL;
}

/* The layout's thread, started by jk_cluster's on_started once its helpers are forked. */
struct beside {
    struct layout_job *job;
    pthread_t thread;
    bool wanted, started;
};

static void start_beside(void *ctx)
{
    struct beside *b = ctx;
    b->started = b->wanted && pthread_create(&b->thread, NULL, layout_thread, b->job) == 0;
}

/*
 * Clustering, then the layout; on a large map with more than one thread the
 * VOS layout runs beside clustering instead, on a thread started once
 * clustering's helper processes are forked (see on_started in cluster.h).
 * Both only read the links and write different fields of the terms, and the
 * VOS layout is plain C, so igraph (not thread-safe) stays on this thread.
 * The layout keeps to one thread of its own while clustering uses every
 * processor, and takes the threads it is allowed from its next sweep once
 * clustering ends; its result is the same with any number. --timings
 * counts, for the layout, only what it takes after clustering ends.
 */
static enum jk_status cluster_and_layout(struct state *s, const struct jk_cluster_options *cluster,
                                         struct jk_diag *diag)
{
    const struct jk_layout_options *lo = &s->opt->layout;
    struct layout_job job = {.map = &s->map, .opt = *lo, .status = JK_OK};
    jk_diag_init(&job.diag);
    job.opt.threads = 1;
    atomic_init(&job.threads_later, 0);
    job.opt.threads_later = &job.threads_later;
    struct beside beside = {.job = &job};
    beside.wanted = lo->kind == JK_LAYOUT_VOS && thread_count(s) > 1 &&
                    s->map.n_links >= JK_CLUSTER_FORK_LINKS &&
                    jk_layout_validate(lo, NULL) == JK_OK;
    struct jk_cluster_options co = *cluster;
    co.on_started = start_beside;
    co.on_started_ctx = &beside;
    now_doing(s, "clustering %zu terms and %zu links (%u random starts)%s", s->map.n_terms,
              s->map.n_links, cluster->starts, beside.wanted ? ", laying them out beside" : "");
    enum jk_status st = jk_cluster(&s->map, &co, diag);
    atomic_store(&job.threads_later, lo->threads ? lo->threads : (unsigned)thread_count(s));
    stage_done(s, 3);
    if (beside.started) {
        pthread_join(beside.thread, NULL);
        if (st == JK_OK && job.status != JK_OK) {
            *diag = job.diag;
            st = job.status;
        }
    } else if (st == JK_OK) {
        if (lo->kind != JK_LAYOUT_NONE)
            now_doing(s, "laying out %zu terms", s->map.n_terms);
        st = jk_layout(&s->map, lo, diag);
    }
    stage_done(s, 4);
    return st;
}

static enum jk_status build_network(struct state *s, struct jk_diag *diag)
{
    now_doing(s, "selecting terms and counting their links");
    enum jk_status st = select_and_count(s, true, diag);
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
    return cluster_and_layout(s, &cluster, diag);
}

static enum jk_status export_all(struct state *s, struct jk_diag *diag)
{
    struct jk_run *run = &s->run;
    run->opt = s->opt;
    run->docs = s->docs;
    run->n_docs = s->corpus.count;
    run->left_out = s->corpus.left_out;
    run->n_left_out = s->corpus.n_left_out;
    run->selection = &s->selection;
    run->map = &s->map;
    run->lists = s->res.lists;
    run->n_lists = s->res.n_lists;
    run->stemming = s->res.stemming;
    run->acronyms = jk_acronyms_count(&s->acronyms);
    run->doc_file = s->doc_file;
    run->doc_title = s->doc_title;
    run->doc_year = s->doc_years;
    run->doc_terms = s->doc_terms;
    run->doc_files = s->doc_files;
    run->bilingual = &s->bilingual;
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
        st = jk_docqueue_init(&s->queue, thread_count(s), &s->res, s->opt, &s->lexicon,
                              &s->acronyms, diag);
        s->queue_ready = true;
        jk_docqueue_set_reader(&s->queue, &s->opt->sources, prepare_text, s);
        jk_docqueue_find_near_copies(&s->queue, !s->opt->keep_copies);
        jk_docqueue_spool(&s->queue, s->opt->output); /* the later passes read text from it */
    }
    return st;
}

/* --bilingual merge: English terms join their Indonesian twins before selection. */
static void merge_languages(struct state *s)
{
    if (!s->opt->bilingual_merge)
        return;
    s->bilingual.extractor = &jk_docqueue_docwork(&s->queue)->extractor;
    if (s->res.has_thesaurus) /* the thesaurus wins: its replacements are not re-mapped */
        jk_bilingual_protect_thesaurus(&s->bilingual, &s->counter, &s->res.thesaurus);
    jk_bilingual_merge(&s->bilingual, &s->counter, s->doc_bilingual, &s->res.glossary);
}

/*
 * After the last pass the threads, their word memos and the corpus lexicon
 * have done their work: freed before selection builds the map beside the
 * counter, with the pages the passes freed in the threads' own heaps (their
 * candidate logs), which glibc would otherwise keep.
 */
static void drop_text_stages(struct state *s)
{
    s->bilingual.extractor = NULL; /* the queue's */
    if (s->queue_ready)
        jk_docqueue_release(&s->queue);
    s->queue_ready = false;
    jk_lexicon_release(&s->lexicon);
    jk_return_free_memory();
}

/* Reads and counts the corpus: everything before selection. */
static enum jk_status count_corpus(struct state *s, struct jk_diag *diag)
{
    s->stage_start = now_seconds();
    s->cpu_start = cpu_seconds();
    enum jk_status st = prepare(s, diag);
    if (st == JK_OK)
        st = first_pass(s, diag);
    stage_done(s, 0);
    if (st == JK_OK)
        st = second_pass(s, diag);
    if (st == JK_OK)
        merge_languages(s);
    drop_text_stages(s);
    stage_done(s, 1);
    return st;
}

enum jk_status jk_run_terms(const struct jk_map_options *opt, struct jk_diag *diag)
{
    struct state *s = jk_malloc(sizeof(*s));
    state_init(s, opt);
    enum jk_status st = count_corpus(s, diag);
    if (st == JK_OK)
        st = select_and_count(s, false, diag);
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
    if (st == JK_OK) {
        now_doing(s, "writing the outputs");
        st = export_all(s, diag);
    }
    now_doing(s, NULL);
    stage_done(s, 5);
    print_timings(s);
    if (st == JK_OK && opt->document != JK_DOCUMENT_FILE)
        note(s,
             "mapped %zu terms, %zu links, %zu clusters from %zu documents (%zu files, a %s one "
             "document) into '%s'",
             s->map.n_terms, s->map.n_links, s->map.n_clusters, s->run.n_counted, s->run.docs_used,
             jk_document_unit_name(opt->document), opt->output);
    else if (st == JK_OK)
        note(s, "mapped %zu terms, %zu links, %zu clusters from %zu documents into '%s'",
             s->map.n_terms, s->map.n_links, s->map.n_clusters, s->run.docs_used, opt->output);
    state_release(s);
    free(s);
    return st;
}
