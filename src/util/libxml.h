/*
 * libxml2's parser, initialised once for every thread that reads XML or
 * HTML (read_office.c, read_html.c): xmlInitParser is not reentrant, so two
 * threads must not run it at once.
 */
#ifndef JK_UTIL_LIBXML_H
#define JK_UTIL_LIBXML_H

/* Initialises libxml2's parser the first time any thread calls it; later calls return. */
void jk_libxml_init(void);

/*
 * Keeps libxml2's parse errors off stderr on the calling thread (libxml2 keeps its
 * error handlers per thread): a damaged document is its reader's to report.
 */
void jk_libxml_quiet(void);

#endif
