/*
 * Poppler's GLib API, loaded the first time a PDF is read (dlopen) instead
 * of with the program: Poppler brings about forty libraries (GLib, NSS,
 * image codecs) that take 5 MB of memory as soon as they are mapped, which a
 * corpus without PDFs never needs. read_pdf.c calls Poppler only through
 * the table below; the headers still give every function's type.
 */
#ifndef JK_POPPLER_LOAD_H
#define JK_POPPLER_LOAD_H

#include <stdbool.h>

#include <poppler.h>

/* The functions read_pdf.c uses, each named as in Poppler and GLib without its prefix. */
struct jk_poppler {
    __typeof__(poppler_document_new_from_bytes) *document_new_from_bytes;
    __typeof__(poppler_document_get_n_pages) *document_get_n_pages;
    __typeof__(poppler_document_get_page) *document_get_page;
    __typeof__(poppler_document_get_title) *document_get_title;
    __typeof__(poppler_document_get_creation_date_time) *document_get_creation_date_time;
    __typeof__(poppler_page_get_text) *page_get_text;
    __typeof__(poppler_error_quark) *error_quark;
    __typeof__(g_bytes_new_static) *bytes_new_static;
    __typeof__(g_bytes_unref) *bytes_unref;
    __typeof__(g_error_matches) *error_matches;
    __typeof__(g_clear_error) *clear_error;
    __typeof__(g_object_unref) *object_unref;
    __typeof__(g_free) *free;
    __typeof__(g_date_time_get_year) *date_time_get_year;
    __typeof__(g_date_time_unref) *date_time_unref;
    __typeof__(g_log_set_handler) *log_set_handler;
};

/*
 * The library (jk_poppler_soname, found when the project is configured), loaded on the first call
 * and kept until the process ends, with Poppler's log messages about damaged files silenced. NULL
 * when it cannot be loaded, with *why saying why (static text). Thread-safe.
 */
const struct jk_poppler *jk_poppler(const char **why);

/* The library's run-time name, "libpoppler-glib.so.8" on Debian 12. */
extern const char jk_poppler_soname[];

/*
 * The same for the library named name, loaded now (each call loads it
 * again: for tests of a library that is missing or is not Poppler). The
 * table is the caller's; false and *why (owned by the loader, valid until
 * the next call) when a function is missing or the library cannot be opened.
 */
bool jk_poppler_load(const char *name, struct jk_poppler *p, const char **why);

#endif
