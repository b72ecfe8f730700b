/* The output folder: staged temporary files renamed into place together (see outdir.h). */
#include "outdir.h"

#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/mem.h"

/* The output folder being written, for jk_outdir_abandon. */
static struct jk_outdir *volatile active;
/* Set when a commit of the folder opened last has put every file in place. */
static volatile sig_atomic_t replaced;

bool jk_outdir_abandon(void)
{
    struct jk_outdir *od = active;
    if (od) {
        for (size_t i = 0; i < od->count; i++)
            if (od->files[i].tmp)
                unlink(od->files[i].tmp);
        if (od->created && !replaced)
            rmdir(od->dir); /* fails, harmlessly, if a commit had put files in it */
    }
    return replaced;
}

void jk_outdir_init(struct jk_outdir *od)
{
    memset(od, 0, sizeof(*od));
}

void jk_outdir_release(struct jk_outdir *od)
{
    if (!od)
        return;
    if (active == od)
        active = NULL;
    for (size_t i = 0; i < od->count; i++) {
        if (od->files[i].tmp)
            unlink(od->files[i].tmp);
        free(od->files[i].tmp);
        free(od->files[i].final);
    }
    if (od->created && !od->committed && od->dir)
        rmdir(od->dir); /* only if empty: nothing of anyone else's goes */
    free(od->files);
    free(od->dir);
    jk_outdir_init(od);
}

enum jk_status jk_outdir_open(struct jk_outdir *od, const char *dir, struct jk_diag *diag)
{
    struct stat sb;
    if (stat(dir, &sb) != 0) {
        if (errno != ENOENT || mkdir(dir, 0777) != 0)
            return jk_error(diag, JK_E_OUTPUT, "cannot create output folder '%s': %s", dir,
                            strerror(errno));
        od->created = true;
    } else if (!S_ISDIR(sb.st_mode)) {
        return jk_error(diag, JK_E_OUTPUT,
                        "output '%s' exists and is not a folder; choose another -o", dir);
    }
    if (access(dir, W_OK | X_OK) != 0)
        return jk_error(diag, JK_E_OUTPUT,
                        "output folder '%s' is not writable: %s; choose another with -o", dir,
                        strerror(errno));
    od->dir = jk_strdup(dir);
    active = od;
    replaced = 0;
    return JK_OK;
}

static char *path_in(const char *dir, const char *prefix, const char *name, const char *suffix)
{
    struct jk_buf b;
    jk_buf_init(&b);
    jk_buf_addf(&b, "%s/%s%s%s", dir, prefix, name, suffix);
    return jk_buf_detach(&b, NULL);
}

/*
 * An output file's stream and its stdio buffer. The default buffer (the file
 * system's block, 4 KB) makes a 64 MB GraphML sixteen thousand write calls,
 * each a trip into the kernel (and on a virtual machine often out of it too);
 * 256 KB make it 256.
 */
enum { WRITE_BUFFER = 256 << 10 };

struct stream {
    FILE *f;
    char *buffer; /* owned: f's buffer, freed after f is closed */
};

static void stream_close(struct stream *s)
{
    if (s->f)
        fclose(s->f);
    free(s->buffer);
    *s = (struct stream){NULL, NULL};
}

static enum jk_status finish(struct stream *s, const char *path, enum jk_status st,
                             struct jk_diag *diag)
{
    int err = 0;
    if (fflush(s->f) != 0 || ferror(s->f))
        err = errno ? errno : EIO;
    if (fclose(s->f) != 0 && !err)
        err = errno;
    s->f = NULL;
    stream_close(s);
    if (st == JK_OK && err)
        st = jk_error(diag, JK_E_OUTPUT, "cannot write '%s': %s", path, strerror(err));
    return st;
}

/* Puts the output file's path in front of a writer's message ("cannot write the GraphML file"). */
static void name_the_file(struct jk_diag *diag, const char *path)
{
    struct jk_buf msg;
    jk_buf_init(&msg);
    jk_buf_addf(&msg, "'%s': %s", path, diag->msg);
    size_t n = msg.len < JK_DIAG_MAX - 1 ? msg.len : JK_DIAG_MAX - 1;
    memcpy(diag->msg, msg.data, n);
    diag->msg[n] = '\0';
    jk_buf_release(&msg);
}

