/* Tests of src/outdir: staged writes, commit, and earlier outputs kept on failure. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <sys/stat.h>

#include "outdir.h"
#include "testutil.h"

static enum jk_status write_text(const void *ctx, FILE *out, struct jk_diag *diag)
{
    (void)diag;
    fputs(ctx, out);
    return JK_OK;
}

static enum jk_status write_then_fail(const void *ctx, FILE *out, struct jk_diag *diag)
{
    fputs(ctx, out);
    return jk_error(diag, JK_E_INTERNAL, "writer failed half-way");
}

static void read_file(const char *dir, const char *name, char *buf, size_t n)
{
    char path[256];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    size_t got = fread(buf, 1, n - 1, f);
    buf[got] = '\0';
    fclose(f);
}

static size_t count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += e->d_name[0] != '.' || (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."));
    closedir(d);
    return n;
}

static void test_commit_renames_all_files(void **state)
{
    (void)state;
    char dir[64], buf[64];
    tu_mkdtemp(dir, sizeof(dir));
    struct jk_outdir od;
    jk_outdir_init(&od);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_outdir_open(&od, dir, &d), JK_OK);
    assert_int_equal(jk_outdir_write(&od, "a.txt", write_text, "new a", &d), JK_OK);
    assert_int_equal(jk_outdir_write(&od, "b.txt", write_text, "new b", &d), JK_OK);
    assert_int_equal(jk_outdir_commit(&od, &d), JK_OK);
    jk_outdir_release(&od);
    assert_true(jk_outdir_abandon()); /* an interrupt now comes after the outputs */
    read_file(dir, "a.txt", buf, sizeof(buf));
    assert_string_equal(buf, "new a");
    assert_int_equal(count_entries(dir), 2); /* no temporary file left */
    tu_rmtree(dir);
}

static void test_failed_run_keeps_previous_outputs(void **state)
{
    (void)state;
    char dir[64], buf[64];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "a.txt", "old a");
    tu_write_str(dir, "b.txt", "old b");
    struct jk_outdir od;
    jk_outdir_init(&od);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_outdir_open(&od, dir, &d), JK_OK);
    assert_int_equal(jk_outdir_write(&od, "a.txt", write_text, "new a", &d), JK_OK);
    assert_int_equal(jk_outdir_write(&od, "b.txt", write_then_fail, "half", &d), JK_E_INTERNAL);
    jk_outdir_release(&od); /* no commit */
    read_file(dir, "a.txt", buf, sizeof(buf));
    assert_string_equal(buf, "old a");
    read_file(dir, "b.txt", buf, sizeof(buf));
    assert_string_equal(buf, "old b");
    assert_int_equal(count_entries(dir), 2);
    tu_rmtree(dir);
}

static enum jk_status write_then_fail_too(const void *ctx, FILE *out, struct jk_diag *diag)
{
    fputs(ctx, out);
    return jk_error(diag, JK_E_OUTPUT, "second writer failed");
}

/* Several files on several threads: all committed, or on failure the first failing one named. */
static void test_write_many_on_threads(void **state)
{
    (void)state;
    char dir[64], buf[64];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "a.txt", "old a");
    struct jk_workers w;
    jk_workers_init(&w, 3);
    struct jk_outdir od;
    jk_outdir_init(&od);
    struct jk_diag d;
    jk_diag_init(&d);
    const struct jk_outdir_file bad[] = {{"a.txt", write_text, "new a"},
                                         {"b.txt", write_then_fail, "half"},
                                         {"c.txt", write_then_fail_too, "half"},
                                         {"d.txt", write_text, "d"}};
    assert_int_equal(jk_outdir_open(&od, dir, &d), JK_OK);
    for (int run = 0; run < 20; run++) { /* whichever thread finishes first, b.txt is named */
        assert_int_equal(jk_outdir_write_many(&od, bad, 4, &w, &d), JK_E_INTERNAL);
        assert_non_null(strstr(d.msg, "writer failed half-way"));
    }
    jk_outdir_release(&od);
    read_file(dir, "a.txt", buf, sizeof(buf));
    assert_string_equal(buf, "old a");
    assert_int_equal(count_entries(dir), 1); /* no staged file left */
    const struct jk_outdir_file good[] = {
        {"a.txt", write_text, "new a"}, {"b.txt", write_text, "b"}, {"c.txt", write_text, "c"}};
    jk_outdir_init(&od);
    assert_int_equal(jk_outdir_open(&od, dir, &d), JK_OK);
    assert_int_equal(jk_outdir_write_many(&od, good, 3, &w, &d), JK_OK);
    assert_int_equal(jk_outdir_commit(&od, &d), JK_OK);
    jk_outdir_release(&od);
    read_file(dir, "a.txt", buf, sizeof(buf));
    assert_string_equal(buf, "new a");
    read_file(dir, "c.txt", buf, sizeof(buf));
    assert_string_equal(buf, "c");
    assert_int_equal(count_entries(dir), 3);
    jk_workers_release(&w);
    tu_rmtree(dir);
}

