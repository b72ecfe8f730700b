/*
 * The one place where igraph's global error machinery meets ours.
 * igraph aborts the process on error by default; jk_igraph_setup() replaces
 * that with a quiet handler that remembers igraph's message, and
 * jk_igraph_status() turns an igraph error code into JK_E_INTERNAL.
 */
#ifndef JK_IGRAPH_GLUE_H
#define JK_IGRAPH_GLUE_H

#include <igraph.h>

#include "util/status.h"

/*
 * Installs a non-aborting, non-printing igraph error handler (it frees
 * igraph's temporary allocations, as igraph requires, and records the first
 * non-empty reason igraph gives) and a silent warning handler. Idempotent;
 * main() calls it once at start-up and every module that calls igraph may
 * call it again. Not thread-safe (neither is igraph's error state).
 */
void jk_igraph_setup(void);

/*
 * Returns JK_OK when err is IGRAPH_SUCCESS. Otherwise records in diag
 * "<what> failed inside igraph: <igraph_strerror(err)> (<igraph's reason>)"
 * and returns JK_E_INTERNAL. what names the operation in user terms, e.g.
 * "clustering the term network". Clears the recorded reason either way.
 */
enum jk_status jk_igraph_status(igraph_error_t err, struct jk_diag *diag, const char *what);

#endif
