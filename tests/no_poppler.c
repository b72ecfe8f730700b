/*
 * Test helper for e2e_pdf.sh, loaded with LD_PRELOAD: dlopen of any library
 * whose name contains "poppler" fails, as on a machine where Poppler's GLib
 * library is not installed; every other dlopen goes to the C library.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <string.h>

void *dlopen(const char *file, int mode)
{
    static void *(*real)(const char *, int);
    if (file && strstr(file, "poppler"))
        return NULL;
    if (!real)
        real = (void *(*)(const char *, int))dlsym(RTLD_NEXT, "dlopen");
    return real(file, mode);
}
