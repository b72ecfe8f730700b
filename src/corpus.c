/*
 * Stage 1, corpus: collect .txt/.md documents under folders (sorted, so runs
 * are reproducible) and read one at a time with UTF-8 repair and binary
 * detection. See corpus.h.
 */
#define _DEFAULT_SOURCE /* DT_REG */
#include "corpus.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "read_html.h"
#include "read_msdoc.h"
#include "read_office.h"
#include "read_rtf.h"
#include "read_pdf.h"
#include "sources.h"
#include "util/ascii.h"
#include "util/encoding.h"
#include "util/mem.h"
#include "util/sha256.h"
#include "util/strmap.h"

void jk_corpus_init(struct jk_corpus *c)
{
    c->files = NULL;
    c->count = c->cap = 0;
    c->left_out = NULL;
    c->n_left_out = c->cap_left_out = 0;
    c->sources = NULL;
    c->output = NULL;
}

void jk_corpus_release(struct jk_corpus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->count; i++)
        free(c->files[i].path);
    free(c->files);
    c->files = NULL;
    c->count = c->cap = 0;
    for (size_t i = 0; i < c->n_left_out; i++) {
        free(c->left_out[i].path);
        free(c->left_out[i].why);
    }
    free(c->left_out);
    c->left_out = NULL;
    c->n_left_out = c->cap_left_out = 0;
}

/* Keeps path and why it was left out, for report.md. */
static void keep_left_out(struct jk_corpus *c, const char *path, const char *why)
{
    JK_GROW(c->left_out, c->n_left_out + 1, c->cap_left_out);
    c->left_out[c->n_left_out++] = (struct jk_left_out){jk_strdup(path), jk_strdup(why)};
}

/* Warns that path is skipped and why, and keeps both for report.md. */
static void leave_out(struct jk_corpus *c, const char *path, const char *why)
{
    jk_warn("skipping '%s': %s", path, why);
    keep_left_out(c, path, why);
}

static void add_file(struct jk_corpus *c, const char *path, uint64_t size, size_t folder)
{
    JK_GROW(c->files, c->count + 1, c->cap);
    c->files[c->count] = (struct jk_source){jk_strdup(path), size, folder};
    c->count++;
}

static char *join_path(const char *dir, const char *name)
{
    size_t dl = strlen(dir);
    bool slash = dl > 0 && dir[dl - 1] == '/';
    char *p = jk_malloc(dl + strlen(name) + 2);
    sprintf(p, "%s%s%s", dir, slash ? "" : "/", name);
    return p;
}

/* Whether a folder's entry is read; Word's "~$name.docx" lock files are not documents. */
static bool is_document_name(const struct jk_corpus *c, const char *name)
{
    return strncmp(name, "~$", 2) != 0 && jk_is_source_name(name, c->sources);
}

/*
 * Document formats people keep theses and articles in that jaringkata does
 * not read, and archives such documents are downloaded in: left out with one
 * summary warning, so a folder of Word files or a zip of papers does not
 * quietly become a map of the few PDFs beside them.
 */
/* The files read, as the messages name them (jk_is_source_name decides). */
#define DOCUMENT_KINDS ".txt, .md, .pdf, .docx, .doc, .rtf, .odt, .html, .csv, .ris or .bib"

static const struct {
    const char *ext;
    bool archive;
} unread_formats[] = {{".epub", false}, {".zip", true}, {".rar", true}, {".7z", true},
                      {".tar", true},   {".tgz", true}, {".gz", true}};
enum { N_UNREAD_FORMATS = sizeof(unread_formats) / sizeof(*unread_formats) };

/* The index in unread_formats of name's extension, or -1 (also for Word's "~$" lock files). */
static int unread_format(const char *name)
{
    size_t len = strlen(name);
    if (strncmp(name, "~$", 2) == 0)
        return -1;
    for (int i = 0; i < N_UNREAD_FORMATS; i++) {
        size_t n = strlen(unread_formats[i].ext);
        if (len > n && strcasecmp(name + len - n, unread_formats[i].ext) == 0)
            return i;
    }
    return -1;
}

/*
 * One collection: the corpus and the folders already listed, by device and
 * inode, so a link loop ("self -> .") or a second link to a folder reads its
 * documents once instead of again at every level.
 */
struct walker {
    struct jk_corpus *c;
    struct jk_strmap seen;
    struct stat output; /* the output folder, when it exists */
    bool has_output;
    size_t unread[N_UNREAD_FORMATS]; /* documents left out by format */
    size_t folder; /* while walking a folder under an input folder: its path's length */
};

