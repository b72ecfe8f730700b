/*
 * Options of `jaringkata map`: defaults, parsing and validation.
 * Every value is checked here so later stages can trust it; a bad value is
 * JK_E_USAGE with a message that says what to give instead.
 */
#ifndef JK_OPTIONS_H
#define JK_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cluster.h"
#include "layout.h"
#include "cooccur.h"
#include "count.h"
#include "network.h"
#include "select.h"
#include "sources.h"
#include "terms.h"
#include "util/status.h"

/* --section: which part of a plain or PDF document is mined. */
enum jk_section {
    JK_SECTION_BODY,     /* all but the reference list (jk_drop_references) */
    JK_SECTION_ALL,      /* everything */
    JK_SECTION_ABSTRACT, /* the abstract (jk_keep_abstract) */
};

/*
 * --document: what counts as one document: each file; each folder directly under an input
 * folder (a thesis kept as one folder); or each work, a folder so or the files of one
 * folder named as the parts of one work ("1234-BAB I.pdf", "1234-BAB II.pdf"; jk_part_key).
 * Records of CSV, RIS, BibTeX and VOSviewer files count one each whatever it is.
 */
enum jk_document_unit { JK_DOCUMENT_FILE, JK_DOCUMENT_FOLDER, JK_DOCUMENT_WORK };

/* --document's name for unit ("file", "folder", "work"). */
const char *jk_document_unit_name(enum jk_document_unit unit);

/* --sketch: whether a first look finds the candidates that occur once (see sketch.h). */
enum jk_sketch_mode { JK_SKETCH_AUTO, JK_SKETCH_ON, JK_SKETCH_OFF };

/* --sketch auto turns it on from this much text (bytes the first pass read). */
#define JK_SKETCH_AUTO_BYTES (8u << 20)

struct jk_map_options {
    const char **inputs; /* owned array of borrowed argv strings */
    size_t n_inputs;
    const char *output;
    unsigned max_words;
    struct jk_select_options select;
    struct jk_unit unit;                 /* co-occurrence unit */
    enum jk_normalization normalization; /* link strengths for clustering and layout */
    struct jk_cluster_options cluster;
    struct jk_layout_options layout;
    bool largest_component;      /* map only the largest connected component */
    unsigned width, height;      /* pictures, pixels */
    const char **stopword_files; /* owned array of borrowed argv strings: --stopwords */
    size_t n_stopword_files;
    const char *stopwords_dir;        /* the bundled lists */
    bool academic;                    /* use stopwords/academic-id.txt */
    bool stem;                        /* term-preserving Indonesian stemming */
    const char *dictionary;           /* hunspell-id's .dic */
    enum jk_lang_filter langs;        /* which sentences give terms */
    bool bilingual_merge;             /* merge English terms into Indonesian twins */
    const char *thesaurus;            /* VOSviewer thesaurus, or NULL */
    const char *patterns;             /* keyword patterns, or NULL */
    const char *terms_file;           /* reviewed terms.tsv, or NULL */
    unsigned formats;                 /* JK_FORMAT_* bits to write */
    struct jk_source_options sources; /* how files become documents */
    struct jk_csv_columns columns;    /* --columns, pointed to by sources */
    enum jk_section section;          /* --section (default: body) */
    bool items_keywords;              /* --items keywords */
    bool keep_copies;                 /* --keep-copies: copies and near copies count */
    enum jk_document_unit document;   /* --document: what one document is */
    bool quiet;
    bool timings;               /* print each stage's seconds on stderr */
    size_t threads;             /* --threads: 0 = every processor; results never depend on it */
    enum jk_sketch_mode sketch; /* --sketch; results never depend on it */
    bool help;
};

/* Output formats (--formats); report.md and run.json are always written. */
#define JK_FORMAT_NAMES "graphml,vosviewer,json,gexf,pajek,gml,csv,html,svg,png"

/* --section's name for section ("body", "all", "abstract"). */
const char *jk_section_name(enum jk_section section);

/* The i-th format name, or NULL past the last. */
const char *jk_format_name(size_t i);

/* True when the format named (NULL: always) is among the bits. */
bool jk_formats_has(unsigned formats, const char *name);

/*
 * Parses a comma-separated list of format names (or "all") into bits.
 * JK_E_USAGE naming an unknown format and listing the known ones.
 */
enum jk_status jk_formats_parse(const char *list, unsigned *formats, struct jk_diag *diag);

void jk_map_options_init(struct jk_map_options *o);
void jk_map_options_release(struct jk_map_options *o);

/*
 * Parses argv[1..argc) of the map command (argv[0] is "map"). argv must
 * outlive o. Sets o->help and returns JK_OK for --help.
 */
enum jk_status jk_map_options_parse(struct jk_map_options *o, int argc, char **argv,
                                    struct jk_diag *diag);

/* Prints the map command's help, with every option and its default. */
void jk_map_options_usage(FILE *out);

/* Folder of the bundled stopword lists: $JARINGKATA_STOPWORDS, else the build's default. */
const char *jk_default_stopwords_dir(void);

#endif
