/*
 * Tests of src/outputs: every file of a map run written for a map whose
 * labels, input folder and document name are hostile (quotes, '<', '&',
 * "</script>", control characters, a lone UTF-16 surrogate encoded in
 * UTF-8, invalid UTF-8, noncharacters, a 5,000-byte label), then read back
 * by real parsers (tests/data/export/check_outputs.py: libxml2 via xmllint,
 * Python's xml, json, csv and html.parser, networkx, python-igraph), which
 * also check each label against the replacement its format documents.
 * Skipped without /usr/bin/python3.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <libxml/parser.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_fixture.h"
#include "options.h"
#include "outdir.h"
#include "outputs.h"
#include "pipeline.h"
#include "select.h"
#include "testutil.h"

#define CHECKER JK_TEST_DATA "/export/check_outputs.py"

/* tests/data/export/check_outputs.py holds the same labels (RAW): change both. */
static const char *const hostile[] = {
    "kerja sama",
    "a<b & \"c\" 'd'",
    "</script><script>alert(1)</script>",
    "<!-- ]]> --> <![CDATA[ x",
    "esc\x1b[31m red\x1b[0m",
    "ctl\x01\x02\x7f",
    "tab\there new\nline cr\rend",
    "lone \xed\xa0\x80 surrogate",
    "bad \xff\xfe \xc0\xaf utf8",
    "nonchar \xef\xbf\xbe \xef\xbf\xbf",
    "sep \xe2\x80\xa8 \xe2\x80\xa9 bom \xef\xbb\xbf",
    "csv ,;| \"\" =cmd",
    "\\ backslash \\\" end\\",
    " lead and trail ",
    NULL, /* the long label, made in build_hostile */
};
#define N_HOSTILE  (sizeof(hostile) / sizeof(hostile[0]))
#define LONG_LABEL 5000

static const char hostile_input[] = "in <b>&\"q' \x1b\xff \xed\xa0\x80 </script>";

/* Links: a chain through every term, plus two across it. */
static void build_hostile(struct jk_map *m, char *long_label)
{
    struct fx_term t[N_HOSTILE];
    struct jk_link links[N_HOSTILE + 1];
    memset(long_label, 'k', LONG_LABEL);
    long_label[LONG_LABEL] = '\0';
    for (size_t i = 0; i < N_HOSTILE; i++) {
        t[i] = (struct fx_term){hostile[i] ? hostile[i] : long_label, 30 - (uint32_t)i,
                                (uint32_t)(i % 3 + 1), (double)i * 0.5 - 3,
                                (double)(i % 4) * 0.25 - 0.5};
        if (i + 1 < N_HOSTILE)
            links[i] = (struct jk_link){(uint32_t)i, (uint32_t)i + 1, (uint32_t)i + 1, 0.5};
    }
    links[N_HOSTILE - 1] = (struct jk_link){0, 7, 3, 1.5};
    links[N_HOSTILE] = (struct jk_link){2, 9, 2, 0.25};
    fx_build_map(m, t, N_HOSTILE, links, N_HOSTILE + 1, 3);
    for (size_t i = 0; i < N_HOSTILE; i++)
        m->terms[i].avg_year = 2015 + (double)(i % 5);
    m->has_years = 1;
}

/* Writes every output of a run over the hostile map into dir. */
static void write_all(const char *dir)
{
    char long_label[LONG_LABEL + 1];
    struct jk_map m;
    build_hostile(&m, long_label);
    struct jk_map_options opt;
    jk_map_options_init(&opt);
    const char *inputs[] = {hostile_input};
    const char **own_inputs = opt.inputs;
    opt.inputs = inputs;
    opt.n_inputs = 1;
    opt.output = dir;
    opt.width = 400;
    opt.height = 300;
    struct jk_selection sel;
    jk_selection_init(&sel);
    struct jk_doc_record doc = {0};
    doc.path = "in/doc \"<&>\" \x1b \xff\xfe \xed\xa0\x80 | pipe.txt";
    doc.records = 1;
    uint32_t doc_file = 0, doc_terms = (uint32_t)N_HOSTILE, doc_files = 1;
    char title[] = "Judul <i>\"x\"</i> \x01 \xc0\xaf | pipe";
    char *doc_title = title;
    double doc_year = 2020;
    struct jk_run run = {.opt = &opt,
                         .docs = &doc,
                         .n_docs = 1,
                         .docs_used = 1,
                         .selection = &sel,
                         .map = &m,
                         .n_counted = 1,
                         .doc_file = &doc_file,
                         .doc_title = &doc_title,
                         .doc_year = &doc_year,
                         .doc_terms = &doc_terms,
                         .doc_files = &doc_files};
    struct jk_outdir out;
    jk_outdir_init(&out);
    struct jk_diag diag;
    jk_diag_init(&diag);
    assert_int_equal(jk_outdir_open(&out, dir, &diag), JK_OK);
    enum jk_status st = jk_write_outputs(&out, &run, &diag);
    if (st != JK_OK)
        print_error("%s\n", diag.msg);
    assert_int_equal(st, JK_OK);
    jk_outdir_release(&out);
    jk_selection_release(&sel);
    opt.inputs = own_inputs;
    opt.n_inputs = 0;
    jk_map_options_release(&opt);
    jk_map_release(&m);
}

static void test_every_output_parses(void **state)
{
    (void)state;
    if (!fx_python_ready("networkx, igraph"))
        skip();
    char dir[64], cmd[512];
    tu_mkdtemp(dir, sizeof(dir));
    write_all(dir);
    snprintf(cmd, sizeof(cmd), FX_PYTHON " '%s' '%s'", CHECKER, dir);
    int rc = system(cmd);
    tu_rmtree(dir);
    assert_int_equal(rc, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_output_parses),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    /* as main() does: cairo and fontconfig keep caches until they are told to let go */
    cairo_debug_reset_static_data();
    FcFini();
    xmlCleanupParser();
    return failed;
}
