/*
 * VOSviewer corpus reader. Part of the input stage: a corpus file holds one
 * document per line; each line becomes a record whose abstract is the line.
 * An optional scores file (VOSviewer's companion format) has a tab-separated
 * header of score<LABEL> columns and then one line per corpus line:
 * score<Pub. year> or score<Year> fills the year, score<Citations> the
 * citations; other columns are ignored. Lines pair by line number (corpus
 * line N with scores line N + 1), so a blank corpus line keeps its slot.
 */
#ifndef JK_READ_VOS_H
#define JK_READ_VOS_H

#include "record.h"

/*
 * Reads the corpus at corpus_path (and the scores at scores_path, or NULL)
 * and calls emit once per non-blank corpus line. Returns JK_OK; JK_E_INPUT
 * when a file is unreadable or not UTF-8 (FILE:LINE), or when the scores
 * file does not have exactly one line per corpus line (the message names
 * both files and both counts; nothing is emitted then); or the first non-OK
 * status emit returned. A score that is not a number is left unknown.
 */
enum jk_status jk_read_vos(const char *corpus_path, const char *scores_path, jk_record_fn emit,
                           void *ctx, struct jk_diag *diag);

#endif