/* "a .epub document, a format jaringkata does not read" or "a .zip archive, ...". */
static void unread_why(int format, char *out, size_t n)
{
    snprintf(out, n, "a %s %s, a format jaringkata does not read", unread_formats[format].ext,
             unread_formats[format].archive ? "archive" : "document");
}

/* A file in a format jaringkata does not read: kept for report.md, counted for one warning. */
static void leave_out_format(struct walker *w, const char *path, int format)
{
    char why[96];
    unread_why(format, why, sizeof(why));
    keep_left_out(w->c, path, why);
    w->unread[format]++;
}

/* "3 .docx, 1 .zip" then what to do with them into out; the total. */
static size_t describe_unread(const struct walker *w, struct jk_buf *out)
{
    size_t total = 0;
    bool documents = false, archives = false;
    for (int i = 0; i < N_UNREAD_FORMATS; i++) {
        if (!w->unread[i])
            continue;
        jk_buf_addf(out, "%s%zu %s", total ? ", " : "", w->unread[i], unread_formats[i].ext);
        total += w->unread[i];
        archives |= unread_formats[i].archive;
        documents |= !unread_formats[i].archive;
    }
    jk_buf_addf(out, "); %s%s%s",
                documents ? "save documents as PDF, .docx or plain text (.txt)" : "",
                documents && archives ? " and " : "", archives ? "unpack archives" : "");
    return total;
}

/* Whether sb is the output folder of this run. */
static bool is_output(const struct walker *w, const struct stat *sb)
{
    return w->has_output && sb->st_dev == w->output.st_dev && sb->st_ino == w->output.st_ino;
}

/* True the first time the folder sb is met. */
static bool first_visit(struct walker *w, const struct stat *sb)
{
    char key[64];
    int n = snprintf(key, sizeof(key), "%llu:%llu", (unsigned long long)sb->st_dev,
                     (unsigned long long)sb->st_ino);
    bool added = false;
    jk_strmap_intern(&w->seen, key, (size_t)n, &added);
    return added;
}

/* A folder entry: its name, and whether the folder says it is a regular file (d_type). */
struct entry {
    char *name; /* owned */
    bool regular;
};

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

/*
 * The visible entries of d in byte order (caller frees each name and the
 * array); count in *n. A file system that gives d_type spares a stat per
 * document.
 */
static struct entry *sorted_entries(DIR *d, size_t *n)
{
    struct entry *entries = NULL;
    size_t cap = 0;
    *n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        JK_GROW(entries, *n + 1, cap);
        entries[(*n)++] = (struct entry){jk_strdup(e->d_name), e->d_type == DT_REG};
    }
    if (*n > 1)
        qsort(entries, *n, sizeof(*entries), cmp_entry);
    return entries;
}

static enum jk_status walk(struct walker *w, const char *dir, unsigned depth, struct jk_diag *diag);

/*
 * Whether folder dir holds the outputs of a jaringkata run (its run.json
 * opens with the tool's name): report.md and the VOSviewer .txt files there
 * would otherwise be read as documents, in a folder made by an earlier run
 * with another -o.
 */
static bool earlier_output(const char *dir)
{
    static const char mark[] = "{\n  \"tool\": \"jaringkata\"";
    char *path = join_path(dir, "run.json");
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    free(path);
    if (fd < 0)
        return false;
    char head[sizeof(mark) - 1];
    ssize_t got = read(fd, head, sizeof(head));
    close(fd);
    return got == (ssize_t)sizeof(head) && memcmp(head, mark, sizeof(head)) == 0;
}

/*
 * Whether folder path is what a browser saves beside a web page ("Artikel_files" beside
 * "Artikel.html"): its frames are advertisements and widgets, not documents.
 */
static bool saved_page_files(const char *path)
{
    static const char suffix[] = "_files";
    size_t len = strlen(path), n = sizeof(suffix) - 1;
    if (len <= n || strcmp(path + len - n, suffix) != 0)
        return false;
    char *page = jk_malloc(len + 2);
    bool found = false;
    struct stat sb;
    for (int k = 0; k < 2 && !found; k++) {
        sprintf(page, "%.*s%s", (int)(len - n), path, k ? ".htm" : ".html");
        found = stat(page, &sb) == 0 && S_ISREG(sb.st_mode);
    }
    free(page);
    return found;
}

/*
 * One entry of a folder: a document is added, a folder walked, a pipe or device
 * named like a document skipped with a warning, an .epub document or an
 * archive left out and counted, anything else ignored.
 */
