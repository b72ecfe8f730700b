/*
 * Reader for PDF documents (issue 4 inputs), through Poppler's GLib API: one
 * PDF gives one bibliographic record with the text of every page, its
 * running headers, footers and page numbers removed, and title and year from
 * the document's metadata. The pipeline reads every .pdf of a folder with it.
 */
#ifndef JK_READ_PDF_H
#define JK_READ_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "record.h"
#include "util/status.h"

/*
 * Reads the PDF at path and calls emit once with its record: source = path,
 * number 1, line 0; fulltext = the text of every page, lines ending in "\n",
 * a blank line between pages, line breaks kept (hyphenated words broken over
 * lines are left for jk_clean to join); title from the metadata title (none
 * when it is only a file name such as "Microsoft Word - a.docx"); year from
 * the creation date when it lies between 1993 (PDF 1.0) and next year, else 0.
 *
 * Removed from each page's first and last three lines: lines that repeat at
 * the same end of at least half of the pages (and of two or more), digits
 * compared as equal so a running page number does not hide a header; lines
 * that hold only a page number ("7", "- 7 -", "Halaman 7", "Page 7 of 9").
 *
 * An encrypted (password needed), scanned (no page with a text layer) or
 * damaged or truncated PDF gives one jk_warn naming the file, the case and
 * what to do, emits nothing and returns JK_OK, so a run goes on without it.
 * Poppler's own complaints about damaged files are silenced (its GLib log
 * domain); jaringkata's warnings are not.
 *
 * Returns JK_E_INPUT when path cannot be read (missing, a folder, no
 * permission) or when it is a PDF and Poppler cannot be loaded (see
 * poppler_load.h), whatever emit returns when that is not JK_OK, else JK_OK.
 * The record passed to emit is valid during the call only.
 */
enum jk_status jk_read_pdf(const char *path, jk_record_fn emit, void *ctx, struct jk_diag *diag);

/*
 * What jk_read_pdf keeps of a PDF whose pages gave the texts pages[0..n_pages)
 * (NUL-terminated, borrowed; Poppler's page text): the fulltext into out
 * (replaced), running headers, footers and page numbers removed. Returns
 * false, out left empty, when the pages look scanned (at most a quarter
 * with text). corpus.c applies the same rules to a text file with a form
 * feed after each page (pdftotext's output); tests and fuzzing use it to
 * try the page rules without a PDF.
 */
bool jk_pdf_pages_text(const char *const *pages, size_t n_pages, struct jk_buf *out);

#endif
