/*
 * A spool: an unlinked temporary file that texts are appended to and read
 * back by offset. The first pass over a folder of text files spools what it
 * read, so the later passes read one file with one call per document
 * instead of opening every file again (opening is most of the system time
 * on 200,000 small files). It never has a name (O_TMPFILE; elsewhere it is
 * unlinked at once), so it leaves nothing behind whatever happens to the run.
 */
#ifndef JK_SPOOL_H
#define JK_SPOOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

struct jk_spool {
    int fd;               /* -1 when closed or not opened */
    uint64_t size;        /* bytes appended */
    bool failed;          /* a write failed: what it holds may be incomplete */
    struct jk_buf buffer; /* appended, not yet written (written 256 KB at a time) */
};

/* Where one text is in a spool; ok is false when it was not spooled. */
struct jk_spool_span {
    uint64_t at;
    uint32_t len;
    bool ok;
};

void jk_spool_init(struct jk_spool *sp);
/* Closes the file (which disappears with it) and frees the buffer; init again to reuse. */
void jk_spool_release(struct jk_spool *sp);
/* Creates the file of an initialised, unopened spool in folder dir; false when it cannot. */
bool jk_spool_open(struct jk_spool *sp, const char *dir);
/*
 * Appends data[0..len) and records where in *span; span->ok (returned) is
 * false when the text is over 4 GB, or, with failed set for good, when a
 * write fails (disk full, file size limit) or the spool is closed.
 */
bool jk_spool_append(struct jk_spool *sp, const void *data, size_t len, struct jk_spool_span *span);
/* Writes what is buffered (before reading); false, and failed set, when it cannot. */
bool jk_spool_flush(struct jk_spool *sp);
/*
 * Replaces out with the text span records, which must have been flushed;
 * false when span is not ok, the spool has failed since (what it holds may
 * be incomplete), or on a short read. Thread-safe (pread).
 */
bool jk_spool_read(const struct jk_spool *sp, const struct jk_spool_span *span, struct jk_buf *out);

#endif
