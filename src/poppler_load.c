/* Poppler loaded when the first PDF is read. See poppler_load.h. */
#include "poppler_load.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#ifndef JK_POPPLER_SONAME
#define JK_POPPLER_SONAME "libpoppler-glib.so.8"
#endif

const char jk_poppler_soname[] = JK_POPPLER_SONAME;

/* Each slot of struct jk_poppler and the symbol that fills it. */
#define SLOT(field, symbol)                                                                        \
    {                                                                                              \
        symbol, offsetof(struct jk_poppler, field)                                                 \
    }
static const struct {
    const char *symbol;
    size_t offset;
} slots[] = {
    SLOT(document_new_from_bytes, "poppler_document_new_from_bytes"),
    SLOT(document_get_n_pages, "poppler_document_get_n_pages"),
    SLOT(document_get_page, "poppler_document_get_page"),
    SLOT(document_get_title, "poppler_document_get_title"),
    SLOT(document_get_creation_date_time, "poppler_document_get_creation_date_time"),
    SLOT(page_get_text, "poppler_page_get_text"),
    SLOT(error_quark, "poppler_error_quark"),
    SLOT(bytes_new_static, "g_bytes_new_static"),
    SLOT(bytes_unref, "g_bytes_unref"),
    SLOT(error_matches, "g_error_matches"),
    SLOT(clear_error, "g_clear_error"),
    SLOT(object_unref, "g_object_unref"),
    SLOT(free, "g_free"),
    SLOT(date_time_get_year, "g_date_time_get_year"),
    SLOT(date_time_unref, "g_date_time_unref"),
    SLOT(log_set_handler, "g_log_set_handler"),
};
enum { N_SLOTS = sizeof(slots) / sizeof(*slots) };
_Static_assert(N_SLOTS * sizeof(void *) == sizeof(struct jk_poppler),
               "every slot of struct jk_poppler has its symbol");

bool jk_poppler_load(const char *name, struct jk_poppler *p, const char **why)
{
    void *lib = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        *why = dlerror();
        if (!*why) /* a dlopen that failed without saying why */
            *why = "the dynamic loader gave no reason";
        return false;
    }
    for (size_t i = 0; i < N_SLOTS; i++) {
        void *f = dlsym(lib, slots[i].symbol);
        if (!f) {
            *why = "it lacks a function of Poppler's GLib API";
            dlclose(lib);
            return false;
        }
        /* POSIX: a function's address is kept in a void * without loss */
        memcpy((char *)p + slots[i].offset, &f, sizeof(f));
    }
    return true; /* lib stays open: its functions are used until the process ends */
}

static struct jk_poppler loaded;
static char load_error[512];
static bool load_ok;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void drop_log(const gchar *domain, GLogLevelFlags level, const gchar *msg, gpointer data)
{
    (void)domain, (void)level, (void)msg, (void)data;
}

static void load(void)
{
    const char *why;
    load_ok = jk_poppler_load(jk_poppler_soname, &loaded, &why);
    if (!load_ok) { /* dlerror's text is the calling thread's: kept here for every thread */
        snprintf(load_error, sizeof(load_error), "%s", why);
        return;
    }
    /* Poppler-GLib reports syntax errors in damaged files through g_log. */
    GLogLevelFlags levels = G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE |
                            G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG;
    loaded.log_set_handler("Poppler", levels, drop_log, NULL);
}

const struct jk_poppler *jk_poppler(const char **why)
{
    pthread_once(&load_once, load);
    *why = load_error;
    return load_ok ? &loaded : NULL;
}
