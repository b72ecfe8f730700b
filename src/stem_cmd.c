/*
 * `jaringkata stem` (see stem_cmd.h): option parsing, loading the stemmer
 * with the project lists, and one output line per word.
 */
#include "stem_cmd.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "stem.h"
#include "stopwords.h"
#include "util/buf.h"
#include "util/encoding.h"

void jk_cmd_stem_usage(FILE *out)
{
    fputs("Usage: jaringkata stem [options] [WORD...]\n"
          "\n"
          "Prints the root the stemmer gives each WORD (or each line of standard input),\n"
          "as 'word<TAB>root<TAB>how', where 'how' names the rules applied.\n"
          "\n"
          "Options:\n"
          "  --dictionary FILE   hunspell root dictionary (default " JK_HUNSPELL_ID_DIC ")\n"
          "  -h, --help          this help\n"
          "\n"
          "Extra roots and exceptions come from the project lists " JK_STEM_EXTRA_ROOTS "\n"
          "and " JK_STEM_EXCEPTIONS " in the stopwords folder.\n",
          out);
}

struct stem_args {
    const char *dictionary;
    char **words;
    int n_words;
    bool help;
};

static enum jk_status parse(struct stem_args *a, int argc, char **argv, struct jk_diag *diag)
{
    a->dictionary = JK_HUNSPELL_ID_DIC;
    a->words = argv + argc;
    a->n_words = 0;
    a->help = false;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *arg = argv[i];
        if (!strcmp(arg, "--")) {
            i++;
            break;
        } else if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
            a->help = true;
        } else if (!strncmp(arg, "--dictionary=", 13) && arg[13]) {
            a->dictionary = arg + 13;
        } else if (!strcmp(arg, "--dictionary")) {
            if (i + 1 >= argc)
                return jk_error(diag, JK_E_USAGE,
                                "option --dictionary needs a FILE; see 'jaringkata stem --help'");
            a->dictionary = argv[++i];
        } else {
            return jk_error(diag, JK_E_USAGE, "unknown option '%s'; see 'jaringkata stem --help'",
                            arg);
        }
    }
    a->words = argv + i;
    a->n_words = argc - i;
    return JK_OK;
}

static enum jk_status load(struct jk_stemmer *s, const char *lists_dir, const char *dictionary,
                           struct jk_diag *diag)
{
    char extra[4096], exceptions[4096];
    if (lists_dir) {
        snprintf(extra, sizeof(extra), "%s/%s", lists_dir, JK_STEM_EXTRA_ROOTS);
        snprintf(exceptions, sizeof(exceptions), "%s/%s", lists_dir, JK_STEM_EXCEPTIONS);
    }
    struct jk_diag load_diag;
    jk_diag_init(&load_diag);
    enum jk_status st = jk_stemmer_load(s, dictionary, lists_dir ? extra : NULL,
                                        lists_dir ? exceptions : NULL, &load_diag);
    if (st == JK_OK)
        return JK_OK;
    if (s->dictionary_missing)
        return jk_error(diag, JK_E_INPUT,
                        "hunspell-id's dictionary %s is missing; install hunspell-id "
                        "(apt-get install hunspell-id) or give --dictionary FILE",
                        dictionary);
    return jk_error(diag, st, "%s", load_diag.msg);
}

/* Lower-cases and stems one word, printing its line. */
static bool stem_one(const struct jk_stemmer *s, const char *word, size_t len, struct jk_buf *lower,
                     struct jk_buf *root, struct jk_buf *how, FILE *out)
{
    if (!jk_lowercase(word, len, lower))
        return false;
    jk_stem(s, lower->data, lower->len, root, how);
    fprintf(out, "%s\t%s\t%s\n", lower->data, root->data, how->data);
    return true;
}

static enum jk_status stem_stream(const struct jk_stemmer *s, FILE *in, FILE *out,
                                  struct jk_buf bufs[3], struct jk_diag *diag)
{
    char *line = NULL;
    size_t cap = 0;
    unsigned long lineno = 0;
    enum jk_status st = JK_OK;
    ssize_t got;
    while (st == JK_OK && (got = getline(&line, &cap, in)) != -1) {
        lineno++;
        size_t len = (size_t)got;
        while (len > 0 && strchr(" \t\r\n", line[len - 1]))
            len--;
        size_t bom = lineno == 1 ? jk_utf8_bom(line, len) : 0; /* not part of the first word */
        size_t start = bom + strspn(line + bom, " \t");
        if (start >= len)
            continue;
        if (!stem_one(s, line + start, len - start, &bufs[0], &bufs[1], &bufs[2], out))
            st = jk_error(diag, JK_E_INPUT,
                          "standard input:%lu: not valid UTF-8; give words in UTF-8", lineno);
    }
    if (st == JK_OK && ferror(in))
        st = jk_error(diag, JK_E_INPUT, "cannot read standard input");
    free(line);
    return st;
}

enum jk_status jk_cmd_stem(const char *lists_dir, int argc, char **argv, FILE *in, FILE *out,
                           struct jk_diag *diag)
{
    struct stem_args a;
    enum jk_status st = parse(&a, argc, argv, diag);
    if (st != JK_OK)
        return st;
    if (a.help) {
        jk_cmd_stem_usage(out);
        return JK_OK;
    }
    struct jk_stemmer s;
    jk_stemmer_init(&s);
    struct jk_buf bufs[3];
    for (int i = 0; i < 3; i++)
        jk_buf_init(&bufs[i]);
    st = load(&s, lists_dir, a.dictionary, diag);
    if (st != JK_OK)
        goto out;
    for (int i = 0; i < a.n_words && st == JK_OK; i++)
        if (!stem_one(&s, a.words[i], strlen(a.words[i]), &bufs[0], &bufs[1], &bufs[2], out))
            st = jk_error(diag, JK_E_INPUT, "word %d is not valid UTF-8; give words in UTF-8",
                          i + 1);
    if (st == JK_OK && a.n_words == 0)
        st = stem_stream(&s, in, out, bufs, diag);
    if (st == JK_OK && (fflush(out) != 0 || ferror(out)))
        st = jk_error(diag, JK_E_OUTPUT, "cannot write the stem output");
out:
    for (int i = 0; i < 3; i++)
        jk_buf_release(&bufs[i]);
    jk_stemmer_release(&s);
    return st;
}
