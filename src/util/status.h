/*
 * Status codes and diagnostics shared by every module.
 * A function that can fail returns enum jk_status and, on failure, fills a
 * struct jk_diag with one message that names the input and says what to do.
 * Only main() turns a status into an exit code and prints the message.
 */
#ifndef JK_STATUS_H
#define JK_STATUS_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

enum jk_status {
    JK_OK = 0,
    JK_E_USAGE,    /* bad command line or option value */
    JK_E_INPUT,    /* unreadable, missing or malformed input */
    JK_E_OUTPUT,   /* output folder or file cannot be written */
    JK_E_EMPTY,    /* no terms or no links: nothing to map */
    JK_E_INTERNAL, /* a library call failed unexpectedly */
};

#define JK_DIAG_MAX 1024

/* The first error message of an operation. msg is "" while status is JK_OK. */
struct jk_diag {
    enum jk_status status;
    char msg[JK_DIAG_MAX];
};

void jk_diag_init(struct jk_diag *diag);

/*
 * Records status and a printf-style message in diag (if diag is not NULL and
 * holds no earlier error) and returns status, so callers write
 * `return jk_error(diag, JK_E_INPUT, "cannot open '%s': %s", path, strerror(errno));`
 */
enum jk_status jk_error(struct jk_diag *diag, enum jk_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * Prints "jaringkata: warning: <message>" on stderr unless warnings are
 * silenced with jk_set_quiet(true). Warnings never change a status.
 */
void jk_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * Writes prefix, the printf-style message and a newline to out as one line:
 * a control character in it (a newline or a terminal escape in a file name)
 * is shown as '?', so a message is always one line and never drives the
 * terminal. Tabs stay. jk_warn and main's error line print through it.
 */
void jk_print_line(FILE *out, const char *prefix, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void jk_vprint_line(FILE *out, const char *prefix, const char *fmt, va_list ap);
void jk_set_quiet(bool quiet);
/*
 * Mutes (or unmutes) the warnings of the calling thread only: for a pass
 * that reads a file again and would repeat what the first read warned about.
 */
void jk_warn_mute(bool mute);
bool jk_is_quiet(void);

/* Exit code main() uses for a status; documented in the README. */
int jk_exit_code(enum jk_status status);
const char *jk_status_name(enum jk_status status);

#endif