static enum jk_status visit(struct walker *w, const char *path, const struct entry *entry,
                            unsigned depth, struct jk_diag *diag)
{
    const char *name = entry->name;
    bool document = is_document_name(w->c, name);
    int format = document ? -1 : unread_format(name);
    if (entry->regular) { /* not a link: the folder's word is enough, no stat */
        if (document)
            add_file(w->c, path, JK_SIZE_UNKNOWN, w->folder);
        else if (format >= 0)
            leave_out_format(w, path, format);
        return JK_OK;
    }
    struct stat sb, lsb;
    if (stat(path, &sb) != 0) {
        leave_out(w->c, path, strerror(errno));
        return JK_OK;
    }
    if (S_ISREG(sb.st_mode) && document)
        add_file(w->c, path, (uint64_t)sb.st_size, w->folder);
    else if (S_ISREG(sb.st_mode) && format >= 0)
        leave_out_format(w, path, format);
    else if (!S_ISDIR(sb.st_mode) && document)
        leave_out(w->c, path, "it is not an ordinary file (a pipe, device or socket)");
    if (!S_ISDIR(sb.st_mode))
        return JK_OK;
    if (is_output(w, &sb)) {
        leave_out(w->c, path, "it is the output folder, whose files are not documents");
        return JK_OK;
    }
    if (earlier_output(path)) {
        leave_out(w->c, path,
                  "it holds the map of an earlier run (its run.json says so), whose files are not "
                  "documents");
        return JK_OK;
    }
    if (saved_page_files(path)) {
        leave_out(w->c, path,
                  "the pictures, scripts and frames of a saved web page, whose .html beside it is "
                  "read");
        return JK_OK;
    }
    if (!first_visit(w, &sb)) {
        if (lstat(path, &lsb) == 0 && S_ISLNK(lsb.st_mode))
            leave_out(w->c, path, "a link to a folder already read (a link loop?)");
        return JK_OK;
    }
    if (depth > 0)
        return walk(w, path, depth + 1, diag);
    w->folder = strlen(path) + 1; /* with its "/": a folder directly under the input folder */
    enum jk_status st = walk(w, path, depth + 1, diag);
    w->folder = 0;
    return st;
}

static enum jk_status walk(struct walker *w, const char *dir, unsigned depth, struct jk_diag *diag)
{
    if (depth > 64)
        return jk_error(diag, JK_E_INPUT,
                        "'%s': folders nested more than 64 deep; give a folder nearer the "
                        "documents",
                        dir);
    DIR *d = opendir(dir);
    if (!d)
        return jk_error(diag, JK_E_INPUT,
                        "cannot list folder '%s': %s; make it readable or leave it out", dir,
                        strerror(errno));
    size_t n;
    struct entry *entries = sorted_entries(d, &n);
    closedir(d);
    enum jk_status st = JK_OK;
    for (size_t i = 0; i < n; i++) {
        if (st == JK_OK) {
            char *path = join_path(dir, entries[i].name);
            st = visit(w, path, &entries[i], depth, diag);
            free(path);
        }
        free(entries[i].name);
    }
    free(entries);
    return st;
}

static int cmp_source(const void *a, const void *b)
{
    return strcmp(((const struct jk_source *)a)->path, ((const struct jk_source *)b)->path);
}

static void sort_unique(struct jk_corpus *c)
{
    qsort(c->files, c->count, sizeof(*c->files), cmp_source);
    size_t out = 0;
    for (size_t i = 0; i < c->count; i++) {
        if (out > 0 && strcmp(c->files[out - 1].path, c->files[i].path) == 0) {
            /* found in a folder and named too: the folder counts, whichever came first */
            if (c->files[i].folder > c->files[out - 1].folder)
                c->files[out - 1].folder = c->files[i].folder;
            free(c->files[i].path);
            continue;
        }
        c->files[out++] = c->files[i];
    }
    c->count = out;
}

static enum jk_status collect_one(struct walker *w, const char *input, struct jk_diag *diag)
{
    struct jk_corpus *c = w->c;
    struct stat sb;
    if (stat(input, &sb) != 0)
        return jk_error(diag, JK_E_INPUT,
                        "input '%s' cannot be read: %s; give a folder of .txt/.md documents", input,
                        strerror(errno));
    if (S_ISDIR(sb.st_mode) && is_output(w, &sb))
        return jk_error(diag, JK_E_OUTPUT,
                        "-o '%s' is the input folder '%s' itself: the next run would read the "
                        "map's files (report.md, the .txt and .csv outputs) as documents; choose "
                        "another folder with -o",
                        c->output, input);
    if (S_ISDIR(sb.st_mode) && earlier_output(input))
        return jk_error(diag, JK_E_INPUT,
                        "input '%s' holds the map of an earlier run (its run.json says so), not "
                        "documents; give the folder of the documents that were mapped",
                        input);
    if (S_ISDIR(sb.st_mode))
        return first_visit(w, &sb) ? walk(w, input, 0, diag) : JK_OK;
    int format = S_ISREG(sb.st_mode) ? unread_format(input) : -1;
    if (format >= 0) {
        char why[96];
        unread_why(format, why, sizeof(why));
        return jk_error(diag, JK_E_INPUT, "input '%s' is %s; %s", input, why,
                        unread_formats[format].archive
                            ? "unpack it and map the folder"
                            : "save it as PDF, .docx or plain text (.txt) and map that");
    }
    if (!S_ISREG(sb.st_mode) || !is_document_name(c, input))
        return jk_error(diag, JK_E_INPUT,
                        "input '%s' is not a folder or a " DOCUMENT_KINDS " document", input);
    add_file(c, input, (uint64_t)sb.st_size, 0);
    return JK_OK;
}

