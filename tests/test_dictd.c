/* Tests for the dictd reader: a fixture written here, and Debian's FreeDict eng-ind when present.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dictd.h"
#include "dictd_fixture.h"

#define MAX_TRANS 16

/* The fixture's entries, in .dict order; headers of the index come first. */
/* An entry with damaged bytes and NUL bytes in translations (found by the fuzz target). */
#define HARVEST "harvest /h/ <n>\npanen, ke\x9f\xc0jar, \0\0{\nthe gathering of crops\n"

static const struct df_entry fixture[] = {
    {"00databaseinfo", "This is a test dictionary.\n", 0},
    {"policy", "policy /\xcb\x88p\xc9\x92l\xc9\xaasi/ <n>\n kebijakan, polis\na plan of action\n",
     0},
    {"cooperation",
     "cooperation /ko\xca\x8a/ <n>\n1. kerja sama\nact of cooperating\n"
     "2. koperasi\nassociation for mutual benefit\n",
     0},
    {"central government", "central government /s/ <n>\npemerintah pusat\nhighest level\n", 0},
    {"data", "data /d/ <n>\ndata, informasi, Data\ninformation\n", 0},
    {"media",
     "media /m/ <n>\nmedia (komunikasi), [[sarana|media massa]]\nmeans of mass "
     "communication\n",
     0},
    {"program",
     "program /p/ <n>\n1. programa 2.\nleaflet listing information\n 3.\nperformance\n"
     "2. program, (acara) acara 2.\nset of activities\n 3.\nsoftware application\n",
     0},
    /* damaged bytes in a translation (found by the fuzz target): that translation is dropped */
    {"harvest", HARVEST, sizeof(HARVEST) - 1},
};
#define N_FIXTURE (sizeof(fixture) / sizeof(fixture[0]))

/* Writes dir/t.dict.dz (gzip) and the matching index text into index (without writing it). */
static void write_fixture(const char *dir, char *index, size_t cap)
{
    df_write(dir, fixture, N_FIXTURE, index, cap);
}

/* Loads dir/t.index (with text) and dir/t.dict.dz into d; index_path receives the index path. */
static enum jk_status load_fixture(const char *dir, const char *index_text, struct jk_dictd *d,
                                   struct jk_diag *diag, char *index_path, size_t cap)
{
    char dict_path[4096];
    tu_write_str(dir, "t.index", index_text);
    snprintf(index_path, cap, "%s/t.index", dir);
    snprintf(dict_path, sizeof(dict_path), "%s/t.dict.dz", dir);
    jk_dictd_init(d);
    jk_diag_init(diag);
    return jk_dictd_load(d, index_path, dict_path, diag);
}

/* Asserts that headword translates to exactly the NULL-terminated list want. */
static void assert_translations(const struct jk_dictd *d, const char *headword,
                                const char *const *want)
{
    const char *got[MAX_TRANS];
    size_t n = jk_dictd_translations(d, headword, strlen(headword), got, MAX_TRANS);
    size_t w = 0;
    for (; want[w]; w++) {
        if (w >= n)
            fail_msg("'%s': %zu translations, expected '%s' next", headword, n, want[w]);
        assert_string_equal(got[w], want[w]);
    }
    assert_int_equal(n, w);
}

/* Asserts that headword's translations include want. */
static void assert_includes(const struct jk_dictd *d, const char *headword, const char *want)
{
    const char *got[MAX_TRANS];
    size_t n = jk_dictd_translations(d, headword, strlen(headword), got, MAX_TRANS);
    for (size_t i = 0; i < n; i++)
        if (strcmp(got[i], want) == 0)
            return;
    fail_msg("'%s' (%zu translations) lacks '%s'", headword, n, want);
}

