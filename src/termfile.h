/*
 * Term lists read from and written to files. Two parts:
 * 1. The line reader, field splitter and term normaliser that every list
 *    loader shares (thesaurus, keyword patterns, spelling variants, terms file).
 * 2. The reviewed terms file of `jaringkata terms` and `map --terms FILE`: a
 *    tab-separated table that people edit in a spreadsheet, a writer for it
 *    and a reader that keeps which terms are selected.
 */
#ifndef JK_TERMFILE_H
#define JK_TERMFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "util/buf.h"
#include "util/status.h"
#include "util/strmap.h"

/* ---- Part 1: reading list files -------------------------------------- */

/*
 * Every list file is read line by line with the same rules:
 * - UTF-8; a UTF-8 byte order mark on line 1 is skipped. A file that starts
 *   with a UTF-16 byte order mark is read as UTF-16. A file whose first line
 *   that is not UTF-8 comes before any non-ASCII UTF-8 and reads as
 *   Windows-1252 (Latin-1, what spreadsheets on Windows save) is read as
 *   Windows-1252 from there on, with one warning. Everything reaches the
 *   caller as UTF-8. NUL bytes, other invalid UTF-8 and unpaired UTF-16
 *   surrogates are errors naming FILE:LINE;
 * - lines end with LF or CRLF (the CR is dropped);
 * - lines holding only white space (spaces, tabs) are skipped;
 * - with comments on, a line whose first non-blank character is '#' is
 *   skipped (the formats say whether they take comments).
 * Line numbers count every physical line, skipped ones included, so they
 * match what an editor shows.
 */
struct jk_lines {
    FILE *f;
    const char *path; /* borrowed: must outlive the reader */
    const char *what; /* borrowed: "thesaurus file", for messages */
    bool comments;
    bool utf8_only; /* set after jk_lines_open: no Windows-1252 guess, invalid UTF-8 is an error */
    char *line;     /* the current line, NUL-terminated, line end removed; owned, writable */
    size_t len;
    size_t cap;
    unsigned long lineno;  /* of the current line, 1-based */
    enum jk_status status; /* JK_OK, or the error that stopped jk_lines_next */
    int utf16;             /* 1 or 2: the file is UTF-16 little or big endian; else 0 */
    bool cp1252;           /* lines are read as Windows-1252 (from the first one not UTF-8) */
    bool seen_utf8;        /* a line before held non-ASCII UTF-8: no Windows-1252 then */
    struct jk_buf convert; /* a line converted to UTF-8 */
};

/*
 * Opens path for reading. Returns JK_OK, or JK_E_INPUT ("cannot open <what>
 * 'path': reason") and then r needs no close.
 */
enum jk_status jk_lines_open(struct jk_lines *r, const char *path, const char *what, bool comments,
                             struct jk_diag *diag);

/*
 * Moves to the next line that is neither blank nor a comment and returns
 * true; r->line may be modified in place until the next call. Returns false
 * at the end of the file (r->status JK_OK) or on an error (r->status
 * JK_E_INPUT, message in diag).
 */
bool jk_lines_next(struct jk_lines *r, struct jk_diag *diag);

/* Closes the file and frees the line; NULL-safe and safe to repeat. */
void jk_lines_close(struct jk_lines *r);

/* A span of a line. */
struct jk_field {
    const char *s;
    size_t len;
};

/*
 * Cuts line[0..len) at tabs into fields. A field that starts with '"' is
 * quoted the way spreadsheets quote: it ends at the next lone '"', a doubled
 * '""' inside stands for one '"', and it may hold tabs. Quotes are removed in
 * place, so line is modified. Fills fields[0..max) and returns the number of
 * fields in the line (which may be more than max). On a malformed quoted
 * field returns SIZE_MAX and points *error at a sentence saying what is wrong
 * and what to write instead.
 */
size_t jk_tsv_split(char *line, size_t len, struct jk_field *fields, size_t max,
                    const char **error);

/*
 * Normalises a term the way the term stage writes it: lower-cased with
 * jk_lowercase, runs of white space (including no-break and other Unicode
 * spaces) turned into one ' ', leading and trailing white space removed.
 * Replaces out's contents. Returns false if s is not valid UTF-8.
 */
bool jk_normalise_term(const char *s, size_t len, struct jk_buf *out);

/* ---- Part 2: the reviewed terms file --------------------------------- */

/*
 * Format (written by jk_termfile_header/jk_termfile_row, read by
 * jk_termfile_load): UTF-8, LF line ends, one header line
 *   term<TAB>occurrences<TAB>documents<TAB>relevance<TAB>selected<TAB>aliases
 * then one row per term. relevance has four decimals ("0.8123"); selected is
 * "yes" or "no"; aliases are the other spellings merged into the term, joined
 * with "; " (may be empty). No comment lines: a data table, not a list.
 *
 * The reader is lenient where spreadsheets differ: header names in any case
 * and column order, only the term and selected columns required (extra
 * columns ignored), quoted fields, CRLF, a byte order mark. selected accepts
 * yes/no, y/n, ya/tidak, true/false, 1/0 in any case. Terms are normalised with
 * jk_normalise_term. A term listed twice with different selections is an
 * error naming both lines; listed twice alike, it counts once.
 */

/* Writes the header line. Check the stream's error state after the last row. */
void jk_termfile_header(FILE *f);

/*
 * Writes one row. Tabs, CRs and LFs inside term and aliases become spaces; a
 * field that starts with '"' is written quoted so that it reads back as
 * written. aliases is "; "-joined or NULL (an empty field). A relevance that
 * is not finite is written "NaN", "Infinity" or "-Infinity".
 */
void jk_termfile_row(FILE *f, const char *term, uint32_t occurrences, uint32_t documents,
                     double relevance, bool selected, const char *aliases);

/* The selection read from a terms file. Owns every string (in terms' arena). */
struct jk_termfile {
    struct jk_strmap terms; /* normalised term -> id */
    bool *selected;         /* selected[id] */
    unsigned long *lines;   /* lines[id]: where the term was read, for messages */
    size_t cap;
    size_t n_selected; /* number of terms with selected = yes */
};

void jk_termfile_init(struct jk_termfile *t);
/* Frees everything; NULL-safe; t may be initialised again afterwards. */
void jk_termfile_release(struct jk_termfile *t);

/*
 * Reads the terms file at path into t (initialised and empty). Returns JK_OK,
 * or JK_E_INPUT with "FILE:LINE: what is wrong; what to write instead" in
 * diag: file unreadable, not UTF-8, header without a term or selected column,
 * row too short, empty term, selected value not understood, conflicting
 * duplicate. On error t holds part of the file: release it.
 */
enum jk_status jk_termfile_load(struct jk_termfile *t, const char *path, struct jk_diag *diag);

/*
 * Whether term[0..len) (normalised, as jk_normalise_term writes it) is
 * selected. *known (may be NULL) tells whether the file lists it at all; an
 * unlisted term returns false.
 */
bool jk_termfile_selected(const struct jk_termfile *t, const char *term, size_t len, bool *known);

/* Number of distinct terms in the file. */
size_t jk_termfile_count(const struct jk_termfile *t);

#endif
