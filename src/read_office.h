/*
 * Reader for word-processor documents: Word's .docx (Office Open XML) and
 * OpenDocument's .odt, the formats theses are written in. Both are ZIP
 * archives holding the text as XML (word/document.xml, content.xml); libzip
 * opens the archive and libxml2's streaming reader walks the XML as it is
 * inflated, so neither the unpacked XML nor a tree of it is held.
 *
 * What is kept: the body's paragraphs, headings, list items, table cells and
 * text boxes, each ending in "\n"; tabs as "\t", line breaks as "\n",
 * non-breaking hyphens as "-". What is left out: headers and footers (their
 * own parts: running heads), footnotes and endnotes, comments, deleted and
 * moved-from text of tracked changes, hidden text, field codes ("TOC \o",
 * "PAGE") and the fallback copy of a text box that Word writes for older
 * readers.
 *
 * Hidden text: a .docx run whose own w:vanish is on, else whose character
 * style (w:rStyle) or paragraph style (w:pStyle) hides text, the two toggling
 * each other as ECMA-376 says; an .odt span or paragraph whose style says
 * text:display="none". A style hides text by its own setting, else by the one
 * of the style it is based on (w:basedOn; style:parent-style-name), read from
 * word/styles.xml or styles.xml before the text (the common styles) and from
 * content.xml's automatic styles; a damaged or missing styles part only hides
 * less.
 *
 * An OLE compound file in place of the archive is told apart
 * (JK_OFFICE_COMPOUND): an old .doc renamed, which read_msdoc.h reads, or a
 * .docx saved with a password.
 */
#ifndef JK_READ_OFFICE_H
#define JK_READ_OFFICE_H

#include <stddef.h>

#include "util/buf.h"

enum jk_office_kind { JK_OFFICE_DOCX, JK_OFFICE_ODT };

/* What reading a document found; JK_OFFICE_OK or why it has no text. */
enum jk_office_result {
    JK_OFFICE_OK,
    JK_OFFICE_COMPOUND,  /* an OLE compound file: a .doc renamed or a password-protected .docx */
    JK_OFFICE_NOT_ZIP,   /* not a ZIP archive at all (damaged, or another format renamed) */
    JK_OFFICE_NO_TEXT,   /* a ZIP archive without the text part (another kind of file) */
    JK_OFFICE_ENCRYPTED, /* the text part is encrypted (an .odt saved with a password) */
    JK_OFFICE_DAMAGED,   /* the archive or its XML is damaged or cut short */
    JK_OFFICE_TOO_LARGE, /* the text part unpacks to more than JK_OFFICE_MAX_XML bytes */
};

/* The unpacked XML read at most: a document of 30 MB of text stays far below it. */
#define JK_OFFICE_MAX_XML ((size_t)256 << 20)

/*
 * Appends the text of the document in data[0..len) (the file's bytes, borrowed)
 * to text, as described above, in UTF-8, reading at most max_xml bytes of its
 * unpacked XML (JK_OFFICE_MAX_XML; more is JK_OFFICE_TOO_LARGE). On anything
 * but JK_OFFICE_OK, text is left as it was. Thread-safe: the pipeline's
 * threads read documents at once.
 */
enum jk_office_result jk_office_text(const char *data, size_t len, enum jk_office_kind kind,
                                     size_t max_xml, struct jk_buf *text);

/* Why a document of kind gave no text, and what to do, for a warning after "skipping 'F': ". */
const char *jk_office_problem(enum jk_office_result r, enum jk_office_kind kind);
/* The same in a few words for report.md's file table: "skipped: ...". */
const char *jk_office_note(enum jk_office_result r);

#endif
