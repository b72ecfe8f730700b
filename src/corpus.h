/*
 * Stage 1, corpus: finds the documents under the inputs and reads them one
 * at a time. Documents are every .txt, .md and .pdf file (case-insensitive
 * extension; PDFs through Poppler, see read_pdf.h) under the input folders, recursively, sorted by
 * path (byte order) so runs are reproducible. Hidden files and folders (".name") are skipped. Text
 * is streamed: the caller reads one document, uses it, and reuses the buffer for the next.
 */
#ifndef JK_CORPUS_H
#define JK_CORPUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sources.h"
#include "util/buf.h"
#include "util/status.h"

struct jk_source {
    char *path;    /* owned; as given or joined from the input folder */
    uint64_t size; /* bytes on disk when collected, or JK_SIZE_UNKNOWN when not asked */
    /* Length of the start of path that names, with its "/", the folder directly under
     * an input folder holding the file at any depth (a thesis kept as one folder); 0 for
     * a file lying directly in an input folder or named as an input itself. */
    size_t folder;
};

#define JK_SIZE_UNKNOWN UINT64_MAX

/* An entry of an input folder left out while listing it (also warned about), for report.md. */
struct jk_left_out {
    char *path; /* owned */
    char *why;  /* owned: "a link to a folder already read (a link loop?)", an strerror text... */
};

/*
 * Invariant: files sorted by path, no duplicates; left_out in listing order
 * (sorted within each folder). The corpus owns every path and reason.
 */
struct jk_corpus {
    struct jk_source *files;
    size_t count;
    size_t cap;
    struct jk_left_out *left_out;
    size_t n_left_out, cap_left_out;
    const struct jk_source_options *sources; /* borrowed; NULL: by extension */
    const char *output; /* borrowed; the output folder, skipped inside inputs; NULL: none */
};

void jk_corpus_init(struct jk_corpus *c);
void jk_corpus_release(struct jk_corpus *c);

/*
 * Adds the documents under each input (a folder, or a single .txt/.md file).
 * JK_E_INPUT when an input does not exist or cannot be listed, when a file
 * input is not a .txt/.md document, or when no document is found at all;
 * JK_E_OUTPUT when an input folder is the output folder itself (the outputs
 * would be read as documents by the next run).
 */
enum jk_status jk_corpus_collect(struct jk_corpus *c, const char *const *inputs, size_t n_inputs,
                                 struct jk_diag *diag);

/* read_info's skip_reason for a text document with nothing but white space. */
extern const char jk_skip_empty[];
/* read_info's skip_reason for a .txt that is a Web of Science export (tagged or tab-delimited). */
extern const char jk_skip_wos[];
/*
 * read_info's skip_reason for a text or web-page document of more than
 * jk_record_max_bytes (record.h: the limit records have too). A document is
 * held whole while it is counted, in several forms; above 256 MB a file is a
 * collection of documents (a VOSviewer corpus file is read line by line),
 * and read whole it could exhaust the memory.
 */
extern const char jk_skip_too_large[];
/*
 * A web page (or a .doc that is one) with more tags than this is skipped
 * (skip_reason and skip_note set): libxml2's tree of it takes about 500
 * bytes a tag, 1 GB for an 18 MB page of 2 million. Tests lower it.
 */
extern size_t jk_corpus_max_tags;

/* What reading one document found out. */
struct jk_read_info {
    char sha256[65];         /* of the bytes on disk */
    uint64_t bytes;          /* bytes on disk */
    bool binary;             /* a NUL byte was found: the text is not usable */
    const char *skip_reason; /* set when the file has no usable text for another reason */
    int year;                /* publication year when the file says (PDF metadata), else 0 */
    size_t invalid_utf8;     /* invalid sequences replaced by U+FFFD (cp1252: bytes converted) */
    uint64_t first_invalid;  /* byte offset of the first one */
    bool cp1252;             /* a text document read as Windows-1252 (Latin-1), not UTF-8 */
    /* A .docx/.odt without text: report.md's note; skip_reason says why and what to do. */
    const char *skip_note;
};

/*
 * Reads the document into text (replacing its contents): UTF-8 byte-order
 * mark removed, CR LF and lone CR turned into LF, invalid UTF-8 sequences
 * replaced by U+FFFD. A .txt/.md document without one valid multi-byte
 * UTF-8 sequence whose other bytes are all Windows-1252 letters and marks
 * (not 0xFE, 0xFF) is read as Windows-1252 (Latin-1) instead, with
 * info->cp1252 set; one that starts with a UTF-16 byte-order mark is read
 * as UTF-16. JK_E_INPUT when the file cannot be opened or read.
 * A binary file is not an error: info->binary is set and text is empty.
 * A PDF yields its text; an encrypted, scanned or damaged one is skipped
 * after one warning (info->skip_reason set, text empty). A .txt/.md
 * document with nothing but white space is skipped too, without a warning
 * here: info->skip_reason is jk_skip_empty (the caller says so, in order);
 * so is a Web of Science export saved as .txt (jk_skip_wos), which read as one
 * document would map its field tags and every record together. A .txt/.md or
 * web page of more than jk_record_max_bytes bytes is read in chunks only
 * for its size, SHA-256 and NUL bytes: text empty, skip_reason
 * jk_skip_too_large (info->binary instead when it has a NUL byte).
 */
enum jk_status jk_corpus_read(const struct jk_source *src, const struct jk_source_options *sources,
                              struct jk_buf *text, struct jk_read_info *info, struct jk_diag *diag);

/*
 * What the first pass needs of a record file, whose reader reads it itself:
 * its size, SHA-256 and whether it has a NUL byte (info->binary; not in a
 * file that starts with a UTF-16 byte-order mark), read in
 * chunks so the file is never held whole. JK_E_INPUT like jk_corpus_read.
 */
enum jk_status jk_corpus_check(const struct jk_source *src, struct jk_read_info *info,
                               struct jk_diag *diag);
/* The same without the SHA-256 (info->sha256 is empty), for a caller that hashes it elsewhere. */
enum jk_status jk_corpus_check_unhashed(const struct jk_source *src, struct jk_read_info *info,
                                        struct jk_diag *diag);

/* The same without the SHA-256 (info->sha256 is empty): the second pass's read. */
enum jk_status jk_corpus_reread(const struct jk_source *src,
                                const struct jk_source_options *sources, struct jk_buf *text,
                                struct jk_read_info *info, struct jk_diag *diag);

/*
 * Replaces invalid UTF-8 in s[0..len) by U+FFFD, appending the result to out.
 * Returns the number of replacements; *first gets the offset of the first.
 */
size_t jk_utf8_repair(const char *s, size_t len, struct jk_buf *out, uint64_t *first);

#endif
