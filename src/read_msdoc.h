/*
 * Reader for Word 97-2003 documents (.doc), the binary format older theses
 * and many repositories' downloads are in. A .doc is an OLE compound file
 * (MS-CFB: a small file system of sectors, chained by a FAT); its
 * WordDocument stream holds the characters, and the piece table in its table
 * stream (MS-DOC: the Clx, "0Table" or "1Table") says where each run of the
 * main text lies, as Windows-1252 bytes or UTF-16.
 *
 * What is kept: the main text, each paragraph, table cell and row ending in
 * "\n"; tabs as "\t", line, page and column breaks as "\n", non-breaking
 * hyphens as "-"; a field's result ("Gambar 1", a cross-reference's text).
 * What is left out: footnotes and endnotes, headers and footers, comments
 * and text boxes (their own parts of the text, after the main one), field
 * codes ("TOC \o", "PAGE"), pictures, optional hyphens, text that tracked
 * changes deleted and hidden text: runs the character pages mark deleted or
 * hidden, and text of a named style that hides it, a run's character style
 * or its paragraph's style (the paragraph pages say which), by the style's
 * own character properties or else those of the style it is based on. The
 * two styles toggle each other and a run's own mark wins over both, as
 * read_office.h says of a .docx. Still read: a deletion or hidden mark made
 * only in the piece table's own properties (a fast-saved file's).
 */
#ifndef JK_READ_MSDOC_H
#define JK_READ_MSDOC_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

/* What reading a .doc found; JK_MSDOC_OK or why it has no text. */
enum jk_msdoc_result {
    JK_MSDOC_OK,
    JK_MSDOC_NOT_COMPOUND, /* not an OLE compound file at all */
    JK_MSDOC_NOT_WORD,     /* a compound file without Word's text (Excel, a .docx with password) */
    JK_MSDOC_OLD_WORD,     /* Word 6 or Word 95, whose layout differs */
    JK_MSDOC_ENCRYPTED,    /* saved with a password */
    JK_MSDOC_DAMAGED,      /* its sectors, directory, streams or piece table do not hold together */
};

/* Whether data[0..len) starts as an OLE compound file does (its 8-byte signature). */
bool jk_is_compound_file(const char *data, size_t len);

/*
 * Appends the main text of the .doc in data[0..len) (the file's bytes,
 * borrowed) to text, as described above, in valid UTF-8 without NUL bytes.
 * At most one character per byte of the WordDocument stream is read, so a
 * damaged or hostile piece table cannot make more text than the file holds.
 * On anything but JK_MSDOC_OK, text is left as it was. Thread-safe.
 */
enum jk_msdoc_result jk_msdoc_text(const char *data, size_t len, struct jk_buf *text);

/* Why a .doc gave no text, and what to do, for a warning after "skipping 'F': ". */
const char *jk_msdoc_problem(enum jk_msdoc_result r);
/* The same in a few words for report.md's file table: "skipped: ...". */
const char *jk_msdoc_note(enum jk_msdoc_result r);

#endif
