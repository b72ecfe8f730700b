/*
 * jaringkata entry point: the command table, the hand-off to each command,
 * and the one place where a status becomes a message and an exit code.
 */
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "options.h"
#include "outdir.h"
#include "pipeline.h"
#include "report.h"
#include "stem_cmd.h"
#include "util/buf.h"
#include "util/status.h"

/* Ctrl-C or kill: drop the staged outputs, keep the earlier ones, exit 130 (128 + SIGINT). */
static void on_interrupt(int sig)
{
    static const char kept[] =
        "\njaringkata: interrupted; the previous outputs are left as they were\n";
    static const char written[] =
        "\njaringkata: interrupted after the new outputs were all written\n";
    bool late = jk_outdir_abandon();
    ssize_t n = late ? write(STDERR_FILENO, written, sizeof(written) - 1)
                     : write(STDERR_FILENO, kept, sizeof(kept) - 1);
    (void)n; /* nothing more can be said */
    _exit(128 + sig);
}

static void handle_interrupts(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    /* Past a file-size limit (ulimit -f) a write should fail with EFBIG, not kill us. */
    signal(SIGXFSZ, SIG_IGN);
}

static void usage(FILE *out)
{
    fputs("Usage: jaringkata COMMAND [options]\n"
          "\n"
          "Turns a folder of Indonesian (and English) academic writing into a map of its\n"
          "ideas: terms, their co-occurrences and clusters, for Gephi, VOSviewer and others.\n"
          "\n"
          "Commands:\n"
          "  map [options] [INPUT...]   build the term map (see 'jaringkata map --help')\n"
          "  terms [options] [INPUT...] list candidate terms for review in terms.tsv\n"
          "  stem [WORD...]             show how words are reduced to their roots\n"
          "  help                       this help\n"
          "\n"
          "Options:\n"
          "  -h, --help                 this help\n"
          "  -V, --version              version and library versions\n"
          "\n"
          "Exit codes: 0 success, 1 internal error, 2 usage error, 3 input error,\n"
          "4 output error, 5 no terms or empty network, 130 interrupted.\n",
          out);
}

static void version(void)
{
    struct jk_buf b;
    jk_buf_init(&b);
    jk_library_versions(&b);
    printf("jaringkata %s\nlibraries: {%s}\n", JK_VERSION, b.data);
    jk_buf_release(&b);
}

/* map and terms share their options; terms stops after selection. */
static enum jk_status cmd_map(int argc, char **argv, struct jk_diag *diag)
{
    struct jk_map_options opt;
    jk_map_options_init(&opt);
    enum jk_status st = jk_map_options_parse(&opt, argc, argv, diag);
    if (st == JK_OK && opt.help)
        jk_map_options_usage(stdout);
    else if (st == JK_OK) {
        jk_set_quiet(opt.quiet);
        st = strcmp(argv[0], "terms") == 0 ? jk_run_terms(&opt, diag) : jk_run_map(&opt, diag);
    }
    jk_map_options_release(&opt);
    return st;
}

int main(int argc, char **argv)
{
    struct jk_diag diag;
    jk_diag_init(&diag);
    handle_interrupts();
    const char *cmd = argc > 1 ? argv[1] : NULL;
    enum jk_status st = JK_OK;
    if (!cmd) {
        usage(stderr);
        st = jk_error(&diag, JK_E_USAGE, "no command given; try 'jaringkata map corpus'");
    } else if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        usage(stdout);
    } else if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version")) {
        version();
    } else if (!strcmp(cmd, "map") || !strcmp(cmd, "terms")) {
        st = cmd_map(argc - 1, argv + 1, &diag);
    } else if (!strcmp(cmd, "stem")) {
        st = jk_cmd_stem(jk_default_stopwords_dir(), argc - 1, argv + 1, stdin, stdout, &diag);
    } else {
        st = jk_error(&diag, JK_E_USAGE, "unknown command '%s'; see 'jaringkata --help'", cmd);
    }
    if (st != JK_OK)
        jk_print_line(stderr, "jaringkata: ", "%s: %s", jk_status_name(st), diag.msg);
    /* cairo and fontconfig keep caches until exit; free them so leak checkers see none */
    cairo_debug_reset_static_data();
    FcFini();
    return jk_exit_code(st);
}
