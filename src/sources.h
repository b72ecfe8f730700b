/*
 * Stage 1b, documents from files: database and reference-manager exports
 * (CSV from Scopus, Publish or Perish or a repository; RIS; BibTeX;
 * VOSviewer corpus files) hold many documents each. This module picks the
 * reader (by extension, or forced with --format), turns each record into
 * one document's text from the chosen fields, and cuts a long document
 * down to its abstract when asked.
 */
#ifndef JK_SOURCES_H
#define JK_SOURCES_H

#include <stdbool.h>

#include "read_csv.h"
#include "record.h"
#include "util/buf.h"
#include "util/status.h"

/* How a file is read (--format). */
enum jk_format {
    JK_FORMAT_AUTO,
    JK_FORMAT_TEXT,
    JK_FORMAT_PDF,
    JK_FORMAT_CSV,
    JK_FORMAT_RIS,
    JK_FORMAT_BIBTEX,
    JK_FORMAT_VOSVIEWER,
    JK_FORMAT_DOCX, /* Word (read_office.h) */
    JK_FORMAT_ODT,  /* OpenDocument text (read_office.h) */
    JK_FORMAT_HTML, /* a saved web page (read_html.h) */
    JK_FORMAT_DOC,  /* Word 97-2003 (read_msdoc.h) */
    JK_FORMAT_RTF,  /* Rich Text Format (read_rtf.h) */
};

/* Which record fields are mined (--fields); 0 means the default for the kind of file. */
enum jk_field_bits {
    JK_FIELD_TITLE = 1,
    JK_FIELD_ABSTRACT = 2,
    JK_FIELD_KEYWORDS = 4,
    JK_FIELD_FULLTEXT = 8
};

/* Everything that decides how files become documents; all borrowed. */
struct jk_source_options {
    enum jk_format format;                /* JK_FORMAT_AUTO: by extension */
    unsigned fields;                      /* JK_FIELD_* bits; 0: the default */
    const struct jk_csv_columns *columns; /* --columns overrides, or NULL */
    const char *scores;                   /* VOSviewer scores file, or NULL */
};

enum jk_status jk_format_parse(const char *text, enum jk_format *out, struct jk_diag *diag);
const char *jk_format_kind_name(enum jk_format f);
/* Parses "title,abstract,keywords,fulltext" (any subset) into JK_FIELD_* bits. */
enum jk_status jk_fields_parse(const char *list, unsigned *fields, struct jk_diag *diag);

/* How path is read under the options: TEXT, PDF, or one of the record formats. */
enum jk_format jk_source_format(const char *path, const struct jk_source_options *o);
/* True when path holds many records (CSV, RIS, BibTeX, VOSviewer corpus). */
bool jk_is_record_file(const char *path, const struct jk_source_options *o);
/* True when path is read at all: .txt .md .pdf .docx .doc .rtf .odt .html .htm .csv .ris .bib, or
 * anything under a forced format. */
bool jk_is_source_name(const char *path, const struct jk_source_options *o);

/*
 * Whether the file name of path marks one part of a work, as repositories
 * split a thesis into files: a chapter ("BAB I", "bab_iv", "Bab-3", "bab2",
 * "Chapter 12": "bab" or "chapter" in any case, not after a letter, then
 * spaces, '_', '-' or '.', then a Roman numeral i to x of at most four
 * letters or a number of one or two digits) or a part's name ("ABSTRAK",
 * "Abstract", "COVER", "DAFTAR PUSTAKA", "daftar_isi", "LAMPIRAN", "KATA
 * PENGANTAR"), not followed by a letter or digit. True with key set to path
 * without that mark and without a leading number of one or two digits
 * ("03. BAB II.pdf"), so that the parts of one work in one folder share a
 * key ("t/1234-\x01.pdf"). The folders of path are not searched for a mark.
 */
bool jk_part_key(const char *path, struct jk_buf *key);
/* Whether the part of a work path's file name marks (jk_part_key) is its abstract ("ABSTRAK"). */
bool jk_part_is_abstract(const char *path);

