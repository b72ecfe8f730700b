/*
 * The map command's pipeline: corpus -> clean -> tokenize -> terms ->
 * count -> select -> co-occurrence -> network -> cluster -> export.
 * jk_run_map owns every stage's output and releases them in reverse order.
 */
#ifndef JK_PIPELINE_H
#define JK_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bilingual.h"
#include "corpus.h"
#include "count.h"
#include "select.h"
#include "map.h"
#include "options.h"
#include "util/status.h"

/* One input file as the run saw it. */
/* What --section cut from a file's text: bits of jk_doc_record.cuts. */
enum jk_cut {
    JK_CUT_ABSTRACT = 1,        /* all but its abstract (--section abstract) */
    JK_CUT_REFERENCES = 2,      /* its reference list */
    JK_CUT_FRONT_MATTER = 4,    /* a thesis's front matter */
    JK_CUT_ONLY_REFERENCES = 8, /* nothing but a reference list: the file is skipped */
    JK_CUT_FOOTNOTES = 16,      /* footnotes that cite sources */
    JK_CUT_ARTICLE_INFO = 32,   /* a journal article's information (received, ISSN, licence) */
};

struct jk_doc_record {
    const char *path; /* borrowed from the corpus */
    size_t folder;    /* the start of path naming its folder under an input folder (jk_source) */
    uint64_t bytes;
    char sha256[65];
    bool skipped;          /* no usable text */
    const char *skip_note; /* why, for report.md */
    const char *copy_of;   /* a skipped copy's original (borrowed from the corpus), or NULL */
    int resemblance;       /* a near copy's, in percent (nearcopy.h); 0 for the same bytes */
    int within;            /* a file inside copy_of: the share of its sequences there, percent */
    int year;              /* publication year, 0 when unknown */
    uint32_t records;      /* documents it gave (a record file: its records) */
    size_t invalid_utf8;   /* sequences repaired */
    uint64_t tokens;       /* word tokens */
    uint32_t terms;        /* distinct candidate terms */
    unsigned cuts;         /* what --section cut from its text (enum jk_cut bits) */
};

/* report.md's Documents table lists the first this many counted documents. */
#define JK_REPORT_DOCUMENTS 1000

/* What a run did, for report.md and run.json. Borrows everything. */
struct jk_run {
    const struct jk_map_options *opt;
    const struct jk_doc_record *docs;
    size_t n_docs;
    const struct jk_left_out *left_out; /* entries of the input folders left out, and why */
    size_t n_left_out;
    size_t docs_used;
    uint64_t tokens;
    uint64_t candidate_occurrences;
    size_t candidate_terms;
    const struct jk_selection *selection;
    const struct jk_map *map;
    const char *const *lists; /* the bundled lists used */
    size_t n_lists;
    bool stemming;               /* the stemmer ran */
    size_t acronyms;             /* acronym definitions found */
    uint64_t sentences_id;       /* sentences tagged Indonesian */
    uint64_t sentences_en;       /* sentences tagged English */
    uint64_t pattern_matches;    /* keyword-pattern matches counted */
    size_t duplicates;           /* records found twice (same DOI or title), counted once */
    size_t part_sets;            /* sets of files named as parts of one work, each file counted */
    size_t abstracts_found;      /* documents cut to their abstract (--section abstract) */
    size_t beside_abstract;      /* files left out: their work's abstract is in another file */
    size_t references_dropped;   /* documents whose reference list was cut (--section body) */
    size_t front_matter_dropped; /* theses whose front matter was cut (--section body) */
    size_t footnotes_dropped;    /* documents with footnotes that cite sources cut (body) */
    size_t article_info_dropped; /* documents with journal article information cut (body) */
    size_t n_counted;            /* documents counted (records count one each) */
    const uint32_t *doc_file;    /* per counted document: index in docs */
    char *const *doc_title;      /* per counted document: title or NULL (only the first
                                    JK_REPORT_DOCUMENTS have one: report.md lists no more) */
    const double *doc_year;      /* per counted document: year or NAN */
    const uint32_t *doc_terms;   /* per counted document: distinct candidate terms */
    const uint32_t *doc_files;   /* per counted document: the files it was counted from */
    const struct jk_bilingual *bilingual; /* English terms merged into Indonesian twins, or NULL */
};

/*
 * Runs the terms command: counting and selection as for map, then
 * terms.tsv in the output folder for review (see jk_write_term_review).
 */
enum jk_status jk_run_terms(const struct jk_map_options *opt, struct jk_diag *diag);

/* Runs the whole map command. Errors as in each stage; JK_E_EMPTY when nothing links. */
enum jk_status jk_run_map(const struct jk_map_options *opt, struct jk_diag *diag);

#endif