static void test_fixture_translations(void **state)
{
    (void)state;
    char dir[64], index[2048], path[4096];
    tu_mkdtemp(dir, sizeof(dir));
    write_fixture(dir, index, sizeof(index));
    struct jk_dictd d;
    struct jk_diag diag;
    assert_int_equal(load_fixture(dir, index, &d, &diag, path, sizeof(path)), JK_OK);
    assert_translations(&d, "policy", (const char *[]){"kebijakan", "polis", NULL});
    assert_translations(&d, "cooperation", (const char *[]){"kerja sama", "koperasi", NULL});
    assert_translations(&d, "central government", (const char *[]){"pemerintah pusat", NULL});
    assert_translations(&d, "data", (const char *[]){"data", "informasi", NULL});
    assert_translations(&d, "media", (const char *[]){"media", "media massa", NULL});
    assert_translations(&d, "program", (const char *[]){"programa", "program", "acara", NULL});
    assert_translations(&d, "harvest", (const char *[]){"panen", NULL});
    /* absent words and headers translate to nothing; max bounds the output */
    assert_translations(&d, "government", (const char *[]){NULL});
    assert_translations(&d, "00databaseinfo", (const char *[]){NULL});
    const char *one[1];
    assert_int_equal(jk_dictd_translations(&d, "program", 7, one, 1), 1);
    assert_string_equal(one[0], "programa");
    jk_dictd_release(&d);
    tu_rmtree(dir);
}

/* Asserts that the message names path:line and holds what. */
static void assert_names_line(const struct jk_diag *diag, const char *path, int line,
                              const char *what)
{
    char where[4200];
    snprintf(where, sizeof(where), "%s:%d:", path, line);
    if (!strstr(diag->msg, where) || !strstr(diag->msg, what))
        fail_msg("message '%s' lacks '%s' or '%s'", diag->msg, where, what);
}

/* Asserts that loading the fixture with index text fails naming t.index:line and holding what. */
static void assert_index_fails(const char *text, int line, const char *what)
{
    char dir[64], index[2048], path[4096];
    tu_mkdtemp(dir, sizeof(dir));
    write_fixture(dir, index, sizeof(index));
    struct jk_dictd d;
    struct jk_diag diag;
    assert_int_equal(load_fixture(dir, text, &d, &diag, path, sizeof(path)), JK_E_INPUT);
    assert_names_line(&diag, path, line, what);
    jk_dictd_release(&d);
    tu_rmtree(dir);
}

static void test_malformed_index_lines_name_file_and_line(void **state)
{
    (void)state;
    assert_index_fails("00databaseinfo\tA\tb\npolicy\tb\n", 2, "malformed index line");
    assert_index_fails("policy\tb\tB\tC\n", 1, "malformed index line");
    assert_index_fails("policy\tb\tB\ndata\tb$\tB\n", 2, "base64");
    assert_index_fails("policy\tb\t\n", 1, "base64");
}

static void test_entry_outside_data_is_an_error(void **state)
{
    (void)state;
    /* the fixture's data is a few hundred bytes: offset "D/" is 255, length "//" is 4095 */
    assert_index_fails("policy\tb\tB\ndata\tA\t//\n", 2, "outside");
    assert_index_fails("data\tZZZZ\tB\n", 1, "outside");
}

static void test_missing_files_say_what_to_install(void **state)
{
    (void)state;
    struct jk_dictd d;
    struct jk_diag diag;
    jk_dictd_init(&d);
    jk_diag_init(&diag);
    assert_int_equal(jk_dictd_load(&d, "/nonexistent/x.index", "/nonexistent/x.dict.dz", &diag),
                     JK_E_INPUT);
    assert_non_null(strstr(diag.msg, "/nonexistent/x.index"));
    assert_non_null(strstr(diag.msg, "dict-freedict-eng-ind"));
    jk_dictd_release(&d);
    jk_dictd_release(NULL);
}

