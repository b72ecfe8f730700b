/* Tests of src/options: defaults, every option, and impossible values rejected with the fix. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"

static enum jk_status parse(struct jk_map_options *o, struct jk_diag *d, int argc, char **argv)
{
    jk_map_options_init(o);
    jk_diag_init(d);
    return jk_map_options_parse(o, argc, argv, d);
}

static void test_defaults(void **state)
{
    (void)state;
    char *argv[] = {"map"};
    struct jk_map_options o;
    struct jk_diag d;
    assert_int_equal(parse(&o, &d, 1, argv), JK_OK);
    assert_int_equal(o.n_inputs, 1);
    assert_string_equal(o.inputs[0], "corpus");
    assert_string_equal(o.output, "output");
    assert_int_equal(o.max_words, 3);
    assert_int_equal(o.select.counting, JK_COUNT_BINARY);
    assert_int_equal(o.select.min_occurrences, 0);
    assert_true(o.cluster.resolution == 1.0);
    assert_int_equal(o.cluster.starts, 10);
    assert_int_equal(o.cluster.engine, JK_LEIDEN_AUTO);
    assert_int_equal(o.cluster.seed, 0);
    assert_true(o.academic);
    assert_true(o.select.keep_percent == 60);
    assert_int_equal(o.normalization, JK_NORM_ASSOCIATION);
    assert_false(o.cluster.strength_weights);
    assert_true(o.bilingual_merge);
    assert_false(o.keep_copies);
    assert_int_equal(o.document, JK_DOCUMENT_FILE);
    assert_int_equal(o.section, JK_SECTION_BODY);
    jk_map_options_release(&o);
}

static void test_every_option_is_applied(void **state)
{
    (void)state;
    char *argv[] = {"map",
                    "docs",
                    "-o",
                    "out",
                    "--max-words",
                    "2",
                    "--counting",
                    "full",
                    "--min-occurrences",
                    "4",
                    "--max-terms",
                    "100",
                    "--resolution",
                    "0.5",
                    "--seed",
                    "7",
                    "--starts",
                    "3",
                    "--iterations",
                    "5",
                    "--min-cluster-size",
                    "2",
                    "--stopwords",
                    "extra.txt",
                    "--no-academic-stopwords",
                    "more",
                    "-q",
                    "--keep",
                    "75",
                    "--max-doc-share",
                    "0.5",
                    "--nested-share",
                    "0.9",
                    "--unit",
                    "window:7",
                    "--normalization",
                    "jaccard",
                    "--bilingual",
                    "separate",
                    "--keep-copies",
                    "--document",
                    "folder",
                    "--section",
                    "all"};
    struct jk_map_options o;
    struct jk_diag d;
    assert_int_equal(parse(&o, &d, sizeof(argv) / sizeof(*argv), argv), JK_OK);
    assert_int_equal(o.n_inputs, 2);
    assert_string_equal(o.inputs[0], "docs");
    assert_string_equal(o.inputs[1], "more");
    assert_string_equal(o.output, "out");
    assert_int_equal(o.max_words, 2);
    assert_int_equal(o.select.counting, JK_COUNT_FULL);
    assert_int_equal(o.select.min_occurrences, 4);
    assert_int_equal(o.select.max_terms, 100);
    assert_true(o.cluster.resolution == 0.5);
    assert_int_equal(o.cluster.seed, 7);
    assert_int_equal(o.cluster.starts, 3);
    assert_int_equal(o.cluster.iterations, 5);
    assert_int_equal(o.cluster.min_cluster_size, 2);
    assert_int_equal(o.n_stopword_files, 1);
    assert_false(o.academic);
    assert_true(o.quiet);
    assert_true(o.select.keep_percent == 75);
    assert_true(o.select.max_doc_share == 0.5);
    assert_true(o.select.nested_share == 0.9);
    assert_int_equal(o.unit.kind, JK_UNIT_WINDOW);
    assert_int_equal(o.unit.window, 7);
    assert_int_equal(o.normalization, JK_NORM_JACCARD);
    assert_false(o.bilingual_merge);
    assert_true(o.keep_copies);
    assert_int_equal(o.document, JK_DOCUMENT_FOLDER);
    assert_int_equal(o.section, JK_SECTION_ALL);
    jk_map_options_release(&o);
}

static void expect_usage_error(const char *opt, const char *value, const char *message_part)
{
    char *argv[] = {"map", (char *)opt, (char *)value};
    struct jk_map_options o;
    struct jk_diag d;
    assert_int_equal(parse(&o, &d, 3, argv), JK_E_USAGE);
    if (!strstr(d.msg, message_part))
        fail_msg("message '%s' lacks '%s'", d.msg, message_part);
    jk_map_options_release(&o);
}

static void test_impossible_values_are_usage_errors(void **state)
{
    (void)state;
    expect_usage_error("--resolution", "-1", "non-negative number");
    expect_usage_error("--document", "thesis", "--document takes 'file', 'folder' or 'work'");
    expect_usage_error("--resolution", "nan", "non-negative number");
    expect_usage_error("--resolution", "1x", "non-negative number");
    expect_usage_error("--min-occurrences", "0", "--min-occurrences takes a whole number from 1");
    expect_usage_error("--min-occurrences", "abc", "not 'abc'");
    expect_usage_error("--min-occurrences", "-3", "not '-3'");
    expect_usage_error("--min-occurrences", "99999999999999999999", "whole number");
    expect_usage_error("--max-words", "9", "from 1 to 8");
    expect_usage_error("--counting", "fractional", "'binary' or 'full'");
    expect_usage_error("--starts", "0", "--starts");
    expect_usage_error("--bogus", "1", "--bogus");
    expect_usage_error("--keep", "0", "--keep takes a number above 0");
    expect_usage_error("--format", "epub",
                       "--format takes auto, text, pdf, docx, doc, rtf, odt, html");
    expect_usage_error("--fields", "title,body", "unknown field 'body'");
    expect_usage_error("--section", "intro", "--section takes 'body', 'all' or 'abstract'");
    expect_usage_error("--items", "authors", "--items takes 'terms' or 'keywords'");
    expect_usage_error("--unit", "paragraph", "'document', 'sentence' or 'window:N'");
    expect_usage_error("--unit", "window:0", "window:N");
    expect_usage_error("--unit", "window:x", "window:N");
    expect_usage_error("--keep", "101", "at most 100");
    expect_usage_error("--max-doc-share", "1.5", "--max-doc-share");
    expect_usage_error("--nested-share", "-0.1", "--nested-share");
    expect_usage_error("--normalization", "salton",
                       "--normalization takes 'association', 'fractionalization', 'jaccard', "
                       "'cosine', 'inclusion', 'equivalence' or 'none', not 'salton'");
    expect_usage_error("--normalization", "", "not ''");
    expect_usage_error("--bilingual", "translate", "--bilingual takes 'merge' or 'separate'");
    expect_usage_error("--normalization", "Association", "not 'Association'");
    expect_usage_error("--leiden", "networkx",
                       "--leiden takes 'igraph', 'compact' or 'auto', not 'networkx'");
}

/* Every --normalization name is accepted; the last one given wins. */
static void test_normalization_option(void **state)
{
    (void)state;
    const char *names[] = {"association", "fractionalization", "jaccard", "cosine",
                           "inclusion",   "equivalence",       "none"};
    const enum jk_normalization values[] = {
        JK_NORM_ASSOCIATION, JK_NORM_FRACTIONALIZATION, JK_NORM_JACCARD, JK_NORM_COSINE,
        JK_NORM_INCLUSION,   JK_NORM_EQUIVALENCE,       JK_NORM_NONE,
    };
    for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
        char *argv[] = {"map", "--normalization", (char *)names[i]};
        struct jk_map_options o;
        struct jk_diag d;
        assert_int_equal(parse(&o, &d, 3, argv), JK_OK);
        assert_int_equal(o.normalization, values[i]);
        jk_map_options_release(&o);
    }
    char *argv[] = {"map", "--normalization=none", "--normalization", "cosine"};
    struct jk_map_options o;
    struct jk_diag d;
    assert_int_equal(parse(&o, &d, 4, argv), JK_OK);
    assert_int_equal(o.normalization, JK_NORM_COSINE);
    jk_map_options_release(&o);
}

