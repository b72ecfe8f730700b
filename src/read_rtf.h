/*
 * Reader for Rich Text Format documents (.rtf, and the RTF files that are
 * often named .doc): the text of the document's body, as Word or LibreOffice
 * shows it. RTF is text: groups in braces, control words ("\par", "\u8220"),
 * and the characters between them.
 *
 * What is kept: paragraphs, line breaks, table cells and rows, each ending
 * in "\n"; tabs as "\t"; characters given as "\'hh" (a byte of the code
 * page of the current font's character set, "\fcharsetN" in the font table,
 * as Word writes Arabic, Cyrillic or Greek text; else the document's
 * "\ansicpgN", Windows-1252 unless it says; Chinese, Japanese and Korean
 * fonts' double-byte code pages (932, 936, 949, 950, 1361) take two bytes a
 * character, lead then trail, and a lead byte left without its trail is
 * U+FFFD) or "\uN" (Unicode, their fallback characters skipped as "\ucN"
 * says); a field's result. What is left out:
 * the font, colour, style and list tables, document information, pictures,
 * embedded objects and drawn shapes (text boxes too), headers and footers,
 * footnotes, comments, field instructions, list numbers, text that
 * tracked changes deleted ("\deleted", until its group ends, "\deleted0"
 * or "\plain"), hidden text ("\v", likewise), and every group marked "\*"
 * (ignorable).
 */
#ifndef JK_READ_RTF_H
#define JK_READ_RTF_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

/* Whether data[0..len) starts as an RTF document does ("{\rtf"). */
bool jk_is_rtf(const char *data, size_t len);

/*
 * Appends the text of the RTF document data[0..len) (borrowed) to text, as
 * described above, in valid UTF-8 without NUL bytes, at most 3 bytes per
 * byte of data. A document cut short gives the text up to its end; text in
 * groups nested deeper than 1024 is skipped. False (text left as it
 * was) when data does not start as RTF. Thread-safe.
 */
bool jk_rtf_text(const char *data, size_t len, struct jk_buf *text);

#endif
