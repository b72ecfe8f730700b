/* Status codes, error recording and warnings (see status.h). */
#include "util/status.h"

#include <stdio.h>
#include <string.h>

static bool quiet;
static _Thread_local bool muted; /* this thread's warnings, while it repeats a read */

void jk_diag_init(struct jk_diag *diag)
{
    diag->status = JK_OK;
    diag->msg[0] = '\0';
}

enum jk_status jk_error(struct jk_diag *diag, enum jk_status status, const char *fmt, ...)
{
    if (diag && diag->status == JK_OK) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(diag->msg, sizeof(diag->msg), fmt, ap);
        va_end(ap);
        diag->status = status;
    }
    return status;
}

void jk_warn(const char *fmt, ...)
{
    if (quiet || muted)
        return;
    va_list ap;
    va_start(ap, fmt);
    fputs("jaringkata: warning: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void jk_warn_mute(bool mute)
{
    muted = mute;
}

void jk_set_quiet(bool q)
{
    quiet = q;
}

bool jk_is_quiet(void)
{
    return quiet;
}

int jk_exit_code(enum jk_status status)
{
    switch (status) {
    case JK_OK:
        return 0;
    case JK_E_USAGE:
        return 2;
    case JK_E_INPUT:
        return 3;
    case JK_E_OUTPUT:
        return 4;
    case JK_E_EMPTY:
        return 5;
    case JK_E_INTERNAL:
        return 1;
    }
    return 1;
}

const char *jk_status_name(enum jk_status status)
{
    static const char *const names[] = {"ok",           "usage error",   "input error",
                                        "output error", "empty network", "internal error"};
    if ((unsigned)status < sizeof(names) / sizeof(names[0]))
        return names[status];
    return "unknown";
}
