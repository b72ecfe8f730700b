/*
 * BibTeX reader (reference managers, Google Scholar, journal sites). Part of
 * the input stage: fills one struct jk_record per entry and hands it to a
 * jk_record_fn.
 *
 * Entries are `@type{key, field = value, ...}` (or with parentheses). Values
 * are {braced} (nested braces kept for LaTeX), "quoted", bare numbers or
 * @string macro names, joined with '#'. @comment and @preamble and any text
 * outside entries are ignored. Fields read: title, abstract, keywords (split
 * at ',' or ';'), year (or date: first four digits), author ("and"
 * separated, joined with "; "), doi, journal (or booktitle) as the venue.
 * Values are turned into plain UTF-8 text: braces dropped, white space runs
 * made one space, LaTeX accents ({\'e}, \"o, {\v s}, \c{c}, ...) and letters
 * (\ss, \o, \ae, \l, ...) mapped to characters, \& \% \$ \# \_ to the sign,
 * other commands (\emph, \textit, ...) dropped with their braces kept as text.
 */
#ifndef JK_READ_BIBTEX_H
#define JK_READ_BIBTEX_H

#include "record.h"
#include "util/buf.h"

/*
 * Reads every entry of the BibTeX file at path and calls emit once per entry
 * (the record is borrowed for the call; record.line is the line of its '@').
 * An entry whose braces do not balance (a '{' still open at the next line
 * that starts with '@', or at the end of the file) or that is otherwise
 * malformed gives a warning naming the file, the entry's line and key; it is
 * skipped and reading goes on at the next entry. Returns JK_OK, JK_E_INPUT
 * (unreadable or not UTF-8, "FILE:LINE"), or the first non-OK status emit
 * returned.
 */
enum jk_status jk_read_bibtex(const char *path, jk_record_fn emit, void *ctx, struct jk_diag *diag);

/* Replaces out with the plain UTF-8 text of the BibTeX/LaTeX value s[0..len). */
void jk_bibtex_text(const char *s, size_t len, struct jk_buf *out);

#endif
