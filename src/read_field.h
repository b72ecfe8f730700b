/*
 * Field helpers the record readers share (CSV, RIS, BibTeX, VOSviewer):
 * trimming, "; "-joined lists, years, citation counts and DOIs, so every
 * reader fills struct jk_record the same way. All functions append to or
 * replace a caller-owned jk_buf; none allocates anything else.
 */
#ifndef JK_READ_FIELD_H
#define JK_READ_FIELD_H

#include <stddef.h>

#include "util/buf.h"

/* Replaces b with s[0..len) without leading and trailing white space. */
void jk_field_set(struct jk_buf *b, const char *s, size_t len);

/* Appends s[0..len), trimmed, to the "; "-joined list b; an empty item is skipped. */
void jk_field_join(struct jk_buf *b, const char *s, size_t len);

/* Appends s[0..len), trimmed, to the running text b, after one space when b is not empty. */
void jk_field_append(struct jk_buf *b, const char *s, size_t len);

/* Splits s[0..len) at any byte of seps and joins every item to b (jk_field_join). */
void jk_field_join_split(struct jk_buf *b, const char *s, size_t len, const char *seps);

/* Returns the first run of four digits in s[0..len) as a year, or 0 when there is none. */
int jk_field_year(const char *s, size_t len);

/* Returns the number at the start of s[0..len) (after blanks), or NAN when there is none. */
double jk_field_number(const char *s, size_t len);

/*
 * Replaces doi with s[0..len) trimmed, without a "https://doi.org/",
 * "http://dx.doi.org/" or "doi:" prefix, in ASCII lower case.
 */
void jk_field_doi(struct jk_buf *doi, const char *s, size_t len);

#endif
