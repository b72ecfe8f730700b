/*
 * Stage 1b, record files: database and reference-manager exports (CSV from
 * Scopus, Publish or Perish or a repository; RIS; BibTeX) hold many
 * documents each. This module picks the reader by extension and turns each
 * record into one document's text (title and abstract, as VOSviewer mines
 * records), handing it on with the record's metadata.
 */
#ifndef JK_SOURCES_H
#define JK_SOURCES_H

#include <stdbool.h>

#include "record.h"
#include "util/buf.h"
#include "util/status.h"

/* True for a file of records (.csv, .ris, .bib). */
bool jk_is_record_file(const char *path);

/* Receives one record's text (valid while the call lasts) and the record. */
typedef enum jk_status (*jk_document_fn)(void *ctx, const char *text, size_t len,
                                         const struct jk_record *r, struct jk_diag *diag);

/*
 * Reads the records of path and calls fn with each record's title and
 * abstract (keywords too when the record has no abstract). Records without
 * any text are passed over. Errors as the readers give them (JK_E_INPUT
 * naming the file); broken records are warnings, and the rest is read.
 * scratch is the caller's buffer for the text.
 */
enum jk_status jk_read_records(const char *path, jk_document_fn fn, void *ctx,
                               struct jk_buf *scratch, struct jk_diag *diag);

#endif
