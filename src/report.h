/*
 * Stage 9, the human and machine records of a run: report.md (corpus
 * statistics, selection, clusters with their top terms, quality) and
 * run.json (every option value used, inputs with sizes and SHA-256, library
 * versions). Both are deterministic except run.json's "created" field,
 * which honours SOURCE_DATE_EPOCH.
 */
#ifndef JK_REPORT_H
#define JK_REPORT_H

#include <stdio.h>

#include "pipeline.h"
#include "util/buf.h"

/* ctx is a const struct jk_run *. JK_E_OUTPUT when writing fails. */
enum jk_status jk_write_report(const void *ctx, FILE *out, struct jk_diag *diag);
enum jk_status jk_write_run_json(const void *ctx, FILE *out, struct jk_diag *diag);

/* Library versions as "pcre2 10.42, igraph 0.10.2, ..." for --version. */
void jk_library_versions(struct jk_buf *b);

#endif
