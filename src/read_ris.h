/*
 * RIS reader (reference managers: Zotero, Mendeley, EndNote; Scopus and
 * Web of Science exports). Part of the input stage: fills one struct
 * jk_record per TY..ER record and hands it to a jk_record_fn.
 *
 * Tags: TI/T1 title, AB/N2 abstract, KW keywords (repeatable; a KW line may
 * itself hold ';'-separated keywords), PY/Y1/DA year (first four digits),
 * AU/A1 authors, DO doi, JO/T2/JF venue. The first occurrence of a field wins
 * (KW and AU accumulate). A line without a tag continues the previous title
 * or abstract. Lines are read with jk_lines: UTF-8 with or without BOM, LF
 * or CRLF.
 */
#ifndef JK_READ_RIS_H
#define JK_READ_RIS_H

#include "record.h"

/*
 * Reads every record of the RIS file at path and calls emit once per record
 * (the record is borrowed for the call). A record without an ER end tag
 * (cut off by the next TY or the end of the file) gives a warning naming the
 * file and the line of its TY tag, and is still emitted when it has a title
 * or an abstract (otherwise dropped). Returns JK_OK, JK_E_INPUT (file
 * unreadable or not UTF-8, message "FILE:LINE: ..."), or the first non-OK
 * status emit returned.
 */
enum jk_status jk_read_ris(const char *path, jk_record_fn emit, void *ctx, struct jk_diag *diag);

#endif