enum jk_status jk_corpus_collect(struct jk_corpus *c, const char *const *inputs, size_t n_inputs,
                                 struct jk_diag *diag)
{
    struct walker w = {.c = c};
    jk_strmap_init(&w.seen);
    w.has_output = c->output && stat(c->output, &w.output) == 0 && S_ISDIR(w.output.st_mode);
    enum jk_status st = JK_OK;
    for (size_t i = 0; i < n_inputs && st == JK_OK; i++)
        st = collect_one(&w, inputs[i], diag);
    jk_strmap_release(&w.seen);
    if (st != JK_OK)
        return st;
    struct jk_buf unread;
    jk_buf_init(&unread);
    size_t n_unread = describe_unread(&w, &unread);
    if (c->count == 0 && n_unread)
        st = jk_error(diag, JK_E_INPUT,
                      "no " DOCUMENT_KINDS " documents found in '%s'%s, only "
                      "files jaringkata does not read (%s, then map them",
                      n_inputs ? inputs[0] : "", n_inputs > 1 ? " or the other inputs" : "",
                      unread.data);
    else if (c->count == 0)
        st = jk_error(diag, JK_E_INPUT,
                      "no " DOCUMENT_KINDS
                      " documents found in '%s'%s; put the documents to map there",
                      n_inputs ? inputs[0] : "", n_inputs > 1 ? " or the other inputs" : "");
    else if (n_unread)
        jk_warn("left out %zu file%s in formats jaringkata does not read (%s to map them too; "
                "report.md lists them",
                n_unread, n_unread == 1 ? "" : "s", unread.data);
    jk_buf_release(&unread);
    if (st == JK_OK)
        sort_unique(c);
    return st;
}

size_t jk_utf8_repair(const char *s, size_t len, struct jk_buf *out, uint64_t *first)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t bad = 0, i = 0, run = 0;
    jk_buf_reserve(out, len);
    while (i < len) {
        size_t n = p[i] < 0x80 ? jk_ascii_span(s + i, len - i) : jk_utf8_valid_len(p + i, len - i);
        if (n > 0) {
            i += n;
            run += n;
            continue;
        }
        jk_buf_add(out, s + i - run, run);
        jk_buf_add(out, "\xef\xbf\xbd", 3);
        if (bad++ == 0 && first)
            *first = i;
        run = 0;
        i++;
    }
    jk_buf_add(out, s + i - run, run);
    return bad;
}

/* Normalises line ends in place: CR LF and lone CR become LF. */
static void normalise_newlines(struct jk_buf *b)
{
    size_t out = 0;
    for (size_t i = 0; i < b->len; i++) {
        char c = b->data[i];
        if (c == '\r') {
            if (i + 1 < b->len && b->data[i + 1] == '\n')
                continue;
            c = '\n';
        }
        b->data[out++] = c;
    }
    jk_buf_truncate(b, out);
}

/* Reads the file in chunks, handing each to take(ctx, chunk, n). */
static enum jk_status read_chunks(const char *path, void (*take)(void *, const char *, size_t),
                                  void *ctx, struct jk_diag *diag)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return jk_error(diag, JK_E_INPUT,
                        "cannot open '%s': %s; make it readable or move it out of the input", path,
                        strerror(errno));
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        take(ctx, chunk, n);
    int failed = ferror(f);
    int err = errno;
    fclose(f);
    if (failed)
        return jk_error(diag, JK_E_INPUT,
                        "cannot read '%s': %s; copy it again or move it out of the input", path,
                        strerror(err));
    return JK_OK;
}

/*
 * Reads a whole document into raw with as few system calls as it takes: one
 * read of its collected size plus one byte, which comes back short at the
 * end of a regular file (a file that grew since is read on until a read
 * returns 0 or comes back short).
 */