static void test_debian_freedict_eng_ind(void **state)
{
    (void)state;
    if (access(JK_FREEDICT_ENG_IND_INDEX, R_OK) != 0 || access(JK_FREEDICT_ENG_IND_DICT, R_OK) != 0)
        skip();
    struct jk_dictd d;
    struct jk_diag diag;
    jk_dictd_init(&d);
    jk_diag_init(&diag);
    assert_int_equal(jk_dictd_load(&d, JK_FREEDICT_ENG_IND_INDEX, JK_FREEDICT_ENG_IND_DICT, &diag),
                     JK_OK);
    assert_includes(&d, "policy", "kebijakan");
    assert_translations(&d, "cooperation", (const char *[]){"kerja sama", "koperasi", NULL});
    assert_translations(&d, "central government", (const char *[]){"pemerintah pusat", NULL});
    assert_translations(&d, "pandemic", (const char *[]){"pandemi", NULL});
    assert_translations(&d, "tourism", (const char *[]){"pariwisata", NULL});
    assert_translations(&d, "agriculture", (const char *[]){"pertanian", "agrikultura", NULL});
    assert_translations(&d, "communication", (const char *[]){"komunikasi", NULL});
    assert_translations(&d, "program", (const char *[]){"programa", "program", NULL});
    assert_translations(&d, "data", (const char *[]){"data", "informasi", NULL});
    /* two entries, joined in index order; "[[kemudi|mengemudi(kan)]]" keeps "mengemudi" */
    assert_translations(
        &d, "drive",
        (const char *[]){"kandar", "mengemudi", "mengendalikan", "mengemudikan", NULL});
    assert_translations(&d, "no such headword", (const char *[]){NULL});
    jk_dictd_release(&d);
}

/* Loads a glossary of text written in dir into d. */
static enum jk_status load_glossary(const char *dir, const char *text, struct jk_dictd *d,
                                    struct jk_diag *diag, char *path, size_t cap)
{
    tu_write_str(dir, "g.txt", text);
    snprintf(path, cap, "%s/g.txt", dir);
    jk_dictd_init(d);
    jk_diag_init(diag);
    return jk_dictd_load_glossary(d, path, diag);
}

/*
 * The glossary: entries of a line each, cleaned as FreeDict's; put ahead of a dictionary's
 * own translations of the same headword, once each; headwords the dictionary lacks added;
 * an empty dictionary (FreeDict missing) gets the glossary alone.
 */
static void test_glossary_ahead_of_the_dictionary(void **state)
{
    (void)state;
    char dir[64], index[2048], path[4096];
    tu_mkdtemp(dir, sizeof(dir));
    write_fixture(dir, index, sizeof(index));
    struct jk_dictd g, d, empty;
    struct jk_diag diag;
    const char *text = "# a comment\n\nimpact\tdampak, pengaruh\r\nlocal government\tpemerintah "
                       "daerah\npolicy\tkebijakan publik, kebijakan\nimpact\tefek\n";
    assert_int_equal(load_glossary(dir, text, &g, &diag, path, sizeof(path)), JK_OK);
    assert_translations(&g, "impact", (const char *[]){"dampak", "pengaruh", "efek", NULL});
    assert_translations(&g, "# a comment", (const char *[]){NULL});
    assert_int_equal(load_fixture(dir, index, &d, &diag, path, sizeof(path)), JK_OK);
    jk_dictd_prepend(&d, &g);
    assert_translations(&d, "policy",
                        (const char *[]){"kebijakan publik", "kebijakan", "polis", NULL});
    assert_translations(&d, "local government", (const char *[]){"pemerintah daerah", NULL});
    assert_translations(&d, "impact", (const char *[]){"dampak", "pengaruh", "efek", NULL});
    assert_translations(&d, "cooperation", (const char *[]){"kerja sama", "koperasi", NULL});
    jk_dictd_init(&empty);
    jk_dictd_prepend(&empty, &g);
    assert_translations(&empty, "policy", (const char *[]){"kebijakan publik", "kebijakan", NULL});
    assert_translations(&empty, "cooperation", (const char *[]){NULL});
    jk_dictd_release(&empty);
    jk_dictd_release(&d);
    jk_dictd_release(&g);
    tu_rmtree(dir);
}

