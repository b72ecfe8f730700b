/*
 * Tests of src/poppler_load: Poppler is not mapped until the first PDF needs
 * it, then every function read_pdf.c calls is there; a library that is
 * missing, or is not Poppler, is refused with the reason.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dlfcn.h>
#include <string.h>

#include "poppler_load.h"

/* Whether the process has the library mapped already (RTLD_NOLOAD loads nothing). */
static bool mapped(const char *name)
{
    void *lib = dlopen(name, RTLD_NOW | RTLD_NOLOAD);
    if (lib)
        dlclose(lib); /* drops only the reference just taken */
    return lib != NULL;
}

static void test_loaded_on_first_use(void **state)
{
    (void)state;
    assert_false(mapped(jk_poppler_soname)); /* the program does not link it */
    const char *why = "unset";
    const struct jk_poppler *lib = jk_poppler(&why);
    assert_non_null(lib);
    assert_true(mapped(jk_poppler_soname));
    const void *const *slot = (const void *const *)lib; /* every function was found */
    for (size_t i = 0; i < sizeof(*lib) / sizeof(void *); i++)
        assert_non_null(slot[i]);
    assert_ptr_equal(jk_poppler(&why), lib); /* loaded once */
    assert_int_equal(lib->error_quark(), lib->error_quark());
}

static void test_missing_library(void **state)
{
    (void)state;
    struct jk_poppler p;
    const char *why = NULL;
    assert_false(jk_poppler_load("libjaringkata-no-such-library.so.1", &p, &why));
    assert_non_null(why);
    assert_non_null(strstr(why, "libjaringkata-no-such-library.so.1"));
}

static void test_library_that_is_not_poppler(void **state)
{
    (void)state;
    struct jk_poppler p;
    const char *why = NULL;
    assert_false(jk_poppler_load("libz.so.1", &p, &why)); /* a real library, without Poppler */
    assert_string_equal(why, "it lacks a function of Poppler's GLib API");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loaded_on_first_use),
        cmocka_unit_test(test_missing_library),
        cmocka_unit_test(test_library_that_is_not_poppler),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
