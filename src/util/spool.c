/* Append-and-read-back temporary file (see spool.h). */
#define _GNU_SOURCE /* mkstemp; O_TMPFILE on Linux */

#include "util/spool.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/mem.h"

/* Spooled texts are written in pieces of about this size (a few per thread at most in memory). */
enum { SPOOL_WRITE = 256 << 10 };

void jk_spool_init(struct jk_spool *sp)
{
    sp->fd = -1;
    sp->size = 0;
    sp->failed = false;
    jk_buf_init(&sp->buffer);
}

void jk_spool_release(struct jk_spool *sp)
{
    if (!sp)
        return;
    if (sp->fd >= 0)
        close(sp->fd);
    jk_buf_release(&sp->buffer);
    sp->fd = -1;
    sp->size = 0;
}

bool jk_spool_open(struct jk_spool *sp, const char *dir)
{
#ifdef O_TMPFILE
    /* A file that never has a name: an interrupt cannot leave it behind. */
    sp->fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (sp->fd >= 0)
        return true;
#endif
    /* Elsewhere (or a file system without it) a named file, unlinked at once. */
    size_t n = strlen(dir) + sizeof("/.jaringkata-spool-XXXXXX");
    char *path = jk_malloc(n);
    snprintf(path, n, "%s/.jaringkata-spool-XXXXXX", dir);
    sp->fd = mkstemp(path);
    if (sp->fd >= 0)
        unlink(path);
    free(path);
    return sp->fd >= 0;
}

static bool write_all(int fd, const char *p, size_t len)
{
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, p + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        done += (size_t)w;
    }
    return true;
}

bool jk_spool_flush(struct jk_spool *sp)
{
    if (sp->fd < 0 || sp->failed || !write_all(sp->fd, sp->buffer.data, sp->buffer.len))
        sp->failed = true;
    jk_buf_clear(&sp->buffer);
    return !sp->failed;
}

bool jk_spool_append(struct jk_spool *sp, const void *data, size_t len, struct jk_spool_span *span)
{
    span->ok = false;
    if (sp->fd < 0 || sp->failed) {
        sp->failed = true;
        return false;
    }
    if (len > UINT32_MAX)
        return false;
    span->at = sp->size;
    span->len = (uint32_t)len;
    sp->size += len;
    if (len >= SPOOL_WRITE) { /* a long text goes straight to the file: no buffer its size */
        if (!jk_spool_flush(sp) || !write_all(sp->fd, data, len))
            sp->failed = true;
        span->ok = !sp->failed;
        return span->ok;
    }
    jk_buf_add(&sp->buffer, data, len);
    span->ok = sp->buffer.len < SPOOL_WRITE || jk_spool_flush(sp);
    return span->ok;
}

bool jk_spool_read(const struct jk_spool *sp, const struct jk_spool_span *span, struct jk_buf *out)
{
    jk_buf_clear(out);
    if (!span->ok || sp->failed || sp->fd < 0)
        return false;
    uint64_t at = span->at;
    size_t len = span->len;
    jk_buf_reserve(out, len + 1);
    size_t done = 0;
    while (done < len) {
        ssize_t r = pread(sp->fd, out->data + done, len - done, (off_t)(at + done));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            out->data[0] = '\0';
            return false;
        }
        done += (size_t)r;
    }
    out->len = len;
    out->data[len] = '\0';
    return true;
}
