/*
 * igraph error and warning handlers that never abort or print (see
 * igraph_glue.h). igraph calls the error handler once where an error starts
 * and again with an empty reason at every IGRAPH_CHECK it passes on the way
 * out, so only the first non-empty reason is kept.
 */
#include "util/igraph_glue.h"

#include <stdio.h>

static char last_reason[256];

static void quiet_error_handler(const char *reason, const char *file, int line,
                                igraph_error_t igraph_errno)
{
    (void)file;
    (void)line;
    (void)igraph_errno;
    if (reason && reason[0] && !last_reason[0])
        snprintf(last_reason, sizeof(last_reason), "%s", reason);
    /* Required of every handler that returns: free igraph's temporaries. */
    IGRAPH_FINALLY_FREE();
}

static void quiet_warning_handler(const char *reason, const char *file, int line)
{
    (void)reason;
    (void)file;
    (void)line;
}

void jk_igraph_setup(void)
{
    igraph_set_error_handler(quiet_error_handler);
    igraph_set_warning_handler(quiet_warning_handler);
}

enum jk_status jk_igraph_status(igraph_error_t err, struct jk_diag *diag, const char *what)
{
    enum jk_status status = JK_OK;
    if (err != IGRAPH_SUCCESS)
        status = jk_error(diag, JK_E_INTERNAL,
                          "%s failed inside igraph: %s (%s); please report this as a bug "
                          "with the input that caused it",
                          what, igraph_strerror(err), last_reason[0] ? last_reason : "no details");
    last_reason[0] = '\0';
    return status;
}