/* Receives one record's text (valid while the call lasts) and the record. */
typedef enum jk_status (*jk_document_fn)(void *ctx, const char *text, size_t len,
                                         const struct jk_record *r, struct jk_diag *diag);

/*
 * The length of abstract[0..len) without the publisher's copyright
 * statement that database exports append ("... pesat. (c) 2020 Elsevier
 * Ltd. All rights reserved."): cut at the first "\u00a9", "(c) YEAR",
 * "Copyright" or "All rights reserved" that starts a sentence within the
 * last JK_COPYRIGHT_TAIL bytes, trailing blanks dropped; len when there is
 * none. Left in, such statements make "elsevier ltd" and "rights reserved"
 * terms of a Scopus map (VOSviewer ignores them the same way).
 */
#define JK_COPYRIGHT_TAIL 400
size_t jk_abstract_without_copyright(const char *abstract, size_t len);

/*
 * abstract[0..*len) as it goes into a record's text: without its copyright
 * statement, and without the labels of a structured abstract ("Purpose:",
 * "Design/methodology/approach:", "Findings:", "Tujuan:", "Hasil:" ...)
 * where a sentence starts; VOSviewer ignores both the same way. Returns the
 * text and sets *len to its length: abstract itself when no label had to
 * go (most abstracts: nothing is copied), else scratch's data (scratch
 * initialised, replaced; the text lives as long as it does). With *len 0
 * the pointer is not to be read (it may be NULL, as an empty abstract's is).
 */
const char *jk_clean_abstract(const char *abstract, size_t *len, struct jk_buf *scratch);

/*
 * Reads the records of path and calls fn with each record's text from the
 * chosen fields (default: title and abstract, keywords when there is no
 * abstract), the abstract without its copyright statement and structure
 * labels (jk_clean_abstract). Records without text are passed over. Errors as the readers
 * give them (JK_E_INPUT naming the file); broken records are warnings.
 * scratch is the caller's buffer for the text.
 */
enum jk_status jk_read_records(const char *path, const struct jk_source_options *o,
                               jk_document_fn fn, void *ctx, struct jk_buf *scratch,
                               struct jk_diag *diag);

/*
 * Cuts text (replacing it) down to its abstract: from an "Abstrak" or
 * "Abstract" heading to "Kata kunci"/"Keywords" or the next heading, in
 * either language (both abstracts when a document has two). Returns false
 * and leaves text whole when no abstract heading is found.
 */
bool jk_keep_abstract(struct jk_buf *text);

/* What jk_drop_references did. */
enum jk_references {
    JK_REFS_KEPT, /* nothing cut */
    JK_REFS_CUT,  /* a reference list cut out */
    JK_REFS_ONLY, /* the text was a reference list to its end (a repository's "DAFTAR PUSTAKA.pdf"):
                     what is left is what came before its heading */
};

/*
 * Cuts a document's reference list (replacing text): from the last line
 * that is nothing but a reference-list heading ("Daftar Pustaka",
 * "Referensi", "References", "Bibliography", also numbered or in Markdown)
 * to an appendix heading after it ("Lampiran", "Appendix"), which stays,
 * or to the end. Cuts nothing when there is no such line, or when the cut
 * would take more than half the text (a table of contents line, or a
 * document that is mostly references), unless the text starts with its
 * list: before the heading at most two short lines (80 bytes: a stamp, a
 * running head), and after it at least one year closed by ')' or '.'
 * ("(2013).", "2015.") in every 400 bytes, five or more, as a list of
 * references has and running text does not.
 */
enum jk_references jk_drop_references(struct jk_buf *text);
/* Whether jk_drop_references would find text[0..len) to be nothing but a reference list
 * (JK_REFS_ONLY); the text is not changed. */
bool jk_is_reference_list(const char *text, size_t len);