/* A folder where an output goes fails the commit before any file is replaced. */
static void test_folder_in_place_of_output_replaces_nothing(void **state)
{
    (void)state;
    char dir[64], buf[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "a.txt", "old a");
    snprintf(path, sizeof(path), "%s/b.txt", dir);
    assert_int_equal(mkdir(path, 0777), 0);
    struct jk_outdir od;
    jk_outdir_init(&od);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_outdir_open(&od, dir, &d), JK_OK);
    assert_int_equal(jk_outdir_write(&od, "a.txt", write_text, "new a", &d), JK_OK);
    assert_int_equal(jk_outdir_write(&od, "b.txt", write_text, "new b", &d), JK_OK);
    assert_int_equal(jk_outdir_commit(&od, &d), JK_E_OUTPUT);
    assert_non_null(strstr(d.msg, "b.txt': it is a folder"));
    jk_outdir_release(&od);
    read_file(dir, "a.txt", buf, sizeof(buf));
    assert_string_equal(buf, "old a");
    assert_int_equal(count_entries(dir), 2);
    tu_rmtree(dir);
}

static void test_unusable_output_folders(void **state)
{
    (void)state;
    char dir[64], path[128];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "file", "x");
    snprintf(path, sizeof(path), "%s/file", dir);
    struct jk_outdir od;
    jk_outdir_init(&od);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_outdir_open(&od, path, &d), JK_E_OUTPUT);
    assert_non_null(strstr(d.msg, "not a folder"));
    jk_diag_init(&d);
    snprintf(path, sizeof(path), "%s/missing/deeper", dir);
    assert_int_equal(jk_outdir_open(&od, path, &d), JK_E_OUTPUT);
    assert_non_null(strstr(d.msg, "missing/deeper"));
    jk_outdir_release(&od);
    tu_rmtree(dir);
}

static void test_abandon_removes_staged_files(void **state)
{
    (void)state;
    char dir[64], buf[64];
    tu_mkdtemp(dir, sizeof(dir));
    tu_write_str(dir, "a.txt", "old a");
    struct jk_outdir od;
    jk_outdir_init(&od);
    struct jk_diag d;
    jk_diag_init(&d);
    assert_int_equal(jk_outdir_open(&od, dir, &d), JK_OK);
    assert_int_equal(jk_outdir_write(&od, "a.txt", write_text, "new a", &d), JK_OK);
    assert_int_equal(jk_outdir_write(&od, "b.txt", write_text, "new b", &d), JK_OK);
    assert_int_equal(count_entries(dir), 3); /* a.txt and two staged files */
    assert_false(jk_outdir_abandon());       /* what the interrupt handler does */
    assert_int_equal(count_entries(dir), 1);
    read_file(dir, "a.txt", buf, sizeof(buf));
    assert_string_equal(buf, "old a");
    jk_outdir_release(&od);
    jk_outdir_abandon(); /* nothing active any more: harmless */
    tu_rmtree(dir);
}

static bool exists(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0;
}

/* A folder this run created goes again when the run fails; one that was there stays. */
static void test_failed_run_leaves_no_new_folder(void **state)
{
    (void)state;
    char parent[64], dir[96];
    tu_mkdtemp(parent, sizeof(parent));
    snprintf(dir, sizeof(dir), "%s/out", parent);
    struct jk_outdir od;
    struct jk_diag d;
    jk_diag_init(&d);
    jk_outdir_init(&od); /* the run stops before writing */
    assert_int_equal(jk_outdir_open(&od, dir, &d), JK_OK);
    assert_true(exists(dir));
    jk_outdir_release(&od);
    assert_false(exists(dir));
    jk_outdir_init(&od); /* a writer fails */
    assert_int_equal(jk_outdir_open(&od, dir, &d), JK_OK);
    assert_int_equal(jk_outdir_write(&od, "a.txt", write_then_fail, "half", &d), JK_E_INTERNAL);
    jk_outdir_release(&od);
    assert_false(exists(dir));
    jk_outdir_init(&od); /* interrupted */
    assert_int_equal(jk_outdir_open(&od, dir, &d), JK_OK);
    assert_int_equal(jk_outdir_write(&od, "a.txt", write_text, "new a", &d), JK_OK);
    assert_false(jk_outdir_abandon());
    assert_false(exists(dir));
    jk_outdir_release(&od);
    jk_outdir_init(&od); /* a run that commits keeps its folder */
    assert_int_equal(jk_outdir_open(&od, dir, &d), JK_OK);
    assert_int_equal(jk_outdir_write(&od, "a.txt", write_text, "new a", &d), JK_OK);
    assert_int_equal(jk_outdir_commit(&od, &d), JK_OK);
    jk_outdir_release(&od);
    assert_int_equal(count_entries(dir), 1);
    jk_outdir_init(&od); /* a folder that was there stays, empty or not */
    assert_int_equal(jk_outdir_open(&od, parent, &d), JK_OK);
    jk_outdir_release(&od);
    assert_true(exists(dir));
    tu_rmtree(parent);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_commit_renames_all_files),
        cmocka_unit_test(test_failed_run_keeps_previous_outputs),
        cmocka_unit_test(test_write_many_on_threads),
        cmocka_unit_test(test_folder_in_place_of_output_replaces_nothing),
        cmocka_unit_test(test_unusable_output_folders),
        cmocka_unit_test(test_abandon_removes_staged_files),
        cmocka_unit_test(test_failed_run_leaves_no_new_folder),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