/* Stages one file: its temporary name, created and opened; out->f stays NULL on error. */
static enum jk_status stage(struct jk_outdir *od, const char *name, struct stream *out,
                            struct jk_diag *diag)
{
    *out = (struct stream){NULL, NULL};
    JK_GROW(od->files, od->count + 1, od->cap);
    struct jk_staged *s = &od->files[od->count];
    s->final = path_in(od->dir, "", name, "");
    s->tmp = path_in(od->dir, ".", name, ".tmp-XXXXXX");
    /* counted only once complete: an interrupt may read it (jk_outdir_abandon) */
    atomic_signal_fence(memory_order_seq_cst);
    od->count++;
    int fd = mkstemp(s->tmp);
    if (fd < 0) {
        enum jk_status st = jk_error(diag, JK_E_OUTPUT, "cannot create a file in '%s': %s", od->dir,
                                     strerror(errno));
        free(s->tmp);
        s->tmp = NULL;
        return st;
    }
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask); /* mkstemp makes 0600; outputs are ordinary files */
    out->f = fdopen(fd, "w");
    if (!out->f) {
        close(fd);
        return jk_error(diag, JK_E_OUTPUT, "cannot write '%s': %s", s->tmp, strerror(errno));
    }
    out->buffer = jk_malloc(WRITE_BUFFER);
    setvbuf(out->f, out->buffer, _IOFBF, WRITE_BUFFER);
    return JK_OK;
}

enum jk_status jk_outdir_write(struct jk_outdir *od, const char *name, jk_writer_fn write,
                               const void *ctx, struct jk_diag *diag)
{
    struct stream f;
    enum jk_status st = stage(od, name, &f, diag);
    if (st != JK_OK)
        return st;
    const struct jk_staged *s = &od->files[od->count - 1];
    errno = 0;
    st = finish(&f, s->final, write(ctx, f.f, diag), diag);
    if (st == JK_E_OUTPUT && diag && !strstr(diag->msg, s->final))
        name_the_file(diag, s->final);
    return st;
}

enum jk_status jk_outdir_commit(struct jk_outdir *od, struct jk_diag *diag)
{
    /* A folder in a file's place would stop the renames halfway: refuse before the first. */
    for (size_t i = 0; i < od->count; i++) {
        struct stat sb;
        if (lstat(od->files[i].final, &sb) == 0 && S_ISDIR(sb.st_mode))
            return jk_error(diag, JK_E_OUTPUT,
                            "cannot replace '%s': it is a folder; remove it or choose another -o",
                            od->files[i].final);
    }
    /* Ctrl-C waits until every file is renamed: the folder never mixes two runs. */
    sigset_t stop, old;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    sigprocmask(SIG_BLOCK, &stop, &old);
    enum jk_status st = JK_OK;
    for (size_t i = 0; i < od->count && st == JK_OK; i++) {
        struct jk_staged *s = &od->files[i];
        if (rename(s->tmp, s->final) != 0) {
            st = jk_error(diag, JK_E_OUTPUT, "cannot rename '%s' to '%s': %s", s->tmp, s->final,
                          strerror(errno));
            break;
        }
        free(s->tmp);
        s->tmp = NULL;
        od->committed = true;
    }
    replaced = st == JK_OK;
    sigprocmask(SIG_SETMASK, &old, NULL);
    return st;
}

/* One file of jk_outdir_write_many, written by one thread. */
struct many {
    const struct jk_outdir_file *files;
    struct stream *streams;
    const struct jk_staged *staged;
    enum jk_status *status;
    struct jk_diag *diags;
};

static void write_one(void *ctx, size_t thread, size_t i)
{
    (void)thread;
    struct many *m = ctx;
    struct jk_diag *d = &m->diags[i];
    jk_diag_init(d);
    errno = 0;
    enum jk_status st = m->files[i].write(m->files[i].ctx, m->streams[i].f, d);
    st = finish(&m->streams[i], m->staged[i].final, st, d);
    if (st == JK_E_OUTPUT && !strstr(d->msg, m->staged[i].final))
        name_the_file(d, m->staged[i].final);
    m->status[i] = st;
}

enum jk_status jk_outdir_write_many(struct jk_outdir *od, const struct jk_outdir_file *files,
                                    size_t n, struct jk_workers *workers, struct jk_diag *diag)
{
    struct stream *streams = jk_calloc(n ? n : 1, sizeof(*streams));
    enum jk_status st = JK_OK;
    size_t first = od->count;
    for (size_t i = 0; i < n && st == JK_OK; i++)
        st = stage(od, files[i].name, &streams[i], diag);
    if (st == JK_OK) {
        enum jk_status *status = jk_calloc(n ? n : 1, sizeof(*status));
        struct jk_diag *diags = jk_calloc(n ? n : 1, sizeof(*diags));
        struct many m = {files, streams, od->files + first, status, diags};
        jk_workers_start(workers, write_one, &m, n);
        jk_workers_wait(workers);
        for (size_t i = 0; i < n && st == JK_OK; i++)
            if (status[i] != JK_OK) {
                st = status[i];
                if (diag)
                    *diag = diags[i];
            }
        free(status);
        free(diags);
    } else {
        for (size_t i = 0; i < n; i++)
            stream_close(&streams[i]);
    }
    free(streams);
    return st;
}