/*
 * Cuts a thesis's front matter (replacing text): from its first heading
 * ("Kata Pengantar", "Lembar Pengesahan", "Pernyataan Keaslian", "Motto dan
 * Persembahan", "Daftar Isi", "Daftar Tabel", ...) to the last first-chapter
 * heading ("BAB I", "BAB 1 PENDAHULUAN", "I. PENDAHULUAN") in the first
 * half of the text, keeping the abstracts in between ("Abstrak",
 * "Abstract", "Intisari") up to the next front-matter heading, and the
 * title page before less its lines naming the degree, the student's number
 * or the institution ("SKRIPSI", "Diajukan untuk ...", "NIM", "FAKULTAS
 * ...", "UNIVERSITAS ...") and the short lines in capitals after a
 * university's or "Oleh:" (city, year, author). Cuts nothing without both
 * headings. Returns the bytes cut (0: none).
 */
size_t jk_drop_front_matter(struct jk_buf *text);

/*
 * Cuts the footnotes that cite a source (replacing text), as a reference
 * list is cut: a line that starts with a footnote mark ("<sup>3</sup>",
 * "[^3]:", "³", or in PDF text a number of one to three digits before the
 * text) and cites: "Ibid.", "Op. cit.", or authors' names with a comma and
 * then a year, a title in quotation marks or emphasis, or a page, volume
 * or web address ("hlm. 12", "Vol. 4", "https://"); after a mark of markup
 * (no list's or table's) also a title in quotation marks punctuated as
 * citations do ("Judul," "Judul".) or a page, volume or web address
 * alone, or a law cited by kind, number and year with its title
 * capitalised ("Undang-Undang ... Nomor 23 Tahun 2014 tentang Pemerintah
 * Daerah, Pasal 363"). Emphasis alone is no title: foreign words are set in it. PDF
 * text may also give numbers alone on their lines, one or
 * a page's column of them (1, 2, 3), and the footnotes' texts after them,
 * one each. There a footnote takes up to two short wrapped lines more:
 * while its sentence is open (no '.' at the line's end) any line without a
 * mark, after it one naming a page, volume or address that starts no
 * citation of its own. A Markdown definition ("[^3]:") takes the indented
 * lines that continue it, as Pandoc wraps them. Footnotes that explain
 * stay, as do footnotes longer than 1 KB. Returns the footnotes cut (0:
 * text unchanged).
 */
size_t jk_drop_footnotes(struct jk_buf *text);

/*
 * Cuts a journal article's information about its publication (replacing
 * text): lines of at most 320 bytes that are a dated or numbered field
 * ("Received: 12 Januari 2020", "Diterima: ...", "p-ISSN 2502-8731", "DOI:
 * 10...", "E-mail: ...", "Copyright © 2020 ..."), a label that needs no
 * value ("*Corresponding author", "Penulis korespondensi", "How to cite",
 * "Article history", "Info artikel", "©"), with its value's line when the
 * label ends its own, or a licence notice ("This is an open access article
 * under the CC BY-SA license", "Creative Commons", "All rights reserved"),
 * a journal's masthead: a line starting "Jurnal" or "Journal" that
 * names a volume ("Vol. 5") or stands over a line that does; or, before
 * an abstract heading in the first 16 KB, an author's affiliation (at most
 * 200 bytes starting, past a mark, with "Universitas", "Fakultas",
 * "Department", ...) and, after the title (jk_title_start), the byline:
 * at most 200 bytes of up to eight names in capitalised words and initials
 * joined by ",", "dan", "and", with an author's mark ("Safitri<sup>1</sup>",
 * "Hidayat1", "Lestari²*") or a role ("Melissa Aesthetica, author"), or
 * over an affiliation or an e-mail address.
 * A field's name must be followed within three bytes by ':', a digit, "©"
 * or a web address, so sentences that start "Diterima atau tidaknya ..."
 * stay. Returns the lines (or label-and-value pairs) cut (0: text unchanged).
 */
size_t jk_drop_article_info(struct jk_buf *text);

/*
 * Where a document's title starts in t[0..len): its first line with text
 * that is neither article information (see jk_drop_article_info: a
 * journal's masthead, "Vol. 5 No. 2", "p-ISSN ...") nor a title page's
 * degree or institution line ("SKRIPSI", "UNIVERSITAS ..."), among its
 * first 24 lines with text; else its first line with text (0 when none).
 */
size_t jk_title_start(const char *t, size_t len);

#endif
