/*
 * A bibliographic record: one document as a database export, a reference
 * manager or a PDF describes it. Readers of each format (CSV, RIS, BibTeX,
 * VOSviewer corpus files, PDF) fill one record at a time and hand it to a
 * callback, so a large export is streamed, never held whole. The record
 * owns its buffers; a callback borrows the record for the call only.
 */
#ifndef JK_RECORD_H
#define JK_RECORD_H

#include <stddef.h>

#include "util/buf.h"
#include "util/status.h"

struct jk_record {
    const char *source; /* the file it came from (borrowed) */
    size_t number;      /* record number in the file, 1-based (a PDF: 1) */
    unsigned long line; /* line where it starts (0 when not line-based) */
    struct jk_buf title;
    struct jk_buf abstract;
    struct jk_buf keywords; /* author keywords, joined by "; " */
    struct jk_buf fulltext; /* body text (PDFs, plain documents) */
    struct jk_buf authors;  /* joined by "; " */
    struct jk_buf doi;      /* lower case, without "https://doi.org/" */
    struct jk_buf venue;    /* journal or source title */
    int year;               /* publication year, 0 when unknown */
    double citations;       /* times cited, NAN when unknown */
};

/*
 * The most text one record or document may hold (256 MB): a document is held
 * whole while it is counted, about 8 bytes of memory a byte. A record file's
 * field that runs past it is a quote or brace left open, which makes the rest
 * of the file one field; readers stop there and callers skip longer records.
 * A text file or web page larger than it is skipped unread (corpus.h,
 * jk_skip_too_large). Tests lower it.
 */
extern size_t jk_record_max_bytes;

void jk_record_init(struct jk_record *r);
void jk_record_release(struct jk_record *r);
/* Empties every field (keeps the memory), year 0, citations NAN. */
void jk_record_clear(struct jk_record *r);

/* Receives one record; a non-JK_OK status stops the reader and is returned by it. */
typedef enum jk_status (*jk_record_fn)(void *ctx, const struct jk_record *r, struct jk_diag *diag);

#endif