static enum jk_status slurp(const struct jk_source *src, struct jk_buf *raw, struct jk_diag *diag)
{
    int fd = open(src->path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return jk_error(diag, JK_E_INPUT,
                        "cannot open '%s': %s; make it readable or move it out of the input",
                        src->path, strerror(errno));
    uint64_t size = src->size;
    struct stat sb;
    if (size == JK_SIZE_UNKNOWN)
        size = fstat(fd, &sb) == 0 && sb.st_size > 0 ? (uint64_t)sb.st_size : 0;
    size_t want = size < ((size_t)1 << 20) ? (size_t)size + 1 : (size_t)1 << 20;
    for (;;) {
        jk_buf_reserve(raw, want);
        ssize_t n = read(fd, raw->data + raw->len, want);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int err = errno;
            close(fd);
            return jk_error(diag, JK_E_INPUT,
                            "cannot read '%s': %s; copy it again or move it out of the input",
                            src->path, strerror(err));
        }
        raw->len += (size_t)n;
        raw->data[raw->len] = '\0';
        if ((size_t)n < want)
            break;
        want = (size_t)1 << 20;
    }
    close(fd);
    return JK_OK;
}

/* What jk_corpus_check learns chunk by chunk. */
struct check {
    struct jk_sha256 sha;
    struct jk_read_info *info;
    bool hash;
    bool utf16; /* the file starts with a UTF-16 byte-order mark */
};

static void check_chunk(void *ctx, const char *chunk, size_t n)
{
    struct check *c = ctx;
    if (c->info->bytes == 0) /* UTF-16 is half NUL bytes, but text */
        c->utf16 = jk_utf16_bom(chunk, n) != 0;
    if (c->hash)
        jk_sha256_update(&c->sha, chunk, n);
    c->info->bytes += n;
    c->info->binary |= !c->utf16 && memchr(chunk, '\0', n) != NULL;
}

static enum jk_status check_file(const struct jk_source *src, bool hash, struct jk_read_info *info,
                                 struct jk_diag *diag)
{
    memset(info, 0, sizeof(*info));
    struct check c = {.info = info, .hash = hash};
    jk_sha256_init(&c.sha);
    enum jk_status st = read_chunks(src->path, check_chunk, &c, diag);
    if (st == JK_OK && hash)
        jk_sha256_final_hex(&c.sha, info->sha256);
    return st;
}

enum jk_status jk_corpus_check(const struct jk_source *src, struct jk_read_info *info,
                               struct jk_diag *diag)
{
    return check_file(src, true, info, diag);
}

enum jk_status jk_corpus_check_unhashed(const struct jk_source *src, struct jk_read_info *info,
                                        struct jk_diag *diag)
{
    return check_file(src, false, info, diag);
}

/* What a PDF's one record gives the document. */
struct pdf_take {
    struct jk_buf *text;
    int year;
};

/* Takes the PDF reader's one record: its text becomes the document's text. */
static enum jk_status take_pdf_text(void *ctx, const struct jk_record *r, struct jk_diag *diag)
{
    (void)diag;
    struct pdf_take *take = ctx;
    struct jk_buf *text = take->text;
    take->year = r->year;
    if (r->title.len && !strstr(r->fulltext.data, r->title.data)) {
        jk_buf_add(text, r->title.data, r->title.len);
        jk_buf_adds(text, "\n\n");
    }
    jk_buf_add(text, r->fulltext.data, r->fulltext.len);
    return JK_OK;
}

/* Text a reader extracted (PDF, .docx, .odt, web page) into text: valid UTF-8, LF line ends. */
static void take_extracted(const struct jk_buf *got, struct jk_buf *text, struct jk_read_info *info)
{
    info->invalid_utf8 = jk_utf8_repair(got->data, got->len, text, &info->first_invalid);
    normalise_newlines(text);
}

/* A PDF's text through Poppler; a PDF without usable text is skipped (the reader warned). */
static enum jk_status read_pdf_text(const struct jk_source *src, struct jk_buf *text,
                                    struct jk_read_info *info, struct jk_diag *diag)
{
    struct jk_buf raw;
    jk_buf_init(&raw);
    struct pdf_take take = {&raw, 0};
    enum jk_status st = jk_read_pdf(src->path, take_pdf_text, &take, diag);
    info->year = take.year;
    if (st == JK_OK && raw.len == 0)
        info->skip_reason = "PDF without usable text";
    if (st == JK_OK)
        take_extracted(&raw, text, info);
    jk_buf_release(&raw);
    return st;
}

const char jk_skip_empty[] = "empty (no text, or only white space)";
const char jk_skip_wos[] = "a Web of Science export";
const char jk_skip_too_large[] = "too large for one document";

/*
 * Whether text is a Web of Science export: the tagged format opens with
 * "FN <name of the database>" then "VR <version>", the tab-delimited one
 * with a header row "PT<TAB>AU<TAB>...".
 */