/* Asserts that a glossary of text fails naming g.txt:line and holding what. */
static void assert_glossary_fails(const char *text, int line, const char *what)
{
    char dir[64], path[4096];
    tu_mkdtemp(dir, sizeof(dir));
    struct jk_dictd g;
    struct jk_diag diag;
    assert_int_equal(load_glossary(dir, text, &g, &diag, path, sizeof(path)), JK_E_INPUT);
    assert_names_line(&diag, path, line, what);
    jk_dictd_release(&g);
    tu_rmtree(dir);
}

static void test_malformed_glossary_lines(void **state)
{
    (void)state;
    assert_glossary_fails("impact\tdampak\nrelation hubungan\n", 2, "malformed glossary line");
    assert_glossary_fails("impact\tdampak\textra\n", 1, "malformed glossary line");
    assert_glossary_fails("\tdampak\n", 1, "malformed glossary line");
    assert_glossary_fails("impact\t\n", 1, "malformed glossary line");
    assert_glossary_fails("# ok\nImpact\tdampak\n", 2, "capital letters");
    assert_glossary_fails("impact\tdamp\xff"
                          "ak\n",
                          1, "UTF-8");
    struct jk_dictd g;
    struct jk_diag diag;
    jk_dictd_init(&g);
    jk_diag_init(&diag);
    assert_int_equal(jk_dictd_load_glossary(&g, "/nonexistent/g.txt", &diag), JK_E_INPUT);
    assert_non_null(strstr(diag.msg, "/nonexistent/g.txt"));
    assert_non_null(strstr(diag.msg, "--stopwords-dir"));
    jk_dictd_release(&g);
}

/*
 * The bundled glossary loads, and keeps its rule: no headword of its own is a FreeDict
 * headword (FreeDict's entries are used as they are), so it only fills FreeDict's gaps.
 */
static void test_bundled_glossary(void **state)
{
    (void)state;
    struct jk_dictd g, d;
    struct jk_diag diag;
    jk_dictd_init(&g);
    jk_diag_init(&diag);
    assert_int_equal(
        jk_dictd_load_glossary(&g, JK_SOURCE_DIR "/stopwords/glossary-en-id.txt", &diag), JK_OK);
    assert_translations(&g, "impact", (const char *[]){"dampak", NULL});
    assert_includes(&g, "local government", "pemerintah daerah");
    assert_includes(&g, "relation", "hubungan");
    if (access(JK_FREEDICT_ENG_IND_INDEX, R_OK) == 0 &&
        access(JK_FREEDICT_ENG_IND_DICT, R_OK) == 0) {
        jk_dictd_init(&d);
        assert_int_equal(
            jk_dictd_load(&d, JK_FREEDICT_ENG_IND_INDEX, JK_FREEDICT_ENG_IND_DICT, &diag), JK_OK);
        const char *got[1];
        for (uint32_t w = 0; w < jk_strmap_count(&g.words); w++) {
            const char *head = jk_strmap_key(&g.words, w);
            if (jk_dictd_translations(&d, head, strlen(head), got, 1) > 0)
                fail_msg("glossary headword '%s' is a FreeDict headword", head);
        }
        jk_dictd_release(&d);
    }
    jk_dictd_release(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixture_translations),
        cmocka_unit_test(test_malformed_index_lines_name_file_and_line),
        cmocka_unit_test(test_entry_outside_data_is_an_error),
        cmocka_unit_test(test_missing_files_say_what_to_install),
        cmocka_unit_test(test_debian_freedict_eng_ind),
        cmocka_unit_test(test_glossary_ahead_of_the_dictionary),
        cmocka_unit_test(test_malformed_glossary_lines),
        cmocka_unit_test(test_bundled_glossary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
