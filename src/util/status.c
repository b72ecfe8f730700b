/* Status codes, error recording and warnings (see status.h). */
#include "util/status.h"

#include <stdio.h>
#include <stdlib.h>
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
    jk_vprint_line(stderr, "jaringkata: warning: ", fmt, ap);
    va_end(ap);
}

/* Control characters but tab become '?'. */
static void show_controls(char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] < 0x20 && s[i] != '\t') || s[i] == 0x7f)
            s[i] = '?';
}

void jk_vprint_line(FILE *out, const char *prefix, const char *fmt, va_list ap)
{
    char small[1024], *line = small;
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(small, sizeof(small), fmt, ap);
    if (n >= (int)sizeof(small) && (line = malloc((size_t)n + 1)) != NULL)
        vsnprintf(line, (size_t)n + 1, fmt, again);
    va_end(again);
    if (!line) /* no memory for a long message: its start */
        line = small;
    size_t len = n < 0 ? 0 : strlen(line);
    show_controls(line, len);
    fputs(prefix, out);
    fwrite(line, 1, len, out);
    fputc('\n', out);
    if (line != small)
        free(line);
}

void jk_print_line(FILE *out, const char *prefix, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    jk_vprint_line(out, prefix, fmt, ap);
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
