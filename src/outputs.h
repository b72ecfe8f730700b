/*
 * Stage 9, export: every file a map run writes into the output folder,
 * chosen by --formats, staged through the output folder so a failed run
 * leaves the previous outputs whole. report.md and run.json are always
 * written.
 */
#ifndef JK_OUTPUTS_H
#define JK_OUTPUTS_H

#include "outdir.h"
#include "pipeline.h"

/* Writes and commits every selected output of run into out. */
enum jk_status jk_write_outputs(struct jk_outdir *out, const struct jk_run *run,
                                struct jk_diag *diag);

/*
 * Writes terms.tsv for review: every candidate that reached the threshold,
 * by label, with occurrences, documents, relevance (NaN where selection
 * dropped it before the relevance step), selected yes/no and aliases.
 */
enum jk_status jk_write_term_review(struct jk_outdir *out, const struct jk_counter *counter,
                                    const struct jk_selection *sel, enum jk_counting counting,
                                    struct jk_diag *diag);

#endif