static bool wos_export(const struct jk_buf *text)
{
    const char *t = text->data ? text->data : "";
    if (strncmp(t, "PT\tAU\t", 6) == 0)
        return true;
    if (strncmp(t, "FN ", 3) != 0)
        return false;
    const char *eol = memchr(t, '\n', text->len);
    return eol && (size_t)(eol - t) + 4 <= text->len && strncmp(eol + 1, "VR ", 3) == 0;
}

/*
 * Text cut into pages at form feeds: from this many pages on, and with pages
 * of this many bytes on average (a printed page holds thousands; fewer is
 * not a paginated document, and a file of form feeds must not become
 * millions of pages), pages are looked at.
 */
enum { MIN_PAGES = 3, MIN_PAGE_BYTES = 256 };

/* The end of text's last character that is not white space (0: nothing but white space). */
static size_t text_end(const struct jk_buf *text)
{
    size_t end = text->len;
    while (end > 0 && isspace((unsigned char)text->data[end - 1]))
        end--;
    return end;
}

/*
 * The pages of text[0..end) in *copy, each ended by a NUL where its form
 * feed was: pages[0..n) point to them (n: the form feeds before end, + 1).
 */
static void split_pages(const struct jk_buf *text, size_t end, struct jk_buf *copy,
                        const char **pages)
{
    size_t n = 0;
    jk_buf_add(copy, text->data, end);
    pages[n++] = copy->data;
    for (size_t i = 0; i < end; i++)
        if (copy->data[i] == '\f') {
            copy->data[i] = '\0';
            pages[n++] = copy->data + i + 1;
        }
}

/*
 * A text with a form feed after each page (pdftotext's output) loses its
 * running headers, footers and page numbers by the PDF reader's page rules
 * (jk_pdf_pages_text), so a journal's running head does not become a term
 * of every article. Text without such pages (see MIN_PAGES), or whose pages
 * mostly hold no text, stays as it is.
 */
static void drop_page_furniture(struct jk_buf *text)
{
    size_t end = text_end(text), n = 1; /* form feeds after the text end no page */
    const char *p = text->data, *e = text->data + end;
    while (p < e && (p = memchr(p, '\f', (size_t)(e - p))) != NULL)
        n++, p++;
    if (n < MIN_PAGES || end / n < MIN_PAGE_BYTES || memchr(text->data, '\0', text->len))
        return;
    struct jk_buf copy, kept;
    jk_buf_init(&copy);
    jk_buf_init(&kept);
    const char **pages = jk_malloc(n * sizeof(*pages));
    split_pages(text, end, &copy, pages);
    if (jk_pdf_pages_text(pages, n, &kept)) {
        struct jk_buf old = *text;
        *text = kept;
        kept = old;
    }
    jk_buf_release(&kept);
    free(pages);
    jk_buf_release(&copy);
}

/*
 * Word's text that read_msdoc found in an OLE compound file into text, or
 * the reason it is skipped.
 */
static enum jk_msdoc_result take_msdoc(const struct jk_buf *raw, struct jk_buf *text,
                                       struct jk_read_info *info)
{
    struct jk_buf got;
    jk_buf_init(&got);
    enum jk_msdoc_result r = jk_msdoc_text(raw->data, raw->len, &got);
    if (r == JK_MSDOC_OK) {
        take_extracted(&got, text, info);
        info->skip_reason = text_end(text) == 0 ? jk_skip_empty : NULL;
    } else {
        info->skip_reason = jk_msdoc_problem(r);
        info->skip_note = jk_msdoc_note(r);
    }
    jk_buf_release(&got);
    return r;
}

/*
 * A .docx or .odt file's text (read_office.h); one without text is skipped
 * with its reason. An OLE compound file in its place is an old .doc renamed
 * (read as one) or a .docx saved with a password.
 */
static void read_office(const struct jk_buf *raw, enum jk_office_kind kind, struct jk_buf *text,
                        struct jk_read_info *info)
{
    info->binary = false; /* a ZIP archive, binary by nature */
    if (raw->len == 0) {  /* "New Microsoft Word Document.docx", never opened */
        info->skip_reason = jk_skip_empty;
        return;
    }
    struct jk_buf xml_text;
    jk_buf_init(&xml_text);
    enum jk_office_result r =
        jk_office_text(raw->data, raw->len, kind, JK_OFFICE_MAX_XML, &xml_text);
    if (r == JK_OFFICE_COMPOUND && take_msdoc(raw, text, info) != JK_MSDOC_NOT_WORD)
        ; /* a .doc renamed: read, or skipped for read_msdoc's reason */
    else if (r != JK_OFFICE_OK) {
        info->skip_reason = jk_office_problem(r, kind);
        info->skip_note = jk_office_note(r);
    } else {
        take_extracted(&xml_text, text, info);
        info->skip_reason = text_end(text) == 0 ? jk_skip_empty : NULL;
    }
    jk_buf_release(&xml_text);
}

