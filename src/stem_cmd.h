/*
 * `jaringkata stem`: shows the root the stemmer gives each word, and why.
 * Used to check the stemmer and the project lists by hand.
 */
#ifndef JK_STEM_CMD_H
#define JK_STEM_CMD_H

#include <stdio.h>

#include "util/status.h"

/*
 * Runs the stem command. argv[0] is "stem"; options --dictionary FILE
 * (default JK_HUNSPELL_ID_DIC) and -h/--help; the remaining arguments are
 * words. lists_dir is the folder of the project lists (roots-extra-id.txt,
 * stem-exceptions-id.txt), or NULL to use none. With no word it reads words
 * from in, one a line (trimmed; empty lines skipped). Every word is
 * lower-cased, then printed to out as `word<TAB>root<TAB>how`.
 * Errors: JK_E_USAGE (unknown option, missing value), JK_E_INPUT (missing
 * dictionary, bad project list, input not UTF-8), JK_E_OUTPUT (write failed).
 */
enum jk_status jk_cmd_stem(const char *lists_dir, int argc, char **argv, FILE *in, FILE *out,
                           struct jk_diag *diag);

/* The stem command's help. */
void jk_cmd_stem_usage(FILE *out);

#endif
