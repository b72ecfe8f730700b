/*
 * CSV reader for database exports (Scopus, Publish or Perish, university
 * repositories). Part of the input stage: parses with libcsv, fills one
 * struct jk_record per data row and hands it to a jk_record_fn.
 *
 * The file: UTF-8 with or without BOM, LF or CRLF, a header line first.
 * The separator is ',', ';' or tab, whichever the header line holds most of
 * (outside quotes). Quoted fields may hold separators, "" and newlines.
 * Columns are found by header name, case-insensitive, surrounding blanks
 * ignored (earlier names in each list win when a file has several):
 *   title      Title, Judul, Article Title, Document Title
 *   abstract   Abstract, Abstrak
 *   keywords   Author Keywords, Keywords, Kata Kunci, Keyword
 *   year       Year, Tahun, PY, Publication Year   (first four digits)
 *   citations  Cited by, Cites, Citations, Times Cited
 *   authors    Authors, Penulis, Author
 *   doi        DOI
 *   venue      Source title, Source, Journal
 * Keywords are split at ';' (or at ',' when the cell has no ';') and joined
 * with "; "; authors are split at ';' only (a comma is part of a name).
 * Scopus's "[No abstract available]" placeholder reads as no abstract.
 * Lines are read with jk_lines, which skips blank lines: a blank line inside
 * a quoted field is dropped (the line break before it is kept).
 */
#ifndef JK_READ_CSV_H
#define JK_READ_CSV_H

#include "record.h"

enum jk_csv_field {
    JK_CSV_TITLE,
    JK_CSV_ABSTRACT,
    JK_CSV_KEYWORDS,
    JK_CSV_YEAR,
    JK_CSV_CITATIONS,
    JK_CSV_AUTHORS,
    JK_CSV_DOI,
    JK_CSV_VENUE,
    JK_CSV_NFIELDS
};

/* Column names chosen by the user; name[f] NULL means "detect". Owns the names. */
struct jk_csv_columns {
    char *name[JK_CSV_NFIELDS];
};

void jk_csv_columns_init(struct jk_csv_columns *c);
/* Frees the names; NULL-safe; c may be used again after jk_csv_columns_init. */
void jk_csv_columns_release(struct jk_csv_columns *c);
/* Whether c (may be NULL) names any column, so that not all are detected. */
bool jk_csv_columns_named(const struct jk_csv_columns *c);

/*
 * Parses a `--columns` value such as "title=Judul Skripsi,abstract=Ringkasan"
 * into c (initialised; later settings replace earlier ones). Field names are
 * title, abstract, keywords, year, citations, authors, doi, venue (any case);
 * column names are trimmed and may not hold ','. Returns JK_OK, or
 * JK_E_USAGE with a message naming the bad part and the accepted fields.
 */
enum jk_status jk_csv_columns_parse(const char *spec, struct jk_csv_columns *c,
                                    struct jk_diag *diag);

/*
 * Reads the CSV file at path and calls emit once per data row (the record
 * is borrowed for the call; record.line is the row's first line). override
 * (may be NULL) names columns instead of detecting them.
 * Problems that stop the file, JK_E_INPUT with a message naming the file:
 * unreadable, not UTF-8 (FILE:LINE), empty, a header whose quoted field never
 * closes (FILE:LINE), no title, abstract or keywords column (the message
 * lists the header seen), an override column absent.
 * Problems that only warn (jk_warn), the rest still read: a row whose field
 * count differs from the header's ("FILE:LINE", row skipped); a quote never
 * closed ("FILE:LINE" of the row it opens in; every row before it is
 * emitted, the text after it is lost because it all reads as one field).
 * Returns JK_OK, JK_E_INPUT, or the first non-OK status emit returned.
 */
enum jk_status jk_read_csv(const char *path, const struct jk_csv_columns *override,
                           jk_record_fn emit, void *ctx, struct jk_diag *diag);

/*
 * Reads only the header of the CSV file at path: *has is whether it names
 * a title, abstract or keywords column (found as jk_read_csv finds them),
 * false for a table that is no bibliographic export (a survey's answers, a
 * table of figures). header (may be NULL) gets the header as seen, for
 * messages. Errors as jk_read_csv's before its first row (unreadable, not
 * UTF-8, empty, an override column absent), with *has false.
 */
enum jk_status jk_csv_has_text_columns(const char *path, const struct jk_csv_columns *override,
                                       bool *has, struct jk_buf *header, struct jk_diag *diag);

#endif