/* Whether raw is an HTML page (its first character, after a byte-order mark and space, a '<'). */
static bool looks_like_html(const struct jk_buf *raw)
{
    size_t i = jk_utf8_bom(raw->data, raw->len);
    while (i < raw->len && isspace((unsigned char)raw->data[i]))
        i++;
    return i < raw->len && raw->data[i] == '<';
}

static void read_html(const struct jk_buf *raw, struct jk_buf *text, struct jk_read_info *info);

static bool is_zip(const struct jk_buf *raw)
{
    return raw->len >= 4 && memcmp(raw->data, "PK\3\4", 4) == 0;
}

/*
 * Whether a ".doc" is plain text that Word would open as such (no NUL byte
 * outside UTF-16, and none of the formats read_doc tells apart): it is read
 * as a .txt file is, an empty one skipped as empty.
 */
static bool doc_is_text(const struct jk_buf *raw, bool binary)
{
    return (!binary || jk_utf16_bom(raw->data, raw->len)) &&
           !jk_is_compound_file(raw->data, raw->len) && !is_zip(raw) &&
           !jk_is_rtf(raw->data, raw->len) && !looks_like_html(raw);
}

/* An RTF document's text (read_rtf.h); a file that is not RTF is skipped with what to do. */
static void read_rtf(const struct jk_buf *raw, struct jk_buf *text, struct jk_read_info *info)
{
    struct jk_buf got;
    jk_buf_init(&got);
    if (raw->len == 0) {
        info->skip_reason = jk_skip_empty;
    } else if (jk_rtf_text(raw->data, raw->len, &got)) {
        info->binary = false; /* text, but "\bin" may hold any bytes */
        take_extracted(&got, text, info);
        info->skip_reason = text_end(text) == 0 ? jk_skip_empty : NULL;
    } else if (!info->binary) {
        info->skip_reason = "not an RTF document (it does not start with \"{\\rtf\"); open it and "
                            "save it as .rtf, .docx or PDF";
        info->skip_note = "skipped: not an RTF document";
    }
    jk_buf_release(&got);
}

/*
 * A Word 97-2003 .doc file's text (read_msdoc.h). A ".doc" is often
 * something else that Word opens: a .docx renamed, read as one; an RTF file
 * or a web page saved with that name (a repository's "download as Word"),
 * read as what it is; plain text (doc_is_text), read by read_document as
 * text.
 */
static void read_doc(const struct jk_buf *raw, struct jk_buf *text, struct jk_read_info *info)
{
    if (is_zip(raw)) {
        read_office(raw, JK_OFFICE_DOCX, text, info);
    } else if (jk_is_rtf(raw->data, raw->len)) {
        read_rtf(raw, text, info);
    } else if (!jk_is_compound_file(raw->data, raw->len) && looks_like_html(raw)) {
        read_html(raw, text, info);
    } else {
        info->binary = false; /* a compound file, or bytes read_msdoc says are none */
        take_msdoc(raw, text, info);
    }
}

size_t jk_corpus_max_tags = 2000000;

/* Whether s[0..len) holds more than jk_corpus_max_tags tags ("<" before a letter, "/" or "!"). */
static bool too_many_tags(const char *s, size_t len)
{
    size_t tags = 0;
    for (const char *p = s, *end = s + len; (p = memchr(p, '<', (size_t)(end - p))) != NULL;) {
        p++;
        tags += p < end && (isalpha((unsigned char)*p) || *p == '/' || *p == '!');
        if (tags > jk_corpus_max_tags)
            return true;
    }
    return false;
}

/* A saved web page's text (read_html.h); NUL bytes outside UTF-16 make it binary, as for text. */
static void read_html(const struct jk_buf *raw, struct jk_buf *text, struct jk_read_info *info)
{
    if (info->binary && !jk_utf16_bom(raw->data, raw->len))
        return;
    info->binary = false;
    if (too_many_tags(raw->data, raw->len)) { /* the parser's tree: ~500 bytes a tag */
        info->skip_reason = "it is a web page of more than 2 million tags, whose tree would take "
                            "gigabytes of memory; save it as text (.txt) and map that";
        info->skip_note = "skipped: more than 2 million tags";
        return;
    }
    struct jk_buf page_text;
    jk_buf_init(&page_text);
    jk_web_page_text(raw->data, raw->len, &page_text);
    take_extracted(&page_text, text, info);
    info->skip_reason = text_end(text) == 0 ? jk_skip_empty : NULL;
    jk_buf_release(&page_text);
}

