/*
 * Stage 9 support, the output folder: every output file is written to a
 * hidden temporary file in the output folder and renamed into place only
 * when all files of the run were written, so a failed run leaves neither a
 * half-written file nor damaged earlier outputs.
 */
#ifndef JK_OUTDIR_H
#define JK_OUTDIR_H

#include <stdbool.h>
#include <stdio.h>

#include "util/status.h"
#include "workers.h"

/* Writes one whole file to out; returns JK_OK or an error in diag. */
typedef enum jk_status (*jk_writer_fn)(const void *ctx, FILE *out, struct jk_diag *diag);

struct jk_staged {
    char *tmp;   /* owned */
    char *final; /* owned */
};

/* The struct owns dir, the staged names, and the temporary files until commit. */
struct jk_outdir {
    char *dir;
    struct jk_staged *files;
    size_t count, cap;
    bool created;   /* jk_outdir_open made dir */
    bool committed; /* a commit put files in it */
};

void jk_outdir_init(struct jk_outdir *od);
/*
 * Removes every temporary file not yet committed, and dir itself when this
 * run created it and committed nothing (a failed run leaves no empty folder
 * behind), then frees.
 */
void jk_outdir_release(struct jk_outdir *od);

/* Creates dir if missing (one level) and checks it is a writable folder. JK_E_OUTPUT otherwise. */
enum jk_status jk_outdir_open(struct jk_outdir *od, const char *dir, struct jk_diag *diag);

/* Writes name through write(ctx, ...) into a temporary file. JK_E_OUTPUT on I/O errors. */
enum jk_status jk_outdir_write(struct jk_outdir *od, const char *name, jk_writer_fn write,
                               const void *ctx, struct jk_diag *diag);

/* One file for jk_outdir_write_many. */
struct jk_outdir_file {
    const char *name;
    jk_writer_fn write;
    const void *ctx;
};

/*
 * Stages files[0..n) like jk_outdir_write, then writes them on the workers'
 * threads, each file whole by one thread (so no content depends on the
 * threads; the writers must not share mutable state). On failure the first
 * failing file in order is reported, so the message does not depend on the
 * threads either.
 */
enum jk_status jk_outdir_write_many(struct jk_outdir *od, const struct jk_outdir_file *files,
                                    size_t n, struct jk_workers *workers, struct jk_diag *diag);

/*
 * Removes the staged temporary files of the output folder opened last and
 * not yet released, and the folder when this run created it and nothing
 * was committed. Async-signal-safe (unlink and rmdir only), for an
 * interrupt handler: the earlier outputs stay as they were and nothing
 * half-written is left behind. Returns true when a commit had already put
 * every new file in place (the interrupt came after it).
 */
bool jk_outdir_abandon(void);

/*
 * Renames every staged file into place, with SIGINT and SIGTERM held back
 * meanwhile so an interrupt never leaves files of two runs side by side.
 */
enum jk_status jk_outdir_commit(struct jk_outdir *od, struct jk_diag *diag);

#endif