/* --help lists --normalization with every choice and the default. */
static void test_help_lists_normalization(void **state)
{
    (void)state;
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    jk_map_options_usage(f);
    fclose(f);
    assert_non_null(strstr(text, "--normalization association|fractionalization|jaccard|cosine|"
                                 "inclusion|\n"));
    assert_non_null(strstr(text, "equivalence|none\n"));
    assert_non_null(strstr(text, "(default: association)"));
    free(text);
}

/* --stem takes no value: it must not touch the dictionary path (it once set it to NULL). */
static void test_stem_flags_and_threads(void **state)
{
    (void)state;
    char *argv[] = {"map", "docs",     "--no-stem", "--stem",   "--threads",
                    "3",   "--sketch", "off",       "--leiden", "compact"};
    struct jk_map_options o;
    struct jk_diag d;
    assert_int_equal(parse(&o, &d, 10, argv), JK_OK);
    assert_int_equal(o.cluster.engine, JK_LEIDEN_COMPACT);
    assert_true(o.stem);
    assert_non_null(o.dictionary);
    assert_string_equal(o.dictionary, JK_HUNSPELL_ID_DIC);
    assert_int_equal(o.threads, 3);
    assert_int_equal(o.layout.threads, 3);
    assert_int_equal(o.sketch, JK_SKETCH_OFF);
    jk_map_options_release(&o);
    char *bad[] = {"map", "docs", "--threads", "0"};
    assert_int_equal(parse(&o, &d, 4, bad), JK_E_USAGE);
    assert_non_null(strstr(d.msg, "--threads"));
    jk_map_options_release(&o);
}

static void test_missing_value_is_usage_error(void **state)
{
    (void)state;
    char *argv[] = {"map", "--min-occurrences"};
    struct jk_map_options o;
    struct jk_diag d;
    assert_int_equal(parse(&o, &d, 2, argv), JK_E_USAGE);
    assert_non_null(strstr(d.msg, "--min-occurrences"));
    jk_map_options_release(&o);
}

static void test_help_flag(void **state)
{
    (void)state;
    char *argv[] = {"map", "--help"};
    struct jk_map_options o;
    struct jk_diag d;
    assert_int_equal(parse(&o, &d, 2, argv), JK_OK);
    assert_true(o.help);
    jk_map_options_release(&o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_every_option_is_applied),
        cmocka_unit_test(test_impossible_values_are_usage_errors),
        cmocka_unit_test(test_normalization_option),
        cmocka_unit_test(test_help_lists_normalization),
        cmocka_unit_test(test_stem_flags_and_threads),
        cmocka_unit_test(test_missing_value_is_usage_error),
        cmocka_unit_test(test_help_flag),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