/* Is src a text or web-page document larger than jk_record_max_bytes? */
static bool too_large(const struct jk_source *src, enum jk_format format)
{
    if (format != JK_FORMAT_TEXT && format != JK_FORMAT_HTML)
        return false;
    uint64_t size = src->size;
    struct stat sb;
    if (size == JK_SIZE_UNKNOWN)
        size = stat(src->path, &sb) == 0 && sb.st_size > 0 ? (uint64_t)sb.st_size : 0;
    return size > jk_record_max_bytes;
}

static enum jk_status read_document(const struct jk_source *src,
                                    const struct jk_source_options *sources, struct jk_buf *text,
                                    struct jk_read_info *info, bool hash, struct jk_diag *diag)
{
    memset(info, 0, sizeof(*info));
    jk_buf_clear(text);
    enum jk_format format = jk_source_format(src->path, sources);
    if (too_large(src, format)) { /* read in chunks for its size, hash and NUL bytes only */
        enum jk_status st = check_file(src, hash, info, diag);
        if (st == JK_OK && !info->binary)
            info->skip_reason = jk_skip_too_large;
        return st;
    }
    struct jk_buf raw;
    jk_buf_init(&raw);
    enum jk_status st = slurp(src, &raw, diag);
    if (st == JK_OK && hash) {
        struct jk_sha256 sha;
        jk_sha256_init(&sha);
        jk_sha256_update(&sha, raw.data, raw.len);
        jk_sha256_final_hex(&sha, info->sha256);
    }
    if (st == JK_OK) {
        info->bytes = raw.len;
        info->binary = memchr(raw.data, '\0', raw.len) != NULL;
    }
    if (st == JK_OK && format == JK_FORMAT_DOC && doc_is_text(&raw, info->binary))
        format = JK_FORMAT_TEXT;
    int utf16 = st == JK_OK && format == JK_FORMAT_TEXT ? jk_utf16_bom(raw.data, raw.len) : 0;
    if (st == JK_OK && format == JK_FORMAT_PDF) {
        info->binary = false; /* PDFs are binary by nature: Poppler reads them */
        st = read_pdf_text(src, text, info, diag);
    } else if (st == JK_OK && (format == JK_FORMAT_DOCX || format == JK_FORMAT_ODT))
        read_office(&raw, format == JK_FORMAT_DOCX ? JK_OFFICE_DOCX : JK_OFFICE_ODT, text, info);
    else if (st == JK_OK && format == JK_FORMAT_HTML)
        read_html(&raw, text, info);
    else if (st == JK_OK && format == JK_FORMAT_DOC)
        read_doc(&raw, text, info);
    else if (st == JK_OK && format == JK_FORMAT_RTF)
        read_rtf(&raw, text, info);
    else if (utf16) {
        info->binary = false; /* "Unicode" text from Windows: every other byte is a NUL */
        info->invalid_utf8 = jk_utf16_to_utf8((const unsigned char *)raw.data + 2, raw.len - 2,
                                              utf16 == 2, text, &info->first_invalid);
        info->first_invalid += 2;
        normalise_newlines(text);
    } else if (st == JK_OK && !info->binary) {
        size_t skip = jk_utf8_bom(raw.data, raw.len);
        const char *s = raw.data + skip;
        size_t len = raw.len - skip;
        info->cp1252 =
            format == JK_FORMAT_TEXT && jk_cp1252_plausible(s, len, &info->first_invalid);
        if (info->cp1252)
            info->invalid_utf8 = jk_cp1252_to_utf8(s, len, text);
        else {
            info->first_invalid = 0;
            info->invalid_utf8 = jk_utf8_repair(s, len, text, &info->first_invalid);
        }
        info->first_invalid += skip;
        normalise_newlines(text);
    }
    if (st == JK_OK && format == JK_FORMAT_TEXT && !info->binary) {
        drop_page_furniture(text);
        info->skip_reason = text_end(text) == 0 ? jk_skip_empty
                            : wos_export(text)  ? jk_skip_wos
                                                : NULL;
    }
    jk_buf_release(&raw);
    return st;
}

enum jk_status jk_corpus_read(const struct jk_source *src, const struct jk_source_options *sources,
                              struct jk_buf *text, struct jk_read_info *info, struct jk_diag *diag)
{
    return read_document(src, sources, text, info, true, diag);
}

enum jk_status jk_corpus_reread(const struct jk_source *src,
                                const struct jk_source_options *sources, struct jk_buf *text,
                                struct jk_read_info *info, struct jk_diag *diag)
{
    return read_document(src, sources, text, info, false, diag);
}
